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
//! ## Structure (56 CellML states and myoplasmic Cl⁻, see [`state`])
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
//!
//! ## Mg²⁺ options (both off by default: the published model bitwise)
//! - `[parameters.troponin_magnesium] enabled = true`: bulk free Mg²⁺ (Mg_2)
//!   competes with Ca²⁺ at troponin, scaling the Ca²⁺ on-rate k_T,on
//!   ([`crate::physiology::troponin_magnesium`]).
//! - `[parameters.ryanodine_magnesium] enabled = true`: triadic free Mg²⁺
//!   (Mg_1) inhibits the voltage-driven release flux
//!   ([`crate::physiology::ryanodine_magnesium`]).
//!
//! SERCA has no Mg²⁺ option (no usable number found; see
//! [`crate::physiology::sarcoplasmic_reticulum`]).

mod calcium;
pub mod catalogue;
#[cfg(test)]
mod conditions_tests;
mod config;
mod currents;
#[cfg(test)]
mod rest_tests;
pub mod state;
#[cfg(test)]
mod tests;

pub use calcium::regulatory_units;
pub use config::{
    InwardRectifierForm, MeasuredRestParams, MembraneParams, MuscleFibreConfig, RestingConductance,
    SodiumSlowInactivation, TubuleAlpha2PumpParams, TubuleBookkeeping, TubulePump, Variant,
};
pub use currents::{Currents, RestBalance, SlopeConductances};
pub use state::{PUBLISHED_INITIAL_STATE, STATE_COUNT, STATE_VARIABLES, index};

use crate::model::conditions::Conditions;
use crate::model::{KELVIN_AT_ZERO_CELSIUS, celsius_from_kelvin};
use crate::model::{Model, State, StateVariable};
use crate::physiology::calcium_compartments::{self, CompartmentVolumes};
use crate::physiology::chloride_channel::ChlorideDistribution;
use crate::physiology::ion_accumulation::{
    Ion, chloride_influx_mm_per_ms, compartment_rates, potassium_outward_ua_per_cm2,
    sodium_outward_ua_per_cm2,
};
use crate::physiology::rates::gate_derivative;
use crate::physiology::surface_charge::GatingShifts;
use crate::physiology::temperature::q10_factor;
use crate::physiology::{
    delayed_rectifier, sodium_channel, sodium_slow_inactivation_pedestal, washout,
};

/// Temperature at which the Hagiwara Kir's P_Kir applies (°C): the
/// Cannon-lab fibre's 22 °C (issue 18; `src/model/cannon_fibre`); scaled
/// from there by the Kir Q10 of Senneff & Lowery 2021 (1.55).
const HAGIWARA_REFERENCE_CELSIUS: f64 = 22.0;

/// The Shorten et al. 2007 fibre, ready to integrate. Immutable during a run.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleFibre {
    /// The parameters in effect: conductances, C_m, R_a and the pump already
    /// scaled to the temperature (unchanged at the published 293 K).
    config: MuscleFibreConfig,
    /// F/(RT), precomputed once.
    f_over_rt_per_mv: f64,
    /// Volumes of the four Ca²⁺ compartments, precomputed once.
    volumes: CompartmentVolumes,
    /// Scale of τ_hK in the T-tubule after the variant is applied.
    tau_h_k_tubule_scale_ms: f64,
    /// Q10 factor φ of the Na⁺ gates m, h, S (1 at 293 K).
    na_gating_rate_factor: f64,
    /// Q10 factor φ of the delayed-rectifier gates n, h_K (1 at 293 K).
    k_gating_rate_factor: f64,
    /// Divalent shifts of Na⁺ and delayed-rectifier gating (mV; 0 without
    /// `ions.ca_o_mm`/`mg_o_mm`).
    gating_shifts: GatingShifts,
    /// Plasma K⁺ and Na⁺ (mM) that washout pulls the interstitium towards.
    plasma_k_mm: f64,
    /// See `plasma_k_mm`.
    plasma_na_mm: f64,
    /// Washout time constant of interstitial K⁺ (ms; `None`: no blood flow).
    washout_k_tau_ms: Option<f64>,
    /// Washout time constant of interstitial Na⁺ (ms; `None`: no blood flow).
    washout_na_tau_ms: Option<f64>,
    /// Initial state: the published one with the given `[ions]` written in.
    initial: [f64; STATE_COUNT],
}

