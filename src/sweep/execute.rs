//! Running a sweep: points in parallel on a local rayon pool, rows through
//! a channel to one writer thread, then the sort into results.csv.
//!
//! Each worker owns its scratch space (override buffers, the row being
//! formatted); points share nothing but the read-only sweep, so results do
//! not depend on the thread count and the hot path takes no lock. The
//! writer appends rows to `results.partial.csv` as they arrive, flushing at
//! least every [`FLUSH_INTERVAL`], and reports progress; a killed sweep
//! loses at most that much work, and `--resume` computes only the points
//! the partial file lacks. A point that fails — a scenario error at its
//! values, a solver failure, a non-finite state, even a panic — becomes a
//! row with `status = error` and the message; the sweep goes on.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::excitability;
use crate::output::trace::TraceFile;
use crate::scenario::error::{Origin, ScenarioError};
use crate::simulation::{self, NoTrace, RunResult, Tally};
use crate::sweep::file::{PointScratch, SweepFile};
use crate::sweep::limits;
use crate::sweep::manifest::{Manifest, Session, unix_seconds};
use crate::sweep::metrics::{Metric, format_float};
use crate::sweep::progress::{self, Progress};
use crate::sweep::results::{self, ERROR, Line, OK, PARTIAL, RESULTS, Scan};
use crate::sweep::shard::Shard;
use crate::sweep::traces::trace_path;

/// Longest time a finished row waits in memory before it is flushed to disk.
pub const FLUSH_INTERVAL: Duration = Duration::from_millis(200);

/// How to run a sweep.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads (≥ 1).
    pub threads: usize,
    /// Which points.
    pub shard: Shard,
    /// Continue an interrupted sweep in the same folder.
    pub resume: bool,
    /// Start even beyond the limits of [`limits`].
    pub force: bool,
    /// Progress on stderr.
    pub progress: progress::Mode,
}

/// What a finished sweep did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Points in the whole sweep.
    pub points: u64,
    /// Points in the shard that was run.
    pub shard_points: u64,
    /// Points computed by this session (the rest came from an earlier one).
    pub computed: u64,
    /// Rows of results.csv with `status = error`.
    pub failed: u64,
    /// Wall-clock time of this session.
    pub wall: Duration,
    /// Rest searches and endplate measurements this session made.
    pub work: Tally,
    /// The sorted results.
    pub results: PathBuf,
}

/// Why a sweep did not finish.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SweepError {
    /// The sweep cannot start as asked (bad base, a limit, a folder in the way).
    #[error("{0}")]
    Input(String),
    /// Results could not be written.
    #[error("{0}")]
    Output(String),
}

