//! State layout of the muscle fibre: 56 variables, in the order of the
//! table below, each with its CellML name
//! (`shorten_ocallaghan_davidson_soboleva_2007.cellml`, component/variable)
//! and the CellML initial value.
//!
//! Compartments: "surface" is the sarcolemma, "tubule" the T-tubule
//! membrane or lumen; myoplasmic and SR Ca²⁺ live in a compartment next to
//! the triad ("triad", CellML suffix 1) and a bulk one ("bulk", suffix 2).

use crate::model::{StateVariable, state_variable as var};

/// Number of state variables (the CellML has 56 differential equations).
pub const STATE_COUNT: usize = 56;

/// Index of each state variable in the state vector.
pub mod index {
    /// Sarcolemma potential vS (mV).
    pub const V_SURFACE: usize = 0;
    /// T-tubule membrane potential vT (mV).
    pub const V_TUBULE: usize = 1;
    /// Myoplasmic K⁺ K_i (mM).
    pub const K_MYOPLASM: usize = 2;
    /// T-tubule lumen K⁺ K_t (mM).
    pub const K_TUBULE: usize = 3;
    /// Interstitial K⁺ K_e (mM).
    pub const K_INTERSTITIAL: usize = 4;
    /// Myoplasmic Na⁺ Na_i (mM).
    pub const NA_MYOPLASM: usize = 5;
    /// T-tubule lumen Na⁺ Na_t (mM).
    pub const NA_TUBULE: usize = 6;
    /// Interstitial Na⁺ Na_e (mM).
    pub const NA_INTERSTITIAL: usize = 7;
    /// Delayed-rectifier activation n, sarcolemma.
    pub const N_SURFACE: usize = 8;
    /// Delayed-rectifier inactivation h_K, sarcolemma.
    pub const H_K_SURFACE: usize = 9;
    /// Na⁺ activation m, sarcolemma.
    pub const M_SURFACE: usize = 10;
    /// Na⁺ fast inactivation h, sarcolemma.
    pub const H_SURFACE: usize = 11;
    /// Na⁺ slow inactivation S, sarcolemma.
    pub const S_SURFACE: usize = 12;
    /// Delayed-rectifier activation n, T-tubule.
    pub const N_TUBULE: usize = 13;
    /// Delayed-rectifier inactivation h_K, T-tubule.
    pub const H_K_TUBULE: usize = 14;
    /// Na⁺ activation m, T-tubule.
    pub const M_TUBULE: usize = 15;
    /// Na⁺ fast inactivation h, T-tubule.
    pub const H_TUBULE: usize = 16;
    /// Na⁺ slow inactivation S, T-tubule.
    pub const S_TUBULE: usize = 17;
    /// First of the five closed release-unit states C_0 … C_4.
    pub const RYR_CLOSED: usize = 18;
    /// First of the five open release-unit states O_0 … O_4.
    pub const RYR_OPEN: usize = 23;
    /// Free Ca²⁺, triadic myoplasm Ca_1 (µM).
    pub const CA_TRIAD: usize = 28;
    /// Free Ca²⁺, triadic SR Ca_SR1 (µM).
    pub const CA_SR_TRIAD: usize = 29;
    /// Free Ca²⁺, bulk myoplasm Ca_2 (µM).
    pub const CA_BULK: usize = 30;
    /// Free Ca²⁺, bulk SR Ca_SR2 (µM).
    pub const CA_SR_BULK: usize = 31;
    /// Ca²⁺-parvalbumin, triad Ca_P1 (µM).
    pub const CA_PARVALBUMIN_TRIAD: usize = 32;
    /// Ca²⁺-parvalbumin, bulk Ca_P2 (µM).
    pub const CA_PARVALBUMIN_BULK: usize = 33;
    /// Mg²⁺-parvalbumin, triad Mg_P1 (µM).
    pub const MG_PARVALBUMIN_TRIAD: usize = 34;
    /// Mg²⁺-parvalbumin, bulk Mg_P2 (µM).
    pub const MG_PARVALBUMIN_BULK: usize = 35;
    /// Ca²⁺-calsequestrin, triadic SR Ca_Cs1 (µM).
    pub const CA_CALSEQUESTRIN_TRIAD: usize = 36;
    /// Ca²⁺-calsequestrin, bulk SR Ca_Cs2 (µM).
    pub const CA_CALSEQUESTRIN_BULK: usize = 37;
    /// CaATP, triad Ca_ATP1 (µM).
    pub const CA_ATP_TRIAD: usize = 38;
    /// CaATP, bulk Ca_ATP2 (µM).
    pub const CA_ATP_BULK: usize = 39;
    /// MgATP, triad Mg_ATP1 (µM).
    pub const MG_ATP_TRIAD: usize = 40;
    /// MgATP, bulk Mg_ATP2 (µM).
    pub const MG_ATP_BULK: usize = 41;
    /// Free ATP, triad ATP1 (µM).
    pub const ATP_TRIAD: usize = 42;
    /// Free ATP, bulk ATP2 (µM).
    pub const ATP_BULK: usize = 43;
    /// Free Mg²⁺, triad Mg1 (µM).
    pub const MG_TRIAD: usize = 44;
    /// Free Mg²⁺, bulk Mg2 (µM).
    pub const MG_BULK: usize = 45;
    /// Troponin with one Ca²⁺, Ca_T_2 (µM).
    pub const CA_TROPONIN: usize = 46;
    /// Troponin with two Ca²⁺, Ca_CaT2 (µM).
    pub const CA2_TROPONIN: usize = 47;
    /// Active detached unit, no Ca²⁺, D_0 (µM).
    pub const DETACHED_0: usize = 48;
    /// Active detached unit, one Ca²⁺, D_1 (µM).
    pub const DETACHED_1: usize = 49;
    /// Active detached unit, two Ca²⁺, D_2 (µM).
    pub const DETACHED_2: usize = 50;
    /// Attached crossbridge before the power stroke, A_1 (µM).
    pub const PRE_STROKE: usize = 51;
    /// Attached crossbridge after the power stroke, A_2 (µM): the force driver.
    pub const POST_STROKE: usize = 52;
    /// Myoplasmic inorganic phosphate P (mM).
    pub const PHOSPHATE_MYOPLASM: usize = 53;
    /// SR inorganic phosphate P_SR (mM).
    pub const PHOSPHATE_SR: usize = 54;
    /// Ca–phosphate precipitate in the SR, P_C_SR (mM).
    pub const PRECIPITATE_SR: usize = 55;
}

