//! A motor-unit run: the axon pass, the junction, the fibre pass, and the
//! junction's metrics (endplate potential, quantal content, safety factor).
//!
//! See [`crate::model::motor_unit`] for why two passes are exact here.

use serde::Serialize;

use crate::analysis::{MembraneAnalysis, MuscleAnalysis, SpikeDetector};
use crate::bisection;
use crate::model::motor_unit::innervated::{EndplateFibre, ReleaseKicks};
use crate::model::motor_unit::motoneuron::MotoneuronStage;
use crate::model::motor_unit::{self as unit_model, InnervatedFibre, MotorUnit, Release};
use crate::model::muscle_fibre;
use crate::model::{Model, State};
use crate::protocol::Protocol;
use crate::scenario::Run;
use crate::solve::sampler::{GridSampler, SampleSink};
use crate::solve::steady_state::RestSettings;
use crate::solve::{self, Method, SolveError, SolverSettings, SolverStats, StepObserver};

use super::{RunMetrics, RunResult, SolverReport, Trace, starting_state};
use super::{rest_cache, tally};

/// Time of the single test release of the endplate measurements (ms).
const TEST_RELEASE_MS: f64 = 1.0;
/// Length of the endplate measurements (ms): the EPP peaks within a few ms.
const TEST_RUN_MS: f64 = 16.0;
/// Relative precision of the threshold quantal content.
const THRESHOLD_PRECISION: f64 = 1e-4;
/// How far above the mean quantal content the threshold is sought (×).
const THRESHOLD_SEARCH_LIMIT: f64 = 1000.0;
/// Longest search for the axon's rest (ms of simulated time). Both axons
/// settle within tens of ms when they have a stable rest (slowest gate:
/// the Hennings slow K⁺, τ ≈ 13 ms at rest); an axon that still moves after
/// 5 s has none: it fires on its own.
const AXON_REST_SEARCH_MS: f64 = 5000.0;

/// What the junction did and how safe transmission is (metrics.json `junction`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JunctionMetrics {
    /// Axon membrane potential at the start (mV): its rest when equilibrated.
    pub axon_initial_mv: f64,
    /// Axon spikes (upward crossings of the analysis threshold at the node).
    pub axon_spike_count: usize,
    /// Their times (ms).
    pub axon_spike_times_ms: Vec<f64>,
    /// Axon spikes per second over the whole run (Hz).
    pub axon_mean_rate_hz: f64,
    /// Packets of transmitter released (one per axon spike inside the run).
    pub release_count: usize,
    /// Mean quantal content m at the run's Ca²⁺ and Mg²⁺ (Dodge–Rahamimoff).
    pub mean_quantal_content: f64,
    /// Quanta actually released per packet, averaged (equals m in the mean mode).
    pub released_quanta_per_packet: Option<f64>,
    /// Muscle action potentials per axon spike (1 when every impulse is transmitted).
    pub fibre_spikes_per_axon_spike: Option<f64>,
    /// The endplate measurements, made on the side when the run asks for
    /// them ([`Run::endplate_measurements`]); absent otherwise.
    #[serde(flatten)]
    pub endplate: Option<EndplateMeasurements>,
}

/// The endplate measured by single test releases on the fibre's starting
/// state (about fifteen 16 ms runs): what only the safety-factor metrics need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndplateMeasurements {
    /// Peak depolarization by one release of m quanta with the fibre's Na⁺
    /// channels blocked (mV), from the fibre's starting state (measured from
    /// the potential at the release).
    pub epp_amplitude_mv: f64,
    /// Fewest quanta that trigger a muscle action potential (bisection);
    /// `None` when even 1000 m do not.
    pub threshold_quantal_content: Option<f64>,
    /// Depolarization needed for an action potential (mV): the Na⁺-blocked
    /// EPP of the threshold quantal content.
    pub threshold_depolarization_mv: Option<f64>,
    /// Safety factor EPP / (V_threshold − V_rest) (Ruff 2011; Wood & Slater 2001).
    pub safety_factor: Option<f64>,
}

