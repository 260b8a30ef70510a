//! Configuration of the muscle fibre: which variant of the equations, and
//! every parameter set, grouped by mechanism.

use crate::model::ParameterGroup;
use crate::parameters;
use crate::params::{OutOfRange, ParameterSet};
use crate::physiology::calcium_buffers::CalciumBufferParams;
use crate::physiology::calcium_compartments::CalciumCompartmentParams;
use crate::physiology::calcium_release::CalciumReleaseParams;
use crate::physiology::chloride_channel::{ChlorideChannelParams, ChlorideDistribution};
use crate::physiology::crossbridges::CrossbridgeParams;
use crate::physiology::delayed_rectifier::DelayedRectifierParams;
use crate::physiology::gating_pore::GatingPoreParams;
use crate::physiology::ghk::ThermodynamicParams;
use crate::physiology::inward_rectifier::InwardRectifierParams;
use crate::physiology::ion_accumulation::IonAccumulationParams;
use crate::physiology::ryanodine_magnesium::RyanodineMagnesiumOption;
use crate::physiology::sarcoplasmic_reticulum::SarcoplasmicReticulumParams;
use crate::physiology::sodium_channel::SodiumChannelParams;
use crate::physiology::sodium_potassium_pump::SodiumPotassiumPumpParams;
use crate::physiology::surface_charge::{GrahameParams, SurfaceChargeParams};
use crate::physiology::temperature::SenneffLoweryQ10Params;
use crate::physiology::troponin_magnesium::TroponinMagnesiumOption;
use crate::physiology::washout::WashoutParams;
use serde::{Deserialize, Serialize};

/// Which form of the equations to integrate.
///
/// `Published` reproduces the CellML exactly, quirks included, so results
/// agree with OpenCOR. `Corrected` changes three things that look like
/// slips in the published file (SCIENCE.md §2.1), and nothing else:
///
/// 1. **Kir on the sarcolemma conducts in both directions.** Published:
///    the surface I_IR is multiplied by `(J_K > 0 ? 1 : 0)`, so it is
///    outward-only, while the T-tubule Kir is not. Corrected: no such
///    factor, as in the T-tubule. Changes I_IR only when vS < E_K.
/// 2. **Slow K⁺ inactivation has the same time scale in both membranes.**
///    Published: τ_hK = 1000·exp(−(V + 40)/25.75) ms on the sarcolemma but
///    1·exp(…) ms in the T-tubule. Corrected: the sarcolemmal scale
///    (`tau_h_k_surface_scale_ms`) in both. Changes dh_K_t/dt only.
/// 3. **The background currents carry charge.** Published: I_K,rest and
///    I_Na,rest enter the K⁺ and Na⁺ concentration equations but not the
///    voltage equations. Corrected: both are added to the ionic current of
///    the sarcolemma and of the T-tubule (net −0.27 µA/cm², inward), so the
///    K⁺ and Na⁺ that the concentration equations move are also the charge
///    the voltage equations see. Changes dvS/dt and dvT/dt only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    /// The CellML as published, quirks included.
    #[default]
    Published,
    /// The three corrections listed on [`Variant`].
    Corrected,
}

parameters! {
    /// Passive electrical properties of the two-compartment membrane.
    pub struct MembraneParams {
        /// Specific membrane capacitance C_m of sarcolemma and T-tubule (CellML `C_m`).
        c_m_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.01..=100.0, "Shorten et al. 2007 CellML, wal_environment C_m";
        /// T-tubule/sarcolemma membrane area ratio γ (CellML `gam`).
        tubule_area_ratio: f64 = 4.8, "1", 0.0001..=1000.0, "Shorten et al. 2007 CellML, wal_environment gam";
        /// Access resistance R_a between sarcolemma and T-tubule (CellML `R_a`).
        access_resistance_ohm_cm2: f64 = 150.0, "Ω·cm²", 0.001..=1.0e6, "Shorten et al. 2007 CellML, wal_environment R_a";
    }
}

/// Everything that defines a muscle fibre run: the variant and each
/// mechanism's parameters. Defaults are the published CellML.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MuscleFibreConfig {
    /// Published (default) or corrected equations.
    pub variant: Variant,
    /// R, T, F.
    pub thermodynamics: ThermodynamicParams,
    /// Capacitance, area ratio, access resistance.
    pub membrane: MembraneParams,
    /// Na⁺ channel.
    pub sodium_channel: SodiumChannelParams,
    /// Delayed-rectifier K⁺ channel.
    pub delayed_rectifier: DelayedRectifierParams,
    /// Inward-rectifier K⁺ channel.
    pub inward_rectifier: InwardRectifierParams,
    /// Cl⁻ distributed with K⁺ (published, default) or held fixed
    /// (`"fixed"`: the option of [`crate::physiology::chloride_channel`]
    /// that lets `ions.cl_o_mm` act).
    pub chloride_distribution: ChlorideDistribution,
    /// ClC-1 channel and the Cl⁻ balance.
    pub chloride_channel: ChlorideChannelParams,
    /// Na⁺/K⁺ pump.
    pub sodium_potassium_pump: SodiumPotassiumPumpParams,
    /// K⁺ and Na⁺ compartments and background currents.
    pub ion_accumulation: IonAccumulationParams,
    /// DHPR–RyR coupling and release permeability.
    pub calcium_release: CalciumReleaseParams,
    /// Geometry of and exchange between the Ca²⁺ compartments.
    pub calcium_compartments: CalciumCompartmentParams,
    /// SERCA and SR leak.
    pub sarcoplasmic_reticulum: SarcoplasmicReticulumParams,
    /// Parvalbumin, ATP, calsequestrin.
    pub calcium_buffers: CalciumBufferParams,
    /// Troponin, crossbridges, phosphate.
    pub crossbridges: CrossbridgeParams,
    /// Q10 factors applied away from the published temperature.
    pub temperature_q10: SenneffLoweryQ10Params,
    /// Divalent-cation gating shift (acts only when `ions.ca_o_mm` or `ions.mg_o_mm` is given);
    /// its `mode` chooses the empirical law (default) or Grahame screening.
    pub surface_charge: SurfaceChargeParams,
    /// Surface charge and saline of the Grahame mode (used only with `surface_charge.mode = "grahame"`).
    pub surface_charge_grahame: GrahameParams,
    /// Option: free Mg²⁺ competes at troponin's Ca²⁺ sites (off by default).
    pub troponin_magnesium: TroponinMagnesiumOption,
    /// Option: free Mg²⁺ inhibits SR Ca²⁺ release (off by default).
    pub ryanodine_magnesium: RyanodineMagnesiumOption,
    /// Blood washout of the interstitium (none unless a blood flow is given).
    pub washout: WashoutParams,
    /// HypoPP gating-pore cation leak (none by default).
    pub gating_pore: GatingPoreParams,
}

