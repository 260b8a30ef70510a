//! `motoneuron`: a spinal motoneuron with a soma and a dendrite, the model
//! of Booth, Rinzel & Kiehn 1997, whose dendritic L-type Ca²⁺ persistent
//! inward current (PIC) makes firing self-sustaining (bistable).
//!
//! ## Source
//! Booth V., Rinzel J. & Kiehn O. (1997) Compartmental model of vertebrate
//! motoneurons for Ca²⁺-dependent spiking and plateau potentials under
//! pharmacological treatment. J Neurophysiol 78:3371–3385 (turtle
//! motoneurons). The paper's Table 1 could not be read here; every number
//! is taken from the Simatra simEngine port of the model
//! (`create_brk.m` / `create_brk_inputs.m`, "Booth, Rinzel, & Kiehn
//! Motoneuron Model (J Neurophysiol 78:3371-3384, 1997)", Simatra Modeling
//! Technologies 2009–2010), which lists them as the paper's, and the
//! mechanism files cite it name by name.
//!
//! ```text
//! C dVs/dt = I_stim + I_bias − I_Na − I_Kdr − I_CaN,s − I_K(Ca),s − I_L,s − I_NaP − I_inh,s − (g_c/p)(Vs − Vd)
//! C dVd/dt = − I_CaN,d − I_CaL − I_K(Ca),d − I_L,d − I_exc − I_inh,d − (g_c/(1 − p))(Vd − Vs)
//! I_exc = g_exc (Vd − E_exc),   I_inh,x = g_inh,x (Vx − E_inh)
//! ```
//! Mechanisms: [`crate::physiology::motoneuron_sodium`],
//! [`crate::physiology::motoneuron_potassium`],
//! [`crate::physiology::calcium_n_type`],
//! [`crate::physiology::calcium_l_type`] (the PIC),
//! [`crate::physiology::calcium_activated_potassium`] (SK/AHP and the Ca²⁺
//! pools, one per compartment), and, not in the source (ḡ = 0 by default),
//! a somatic [`crate::physiology::persistent_sodium`] after Powers et al. 2012.
//! p is the soma's share of the membrane area; currents are per cm² of their
//! own compartment. The protocol's stimulus (and `soma_bias_ua_per_cm2`)
//! enters the soma unscaled, as `Iext` does in `create_brk_inputs.m`.
//!
//! ## Inputs (model parameters, constant over a run)
//! A somatic bias current; a dendritic excitatory conductance (descending
//! and Ia drive); inhibitory conductances on dendrite and soma (Ib, recurrent);
//! `pic_gain`, a monoaminergic gain on the PIC conductances (L-type Ca²⁺ and
//! NaP); and `k_ca_gain`, the source's own model of serotonin (5-HT reduces
//! ḡ_K(Ca)). See [`MotoneuronParams`] for units, ranges and sources.
//!
//! ## Conditions
//! The source fixes every reversal potential (E_Na 55, E_K −80, E_Ca 80,
//! E_leak −60 mV) without concentrations, and gives neither a temperature
//! nor a Q10: its rate constants are those of the turtle preparation. So
//! [`Motoneuron::new`] refuses a given temperature, K⁺, Na⁺, Cl⁻, Mg²⁺ or
//! divalent ([`Refused`]): a Nernst shift would need reference
//! concentrations and a temperature the source does not give, and no
//! surface-charge or Ca²⁺-permeation law of these channels is published
//! with the model.

