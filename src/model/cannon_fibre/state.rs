//! State layout of the Cannon-lab fibre: two membrane potentials, seven
//! gates in each compartment, and the tubular and myoplasmic K⁺, Na⁺, Cl⁻.

use crate::model::StateVariable;
use crate::model::state_variable;

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
    state_variable("m", "1", "sarcolemmal NaV1.4 activation", "m"),
    state_variable("h", "1", "sarcolemmal NaV1.4 fast inactivation", "h"),
    state_variable("s", "1", "sarcolemmal NaV1.4 slow inactivation", "s"),
    state_variable("n", "1", "sarcolemmal Kdr activation", "n"),
    state_variable("p", "1", "sarcolemmal Kdr inactivation", "p"),
    state_variable("q", "1", "sarcolemmal KCNQ activation", "q"),
    state_variable("c", "1", "sarcolemmal ClC-1 gate", "c"),
    state_variable("m_tt", "1", "tubular NaV1.4 activation", "m"),
    state_variable("h_tt", "1", "tubular NaV1.4 fast inactivation", "h"),
    state_variable("s_tt", "1", "tubular NaV1.4 slow inactivation", "s"),
    state_variable("n_tt", "1", "tubular Kdr activation", "n"),
    state_variable("p_tt", "1", "tubular Kdr inactivation", "p"),
    state_variable("q_tt", "1", "tubular KCNQ activation", "q"),
    state_variable("c_tt", "1", "tubular ClC-1 gate", "c"),
    state_variable("k_tt_mM", "mM", "T-tubule K⁺", "[K]_TT"),
    state_variable("na_tt_mM", "mM", "T-tubule Na⁺", "[Na]_TT"),
    state_variable("cl_tt_mM", "mM", "T-tubule Cl⁻", "[Cl]_TT"),
    state_variable("k_i_mM", "mM", "myoplasmic K⁺", "[K]_i"),
    state_variable("na_i_mM", "mM", "myoplasmic Na⁺", "[Na]_i"),
    state_variable("cl_i_mM", "mM", "myoplasmic Cl⁻", "[Cl]_i"),
];
