//! Rest: integrating a model without stimulus until nothing changes.
//!
//! Published initial states are often not at rest (Shorten et al. 2007's
//! drifts from Ca 0.10 to ~0.6 µM in 10 ms, SCIENCE.md §2.1 quirk 4), and a
//! change of concentrations or parameters moves the rest state anyway. The
//! model is integrated with the run's solver and no stimulus, in windows of
//! `check_interval_ms`, until the largest rate of change relative to each
//! variable's size falls below `tolerance_per_ms`:
//!
//! ```text
//! max_i |dy_i/dt| / (|y_i| + floor_i) < tolerance     (floor_i = 1e-3 in y_i's unit)
//! ```
//!
//! The search always uses the stiff method (Rodas4P), with the run's
//! tolerances. Integration rather than a Newton solve: the model's conservation laws (RyR
//! states, total Ca, crossbridge states) make its Jacobian singular, and
//! integration only ever reaches stable rest states, which are the ones a
//! fibre can sit in (Myokit's pre-pacing makes the same choice).

use serde::Serialize;

use crate::model::{Model, State, StateVariable};
use crate::parameters;
use crate::protocol::Protocol;
use crate::solve::{
    AcceptedStep, FailureKind, Method, NoKicks, SolveError, SolverSettings, SolverStats,
    SolverTolerances, StepObserver, integrate_segments,
};

parameters! {
    /// `[rest]`: how the rest state is found (with `equilibrate`, a switch).
    pub struct RestSettings {
        /// Longest simulated time spent looking for rest.
        max_ms: f64 = 600000.0, "ms", 1.0..=100000000.0, "27 × the slowest time constant of Shorten 2007 (interstitial K/Na exchange, τ_K2 = 21 875 ms)";
        /// Rest is reached when no variable changes faster than this fraction of its size per ms.
        tolerance_per_ms: f64 = 1e-9, "1/ms", 1e-15..=1.0, "endplate default: a variable drifting at this rate moves 0.0001 % in a second";
        /// Simulated time between two convergence checks.
        check_interval_ms: f64 = 1000.0, "ms", 0.001..=10000000.0, "endplate default";
    }
}

/// Variables closer to zero than this (in their own unit) are judged on
/// their absolute rate, so a near-empty state does not block convergence.
const SCALE_FLOOR: f64 = 1e-3;

/// How the search for rest went.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct RestReport {
    /// Whether the tolerance was met.
    pub converged: bool,
    /// Simulated time spent (ms).
    pub simulated_ms: f64,
    /// The largest |dy/dt| / (|y| + 1e-3) at the end (1/ms).
    pub max_scaled_rate_per_ms: f64,
    /// The variable with that largest rate.
    pub slowest_variable: &'static str,
    /// The tolerance asked for (1/ms).
    pub tolerance_per_ms: f64,
    /// Solver work.
    pub solver: SolverStats,
}

/// `model` with its ion concentrations held: their derivatives are zero.
struct HeldIons<'a, M> {
    model: &'a M,
}

impl<const N: usize, M: Model<N>> Model<N> for HeldIons<'_, M> {
    fn state_variables(&self) -> &'static [StateVariable; N] {
        self.model.state_variables()
    }

    fn initial_state(&self) -> State<N> {
        self.model.initial_state()
    }

    fn derivatives(&self, t_ms: f64, y: &State<N>, i_stim: f64, dydt: &mut State<N>) {
        self.model.derivatives(t_ms, y, i_stim, dydt);
        for &i in self.model.ion_concentration_indices() {
            dydt[i] = 0.0;
        }
    }
}

/// An observer that ignores the steps: only the end state matters here.
struct Unobserved;

