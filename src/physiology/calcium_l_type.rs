//! L-like Ca²⁺ current of the Booth, Rinzel & Kiehn 1997 motoneuron
//! dendrite: the persistent inward current (PIC) behind plateau potentials
//! and bistability. Non-inactivating, slowly activating (source as in
//! [`crate::physiology::motoneuron_sodium`]).
//!
//! ```text
//! I_CaL = ḡ_CaL m (V − E_Ca)
//! dm/dt = (m∞(V) − m)/τ_m,   m∞ = 1/(1 + exp((V + 40)/−7)),   τ_m = 40 ms
//! ```
//! Its Ca²⁺ enters the dendritic pool (and so activates the dendritic
//! I_K(Ca)), as in the source's `ICaD = (…N… + GCa_L ml)(Vd − ECa)`.

use crate::parameters;
use crate::physiology::boltzmann::boltzmann;

parameters! {
    /// Gating constants of the BRK L-like Ca²⁺ current (`[parameters.motoneuron.calcium_l_type]`).
    pub struct CalciumLTypeParams {
        /// Half-activation θ_m.
        theta_m_mv: f64 = -40.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m VhmL = −40)";
        /// Signed slope κ_m (negative: activation).
        kappa_m_mv: f64 = -7.0, "mV", -50.0..=-0.1, "Booth et al. 1997 Table 1 (create_brk.m SmL = −7)";
        /// Activation time constant τ_m.
        tau_m_ms: f64 = 40.0, "ms", 0.01..=10000.0, "Booth et al. 1997 Table 1 (create_brk.m TaumL = 40)";
    }
}

/// m∞(V).
#[inline]
pub fn m_inf(p: &CalciumLTypeParams, v_mv: f64) -> f64 {
    boltzmann(v_mv, p.theta_m_mv, p.kappa_m_mv)
}

/// dm/dt at `v_mv` (ms⁻¹).
#[inline]
pub fn gate_rate(p: &CalciumLTypeParams, v_mv: f64, m: f64) -> f64 {
    (m_inf(p, v_mv) - m) / p.tau_m_ms
}

/// I_CaL (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(g_ms_per_cm2: f64, v_mv: f64, m: f64, e_ca_mv: f64) -> f64 {
    g_ms_per_cm2 * m * (v_mv - e_ca_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_activated_at_minus_40_and_relaxing_in_40_ms() {
        let p = CalciumLTypeParams::default();
        assert_eq!(m_inf(&p, -40.0), 0.5);
        assert!((gate_rate(&p, -40.0, 0.0) - 0.5 / 40.0).abs() < 1e-12);
        // 0.33 · 0.5 · (−40 − 80) = −19.8 µA/cm².
        assert!((current(0.33, -40.0, 0.5, 80.0) + 19.8).abs() < 1e-12);
    }
}
