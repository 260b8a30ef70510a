//! Na⁺/K⁺-ATPase of the rat muscle fibre: electrogenic, 3 Na⁺ out for 2 K⁺ in.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317), whose voltage dependence f(V)
//! is that of Luo & Rudy 1994 (Circ Res 74:1071), as used by Shorten et al.
//! 2007 (J Muscle Res Cell Motil 28:293). CellML components
//! `sarco_NaK_channel` and `t_NaK_channel`.
//!
//! ## Equations
//! ```text
//! Ī_NaK = F J̄_NaK / ((1 + K_mK/K_o)² (1 + K_mNa/Na_i)³)          [µA/cm²]
//! σ     = (e^{Na_o/67.3 mM} − 1) / 7
//! f(V)  = [1 + 0.12 e^{−0.1 V F/RT} + 0.04 σ e^{−V F/RT}]⁻¹
//! I_NaK = Ī_NaK f(V)                                     (T-tubule: × η_NaK)
//! ```
//! K_o and Na_o are K_e, Na_e on the sarcolemma and K_t, Na_t in the
//! T-tubule; Na_i is the myoplasmic Na⁺ for both. With J̄ in µmol/(cm²·s)
//! and F in C/mol, F·J̄ is in µA/cm² (59.92 µA/cm² with the defaults).
//!
//! ## Parameters
//! Defaults are the CellML constants. The constants of f(V) (0.12, 0.1,
//! 0.04, 67.3 mM, 1/7) are fixed literals of the Luo–Rudy form, kept as
//! named constants below.

use crate::parameters;

/// Coefficient of the first voltage term of f(V) (CellML literal 0.12 in `f1`).
const F_FIRST_TERM: f64 = 0.12;
/// Fraction of F/RT in the exponent of the first term (CellML literal 0.1 in `f1`).
const F_FIRST_EXPONENT: f64 = 0.1;
/// Coefficient of the σ term of f(V) (CellML literal 0.04 in `f1`).
const F_SIGMA_TERM: f64 = 0.04;
/// External Na⁺ scale of σ (CellML literal 67.3 mM in `sig`).
const SIGMA_NA_SCALE_MM: f64 = 67.3;
/// Divisor of σ (CellML literal 1/7 in `sig`).
const SIGMA_DIVISOR: f64 = 7.0;

parameters! {
    /// Constants of the Wallinga/Shorten Na⁺/K⁺ pump.
    pub struct SodiumPotassiumPumpParams {
        /// Maximal pump flux J̄_NaK (CellML `J_NaK_bar`).
        j_max_umol_per_cm2_per_s: f64 = 0.000621, "µmol/(cm²·s)", 0.0..=1.0, "Shorten et al. 2007 CellML, wal_environment J_NaK_bar";
        /// Half-activation K_mK by external K⁺ (CellML `K_m_K`).
        k_m_k_mm: f64 = 1.0, "mM", 0.0001..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_m_K";
        /// Half-activation K_mNa by internal Na⁺ (CellML `K_m_Na`).
        k_m_na_mm: f64 = 13.0, "mM", 0.0001..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_m_Na";
        /// T-tubule/sarcolemma pump density ratio η_NaK (CellML `eta_NaK`).
        tubule_density_ratio: f64 = 0.1, "1", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment eta_NaK";
    }
}

/// σ = (e^{Na_o/67.3} − 1)/7 (CellML `sig`).
#[inline]
pub fn sigma(na_out_mm: f64) -> f64 {
    (1.0 / SIGMA_DIVISOR) * ((na_out_mm / SIGMA_NA_SCALE_MM).exp() - 1.0)
}

/// Voltage dependence f(V) = [1 + 0.12 e^{−0.1VF/RT} + 0.04σ e^{−VF/RT}]⁻¹ (CellML `f1`).
#[inline]
pub fn voltage_factor(v_mv: f64, na_out_mm: f64, f_over_rt_per_mv: f64) -> f64 {
    let u = v_mv * f_over_rt_per_mv;
    1.0 / (1.0
        + F_FIRST_TERM * (-F_FIRST_EXPONENT * u).exp()
        + F_SIGMA_TERM * sigma(na_out_mm) * (-u).exp())
}

