//! KCNQ (Kv7) K⁺ channel of the Cannon-lab muscle fibre: I_KCNQ = q · I_K,open(V).
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 6: included to simulate KCNQ openers such as retigabine
//! (Quiñonez, DiFranco, Wu & Cannon 2023, Brain 146:1554). Parameters from
//! `muscle_sim/Muscle_Default_Params.xlsx` v9, C88 and C226–C237:
//!
//! ```text
//! q∞ = 1/(1 + exp(−(V − V_q)/k_q))   (file: "Use Boltzmann for Qinf" = true)
//! τ_q = 1/(α_q + β_q),  α_q type 1 (0.016, 0, 40), β_q type 1 (0.002, 0, 50)
//! I_KCNQ = q · GHK current of K⁺ with P_K
//! ```
//! The gating `shift_mv` is added to V½; `phi` multiplies the rates.

use crate::parameters;
use crate::physiology::hh_rate_types::{boltzmann_rising, exponential, relax_per_ms};

parameters! {
    /// KCNQ gating and permeability.
    pub struct KcnqParams {
        /// K⁺ permeability P_K of the open channel.
        p_k_cm_per_s: f64 = 2e-6, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C88 'PK KCNQ channel'";
        /// α_q P0 (type 1).
        alpha_per_ms: f64 = 0.016, "1/ms", 0.0..=100.0, "xlsx v9 C228 AlphaBarQ";
        /// α_q P1.
        alpha_v_mv: f64 = 0.0, "mV", -200.0..=200.0, "xlsx v9 C229 VAlBarQ";
        /// α_q P2.
        alpha_k_mv: f64 = 40.0, "mV", -200.0..=200.0, "xlsx v9 C230 KalphaBarQ";
        /// β_q P0 (type 1).
        beta_per_ms: f64 = 0.002, "1/ms", 0.0..=100.0, "xlsx v9 C232 BetaBarQ";
        /// β_q P1.
        beta_v_mv: f64 = 0.0, "mV", -200.0..=200.0, "xlsx v9 C233 VBeBarQ";
        /// β_q P2.
        beta_k_mv: f64 = 50.0, "mV", -200.0..=200.0, "xlsx v9 C234 KbetaBarQ";
        /// V_q of the Boltzmann q∞.
        v_half_mv: f64 = -30.0, "mV", -200.0..=200.0, "xlsx v9 C236 Vq";
        /// k_q of the Boltzmann q∞.
        k_mv: f64 = 10.0, "mV", 0.1..=100.0, "xlsx v9 C237 kQ";
    }
}

/// q∞ at `v_mv` (no shift).
#[inline]
pub fn q_inf(p: &KcnqParams, v_mv: f64) -> f64 {
    boltzmann_rising(v_mv, p.v_half_mv, p.k_mv)
}

/// dq/dt (ms⁻¹) with the gating `shift_mv` and rate factor `phi`.
#[inline]
pub fn gate_rate_per_ms(p: &KcnqParams, v_mv: f64, shift_mv: f64, phi: f64, q: f64) -> f64 {
    let v = v_mv - shift_mv;
    let alpha = exponential(p.alpha_per_ms, p.alpha_v_mv, p.alpha_k_mv, v);
    let beta = exponential(p.beta_per_ms, p.beta_v_mv, p.beta_k_mv, v);
    relax_per_ms(q, q_inf(p, v), alpha, beta, phi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_at_minus_30_mv_with_tau_by_hand() {
        let p = KcnqParams::default();
        assert_eq!(q_inf(&p, -30.0), 0.5);
        // τ at −30 mV = 1/(0.016 e^{0.75} + 0.002 e^{0.6}) = 26.69 ms.
        let tau = 1.0 / (0.016 * 0.75f64.exp() + 0.002 * 0.6f64.exp());
        let rate = gate_rate_per_ms(&p, -30.0, 0.0, 1.0, 0.0);
        assert!((rate - 0.5 / tau).abs() < 1e-12);
    }
}