impl JunctionMetrics {
    /// Every field present, for the sweep's check of metric names.
    pub fn shape() -> Self {
        Self {
            axon_initial_mv: 0.0,
            axon_spike_count: 0,
            axon_spike_times_ms: vec![0.0],
            axon_mean_rate_hz: 0.0,
            release_count: 0,
            mean_quantal_content: 0.0,
            released_quanta_per_packet: Some(0.0),
            fibre_spikes_per_axon_spike: Some(0.0),
            endplate: Some(EndplateMeasurements::shape()),
        }
    }
}

impl EndplateMeasurements {
    /// Every field present: the metric paths (under `junction`) that need
    /// the measurements.
    pub fn shape() -> Self {
        Self {
            epp_amplitude_mv: 0.0,
            threshold_quantal_content: Some(0.0),
            threshold_depolarization_mv: Some(0.0),
            safety_factor: Some(0.0),
        }
    }
}

/// Adapts a sink of Shorten-fibre rows (57 states) to rows of the
/// innervated fibre `F` (`M` states), through [`EndplateFibre::shorten_view`].
struct FibreColumns<S, F, const N: usize>(S, std::marker::PhantomData<F>);

impl<S, F, const N: usize, const M: usize> SampleSink<M> for FibreColumns<S, F, N>
where
    S: SampleSink<{ muscle_fibre::STATE_COUNT }>,
    F: EndplateFibre<N, M>,
{
    fn sample(&mut self, t_ms: f64, y: &State<M>, i_stim: f64) {
        self.0.sample(t_ms, &F::shorten_view(y), i_stim);
    }
}

/// Records the axon's rows on the output grid, for the trace (when it
/// wants them): `N` values and the stimulus per row, flat.
struct AxonRows {
    keep: bool,
    values: Vec<f64>,
    stimuli: Vec<f64>,
}

impl<const N: usize> SampleSink<N> for AxonRows {
    fn sample(&mut self, _t_ms: f64, y: &State<N>, i_stim: f64) {
        if self.keep {
            self.values.extend_from_slice(y.as_slice());
            self.stimuli.push(i_stim);
        }
    }
}

/// What the axon did under the protocol (pass 1).
pub struct AxonPass {
    /// Membrane potential at the start (mV).
    pub initial_mv: f64,
    /// Upward crossings of the spike threshold (ms).
    pub spike_times_ms: Vec<f64>,
    /// The sampled rows (when kept), `width` values each.
    rows: AxonRows,
    /// Values per row.
    width: usize,
    /// Solver work.
    stats: SolverStats,
    /// The state at the end.
    final_state: Vec<f64>,
}

/// Joins each fibre row with the axon row of the same time into one trace row.
struct JoinedRows<'a> {
    trace: &'a mut dyn Trace,
    axon: &'a AxonPass,
    next: usize,
    /// One joined row, reused (fibre columns, then the axon's).
    row: Vec<f64>,
}

impl<const M: usize> SampleSink<M> for JoinedRows<'_> {
    fn sample(&mut self, t_ms: f64, y: &State<M>, _i_stim: f64) {
        let rows = self.axon.axon_rows_len();
        if rows == 0 {
            return;
        }
        let k = self.next.min(rows - 1);
        self.next += 1;
        let width = self.axon.width;
        let row = &mut self.row;
        row.clear();
        row.extend_from_slice(y.as_slice());
        row.extend_from_slice(&self.axon.rows.values[k * width..(k + 1) * width]);
        self.trace.row(t_ms, row, self.axon.rows.stimuli[k]);
    }
}

impl AxonPass {
    fn axon_rows_len(&self) -> usize {
        self.rows.stimuli.len()
    }
}

/// The axon's starting state: its rest when the run asks for rest and the
/// axon has one (a search of at most [`AXON_REST_SEARCH_MS`]); else its
/// initial state, the rest at the reference ions, from where an axon with
/// no rest at these ions starts firing.
fn axon_start<const N: usize, A: Model<N> + std::fmt::Debug>(
    axon: &A,
    run: &Run,
    solver: &SolverSettings,
) -> Result<State<N>, SolveError> {
    let initial = axon.initial_state();
    if !run.equilibrate {
        return Ok(initial);
    }
    let settings = RestSettings {
        max_ms: run.rest.max_ms.min(AXON_REST_SEARCH_MS),
        ..run.rest
    };
    let (rest, report) = rest_cache::equilibrate(axon, &initial, &settings, false, solver)?;
    Ok(if report.converged { rest } else { initial })
}

