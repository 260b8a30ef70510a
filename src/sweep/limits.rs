//! Limits a sweep checks before it starts: more than [`MAX_POINTS`] points,
//! or trace files estimated above the sweep file's `traces.budget_mb`, are
//! refused unless `--force` says the size is meant. Both are cheap to
//! compute from the design, before anything runs.

use crate::scenario::Run;
use crate::sweep::design::AxisValues;
use crate::sweep::file::SweepFile;
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
    let megabytes = traced as f64 * trace_bytes_per_point(sweep, base) / 1e6;
    (megabytes > sweep.traces.budget_mb).then(|| {
        format!(
            "the traces of {traced} points would take about {megabytes:.0} MB, \
             more than traces.budget_mb = {} MB; trace fewer points, raise the budget, \
             or add --force",
            sweep.traces.budget_mb
        )
    })
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
    let rows = (duration_ms / output_dt_ms.max(f64::MIN_POSITIVE)).ceil() + 2.0;
    let columns = base.model.state_variables().len() as f64 + 2.0;
    rows * columns * BYTES_PER_VALUE
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