/// Names, units, descriptions and CellML names, in state-vector order.
pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
    var(
        "v_surface_mV",
        "mV",
        "sarcolemma membrane potential",
        "wal_environment/vS",
    ),
    var(
        "v_tubule_mV",
        "mV",
        "T-tubule membrane potential",
        "wal_environment/vT",
    ),
    var(
        "k_myoplasm_mM",
        "mM",
        "myoplasmic K+",
        "wal_environment/K_i",
    ),
    var(
        "k_tubule_mM",
        "mM",
        "K+ in the T-tubule lumen",
        "wal_environment/K_t",
    ),
    var(
        "k_interstitial_mM",
        "mM",
        "interstitial K+",
        "wal_environment/K_e",
    ),
    var(
        "na_myoplasm_mM",
        "mM",
        "myoplasmic Na+",
        "wal_environment/Na_i",
    ),
    var(
        "na_tubule_mM",
        "mM",
        "Na+ in the T-tubule lumen",
        "wal_environment/Na_t",
    ),
    var(
        "na_interstitial_mM",
        "mM",
        "interstitial Na+",
        "wal_environment/Na_e",
    ),
    var(
        "n_surface",
        "1",
        "delayed-rectifier activation, sarcolemma",
        "sarco_DR_channel/n",
    ),
    var(
        "h_k_surface",
        "1",
        "delayed-rectifier inactivation, sarcolemma",
        "sarco_DR_channel/h_K",
    ),
    var(
        "m_surface",
        "1",
        "Na+ channel activation, sarcolemma",
        "sarco_Na_channel/m",
    ),
    var(
        "h_surface",
        "1",
        "Na+ channel fast inactivation, sarcolemma",
        "sarco_Na_channel/h",
    ),
    var(
        "s_surface",
        "1",
        "Na+ channel slow inactivation, sarcolemma",
        "sarco_Na_channel/S",
    ),
    var(
        "n_tubule",
        "1",
        "delayed-rectifier activation, T-tubule",
        "t_DR_channel/n_t",
    ),
    var(
        "h_k_tubule",
        "1",
        "delayed-rectifier inactivation, T-tubule",
        "t_DR_channel/h_K_t",
    ),
    var(
        "m_tubule",
        "1",
        "Na+ channel activation, T-tubule",
        "t_Na_channel/m_t",
    ),
    var(
        "h_tubule",
        "1",
        "Na+ channel fast inactivation, T-tubule",
        "t_Na_channel/h_t",
    ),
    var(
        "s_tubule",
        "1",
        "Na+ channel slow inactivation, T-tubule",
        "t_Na_channel/S_t",
    ),
    var(
        "ryr_closed_0",
        "1",
        "release unit closed, 0 sensors activated",
        "sternrios/C_0",
    ),
    var(
        "ryr_closed_1",
        "1",
        "release unit closed, 1 sensor activated",
        "sternrios/C_1",
    ),
    var(
        "ryr_closed_2",
        "1",
        "release unit closed, 2 sensors activated",
        "sternrios/C_2",
    ),
    var(
        "ryr_closed_3",
        "1",
        "release unit closed, 3 sensors activated",
        "sternrios/C_3",
    ),
    var(
        "ryr_closed_4",
        "1",
        "release unit closed, 4 sensors activated",
        "sternrios/C_4",
    ),
    var(
        "ryr_open_0",
        "1",
        "release unit open, 0 sensors activated",
        "sternrios/O_0",
    ),
    var(
        "ryr_open_1",
        "1",
        "release unit open, 1 sensor activated",
        "sternrios/O_1",
    ),
    var(
        "ryr_open_2",
        "1",
        "release unit open, 2 sensors activated",
        "sternrios/O_2",
    ),
    var(
        "ryr_open_3",
        "1",
        "release unit open, 3 sensors activated",
        "sternrios/O_3",
    ),
    var(
        "ryr_open_4",
        "1",
        "release unit open, 4 sensors activated",
        "sternrios/O_4",
    ),
    var(
        "ca_triad_uM",
        "µM",
        "free Ca2+, myoplasm next to the triad",
        "razumova/Ca_1",
    ),
    var(
        "ca_sr_triad_uM",
        "µM",
        "free Ca2+, SR next to the triad",
        "razumova/Ca_SR1",
    ),
    var(
        "ca_bulk_uM",
        "µM",
        "free Ca2+, bulk myoplasm",
        "razumova/Ca_2",
    ),
    var(
        "ca_sr_bulk_uM",
        "µM",
        "free Ca2+, bulk SR",
        "razumova/Ca_SR2",
    ),
    var(
        "ca_parvalbumin_triad_uM",
        "µM",
        "Ca2+-bound parvalbumin, triad",
        "razumova/Ca_P1",
    ),
    var(
        "ca_parvalbumin_bulk_uM",
        "µM",
        "Ca2+-bound parvalbumin, bulk",
        "razumova/Ca_P2",
    ),
    var(
        "mg_parvalbumin_triad_uM",
        "µM",
        "Mg2+-bound parvalbumin, triad",
        "razumova/Mg_P1",
    ),
    var(
        "mg_parvalbumin_bulk_uM",
        "µM",
        "Mg2+-bound parvalbumin, bulk",
        "razumova/Mg_P2",
    ),
    var(
        "ca_calsequestrin_triad_uM",
        "µM",
        "Ca2+-bound calsequestrin, SR next to the triad",
        "razumova/Ca_Cs1",
    ),
    var(
        "ca_calsequestrin_bulk_uM",
        "µM",
        "Ca2+-bound calsequestrin, bulk SR",
        "razumova/Ca_Cs2",
    ),
    var("ca_atp_triad_uM", "µM", "CaATP, triad", "razumova/Ca_ATP1"),
    var("ca_atp_bulk_uM", "µM", "CaATP, bulk", "razumova/Ca_ATP2"),
    var("mg_atp_triad_uM", "µM", "MgATP, triad", "razumova/Mg_ATP1"),
    var("mg_atp_bulk_uM", "µM", "MgATP, bulk", "razumova/Mg_ATP2"),
    var("atp_triad_uM", "µM", "free ATP, triad", "razumova/ATP1"),
    var("atp_bulk_uM", "µM", "free ATP, bulk", "razumova/ATP2"),
    var("mg_triad_uM", "µM", "free Mg2+, triad", "razumova/Mg1"),
    var("mg_bulk_uM", "µM", "free Mg2+, bulk", "razumova/Mg2"),
    var(
        "ca_troponin_uM",
        "µM",
        "troponin with one Ca2+ bound",
        "razumova/Ca_T_2",
    ),
    var(
        "ca2_troponin_uM",
        "µM",
        "troponin with two Ca2+ bound",
        "razumova/Ca_CaT2",
    ),
    var(
        "detached_0_uM",
        "µM",
        "active regulatory unit, detached, no Ca2+",
        "razumova/D_0",
    ),
    var(
        "detached_1_uM",
        "µM",
        "active regulatory unit, detached, one Ca2+",
        "razumova/D_1",
    ),
    var(
        "detached_2_uM",
        "µM",
        "active regulatory unit, detached, two Ca2+",
        "razumova/D_2",
    ),
    var(
        "pre_stroke_uM",
        "µM",
        "attached crossbridge before the power stroke",
        "razumova/A_1",
    ),
    var(
        "post_stroke_uM",
        "µM",
        "attached crossbridge after the power stroke (force driver)",
        "razumova/A_2",
    ),
    var(
        "phosphate_myoplasm_mM",
        "mM",
        "myoplasmic inorganic phosphate",
        "razumova/P",
    ),
    var(
        "phosphate_sr_mM",
        "mM",
        "SR inorganic phosphate",
        "razumova/P_SR",
    ),
    var(
        "precipitate_sr_mM",
        "mM",
        "Ca-phosphate precipitate in the SR",
        "razumova/P_C_SR",
    ),
];

