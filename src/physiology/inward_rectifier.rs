//! Inward-rectifier K⁺ channel (Kir2.1) of the rat muscle fibre, with its
//! dependence on external K⁺.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317), after the Standen & Stanfield
//! 1978 block model, as used by Shorten et al. 2007 (J Muscle Res Cell Motil
//! 28:293). CellML components `sarco_IR_channel` and `t_IR_channel`.
//!
//! ## Equations
//! ```text
//! K_R   = K_o exp(−δ E_K F/RT)                                     [mM]
//! ḡ_IR  = G_K · K_R² / (K_K + K_R²)                                 [mS/cm²]
//! y     = 1 − [1 + K_S (1 + K_R²/K_K) / (S_i² exp(2(1 − δ) V F/RT))]⁻¹
//! I_IR  = ḡ_IR · y · J_K / 50 mM                                   (T-tubule: × η_IR)
//! ```
//! K_o is K_e on the sarcolemma and K_t in the T-tubule; E_K is the Nernst
//! potential against it. The K_R²/(K_K + K_R²) factor makes the conductance
//! fall roughly with K_o² at low K_o, which is what gives the low-K⁺
//! bistability of Jurkat-Rott et al. 2009 (SCIENCE.md §2.3).
//!
//! **Quirk of the published model.** The CellML multiplies the *sarcolemmal*
//! I_IR by `(J_K > 0 ? 1 : 0)`, so no inward current flows through Kir on
//! the surface; the T-tubule current is not gated this way
//! ([`published_sarcolemmal_gate`]; SCIENCE.md §2.1, quirk 1).
//!
//! ## Parameters
//! Defaults are the CellML constants (`wal_environment`).

use crate::parameters;

parameters! {
    /// Constants of the Wallinga/Shorten inward rectifier.
    pub struct InwardRectifierParams {
        /// Maximal conductance G_K (CellML `G_K`).
        g_max_ms_per_cm2: f64 = 11.1, "mS/cm²", 0.0..=10000.0, "Shorten et al. 2007 CellML, wal_environment G_K";
        /// Electrical distance δ of the K⁺ binding site (CellML `del`).
        delta: f64 = 0.4, "1", 0.0..=1.0, "Shorten et al. 2007 CellML, wal_environment del";
        /// Dissociation constant K_K of K⁺ activation (CellML `K_K`).
        k_k_mm2: f64 = 950.0, "mM²", 0.0001..=1.0e6, "Shorten et al. 2007 CellML, wal_environment K_K";
        /// Dissociation constant K_S of the blocking particle (CellML `K_S`).
        k_s_mm2: f64 = 1.0, "mM²", 0.0..=1.0e6, "Shorten et al. 2007 CellML, wal_environment K_S";
        /// Concentration S_i of the intracellular blocking particle (CellML `S_i`).
        s_i_mm: f64 = 10.0, "mM", 0.0001..=1000.0, "Shorten et al. 2007 CellML, wal_environment S_i";
        /// Concentration that turns J_K (mV·mM) into a voltage (CellML literal `J_K/50`).
        driving_term_scale_mm: f64 = 50.0, "mM", 0.001..=10000.0, "Shorten et al. 2007 CellML, sarco_IR_channel I_IR";
        /// T-tubule/sarcolemma channel density ratio η_IR (CellML `eta_IR`).
        tubule_density_ratio: f64 = 1.0, "1", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment eta_IR";
    }
}

/// Effective K⁺ concentration K_R = K_o exp(−δ E_K F/RT) in mM (CellML `K_R`).
#[inline]
pub fn k_r_mm(p: &InwardRectifierParams, k_out_mm: f64, e_k_mv: f64, f_over_rt_per_mv: f64) -> f64 {
    k_out_mm * (-p.delta * e_k_mv * f_over_rt_per_mv).exp()
}

/// K⁺-dependent maximal conductance ḡ_IR = G_K K_R²/(K_K + K_R²) in mS/cm²
/// (CellML `g_IR_bar`).
#[inline]
pub fn max_conductance_ms_per_cm2(p: &InwardRectifierParams, k_r_mm: f64) -> f64 {
    let k_r2 = k_r_mm * k_r_mm;
    p.g_max_ms_per_cm2 * (k_r2 / (p.k_k_mm2 + k_r2))
}

/// Unblocked fraction y = 1 − [1 + K_S(1 + K_R²/K_K)/(S_i² e^{2(1−δ)VF/RT})]⁻¹
/// (CellML `y`).
#[inline]
pub fn open_fraction(
    p: &InwardRectifierParams,
    v_mv: f64,
    k_r_mm: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    let block = p.k_s_mm2 * (1.0 + k_r_mm * k_r_mm / p.k_k_mm2)
        / (p.s_i_mm * p.s_i_mm * (2.0 * (1.0 - p.delta) * v_mv * f_over_rt_per_mv).exp());
    1.0 - 1.0 / (1.0 + block)
}

