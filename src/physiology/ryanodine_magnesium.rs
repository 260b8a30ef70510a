//! Mg²⁺ inhibition of voltage-driven Ca²⁺ release from the sarcoplasmic
//! reticulum: an option of the muscle fibre, off by default.
//!
//! ## What it models
//! Myoplasmic free Mg²⁺ inhibits the skeletal ryanodine receptor (RyR1).
//! Jóna, Szegedi, Sárközi, Szentesi, Csernoch & Kovács, "Altered inhibition
//! of the rat skeletal ryanodine receptor/calcium release channel by
//! magnesium in the presence of ATP" (Univ. Debrecen; abstract read at
//! yyws.alljournals.cn, the journal is not given there) measured the Ca²⁺
//! release flux R_rel of voltage-clamped single fibres (double Vaseline gap,
//! with ATP): lowering \[Mg²⁺\]_i raised the maximal R_rel and moved its
//! voltage dependence to more negative potentials, raising it did the
//! opposite; "the concentration dependence was described with an IC50 of
//! 174 µM, N = 1, under depolarized conditions and showed a tenfold increase
//! in affinity in polarized fibres". That is the release of this model —
//! driven by the T-tubule voltage sensors, not by Ca²⁺ — so the option scales
//! the Ríos–Stern release flux of [`crate::physiology::calcium_release`]
//! (its permeability i₂, CellML `i2`) by the Hill inhibition relative to the
//! model's own free Mg²⁺:
//! ```text
//! φ_rel = (1 + ([Mg]_ref/IC50)^N) / (1 + ([Mg_1]/IC50)^N)
//! ```
//! with the triadic free Mg²⁺ Mg_1 (the release site), IC50 = 174 µM, N = 1
//! and \[Mg\]_ref = 1000 µM, the CellML initial Mg1 = Mg2 at which the
//! published i₂ applies (φ_rel = 1 there).
//!
//! ## What is not modelled, and why
//! - The shift of the voltage dependence of release with Mg²⁺ (reported in the
//!   abstract without a number in mV).
//! - Which IC50 applies to a fibre at rest that is then stimulated: the
//!   abstract gives 174 µM for depolarized conditions and a tenfold higher
//!   affinity (≈ 17 µM) for polarized fibres; the default is the value the
//!   abstract states as the fit, and `ic50_um` can be set to the other.
//! - The Mg²⁺ inhibition of Ca²⁺-activated RyR1 in bilayers (same abstract:
//!   IC50 635 µM, N = 1.83 without ATP; 860 µM, N = 1.1 with 5 mM ATP; Balog
//!   et al. 2001, Biophys J 81:2050, ryanodine binding of pig RyR1: K_I,Mg
//!   299 µM, K_A,Mg 21.6 µM): this model's release is not Ca²⁺-activated, so
//!   those constants have no rate to act on. Laver et al. 1997 and Lamb &
//!   Stephenson 1991, suggested as sources, were not found in the stored
//!   literature (pages corpus searched for this option).
//!
//! ## Validity
//! Free Mg²⁺ from about 0.05 to a few mM, the range of such fibre studies;
//! the abstract does not give the range or the species of the fibres.

use crate::parameters;

parameters! {
    /// Option of the muscle fibre: free Mg²⁺ inhibits the voltage-driven
    /// release flux (module documentation).
    pub struct RyanodineMagnesiumOption {
        /// Free Mg²⁺ halving the maximal release flux, IC50.
        ic50_um: f64 = 174.0, "µM", 0.001..=1.0e6, "Jóna et al., rat skeletal RyR / fibres with ATP, abstract: IC50 174 µM under depolarized conditions (tenfold lower in polarized fibres)";
        /// Hill coefficient N of the inhibition.
        hill_coefficient: f64 = 1.0, "1", 0.1..=10.0, "Jóna et al., abstract: N = 1 in fibres";
        /// Free Mg²⁺ at which the published release permeability applies unchanged.
        reference_mg_um: f64 = 1000.0, "µM", 0.0..=1.0e5, "Shorten et al. 2007 CellML initial free Mg1 = Mg2 = 1000 µM";
    }
    switches {
        /// `true`: triadic free Mg²⁺ scales the release flux; `false` (default): the published model.
        enabled: bool;
    }
}

/// Factor φ_rel = (1 + (\[Mg\]_ref/IC50)^N)/(1 + (\[Mg\]/IC50)^N) of the release
/// flux at free `mg_um` (µM): 1 at the reference, below 1 above it.
#[inline]
pub fn release_factor(p: &RyanodineMagnesiumOption, mg_um: f64) -> f64 {
    let inhibition = |mg: f64| 1.0 + (mg / p.ic50_um).powf(p.hill_coefficient);
    inhibition(p.reference_mg_um) / inhibition(mg_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_factor_is_one_at_the_reference_and_falls_with_magnesium() {
        let p = RyanodineMagnesiumOption::default();
        assert!(!p.enabled);
        assert_eq!(release_factor(&p, 1000.0), 1.0);
        // By hand: (1 + 1000/174)/(1 + 3000/174) = 6.7471/18.2414 = 0.36988.
        let by_hand = (1.0 + 1000.0 / 174.0) / (1.0 + 3000.0 / 174.0);
        assert!((release_factor(&p, 3000.0) - by_hand).abs() < 1e-12);
        assert!((by_hand - 0.369_88).abs() < 1e-5);
        assert!(release_factor(&p, 300.0) > 1.0);
    }

    #[test]
    fn at_the_ic50_the_flux_is_half_of_the_magnesium_free_flux() {
        let p = RyanodineMagnesiumOption::default();
        let relative_to_zero = release_factor(&p, p.ic50_um) / release_factor(&p, 0.0);
        assert!((relative_to_zero - 0.5).abs() < 1e-12);
    }
}
