//! Geometry of the half-sarcomere Ca²⁺ compartments and the exchange
//! between them: triadic and bulk myoplasm, triadic and bulk SR.
//!
//! ## What it models
//! Shorten et al. 2007 (J Muscle Res Cell Motil 28:293); CellML component
//! `razumova`, constants `L_x`, `R_R`, `V_o`, `V_1`, `V_2`, `V_SR`, `V_SR1`,
//! `V_SR2`, `tau_R`, `tau_SR_R`, `tau_ATP`, `tau_Mg`. A cylinder of length
//! L_x and radius R_R holds myoplasm (95 %) and SR (5 %); 1 % of each is the
//! compartment next to the triad (1), where Ca²⁺ is released, and 99 % the
//! bulk (2), where troponin sits.
//!
//! ## Equations
//! ```text
//! V_o = 0.95 L_x π R_R²,  V_SR = 0.05 L_x π R_R²              [µm³]
//! V_1 = 0.01 V_o,  V_2 = 0.99 V_o,  V_SR1 = 0.01 V_SR,  V_SR2 = 0.99 V_SR
//! exchange of species X between compartments a and b:
//!   τ (X_a − X_b)   [µM·µm³/ms], divided by V_a (out of a) or V_b (into b)
//! ```
//! τ_R carries free Ca²⁺ between the myoplasmic compartments, τ_SR_R free
//! Ca²⁺ between the SR compartments, τ_ATP the ATP species (free, Ca-bound,
//! Mg-bound) and τ_Mg free Mg²⁺. Despite the name, τ is a diffusive
//! conductance (µm³/ms), not a time.
//!
//! ## Parameters
//! Defaults are the CellML constants (`razumova`). The CellML writes π as
//! 3.14159265358979; here it is `std::f64::consts::PI` (relative
//! difference 1e-15).

use crate::parameters;
use std::f64::consts::PI;

parameters! {
    /// Geometry and exchange constants of the four Ca²⁺ compartments.
    pub struct CalciumCompartmentParams {
        /// Half-sarcomere length L_x (CellML `L_x`).
        length_um: f64 = 1.1, "µm", 0.001..=1000.0, "Shorten et al. 2007 CellML, razumova L_x";
        /// Myofibril radius R_R (CellML `R_R`).
        radius_um: f64 = 0.5, "µm", 0.001..=1000.0, "Shorten et al. 2007 CellML, razumova R_R";
        /// Myoplasm share of the cylinder (CellML literal 0.95 in `V_o`).
        myoplasm_fraction: f64 = 0.95, "1", 0.0..=1.0, "Shorten et al. 2007 CellML, razumova V_o";
        /// SR share of the cylinder (CellML literal 0.05 in `V_SR`).
        sr_fraction: f64 = 0.05, "1", 0.0..=1.0, "Shorten et al. 2007 CellML, razumova V_SR";
        /// Share of myoplasm and of SR next to the triad (CellML literal 0.01 in `V_1`, `V_SR1`; the bulk gets 0.99).
        triad_fraction: f64 = 0.01, "1", 0.0..=1.0, "Shorten et al. 2007 CellML, razumova V_1, V_2, V_SR1, V_SR2";
        /// Free Ca²⁺ exchange between triadic and bulk myoplasm τ_R (CellML `tau_R`).
        myoplasm_ca_exchange_um3_per_ms: f64 = 0.75, "µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova tau_R";
        /// Free Ca²⁺ exchange between triadic and bulk SR τ_SR_R (CellML `tau_SR_R`).
        sr_ca_exchange_um3_per_ms: f64 = 0.75, "µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova tau_SR_R";
        /// Exchange of ATP, CaATP and MgATP between the myoplasmic compartments τ_ATP (CellML `tau_ATP`).
        atp_exchange_um3_per_ms: f64 = 0.375, "µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova tau_ATP";
        /// Free Mg²⁺ exchange between the myoplasmic compartments τ_Mg (CellML `tau_Mg`).
        mg_exchange_um3_per_ms: f64 = 1.5, "µm³/ms", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova tau_Mg";
    }
}

/// Volumes of the four compartments (µm³).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompartmentVolumes {
    /// V_1, myoplasm next to the triad.
    pub myoplasm_triad_um3: f64,
    /// V_2, bulk myoplasm.
    pub myoplasm_bulk_um3: f64,
    /// V_SR1, SR next to the triad (terminal cisterna).
    pub sr_triad_um3: f64,
    /// V_SR2, bulk (longitudinal) SR.
    pub sr_bulk_um3: f64,
}

/// Compartment volumes (CellML `V_1`, `V_2`, `V_SR1`, `V_SR2`).
pub fn volumes(p: &CalciumCompartmentParams) -> CompartmentVolumes {
    let cylinder = p.length_um * PI * p.radius_um * p.radius_um;
    let myoplasm = p.myoplasm_fraction * cylinder;
    let sr = p.sr_fraction * cylinder;
    let bulk = 1.0 - p.triad_fraction;
    CompartmentVolumes {
        myoplasm_triad_um3: p.triad_fraction * myoplasm,
        myoplasm_bulk_um3: bulk * myoplasm,
        sr_triad_um3: p.triad_fraction * sr,
        sr_bulk_um3: bulk * sr,
    }
}

/// Exchange flux τ (X_a − X_b) from compartment a to b, in µM·µm³/ms.
#[inline]
pub fn exchange_flux_um_um3_per_ms(conductance_um3_per_ms: f64, from_um: f64, to_um: f64) -> f64 {
    conductance_um3_per_ms * (from_um - to_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_volumes() {
        // Cylinder 1.1 · π · 0.25 = 0.863938 µm³.
        let v = volumes(&CalciumCompartmentParams::default());
        let cylinder = 1.1 * PI * 0.25;
        assert!((v.myoplasm_triad_um3 - 0.0095 * cylinder).abs() < 1e-16);
        assert!((v.myoplasm_bulk_um3 - 0.9405 * cylinder).abs() < 1e-15);
        assert!((v.sr_triad_um3 - 0.0005 * cylinder).abs() < 1e-17);
        assert!((v.sr_bulk_um3 - 0.0495 * cylinder).abs() < 1e-16);
        let total = v.myoplasm_triad_um3 + v.myoplasm_bulk_um3 + v.sr_triad_um3 + v.sr_bulk_um3;
        assert!((total - cylinder).abs() < 1e-15);
    }

    #[test]
    fn exchange_is_antisymmetric() {
        assert_eq!(exchange_flux_um_um3_per_ms(0.75, 2.0, 1.0), 0.75);
        assert_eq!(exchange_flux_um_um3_per_ms(0.75, 1.0, 2.0), -0.75);
    }
}
