//! ClC-1 chloride channel of the rat muscle fibre, with Cl⁻ passively
//! distributed like K⁺ (published) or held fixed (an option).
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317), as used by Shorten et al.
//! 2007 (J Muscle Res Cell Motil 28:293). CellML components
//! `sarco_Cl_channel` and `t_Cl_channel`.
//!
//! ## Equations
//! ```text
//! a     = 1 / (1 + exp((V − V_a)/A_a))
//! I_Cl  = ḡ_Cl a⁴ · J_Cl / 45 mM                           (T-tubule: × η_Cl)
//! Cl_i  = 156.5 / (5 + exp(−E_K F/RT)),   Cl_o = 156.5 − 5 Cl_i      [mM]
//! ```
//! J_Cl is the GHK-shaped term with z = −1. Cl⁻ is not a state: the CellML
//! assumes it is in Donnan equilibrium with K⁺ (Cl_i/Cl_o = K_o/K_i, i.e.
//! exp(−E_K F/RT) = K_i/K_o) and conserved as Cl_o + 5 Cl_i = 156.5 mM,
//! 5 being the intracellular/extracellular volume ratio of that balance.
//! E_K is taken against K_e on the sarcolemma and K_t in the T-tubule.
//!
//! ## Fixed chloride (an option, not the published model)
//! With the Donnan assumption E_Cl = E_K at every K_o, so the large g_Cl
//! clamps the fibre to E_K and no low-K⁺ second rest state can appear
//! (Jurkat-Rott et al. 2009; SCIENCE.md §2.3). In a fibre Cl⁻ redistributes
//! only slowly after K_o changes, and the models that keep Cl⁻ as its own
//! ion fix it: [`ChlorideDistribution::Fixed`] uses constant
//! `Cl_i = fixed_chloride_in_mm` and `Cl_o = fixed_chloride_out_mm` (the
//! scenario's `ions.cl_o_mm` when given) on both membranes, so that
//! `E_Cl = (RT/F) ln(Cl_i/Cl_o)` no longer follows E_K. Defaults: Senneff &
//! Lowery 2021 (J Theor Biol 519:110656, `Run_Fast_Twitch_Model.m`,
//! SCIENCE.md §2.2): Cl_i 5.83, Cl_o 128 mM, E_Cl = −78.0 mV at 293 K
//! (−72.5 mV with the normal human plasma Cl_o of 103 mM).
//! **Fixed Cl⁻ is not a steady state**: at the fibre's rest (−86 to −88 mV
//! at 37 °C) E_Cl is −82.6 mV, so a standing inward-Cl⁻ (outward) current
//! flows that no Cl⁻ balance pays for, matched by a K⁺ efflux that drains
//! the fibre (../shared/SCIENCE-EXCITABILITY.md §0.3). It stays for the
//! comparison with the published model.
//!
//! ## Dynamic chloride (an option)
//! [`ChlorideDistribution::Dynamic`] makes myoplasmic Cl⁻ a state, moved by
//! the ClC-1 current and by NKCC1 ([`crate::physiology::nkcc1`]), as the
//! Cannon-lab fibre does after Gallaher, Bier & Siegenbeek van Heukelom 2009
//! (Biophys Chem 143:18); Cl_o stays at `fixed_chloride_out_mm` (the
//! extracellular Cl⁻ pool is taken as large). At rest Cl⁻ is then passively
//! distributed, held slightly above equilibrium by NKCC1, as measured (rat
//! EDL Cl_i 4.6 mM, McCaig & Leader 1984; NKCC in rat lumbrical, Betz et al.
//! 1984; ../shared/SCIENCE-EXCITABILITY.md §0.3).
//!
//! ## Parameters
//! Defaults are the CellML constants and the literals of its equations;
//! the two fixed concentrations are Senneff & Lowery's.

use serde::{Deserialize, Serialize};

use crate::parameters;
use crate::physiology::rates::sigmoid;

/// How Cl⁻ is distributed across the membrane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChlorideDistribution {
    /// The published model: Cl⁻ in Donnan equilibrium with K⁺, E_Cl = E_K
    /// ([`chloride_in_mm`], [`chloride_out_mm`]).
    #[default]
    WithPotassium,
    /// Cl_i and Cl_o held at `fixed_chloride_in_mm` and
    /// `fixed_chloride_out_mm` whatever K⁺ does.
    Fixed,
    /// Cl_i a state of the fibre (moved by ClC-1 and NKCC1), Cl_o held at
    /// `fixed_chloride_out_mm`.
    Dynamic,
}