/// Runs the points of `options.shard` of `sweep` into the folder `out`.
pub fn run(sweep: &SweepFile, out: &Path, options: &Options) -> Result<Summary, SweepError> {
    let started = Instant::now();
    let started_at = SystemTime::now();
    let base = sweep.base_run(&[]).map_err(|error| {
        SweepError::Input(format!(
            "{error}\n  (the base scenario, with `set`, must be a valid run on its own; the axes vary it)"
        ))
    })?;
    if !options.force {
        if let Some(reason) = limits::refusal(sweep, &base, options.shard) {
            return Err(SweepError::Input(reason));
        }
    }
    let output_error = |what: &str, error: &dyn std::fmt::Display| {
        SweepError::Output(format!("{what} in {}: {error}", out.display()))
    };
    fs::create_dir_all(out).map_err(|e| output_error("cannot create the folder", &e))?;
    let header = results::header(
        sweep.axes.iter().map(|a| a.name.as_str()),
        sweep.metrics.iter().map(|m| m.name.as_str()),
    );
    let partial = out.join(PARTIAL);
    let mut manifest = prepare(sweep, out, options)?;
    let total = sweep.plan.count();
    let scan = if partial.exists() {
        results::scan(&partial, &header, options.shard, total).map_err(|e| {
            SweepError::Input(format!("cannot resume from {}: {e}", partial.display()))
        })?
    } else {
        Scan::empty(options.shard, total)
    };
    let session = manifest.sessions.len();
    manifest.sessions.push(Session {
        shard: options.shard,
        started_unix_s: unix_seconds(started_at),
        wall_s: None,
        threads: options.threads,
        points_computed: 0,
        points_per_s: None,
        rest_searches: 0,
        endplate_measurements: 0,
    });
    manifest
        .write(out)
        .map_err(|e| output_error("cannot write sweep.json", &e))?;

    let file = reopen(&partial, &header, scan.valid_len)
        .map_err(|e| output_error("cannot write results.partial.csv", &e))?;
    let (computed, work) = compute(sweep, out, options, &scan, file)?;

    let scan = results::scan(&partial, &header, options.shard, total)
        .map_err(|e| output_error("cannot read results.partial.csv back", &e))?;
    let results_path = out.join(RESULTS);
    results::sort_into(&partial, &results_path, &header, &scan)
        .and_then(|file| file.commit().map_err(Into::into))
        .map_err(|e| output_error("cannot write results.csv", &e))?;
    fs::remove_file(&partial).map_err(|e| output_error("cannot remove results.partial.csv", &e))?;

    let wall = started.elapsed();
    manifest.complete = true;
    manifest.failed_points = Some(scan.failed);
    let record = &mut manifest.sessions[session];
    record.wall_s = Some(wall.as_secs_f64());
    record.points_computed = computed;
    record.points_per_s = (wall.as_secs_f64() > 0.0).then(|| computed as f64 / wall.as_secs_f64());
    record.rest_searches = work.rest_searches;
    record.endplate_measurements = work.endplate_measurements;
    manifest
        .write(out)
        .map_err(|e| output_error("cannot write sweep.json", &e))?;
    Ok(Summary {
        points: total,
        shard_points: options.shard.size(total),
        computed,
        failed: scan.failed,
        wall,
        work,
        results: results_path,
    })
}

/// The manifest to continue with: a fresh one, or (with `--resume`) the
/// folder's own after checking it belongs to this sweep. Refuses to start
/// over on top of an unfinished sweep without `--resume`.
fn prepare(sweep: &SweepFile, out: &Path, options: &Options) -> Result<Manifest, SweepError> {
    let fresh = Manifest::new(sweep, options.shard);
    let partial = out.join(PARTIAL);
    let results = out.join(RESULTS);
    if !options.resume {
        if partial.exists() {
            return Err(SweepError::Input(format!(
                "{} holds an unfinished sweep ({PARTIAL}): add --resume to finish it, \
                 or remove the folder to start over",
                out.display()
            )));
        }
        return Ok(fresh);
    }
    let existing = match Manifest::read(out) {
        Ok(existing) => existing,
        Err(error)
            if error.kind() == io::ErrorKind::NotFound
                && !partial.exists()
                && !results.exists() =>
        {
            return Ok(fresh); // nothing to resume: start
        }
        Err(error) => {
            return Err(SweepError::Input(format!(
                "cannot resume in {}: its sweep.json cannot be read ({error})",
                out.display()
            )));
        }
    };
    let mismatch = fresh.mismatch(&existing).or_else(|| {
        (existing.shard != options.shard).then(|| {
            format!(
                "it holds shard {} and this is shard {}",
                existing.shard, options.shard
            )
        })
    });
    if let Some(why) = mismatch {
        return Err(SweepError::Input(format!(
            "cannot resume in {}: {why}; results would mix — use another folder",
            out.display()
        )));
    }
    if !partial.exists() && results.exists() {
        // A finished sweep resumed: its sorted rows are the partial file of nothing left to do.
        fs::rename(&results, &partial)
            .map_err(|e| SweepError::Output(format!("cannot reopen {}: {e}", results.display())))?;
    }
    Ok(Manifest {
        complete: false,
        failed_points: None,
        ..existing
    })
}

