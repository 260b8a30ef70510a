//! Gating-pore current of hypokalaemic periodic paralysis (HypoPP): a small
//! non-selective cation leak through the voltage sensor of mutant Nav1.4.
//!
//! ## What it models
//! HypoPP fibres carry an inward cation leak of 12–19.5 µS/cm² (Jurkat-Rott
//! et al. 2009, PNAS 106:4036, abstract; ../shared/SCIENCE.md §2.3). With a
//! Kir conductance that falls with [K]_o, this leak lets the fibre sit at a
//! second, depolarized stable potential (P2 ≈ −60 mV) in low K⁺.
//!
//! The leak is written as equal Na⁺ and K⁺ conductances, each half of g_GP:
//! ```text
//! I_GP = I_GP,Na + I_GP,K,   I_GP,Na = (g_GP/2)(V − E_Na),   I_GP,K = (g_GP/2)(V − E_K)
//! ```
//! so it reverses near (E_Na + E_K)/2 and each part is carried by its ion in
//! the concentration equations. The equal split is this crate's assumption
//! (the abstract says only "non-selective cation"). Default 0: no leak, the
//! published fibre.
//!
//! ## Validity
//! Ohmic, voltage-independent (the measured gating-pore current is larger at
//! hyperpolarized potentials, where the S4 segment rests); sarcolemma only.

use crate::parameters;

parameters! {
    /// The HypoPP gating-pore leak.
    pub struct GatingPoreParams {
        /// Total non-selective cation leak conductance g_GP (0: none).
        g_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=1.0, "none by default; HypoPP fibres 0.012–0.0195 (12–19.5 µS/cm²), Jurkat-Rott et al. 2009, PNAS 106:4036, abstract";
    }
}

/// The Na⁺ and K⁺ parts (µA/cm², positive outward) of the leak at `v_mv`
/// with reversal potentials `e_na_mv`, `e_k_mv`.
#[inline]
pub fn currents_ua_per_cm2(
    p: &GatingPoreParams,
    v_mv: f64,
    e_na_mv: f64,
    e_k_mv: f64,
) -> (f64, f64) {
    let half = 0.5 * p.g_ms_per_cm2;
    (half * (v_mv - e_na_mv), half * (v_mv - e_k_mv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inward_at_rest_and_reversing_midway_between_e_na_and_e_k() {
        let p = GatingPoreParams {
            g_ms_per_cm2: 0.015,
        };
        // By hand at −85 mV, E_Na +55, E_K −95: 0.0075·(−140) = −1.05 and 0.0075·10 = 0.075.
        let (na, k) = currents_ua_per_cm2(&p, -85.0, 55.0, -95.0);
        assert!((na + 1.05).abs() < 1e-12 && (k - 0.075).abs() < 1e-12);
        let (na, k) = currents_ua_per_cm2(&p, -20.0, 55.0, -95.0);
        assert!((na + k).abs() < 1e-12);
        assert_eq!(
            currents_ua_per_cm2(&GatingPoreParams::default(), -85.0, 55.0, -95.0),
            (0.0, 0.0)
        );
    }
}
