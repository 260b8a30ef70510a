//! Fast Na⁺ current of the Booth, Rinzel & Kiehn 1997 motoneuron soma.
//!
//! ## Source
//! Booth V., Rinzel J. & Kiehn O. (1997) Compartmental model of vertebrate
//! motoneurons for Ca²⁺-dependent spiking and plateau potentials under
//! pharmacological treatment. J Neurophysiol 78:3371–3385, Table 1 and
//! Methods, as transcribed in the Simatra simEngine port `create_brk.m`
//! (the only machine-readable copy found; the paper's table itself could not
//! be read here, see [`crate::model::motoneuron`]).
//!
//! ## Equations (V in mV, t in ms)
//! ```text
//! I_Na  = ḡ_Na m∞(V)³ h (V − E_Na),   m∞ = 1/(1 + exp((V − θ_m)/κ_m))   (instantaneous)
//! dh/dt = (h∞(V) − h)/τ_h(V),        h∞ = 1/(1 + exp((V − θ_h)/κ_h))
//! τ_h   = τ̄_h / (exp((V − V_τ)/a) + exp(−(V − V_τ)/b))   = 30/(e^{(V+50)/15} + e^{−(V+50)/16}) ms
//! ```

use crate::parameters;
use crate::physiology::boltzmann::boltzmann;

parameters! {
    /// Gating constants of the BRK fast Na⁺ current (`[parameters.motoneuron.sodium]`).
    pub struct MotoneuronSodiumParams {
        /// Half-activation θ_m of the instantaneous m∞.
        theta_m_mv: f64 = -35.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m Vhm = −35)";
        /// Signed slope κ_m of m∞ (negative: activation).
        kappa_m_mv: f64 = -7.8, "mV", -50.0..=-0.1, "Booth et al. 1997 Table 1 (create_brk.m Sm = −7.8)";
        /// Half-inactivation θ_h of h∞.
        theta_h_mv: f64 = -55.0, "mV", -100.0..=50.0, "Booth et al. 1997 Table 1 (create_brk.m Vhh = −55)";
        /// Signed slope κ_h of h∞ (positive: inactivation).
        kappa_h_mv: f64 = 7.0, "mV", 0.1..=50.0, "Booth et al. 1997 Table 1 (create_brk.m Sh = 7)";
        /// Scale τ̄_h of τ_h.
        tau_h_max_ms: f64 = 30.0, "ms", 0.01..=1000.0, "Booth et al. 1997 Methods (create_brk.m Tauh = 30/(…))";
        /// Centre V_τ of τ_h.
        tau_h_centre_mv: f64 = -50.0, "mV", -100.0..=50.0, "Booth et al. 1997 Methods (create_brk.m exp((Vs+50)/15))";
        /// Rising e-fold a of τ_h's denominator.
        tau_h_rise_mv: f64 = 15.0, "mV", 0.1..=100.0, "Booth et al. 1997 Methods (create_brk.m exp((Vs+50)/15))";
        /// Falling e-fold b of τ_h's denominator.
        tau_h_fall_mv: f64 = 16.0, "mV", 0.1..=100.0, "Booth et al. 1997 Methods (create_brk.m exp(−(Vs+50)/16))";
    }
}

/// m∞(V), the instantaneous activation.
#[inline]
pub fn m_inf(p: &MotoneuronSodiumParams, v_mv: f64) -> f64 {
    boltzmann(v_mv, p.theta_m_mv, p.kappa_m_mv)
}

/// h∞(V).
#[inline]
pub fn h_inf(p: &MotoneuronSodiumParams, v_mv: f64) -> f64 {
    boltzmann(v_mv, p.theta_h_mv, p.kappa_h_mv)
}

/// τ_h(V) in ms.
#[inline]
pub fn tau_h_ms(p: &MotoneuronSodiumParams, v_mv: f64) -> f64 {
    let x = v_mv - p.tau_h_centre_mv;
    p.tau_h_max_ms / ((x / p.tau_h_rise_mv).exp() + (-x / p.tau_h_fall_mv).exp())
}

/// I_Na (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(
    p: &MotoneuronSodiumParams,
    g_ms_per_cm2: f64,
    v_mv: f64,
    h: f64,
    e_na_mv: f64,
) -> f64 {
    let m = m_inf(p, v_mv);
    g_ms_per_cm2 * m * m * m * h * (v_mv - e_na_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tau_h_peaks_near_the_centre_and_matches_the_formula_by_hand() {
        let p = MotoneuronSodiumParams::default();
        // At V = −50: 30/(1 + 1) = 15 ms. At V = −20: 30/(e² + e^{−1.875}) = 30/(7.389056 + 0.153355) = 3.977507 ms.
        assert!((tau_h_ms(&p, -50.0) - 15.0).abs() < 1e-12);
        assert!((tau_h_ms(&p, -20.0) - 3.977_507).abs() < 1e-6);
        // I_Na at −35 mV, h = 1, ḡ = 120: 120 · 0.125 · (−90) = −1350 µA/cm².
        assert!((current(&p, 120.0, -35.0, 1.0, 55.0) + 1350.0).abs() < 1e-9);
    }
}
