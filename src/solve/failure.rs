//! What a failed integration reports: when, in what state, and what to try.
//!
//! A crashed run is only useful if the user can see where it went wrong
//! (Myokit prints the crash state; Arbor names the offending mechanism). The
//! error therefore names the simulated time, the stimulus, every state
//! variable by name with its value, the derivatives that are not finite, and
//! a concrete next step.

use std::fmt;

use crate::model::{Model, State};
use crate::solve::SolverSettings;

/// Why an integration stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The adaptive step size shrank below what floating point can resolve.
    StepSizeCollapse,
    /// A state variable or its derivative became NaN or infinite.
    NonFinite,
    /// The run needed more steps than `solver.max_steps` allows.
    StepLimit,
    /// The run asked for rest (`rest.equilibrate`) and the model did not settle.
    NoRest,
}

/// A failure inside one segment, before it is dressed with names.
#[derive(Debug, Clone, Copy)]
pub struct SegmentFailure<const N: usize> {
    /// What happened.
    pub kind: FailureKind,
    /// Time of the last accepted state (ms).
    pub t_ms: f64,
    /// The last accepted state.
    pub y: State<N>,
}

/// A failed run, ready to show to a person.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveError {
    /// What happened.
    pub kind: FailureKind,
    /// Simulated time of the last good state (ms).
    pub t_ms: f64,
    /// The stimulus at that time (µA/cm²).
    pub i_stim_ua_per_cm2: f64,
    /// Every state variable: name, value, unit.
    pub state: Vec<(&'static str, f64, &'static str)>,
    /// Names of the derivatives that are not finite at that state.
    pub non_finite_derivatives: Vec<&'static str>,
    /// The method in use.
    pub method: &'static str,
    /// More on what happened, when there is more to say (empty otherwise).
    pub detail: String,
}

impl<const N: usize> SegmentFailure<N> {
    /// Names the state and finds the non-finite derivatives.
    pub fn into_error<M: Model<N>>(
        self,
        model: &M,
        i_stim: f64,
        settings: &SolverSettings,
    ) -> SolveError {
        let variables = model.state_variables();
        let mut dydt = State::<N>::zeros();
        model.derivatives(self.t_ms, &self.y, i_stim, &mut dydt);
        let non_finite_derivatives: Vec<&'static str> = variables
            .iter()
            .zip(dydt.iter())
            .filter(|(_, d)| !d.is_finite())
            .map(|(v, _)| v.name)
            .collect();
        let kind = if self.kind == FailureKind::StepSizeCollapse
            && (!non_finite_derivatives.is_empty() || self.y.iter().any(|v| !v.is_finite()))
        {
            FailureKind::NonFinite
        } else {
            self.kind
        };
        SolveError {
            kind,
            t_ms: self.t_ms,
            i_stim_ua_per_cm2: i_stim,
            state: variables
                .iter()
                .zip(self.y.iter())
                .map(|(v, &x)| (v.name, x, v.unit))
                .collect(),
            non_finite_derivatives,
            method: settings.method.name(),
            detail: String::new(),
        }
    }
}

impl SolveError {
    /// One line on what to try next.
    pub fn advice(&self) -> &'static str {
        match self.kind {
            FailureKind::StepSizeCollapse => {
                "the model changes faster than the step size can follow: check the parameters for an \
                 extreme value, or try a tighter solver.rtol, a smaller solver.max_step_ms, or solver.method = \"rk4\" \
                 with a small solver.dt_ms to see where the state runs away"
            }
            FailureKind::NonFinite => {
                "a variable became NaN or infinite: look for a parameter that divides by zero or drives a \
                 concentration negative; with solver.method = \"rk4\", a smaller solver.dt_ms often cures it"
            }
            FailureKind::NoRest => {
                "raise rest.max_ms, or loosen rest.tolerance_per_ms; a variable that keeps drifting may \
                 have no rest state under these conditions (look at it in trace.csv of a long run)"
            }
            FailureKind::StepLimit => {
                "raise solver.max_steps or shorten simulation.duration_ms; a model that needs this many steps \
                 may be stiff, and a stiff method will take far fewer"
            }
        }
    }
}

impl fmt::Display for SolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            FailureKind::StepSizeCollapse => "the step size collapsed",
            FailureKind::NonFinite => "the state became non-finite",
            FailureKind::StepLimit => "the step limit was reached",
            FailureKind::NoRest => "no rest state was reached",
        };
        writeln!(
            f,
            "simulation failed at t = {} ms ({} with {}; stimulus {} µA/cm²)",
            self.t_ms, what, self.method, self.i_stim_ua_per_cm2
        )?;
        if !self.detail.is_empty() {
            writeln!(f, "  {}", self.detail)?;
        }
        if !self.non_finite_derivatives.is_empty() {
            writeln!(
                f,
                "  non-finite derivatives: {}",
                self.non_finite_derivatives.join(", ")
            )?;
        }
        writeln!(f, "  state at that time:")?;
        for (name, value, unit) in &self.state {
            writeln!(f, "    {name:<24} = {value:>14.6e} {unit}")?;
        }
        write!(f, "  try: {}", self.advice())
    }
}

impl std::error::Error for SolveError {}
