//! Stiff integrator for fixed-size systems: Rodas4, an L-stable Rosenbrock
//! method of order 4 with an embedded order-3 error estimate.
//!
//! # Why a stiff method
//!
//! The muscle-fibre model (Shorten et al. 2007, about 56 states) couples the
//! Ríos–Stern ryanodine-receptor gating, with rates around 1000 ms⁻¹, to
//! pumps, diffusion and fatigue processes with time constants of seconds: a
//! stiffness ratio of 10⁶ or more. An explicit method is held by stability,
//! not accuracy, to steps of about the fastest time constant; on the 7-state
//! stiff test problem of `shared/CRATES.md` §2 Dopri5 needed 6.4 million
//! steps where implicit methods needed thousands. A Rosenbrock method is
//! linearly implicit: every step solves linear systems with one LU
//! factorisation of `I/(hγ) − J` and needs no Newton iteration, so it has no
//! convergence failures to manage, and Rodas4 is L-stable and stiffly
//! accurate (its stability function vanishes at infinity), so the fast
//! components are damped rather than left ringing.
//!
//! # Method
//!
//! Six stages `k₁ … k₆`, each solving
//!
//! ```text
//! (I/(hγ) − J) kᵢ = f(t + αᵢh, y + Σⱼ<ᵢ aᵢⱼ kⱼ) + γᵢ h ∂f/∂t + Σⱼ<ᵢ (cᵢⱼ/h) kⱼ
//! ```
//!
//! with `J = ∂f/∂y` and `∂f/∂t` taken at the start of the step and γ = 1/4.
//! The method is stiffly accurate: the embedded order-3 solution is the
//! argument of stage 6, `ŷ = y + Σⱼ<₆ a₆ⱼ kⱼ`, the order-4 solution is
//! `ŷ + k₆`, so `k₆` itself is the local error estimate. Stage 1 reuses the
//! derivative at the start of the step, which is the derivative at the end of
//! the previous accepted step (the one handed to `on_step`), so a step costs
//! five right-hand-side evaluations for the stages, one for the derivative at
//! the new point, `N` for the Jacobian and one for `∂f/∂t`.
//!
//! # Coefficients
//!
//! From Hairer's `rodas.f` (subroutine `RODCOE`, `METH = 1`), the code that
//! accompanies E. Hairer and G. Wanner, *Solving Ordinary Differential
//! Equations II: Stiff and Differential-Algebraic Problems*, 2nd ed.,
//! Springer 1996, §VI.4, where the construction of RODAS is described. The
//! same values are printed in Numerical Recipes, 3rd ed., §17.5.1
//! (`StepperRoss`). They are written here in the form `rodas.f` uses
//! (transformed variables, `αᵢ` = `C2…C4`, `γᵢ` = `D1…D4`). The tests below
//! check them independently: fourth-order convergence with fixed steps, a
//! stability function that vanishes at infinity, and the published Robertson
//! values.
//!
//! # Step-size control
//!
//! The error is the root mean square of `k₆ᵢ / (atol + rtol·max(|yᵢ|, |ŷᵢ|))`
//! and a step is accepted when it is at most 1. The next step is `h/fac`
//! with Hairer's controller `fac = clamp(err^(1/4)/0.9, 1/6, 5)`, so a step
//! grows at most sixfold and shrinks at most fivefold; after an accepted step
//! the predictive controller of Gustafsson, which `rodas.f` uses by default,
//! may shrink it further; after a rejection the next accepted step does not
//! grow. A singular iteration matrix, a non-finite stage, or a non-finite
//! derivative at the new point halves the step and retries. The step is
//! capped at `max_step_ms`, and the last step of a segment is shortened to
//! land exactly on `t1` (when the remaining interval is within 1.0001 steps,
//! as in `rodas.f`).
//!
//! # Jacobian
//!
//! Forward differences, one column at a time, with increment
//! `√ε · max(|yⱼ|, atol/rtol)`: relative to the component, and never below
//! the magnitude at which the tolerance turns absolute. `∂f/∂t` is a forward
//! difference with increment `√(ε·max(10⁻⁵, |t|))`, as in `rodas.f`; the
//! right-hand side is therefore also evaluated up to that much past `t1`.
//! The Jacobian is rebuilt after every accepted step (a Rosenbrock method
//! needs the current one for its order) and reused when a step is retried.
//!
//! Everything lives on the stack: the `N × N` Jacobian and iteration matrix
//! (about 29 kB each for `N = 60`) and nalgebra's LU of a static-size matrix
//! allocate nothing, so a step performs no heap allocation.