/// The CellML initial values, in state-vector order (`initConsts` of the
/// CellML-generated code; Shorten et al. 2007, fast-twitch fibre).
///
/// This is not a rest state: several buffers start away from equilibrium
/// (MgATP, troponin), so without stimulus the bulk Ca²⁺ rises from 0.1 µM
/// within the first milliseconds (SCIENCE.md §2.1, quirk 4).
#[rustfmt::skip]
pub const PUBLISHED_INITIAL_STATE: [f64; STATE_COUNT] = [
    -79.974, -80.2, // vS, vT
    150.9, 5.9, 5.9, // K_i, K_t, K_e
    12.7, 133.0, 133.0, // Na_i, Na_t, Na_e
    0.009466, 0.9952, 0.0358, 0.4981, 0.581, // n, h_K, m, h, S
    0.009466, 0.9952, 0.0358, 0.4981, 0.581, // n_t, h_K_t, m_t, h_t, S_t
    1.0, 0.0, 0.0, 0.0, 0.0, // C_0 … C_4
    0.0, 0.0, 0.0, 0.0, 0.0, // O_0 … O_4
    0.1, 1500.0, 0.1, 1500.0, // Ca_1, Ca_SR1, Ca_2, Ca_SR2
    615.0, 615.0, 811.0, 811.0, // Ca_P1, Ca_P2, Mg_P1, Mg_P2
    16900.0, 16900.0, // Ca_Cs1, Ca_Cs2
    0.4, 0.4, 7200.0, 7200.0, // Ca_ATP1, Ca_ATP2, Mg_ATP1, Mg_ATP2
    799.6, 799.6, 1000.0, 1000.0, // ATP1, ATP2, Mg1, Mg2
    25.0, 3.0, // Ca_T_2, Ca_CaT2
    0.8, 1.2, 3.0, // D_0, D_1, D_2
    0.3, 0.23, // A_1, A_2
    0.23, 0.23, 0.23, // P, P_SR, P_C_SR
];
