//! K⁺ and Na⁺ accumulation and depletion in three compartments: myoplasm,
//! T-tubule lumen and interstitial space, with diffusion between the lumen
//! and the interstitium.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317) as used by Shorten et al.
//! 2007 (J Muscle Res Cell Motil 28:293); CellML component `wal_environment`,
//! equations for `K_i`, `K_t`, `K_e`, `Na_i`, `Na_t`, `Na_e`.
//!
//! ## Equations (X = K or Na; currents in µA/cm², outward positive)
//! ```text
//! J_s   = outward X current through the sarcolemma    (K: I_IR + I_DR + I_K,rest − 2 I_NaK;
//! J_t   = outward X current through the T-tubule wall   Na: I_Na + I_Na,rest + 3 I_NaK)
//! dX_t/dt = J_t/(1000 F ζ_t) − (X_t − X_e)/τ_X
//! dX_e/dt = J_s/(1000 F ζ_e) + (X_t − X_e)/τ_X2
//! dX_i/dt = −f_T J_t/(1000 F ζ_t) − J_s/(1000 F ζ_i)
//! ```
//! ζ is each compartment's volume per area of the membrane that feeds it
//! (cm); µA/cm² / (F·ζ) is mM/s and the 1000 turns it into mM/ms. f_T is the
//! T-tubule volume as a fraction of the myoplasm volume. With the defaults
//! f_T ζ_i/τ_X = ζ_e/τ_X2, so the three equations conserve
//! ζ_i X_i + f_T ζ_i X_t + ζ_e X_e exactly.
//!
//! **Area bookkeeping of the published model.** Per unit tubular flux J_t
//! the myoplasm term counts a tubular membrane of f_T ζ_i/ζ_t = 8 times the
//! sarcolemma (0.0032 · 0.0025/1e−6), while the voltage equations couple
//! the compartments with γ = 4.8 (CellML `gam`); the fibre's
//! `tubule_bookkeeping = "area-ratio"` option takes ζ_t = f_T ζ_i/γ.
//!
//! I_K,rest and I_Na,rest are constant background currents. **In the
//! published model they enter only these concentration equations, not the
//! voltage equations** (SCIENCE.md §2.1, quirk 3);
//! [`crate::model::muscle_fibre::Variant::Corrected`] adds them to both.
//!
//! ## Parameters
//! Defaults are the CellML constants (`wal_environment`).

use crate::parameters;

/// Milliseconds per second: the CellML's `1000` in `1000 F ζ`.
const MS_PER_S: f64 = 1000.0;

parameters! {
    /// Geometry and time constants of the K⁺/Na⁺ compartments.
    pub struct IonAccumulationParams {
        /// T-tubule volume per T-tubule membrane area ζ_t (CellML `tsi`).
        tubule_volume_per_area_cm: f64 = 0.000001, "cm", 1.0e-9..=1.0, "Shorten et al. 2007 CellML, wal_environment tsi";
        /// Myoplasm volume per sarcolemma area ζ_i (CellML `tsi2`).
        myoplasm_volume_per_area_cm: f64 = 0.0025, "cm", 1.0e-9..=1.0, "Shorten et al. 2007 CellML, wal_environment tsi2";
        /// Interstitial volume per sarcolemma area ζ_e (CellML `tsi3`).
        interstitial_volume_per_area_cm: f64 = 0.0005, "cm", 1.0e-9..=1.0, "Shorten et al. 2007 CellML, wal_environment tsi3";
        /// T-tubule volume as a fraction of the myoplasm volume f_T (CellML `f_T`).
        tubule_volume_fraction: f64 = 0.0032, "1", 0.0..=1.0, "Shorten et al. 2007 CellML, wal_environment f_T";
        /// K⁺ exchange time of the T-tubule lumen with the interstitium τ_K (CellML `tau_K`).
        tau_k_tubule_ms: f64 = 350.0, "ms", 0.001..=1.0e9, "Shorten et al. 2007 CellML, wal_environment tau_K";
        /// Na⁺ exchange time of the T-tubule lumen with the interstitium τ_Na (CellML `tau_Na`).
        tau_na_tubule_ms: f64 = 350.0, "ms", 0.001..=1.0e9, "Shorten et al. 2007 CellML, wal_environment tau_Na";
        /// K⁺ exchange time of the interstitium with the T-tubule lumen τ_K2 (CellML `tau_K2`).
        tau_k_interstitial_ms: f64 = 21875.0, "ms", 0.001..=1.0e9, "Shorten et al. 2007 CellML, wal_environment tau_K2";
        /// Na⁺ exchange time of the interstitium with the T-tubule lumen τ_Na2 (CellML `tau_Na2`).
        tau_na_interstitial_ms: f64 = 21875.0, "ms", 0.001..=1.0e9, "Shorten et al. 2007 CellML, wal_environment tau_Na2";
        /// Background outward K⁺ current I_K,rest (CellML `I_K_rest`).
        i_k_rest_ua_per_cm2: f64 = 1.02, "µA/cm²", -1000.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment I_K_rest";
        /// Background outward Na⁺ current I_Na,rest, negative: inward (CellML `I_Na_rest`).
        i_na_rest_ua_per_cm2: f64 = -1.29, "µA/cm²", -1000.0..=1000.0, "Shorten et al. 2007 CellML, wal_environment I_Na_rest";
    }
}

