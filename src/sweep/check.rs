//! `endplate check` on a sweep file: the file itself, its base scenario,
//! and every point's run built (not simulated), so a value that only some
//! points reach — an out-of-range corner of a grid, a misspelt axis path —
//! is found before hours of computing.

use std::path::Path;

use rayon::prelude::*;

use crate::scenario::Override;
use crate::scenario::error::ScenarioError;
use crate::sweep::execute::value_text;
use crate::sweep::file::{PointScratch, SweepFile};
use crate::sweep::limits;
use crate::sweep::shard::Shard;

/// Point errors reported at most; the count of the rest is given.
pub const MAX_REPORTED: usize = 10;

/// Points built per parallel batch (a batch with errors ends the search early).
const BATCH: u64 = 4096;

/// What a sweep file check found.
#[derive(Debug)]
pub enum Finding {
    /// The file, its base and every point are valid; a one-line description.
    Valid(String),
    /// The file or its base is invalid.
    Invalid(ScenarioError),
    /// The sweep is valid but `endplate sweep` refuses it without `--force`
    /// (too many points, traces over budget): why. Its points are not built.
    Refused(String),
    /// Some points do not build: up to [`MAX_REPORTED`] distinct errors,
    /// located, each at its first point with the count of other points
    /// that fail the same way, and whether there may be more.
    BadPoints(Vec<ScenarioError>, bool),
}

/// Checks the sweep file at `path`, with `--set` style `overrides` applied
/// to the base of every point.
pub fn check(path: &Path, overrides: &[String]) -> Finding {
    let sweep = match SweepFile::load(path) {
        Ok(sweep) => sweep,
        Err(error) => return Finding::Invalid(error),
    };
    let extra = match overrides
        .iter()
        .map(|argument| Override::parse(argument, sweep.base.path()))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(extra) => extra,
        Err(error) => return Finding::Invalid(error),
    };
    let base = match sweep.base_run(&extra) {
        Ok(base) => base,
        Err(error) => return Finding::Invalid(error),
    };
    let total = sweep.plan.count();
    if let Some(reason) = limits::refusal(&sweep, &base, Shard::WHOLE) {
        return Finding::Refused(reason);
    }
    // Distinct errors (the same problem at the same place), each with its
    // first point and values and the number of points that share it.
    let mut errors: Vec<(ScenarioError, ScenarioError, u64)> = Vec::new();
    let mut start = 0;
    while start < total && errors.len() < MAX_REPORTED {
        let end = total.min(start + BATCH);
        let batch: Vec<(ScenarioError, ScenarioError)> = (start..end)
            .into_par_iter()
            .map_init(PointScratch::default, |scratch, point| {
                sweep.point_run(point, &extra, scratch).err().map(|error| {
                    let shown = at_point(error.clone(), point, &sweep, &scratch.values);
                    (error, shown)
                })
            })
            .flatten_iter()
            .collect();
        for (error, shown) in batch {
            match errors.iter_mut().find(|(first, _, _)| *first == error) {
                Some((_, _, count)) => *count += 1,
                None => errors.push((error, shown, 1)),
            }
        }
        start = end;
    }
    if !errors.is_empty() {
        let more = errors.len() > MAX_REPORTED || start < total;
        let shown = errors
            .into_iter()
            .take(MAX_REPORTED)
            .map(|(_, shown, count)| match count {
                1 => shown,
                n => ScenarioError {
                    problem: format!("{} (and at {} more points)", shown.problem, n - 1),
                    ..shown
                },
            })
            .collect();
        return Finding::BadPoints(shown, more);
    }
    let axes: Vec<&str> = sweep.axes.iter().map(|a| a.name.as_str()).collect();
    let traced = sweep.traces.count(Shard::WHOLE, total);
    let traces = if traced > 0 {
        format!(
            "; traces of {traced} points, about {} MB",
            limits::amount_text(limits::traces_megabytes(&sweep, &base, Shard::WHOLE))
        )
    } else {
        String::new()
    };
    Finding::Valid(format!(
        "sweep of {total} points, {} over {}; base {} ({}); {} metrics{traces}",
        sweep.plan.design().name(),
        axes.join(", "),
        base.name,
        base.model.entry().name(),
        sweep.metrics.len()
    ))
}

/// The error of one point, saying which point and with which values.
fn at_point(
    error: ScenarioError,
    point: u64,
    sweep: &SweepFile,
    values: &[toml::Value],
) -> ScenarioError {
    let settings: Vec<String> = sweep
        .axes
        .iter()
        .zip(values)
        .map(|(axis, value)| format!("{} = {}", axis.name, value_text(value)))
        .collect();
    ScenarioError {
        problem: format!(
            "at point {point} ({}): {}",
            settings.join(", "),
            error.problem
        ),
        ..error
    }
}
