//! The HypoPP gating-pore current of the Cannon-lab muscle fibre: a cation
//! leak through the voltage sensor of mutant NaV1.4, as GHK currents with a
//! Boltzmann open probability that falls on depolarization.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) pp. 2–3 ("a gating pore leak conductance is included to
//! simulate the aberrant current conducted by mutant channels in HypoPP";
//! open-channel IV by GHK); parameters from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9, C93–C96 and C263–C266:
//!
//! ```text
//! P_open = 1/(1 + exp((V − V_gp)/k_gp)),   V_gp −51.7 mV, k_gp 3.9 mV
//! I_GP,Na = P_open · GHK(Na⁺, P_Na),   I_GP,K = P_open · GHK(K⁺, P_K),   P_Na = P_K = 1e−8 cm/s
//! ```
//! The Boltzmann falls with V because a resting-state (R1/R2) gating pore
//! conducts while the S4 segment is down, at rest, and closes when it moves
//! out (Sokolov, Scheuer & Catterall 2007; Struyk & Cannon 2007): the PDF
//! gives no sign, this is the physiological reading. The file's `DVgp`
//! (20 mV, C265) and `DKgp` (0) are not described; they are not applied.
//! The file's P_H and P_Cl of the pore are 0 and are not modelled.

use crate::parameters;
use crate::physiology::hh_rate_types::boltzmann_falling;

parameters! {
    /// Gating-pore permeabilities (per unit scale) and open probability.
    pub struct GatingPoreGhkParams {
        /// Na⁺ permeability of the pore.
        p_na_cm_per_s: f64 = 1e-8, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C94 'PNa gating pore'";
        /// K⁺ permeability of the pore.
        p_k_cm_per_s: f64 = 1e-8, "cm/s", 0.0..=1.0, "xlsx v9 C93 'PK gating pore'";
        /// Midpoint of the open probability.
        v_half_mv: f64 = -51.7, "mV", -200.0..=200.0, "xlsx v9 C263 Vgp";
        /// Slope of the open probability.
        k_mv: f64 = 3.9, "mV", 0.1..=100.0, "xlsx v9 C264 Kgp";
    }
}

/// Open probability of the pore at `v_mv`.
#[inline]
pub fn open_probability(p: &GatingPoreGhkParams, v_mv: f64) -> f64 {
    boltzmann_falling(v_mv, p.v_half_mv, p.k_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_at_rest_closed_when_depolarized() {
        let p = GatingPoreGhkParams::default();
        assert!(open_probability(&p, -85.0) > 0.99);
        assert_eq!(open_probability(&p, -51.7), 0.5);
        assert!(open_probability(&p, -30.0) < 0.01);
    }
}
