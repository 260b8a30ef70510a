//! Thin-filament activation by Ca²⁺ and the crossbridge cycle (Razumova
//! scheme), with inorganic phosphate release and Ca–phosphate
//! precipitation in the SR (a fatigue mechanism).
//!
//! ## What it models
//! Shorten et al. 2007 (J Muscle Res Cell Motil 28:293), built on Razumova,
//! Bukatina & Campbell 1999 (Biophys J 77:3056); CellML component
//! `razumova`, states `Ca_T_2`, `Ca_CaT2`, `D_0`, `D_1`, `D_2`, `A_1`, `A_2`,
//! `P`, `P_SR`, `P_C_SR` and algebraic `T_0`. All of it sits in the bulk
//! myoplasm (compartment 2).
//!
//! ## Equations (µM, ms)
//! Regulatory units: T_0 (no Ca²⁺), CaT (one), CaCaT (two); activated but
//! detached D_0, D_1, D_2 (0, 1, 2 Ca²⁺); attached pre-stroke A_1 and
//! post-stroke A_2 (both with 2 Ca²⁺). T_0 = T_tot − (CaT + CaCaT + D_0 + D_1 + D_2 + A_1 + A_2).
//! ```text
//! T_0  ⇄ CaT ⇄ CaCaT     Ca²⁺ binding: k_T,on [Ca], unbinding k_T,off
//! D_0  ⇄ D_1 ⇄ D_2       likewise
//! T_0 ⇄ D_0, CaT ⇄ D_1   k_0,on / k_0,off
//! CaCaT ⇄ D_2            k_Ca,on / k_Ca,off
//! D_2 ⇄ A_1              f_o / f_p          (attachment)
//! A_1 ⇄ A_2              h_o / h_p          (power stroke, releases Pi)
//! A_2 → D_2              g_o                (detachment)
//! ```
//! Force is taken ∝ A_2 (a biochemical tension driver, µM, not N/m²).
//! Phosphate (mM): released by the power stroke, 10⁻³ (h_o A_1 − h_p A_2);
//! removed at rate b_p; exchanged with the SR through k_p (µm³/ms, divided by
//! V_2 or V_SR2); precipitates with SR Ca²⁺ as
//! ```text
//! Π = [Pi_SR]·[Ca_SR]·10⁻³                                      [mM²]
//! d[CaPi]/dt = A_p (Π − PP) Π · [Π > PP] − B_p [CaPi] (PP − Π) · [PP > Π]   [mM/ms]
//! ```
//! The precipitate removes 1000× that rate (µM/ms) of free SR Ca²⁺.
//!
//! ## Parameters
//! Defaults are the CellML constants (`razumova`).

use crate::parameters;

/// mM per µM: the CellML's `0.001` in the phosphate equations.
pub const MM_PER_UM: f64 = 1.0e-3;