//! ## Measured against the literature (see `tests.rs`)
//! - Rest without input: Vs −57.3, Vd −56.6 mV (E_leak −60 mV).
//! - Tonic firing on somatic steps: 13 Hz at 6, 27 Hz at 10, 59 Hz at
//!   25 µA/cm² (canonical); dendritic g_exc 0.05–0.4 mS/cm²: 12–61 Hz.
//! - **Finding:** no self-sustained firing (bistability) for somatic pulses
//!   of ±10 µA/cm², 200 ms, on any bias 0–8 µA/cm², with the canonical or
//!   the 5-HT ḡ_K(Ca), nor with `pic_gain` up to 5; and no f–I hysteresis
//!   of the PIC kind on a 5 µA/cm²/s triangular ramp (derecruited 1–1.5
//!   µA/cm² *above* recruitment). Booth et al. 1997 and Hounsgaard & Kiehn
//!   1989 report both.
//! - **Port check (issue 12).** The paper's Table 1 and the original XPP
//!   file were not found in the searchable sources. A second machine-readable
//!   copy of the numbers was: Kurian, Crook & Jung 2011 (J Comput Neurosci
//!   31:625; ModelDB 140788, `twocompart_mnmodel.ode` and `run_twocomp.m`,
//!   "Based on Booth Rinzel model parameters"), whose BRK-derived cell has,
//!   as this port: g_c 0.1 mS/cm², p 0.1, C 1; ḡ_Na 120, θ_m −35, κ_m −7.8,
//!   θ_h −55, κ_h 7, E_Na 55; ḡ_Kdr 100, θ_n −28, κ_n −15, E_K −80; somatic
//!   ḡ_CaN 14, θ −30/κ −5 (m), θ −45/κ 5 (h), E_Ca 80; ḡ_K(Ca) 3.136 (soma)
//!   and 0.69 (dendrite), the source's 5-HT values (`k_ca_gain` 0.627);
//!   K_d 0.2 µM; g_leak 0.51, E_leak −60; f 0.01, α 0.009, k_Ca 2; ḡ_CaL
//!   0.33, θ −40, κ −7, τ 40 ms, its Ca²⁺ feeding the dendritic K(Ca) pool;
//!   the somatic current unscaled by p. It differs where it says it does
//!   (CaN τ_m 16 and τ_h 160 ms, "Different from BR model", so BRK's are 4
//!   and 40 ms as here), in τ_h and τ_n (120/(…) and 28/(…) ms, four times
//!   this port's 30 and 7, not marked as different), in having no dendritic
//!   N-type current, and in adding a dendritic NaP (0.2 mS/cm², θ −25) for
//!   its self-sustained firing. No port error was found. Neither suspect
//!   explains the finding (5-HT and canonical ḡ_K(Ca), bias 0–8 µA/cm² by
//!   0.5, ±10 µA/cm² 200 ms pulses): with τ_h, τ_n × 4, with CaN τ × 4 as
//!   well, without the dendritic N current, or with a dendritic ḡ_CaN of
//!   0.3 instead of 0.03, the cell is silent or fires tonically at every
//!   bias, never only after the pulse; dividing I_app by p only rescales
//!   the current axis. Scanning ḡ_CaL (pic_gain 0.9–1.5 by 0.05, dendritic
//!   Ia bursts of 10–40 Hz through [`nerve`]): the silent cell turns into
//!   one firing on its own at 1.40 (canonical ḡ_K(Ca)) or 1.05 (5-HT: 6 Hz;
//!   1.10: 80 Hz, dendrite on a plateau at −9 to −25 mV): with those
//!   bursts and somatic pulses the rest state and the plateau were not
//!   seen to coexist.
//! - **Bistable to strong dendritic drive (measured later).** They do
//!   coexist for strong Ia input: with the published ḡ_CaL and 5-HT, an Ia
//!   EPSP of 20 mV per volley, a 1 s burst at 40 Hz leaves the silent cell
//!   firing at ≈ 62 Hz for seconds (8 mV: it stops with the burst), as
//!   Ia input triggers plateaus in decerebrate cats (Bennett et al. 1998,
//!   J Neurophysiol 80:2023). `endplate cramp-threshold` then finds 42 Hz
//!   (Ia 16 mV), 34 Hz (20 mV), 26 Hz (25 mV); with 20 mV, pic_gain
//!   1.01/1.02/1.03 gives 28/24/20 Hz; canonical ḡ_K(Ca) or a dendritic Ib
//!   conductance of 0.05 mS/cm² gives none up to 44 Hz. A somatic
//!   hyperpolarizing pulse of 10 µA/cm² for 200 ms does not end the
//!   firing (finding; Hounsgaard & Kiehn 1989 report that it does).

