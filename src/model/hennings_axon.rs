//! `hennings-2005`: a human motor axon with persistent Na⁺ and slow K⁺, one
//! node of Ranvier and its internode (two compartments).
//!
//! ## Source
//! Hennings K., Arendt-Nielsen L. & Andersen O.K. (2005) Breakdown of
//! accommodation in nerve: a possible role for persistent sodium current.
//! Theor Biol Med Model 2:16 — "a model of a space-clamped motor nerve
//! fiber". Equations and numbers as in the authors' MATLAB/C code (ModelDB
//! 55749: `model_Nap.m` with its defaults `[2.5 −20 0.5]`, `geometry.m`,
//! `electrical.m`, `patch.c`). The channel kinetics are those of the human
//! node of Schwarz, Reid & Bostock (1995, Pflügers Arch 430:283) at 20 °C,
//! scaled to 37 °C by Q10s.
//!
//! ```text
//! node:      (C_n + C_my) dV/dt = i_stim − I_node + g_ax (V_i − V)
//! internode:  C_i dV_i/dt      = −I_int − g_ax (V_i − V) + C_my dV/dt
//! I_node = g_Naf m³h (V − E_Na) + g_Nap p³ (V − E_Na) + g_Kf n⁴ (V − E_K) + g_Ks s (V − E_K)
//! I_int  = g_Ks,i s_i (V_i − E_K) + g_L,i (V_i − E_L),   E_L = E_Na
//! dx/dt  = α_x (1 − x) − β_x x,    rates × Q10^((T − 20)/10)
//! ```
//! The node has no leak; the internode's leak is set so that the fibre rests
//! at V_r = −83.5 mV (`model_Nap.m`: g_L,i from the current balance at rest,
//! with V_i,r = V_r + R_il I_node(V_r)). The internodal Na⁺ channels of the
//! source have ḡ = 0 and are left out (their gates act on nothing). The
//! coupling g_ax = 1/R_il is the paranodal (Barrett–Crill) pathway, and
//! C_my, the myelin, enters both equations as in `patch.c`.
//!
//! The channels, with their rate functions at 20 °C, are in
//! [`crate::physiology::axon`]: transient Na⁺ (m, h), persistent Na⁺ (p),
//! fast K⁺ (n) and slow K⁺ (s, and s_i in the internode), each
//! `hennings_*_channel`; the internodal leak is [`crate::physiology::leak`].
//! This file holds what makes them one fibre: geometry, capacitances,
//! conductances per node area, Nernst potentials, Q10s, divalent shifts and
//! the two compartments.
//!
//! ## Units
//! Every current and conductance is per cm² of **node** membrane, the
//! node's lateral area A_n = π d_n l (the area of its capacitance C_n in
//! `electrical.m`): the internode's totals (its capacitance, conductances)
//! are divided by A_n too, so the two equations keep their published ratios.
//! With the default 14 µm fibre A_n = 1.089 × 10⁻⁷ cm², so 1 nA is
//! 9182 µA/cm².
//!
//! ## Ions and surface charge
//! E_Na and E_K are Nernst potentials of the published concentrations at the
//! run's temperature. Ionized Ca²⁺ and Mg²⁺ shift the gates as they shift
//! the fibre's ([`crate::physiology::surface_charge`]): the Na⁺ gates m, h, p
//! by ΔV_Na, the K⁺ gates n, s, s_i by ΔV_K. The internodal leak is fixed at
//! its value for the unshifted gates, so lowering Ca moves the rest.

use crate::model::{KELVIN_AT_ZERO_CELSIUS, Model, State, StateVariable};
use crate::parameters;
use crate::physiology::axon::{
    hennings_fast_potassium_channel as fast_potassium,
    hennings_persistent_sodium_channel as persistent_sodium,
    hennings_slow_potassium_channel as slow_potassium,
    hennings_transient_sodium_channel as transient_sodium,
};
use crate::physiology::rates::{gate_derivative, steady_state};
use crate::physiology::temperature::q10_factor;
use crate::physiology::{ghk, leak};

