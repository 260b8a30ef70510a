//! One run from start to metrics: the glue between a checked [`Run`], the
//! solver, the sampler and the analysers. No I/O: rows go to a [`Trace`]
//! the caller supplies (a CSV writer, a plot series, or nothing in a sweep).

use serde::Serialize;

use crate::analysis::{
    MembraneAnalysis, MembraneMetrics, MuscleAnalysis, MuscleMetrics, SpikeDetector,
};
use crate::model::muscle_fibre::STATE_COUNT as MUSCLE_STATE_COUNT;
use crate::model::{Model, State};
use crate::scenario::{ModelChoice, Run};
use crate::solve::sampler::{GridSampler, SampleSink};
use crate::solve::steady_state::{self, RestReport};
use crate::solve::{self, SolveError, SolverSettings, SolverStats};

pub mod motor_unit;

pub use motor_unit::JunctionMetrics;

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

/// Adapts a [`Trace`] to the sampler's fixed-size rows.
struct TraceSink<'a, T>(&'a mut T);

impl<const N: usize, T: Trace> SampleSink<N> for TraceSink<'_, T> {
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

/// Simulates `run`, sending rows every `output_dt_ms` to `trace`.
pub fn execute<T: Trace>(run: &Run, trace: &mut T) -> Result<RunResult, SolveError> {
    match &run.model {
        ModelChoice::Hh1952(model) => execute_model(model, run, trace, MembraneOnly),
        ModelChoice::MuscleFibre(model) => {
            let muscle = MuscleAnalysis::new(
                &run.protocol,
                run.simulation.duration_ms,
                model.config().crossbridges.troponin_total_um,
            );
            execute_model(model.as_ref(), run, trace, muscle)
        }
        ModelChoice::MotorUnit(unit) => motor_unit::execute(unit, run, trace),
    }
}

/// What a model adds to the membrane metrics, computed from the same
/// samples: a sample sink that completes [`RunMetrics`] at the end, so
/// [`execute_model`] stays one generic function for every model.
trait ModelAnalysis<const N: usize>: SampleSink<N> {
    /// Adds this analysis's metrics to `metrics`, which already hold the
    /// membrane metrics (with the precise spike times of the sarcolemma).
    fn finish(self, metrics: &mut RunMetrics);
}

/// Models with nothing beyond the membrane metrics.
struct MembraneOnly;

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
fn starting_state<const N: usize, M: Model<N>>(
    model: &M,
    run: &Run,
    solver: &SolverSettings,
) -> Result<(State<N>, Option<RestReport>), SolveError> {
    let published = model.initial_state();
    if !run.equilibrate {
        return Ok((published, None));
    }
    let (rest, report) =
        steady_state::equilibrate(model, &published, &run.rest, run.rest_holds_ions, solver)?;
    if !report.converged {
        return Err(steady_state::not_at_rest(model, &rest, &report, solver));
    }
    Ok((rest, Some(report)))
}

fn execute_model<const N: usize, M: Model<N>, T: Trace, A: ModelAnalysis<N>>(
    model: &M,
    run: &Run,
    trace: &mut T,
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
        model: run.model.kind().name(),
        temperature_celsius: run.temperature_celsius,
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
    fn search<const N: usize, M: Model<N>>(
        model: &M,
        run: &Run,
    ) -> Result<RestOutcome, SolveError> {
        let initial = model.initial_state();
        let (state, report) = steady_state::equilibrate(
            model,
            &initial,
            &run.rest,
            run.rest_holds_ions,
            &run.solver,
        )?;
        Ok(RestOutcome {
            report,
            initial: initial.iter().copied().collect(),
            state: state.iter().copied().collect(),
        })
    }
    match &run.model {
        ModelChoice::Hh1952(model) => search(model, run),
        ModelChoice::MuscleFibre(model) => search(model.as_ref(), run),
        ModelChoice::MotorUnit(unit) => search(&unit.fibre, run),
    }
}
