//! `muscle-fibre`: a fast-twitch skeletal muscle fibre from membrane
//! excitation to crossbridge force, the model of Shorten, O'Callaghan,
//! Davidson & Soboleva 2007.
//!
//! ## Source
//! Shorten P.R., O'Callaghan P., Davidson J.B. & Soboleva T.K. (2007) A
//! mathematical model of fatigue in skeletal muscle force contraction.
//! J Muscle Res Cell Motil 28:293–313, doi:10.1007/s10974-007-9125-6.
//! Ported from its CellML, `shorten_ocallaghan_davidson_soboleva_2007.cellml`
//! (Physiome Model Repository exposure `159ba2f081022ca651284404f39eeb40`),
//! read as the code CellML generates from it (`computeRates`/`initConsts`,
//! 56 states, 105 constants, 71 algebraic variables; the copy in
//! `maierbn/opendihu`). Every equation is in the mechanism files of
//! [`crate::physiology`], each citing its CellML component.
//!
//! ## Structure (56 states, see [`state`])
//! - **Membrane** (Wallinga et al. 1999, Eur Biophys J 28:317): sarcolemma
//!   (vS) and a lumped T-tubule (vT) joined by the access resistance R_a;
//!   each has Na⁺ ([`crate::physiology::sodium_channel`]), delayed-rectifier
//!   and inward-rectifier K⁺, ClC-1 Cl⁻ channels and the Na⁺/K⁺ pump; K⁺ and
//!   Na⁺ accumulate in myoplasm, T-tubule lumen and interstitium
//!   ([`crate::physiology::ion_accumulation`]).
//!   ```text
//!   C_m dvS/dt = −(I_Cl + I_IR + I_DR + I_Na + I_NaK − I_stim + I_T),   I_T = 1000 (vS − vT)/R_a
//!   C_m dvT/dt = −(I_Cl,t + I_IR,t + I_DR,t + I_Na,t + I_NaK,t − I_T/γ)
//!   ```
//! - **Excitation–contraction coupling**: Ríos–Stern DHPR–RyR release
//!   driven by vT ([`crate::physiology::calcium_release`]); two myoplasmic
//!   and two SR compartments ([`crate::physiology::calcium_compartments`]);
//!   SERCA and leak; parvalbumin, ATP (both with Ca²⁺–Mg²⁺ competition) and
//!   calsequestrin ([`crate::physiology::calcium_buffers`]); troponin,
//!   Razumova crossbridges and phosphate ([`crate::physiology::crossbridges`]).
//!
//! ## Stimulus
//! The CellML stimulus `I_HH` enters as `I_ionic_s = … − I_HH`, so a
//! positive I_HH depolarizes: it is an inward current counted positive,
//! the same sign as this crate's `i_stim_ua_per_cm2`, which is therefore
//! used as I_HH unchanged. It acts on the sarcolemma only. The published
//! protocol is nine 150 µA/cm², 0.5 ms pulses every 50 ms from t = 0.
//!
//! ## Variants
//! [`Variant::Published`] (default) is the CellML exactly, including three
//! quirks; [`Variant::Corrected`] fixes them. See [`Variant`].

mod calcium;
mod config;
mod currents;
pub mod state;
#[cfg(test)]
mod tests;

pub use config::{MembraneParams, MuscleFibreConfig, Variant};
pub use currents::Currents;
pub use state::{PUBLISHED_INITIAL_STATE, STATE_COUNT, STATE_VARIABLES, index};

use crate::model::{Model, State, StateVariable};
use crate::physiology::calcium_compartments::{self, CompartmentVolumes};
use crate::physiology::ion_accumulation::{
    Ion, compartment_rates, potassium_outward_ua_per_cm2, sodium_outward_ua_per_cm2,
};
use crate::physiology::{delayed_rectifier, sodium_channel};

/// The Shorten et al. 2007 fibre, ready to integrate. Immutable during a run.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleFibre {
    config: MuscleFibreConfig,
    /// F/(RT), precomputed once.
    f_over_rt_per_mv: f64,
    /// Volumes of the four Ca²⁺ compartments, precomputed once.
    volumes: CompartmentVolumes,
    /// Scale of τ_hK in the T-tubule after the variant is applied.
    tau_h_k_tubule_scale_ms: f64,
}

impl MuscleFibre {
    /// The fibre with `config`.
    pub fn new(config: MuscleFibreConfig) -> Self {
        let dr = &config.delayed_rectifier;
        let tau_h_k_tubule_scale_ms = match config.variant {
            // Quirk 2 of the published model: 1 ms in the T-tubule against 1000 ms on the surface.
            Variant::Published => dr.tau_h_k_tubule_scale_ms,
            Variant::Corrected => dr.tau_h_k_surface_scale_ms,
        };
        Self {
            f_over_rt_per_mv: config.thermodynamics.f_over_rt_per_mv(),
            volumes: calcium_compartments::volumes(&config.calcium_compartments),
            tau_h_k_tubule_scale_ms,
            config,
        }
    }

    /// The published model ([`Variant::Published`], CellML constants).
    pub fn published() -> Self {
        Self::new(MuscleFibreConfig::default())
    }

    /// The configuration in use.
    pub fn config(&self) -> &MuscleFibreConfig {
        &self.config
    }

    /// Volumes of the four Ca²⁺ compartments (µm³).
    pub fn volumes(&self) -> &CompartmentVolumes {
        &self.volumes
    }

