//! K⁺ channel (delayed rectifier) of the squid giant axon (Hodgkin &
//! Huxley 1952): activation n⁴.
//!
//! ## Source
//! Hodgkin A.L. & Huxley A.F. (1952) J Physiol 117:500–544, eqs 6–7 and
//! 12–13, in the modern convention as in NEURON's `hh.mod`:
//!
//! ```text
//! I_K = ḡ_K n⁴ (V − E_K)
//! α_n = 0.01 (V + 55) / (1 − exp(−(V + 55)/10))    β_n = 0.125 exp(−(V + 65)/80)
//! ```
//! Rates in ms⁻¹ at 6.3 °C (the model scales them by its Q10 factor). α_n
//! is 0/0 at −55 mV and goes through [`linoid`]. ḡ_K and E_K are the
//! model's ([`crate::model::hh1952::Hh1952Params`], HH 1952 Table 3).

use crate::physiology::rates::{exponential, linoid};

/// α_n (ms⁻¹ at 6.3 °C), HH 1952 eq. 12.
#[inline]
pub fn alpha_n(v_mv: f64) -> f64 {
    0.01 * linoid(v_mv + 55.0, 10.0)
}

/// β_n (ms⁻¹ at 6.3 °C), HH 1952 eq. 13.
#[inline]
pub fn beta_n(v_mv: f64) -> f64 {
    0.125 * exponential(v_mv + 65.0, 80.0)
}

/// K⁺ current ḡ_K n⁴ (V − E_K) (µA/cm², outward positive), HH 1952 eq. 6.
#[inline]
pub fn current_ua_per_cm2(g_max_ms_per_cm2: f64, n: f64, v_mv: f64, e_k_mv: f64) -> f64 {
    g_max_ms_per_cm2 * n * n * n * n * (v_mv - e_k_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_rest_match_hand_computed_values() {
        // α_n(−65) = 0.01·(−10)/(1 − e^1) = −0.1/−1.718282 = 0.0581977; β_n = 0.125 e^0.
        assert!((alpha_n(-65.0) - 0.0581977).abs() < 1e-7);
        assert!((beta_n(-65.0) - 0.125).abs() < 1e-15);
    }

    #[test]
    fn activation_rate_is_finite_and_continuous_at_its_singular_voltage() {
        // Limit α_n(−55) = 0.01·10 = 0.1 ms⁻¹.
        assert!((alpha_n(-55.0) - 0.1).abs() < 1e-15);
        for dv in [1e-9, 1e-6, 1e-3] {
            assert!((alpha_n(-55.0 + dv) - alpha_n(-55.0 - dv) - 0.01 * dv).abs() < 1e-9);
        }
    }

    #[test]
    fn current_is_n_to_the_fourth_times_the_driving_force() {
        // 36 · 0.5⁴ · (23 − (−77)) = 225 µA/cm².
        assert_eq!(current_ua_per_cm2(36.0, 0.5, 23.0, -77.0), 225.0);
    }
}
