//! `motor axon`: a mammalian motor-axon node of Ranvier, the presynaptic
//! part of the motor unit.
//!
//! ## Source
//! Sweeney J.D., Mortimer J.T. & Durand D. (1987) Modeling of mammalian
//! myelinated nerve for functional neuromuscular stimulation. Proc 9th
//! Annu Conf IEEE EMBS 3:1577–1578: the rabbit node of Chiu, Ritchie,
//! Rogart & Stagg (1979, J Physiol 292:149; "CRRSS") at 37 °C. Equations as
//! in the NMODL file `sweeney.mod` ("Sweeney channel fast sodium channel
//! for myelinated axon, set for a resting potential of −80 mV"), with
//! C_m = 2.5 µF/cm² (the same model in Lemaire's `SweeneyNode`, after
//! Basser & Roth 1991, Med Biol Eng Comput 29:261):
//! ```text
//! C dV/dt = i_stim − g_Na m²h (V − E_Na) − g_L (V − E_L)
//! dx/dt   = α_x (1 − x) − β_x x
//! α_m = (126 + 0.363 V)/(1 + e^{−(V+49)/5.3})      β_m = α_m / e^{(V+56.2)/4.17}
//! β_h = 15.6/(1 + e^{−(V+56)/10})                  α_h = β_h / e^{(V+74.5)/5}
//! ```
//! Rates in ms⁻¹ at 37 °C; the channel is
//! [`crate::physiology::axon::sweeney_sodium_channel`], the leak
//! [`crate::physiology::leak`]. CRRSS nodes have almost no K⁺ current (Chiu et
//! al. 1979: repolarization by Na⁺ inactivation and the large leak), so
//! there is no K⁺ gate.
//!
//! ## Why this node
//! A single node is what CRRSS measured and fitted (voltage-clamped rabbit
//! nodes), so it stands on its own. The nodal channels of McIntyre,
//! Richardson & Grill 2002 (MRG, `AXNODE.mod`) were tried first and do not:
//! taken out of their double cable, the node has an unstable equilibrium at
//! −80 mV and one 0.1 ms pulse sets it firing at ~400 Hz for good (measured
//! here), because its persistent Na⁺ current is balanced by internodal
//! current in the full fibre.
//!
//! ## Simplification (say it when you use it)
//! One isopotential node: excitation, threshold and repetitive or
//! spontaneous firing of a node, no conduction and no internode. Currents
//! are per cm² of node. The rates are those of 37 °C whatever the run's
//! temperature (the published model has no temperature scaling).
//!
//! ## Ions and surface charge
//! E_Na and E_L are fixed (no concentrations), so `[ions]` K⁺/Na⁺ do not
//! reach the node. Ionized Ca²⁺ and Mg²⁺ shift its Na⁺ gating as they shift
//! the fibre's: m and h see V − ΔV_Na, the empirical
//! ΔV = S·log10((Ca + Mg/r)/(Ca_ref + Mg_ref/r)) of
//! [`crate::physiology::surface_charge`] (Hille, Woodhull & Shapiro 1975
//! measured it on frog myelinated-nerve Na⁺ channels).

use crate::model::{Model, State, StateVariable};
use crate::parameters;
use crate::physiology::axon::sweeney_sodium_channel as sodium;
use crate::physiology::leak;
use crate::physiology::rates::{gate_derivative, steady_state};

parameters! {
    /// Nodal constants of the Sweeney (CRRSS) motor-axon node (per cm² of node).
    pub struct MotorAxonParams {
        /// Na⁺ conductance ḡ_Na.
        g_na_ms_per_cm2: f64 = 1445.0, "mS/cm²", 0.0..=100000.0, "Sweeney et al. 1987, sweeney.mod gnabar = 1.445 S/cm²";
        /// Leak conductance ḡ_L.
        g_leak_ms_per_cm2: f64 = 128.0, "mS/cm²", 0.0..=10000.0, "Sweeney et al. 1987, sweeney.mod gl = 0.128 S/cm²";
        /// Na⁺ reversal potential.
        e_na_mv: f64 = 35.64, "mV", -200.0..=200.0, "Sweeney et al. 1987, sweeney.mod ena (115 mV above rest in CRRSS)";
        /// Leak reversal potential.
        e_leak_mv: f64 = -80.01, "mV", -200.0..=200.0, "Sweeney et al. 1987, sweeney.mod el (rest −80 mV)";
        /// Nodal membrane capacitance.
        c_m_uf_per_cm2: f64 = 2.5, "µF/cm²", 0.01..=100.0, "Sweeney et al. 1987 (Lemaire SweeneyNode Cm0 = 2.5e-2 F/m²)";
        /// Membrane potential at t = 0; the gates start at their steady state there.
        v_initial_mv: f64 = -80.0, "mV", -200.0..=200.0, "Sweeney et al. 1987: resting potential −80 mV";
    }
}