/// The partial file cut after its last complete row (a torn line goes),
/// positioned for appending; a new one starts with the header.
fn reopen(path: &Path, header: &str, valid_len: u64) -> io::Result<BufWriter<File>> {
    let mut file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)?;
    file.set_len(valid_len)?;
    file.seek(SeekFrom::End(0))?;
    let mut writer = BufWriter::new(file);
    if valid_len == 0 {
        writer.write_all(header.as_bytes())?;
    }
    Ok(writer)
}

/// A finished point on its way to the writer.
struct Row {
    line: String,
    failed: bool,
    /// The side work the point cost.
    work: Tally,
}

/// Computes the points `scan` lacks and streams their rows into `file`;
/// returns how many it wrote and the side work they cost.
fn compute(
    sweep: &SweepFile,
    out: &Path,
    options: &Options,
    scan: &Scan,
    file: BufWriter<File>,
) -> Result<(u64, Tally), SweepError> {
    let shard = options.shard;
    let total = sweep.plan.count();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .build()
        .map_err(|e| {
            SweepError::Output(format!(
                "cannot start {} worker threads: {e}",
                options.threads
            ))
        })?;
    let (sender, receiver) = sync_channel::<Row>(1024);
    let mut progress = Progress::start(options.progress, shard.size(total), scan.rows, scan.failed);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(|| write_rows(receiver, file, &mut progress));
        pool.install(|| {
            (0..shard.size(total))
                .into_par_iter()
                .map(|position| shard.point(position))
                .filter(|&point| !scan.has(point))
                .try_for_each_init(
                    || Worker::new(sweep, out),
                    |worker, point| sender.send(worker.point(point)),
                )
        })
        .ok();
        drop(sender);
        writer.join()
    });
    progress.finish();
    match written {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(error)) => Err(SweepError::Output(format!(
            "cannot write {}: {error}",
            out.join(PARTIAL).display()
        ))),
        Err(_) => Err(SweepError::Output(
            "the results writer stopped unexpectedly".to_owned(),
        )),
    }
}