parameters! {
    /// The Hennings et al. 2005 human motor axon (`[parameters.hennings_axon]`).
    pub struct HenningsAxonParams {
        /// Fibre diameter D; the axon and node diameters, internodal length and myelin lamellae follow from it.
        fibre_diameter_um: f64 = 14.0, "µm", 5.0..=20.0, "Hennings et al. 2005, model_Nap.m D = 14; geometry.m regressions";
        /// Node length l.
        node_length_um: f64 = 1.0, "µm", 0.1..=10.0, "Hennings et al. 2005, geometry.m G.l = 1 µm";
        /// Specific capacitance of the node membrane.
        node_capacitance_uf_per_cm2: f64 = 2.0, "µF/cm²", 0.1..=10.0, "Hennings et al. 2005, electrical.m cn = 0.020 F/m²";
        /// Specific capacitance of one myelin membrane (two per lamella).
        myelin_membrane_capacitance_uf_per_cm2: f64 = 0.1, "µF/cm²", 0.001..=10.0, "Hennings et al. 2005, electrical.m cm = 0.001 F/m²";
        /// Specific capacitance of the internodal axolemma.
        internode_capacitance_uf_per_cm2: f64 = 1.0, "µF/cm²", 0.1..=10.0, "Hennings et al. 2005, electrical.m ci = 0.010 F/m²";
        /// Total nodal Na⁺ conductance density, fast plus persistent, per cm² of 2π d_n l (twice the node's lateral area: the source's factor).
        sodium_conductance_ms_per_cm2: f64 = 1300.0, "mS/cm²", 0.0..=100000.0, "Hennings et al. 2005, model_Nap.m gNa = 1000·13 S/m² × 2π d_n l";
        /// Share of the nodal Na⁺ conductance that is persistent.
        persistent_sodium_percent: f64 = 2.5, "%", 0.0..=100.0, "Hennings et al. 2005, model_Nap.m X(1) = 2.5";
        /// Shift of the persistent Na⁺ gate's rate functions relative to the fast gate m.
        persistent_sodium_shift_mv: f64 = -20.0, "mV", -60.0..=60.0, "Hennings et al. 2005, model_Nap.m X(2) = Enap = −20 mV";
        /// Factor on the persistent Na⁺ gate's rates relative to m.
        persistent_sodium_rate_factor: f64 = 0.5, "1", 0.01..=100.0, "Hennings et al. 2005, model_Nap.m X(3) = 0.5";
        /// Nodal slow K⁺ conductance density, per cm² of 2π d_n l.
        slow_potassium_conductance_ms_per_cm2: f64 = 80.0, "mS/cm²", 0.0..=100000.0, "Hennings et al. 2005, model_Nap.m gKs = 800 S/m² × 2π d_n l";
        /// Nodal fast K⁺ conductance per 1.4 pF of node plus myelin capacitance.
        fast_potassium_conductance_ns: f64 = 15.0, "nS", 0.0..=10000.0, "Hennings et al. 2005, model_Nap.m gKf = (C_n + C_m)/1.4 pF × 15 nS";
        /// Internodal slow K⁺ conductance as a multiple of the nodal one.
        internode_slow_potassium_ratio: f64 = 5.0, "1", 0.0..=1000.0, "Hennings et al. 2005, model_Nap.m gKs_i = 5 gKs_n";
        /// Resistance of the paranodal pathway between node and internode, R_il.
        axial_resistance_mohm: f64 = 41.0, "MΩ", 0.1..=10000.0, "Hennings et al. 2005, model_Nap.m Ril = 41 MΩ";
        /// Resting potential of the node; sets the internodal leak.
        resting_potential_mv: f64 = -83.5, "mV", -120.0..=-40.0, "Hennings et al. 2005, model_Nap.m Vr = −83.5 mV";
        /// Axoplasmic Na⁺.
        na_i_mm: f64 = 9.0, "mM", 0.1..=200.0, "Hennings et al. 2005, model_Nap.m NAi = 0.009 M";
        /// Extracellular Na⁺.
        na_o_mm: f64 = 144.2, "mM", 0.1..=300.0, "Hennings et al. 2005, model_Nap.m NAo = 0.1442 M";
        /// Axoplasmic K⁺.
        k_i_mm: f64 = 155.0, "mM", 0.1..=300.0, "Hennings et al. 2005, model_Nap.m Ki = 0.155 M";
        /// Extracellular K⁺.
        k_o_mm: f64 = 3.0, "mM", 0.1..=100.0, "Hennings et al. 2005, model_Nap.m Ko = 0.003 M";
        /// Q10 of the Na⁺ activation gates m and p.
        q10_sodium_activation: f64 = 2.2, "1", 1.0..=10.0, "Hennings et al. 2005, model_Nap.m q10m = q10p = 2.2 (Schwarz et al. 1995)";
        /// Q10 of the Na⁺ inactivation gate h.
        q10_sodium_inactivation: f64 = 2.9, "1", 1.0..=10.0, "Hennings et al. 2005, model_Nap.m q10h = 2.9 (Schwarz et al. 1995)";
        /// Q10 of the K⁺ gates n and s.
        q10_potassium: f64 = 3.0, "1", 1.0..=10.0, "Hennings et al. 2005, model_Nap.m q10n = q10s = 3.0 (Schwarz et al. 1995)";
        /// Temperature of the rate constants before the Q10s.
        reference_temperature_celsius: f64 = 20.0, "°C", 0.0..=45.0, "Hennings et al. 2005, model_Nap.m q10(q, T) = q^((T − 20)/10)";
    }
}

