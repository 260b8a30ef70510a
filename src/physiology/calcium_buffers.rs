//! Ca²⁺ buffers of the fast-twitch fibre: parvalbumin (Ca²⁺ and Mg²⁺
//! competing for the same sites), ATP (binding Ca²⁺ and Mg²⁺) in the
//! myoplasm, and calsequestrin in the SR lumen.
//!
//! ## What it models
//! Shorten et al. 2007 (J Muscle Res Cell Motil 28:293), after Baylor &
//! Hollingworth 1998 (J Gen Physiol 112:297); CellML component `razumova`,
//! states `Ca_P*`, `Mg_P*`, `Ca_ATP*`, `Mg_ATP*`, `ATP*`, `Mg*`, `Ca_Cs*`.
//! Troponin, which also buffers Ca²⁺, is part of the crossbridge network in
//! [`crate::physiology::crossbridges`].
//!
//! ## Equations (µM, ms)
//! ```text
//! parvalbumin: d[CaP]/dt = k_P,on [Ca] (P_tot − [CaP] − [MgP]) − k_P,off [CaP]
//!              d[MgP]/dt = k_Mg,on [Mg] (P_tot − [CaP] − [MgP]) − k_Mg,off [MgP]
//! ATP:         d[CaATP]/dt = k_CATP,on [Ca][ATP] − k_CATP,off [CaATP]
//!              d[MgATP]/dt = k_MATP,on [Mg][ATP] − k_MATP,off [MgATP]
//! calsequestrin (SR): d[CaCs]/dt = k_Cs,on [Ca_SR] (Cs_tot − [CaCs]) − k_Cs,off [CaCs]
//! ```
//! Dissociation constants K_d = k_off/k_on: parvalbumin 0.012 µM for Ca²⁺
//! and 90.9 µM for Mg²⁺; ATP 200 µM (Ca²⁺) and 100 µM (Mg²⁺);
//! calsequestrin 1250 µM. At ~1 mM free Mg²⁺, parvalbumin is mostly
//! Mg-bound at rest, and its Ca²⁺ uptake is limited by the Mg²⁺ off-rate
//! (0.003 ms⁻¹): the competitive equilibrium is [`parvalbumin_equilibrium_um`].
//!
//! ## Parameters
//! Defaults are the CellML constants (`razumova`).

use crate::parameters;

parameters! {
    /// Rate constants and totals of the parvalbumin, ATP and calsequestrin buffers.
    pub struct CalciumBufferParams {
        /// Ca²⁺ on-rate of parvalbumin k_P,on (CellML `k_P_on`).
        parvalbumin_ca_on_per_um_per_ms: f64 = 0.0417, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_P_on";
        /// Ca²⁺ off-rate of parvalbumin k_P,off (CellML `k_P_off`).
        parvalbumin_ca_off_per_ms: f64 = 0.0005, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_P_off";
        /// Mg²⁺ on-rate of parvalbumin k_Mg,on (CellML `k_Mg_on`).
        parvalbumin_mg_on_per_um_per_ms: f64 = 0.000033, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Mg_on";
        /// Mg²⁺ off-rate of parvalbumin k_Mg,off (CellML `k_Mg_off`).
        parvalbumin_mg_off_per_ms: f64 = 0.003, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Mg_off";
        /// Total parvalbumin sites P_tot (CellML `P_tot`).
        parvalbumin_total_um: f64 = 1500.0, "µM", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova P_tot";
        /// Ca²⁺ on-rate of ATP k_CATP,on (CellML `k_CATP_on`).
        atp_ca_on_per_um_per_ms: f64 = 0.15, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_CATP_on";
        /// Ca²⁺ off-rate of ATP k_CATP,off (CellML `k_CATP_off`).
        atp_ca_off_per_ms: f64 = 30.0, "ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova k_CATP_off";
        /// Mg²⁺ on-rate of ATP k_MATP,on (CellML `k_MATP_on`).
        atp_mg_on_per_um_per_ms: f64 = 0.0015, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_MATP_on";
        /// Mg²⁺ off-rate of ATP k_MATP,off (CellML `k_MATP_off`).
        atp_mg_off_per_ms: f64 = 0.15, "ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, razumova k_MATP_off";
        /// Ca²⁺ on-rate of calsequestrin k_Cs,on (CellML `k_Cs_on`).
        calsequestrin_on_per_um_per_ms: f64 = 0.000004, "µM⁻¹·ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Cs_on";
        /// Ca²⁺ off-rate of calsequestrin k_Cs,off (CellML `k_Cs_off`).
        calsequestrin_off_per_ms: f64 = 0.005, "ms⁻¹", 0.0..=1000.0, "Shorten et al. 2007 CellML, razumova k_Cs_off";
        /// Total calsequestrin sites Cs_tot (CellML `Cs_tot`).
        calsequestrin_total_um: f64 = 31000.0, "µM", 0.0..=1.0e7, "Shorten et al. 2007 CellML, razumova Cs_tot";
    }
}

