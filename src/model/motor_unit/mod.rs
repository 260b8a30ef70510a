//! `motor-unit`: a motor axon, its neuromuscular junction and the muscle
//! fibre it innervates, in one scenario.
//!
//! ```text
//! stimulus / ectopic pulses ─▶ motor axon (Gaines 2018 human axon with its cable, 37 °C)
//!        axon spike at t ─▶ release at t + delay: m(Ca, Mg) quanta (Dodge–Rahamimoff; mean or binomial)
//!        quanta ─▶ endplate conductance (dual exponential) ─▶ I_EPC = g (V − E_rev) into the sarcolemma
//!        ─▶ Shorten 2007 fibre: action potential, T-tubule, SR Ca²⁺ release, force
//! ```
//! - Axon: any axon of the axon catalogue ([`crate::catalogue::axons`],
//!   `[parameters] axon_model`): [`crate::model::gaines_axon`] (Gaines et
//!   al. 2018 human motor axon, node and myelinated MRG cable; the default
//!   since issue 10, integrated with Rodas4P), [`crate::model::motor_axon`]
//!   (Sweeney et al. 1987 rabbit node at 37 °C, one isopotential node; the
//!   default before) or [`crate::model::hennings_axon`] (Hennings et al.
//!   2005 human motor axon, node and internode), in the unit's conditions.
//! - Junction: [`junction`] ([`crate::physiology::transmitter_release`],
//!   [`crate::physiology::endplate_current`]).
//! - Fibre: [`crate::model::muscle_fibre`] at the run's temperature, with
//!   its endplate ([`innervated`]); or, with `[parameters] fibre_model =
//!   "cannon"`, the Cannon-lab membrane (`[parameters.cannon]`, the tables
//!   of `cannon-fibre`) driving the Shorten fibre's Ca²⁺ release and force
//!   through its T-tubule potential
//!   ([`crate::model::cannon_fibre::contractile`]). The endplate current
//!   lands on the sarcolemma of either; it is the unit's dual-exponential
//!   endplate conductance, not the Cannon file's nAChR (Scale_nAChR 0 by
//!   default there, an all-or-none 0.5 ms opening of GHK channels).
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
//! 23 °C becomes 151 at 37 °C); the axon scales its rates by its own Q10s
//! (the Sweeney node keeps its published 37 °C rates).

pub mod cannon;
pub mod catalogue;
pub mod innervated;
pub mod junction;
pub mod motoneuron;

use crate::catalogue::axons::BuiltAxon;
use crate::model::cannon_fibre::contractile::ContractileCannonFibre;
use crate::model::cannon_fibre::{CannonFibre, CannonFibreParams};
use crate::model::conditions::Conditions;
use crate::model::muscle_fibre::{MuscleFibre, MuscleFibreConfig};
use crate::model::{ParameterGroup, StateVariable};
use crate::physiology::endplate_current::EndplateCurrentParams;
use crate::physiology::transmitter_release::TransmitterReleaseParams;

pub use innervated::InnervatedFibre;
pub use junction::{Junction, JunctionParams, Release};

/// Index of the axon's membrane potential in its own state (every axon of
/// the catalogue puts it first).
pub const AXON_V: usize = 0;