/// Pass 1 for one axon model: the axon under the run's protocol with its
/// entry's `method` (what every [`crate::catalogue::axons::MotorAxonPart::pass`] calls).
pub fn axon_pass<const N: usize, A: Model<N> + std::fmt::Debug>(
    axon: &A,
    method: Method,
    run: &Run,
    keep_rows: bool,
) -> Result<AxonPass, SolveError> {
    let settings = axon_solver(run, method);
    let start = axon_start(axon, run, &settings)?;
    let rows = AxonRows {
        keep: keep_rows,
        values: Vec::new(),
        stimuli: Vec::new(),
    };
    let mut observers = (
        GridSampler::new(run.simulation.output_dt_ms, rows),
        SpikeDetector::new(unit_model::AXON_V, run.analysis.spike_threshold_mv),
    );
    let outcome = solve::simulate(
        axon,
        &start,
        &run.protocol,
        run.simulation.duration_ms,
        &settings,
        &mut observers,
    )?;
    let (sampler, spikes) = observers;
    Ok(AxonPass {
        initial_mv: start[unit_model::AXON_V],
        spike_times_ms: spikes.times_ms,
        rows: sampler.sink,
        width: N,
        stats: outcome.stats,
        final_state: outcome.final_state.iter().copied().collect(),
    })
}

/// Pass 1: the unit's axon under the run's protocol (each axon's pass is
/// monomorphized), after the motoneuron stage when the unit has one.
pub fn run_axon(unit: &MotorUnit, run: &Run, keep_rows: bool) -> Result<AxonPass, SolveError> {
    match &unit.motoneuron {
        None => unit.axon.pass(run, keep_rows),
        Some(stage) => unit.axon.pass(&motoneuron_stage(stage, run)?, keep_rows),
    }
}

/// Stage 0: the motoneuron under the run's nerve pulses; the run of the
/// axon pass, whose protocol adds a pulse per spike it sends out
/// ([`crate::model::motor_unit::motoneuron`]).
pub fn motoneuron_stage(stage: &MotoneuronStage, run: &Run) -> Result<Run, SolveError> {
    // Dormand–Prince: the BRK cell is not stiff at its rates (τ ≥ 0.2 ms).
    let settings = SolverSettings {
        method: Method::Dopri5,
        tolerances: run.solver.tolerances,
    };
    let spikes = stage.spikes(&run.protocol, run.simulation.duration_ms, &settings)?;
    Ok(Run {
        protocol: stage.axon_protocol(&run.protocol, &spikes),
        ..run.clone()
    })
}

/// The rise of the membrane potential after the test release (mV): the
/// largest value at the ends of the accepted steps after it, less the value
/// at the release (so a slow drift of the blocked fibre does not count).
struct PeakRise {
    at_release_mv: Option<f64>,
    peak_mv: f64,
}

impl<const N: usize> StepObserver<N> for PeakRise {
    fn step(&mut self, step: &solve::AcceptedStep<'_, N>) {
        if step.t0_ms < TEST_RELEASE_MS {
            return;
        }
        self.at_release_mv.get_or_insert(step.y0[0]);
        self.peak_mv = self.peak_mv.max(step.y1[0]);
    }
}

/// The axon's solver: its entry's `method` with the scenario's tolerances
/// (the scenario's method is the fibre's).
fn axon_solver(run: &Run, method: Method) -> SolverSettings {
    SolverSettings {
        method,
        tolerances: run.solver.tolerances,
    }
}

/// Simulates a motor-unit run, with the unit's fibre (Shorten's, or the
/// Cannon membrane with Shorten's Ca²⁺/force part).
pub fn execute(
    unit: &MotorUnit,
    run: &Run,
    trace: &mut dyn Trace,
) -> Result<RunResult, SolveError> {
    match &unit.cannon {
        None => execute_with(unit, &unit.fibre, &unit.sodium_blocked_fibre(), run, trace),
        Some(cannon) => execute_with(
            unit,
            cannon,
            &unit.sodium_blocked_cannon(cannon),
            run,
            trace,
        ),
    }
}

