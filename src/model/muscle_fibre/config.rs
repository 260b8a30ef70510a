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
use crate::physiology::kir_hagiwara::KirHagiwaraParams;
use crate::physiology::nkcc1::Nkcc1Params;
use crate::physiology::ryanodine_magnesium::RyanodineMagnesiumOption;
use crate::physiology::sarcoplasmic_reticulum::SarcoplasmicReticulumParams;
use crate::physiology::sodium_channel::SodiumChannelParams;
use crate::physiology::sodium_potassium_pump::SodiumPotassiumPumpParams;
use crate::physiology::sodium_slow_inactivation_pedestal::SodiumPedestalParams;
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

/// Which resting conductances the fibre has (`parameters.resting_conductance`).
///
/// `Published` keeps the Shorten/Wallinga magnitudes and the Senneff &
/// Lowery g_Cl Q10 of 1.5 at every temperature, so OpenCOR and `endplate
/// validate` see the published model. At 37 °C and rest their slope
/// conductances are G_Cl ≈ 7 and G_Kir ≈ 4.5 mS/cm² of sarcolemma (tubules
/// included), 3–30 times the measured values
/// (../shared/SCIENCE-EXCITABILITY.md §0.1). `Measured` scales them by
/// [`MeasuredRestParams`] to rat fast-twitch muscle at 37 °C and gives g_Cl
/// the Q10 of ≈ 1 above 25 °C that Palade & Barchi 1977 measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestingConductance {
    /// The published Shorten/Wallinga conductances.
    #[default]
    Published,
    /// Rat resting conductances (Palade & Barchi 1977): [`MeasuredRestParams`].
    Measured,
}

/// Which inward rectifier the fibre has (`parameters.inward_rectifier_form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InwardRectifierForm {
    /// Wallinga et al. 1999 / Standen–Stanfield block against absolute V
    /// ([`crate::physiology::inward_rectifier`], `inward_rectifier` parameters).
    #[default]
    Wallinga,
    /// Rectification following V − E_K, I_Kir = P_Kir r(V − E_K) I_GHK,K
    /// ([`crate::physiology::kir_hagiwara`], `kir_hagiwara` parameters, the
    /// Cannon-lab fibre's Kir), same density in the T-tubule
    /// (`inward_rectifier.tubule_density_ratio`, 1).
    Hagiwara,
}

/// Which Na⁺/K⁺ pump the T-tubule wall has (`parameters.tubule_pump`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TubulePump {
    /// The sarcolemmal Wallinga pump at η_NaK = 0.1 of its density
    /// (`sodium_potassium_pump.tubule_density_ratio`), as published.
    #[default]
    Wallinga,
    /// An α2 pump (DiFranco et al. 2015: α2 is the tubular isoform, K_m,K
    /// 2.5 mM) through [`crate::physiology::nak_pump_isoforms`], at
    /// [`TubuleAlpha2PumpParams`]; the published J̄_NaK and K_m,Na.
    Alpha2,
}

/// Which Na⁺ slow inactivation the fibre has (`parameters.sodium_slow_inactivation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SodiumSlowInactivation {
    /// Wallinga et al. 1999: S_∞ goes to 0, every channel inactivates.
    #[default]
    Wallinga,
    /// Hayward, Brown & Cannon 1997 pedestal and a non-inactivating
    /// fraction ([`crate::physiology::sodium_slow_inactivation_pedestal`],
    /// `sodium_pedestal` parameters).
    Pedestal,
}

/// How the tubular ion fluxes are counted into the myoplasm
/// (`parameters.tubule_bookkeeping`).
///
/// The CellML (Wallinga et al. 1999) moves X_i by f_T·J_t/(F ζ_t) per unit
/// T-tubule flux J_t, i.e. as if the tubular membrane were f_T ζ_i/ζ_t = 8
/// times the sarcolemma, while the voltage equations use γ = 4.8. `AreaRatio`
/// takes the T-tubule volume per T-tubule membrane area as f_T ζ_i/γ
/// (1.67e-6 cm instead of ζ_t = 1e-6), so the lumen, the myoplasm and the
/// voltage equations all see the same membrane area; the lumen volume
/// f_T ζ_i and the conservation of ζ_i X_i + f_T ζ_i X_t + ζ_e X_e are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TubuleBookkeeping {
    /// ζ_t as published (`ion_accumulation.tubule_volume_per_area_cm`).
    #[default]
    Published,
    /// ζ_t = f_T ζ_i/γ.
    AreaRatio,
}

