//! The delayed-rectifier K⁺ channel of the Cannon-lab muscle fibre, with its
//! slow inactivation: I_Kdr = n⁴ p · I_K,open(V).
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) pp. 5–6: the main voltage-gated K⁺ channel of mammalian
//! muscle inactivates in about 200 ms (DiFranco, Quiñonez & Vergara 2012,
//! J Gen Physiol 140:109). Parameters from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9, C84 and C211–C223:
//!
//! ```text
//! dn/dt = α_n (1 − n) − β_n n,  α_n type 3 (0.0262, −40, 7), β_n type 1 (0.134, −40, 40)
//! p∞    = 1/(1 + exp((V − V_hk)/k_hk)),  dp/dt = (p∞ − p)/τ_p,  τ_p = 315 ms
//! I_Kdr = n⁴ p · GHK current of K⁺ with P_K
//! ```
//! The file has no Boltzmann for n, so n uses its HH rates directly. The
//! gating `shift_mv` is added to V½ of n and p; `phi` multiplies the rates.

use crate::parameters;
use crate::physiology::hh_rate_types::{boltzmann_falling, exponential, linear_exponential};

parameters! {
    /// Delayed rectifier gating and permeability.
    pub struct KdrParams {
        /// K⁺ permeability P_K of the open channel.
        p_k_cm_per_s: f64 = 1.2e-5, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C84 'PK delayed rectifier'";
        /// α_n P0 (type 3).
        alpha_n_per_ms: f64 = 0.0262, "1/ms", 0.0..=100.0, "xlsx v9 C212 AlphaBarN";
        /// α_n P1.
        alpha_n_v_mv: f64 = -40.0, "mV", -200.0..=200.0, "xlsx v9 C213 ValphaBarN";
        /// α_n P2.
        alpha_n_k_mv: f64 = 7.0, "mV", -200.0..=200.0, "xlsx v9 C214 KalphaBarN";
        /// β_n P0 (type 1).
        beta_n_per_ms: f64 = 0.134, "1/ms", 0.0..=100.0, "xlsx v9 C216 BetaBarN";
        /// β_n P1.
        beta_n_v_mv: f64 = -40.0, "mV", -200.0..=200.0, "xlsx v9 C217 VbetaBarN";
        /// β_n P2.
        beta_n_k_mv: f64 = 40.0, "mV", -200.0..=200.0, "xlsx v9 C218 KBetaN";
        /// Midpoint V_hk of inactivation p∞.
        v_inactivation_mv: f64 = -40.0, "mV", -200.0..=200.0, "xlsx v9 C221 Vhk";
        /// Slope k_hk of inactivation p∞.
        k_inactivation_mv: f64 = 7.5, "mV", 0.1..=100.0, "xlsx v9 C222 Khk";
        /// Time constant τ_p of inactivation.
        tau_inactivation_ms: f64 = 315.0, "ms", 0.1..=100000.0, "xlsx v9 C223 Tau_dr; DiFranco et al. 2012";
    }
}

/// dn/dt and dp/dt (ms⁻¹) with the gating `shift_mv` and rate factor `phi`.
#[inline]
pub fn gate_rates_per_ms(
    p: &KdrParams,
    v_mv: f64,
    shift_mv: f64,
    phi: f64,
    n: f64,
    inact: f64,
) -> (f64, f64) {
    let v = v_mv - shift_mv;
    let alpha = linear_exponential(p.alpha_n_per_ms, p.alpha_n_v_mv, p.alpha_n_k_mv, v);
    let beta = exponential(p.beta_n_per_ms, p.beta_n_v_mv, p.beta_n_k_mv, v);
    let p_inf = boltzmann_falling(v, p.v_inactivation_mv, p.k_inactivation_mv);
    (
        phi * (alpha * (1.0 - n) - beta * n),
        phi * (p_inf - inact) / p.tau_inactivation_ms,
    )
}

/// Steady states (n∞, p∞) at `v_mv` (no shift).
pub fn steady_state(p: &KdrParams, v_mv: f64) -> (f64, f64) {
    let alpha = linear_exponential(p.alpha_n_per_ms, p.alpha_n_v_mv, p.alpha_n_k_mv, v_mv);
    let beta = exponential(p.beta_n_per_ms, p.beta_n_v_mv, p.beta_n_k_mv, v_mv);
    (
        alpha / (alpha + beta),
        boltzmann_falling(v_mv, p.v_inactivation_mv, p.k_inactivation_mv),
    )
}

/// P_open = n⁴ p (PDF p. 5).
#[inline]
pub fn open_probability(n: f64, inact: f64) -> f64 {
    let n2 = n * n;
    n2 * n2 * inact
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_at_rest_and_open_when_depolarized_briefly() {
        let p = KdrParams::default();
        // The PDF (p. 1): P_open negligible below −55 mV.
        let (n, i) = steady_state(&p, -85.0);
        assert!(open_probability(n, i) < 1e-3);
        // By hand at −40 mV: α = 0.0262·7 = 0.1834, β = 0.134; n∞ = 0.5778.
        let (n, i) = steady_state(&p, -40.0);
        assert!((n - 0.1834 / 0.3174).abs() < 1e-4 && i == 0.5);
        let (dn, dp) = gate_rates_per_ms(&p, -40.0, 0.0, 1.0, n, 1.0);
        assert!(dn.abs() < 1e-12 && (dp + 0.5 / 315.0).abs() < 1e-12);
    }
}