/// Gas constant as in `patch.c` (J/(mol·K)).
const GAS_CONSTANT: f64 = 8.3144;
/// Faraday constant as in `patch.c` (C/mol).
const FARADAY: f64 = 96485.0;
/// Node plus myelin capacitance per unit of fast K⁺ conductance (pF).
const FAST_POTASSIUM_CAPACITANCE_UNIT_PF: f64 = 1.4;

/// The fibre's dimensions from its diameter D (`geometry.m`, lengths in µm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Fibre (outer myelin) diameter D.
    pub fibre_diameter_um: f64,
    /// Axon diameter d_i = −0.468 D/(0.018 D − 1).
    pub axon_diameter_um: f64,
    /// Node diameter d_n = (d_i + 0.67)/2.72.
    pub node_diameter_um: f64,
    /// Myelin lamellae n_l = round(23.13 − 1.89 d_i + 142.79 log10 d_i).
    pub lamellae: u32,
    /// Internodal length L = −91.1 − 20.2 d_i + 1745.9 log10 d_i.
    pub internode_length_um: f64,
}

impl Geometry {
    /// The regressions of `geometry.m` at fibre diameter `d_um`.
    pub fn of_fibre(d_um: f64) -> Self {
        let di = -0.468 * d_um / (0.018 * d_um - 1.0);
        Self {
            fibre_diameter_um: d_um,
            axon_diameter_um: di,
            node_diameter_um: (di + 0.67) / 2.72,
            lamellae: (23.13 - 1.89 * di + 142.79 * di.log10()).round() as u32,
            internode_length_um: -91.1 - 20.2 * di + 1745.9 * di.log10(),
        }
    }

    /// Capacitance of the myelin (pF): 2 n_l membranes in series, the k-th of
    /// diameter d_i + k/(2 n_l)·(D − d_i), each of specific capacitance `c_uf_per_cm2` (`electrical.m`).
    pub fn myelin_capacitance_pf(&self, c_uf_per_cm2: f64) -> f64 {
        let membranes = 2 * self.lamellae;
        let elastance: f64 = (1..=membranes)
            .map(|k| {
                let d = self.axon_diameter_um
                    + f64::from(k) / f64::from(membranes)
                        * (self.fibre_diameter_um - self.axon_diameter_um);
                1.0 / cylinder_capacitance_pf(c_uf_per_cm2, d, self.internode_length_um)
            })
            .sum();
        1.0 / elastance
    }
}

