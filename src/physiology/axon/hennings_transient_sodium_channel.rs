//! Transient (fast) Na⁺ channel of the human motor node of Ranvier, as
//! Hennings, Arendt-Nielsen & Andersen (2005) use it: activation m³, fast
//! inactivation h.
//!
//! ## Source
//! Kinetics of Schwarz, Reid & Bostock (1995, Pflügers Arch 430:283) at
//! 20 °C, with the constants and rate forms of Hennings et al. 2005 (Theor
//! Biol Med Model 2:16; ModelDB 55749, `model_Nap.m` matrices A and B,
//! `patch.c` rate1–rate3):
//!
//! ```text
//! I_Naf = ḡ_Naf m³ h (V − E_Na)
//! type 1: A (V − B)/(1 − e^{(B − V)/C}) = A · linoid(V − B, C)     α_m, α_n, α_s
//! type 2: A (B − V)/(1 − e^{(V − B)/C}) = A · linoid(B − V, C)     β_m, α_h, β_n, β_s
//! type 3: A/(1 + e^{(B − V)/C})         = sigmoid(A, V − B, C)     β_h
//! ```
//! A in ms⁻¹mV⁻¹ (types 1, 2) or ms⁻¹ (type 3), B and C in mV. `patch.c`
//! replaces types 1 and 2 by their limit A·C within |V − B| < 10⁻⁹ C;
//! [`linoid`] is exact there and everywhere else. The model scales the
//! rates by its Q10s and owns ḡ and E_Na
//! ([`crate::model::hennings_axon::HenningsAxonParams`]).

use crate::physiology::rates::{linoid, sigmoid};

/// (A, B, C) of α_m, type 1 (`model_Nap.m`, Schwarz et al. 1995).
pub const ALPHA_M: (f64, f64, f64) = (1.86, -18.4, 10.3);
/// (A, B, C) of β_m, type 2 (`model_Nap.m`, Schwarz et al. 1995).
pub const BETA_M: (f64, f64, f64) = (0.086, -22.7, 9.16);
/// (A, B, C) of α_h, type 2 (`model_Nap.m`, Schwarz et al. 1995).
pub const ALPHA_H: (f64, f64, f64) = (0.0336, -111.0, 11.0);
/// (A, B, C) of β_h, type 3 (`model_Nap.m`, Schwarz et al. 1995).
pub const BETA_H: (f64, f64, f64) = (2.3, -28.8, 13.4);

/// α_m (ms⁻¹ at 20 °C), type 1.
#[inline]
pub fn alpha_m(v_mv: f64) -> f64 {
    let (a, b, c) = ALPHA_M;
    a * linoid(v_mv - b, c)
}

/// β_m (ms⁻¹ at 20 °C), type 2.
#[inline]
pub fn beta_m(v_mv: f64) -> f64 {
    let (a, b, c) = BETA_M;
    a * linoid(b - v_mv, c)
}

/// α_h (ms⁻¹ at 20 °C), type 2.
#[inline]
pub fn alpha_h(v_mv: f64) -> f64 {
    let (a, b, c) = ALPHA_H;
    a * linoid(b - v_mv, c)
}

/// β_h (ms⁻¹ at 20 °C), type 3.
#[inline]
pub fn beta_h(v_mv: f64) -> f64 {
    let (a, b, c) = BETA_H;
    sigmoid(a, v_mv - b, c)
}

/// Conductance ḡ_Naf m³ h (in the unit of `g_max`), `patch.c`.
#[inline]
pub fn conductance(g_max: f64, m: f64, h: f64) -> f64 {
    g_max * m * m * m * h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `patch.c` forms in Python, double precision, at −80 mV and 20 °C.
    #[test]
    fn rates_at_minus_80_mv_match_the_published_forms_by_hand() {
        let cases = [
            (alpha_m(-80.0), 0.290_307_778_609_207_76),
            (beta_m(-80.0), 4.937_279_306_841_21),
            (alpha_h(-80.0), 0.066_148_557_914_005_63),
            (beta_h(-80.0), 0.049_308_537_585_265_41),
        ];
        for (ours, expected) in cases {
            assert!(
                (ours - expected).abs() < 1e-14 * expected,
                "{ours} vs {expected}"
            );
        }
    }

    #[test]
    fn linoid_rates_are_continuous_at_their_singular_voltages() {
        // Limits A·C: α_m(−18.4) = 1.86 · 10.3, β_m(−22.7) = 0.086 · 9.16; slope ∓A/2.
        assert!((alpha_m(-18.4) - 19.158).abs() < 1e-13);
        assert!((beta_m(-22.7) - 0.787_76).abs() < 1e-15);
        let dv = 1e-7;
        assert!((alpha_m(-18.4 + dv) - alpha_m(-18.4 - dv) - 1.86 * dv).abs() < 1e-12);
        assert!((beta_m(-22.7 + dv) - beta_m(-22.7 - dv) + 0.086 * dv).abs() < 1e-13);
    }

    #[test]
    fn conductance_is_m_cubed_h() {
        assert_eq!(conductance(1000.0, 0.5, 0.4), 50.0);
    }
}
