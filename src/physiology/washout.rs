//! Blood washout of the interstitial space: interstitial K⁺ and Na⁺ relax
//! towards their plasma values at a rate set by muscle blood flow.
//!
//! ## What it models
//! The interstitial (extracellular) compartment of the fibre model exchanges
//! ions with capillary plasma. As one well-mixed compartment:
//! ```text
//! d[X]_e/dt += −([X]_e − [X]_plasma) / τ_X
//! τ_X  = V_isf / Cl_X                                    (no flow: no term)
//! Cl_X = F_p (1 − exp(−PS_X / F_p)),  F_p = F_blood (1 − Hct)
//! ```
//! Cl_X is the Renkin–Crone clearance (Renkin 1959, Am J Physiol 197:1205;
//! Crone 1963, Acta Physiol Scand 58:292, "P = (Q/A) ln 1/(1 − E)"), the
//! plasma flow F_p times the extraction 1 − exp(−PS/F_p). When PS ≫ F_p, as
//! for K⁺ and Na⁺ in resting muscle, exchange is flow-limited and τ ≈ V_isf/F_p;
//! a longer τ stands for poor circulation; zero flow (the default) gives no
//! term at all.
//!
//! ## Deriving the default (no direct measurement of τ was found)
//! Searches of the stored pages found interstitial K⁺ levels (microdialysis:
//! 4.2 mM at rest, 6–9 mM during knee-extensor exercise, Am J Physiol Regul
//! Integr Comp Physiol 2000, 278:R400, PubMed 10666141; 12 mM at exhaustion,
//! same journal 2003, 285:R143; SCIENCE.md §2.4 V17) and slow venous K⁺
//! recoveries (half-times ~3 min of the femoral veno-arterial K⁺ difference,
//! "Effect of exercise intensity on potassium balance in muscle and blood of
//! man", J Physiol, abstract), but no interstitial exchange time constant. The default is therefore built from the terms above:
//! - F_blood = 3 ml/(min·100 g): resting human skeletal-muscle blood flow,
//!   "3 to 4 ml/min/100 g of muscle" at rest (Guyton & Hall, Textbook of
//!   Medical Physiology, ch. 21, read in a mirror); forearm muscle 3.84
//!   ml/(100 ml·min) by ¹²⁵I-antipyrine clearance (Johnson & Rowell 1975,
//!   J Appl Physiol, abstract). This is the value to give for normal rest; the parameter's default is 0 (no
//!   washout) so that the published fibre runs unchanged.
//! - Hct = 0.45: textbook haematocrit.
//! - PS_K = 42 ml/(min·100 g): single-capillary K⁺ permeability 8.6–13.1×10⁻⁵
//!   cm/s (Frøkjaer-Jensen, "Permeability of single muscle capillaries to
//!   potassium ions", frog, abstract; whole-organ values agree within a
//!   factor of about 2, same abstract) taken as 1×10⁻⁴ cm/s, times
//!   a capillary surface of ~70 cm²/g (textbook value, unverified):
//!   7×10⁻³ cm³/(s·g) = 42 ml/(min·100 g). Only its order matters while
//!   PS ≫ F_p.
//! - PS_Na = PS_K · D_Na/D_K = 42 · 1.334/1.957 = 28.6 ml/(min·100 g), by
//!   the ratio of the free-solution diffusion coefficients at 25 °C.
//! - V_isf = 12 ml/100 g: interstitial volume of muscle, 10–15 % of wet
//!   weight (textbook, unverified).
//!
//! This gives τ_K ≈ 12/1.65 min ≈ 7.3 min at rest. During exercise
//! hyperaemia (tens of ml/(min·100 g)) the same formula gives well under a
//! minute; both are derived, not measured, numbers.
//!
//! ## Validity
//! One well-mixed interstitial compartment, plasma values fixed (no systemic
//! K⁺ balance), no lymph flow, no osmotic water shifts.

use crate::parameters;

/// ms per min.
const MS_PER_MIN: f64 = 60_000.0;

