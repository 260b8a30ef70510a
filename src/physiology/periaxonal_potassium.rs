//! K⁺ in the periaxonal space of a myelinated internode: the narrow cleft
//! between the internodal axolemma and the myelin sheath, where the K⁺ the
//! internodal K⁺ channels release collects when the Na⁺/K⁺ pump stops.
//!
//! ## What it models
//! Bostock, Baker & Reid 1991 (J Physiol 441:537) explained the excitability
//! changes of human motor axons during and after ischaemia by pump block and
//! K⁺ accumulation in a restricted periaxonal space ("two stable states",
//! post-ischaemic fasciculation); the mechanism is restated by Han et al.
//! 2008 (Clin Neurophysiol 119:2054, abstract: "the inhibition of the
//! Na⁺/K⁺ pump" during ischaemia). The space's size is the MRG cable's own
//! periaxonal annulus (McIntyre, Richardson & Grill 2002, `space_p1`,
//! `space_p2`, `space_i`), so no new geometry enters.
//!
//! ## Equations
//! ```text
//! d[K]_p/dt = (ΔJ_K − 2 ΔI_pump)/(1000 F ζ_p) − ([K]_p − [K]_o)/τ_p
//! τ_p       = 4 L²/(π² D_K)
//! ```
//! ΔJ_K: the outward K⁺ current of the internodal axolemma, and ΔI_pump the
//! pump current there, each as its change from the axon's rest (µA per cm²
//! of the area ζ_p refers to). At rest the K⁺ the axolemma releases is taken
//! back by the pump and by uptake the model does not represent (the Schwann
//! cell), so [K]_p = [K]_o is a steady state by construction; a change of
//! either flux is what accumulates. ζ_p: volume of the space per unit area
//! (cm). τ_p: the slowest mode of diffusion along a cleft of length L that
//! is sealed at one end (the internode's midpoint, a plane of symmetry) and
//! held at the bulk concentration at the other (the nodal gap): Crank 1975,
//! The Mathematics of Diffusion, 2nd ed., eq. 4.17 (first term of the
//! series, [mem]).
//!
//! ## Parameters
//! D_K, the aqueous diffusion coefficient of K⁺: 1.96 × 10⁻⁵ cm²/s at 25 °C
//! (Hille 2001, Ion Channels of Excitable Membranes, 3rd ed., limiting
//! mobilities; [mem], not re-read). With L = 575 µm (half the 10 µm MRG
//! fibre's internode) τ_p = 68.4 s.

use crate::physiology::ion_accumulation::current_to_rate_mm_per_ms;

/// Aqueous diffusion coefficient of K⁺ (cm²/s, 25 °C; Hille 2001, [mem]).
pub const POTASSIUM_DIFFUSION_CM2_PER_S: f64 = 1.96e-5;

/// τ_p = 4 L²/(π² D) in ms, for a cleft of length `length_um` sealed at one
/// end and open at the other (Crank 1975, eq. 4.17).
pub fn clearance_time_constant_ms(length_um: f64, diffusion_cm2_per_s: f64) -> f64 {
    let length_cm = length_um * 1e-4;
    let tau_s = 4.0 * length_cm * length_cm / (std::f64::consts::PI.powi(2) * diffusion_cm2_per_s);
    tau_s * 1e3
}

/// d[K]_p/dt (mM/ms) from the change of the outward axolemmal K⁺ current
/// `k_outward_change` and of the pump current `pump_change` (µA/cm² of the
/// area `volume_per_area_cm` refers to; the pump takes up 2 K⁺ per charge),
/// with diffusion to the bulk `k_bulk_mm` at time constant `tau_ms`.
#[inline]
pub fn rate_mm_per_ms(
    k_outward_change: f64,
    pump_change: f64,
    k_periaxonal_mm: f64,
    k_bulk_mm: f64,
    volume_per_area_cm: f64,
    tau_ms: f64,
    faraday_c_per_mol: f64,
) -> f64 {
    current_to_rate_mm_per_ms(
        k_outward_change - 2.0 * pump_change,
        faraday_c_per_mol,
        volume_per_area_cm,
    ) - (k_periaxonal_mm - k_bulk_mm) / tau_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clearance_of_half_an_mrg_internode_by_hand() {
        // 4 (0.0575 cm)² / (π² · 1.96e-5 cm²/s) = 0.013225/1.93444e-4 = 68.366 s.
        let tau = clearance_time_constant_ms(575.0, POTASSIUM_DIFFUSION_CM2_PER_S);
        assert!((tau - 68_366.0).abs() < 1.0, "{tau}");
    }

    #[test]
    fn at_rest_nothing_moves_and_a_stopped_pump_loads_the_space() {
        assert_eq!(rate_mm_per_ms(0.0, 0.0, 4.5, 4.5, 1e-7, 1e4, 96485.0), 0.0);
        // The pump stops by 1 µA/cm²: 2 µA/cm² of K⁺ stay in a 1 nm deep
        // space: 2/(1000 · 96485 · 1e-7) = 0.207286 mM/ms.
        let rate = rate_mm_per_ms(0.0, -1.0, 4.5, 4.5, 1e-7, 1e4, 96485.0);
        assert!((rate - 0.207286).abs() < 1e-6, "{rate}");
        // Diffusion alone relaxes an excess toward the bulk.
        assert!(rate_mm_per_ms(0.0, 0.0, 5.5, 4.5, 1e-7, 1e4, 96485.0) < 0.0);
    }
}
