//! Delayed-rectifier K⁺ current of the Booth, Rinzel & Kiehn 1997
//! motoneuron soma (source as in [`crate::physiology::motoneuron_sodium`]).
//!
//! ```text
//! I_Kdr = ḡ_Kdr n⁴ (V − E_K)
//! dn/dt = (n∞(V) − n)/τ_n(V),   n∞ = 1/(1 + exp((V − θ_n)/κ_n))
//! τ_n   = τ̄_n / (exp((V − V_τ)/a) + exp(−(V − V_τ)/b))   = 7/(e^{(V+40)/40} + e^{−(V+40)/50}) ms
//! ```

use crate::parameters;
use crate::physiology::boltzmann::boltzmann;

parameters! {
    /// Gating constants of the BRK delayed rectifier (`[parameters.motoneuron.potassium]`).
    pub struct MotoneuronPotassiumParams {
        /// Half-activation θ_n.
        theta_n_mv: f64 = -28.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m Vhn = −28)";
        /// Signed slope κ_n (negative: activation).
        kappa_n_mv: f64 = -15.0, "mV", -50.0..=-0.1, "Booth et al. 1997 Table 1 (create_brk.m Sn = −15)";
        /// Scale τ̄_n of τ_n.
        tau_n_max_ms: f64 = 7.0, "ms", 0.01..=1000.0, "Booth et al. 1997 Methods (create_brk.m Taun = 7/(…))";
        /// Centre V_τ of τ_n.
        tau_n_centre_mv: f64 = -40.0, "mV", -100.0..=50.0, "Booth et al. 1997 Methods (create_brk.m exp((Vs+40)/40))";
        /// Rising e-fold a of τ_n's denominator.
        tau_n_rise_mv: f64 = 40.0, "mV", 0.1..=200.0, "Booth et al. 1997 Methods (create_brk.m exp((Vs+40)/40))";
        /// Falling e-fold b of τ_n's denominator.
        tau_n_fall_mv: f64 = 50.0, "mV", 0.1..=200.0, "Booth et al. 1997 Methods (create_brk.m exp(−(Vs+40)/50))";
    }
}

/// n∞(V).
#[inline]
pub fn n_inf(p: &MotoneuronPotassiumParams, v_mv: f64) -> f64 {
    boltzmann(v_mv, p.theta_n_mv, p.kappa_n_mv)
}

/// τ_n(V) in ms.
#[inline]
pub fn tau_n_ms(p: &MotoneuronPotassiumParams, v_mv: f64) -> f64 {
    let x = v_mv - p.tau_n_centre_mv;
    p.tau_n_max_ms / ((x / p.tau_n_rise_mv).exp() + (-x / p.tau_n_fall_mv).exp())
}

/// I_Kdr (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(g_ms_per_cm2: f64, v_mv: f64, n: f64, e_k_mv: f64) -> f64 {
    g_ms_per_cm2 * n * n * n * n * (v_mv - e_k_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_n_and_n_inf_match_the_formulas_by_hand() {
        let p = MotoneuronPotassiumParams::default();
        // τ_n(−40) = 7/2 = 3.5 ms; n∞(−28) = 0.5; I_Kdr(n = 0.5, V = 0) = 100/16 · 80 = 500 µA/cm².
        assert!((tau_n_ms(&p, -40.0) - 3.5).abs() < 1e-12);
        assert_eq!(n_inf(&p, -28.0), 0.5);
        assert!((current(100.0, 0.0, 0.5, -80.0) - 500.0).abs() < 1e-9);
    }
}
