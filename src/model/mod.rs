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

pub mod conditions;
pub mod gaines_axon;
pub mod hennings_axon;
pub mod hh1952;
pub mod ions;
pub mod motor_axon;
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

/// The models a scenario can name, with what `describe` prints about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// Hodgkin–Huxley 1952 squid axon ([`hh1952`]).
    Hh1952,
    /// Shorten et al. 2007 skeletal muscle fibre ([`muscle_fibre`]).
    MuscleFibre,
    /// Motor axon → junction → muscle fibre ([`motor_unit`]).
    MotorUnit,
}

impl ModelKind {
    /// Every model, in the order `describe` lists them.
    pub const ALL: [ModelKind; 3] = [
        ModelKind::Hh1952,
        ModelKind::MuscleFibre,
        ModelKind::MotorUnit,
    ];

    /// The name used in scenario files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Hh1952 => "hh1952",
            ModelKind::MuscleFibre => "muscle-fibre",
            ModelKind::MotorUnit => "motor-unit",
        }
    }

    /// The model with this name, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// One line on what the model is and where it comes from.
    pub fn summary(self) -> &'static str {
        match self {
            ModelKind::Hh1952 => {
                "Hodgkin & Huxley (1952) squid giant axon membrane, modern convention (rest -65 mV), Q10 = 3 from 6.3 °C"
            }
            ModelKind::MuscleFibre => {
                "Shorten et al. (2007) rat fast-twitch fibre: Wallinga 1999 sarcolemma + T-tubule, Ríos–Stern Ca release, \
                 buffers with Ca–Mg competition, Razumova crossbridges (CellML, 56 states, 20 °C)"
            }
            ModelKind::MotorUnit => {
                "motor unit: Sweeney et al. (1987) mammalian motor-axon node (37 °C) → Dodge–Rahamimoff \
                 release (mean or binomial) → dual-exponential endplate current → the muscle-fibre model"
            }
        }
    }

    /// The temperature the model's rates were published for (°C): the
    /// default of `ions.temperature_celsius`.
    pub fn published_temperature_celsius(self) -> f64 {
        match self {
            ModelKind::Hh1952 => hh1952::Hh1952Params::default().reference_temperature_celsius,
            ModelKind::MuscleFibre => celsius_from_kelvin(
                muscle_fibre::MuscleFibreConfig::default()
                    .thermodynamics
                    .temperature_k,
            ),
            ModelKind::MotorUnit => motor_axon::PUBLISHED_TEMPERATURE_CELSIUS,
        }
    }

    /// The state layout.
    pub fn state_variables(self) -> &'static [StateVariable] {
        match self {
            ModelKind::Hh1952 => hh1952::Hh1952::new(Default::default(), 6.3).state_variables(),
            ModelKind::MuscleFibre => &muscle_fibre::STATE_VARIABLES,
            ModelKind::MotorUnit => &motor_unit::STATE_VARIABLES,
        }
    }

    /// Initial values with default parameters, in state order.
    pub fn default_initial_state(self) -> Vec<f64> {
        match self {
            ModelKind::Hh1952 => {
                let model =
                    hh1952::Hh1952::new(Default::default(), self.published_temperature_celsius());
                model.initial_state().iter().copied().collect()
            }
            ModelKind::MuscleFibre => muscle_fibre::MuscleFibre::published()
                .initial_state()
                .iter()
                .copied()
                .collect(),
            ModelKind::MotorUnit => motor_unit::MotorUnit::default_initial_state(),
        }
    }

    /// The integration method a scenario gets when it names none: explicit
    /// Dormand–Prince for the non-stiff axon, Rodas4P for the fibre, whose
    /// RyR kinetics (k_Lm = 1000 ms⁻¹) make explicit methods crawl (in a
    /// motor unit, the method of the fibre; its axon always uses Dopri5).
    pub fn default_method(self) -> crate::solve::Method {
        match self {
            ModelKind::Hh1952 => crate::solve::Method::Dopri5,
            ModelKind::MuscleFibre | ModelKind::MotorUnit => crate::solve::Method::Rosenbrock,
        }
    }

    /// The parameter declarations (`[parameters]` in a scenario), by sub-table.
    pub fn parameters(self) -> Vec<ParameterGroup> {
        use crate::params::ParameterSet;
        match self {
            ModelKind::Hh1952 => vec![ParameterGroup {
                section: "",
                parameters: hh1952::Hh1952Params::INFO,
            }],
            ModelKind::MuscleFibre => muscle_fibre::MuscleFibreConfig::parameter_groups(),
            ModelKind::MotorUnit => motor_unit::MotorUnit::parameter_groups(),
        }
    }
}

/// 0 °C in kelvin.
pub const KELVIN_AT_ZERO_CELSIUS: f64 = 273.15;

/// `kelvin` in °C, rounded to 1e-9 °C so that 293 K reads as 19.85 °C
/// (not 19.850000000000023) and compares equal to the literal.
pub fn celsius_from_kelvin(kelvin: f64) -> f64 {
    ((kelvin - KELVIN_AT_ZERO_CELSIUS) * 1e9).round() / 1e9
}