parameters! {
    /// The tubular α2 pump of `tubule_pump = "alpha2"` (unused with "wallinga").
    pub struct TubuleAlpha2PumpParams {
        /// Half-activation of α2 by external K⁺.
        k_m_k_mm: f64 = 2.5, "mM", 0.0001..=1000.0, "DiFranco, Hakimjavadi, Lingrel & Heiny 2015 (J Gen Physiol 146:281); Cannon-lab xlsx v9 C52";
        /// T-tubule/sarcolemma density of J̄_NaK.
        density_ratio: f64 = 1.0, "1", 0.0..=100.0, "Cannon-lab Muscle_Default_Params.xlsx v9 C48: one J_max for sarcolemma and T-tubule";
    }
}

parameters! {
    /// Resting conductances of `resting_conductance = "measured"` (rat, 37 °C; unused with "published").
    pub struct MeasuredRestParams {
        /// Factor on ḡ_Cl (both membranes): the measured G_Cl of rat diaphragm at 37 °C, 2.11 mS/cm² (Palade & Barchi 1977, J Gen Physiol 69:325), over the published model's slope G_Cl at the dynamic-Cl⁻ rest of scenarios/normal.toml with g_Cl's Q10 ≈ 1 above 25 °C (6.07 mS/cm² with the Senneff & Lowery Q10 of 1.5, 3.73 with Palade & Barchi's), as `endplate rest` prints it.
        g_cl_scale: f64 = 0.566, "1", 0.0..=10.0, "Palade & Barchi 1977 G_Cl 2.11 mS/cm² (rat diaphragm, 37 °C) / 3.73 mS/cm² model slope G_Cl (../shared/SCIENCE-EXCITABILITY.md §0.1)";
        /// Factor on the inward rectifier's G_K (both membranes): the measured G_K of rat diaphragm at 37 °C, 0.34 mS/cm², over the published model's slope G_K (Kir and delayed rectifier) at the same rest, 5.55 mS/cm².
        g_kir_scale: f64 = 0.061, "1", 0.0..=10.0, "Palade & Barchi 1977 G_K 0.34 mS/cm² (rat diaphragm, 37 °C) / 5.55 mS/cm² model slope G_K (../shared/SCIENCE-EXCITABILITY.md §0.1)";
        /// Temperature above which g_Cl no longer changes with temperature.
        g_cl_q10_breakpoint_celsius: f64 = 25.0, "°C", 0.0..=45.0, "Palade & Barchi 1977: Q10 of G_Cl 1.6 between 6 and 25 °C, ≈ 1 between 25 and 40 °C";
        /// Q10 of g_Cl above the breakpoint.
        g_cl_q10_above_breakpoint: f64 = 1.0, "1", 0.5..=5.0, "Palade & Barchi 1977 (J Gen Physiol 69:325): Q10 ≈ 1 between 25 and 40 °C";
    }
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

/// Declares [`MuscleFibreConfig`] from one list of its sub-tables, so a new
/// mechanism is one line here: the struct (in this order, which serde keeps
/// in TOML and in the allowed keys of its error messages),
/// [`MuscleFibreConfig::check_ranges`] (the section named in the error) and
/// [`MuscleFibreConfig::parameter_groups`] (the reference and `describe`).
/// A `declared` entry is a [`ParameterSet`], range-checked and listed; a
/// `switch` entry is an option chosen by name, neither.
macro_rules! fibre_sections {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])+
                $field:ident: $ty:ty => $kind:ident,
            )+
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[doc = $doc])+
                pub $field: $ty,
            )+
        }

        impl $name {
            /// The first parameter outside its declared range, with the sub-table it is in.
            pub fn check_ranges(&self) -> Result<(), (&'static str, OutOfRange)> {
                $( fibre_sections!(@check $kind, self.$field, stringify!($field)); )+
                Ok(())
            }

            /// Every parameter declaration, by the sub-table of `[parameters]` it lives in.
            pub fn parameter_groups() -> Vec<ParameterGroup> {
                [$( fibre_sections!(@group $kind, $ty, stringify!($field)) ),+]
                    .into_iter()
                    .flatten()
                    .collect()
            }
        }
    };
    (@check declared, $value:expr, $section:expr) => {
        $value.check_ranges().map_err(|e| ($section, e))?
    };
    (@check switch, $value:expr, $section:expr) => {};
    (@group declared, $ty:ty, $section:expr) => {
        Some(ParameterGroup {
            section: $section,
            parameters: <$ty as ParameterSet>::INFO,
        })
    };
    (@group switch, $ty:ty, $section:expr) => {
        None
    };
}