pub mod inputs;
pub mod nerve;
#[cfg(test)]
mod tests;

use crate::analysis::SpikeDetector;
use crate::model::conditions::Conditions;
use crate::model::state_variable;
use crate::model::{Model, ParameterGroup, State, StateVariable};
use crate::parameters;
use crate::params::ParameterSet;
use crate::physiology::calcium_activated_potassium::{self as k_ca, CalciumPoolParams};
use crate::physiology::calcium_l_type::{self as ca_l, CalciumLTypeParams};
use crate::physiology::calcium_n_type::{self as ca_n, CalciumNTypeParams};
use crate::physiology::motoneuron_potassium::{self as kdr, MotoneuronPotassiumParams};
use crate::physiology::motoneuron_sodium::{self as na, MotoneuronSodiumParams};
use crate::physiology::persistent_sodium::{self as nap, PersistentSodiumParams};
use crate::protocol::Protocol;
use crate::solve::{self, SolveError, SolverSettings};

parameters! {
    /// The compartments, conductances and inputs of the BRK motoneuron (`[parameters.motoneuron]`).
    pub struct MotoneuronParams {
        /// Somatic fast Na⁺ conductance ḡ_Na.
        soma_sodium_ms_per_cm2: f64 = 120.0, "mS/cm²", 0.0..=10000.0, "Booth et al. 1997 Table 1 (create_brk.m GNa = 120)";
        /// Somatic delayed-rectifier conductance ḡ_Kdr.
        soma_potassium_ms_per_cm2: f64 = 100.0, "mS/cm²", 0.0..=10000.0, "Booth et al. 1997 Table 1 (create_brk.m GK_dr = 100)";
        /// Somatic N-like Ca²⁺ conductance.
        soma_calcium_n_ms_per_cm2: f64 = 14.0, "mS/cm²", 0.0..=1000.0, "Booth et al. 1997 Table 1 (create_brk.m GCa_NS = 14)";
        /// Dendritic N-like Ca²⁺ conductance.
        dendrite_calcium_n_ms_per_cm2: f64 = 0.03, "mS/cm²", 0.0..=1000.0, "Booth et al. 1997 Table 1 (create_brk.m GCa_ND = .03)";
        /// Dendritic L-like Ca²⁺ conductance ḡ_CaL, the PIC (before `pic_gain`).
        dendrite_calcium_l_ms_per_cm2: f64 = 0.33, "mS/cm²", 0.0..=100.0, "Booth et al. 1997 Table 1 (create_brk.m GCa_L = 0.33)";
        /// Somatic Ca²⁺-activated K⁺ conductance (before `k_ca_gain`).
        soma_k_ca_ms_per_cm2: f64 = 5.0, "mS/cm²", 0.0..=1000.0, "Booth et al. 1997 Table 1 (create_brk.m GK_CaS = 5, 'canonical')";
        /// Dendritic Ca²⁺-activated K⁺ conductance (before `k_ca_gain`).
        dendrite_k_ca_ms_per_cm2: f64 = 1.1, "mS/cm²", 0.0..=1000.0, "Booth et al. 1997 Table 1 (create_brk.m GK_CaD = 1.1, 'canonical')";
        /// Somatic persistent Na⁺ conductance (before `pic_gain`); 0 in the source, which has none.
        soma_persistent_sodium_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=100.0, "Booth et al. 1997 has no NaP; Powers et al. 2012 Medium_thresh_MN.hoc soma.gbar_naps = 0.00044 S/cm² = 0.44 mS/cm²";
        /// Leak conductance of both compartments.
        leak_ms_per_cm2: f64 = 0.51, "mS/cm²", 0.0..=100.0, "Booth et al. 1997 Table 1 (create_brk.m gleak = 0.51)";
        /// Soma–dendrite coupling conductance g_c.
        coupling_ms_per_cm2: f64 = 0.1, "mS/cm²", 0.0001..=100.0, "Booth et al. 1997 Table 1 (create_brk.m gc = 0.1)";
        /// The soma's share p of the total membrane area.
        soma_area_fraction: f64 = 0.1, "1", 0.001..=0.999, "Booth et al. 1997 Table 1 (create_brk.m p = 0.1)";
        /// Specific membrane capacitance C.
        capacitance_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.1..=10.0, "Booth et al. 1997 Table 1 (create_brk.m C = 1)";
        /// Na⁺ reversal E_Na (fixed in the source).
        e_na_mv: f64 = 55.0, "mV", -50.0..=150.0, "Booth et al. 1997 Table 1 (create_brk.m ENa = 55)";
        /// K⁺ reversal E_K (fixed in the source).
        e_k_mv: f64 = -80.0, "mV", -150.0..=0.0, "Booth et al. 1997 Table 1 (create_brk.m EK = −80)";
        /// Ca²⁺ reversal E_Ca (fixed in the source).
        e_ca_mv: f64 = 80.0, "mV", 0.0..=250.0, "Booth et al. 1997 Table 1 (create_brk.m ECa = 80)";
        /// Leak reversal E_leak (fixed in the source).
        e_leak_mv: f64 = -60.0, "mV", -120.0..=0.0, "Booth et al. 1997 Table 1 (create_brk.m Eleak = −60)";
        /// Constant current injected into the soma, added to the protocol's stimulus.
        soma_bias_ua_per_cm2: f64 = 0.0, "µA/cm²", -200.0..=200.0, "an input; create_brk_inputs.m drives the soma with ramps 0 → 25 → 0 (its max_Iapp = 25)";
        /// Dendritic excitatory synaptic conductance g_exc (descending and Ia drive).
        dendrite_excitatory_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=10.0, "an input; no published bound for this model: compare the leak, 0.51 mS/cm²";
        /// Reversal of the excitatory (glutamatergic) conductance.
        excitatory_reversal_mv: f64 = 0.0, "mV", -30.0..=30.0, "Powers et al. 2012, synss.mod e = 0 mV";
        /// Dendritic inhibitory conductance (Ib, from Golgi tendon organs).
        dendrite_inhibitory_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=10.0, "an input; no published bound for this model: compare the leak, 0.51 mS/cm²";
        /// Somatic inhibitory conductance (recurrent, Renshaw).
        soma_inhibitory_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=10.0, "an input; no published bound for this model: compare the leak, 0.51 mS/cm²";
        /// Reversal of the inhibitory (glycinergic) conductance.
        inhibitory_reversal_mv: f64 = -75.0, "mV", -100.0..=-40.0, "cat motoneuron IPSP reversal about −75 mV (Coombs, Eccles & Fatt 1955, J Physiol 130:326)";
        /// Monoaminergic (serotonergic/noradrenergic) gain on the PIC conductances (L-type Ca²⁺ and NaP); 1 = as published.
        pic_gain: f64 = 1.0, "1", 0.0..=5.0, "PICs are small without monoamines and grow several-fold with them (Lee & Heckman 2000 J Neurosci 20:6734; Heckman et al. 2003 TINS 26:688)";
        /// Gain on both ḡ_K(Ca), the source's model of serotonin (5-HT reduces ḡ_K(Ca)); 1 = as published.
        k_ca_gain: f64 = 1.0, "1", 0.0..=2.0, "Booth et al. 1997; create_brk_inputs.m 'with simulated 5-HT' uses 3.136/5 = 0.69/1.1 = 0.627";
    }
}