impl MuscleFibreConfig {
    /// The first parameter outside its declared range, with the sub-table it is in.
    pub fn check_ranges(&self) -> Result<(), (&'static str, OutOfRange)> {
        let checks: [(&'static str, Result<(), OutOfRange>); 20] = [
            ("thermodynamics", self.thermodynamics.check_ranges()),
            ("membrane", self.membrane.check_ranges()),
            ("sodium_channel", self.sodium_channel.check_ranges()),
            ("delayed_rectifier", self.delayed_rectifier.check_ranges()),
            ("inward_rectifier", self.inward_rectifier.check_ranges()),
            ("chloride_channel", self.chloride_channel.check_ranges()),
            (
                "sodium_potassium_pump",
                self.sodium_potassium_pump.check_ranges(),
            ),
            ("ion_accumulation", self.ion_accumulation.check_ranges()),
            ("calcium_release", self.calcium_release.check_ranges()),
            (
                "calcium_compartments",
                self.calcium_compartments.check_ranges(),
            ),
            (
                "sarcoplasmic_reticulum",
                self.sarcoplasmic_reticulum.check_ranges(),
            ),
            ("calcium_buffers", self.calcium_buffers.check_ranges()),
            ("crossbridges", self.crossbridges.check_ranges()),
            ("temperature_q10", self.temperature_q10.check_ranges()),
            ("surface_charge", self.surface_charge.check_ranges()),
            (
                "surface_charge_grahame",
                self.surface_charge_grahame.check_ranges(),
            ),
            ("troponin_magnesium", self.troponin_magnesium.check_ranges()),
            (
                "ryanodine_magnesium",
                self.ryanodine_magnesium.check_ranges(),
            ),
            ("washout", self.washout.check_ranges()),
            ("gating_pore", self.gating_pore.check_ranges()),
        ];
        checks
            .into_iter()
            .try_for_each(|(section, result)| result.map_err(|e| (section, e)))
    }

    /// Every parameter declaration, by the sub-table of `[parameters]` it lives in.
    pub fn parameter_groups() -> Vec<ParameterGroup> {
        vec![
            ParameterGroup {
                section: "thermodynamics",
                parameters: ThermodynamicParams::INFO,
            },
            ParameterGroup {
                section: "membrane",
                parameters: MembraneParams::INFO,
            },
            ParameterGroup {
                section: "sodium_channel",
                parameters: SodiumChannelParams::INFO,
            },
            ParameterGroup {
                section: "delayed_rectifier",
                parameters: DelayedRectifierParams::INFO,
            },
            ParameterGroup {
                section: "inward_rectifier",
                parameters: InwardRectifierParams::INFO,
            },
            ParameterGroup {
                section: "chloride_channel",
                parameters: ChlorideChannelParams::INFO,
            },
            ParameterGroup {
                section: "sodium_potassium_pump",
                parameters: SodiumPotassiumPumpParams::INFO,
            },
            ParameterGroup {
                section: "ion_accumulation",
                parameters: IonAccumulationParams::INFO,
            },
            ParameterGroup {
                section: "calcium_release",
                parameters: CalciumReleaseParams::INFO,
            },
            ParameterGroup {
                section: "calcium_compartments",
                parameters: CalciumCompartmentParams::INFO,
            },
            ParameterGroup {
                section: "sarcoplasmic_reticulum",
                parameters: SarcoplasmicReticulumParams::INFO,
            },
            ParameterGroup {
                section: "calcium_buffers",
                parameters: CalciumBufferParams::INFO,
            },
            ParameterGroup {
                section: "crossbridges",
                parameters: CrossbridgeParams::INFO,
            },
            ParameterGroup {
                section: "temperature_q10",
                parameters: SenneffLoweryQ10Params::INFO,
            },
            ParameterGroup {
                section: "surface_charge",
                parameters: SurfaceChargeParams::INFO,
            },
            ParameterGroup {
                section: "surface_charge_grahame",
                parameters: GrahameParams::INFO,
            },
            ParameterGroup {
                section: "troponin_magnesium",
                parameters: TroponinMagnesiumOption::INFO,
            },
            ParameterGroup {
                section: "ryanodine_magnesium",
                parameters: RyanodineMagnesiumOption::INFO,
            },
            ParameterGroup {
                section: "washout",
                parameters: WashoutParams::INFO,
            },
            ParameterGroup {
                section: "gating_pore",
                parameters: GatingPoreParams::INFO,
            },
        ]
    }
}