use std::fmt;

use nalgebra::SMatrix;

use crate::model::State;

/// Tolerances and limits for [`integrate`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RosenbrockSettings {
    /// Relative tolerance, > 0.
    pub rtol: f64,
    /// Absolute tolerance, > 0, in the units of the state variables.
    pub atol: f64,
    /// Largest step, ms, > 0 (`f64::INFINITY` for no limit).
    pub max_step_ms: f64,
    /// Largest number of attempted steps (accepted and rejected) in one call.
    pub max_steps: u64,
    /// First step, ms; 0 chooses it automatically from the derivative at
    /// the start (Hairer's starting-step heuristic).
    pub initial_step_ms: f64,
}

/// What a successful call of [`integrate`] returns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentOutcome<const N: usize> {
    /// The state at `t1`, or at the accepted step where `on_step` asked to stop.
    pub y: State<N>,
    /// The step size, ms, that the controller proposed after the last
    /// accepted step, before any shortening to land on `t1` (what `rodas.f`
    /// returns in `H`); pass it as `initial_step_ms` of the next segment to
    /// skip the start-up. It is `initial_step_ms` when `t1 == t0`.
    pub last_step_ms: f64,
    /// Accepted steps.
    pub accepted: u64,
    /// Rejected steps: error too large, singular iteration matrix, or a
    /// non-finite stage.
    pub rejected: u64,
    /// Right-hand-side evaluations, including those for Jacobians, `∂f/∂t`
    /// and the automatic initial step.
    pub rhs_evaluations: u64,
    /// Finite-difference Jacobians built.
    pub jacobians: u64,
}

/// Why [`integrate`] gave up. Every variant carries the time and the state of
/// the last accepted step, so the caller can report them by name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RosenbrockFailure<const N: usize> {
    /// The step size fell below `10·ε·max(|t|, |t1|)` while errors stayed
    /// too large, or the iteration matrix stayed singular.
    StepSizeCollapse {
        /// Time of the last accepted step, ms.
        t_ms: f64,
        /// State at `t_ms`.
        y: State<N>,
    },
    /// `max_steps` steps were attempted without reaching `t1`.
    StepLimit {
        /// Time of the last accepted step, ms.
        t_ms: f64,
        /// Steps attempted (accepted and rejected).
        steps: u64,
        /// State at `t_ms`.
        y: State<N>,
    },
    /// The right-hand side or its Jacobian was not finite at the last
    /// accepted state, or it kept producing non-finite values however much
    /// the step was shortened.
    NonFinite {
        /// Time of the last accepted step, ms.
        t_ms: f64,
        /// State at `t_ms` (as given, for a non-finite initial state).
        y: State<N>,
    },
}

impl<const N: usize> RosenbrockFailure<N> {
    /// Time of the last accepted step, ms.
    pub fn t_ms(&self) -> f64 {
        match *self {
            Self::StepSizeCollapse { t_ms, .. }
            | Self::StepLimit { t_ms, .. }
            | Self::NonFinite { t_ms, .. } => t_ms,
        }
    }

    /// State at the last accepted step.
    pub fn last_state(&self) -> &State<N> {
        match self {
            Self::StepSizeCollapse { y, .. }
            | Self::StepLimit { y, .. }
            | Self::NonFinite { y, .. } => y,
        }
    }
}

impl<const N: usize> fmt::Display for RosenbrockFailure<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::StepSizeCollapse { t_ms, .. } => {
                write!(f, "Rosenbrock step size collapsed at t = {t_ms} ms")
            }
            Self::StepLimit { t_ms, steps, .. } => write!(
                f,
                "Rosenbrock integrator reached its limit of {steps} steps at t = {t_ms} ms"
            ),
            Self::NonFinite { t_ms, .. } => write!(
                f,
                "right-hand side not finite near t = {t_ms} ms (Rosenbrock integrator)"
            ),
        }
    }
}