/// Capacitance (pF) of a cylinder's mantle π d L of `c` µF/cm² (d, L in µm).
fn cylinder_capacitance_pf(c_uf_per_cm2: f64, d_um: f64, l_um: f64) -> f64 {
    // µF/cm² × µm² = 1e-6 F/cm² × 1e-8 cm² = 1e-14 F = 0.01 pF.
    c_uf_per_cm2 * std::f64::consts::PI * d_um * l_um * 0.01
}

/// Nernst potential (mV) of a monovalent cation at `celsius`, with the
/// source's R and F ([`ghk::nernst_mv`]; F/(RT) in mV⁻¹ is F/(RT·1000)).
fn nernst_mv(outside_mm: f64, inside_mm: f64, celsius: f64) -> f64 {
    let f_over_rt_per_mv = FARADAY / (GAS_CONSTANT * (celsius + KELVIN_AT_ZERO_CELSIUS) * 1e3);
    ghk::nernst_mv(outside_mm, inside_mm, 1.0, f_over_rt_per_mv)
}

/// Index of each state variable in the state vector.
pub mod index {
    /// Node membrane potential (mV).
    pub const V: usize = 0;
    /// Internode membrane potential (mV).
    pub const V_INTERNODE: usize = 1;
    /// Fast Na⁺ activation m.
    pub const M: usize = 2;
    /// Fast Na⁺ inactivation h.
    pub const H: usize = 3;
    /// Persistent Na⁺ activation p.
    pub const P: usize = 4;
    /// Fast K⁺ activation n.
    pub const N: usize = 5;
    /// Nodal slow K⁺ activation s.
    pub const S: usize = 6;
    /// Internodal slow K⁺ activation s_i.
    pub const S_INTERNODE: usize = 7;
}

/// Number of state variables.
pub const STATE_COUNT: usize = 8;

/// The state layout.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    StateVariable {
        name: "axon_v_mV",
        unit: "mV",
        description: "node membrane potential of the motor axon",
        source_name: "En",
    },
    StateVariable {
        name: "axon_internode_v_mV",
        unit: "mV",
        description: "internodal membrane potential of the motor axon",
        source_name: "Ei",
    },
    StateVariable {
        name: "axon_m",
        unit: "1",
        description: "node fast Na activation",
        source_name: "m (node)",
    },
    StateVariable {
        name: "axon_h",
        unit: "1",
        description: "node fast Na inactivation",
        source_name: "h (node)",
    },
    StateVariable {
        name: "axon_p",
        unit: "1",
        description: "node persistent Na activation",
        source_name: "p (node)",
    },
    StateVariable {
        name: "axon_n",
        unit: "1",
        description: "node fast K activation",
        source_name: "n (node)",
    },
    StateVariable {
        name: "axon_s",
        unit: "1",
        description: "node slow K activation",
        source_name: "s (node)",
    },
    StateVariable {
        name: "axon_internode_s",
        unit: "1",
        description: "internode slow K activation",
        source_name: "s (internode)",
    },
];

/// (α, β) of the five gates at one potential: m, h, p, n, s.
type GateRates = [(f64, f64); 5];

/// The axon with its temperature and divalent shifts, ready to integrate.
#[derive(Debug, Clone, PartialEq)]
pub struct HenningsAxon {
    /// The constants in use.
    pub params: HenningsAxonParams,
    /// Rate multipliers Q10^((T − 20)/10) for m and p, h, and n and s.
    temperature_factors: [f64; 3],
    /// Divalent shift of the Na⁺ gates (mV).
    na_gating_shift_mv: f64,
    /// Divalent shift of the K⁺ gates (mV).
    k_gating_shift_mv: f64,
    /// Derived constants, per cm² of node.
    constants: Constants,
}

