//! Parameters of the Cannon-lab fibre, grouped as in the lab's file
//! (`Cannon-Lab/Muscle-Fiber-Simulation`, `muscle_sim/Muscle_Default_Params.xlsx`, v9).

use serde::{Deserialize, Serialize};

use crate::model::ParameterGroup;
use crate::parameters;
use crate::params::ParameterSet;
use crate::physiology::clc1_channel::Clc1Params;
use crate::physiology::gating_pore_ghk::GatingPoreGhkParams;
use crate::physiology::kcnq_channel::KcnqParams;
use crate::physiology::kdr_inactivating::KdrParams;
use crate::physiology::kir_hagiwara::KirHagiwaraParams;
use crate::physiology::nak_pump_isoforms::NakPumpIsoformParams;
use crate::physiology::nav14_channel::Nav14Params;
use crate::physiology::nkcc1::Nkcc1Params;
use crate::physiology::tubule_exchange::TubuleExchangeParams;

parameters! {
    /// Physical constants, capacitance and Q10s ("Physical Constants", C6–C11).
    pub struct CannonPhysicalParams {
        /// Temperature at which the file's rates and permeabilities apply.
        reference_temperature_k: f64 = 295.0, "K", 263.0..=323.0, "xlsx v9 C6 'Temperature (oK)'";
        /// Faraday constant.
        faraday_c_per_mol: f64 = 96480.0, "C/mol", 90000.0..=100000.0, "xlsx v9 C7";
        /// Gas constant, in mV·C/(K·mol) so that RT/F is in mV.
        gas_constant_mv_c_per_k_per_mol: f64 = 8314.0, "mV·C/(K·mol)", 8000.0..=8700.0, "xlsx v9 C8";
        /// Specific membrane capacitance (the file's "mF/cm2" is µF/cm²).
        c_m_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.1..=10.0, "xlsx v9 C9";
        /// Q10 of every gating rate.
        rate_q10: f64 = 2.5, "1", 0.5..=5.0, "xlsx v9 C10 'Q10 rate constants'";
        /// Q10 of diffusion: permeabilities and the tubule–bath exchange (this crate's reading of the label).
        diffusion_q10: f64 = 1.5, "1", 0.5..=5.0, "xlsx v9 C11 'Q10 diffusion'";
    }
}

parameters! {
    /// Fibre geometry ("Muscle Fiber", C14–C19).
    pub struct CannonGeometryParams {
        /// Fibre radius r.
        radius_cm: f64 = 0.004, "cm", 1e-4..=0.1, "xlsx v9 C14";
        /// Access resistance R_a of the T-tubule, per unit sarcolemma.
        r_a_kohm_cm2: f64 = 0.04, "kΩ·cm²", 1e-5..=100.0, "xlsx v9 C16";
        /// Tubular volume fraction ρ.
        tubule_volume_fraction: f64 = 0.003, "1", 1e-5..=0.1, "xlsx v9 C18 rho";
        /// Tubular volume per tubular membrane area ζ (the PDF says 1.25e−6).
        tubule_volume_per_area_cm: f64 = 1.26e-6, "cm", 1e-8..=1e-4, "xlsx v9 C19";
    }
}

impl CannonGeometryParams {
    /// γ = (r/2)(ρ/ζ): tubular membrane per unit sarcolemma (Peachey 1965;
    /// PDF p. 2). 4.76 with the defaults (1993 model: 4.8).
    pub fn tubule_area_ratio(&self) -> f64 {
        0.5 * self.radius_cm * self.tubule_volume_fraction / self.tubule_volume_per_area_cm
    }
}