impl<const N: usize> std::error::Error for RosenbrockFailure<N> {}

/// Rodas4 coefficients, `rodas.f` subroutine `RODCOE`, `METH = 1`.
mod rodas4 {
    /// Number of stages.
    pub const STAGES: usize = 6;
    /// Diagonal coefficient γ of the iteration matrix `I/(hγ) − J`.
    pub const GAMMA: f64 = 0.25;
    /// Stage times as fractions of the step (`rodas.f`: 0, C2, C3, C4, 1, 1).
    pub const STAGE_TIME: [f64; STAGES] = [0.0, 0.386, 0.21, 0.63, 1.0, 1.0];
    /// Weights of `h·∂f/∂t` in each stage (`rodas.f`: D1 … D4, then 0, 0).
    pub const TIME_DERIVATIVE_WEIGHT: [f64; STAGES] = [
        0.25,
        -0.1043,
        0.1035,
        -0.362_000_000_000_002_3e-1,
        0.0,
        0.0,
    ];
    /// Stage arguments: stage `i` evaluates `f` at `y + Σⱼ<ᵢ A[i][j]·kⱼ`
    /// (`rodas.f`: A21 … A54; row 6 is row 5 plus `k₅`, which makes the
    /// method stiffly accurate).
    pub const STAGE_ARGUMENT: [[f64; STAGES - 1]; STAGES] = [
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [1.544, 0.0, 0.0, 0.0, 0.0],
        [0.946_678_528_081_582_6, 0.255_701_169_898_328_4, 0.0, 0.0, 0.0],
        [
            3.314_825_187_068_521,
            2.896_124_015_972_201,
            0.998_641_913_997_781_7,
            0.0,
            0.0,
        ],
        [
            1.221_224_509_226_641,
            6.019_134_481_288_629,
            12.537_083_329_320_87,
            -0.687_886_036_105_895,
            0.0,
        ],
        [
            1.221_224_509_226_641,
            6.019_134_481_288_629,
            12.537_083_329_320_87,
            -0.687_886_036_105_895,
            1.0,
        ],
    ];
    /// Coupling of earlier stages into stage `i`, divided by `h`
    /// (`rodas.f`: C21 … C65).
    pub const STAGE_COUPLING: [[f64; STAGES - 1]; STAGES] = [
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [-5.6688, 0.0, 0.0, 0.0, 0.0],
        [-2.430_093_356_833_875, -0.206_359_915_709_191_5, 0.0, 0.0, 0.0],
        [
            -0.107_352_905_815_137_5,
            -9.594_562_251_023_355,
            -20.470_286_148_096_16,
            0.0,
            0.0,
        ],
        [
            7.496_443_313_967_647,
            -10.246_804_314_643_52,
            -33.999_903_528_199_05,
            11.708_908_932_061_6,
            0.0,
        ],
        [
            8.083_246_795_921_522,
            -7.981_132_988_064_893,
            -31.521_594_328_743_71,
            16.319_305_431_231_36,
            -6.058_818_238_834_054,
        ],
    ];
}

/// Safety factor of the step-size controller (`rodas.f` `SAFE`).
const SAFETY: f64 = 0.9;
/// Largest step shrink per rejection, as the divisor `fac` (`rodas.f` `FAC1`).
const MAX_SHRINK: f64 = 5.0;
/// Largest step growth per accepted step, as `1/fac` (`rodas.f` `FAC2`).
const MAX_GROWTH: f64 = 6.0;
/// Floor on the stored error of the previous step in Gustafsson's
/// controller (`rodas.f`).
const GUSTAFSSON_ERROR_FLOOR: f64 = 1e-2;
/// Step reduction after a singular matrix or a non-finite value.
const FAILURE_SHRINK: f64 = 0.5;
/// The last step is stretched to `t1` when it is within this factor of the
/// proposed step (`rodas.f`).
const LAST_STEP_STRETCH: f64 = 1.0001;
/// A step below this many ulps of the current time counts as a collapse
/// (`rodas.f` stops at `0.1·|h| ≤ |t|·ε`).
const STEP_COLLAPSE_ULPS: f64 = 10.0;

