//! The shapes of Hodgkin–Huxley style rate expressions, written once, and
//! the kinetics of a two-state gate.
//!
//! Every gated channel of the crate (fibre and axons) builds its rates from
//! these four shapes, each in the paper's `(V − V½)/k` form:
//!
//! ```text
//! exponential(dv, k) = e^(−dv/k)
//! sigmoid(a, dv, k)  = a / (1 + e^(−dv/k))
//! linoid(dv, k)      = dv / (1 − e^(−dv/k))          (k at dv = 0)
//! exprelr(x)         = x / (1 − e^(−x))              (1 at x = 0)
//! ```
//! and a gate x with opening rate α and closing rate β follows
//! dx/dt = α (1 − x) − β x ([`gate_derivative`]), with steady state
//! α/(α + β) ([`steady_state`]).
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

/// e^(−dv/k): the exponential shape of rates such as HH's β_m = 4 e^(−(V + 65)/18).
///
/// `dv_mv` is the distance from the reference voltage and `k_mv` the e-fold
/// voltage; a rate that grows with V has a negative `dv_mv` (e.g. `v_ref − V`).
#[inline]
pub fn exponential(dv_mv: f64, k_mv: f64) -> f64 {
    (-dv_mv / k_mv).exp()
}

/// a / (1 + e^(−dv/k)): the Boltzmann (logistic) shape of rates such as
/// HH's β_h = 1/(1 + e^(−(V + 35)/10)) and of steady states (a = 1); a/2
/// at dv = 0.
///
/// The amplitude `a` divides, as in the papers' `a/(1 + exp(…))`, so the
/// published form is kept to the last bit. A falling curve such as an
/// inactivation S_∞ = 1/(1 + e^((V − V½)/k)) is `sigmoid(1.0, V½ − V, k)`.
#[inline]
pub fn sigmoid(amplitude: f64, dv_mv: f64, k_mv: f64) -> f64 {
    amplitude / (1.0 + exponential(dv_mv, k_mv))
}

/// dx/dt = α (1 − x) − β x of a gate x with opening rate α and closing
/// rate β (Hodgkin & Huxley 1952, eq. 7), in the rates' unit (ms⁻¹).
#[inline]
pub fn gate_derivative(alpha: f64, beta: f64, x: f64) -> f64 {
    alpha * (1.0 - x) - beta * x
}

/// Steady state x_∞ = α/(α + β) of a gate with rates α and β.
#[inline]
pub fn steady_state(alpha: f64, beta: f64) -> f64 {
    alpha / (alpha + beta)
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

    #[test]
    fn exponential_and_sigmoid_match_their_direct_forms() {
        // HH 1952 β_m at −65 mV is 4 e^0 = 4; β_h = 1/(1 + e^3) = 0.0474259 by hand.
        assert_eq!(4.0 * exponential(0.0, 18.0), 4.0);
        assert!((sigmoid(1.0, -30.0, 10.0) - 0.047_425_873_177_566_78).abs() < 1e-16);
        for (dv, k) in [(-12.0, 7.5), (0.0, 3.0), (25.0, 9.0)] {
            assert_eq!(exponential(dv, k), (-(dv / k)).exp());
            assert_eq!(sigmoid(2.5, dv, k), 2.5 / (1.0 + (-(dv / k)).exp()));
            // A falling Boltzmann is the rising one mirrored.
            assert!((sigmoid(1.0, dv, k) + sigmoid(1.0, -dv, k) - 1.0).abs() < 1e-15);
        }
        assert_eq!(sigmoid(3.0, 0.0, 4.0), 1.5);
    }

    #[test]
    fn a_gate_at_its_steady_state_does_not_move() {
        let (alpha, beta) = (0.3, 1.7);
        let x = steady_state(alpha, beta);
        assert!((x - 0.15).abs() < 1e-15);
        assert!(gate_derivative(alpha, beta, x).abs() < 1e-15);
        assert_eq!(gate_derivative(alpha, beta, 0.0), alpha);
        assert_eq!(gate_derivative(alpha, beta, 1.0), -beta);
    }
}