parameters! {
    /// Concentrations at the start ("Ion Concentrations", C27–C35). The bath
    /// values are fixed during a run (PDF p. 7); `[ions]` overrides them.
    pub struct CannonIonParams {
        /// Bath Na⁺.
        na_o_mm: f64 = 138.3, "mM", 0.0..=300.0, "xlsx v9 C27";
        /// Myoplasmic Na⁺ at the start.
        na_i_mm: f64 = 6.888, "mM", 0.01..=300.0, "xlsx v9 C28";
        /// Tubular Na⁺ at the start (when the bath Na⁺ is not overridden).
        na_tt_mm: f64 = 138.0, "mM", 0.01..=300.0, "xlsx v9 C29";
        /// Bath K⁺.
        k_o_mm: f64 = 4.5, "mM", 0.01..=100.0, "xlsx v9 C30";
        /// Myoplasmic K⁺ at the start.
        k_i_mm: f64 = 151.9, "mM", 0.01..=300.0, "xlsx v9 C31";
        /// Tubular K⁺ at the start (when the bath K⁺ is not overridden).
        k_tt_mm: f64 = 4.559, "mM", 0.01..=100.0, "xlsx v9 C32";
        /// Bath Cl⁻.
        cl_o_mm: f64 = 103.9, "mM", 0.01..=300.0, "xlsx v9 C33";
        /// Myoplasmic Cl⁻ at the start.
        cl_i_mm: f64 = 5.674, "mM", 0.01..=300.0, "xlsx v9 C34";
        /// Tubular Cl⁻ at the start (when the bath Cl⁻ is not overridden).
        cl_tt_mm: f64 = 104.0, "mM", 0.01..=300.0, "xlsx v9 C35";
        /// Membrane potential at the start (the file gives none: the program searches for rest).
        v_start_mv: f64 = -85.0, "mV", -150.0..=50.0, "endplate: near the model's rest at the file's concentrations (tests); the file gives none";
    }
}

parameters! {
    /// Density scale factors of the sarcolemma ("Default scale factors", C103–C113).
    pub struct CannonScaleParams {
        /// NaV1.4.
        na: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C103 Scale_Na";
        /// Delayed rectifier.
        kdr: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C104 Scale_Kdr";
        /// Inward rectifier.
        kir: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C105 Scale_Kir";
        /// KCNQ.
        kcnq: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C106 Scale_KCNQ";
        /// ClC-1 (the file's 0.2; see the model doc on whether that is wild type).
        cl: f64 = 0.2, "1", 0.0..=100.0, "xlsx v9 C107 Scale_Cl";
        /// Gating pore (0: wild type).
        gating_pore: f64 = 0.0, "1", 0.0..=1.0e4, "xlsx v9 C109 Scale_GP";
        /// Na⁺/K⁺ pump.
        pump: f64 = 1.3, "1", 0.0..=100.0, "xlsx v9 C110 Scale_Pump";
        /// NKCC1.
        nkcc: f64 = 0.35, "1", 0.0..=100.0, "xlsx v9 C111 Scale_NKCC";
    }
}

parameters! {
    /// Tubular/sarcolemmal density ratios η ("Conductance ratio Ttubule / Sarcolemma", C116–C124).
    pub struct CannonTubuleDensityParams {
        /// NaV1.4.
        na: f64 = 0.8, "1", 0.0..=100.0, "xlsx v9 C116 Eta_Na";
        /// Delayed rectifier.
        kdr: f64 = 0.4, "1", 0.0..=100.0, "xlsx v9 C117 Eta_Kdr";
        /// Inward rectifier.
        kir: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C118 Eta_Kir";
        /// KCNQ.
        kcnq: f64 = 0.4, "1", 0.0..=100.0, "xlsx v9 C119 Eta_KCNQ";
        /// ClC-1.
        cl: f64 = 0.3, "1", 0.0..=100.0, "xlsx v9 C120 Eta_Cl";
        /// Gating pore.
        gating_pore: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C122 Eta_GP";
        /// NKCC1.
        nkcc: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C123 Eta_NKCC";
        /// Na⁺/K⁺ pump.
        pump: f64 = 1.0, "1", 0.0..=100.0, "xlsx v9 C124 Eta_pump";
    }
}

/// NKCC1's J0 (pmol/(cm²·s)) at the wild-type baseline, the default: the
/// file's C57 label reads "J0 (pmol/cm2-sec = 2 at baseline)", while its
/// value, 4, is a raised setting (`[parameters.nkcc] preset = "file"`).
/// Measured with every ion settled (src/model/cannon_fibre/tests.rs): J0 2
/// rests at P1, −85.9 mV at 4 mM K⁺ (Jurkat-Rott et al. 2009: ≈ −85 mV in
/// normal fibres); J0 4 at −51.1 mV (Cl_i 19.2 mM), a depolarized fibre.
pub const BASELINE_NKCC_J0: f64 = 2.0;