parameters! {
    /// Rate constants of troponin, the crossbridge cycle and phosphate.
    pub struct CrossbridgeParams {
        /// Ca²⁺ on-rate of troponin k_T,on (CellML `k_T_on`).
        troponin_on_per_um_per_ms: f64 = 0.04425, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_T_on";
        /// Ca²⁺ off-rate of troponin k_T,off (CellML `k_T_off`).
        troponin_off_per_ms: f64 = 0.115, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_T_off";
        /// Total regulatory units T_tot (CellML `T_tot`).
        troponin_total_um: f64 = 140.0, "µM", 0.0..=1.0e5, "Shorten et al. 2007 CellML, razumova T_tot";
        /// Activation of Ca-free units k_0,on (CellML `k_0_on`).
        k_0_on_per_ms: f64 = 0.0, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_0_on";
        /// Deactivation of Ca-free units k_0,off (CellML `k_0_off`).
        k_0_off_per_ms: f64 = 0.15, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_0_off";
        /// Activation of Ca-saturated units k_Ca,on (CellML `k_Ca_on`).
        k_ca_on_per_ms: f64 = 0.15, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Ca_on";
        /// Deactivation of Ca-saturated units k_Ca,off (CellML `k_Ca_off`).
        k_ca_off_per_ms: f64 = 0.05, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Ca_off";
        /// Attachment rate f_o (CellML `f_o`).
        f_o_per_ms: f64 = 1.5, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova f_o";
        /// Reverse attachment rate f_p (CellML `f_p`).
        f_p_per_ms: f64 = 15.0, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova f_p";
        /// Power-stroke rate h_o (CellML `h_o`).
        h_o_per_ms: f64 = 0.24, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova h_o";
        /// Reverse power-stroke rate h_p (CellML `h_p`).
        h_p_per_ms: f64 = 0.18, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova h_p";
        /// Detachment rate g_o (CellML `g_o`).
        g_o_per_ms: f64 = 0.12, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova g_o";
        /// Removal rate b_p of myoplasmic phosphate (CellML `b_p`).
        phosphate_removal_per_ms: f64 = 0.00002867, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova b_p";
        /// Phosphate permeability k_p between myoplasm and SR (CellML `k_p`).
        phosphate_sr_exchange_um3_per_ms: f64 = 0.00000362, "µm³/ms", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_p";
        /// Precipitation rate constant A_p (CellML `A_p`).
        precipitation_per_mm3_per_ms: f64 = 1.0, "mM⁻³·ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova A_p";
        /// Dissolution rate constant B_p (CellML `B_p`).
        dissolution_per_mm2_per_ms: f64 = 0.0001, "mM⁻²·ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova B_p";
        /// Solubility product PP of Ca–phosphate (CellML `PP`).
        solubility_product_mm2: f64 = 6.0, "mM²", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova PP";
    }
}

/// Occupancies (µM), or their time derivatives (µM/ms), of the seven
/// explicit regulatory-unit states.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RegulatoryUnits {
    /// CaT: one Ca²⁺ bound, inactive (CellML `Ca_T_2`).
    pub ca_troponin: f64,
    /// CaCaT: two Ca²⁺ bound, inactive (CellML `Ca_CaT2`).
    pub ca2_troponin: f64,
    /// D_0: active, detached, no Ca²⁺ (CellML `D_0`).
    pub detached_0: f64,
    /// D_1: active, detached, one Ca²⁺ (CellML `D_1`).
    pub detached_1: f64,
    /// D_2: active, detached, two Ca²⁺ (CellML `D_2`).
    pub detached_2: f64,
    /// A_1: attached, before the power stroke (CellML `A_1`).
    pub pre_stroke: f64,
    /// A_2: attached, after the power stroke; the force driver (CellML `A_2`).
    pub post_stroke: f64,
}

impl RegulatoryUnits {
    /// Sum of the seven explicit states.
    #[inline]
    pub fn sum(&self) -> f64 {
        self.ca_troponin
            + self.ca2_troponin
            + self.detached_0
            + self.detached_1
            + self.detached_2
            + self.pre_stroke
            + self.post_stroke
    }

    /// Ca²⁺ bound to the regulatory units (µM): one per CaT and D_1, two per
    /// CaCaT, D_2, A_1 and A_2.
    #[inline]
    pub fn bound_calcium(&self) -> f64 {
        self.ca_troponin
            + self.detached_1
            + 2.0 * (self.ca2_troponin + self.detached_2 + self.pre_stroke + self.post_stroke)
    }
}

/// Free regulatory units T_0 = T_tot − Σ states (µM; CellML algebraic `T_0`).
#[inline]
pub fn free_troponin_um(p: &CrossbridgeParams, units: &RegulatoryUnits) -> f64 {
    p.troponin_total_um - units.sum()
}

