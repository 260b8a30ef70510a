//! Right-hand side of the excitation–contraction part (states 18–55):
//! release units, Ca²⁺ and Mg²⁺ in four compartments, buffers, troponin,
//! crossbridges and phosphate (CellML components `sternrios`, `razumova`).
//!
//! Fluxes between compartments are amounts per time (µM·µm³/ms); each
//! compartment divides them by its own volume.

use super::MuscleFibre;
use super::state::{STATE_COUNT, index};
use crate::model::State;
use crate::physiology::calcium_buffers::{
    atp_ca_binding_um_per_ms, atp_mg_binding_um_per_ms, calsequestrin_binding_um_per_ms,
    parvalbumin_ca_binding_um_per_ms, parvalbumin_mg_binding_um_per_ms,
};
use crate::physiology::calcium_compartments::exchange_flux_um_um3_per_ms;
use crate::physiology::calcium_release::{self, LEVELS, ReleaseUnits};
use crate::physiology::crossbridges::{self, MM_PER_UM, RegulatoryUnits};
use crate::physiology::sarcoplasmic_reticulum::{
    leak_flux_um_um3_per_ms, serca_flux_um_um3_per_ms,
};
use crate::physiology::{ryanodine_magnesium, troponin_magnesium};

/// The seven explicit troponin/crossbridge states of `y` (CellML
/// `Ca_T_2` … `A_2`, µM); free troponin T_0 is the total minus their sum.
#[inline]
pub fn regulatory_units(y: &State<STATE_COUNT>) -> RegulatoryUnits {
    RegulatoryUnits {
        ca_troponin: y[index::CA_TROPONIN],
        ca2_troponin: y[index::CA2_TROPONIN],
        detached_0: y[index::DETACHED_0],
        detached_1: y[index::DETACHED_1],
        detached_2: y[index::DETACHED_2],
        pre_stroke: y[index::PRE_STROKE],
        post_stroke: y[index::POST_STROKE],
    }
}

impl MuscleFibre {
    /// The bulk Ca²⁺ (µM) that troponin's binding steps multiply by k_T,on:
    /// `ca_2` itself (bitwise) unless the troponin Mg²⁺ option is on, then
    /// `ca_2`·φ_Mg(Mg_2), which scales k_T,on·\[Ca\] and nothing else
    /// ([`troponin_magnesium::on_rate_factor`]).
    #[inline]
    fn troponin_calcium_um(&self, ca_2: f64, mg_2: f64) -> f64 {
        let option = &self.config.troponin_magnesium;
        if option.enabled {
            ca_2 * troponin_magnesium::on_rate_factor(option, mg_2)
        } else {
            ca_2
        }
    }

    /// Factor of the SR release flux: 1 unless the RyR1 Mg²⁺ option is on,
    /// then φ_rel(Mg_1) ([`ryanodine_magnesium::release_factor`]).
    #[inline]
    fn release_magnesium_factor(&self, mg_1: f64) -> f64 {
        let option = &self.config.ryanodine_magnesium;
        if option.enabled {
            ryanodine_magnesium::release_factor(option, mg_1)
        } else {
            1.0
        }
    }

