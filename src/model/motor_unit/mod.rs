//! `motor-unit`: a motor axon, its neuromuscular junction and the muscle
//! fibre it innervates, in one scenario.
//!
//! ```text
//! stimulus / ectopic pulses ─▶ motor axon (Sweeney/CRRSS node, 37 °C)
//!        axon spike at t ─▶ release at t + delay: m(Ca, Mg) quanta (Dodge–Rahamimoff; mean or binomial)
//!        quanta ─▶ endplate conductance (dual exponential) ─▶ I_EPC = g (V − E_rev) into the sarcolemma
//!        ─▶ Shorten 2007 fibre: action potential, T-tubule, SR Ca²⁺ release, force
//! ```
//! - Axon: [`axon`]: [`crate::model::motor_axon`] (Sweeney et al. 1987
//!   rabbit node at 37 °C, one isopotential node; the default) or
//!   [`crate::model::hennings_axon`] (Hennings et al. 2005 human motor axon,
//!   node and internode), with the divalent gating shift.
//! - Junction: [`junction`] ([`crate::physiology::transmitter_release`],
//!   [`crate::physiology::endplate_current`]).
//! - Fibre: [`crate::model::muscle_fibre`] at the run's temperature, with
//!   its endplate ([`innervated`]).
//!
//! ## How a run is computed
//! Nothing flows back from the fibre to the axon, so the run has two
//! passes: the axon is integrated under the protocol (the stimulus and any
//! ectopic pulses act on the axon) and its spike times give the packets of
//! transmitter; the fibre is then integrated with each packet applied as an
//! exact kick of the endplate states at its release time. Both passes are
//! exact for this one-way coupling; neither sees the other's steps.
//!
//! ## Temperature
//! One temperature for the whole unit, default 37 °C (the axon's). The
//! fibre's channels scale from its published 20 °C with the Senneff &
//! Lowery 2021 Q10s, the endplate time constants with their Q10 and the
//! number of releasable quanta with its own (Bennett et al. 1977: m = 42 at
//! 23 °C becomes 151 at 37 °C); the axon keeps its 37 °C rates.

pub mod axon;
pub mod innervated;
pub mod junction;

use crate::model::hennings_axon::{self, HenningsAxon, HenningsAxonParams};
use crate::model::ions::Ions;
use crate::model::motor_axon::{self, MotorAxon, MotorAxonParams};
use crate::model::muscle_fibre::{MuscleFibre, MuscleFibreConfig};
use crate::model::{Model, ParameterGroup, StateVariable};
use crate::params::ParameterSet;
use crate::physiology::endplate_current::EndplateCurrentParams;
use crate::physiology::surface_charge;
use crate::physiology::transmitter_release::TransmitterReleaseParams;

pub use axon::{Axon, AxonModel};
pub use innervated::InnervatedFibre;
pub use junction::{Junction, JunctionParams, Release};

/// Columns of a motor-unit trace with the Sweeney axon: the fibre with its
/// endplate, then the axon.
pub const STATE_COUNT: usize = innervated::STATE_COUNT + motor_axon::STATE_COUNT;

/// Columns of a motor-unit trace with the Hennings axon.
pub const HENNINGS_STATE_COUNT: usize = innervated::STATE_COUNT + hennings_axon::STATE_COUNT;

/// The widest motor-unit trace row (for row buffers).
pub const MAX_STATE_COUNT: usize = if STATE_COUNT > HENNINGS_STATE_COUNT {
    STATE_COUNT
} else {
    HENNINGS_STATE_COUNT
};

/// Index of the axon's membrane potential in a motor-unit trace row (either axon).
pub const AXON_V: usize = innervated::STATE_COUNT + axon::V;

/// The fibre's layout (56), the endplate's (2), then `axon`'s. Column 0 is
/// the fibre's surface potential, so the fibre's indices hold unchanged.
const fn joined<const N: usize>(axon: &[StateVariable]) -> [StateVariable; N] {
    let mut layout = [innervated::ENDPLATE_VARIABLES[0]; N];
    let mut i = 0;
    while i < innervated::STATE_COUNT {
        layout[i] = innervated::STATE_VARIABLES[i];
        i += 1;
    }
    while i < N {
        layout[i] = axon[i - innervated::STATE_COUNT];
        i += 1;
    }
    layout
}

/// The trace layout with the Sweeney axon (3 columns).
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = joined(&motor_axon::STATE_VARIABLES);

/// The trace layout with the Hennings axon (8 columns).
pub static HENNINGS_STATE_VARIABLES: [StateVariable; HENNINGS_STATE_COUNT] =
    joined(&hennings_axon::STATE_VARIABLES);

/// The motor unit of a run: axon, junction and fibre, fixed for the run.
#[derive(Debug, Clone, PartialEq)]
pub struct MotorUnit {
    /// The motor axon.
    pub axon: Axon,
    /// Release and endplate.
    pub junction: Junction,
    /// The innervated fibre.
    pub fibre: MuscleFibre,
    /// The fibre's configuration and ions, to build variants of it (the
    /// Na⁺-blocked fibre that measures the endplate potential).
    fibre_config: MuscleFibreConfig,
    /// The ionic conditions of the fibre, temperature included.
    fibre_ions: Ions,
}

