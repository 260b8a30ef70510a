//! One run from start to metrics: the glue between a checked [`Run`], the
//! solver, the sampler and the analysers. No I/O: rows go to a [`Trace`]
//! the caller supplies (a CSV writer, a plot series, or nothing in a sweep).

use serde::Serialize;

use crate::analysis::{
    MembraneAnalysis, MembraneMetrics, MuscleAnalysis, MuscleMetrics, SpikeDetector,
};
use crate::model::muscle_fibre::STATE_COUNT as MUSCLE_STATE_COUNT;
use crate::model::{Model, State};
use crate::scenario::Run;
use crate::solve::sampler::{GridSampler, SampleSink};
use crate::solve::steady_state::{self, RestReport};
use crate::solve::{self, SolveError, SolverSettings, SolverStats};

pub mod motor_unit;
pub mod rest_cache;
pub mod tally;

pub use motor_unit::{EndplateMeasurements, JunctionMetrics};
pub use tally::Tally;

/// Receives output rows of any model: time, state in layout order, stimulus.
pub trait Trace {
    /// One row.
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim_ua_per_cm2: f64);
    /// Whether rows are used at all; a run may skip work that only feeds
    /// the trace (a motor unit then keeps no axon rows in memory).
    fn wants_rows(&self) -> bool {
        true
    }
}

/// A trace that keeps nothing (sweeps, benchmarks).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoTrace;

impl Trace for NoTrace {
    fn row(&mut self, _t_ms: f64, _state: &[f64], _i_stim: f64) {}
    fn wants_rows(&self) -> bool {
        false
    }
}

/// A trace that keeps the time and a few chosen state columns of every row:
/// what a figure of a handful of curves needs (`compare`, the examples).
#[derive(Debug, Clone, Default)]
pub struct Columns {
    indices: Vec<usize>,
    t_ms: Vec<f64>,
    values: Vec<Vec<f64>>,
}

impl Columns {
    /// Keeps the state columns at `indices` (layout order of the model).
    pub fn new(indices: &[usize]) -> Self {
        Self {
            indices: indices.to_vec(),
            t_ms: Vec::new(),
            values: vec![Vec::new(); indices.len()],
        }
    }

    /// Time of every row (ms).
    pub fn t_ms(&self) -> &[f64] {
        &self.t_ms
    }

    /// The `k`-th kept column, in the order given to [`Columns::new`].
    pub fn column(&self, k: usize) -> &[f64] {
        &self.values[k]
    }
}

impl Trace for Columns {
    fn row(&mut self, t_ms: f64, state: &[f64], _i_stim: f64) {
        self.t_ms.push(t_ms);
        for (column, &i) in self.values.iter_mut().zip(&self.indices) {
            column.push(state[i]);
        }
    }
}

/// Adapts a [`Trace`] to the sampler's fixed-size rows. The trace is
/// dynamic (one compiled run loop for every kind of trace); it is called once
/// per output row, outside the right-hand side.
struct TraceSink<'a>(&'a mut dyn Trace);

impl<const N: usize> SampleSink<N> for TraceSink<'_> {
    fn sample(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        self.0.row(t_ms, y.as_slice(), i_stim);
    }
}

/// Solver work and settings, as reported in metrics.json.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SolverReport {
    /// Method name.
    pub method: &'static str,
    /// Work counters.
    #[serde(flatten)]
    pub stats: SolverStats,
}

/// Everything metrics.json holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunMetrics {
    /// Scenario name.
    pub scenario: String,
    /// Model name.
    pub model: &'static str,
    /// Temperature of the run (°C).
    pub temperature_celsius: f64,
    /// Simulated time (ms).
    pub duration_ms: f64,
    /// Membrane metrics.
    #[serde(flatten)]
    pub membrane: MembraneMetrics,
    /// Solver statistics.
    pub solver: SolverReport,
    /// How the rest state was found, when the scenario asked for it (`rest.equilibrate`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest: Option<RestReport>,
    /// Excitation–contraction metrics of `muscle-fibre` and `motor-unit`; absent for other models.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub muscle: Option<MuscleMetrics>,
    /// Axon, release and endplate metrics of `motor-unit`; absent for other models.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub junction: Option<JunctionMetrics>,
}