/// Everything that defines the motoneuron: compartments and inputs, and the
/// kinetics of each mechanism (`[parameters.motoneuron.*]`).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MotoneuronConfig {
    /// Conductances, compartments, reversals and inputs.
    pub motoneuron: MotoneuronParams,
    /// Fast Na⁺ gating.
    pub sodium: MotoneuronSodiumParams,
    /// Delayed-rectifier gating.
    pub potassium: MotoneuronPotassiumParams,
    /// N-like Ca²⁺ gating.
    pub calcium_n_type: CalciumNTypeParams,
    /// L-like Ca²⁺ gating (the PIC).
    pub calcium_l_type: CalciumLTypeParams,
    /// Ca²⁺ pools and I_K(Ca).
    pub calcium_pool: CalciumPoolParams,
    /// Persistent Na⁺ gating.
    pub persistent_sodium: PersistentSodiumParams,
    /// Time-varying somatic inputs (ramp, pulses).
    pub inputs: inputs::TimedInputsParams,
}

impl MotoneuronConfig {
    /// The declarations, by sub-table.
    pub fn parameter_groups() -> Vec<ParameterGroup> {
        vec![
            ParameterGroup {
                section: "motoneuron",
                parameters: MotoneuronParams::INFO,
            },
            ParameterGroup {
                section: "sodium",
                parameters: MotoneuronSodiumParams::INFO,
            },
            ParameterGroup {
                section: "potassium",
                parameters: MotoneuronPotassiumParams::INFO,
            },
            ParameterGroup {
                section: "calcium_n_type",
                parameters: CalciumNTypeParams::INFO,
            },
            ParameterGroup {
                section: "calcium_l_type",
                parameters: CalciumLTypeParams::INFO,
            },
            ParameterGroup {
                section: "calcium_pool",
                parameters: CalciumPoolParams::INFO,
            },
            ParameterGroup {
                section: "persistent_sodium",
                parameters: PersistentSodiumParams::INFO,
            },
            ParameterGroup {
                section: "inputs",
                parameters: inputs::TimedInputsParams::INFO,
            },
        ]
    }
}