/// The writer thread: rows to the file in arrival order, flushed at least
/// every [`FLUSH_INTERVAL`]; returns how many rows it wrote and their work.
fn write_rows(
    receiver: Receiver<Row>,
    mut file: BufWriter<File>,
    progress: &mut Progress,
) -> io::Result<(u64, Tally)> {
    let mut count = 0;
    let mut work = Tally::default();
    let mut flushed = Instant::now();
    loop {
        match receiver.recv_timeout(FLUSH_INTERVAL) {
            Ok(row) => {
                file.write_all(row.line.as_bytes())?;
                count += 1;
                work += row.work;
                progress.point(row.failed);
                if flushed.elapsed() >= FLUSH_INTERVAL {
                    file.flush()?;
                    flushed = Instant::now();
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                file.flush()?;
                flushed = Instant::now();
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    file.flush()?;
    file.get_ref().sync_all()?;
    Ok((count, work))
}

/// One worker's scratch space.
struct Worker<'a> {
    sweep: &'a SweepFile,
    out: &'a Path,
    scratch: PointScratch,
    cell: String,
    /// Whether some metric reads the endplate measurements.
    endplate_measurements: bool,
}

impl<'a> Worker<'a> {
    fn new(sweep: &'a SweepFile, out: &'a Path) -> Self {
        Self {
            sweep,
            out,
            scratch: PointScratch::default(),
            cell: String::new(),
            endplate_measurements: sweep
                .metrics
                .iter()
                .any(Metric::needs_endplate_measurements),
        }
    }

    /// Runs `point` and formats its row. The point runs on this thread
    /// from start to end, so this thread's tally shows its work.
    fn point(&mut self, point: u64) -> Row {
        let before = Tally::of_this_thread();
        let outcome =
            catch_unwind(AssertUnwindSafe(|| self.measure(point))).unwrap_or_else(|panic| {
                Err(format!(
                    "internal error (please report): {}",
                    panic_text(&*panic)
                ))
            });
        let mut line = Line::new();
        line.field(&point.to_string());
        for value in &self.scratch.values {
            line.field(&value_text(value));
        }
        let failed = outcome.is_err();
        match outcome {
            Ok(metrics) => {
                for metric in &self.sweep.metrics {
                    self.cell.clear();
                    metric.cell(&metrics, &mut self.cell);
                    line.field(&self.cell);
                }
                line.field(OK);
                line.field("");
            }
            Err(message) => {
                for _ in &self.sweep.metrics {
                    line.field("");
                }
                line.field(ERROR);
                line.field(&message);
            }
        }
        Row {
            line: line.finish(),
            failed,
            work: Tally::of_this_thread() - before,
        }
    }

    /// The metrics of `point` as JSON, or why there are none.
    fn measure(&mut self, point: u64) -> Result<serde_json::Value, String> {
        let mut run = self
            .sweep
            .point_run(point, &[], &mut self.scratch)
            .map_err(|e| one_line(&portable(e).to_string()))?;
        run.endplate_measurements = self.endplate_measurements;
        let solved = if self.sweep.traces.wanted(point) {
            let path = trace_path(self.out, point, self.sweep.plan.count());
            let trace_error = |e: io::Error| format!("cannot write {}: {e}", path.display());
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(trace_error)?;
            }
            let mut trace =
                TraceFile::create(&path, run.model.state_variables()).map_err(trace_error)?;
            let solved = simulation::execute(&run, &mut trace);
            if solved.is_ok() {
                trace.commit().map_err(trace_error)?;
            }
            solved
        } else {
            simulation::execute(&run, &mut NoTrace)
        };
        let result = solved.map_err(|e| one_line(&e.to_string()))?;
        check_finite(&result, &run)?;
        let mut metrics = serde_json::to_value(&result.metrics).map_err(|e| e.to_string())?;
        if self.sweep.metrics.iter().any(Metric::needs_excitability) {
            let measured = excitability::measure(&run).map_err(|e| one_line(&e.to_string()))?;
            if let Some(all) = metrics.as_object_mut() {
                all.insert(
                    "excitability".to_owned(),
                    serde_json::to_value(measured).map_err(|e| e.to_string())?,
                );
            }
        }
        Ok(metrics)
    }
}

/// A run that "succeeded" with a NaN or infinite final state is a failure.
fn check_finite(result: &RunResult, run: &crate::scenario::Run) -> Result<(), String> {
    let variables = run.model.state_variables();
    let bad: Vec<String> = variables
        .iter()
        .zip(&result.final_state)
        .filter(|(_, value)| !value.is_finite())
        .map(|(variable, value)| format!("{} = {value}", variable.name))
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("the final state is not finite: {}", bad.join(", ")))
    }
}

/// An axis value as results.csv writes it (strings bare, floats round-trip exact).
pub fn value_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Float(x) => format_float(*x),
        other => other.to_string(),
    }
}

/// The error with file names instead of paths, so that a row does not
/// depend on the folder the sweep was started from (shards run elsewhere
/// must merge into the same bytes).
fn portable(mut error: ScenarioError) -> ScenarioError {
    let name = |path: &mut PathBuf| {
        if let Some(file) = path.file_name() {
            *path = PathBuf::from(file);
        }
    };
    match &mut error.origin {
        Origin::File { path, .. } | Origin::Override { path, .. } | Origin::WholeFile(path) => {
            name(path)
        }
    }
    error
}

/// A multi-line message on one line, its lines joined by `; `.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_fit_on_one_line_without_folder_names() {
        assert_eq!(
            one_line("simulation failed at t = 3 ms\n  state:\n    v_mV = NaN\n"),
            "simulation failed at t = 3 ms; state:; v_mV = NaN"
        );
        let error = ScenarioError::new(
            Origin::File {
                path: PathBuf::from("/somewhere/sweeps/fi.toml"),
                line: 3,
                column: 9,
            },
            "axes[0].values",
            "value out of range",
        );
        assert!(portable(error).to_string().starts_with("fi.toml:3:9: "));
        assert_eq!(value_text(&toml::Value::from("rk4")), "rk4");
        assert_eq!(value_text(&toml::Value::from(2.0)), "2.0");
        assert_eq!(value_text(&toml::Value::from(3)), "3");
    }
}