/// [`execute`] with `fibre` (and `blocked`, it with its Na⁺ channels blocked).
fn execute_with<F: EndplateFibre<N, M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    fibre: &F,
    blocked: &F,
    run: &Run,
    trace: &mut dyn Trace,
) -> Result<RunResult, SolveError> {
    let threshold = run.analysis.spike_threshold_mv;
    let duration = run.simulation.duration_ms;

    // Pass 1: the axon under the protocol.
    let axon = run_axon(unit, run, trace.wants_rows())?;
    let releases = unit.junction.releases(&axon.spike_times_ms);

    // Pass 2: the fibre under the releases.
    let (fibre_rest, rest) = starting_state(fibre, run, &run.solver)?;
    let innervated = InnervatedFibre::<F, N, M>::new(fibre, &unit.junction);
    let y0 = InnervatedFibre::<F, N, M>::state_from(&fibre_rest);
    let membrane = MembraneAnalysis::new(0, threshold, run.protocol.active_window_ms());
    let muscle = MuscleAnalysis::new(&run.protocol, duration, fibre.troponin_total_um());
    // A motoneuron may fire on its own before the first nerve pulse: force
    // is then measured from the rested fibre, not from mid-contraction.
    let muscle = match unit.motoneuron {
        Some(_) => {
            muscle.with_rest_baseline(F::shorten_view(&y0)[muscle_fibre::index::POST_STROKE])
        }
        None => muscle,
    };
    let joined = JoinedRows {
        trace,
        axon: &axon,
        next: 0,
        row: Vec::with_capacity(M + axon.width),
    };
    let muscle = FibreColumns::<_, F, N>(muscle, std::marker::PhantomData);
    let sinks = ((membrane, muscle), joined);
    let mut observers = (
        GridSampler::new(run.simulation.output_dt_ms, sinks),
        SpikeDetector::new(0, threshold),
    );
    let outcome = solve::simulate_with_kicks(
        &innervated,
        &y0,
        &Protocol::default(),
        &mut ReleaseKicks::new(&releases),
        duration,
        &run.solver,
        &mut observers,
    )?;
    let (sampler, fibre_spikes) = observers;
    let ((membrane, FibreColumns(muscle, _)), _) = sampler.sink;
    let fibre_spike_count = fibre_spikes.times_ms.len();

    let junction = junction_metrics(
        unit,
        (fibre, blocked),
        run,
        &fibre_rest,
        axon.initial_mv,
        &axon.spike_times_ms,
        &releases,
        fibre_spike_count,
    )?;
    let mut stats = outcome.stats;
    stats += axon.stats;
    let mut metrics = RunMetrics {
        scenario: run.name.clone(),
        model: run.model.entry().name(),
        temperature_celsius: run.temperature_celsius(),
        duration_ms: duration,
        membrane: membrane.finish(fibre_spikes.times_ms),
        solver: SolverReport {
            method: run.solver.method.name(),
            stats,
        },
        rest,
        muscle: None,
        junction: Some(junction),
    };
    metrics.muscle = muscle.finish(&metrics.membrane.spike_times_ms);
    let final_state = outcome
        .final_state
        .iter()
        .copied()
        .chain(axon.final_state.iter().copied())
        .collect();
    Ok(RunResult {
        metrics,
        final_state,
    })
}

/// The junction block of the metrics: what happened in the run, and (when
/// the run asks for them) the endplate measurements made on the side from
/// the fibre's starting state.
#[allow(clippy::too_many_arguments)]
fn junction_metrics<F: EndplateFibre<N, M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    (fibre, blocked): (&F, &F),
    run: &Run,
    fibre_rest: &State<N>,
    axon_initial_mv: f64,
    axon_spike_times_ms: &[f64],
    releases: &[Release],
    fibre_spike_count: usize,
) -> Result<JunctionMetrics, SolveError> {
    let m = unit.junction.mean_quantal_content();
    let endplate = if run.endplate_measurements {
        Some(endplate_measurements::<F, N, M>(
            unit,
            (fibre, blocked),
            run,
            fibre_rest,
            m,
        )?)
    } else {
        None
    };
    let axon_spike_count = axon_spike_times_ms.len();
    let released: f64 = releases.iter().map(|r| r.quanta).sum();
    Ok(JunctionMetrics {
        axon_initial_mv,
        axon_spike_count,
        axon_spike_times_ms: axon_spike_times_ms.to_vec(),
        axon_mean_rate_hz: axon_spike_count as f64 / (run.simulation.duration_ms / 1000.0),
        release_count: releases.len(),
        mean_quantal_content: m,
        released_quanta_per_packet: (!releases.is_empty())
            .then(|| released / releases.len() as f64),
        fibre_spikes_per_axon_spike: (axon_spike_count > 0)
            .then(|| fibre_spike_count as f64 / axon_spike_count as f64),
        endplate,
    })
}

