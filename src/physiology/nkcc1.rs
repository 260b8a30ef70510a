//! NKCC1, the electroneutral Na⁺–K⁺–2Cl⁻ cotransporter of the Cannon-lab
//! muscle fibre: the main reason [Cl⁻]_i sits above its passive equilibrium.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 7, after Gallaher, Bier & Siegenbeek van Heukelom 2009
//! (Biophys Chem 143:18); J0 from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9, C57:
//!
//! ```text
//! J_NKCC,x = β_x J0 [ln([Na]_o/[Na]_i) + ln([K]_o/[K]_i) + 2 ln([Cl]_o/[Cl]_i)],
//! β_Na = β_K = 1, β_Cl = 2                                        (pmol/(cm²·s), inward)
//! ```
//! Positive J is influx. No charge moves. The file's osmotic terms
//! (`Osm_off` 0, `Kosm` 2.5 mM, C58–C59) are not described in the PDF and
//! are not modelled.

use crate::parameters;

parameters! {
    /// NKCC1 rate constant.
    pub struct Nkcc1Params {
        /// Rate constant J0 (per unit of the log-sum).
        j0_pmol_per_cm2_per_s: f64 = 4.0, "pmol/(cm²·s)", 0.0..=1000.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C57 'J0 (pmol/cm2-sec = 2 at baseline)'";
    }
}

/// Na⁺ (= K⁺) influx in pmol/(cm²·s); the Cl⁻ influx is twice this.
#[inline]
pub fn cation_influx_pmol_per_cm2_per_s(
    p: &Nkcc1Params,
    na_out_mm: f64,
    na_in_mm: f64,
    k_out_mm: f64,
    k_in_mm: f64,
    cl_out_mm: f64,
    cl_in_mm: f64,
) -> f64 {
    p.j0_pmol_per_cm2_per_s
        * ((na_out_mm / na_in_mm).ln()
            + (k_out_mm / k_in_mm).ln()
            + 2.0 * (cl_out_mm / cl_in_mm).ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn influx_at_the_file_s_concentrations_by_hand_and_zero_at_balance() {
        let p = Nkcc1Params::default();
        let j = cation_influx_pmol_per_cm2_per_s(&p, 138.3, 6.888, 4.5, 151.9, 103.9, 5.674);
        let by_hand =
            4.0 * ((138.3f64 / 6.888).ln() + (4.5f64 / 151.9).ln() + 2.0 * (103.9f64 / 5.674).ln());
        assert!((j - by_hand).abs() < 1e-12 && j > 0.0);
        assert_eq!(
            cation_influx_pmol_per_cm2_per_s(&p, 10.0, 10.0, 4.0, 4.0, 5.0, 5.0),
            0.0
        );
    }
}