    /// Writes the derivatives of states 18–55 (only those, from the
    /// T-tubule potential and states 18–55 of `y`): public so that another
    /// membrane can drive this Ca²⁺/force part
    /// ([`crate::model::cannon_fibre::contractile`]).
    pub fn calcium_derivatives(&self, y: &State<STATE_COUNT>, dydt: &mut State<STATE_COUNT>) {
        let c = &self.config;
        let vol = &self.volumes;
        let buffers = &c.calcium_buffers;
        let exchange = &c.calcium_compartments;
        let sr = &c.sarcoplasmic_reticulum;
        let xb = &c.crossbridges;

        // Release units, driven by the T-tubule potential.
        let mut units = ReleaseUnits::default();
        for i in 0..LEVELS {
            units.closed[i] = y[index::RYR_CLOSED + i];
            units.open[i] = y[index::RYR_OPEN + i];
        }
        let d_units = calcium_release::rates(&c.calcium_release, y[index::V_TUBULE], &units);
        for i in 0..LEVELS {
            dydt[index::RYR_CLOSED + i] = d_units.closed[i];
            dydt[index::RYR_OPEN + i] = d_units.open[i];
        }

        let (ca_1, ca_2) = (y[index::CA_TRIAD], y[index::CA_BULK]);
        let (ca_sr_1, ca_sr_2) = (y[index::CA_SR_TRIAD], y[index::CA_SR_BULK]);
        let (mg_1, mg_2) = (y[index::MG_TRIAD], y[index::MG_BULK]);
        let (atp_1, atp_2) = (y[index::ATP_TRIAD], y[index::ATP_BULK]);
        let (ca_atp_1, ca_atp_2) = (y[index::CA_ATP_TRIAD], y[index::CA_ATP_BULK]);
        let (mg_atp_1, mg_atp_2) = (y[index::MG_ATP_TRIAD], y[index::MG_ATP_BULK]);
        let (ca_p_1, ca_p_2) = (
            y[index::CA_PARVALBUMIN_TRIAD],
            y[index::CA_PARVALBUMIN_BULK],
        );
        let (mg_p_1, mg_p_2) = (
            y[index::MG_PARVALBUMIN_TRIAD],
            y[index::MG_PARVALBUMIN_BULK],
        );
        let (ca_cs_1, ca_cs_2) = (
            y[index::CA_CALSEQUESTRIN_TRIAD],
            y[index::CA_CALSEQUESTRIN_BULK],
        );
        let regulatory = regulatory_units(y);
        let (phosphate, phosphate_sr) = (y[index::PHOSPHATE_MYOPLASM], y[index::PHOSPHATE_SR]);

        // Membrane fluxes of free Ca²⁺ (µM·µm³/ms).
        let release = calcium_release::release_flux_um_um3_per_ms(
            &c.calcium_release,
            units.open_fraction(),
            ca_sr_1,
            ca_1,
        ) * self.release_magnesium_factor(mg_1);
        let (serca_1, serca_2) = (
            serca_flux_um_um3_per_ms(sr, ca_1),
            serca_flux_um_um3_per_ms(sr, ca_2),
        );
        let (leak_1, leak_2) = (
            leak_flux_um_um3_per_ms(sr, ca_sr_1, ca_1),
            leak_flux_um_um3_per_ms(sr, ca_sr_2, ca_2),
        );
        // Exchange between triadic and bulk compartments (µM·µm³/ms).
        let ca_exchange =
            exchange_flux_um_um3_per_ms(exchange.myoplasm_ca_exchange_um3_per_ms, ca_1, ca_2);
        let ca_sr_exchange =
            exchange_flux_um_um3_per_ms(exchange.sr_ca_exchange_um3_per_ms, ca_sr_1, ca_sr_2);
        let ca_atp_exchange =
            exchange_flux_um_um3_per_ms(exchange.atp_exchange_um3_per_ms, ca_atp_1, ca_atp_2);
        let mg_atp_exchange =
            exchange_flux_um_um3_per_ms(exchange.atp_exchange_um3_per_ms, mg_atp_1, mg_atp_2);
        let atp_exchange =
            exchange_flux_um_um3_per_ms(exchange.atp_exchange_um3_per_ms, atp_1, atp_2);
        let mg_exchange = exchange_flux_um_um3_per_ms(exchange.mg_exchange_um3_per_ms, mg_1, mg_2);

        // Binding reactions (µM/ms).
        let parvalbumin_ca_1 = parvalbumin_ca_binding_um_per_ms(buffers, ca_1, ca_p_1, mg_p_1);
        let parvalbumin_ca_2 = parvalbumin_ca_binding_um_per_ms(buffers, ca_2, ca_p_2, mg_p_2);
        let parvalbumin_mg_1 = parvalbumin_mg_binding_um_per_ms(buffers, mg_1, ca_p_1, mg_p_1);
        let parvalbumin_mg_2 = parvalbumin_mg_binding_um_per_ms(buffers, mg_2, ca_p_2, mg_p_2);
        let atp_ca_1 = atp_ca_binding_um_per_ms(buffers, ca_1, atp_1, ca_atp_1);
        let atp_ca_2 = atp_ca_binding_um_per_ms(buffers, ca_2, atp_2, ca_atp_2);
        let atp_mg_1 = atp_mg_binding_um_per_ms(buffers, mg_1, atp_1, mg_atp_1);
        let atp_mg_2 = atp_mg_binding_um_per_ms(buffers, mg_2, atp_2, mg_atp_2);
        let calsequestrin_1 = calsequestrin_binding_um_per_ms(buffers, ca_sr_1, ca_cs_1);
        let calsequestrin_2 = calsequestrin_binding_um_per_ms(buffers, ca_sr_2, ca_cs_2);
        let troponin_ca = self.troponin_calcium_um(ca_2, mg_2);
        let troponin_uptake = crossbridges::calcium_uptake_um_per_ms(xb, troponin_ca, &regulatory);
        let precipitation = crossbridges::precipitation_mm_per_ms(
            xb,
            phosphate_sr,
            ca_sr_2,
            y[index::PRECIPITATE_SR],
        );

        dydt[index::CA_TRIAD] = (release - serca_1 + leak_1 - ca_exchange) / vol.myoplasm_triad_um3
            - parvalbumin_ca_1
            - atp_ca_1;
        dydt[index::CA_SR_TRIAD] =
            (-release + serca_1 - leak_1 - ca_sr_exchange) / vol.sr_triad_um3 - calsequestrin_1;
        dydt[index::CA_BULK] = (-serca_2 + leak_2 + ca_exchange) / vol.myoplasm_bulk_um3
            - troponin_uptake
            - parvalbumin_ca_2
            - atp_ca_2;
        dydt[index::CA_SR_BULK] = (serca_2 - leak_2 + ca_sr_exchange) / vol.sr_bulk_um3
            - calsequestrin_2
            - precipitation / MM_PER_UM;

        dydt[index::CA_PARVALBUMIN_TRIAD] = parvalbumin_ca_1;
        dydt[index::CA_PARVALBUMIN_BULK] = parvalbumin_ca_2;
        dydt[index::MG_PARVALBUMIN_TRIAD] = parvalbumin_mg_1;
        dydt[index::MG_PARVALBUMIN_BULK] = parvalbumin_mg_2;
        dydt[index::CA_CALSEQUESTRIN_TRIAD] = calsequestrin_1;
        dydt[index::CA_CALSEQUESTRIN_BULK] = calsequestrin_2;
        dydt[index::CA_ATP_TRIAD] = atp_ca_1 - ca_atp_exchange / vol.myoplasm_triad_um3;
        dydt[index::CA_ATP_BULK] = atp_ca_2 + ca_atp_exchange / vol.myoplasm_bulk_um3;
        dydt[index::MG_ATP_TRIAD] = atp_mg_1 - mg_atp_exchange / vol.myoplasm_triad_um3;
        dydt[index::MG_ATP_BULK] = atp_mg_2 + mg_atp_exchange / vol.myoplasm_bulk_um3;
        dydt[index::ATP_TRIAD] = -atp_ca_1 - atp_mg_1 - atp_exchange / vol.myoplasm_triad_um3;
        dydt[index::ATP_BULK] = -atp_ca_2 - atp_mg_2 + atp_exchange / vol.myoplasm_bulk_um3;
        dydt[index::MG_TRIAD] = -parvalbumin_mg_1 - atp_mg_1 - mg_exchange / vol.myoplasm_triad_um3;
        dydt[index::MG_BULK] = -parvalbumin_mg_2 - atp_mg_2 + mg_exchange / vol.myoplasm_bulk_um3;

        let d_regulatory = crossbridges::rates(xb, troponin_ca, &regulatory);
        dydt[index::CA_TROPONIN] = d_regulatory.ca_troponin;
        dydt[index::CA2_TROPONIN] = d_regulatory.ca2_troponin;
        dydt[index::DETACHED_0] = d_regulatory.detached_0;
        dydt[index::DETACHED_1] = d_regulatory.detached_1;
        dydt[index::DETACHED_2] = d_regulatory.detached_2;
        dydt[index::PRE_STROKE] = d_regulatory.pre_stroke;
        dydt[index::POST_STROKE] = d_regulatory.post_stroke;

        // Phosphate is in mM, so this exchange flux is in mM·µm³/ms.
        let phosphate_exchange = exchange_flux_um_um3_per_ms(
            xb.phosphate_sr_exchange_um3_per_ms,
            phosphate,
            phosphate_sr,
        );
        dydt[index::PHOSPHATE_MYOPLASM] =
            crossbridges::phosphate_release_mm_per_ms(xb, &regulatory)
                - xb.phosphate_removal_per_ms * phosphate
                - phosphate_exchange / vol.myoplasm_bulk_um3;
        dydt[index::PHOSPHATE_SR] = phosphate_exchange / vol.sr_bulk_um3 - precipitation;
        dydt[index::PRECIPITATE_SR] = precipitation;
    }
}
