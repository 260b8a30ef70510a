//! Integration of a model under a protocol.
//!
//! [`simulate`] cuts the run at every stimulus edge ([`Protocol::segments`])
//! and integrates each constant-stimulus segment separately, so no step ever
//! straddles a discontinuity. Whatever the method, every accepted step is
//! reported to a [`StepObserver`] with the state and derivative at both ends,
//! which is all a cubic Hermite interpolant needs: output sampling
//! ([`sampler`]) and threshold detection work the same for every method and
//! nothing holds the trajectory in memory.

pub mod explicit;
pub mod failure;
pub mod hermite;
pub mod jacobian;
pub mod rosenbrock;
pub mod sampler;
pub mod steady_state;
pub mod stiff;

use serde::{Deserialize, Serialize};

use crate::model::{Model, State};
use crate::parameters;
use crate::protocol::{EDGE_MERGE_MS, Protocol, Segment};
pub use failure::{FailureKind, SolveError};
use jacobian::SparsityPattern;

/// Integration method, chosen in the scenario's `[solver] method`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Dormand–Prince 5(4), adaptive (ode_solvers `Dopri5`). Default for non-stiff models.
    #[default]
    Dopri5,
    /// Dormand–Prince 8(5,3), adaptive (ode_solvers `Dop853`).
    Dop853,
    /// Classical fourth-order Runge–Kutta with fixed step `dt_ms` (ode_solvers `Rk4`).
    Rk4,
    /// Rodas4P, an L-stable linearly implicit Rosenbrock method for stiff
    /// models ([`rosenbrock`]); default for the muscle fibre.
    Rosenbrock,
    /// ROS34PW2, a Rosenbrock-W method of order 3 (Rang & Angermann 2005)
    /// that keeps its Jacobian and LU factors across steps
    /// ([`rosenbrock::ROS34PW2`]).
    Ros34pw2,
}

impl Method {
    /// The name used in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Method::Dopri5 => "dopri5",
            Method::Dop853 => "dop853",
            Method::Rk4 => "rk4",
            Method::Rosenbrock => "rosenbrock",
            Method::Ros34pw2 => "ros34pw2",
        }
    }
}

parameters! {
    /// Numerical settings of the integrator (`[solver]` in a scenario, next to `method`).
    pub struct SolverTolerances {
        /// Relative tolerance of the adaptive methods.
        rtol: f64 = 1e-6, "1", 1e-14..=0.1, "ode_solvers default scale; tight enough for spike times to 1e-4 ms (../shared/CRATES.md §1)";
        /// Absolute tolerance of the adaptive methods, in each state's own unit.
        atol: f64 = 1e-6, "state units", 1e-16..=1.0, "as rtol";
        /// Fixed step of `rk4`.
        dt_ms: f64 = 0.01, "ms", 1e-7..=10.0, "HH 1952 converges to 1e-5 ms spike times at 0.01 ms (../shared/CRATES.md §1)";
        /// Largest step an adaptive method may take.
        max_step_ms: f64 = 1.0, "ms", 1e-6..=1e6, "keeps slow drifts resolved on output plots; no published source";
        /// Total accepted steps allowed over the run before it is stopped as a runaway.
        max_steps: u64 = 50_000_000, "1", 1.0..=1e12, "safety limit, no physiological meaning";
    }
}

/// Everything the solver needs from a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SolverSettings {
    /// The method.
    pub method: Method,
    /// Its tolerances and limits.
    pub tolerances: SolverTolerances,
}

/// Work done by the solver over a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct SolverStats {
    /// Accepted steps.
    pub steps: u64,
    /// Rejected steps (adaptive methods only).
    pub rejected_steps: u64,
    /// Evaluations of the model's right-hand side (those that build
    /// Jacobians included).
    pub rhs_evaluations: u64,
    /// Jacobians built (stiff method only).
    pub jacobians: u64,
    /// LU factorisations of the iteration matrix (stiff method only).
    pub factorizations: u64,
    /// Protocol segments integrated (one restart per stimulus edge).
    pub segments: u64,
}

