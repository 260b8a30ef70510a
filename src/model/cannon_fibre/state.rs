//! State layout of the Cannon-lab fibre: two membrane potentials, seven
//! gates in each compartment, and the tubular and myoplasmic K⁺, Na⁺, Cl⁻.

use crate::model::StateVariable;

/// Number of state variables.
pub const STATE_COUNT: usize = 22;

/// Sarcolemmal membrane potential (mV).
pub const V_SARC: usize = 0;
/// T-tubular membrane potential (mV).
pub const V_TT: usize = 1;
/// First gate of the sarcolemma (m, h, s, n, p, q, c follow in that order).
pub const GATES_SARC: usize = 2;
/// First gate of the T-tubule (same order).
pub const GATES_TT: usize = 9;
/// Offsets of the gates within a compartment's block.
pub mod gate {
    /// NaV1.4 activation m.
    pub const M: usize = 0;
    /// NaV1.4 fast inactivation h.
    pub const H: usize = 1;
    /// NaV1.4 slow inactivation s.
    pub const S: usize = 2;
    /// Kdr activation n.
    pub const N: usize = 3;
    /// Kdr inactivation p.
    pub const P: usize = 4;
    /// KCNQ activation q.
    pub const Q: usize = 5;
    /// ClC-1 gate c.
    pub const C: usize = 6;
    /// Gates per compartment.
    pub const COUNT: usize = 7;
}
/// Tubular K⁺ (mM).
pub const K_TT: usize = 16;
/// Tubular Na⁺ (mM).
pub const NA_TT: usize = 17;
/// Tubular Cl⁻ (mM).
pub const CL_TT: usize = 18;
/// Myoplasmic K⁺ (mM).
pub const K_I: usize = 19;
/// Myoplasmic Na⁺ (mM).
pub const NA_I: usize = 20;
/// Myoplasmic Cl⁻ (mM).
pub const CL_I: usize = 21;

const fn gate_var(
    name: &'static str,
    description: &'static str,
    source_name: &'static str,
) -> StateVariable {
    StateVariable {
        name,
        unit: "1",
        description,
        source_name,
    }
}

const fn conc(
    name: &'static str,
    description: &'static str,
    source_name: &'static str,
) -> StateVariable {
    StateVariable {
        name,
        unit: "mM",
        description,
        source_name,
    }
}

/// The layout, in state order (names as in `Simulated Muscle Fiber.pdf`).
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    StateVariable {
        name: "v_mV",
        unit: "mV",
        description: "sarcolemmal membrane potential",
        source_name: "V_sarc",
    },
    StateVariable {
        name: "v_tt_mV",
        unit: "mV",
        description: "T-tubular membrane potential",
        source_name: "V_TT",
    },
    gate_var("m", "sarcolemmal NaV1.4 activation", "m"),
    gate_var("h", "sarcolemmal NaV1.4 fast inactivation", "h"),
    gate_var("s", "sarcolemmal NaV1.4 slow inactivation", "s"),
    gate_var("n", "sarcolemmal Kdr activation", "n"),
    gate_var("p", "sarcolemmal Kdr inactivation", "p"),
    gate_var("q", "sarcolemmal KCNQ activation", "q"),
    gate_var("c", "sarcolemmal ClC-1 gate", "c"),
    gate_var("m_tt", "tubular NaV1.4 activation", "m"),
    gate_var("h_tt", "tubular NaV1.4 fast inactivation", "h"),
    gate_var("s_tt", "tubular NaV1.4 slow inactivation", "s"),
    gate_var("n_tt", "tubular Kdr activation", "n"),
    gate_var("p_tt", "tubular Kdr inactivation", "p"),
    gate_var("q_tt", "tubular KCNQ activation", "q"),
    gate_var("c_tt", "tubular ClC-1 gate", "c"),
    conc("k_tt_mM", "T-tubule K⁺", "[K]_TT"),
    conc("na_tt_mM", "T-tubule Na⁺", "[Na]_TT"),
    conc("cl_tt_mM", "T-tubule Cl⁻", "[Cl]_TT"),
    conc("k_i_mM", "myoplasmic K⁺", "[K]_i"),
    conc("na_i_mM", "myoplasmic Na⁺", "[Na]_i"),
    conc("cl_i_mM", "myoplasmic Cl⁻", "[Cl]_i"),
];