/// A finished run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunResult {
    /// The metrics.
    pub metrics: RunMetrics,
    /// The state at the end of the run, in layout order.
    pub final_state: Vec<f64>,
}

/// Simulates `run`, sending rows every `output_dt_ms` to `trace`: the
/// model of the run does it ([`crate::catalogue::Simulated::execute`]).
pub fn execute(run: &Run, trace: &mut dyn Trace) -> Result<RunResult, SolveError> {
    run.model.execute(run, trace)
}

/// What a model adds to the membrane metrics, computed from the same
/// samples: a sample sink that completes [`RunMetrics`] at the end, so
/// [`execute_model`] stays one generic function for every model.
pub trait ModelAnalysis<const N: usize>: SampleSink<N> {
    /// Adds this analysis's metrics to `metrics`, which already hold the
    /// membrane metrics (with the precise spike times of the sarcolemma).
    fn finish(self, metrics: &mut RunMetrics);
}

/// Models with nothing beyond the membrane metrics.
pub struct MembraneOnly;

impl<const N: usize> SampleSink<N> for MembraneOnly {
    fn sample(&mut self, _t_ms: f64, _y: &State<N>, _i_stim: f64) {}
}

impl<const N: usize> ModelAnalysis<N> for MembraneOnly {
    fn finish(self, _metrics: &mut RunMetrics) {}
}

impl ModelAnalysis<MUSCLE_STATE_COUNT> for MuscleAnalysis {
    fn finish(self, metrics: &mut RunMetrics) {
        metrics.muscle = MuscleAnalysis::finish(self, &metrics.membrane.spike_times_ms);
    }
}

/// The published initial state, or the rest state reached from it when the
/// scenario asks for equilibration (refusing to go on if it is not reached).
pub(crate) fn starting_state<const N: usize, M: Model<N> + std::fmt::Debug>(
    model: &M,
    run: &Run,
    solver: &SolverSettings,
) -> Result<(State<N>, Option<RestReport>), SolveError> {
    let published = model.initial_state();
    if !run.equilibrate {
        return Ok((published, None));
    }
    let (rest, report) =
        rest_cache::equilibrate(model, &published, &run.rest, run.rest_holds_ions, solver)?;
    if !report.converged {
        return Err(steady_state::not_at_rest(model, &rest, &report, solver));
    }
    Ok((rest, Some(report)))
}

/// Simulates `run` with `model`, a single [`Model`]: membrane metrics and
/// whatever `extra` adds. What every [`crate::catalogue::Simulated::execute`]
/// of a one-membrane model calls.
pub fn execute_model<const N: usize, M: Model<N> + std::fmt::Debug, A: ModelAnalysis<N>>(
    model: &M,
    run: &Run,
    trace: &mut dyn Trace,
    extra: A,
) -> Result<RunResult, SolveError> {
    let threshold = run.analysis.spike_threshold_mv;
    let window = run.protocol.active_window_ms();
    let analysis = MembraneAnalysis::new(0, threshold, window);
    let sinks = ((analysis, extra), TraceSink(trace));
    let sampler = GridSampler::new(run.simulation.output_dt_ms, sinks);
    let mut observers = (sampler, SpikeDetector::new(0, threshold));
    let (y0, rest) = starting_state(model, run, &run.solver)?;
    let outcome = solve::simulate(
        model,
        &y0,
        &run.protocol,
        run.simulation.duration_ms,
        &run.solver,
        &mut observers,
    )?;
    let (sampler, spikes) = observers;
    let ((analysis, extra), _) = sampler.sink;
    let mut metrics = RunMetrics {
        scenario: run.name.clone(),
        model: run.model.entry().name(),
        temperature_celsius: run.temperature_celsius(),
        duration_ms: run.simulation.duration_ms,
        membrane: analysis.finish(spikes.times_ms),
        solver: SolverReport {
            method: run.solver.method.name(),
            stats: outcome.stats,
        },
        rest,
        muscle: None,
        junction: None,
    };
    extra.finish(&mut metrics);
    Ok(RunResult {
        metrics,
        final_state: outcome.final_state.iter().copied().collect(),
    })
}