impl MuscleFibre {
    /// The fibre with `config` in the published ionic conditions.
    pub fn new(config: MuscleFibreConfig) -> Self {
        let published = celsius_from_kelvin(config.thermodynamics.temperature_k);
        Self::new_in(config, &Conditions::published(published))
    }

    /// The fibre with `config` in `conditions`; every condition that is
    /// `None` (or a temperature not given) leaves the published model unchanged.
    ///
    /// - `temperature_celsius` sets T (F/RT, Nernst and GHK terms) and scales
    ///   the rates by `config.temperature_q10` (Senneff & Lowery 2021
    ///   factors, all exactly 1 at the published 293 K): Na⁺ gating (m, h, S)
    ///   and K⁺ gating (n, h_K) rates by their φ; g_Na, g_K, g_Cl, G_K(Kir) by
    ///   theirs; C_m by its φ; R_a divided by the luminal-conductivity φ; the
    ///   pump's J_max by its φ (Q10 1.0). Ca²⁺ handling, crossbridges and the
    ///   ion exchange times are not scaled (not in the Senneff & Lowery list).
    /// - `k_o_mm`, `na_o_mm` set the initial interstitial and T-tubule K⁺/Na⁺
    ///   (states K_e, K_t, Na_e, Na_t) and the plasma values of washout.
    /// - `mg_i_um` sets the initial free myoplasmic Mg²⁺ (Mg1, Mg2); the Mg
    ///   buffers re-equilibrate from there (`rest.equilibrate`).
    /// - `ca_o_mm`, `mg_o_mm` shift Na⁺ and delayed-rectifier gating by the
    ///   shifts of [`Conditions::divalents`] (the law of
    ///   `parameters.surface_charge.mode`, resolved once for every part of
    ///   the run; both absent: no shift).
    /// - `cl_o_mm` sets the fixed extracellular Cl⁻ of
    ///   [`crate::physiology::chloride_channel::ChlorideDistribution::Fixed`]; with the published distribution
    ///   Cl⁻ follows K⁺ (SCIENCE.md §2.1) and the scenario layer refuses it.
    pub fn new_in(config: MuscleFibreConfig, conditions: &Conditions) -> Self {
        let mut config = config;
        if conditions.temperature_given {
            config.thermodynamics.temperature_k =
                conditions.temperature_celsius + KELVIN_AT_ZERO_CELSIUS;
        }
        let celsius = celsius_from_kelvin(config.thermodynamics.temperature_k);
        let q10 = config.temperature_q10.factors_at(celsius);
        config.sodium_channel.g_na_max_ms_per_cm2 *= q10.g_na;
        config.delayed_rectifier.g_k_max_ms_per_cm2 *= q10.g_k;
        config.inward_rectifier.g_max_ms_per_cm2 *= q10.g_kir;
        config.kir_hagiwara.p_k_cm_per_s *= q10_factor(
            config.temperature_q10.g_kir_q10,
            celsius,
            HAGIWARA_REFERENCE_CELSIUS,
        );
        match config.resting_conductance {
            RestingConductance::Published => {
                config.chloride_channel.g_cl_max_ms_per_cm2 *= q10.g_cl;
            }
            RestingConductance::Measured => {
                let m = config.measured_rest;
                let below = celsius.min(m.g_cl_q10_breakpoint_celsius);
                let above = celsius.max(m.g_cl_q10_breakpoint_celsius);
                let q = &config.temperature_q10;
                config.chloride_channel.g_cl_max_ms_per_cm2 *= m.g_cl_scale
                    * q10_factor(q.g_cl_q10, below, q.reference_temperature_celsius)
                    * q10_factor(
                        m.g_cl_q10_above_breakpoint,
                        above,
                        m.g_cl_q10_breakpoint_celsius,
                    );
                config.inward_rectifier.g_max_ms_per_cm2 *= m.g_kir_scale;
            }
        }
        config.membrane.c_m_uf_per_cm2 *= q10.membrane_capacitance;
        config.membrane.access_resistance_ohm_cm2 /= q10.conductivity;
        config.sodium_potassium_pump.j_max_umol_per_cm2_per_s *= q10.pump;
        if config.tubule_bookkeeping == TubuleBookkeeping::AreaRatio {
            let acc = &mut config.ion_accumulation;
            acc.tubule_volume_per_area_cm = acc.tubule_volume_fraction
                * acc.myoplasm_volume_per_area_cm
                / config.membrane.tubule_area_ratio;
        }
        if let Some(cl_o) = conditions.cl_o_mm {
            config.chloride_channel.fixed_chloride_out_mm = cl_o;
        }

        let mut initial = PUBLISHED_INITIAL_STATE;
        let mut set = |indices: [usize; 2], value: Option<f64>| {
            if let Some(value) = value {
                for i in indices {
                    initial[i] = value;
                }
            }
        };
        set([index::K_TUBULE, index::K_INTERSTITIAL], conditions.k_o_mm);
        set(
            [index::NA_TUBULE, index::NA_INTERSTITIAL],
            conditions.na_o_mm,
        );
        set([index::MG_TRIAD, index::MG_BULK], conditions.mg_i_um);
        initial[index::CL_MYOPLASM] = config.chloride_channel.fixed_chloride_in_mm;

        let gating_shifts = conditions.gating_shifts();

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
            na_gating_rate_factor: q10.na_gating,
            k_gating_rate_factor: q10.k_gating,
            gating_shifts,
            plasma_k_mm: initial[index::K_INTERSTITIAL],
            plasma_na_mm: initial[index::NA_INTERSTITIAL],
            washout_k_tau_ms: washout::k_washout_time_constant_ms(&config.washout),
            washout_na_tau_ms: washout::na_washout_time_constant_ms(&config.washout),
            initial,
            config,
        }
    }

    /// The fibre with `config` in `ions`, resolved under the fibre's own
    /// divalent law ([`Conditions::resolve`]); for tests and examples that
    /// build a fibre without a scenario. `None` only where the Grahame law
    /// finds no surface potential.
    pub fn with_ions(config: MuscleFibreConfig, ions: &crate::model::ions::Ions) -> Option<Self> {
        let published = celsius_from_kelvin(config.thermodynamics.temperature_k);
        let conditions = Conditions::resolve(
            ions,
            &config.surface_charge,
            &config.surface_charge_grahame,
            published,
        )
        .ok()?;
        Some(Self::new_in(config, &conditions))
    }

    /// The same fibre starting from `state` instead of the published
    /// initial state (plasma K⁺/Na⁺ of washout unchanged): a rest state found
    /// once, reused by runs that would otherwise search for it again.
    pub fn starting_from(&self, state: &State<STATE_COUNT>) -> Self {
        let mut fibre = self.clone();
        fibre.initial.copy_from_slice(state.as_slice());
        fibre
    }

    /// The published model ([`Variant::Published`], CellML constants).
    pub fn published() -> Self {
        Self::new(MuscleFibreConfig::default())
    }

    /// The parameters in effect (temperature scaling applied).
    pub fn config(&self) -> &MuscleFibreConfig {
        &self.config
    }

    /// The divalent gating shifts in effect (mV, added to the half-activation
    /// voltages of the Na⁺ and delayed-rectifier gates).
    pub fn gating_shifts(&self) -> GatingShifts {
        self.gating_shifts
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
            ) + currents.i_gp_k_surface_ua_per_cm2
                - currents.nkcc_surface_ua_per_cm2,
            potassium_outward_ua_per_cm2(
                currents.i_ir_tubule_ua_per_cm2,
                currents.i_dr_tubule_ua_per_cm2,
                acc.i_k_rest_ua_per_cm2,
                currents.i_nak_tubule_ua_per_cm2,
            ) - currents.nkcc_tubule_ua_per_cm2,
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
            ) + currents.i_gp_na_surface_ua_per_cm2
                - currents.nkcc_surface_ua_per_cm2,
            sodium_outward_ua_per_cm2(
                currents.i_na_tubule_ua_per_cm2,
                acc.i_na_rest_ua_per_cm2,
                currents.i_nak_tubule_ua_per_cm2,
            ) - currents.nkcc_tubule_ua_per_cm2,
            y[index::NA_TUBULE],
            y[index::NA_INTERSTITIAL],
        );
        dydt[index::K_MYOPLASM] = potassium.myoplasm_mm_per_ms;
        dydt[index::K_TUBULE] = potassium.tubule_mm_per_ms;
        dydt[index::K_INTERSTITIAL] = potassium.interstitial_mm_per_ms
            + washout::washout_rate_mm_per_ms(
                y[index::K_INTERSTITIAL],
                self.plasma_k_mm,
                self.washout_k_tau_ms,
            );
        dydt[index::CL_MYOPLASM] = match c.chloride_distribution {
            ChlorideDistribution::Dynamic => chloride_influx_mm_per_ms(
                acc,
                faraday,
                currents.chloride_influx_surface_ua_per_cm2(),
                currents.chloride_influx_tubule_ua_per_cm2(),
            ),
            ChlorideDistribution::WithPotassium | ChlorideDistribution::Fixed => 0.0,
        };
        dydt[index::NA_MYOPLASM] = sodium.myoplasm_mm_per_ms;
        dydt[index::NA_TUBULE] = sodium.tubule_mm_per_ms;
        dydt[index::NA_INTERSTITIAL] = sodium.interstitial_mm_per_ms
            + washout::washout_rate_mm_per_ms(
                y[index::NA_INTERSTITIAL],
                self.plasma_na_mm,
                self.washout_na_tau_ms,
            );
    }

    /// The five gates of one membrane, written from `first` (n, h_K, m, h, S):
    /// rates evaluated at V − ΔV (divalent shift) and multiplied by the Q10 φ.
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
        let v_k = v_mv - self.gating_shifts.k_mv;
        let v_na = v_mv - self.gating_shifts.na_mv;
        let (phi_k, phi_na) = (self.k_gating_rate_factor, self.na_gating_rate_factor);
        let (n, h_k, m, h, s) = (
            y[first],
            y[first + 1],
            y[first + 2],
            y[first + 3],
            y[first + 4],
        );
        dydt[first] = phi_k
            * gate_derivative(
                delayed_rectifier::alpha_n(dr, v_k),
                delayed_rectifier::beta_n(dr, v_k),
                n,
            );
        dydt[first + 1] = phi_k * (delayed_rectifier::h_k_inf(dr, v_k) - h_k)
            / delayed_rectifier::tau_h_k_ms(dr, v_k, tau_h_k_scale_ms);
        dydt[first + 2] = phi_na
            * gate_derivative(
                sodium_channel::alpha_m(na, v_na),
                sodium_channel::beta_m(na, v_na),
                m,
            );
        dydt[first + 3] = phi_na
            * gate_derivative(
                sodium_channel::alpha_h(na, v_na),
                sodium_channel::beta_h(na, v_na),
                h,
            );
        let s_inf = match self.config.sodium_slow_inactivation {
            SodiumSlowInactivation::Wallinga => sodium_channel::s_inf(na, v_na),
            SodiumSlowInactivation::Pedestal => {
                sodium_slow_inactivation_pedestal::s_inf(&self.config.sodium_pedestal, v_na)
            }
        };
        dydt[first + 4] = phi_na * (s_inf - s) / sodium_channel::tau_s_ms(na, v_na);
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

    /// The published initial state with the given `[ions]` written in.
    fn initial_state(&self) -> State<STATE_COUNT> {
        State::from(self.initial)
    }

    fn ion_concentration_indices(&self) -> &'static [usize] {
        &[
            index::K_MYOPLASM,
            index::K_TUBULE,
            index::K_INTERSTITIAL,
            index::NA_MYOPLASM,
            index::NA_TUBULE,
            index::NA_INTERSTITIAL,
            index::CL_MYOPLASM,
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
