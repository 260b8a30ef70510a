//! Delayed-rectifier K⁺ channel (Kv) of the rat muscle fibre: activation n⁴
//! and slow inactivation h_K.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317), as used by Shorten et al.
//! 2007 (J Muscle Res Cell Motil 28:293). CellML components
//! `sarco_DR_channel` (sarcolemma) and `t_DR_channel` (T-tubule).
//!
//! ## Equations (V in mV, rates in ms⁻¹)
//! ```text
//! I_DR   = ḡ_K n⁴ h_K · J_K / 50 mM                       (T-tubule: × η_DR)
//! α_n    = ᾱ_n (V − V_n) / (1 − exp(−(V − V_n)/K_αn))     β_n = β̄_n exp(−(V − V_n)/K_βn)
//! h_K,∞  = 1 / (1 + exp((V − V_hK)/A_hK))
//! τ_hK   = s · exp(−(V + 40)/25.75)  ms
//! dn/dt  = α_n (1 − n) − β_n n,   dh_K/dt = (h_K,∞ − h_K)/τ_hK
//! ```
//! The scale s of τ_hK is **1000 ms on the sarcolemma but 1 ms in the
//! T-tubule** in the CellML (`tau_h_K = 1000 exp(…)`, `tau_h_K_t = 1 exp(…)`).
//! Both values are kept as separate parameters so the published model is
//! reproduced; the T-tubule value looks like a transcription slip (slow K
//! inactivation has τ of seconds, DiFranco 2012), and
//! [`crate::model::muscle_fibre::Variant::Corrected`] uses the sarcolemmal
//! scale in both membranes. See SCIENCE.md §2.1, quirk 2.
//!
//! ## Parameters
//! Defaults are the CellML constants; the τ_hK shape and the 50 mM
//! normalization are literals of the CellML equations, kept as named fields.

use crate::parameters;
use crate::physiology::rates::{exponential, linoid, sigmoid};

parameters! {
    /// Constants of the Wallinga/Shorten delayed rectifier.
    pub struct DelayedRectifierParams {
        /// Maximal conductance ḡ_K (CellML `g_K_bar`).
        g_k_max_ms_per_cm2: f64 = 64.8, "mS/cm²", 0.0..=10000.0, "Shorten et al. 2007 CellML, wal_environment g_K_bar";
        /// Rate coefficient ᾱ_n of activation (CellML `alpha_n_bar`).
        alpha_n_max_per_ms_per_mv: f64 = 0.0131, "ms⁻¹·mV⁻¹", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment alpha_n_bar";
        /// Rate coefficient β̄_n of deactivation (CellML `beta_n_bar`).
        beta_n_max_per_ms: f64 = 0.067, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment beta_n_bar";
        /// Reference voltage V_n of the n rates (CellML `V_n`).
        v_n_mv: f64 = -40.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_n";
        /// Slope K_αn of α_n (CellML `K_alpha_n`).
        k_alpha_n_mv: f64 = 7.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_alpha_n";
        /// Slope K_βn of β_n (CellML `K_beta_n`).
        k_beta_n_mv: f64 = 40.0, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment K_beta_n";
        /// Half-inactivation voltage V_hK (CellML `V_h_K_inf`).
        v_h_k_inf_mv: f64 = -40.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, wal_environment V_h_K_inf";
        /// Slope A_hK of inactivation (CellML `A_h_K_inf`).
        a_h_k_inf_mv: f64 = 7.5, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, wal_environment A_h_K_inf";
        /// Scale of τ_hK on the sarcolemma (CellML literal 1000 in `tau_h_K`).
        tau_h_k_surface_scale_ms: f64 = 1000.0, "ms", 0.000001..=1.0e7, "Shorten et al. 2007 CellML, sarco_DR_channel tau_h_K";
        /// Scale of τ_hK in the T-tubule (CellML literal 1 in `tau_h_K_t`; 1000× smaller than the sarcolemma).
        tau_h_k_tubule_scale_ms: f64 = 1.0, "ms", 0.000001..=1.0e7, "Shorten et al. 2007 CellML, t_DR_channel tau_h_K_t";
        /// Voltage at which τ_hK equals its scale (CellML literal 40 in `exp(−(V + 40)/25.75)`).
        tau_h_k_v_ref_mv: f64 = -40.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, sarco_DR_channel tau_h_K";
        /// e-fold voltage of τ_hK (CellML literal 25.75 in `tau_h_K`).
        tau_h_k_slope_mv: f64 = 25.75, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, sarco_DR_channel tau_h_K";
        /// Concentration that turns J_K (mV·mM) into a voltage (CellML literal `J_K/50`).
        driving_term_scale_mm: f64 = 50.0, "mM", 0.001..=10000.0, "Shorten et al. 2007 CellML, sarco_DR_channel I_DR";
        /// T-tubule/sarcolemma channel density ratio η_DR (CellML `eta_DR`).
        tubule_density_ratio: f64 = 0.45, "1", 0.0..=100.0, "Shorten et al. 2007 CellML, wal_environment eta_DR";
    }
}