/// What the parameters give, per cm² of node membrane.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Constants {
    node_capacitance_uf_per_cm2: f64,
    myelin_capacitance_uf_per_cm2: f64,
    internode_capacitance_uf_per_cm2: f64,
    axial_conductance_ms_per_cm2: f64,
    fast_sodium_ms_per_cm2: f64,
    persistent_sodium_ms_per_cm2: f64,
    fast_potassium_ms_per_cm2: f64,
    slow_potassium_ms_per_cm2: f64,
    internode_slow_potassium_ms_per_cm2: f64,
    internode_leak_ms_per_cm2: f64,
    e_na_mv: f64,
    e_k_mv: f64,
    internode_rest_mv: f64,
}

impl HenningsAxon {
    /// The axon with `params` at `temperature_celsius`, its Na⁺ and K⁺ gates
    /// shifted by the given divalent shifts (0 for none).
    pub fn new(
        params: HenningsAxonParams,
        temperature_celsius: f64,
        na_gating_shift_mv: f64,
        k_gating_shift_mv: f64,
    ) -> Self {
        let p = &params;
        let factor =
            |q10: f64| q10_factor(q10, temperature_celsius, p.reference_temperature_celsius);
        let mut axon = Self {
            params,
            temperature_factors: [
                factor(p.q10_sodium_activation),
                factor(p.q10_sodium_inactivation),
                factor(p.q10_potassium),
            ],
            na_gating_shift_mv,
            k_gating_shift_mv,
            constants: Constants {
                node_capacitance_uf_per_cm2: 0.0,
                myelin_capacitance_uf_per_cm2: 0.0,
                internode_capacitance_uf_per_cm2: 0.0,
                axial_conductance_ms_per_cm2: 0.0,
                fast_sodium_ms_per_cm2: 0.0,
                persistent_sodium_ms_per_cm2: 0.0,
                fast_potassium_ms_per_cm2: 0.0,
                slow_potassium_ms_per_cm2: 0.0,
                internode_slow_potassium_ms_per_cm2: 0.0,
                internode_leak_ms_per_cm2: 0.0,
                e_na_mv: 0.0,
                e_k_mv: 0.0,
                internode_rest_mv: 0.0,
            },
        };
        axon.constants = axon.derive_constants(temperature_celsius);
        axon
    }

    /// The fibre's dimensions.
    pub fn geometry(&self) -> Geometry {
        Geometry::of_fibre(self.params.fibre_diameter_um)
    }

    /// The node's lateral area π d_n l (cm²), the unit area of every density here.
    pub fn node_area_cm2(&self) -> f64 {
        std::f64::consts::PI * self.geometry().node_diameter_um * self.params.node_length_um * 1e-8
    }

    /// Na⁺ and K⁺ reversal potentials (mV).
    pub fn reversal_potentials_mv(&self) -> (f64, f64) {
        (self.constants.e_na_mv, self.constants.e_k_mv)
    }

    /// The internodal leak conductance that holds the unshifted axon at its
    /// resting potential (mS per cm² of node).
    pub fn internode_leak_ms_per_cm2(&self) -> f64 {
        self.constants.internode_leak_ms_per_cm2
    }

