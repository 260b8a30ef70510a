//! The three Hodgkin–Huxley rate shapes of the Cannon-lab muscle fibre, its
//! Boltzmann steady states, and the "fitted steady state with HH kinetics"
//! gate that every time-dependent gate of that model uses.
//!
//! ## What it models
//! The parameter file of the Cannon lab's 2024 muscle fibre
//! (`Cannon-Lab/Muscle-Fiber-Simulation`, `muscle_sim/Muscle_Default_Params.xlsx`,
//! version 9, row 127 "HH Eqn Type") names one of three shapes for each rate:
//!
//! ```text
//! type 1: P0 · exp(−(V − P1)/P2)
//! type 2: P0 / (1 + exp(−(V − P1)/P2))
//! type 3: P0 · (V − P1) / (1 − exp(−(V − P1)/P2))
//! ```
//! (P0 in ms⁻¹, P1 and P2 in mV). Type 3 is 0/0 at V = P1 and goes through
//! [`linoid`].
//!
//! The model documentation (`docs/Simulated Muscle Fiber.pdf`, July 2024,
//! pp. 4–5) takes each gate's steady state x∞ from a Boltzmann fit of the
//! lab's data and its time constant from the HH rates, τ = 1/(α + β), and
//! rebuilds α_eff = x∞/τ and β_eff = (1 − x∞)/τ; so dx/dt = (x∞ − x)/τ.
//! The PDF prints the Boltzmann as 1/(1 + exp((V − V½)/k)) for both
//! activation and inactivation; activation (m³∞ = G(V), q∞) must rise with
//! V, so it is written here with the exponent's sign flipped
//! ([`boltzmann_rising`]) and inactivation as printed ([`boltzmann_falling`]).
//!
//! ## Validity
//! Shapes only; every parameter lives with its channel.

use crate::physiology::rates::{self, linoid};

/// Type 1: P0 · exp(−(V − P1)/P2), in the unit of `p0` (xlsx row 127).
#[inline]
pub fn exponential(p0: f64, p1_mv: f64, p2_mv: f64, v_mv: f64) -> f64 {
    p0 * rates::exponential(v_mv - p1_mv, p2_mv)
}

/// Type 2: P0 / (1 + exp(−(V − P1)/P2)) (xlsx row 127).
#[inline]
pub fn sigmoid(p0: f64, p1_mv: f64, p2_mv: f64, v_mv: f64) -> f64 {
    rates::sigmoid(p0, v_mv - p1_mv, p2_mv)
}

/// Type 3: P0 · (V − P1) / (1 − exp(−(V − P1)/P2)), through [`linoid`] so it
/// is finite (P0·P2) at V = P1 (xlsx row 127).
#[inline]
pub fn linear_exponential(p0: f64, p1_mv: f64, p2_mv: f64, v_mv: f64) -> f64 {
    p0 * linoid(v_mv - p1_mv, p2_mv)
}

/// Boltzmann rising with V: 1/(1 + exp(−(V − V½)/k)), for activation.
#[inline]
pub fn boltzmann_rising(v_mv: f64, v_half_mv: f64, k_mv: f64) -> f64 {
    rates::sigmoid(1.0, v_mv - v_half_mv, k_mv)
}

/// Boltzmann falling with V: 1/(1 + exp((V − V½)/k)), for inactivation.
#[inline]
pub fn boltzmann_falling(v_mv: f64, v_half_mv: f64, k_mv: f64) -> f64 {
    rates::sigmoid(1.0, v_half_mv - v_mv, k_mv)
}

/// dx/dt = (x∞ − x)/τ with τ = 1/(α + β) scaled by the rate factor `phi`:
/// the PDF's α_eff(1 − x) − β_eff x with α_eff = x∞/τ, β_eff = (1 − x∞)/τ.
#[inline]
pub fn relax_per_ms(x: f64, x_inf: f64, alpha_per_ms: f64, beta_per_ms: f64, phi: f64) -> f64 {
    phi * (alpha_per_ms + beta_per_ms) * (x_inf - x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_match_the_file_s_definitions_by_hand() {
        // Type 1 at V = P1 − P2: P0·e.
        assert!((exponential(2.0, -40.0, 10.0, -50.0) - 2.0 * std::f64::consts::E).abs() < 1e-12);
        // Type 2 at V = P1: P0/2.
        assert_eq!(sigmoid(0.03, -50.0, 41.0, -50.0), 0.015);
        // Type 3 at V = P1: P0·P2 (the limit), and by hand at −36 mV: 0.2875·10/(1 − e^−1).
        assert!((linear_exponential(0.2875, -46.0, 10.0, -46.0) - 2.875).abs() < 1e-12);
        let by_hand = 0.2875 * 10.0 / (1.0 - (-1.0f64).exp());
        assert!((linear_exponential(0.2875, -46.0, 10.0, -36.0) - by_hand).abs() < 1e-12);
    }

    #[test]
    fn boltzmanns_are_half_at_v_half_and_mirror_each_other() {
        assert_eq!(boltzmann_rising(-41.0, -41.0, 4.3), 0.5);
        for v in [-90.0, -41.0, 0.0] {
            let sum = boltzmann_rising(v, -41.0, 4.3) + boltzmann_falling(v, -41.0, 4.3);
            assert!((sum - 1.0).abs() < 1e-12);
        }
        assert!(boltzmann_rising(0.0, -41.0, 4.3) > 0.99);
    }

    #[test]
    fn relaxation_moves_toward_the_steady_state_at_one_over_tau() {
        // α + β = 0.5 ms⁻¹, φ = 2: rate 1 ms⁻¹ times the distance.
        assert!((relax_per_ms(0.2, 0.7, 0.3, 0.2, 2.0) - 0.5).abs() < 1e-12);
    }
}