parameters! {
    /// Blood flow and capillary exchange that wash the interstitium.
    pub struct WashoutParams {
        /// Muscle blood flow F_blood; 0 means no flow (no washout term).
        blood_flow_ml_per_min_per_100g: f64 = 0.0, "ml/(min·100 g)", 0.0..=200.0, "none by default, so the published fibre is unchanged; resting human muscle 3–4 (Guyton & Hall ch. 21; Johnson & Rowell 1975: 3.84)";
        /// Haematocrit Hct, the red-cell volume fraction of blood.
        hematocrit: f64 = 0.45, "1", 0.0..=0.9, "textbook haematocrit, unverified";
        /// Capillary permeability–surface product PS for K⁺.
        k_permeability_surface_ml_per_min_per_100g: f64 = 42.0, "ml/(min·100 g)", 0.0..=10000.0, "P_K 1e-4 cm/s (Frøkjaer-Jensen, frog muscle capillaries, abstract) × ~70 cm²/g capillary surface (unverified)";
        /// Capillary permeability–surface product PS for Na⁺.
        na_permeability_surface_ml_per_min_per_100g: f64 = 28.6, "ml/(min·100 g)", 0.0..=10000.0, "PS_K × D_Na/D_K (1.334/1.957, free diffusion at 25 °C)";
        /// Interstitial fluid volume V_isf per tissue mass.
        interstitial_volume_ml_per_100g: f64 = 12.0, "ml/100 g", 0.1..=100.0, "muscle interstitium 10–15 % of wet weight, textbook, unverified";
    }
}

/// Plasma flow F_p = F_blood (1 − Hct) in ml/(min·100 g).
#[inline]
pub fn plasma_flow_ml_per_min_per_100g(p: &WashoutParams) -> f64 {
    p.blood_flow_ml_per_min_per_100g * (1.0 - p.hematocrit)
}

/// Renkin–Crone clearance F_p (1 − e^{−PS/F_p}) in ml/(min·100 g); 0 at no flow.
#[inline]
pub fn renkin_crone_clearance_ml_per_min_per_100g(
    plasma_flow_ml_per_min_per_100g: f64,
    permeability_surface_ml_per_min_per_100g: f64,
) -> f64 {
    if plasma_flow_ml_per_min_per_100g <= 0.0 {
        return 0.0;
    }
    -plasma_flow_ml_per_min_per_100g
        * (-permeability_surface_ml_per_min_per_100g / plasma_flow_ml_per_min_per_100g).exp_m1()
}

/// Washout time constant τ = V_isf / clearance in ms for an ion with the given
/// PS; `None` when there is no clearance (no flow or no permeability).
#[inline]
pub fn washout_time_constant_ms(
    p: &WashoutParams,
    permeability_surface_ml_per_min_per_100g: f64,
) -> Option<f64> {
    let clearance = renkin_crone_clearance_ml_per_min_per_100g(
        plasma_flow_ml_per_min_per_100g(p),
        permeability_surface_ml_per_min_per_100g,
    );
    (clearance > 0.0).then(|| p.interstitial_volume_ml_per_100g / clearance * MS_PER_MIN)
}

/// Washout time constant of interstitial K⁺ in ms (`None`: no washout).
#[inline]
pub fn k_washout_time_constant_ms(p: &WashoutParams) -> Option<f64> {
    washout_time_constant_ms(p, p.k_permeability_surface_ml_per_min_per_100g)
}

/// Washout time constant of interstitial Na⁺ in ms (`None`: no washout).
#[inline]
pub fn na_washout_time_constant_ms(p: &WashoutParams) -> Option<f64> {
    washout_time_constant_ms(p, p.na_permeability_surface_ml_per_min_per_100g)
}