fibre_sections! {
    /// Everything that defines a muscle fibre run: the variant and each
    /// mechanism's parameters. Defaults are the published CellML.
    #[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
    #[serde(default, deny_unknown_fields)]
    pub struct MuscleFibreConfig {
        /// Published (default) or corrected equations.
        variant: Variant => switch,
        /// Published (default) or measured (rat, 37 °C) resting conductances.
        resting_conductance: RestingConductance => switch,
        /// The factors and g_Cl Q10 of `resting_conductance = "measured"`.
        measured_rest: MeasuredRestParams => declared,
        /// R, T, F.
        thermodynamics: ThermodynamicParams => declared,
        /// Capacitance, area ratio, access resistance.
        membrane: MembraneParams => declared,
        /// Na⁺ channel.
        sodium_channel: SodiumChannelParams => declared,
        /// Wallinga (published, default) or pedestal Na⁺ slow inactivation.
        sodium_slow_inactivation: SodiumSlowInactivation => switch,
        /// The pedestal (used only with `sodium_slow_inactivation = "pedestal"`).
        sodium_pedestal: SodiumPedestalParams => declared,
        /// Delayed-rectifier K⁺ channel.
        delayed_rectifier: DelayedRectifierParams => declared,
        /// Inward-rectifier K⁺ channel.
        inward_rectifier: InwardRectifierParams => declared,
        /// Wallinga (published, default) or Hagiwara inward rectifier.
        inward_rectifier_form: InwardRectifierForm => switch,
        /// The Hagiwara Kir (used only with `inward_rectifier_form = "hagiwara"`).
        kir_hagiwara: KirHagiwaraParams => declared,
        /// Cl⁻ distributed with K⁺ (published, default), held fixed
        /// (`"fixed"`) or a state moved by ClC-1 and NKCC1 (`"dynamic"`); the
        /// options of [`crate::physiology::chloride_channel`] that let
        /// `ions.cl_o_mm` act.
        chloride_distribution: ChlorideDistribution => switch,
        /// ClC-1 channel and the Cl⁻ balance.
        chloride_channel: ChlorideChannelParams => declared,
        /// NKCC1 rate (acts only with `chloride_distribution = "dynamic"`).
        nkcc1: Nkcc1Params => declared,
        /// Na⁺/K⁺ pump.
        sodium_potassium_pump: SodiumPotassiumPumpParams => declared,
        /// Wallinga at 0.1 density (published, default) or α2 T-tubule pump.
        tubule_pump: TubulePump => switch,
        /// The α2 pump (used only with `tubule_pump = "alpha2"`).
        tubule_alpha2_pump: TubuleAlpha2PumpParams => declared,
        /// Published (default) or area-consistent tubular ion bookkeeping.
        tubule_bookkeeping: TubuleBookkeeping => switch,
        /// K⁺ and Na⁺ compartments and background currents.
        ion_accumulation: IonAccumulationParams => declared,
        /// DHPR–RyR coupling and release permeability.
        calcium_release: CalciumReleaseParams => declared,
        /// Geometry of and exchange between the Ca²⁺ compartments.
        calcium_compartments: CalciumCompartmentParams => declared,
        /// SERCA and SR leak.
        sarcoplasmic_reticulum: SarcoplasmicReticulumParams => declared,
        /// Parvalbumin, ATP, calsequestrin.
        calcium_buffers: CalciumBufferParams => declared,
        /// Troponin, crossbridges, phosphate.
        crossbridges: CrossbridgeParams => declared,
        /// Q10 factors applied away from the published temperature.
        temperature_q10: SenneffLoweryQ10Params => declared,
        /// Divalent-cation gating shift (acts only when `ions.ca_o_mm` or `ions.mg_o_mm` is given);
        /// its `mode` chooses the empirical law (default) or Grahame screening.
        surface_charge: SurfaceChargeParams => declared,
        /// Surface charge and saline of the Grahame mode (used only with `surface_charge.mode = "grahame"`).
        surface_charge_grahame: GrahameParams => declared,
        /// Option: free Mg²⁺ competes at troponin's Ca²⁺ sites (off by default).
        troponin_magnesium: TroponinMagnesiumOption => declared,
        /// Option: free Mg²⁺ inhibits SR Ca²⁺ release (off by default).
        ryanodine_magnesium: RyanodineMagnesiumOption => declared,
        /// Blood washout of the interstitium (none unless a blood flow is given).
        washout: WashoutParams => declared,
        /// HypoPP gating-pore cation leak (none by default).
        gating_pore: GatingPoreParams => declared,
    }
}