/// A condition the motoneuron cannot honour, and why (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Refused {
    /// `ions.temperature_celsius` was given: the source has no temperature or Q10.
    Temperature(f64),
    /// A concentration was given (its key): the source fixes the reversal potentials.
    Concentration(&'static str),
    /// Ca²⁺ or Mg²⁺ outside was given: no divalent law of these channels is published with the model.
    Divalents,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Temperature(t) => write!(
                f,
                "the motoneuron (Booth et al. 1997) has no temperature or Q10; {t} °C cannot be honoured"
            ),
            Refused::Concentration(key) => write!(
                f,
                "the motoneuron (Booth et al. 1997) fixes its reversal potentials; `ions.{key}` cannot be honoured"
            ),
            Refused::Divalents => write!(
                f,
                "the motoneuron (Booth et al. 1997) has no divalent law; `ions.ca_o_mm`/`mg_o_mm` cannot be honoured"
            ),
        }
    }
}

impl std::error::Error for Refused {}

/// Index of each state variable in the state vector.
pub mod index {
    /// Somatic membrane potential Vs (mV).
    pub const V_SOMA: usize = 0;
    /// Dendritic membrane potential Vd (mV).
    pub const V_DENDRITE: usize = 1;
    /// Na⁺ inactivation h.
    pub const H_NA: usize = 2;
    /// Delayed-rectifier activation n.
    pub const N_K: usize = 3;
    /// Somatic N-like Ca²⁺ activation.
    pub const M_CAN_SOMA: usize = 4;
    /// Somatic N-like Ca²⁺ inactivation.
    pub const H_CAN_SOMA: usize = 5;
    /// Dendritic N-like Ca²⁺ activation.
    pub const M_CAN_DENDRITE: usize = 6;
    /// Dendritic N-like Ca²⁺ inactivation.
    pub const H_CAN_DENDRITE: usize = 7;
    /// L-like Ca²⁺ activation (the PIC).
    pub const M_CAL: usize = 8;
    /// Somatic Ca²⁺ pool (µM).
    pub const CA_SOMA: usize = 9;
    /// Dendritic Ca²⁺ pool (µM).
    pub const CA_DENDRITE: usize = 10;
    /// Somatic persistent Na⁺ activation.
    pub const P_NAP: usize = 11;
}