    /// `model_Nap.m`: capacitances and conductances per node area, and the
    /// internodal leak from the current balance of the unshifted gates at rest.
    fn derive_constants(&self, celsius: f64) -> Constants {
        let p = &self.params;
        let g = self.geometry();
        let node_area_um2 = std::f64::consts::PI * g.node_diameter_um * p.node_length_um;
        let per_node_area = |picofarad: f64| picofarad / (node_area_um2 * 0.01);
        let node_pf = cylinder_capacitance_pf(
            p.node_capacitance_uf_per_cm2,
            g.node_diameter_um,
            p.node_length_um,
        );
        let myelin_pf = g.myelin_capacitance_pf(p.myelin_membrane_capacitance_uf_per_cm2);
        let internode_pf = cylinder_capacitance_pf(
            p.internode_capacitance_uf_per_cm2,
            g.axon_diameter_um,
            g.internode_length_um,
        );
        // The source's densities act on 2π d_n l, twice the node's lateral area.
        let sodium = 2.0 * p.sodium_conductance_ms_per_cm2;
        let persistent_share = p.persistent_sodium_percent / 100.0;
        let slow_potassium = 2.0 * p.slow_potassium_conductance_ms_per_cm2;
        // nS per node area in µm²: 1 nS/µm² = 1e-6 mS / 1e-8 cm² = 100 mS/cm².
        let fast_potassium_ns = (node_pf + myelin_pf) / FAST_POTASSIUM_CAPACITANCE_UNIT_PF
            * p.fast_potassium_conductance_ns;
        let axial_ns = 1e3 / p.axial_resistance_mohm;
        let mut constants = Constants {
            node_capacitance_uf_per_cm2: per_node_area(node_pf),
            myelin_capacitance_uf_per_cm2: per_node_area(myelin_pf),
            internode_capacitance_uf_per_cm2: per_node_area(internode_pf),
            axial_conductance_ms_per_cm2: axial_ns / node_area_um2 * 100.0,
            fast_sodium_ms_per_cm2: (1.0 - persistent_share) * sodium,
            persistent_sodium_ms_per_cm2: persistent_share * sodium,
            fast_potassium_ms_per_cm2: fast_potassium_ns / node_area_um2 * 100.0,
            slow_potassium_ms_per_cm2: slow_potassium,
            internode_slow_potassium_ms_per_cm2: p.internode_slow_potassium_ratio * slow_potassium,
            internode_leak_ms_per_cm2: 0.0,
            e_na_mv: nernst_mv(p.na_o_mm, p.na_i_mm, celsius),
            e_k_mv: nernst_mv(p.k_o_mm, p.k_i_mm, celsius),
            internode_rest_mv: 0.0,
        };
        let v_rest = p.resting_potential_mv;
        let node = self.unshifted_rates(v_rest);
        let [m, h, pp, n, s] = node.map(|(a, b)| steady_state(a, b));
        let node_current = node_current(&constants, v_rest, [m, h, pp, n, s]);
        let v_internode = v_rest + node_current / constants.axial_conductance_ms_per_cm2;
        let [.., (a_s, b_s)] = self.unshifted_rates(v_internode);
        let slow_k_internode = slow_potassium::current(
            constants.internode_slow_potassium_ms_per_cm2,
            steady_state(a_s, b_s),
            v_internode,
            constants.e_k_mv,
        );
        constants.internode_leak_ms_per_cm2 = leak::balancing_conductance(
            constants.axial_conductance_ms_per_cm2 * (v_internode - v_rest) + slow_k_internode,
            v_internode,
            constants.e_na_mv,
        );
        constants.internode_rest_mv = v_internode;
        constants
    }

    /// (α, β) of m, h, p, n, s at `v_mv` without divalent shifts (ms⁻¹).
    fn unshifted_rates(&self, v_mv: f64) -> GateRates {
        self.rates_at(v_mv, v_mv)
    }

    /// (α, β) of m, h, p, n, s with the Na⁺ gates at `v_na` and the K⁺ gates
    /// at `v_k` (ms⁻¹, at the run's temperature).
    #[inline]
    fn rates_at(&self, v_na: f64, v_k: f64) -> GateRates {
        let p = &self.params;
        let [q_act, q_inact, q_k] = self.temperature_factors;
        let (shift, factor) = (
            p.persistent_sodium_shift_mv,
            p.persistent_sodium_rate_factor,
        );
        [
            (
                q_act * transient_sodium::alpha_m(v_na),
                q_act * transient_sodium::beta_m(v_na),
            ),
            (
                q_inact * transient_sodium::alpha_h(v_na),
                q_inact * transient_sodium::beta_h(v_na),
            ),
            (
                q_act * persistent_sodium::alpha_p(v_na, shift, factor),
                q_act * persistent_sodium::beta_p(v_na, shift, factor),
            ),
            (
                q_k * fast_potassium::alpha_n(v_k),
                q_k * fast_potassium::beta_n(v_k),
            ),
            (
                q_k * slow_potassium::alpha_s(v_k),
                q_k * slow_potassium::beta_s(v_k),
            ),
        ]
    }

