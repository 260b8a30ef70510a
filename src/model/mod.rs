//! Models: compositions of physiology mechanisms with a fixed state layout.
//! Which models a scenario can name, and what each is, is the catalogue's
//! business ([`crate::catalogue`]): each model's `catalogue.rs` describes it.
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

pub mod cannon_fibre;
pub mod conditions;
pub mod gaines_axon;
pub mod hennings_axon;
pub mod hennings_axon_catalogue;
pub mod hh1952;
pub mod hh1952_catalogue;
pub mod ions;
pub mod motoneuron;
pub mod motor_axon;
pub mod motor_axon_catalogue;
pub mod motor_unit;
pub mod muscle_fibre;

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

/// A [`StateVariable`] in a `static` state layout, one line per entry.
pub const fn state_variable(
    name: &'static str,
    unit: &'static str,
    description: &'static str,
    source_name: &'static str,
) -> StateVariable {
    StateVariable {
        name,
        unit,
        description,
        source_name,
    }
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

    /// Indices of the K⁺ and Na⁺ concentration states (myoplasm, T-tubule,
    /// interstitium), which set the ionic conditions. A rest search may hold
    /// them at their given values, so that "rest" means rest at the scenario's
    /// concentrations rather than wherever hours of unbalanced fluxes would
    /// carry them. None by default (models with fixed reversal potentials).
    fn ion_concentration_indices(&self) -> &'static [usize] {
        &[]
    }
}

/// A group of declared parameters under one key of `[parameters]`
/// (an empty `section` means directly under `[parameters]`).
#[derive(Debug, Clone, Copy)]
pub struct ParameterGroup {
    /// The sub-table, e.g. `sodium_channel`; empty for none.
    pub section: &'static str,
    /// The declarations.
    pub parameters: &'static [crate::params::ParamInfo],
}

/// 0 °C in kelvin.
pub const KELVIN_AT_ZERO_CELSIUS: f64 = 273.15;

/// `kelvin` in °C, rounded to 1e-9 °C so that 293 K reads as 19.85 °C
/// (not 19.850000000000023) and compares equal to the literal.
pub fn celsius_from_kelvin(kelvin: f64) -> f64 {
    ((kelvin - KELVIN_AT_ZERO_CELSIUS) * 1e9).round() / 1e9
}
