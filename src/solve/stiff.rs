//! The stiff method (Rodas4P, [`super::rosenbrock`]) driven segment by
//! segment like the explicit ones: same observers, same failure reports.

use crate::model::{Model, State};
use crate::protocol::Segment;
use crate::solve::failure::{FailureKind, SegmentFailure};
use crate::solve::jacobian::SparsityPattern;
use crate::solve::rosenbrock::{self, RosenbrockFailure, RosenbrockSettings};
use crate::solve::{AcceptedStep, Method, SolverSettings, SolverStats, StepObserver};

/// The sparsity pattern of `model`'s Jacobian, found around the state `y`
/// at `t_ms` under the stimulus `i_stim_ua_per_cm2` (a constant in every
/// segment, so the pattern holds for all of them).
pub fn sparsity_pattern<const N: usize, M: Model<N>>(
    model: &M,
    t_ms: f64,
    y: &State<N>,
    i_stim_ua_per_cm2: f64,
) -> SparsityPattern<N> {
    SparsityPattern::detect(
        &|t, state: &State<N>, dydt: &mut State<N>| {
            model.derivatives(t, state, i_stim_ua_per_cm2, dydt)
        },
        t_ms,
        y,
    )
}

/// Integrates one constant-stimulus segment with Rodas4P, advancing `y` to
/// its end; the Jacobians are grouped finite differences over `pattern`
/// ([`sparsity_pattern`]).
pub fn integrate_segment<const N: usize, M: Model<N>, O: StepObserver<N>>(
    model: &M,
    pattern: &SparsityPattern<N>,
    y: &mut State<N>,
    segment: &Segment,
    settings: &SolverSettings,
    max_steps: u64,
    observer: &mut O,
) -> Result<SolverStats, SegmentFailure<N>> {
    let i_stim = segment.i_stim_ua_per_cm2;
    let tolerances = &settings.tolerances;
    let mut previous = (segment.start_ms, *y, State::<N>::zeros());
    model.derivatives(segment.start_ms, y, i_stim, &mut previous.2);
    let outcome = rosenbrock::integrate_sparse(
        |t, state: &State<N>, dydt: &mut State<N>| model.derivatives(t, state, i_stim, dydt),
        pattern,
        segment.start_ms,
        segment.end_ms,
        y,
        &RosenbrockSettings {
            method: match settings.method {
                Method::Ros34pw2 => &rosenbrock::ROS34PW2,
                _ => &rosenbrock::RODAS4P,
            },
            rtol: tolerances.rtol,
            atol: tolerances.atol,
            max_step_ms: tolerances.max_step_ms,
            max_steps,
            initial_step_ms: 0.0,
        },
        |t, state, dydt| {
            observer.step(&AcceptedStep {
                t0_ms: previous.0,
                y0: &previous.1,
                dydt0: &previous.2,
                t1_ms: t,
                y1: state,
                dydt1: dydt,
                i_stim_ua_per_cm2: i_stim,
            });
            previous = (t, *state, *dydt);
            false
        },
    )
    .map_err(|failure| {
        let kind = match failure {
            RosenbrockFailure::StepSizeCollapse { .. } => FailureKind::StepSizeCollapse,
            RosenbrockFailure::StepLimit { .. } => FailureKind::StepLimit,
            RosenbrockFailure::NonFinite { .. } => FailureKind::NonFinite,
        };
        SegmentFailure {
            kind,
            t_ms: failure.t_ms(),
            y: *failure.last_state(),
        }
    })?;
    *y = outcome.y;
    Ok(SolverStats {
        steps: outcome.accepted,
        rejected_steps: outcome.rejected,
        rhs_evaluations: outcome.rhs_evaluations + 1,
        jacobians: outcome.jacobians,
        factorizations: outcome.factorizations,
        segments: 0,
    })
}