    /// Rates at membrane potential `v_mv` with the divalent shifts.
    #[inline]
    fn rates(&self, v_mv: f64) -> GateRates {
        self.rates_at(
            v_mv - self.na_gating_shift_mv,
            v_mv - self.k_gating_shift_mv,
        )
    }

    /// Ionic current of the node (µA per cm² of node, outward positive) at `y`.
    pub fn node_current(&self, y: &State<STATE_COUNT>) -> f64 {
        node_current(
            &self.constants,
            y[index::V],
            [
                y[index::M],
                y[index::H],
                y[index::P],
                y[index::N],
                y[index::S],
            ],
        )
    }

    /// Ionic current of the internode (µA per cm² of node, outward positive).
    fn internode_current(&self, y: &State<STATE_COUNT>) -> f64 {
        let c = &self.constants;
        let v = y[index::V_INTERNODE];
        slow_potassium::current(
            c.internode_slow_potassium_ms_per_cm2,
            y[index::S_INTERNODE],
            v,
            c.e_k_mv,
        ) + leak::current(c.internode_leak_ms_per_cm2, v, c.e_na_mv)
    }
}

/// I_node for gates [m, h, p, n, s] at `v` (µA per cm² of node).
#[inline]
fn node_current(c: &Constants, v: f64, [m, h, p, n, s]: [f64; 5]) -> f64 {
    let sodium = (transient_sodium::conductance(c.fast_sodium_ms_per_cm2, m, h)
        + persistent_sodium::conductance(c.persistent_sodium_ms_per_cm2, p))
        * (v - c.e_na_mv);
    let potassium = (fast_potassium::conductance(c.fast_potassium_ms_per_cm2, n)
        + slow_potassium::conductance(c.slow_potassium_ms_per_cm2, s))
        * (v - c.e_k_mv);
    sodium + potassium
}

/// dx/dt = α (1 − x) − β x for (α, β) = `rates`.
#[inline]
fn gate_rate((alpha, beta): (f64, f64), x: f64) -> f64 {
    gate_derivative(alpha, beta, x)
}

