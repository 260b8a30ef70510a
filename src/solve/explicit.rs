//! Explicit methods from ode_solvers: Dopri5, Dop853 and fixed-step RK4.
//!
//! Each protocol segment is integrated on its own, ending exactly at the
//! segment's end. ode_solvers keeps every step of an integration in memory,
//! so long segments are integrated in chunks of at most [`CHUNK_STEPS`]
//! steps: the observer's `solout` hook stops the integrator, and the next
//! chunk restarts from the last state with the last step size. Memory per
//! run is therefore bounded whatever the duration.
//!
//! Pitfalls handled here (../shared/CRATES.md §1): `Dopri5::new` caps a run
//! at 100 000 steps, so `from_param` sets the limit; `Dense` output hands
//! `solout` an inconsistent (t, y) pair, so `Sparse` is used; `Rk4` rounds
//! the step count up and would overshoot an edge, so the step is shrunk to
//! divide the segment exactly; `Rk4` hands `solout` the derivative at the
//! old point, so the derivative at the new point is evaluated here.

use ode_solvers::dop_shared::IntegrationError;
use ode_solvers::{Dop853, Dopri5, OutputType, Rk4, System};

use crate::model::{Model, State};
use crate::protocol::Segment;
use crate::solve::failure::{FailureKind, SegmentFailure};
use crate::solve::{AcceptedStep, SolverSettings, SolverStats, StepObserver};

/// Most steps one ode_solvers integration holds before it is restarted.
pub const CHUNK_STEPS: u64 = 4096;

/// Safety factor, β, and step-ratio limits of the Dormand–Prince step
/// controller: Hairer, Nørsett & Wanner, Solving ODEs I, §II.4 and the
/// defaults of `dopri5.f` (0.9, 0.04, 0.2, 10); Dop853 uses β = 0 and
/// (0.333, 6) in `dop853.f`.
const DOPRI5_CONTROLLER: (f64, f64, f64, f64) = (0.9, 0.04, 0.2, 10.0);
const DOP853_CONTROLLER: (f64, f64, f64, f64) = (0.9, 0.0, 0.333, 6.0);

/// Attempted (accepted + rejected) steps one chunk may take: generous, since
/// accepted steps are limited to [`CHUNK_STEPS`] by the observer and the
/// total by `solver.max_steps`; reaching it means the controller is stuck.
const MAX_ATTEMPTS_PER_CHUNK: u32 = 40 * CHUNK_STEPS as u32;

/// Hairer's stiffness test is switched off (it runs only every `u32::MAX`
/// steps). It flags any stretch where the step is limited by stability rather
/// than accuracy, which happens to every non-stiff membrane model resting for a
/// long time (HH at rest trips it after ~500 ms); the result there is still
/// correct. Truly stiff models reach `solver.max_steps`, whose message points
/// to a stiff method.
const STIFFNESS_TEST_INTERVAL: u32 = u32::MAX;

/// The model as an ode_solvers system over one segment, reporting each
/// accepted step to the observer.
struct SegmentSystem<'a, const N: usize, M, O> {
    model: &'a M,
    i_stim: f64,
    observer: &'a mut O,
    t_prev: f64,
    y_prev: State<N>,
    dydt_prev: State<N>,
    steps_in_chunk: u64,
    chunk_limit: u64,
    last_step_ms: f64,
    non_finite: bool,
    /// Rk4 passes the derivative at the old point; evaluate it at the new one.
    recompute_derivative: bool,
    extra_evaluations: u64,
}

impl<const N: usize, M: Model<N>, O: StepObserver<N>> System<f64, State<N>>
    for &mut SegmentSystem<'_, N, M, O>
{
    #[inline]
    fn system(&self, t: f64, y: &State<N>, dy: &mut State<N>) {
        self.model.derivatives(t, y, self.i_stim, dy);
    }

    fn solout(&mut self, t: f64, y: &State<N>, dy: &State<N>) -> bool {
        if !y.iter().all(|v| v.is_finite()) {
            self.non_finite = true;
            return true;
        }
        let mut dydt = *dy;
        if self.recompute_derivative {
            self.model.derivatives(t, y, self.i_stim, &mut dydt);
            self.extra_evaluations += 1;
        }
        self.observer.step(&AcceptedStep {
            t0_ms: self.t_prev,
            y0: &self.y_prev,
            dydt0: &self.dydt_prev,
            t1_ms: t,
            y1: y,
            dydt1: &dydt,
            i_stim_ua_per_cm2: self.i_stim,
        });
        self.last_step_ms = t - self.t_prev;
        self.t_prev = t;
        self.y_prev = *y;
        self.dydt_prev = dydt;
        self.steps_in_chunk += 1;
        self.steps_in_chunk >= self.chunk_limit
    }
}