/// Number of state variables.
pub const STATE_COUNT: usize = 12;

/// The state layout (source names from `create_brk.m`).
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    state_variable(
        "motoneuron_v_mV",
        "mV",
        "somatic membrane potential of the motoneuron",
        "Vs",
    ),
    state_variable(
        "motoneuron_dendrite_v_mV",
        "mV",
        "dendritic membrane potential of the motoneuron",
        "Vd",
    ),
    state_variable("motoneuron_h_na", "1", "somatic Na inactivation", "h"),
    state_variable(
        "motoneuron_n_k",
        "1",
        "somatic delayed-rectifier activation",
        "n",
    ),
    state_variable(
        "motoneuron_m_can_soma",
        "1",
        "somatic N-like Ca activation",
        "mnS",
    ),
    state_variable(
        "motoneuron_h_can_soma",
        "1",
        "somatic N-like Ca inactivation",
        "hnS",
    ),
    state_variable(
        "motoneuron_m_can_dendrite",
        "1",
        "dendritic N-like Ca activation",
        "mnD",
    ),
    state_variable(
        "motoneuron_h_can_dendrite",
        "1",
        "dendritic N-like Ca inactivation",
        "hnD",
    ),
    state_variable(
        "motoneuron_m_cal",
        "1",
        "dendritic L-like Ca activation (the PIC)",
        "ml",
    ),
    state_variable("motoneuron_ca_soma_uM", "µM", "somatic free Ca pool", "CaS"),
    state_variable(
        "motoneuron_ca_dendrite_uM",
        "µM",
        "dendritic free Ca pool",
        "CaD",
    ),
    state_variable(
        "motoneuron_p_nap",
        "1",
        "somatic persistent Na activation (not in the source)",
        "m (naps.mod, Powers et al. 2012)",
    ),
];

/// Upward crossing of the somatic potential that counts as a spike (mV).
/// BRK spikes overshoot (`create_brk.m` counts peaks above +20 mV); 0 mV
/// is crossed once per spike and never by the dendritic plateau's soma.
pub const SPIKE_THRESHOLD_MV: f64 = 0.0;

/// The motoneuron with its conductances resolved, ready to integrate.
#[derive(Debug, Clone, PartialEq)]
pub struct Motoneuron {
    /// The configuration in use.
    pub config: MotoneuronConfig,
    /// ḡ_CaL × `pic_gain` (mS/cm²).
    g_cal: f64,
    /// ḡ_NaP × `pic_gain` (mS/cm²).
    g_nap: f64,
    /// Somatic ḡ_K(Ca) × `k_ca_gain` (mS/cm²).
    g_kca_soma: f64,
    /// Dendritic ḡ_K(Ca) × `k_ca_gain` (mS/cm²).
    g_kca_dendrite: f64,
}

impl Motoneuron {
    /// The motoneuron of `config` under `conditions`, or what it refuses.
    pub fn new(config: MotoneuronConfig, conditions: &Conditions) -> Result<Self, Refused> {
        if conditions.temperature_given {
            return Err(Refused::Temperature(conditions.temperature_celsius));
        }
        for (key, given) in [
            ("k_o_mm", conditions.k_o_mm.is_some()),
            ("na_o_mm", conditions.na_o_mm.is_some()),
            ("cl_o_mm", conditions.cl_o_mm.is_some()),
            ("mg_i_um", conditions.mg_i_um.is_some()),
        ] {
            if given {
                return Err(Refused::Concentration(key));
            }
        }
        if conditions.divalents.is_some() {
            return Err(Refused::Divalents);
        }
        let p = &config.motoneuron;
        Ok(Self {
            config,
            g_cal: p.dendrite_calcium_l_ms_per_cm2 * p.pic_gain,
            g_nap: p.soma_persistent_sodium_ms_per_cm2 * p.pic_gain,
            g_kca_soma: p.soma_k_ca_ms_per_cm2 * p.k_ca_gain,
            g_kca_dendrite: p.dendrite_k_ca_ms_per_cm2 * p.k_ca_gain,
        })
    }