/// Net Ca²⁺ binding to parvalbumin, k_P,on \[Ca\](P_tot − \[CaP\] − \[MgP\]) − k_P,off \[CaP\]
/// in µM/ms (CellML `d/dt Ca_P1`, `Ca_P2`).
#[inline]
pub fn parvalbumin_ca_binding_um_per_ms(
    p: &CalciumBufferParams,
    ca_um: f64,
    ca_bound_um: f64,
    mg_bound_um: f64,
) -> f64 {
    let free = p.parvalbumin_total_um - ca_bound_um - mg_bound_um;
    p.parvalbumin_ca_on_per_um_per_ms * ca_um * free - p.parvalbumin_ca_off_per_ms * ca_bound_um
}

/// Net Mg²⁺ binding to parvalbumin, k_Mg,on (P_tot − \[CaP\] − \[MgP\])\[Mg\] − k_Mg,off \[MgP\]
/// in µM/ms (CellML `d/dt Mg_P1`, `Mg_P2`).
#[inline]
pub fn parvalbumin_mg_binding_um_per_ms(
    p: &CalciumBufferParams,
    mg_um: f64,
    ca_bound_um: f64,
    mg_bound_um: f64,
) -> f64 {
    let free = p.parvalbumin_total_um - ca_bound_um - mg_bound_um;
    p.parvalbumin_mg_on_per_um_per_ms * free * mg_um - p.parvalbumin_mg_off_per_ms * mg_bound_um
}

/// Net Ca²⁺ binding to ATP, k_CATP,on \[Ca\]\[ATP\] − k_CATP,off \[CaATP\] in µM/ms
/// (reaction term of CellML `d/dt Ca_ATP1`, `Ca_ATP2`).
#[inline]
pub fn atp_ca_binding_um_per_ms(
    p: &CalciumBufferParams,
    ca_um: f64,
    atp_um: f64,
    ca_atp_um: f64,
) -> f64 {
    p.atp_ca_on_per_um_per_ms * ca_um * atp_um - p.atp_ca_off_per_ms * ca_atp_um
}

/// Net Mg²⁺ binding to ATP, k_MATP,on \[Mg\]\[ATP\] − k_MATP,off \[MgATP\] in µM/ms
/// (reaction term of CellML `d/dt Mg_ATP1`, `Mg_ATP2`).
#[inline]
pub fn atp_mg_binding_um_per_ms(
    p: &CalciumBufferParams,
    mg_um: f64,
    atp_um: f64,
    mg_atp_um: f64,
) -> f64 {
    p.atp_mg_on_per_um_per_ms * mg_um * atp_um - p.atp_mg_off_per_ms * mg_atp_um
}

/// Net Ca²⁺ binding to calsequestrin in the SR, k_Cs,on \[Ca_SR\](Cs_tot − \[CaCs\]) − k_Cs,off \[CaCs\]
/// in µM/ms (CellML `d/dt Ca_Cs1`, `Ca_Cs2`).
#[inline]
pub fn calsequestrin_binding_um_per_ms(
    p: &CalciumBufferParams,
    ca_sr_um: f64,
    ca_bound_um: f64,
) -> f64 {
    p.calsequestrin_on_per_um_per_ms * ca_sr_um * (p.calsequestrin_total_um - ca_bound_um)
        - p.calsequestrin_off_per_ms * ca_bound_um
}

