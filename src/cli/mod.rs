//! Command-line interface: clap definitions and one small file per
//! subcommand. Each subcommand returns `Result<(), Failure>`; `main` turns
//! the failure class into the exit code.

mod check;
mod compare;
mod cramp_threshold;
mod describe;
mod excitability;
mod merge;
mod plot;
mod reference;
mod rest;
mod rest_scan;
mod run;
mod serve;
mod sweep;
mod tetany_threshold;
mod validate;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use endplate::output::folder::{FolderError, OutputFolder};
use endplate::scenario::ScenarioError;
use endplate::solve::SolveError;
pub use sweep::SweepArgs;

/// Most values of `rest-scan --steps`: each is two rest searches of up to
/// `rest.max_ms`, so more would run for days.
pub const MAX_SCAN_STEPS: u64 = 10_000;

/// Most worker threads of `sweep --threads`.
pub const MAX_THREADS: u64 = 1024;

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
        /// Start even when the trace would exceed the size limit.
        #[arg(long)]
        force: bool,
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
    /// Cramp threshold frequency: nerve bursts at 4, 6, … 44 Hz into a motor unit with a motoneuron; the lowest after which it keeps firing and contracting (cramp_threshold.json, .png/.svg).
    CrampThreshold {
        /// The scenario file (TOML): a motor unit with `motoneuron_model`; its stimulus is replaced by the bursts.
        scenario: PathBuf,
        /// Output folder [default: out/<scenario name>].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Override a scalar: --set parameters.motoneuron.pic_gain=1.5 (repeatable).
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
        /// Start even when a run's trace would exceed the size limit.
        #[arg(long)]
        force: bool,
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
        /// Number of values, evenly spaced (2 to 10000).
        #[arg(long, default_value_t = 24,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(2..=MAX_SCAN_STEPS))]
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
    /// The teaching page: a local web server with presets, sliders and figures.
    Serve {
        /// Address to listen on (127.0.0.1: this computer only).
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// Port (0: any free port; the address is printed).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Open the page in a browser (xdg-open), when there is one.
        #[arg(long)]
        open: bool,
    },
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

impl From<FolderError> for Failure {
    fn from(error: FolderError) -> Self {
        match error {
            FolderError::Busy { .. } => Failure::Input(error.to_string()),
            FolderError::Io { .. } => Failure::Output(error.to_string()),
        }
    }
}

/// Creates and locks the output folder `dir` (see [`OutputFolder`]).
pub(crate) fn output_folder(dir: &std::path::Path) -> Result<OutputFolder, Failure> {
    Ok(OutputFolder::open(dir)?)
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
            force,
        } => run::run(&scenario, out.as_deref(), &overrides, force),
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
        Command::CrampThreshold {
            scenario,
            out,
            overrides,
        } => cramp_threshold::cramp_threshold(&scenario, out.as_deref(), &overrides),
        Command::TetanyThreshold {
            scenario,
            out,
            overrides,
        } => tetany_threshold::tetany_threshold(&scenario, out.as_deref(), &overrides),
        Command::Compare {
            scenarios,
            out,
            overrides,
            force,
        } => compare::compare(&scenarios, out.as_deref(), &overrides, force),
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
        Command::Serve { host, port, open } => serve::serve(host, port, open),
    }
}
