//! Singularity-safe forms of the rate expressions used by Hodgkin–Huxley
//! style gates.
//!
//! Rates such as α_m = 0.1 (V + 40) / (1 − exp(−(V + 40)/10)) are 0/0 at
//! V = −40 mV; the limit there is finite (0.1 · 10 = 1 ms⁻¹). Evaluating the
//! quotient directly loses all digits near the singular voltage. Following
//! Arbor's `exprelr`, every such rate is written through [`linoid`], built on
//! `expm1`, which keeps full precision on both sides of the singularity while
//! keeping the paper's `(V − V½)/k` form visible at the call site.

/// x / (1 − e^(−x)), evaluated without cancellation; equals 1 at x = 0.
///
/// This is the "exprelr" function: 1 / exprel(−x) with exprel(z) = (e^z − 1)/z.
#[inline]
pub fn exprelr(x: f64) -> f64 {
    if x.abs() < 1e-12 {
        // Series: x/(1 − e^−x) = 1 + x/2 + x²/12 + O(x⁴).
        1.0 + 0.5 * x
    } else {
        -x / (-x).exp_m1()
    }
}

/// dv / (1 − exp(−dv / k)), the "linoid" shape of HH activation rates,
/// finite at dv = 0 where it equals k.
///
/// `dv_mv` is the distance from the singular voltage (e.g. V + 40 mV) and
/// `k_mv` the slope factor, so `0.1 * linoid(v + 40.0, 10.0)` is HH's α_m.
#[inline]
pub fn linoid(dv_mv: f64, k_mv: f64) -> f64 {
    k_mv * exprelr(dv_mv / k_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exprelr_matches_direct_form_away_from_zero() {
        for x in [-5.0, -0.3, 0.2, 1.0, 7.5] {
            let direct = x / (1.0 - f64::exp(-x));
            assert!(
                (exprelr(x) - direct).abs() < 1e-14 * direct.abs().max(1.0),
                "x = {x}"
            );
        }
    }

    #[test]
    fn exprelr_is_continuous_through_zero() {
        // Values straddling the singularity approach the limit 1 from both sides;
        // the slope there is 1/2, so a step of 1e-9 moves the value by 5e-10.
        for x in [-1e-6, -1e-9, -1e-13, 0.0, 1e-13, 1e-9, 1e-6] {
            let expected = 1.0 + 0.5 * x + x * x / 12.0;
            assert!(
                (exprelr(x) - expected).abs() < 1e-15,
                "x = {x}: {}",
                exprelr(x)
            );
        }
    }

    #[test]
    fn linoid_limit_is_the_slope_factor() {
        assert_eq!(linoid(0.0, 10.0), 10.0);
        let near = linoid(1e-7, 10.0);
        assert!((near - 10.0).abs() < 1e-6);
    }
}
