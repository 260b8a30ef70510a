//! One run from start to metrics: the glue between a checked [`Run`], the
//! solver, the sampler and the analysers. No I/O: rows go to a [`Trace`]
//! the caller supplies (a CSV writer, a plot series, or nothing in a sweep).

use serde::Serialize;

use crate::analysis::{MembraneAnalysis, MembraneMetrics, SpikeDetector};
use crate::model::{Model, State};
use crate::scenario::{ModelChoice, Run};
use crate::solve::sampler::{GridSampler, SampleSink};
use crate::solve::{self, SolveError, SolverStats};

/// Receives output rows of any model: time, state in layout order, stimulus.
pub trait Trace {
    /// One row.
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim_ua_per_cm2: f64);
}

/// A trace that keeps nothing (sweeps, benchmarks).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoTrace;

impl Trace for NoTrace {
    fn row(&mut self, _t_ms: f64, _state: &[f64], _i_stim: f64) {}
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
        ModelChoice::Hh1952(model) => execute_model(model, run, trace),
        ModelChoice::MuscleFibre(model) => execute_model(model.as_ref(), run, trace),
    }
}

fn execute_model<const N: usize, M: Model<N>, T: Trace>(
    model: &M,
    run: &Run,
    trace: &mut T,
) -> Result<RunResult, SolveError> {
    let threshold = run.analysis.spike_threshold_mv;
    let window = run.protocol.active_window_ms();
    let analysis = MembraneAnalysis::new(0, threshold, window);
    let sampler = GridSampler::new(run.simulation.output_dt_ms, (analysis, TraceSink(trace)));
    let mut observers = (sampler, SpikeDetector::new(0, threshold));
    let y0 = model.initial_state();
    let outcome = solve::simulate(
        model,
        &y0,
        &run.protocol,
        run.simulation.duration_ms,
        &run.solver,
        &mut observers,
    )?;
    let (sampler, spikes) = observers;
    let (analysis, _) = sampler.sink;
    Ok(RunResult {
        metrics: RunMetrics {
            scenario: run.name.clone(),
            model: run.model.kind().name(),
            temperature_celsius: run.temperature_celsius,
            duration_ms: run.simulation.duration_ms,
            membrane: analysis.finish(spikes.times_ms),
            solver: SolverReport {
                method: run.solver.method.name(),
                stats: outcome.stats,
            },
        },
        final_state: outcome.final_state.iter().copied().collect(),
    })
}
