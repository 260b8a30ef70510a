//! Voltage-gated Na⁺ channel (NaV1.4) of the rat muscle fibre, with fast
//! activation m, fast inactivation h and slow inactivation S.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317), as used by Shorten et al.
//! 2007 (J Muscle Res Cell Motil 28:293). CellML components
//! `sarco_Na_channel` (sarcolemma) and `t_Na_channel` (T-tubule) of
//! `shorten_ocallaghan_davidson_soboleva_2007.cellml`.
//!
//! ## Equations (V in mV, rates in ms⁻¹)
//! ```text
//! I_Na  = ḡ_Na m³ h S · J_Na / 75 mM                       (T-tubule: × η_Na)
//! α_m   = ᾱ_m (V − V_m) / (1 − exp(−(V − V_m)/K_αm))     β_m = β̄_m exp(−(V − V_m)/K_βm)
//! α_h   = ᾱ_h exp(−(V − V_h)/K_αh)                        β_h = β̄_h / (1 + exp(−(V − V_h)/K_βh))
//! S_∞   = 1 / (1 + exp((V − V_S)/A_S))
//! τ_S   = 8571 / (0.2 + 5.65 ((V + V_τ)/100)²)  ms
//! dm/dt = α_m (1 − m) − β_m m,  dh/dt likewise,  dS/dt = (S_∞ − S)/τ_S
//! ```
//! J_Na is the GHK-shaped driving term of [`crate::physiology::ghk`]. α_m is
//! 0/0 at V = V_m and goes through [`linoid`].
//!
//! ## Parameters
//! All defaults are the CellML constants (`wal_environment`); the τ_S
//! coefficients and the 75 mM normalization are literals of the CellML
//! equations, kept here as named fields.
//!
//! ## Validity
//! Rat fibre at 20 °C (T = 293 K in the CellML).

use crate::parameters;
use crate::physiology::rates::{exponential, linoid, sigmoid};

/// Voltage scale of the τ_S parabola, (V + V_τ)/100 mV (CellML literal).
const TAU_S_VOLTAGE_SCALE_MV: f64 = 100.0;

