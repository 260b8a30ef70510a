//! Models: compositions of physiology mechanisms with a fixed state layout.
//!
//! A model owns its parameters (immutable during a run) and computes the
//! time derivative of its state. It knows nothing of protocols, solvers or
//! files: the stimulus for the current protocol segment is handed to it as a
//! plain number, and the solver never steps across a stimulus edge, so the
//! right-hand side is smooth inside every segment.
//!
//! Conventions (shared by every model):
//! - time in ms, potentials in mV, concentrations in mM (myoplasmic Ca in µM),
//!   currents in µA/cm², conductances in mS/cm², capacitance in µF/cm²;
//! - ionic currents are positive outward;
//! - the applied stimulus is positive when it depolarizes
//!   (`C dV/dt = i_stim − Σ i_ion`).

use nalgebra::SVector;

pub mod hh1952;

/// A model's state vector: fixed size, on the stack, allocation-free.
pub type State<const N: usize> = SVector<f64, N>;

/// One entry of a model's state layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StateVariable {
    /// Column name in `trace.csv` and in error reports, e.g. `v_mV`.
    pub name: &'static str,
    /// Unit, e.g. `mV`, `1` for dimensionless gates, `µM`.
    pub unit: &'static str,
    /// What the variable is, in a few words.
    pub description: &'static str,
    /// The variable's name in the published model file (CellML, NMODL),
    /// so a reader can trace it back; empty when there is none.
    pub source_name: &'static str,
}

/// A model of excitable tissue with `N` state variables.
///
/// Implementations must keep [`Model::derivatives`] allocation-free: it is
/// the hot path of every run and every sweep point.
pub trait Model<const N: usize>: Sync {
    /// The state layout, in state-vector order. Index 0 is the membrane
    /// potential the protocol stimulates and the analysis watches.
    fn state_variables(&self) -> &'static [StateVariable; N];

    /// The state the model starts from (the published initial state).
    fn initial_state(&self) -> State<N>;

    /// Time derivatives of the state.
    ///
    /// `i_stim_ua_per_cm2` is the applied current density, positive
    /// depolarizing, constant over the current protocol segment.
    fn derivatives(&self, t_ms: f64, y: &State<N>, i_stim_ua_per_cm2: f64, dydt: &mut State<N>);
}
