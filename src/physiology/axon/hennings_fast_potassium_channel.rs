//! Fast K⁺ channel of the human motor node of Ranvier, as Hennings,
//! Arendt-Nielsen & Andersen (2005) use it: activation n⁴.
//!
//! ## Source
//! Kinetics of Schwarz, Reid & Bostock (1995, Pflügers Arch 430:283) at
//! 20 °C, constants of Hennings et al. 2005 (ModelDB 55749, `model_Nap.m`
//! matrices A and B; rate forms of `patch.c`, see
//! [`super::hennings_transient_sodium_channel`]):
//!
//! ```text
//! I_Kf = ḡ_Kf n⁴ (V − E_K)
//! α_n = A (V − B)/(1 − e^{(B − V)/C})   (type 1)
//! β_n = A (B − V)/(1 − e^{(V − B)/C})   (type 2)
//! ```

use crate::physiology::rates::linoid;

/// (A, B, C) of α_n, type 1 (`model_Nap.m`, Schwarz et al. 1995).
pub const ALPHA_N: (f64, f64, f64) = (0.00798, -93.2, 1.1);
/// (A, B, C) of β_n, type 2 (`model_Nap.m`, Schwarz et al. 1995).
pub const BETA_N: (f64, f64, f64) = (0.0142, -76.0, 10.5);

/// α_n (ms⁻¹ at 20 °C), type 1.
#[inline]
pub fn alpha_n(v_mv: f64) -> f64 {
    let (a, b, c) = ALPHA_N;
    a * linoid(v_mv - b, c)
}

/// β_n (ms⁻¹ at 20 °C), type 2.
#[inline]
pub fn beta_n(v_mv: f64) -> f64 {
    let (a, b, c) = BETA_N;
    a * linoid(b - v_mv, c)
}

/// Conductance ḡ_Kf n⁴ (in the unit of `g_max`), `patch.c`.
#[inline]
pub fn conductance(g_max: f64, n: f64) -> f64 {
    g_max * n * n * n * n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_minus_80_mv_match_the_published_forms_by_hand() {
        // Python, double precision, the patch.c forms.
        assert!((alpha_n(-80.0) - 0.105_336_647_210_729_06).abs() < 1e-15);
        assert!((beta_n(-80.0) - 0.179_298_828_198_879_18).abs() < 1e-15);
    }

    #[test]
    fn rates_are_continuous_at_their_singular_voltages() {
        // Limits A·C: α_n(−93.2) = 0.00798 · 1.1, β_n(−76) = 0.0142 · 10.5.
        assert!((alpha_n(-93.2) - 0.008_778).abs() < 1e-15);
        assert!((beta_n(-76.0) - 0.1491).abs() < 1e-15);
        let dv = 1e-7;
        assert!((alpha_n(-93.2 + dv) - alpha_n(-93.2 - dv) - 0.00798 * dv).abs() < 1e-14);
    }

    #[test]
    fn conductance_is_n_to_the_fourth() {
        assert_eq!(conductance(160.0, 0.5), 10.0);
    }
}
