//! Na⁺ channel of the mammalian (rabbit) node of Ranvier, as Sweeney,
//! Mortimer & Durand (1987) wrote the CRRSS node: activation m², fast
//! inactivation h.
//!
//! ## Source
//! Sweeney J.D., Mortimer J.T. & Durand D. (1987) Proc 9th Annu Conf IEEE
//! EMBS 3:1577–1578, after Chiu, Ritchie, Rogart & Stagg (1979, J Physiol
//! 292:149), 37 °C; equations as in the NMODL file `sweeney.mod`:
//!
//! ```text
//! I_Na = ḡ_Na m² h (V − E_Na)
//! α_m = (126 + 0.363 V)/(1 + e^{−(V+49)/5.3})      β_m = α_m / e^{(V+56.2)/4.17}
//! β_h = 15.6/(1 + e^{−(V+56)/10})                  α_h = β_h / e^{(V+74.5)/5}
//! ```
//! Rates in ms⁻¹ at 37 °C (the published model has no temperature
//! scaling). Dividing by e^{(V − V₀)/k} is multiplying by
//! [`exponential`]`(V − V₀, k)`. ḡ_Na and E_Na are the model's
//! ([`crate::model::motor_axon::MotorAxonParams`]).

use crate::physiology::rates::{exponential, sigmoid};

/// α_m of the Na⁺ activation gate (ms⁻¹, 37 °C), `sweeney.mod`.
#[inline]
pub fn alpha_m(v_mv: f64) -> f64 {
    sigmoid(126.0 + 0.363 * v_mv, v_mv + 49.0, 5.3)
}

/// β_m of the Na⁺ activation gate (ms⁻¹, 37 °C), `sweeney.mod`.
#[inline]
pub fn beta_m(v_mv: f64) -> f64 {
    alpha_m(v_mv) * exponential(v_mv + 56.2, 4.17)
}

/// β_h of the Na⁺ inactivation gate (ms⁻¹, 37 °C), `sweeney.mod`.
#[inline]
pub fn beta_h(v_mv: f64) -> f64 {
    sigmoid(15.6, v_mv + 56.0, 10.0)
}

/// α_h of the Na⁺ inactivation gate (ms⁻¹, 37 °C), `sweeney.mod`.
#[inline]
pub fn alpha_h(v_mv: f64) -> f64 {
    beta_h(v_mv) * exponential(v_mv + 74.5, 5.0)
}

/// Na⁺ current ḡ_Na m² h (V − E_Na) (µA/cm² of node, outward positive), `sweeney.mod`.
#[inline]
pub fn current_ua_per_cm2(g_max_ms_per_cm2: f64, m: f64, h: f64, v_mv: f64, e_na_mv: f64) -> f64 {
    g_max_ms_per_cm2 * m * m * h * (v_mv - e_na_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_rest_match_the_nmodl_expressions_by_hand() {
        // V = −80: α_m = (126 − 29.04)/(1 + e^{31/5.3}) = 96.96/348.91 = 0.27870;
        // β_m = α_m · e^{23.8/4.17} = 0.27870 · 301.09 = 83.914;
        // β_h = 15.6/(1 + e^{2.4}) = 15.6/12.0232 = 1.29749; α_h = β_h · e^{1.1} = 3.89789.
        assert!(
            (alpha_m(-80.0) - 0.278_70).abs() < 1e-5,
            "{}",
            alpha_m(-80.0)
        );
        assert!((beta_m(-80.0) - 83.914).abs() < 1e-3, "{}", beta_m(-80.0));
        assert!((beta_h(-80.0) - 1.297_49).abs() < 1e-5, "{}", beta_h(-80.0));
        assert!(
            (alpha_h(-80.0) - 3.897_89).abs() < 1e-5,
            "{}",
            alpha_h(-80.0)
        );
    }

    #[test]
    fn rates_equal_the_published_quotients() {
        // β_m = α_m / e^{(V+56.2)/4.17} and α_h = β_h / e^{(V+74.5)/5}, as sweeney.mod writes them.
        for v in [-120.0, -80.0, -56.2, -20.0, 30.0] {
            let beta_m_published = alpha_m(v) / ((v + 56.2) / 4.17).exp();
            let alpha_h_published = beta_h(v) / ((v + 74.5) / 5.0).exp();
            assert!((beta_m(v) - beta_m_published).abs() <= 1e-15 * beta_m_published.abs());
            assert!((alpha_h(v) - alpha_h_published).abs() <= 1e-15 * alpha_h_published);
        }
    }

    #[test]
    fn current_is_m_squared_h_times_the_driving_force() {
        // 1445 · 0.5² · 0.8 · (−80 − 35.64) = −33 419.96 µA/cm².
        let i = current_ua_per_cm2(1445.0, 0.5, 0.8, -80.0, 35.64);
        assert!((i + 33_419.96).abs() < 1e-9, "{i}");
    }
}
