//! Command-line interface: clap definitions and one small file per
//! subcommand. Each subcommand returns `Result<(), Failure>`; `main` turns
//! the failure class into the exit code.

mod check;
mod compare;
mod describe;
mod excitability;
mod merge;
mod plot;
mod reference;
mod rest;
mod rest_scan;
mod run;
mod sweep;
mod tetany_threshold;
mod validate;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use endplate::scenario::ScenarioError;
use endplate::solve::SolveError;
pub use sweep::SweepArgs;

/// endplate: neuromuscular junction and skeletal-muscle membrane simulator.
#[derive(Debug, Parser)]
#[command(name = "endplate", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a scenario: writes trace.csv, metrics.json, v.png and v.svg.
    Run {
        /// The scenario file (TOML).
        scenario: PathBuf,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar: --set simulation.duration_ms=200 (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Bring a scenario's model to rest (no stimulus) and report convergence; writes rest.json.
    Rest {
        /// The scenario file (TOML); its [rest] and [solver] settings apply.
        scenario: PathBuf,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar: --set rest.tolerance_per_ms=1e-8 (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Measure excitability: spontaneous firing rate and 50 ms rheobase (axon and fibre of a motor unit); writes excitability.json.
    Excitability {
        /// The scenario file (TOML); its stimulus is replaced by the test protocols.
        scenario: PathBuf,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar: --set ions.ca_o_mm=0.8 (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Find the highest ionized Ca at which a motor unit's axon fires on its own within 1 s (bisection on ions.ca_o_mm); writes tetany-threshold.json.
    TetanyThreshold {
        /// The scenario file (TOML) of a motor unit; its stimulus is removed.
        scenario: PathBuf,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar other than ions.ca_o_mm: --set ions.ph=7.6 (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Run several scenarios and compare them: overlaid potentials (and forces), metrics side by side.
    Compare {
        /// The scenario files, e.g. a normal one and a deficient one.
        #[arg(required = true, num_args = 2..)]
        scenarios: Vec<PathBuf>,
        /// Output folder [default: out/compare].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar in every scenario (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Compute every validation target (HH vs NEURON, Shorten 2007 vs OpenCOR) and print pass/fail.
    Validate {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Rest states against one parameter from a depolarized and a hyperpolarized start
    /// (continuation up and down, ions held): rest_scan.csv, rest_scan.png/svg.
    RestScan {
        /// The scenario file (TOML); its [rest] and [solver] settings apply.
        scenario: PathBuf,
        /// The scalar to scan, e.g. ions.k_o_mm.
        #[arg(long)]
        param: String,
        /// First value.
        #[arg(long)]
        from: f64,
        /// Last value.
        #[arg(long)]
        to: f64,
        /// Number of values, evenly spaced.
        #[arg(long, default_value_t = 24)]
        steps: usize,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar: --set parameters.gating_pore.g_ms_per_cm2=0.015 (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Check scenario files without running them.
    Check {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Override a scalar in every file, checked like the file itself (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE")]
        overrides: Vec<String>,
    },
    /// Run a sweep file's points in parallel: results.csv, sweep.json, plots/.
    Sweep(SweepArgs),
    /// Merge the results folders of all shards of a sweep into one.
    Merge {
        /// The shard folders (one per shard).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// The merged folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// Redraw a sweep's figures from its results folder.
    Plot {
        /// The results folder (with results.csv and sweep.json).
        dir: PathBuf,
    },
    /// Print the scenario-file reference (Markdown): every key, its unit, default, range and source.
    Reference,
    /// List the models, or show one model's state variables and parameters.
    Describe {
        /// A model name (see the list without it).
        model: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Output format of `describe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Text,
    /// JSON for programs.
    Json,
}

/// Why a command failed, which decides the exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Bad input: a scenario, an argument or a file that cannot be used (exit 2).
    #[error("{0}")]
    Input(String),
    /// The simulation itself failed (exit 1).
    #[error("{0}")]
    Simulation(String),
    /// Results could not be written (exit 1).
    #[error("{0}")]
    Output(String),
}

impl Failure {
    /// The process exit code for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) => 2,
            Failure::Simulation(_) | Failure::Output(_) => 1,
        }
    }
}

impl From<ScenarioError> for Failure {
    fn from(error: ScenarioError) -> Self {
        Failure::Input(error.to_string())
    }
}

impl From<SolveError> for Failure {
    fn from(error: SolveError) -> Self {
        Failure::Simulation(error.to_string())
    }
}

/// Writes `text` to stdout. A closed pipe (`endplate describe | head`) is
/// not an error worth a panic: the reader has what it wanted.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Output(
            format!("cannot write to standard output: {error}"),
        )),
        _ => Ok(()),
    }
}

/// Runs the parsed command.
pub fn dispatch(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Run {
            scenario,
            out,
            overrides,
        } => run::run(&scenario, out.as_deref(), &overrides),
        Command::Rest {
            scenario,
            out,
            overrides,
        } => rest::rest(&scenario, out.as_deref(), &overrides),
        Command::Excitability {
            scenario,
            out,
            overrides,
        } => excitability::excitability(&scenario, out.as_deref(), &overrides),
        Command::TetanyThreshold {
            scenario,
            out,
            overrides,
        } => tetany_threshold::tetany_threshold(&scenario, out.as_deref(), &overrides),
        Command::Compare {
            scenarios,
            out,
            overrides,
        } => compare::compare(&scenarios, out.as_deref(), &overrides),
        Command::RestScan {
            scenario,
            param,
            from,
            to,
            steps,
            out,
            overrides,
        } => rest_scan::rest_scan(
            &scenario,
            &param,
            (from, to, steps),
            out.as_deref(),
            &overrides,
        ),
        Command::Validate { format } => validate::validate(format),
        Command::Check { files, overrides } => check::check(&files, &overrides),
        Command::Describe { model, format } => describe::describe(model.as_deref(), format),
        Command::Reference => reference::reference(),
        Command::Sweep(args) => sweep::sweep(&args),
        Command::Merge { dirs, out } => merge::merge(&dirs, &out),
        Command::Plot { dir } => plot::plot(&dir),
    }
}