/// Integrates `dy/dt = rhs(t, y)` from `t0` to exactly `t1` with Rodas4.
///
/// `rhs(t, y, dydt)` writes the derivative into `dydt`. After every accepted
/// step, `on_step(t, &y, &dydt)` is called with the new time, state and the
/// derivative at that point (which the next step reuses as its first stage);
/// it returns `true` to stop early, in which case the outcome holds that
/// state. No step passes `t1`: the last one is shortened to land on it, and
/// the final time handed to `on_step` is `t1` itself. When `t1 == t0` the
/// state is returned unchanged without evaluating anything.
///
/// # Errors
///
/// [`RosenbrockFailure`] with the time and state of the last accepted step:
/// `NonFinite` when `y0`, the derivative or the Jacobian at an accepted state
/// is not finite, or when non-finite stages drive the step to collapse;
/// `StepSizeCollapse` when errors or singular matrices do; `StepLimit` after
/// `max_steps` attempted steps.
///
/// # Panics
///
/// On invalid arguments, which the scenario layer rejects first: `t0` or
/// `t1` not finite or `t1 < t0`; `rtol`, `atol` or `max_step_ms` not
/// positive (or NaN); `initial_step_ms` negative or not finite.
pub fn integrate<const N: usize>(
    rhs: impl Fn(f64, &State<N>, &mut State<N>),
    t0: f64,
    t1: f64,
    y0: &State<N>,
    settings: &RosenbrockSettings,
    mut on_step: impl FnMut(f64, &State<N>, &State<N>) -> bool,
) -> Result<SegmentOutcome<N>, RosenbrockFailure<N>> {
    check_arguments(t0, t1, settings);
    let mut outcome = SegmentOutcome {
        y: *y0,
        last_step_ms: settings.initial_step_ms,
        accepted: 0,
        rejected: 0,
        rhs_evaluations: 0,
        jacobians: 0,
    };
    if t1 == t0 {
        return Ok(outcome);
    }
    let mut t = t0;
    let mut y = *y0;
    let non_finite = |t_ms: f64, y: State<N>| RosenbrockFailure::NonFinite { t_ms, y };
    if !is_finite(&y) {
        return Err(non_finite(t, y));
    }
    let mut dydt = State::<N>::zeros();
    rhs(t, &y, &mut dydt);
    outcome.rhs_evaluations += 1;
    if !is_finite(&dydt) {
        return Err(non_finite(t, y));
    }

    let mut h = if settings.initial_step_ms > 0.0 {
        settings.initial_step_ms
    } else {
        outcome.rhs_evaluations += 1;
        automatic_initial_step(&rhs, t0, t1, &y, &dydt, settings)
    }
    .min(settings.max_step_ms);

    let mut workspace = Workspace::<N>::new();
    let mut controller = StepSizeController::new(settings.max_step_ms);
    let mut jacobian_is_current = false;
    let mut last_failure_was_non_finite = false;
    let mut steps = 0_u64;
    loop {
        if !jacobian_is_current {
            outcome.rhs_evaluations += workspace.differentiate(&rhs, t, &y, &dydt, settings);
            outcome.jacobians += 1;
            if !workspace.derivatives_are_finite() {
                return Err(non_finite(t, y));
            }
            jacobian_is_current = true;
        }
        if steps >= settings.max_steps {
            return Err(RosenbrockFailure::StepLimit { t_ms: t, steps, y });
        }
        if h < STEP_COLLAPSE_ULPS * f64::EPSILON * t.abs().max(t1.abs()) {
            return Err(if last_failure_was_non_finite {
                non_finite(t, y)
            } else {
                RosenbrockFailure::StepSizeCollapse { t_ms: t, y }
            });
        }
        let lands_on_t1 = t + LAST_STEP_STRETCH * h >= t1;
        let step = if lands_on_t1 { t1 - t } else { h };
        steps += 1;

        let attempt = workspace.attempt_step(&rhs, t, step, &y, &dydt, settings);
        outcome.rhs_evaluations += attempt.rhs_evaluations;
        let error = match attempt.result {
            Ok(error) if error <= 1.0 => error,
            Ok(error) => {
                outcome.rejected += 1;
                last_failure_was_non_finite = false;
                h = controller.after_rejection(step, error);
                continue;
            }
            Err(failure) => {
                outcome.rejected += 1;
                last_failure_was_non_finite = failure == StepFailure::NonFinite;
                h = controller.after_failure(step);
                continue;
            }
        };
        let t_new = if lands_on_t1 { t1 } else { t + step };
        rhs(t_new, &workspace.y_new, &mut workspace.dydt_new);
        outcome.rhs_evaluations += 1;
        if !is_finite(&workspace.dydt_new) {
            outcome.rejected += 1;
            last_failure_was_non_finite = true;
            h = controller.after_failure(step);
            continue;
        }

        t = t_new;
        y = workspace.y_new;
        dydt = workspace.dydt_new;
        outcome.accepted += 1;
        jacobian_is_current = false;
        last_failure_was_non_finite = false;
        let proposed = controller.after_acceptance(step, error);
        let stop = on_step(t, &y, &dydt);
        if lands_on_t1 || stop {
            outcome.y = y;
            outcome.last_step_ms = if lands_on_t1 { h } else { proposed };
            return Ok(outcome);
        }
        h = proposed;
    }
}