    /// Potentials and K⁺/Na⁺ concentrations (states 0–7).
    fn membrane_derivatives(
        &self,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let c = &self.config;
        let currents = self.currents(y);
        let c_m = c.membrane.c_m_uf_per_cm2;
        let i_t = currents.i_t_ua_per_cm2;
        dydt[index::V_SURFACE] = -((currents.ionic_surface_ua_per_cm2() - i_stim) + i_t) / c_m;
        dydt[index::V_TUBULE] =
            -(currents.ionic_tubule_ua_per_cm2() - i_t / c.membrane.tubule_area_ratio) / c_m;

        let acc = &c.ion_accumulation;
        let faraday = c.thermodynamics.faraday_c_per_mol;
        let potassium = compartment_rates(
            acc,
            Ion::Potassium,
            faraday,
            potassium_outward_ua_per_cm2(
                currents.i_ir_surface_ua_per_cm2,
                currents.i_dr_surface_ua_per_cm2,
                acc.i_k_rest_ua_per_cm2,
                currents.i_nak_surface_ua_per_cm2,
            ),
            potassium_outward_ua_per_cm2(
                currents.i_ir_tubule_ua_per_cm2,
                currents.i_dr_tubule_ua_per_cm2,
                acc.i_k_rest_ua_per_cm2,
                currents.i_nak_tubule_ua_per_cm2,
            ),
            y[index::K_TUBULE],
            y[index::K_INTERSTITIAL],
        );
        let sodium = compartment_rates(
            acc,
            Ion::Sodium,
            faraday,
            sodium_outward_ua_per_cm2(
                currents.i_na_surface_ua_per_cm2,
                acc.i_na_rest_ua_per_cm2,
                currents.i_nak_surface_ua_per_cm2,
            ),
            sodium_outward_ua_per_cm2(
                currents.i_na_tubule_ua_per_cm2,
                acc.i_na_rest_ua_per_cm2,
                currents.i_nak_tubule_ua_per_cm2,
            ),
            y[index::NA_TUBULE],
            y[index::NA_INTERSTITIAL],
        );
        dydt[index::K_MYOPLASM] = potassium.myoplasm_mm_per_ms;
        dydt[index::K_TUBULE] = potassium.tubule_mm_per_ms;
        dydt[index::K_INTERSTITIAL] = potassium.interstitial_mm_per_ms;
        dydt[index::NA_MYOPLASM] = sodium.myoplasm_mm_per_ms;
        dydt[index::NA_TUBULE] = sodium.tubule_mm_per_ms;
        dydt[index::NA_INTERSTITIAL] = sodium.interstitial_mm_per_ms;
    }

    /// The five gates of one membrane, written from `first` (n, h_K, m, h, S).
    fn gate_derivatives(
        &self,
        v_mv: f64,
        tau_h_k_scale_ms: f64,
        y: &State<STATE_COUNT>,
        first: usize,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let dr = &self.config.delayed_rectifier;
        let na = &self.config.sodium_channel;
        let (n, h_k, m, h, s) = (
            y[first],
            y[first + 1],
            y[first + 2],
            y[first + 3],
            y[first + 4],
        );
        let kinetic = |alpha: f64, beta: f64, x: f64| alpha * (1.0 - x) - beta * x;
        dydt[first] = kinetic(
            delayed_rectifier::alpha_n(dr, v_mv),
            delayed_rectifier::beta_n(dr, v_mv),
            n,
        );
        dydt[first + 1] = (delayed_rectifier::h_k_inf(dr, v_mv) - h_k)
            / delayed_rectifier::tau_h_k_ms(dr, v_mv, tau_h_k_scale_ms);
        dydt[first + 2] = kinetic(
            sodium_channel::alpha_m(na, v_mv),
            sodium_channel::beta_m(na, v_mv),
            m,
        );
        dydt[first + 3] = kinetic(
            sodium_channel::alpha_h(na, v_mv),
            sodium_channel::beta_h(na, v_mv),
            h,
        );
        dydt[first + 4] =
            (sodium_channel::s_inf(na, v_mv) - s) / sodium_channel::tau_s_ms(na, v_mv);
    }
}

impl Default for MuscleFibre {
    fn default() -> Self {
        Self::published()
    }
}

impl Model<STATE_COUNT> for MuscleFibre {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    fn initial_state(&self) -> State<STATE_COUNT> {
        State::from(PUBLISHED_INITIAL_STATE)
    }

    fn ion_concentration_indices(&self) -> &'static [usize] {
        &[
            index::K_MYOPLASM,
            index::K_TUBULE,
            index::K_INTERSTITIAL,
            index::NA_MYOPLASM,
            index::NA_TUBULE,
            index::NA_INTERSTITIAL,
        ]
    }

    /// `i_stim_ua_per_cm2` is the CellML `I_HH` (positive depolarizing),
    /// applied to the sarcolemma.
    fn derivatives(
        &self,
        _t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim_ua_per_cm2: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        self.membrane_derivatives(y, i_stim_ua_per_cm2, dydt);
        let surface_scale = self.config.delayed_rectifier.tau_h_k_surface_scale_ms;
        self.gate_derivatives(
            y[index::V_SURFACE],
            surface_scale,
            y,
            index::N_SURFACE,
            dydt,
        );
        self.gate_derivatives(
            y[index::V_TUBULE],
            self.tau_h_k_tubule_scale_ms,
            y,
            index::N_TUBULE,
            dydt,
        );
        self.calcium_derivatives(y, dydt);
    }
}
