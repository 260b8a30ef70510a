//! Ohmic leak: a constant conductance with a fixed reversal potential.
//!
//! ## Equations
//! ```text
//! I_L = g_L (V − E_L)                                   (Hodgkin & Huxley 1952, eq. 26 term 3)
//! g_L = −I_other(V_r) / (V_r − E_L)                      (the leak that makes V_r a rest)
//! ```
//! The squid axon (HH 1952, Table 3) and the rabbit node (Sweeney et al.
//! 1987, `sweeney.mod` `gl`, `el`) have a published g_L and E_L. The
//! internode of Hennings et al. 2005 has a leak with E_L = E_Na whose g_L is
//! not published but set so that the fibre rests at V_r (`model_Nap.m`:
//! the current balance of the internode at rest), [`balancing_conductance`].
//!
//! Units are those of the caller: mS/cm² and mV give µA/cm².

/// Leak current g_L (V − E_L), outward positive.
#[inline]
pub fn current(g: f64, v_mv: f64, e_mv: f64) -> f64 {
    g * (v_mv - e_mv)
}

/// The leak conductance that cancels `other_current` at `v_mv`: g_L with
/// I_other + g_L (V − E_L) = 0 (Hennings et al. 2005, `model_Nap.m`).
#[inline]
pub fn balancing_conductance(other_current: f64, v_mv: f64, e_mv: f64) -> f64 {
    -other_current / (v_mv - e_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leak_is_ohmic() {
        // HH 1952: 0.3 mS/cm² · (−65 − (−54.387)) = −3.1839 µA/cm².
        assert!((current(0.3, -65.0, -54.387) + 3.1839).abs() < 1e-12);
        assert_eq!(current(0.3, -54.387, -54.387), 0.0);
    }

    #[test]
    fn the_balancing_leak_cancels_the_other_current() {
        let (other, v, e) = (12.5, -83.0, 74.0);
        let g = balancing_conductance(other, v, e);
        assert!(g > 0.0);
        assert!((other + current(g, v, e)).abs() < 1e-12);
    }
}
