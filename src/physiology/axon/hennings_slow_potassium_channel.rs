//! Slow K⁺ channel of the human motor axon, node and internode, as
//! Hennings, Arendt-Nielsen & Andersen (2005) use it: one activation gate s.
//!
//! ## Source
//! Kinetics of Schwarz, Reid & Bostock (1995, Pflügers Arch 430:283) at
//! 20 °C, constants of Hennings et al. 2005 (ModelDB 55749, `model_Nap.m`
//! matrices A and B; rate forms of `patch.c`, see
//! [`super::hennings_transient_sodium_channel`]). The same channel sits in
//! the node (gate s) and, five times denser, in the internode (gate s_i).
//!
//! ```text
//! I_Ks = ḡ_Ks s (V − E_K)
//! α_s = A (V − B)/(1 − e^{(B − V)/C})   (type 1)
//! β_s = A (B − V)/(1 − e^{(V − B)/C})   (type 2)
//! ```

use crate::physiology::rates::linoid;

/// (A, B, C) of α_s, type 1 (`model_Nap.m`, Schwarz et al. 1995).
pub const ALPHA_S: (f64, f64, f64) = (0.00122, -12.5, 16.9);
/// (A, B, C) of β_s, type 2 (`model_Nap.m`, Schwarz et al. 1995).
pub const BETA_S: (f64, f64, f64) = (0.000739, -80.1, 12.6);

/// α_s (ms⁻¹ at 20 °C), type 1.
#[inline]
pub fn alpha_s(v_mv: f64) -> f64 {
    let (a, b, c) = ALPHA_S;
    a * linoid(v_mv - b, c)
}

/// β_s (ms⁻¹ at 20 °C), type 2.
#[inline]
pub fn beta_s(v_mv: f64) -> f64 {
    let (a, b, c) = BETA_S;
    a * linoid(b - v_mv, c)
}

/// Conductance ḡ_Ks s (in the unit of `g_max`), `patch.c`.
#[inline]
pub fn conductance(g_max: f64, s: f64) -> f64 {
    g_max * s
}

/// Current ḡ_Ks s (V − E_K) (outward positive, in the unit of `g_max` times mV).
#[inline]
pub fn current(g_max: f64, s: f64, v_mv: f64, e_k_mv: f64) -> f64 {
    conductance(g_max, s) * (v_mv - e_k_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_minus_80_mv_match_the_published_forms_by_hand() {
        // Python, double precision, the patch.c forms; β_s sits 0.1 mV from its singularity.
        assert!((alpha_s(-80.0) - 0.001_545_723_051_223_049_2).abs() < 1e-17);
        assert!((beta_s(-80.0) - 0.009_274_498_875_610_142).abs() < 1e-16);
    }

    #[test]
    fn rates_are_continuous_at_their_singular_voltages() {
        // Limits A·C: α_s(−12.5) = 0.00122 · 16.9, β_s(−80.1) = 0.000739 · 12.6.
        assert!((alpha_s(-12.5) - 0.020_618).abs() < 1e-16);
        assert!((beta_s(-80.1) - 0.009_311_4).abs() < 1e-16);
        let dv = 1e-7;
        assert!((beta_s(-80.1 + dv) - beta_s(-80.1 - dv) + 0.000739 * dv).abs() < 1e-15);
    }

    #[test]
    fn current_is_s_times_the_driving_force() {
        // 160 · 0.25 · (−80 − (−105)) = 1000.
        assert_eq!(current(160.0, 0.25, -80.0, -105.0), 1000.0);
    }
}
