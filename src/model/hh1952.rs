//! The Hodgkin–Huxley 1952 squid giant axon membrane.
//!
//! Source: Hodgkin A.L. & Huxley A.F. (1952) J Physiol 117:500–544, eqs 26
//! (membrane), 7–8 and 20–24 (gates), Table 3 (constants). Written in the modern
//! convention (membrane potential V in mV, inside relative to outside, rest
//! near −65 mV, outward current positive), exactly as NEURON's built-in
//! `hh.mod` writes it:
//!
//! ```text
//! C dV/dt = i_stim − g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L)
//! dx/dt   = φ (α_x (1 − x) − β_x x),   x ∈ {m, h, n},   φ = 3^((T − 6.3)/10)
//! α_m = 0.1 (V + 40) / (1 − exp(−(V + 40)/10))     β_m = 4 exp(−(V + 65)/18)
//! α_h = 0.07 exp(−(V + 65)/20)                     β_h = 1 / (1 + exp(−(V + 35)/10))
//! α_n = 0.01 (V + 55) / (1 − exp(−(V + 55)/10))    β_n = 0.125 exp(−(V + 65)/80)
//! ```
//! Rates are in ms⁻¹ at 6.3 °C. The model composes the channels of
//! [`crate::physiology::axon::hh_sodium_channel`] and
//! [`crate::physiology::axon::hh_potassium_channel`] (the rate functions
//! above) and the leak of [`crate::physiology::leak`].
//! E_L = −54.387 mV is the value that puts rest at −65 mV with these
//! constants (NEURON `hh.mod`, `el_hh`).

use crate::model::{Model, State, StateVariable};
use crate::parameters;
use crate::physiology::axon::{hh_potassium_channel as potassium, hh_sodium_channel as sodium};
use crate::physiology::leak;
use crate::physiology::rates::{gate_derivative, steady_state};
use crate::physiology::temperature::q10_factor;

parameters! {
    /// Constants of the Hodgkin–Huxley 1952 membrane (per unit area).
    pub struct Hh1952Params {
        /// Maximal sodium conductance ḡ_Na.
        g_na_ms_per_cm2: f64 = 120.0, "mS/cm²", 0.0..=10000.0, "Hodgkin & Huxley 1952, Table 3";
        /// Maximal potassium conductance ḡ_K.
        g_k_ms_per_cm2: f64 = 36.0, "mS/cm²", 0.0..=10000.0, "Hodgkin & Huxley 1952, Table 3";
        /// Leak conductance ḡ_L.
        g_leak_ms_per_cm2: f64 = 0.3, "mS/cm²", 0.0..=1000.0, "Hodgkin & Huxley 1952, Table 3";
        /// Sodium reversal potential E_Na.
        e_na_mv: f64 = 50.0, "mV", -200.0..=200.0, "Hodgkin & Huxley 1952, Table 3 (115 mV above rest), rest at -65 mV as in NEURON hh.mod";
        /// Potassium reversal potential E_K.
        e_k_mv: f64 = -77.0, "mV", -200.0..=200.0, "Hodgkin & Huxley 1952, Table 3 (12 mV below rest), rest at -65 mV as in NEURON hh.mod";
        /// Leak reversal potential E_L.
        e_leak_mv: f64 = -54.387, "mV", -200.0..=200.0, "NEURON hh.mod el_hh: puts rest at -65 mV (HH 1952 Table 3 gives 10.613 mV above rest)";
        /// Membrane capacitance C_m.
        c_m_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.01..=100.0, "Hodgkin & Huxley 1952, Table 3";
        /// Temperature coefficient of all gating rates.
        q10: f64 = 3.0, "1", 1.0..=10.0, "Hodgkin & Huxley 1952, p. 519";
        /// Temperature at which the rate constants were measured.
        reference_temperature_celsius: f64 = 6.3, "°C", -10.0..=50.0, "Hodgkin & Huxley 1952, p. 519";
        /// Membrane potential at t = 0; the gates start at their steady state there.
        v_initial_mv: f64 = -65.0, "mV", -200.0..=200.0, "resting potential of the modern convention (NEURON finitialize(-65))";
    }
}

/// Index of each state variable in the state vector.
pub mod index {
    /// Membrane potential (mV).
    pub const V: usize = 0;
    /// Na activation gate m.
    pub const M: usize = 1;
    /// Na inactivation gate h.
    pub const H: usize = 2;
    /// K activation gate n.
    pub const N: usize = 3;
}

