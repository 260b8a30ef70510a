//! Ca²⁺ uptake into and leak out of the sarcoplasmic reticulum: the SERCA
//! pump and a passive leak.
//!
//! ## What it models
//! Shorten et al. 2007 (J Muscle Res Cell Motil 28:293); CellML component
//! `razumova`, the `nu_SR` and `L_e` terms of the `Ca_1`, `Ca_2`, `Ca_SR1`
//! and `Ca_SR2` equations. Both act between each myoplasmic compartment and
//! the SR compartment next to it (triad: 1, bulk: 2).
//!
//! ## Equations (amounts per time, µM·µm³/ms)
//! ```text
//! J_SERCA = ν_SR [Ca] / ([Ca] + K_SR)        myoplasm → SR
//! J_leak  = L_e ([Ca_SR] − [Ca])             SR → myoplasm
//! ```
//! Each compartment divides the flux by its own volume
//! ([`crate::physiology::calcium_compartments`]).
//!
//! ## Parameters
//! Defaults are the CellML constants (`razumova`).
//!
//! ## Mg²⁺ dependence: not modelled
//! SERCA needs Mg-ATP and is modulated by free Mg²⁺, but no number usable as
//! a rate law was found in the stored literature: Kabbara & Stephenson 1994
//! (Pflügers Arch 428:331, abstract) report only where uptake by skinned
//! fibres is optimal (rat EDL: 1 mM free Mg²⁺ at 0.3 µM Ca²⁺, 1–3 mM at
//! 1 µM), and Jacquemond & Schneider 1992 (J Gen Physiol 100:115, abstract)
//! a slower Ca²⁺ transient decay below 0.14 mM Mg²⁺ in frog fibres that
//! includes parvalbumin's Mg²⁺ competition (which this model has). So the
//! muscle fibre has no SERCA Mg²⁺ option; its Mg²⁺ options are
//! [`crate::physiology::troponin_magnesium`] and
//! [`crate::physiology::ryanodine_magnesium`].

use crate::parameters;

parameters! {
    /// Constants of the SR Ca²⁺ pump and leak.
    pub struct SarcoplasmicReticulumParams {
        /// Maximal SERCA flux ν_SR (CellML `nu_SR`).
        serca_max_um_um3_per_ms: f64 = 4.875, "µM·µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova nu_SR";
        /// Half-saturating myoplasmic Ca²⁺ of SERCA K_SR (CellML `K_SR`).
        serca_k_um: f64 = 1.0, "µM", 0.000001..=1.0e6, "Shorten et al. 2007 CellML, razumova K_SR";
        /// Leak permeability L_e of the SR membrane (CellML `L_e`).
        leak_um3_per_ms: f64 = 0.00002, "µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova L_e";
    }
}

/// SERCA uptake ν_SR \[Ca\]/(\[Ca\] + K_SR) from myoplasm into SR, µM·µm³/ms.
#[inline]
pub fn serca_flux_um_um3_per_ms(p: &SarcoplasmicReticulumParams, ca_myoplasm_um: f64) -> f64 {
    p.serca_max_um_um3_per_ms * (ca_myoplasm_um / (ca_myoplasm_um + p.serca_k_um))
}

/// Passive leak L_e (\[Ca_SR\] − \[Ca\]) from SR into myoplasm, µM·µm³/ms.
#[inline]
pub fn leak_flux_um_um3_per_ms(
    p: &SarcoplasmicReticulumParams,
    ca_sr_um: f64,
    ca_myoplasm_um: f64,
) -> f64 {
    p.leak_um3_per_ms * (ca_sr_um - ca_myoplasm_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> SarcoplasmicReticulumParams {
        SarcoplasmicReticulumParams::default()
    }

    #[test]
    fn serca_is_half_saturated_at_k_sr() {
        assert!((serca_flux_um_um3_per_ms(&p(), 1.0) - 4.875 / 2.0).abs() < 1e-15);
        assert!(serca_flux_um_um3_per_ms(&p(), 1.0e6) < 4.875);
        assert_eq!(serca_flux_um_um3_per_ms(&p(), 0.0), 0.0);
    }

    #[test]
    fn uptake_and_leak_at_the_published_initial_state() {
        // Ca = 0.1 µM, Ca_SR = 1500 µM: SERCA 4.875 · 0.1/1.1 = 0.443182,
        // leak 2e-5 · 1499.9 = 0.029998 µM·µm³/ms; the pump wins.
        assert!((serca_flux_um_um3_per_ms(&p(), 0.1) - 0.443_181_818_181_818_2).abs() < 1e-15);
        assert!((leak_flux_um_um3_per_ms(&p(), 1500.0, 0.1) - 0.029_998).abs() < 1e-15);
    }
}