/// The EPP of `m` quanta with Na⁺ blocked, the threshold quanta and the
/// safety factor, from the fibre's starting state `fibre_rest` (counted in
/// [`tally::Tally::endplate_measurements`]).
fn endplate_measurements<F: EndplateFibre<N, M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    (fibre, blocked): (&F, &F),
    run: &Run,
    fibre_rest: &State<N>,
    m: f64,
) -> Result<EndplateMeasurements, SolveError> {
    tally::count_endplate_measurements();
    let epp = |quanta: f64| endplate_potential::<F, N, M>(unit, blocked, fibre_rest, quanta, run);
    let epp_amplitude_mv = epp(m)?;
    let threshold_quantal_content = threshold_quanta::<F, N, M>(unit, fibre, fibre_rest, m, run)?;
    let threshold_depolarization_mv = threshold_quantal_content.map(epp).transpose()?;
    Ok(EndplateMeasurements {
        epp_amplitude_mv,
        threshold_quantal_content,
        threshold_depolarization_mv,
        safety_factor: threshold_depolarization_mv.map(|needed| epp_amplitude_mv / needed),
    })
}

/// One release of `quanta` at [`TEST_RELEASE_MS`] on `fibre` from `rest`:
/// the runs behind the endplate measurements.
fn single_release<F: EndplateFibre<N, M>, O: StepObserver<M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    fibre: &F,
    rest: &State<N>,
    quanta: f64,
    run: &Run,
    observer: &mut O,
) -> Result<(), SolveError> {
    let release = [Release {
        time_ms: TEST_RELEASE_MS,
        quanta,
    }];
    solve::simulate_with_kicks(
        &InnervatedFibre::<F, N, M>::new(fibre, &unit.junction),
        &InnervatedFibre::<F, N, M>::state_from(rest),
        &Protocol::default(),
        &mut ReleaseKicks::new(&release),
        TEST_RUN_MS,
        &run.solver,
        observer,
    )
    .map(|_| ())
}

/// Peak depolarization (mV) of the Na⁺-blocked fibre by `quanta` quanta.
fn endplate_potential<F: EndplateFibre<N, M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    blocked: &F,
    rest: &State<N>,
    quanta: f64,
    run: &Run,
) -> Result<f64, SolveError> {
    let mut rise = PeakRise {
        at_release_mv: None,
        peak_mv: f64::NEG_INFINITY,
    };
    single_release(unit, blocked, rest, quanta, run, &mut rise)?;
    Ok(rise.peak_mv - rise.at_release_mv.unwrap_or(rise.peak_mv))
}

/// The fewest quanta (to 1e-4 of themselves) whose single release makes the
/// fibre cross the spike threshold; `None` if 1000 m do not.
fn threshold_quanta<F: EndplateFibre<N, M>, const N: usize, const M: usize>(
    unit: &MotorUnit,
    fibre: &F,
    rest: &State<N>,
    mean_quanta: f64,
    run: &Run,
) -> Result<Option<f64>, SolveError> {
    let fires = |quanta: f64| -> Result<bool, SolveError> {
        let mut spikes = SpikeDetector::new(0, run.analysis.spike_threshold_mv);
        single_release(unit, fibre, rest, quanta, run, &mut spikes)?;
        Ok(!spikes.times_ms.is_empty())
    };
    let start = mean_quanta.max(1.0);
    bisection::smallest_that_happens(
        start,
        THRESHOLD_SEARCH_LIMIT * start,
        THRESHOLD_PRECISION,
        fires,
    )
}