parameters! {
    /// Constants of the Wallinga/Shorten ClC-1 channel and the Cl⁻ balance.
    pub struct ChlorideChannelParams {
        /// Maximal conductance ḡ_Cl (CellML `g_Cl_bar`).
        g_cl_max_ms_per_cm2: f64 = 19.65, "mS/cm²", 0.0..=10000.0, "Shorten et al. 2007 CellML, wal_environment g_Cl_bar";
        /// Half-activation voltage V_a of the gate a (CellML `V_a`).
        v_a_mv: f64 = 70.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_a";
        /// Slope A_a of the gate a (CellML `A_a`).
        a_a_mv: f64 = 150.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment A_a";
        /// Concentration that turns J_Cl (mV·mM) into a voltage (CellML literal `J_Cl/45`).
        driving_term_scale_mm: f64 = 45.0, "mM", 0.001..=10000.0, "Shorten et al. 2007 CellML, sarco_Cl_channel I_Cl";
        /// T-tubule/sarcolemma channel density ratio η_Cl (CellML `eta_Cl`).
        tubule_density_ratio: f64 = 0.1, "1", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment eta_Cl";
        /// Conserved Cl⁻ amount Cl_o + r Cl_i (CellML literal 156.5 in `Cl_i`, `Cl_o`).
        chloride_total_mm: f64 = 156.5, "mM", 0.0..=10000.0, "Shorten et al. 2007 CellML, sarco_Cl_channel Cl_i, Cl_o";
        /// Intracellular/extracellular volume ratio r of the Cl⁻ balance (CellML literal 5 in `Cl_i`, `Cl_o`).
        volume_ratio_in_to_out: f64 = 5.0, "1", 0.0..=1000.0, "Shorten et al. 2007 CellML, sarco_Cl_channel Cl_i, Cl_o";
        /// Myoplasmic Cl⁻ Cl_i with `chloride_distribution = "fixed"` (unused otherwise).
        fixed_chloride_in_mm: f64 = 5.83, "mM", 0.1..=300.0, "Senneff & Lowery 2021, J Theor Biol 519:110656, Run_Fast_Twitch_Model.m Cl_i (SCIENCE.md §2.2)";
        /// Extracellular (interstitial and T-tubule) Cl⁻ Cl_o with `chloride_distribution = "fixed"`, unless `ions.cl_o_mm` gives it (unused otherwise).
        fixed_chloride_out_mm: f64 = 128.0, "mM", 1.0..=300.0, "Senneff & Lowery 2021, J Theor Biol 519:110656, Run_Fast_Twitch_Model.m Cl_o (SCIENCE.md §2.2)";
        /// Scale of the NKCC1 rate J0 on the sarcolemma with `chloride_distribution = "dynamic"` (unused otherwise).
        nkcc_scale: f64 = 0.35, "1", 0.0..=100.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C111 Scale_NKCC (src/model/cannon_fibre/config.rs)";
        /// T-tubule/sarcolemma NKCC1 density ratio with `chloride_distribution = "dynamic"` (unused otherwise).
        nkcc_tubule_density_ratio: f64 = 1.0, "1", 0.0..=100.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C123 Eta_NKCC (src/model/cannon_fibre/config.rs)";
    }
}

/// Activation gate a = 1/(1 + exp((V − V_a)/A_a)) (CellML `a`), instantaneous.
#[inline]
pub fn a_inf(p: &ChlorideChannelParams, v_mv: f64) -> f64 {
    sigmoid(1.0, p.v_a_mv - v_mv, p.a_a_mv)
}

/// Intracellular Cl⁻ (mM), CellML `Cl_i = 156.5/(5 + exp(−FF E_K/(RR TT)))`.
#[inline]
pub fn chloride_in_mm(p: &ChlorideChannelParams, e_k_mv: f64, f_over_rt_per_mv: f64) -> f64 {
    p.chloride_total_mm / (p.volume_ratio_in_to_out + (-e_k_mv * f_over_rt_per_mv).exp())
}

/// Extracellular Cl⁻ (mM), CellML `Cl_o = 156.5 − 5 Cl_i`.
#[inline]
pub fn chloride_out_mm(p: &ChlorideChannelParams, chloride_in_mm: f64) -> f64 {
    p.chloride_total_mm - p.volume_ratio_in_to_out * chloride_in_mm
}

/// Intracellular and extracellular Cl⁻ (mM) under `distribution`, for a
/// membrane whose K⁺ Nernst potential is `e_k_mv`; `state_in_mm` is the
/// myoplasmic Cl⁻ state, used only by [`ChlorideDistribution::Dynamic`].
#[inline]
pub fn chloride_mm(
    p: &ChlorideChannelParams,
    distribution: ChlorideDistribution,
    e_k_mv: f64,
    f_over_rt_per_mv: f64,
    state_in_mm: f64,
) -> (f64, f64) {
    match distribution {
        ChlorideDistribution::WithPotassium => {
            let inside = chloride_in_mm(p, e_k_mv, f_over_rt_per_mv);
            (inside, chloride_out_mm(p, inside))
        }
        ChlorideDistribution::Fixed => (p.fixed_chloride_in_mm, p.fixed_chloride_out_mm),
        ChlorideDistribution::Dynamic => (state_in_mm, p.fixed_chloride_out_mm),
    }
}