/// Conductance g_IR = ḡ_IR · y in mS/cm² (CellML `g_IR`), for external K⁺
/// `k_out_mm` and its Nernst potential `e_k_mv`.
#[inline]
pub fn conductance_ms_per_cm2(
    p: &InwardRectifierParams,
    v_mv: f64,
    k_out_mm: f64,
    e_k_mv: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    let k_r = k_r_mm(p, k_out_mm, e_k_mv, f_over_rt_per_mv);
    max_conductance_ms_per_cm2(p, k_r) * open_fraction(p, v_mv, k_r, f_over_rt_per_mv)
}

/// Kir current (µA/cm², outward positive) per unit area, before any
/// T-tubule density ratio or the sarcolemmal gate: g_IR · J_K / 50.
#[inline]
pub fn current_ua_per_cm2(p: &InwardRectifierParams, g_ir_ms_per_cm2: f64, j_k_mv_mm: f64) -> f64 {
    g_ir_ms_per_cm2 * (j_k_mv_mm / p.driving_term_scale_mm)
}

/// The factor `(J_K > 0 ? 1 : 0)` that the published CellML puts on the
/// sarcolemmal I_IR only (CellML `sarco_IR_channel`): it removes every
/// inward Kir current on the surface membrane.
#[inline]
pub fn published_sarcolemmal_gate(j_k_mv_mm: f64) -> f64 {
    if j_k_mv_mm > 0.0 { 1.0 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physiology::ghk::{ThermodynamicParams, ghk_driving_term_mv_mm, nernst_mv};

    fn p() -> InwardRectifierParams {
        InwardRectifierParams::default()
    }

    fn frt() -> f64 {
        ThermodynamicParams::default().f_over_rt_per_mv()
    }

    fn current(v: f64, k_o: f64, k_i: f64) -> f64 {
        let e_k = nernst_mv(k_o, k_i, 1.0, frt());
        let g = conductance_ms_per_cm2(&p(), v, k_o, e_k, frt());
        current_ua_per_cm2(&p(), g, ghk_driving_term_mv_mm(v, k_i, k_o, 1.0, frt()))
    }

    /// Hand-computed (Python, double precision, the CellML expressions) at
    /// the CellML initial state: K_e = 5.9, K_i = 150.9 mM.
    #[test]
    fn conductance_terms_at_the_published_initial_state() {
        let e_k = nernst_mv(5.9, 150.9, 1.0, frt());
        let k_r = k_r_mm(&p(), 5.9, e_k, frt());
        assert!((k_r - 21.576_793_386_094_75).abs() < 1e-12);
        assert!((max_conductance_ms_per_cm2(&p(), k_r) - 3.650_640_874_868_521).abs() < 1e-12);
        assert!((open_fraction(&p(), -79.974, k_r, frt()) - 0.400_012_054_528_711_6).abs() < 1e-13);
        assert!((current(-79.974, 5.9, 150.9) - 1.108_342_317_875_538).abs() < 1e-12);
        assert!((current(-90.0, 5.9, 150.9) + 5.700_391_925_703_046).abs() < 1e-12);
    }

    #[test]
    fn conductance_falls_with_external_potassium() {
        // At K_o = 2 mM (E_K = −109.2 mV): ḡ_IR = 1.30993 mS/cm², a third of its value at 5.9 mM.
        let e_k = nernst_mv(2.0, 150.9, 1.0, frt());
        let k_r = k_r_mm(&p(), 2.0, e_k, frt());
        assert!((max_conductance_ms_per_cm2(&p(), k_r) - 1.309_933_963_635_078_6).abs() < 1e-12);
        let mut previous = 0.0;
        for k_o in [1.0, 2.0, 4.0, 5.9, 10.0] {
            let e_k = nernst_mv(k_o, 150.9, 1.0, frt());
            let g = max_conductance_ms_per_cm2(&p(), k_r_mm(&p(), k_o, e_k, frt()));
            assert!(g > previous);
            previous = g;
        }
    }

    #[test]
    fn rectifies_inward_more_than_outward() {
        // The unblocked fraction rises with hyperpolarization.
        let k_r = 21.6;
        assert!(open_fraction(&p(), -120.0, k_r, frt()) > open_fraction(&p(), -60.0, k_r, frt()));
        assert!(open_fraction(&p(), -60.0, k_r, frt()) > open_fraction(&p(), 0.0, k_r, frt()));
        for v in [-150.0, -80.0, 0.0, 50.0] {
            assert!((0.0..=1.0).contains(&open_fraction(&p(), v, k_r, frt())));
        }
    }

    #[test]
    fn published_sarcolemmal_gate_passes_only_outward_current() {
        assert_eq!(published_sarcolemmal_gate(2.0), 1.0);
        assert_eq!(published_sarcolemmal_gate(-2.0), 0.0);
        assert_eq!(published_sarcolemmal_gate(0.0), 0.0);
    }
}