/// The motor unit's own `[parameters]` sub-tables (beside the fibre's).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MotorUnitParams {
    /// `[parameters] axon_model`.
    pub axon_model: AxonModel,
    /// `[parameters.axon]` (the Sweeney node).
    pub axon: MotorAxonParams,
    /// `[parameters.hennings_axon]`.
    pub hennings_axon: HenningsAxonParams,
    /// `[parameters.release]`.
    pub release: TransmitterReleaseParams,
    /// `[parameters.endplate]`.
    pub endplate: EndplateCurrentParams,
    /// `[parameters.junction]` numbers.
    pub junction: JunctionParams,
    /// `[parameters.junction] stochastic`.
    pub stochastic: bool,
}

impl MotorUnit {
    /// The unit at `temperature_celsius` in `ions` (absent Ca²⁺/Mg²⁺: the
    /// reference values, no gating shift).
    pub fn new(
        params: MotorUnitParams,
        fibre_config: MuscleFibreConfig,
        ions: &Ions,
        temperature_celsius: f64,
    ) -> Self {
        let fibre_ions = Ions {
            temperature_celsius: Some(temperature_celsius),
            ..*ions
        };
        let charge = &fibre_config.surface_charge;
        let (ca, mg) = (
            ions.ca_o_mm.unwrap_or(charge.ca_ref_mm),
            ions.mg_o_mm.unwrap_or(charge.mg_ref_mm),
        );
        let na_shift = surface_charge::na_gating_shift_mv(charge, ca, mg);
        let axon = match params.axon_model {
            AxonModel::Sweeney1987 => Axon::Sweeney1987(MotorAxon::new(params.axon, na_shift)),
            AxonModel::Hennings2005 => Axon::Hennings2005(Box::new(HenningsAxon::new(
                params.hennings_axon,
                temperature_celsius,
                na_shift,
                surface_charge::k_gating_shift_mv(charge, ca, mg),
            ))),
        };
        let junction = Junction {
            release: params.release.at_temperature(temperature_celsius),
            endplate: params.endplate,
            timing: params.junction,
            stochastic: params.stochastic,
            ca_o_mm: ions.ca_o_mm.unwrap_or(params.release.ca_ref_mm),
            mg_o_mm: ions.mg_o_mm.unwrap_or(params.release.mg_ref_mm),
            temperature_celsius,
        };
        Self {
            axon,
            junction,
            fibre: MuscleFibre::with_ions(fibre_config, &fibre_ions),
            fibre_config,
            fibre_ions,
        }
    }

    /// The same fibre with its Na⁺ channels blocked (sarcolemma and
    /// T-tubule), as µ-conotoxin blocks them when endplate potentials are
    /// recorded without action potentials (Wood & Slater 2001 use this to
    /// measure the safety factor).
    pub fn sodium_blocked_fibre(&self) -> MuscleFibre {
        let mut config = self.fibre_config;
        config.sodium_channel.g_na_max_ms_per_cm2 = 0.0;
        MuscleFibre::with_ions(config, &self.fibre_ions)
    }

    /// The trace layout of this unit (it depends on the axon).
    pub fn state_variables(&self) -> &'static [StateVariable] {
        match self.axon.model() {
            AxonModel::Sweeney1987 => &STATE_VARIABLES,
            AxonModel::Hennings2005 => &HENNINGS_STATE_VARIABLES,
        }
    }

    /// Initial values with default parameters, in trace order.
    pub fn default_initial_state() -> Vec<f64> {
        let unit = Self::new(
            MotorUnitParams::default(),
            MuscleFibreConfig::default(),
            &Ions::default(),
            motor_axon::PUBLISHED_TEMPERATURE_CELSIUS,
        );
        let fibre = InnervatedFibre::new(&unit.fibre, &unit.junction).initial_state();
        fibre
            .iter()
            .copied()
            .chain(unit.axon.initial_state())
            .collect()
    }

    /// The parameter declarations: the fibre's sub-tables (but its
    /// thermodynamics: the unit has one temperature, `ions.temperature_celsius`),
    /// then the unit's own.
    pub fn parameter_groups() -> Vec<ParameterGroup> {
        let mut groups = MuscleFibreConfig::parameter_groups();
        groups.retain(|group| group.section != "thermodynamics");
        groups.extend([
            ParameterGroup {
                section: "axon",
                parameters: MotorAxonParams::INFO,
            },
            ParameterGroup {
                section: "hennings_axon",
                parameters: HenningsAxonParams::INFO,
            },
            ParameterGroup {
                section: "release",
                parameters: TransmitterReleaseParams::INFO,
            },
            ParameterGroup {
                section: "endplate",
                parameters: EndplateCurrentParams::INFO,
            },
            ParameterGroup {
                section: "junction",
                parameters: JunctionParams::INFO,
            },
        ]);
        groups
    }
}