/// The motor unit's trace layout with an axon of `N` − 59 columns: the
/// innervated fibre's 59 (the fibre's 57, then the endplate's 2), then the
/// axon's. Column 0 is the fibre's surface potential, so the fibre's
/// indices hold unchanged.
pub const fn joined<const N: usize>(axon: &[StateVariable]) -> [StateVariable; N] {
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

/// Where a sub-table of the motoneuron's configuration sits in a motor
/// unit's `[parameters]`: its own numbers in `motoneuron`, its kinetics
/// under it.
fn motoneuron_section(section: &'static str) -> &'static str {
    match section {
        "sodium" => "motoneuron.sodium",
        "potassium" => "motoneuron.potassium",
        "calcium_n_type" => "motoneuron.calcium_n_type",
        "calcium_l_type" => "motoneuron.calcium_l_type",
        "calcium_pool" => "motoneuron.calcium_pool",
        "persistent_sodium" => "motoneuron.persistent_sodium",
        "inputs" => "motoneuron.inputs",
        other => other,
    }
}

/// The motor unit of a run: axon, junction and fibre, fixed for the run.
#[derive(Debug, Clone, PartialEq)]
pub struct MotorUnit {
    /// The motor axon.
    pub axon: BuiltAxon,
    /// Release and endplate.
    pub junction: Junction,
    /// The innervated fibre.
    pub fibre: MuscleFibre,
    /// The fibre's configuration, to build variants of it (the Na⁺-blocked
    /// fibre that measures the endplate potential).
    fibre_config: MuscleFibreConfig,
    /// The conditions of the whole unit.
    conditions: Conditions,
    /// The motoneuron at its head, if any (`motoneuron_model`; none by default).
    pub motoneuron: Option<motoneuron::MotoneuronStage>,
    /// With `fibre_model = "cannon"`: the Cannon-lab membrane driving the
    /// Ca²⁺/force part of `fibre`, which is then the unit's fibre (`fibre`'s
    /// own membrane is not integrated).
    pub cannon: Option<ContractileCannonFibre>,
}

/// The motor unit's own `[parameters]` sub-tables (beside the fibre's and the axon's).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct JunctionSettings {
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
    /// The unit of `axon`, `junction` and the fibre of `fibre_config`, all in
    /// `conditions` (absent Ca²⁺/Mg²⁺: release at its reference, no gating shift).
    pub fn new(
        axon: BuiltAxon,
        junction: JunctionSettings,
        fibre_config: MuscleFibreConfig,
        conditions: &Conditions,
    ) -> Self {
        let temperature_celsius = conditions.temperature_celsius;
        // One temperature for the unit: the fibre runs at it whether or not
        // the scenario gave it (the unit's default is the axon's 37 °C, not
        // the fibre's published 20 °C).
        let fibre_conditions = conditions.at_temperature(temperature_celsius);
        let release = junction.release;
        let (ca_o_mm, mg_o_mm) = conditions
            .divalents
            .map_or((release.ca_ref_mm, release.mg_ref_mm), |d| {
                (d.ca_o_mm, d.mg_o_mm)
            });
        let junction = Junction {
            release: release.at_temperature(temperature_celsius),
            endplate: junction.endplate,
            timing: junction.junction,
            stochastic: junction.stochastic,
            ca_o_mm,
            mg_o_mm,
            temperature_celsius,
        };
        Self {
            axon,
            junction,
            fibre: MuscleFibre::new_in(fibre_config, &fibre_conditions),
            fibre_config,
            conditions: *conditions,
            motoneuron: None,
            cannon: None,
        }
    }

    /// The same unit with the Cannon-lab membrane of `params` (at the unit's
    /// temperature and ions) as its fibre's membrane.
    pub fn with_cannon_fibre(self, params: CannonFibreParams) -> Self {
        let membrane = CannonFibre::new(params, &self.fibre_conditions());
        Self {
            cannon: Some(ContractileCannonFibre::new(membrane, self.fibre.clone())),
            ..self
        }
    }

    /// The unit's conditions at its temperature (the fibre's).
    fn fibre_conditions(&self) -> Conditions {
        self.conditions
            .at_temperature(self.conditions.temperature_celsius)
    }

    /// The Cannon fibre of the unit with its NaV1.4 blocked (sarcolemma and
    /// T-tubule), as [`Self::sodium_blocked_fibre`] for the Shorten one.
    pub fn sodium_blocked_cannon(&self, fibre: &ContractileCannonFibre) -> ContractileCannonFibre {
        let mut params = *fibre.membrane.params();
        params.scale.na = 0.0;
        ContractileCannonFibre::new(
            CannonFibre::new(params, &self.fibre_conditions()),
            fibre.calcium.clone(),
        )
    }

    /// The same fibre with its Na⁺ channels blocked (sarcolemma and
    /// T-tubule), as µ-conotoxin blocks them when endplate potentials are
    /// recorded without action potentials (Wood & Slater 2001 use this to
    /// measure the safety factor).
    pub fn sodium_blocked_fibre(&self) -> MuscleFibre {
        let mut config = self.fibre_config;
        config.sodium_channel.g_na_max_ms_per_cm2 = 0.0;
        MuscleFibre::new_in(config, &self.fibre_conditions())
    }

    /// The same unit with `stage` at its head.
    pub fn with_motoneuron(self, stage: motoneuron::MotoneuronStage) -> Self {
        Self {
            motoneuron: Some(stage),
            ..self
        }
    }

    /// The trace layout of this unit (it depends on the axon and the fibre).
    pub fn state_variables(&self) -> &'static [StateVariable] {
        match self.cannon {
            None => self.axon.unit_layout(),
            Some(_) => cannon::unit_layout(&*self.axon),
        }
    }

    /// The conditions of the unit.
    pub fn conditions(&self) -> &Conditions {
        &self.conditions
    }

    /// The parameter declarations of the fibre's sub-tables (but its
    /// thermodynamics: the unit has one temperature, `ions.temperature_celsius`)
    /// and the junction's; the axons' come from the axon catalogue.
    pub fn parameter_groups() -> Vec<ParameterGroup> {
        use crate::params::ParameterSet;
        let mut groups = MuscleFibreConfig::parameter_groups();
        groups.retain(|group| group.section != "thermodynamics");
        groups.extend(
            crate::catalogue::axons::AXONS
                .iter()
                .map(|axon| ParameterGroup {
                    section: axon.section(),
                    parameters: axon.parameters(),
                }),
        );
        groups.extend([
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
        groups.extend(
            crate::model::motoneuron::MotoneuronConfig::parameter_groups()
                .into_iter()
                .map(|group| ParameterGroup {
                    section: motoneuron_section(group.section),
                    ..group
                }),
        );
        groups.push(ParameterGroup {
            section: "motoneuron.nerve",
            parameters: crate::model::motoneuron::nerve::NerveCouplingParams::INFO,
        });
        groups.extend(cannon::parameter_groups());
        groups
    }
}