impl std::ops::AddAssign for SolverStats {
    fn add_assign(&mut self, other: Self) {
        self.steps += other.steps;
        self.rejected_steps += other.rejected_steps;
        self.rhs_evaluations += other.rhs_evaluations;
        self.jacobians += other.jacobians;
        self.factorizations += other.factorizations;
        self.segments += other.segments;
    }
}

/// One accepted step: the state and its derivative at both ends.
#[derive(Debug, Clone, Copy)]
pub struct AcceptedStep<'a, const N: usize> {
    /// Start of the step (ms).
    pub t0_ms: f64,
    /// State at the start.
    pub y0: &'a State<N>,
    /// Derivative at the start.
    pub dydt0: &'a State<N>,
    /// End of the step (ms).
    pub t1_ms: f64,
    /// State at the end.
    pub y1: &'a State<N>,
    /// Derivative at the end.
    pub dydt1: &'a State<N>,
    /// The stimulus over the step (µA/cm²).
    pub i_stim_ua_per_cm2: f64,
}

/// Receives the integration as it happens.
pub trait StepObserver<const N: usize> {
    /// The initial point, before any step.
    fn start(&mut self, _t_ms: f64, _y: &State<N>, _i_stim_ua_per_cm2: f64) {}
    /// Each accepted step, in time order.
    fn step(&mut self, step: &AcceptedStep<'_, N>);
    /// The end of the run, at the final state.
    fn finish(&mut self, _t_ms: f64, _y: &State<N>, _i_stim_ua_per_cm2: f64) {}
}

impl<const N: usize, A: StepObserver<N>, B: StepObserver<N>> StepObserver<N> for (A, B) {
    fn start(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        self.0.start(t_ms, y, i_stim);
        self.1.start(t_ms, y, i_stim);
    }
    fn step(&mut self, step: &AcceptedStep<'_, N>) {
        self.0.step(step);
        self.1.step(step);
    }
    fn finish(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        self.0.finish(t_ms, y, i_stim);
        self.1.finish(t_ms, y, i_stim);
    }
}

impl<const N: usize, O: StepObserver<N>> StepObserver<N> for &mut O {
    fn start(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        (**self).start(t_ms, y, i_stim);
    }
    fn step(&mut self, step: &AcceptedStep<'_, N>) {
        (**self).step(step);
    }
    fn finish(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        (**self).finish(t_ms, y, i_stim);
    }
}

/// The end of a successful run.
#[derive(Debug, Clone, Copy)]
pub struct Outcome<const N: usize> {
    /// State at the end of the run.
    pub final_state: State<N>,
    /// Work done.
    pub stats: SolverStats,
}

/// Integrates `model` from `y0` at t = 0 to `duration_ms` under `protocol`.
pub fn simulate<const N: usize, M: Model<N>, O: StepObserver<N>>(
    model: &M,
    y0: &State<N>,
    protocol: &Protocol,
    duration_ms: f64,
    settings: &SolverSettings,
    observer: &mut O,
) -> Result<Outcome<N>, SolveError> {
    simulate_with_kicks(
        model,
        y0,
        protocol,
        &mut NoKicks,
        duration_ms,
        settings,
        observer,
    )
}

/// Instantaneous changes of the state at known times, such as the arrival
/// of a packet of transmitter: the run is cut at each of them, as at a
/// stimulus edge, and the state is changed before the next piece starts.
pub trait Kicks<const N: usize> {
    /// The kick times (ms), sorted.
    fn times_ms(&self) -> &[f64];
    /// Applies the kick number `index` (into [`Kicks::times_ms`]) to `y`.
    fn apply(&mut self, index: usize, y: &mut State<N>);
}

/// No kicks at all.
pub(crate) struct NoKicks;

impl<const N: usize> Kicks<N> for NoKicks {
    fn times_ms(&self) -> &[f64] {
        &[]
    }
    fn apply(&mut self, _index: usize, _y: &mut State<N>) {}
}

/// The protocol's segments, further cut at every kick time inside the run.
fn segments_with_kicks(protocol: &Protocol, kick_times_ms: &[f64], end_ms: f64) -> Vec<Segment> {
    let mut segments = Vec::new();
    for segment in protocol.segments(end_ms) {
        let mut start = segment.start_ms;
        for &t in kick_times_ms {
            if t > start + EDGE_MERGE_MS && t < segment.end_ms - EDGE_MERGE_MS {
                segments.push(Segment {
                    end_ms: t,
                    start_ms: start,
                    ..segment
                });
                start = t;
            }
        }
        segments.push(Segment {
            start_ms: start,
            ..segment
        });
    }
    segments
}

/// [`simulate`], with `kicks` applied to the state at their times (a kick
/// at or before t = 0 acts on the initial state; one at or after the end, never).
pub fn simulate_with_kicks<const N: usize, M: Model<N>, K: Kicks<N>, O: StepObserver<N>>(
    model: &M,
    y0: &State<N>,
    protocol: &Protocol,
    kicks: &mut K,
    duration_ms: f64,
    settings: &SolverSettings,
    observer: &mut O,
) -> Result<Outcome<N>, SolveError> {
    integrate_segments(
        model,
        y0,
        protocol,
        kicks,
        duration_ms,
        settings,
        observer,
        &mut None,
    )
}

/// The segments of a run one after the other; the stiff method finds the
/// model's sparsity pattern at its first segment unless `pattern` has it.
/// A caller that integrates the same model again and again (the rest
/// search) keeps the pattern for the next call.
#[allow(clippy::too_many_arguments)]
pub(crate) fn integrate_segments<const N: usize, M: Model<N>, K: Kicks<N>, O: StepObserver<N>>(
    model: &M,
    y0: &State<N>,
    protocol: &Protocol,
    kicks: &mut K,
    duration_ms: f64,
    settings: &SolverSettings,
    observer: &mut O,
    pattern: &mut Option<SparsityPattern<N>>,
) -> Result<Outcome<N>, SolveError> {
    let kick_times: Vec<f64> = kicks.times_ms().to_vec();
    let segments = segments_with_kicks(protocol, &kick_times, duration_ms);
    let mut y = *y0;
    let mut next_kick = 0;
    let mut stats = SolverStats::default();
    observer.start(
        0.0,
        &y,
        segments.first().map_or(0.0, |s| s.i_stim_ua_per_cm2),
    );
    for segment in &segments {
        while next_kick < kick_times.len()
            && kick_times[next_kick] <= segment.start_ms + EDGE_MERGE_MS
        {
            kicks.apply(next_kick, &mut y);
            next_kick += 1;
        }
        let remaining_steps = settings.tolerances.max_steps.saturating_sub(stats.steps);
        let explicit_method = match settings.method {
            Method::Dopri5 => Some(explicit::Explicit::Dopri5),
            Method::Dop853 => Some(explicit::Explicit::Dop853),
            Method::Rk4 => Some(explicit::Explicit::Rk4),
            Method::Rosenbrock | Method::Ros34pw2 => None,
        };
        let segment_stats = match explicit_method {
            Some(method) => explicit::integrate_segment(
                method,
                model,
                &mut y,
                segment,
                settings,
                remaining_steps,
                observer,
            ),
            None => {
                let pattern = pattern.get_or_insert_with(|| {
                    stiff::sparsity_pattern(model, segment.start_ms, &y, segment.i_stim_ua_per_cm2)
                });
                stiff::integrate_segment(
                    model,
                    pattern,
                    &mut y,
                    segment,
                    settings,
                    remaining_steps,
                    observer,
                )
            }
        }
        .map_err(|failure| failure.into_error(model, segment.i_stim_ua_per_cm2, settings))?;
        stats += segment_stats;
        stats.segments += 1;
    }
    observer.finish(duration_ms, &y, protocol.current_at(duration_ms));
    Ok(Outcome {
        final_state: y,
        stats,
    })
}
