//! N-like Ca²⁺ current of the Booth, Rinzel & Kiehn 1997 motoneuron (soma
//! and dendrite; source as in [`crate::physiology::motoneuron_sodium`]). It
//! inactivates, and its Ca²⁺ feeds the pool that drives I_K(Ca), so it sets
//! the after-hyperpolarization of each spike.
//!
//! ```text
//! I_CaN  = ḡ_CaN m² h (V − E_Ca)
//! dm/dt  = (m∞(V) − m)/τ_m,   m∞ = 1/(1 + exp((V + 30)/−5)),   τ_m = 4 ms
//! dh/dt  = (h∞(V) − h)/τ_h,   h∞ = 1/(1 + exp((V + 45)/5)),    τ_h = 40 ms
//! ```

use crate::parameters;
use crate::physiology::boltzmann::boltzmann;

parameters! {
    /// Gating constants of the BRK N-like Ca²⁺ current (`[parameters.motoneuron.calcium_n_type]`).
    pub struct CalciumNTypeParams {
        /// Half-activation θ_m.
        theta_m_mv: f64 = -30.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m VhmN = −30)";
        /// Signed slope κ_m (negative: activation).
        kappa_m_mv: f64 = -5.0, "mV", -50.0..=-0.1, "Booth et al. 1997 Table 1 (create_brk.m SmN = −5)";
        /// Activation time constant τ_m.
        tau_m_ms: f64 = 4.0, "ms", 0.01..=1000.0, "Booth et al. 1997 Table 1 (create_brk.m TaumN = 4)";
        /// Half-inactivation θ_h.
        theta_h_mv: f64 = -45.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m VhhN = −45)";
        /// Signed slope κ_h (positive: inactivation).
        kappa_h_mv: f64 = 5.0, "mV", 0.1..=50.0, "Booth et al. 1997 Table 1 (create_brk.m ShN = 5)";
        /// Inactivation time constant τ_h.
        tau_h_ms: f64 = 40.0, "ms", 0.01..=10000.0, "Booth et al. 1997 Table 1 (create_brk.m TauhN = 40)";
    }
}

/// (dm/dt, dh/dt) at `v_mv` (ms⁻¹).
#[inline]
pub fn gate_rates(p: &CalciumNTypeParams, v_mv: f64, m: f64, h: f64) -> (f64, f64) {
    (
        (boltzmann(v_mv, p.theta_m_mv, p.kappa_m_mv) - m) / p.tau_m_ms,
        (boltzmann(v_mv, p.theta_h_mv, p.kappa_h_mv) - h) / p.tau_h_ms,
    )
}

/// (m∞, h∞) at `v_mv`.
#[inline]
pub fn steady_state(p: &CalciumNTypeParams, v_mv: f64) -> (f64, f64) {
    (
        boltzmann(v_mv, p.theta_m_mv, p.kappa_m_mv),
        boltzmann(v_mv, p.theta_h_mv, p.kappa_h_mv),
    )
}

/// I_CaN (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(g_ms_per_cm2: f64, v_mv: f64, m: f64, h: f64, e_ca_mv: f64) -> f64 {
    g_ms_per_cm2 * m * m * h * (v_mv - e_ca_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_relax_to_their_boltzmann_curves_at_their_time_constants() {
        let p = CalciumNTypeParams::default();
        // At −30 mV m∞ = 0.5, h∞ = 1/(1 + e³) = 0.047426.
        let (dm, dh) = gate_rates(&p, -30.0, 0.0, 1.0);
        assert!((dm - 0.5 / 4.0).abs() < 1e-12);
        assert!((dh - (0.047_426 - 1.0) / 40.0).abs() < 1e-7);
        // Inward (negative) below E_Ca: 14 · 0.25 · 1 · (−110) = −385 µA/cm².
        assert!((current(14.0, -30.0, 0.5, 1.0, 80.0) + 385.0).abs() < 1e-9);
    }
}