/// Number of state variables.
pub const STATE_COUNT: usize = 4;

static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    StateVariable {
        name: "v_mV",
        unit: "mV",
        description: "membrane potential",
        source_name: "v",
    },
    StateVariable {
        name: "m",
        unit: "1",
        description: "Na activation gate",
        source_name: "m",
    },
    StateVariable {
        name: "h",
        unit: "1",
        description: "Na inactivation gate",
        source_name: "h",
    },
    StateVariable {
        name: "n",
        unit: "1",
        description: "K activation gate",
        source_name: "n",
    },
];

/// The Hodgkin–Huxley membrane at a given temperature, ready to integrate.
#[derive(Debug, Clone, PartialEq)]
pub struct Hh1952 {
    /// The constants in use.
    pub params: Hh1952Params,
    /// Temperature of the run (°C).
    pub temperature_celsius: f64,
    /// Rate factor φ = Q10^((T − T_ref)/10), precomputed once per run.
    phi: f64,
}

impl Hh1952 {
    /// The model with `params` at `temperature_celsius`.
    pub fn new(params: Hh1952Params, temperature_celsius: f64) -> Self {
        let phi = q10_factor(
            params.q10,
            temperature_celsius,
            params.reference_temperature_celsius,
        );
        Self {
            params,
            temperature_celsius,
            phi,
        }
    }

    /// The rate factor φ applied to every gate.
    pub fn rate_factor(&self) -> f64 {
        self.phi
    }

    /// Total ionic current (µA/cm², outward positive) at state `y`.
    pub fn ionic_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let p = &self.params;
        let (v, m, h, n) = (y[index::V], y[index::M], y[index::H], y[index::N]);
        let i_na = sodium::current_ua_per_cm2(p.g_na_ms_per_cm2, m, h, v, p.e_na_mv);
        let i_k = potassium::current_ua_per_cm2(p.g_k_ms_per_cm2, n, v, p.e_k_mv);
        let i_leak = leak::current(p.g_leak_ms_per_cm2, v, p.e_leak_mv);
        i_na + i_k + i_leak
    }
}

impl Model<STATE_COUNT> for Hh1952 {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    fn initial_state(&self) -> State<STATE_COUNT> {
        let v = self.params.v_initial_mv;
        State::from([
            v,
            steady_state(sodium::alpha_m(v), sodium::beta_m(v)),
            steady_state(sodium::alpha_h(v), sodium::beta_h(v)),
            steady_state(potassium::alpha_n(v), potassium::beta_n(v)),
        ])
    }

    #[inline]
    fn derivatives(
        &self,
        _t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let v = y[index::V];
        let gate = |alpha: f64, beta: f64, x: f64| self.phi * gate_derivative(alpha, beta, x);
        dydt[index::V] = (i_stim - self.ionic_current(y)) / self.params.c_m_uf_per_cm2;
        dydt[index::M] = gate(sodium::alpha_m(v), sodium::beta_m(v), y[index::M]);
        dydt[index::H] = gate(sodium::alpha_h(v), sodium::beta_h(v), y[index::H]);
        dydt[index::N] = gate(potassium::alpha_n(v), potassium::beta_n(v), y[index::N]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_factor_follows_q10_of_three() {
        let at_published = Hh1952::new(Hh1952Params::default(), 6.3);
        let warmer = Hh1952::new(Hh1952Params::default(), 16.3);
        assert_eq!(at_published.rate_factor(), 1.0);
        assert!((warmer.rate_factor() - 3.0).abs() < 1e-12);
    }

    #[test]
    fn initial_state_is_near_rest() {
        let model = Hh1952::new(Hh1952Params::default(), 6.3);
        let y = model.initial_state();
        let mut dydt = State::zeros();
        model.derivatives(0.0, &y, 0.0, &mut dydt);
        // E_L was chosen (to 5 digits) so the net current at −65 mV with gates at
        // steady state nearly vanishes: 0.0042 µA/cm² against a resting slope
        // conductance of ~0.7 mS/cm², i.e. rest lies within 0.01 mV of −65 mV.
        assert!(dydt[index::V].abs() < 0.005, "dV/dt = {}", dydt[index::V]);
        for gate in [index::M, index::H, index::N] {
            assert!(dydt[gate].abs() < 1e-12);
        }
    }
}