fn check_arguments(t0: f64, t1: f64, settings: &RosenbrockSettings) {
    assert!(
        t0.is_finite() && t1.is_finite() && t1 >= t0,
        "Rosenbrock integrate: need finite t0 <= t1, got t0 = {t0}, t1 = {t1}"
    );
    assert!(
        settings.rtol > 0.0 && settings.rtol.is_finite(),
        "Rosenbrock integrate: rtol must be positive and finite, got {}",
        settings.rtol
    );
    assert!(
        settings.atol > 0.0 && settings.atol.is_finite(),
        "Rosenbrock integrate: atol must be positive and finite, got {}",
        settings.atol
    );
    assert!(
        settings.max_step_ms > 0.0,
        "Rosenbrock integrate: max_step_ms must be positive, got {}",
        settings.max_step_ms
    );
    assert!(
        settings.initial_step_ms >= 0.0 && settings.initial_step_ms.is_finite(),
        "Rosenbrock integrate: initial_step_ms must be 0 (automatic) or positive, got {}",
        settings.initial_step_ms
    );
}

fn is_finite<const R: usize, const C: usize>(values: &SMatrix<f64, R, C>) -> bool {
    values.iter().all(|value| value.is_finite())
}

/// Root-mean-square norm of `values` weighted by `atol + rtol·max(|a|, |b|)`.
fn weighted_rms<const N: usize>(
    values: &State<N>,
    scale_a: &State<N>,
    scale_b: &State<N>,
    settings: &RosenbrockSettings,
) -> f64 {
    let sum_of_squares: f64 = (0..N)
        .map(|i| {
            let scale = settings.atol + settings.rtol * scale_a[i].abs().max(scale_b[i].abs());
            (values[i] / scale).powi(2)
        })
        .sum();
    (sum_of_squares / N as f64).sqrt()
}