/// Cl⁻ current (µA/cm², outward positive, i.e. Cl⁻ flowing in) per unit
/// area, before any T-tubule density ratio: CellML `I_Cl = g_Cl_bar a⁴ · J_Cl/45`.
#[inline]
pub fn current_ua_per_cm2(p: &ChlorideChannelParams, v_mv: f64, j_cl_mv_mm: f64) -> f64 {
    let a = a_inf(p, v_mv);
    let a2 = a * a;
    p.g_cl_max_ms_per_cm2 * a2 * a2 * (j_cl_mv_mm / p.driving_term_scale_mm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physiology::ghk::{ThermodynamicParams, ghk_driving_term_mv_mm, nernst_mv};

    fn p() -> ChlorideChannelParams {
        ChlorideChannelParams::default()
    }

    fn frt() -> f64 {
        ThermodynamicParams::default().f_over_rt_per_mv()
    }

    /// Hand-computed (Python, double precision, the CellML expressions) at
    /// the CellML initial state: vS = −79.974 mV, K_e = 5.9, K_i = 150.9 mM.
    #[test]
    fn current_at_the_published_initial_state() {
        let e_k = nernst_mv(5.9, 150.9, 1.0, frt());
        let cl_i = chloride_in_mm(&p(), e_k, frt());
        let cl_o = chloride_out_mm(&p(), cl_i);
        assert!((cl_i - 5.118_348_115_299_332).abs() < 1e-13);
        assert!((cl_o - 130.908_259_423_503_35).abs() < 1e-12);
        assert!((a_inf(&p(), -79.974) - 0.731_024_497_863_388_4).abs() < 1e-14);
        let j = ghk_driving_term_mv_mm(-79.974, cl_i, cl_o, -1.0, frt());
        assert!((current_ua_per_cm2(&p(), -79.974, j) - 4.105_417_248_932_073).abs() < 1e-12);
    }

    #[test]
    fn chloride_sits_at_the_potassium_nernst_potential() {
        // Donnan assumption: E_Cl = E_K, so J_Cl vanishes at V = E_K.
        for (k_o, k_i) in [(5.9, 150.9), (2.0, 140.0), (12.0, 150.0)] {
            let e_k = nernst_mv(k_o, k_i, 1.0, frt());
            let cl_i = chloride_in_mm(&p(), e_k, frt());
            let cl_o = chloride_out_mm(&p(), cl_i);
            let e_cl = nernst_mv(cl_o, cl_i, -1.0, frt());
            assert!((e_cl - e_k).abs() < 1e-10, "E_Cl = {e_cl}, E_K = {e_k}");
            assert!((cl_o + 5.0 * cl_i - 156.5).abs() < 1e-12);
        }
    }

    #[test]
    fn fixed_chloride_stays_put_while_potassium_moves() {
        // By hand: E_Cl = −(RT/F) ln(128/5.83) = −25.248714 mV × 3.089016 = −77.994 mV at 293 K.
        let mut e_cl = Vec::new();
        for k_o in [1.0, 4.0, 12.0] {
            let e_k = nernst_mv(k_o, 150.0, 1.0, frt());
            let (cl_i, cl_o) = chloride_mm(&p(), ChlorideDistribution::Fixed, e_k, frt(), 1.0);
            assert_eq!((cl_i, cl_o), (5.83, 128.0));
            e_cl.push(nernst_mv(cl_o, cl_i, -1.0, frt()));
        }
        assert!((e_cl[0] + 77.994).abs() < 1e-3, "{e_cl:?}");
        assert!(e_cl.iter().all(|&e| e == e_cl[0]));
        let e_k = nernst_mv(5.9, 150.9, 1.0, frt());
        let inside = chloride_in_mm(&p(), e_k, frt());
        assert_eq!(
            chloride_mm(&p(), ChlorideDistribution::WithPotassium, e_k, frt(), 1.0),
            (inside, chloride_out_mm(&p(), inside))
        );
    }

    #[test]
    fn dynamic_chloride_takes_the_inside_from_the_state() {
        let e_k = nernst_mv(4.5, 150.0, 1.0, frt());
        assert_eq!(
            chloride_mm(&p(), ChlorideDistribution::Dynamic, e_k, frt(), 4.6),
            (4.6, 128.0)
        );
    }

    #[test]
    fn gate_is_nearly_voltage_independent_and_half_open_at_v_a() {
        assert!((a_inf(&p(), 70.0) - 0.5).abs() < 1e-15);
        assert!(a_inf(&p(), -100.0) > a_inf(&p(), 0.0));
    }
}