/// The explicit methods this module drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explicit {
    /// ode_solvers `Dopri5`.
    Dopri5,
    /// ode_solvers `Dop853`.
    Dop853,
    /// ode_solvers `Rk4`.
    Rk4,
}

/// Integrates one constant-stimulus segment with `method`, advancing `y` to its end.
pub fn integrate_segment<const N: usize, M: Model<N>, O: StepObserver<N>>(
    method: Explicit,
    model: &M,
    y: &mut State<N>,
    segment: &Segment,
    settings: &SolverSettings,
    max_steps: u64,
    observer: &mut O,
) -> Result<SolverStats, SegmentFailure<N>> {
    let mut dydt = State::<N>::zeros();
    model.derivatives(segment.start_ms, y, segment.i_stim_ua_per_cm2, &mut dydt);
    let mut system = SegmentSystem {
        model,
        i_stim: segment.i_stim_ua_per_cm2,
        observer,
        t_prev: segment.start_ms,
        y_prev: *y,
        dydt_prev: dydt,
        steps_in_chunk: 0,
        chunk_limit: CHUNK_STEPS,
        last_step_ms: 0.0,
        non_finite: false,
        recompute_derivative: method == Explicit::Rk4,
        extra_evaluations: 0,
    };
    let mut stats = SolverStats {
        rhs_evaluations: 1,
        ..SolverStats::default()
    };
    let tolerances = &settings.tolerances;
    let end = segment.end_ms;
    while end - system.t_prev > 1e-12 * end.abs().max(1.0) {
        let t0 = system.t_prev;
        let y0 = system.y_prev;
        let budget = max_steps.saturating_sub(stats.steps);
        if budget == 0 {
            return Err(SegmentFailure {
                kind: FailureKind::StepLimit,
                t_ms: t0,
                y: y0,
            });
        }
        system.steps_in_chunk = 0;
        system.chunk_limit = CHUNK_STEPS.min(budget);
        let h0 = system.last_step_ms;
        // Dopri5 and Dop853 share `from_param`'s 16 positional arguments;
        // only the stepper type and its controller constants differ.
        macro_rules! adaptive {
            ($stepper:ident, $controller:expr) => {{
                let (safety, beta, fac_min, fac_max) = $controller;
                $stepper::from_param(
                    &mut system,
                    t0,
                    end,
                    0.0,
                    y0,
                    tolerances.rtol,
                    tolerances.atol,
                    safety,
                    beta,
                    fac_min,
                    fac_max,
                    tolerances.max_step_ms,
                    h0,
                    MAX_ATTEMPTS_PER_CHUNK,
                    STIFFNESS_TEST_INTERVAL,
                    OutputType::Sparse,
                )
                .integrate()
            }};
        }
        let result = match method {
            Explicit::Dopri5 => adaptive!(Dopri5, DOPRI5_CONTROLLER),
            Explicit::Dop853 => adaptive!(Dop853, DOP853_CONTROLLER),
            Explicit::Rk4 => {
                let remaining = end - t0;
                let step_count = (remaining / tolerances.dt_ms).ceil().max(1.0);
                let chunk_steps = step_count.min(system.chunk_limit as f64);
                let dt = remaining / step_count;
                // Aim half a step short of the chunk end: Rk4 takes ceil(span/dt) steps,
                // which is then exactly `chunk_steps` despite rounding.
                let aim = t0 + (chunk_steps - 0.5) * dt;
                let result = Rk4::new(&mut system, t0, y0, aim, dt).integrate();
                // Rk4 adds dt step by step; restart the next chunk from the exact
                // multiple so rounding cannot leave a sliver before the segment end.
                if !system.non_finite && system.steps_in_chunk as f64 == chunk_steps {
                    system.t_prev = if chunk_steps == step_count {
                        end
                    } else {
                        t0 + chunk_steps * dt
                    };
                }
                result
            }
        };
        if system.non_finite {
            return Err(SegmentFailure {
                kind: FailureKind::NonFinite,
                t_ms: system.t_prev,
                y: system.y_prev,
            });
        }
        match result {
            Ok(chunk) => {
                stats.steps += u64::from(chunk.accepted_steps);
                stats.rejected_steps += u64::from(chunk.rejected_steps);
                stats.rhs_evaluations += u64::from(chunk.num_eval);
            }
            Err(error) => {
                let kind = match error {
                    IntegrationError::MaxNumStepReached { .. } => FailureKind::StepLimit,
                    IntegrationError::StepSizeUnderflow { .. } => FailureKind::StepSizeCollapse,
                    IntegrationError::StiffnessDetected { .. } => FailureKind::StepLimit,
                };
                return Err(SegmentFailure {
                    kind,
                    t_ms: system.t_prev,
                    y: system.y_prev,
                });
            }
        }
    }
    stats.rhs_evaluations += system.extra_evaluations;
    *y = system.y_prev;
    Ok(stats)
}