/// Saturating pump current Ī_NaK = F J̄/((1 + K_mK/K_o)²(1 + K_mNa/Na_i)³)
/// in µA/cm² (CellML `I_NaK_bar`).
#[inline]
pub fn max_current_ua_per_cm2(
    p: &SodiumPotassiumPumpParams,
    k_out_mm: f64,
    na_in_mm: f64,
    faraday_c_per_mol: f64,
) -> f64 {
    let k_term = 1.0 + p.k_m_k_mm / k_out_mm;
    let na_term = 1.0 + p.k_m_na_mm / na_in_mm;
    faraday_c_per_mol
        * (p.j_max_umol_per_cm2_per_s / (k_term * k_term * (na_term * na_term * na_term)))
}

/// Pump current I_NaK = Ī_NaK f(V) (µA/cm², outward positive) per unit area,
/// before any T-tubule density ratio (CellML `I_NaK`).
#[inline]
pub fn current_ua_per_cm2(
    p: &SodiumPotassiumPumpParams,
    v_mv: f64,
    k_out_mm: f64,
    na_in_mm: f64,
    na_out_mm: f64,
    faraday_c_per_mol: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    max_current_ua_per_cm2(p, k_out_mm, na_in_mm, faraday_c_per_mol)
        * voltage_factor(v_mv, na_out_mm, f_over_rt_per_mv)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physiology::ghk::ThermodynamicParams;

    fn p() -> SodiumPotassiumPumpParams {
        SodiumPotassiumPumpParams::default()
    }

    /// Hand-computed (Python, double precision, the CellML expressions) at
    /// the CellML initial state: vS = −79.974 mV, K_e = 5.9, Na_i = 12.7, Na_e = 133 mM.
    #[test]
    fn current_at_the_published_initial_state() {
        let t = ThermodynamicParams::default();
        assert!((sigma(133.0) - 0.887_922_762_441_082_1).abs() < 1e-15);
        let f = voltage_factor(-79.974, 133.0, t.f_over_rt_per_mv());
        assert!((f - 0.497_975_269_836_765_93).abs() < 1e-15);
        let i_max = max_current_ua_per_cm2(&p(), 5.9, 12.7, t.faraday_c_per_mol);
        assert!((i_max - 5.286_509_732_012_721).abs() < 1e-13);
        let i = current_ua_per_cm2(
            &p(),
            -79.974,
            5.9,
            12.7,
            133.0,
            t.faraday_c_per_mol,
            t.f_over_rt_per_mv(),
        );
        assert!((i - 2.632_551_110_293_724).abs() < 1e-13);
    }

    #[test]
    fn saturates_at_f_times_j_max() {
        let t = ThermodynamicParams::default();
        // 96485 · 0.000621 = 59.917185 µA/cm².
        let i_max = max_current_ua_per_cm2(&p(), 1.0e12, 1.0e12, t.faraday_c_per_mol);
        assert!((i_max - 59.917_185).abs() < 1e-6);
        // f(0) = 1/(1 + 0.12 + 0.04 σ) = 0.865414 at Na_o = 133 mM, rising towards 1 with depolarization.
        let f_0 = voltage_factor(0.0, 133.0, t.f_over_rt_per_mv());
        assert!((f_0 - 0.865_413_557_270_514_2).abs() < 1e-15);
        assert!(voltage_factor(40.0, 133.0, t.f_over_rt_per_mv()) > f_0);
        assert!(voltage_factor(-80.0, 133.0, t.f_over_rt_per_mv()) < f_0);
    }

    #[test]
    fn activated_by_external_potassium_and_internal_sodium() {
        let t = ThermodynamicParams::default();
        let base = max_current_ua_per_cm2(&p(), 4.0, 12.0, t.faraday_c_per_mol);
        assert!(max_current_ua_per_cm2(&p(), 8.0, 12.0, t.faraday_c_per_mol) > base);
        assert!(max_current_ua_per_cm2(&p(), 4.0, 24.0, t.faraday_c_per_mol) > base);
    }
}
