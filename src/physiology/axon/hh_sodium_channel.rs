//! Na⁺ channel of the squid giant axon (Hodgkin & Huxley 1952): activation
//! m³ and inactivation h.
//!
//! ## Source
//! Hodgkin A.L. & Huxley A.F. (1952) J Physiol 117:500–544, eqs 14–16 and
//! 20–24, in the modern convention (V inside relative to outside, rest near
//! −65 mV), exactly as NEURON's built-in `hh.mod` writes it:
//!
//! ```text
//! I_Na = ḡ_Na m³ h (V − E_Na)
//! α_m = 0.1 (V + 40) / (1 − exp(−(V + 40)/10))     β_m = 4 exp(−(V + 65)/18)
//! α_h = 0.07 exp(−(V + 65)/20)                     β_h = 1 / (1 + exp(−(V + 35)/10))
//! ```
//! Rates in ms⁻¹ at 6.3 °C (the model scales them by its Q10 factor). α_m
//! is 0/0 at −40 mV and goes through [`linoid`]. ḡ_Na and E_Na are the
//! model's ([`crate::model::hh1952::Hh1952Params`], HH 1952 Table 3).

use crate::physiology::rates::{exponential, linoid, sigmoid};

/// α_m (ms⁻¹ at 6.3 °C), HH 1952 eq. 20 in the modern convention.
#[inline]
pub fn alpha_m(v_mv: f64) -> f64 {
    0.1 * linoid(v_mv + 40.0, 10.0)
}

/// β_m (ms⁻¹ at 6.3 °C), HH 1952 eq. 21.
#[inline]
pub fn beta_m(v_mv: f64) -> f64 {
    4.0 * exponential(v_mv + 65.0, 18.0)
}

/// α_h (ms⁻¹ at 6.3 °C), HH 1952 eq. 23.
#[inline]
pub fn alpha_h(v_mv: f64) -> f64 {
    0.07 * exponential(v_mv + 65.0, 20.0)
}

/// β_h (ms⁻¹ at 6.3 °C), HH 1952 eq. 24.
#[inline]
pub fn beta_h(v_mv: f64) -> f64 {
    sigmoid(1.0, v_mv + 35.0, 10.0)
}

/// Na⁺ current ḡ_Na m³ h (V − E_Na) (µA/cm², outward positive), HH 1952 eq. 14.
#[inline]
pub fn current_ua_per_cm2(g_max_ms_per_cm2: f64, m: f64, h: f64, v_mv: f64, e_na_mv: f64) -> f64 {
    g_max_ms_per_cm2 * m * m * m * h * (v_mv - e_na_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-computed with the published expressions (double precision, direct form
    /// away from the singularity): V = −65 mV gives the resting rates of HH 1952.
    #[test]
    fn rates_at_rest_match_hand_computed_values() {
        let v = -65.0;
        // α_m = 0.1·(−25)/(1 − e^2.5) = −2.5/−11.182494 = 0.2235637
        assert!((alpha_m(v) - 0.2235637).abs() < 1e-7);
        // β_m = 4 e^0 = 4
        assert!((beta_m(v) - 4.0).abs() < 1e-15);
        // α_h = 0.07
        assert!((alpha_h(v) - 0.07).abs() < 1e-15);
        // β_h = 1/(1 + e^3) = 0.0474259
        assert!((beta_h(v) - 0.0474259).abs() < 1e-7);
    }

    #[test]
    fn activation_rate_is_finite_and_continuous_at_its_singular_voltage() {
        // Limit α_m(−40) = 0.1·10 = 1 ms⁻¹; the linoid's slope there is 1/2 of the prefactor.
        assert!((alpha_m(-40.0) - 1.0).abs() < 1e-15);
        for dv in [1e-9, 1e-6, 1e-3] {
            assert!((alpha_m(-40.0 + dv) - alpha_m(-40.0 - dv) - 0.1 * dv).abs() < 1e-9);
        }
    }

    #[test]
    fn current_is_m_cubed_h_times_the_driving_force() {
        // 120 · 0.5³ · 0.5 · (0 − 50) = −375 µA/cm².
        assert_eq!(current_ua_per_cm2(120.0, 0.5, 0.5, 0.0, 50.0), -375.0);
        assert_eq!(current_ua_per_cm2(120.0, 0.5, 0.5, 50.0, 50.0), 0.0);
    }
}
