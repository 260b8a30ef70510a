//! Stiff integrator for fixed-size systems: Rodas4P, an L-stable Rosenbrock
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
//! convergence failures to manage.
//!
//! # Why Rodas4P rather than Rodas4
//!
//! Both are 6-stage, stiffly accurate and L-stable: evaluated on the
//! imaginary axis from 10⁻³ to 10⁶, the stability function stays within 1
//! for the order-4 and for the embedded solution, and it vanishes at
//! infinity (about 9.3/z). They differ on problems where a fast variable
//! relaxes onto a slowly moving quasi-steady state, which is exactly what
//! the RyR states do under a slowly changing voltage and calcium. On the
//! Prothero–Robinson equation `y' = λ(y − g(t)) + g'(t)` with
//! λ = −10⁴…−10⁶, fixed steps of 0.1…0.0125 gave global order 1.1 for
//! Rodas4 (Hairer–Wanner coefficients, `rodas.f` `METH = 1`) and order 3 for
//! Rodas4P, with errors about a thousand times smaller. With step-size
//! control the same shows up on Robertson's kinetics to t = 40: the two
//! cost the same at `rtol` 10⁻⁶ and 10⁻⁷, but at 10⁻⁸ Rodas4 took 452 steps
//! and Rodas4P 298, and at 10⁻¹⁰ 7707 against 1123 (scipy's Radau5: 908).
//! The test `prothero_robinson_keeps_order_three_with_fixed_steps` guards
//! this.
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
//! the new point, and those of the Jacobian and `∂f/∂t` (`N + 1`, or one per
//! column group with a sparsity pattern).
//!
//! # Coefficients
//!
//! From Hairer's `rodas.f` (subroutine `RODCOE`, `METH = 3`: "coefficients
//! for RODAS with order 4 for linear parabolic problems, Gerd Steinebach
//! (1993)"), the code that accompanies E. Hairer and G. Wanner, *Solving
//! Ordinary Differential Equations II: Stiff and Differential-Algebraic
//! Problems*, 2nd ed., Springer 1996, §VI.4, where the construction of RODAS
//! is described; the method is G. Steinebach, *Order-reduction of
//! ROW-methods for DAEs and method of lines applications*, Preprint 1741, TH
//! Darmstadt, 1995. The same digits are in OrdinaryDiffEq.jl's
//! `Rodas4PTableau`. They are written here in `rodas.f`'s transformed form
//! (`αᵢ` = `C2…C4`, `γᵢ` = `D1…D4`). The tests below check them
//! independently: fourth-order convergence with fixed steps, third order on
//! a stiff Prothero–Robinson problem, damping of an infinitely stiff mode in
//! one step, and the published Robertson values.
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
//! Forward differences with increment `√ε · max(|yⱼ|, atol/rtol)`, one
//! column at a time ([`integrate`]) or, with the right-hand side's sparsity
//! pattern, several non-overlapping columns per evaluation
//! ([`integrate_sparse`], [`super::jacobian`]; about 14 evaluations instead of 57
//! for the muscle fibre), with the same entries: relative to the component, and never below
//! the magnitude at which the tolerance turns absolute. `∂f/∂t` is a forward
//! difference with increment `√(ε·max(10⁻⁵, |t|))`, as in `rodas.f`; the
//! right-hand side is therefore also evaluated up to that much past `t1`.
//! The Jacobian is rebuilt after every accepted step (a Rosenbrock method
//! needs the current one for its order) and reused when a step is retried.
//!
//! # ROS34PW2: keeping the Jacobian
//!
//! [`ROS34PW2`] (Rang & Angermann 2005) is a Rosenbrock-W method: its
//! order 3 holds for any matrix in place of `J`, so a Jacobian is kept for
//! up to 20 accepted steps (and refreshed at once when a step with an old
//! one fails), and the step is held, with its LU factors, while the
//! controller would grow it by less than 1.2×. Measured on this machine
//! (`scenarios/muscle-20hz.toml`, rtol = atol = 10⁻⁶, with the sparse
//! Jacobian of [`super::jacobian`]): Rodas4P 2 681 steps, 53 739
//! right-hand-side evaluations, 2 681 Jacobians, 2 694 factorisations;
//! ROS34PW2 10 196 steps (912 rejected), 61 004 evaluations, 1 245
//! Jacobians, 7 952 factorisations (a fresh Jacobian at every step: 5 471
//! steps, 98 724 evaluations; never refreshed unless a step fails: 849 781
//! steps). On the motor unit (`scenarios/normal.toml`) Rodas4P took 25 996
//! steps and 453 481 evaluations against 47 431 and 394 625, and less CPU
//! time. Order 3 against 4 costs more steps than the kept Jacobian saves,
//! so Rodas4P stays the default of every stiff model; ROS34PW2 is there as
//! `method = "ros34pw2"`. Both were within 10⁻⁴ relative of a tight run (rtol 10⁻¹⁰, 10⁻⁹ for the motor unit)
//! on every metric of these scenarios.
//!
//! # Memory
//!
//! Everything lives on the stack: the `N × N` Jacobian and iteration matrix
//! (about 29 kB each for `N = 60`) and the stage vectors. The LU
//! factorisation is done in place (`lu_factorize`), so a step performs no
//! heap allocation.

use std::fmt;

use nalgebra::SMatrix;

use crate::model::State;
use crate::solve::jacobian::SparsityPattern;

/// Tolerances and limits for [`integrate`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RosenbrockSettings {
    /// The method: its coefficients and whether it may keep a Jacobian.
    pub method: &'static Tableau,
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
    /// LU factorisations of the iteration matrix.
    pub factorizations: u64,
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

/// Largest number of stages of the methods here.
const MAX_STAGES: usize = 6;