/// Hairer's starting step (`HINIT` in `dopri5.f`, for order 4): the step
/// whose explicit-Euler local error estimate meets the tolerance, from one
/// extra evaluation of `rhs`.
fn automatic_initial_step<const N: usize>(
    rhs: &impl Fn(f64, &State<N>, &mut State<N>),
    t0: f64,
    t1: f64,
    y0: &State<N>,
    dydt0: &State<N>,
    settings: &RosenbrockSettings,
) -> f64 {
    const FALLBACK_MS: f64 = 1e-6;
    let span = (t1 - t0).min(settings.max_step_ms);
    let state_norm = weighted_rms(y0, y0, y0, settings);
    let derivative_norm = weighted_rms(dydt0, y0, y0, settings);
    let euler_step = if state_norm < 1e-5 || derivative_norm < 1e-5 {
        FALLBACK_MS
    } else {
        0.01 * state_norm / derivative_norm
    }
    .min(span);
    let euler_state = y0 + dydt0 * euler_step;
    let mut euler_derivative = State::<N>::zeros();
    rhs(t0 + euler_step, &euler_state, &mut euler_derivative);
    let curvature =
        weighted_rms(&(euler_derivative - dydt0), y0, y0, settings) / euler_step;
    let largest = derivative_norm.max(curvature);
    let error_step = if !largest.is_finite() {
        euler_step * 1e-3
    } else if largest <= 1e-15 {
        (euler_step * 1e-3).max(FALLBACK_MS)
    } else {
        (0.01 / largest).powf(0.25)
    };
    (100.0 * euler_step).min(error_step).min(span)
}

/// Why a step attempt produced no error estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepFailure {
    /// The iteration matrix `I/(hγ) − J` is singular.
    SingularMatrix,
    /// A stage or the new state is not finite.
    NonFinite,
}

/// Result of one step attempt: the weighted error, or why there is none.
struct StepAttempt {
    result: Result<f64, StepFailure>,
    rhs_evaluations: u64,
}

/// Per-integration scratch space, all on the stack.
struct Workspace<const N: usize> {
    /// `∂f/∂y` at the start of the step.
    jacobian: SMatrix<f64, N, N>,
    /// `∂f/∂t` at the start of the step.
    time_derivative: State<N>,
    /// Stage increments `k₁ … k₆`.
    stages: [State<N>; rodas4::STAGES],
    /// Argument of the current stage.
    stage_argument: State<N>,
    /// Right-hand side at the current stage argument.
    stage_derivative: State<N>,
    /// Proposed new state.
    y_new: State<N>,
    /// Derivative at the proposed new state.
    dydt_new: State<N>,
}

impl<const N: usize> Workspace<N> {
    fn new() -> Self {
        Self {
            jacobian: SMatrix::zeros(),
            time_derivative: State::zeros(),
            stages: [State::zeros(); rodas4::STAGES],
            stage_argument: State::zeros(),
            stage_derivative: State::zeros(),
            y_new: State::zeros(),
            dydt_new: State::zeros(),
        }
    }

    /// Builds the finite-difference `∂f/∂y` and `∂f/∂t` at `(t, y)`, where
    /// `dydt = f(t, y)`; returns the number of `rhs` evaluations.
    fn differentiate(
        &mut self,
        rhs: &impl Fn(f64, &State<N>, &mut State<N>),
        t: f64,
        y: &State<N>,
        dydt: &State<N>,
        settings: &RosenbrockSettings,
    ) -> u64 {
        let sqrt_epsilon = f64::EPSILON.sqrt();
        let tolerance_floor = settings.atol / settings.rtol;
        let perturbed = &mut self.stage_argument;
        let perturbed_derivative = &mut self.stage_derivative;
        perturbed.copy_from(y);
        for j in 0..N {
            let original = y[j];
            perturbed[j] = original + sqrt_epsilon * original.abs().max(tolerance_floor);
            let increment = perturbed[j] - original;
            rhs(t, perturbed, perturbed_derivative);
            perturbed[j] = original;
            self.jacobian
                .set_column(j, &((*perturbed_derivative - dydt) / increment));
        }
        let time_increment = (t + (f64::EPSILON * t.abs().max(1e-5)).sqrt()) - t;
        rhs(t + time_increment, y, perturbed_derivative);
        self.time_derivative = (*perturbed_derivative - dydt) / time_increment;
        N as u64 + 1
    }

    fn derivatives_are_finite(&self) -> bool {
        is_finite(&self.jacobian) && is_finite(&self.time_derivative)
    }