parameters! {
    /// Constants of the Wallinga/Shorten Na⁺ channel.
    pub struct SodiumChannelParams {
        /// Maximal conductance ḡ_Na (CellML `g_Na_bar`).
        g_na_max_ms_per_cm2: f64 = 804.0, "mS/cm²", 0.0..=10000.0, "Shorten et al. 2007 CellML, wal_environment g_Na_bar";
        /// Rate coefficient ᾱ_m of activation (CellML `alpha_m_bar`).
        alpha_m_max_per_ms_per_mv: f64 = 0.288, "ms⁻¹·mV⁻¹", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment alpha_m_bar";
        /// Rate coefficient β̄_m of deactivation (CellML `beta_m_bar`).
        beta_m_max_per_ms: f64 = 1.38, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment beta_m_bar";
        /// Rate coefficient ᾱ_h of recovery from inactivation (CellML `alpha_h_bar`).
        alpha_h_max_per_ms: f64 = 0.0081, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment alpha_h_bar";
        /// Rate coefficient β̄_h of inactivation (CellML `beta_h_bar`).
        beta_h_max_per_ms: f64 = 4.38, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment beta_h_bar";
        /// Reference voltage V_m of the m rates (CellML `V_m`).
        v_m_mv: f64 = -46.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_m";
        /// Reference voltage V_h of the h rates (CellML `V_h`).
        v_h_mv: f64 = -45.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_h";
        /// Slope K_αm of α_m (CellML `K_alpha_m`).
        k_alpha_m_mv: f64 = 10.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_alpha_m";
        /// Slope K_βm of β_m (CellML `K_beta_m`).
        k_beta_m_mv: f64 = 18.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_beta_m";
        /// Slope K_αh of α_h (CellML `K_alpha_h`).
        k_alpha_h_mv: f64 = 14.7, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_alpha_h";
        /// Slope K_βh of β_h (CellML `K_beta_h`).
        k_beta_h_mv: f64 = 9.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_beta_h";
        /// Half-inactivation voltage V_S of slow inactivation (CellML `V_S_inf`).
        v_s_inf_mv: f64 = -78.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_S_inf";
        /// Slope A_S of slow inactivation (CellML `A_S_inf`).
        a_s_inf_mv: f64 = 5.8, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment A_S_inf";
        /// Offset V_τ of the τ_S parabola, centred at V = −V_τ (CellML `V_tau`).
        v_tau_s_mv: f64 = 90.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_tau";
        /// Numerator of τ_S (CellML literal 8571 in `tau_S`).
        tau_s_numerator_ms: f64 = 8571.0, "ms", 0.001..=1.0e6, "Shorten et al. 2007 CellML, sarco_Na_channel tau_S";
        /// Constant term of the τ_S denominator (CellML literal 0.2 in `tau_S`).
        tau_s_floor: f64 = 0.2, "1", 0.0001..=1000.0, "Shorten et al. 2007 CellML, sarco_Na_channel tau_S";
        /// Quadratic coefficient of the τ_S denominator (CellML literal 5.65 in `tau_S`).
        tau_s_curvature: f64 = 5.65, "1", 0.0..=1000.0, "Shorten et al. 2007 CellML, sarco_Na_channel tau_S";
        /// Concentration that turns J_Na (mV·mM) into a voltage (CellML literal `J_Na/75`).
        driving_term_scale_mm: f64 = 75.0, "mM", 0.001..=10000.0, "Shorten et al. 2007 CellML, sarco_Na_channel I_Na";
        /// T-tubule/sarcolemma channel density ratio η_Na (CellML `eta_Na`).
        tubule_density_ratio: f64 = 0.1, "1", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment eta_Na";
    }
}

/// α_m (ms⁻¹), CellML `alpha_m = alpha_m_bar (V − V_m)/(1 − exp(−(V − V_m)/K_alpha_m))`.
#[inline]
pub fn alpha_m(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    p.alpha_m_max_per_ms_per_mv * linoid(v_mv - p.v_m_mv, p.k_alpha_m_mv)
}

/// β_m (ms⁻¹), CellML `beta_m = beta_m_bar exp(−(V − V_m)/K_beta_m)`.
#[inline]
pub fn beta_m(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    p.beta_m_max_per_ms * exponential(v_mv - p.v_m_mv, p.k_beta_m_mv)
}

/// α_h (ms⁻¹), CellML `alpha_h = alpha_h_bar exp(−(V − V_h)/K_alpha_h)`.
#[inline]
pub fn alpha_h(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    p.alpha_h_max_per_ms * exponential(v_mv - p.v_h_mv, p.k_alpha_h_mv)
}

/// β_h (ms⁻¹), CellML `beta_h = beta_h_bar/(1 + exp(−(V − V_h)/K_beta_h))`.
#[inline]
pub fn beta_h(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    sigmoid(p.beta_h_max_per_ms, v_mv - p.v_h_mv, p.k_beta_h_mv)
}

/// Steady state S_∞ of slow inactivation, CellML `S_inf = 1/(1 + exp((V − V_S_inf)/A_S_inf))`.
#[inline]
pub fn s_inf(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    sigmoid(1.0, p.v_s_inf_mv - v_mv, p.a_s_inf_mv)
}

/// Time constant τ_S (ms) of slow inactivation, CellML
/// `tau_S = 8571/(0.2 + 5.65 ((V + V_tau)/100)²)`.
#[inline]
pub fn tau_s_ms(p: &SodiumChannelParams, v_mv: f64) -> f64 {
    let x = (v_mv + p.v_tau_s_mv) / TAU_S_VOLTAGE_SCALE_MV;
    p.tau_s_numerator_ms / (p.tau_s_floor + p.tau_s_curvature * x * x)
}