impl Model<STATE_COUNT> for HenningsAxon {
    fn state_variables(&self) -> &'static [StateVariable; STATE_COUNT] {
        &STATE_VARIABLES
    }

    /// The published rest: V_r and V_i,r, every gate at its steady state there
    /// (with the run's divalent shifts, so off rest when Ca or Mg differ).
    fn initial_state(&self) -> State<STATE_COUNT> {
        let v = self.params.resting_potential_mv;
        let v_i = self.constants.internode_rest_mv;
        let [m, h, p, n, s] = self.rates(v).map(|(a, b)| steady_state(a, b));
        let [.., (a_s, b_s)] = self.rates(v_i);
        State::from([v, v_i, m, h, p, n, s, steady_state(a_s, b_s)])
    }

    #[inline]
    fn derivatives(
        &self,
        _t_ms: f64,
        y: &State<STATE_COUNT>,
        i_stim: f64,
        dydt: &mut State<STATE_COUNT>,
    ) {
        let c = &self.constants;
        let axial = c.axial_conductance_ms_per_cm2 * (y[index::V_INTERNODE] - y[index::V]);
        let dv = (i_stim - self.node_current(y) + axial)
            / (c.node_capacitance_uf_per_cm2 + c.myelin_capacitance_uf_per_cm2);
        dydt[index::V] = dv;
        dydt[index::V_INTERNODE] = (-self.internode_current(y) - axial
            + c.myelin_capacitance_uf_per_cm2 * dv)
            / c.internode_capacitance_uf_per_cm2;
        let node = self.rates(y[index::V]);
        for (gate, rates) in [index::M, index::H, index::P, index::N, index::S]
            .into_iter()
            .zip(node)
        {
            dydt[gate] = gate_rate(rates, y[gate]);
        }
        let [.., internode_s] = self.rates(y[index::V_INTERNODE]);
        dydt[index::S_INTERNODE] = gate_rate(internode_s, y[index::S_INTERNODE]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> HenningsAxon {
        HenningsAxon::new(HenningsAxonParams::default(), 37.0, 0.0, 0.0)
    }

    #[test]
    fn geometry_of_a_14_um_fibre_follows_the_regressions_by_hand() {
        // d_i = −0.468·14/(0.252 − 1) = 8.75936 µm; d_n = 9.42936/2.72 = 3.46668 µm;
        // n_l = round(23.13 − 16.5552 + 142.79·0.942493) = round(141.15) = 141;
        // L = −91.1 − 176.939 + 1745.9·0.942493 = 1377.42 µm.
        let g = Geometry::of_fibre(14.0);
        assert!((g.axon_diameter_um - 8.759_36).abs() < 1e-4, "{g:?}");
        assert!((g.node_diameter_um - 3.466_68).abs() < 1e-4, "{g:?}");
        assert_eq!(g.lamellae, 141);
        assert!((g.internode_length_um - 1377.42).abs() < 0.01, "{g:?}");
    }

    #[test]
    fn rates_at_minus_80_mv_and_37_celsius_match_the_formulas_by_hand() {
        // Q10 factors (37 − 20)/10 = 1.7: 2.2^1.7 = 3.820486, 2.9^1.7 = 6.110498, 3^1.7 = 6.473008.
        // α_m = 3.820486·1.86·(−61.6)/(1 − e^{61.6/10.3}) = −437.732/(1 − 395.6708) = 1.109117
        // β_h = 6.110498·2.3/(1 + e^{51.2/13.4}) = 14.05415/(1 + 45.64507) = 0.301300
        // α_s = 6.473008·0.00122·(−67.5)/(1 − e^{67.5/16.9}) = −0.533049/(1 − 54.27604) = 0.0100055
        let [(am, _), (_, bh), _, _, (a_s, _)] = published().unshifted_rates(-80.0);
        assert!((am - 1.109_117).abs() < 2e-6, "{am}");
        assert!((bh - 0.301_300).abs() < 2e-6, "{bh}");
        assert!((a_s - 0.010_005_5).abs() < 2e-7, "{a_s}");
    }

    #[test]
    fn reversal_potentials_are_the_nernst_potentials_of_the_source() {
        // RT/F at 37 °C = 8.3144·310.15/96485 = 26.7265 mV;
        // E_Na = 26.7266·ln(144.2/9) = 74.139 mV, E_K = 26.7266·ln(3/155) = −105.431 mV.
        let (e_na, e_k) = published().reversal_potentials_mv();
        assert!((e_na - 74.139).abs() < 1e-3, "{e_na}");
        assert!((e_k + 105.431).abs() < 1e-3, "{e_k}");
    }

    #[test]
    fn the_published_initial_state_is_at_rest() {
        // model_Nap.m sets the internodal leak so that V_r = −83.5 mV is an
        // equilibrium of both compartments: every derivative vanishes there.
        let axon = published();
        let y = axon.initial_state();
        assert_eq!(y[index::V], -83.5);
        let mut dydt = State::zeros();
        axon.derivatives(0.0, &y, 0.0, &mut dydt);
        for (i, rate) in dydt.iter().enumerate() {
            assert!(rate.abs() < 1e-9, "state {i}: {rate}");
        }
    }

    #[test]
    fn a_divalent_shift_moves_each_gate_family_by_its_own_shift() {
        let shifted = HenningsAxon::new(HenningsAxonParams::default(), 37.0, -5.0, -2.0);
        let rates = shifted.rates(-80.0);
        let na = published().unshifted_rates(-75.0);
        let k = published().unshifted_rates(-78.0);
        assert_eq!(rates[..3], na[..3]);
        assert_eq!(rates[3..], k[3..]);
    }
}