    /// One Rodas4 step of size `h` from `(t, y)`, where `dydt = f(t, y)` and
    /// the Jacobian is current; leaves the proposed state in `y_new`.
    fn attempt_step(
        &mut self,
        rhs: &impl Fn(f64, &State<N>, &mut State<N>),
        t: f64,
        h: f64,
        y: &State<N>,
        dydt: &State<N>,
        settings: &RosenbrockSettings,
    ) -> StepAttempt {
        let mut attempt = StepAttempt {
            result: Err(StepFailure::SingularMatrix),
            rhs_evaluations: 0,
        };
        let mut iteration_matrix = -self.jacobian;
        let diagonal = 1.0 / (h * rodas4::GAMMA);
        for i in 0..N {
            iteration_matrix[(i, i)] += diagonal;
        }
        let lu = iteration_matrix.lu();
        if !lu.is_invertible() {
            return attempt;
        }
        for stage in 0..rodas4::STAGES {
            let mut stage_right_side = if stage == 0 {
                *dydt
            } else {
                self.stage_argument.copy_from(y);
                for (k, &a) in self.stages[..stage]
                    .iter()
                    .zip(&rodas4::STAGE_ARGUMENT[stage])
                {
                    self.stage_argument.axpy(a, k, 1.0);
                }
                rhs(
                    t + rodas4::STAGE_TIME[stage] * h,
                    &self.stage_argument,
                    &mut self.stage_derivative,
                );
                attempt.rhs_evaluations += 1;
                self.stage_derivative
            };
            let time_weight = rodas4::TIME_DERIVATIVE_WEIGHT[stage];
            if time_weight != 0.0 {
                stage_right_side.axpy(h * time_weight, &self.time_derivative, 1.0);
            }
            for (k, &c) in self.stages[..stage]
                .iter()
                .zip(&rodas4::STAGE_COUPLING[stage])
            {
                stage_right_side.axpy(c / h, k, 1.0);
            }
            if !lu.solve_mut(&mut stage_right_side) {
                return attempt;
            }
            if !is_finite(&stage_right_side) {
                attempt.result = Err(StepFailure::NonFinite);
                return attempt;
            }
            self.stages[stage] = stage_right_side;
        }
        let error_estimate = &self.stages[rodas4::STAGES - 1];
        self.y_new = self.stage_argument + error_estimate;
        attempt.result = if is_finite(&self.y_new) {
            Ok(weighted_rms(error_estimate, y, &self.y_new, settings))
        } else {
            Err(StepFailure::NonFinite)
        };
        attempt
    }
}

/// Hairer's step-size controller with Gustafsson's predictive correction,
/// as in `rodas.f`.
struct StepSizeController {
    max_step_ms: f64,
    /// Step and (floored) error of the previous accepted step.
    previous_accepted: Option<(f64, f64)>,
    /// Whether the last attempt was rejected: the next accepted step must
    /// not grow.
    after_rejection: bool,
}

impl StepSizeController {
    fn new(max_step_ms: f64) -> Self {
        Self {
            max_step_ms,
            previous_accepted: None,
            after_rejection: false,
        }
    }

    /// The divisor `fac` of the step for error `error`, within the limits.
    fn divisor(error: f64) -> f64 {
        (error.powf(0.25) / SAFETY).clamp(1.0 / MAX_GROWTH, MAX_SHRINK)
    }

    fn after_acceptance(&mut self, h: f64, error: f64) -> f64 {
        let mut divisor = Self::divisor(error);
        if let Some((previous_h, previous_error)) = self.previous_accepted {
            let predictive =
                (previous_h / h) * (error.powi(2) / previous_error).powf(0.25) / SAFETY;
            divisor = divisor.max(predictive.clamp(1.0 / MAX_GROWTH, MAX_SHRINK));
        }
        self.previous_accepted = Some((h, error.max(GUSTAFSSON_ERROR_FLOOR)));
        let mut proposed = (h / divisor).min(self.max_step_ms);
        if self.after_rejection {
            proposed = proposed.min(h);
        }
        self.after_rejection = false;
        proposed
    }

    fn after_rejection(&mut self, h: f64, error: f64) -> f64 {
        self.after_rejection = true;
        h / Self::divisor(error)
    }

    fn after_failure(&mut self, h: f64) -> f64 {
        self.after_rejection = true;
        h * FAILURE_SHRINK
    }
}
