//! Rest states along one parameter, traced from two sides: the library half
//! of `endplate rest-scan` (no I/O).
//!
//! For each value of the parameter (e.g. `ions.k_o_mm`) the scenario is
//! rebuilt with that value and its model brought to rest with the ion
//! concentrations held ([`crate::solve::steady_state::equilibrate`] with
//! `hold_ions`), so the extracellular K⁺ is the value scanned; with
//! `rest.hold_ion_concentrations = false` the model's own concentrations
//! settle too (each point continuing from the previous one's). Two branches
//! are traced by continuation, each rest search starting from the rest state
//! of the previous value (concentrations replaced by the new ones):
//! - **up**: from the smallest value upward, the first search started with
//!   every membrane potential at −40 mV (a depolarized start);
//! - **down**: from the largest value downward, the first search started at
//!   −100 mV (a hyperpolarized start).
//!
//! Where the model has one stable rest state the branches coincide; where it
//! has two they part, and the values where they part and meet are the fold
//! points (the ends of the bistable range).

use crate::scenario::{ScenarioError, Template};
use crate::solve::SolveError;
use crate::solve::steady_state::RestReport;

/// Membrane potential (mV) of the first search of the upward branch.
pub const DEPOLARIZED_START_MV: f64 = -40.0;
/// Membrane potential (mV) of the first search of the downward branch.
pub const HYPERPOLARIZED_START_MV: f64 = -100.0;
/// Two branches closer than this (mV) are counted as the same rest state.
pub const SAME_STATE_MV: f64 = 1.0;

/// Which branch a point belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Branch {
    /// Smallest value first, depolarized start.
    Up,
    /// Largest value first, hyperpolarized start.
    Down,
}

impl Branch {
    /// Name in `rest_scan.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Branch::Up => "up",
            Branch::Down => "down",
        }
    }
}

/// One rest state of the scan.
#[derive(Debug, Clone, PartialEq)]
pub struct RestPoint {
    /// The parameter's value.
    pub value: f64,
    /// The branch.
    pub branch: Branch,
    /// Membrane potential at rest (state 0, mV).
    pub v_mv: f64,
    /// How the search went.
    pub report: RestReport,
}

/// Why a scan stopped.
#[derive(Debug)]
pub enum RestScanError {
    /// A value made an invalid scenario.
    Scenario(Box<ScenarioError>),
    /// An integration failed.
    Solve(Box<SolveError>),
}

/// `steps` values evenly spaced from `from` to `to` inclusive (`steps` ≥ 2).
pub fn values(from: f64, to: f64, steps: usize) -> Vec<f64> {
    let last = (steps.max(2) - 1) as f64;
    (0..steps.max(2))
        .map(|i| from + (to - from) * i as f64 / last)
        .collect()
}

/// Both branches over `values` (ascending) of the scalar at `parameter`,
/// with the `--set` style `overrides` applied first.
pub fn scan(
    template: &Template,
    parameter: &str,
    values: &[f64],
    overrides: &[String],
) -> Result<Vec<RestPoint>, RestScanError> {
    scan_reporting(template, parameter, values, overrides, &mut || {})
}

/// [`scan`], calling `on_point` after each of the `2 × values.len()` rest searches.
pub fn scan_reporting(
    template: &Template,
    parameter: &str,
    values: &[f64],
    overrides: &[String],
    on_point: &mut dyn FnMut(),
) -> Result<Vec<RestPoint>, RestScanError> {
    let mut points = Vec::with_capacity(2 * values.len());
    for branch in [Branch::Up, Branch::Down] {
        let (ordered, start_mv): (Vec<f64>, f64) = match branch {
            Branch::Up => (values.to_vec(), DEPOLARIZED_START_MV),
            Branch::Down => (
                values.iter().rev().copied().collect(),
                HYPERPOLARIZED_START_MV,
            ),
        };
        let mut previous: Option<Vec<f64>> = None;
        for value in ordered {
            let mut arguments = overrides.to_vec();
            arguments.push(format!("{parameter}={value}"));
            let run = template
                .build_with_arguments(&arguments)
                .map_err(|e| RestScanError::Scenario(Box::new(e)))?;
            let (state, report) = run
                .model
                .rest_from(&run, previous.as_deref(), start_mv)
                .map_err(|e| RestScanError::Solve(Box::new(e)))?;
            points.push(RestPoint {
                value,
                branch,
                v_mv: state[0],
                report,
            });
            previous = Some(state);
            on_point();
        }
    }
    Ok(points)
}

/// The (value, potential) pairs of `branch`, in ascending value: one curve
/// of a plot.
pub fn branch_curve(points: &[RestPoint], branch: Branch) -> (Vec<f64>, Vec<f64>) {
    let mut pairs: Vec<(f64, f64)> = points
        .iter()
        .filter(|p| p.branch == branch)
        .map(|p| (p.value, p.v_mv))
        .collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    pairs.into_iter().unzip()
}

/// The values where the two branches both reached rest and differ by more
/// than [`SAME_STATE_MV`]: the smallest and largest, i.e. the bistable range
/// found on the grid (`None`: one rest state everywhere). Unconverged
/// points (e.g. slow passage near a fold) never count as a second state.
pub fn bistable_range(points: &[RestPoint]) -> Option<(f64, f64)> {
    let split: Vec<f64> = points
        .iter()
        .filter(|p| p.branch == Branch::Up && p.report.converged)
        .filter_map(|up| {
            let down = points
                .iter()
                .find(|p| p.branch == Branch::Down && p.value == up.value && p.report.converged)?;
            ((up.v_mv - down.v_mv).abs() > SAME_STATE_MV).then_some(up.value)
        })
        .collect();
    Some((*split.first()?, *split.last()?))
}

/// The values (ascending) where `branch` reached no rest within
/// `[rest] max_ms`: the model kept moving there (firing, oscillating, or
/// drifting slowly near a fold), so that branch has no rest state on record.
pub fn unconverged_values(points: &[RestPoint], branch: Branch) -> Vec<f64> {
    let mut values: Vec<f64> = points
        .iter()
        .filter(|p| p.branch == branch && !p.report.converged)
        .map(|p| p.value)
        .collect();
    values.sort_by(f64::total_cmp);
    values
}
