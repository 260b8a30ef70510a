//! Ion accumulation in a lumped T-tubule and its diffusional exchange with
//! the bath, as the Cannon-lab muscle fibre writes them.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 7, after Cannon, Brown & Corey 1993 (Biophys J 65:270):
//!
//! ```text
//! d[K]_TT/dt = (I_Kir,TT + I_Kdr,TT + I_KCNQ,TT − F J_NKCC,K,TT − 2 I_pump,TT)/(F ζ) − ([K]_TT − [K]_o)/τ_diff
//! ```
//! with ζ the tubular volume per tubular membrane area (1.26e−6 cm, xlsx v9
//! C19; the PDF says 1.25e−6) and τ_diff = 350 ms; Na⁺ and Cl⁻ alike with
//! their own currents and valence. A current density I (µA/cm², per unit of
//! tubular membrane) changes the concentration of a compartment of volume
//! per area `depth_cm` by I/(z F depth) — [`mm_per_ms_per_ua_per_cm2`] is
//! 1/(F·depth) in those units. The same conversion serves the myoplasm
//! (depth = fibre radius/2 per unit of sarcolemma).
//!
//! The PDF holds the bath concentrations fixed (an isolated fibre in a
//! chamber). τ_diff is scaled by the file's diffusion Q10 (1.5, C11) by the
//! model that uses it.

use crate::parameters;

parameters! {
    /// Exchange between the T-tubule lumen and the bath.
    pub struct TubuleExchangeParams {
        /// Time constant τ_diff of the lumen–bath equilibration.
        tau_diffusion_ms: f64 = 350.0, "ms", 0.1..=100000.0, "Cannon-lab 'Simulated Muscle Fiber.pdf' (July 2024) p. 7; Cannon, Brown & Corey 1993";
    }
}

/// dX/dt in mM/ms per µA/cm² of (charge-weighted) efflux into a compartment
/// of volume per membrane area `depth_cm`: 1/(F·depth) with F in C/mol,
/// µA = 10⁻⁹ C/ms and mM = 10⁻⁶ mol/cm³, i.e. 10⁻³/(F·depth).
#[inline]
pub fn mm_per_ms_per_ua_per_cm2(faraday_c_per_mol: f64, depth_cm: f64) -> f64 {
    1e-3 / (faraday_c_per_mol * depth_cm)
}

/// dX/dt in mM/ms per pmol/(cm²·s) of flux into a compartment of volume per
/// area `depth_cm`: 10⁻¹²mol/s = 10⁻¹⁵ mol/ms, over depth, in 10⁻⁶ mol/cm³.
#[inline]
pub fn mm_per_ms_per_pmol_per_cm2_per_s(depth_cm: f64) -> f64 {
    1e-9 / depth_cm
}

/// Relaxation −(X_TT − X_o)/τ of a tubular concentration toward the bath (mM/ms).
#[inline]
pub fn diffusion_mm_per_ms(
    p: &TubuleExchangeParams,
    x_tubule_mm: f64,
    x_out_mm: f64,
    phi: f64,
) -> f64 {
    -phi * (x_tubule_mm - x_out_mm) / p.tau_diffusion_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_microampere_fills_the_tubule_at_8_mm_per_second() {
        // 1 µA/cm² into ζ = 1.26e−6 cm: 1e−6/(96480 · 1.26e−6) mol/(cm³·s) = 8.226 mM/s.
        let rate = mm_per_ms_per_ua_per_cm2(96480.0, 1.26e-6);
        assert!((rate * 1000.0 - 8.226).abs() < 1e-3, "{rate}");
        // The same flux as moles: 1 µA/cm² = 1e−6/96480 mol/(cm²·s) = 10.365 pmol/(cm²·s).
        let flux = 1e6 / 96480.0;
        assert!((mm_per_ms_per_pmol_per_cm2_per_s(1.26e-6) * flux - rate).abs() < 1e-12);
        let p = TubuleExchangeParams::default();
        assert!((diffusion_mm_per_ms(&p, 5.0, 4.65, 1.0) + 0.001).abs() < 1e-15);
    }
}