impl<const N: usize> StepObserver<N> for Unobserved {
    fn step(&mut self, _step: &AcceptedStep<'_, N>) {}
}

/// The largest scaled rate of change at `y` and the index of its variable.
pub fn largest_scaled_rate<const N: usize, M: Model<N>>(model: &M, y: &State<N>) -> (f64, usize) {
    let mut dydt = State::<N>::zeros();
    model.derivatives(0.0, y, 0.0, &mut dydt);
    (0..N)
        .map(|i| ((dydt[i] / (y[i].abs() + SCALE_FLOOR)).abs(), i))
        .fold((0.0, 0), |best, candidate| {
            if candidate.0 > best.0 || candidate.0.is_nan() {
                candidate
            } else {
                best
            }
        })
}

/// Integrates `model` from `y0` without stimulus until it rests or
/// `settings.max_ms` passes; with `hold_ions`, its K⁺ and Na⁺ concentrations
/// stay at their values in `y0` ([`Model::ion_concentration_indices`]).
pub fn equilibrate<const N: usize, M: Model<N>>(
    model: &M,
    y0: &State<N>,
    settings: &RestSettings,
    hold_ions: bool,
    solver: &SolverSettings,
) -> Result<(State<N>, RestReport), SolveError> {
    if hold_ions && !model.ion_concentration_indices().is_empty() {
        search_rest(&HeldIons { model }, y0, settings, solver)
    } else {
        search_rest(model, y0, settings, solver)
    }
}

fn search_rest<const N: usize, M: Model<N>>(
    model: &M,
    y0: &State<N>,
    settings: &RestSettings,
    solver: &SolverSettings,
) -> Result<(State<N>, RestReport), SolveError> {
    let names = model.state_variables();
    let mut y = *y0;
    let mut simulated_ms = 0.0;
    let mut stats = SolverStats::default();
    // Always the L-stable Rodas4P, whatever the run uses: its stability function
    // vanishes for large steps, so near rest each step pulls the state onto the
    // equilibrium itself, where an explicit method hovers around it at the level
    // of its tolerance. No output is kept, so the step may grow to the whole window.
    let search = SolverSettings {
        method: Method::Rosenbrock,
        tolerances: SolverTolerances {
            max_step_ms: settings.check_interval_ms,
            ..solver.tolerances
        },
    };
    let mut worst = largest_scaled_rate(model, &y);
    let mut pattern = None;
    while worst.0 >= settings.tolerance_per_ms && simulated_ms < settings.max_ms {
        let window = settings
            .check_interval_ms
            .min(settings.max_ms - simulated_ms);
        let outcome = integrate_segments(
            model,
            &y,
            &Protocol::default(),
            &mut NoKicks,
            window,
            &search,
            &mut Unobserved,
            &mut pattern,
        )?;
        y = outcome.final_state;
        stats += outcome.stats;
        simulated_ms += window;
        worst = largest_scaled_rate(model, &y);
        if !worst.0.is_finite() {
            break;
        }
    }
    let report = RestReport {
        converged: worst.0 < settings.tolerance_per_ms,
        simulated_ms,
        max_scaled_rate_per_ms: worst.0,
        slowest_variable: names[worst.1].name,
        tolerance_per_ms: settings.tolerance_per_ms,
        solver: stats,
    };
    Ok((y, report))
}

/// The error for a run that asked for rest and did not get it.
pub fn not_at_rest<const N: usize, M: Model<N>>(
    model: &M,
    y: &State<N>,
    report: &RestReport,
    solver: &SolverSettings,
) -> SolveError {
    let variables = model.state_variables();
    SolveError {
        kind: FailureKind::NoRest,
        t_ms: report.simulated_ms,
        i_stim_ua_per_cm2: 0.0,
        state: variables
            .iter()
            .zip(y.iter())
            .map(|(v, &x)| (v.name, x, v.unit))
            .collect(),
        non_finite_derivatives: Vec::new(),
        method: solver.method.name(),
        detail: format!(
            "{} still changes by {:.3e} of its size per ms (tolerance {:.1e})",
            report.slowest_variable, report.max_scaled_rate_per_ms, report.tolerance_per_ms
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::hh1952::{Hh1952, Hh1952Params};

    #[test]
    fn hh_started_away_from_rest_settles_at_its_resting_potential() {
        // NEURON's hh rests at −64.996379 mV (tools/reference/neuron_hh1952.json).
        let params = Hh1952Params {
            v_initial_mv: -70.0,
            ..Hh1952Params::default()
        };
        let model = Hh1952::new(params, 6.3);
        let settings = RestSettings {
            tolerance_per_ms: 1e-10,
            check_interval_ms: 50.0,
            ..RestSettings::default()
        };
        let solver = SolverSettings::default();
        let (y, report) =
            equilibrate(&model, &model.initial_state(), &settings, true, &solver).unwrap();
        assert!(report.converged, "{report:?}");
        assert!((y[0] - (-64.996379)).abs() < 1e-5, "rest at {} mV", y[0]);
        assert!(report.max_scaled_rate_per_ms < 1e-10);
        assert!(report.simulated_ms > 0.0 && report.simulated_ms <= settings.max_ms);
    }

    #[test]
    fn too_short_a_search_is_reported_unconverged() {
        let params = Hh1952Params {
            v_initial_mv: -70.0,
            ..Hh1952Params::default()
        };
        let model = Hh1952::new(params, 6.3);
        let settings = RestSettings {
            max_ms: 1.0,
            check_interval_ms: 1.0,
            ..RestSettings::default()
        };
        let (y, report) = equilibrate(
            &model,
            &model.initial_state(),
            &settings,
            true,
            &SolverSettings::default(),
        )
        .unwrap();
        assert!(!report.converged);
        assert_eq!(report.simulated_ms, 1.0);
        let error = not_at_rest(&model, &y, &report, &SolverSettings::default());
        assert!(error.to_string().contains("still changes"), "{error}");
    }
}
