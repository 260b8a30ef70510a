//! Persistent Na⁺ channel of the human motor node of Ranvier (Hennings,
//! Arendt-Nielsen & Andersen 2005): activation p³, no inactivation.
//!
//! ## Source
//! Hennings et al. 2005 (Theor Biol Med Model 2:16; ModelDB 55749,
//! `model_Nap.m` with its defaults `X = [2.5 −20 0.5]`): the gate p has the
//! rate functions of the transient channel's m
//! ([`super::hennings_transient_sodium_channel`]) moved along the voltage
//! axis by X(2) and multiplied by X(3):
//!
//! ```text
//! I_Nap = ḡ_Nap p³ (V − E_Na)
//! α_p(V) = X(3) · A_αm (V − B_αm − X(2)) / (1 − e^{(B_αm + X(2) − V)/C_αm})
//! β_p(V) = X(3) · A_βm (B_βm + X(2) − V) / (1 − e^{(V − B_βm − X(2))/C_βm})
//! ```
//! Rates in ms⁻¹ at 20 °C. The shift X(2) and factor X(3) are the model's
//! `persistent_sodium_shift_mv` and `persistent_sodium_rate_factor`
//! ([`crate::model::hennings_axon::HenningsAxonParams`]).

use super::hennings_transient_sodium_channel::{ALPHA_M, BETA_M};
use crate::physiology::rates::linoid;

/// α_p (ms⁻¹ at 20 °C): α_m with B moved by `shift_mv` and A multiplied by `rate_factor`.
#[inline]
pub fn alpha_p(v_mv: f64, shift_mv: f64, rate_factor: f64) -> f64 {
    let (a, b, c) = ALPHA_M;
    (a * rate_factor) * linoid(v_mv - (b + shift_mv), c)
}

/// β_p (ms⁻¹ at 20 °C): β_m with B moved by `shift_mv` and A multiplied by `rate_factor`.
#[inline]
pub fn beta_p(v_mv: f64, shift_mv: f64, rate_factor: f64) -> f64 {
    let (a, b, c) = BETA_M;
    (a * rate_factor) * linoid((b + shift_mv) - v_mv, c)
}

/// Conductance ḡ_Nap p³ (in the unit of `g_max`), `patch.c`.
#[inline]
pub fn conductance(g_max: f64, p: f64) -> f64 {
    g_max * p * p * p
}

#[cfg(test)]
mod tests {
    use super::super::hennings_transient_sodium_channel::{alpha_m, beta_m};
    use super::*;

    #[test]
    fn rates_at_minus_80_mv_match_the_published_forms_by_hand() {
        // Python, double precision: A = 1.86·0.5, B = −18.4 − 20 (α); A = 0.086·0.5, B = −22.7 − 20 (β).
        let (alpha, beta) = (alpha_p(-80.0, -20.0, 0.5), beta_p(-80.0, -20.0, 0.5));
        assert!((alpha - 0.693_828_514_157_559).abs() < 1e-14, "{alpha}");
        assert!((beta - 1.631_708_182_390_382_3).abs() < 1e-14, "{beta}");
    }

    #[test]
    fn without_shift_and_factor_p_is_m() {
        for v in [-100.0, -80.0, -18.4, -22.7, 0.0] {
            assert_eq!(alpha_p(v, 0.0, 1.0), alpha_m(v));
            assert_eq!(beta_p(v, 0.0, 1.0), beta_m(v));
        }
    }

    #[test]
    fn the_shift_moves_the_curves_and_the_factor_scales_them() {
        let shifted = alpha_p(-60.0, -20.0, 1.0);
        assert!((shifted - alpha_m(-40.0)).abs() < 1e-14 * shifted);
        assert!((beta_p(-60.0, -20.0, 0.5) - 0.5 * beta_m(-40.0)).abs() < 1e-14);
        assert_eq!(conductance(26.0, 0.5), 3.25);
    }
}