/// α_n (ms⁻¹), CellML `alpha_n = alpha_n_bar (V − V_n)/(1 − exp(−(V − V_n)/K_alpha_n))`.
#[inline]
pub fn alpha_n(p: &DelayedRectifierParams, v_mv: f64) -> f64 {
    p.alpha_n_max_per_ms_per_mv * linoid(v_mv - p.v_n_mv, p.k_alpha_n_mv)
}

/// β_n (ms⁻¹), CellML `beta_n = beta_n_bar exp(−(V − V_n)/K_beta_n)`.
#[inline]
pub fn beta_n(p: &DelayedRectifierParams, v_mv: f64) -> f64 {
    p.beta_n_max_per_ms * exponential(v_mv - p.v_n_mv, p.k_beta_n_mv)
}

/// Steady state h_K,∞, CellML `h_K_inf = 1/(1 + exp((V − V_h_K_inf)/A_h_K_inf))`.
#[inline]
pub fn h_k_inf(p: &DelayedRectifierParams, v_mv: f64) -> f64 {
    sigmoid(1.0, p.v_h_k_inf_mv - v_mv, p.a_h_k_inf_mv)
}

/// Time constant τ_hK (ms) = `scale_ms` · exp(−(V + 40)/25.75), CellML
/// `tau_h_K` (scale 1000 ms) and `tau_h_K_t` (scale 1 ms).
#[inline]
pub fn tau_h_k_ms(p: &DelayedRectifierParams, v_mv: f64, scale_ms: f64) -> f64 {
    scale_ms * exponential(v_mv - p.tau_h_k_v_ref_mv, p.tau_h_k_slope_mv)
}

/// K⁺ current (µA/cm², outward positive) per unit area of the membrane it
/// sits in, before any T-tubule density ratio: CellML
/// `I_DR = g_K_bar n⁴ h_K · J_K/50`.
#[inline]
pub fn current_ua_per_cm2(p: &DelayedRectifierParams, n: f64, h_k: f64, j_k_mv_mm: f64) -> f64 {
    let n2 = n * n;
    p.g_k_max_ms_per_cm2 * n2 * n2 * h_k * (j_k_mv_mm / p.driving_term_scale_mm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> DelayedRectifierParams {
        DelayedRectifierParams::default()
    }

    /// Hand-computed (Python, double precision, the CellML expressions).
    #[test]
    fn rates_match_hand_computed_values() {
        let cases = [
            (alpha_n(&p(), -79.974), 0.001_739_480_172_748_404_8),
            (beta_n(&p(), -79.974), 0.182_006_539_798_673_46),
            (h_k_inf(&p(), -79.974), 0.995_178_642_177_741_1),
            (tau_h_k_ms(&p(), -79.974, 1000.0), 4_722.736_268_434_192),
            (alpha_n(&p(), 0.0), 0.525_734_137_077_242_9),
            (beta_n(&p(), 0.0), 0.024_647_922_558_486_638),
            (h_k_inf(&p(), 0.0), 0.004_804_752_887_159_518),
            (tau_h_k_ms(&p(), 0.0, 1000.0), 211.527_966_853_353_6),
        ];
        for (ours, expected) in cases {
            assert!(
                (ours - expected).abs() < 1e-13 * expected,
                "{ours} vs {expected}"
            );
        }
    }

    #[test]
    fn published_tubule_inactivation_is_a_thousand_times_faster() {
        for v in [-90.0, -40.0, 20.0] {
            let surface = tau_h_k_ms(&p(), v, p().tau_h_k_surface_scale_ms);
            let tubule = tau_h_k_ms(&p(), v, p().tau_h_k_tubule_scale_ms);
            assert!((surface / tubule - 1000.0).abs() < 1e-9);
        }
        // At V = −40 mV τ_hK equals its scale.
        assert_eq!(tau_h_k_ms(&p(), -40.0, 1000.0), 1000.0);
    }

    #[test]
    fn activation_rate_is_continuous_at_its_singular_voltage() {
        // Limit at V = V_n: ᾱ_n K_αn = 0.0131 · 7 = 0.0917 ms⁻¹.
        assert!((alpha_n(&p(), -40.0) - 0.0917).abs() < 1e-15);
        let dv = 1e-6;
        let step = alpha_n(&p(), -40.0 + dv) - alpha_n(&p(), -40.0 - dv);
        assert!((step - 0.0131 * dv).abs() < 1e-13);
    }

    #[test]
    fn current_is_n_to_the_fourth() {
        // 64.8 · 0.5⁴ · 1 · 50/50 = 4.05 µA/cm².
        assert!((current_ua_per_cm2(&p(), 0.5, 1.0, 50.0) - 4.05).abs() < 1e-14);
        assert_eq!(current_ua_per_cm2(&p(), 0.5, 1.0, 0.0), 0.0);
    }
}