/// Time derivatives of the seven explicit states (µM/ms) at bulk free Ca²⁺
/// `ca_um` (CellML equations of `Ca_T_2`, `Ca_CaT2`, `D_0`, `D_1`, `D_2`, `A_1`, `A_2`).
#[inline]
pub fn rates(p: &CrossbridgeParams, ca_um: f64, u: &RegulatoryUnits) -> RegulatoryUnits {
    let t_0 = free_troponin_um(p, u);
    let on = p.troponin_on_per_um_per_ms * ca_um;
    let off = p.troponin_off_per_ms;
    // Ca²⁺ binding steps, forward minus backward.
    let bind_t0 = on * t_0 - off * u.ca_troponin;
    let bind_cat = on * u.ca_troponin - off * u.ca2_troponin;
    let bind_d0 = on * u.detached_0 - off * u.detached_1;
    let bind_d1 = on * u.detached_1 - off * u.detached_2;
    // Activation of the regulatory unit.
    let activate_t0 = p.k_0_on_per_ms * t_0 - p.k_0_off_per_ms * u.detached_0;
    let activate_cat = p.k_0_on_per_ms * u.ca_troponin - p.k_0_off_per_ms * u.detached_1;
    let activate_cacat = p.k_ca_on_per_ms * u.ca2_troponin - p.k_ca_off_per_ms * u.detached_2;
    // Crossbridge cycle.
    let attach = p.f_o_per_ms * u.detached_2 - p.f_p_per_ms * u.pre_stroke;
    let stroke = p.h_o_per_ms * u.pre_stroke - p.h_p_per_ms * u.post_stroke;
    let detach = p.g_o_per_ms * u.post_stroke;
    RegulatoryUnits {
        ca_troponin: bind_t0 - bind_cat - activate_cat,
        ca2_troponin: bind_cat - activate_cacat,
        detached_0: activate_t0 - bind_d0,
        detached_1: bind_d0 + activate_cat - bind_d1,
        detached_2: bind_d1 + activate_cacat - attach + detach,
        pre_stroke: attach - stroke,
        post_stroke: stroke - detach,
    }
}

/// Time derivative of the free units T_0 (µM/ms) from its own reactions:
/// Ca²⁺ binding to T_0 and activation T_0 ⇄ D_0. With [`rates`] the eight
/// derivatives sum to zero.
#[inline]
pub fn free_troponin_rate_um_per_ms(p: &CrossbridgeParams, ca_um: f64, u: &RegulatoryUnits) -> f64 {
    let t_0 = free_troponin_um(p, u);
    -(p.troponin_on_per_um_per_ms * ca_um * t_0 - p.troponin_off_per_ms * u.ca_troponin)
        - (p.k_0_on_per_ms * t_0 - p.k_0_off_per_ms * u.detached_0)
}

/// Net Ca²⁺ taken up by the regulatory units (µM/ms; the troponin term of
/// the CellML `Ca_2` equation): the four binding steps T_0 → CaT → CaCaT and
/// D_0 → D_1 → D_2, forward minus backward.
#[inline]
pub fn calcium_uptake_um_per_ms(p: &CrossbridgeParams, ca_um: f64, u: &RegulatoryUnits) -> f64 {
    let on = p.troponin_on_per_um_per_ms * ca_um;
    let off = p.troponin_off_per_ms;
    (on * free_troponin_um(p, u) - off * u.ca_troponin)
        + (on * u.ca_troponin - off * u.ca2_troponin)
        + (on * u.detached_0 - off * u.detached_1)
        + (on * u.detached_1 - off * u.detached_2)
}

/// Phosphate released into the myoplasm by the power stroke, 10⁻³ (h_o A_1 − h_p A_2)
/// in mM/ms (CellML first term of `d/dt P`).
#[inline]
pub fn phosphate_release_mm_per_ms(p: &CrossbridgeParams, u: &RegulatoryUnits) -> f64 {
    MM_PER_UM * (p.h_o_per_ms * u.pre_stroke - p.h_p_per_ms * u.post_stroke)
}

