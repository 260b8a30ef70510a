//! `endplate sweep`: run a sweep file's points in parallel into a results
//! folder (results.csv, sweep.json, plots/), resumable and shardable; and
//! the sweep-file half of `endplate check`.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::{Failure, emit, output_folder};
use endplate::output::counted;
use endplate::sweep::check::{self, Finding};
use endplate::sweep::{self, Options, Shard, SweepError, SweepFile, plots, progress};

/// Arguments of `endplate sweep`.
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// The sweep file (TOML; see the README's Sweeps section).
    pub sweep: PathBuf,
    /// Results folder [default: out/<sweep name>, or out/<name>-shard-I-of-N].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Worker threads, 1 to 1024 [default: the number of cores].
    #[arg(long, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=super::MAX_THREADS))]
    pub threads: Option<usize>,
    /// Run only the points whose index is I modulo N (combine with `endplate merge`).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Continue an interrupted sweep in its folder: only missing points are computed.
    #[arg(long)]
    pub resume: bool,
    /// No progress on stderr.
    #[arg(long)]
    pub quiet: bool,
    /// Start even above the point limit or the trace disk budget.
    #[arg(long)]
    pub force: bool,
}

impl From<SweepError> for Failure {
    fn from(error: SweepError) -> Self {
        match error {
            SweepError::Input(message) => Failure::Input(message),
            SweepError::Output(message) => Failure::Output(message),
        }
    }
}

/// Runs the sweep; exit code 1 when some points failed.
pub fn sweep(args: &SweepArgs) -> Result<(), Failure> {
    let file = SweepFile::load(&args.sweep)?;
    let shard = args.shard.unwrap_or(Shard::WHOLE);
    let out = args.out.clone().unwrap_or_else(|| {
        let name = if shard.is_whole() {
            file.name.clone()
        } else {
            format!("{}-shard-{}-of-{}", file.name, shard.index, shard.count)
        };
        Path::new("out").join(name)
    });
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let options = Options {
        threads,
        shard,
        resume: args.resume,
        force: args.force,
        progress: if args.quiet {
            progress::Mode::Quiet
        } else {
            progress::Mode::Auto
        },
    };
    let folder = output_folder(&out)?;
    let summary = sweep::run(&file, &out, &options)?;
    let mut text = format!(
        "{}: {} points{}, {} computed in {:.2} s ({:.1} points/s, {threads} threads); {} failed\n",
        file.name,
        summary.shard_points,
        if shard.is_whole() {
            String::new()
        } else {
            format!(" (shard {shard} of {})", summary.points)
        },
        summary.computed,
        summary.wall.as_secs_f64(),
        summary.computed as f64 / summary.wall.as_secs_f64().max(1e-9),
        summary.failed,
    );
    text += &format!(
        "  rest searches: {}; endplate measurements: {}\n",
        summary.work.rest_searches, summary.work.endplate_measurements
    );
    text += &format!("  wrote {}/{{results.csv, sweep.json}}\n", out.display());
    if shard.is_whole() {
        text += &plot_lines(&out)?;
    } else {
        text += "  plots: after `endplate merge` of all shards\n";
    }
    drop(folder);
    emit(&text)?;
    if summary.failed > 0 {
        return Err(Failure::Simulation(format!(
            "{} of {} points failed: see the status and error columns of {}",
            summary.failed,
            summary.shard_points,
            summary.results.display()
        )));
    }
    Ok(())
}

/// Draws the figures of the results in `dir`; what was drawn, for the terminal.
pub(super) fn plot_lines(dir: &Path) -> Result<String, Failure> {
    let drawn = plots::draw(dir).map_err(|e| {
        Failure::Output(format!("cannot draw the figures of {}: {e}", dir.display()))
    })?;
    let mut text = String::new();
    if !drawn.files.is_empty() {
        text += &format!(
            "  plots: {} in {}\n",
            counted(drawn.files.len() as u64 / 2, "figure"),
            dir.join(plots::PLOTS).display()
        );
    }
    for note in drawn.notes {
        text += &format!("  plots: {note}\n");
    }
    Ok(text)
}

/// `endplate check` of one sweep file: the `ok:` line, or the error text.
pub(super) fn check_file(file: &Path, overrides: &[String]) -> Result<String, String> {
    match check::check(file, overrides) {
        Finding::Valid(description) => Ok(format!("ok: {} ({description})\n", file.display())),
        Finding::Invalid(error) => Err(error.to_string()),
        Finding::Refused(reason) => Err(format!(
            "{}: `endplate sweep` refuses this file without --force: {reason}",
            file.display()
        )),
        Finding::BadPoints(errors, more) => {
            let mut text = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n\nerror: ");
            if more {
                text += &format!(
                    "\n(the first {} failing points are shown; there may be more)",
                    check::MAX_REPORTED
                );
            }
            Err(text)
        }
    }
}
