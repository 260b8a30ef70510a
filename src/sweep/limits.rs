//! Limits a sweep checks before it starts: more than [`MAX_POINTS`] points,
//! or trace files estimated above the sweep file's `traces.budget_mb`, are
//! refused unless `--force` says the size is meant. Both are cheap to
//! compute from the design, before anything runs. A single `endplate run`
//! is held to the same trace budget ([`run_refusal`]).

use crate::scenario::Run;
use crate::sweep::design::AxisValues;
use crate::sweep::file::{DEFAULT_TRACE_BUDGET_MB, SweepFile};
use crate::sweep::shard::Shard;

/// Largest sweep that starts without `--force`.
pub const MAX_POINTS: u64 = 10_000_000;

/// Bytes a trace value takes as text with its separator: a full-precision
/// float such as `-64.99999999999997,` is 19.
const BYTES_PER_VALUE: f64 = 20.0;

/// Why the sweep should not start without `--force`, if it should not.
pub fn refusal(sweep: &SweepFile, base: &Run, shard: Shard) -> Option<String> {
    let points = sweep.plan.count();
    if points > MAX_POINTS {
        return Some(format!(
            "this sweep has {points} points, more than the limit of {MAX_POINTS}; \
             add --force to run it anyway, or split it with --shard I/N"
        ));
    }
    let traced = sweep.traces.count(shard, points);
    if traced == 0 {
        return None;
    }
    let megabytes = traces_megabytes(sweep, base, shard);
    (megabytes > sweep.traces.budget_mb).then(|| {
        format!(
            "the traces of {traced} points would take about {} MB, \
             more than traces.budget_mb = {} MB; trace fewer points, raise the budget, \
             or add --force",
            amount_text(megabytes),
            sweep.traces.budget_mb
        )
    })
}

/// The size in MB of the trace files of `shard` of `sweep` (an upper bound).
pub fn traces_megabytes(sweep: &SweepFile, base: &Run, shard: Shard) -> f64 {
    let traced = sweep.traces.count(shard, sweep.plan.count());
    traced as f64 * trace_bytes_per_point(sweep, base) / 1e6
}

/// The trace size of `run` in MB (`trace.csv` of `endplate run`), estimated
/// from its duration, output spacing and state variables.
pub fn trace_megabytes(run: &Run) -> f64 {
    trace_bytes(run.simulation.duration_ms, run.simulation.output_dt_ms, run) / 1e6
}

/// Why `endplate run` of `run` should not start without `--force`: a trace
/// above [`DEFAULT_TRACE_BUDGET_MB`] (the default budget of sweeps), with the
/// estimate and the keys that set it.
pub fn run_refusal(run: &Run) -> Option<String> {
    let megabytes = trace_megabytes(run);
    (megabytes > DEFAULT_TRACE_BUDGET_MB).then(|| {
        format!(
            "the trace of this run would take about {} MB ({} rows of {} columns), \
             more than the limit of {DEFAULT_TRACE_BUDGET_MB} MB; raise simulation.output_dt_ms \
             (now {} ms) or shorten simulation.duration_ms (now {} ms), or add --force",
            amount_text(megabytes),
            amount_text(trace_rows(
                run.simulation.duration_ms,
                run.simulation.output_dt_ms
            )),
            run.model.state_variables().len() + 2,
            run.simulation.output_dt_ms,
            run.simulation.duration_ms,
        )
    })
}

/// A large amount for people: `12`, `3.4e6` (no 40-digit integers).
pub fn amount_text(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.1}")
    } else if value < 1e6 {
        format!("{value:.0}")
    } else {
        format!("{value:.1e}")
    }
}

fn trace_rows(duration_ms: f64, output_dt_ms: f64) -> f64 {
    (duration_ms / output_dt_ms.max(f64::MIN_POSITIVE)).ceil() + 2.0
}

fn trace_bytes(duration_ms: f64, output_dt_ms: f64, run: &Run) -> f64 {
    let columns = run.model.state_variables().len() as f64 + 2.0;
    trace_rows(duration_ms, output_dt_ms) * columns * BYTES_PER_VALUE
}

/// The largest trace a point can write: the longest run at the finest
/// output spacing any axis allows, every state variable plus time and stimulus.
fn trace_bytes_per_point(sweep: &SweepFile, base: &Run) -> f64 {
    let mut duration_ms = base.simulation.duration_ms;
    let mut output_dt_ms = base.simulation.output_dt_ms;
    for (axis, values) in sweep.axes.iter().zip(sweep.plan.axes()) {
        let (low, high) = bounds(values);
        match axis.name.as_str() {
            "simulation.duration_ms" => duration_ms = duration_ms.max(high),
            "simulation.output_dt_ms" => output_dt_ms = output_dt_ms.min(low),
            _ => {}
        }
    }
    trace_bytes(duration_ms, output_dt_ms, base)
}

/// The smallest and largest numeric value of an axis (non-numbers ignored).
fn bounds(values: &AxisValues) -> (f64, f64) {
    match values {
        AxisValues::List(items) => items
            .iter()
            .filter_map(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            }),
        AxisValues::Spaced { start, stop, .. } => (start.min(*stop), start.max(*stop)),
        AxisValues::Range { low, high, .. } => (*low, *high),
    }
}