/// Ca²⁺- and Mg²⁺-bound parvalbumin (µM, µM) at equilibrium with free
/// `ca_um` and `mg_um`: competitive binding,
/// \[CaP\] = P_tot (Ca/K_Ca) / (1 + Ca/K_Ca + Mg/K_Mg), and likewise for Mg,
/// with K = k_off/k_on.
#[inline]
pub fn parvalbumin_equilibrium_um(p: &CalciumBufferParams, ca_um: f64, mg_um: f64) -> (f64, f64) {
    let ca_term = ca_um * p.parvalbumin_ca_on_per_um_per_ms / p.parvalbumin_ca_off_per_ms;
    let mg_term = mg_um * p.parvalbumin_mg_on_per_um_per_ms / p.parvalbumin_mg_off_per_ms;
    let denominator = 1.0 + ca_term + mg_term;
    (
        p.parvalbumin_total_um * ca_term / denominator,
        p.parvalbumin_total_um * mg_term / denominator,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> CalciumBufferParams {
        CalciumBufferParams::default()
    }

    #[test]
    fn equilibrium_makes_both_binding_rates_vanish() {
        for (ca, mg) in [(0.1, 1000.0), (1.0, 500.0), (10.0, 2000.0)] {
            let (ca_p, mg_p) = parvalbumin_equilibrium_um(&p(), ca, mg);
            assert!(parvalbumin_ca_binding_um_per_ms(&p(), ca, ca_p, mg_p).abs() < 1e-12);
            assert!(parvalbumin_mg_binding_um_per_ms(&p(), mg, ca_p, mg_p).abs() < 1e-12);
        }
    }

    #[test]
    fn published_initial_parvalbumin_is_the_competitive_equilibrium() {
        // Ca = 0.1 µM, Mg = 1000 µM: Ca/K_Ca = 8.34, Mg/K_Mg = 11.0, so
        // [CaP] = 1500 · 8.34/20.34 = 615 µM and [MgP] = 811 µM, the CellML
        // initial Ca_P1 = Ca_P2 = 615 and Mg_P1 = Mg_P2 = 811.
        let (ca_p, mg_p) = parvalbumin_equilibrium_um(&p(), 0.1, 1000.0);
        assert!((ca_p - 615.0).abs() < 0.5, "CaP = {ca_p}");
        assert!((mg_p - 811.0).abs() < 0.5, "MgP = {mg_p}");
    }

    #[test]
    fn more_free_magnesium_leaves_less_calcium_bound_parvalbumin() {
        // Competitive binding: at fixed Ca, [CaP] falls as Mg rises, by the
        // factor the binding constants predict.
        let ca = 0.1;
        let mut previous = f64::INFINITY;
        for mg in [0.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0] {
            let (ca_p, _) = parvalbumin_equilibrium_um(&p(), ca, mg);
            assert!(ca_p < previous, "Mg = {mg}: CaP = {ca_p}");
            previous = ca_p;
        }
        let k_ca = 0.0005 / 0.0417;
        let k_mg = 0.003 / 0.000033;
        let ratio = |mg: f64| (1.0 + ca / k_ca) / (1.0 + ca / k_ca + mg / k_mg);
        let (at_0, _) = parvalbumin_equilibrium_um(&p(), ca, 0.0);
        let (at_1000, _) = parvalbumin_equilibrium_um(&p(), ca, 1000.0);
        assert!((at_1000 / at_0 - ratio(1000.0)).abs() < 1e-12);
    }

    #[test]
    fn calsequestrin_initial_state_is_near_equilibrium() {
        // Ca_SR = 1500 µM, K_d = 1250 µM: [CaCs] = 31000 · 1500/2750 = 16909 µM
        // (CellML initial Ca_Cs = 16900).
        let bound = 31_000.0 * 1500.0 / 2750.0;
        assert!(calsequestrin_binding_um_per_ms(&p(), 1500.0, bound).abs() < 1e-9);
        assert!((bound - 16_900.0).abs() < 10.0);
    }

    #[test]
    fn atp_binding_at_the_published_initial_state() {
        // Ca ATP: 0.15 · 0.1 · 799.6 − 30 · 0.4 = −0.006 µM/ms (near equilibrium).
        assert!((atp_ca_binding_um_per_ms(&p(), 0.1, 799.6, 0.4) + 0.006).abs() < 1e-12);
        // Mg ATP: 0.0015 · 1000 · 799.6 − 0.15 · 7200 = 119.4 µM/ms: not at equilibrium.
        assert!((atp_mg_binding_um_per_ms(&p(), 1000.0, 799.6, 7200.0) - 119.4).abs() < 1e-9);
    }
}