/// Na⁺ current (µA/cm², outward positive) per unit area of the membrane it
/// sits in, before any T-tubule density ratio: CellML
/// `I_Na = g_Na_bar m³ h S · J_Na/75`.
#[inline]
pub fn current_ua_per_cm2(p: &SodiumChannelParams, m: f64, h: f64, s: f64, j_na_mv_mm: f64) -> f64 {
    p.g_na_max_ms_per_cm2 * m * m * m * h * s * (j_na_mv_mm / p.driving_term_scale_mm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> SodiumChannelParams {
        SodiumChannelParams::default()
    }

    /// Hand-computed (Python, double precision, the CellML expressions) at
    /// the CellML initial vS = −79.974 mV.
    #[test]
    fn rates_at_the_published_initial_potential() {
        let v = -79.974;
        let cases = [
            (alpha_m(&p(), v), 0.338_725_064_701_771),
            (beta_m(&p(), v), 9.111_414_276_400_684),
            (alpha_h(&p(), v), 0.087_448_297_687_162_15),
            (beta_h(&p(), v), 0.088_101_059_368_867_65),
            (s_inf(&p(), v), 0.584_274_283_246_309_8),
            (tau_s_ms(&p(), v), 33_376.924_411_794_56),
        ];
        for (ours, expected) in cases {
            assert!(
                (ours - expected).abs() < 1e-13 * expected,
                "{ours} vs {expected}"
            );
        }
    }

    #[test]
    fn rates_at_zero_millivolts() {
        let cases = [
            (alpha_m(&p(), 0.0), 13.382_518_881_647_78),
            (beta_m(&p(), 0.0), 0.107_155_732_750_796_73),
            (alpha_h(&p(), 0.0), 3.793_255_665_045_986e-4),
            (beta_h(&p(), 0.0), 4.350_685_312_951_633),
            (s_inf(&p(), 0.0), 1.443_734_634_065_237e-6),
            (tau_s_ms(&p(), 0.0), 1_794.410_132_942_531),
        ];
        for (ours, expected) in cases {
            assert!(
                (ours - expected).abs() < 1e-13 * expected,
                "{ours} vs {expected}"
            );
        }
    }

    #[test]
    fn activation_rate_is_continuous_at_its_singular_voltage() {
        // Limit at V = V_m: ᾱ_m K_αm = 0.288 · 10 = 2.88 ms⁻¹; slope ᾱ_m/2.
        assert!((alpha_m(&p(), -46.0) - 2.88).abs() < 1e-14);
        let dv = 1e-6;
        let step = alpha_m(&p(), -46.0 + dv) - alpha_m(&p(), -46.0 - dv);
        assert!((step - 0.288 * dv).abs() < 1e-12);
    }

    #[test]
    fn slow_inactivation_is_a_proper_gate() {
        for v in [-150.0, -90.0, -78.0, -40.0, 0.0, 60.0] {
            let s = s_inf(&p(), v);
            assert!((0.0..=1.0).contains(&s));
            assert!(tau_s_ms(&p(), v) > 0.0);
        }
        // τ_S peaks at V = −V_τ = −90 mV: 8571/0.2 ms.
        assert!((tau_s_ms(&p(), -90.0) - 42_855.0).abs() < 1e-9);
        assert!((s_inf(&p(), -78.0) - 0.5).abs() < 1e-15);
    }

    #[test]
    fn current_vanishes_with_the_driving_term_and_scales_with_gates() {
        assert_eq!(current_ua_per_cm2(&p(), 0.5, 0.5, 0.5, 0.0), 0.0);
        // 804 · 1 · (−75/75) = −804 µA/cm² when all gates are open.
        assert!((current_ua_per_cm2(&p(), 1.0, 1.0, 1.0, -75.0) + 804.0).abs() < 1e-12);
    }
}