/// A Rosenbrock method in `rodas.f`'s transformed form: stage `i` solves
///
/// ```text
/// (I/(hγ) − J) kᵢ = f(t + αᵢh, y + Σⱼ<ᵢ aᵢⱼ kⱼ) + γᵢ h ∂f/∂t + Σⱼ<ᵢ (cᵢⱼ/h) kⱼ
/// ```
///
/// the new state is `y + Σ bᵢ kᵢ` and the local error estimate `Σ eᵢ kᵢ`.
#[derive(Debug, PartialEq)]
pub struct Tableau {
    /// Name in messages.
    pub name: &'static str,
    /// Number of stages, at most [`MAX_STAGES`].
    stages: usize,
    /// Diagonal coefficient γ of the iteration matrix `I/(hγ) − J`.
    gamma: f64,
    /// Stage times `αᵢ` as fractions of the step.
    stage_time: [f64; MAX_STAGES],
    /// Weights `γᵢ` of `h·∂f/∂t` in each stage.
    time_derivative_weight: [f64; MAX_STAGES],
    /// Stage arguments `aᵢⱼ`.
    stage_argument: [[f64; MAX_STAGES - 1]; MAX_STAGES],
    /// Couplings `cᵢⱼ` of earlier stages, divided by `h`.
    stage_coupling: [[f64; MAX_STAGES - 1]; MAX_STAGES],
    /// Weights `bᵢ` of the solution.
    solution_weight: [f64; MAX_STAGES],
    /// Weights `eᵢ` of the error estimate (solution minus embedded solution).
    error_weight: [f64; MAX_STAGES],
    /// Order of the embedded solution plus one: the step-size controller
    /// scales the error by its reciprocal power.
    error_order: f64,
    /// Whether the order holds for any matrix in place of `J` (a W-method),
    /// so that a Jacobian and its LU factors may be kept across steps.
    keeps_jacobian: bool,
}

/// Rodas4P: `rodas.f` subroutine `RODCOE`, `METH = 3` ("coefficients for
/// RODAS with order 4 for linear parabolic problems, Gerd Steinebach
/// (1993)"), in `rodas.f`'s transformed form (`αᵢ` = 0, C2 = 3γ, C3, C4, 1,
/// 1; `γᵢ` = D1 … D4, 0, 0; `aᵢⱼ` = A21 … A54, row 6 being row 5 plus `k₅`,
/// which makes the method stiffly accurate; `cᵢⱼ` = C21 … C65). Stiffly
/// accurate: the solution is the argument of stage 6 plus `k₆`, and `k₆` is
/// the error estimate.
pub const RODAS4P: Tableau = Tableau {
    name: "Rodas4P",
    stages: 6,
    gamma: 0.25,
    stage_time: [0.0, 0.75, 0.21, 0.63, 1.0, 1.0],
    time_derivative_weight: [0.25, -0.5, -0.023504, -0.0362, 0.0, 0.0],
    stage_argument: [
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [3.0, 0.0, 0.0, 0.0, 0.0],
        [1.831036793486759, 0.4955183967433795, 0.0, 0.0, 0.0],
        [
            2.304376582692669,
            -0.05249275245743001,
            -1.176798761832782,
            0.0,
            0.0,
        ],
        [
            -7.170454962423024,
            -4.741636671481785,
            -16.31002631330971,
            -1.062004044111401,
            0.0,
        ],
        [
            -7.170454962423024,
            -4.741636671481785,
            -16.31002631330971,
            -1.062004044111401,
            1.0,
        ],
    ],
    stage_coupling: [
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [-12.0, 0.0, 0.0, 0.0, 0.0],
        [-8.791795173947035, -2.207865586973518, 0.0, 0.0, 0.0],
        [
            10.81793056857153,
            6.780270611428266,
            19.5348594464241,
            0.0,
            0.0,
        ],
        [
            34.19095006749676,
            15.49671153725963,
            54.7476087596413,
            14.16005392148534,
            0.0,
        ],
        [
            34.62605830930532,
            15.30084976114473,
            56.99955578662667,
            18.40807009793095,
            -5.714285714285717,
        ],
    ],
    solution_weight: [
        -7.170454962423024,
        -4.741636671481785,
        -16.31002631330971,
        -1.062004044111401,
        1.0,
        1.0,
    ],
    error_weight: [0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    error_order: 4.0,
    keeps_jacobian: false,
};

/// ROS34PW2: J. Rang and L. Angermann, *New Rosenbrock W-methods of order 3
/// for partial differential algebraic equations of index 1*, BIT Numer.
/// Math. 45 (2005) 761–787, the method ROS34PW2 (4 stages, order 3,
/// embedded order 2, a W-method, stiffly accurate and L-stable, γ =
/// 0.435866521508459); digits in the transformed form as in OrdinaryDiffEq.jl
/// (`ROS34PW2RodasTableau`). Order 3 holds whatever matrix stands in for
/// `J`, so the Jacobian and the LU factors are kept across steps (see
/// [`integrate_sparse`]). The step-size controller uses the error of the
/// order-2 embedded solution.
pub const ROS34PW2: Tableau = Tableau {
    name: "ROS34PW2",
    stages: 4,
    gamma: 0.435866521508459,
    stage_time: [0.0, 0.871733043016918, 0.7315799577888524, 1.0, 0.0, 0.0],
    time_derivative_weight: [
        0.435866521508459,
        -0.435866521508459,
        -0.4133333762338865,
        -5.551115123125783e-17,
        0.0,
        0.0,
    ],
    stage_argument: [
        [0.0; MAX_STAGES - 1],
        [2.0, 0.0, 0.0, 0.0, 0.0],
        [1.4192173174557647, -0.2592322116729697, 0.0, 0.0, 0.0],
        [
            4.18476048231916,
            -0.28519201735549593,
            2.294280360279042,
            0.0,
            0.0,
        ],
        [0.0; MAX_STAGES - 1],
        [0.0; MAX_STAGES - 1],
    ],
    stage_coupling: [
        [0.0; MAX_STAGES - 1],
        [-4.588560720558084, 0.0, 0.0, 0.0, 0.0],
        [-4.18476048231916, 0.28519201735549593, 0.0, 0.0, 0.0],
        [
            -6.368179200128359,
            -6.795620944466837,
            2.8700986043310563,
            0.0,
            0.0,
        ],
        [0.0; MAX_STAGES - 1],
        [0.0; MAX_STAGES - 1],
    ],
    solution_weight: [
        4.1847604823191595,
        -0.28519201735549565,
        2.2942803602790414,
        1.0,
        0.0,
        0.0,
    ],
    error_weight: [
        0.2777499476479681,
        -1.4032398951759992,
        1.7726301276675507,
        0.5,
        0.0,
        0.0,
    ],
    error_order: 3.0,
    keeps_jacobian: true,
};

/// A W-method takes a fresh Jacobian after this many accepted steps with
/// the same one. Measured on the fibre's CellML protocol at rtol 10⁻⁶
/// (module documentation): without a limit the step collapsed (850 000
/// steps for 9 twitches), 5 and 20 gave about the same work.
const MAX_JACOBIAN_AGE: u32 = 20;
/// A W-method keeps its step, and so its LU factors, when the controller
/// proposes to grow it by at most this factor (`radau5.f`'s `QUOT2`).
const HOLD_STEP_GROWTH: f64 = 1.2;
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

/// Integrates `dy/dt = rhs(t, y)` from `t0` to exactly `t1` with Rodas4P,
/// its Jacobians by plain forward differences ([`SparsityPattern::dense`]);
/// [`integrate_sparse`] with the pattern of the right-hand side does the same
/// with fewer evaluations.
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
    on_step: impl FnMut(f64, &State<N>, &State<N>) -> bool,
) -> Result<SegmentOutcome<N>, RosenbrockFailure<N>> {
    integrate_sparse(
        rhs,
        &SparsityPattern::dense(),
        t0,
        t1,
        y0,
        settings,
        on_step,
    )
}

