//! Ca²⁺-activated K⁺ current (SK, the after-hyperpolarization current) and
//! the submembrane Ca²⁺ pool that drives it, of the Booth, Rinzel & Kiehn
//! 1997 motoneuron (soma and dendrite; source as in
//! [`crate::physiology::motoneuron_sodium`]).
//!
//! ```text
//! I_K(Ca)  = ḡ_K(Ca) [Ca]/([Ca] + K_d) (V − E_K)
//! d[Ca]/dt = f (−α I_Ca − k_Ca [Ca])          [Ca] in µM, I_Ca in µA/cm²
//! ```
//! I_Ca is the compartment's total Ca²⁺ current (N-like, and L-like in the
//! dendrite). f is the free fraction of entering Ca²⁺, α converts current
//! density to concentration (the source's unit "mol C⁻¹ µm⁻¹"), k_Ca the
//! removal rate. Serotonin (5-HT) acts in the source by reducing ḡ_K(Ca).

use crate::parameters;

parameters! {
    /// Constants of the BRK Ca²⁺ pool and I_K(Ca) (`[parameters.motoneuron.calcium_pool]`).
    pub struct CalciumPoolParams {
        /// Dissociation constant K_d of Ca²⁺ at the K(Ca) channel.
        k_d_um: f64 = 0.2, "µM", 0.001..=100.0, "Booth et al. 1997 Table 1 (create_brk.m Kd = 0.2 µM)";
        /// Free fraction f of entering Ca²⁺.
        free_fraction: f64 = 0.01, "1", 0.0001..=1.0, "Booth et al. 1997 Table 1 (create_brk.m f = 0.01)";
        /// Conversion α of Ca²⁺ current density to concentration rate.
        alpha_um_cm2_per_ms_per_ua: f64 = 0.009, "µM·cm²/(ms·µA)", 0.0..=10.0, "Booth et al. 1997 Table 1 (create_brk.m alpha = 0.009 'mol/C/µm')";
        /// Removal rate k_Ca.
        removal_rate_per_ms: f64 = 2.0, "ms⁻¹", 0.001..=100.0, "Booth et al. 1997 Table 1 (create_brk.m kca = 2)";
    }
}

/// Fraction of K(Ca) channels open, [Ca]/([Ca] + K_d).
#[inline]
pub fn open_fraction(p: &CalciumPoolParams, ca_um: f64) -> f64 {
    ca_um / (ca_um + p.k_d_um)
}

/// I_K(Ca) (µA/cm², outward positive) with conductance `g_ms_per_cm2`.
#[inline]
pub fn current(
    p: &CalciumPoolParams,
    g_ms_per_cm2: f64,
    v_mv: f64,
    ca_um: f64,
    e_k_mv: f64,
) -> f64 {
    g_ms_per_cm2 * open_fraction(p, ca_um) * (v_mv - e_k_mv)
}

/// d[Ca]/dt (µM/ms) for a total Ca²⁺ current `i_ca_ua_per_cm2` (inward negative).
#[inline]
pub fn pool_rate(p: &CalciumPoolParams, i_ca_ua_per_cm2: f64, ca_um: f64) -> f64 {
    p.free_fraction
        * (-p.alpha_um_cm2_per_ms_per_ua * i_ca_ua_per_cm2 - p.removal_rate_per_ms * ca_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inward_calcium_fills_the_pool_and_half_opens_at_k_d() {
        let p = CalciumPoolParams::default();
        assert_eq!(open_fraction(&p, 0.2), 0.5);
        // −100 µA/cm² at [Ca] = 0: 0.01 · 0.009 · 100 = 0.009 µM/ms; steady state −α I/k = 0.45 µM.
        assert!((pool_rate(&p, -100.0, 0.0) - 0.009).abs() < 1e-15);
        assert!(pool_rate(&p, -100.0, 0.45).abs() < 1e-15);
        // I_K(Ca) at K_d, V = −60: 5 · 0.5 · 20 = 50 µA/cm².
        assert!((current(&p, 5.0, -60.0, 0.2, -80.0) - 50.0).abs() < 1e-12);
    }
}