/// Net Ca–phosphate precipitation in the bulk SR (mM/ms; CellML
/// `d/dt P_C_SR`): growth above the solubility product, dissolution below it.
#[inline]
pub fn precipitation_mm_per_ms(
    p: &CrossbridgeParams,
    phosphate_sr_mm: f64,
    ca_sr_um: f64,
    precipitate_mm: f64,
) -> f64 {
    let product = phosphate_sr_mm * MM_PER_UM * ca_sr_um;
    let excess = product - p.solubility_product_mm2;
    if excess > 0.0 {
        p.precipitation_per_mm3_per_ms * excess * product
    } else if excess < 0.0 {
        -p.dissolution_per_mm2_per_ms * precipitate_mm * (-excess)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> CrossbridgeParams {
        CrossbridgeParams::default()
    }

    /// The CellML initial values of the seven states.
    fn published() -> RegulatoryUnits {
        RegulatoryUnits {
            ca_troponin: 25.0,
            ca2_troponin: 3.0,
            detached_0: 0.8,
            detached_1: 1.2,
            detached_2: 3.0,
            pre_stroke: 0.3,
            post_stroke: 0.23,
        }
    }

    #[test]
    fn published_initial_rates_by_hand() {
        // T_0 = 140 − 33.53 = 106.47 µM.
        assert!((free_troponin_um(&p(), &published()) - 106.47).abs() < 1e-12);
        let d = rates(&p(), 0.1, &published());
        // dA_1/dt = 1.5·3 − 15·0.3 − (0.24·0.3 − 0.18·0.23) = −0.0306 µM/ms.
        assert!((d.pre_stroke + 0.0306).abs() < 1e-15);
        // dA_2/dt = 0.0306 − 0.12·0.23 = 0.003 µM/ms.
        assert!((d.post_stroke - 0.003).abs() < 1e-15);
        // Phosphate: 0.001·(0.072 − 0.0414) = 3.06e-5 mM/ms.
        assert!((phosphate_release_mm_per_ms(&p(), &published()) - 3.06e-5).abs() < 1e-18);
    }

    #[test]
    fn regulatory_units_are_conserved() {
        for ca in [0.0, 0.1, 2.5, 40.0] {
            let d = rates(&p(), ca, &published());
            let total = d.sum() + free_troponin_rate_um_per_ms(&p(), ca, &published());
            assert!(total.abs() < 1e-13, "Ca = {ca}: Σ = {total}");
        }
    }

    #[test]
    fn calcium_taken_up_equals_calcium_bound() {
        for ca in [0.0, 0.1, 2.5, 40.0] {
            let d = rates(&p(), ca, &published());
            let bound_rate = d.bound_calcium();
            let uptake = calcium_uptake_um_per_ms(&p(), ca, &published());
            assert!(
                (bound_rate - uptake).abs() < 1e-12,
                "Ca = {ca}: {bound_rate} vs {uptake}"
            );
        }
    }

    #[test]
    fn more_calcium_drives_more_force_bearing_crossbridges() {
        let relax = |ca: f64| {
            let mut u = RegulatoryUnits::default();
            let dt = 0.01;
            for _ in 0..500_000 {
                let d = rates(&p(), ca, &u);
                u.ca_troponin += dt * d.ca_troponin;
                u.ca2_troponin += dt * d.ca2_troponin;
                u.detached_0 += dt * d.detached_0;
                u.detached_1 += dt * d.detached_1;
                u.detached_2 += dt * d.detached_2;
                u.pre_stroke += dt * d.pre_stroke;
                u.post_stroke += dt * d.post_stroke;
            }
            u.post_stroke
        };
        let low = relax(0.1);
        let high = relax(10.0);
        assert!(high > 5.0 * low, "A_2 at 0.1 µM: {low}, at 10 µM: {high}");
    }

    #[test]
    fn precipitation_switches_at_the_solubility_product() {
        // Π = 10 mM · 1000 µM · 1e-3 = 10 mM² > 6: A_p (10 − 6) · 10 = 40 mM/ms.
        assert!((precipitation_mm_per_ms(&p(), 10.0, 1000.0, 0.5) - 40.0).abs() < 1e-12);
        // Π = 0.23 · 1500 · 1e-3 = 0.345 mM²: dissolution −1e-4 · 0.23 · 5.655.
        let dissolve = precipitation_mm_per_ms(&p(), 0.23, 1500.0, 0.23);
        assert!((dissolve + 1e-4 * 0.23 * (6.0 - 0.345)).abs() < 1e-15);
        assert_eq!(precipitation_mm_per_ms(&p(), 6.0, 1000.0, 0.5), 0.0);
    }
}