/// Time derivatives of one ion's concentration in the three compartments (mM/ms).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompartmentRates {
    /// d\[X\]_i/dt, myoplasm.
    pub myoplasm_mm_per_ms: f64,
    /// d\[X\]_t/dt, T-tubule lumen.
    pub tubule_mm_per_ms: f64,
    /// d\[X\]_e/dt, interstitial space.
    pub interstitial_mm_per_ms: f64,
}

/// Outward K⁺ current carried across one membrane, I_IR + I_DR + I_K,rest − 2 I_NaK
/// (µA/cm²; the numerator of the CellML `K_e`, `K_t`, `K_i` equations).
#[inline]
pub fn potassium_outward_ua_per_cm2(i_ir: f64, i_dr: f64, i_k_rest: f64, i_nak: f64) -> f64 {
    i_ir + i_dr + i_k_rest - 2.0 * i_nak
}

/// Outward Na⁺ current carried across one membrane, I_Na + I_Na,rest + 3 I_NaK
/// (µA/cm²; the numerator of the CellML `Na_e`, `Na_t`, `Na_i` equations).
#[inline]
pub fn sodium_outward_ua_per_cm2(i_na: f64, i_na_rest: f64, i_nak: f64) -> f64 {
    i_na + i_na_rest + 3.0 * i_nak
}

/// Concentration change (mM/ms) of a compartment of volume-per-area ζ fed by
/// an outward current density (µA/cm²): J/(1000 F ζ).
#[inline]
pub fn current_to_rate_mm_per_ms(
    current_ua_per_cm2: f64,
    faraday_c_per_mol: f64,
    volume_per_area_cm: f64,
) -> f64 {
    current_ua_per_cm2 / (MS_PER_S * faraday_c_per_mol * volume_per_area_cm)
}

/// Rate of change of myoplasmic Cl⁻ (mM/ms) from the Cl⁻ influx through
/// the sarcolemma and the T-tubule wall, each given as the outward current it
/// equals (µA/cm² of its membrane; Cl⁻ is an anion, so influx is outward
/// current): the myoplasm terms of [`compartment_rates`] with the sign of an
/// influx. The Cl⁻ outside is taken as a large pool and not updated (the
/// option of [`crate::physiology::chloride_channel::ChlorideDistribution::Dynamic`]).
#[inline]
pub fn chloride_influx_mm_per_ms(
    p: &IonAccumulationParams,
    faraday_c_per_mol: f64,
    surface_influx_ua_per_cm2: f64,
    tubule_influx_ua_per_cm2: f64,
) -> f64 {
    p.tubule_volume_fraction
        * current_to_rate_mm_per_ms(
            tubule_influx_ua_per_cm2,
            faraday_c_per_mol,
            p.tubule_volume_per_area_cm,
        )
        + current_to_rate_mm_per_ms(
            surface_influx_ua_per_cm2,
            faraday_c_per_mol,
            p.myoplasm_volume_per_area_cm,
        )
}

/// The ion whose compartments are updated; selects its exchange times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ion {
    /// K⁺: τ_K and τ_K2.
    Potassium,
    /// Na⁺: τ_Na and τ_Na2.
    Sodium,
}

impl IonAccumulationParams {
    /// Exchange times (T-tubule lumen, interstitium) of `ion`, in ms.
    #[inline]
    pub fn exchange_times_ms(&self, ion: Ion) -> (f64, f64) {
        match ion {
            Ion::Potassium => (self.tau_k_tubule_ms, self.tau_k_interstitial_ms),
            Ion::Sodium => (self.tau_na_tubule_ms, self.tau_na_interstitial_ms),
        }
    }
}