/// Temperature the node's rates hold at (Sweeney et al. 1987).
pub const PUBLISHED_TEMPERATURE_CELSIUS: f64 = 37.0;

/// Index of each state variable in the state vector.
pub mod index {
    /// Nodal membrane potential (mV).
    pub const V: usize = 0;
    /// Na⁺ activation m.
    pub const M: usize = 1;
    /// Na⁺ inactivation h.
    pub const H: usize = 2;
}

/// Number of state variables.
pub const STATE_COUNT: usize = 3;

/// The state layout.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    StateVariable {
        name: "axon_v_mV",
        unit: "mV",
        description: "nodal membrane potential of the motor axon",
        source_name: "v",
    },
    StateVariable {
        name: "axon_m",
        unit: "1",
        description: "Na activation gate",
        source_name: "m",
    },
    StateVariable {
        name: "axon_h",
        unit: "1",
        description: "Na inactivation gate",
        source_name: "h",
    },
];

/// The node with its divalent shift, ready to integrate.
#[derive(Debug, Clone, PartialEq)]
pub struct MotorAxon {
    /// The constants in use.
    pub params: MotorAxonParams,
    /// Divalent shift of the Na⁺ gates (mV, added to their voltages).
    na_gating_shift_mv: f64,
}

impl MotorAxon {
    /// The node with `params`, its Na⁺ gating shifted by `na_gating_shift_mv` (0 for none).
    pub fn new(params: MotorAxonParams, na_gating_shift_mv: f64) -> Self {
        Self {
            params,
            na_gating_shift_mv,
        }
    }

    /// Total ionic current (µA/cm², outward positive) at state `y`.
    pub fn ionic_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let p = &self.params;
        let (v, m, h) = (y[index::V], y[index::M], y[index::H]);
        sodium::current_ua_per_cm2(p.g_na_ms_per_cm2, m, h, v, p.e_na_mv)
            + leak::current(p.g_leak_ms_per_cm2, v, p.e_leak_mv)
    }

    /// (α, β) of m and h at membrane potential `v_mv`, shifted.
    #[inline]
    fn rates(&self, v_mv: f64) -> [(f64, f64); 2] {
        let v = v_mv - self.na_gating_shift_mv;
        [
            (sodium::alpha_m(v), sodium::beta_m(v)),
            (sodium::alpha_h(v), sodium::beta_h(v)),
        ]
    }
}

impl Model<STATE_COUNT> for MotorAxon {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    fn initial_state(&self) -> State<STATE_COUNT> {
        let v = self.params.v_initial_mv;
        let [(am, bm), (ah, bh)] = self.rates(v);
        State::from([v, steady_state(am, bm), steady_state(ah, bh)])
    }

    #[inline]
    fn derivatives(
        &self,
        _t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let [(am, bm), (ah, bh)] = self.rates(y[index::V]);
        dydt[index::V] = (i_stim - self.ionic_current(y)) / self.params.c_m_uf_per_cm2;
        dydt[index::M] = gate_derivative(am, bm, y[index::M]);
        dydt[index::H] = gate_derivative(ah, bh, y[index::H]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_is_at_minus_80_mv() {
        // E_L = −80.01 mV was chosen so that the node rests at −80 mV: the
        // Na⁺ window current there, g m∞²h∞ (V − E_Na), balances the leak.
        let node = MotorAxon::new(MotorAxonParams::default(), 0.0);
        let y = node.initial_state();
        let mut dydt = State::zeros();
        node.derivatives(0.0, &y, 0.0, &mut dydt);
        // |dV/dt| · C / g_L is the distance to rest: under 0.001 mV
        // (by hand: net current −0.094 µA/cm², 0.0007 mV).
        let distance_mv = (dydt[index::V] * 2.5 / 128.0).abs();
        assert!(distance_mv < 0.001, "{distance_mv} mV");
        assert!(dydt[index::M].abs() < 1e-12 && dydt[index::H].abs() < 1e-12);
    }

    #[test]
    fn a_divalent_shift_moves_the_gates_by_that_many_millivolts() {
        let shifted = MotorAxon::new(MotorAxonParams::default(), -5.0);
        let unshifted = MotorAxon::new(MotorAxonParams::default(), 0.0);
        assert_eq!(shifted.rates(-85.0), unshifted.rates(-80.0));
    }
}
