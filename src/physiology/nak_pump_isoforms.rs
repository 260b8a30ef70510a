//! The Na⁺/K⁺-ATPase of the Cannon-lab muscle fibre as two isoforms: α1
//! (high K⁺ affinity, sarcolemma) and α2 (low K⁺ affinity, mostly
//! T-tubule), each with the Wallinga et al. 1999 rate law.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 7 (Wallinga, Meijer et al. 1999, Eur Biophys J 28:317;
//! DiFranco, Hakimjavadi, Lingrel & Heiny 2015, J Gen Physiol 146:281);
//! parameters from `muscle_sim/Muscle_Default_Params.xlsx` v9, C48–C54:
//!
//! ```text
//! I_NaK = Σ_iso share_iso · F f(V) J_max / ((1 + K_mK,iso/[K]_o)² (1 + K_mNa,iso/[Na]_i)³)
//! f(V)  = 1/(1 + 0.12 e^{−0.1VF/RT} + 0.04 σ e^{−VF/RT}),  σ = (e^{[Na]_o/67.3} − 1)/7
//! ```
//! f(V) and σ are those of [`crate::physiology::sodium_potassium_pump`].
//! One net charge out per cycle (3 Na⁺ out, 2 K⁺ in): the K⁺ flux is
//! 2 I_NaK/F and the Na⁺ flux 3 I_NaK/F.
//!
//! Units: the file labels J_max "mmole/cm²-sec"; with that unit F·J_max would
//! be 2·10⁴ µA/cm². Read as µmol/(cm²·s), the unit of Wallinga's J̄_NaK
//! (Shorten 2007 CellML 6.21e−4 µmol/(cm²·s)), F·J_max = 19.97 µA/cm², the
//! same order as the fibre's resting Na⁺ influx (3 × pump ≈ 3.5 µA/cm² of
//! sarcolemma with the tubule, against ≈ 0.5 through NaV1.4 and ≈ 4 through
//! NKCC1 at the file's concentrations), so µmol is used. The file's
//! concentrations are *not* an exact steady state of the fibre (measured in
//! `cannon_fibre::tests::rest_and_chloride_share_at_the_file_s_conditions`),
//! and no reading of the unit (×10³ steps) brings them to one. The split of J_max between isoforms by
//! the file's "% alpha 2" (62 % of the sarcolemmal pump is α2, 100 % of the
//! tubular) is this crate's reading of C53–C54.

use crate::parameters;
use crate::physiology::sodium_potassium_pump::{
    SodiumPotassiumPumpParams, max_current_ua_per_cm2, voltage_factor,
};

parameters! {
    /// The two pump isoforms.
    pub struct NakPumpIsoformParams {
        /// Maximal flux J_max (the file's "mmole" read as µmol, see the module doc).
        j_max_umol_per_cm2_per_s: f64 = 2.07e-4, "µmol/(cm²·s)", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C48 'J_max pump'";
        /// α1 half-saturation by internal Na⁺.
        alpha1_k_m_na_mm: f64 = 13.0, "mM", 0.0001..=1000.0, "xlsx v9 C49 alpha1 Km Na";
        /// α1 half-saturation by external K⁺.
        alpha1_k_m_k_mm: f64 = 1.0, "mM", 0.0001..=1000.0, "xlsx v9 C50 alpha1 Km K";
        /// α2 half-saturation by internal Na⁺.
        alpha2_k_m_na_mm: f64 = 13.0, "mM", 0.0001..=1000.0, "xlsx v9 C51 alpha2 Km Na";
        /// α2 half-saturation by external K⁺.
        alpha2_k_m_k_mm: f64 = 2.5, "mM", 0.0001..=1000.0, "xlsx v9 C52 alpha2 Km K; DiFranco et al. 2015";
        /// Share of α2 in the sarcolemmal pump.
        sarcolemma_alpha2_fraction: f64 = 0.62, "1", 0.0..=1.0, "xlsx v9 C53 'Sarcolemma % alpha 2' = 62";
        /// Share of α2 in the tubular pump.
        tubule_alpha2_fraction: f64 = 1.0, "1", 0.0..=1.0, "xlsx v9 C54 'T-tubule % alpha 2' = 100";
    }
}

/// Pump current (µA/cm², outward) of a membrane whose α2 share is
/// `alpha2_fraction`, before any density scale.
#[allow(clippy::too_many_arguments)]
#[inline]
pub fn current_ua_per_cm2(
    p: &NakPumpIsoformParams,
    alpha2_fraction: f64,
    v_mv: f64,
    k_out_mm: f64,
    na_in_mm: f64,
    na_out_mm: f64,
    faraday_c_per_mol: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    // Each isoform is the Wallinga pump with its own K_m (sodium_potassium_pump).
    let isoform = |k_m_k_mm: f64, k_m_na_mm: f64| {
        let wallinga = SodiumPotassiumPumpParams {
            j_max_umol_per_cm2_per_s: p.j_max_umol_per_cm2_per_s,
            k_m_k_mm,
            k_m_na_mm,
            ..Default::default()
        };
        max_current_ua_per_cm2(&wallinga, k_out_mm, na_in_mm, faraday_c_per_mol)
    };
    let alpha1 = isoform(p.alpha1_k_m_k_mm, p.alpha1_k_m_na_mm);
    let alpha2 = isoform(p.alpha2_k_m_k_mm, p.alpha2_k_m_na_mm);
    ((1.0 - alpha2_fraction) * alpha1 + alpha2_fraction * alpha2)
        * voltage_factor(v_mv, na_out_mm, f_over_rt_per_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRT: f64 = 96480.0 / (8314.0 * 295.0);

    #[test]
    fn alpha2_is_the_one_that_follows_external_potassium() {
        let p = NakPumpIsoformParams::default();
        let at = |share, k| current_ua_per_cm2(&p, share, -80.0, k, 6.888, 138.3, 96480.0, FRT);
        // From 4.5 to 1 mM K⁺: α1 (K_m 1) keeps (1 + 1/4.5)²/(1 + 1)² = 37 %; α2 (K_m 2.5) keeps (1.556/3.5)² = 19.8 %.
        assert!((at(0.0, 1.0) / at(0.0, 4.5) - (1.0 + 1.0 / 4.5f64).powi(2) / 4.0).abs() < 1e-12);
        assert!(
            (at(1.0, 1.0) / at(1.0, 4.5) - (1.0 + 2.5 / 4.5f64).powi(2) / 3.5f64.powi(2)).abs()
                < 1e-12
        );
    }

    #[test]
    fn maximal_current_is_f_times_j_max() {
        let p = NakPumpIsoformParams::default();
        // Saturating K⁺ and Na⁺ at +2000 mV: f(V) → 1 (within 5e−5), saturation → 1.
        let i = current_ua_per_cm2(&p, 0.5, 2000.0, 1e6, 1e6, 138.3, 96480.0, FRT);
        assert!((i - 96480.0 * 2.07e-4).abs() < 0.01, "{i}");
    }
}