/// The three compartment equations of one ion (CellML `X_i`, `X_t`, `X_e`),
/// given its outward currents through the sarcolemma and the T-tubule wall
/// and its lumen and interstitial concentrations.
#[inline]
pub fn compartment_rates(
    p: &IonAccumulationParams,
    ion: Ion,
    faraday_c_per_mol: f64,
    surface_outward_ua_per_cm2: f64,
    tubule_outward_ua_per_cm2: f64,
    tubule_mm: f64,
    interstitial_mm: f64,
) -> CompartmentRates {
    let (tau_tubule_ms, tau_interstitial_ms) = p.exchange_times_ms(ion);
    let into_tubule = current_to_rate_mm_per_ms(
        tubule_outward_ua_per_cm2,
        faraday_c_per_mol,
        p.tubule_volume_per_area_cm,
    );
    let into_interstitium = current_to_rate_mm_per_ms(
        surface_outward_ua_per_cm2,
        faraday_c_per_mol,
        p.interstitial_volume_per_area_cm,
    );
    let out_of_myoplasm = current_to_rate_mm_per_ms(
        surface_outward_ua_per_cm2,
        faraday_c_per_mol,
        p.myoplasm_volume_per_area_cm,
    );
    let gradient = tubule_mm - interstitial_mm;
    CompartmentRates {
        myoplasm_mm_per_ms: -p.tubule_volume_fraction * into_tubule - out_of_myoplasm,
        tubule_mm_per_ms: into_tubule - gradient / tau_tubule_ms,
        interstitial_mm_per_ms: into_interstitium + gradient / tau_interstitial_ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FARADAY: f64 = 96485.0;

    #[test]
    fn one_microampere_per_cm2_into_the_myoplasm() {
        // 1 µA/cm² over ζ_i = 0.0025 cm: 1/(1000 · 96485 · 0.0025) = 4.1457e-6 mM/ms.
        let rate = current_to_rate_mm_per_ms(1.0, FARADAY, 0.0025);
        assert!((rate - 1.0 / 241_212.5).abs() < 1e-18);
    }

    #[test]
    fn compartments_conserve_the_ion() {
        let p = IonAccumulationParams::default();
        let r = compartment_rates(&p, Ion::Potassium, FARADAY, 3.7, -2.1, 7.3, 5.1);
        let zeta_i = p.myoplasm_volume_per_area_cm;
        let total = zeta_i * r.myoplasm_mm_per_ms
            + p.tubule_volume_fraction * zeta_i * r.tubule_mm_per_ms
            + p.interstitial_volume_per_area_cm * r.interstitial_mm_per_ms;
        let scale = zeta_i * r.myoplasm_mm_per_ms.abs();
        assert!(total.abs() < 1e-12 * scale, "net change {total}");
    }

    #[test]
    fn diffusion_moves_the_tubule_towards_the_interstitium() {
        let p = IonAccumulationParams::default();
        let r = compartment_rates(&p, Ion::Sodium, FARADAY, 0.0, 0.0, 9.0, 5.5);
        assert!((r.tubule_mm_per_ms + 3.5 / 350.0).abs() < 1e-15);
        assert!((r.interstitial_mm_per_ms - 3.5 / 21875.0).abs() < 1e-15);
        assert_eq!(r.myoplasm_mm_per_ms, 0.0);
    }

    #[test]
    fn chloride_influx_mirrors_a_cation_efflux_into_the_myoplasm() {
        let p = IonAccumulationParams::default();
        let k = compartment_rates(&p, Ion::Potassium, FARADAY, 3.7, -2.1, 5.0, 5.0);
        let cl = chloride_influx_mm_per_ms(&p, FARADAY, 3.7, -2.1);
        assert!((cl + k.myoplasm_mm_per_ms).abs() < 1e-18, "{cl} {k:?}");
    }

    #[test]
    fn pump_moves_two_potassium_and_three_sodium_per_cycle() {
        assert_eq!(potassium_outward_ua_per_cm2(0.0, 0.0, 0.0, 1.0), -2.0);
        assert_eq!(sodium_outward_ua_per_cm2(0.0, 0.0, 1.0), 3.0);
    }
}
