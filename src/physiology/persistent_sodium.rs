//! Persistent Na⁺ current (NaP) of spinal motoneurons, after Powers,
//! ElBasiouny, Rymer & Heckman 2012 (J Neurophysiol 107:808; ModelDB 143671,
//! `code/naps.mod` and `MN_hoc_and_output/Medium_thresh_MN.hoc`).
//!
//! Booth, Rinzel & Kiehn 1997 has no NaP: in [`crate::model::motoneuron`]
//! its conductance is 0 by default (the published model), and a somatic NaP
//! is a named option.
//!
//! ```text
//! I_NaP = ḡ_NaP p (V − E_Na)
//! dp/dt = (p∞(V) − p)/τ_p,   p∞ = 1/(1 + exp(−(V + 52.3 − sh)/k)),   τ_p = 1 ms
//! ```
//! with sh = 15 mV and k = 5 mV for the soma of the medium-threshold cell
//! (`soma.sh_naps = 15`, `vslope_naps = 5`), so V½ = −37.3 mV. The slow
//! inactivation gate s of `naps.mod` is left out, which is `naps.mod`'s own
//! default (`ar = 1`: "no inact."); the medium-threshold cell used
//! `ar = 0.4`, i.e. up to 60 % slow inactivation.

use crate::parameters;
use crate::physiology::boltzmann::boltzmann;

parameters! {
    /// Gating constants of the persistent Na⁺ current (`[parameters.motoneuron.persistent_sodium]`).
    pub struct PersistentSodiumParams {
        /// Half-activation V½ = −52.3 mV + sh.
        v_half_mv: f64 = -37.3, "mV", -100.0..=50.0, "Powers et al. 2012, naps.mod minf (vm + 52.3 − sh), Medium_thresh_MN.hoc soma.sh_naps = 15";
        /// Activation slope k (positive).
        slope_mv: f64 = 5.0, "mV", 0.1..=50.0, "Powers et al. 2012, Medium_thresh_MN.hoc vslope_naps = 5";
        /// Activation time constant τ_p.
        tau_ms: f64 = 1.0, "ms", 0.01..=1000.0, "Powers et al. 2012, naps.mod mtau = 1";
    }
}

/// p∞(V).
#[inline]
pub fn p_inf(p: &PersistentSodiumParams, v_mv: f64) -> f64 {
    boltzmann(v_mv, p.v_half_mv, -p.slope_mv)
}

/// dp/dt at `v_mv` (ms⁻¹).
#[inline]
pub fn gate_rate(p: &PersistentSodiumParams, v_mv: f64, gate: f64) -> f64 {
    (p_inf(p, v_mv) - gate) / p.tau_ms
}

/// I_NaP (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(g_ms_per_cm2: f64, v_mv: f64, gate: f64, e_na_mv: f64) -> f64 {
    g_ms_per_cm2 * gate * (v_mv - e_na_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_at_v_half_and_inward_below_e_na() {
        let p = PersistentSodiumParams::default();
        assert_eq!(p_inf(&p, -37.3), 0.5);
        // One slope above: 1/(1 + e^−1) = 0.731059.
        assert!((p_inf(&p, -32.3) - 0.731_059).abs() < 1e-6);
        assert!((gate_rate(&p, -37.3, 0.0) - 0.5).abs() < 1e-12);
        assert!(current(0.44, -50.0, 0.1, 55.0) < 0.0);
    }
}