/// [`integrate`], with the Jacobians built by grouped finite differences
/// over `pattern`, the sparsity pattern of `rhs`
/// ([`SparsityPattern::detect`]).
///
/// # Errors
///
/// As [`integrate`].
///
/// # Panics
///
/// As [`integrate`].
pub fn integrate_sparse<const N: usize>(
    rhs: impl Fn(f64, &State<N>, &mut State<N>),
    pattern: &SparsityPattern<N>,
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
        factorizations: 0,
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
    let method = settings.method;
    let mut controller = StepSizeController::new(settings.max_step_ms, method.error_order);
    // The Jacobian in the workspace: whether there is one, whether it was
    // taken at the current state, and the accepted steps since it was taken.
    let mut jacobian_exists = false;
    let mut jacobian_is_current = false;
    let mut jacobian_age = 0_u32;
    // A W-method retries a rejected step with a fresh Jacobian.
    let mut refresh_jacobian = false;
    // The step whose iteration matrix is factorised in the workspace.
    let mut factorized_step: Option<f64> = None;
    let mut last_failure_was_non_finite = false;
    let mut steps = 0_u64;
    loop {
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
        let keep = method.keeps_jacobian && !refresh_jacobian && jacobian_age < MAX_JACOBIAN_AGE;
        if !jacobian_exists || !(jacobian_is_current || keep) {
            outcome.rhs_evaluations += pattern.differentiate(
                &rhs,
                t,
                &y,
                &dydt,
                settings.atol / settings.rtol,
                &mut workspace.jacobian,
                &mut workspace.time_derivative,
                &mut workspace.stage_argument,
                &mut workspace.stage_derivative,
            );
            outcome.jacobians += 1;
            if !workspace.derivatives_are_finite() {
                return Err(non_finite(t, y));
            }
            jacobian_exists = true;
            jacobian_is_current = true;
            jacobian_age = 0;
            refresh_jacobian = false;
            factorized_step = None;
        }
        let lands_on_t1 = t + LAST_STEP_STRETCH * h >= t1;
        let step = if lands_on_t1 { t1 - t } else { h };
        steps += 1;

        let factorize = factorized_step != Some(step);
        let attempt = workspace.attempt_step(method, &rhs, t, step, &y, &dydt, settings, factorize);
        outcome.rhs_evaluations += attempt.rhs_evaluations;
        outcome.factorizations += attempt.factorizations;
        factorized_step = match attempt.result {
            Err(StepFailure::SingularMatrix) => None,
            _ => Some(step),
        };
        let error = match attempt.result {
            Ok(error) if error <= 1.0 => error,
            Ok(error) => {
                outcome.rejected += 1;
                last_failure_was_non_finite = false;
                refresh_jacobian = !jacobian_is_current;
                h = controller.after_rejection(step, error);
                continue;
            }
            Err(failure) => {
                outcome.rejected += 1;
                last_failure_was_non_finite = failure == StepFailure::NonFinite;
                refresh_jacobian = !jacobian_is_current;
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
            refresh_jacobian = !jacobian_is_current;
            h = controller.after_failure(step);
            continue;
        }

        t = t_new;
        y = workspace.y_new;
        dydt = workspace.dydt_new;
        outcome.accepted += 1;
        jacobian_is_current = false;
        jacobian_age += 1;
        last_failure_was_non_finite = false;
        let proposed = controller.after_acceptance(step, error);
        let stop = on_step(t, &y, &dydt);
        if lands_on_t1 || stop {
            outcome.y = y;
            outcome.last_step_ms = if lands_on_t1 { h } else { proposed };
            return Ok(outcome);
        }
        // A W-method keeps its factors when the controller would grow the
        // step only a little: the step it has is then a safe one.
        h = if method.keeps_jacobian && proposed >= step && proposed <= HOLD_STEP_GROWTH * step {
            step
        } else {
            proposed
        };
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
    let curvature = weighted_rms(&(euler_derivative - dydt0), y0, y0, settings) / euler_step;
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
    factorizations: u64,
}

/// Per-integration scratch space, all on the stack.
struct Workspace<const N: usize> {
    /// `∂f/∂y` at the start of the step.
    jacobian: SMatrix<f64, N, N>,
    /// `∂f/∂t` at the start of the step.
    time_derivative: State<N>,
    /// `I/(hγ) − J`, overwritten by its LU factors.
    iteration_matrix: SMatrix<f64, N, N>,
    /// Row interchanges of the LU factorisation.
    pivots: [usize; N],
    /// Stage increments `k₁ … kₛ`.
    stages: [State<N>; MAX_STAGES],
    /// Argument of the current stage.
    stage_argument: State<N>,
    /// Right-hand side at the current stage argument.
    stage_derivative: State<N>,
    /// Proposed new state.
    y_new: State<N>,
    /// Local error estimate of the proposed state.
    error_estimate: State<N>,
    /// Derivative at the proposed new state.
    dydt_new: State<N>,
}

impl<const N: usize> Workspace<N> {
    fn new() -> Self {
        Self {
            jacobian: SMatrix::zeros(),
            time_derivative: State::zeros(),
            iteration_matrix: SMatrix::zeros(),
            pivots: [0; N],
            stages: [State::zeros(); MAX_STAGES],
            stage_argument: State::zeros(),
            stage_derivative: State::zeros(),
            y_new: State::zeros(),
            error_estimate: State::zeros(),
            dydt_new: State::zeros(),
        }
    }

    fn derivatives_are_finite(&self) -> bool {
        is_finite(&self.jacobian) && is_finite(&self.time_derivative)
    }

    /// One step of `method` of size `h` from `(t, y)`, where `dydt = f(t, y)`;
    /// leaves the proposed state in `y_new`. With `factorize`, the
    /// iteration matrix is built from the Jacobian and factorised first;
    /// without, the factors of an earlier step of the same size are used.
    #[allow(clippy::too_many_arguments)]
    fn attempt_step(
        &mut self,
        method: &Tableau,
        rhs: &impl Fn(f64, &State<N>, &mut State<N>),
        t: f64,
        h: f64,
        y: &State<N>,
        dydt: &State<N>,
        settings: &RosenbrockSettings,
        factorize: bool,
    ) -> StepAttempt {
        let mut attempt = StepAttempt {
            result: Err(StepFailure::SingularMatrix),
            rhs_evaluations: 0,
            factorizations: 0,
        };
        if factorize {
            self.iteration_matrix = -self.jacobian;
            let diagonal = 1.0 / (h * method.gamma);
            for i in 0..N {
                self.iteration_matrix[(i, i)] += diagonal;
            }
            attempt.factorizations = 1;
            if !lu_factorize(&mut self.iteration_matrix, &mut self.pivots) {
                return attempt;
            }
        }
        for stage in 0..method.stages {
            let mut stage_right_side = if stage == 0 {
                *dydt
            } else {
                self.stage_argument.copy_from(y);
                for (k, &a) in self.stages[..stage]
                    .iter()
                    .zip(&method.stage_argument[stage])
                {
                    self.stage_argument.axpy(a, k, 1.0);
                }
                rhs(
                    t + method.stage_time[stage] * h,
                    &self.stage_argument,
                    &mut self.stage_derivative,
                );
                attempt.rhs_evaluations += 1;
                self.stage_derivative
            };
            let time_weight = method.time_derivative_weight[stage];
            if time_weight != 0.0 {
                stage_right_side.axpy(h * time_weight, &self.time_derivative, 1.0);
            }
            for (k, &c) in self.stages[..stage]
                .iter()
                .zip(&method.stage_coupling[stage])
            {
                stage_right_side.axpy(c / h, k, 1.0);
            }
            lu_solve(&self.iteration_matrix, &self.pivots, &mut stage_right_side);
            if !is_finite(&stage_right_side) {
                attempt.result = Err(StepFailure::NonFinite);
                return attempt;
            }
            self.stages[stage] = stage_right_side;
        }
        let stages = &self.stages[..method.stages];
        self.y_new.copy_from(y);
        self.error_estimate.fill(0.0);
        for ((k, &b), &e) in stages
            .iter()
            .zip(&method.solution_weight)
            .zip(&method.error_weight)
        {
            self.y_new.axpy(b, k, 1.0);
            if e != 0.0 {
                self.error_estimate.axpy(e, k, 1.0);
            }
        }
        attempt.result = if is_finite(&self.y_new) {
            Ok(weighted_rms(&self.error_estimate, y, &self.y_new, settings))
        } else {
            Err(StepFailure::NonFinite)
        };
        attempt
    }
}

/// Factorises `matrix` in place into `P·matrix = L·U` by Gaussian
/// elimination with partial pivoting (unit lower `L` below the diagonal, `U`
/// on and above it; `pivots[k]` is the row swapped with row `k` at step
/// `k`). Returns `false`, leaving `matrix` unusable, when a pivot is zero or
/// not finite.
///
/// nalgebra's `lu()` does the same without allocating for static sizes, but
/// on `SMatrix<f64, N, N>` with a generic `N` it requires the bound
/// `Const<N>: DimMin<Const<N>, Output = Const<N>>`, which every generic
/// caller up to the model would have to repeat; this keeps [`integrate`]
/// free of it.
fn lu_factorize<const N: usize>(matrix: &mut SMatrix<f64, N, N>, pivots: &mut [usize; N]) -> bool {
    for k in 0..N {
        let mut pivot_row = k;
        let mut largest = matrix[(k, k)].abs();
        for i in k + 1..N {
            let magnitude = matrix[(i, k)].abs();
            if magnitude > largest {
                largest = magnitude;
                pivot_row = i;
            }
        }
        if largest == 0.0 || !largest.is_finite() {
            return false;
        }
        pivots[k] = pivot_row;
        if pivot_row != k {
            matrix.swap_rows(k, pivot_row);
        }
        // Column-major storage: column j is entries [j·N, (j+1)·N).
        let entries = matrix.as_mut_slice();
        let inverse_pivot = 1.0 / entries[k * N + k];
        for multiplier in &mut entries[k * N + k + 1..(k + 1) * N] {
            *multiplier *= inverse_pivot;
        }
        for j in k + 1..N {
            let (left, right) = entries.split_at_mut(j * N);
            let multipliers = &left[k * N + k + 1..(k + 1) * N];
            let column = &mut right[..N];
            let factor = column[k];
            if factor != 0.0 {
                for (entry, &multiplier) in column[k + 1..].iter_mut().zip(multipliers) {
                    *entry -= multiplier * factor;
                }
            }
        }
    }
    true
}

/// Solves `matrix·x = b` in place, given the output of [`lu_factorize`].
/// Column by column over slices of the column-major factors, as
/// [`lu_factorize`] works, so the inner loops run without bounds checks.
fn lu_solve<const N: usize>(factors: &SMatrix<f64, N, N>, pivots: &[usize; N], b: &mut State<N>) {
    for (k, &pivot_row) in pivots.iter().enumerate() {
        b.swap_rows(k, pivot_row);
    }
    let entries = factors.as_slice();
    let x = b.as_mut_slice();
    for j in 0..N {
        let value = x[j];
        if value != 0.0 {
            let column = &entries[j * N + j + 1..(j + 1) * N];
            for (entry, &factor) in x[j + 1..].iter_mut().zip(column) {
                *entry -= factor * value;
            }
        }
    }
    for j in (0..N).rev() {
        x[j] /= entries[j * N + j];
        let value = x[j];
        let column = &entries[j * N..j * N + j];
        for (entry, &factor) in x[..j].iter_mut().zip(column) {
            *entry -= factor * value;
        }
    }
}

/// Hairer's step-size controller with Gustafsson's predictive correction,
/// as in `rodas.f`.
struct StepSizeController {
    max_step_ms: f64,
    /// The reciprocal of the method's error order.
    exponent: f64,
    /// Step and (floored) error of the previous accepted step.
    previous_accepted: Option<(f64, f64)>,
    /// Whether the last attempt was rejected: the next accepted step must
    /// not grow.
    after_rejection: bool,
}

impl StepSizeController {
    fn new(max_step_ms: f64, error_order: f64) -> Self {
        Self {
            max_step_ms,
            exponent: 1.0 / error_order,
            previous_accepted: None,
            after_rejection: false,
        }
    }

    /// The divisor `fac` of the step for error `error`, within the limits.
    fn divisor(&self, error: f64) -> f64 {
        (error.powf(self.exponent) / SAFETY).clamp(1.0 / MAX_GROWTH, MAX_SHRINK)
    }

    fn after_acceptance(&mut self, h: f64, error: f64) -> f64 {
        let mut divisor = self.divisor(error);
        if let Some((previous_h, previous_error)) = self.previous_accepted {
            let predictive =
                (previous_h / h) * (error.powi(2) / previous_error).powf(self.exponent) / SAFETY;
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
        h / self.divisor(error)
    }

    fn after_failure(&mut self, h: f64) -> f64 {
        self.after_rejection = true;
        h * FAILURE_SHRINK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(rtol: f64, atol: f64) -> RosenbrockSettings {
        RosenbrockSettings {
            method: &RODAS4P,
            rtol,
            atol,
            max_step_ms: f64::INFINITY,
            max_steps: 100_000,
            initial_step_ms: 0.0,
        }
    }

    /// Settings that make every step exactly `h` (tolerances so loose that
    /// no step is rejected), to measure the order of the method itself.
    fn fixed_step(h: f64) -> RosenbrockSettings {
        RosenbrockSettings {
            method: &RODAS4P,
            rtol: 1e3,
            atol: 1e3,
            max_step_ms: h,
            max_steps: 100_000,
            initial_step_ms: h,
        }
    }

    /// `settings(rtol, atol)` with ROS34PW2.
    fn w_settings(rtol: f64, atol: f64) -> RosenbrockSettings {
        RosenbrockSettings {
            method: &ROS34PW2,
            ..settings(rtol, atol)
        }
    }

    #[test]
    fn ros34pw2_with_kept_jacobians_converges_with_order_three() {
        // Fixed steps keep the Jacobian for 20 steps: a W-method keeps its
        // order with it.
        let t1 = 2.0;
        let y0 = nonlinear_forced_exact(0.0);
        let errors: Vec<f64> = [0.2, 0.1, 0.05, 0.025]
            .iter()
            .map(|&h| {
                let fixed = RosenbrockSettings {
                    method: &ROS34PW2,
                    ..fixed_step(h)
                };
                let outcome = run(nonlinear_forced, 0.0, t1, y0, &fixed);
                assert_eq!(outcome.accepted, (t1 / h).round() as u64);
                assert!(outcome.jacobians < outcome.accepted, "{outcome:?}");
                assert!(outcome.factorizations < outcome.accepted, "{outcome:?}");
                (outcome.y - nonlinear_forced_exact(t1)).amax()
            })
            .collect();
        for pair in errors.windows(2) {
            let order = (pair[0] / pair[1]).log2();
            assert!(
                (2.7..=3.5).contains(&order),
                "order {order}, errors {errors:?}"
            );
        }
    }

    #[test]
    fn ros34pw2_matches_robertson_at_t_40_and_damps_a_very_stiff_mode() {
        let outcome = run(
            robertson,
            0.0,
            40.0,
            State::from([1.0, 0.0, 0.0]),
            &w_settings(1e-8, 1e-14),
        );
        assert_robertson_close(&outcome.y, &ROBERTSON_AT_40, 10.0 * 1e-8);
        let relax = |_t: f64, y: &State<1>, dydt: &mut State<1>| dydt[0] = -1e12 * (y[0] - 1.0);
        let fixed = RosenbrockSettings {
            method: &ROS34PW2,
            ..fixed_step(1.0)
        };
        let outcome = run(relax, 0.0, 1.0, State::from([0.0]), &fixed);
        // Its stability function goes to 0 like −2.87/z, but a W-method damps
        // a mode only as well as its matrix matches the Jacobian: the
        // finite-difference entry −10¹² is good to about 10⁻⁸ relative.
        // Observed: 7.8e-9.
        assert!((outcome.y[0] - 1.0).abs() < 1e-7, "{}", outcome.y[0]);
    }

    fn run<const N: usize>(
        rhs: impl Fn(f64, &State<N>, &mut State<N>),
        t0: f64,
        t1: f64,
        y0: State<N>,
        settings: &RosenbrockSettings,
    ) -> SegmentOutcome<N> {
        integrate(rhs, t0, t1, &y0, settings, |_, _, _| false).expect("integration succeeds")
    }

    /// Three decoupled decays `y' = −λy`, λ = 1, 10, 100 per ms.
    const DECAY_RATES: [f64; 3] = [1.0, 10.0, 100.0];

    fn decay(_t: f64, y: &State<3>, dydt: &mut State<3>) {
        for i in 0..3 {
            dydt[i] = -DECAY_RATES[i] * y[i];
        }
    }

    fn decay_error(tolerance: f64) -> f64 {
        let t1 = 2.0;
        let outcome = run(
            decay,
            0.0,
            t1,
            State::from([1.0; 3]),
            &settings(tolerance, tolerance),
        );
        (0..3)
            .map(|i| (outcome.y[i] - (-DECAY_RATES[i] * t1).exp()).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn linear_decay_error_is_below_the_tolerance() {
        for tolerance in [1e-4, 1e-6, 1e-8] {
            let error = decay_error(tolerance);
            // Observed: 0.06, 0.15 and 0.19 tolerances.
            assert!(error < tolerance, "tolerance {tolerance}: error {error}");
        }
    }

    #[test]
    fn global_error_is_proportional_to_the_tolerance() {
        // Error per step is controlled with an order-3 estimate of an order-4
        // method, so the global error should scale like tol^(4/4) = tol.
        let tolerances: [f64; 5] = [1e-5, 1e-6, 1e-7, 1e-8, 1e-9];
        let points: Vec<(f64, f64)> = tolerances
            .iter()
            .map(|&tolerance| (tolerance.log10(), decay_error(tolerance).log10()))
            .collect();
        let n = points.len() as f64;
        let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
        let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
        let slope = points
            .iter()
            .map(|p| (p.0 - mean_x) * (p.1 - mean_y))
            .sum::<f64>()
            / points.iter().map(|p| (p.0 - mean_x).powi(2)).sum::<f64>();
        // Observed: 0.96.
        assert!(
            (0.8..=1.2).contains(&slope),
            "slope {slope}, points {points:?}"
        );
    }

    /// `y₁' = −y₁²` (nonlinear: exercises the finite-difference Jacobian) and
    /// `y₂' = −y₂ + cos t` (non-autonomous: exercises `∂f/∂t`), with exact
    /// solution `y₁ = 1/(1 + t)`, `y₂ = (cos t + sin t)/2`.
    fn nonlinear_forced(t: f64, y: &State<2>, dydt: &mut State<2>) {
        dydt[0] = -y[0] * y[0];
        dydt[1] = -y[1] + t.cos();
    }

    fn nonlinear_forced_exact(t: f64) -> State<2> {
        State::from([1.0 / (1.0 + t), (t.cos() + t.sin()) / 2.0])
    }

    #[test]
    fn fixed_steps_converge_with_order_four() {
        let t1 = 2.0;
        let y0 = nonlinear_forced_exact(0.0);
        let errors: Vec<f64> = [0.2, 0.1, 0.05, 0.025]
            .iter()
            .map(|&h| {
                let outcome = run(nonlinear_forced, 0.0, t1, y0, &fixed_step(h));
                assert_eq!(outcome.accepted, (t1 / h).round() as u64);
                assert_eq!(outcome.rejected, 0);
                (outcome.y - nonlinear_forced_exact(t1)).amax()
            })
            .collect();
        // Observed: 4.00, 4.00, 4.00 (errors 6.8e-7 … 1.7e-10).
        for pair in errors.windows(2) {
            let order = (pair[0] / pair[1]).log2();
            assert!(
                (3.7..=4.5).contains(&order),
                "order {order}, errors {errors:?}"
            );
        }
    }

    #[test]
    fn very_stiff_decay_is_damped_in_one_step() {
        // L-stability: R(z) → 0 as z → −∞ (R(z) ≈ 9.3/z for this method).
        // One step of h = 1 ms with hλ = −10¹² lands on the equilibrium.
        let relax = |_t: f64, y: &State<1>, dydt: &mut State<1>| dydt[0] = -1e12 * (y[0] - 1.0);
        let outcome = run(relax, 0.0, 1.0, State::from([0.0]), &fixed_step(1.0));
        assert_eq!(outcome.accepted, 1);
        assert!((outcome.y[0] - 1.0).abs() < 1e-10, "{}", outcome.y[0]);
    }

    #[test]
    fn prothero_robinson_keeps_order_three_with_fixed_steps() {
        // y' = λ(y − sin t) + cos t with hλ from −10² to −10³: a fast mode
        // relaxing onto a moving quasi-steady state. Rodas4 drops to order
        // 1.1 here; Rodas4P keeps 3 (see the module documentation).
        let lambda = -1e4;
        let rhs = move |t: f64, y: &State<1>, dydt: &mut State<1>| {
            dydt[0] = lambda * (y[0] - t.sin()) + t.cos();
        };
        let errors: Vec<f64> = [0.1, 0.05, 0.025]
            .iter()
            .map(|&h| {
                let outcome = run(rhs, 0.0, 1.0, State::from([0.0]), &fixed_step(h));
                (outcome.y[0] - 1.0_f64.sin()).abs()
            })
            .collect();
        // Observed: 3.02 and 3.60 (errors 2.2e-10, 2.7e-11, 2.2e-12).
        for pair in errors.windows(2) {
            let order = (pair[0] / pair[1]).log2();
            assert!(order > 2.5, "order {order}, errors {errors:?}");
        }
    }

    #[test]
    fn stiff_non_autonomous_problem_follows_the_slow_solution() {
        // Prothero–Robinson: y' = λ(y − sin t) + cos t, λ = −10⁶, y = sin t.
        let lambda = -1e6;
        let rhs = |t: f64, y: &State<1>, dydt: &mut State<1>| {
            dydt[0] = lambda * (y[0] - t.sin()) + t.cos();
        };
        let tolerance = 1e-6;
        let outcome = run(
            rhs,
            0.0,
            10.0,
            State::from([0.0]),
            &settings(tolerance, tolerance),
        );
        assert!(
            (outcome.y[0] - 10.0_f64.sin()).abs() < 10.0 * tolerance,
            "{}",
            outcome.y[0]
        );
        // Observed: 9 steps, error 4.7e-9.
        assert!(outcome.accepted < 50, "{} steps", outcome.accepted);
    }

    /// Robertson's chemical kinetics, rates k₁ = 0.04, k₂ = 3·10⁷, k₃ = 10⁴.
    fn robertson(_t: f64, y: &State<3>, dydt: &mut State<3>) {
        let (k1, k2, k3) = (0.04, 3e7, 1e4);
        dydt[0] = -k1 * y[0] + k3 * y[1] * y[2];
        dydt[1] = k1 * y[0] - k3 * y[1] * y[2] - k2 * y[1] * y[1];
        dydt[2] = k2 * y[1] * y[1];
    }

    /// Each component within `relative_bound` of `reference`, and the total
    /// conserved to 10⁻¹².
    fn assert_robertson_close(y: &State<3>, reference: &[f64; 3], relative_bound: f64) {
        for (i, (&value, &expected)) in y.iter().zip(reference).enumerate() {
            let relative = (value - expected).abs() / expected;
            assert!(
                relative < relative_bound,
                "y{}: {value} ({relative:e})",
                i + 1
            );
        }
        assert!((y.sum() - 1.0).abs() < 1e-12, "sum {}", y.sum());
    }

    /// Robertson at t = 40 as given in Hairer & Wanner, Solving ODEs II; the
    /// same digits come out of scipy 1.17 Radau at rtol 10⁻¹² (0.7158270687194,
    /// 9.185534764558e−6, 0.2841637457458).
    const ROBERTSON_AT_40: [f64; 3] = [0.715_827_068_7, 9.185_534_764e-6, 0.284_163_745_7];

    #[test]
    fn robertson_matches_the_reference_at_t_40() {
        // Observed: relative errors 7.6e-10, 2.3e-9, 2.1e-9 (298 steps); the
        // sum stays 1 to 4e-16 (the stages conserve linear invariants).
        let rtol = 1e-8;
        let outcome = run(
            robertson,
            0.0,
            40.0,
            State::from([1.0, 0.0, 0.0]),
            &settings(rtol, 1e-14),
        );
        assert_robertson_close(&outcome.y, &ROBERTSON_AT_40, 10.0 * rtol);
    }

    /// Robertson at t = 10⁵, scipy 1.17 Radau at rtol 10⁻¹² (agreeing with
    /// rtol 10⁻¹¹ and 10⁻¹³ to 12 digits).
    const ROBERTSON_AT_1E5: [f64; 3] = [
        1.786_592_114_210e-2,
        7.274_751_468_44e-8,
        0.982_134_006_110_385,
    ];

    #[test]
    fn robertson_matches_the_reference_at_t_1e5() {
        // Observed: relative errors 1.2e-9, 1.2e-9, 2.1e-11 (621 steps).
        let rtol = 1e-8;
        let outcome = run(
            robertson,
            0.0,
            1e5,
            State::from([1.0, 0.0, 0.0]),
            &settings(rtol, 1e-16),
        );
        assert_robertson_close(&outcome.y, &ROBERTSON_AT_1E5, 10.0 * rtol);
    }

    const VAN_DER_POL_MU: f64 = 1000.0;

    fn van_der_pol(_t: f64, y: &State<2>, dydt: &mut State<2>) {
        dydt[0] = y[1];
        dydt[1] = VAN_DER_POL_MU * (1.0 - y[0] * y[0]) * y[1] - y[0];
    }

    /// van der Pol at t = 3000, scipy 1.17 Radau at rtol = atol = 10⁻¹¹
    /// (10⁻¹⁰ agrees to 4·10⁻¹¹).
    const VAN_DER_POL_AT_3000: [f64; 2] = [-1.510_606_936_821_506, 1.178_380_000_576_3e-3];

    #[test]
    fn van_der_pol_mu_1000_is_cheap_and_tolerance_proportional() {
        // Period ≈ (3 − 2 ln 2)·μ ≈ 1614; t = 3000 ends in the slow phase
        // after three relaxation jumps, where a small shift in the jump times
        // barely moves the state. An explicit method is held to
        // h ≲ 3/(μ(y₁² − 1)) ≈ 10⁻³ there: millions of steps.
        let y0 = State::from([2.0, 0.0]);
        let (loose, tight) = (1e-5, 1e-7);
        let coarse = run(van_der_pol, 0.0, 3000.0, y0, &settings(loose, loose));
        let fine = run(van_der_pol, 0.0, 3000.0, y0, &settings(tight, tight));
        // Observed: 524 steps (497 accepted, 27 rejected).
        let steps = coarse.accepted + coarse.rejected;
        assert!(steps < 5000, "{steps} steps");
        // Observed: 1.6e-4 and 1.5e-6, i.e. about 15 tolerances.
        let coarse_difference = (coarse.y - fine.y).amax();
        assert!(
            coarse_difference < 100.0 * loose,
            "loose vs tight: {coarse_difference}"
        );
        let fine_difference = (fine.y - State::from(VAN_DER_POL_AT_3000)).amax();
        assert!(
            fine_difference < 100.0 * tight,
            "tight vs Radau: {fine_difference}"
        );
    }

    #[test]
    fn steps_never_pass_t1_and_the_last_lands_on_it() {
        let t1 = 1.0;
        let mut times = Vec::new();
        let limited = RosenbrockSettings {
            max_step_ms: 0.3,
            ..settings(1e-6, 1e-6)
        };
        integrate(
            decay,
            0.0,
            t1,
            &State::from([1.0; 3]),
            &limited,
            |t, _, _| {
                times.push(t);
                false
            },
        )
        .expect("integration succeeds");
        assert!(
            times
                .windows(2)
                .all(|pair| pair[1] - pair[0] <= 0.3 && pair[1] > pair[0])
        );
        assert!(times.iter().all(|&t| t <= t1));
        assert_eq!(times.last(), Some(&t1));
    }

    #[test]
    fn on_step_returning_true_stops_at_that_step() {
        let mut calls = 0;
        let mut third = None;
        let outcome = integrate(
            decay,
            0.0,
            100.0,
            &State::from([1.0; 3]),
            &settings(1e-6, 1e-6),
            |t, y, _| {
                calls += 1;
                third = Some((t, *y));
                calls == 3
            },
        )
        .expect("integration succeeds");
        assert_eq!(outcome.accepted, 3);
        assert_eq!(calls, 3);
        let (t, y) = third.expect("on_step was called");
        assert!(t < 100.0);
        assert_eq!(outcome.y, y);
        assert!(outcome.last_step_ms > 0.0);
    }

    #[test]
    fn on_step_derivative_is_the_rhs_at_the_new_point() {
        let mut checked = 0;
        integrate(
            nonlinear_forced,
            0.0,
            3.0,
            &nonlinear_forced_exact(0.0),
            &settings(1e-6, 1e-6),
            |t, y, dydt| {
                let mut expected = State::zeros();
                nonlinear_forced(t, y, &mut expected);
                assert_eq!(*dydt, expected, "at t = {t}");
                checked += 1;
                false
            },
        )
        .expect("integration succeeds");
        assert!(checked > 3);
    }

    #[test]
    fn a_rhs_that_turns_nan_gives_a_non_finite_failure_with_the_last_good_state() {
        let rhs = |t: f64, y: &State<1>, dydt: &mut State<1>| {
            dydt[0] = if t > 0.5 { f64::NAN } else { -y[0] };
        };
        let failure = integrate(
            rhs,
            0.0,
            1.0,
            &State::from([1.0]),
            &settings(1e-6, 1e-6),
            |_, _, _| false,
        )
        .expect_err("NaN must fail");
        match failure {
            RosenbrockFailure::NonFinite { t_ms, y } => {
                assert!(t_ms <= 0.5 && t_ms > 0.49, "t = {t_ms}");
                assert!((y[0] - (-t_ms).exp()).abs() < 1e-5, "y = {}", y[0]);
            }
            other => panic!("expected NonFinite, got {other:?}"),
        }
    }

    #[test]
    fn a_rhs_that_is_nan_from_the_start_fails_at_t0() {
        let rhs = |_t: f64, _y: &State<1>, dydt: &mut State<1>| dydt[0] = f64::NAN;
        let failure = integrate(
            rhs,
            2.0,
            3.0,
            &State::from([1.0]),
            &settings(1e-6, 1e-6),
            |_, _, _| false,
        )
        .expect_err("NaN must fail");
        assert!(matches!(failure, RosenbrockFailure::NonFinite { .. }));
        assert_eq!(failure.t_ms(), 2.0);
        assert_eq!(failure.last_state()[0], 1.0);
    }

    #[test]
    fn step_limit_reports_the_steps_taken() {
        let limited = RosenbrockSettings {
            max_steps: 5,
            ..settings(1e-8, 1e-8)
        };
        let failure = integrate(
            decay,
            0.0,
            100.0,
            &State::from([1.0; 3]),
            &limited,
            |_, _, _| false,
        )
        .expect_err("5 steps cannot reach t = 100");
        match failure {
            RosenbrockFailure::StepLimit { t_ms, steps, .. } => {
                assert_eq!(steps, 5);
                assert!(t_ms > 0.0 && t_ms < 100.0);
            }
            other => panic!("expected StepLimit, got {other:?}"),
        }
    }

    #[test]
    fn a_singular_iteration_matrix_is_retried_with_a_smaller_step() {
        // y' = y with h = 4 makes I/(hγ) − J = 1 − 1 = 0.
        let grow = |_t: f64, y: &State<1>, dydt: &mut State<1>| dydt[0] = y[0];
        let first_step_singular = RosenbrockSettings {
            initial_step_ms: 4.0,
            ..settings(1e-8, 1e-8)
        };
        let outcome = run(grow, 0.0, 1.0, State::from([1.0]), &first_step_singular);
        assert!(outcome.rejected >= 1);
        assert!(
            (outcome.y[0] - 1.0_f64.exp()).abs() < 1e-6,
            "{}",
            outcome.y[0]
        );
    }

    #[test]
    fn an_empty_interval_returns_the_initial_state_untouched() {
        let outcome = run(
            decay,
            5.0,
            5.0,
            State::from([1.0; 3]),
            &settings(1e-6, 1e-6),
        );
        assert_eq!(outcome.y, State::from([1.0; 3]));
        assert_eq!(outcome.rhs_evaluations, 0);
        assert_eq!(outcome.accepted, 0);
    }

    #[test]
    fn lu_solve_matches_nalgebra() {
        let matrix = SMatrix::<f64, 5, 5>::from_fn(|i, j| {
            ((i * 7 + j * 3) % 11) as f64 - 5.0 + if i == j { 0.5 } else { 0.0 }
        });
        let b = State::<5>::from([1.0, -2.0, 3.0, 0.5, 4.0]);
        let expected = matrix.lu().solve(&b).expect("invertible");
        let mut factors = matrix;
        let mut pivots = [0; 5];
        assert!(lu_factorize(&mut factors, &mut pivots));
        let mut x = b;
        lu_solve(&factors, &pivots, &mut x);
        assert!((x - expected).amax() < 1e-12, "{x} vs {expected}");
        assert!(!lu_factorize(
            &mut SMatrix::<f64, 2, 2>::from([[1.0, 2.0], [2.0, 4.0]]),
            &mut [0; 2]
        ));
    }
}
