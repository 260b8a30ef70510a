//! A non-inactivating floor under the Na⁺ channel of the Shorten fibre: slow
//! inactivation that never closes more than 88.5 % of the channels, and a
//! small fraction of channels without fast or slow inactivation.
//!
//! ## What it models
//! Hayward, Brown & Cannon 1997 (J Gen Physiol 109:607), rat skeletal NaV1.4
//! (rSkM1) in HEK cells: slow inactivation is incomplete, with steady state
//! ```text
//! S_∞(V) = S_0 + (1 − S_0)/(1 + exp((V − V_½)/k)),   S_0 0.115, V_½ −59 mV, k 10.6 mV
//! ```
//! (the fit of their Fig. 2, as issue 18 point 5 quotes it), in place of
//! the Wallinga et al. 1999 S_∞ = 1/(1 + exp((V + 78)/5.8)), which goes to
//! 0. τ_S stays Wallinga's. About 0.3 % of NaV1.4 current does not
//! inactivate (persistent current of normal rat muscle channels, the
//! figure issue 18 point 5 quotes from the Cannon-lab literature); here a
//! fraction f of ḡ_Na opens with m³ alone:
//! ```text
//! I_Na = ḡ_Na m³ ((1 − f) h S + f) · J_Na/75 mM
//! ```
//! Both are the `sodium_slow_inactivation = "pedestal"` option of the Shorten
//! fibre; the published fibre has neither.

use crate::parameters;
use crate::physiology::rates::sigmoid;

parameters! {
    /// Pedestal of slow inactivation and the non-inactivating fraction (`sodium_pedestal`).
    pub struct SodiumPedestalParams {
        /// Floor S_0 of the slow-inactivation steady state.
        floor: f64 = 0.115, "1", 0.0..=1.0, "Hayward, Brown & Cannon 1997 (J Gen Physiol 109:607), S_∞ fit";
        /// Half-inactivation voltage V_½ of slow inactivation.
        v_half_mv: f64 = -59.0, "mV", -200.0..=200.0, "Hayward, Brown & Cannon 1997, S_∞ fit";
        /// Slope k of slow inactivation.
        slope_mv: f64 = 10.6, "mV", 0.01..=1000.0, "Hayward, Brown & Cannon 1997, S_∞ fit";
        /// Fraction f of ḡ_Na that does not inactivate (fast or slow).
        non_inactivating_fraction: f64 = 0.003, "1", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx persistent Na⁺ fraction 0.3 % (../shared/SCIENCE-EXCITABILITY.md §0)";
    }
}

/// S_∞ with the pedestal, S_0 + (1 − S_0)/(1 + exp((V − V_½)/k)).
#[inline]
pub fn s_inf(p: &SodiumPedestalParams, v_mv: f64) -> f64 {
    p.floor + sigmoid(1.0 - p.floor, p.v_half_mv - v_mv, p.slope_mv)
}

/// The open fraction that multiplies ḡ_Na m³: (1 − f) h S + f.
#[inline]
pub fn inactivation_factor(p: &SodiumPedestalParams, h: f64, s: f64) -> f64 {
    (1.0 - p.non_inactivating_fraction) * h * s + p.non_inactivating_fraction
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slow_inactivation_stops_at_its_floor_and_is_half_way_at_v_half() {
        let p = SodiumPedestalParams::default();
        assert!((s_inf(&p, -59.0) - (0.115 + 0.885 / 2.0)).abs() < 1e-12);
        assert!((s_inf(&p, 0.0) - 0.115).abs() < 0.01);
        assert!((s_inf(&p, -150.0) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn fully_inactivated_channels_still_pass_the_non_inactivating_fraction() {
        let p = SodiumPedestalParams::default();
        assert_eq!(inactivation_factor(&p, 0.0, 0.0), 0.003);
        assert_eq!(inactivation_factor(&p, 1.0, 1.0), 1.0);
    }
}