/// A model brought to rest, for `endplate rest`.
#[derive(Debug, Clone, PartialEq)]
pub struct RestOutcome {
    /// How the search went.
    pub report: RestReport,
    /// The published initial state, by variable.
    pub initial: Vec<f64>,
    /// The state reached, by variable.
    pub state: Vec<f64>,
}

/// Searches for the rest state of `run`'s model from its published initial
/// state, whatever `rest.equilibrate` says.
pub fn find_rest(run: &Run) -> Result<RestOutcome, SolveError> {
    run.model.find_rest(run)
}

/// [`find_rest`] for a single [`Model`].
pub fn rest_of<const N: usize, M: Model<N> + std::fmt::Debug>(
    model: &M,
    run: &Run,
) -> Result<RestOutcome, SolveError> {
    let initial = model.initial_state();
    let (state, report) =
        rest_cache::equilibrate(model, &initial, &run.rest, run.rest_holds_ions, &run.solver)?;
    Ok(RestOutcome {
        report,
        initial: initial.iter().copied().collect(),
        state: state.iter().copied().collect(),
    })
}

/// Rest of `model` held at its own concentrations, started from `previous`
/// (concentration states taken from the model) or, for the first value,
/// from its initial state with every mV state at `start_mv` (`rest-scan`).
/// With `rest.hold_ion_concentrations = false` the concentrations settle
/// too, and continue from `previous` like every other state.
pub fn rest_from<const N: usize, M: Model<N> + std::fmt::Debug>(
    model: &M,
    run: &Run,
    previous: Option<&[f64]>,
    start_mv: f64,
) -> Result<(Vec<f64>, RestReport), SolveError> {
    let initial = model.initial_state();
    let mut y0: State<N> = initial;
    match previous {
        Some(state) => {
            y0.copy_from_slice(state);
            if run.rest_holds_ions {
                for &i in model.ion_concentration_indices() {
                    y0[i] = initial[i];
                }
            }
        }
        None => {
            for (i, variable) in model.state_variables().iter().enumerate() {
                if variable.unit == "mV" {
                    y0[i] = start_mv;
                }
            }
        }
    }
    let (state, report) =
        rest_cache::equilibrate(model, &y0, &run.rest, run.rest_holds_ions, &run.solver)?;
    Ok((state.iter().copied().collect(), report))
}

/// `model`'s initial state, its derivatives there with no stimulus, and its
/// derivatives with every potential 10 mV above (away from rest, where
/// rates show even when the derivatives at rest are zero): what shows that
/// a part of a model sees its conditions (two parts with equal signatures
/// behave the same from their start).
pub fn signature<const N: usize, M: Model<N>>(model: &M) -> Vec<f64> {
    let y0 = model.initial_state();
    let mut displaced = y0;
    for (i, variable) in model.state_variables().iter().enumerate() {
        if variable.unit == "mV" {
            displaced[i] += 10.0;
        }
    }
    let mut at_start = State::<N>::zeros();
    let mut away = State::<N>::zeros();
    model.derivatives(0.0, &y0, 0.0, &mut at_start);
    model.derivatives(0.0, &displaced, 0.0, &mut away);
    y0.iter()
        .chain(at_start.iter())
        .chain(away.iter())
        .copied()
        .collect()
}