/// The named NKCC1 settings of `[parameters.nkcc] preset`, the default
/// first: `baseline` (C57's label) and `file` (C57's value).
pub const NKCC_PRESETS: [(&str, f64); 2] = [("baseline", BASELINE_NKCC_J0), ("file", 4.0)];

/// Every parameter of the fibre, one sub-table per group or mechanism.
/// The default is the file's v9 set but NKCC1 at its baseline J0
/// ([`BASELINE_NKCC_J0`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CannonFibreParams {
    /// Constants, capacitance, Q10s.
    pub physical: CannonPhysicalParams,
    /// Geometry.
    pub geometry: CannonGeometryParams,
    /// Starting and bath concentrations.
    pub ions: CannonIonParams,
    /// Sarcolemmal density scales.
    pub scale: CannonScaleParams,
    /// Tubular/sarcolemmal density ratios.
    pub tubule_density: CannonTubuleDensityParams,
    /// NaV1.4.
    pub sodium_channel: Nav14Params,
    /// Delayed rectifier.
    pub delayed_rectifier: KdrParams,
    /// Inward rectifier.
    pub inward_rectifier: KirHagiwaraParams,
    /// KCNQ.
    pub kcnq: KcnqParams,
    /// ClC-1.
    pub chloride_channel: Clc1Params,
    /// Na⁺/K⁺ pump isoforms.
    pub pump: NakPumpIsoformParams,
    /// NKCC1.
    pub nkcc: Nkcc1Params,
    /// Gating pore.
    pub gating_pore: GatingPoreGhkParams,
    /// Tubule–bath exchange.
    pub tubule: TubuleExchangeParams,
}

impl Default for CannonFibreParams {
    // The update keeps the defaults of any field NKCC1 gains (its file is
    // shared and being generalised, issue 18).
    #[allow(clippy::needless_update)]
    fn default() -> Self {
        Self {
            physical: CannonPhysicalParams::default(),
            geometry: CannonGeometryParams::default(),
            ions: CannonIonParams::default(),
            scale: CannonScaleParams::default(),
            tubule_density: CannonTubuleDensityParams::default(),
            sodium_channel: Nav14Params::default(),
            delayed_rectifier: KdrParams::default(),
            inward_rectifier: KirHagiwaraParams::default(),
            kcnq: KcnqParams::default(),
            chloride_channel: Clc1Params::default(),
            pump: NakPumpIsoformParams::default(),
            nkcc: Nkcc1Params {
                j0_pmol_per_cm2_per_s: BASELINE_NKCC_J0,
                ..Nkcc1Params::default()
            },
            gating_pore: GatingPoreGhkParams::default(),
            tubule: TubuleExchangeParams::default(),
        }
    }
}

impl CannonFibreParams {
    /// The declarations, one group per sub-table.
    pub fn parameter_groups() -> Vec<ParameterGroup> {
        vec![
            ParameterGroup {
                section: "physical",
                parameters: CannonPhysicalParams::INFO,
            },
            ParameterGroup {
                section: "geometry",
                parameters: CannonGeometryParams::INFO,
            },
            ParameterGroup {
                section: "ions",
                parameters: CannonIonParams::INFO,
            },
            ParameterGroup {
                section: "scale",
                parameters: CannonScaleParams::INFO,
            },
            ParameterGroup {
                section: "tubule_density",
                parameters: CannonTubuleDensityParams::INFO,
            },
            ParameterGroup {
                section: "sodium_channel",
                parameters: Nav14Params::INFO,
            },
            ParameterGroup {
                section: "delayed_rectifier",
                parameters: KdrParams::INFO,
            },
            ParameterGroup {
                section: "inward_rectifier",
                parameters: KirHagiwaraParams::INFO,
            },
            ParameterGroup {
                section: "kcnq",
                parameters: KcnqParams::INFO,
            },
            ParameterGroup {
                section: "chloride_channel",
                parameters: Clc1Params::INFO,
            },
            ParameterGroup {
                section: "pump",
                parameters: NakPumpIsoformParams::INFO,
            },
            ParameterGroup {
                section: "nkcc",
                parameters: Nkcc1Params::INFO,
            },
            ParameterGroup {
                section: "gating_pore",
                parameters: GatingPoreGhkParams::INFO,
            },
            ParameterGroup {
                section: "tubule",
                parameters: TubuleExchangeParams::INFO,
            },
        ]
    }
}