    /// Times (ms) at which the soma fires under `protocol` from `y0`: the
    /// upward crossings of [`SPIKE_THRESHOLD_MV`], interpolated inside each
    /// solver step; the stimuli to hand to a motor axon.
    pub fn spike_times_ms(
        &self,
        y0: &State<STATE_COUNT>,
        protocol: &Protocol,
        duration_ms: f64,
        settings: &SolverSettings,
    ) -> Result<Vec<f64>, SolveError> {
        let mut detector = SpikeDetector::new(index::V_SOMA, SPIKE_THRESHOLD_MV);
        solve::simulate(self, y0, protocol, duration_ms, settings, &mut detector)?;
        Ok(detector.times_ms)
    }

    /// Times (ms) at which the soma fires from `y0` under nerve volleys at
    /// `volleys_ms` ([`nerve::VolleyKicks`]) and the somatic current of
    /// `protocol`, and the state at the end.
    pub fn spike_times_under_volleys(
        &self,
        y0: &State<STATE_COUNT>,
        protocol: &Protocol,
        volleys_ms: &[f64],
        coupling: &nerve::NerveCouplingParams,
        duration_ms: f64,
        settings: &SolverSettings,
    ) -> Result<(Vec<f64>, State<STATE_COUNT>), SolveError> {
        let mut detector = SpikeDetector::new(index::V_SOMA, SPIKE_THRESHOLD_MV);
        let outcome = solve::simulate_with_kicks(
            self,
            y0,
            protocol,
            &mut nerve::VolleyKicks::new(volleys_ms, coupling),
            duration_ms,
            settings,
            &mut detector,
        )?;
        Ok((detector.times_ms, outcome.final_state))
    }

    /// Somatic ionic current (µA/cm², outward positive), synaptic inhibition included.
    fn soma_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let c = &self.config;
        let p = &c.motoneuron;
        let v = y[index::V_SOMA];
        na::current(
            &c.sodium,
            p.soma_sodium_ms_per_cm2,
            v,
            y[index::H_NA],
            p.e_na_mv,
        ) + kdr::current(p.soma_potassium_ms_per_cm2, v, y[index::N_K], p.e_k_mv)
            + self.soma_calcium_current(y)
            + k_ca::current(
                &c.calcium_pool,
                self.g_kca_soma,
                v,
                y[index::CA_SOMA],
                p.e_k_mv,
            )
            + nap::current(self.g_nap, v, y[index::P_NAP], p.e_na_mv)
            + p.leak_ms_per_cm2 * (v - p.e_leak_mv)
            + p.soma_inhibitory_ms_per_cm2 * (v - p.inhibitory_reversal_mv)
    }

    /// Somatic Ca²⁺ current (N-like), µA/cm².
    fn soma_calcium_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let p = &self.config.motoneuron;
        ca_n::current(
            p.soma_calcium_n_ms_per_cm2,
            y[index::V_SOMA],
            y[index::M_CAN_SOMA],
            y[index::H_CAN_SOMA],
            p.e_ca_mv,
        )
    }

    /// Dendritic Ca²⁺ current (N-like plus L-like), µA/cm².
    pub fn dendrite_calcium_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let p = &self.config.motoneuron;
        let v = y[index::V_DENDRITE];
        ca_n::current(
            p.dendrite_calcium_n_ms_per_cm2,
            v,
            y[index::M_CAN_DENDRITE],
            y[index::H_CAN_DENDRITE],
            p.e_ca_mv,
        ) + ca_l::current(self.g_cal, v, y[index::M_CAL], p.e_ca_mv)
    }

    /// Dendritic ionic and synaptic current at `t_ms` (µA/cm², outward
    /// positive), the timed Ib pulse included.
    fn dendrite_current(&self, t_ms: f64, y: &State<STATE_COUNT>) -> f64 {
        let c = &self.config;
        let p = &c.motoneuron;
        let v = y[index::V_DENDRITE];
        self.dendrite_calcium_current(y)
            + k_ca::current(
                &c.calcium_pool,
                self.g_kca_dendrite,
                v,
                y[index::CA_DENDRITE],
                p.e_k_mv,
            )
            + p.leak_ms_per_cm2 * (v - p.e_leak_mv)
            + p.dendrite_excitatory_ms_per_cm2 * (v - p.excitatory_reversal_mv)
            + (p.dendrite_inhibitory_ms_per_cm2 + c.inputs.ib_pulse_at(t_ms))
                * (v - p.inhibitory_reversal_mv)
    }
}