/// Washout contribution −(\[X\]_e − \[X\]_plasma)/τ to d\[X\]_e/dt in mM/ms;
/// 0 when `tau_ms` is `None` (no flow).
#[inline]
pub fn washout_rate_mm_per_ms(
    x_interstitial_mm: f64,
    x_plasma_mm: f64,
    tau_ms: Option<f64>,
) -> f64 {
    tau_ms.map_or(0.0, |tau| -(x_interstitial_mm - x_plasma_mm) / tau)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resting human muscle: 3 ml/(min·100 g) (the default is no flow).
    fn p() -> WashoutParams {
        WashoutParams {
            blood_flow_ml_per_min_per_100g: 3.0,
            ..WashoutParams::default()
        }
    }

    /// \[X\]_e after `duration_ms` of washout alone, by classical RK4 with `steps` steps.
    fn integrate(x0_mm: f64, plasma_mm: f64, tau_ms: Option<f64>, duration_ms: f64) -> f64 {
        let steps = 1000;
        let dt = duration_ms / steps as f64;
        let f = |x| washout_rate_mm_per_ms(x, plasma_mm, tau_ms);
        (0..steps).fold(x0_mm, |x, _| {
            let k1 = f(x);
            let k2 = f(x + 0.5 * dt * k1);
            let k3 = f(x + 0.5 * dt * k2);
            let k4 = f(x + dt * k3);
            x + dt / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
        })
    }

    #[test]
    fn default_time_constant_by_hand() {
        // F_p = 3 · 0.55 = 1.65; PS/F_p = 25.45, so the extraction is 1 − 9e-12;
        // τ_K = 12/1.65 min = 7.2727 min = 436 364 ms (to 0.1 ms).
        let tau = k_washout_time_constant_ms(&p()).unwrap();
        assert!((tau - 12.0 / 1.65 * 60_000.0).abs() < 0.1, "{tau}");
        // Na: PS/F_p = 17.3, still flow-limited: within 1e-6 relative of K.
        let tau_na = na_washout_time_constant_ms(&p()).unwrap();
        assert!(tau_na > tau && (tau_na / tau - 1.0) < 1e-6);
    }

    #[test]
    fn clearance_is_diffusion_limited_at_high_flow() {
        // F_p → ∞: clearance → PS (1 − PS/(2F_p) + …); at F_p = 1e4, 42(1 − 0.0021).
        let clearance = renkin_crone_clearance_ml_per_min_per_100g(1.0e4, 42.0);
        assert!(
            (clearance - 42.0 * (1.0 - 42.0 / 2.0e4)).abs() < 1e-3,
            "{clearance}"
        );
    }

    #[test]
    fn approach_is_exponential_with_the_time_constant() {
        // Interstitial K 12 mM (exhaustion) washing out to plasma 4 mM: after
        // one τ the excess is 8/e = 2.9430 mM, after three 8/e³. RK4 with
        // 1000 steps over 3τ is accurate to ~1e-12 relative; tolerance 1e-9 mM.
        let tau = k_washout_time_constant_ms(&p());
        let t = tau.unwrap();
        let after_one = integrate(12.0, 4.0, tau, t);
        assert!(
            (after_one - 4.0 - 8.0 / std::f64::consts::E).abs() < 1e-9,
            "{after_one}"
        );
        let after_three = integrate(12.0, 4.0, tau, 3.0 * t);
        assert!((after_three - 4.0 - 8.0 * (-3.0_f64).exp()).abs() < 1e-9);
        // Below plasma it rises towards plasma.
        assert!(washout_rate_mm_per_ms(3.0, 4.0, tau) > 0.0);
    }

    #[test]
    fn poorer_flow_is_a_longer_time_constant() {
        let poor = WashoutParams {
            blood_flow_ml_per_min_per_100g: 1.0,
            ..p()
        };
        assert!(k_washout_time_constant_ms(&poor) > k_washout_time_constant_ms(&p()));
    }

    #[test]
    fn no_flow_leaves_the_interstitium_unchanged() {
        let still = WashoutParams {
            blood_flow_ml_per_min_per_100g: 0.0,
            ..p()
        };
        assert_eq!(k_washout_time_constant_ms(&still), None);
        assert_eq!(na_washout_time_constant_ms(&still), None);
        assert_eq!(washout_rate_mm_per_ms(12.0, 4.0, None), 0.0);
        assert_eq!(integrate(12.0, 4.0, None, 1.0e6), 12.0);
    }
}