impl Model<STATE_COUNT> for Motoneuron {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    /// The port's initial state (`create_brk.m`): Vs = Vd = −60 mV, h = h_N =
    /// 0.9, every activation and both Ca²⁺ pools 0; the NaP gate (not in the
    /// source) at its steady state at −60 mV.
    fn initial_state(&self) -> State<STATE_COUNT> {
        let mut y = State::zeros();
        y[index::V_SOMA] = -60.0;
        y[index::V_DENDRITE] = -60.0;
        y[index::H_NA] = 0.9;
        y[index::H_CAN_SOMA] = 0.9;
        y[index::H_CAN_DENDRITE] = 0.9;
        y[index::P_NAP] = nap::p_inf(&self.config.persistent_sodium, -60.0);
        y
    }

    #[inline]
    fn derivatives(
        &self,
        t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let c = &self.config;
        let p = &c.motoneuron;
        let (vs, vd) = (y[index::V_SOMA], y[index::V_DENDRITE]);
        let coupling = p.coupling_ms_per_cm2 * (vs - vd);
        dydt[index::V_SOMA] = (i_stim + p.soma_bias_ua_per_cm2
            - self.soma_current(y)
            - coupling / p.soma_area_fraction)
            / p.capacitance_uf_per_cm2;
        dydt[index::V_DENDRITE] = (-self.dendrite_current(t_ms, y)
            + coupling / (1.0 - p.soma_area_fraction))
            / p.capacitance_uf_per_cm2;
        dydt[index::H_NA] =
            (na::h_inf(&c.sodium, vs) - y[index::H_NA]) / na::tau_h_ms(&c.sodium, vs);
        dydt[index::N_K] =
            (kdr::n_inf(&c.potassium, vs) - y[index::N_K]) / kdr::tau_n_ms(&c.potassium, vs);
        let (dm, dh) = ca_n::gate_rates(
            &c.calcium_n_type,
            vs,
            y[index::M_CAN_SOMA],
            y[index::H_CAN_SOMA],
        );
        dydt[index::M_CAN_SOMA] = dm;
        dydt[index::H_CAN_SOMA] = dh;
        let (dm, dh) = ca_n::gate_rates(
            &c.calcium_n_type,
            vd,
            y[index::M_CAN_DENDRITE],
            y[index::H_CAN_DENDRITE],
        );
        dydt[index::M_CAN_DENDRITE] = dm;
        dydt[index::H_CAN_DENDRITE] = dh;
        dydt[index::M_CAL] = ca_l::gate_rate(&c.calcium_l_type, vd, y[index::M_CAL]);
        dydt[index::CA_SOMA] = k_ca::pool_rate(
            &c.calcium_pool,
            self.soma_calcium_current(y),
            y[index::CA_SOMA],
        );
        dydt[index::CA_DENDRITE] = k_ca::pool_rate(
            &c.calcium_pool,
            self.dendrite_calcium_current(y),
            y[index::CA_DENDRITE],
        );
        dydt[index::P_NAP] = nap::gate_rate(&c.persistent_sodium, vs, y[index::P_NAP]);
    }
}
