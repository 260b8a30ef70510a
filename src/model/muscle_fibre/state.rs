//! State layout of the muscle fibre: 57 variables (the CellML's 56 and the
//! myoplasmic Cl⁻ of the dynamic-Cl⁻ option), declared once in the
//! table at the bottom of this file, in state-vector order, each with its
//! name, unit, description, CellML name
//! (`shorten_ocallaghan_davidson_soboleva_2007.cellml`, component/variable)
//! and CellML initial value. [`STATE_COUNT`], [`STATE_VARIABLES`],
//! [`PUBLISHED_INITIAL_STATE`] and the [`index`] constants all come from
//! that table, so a new state is one row.
//!
//! Compartments: "surface" is the sarcolemma, "tubule" the T-tubule
//! membrane or lumen; myoplasmic and SR Ca²⁺ live in a compartment next to
//! the triad ("triad", CellML suffix 1) and a bulk one ("bulk", suffix 2).

use crate::model::StateVariable;

/// Declares the state layout from one table. A row is
/// `INDEX: "name", "unit", "description", "component/cellml_name" = initial;`
/// where `INDEX` names the row's constant in [`index`] (`_` for none).
macro_rules! state_layout {
    (
        $(
            $slot:tt: $name:literal, $unit:literal, $description:literal, $source:literal = $initial:expr;
        )+
    ) => {
        /// Number of state variables (the CellML's 56 differential equations, then myoplasmic Cl⁻).
        pub const STATE_COUNT: usize = [$($name),+].len();

        /// Names, units, descriptions and CellML names, in state-vector order.
        pub static STATE_VARIABLES: [StateVariable; STATE_COUNT] = [
            $(
                StateVariable {
                    name: $name,
                    unit: $unit,
                    description: $description,
                    source_name: $source,
                },
            )+
        ];

        /// The CellML initial values, in state-vector order (`initConsts` of the
        /// CellML-generated code; Shorten et al. 2007, fast-twitch fibre), and
        /// Senneff & Lowery's Cl_i for the last state.
        ///
        /// This is not a rest state: several buffers start away from equilibrium
        /// (MgATP, troponin), so without stimulus the bulk Ca²⁺ rises from 0.1 µM
        /// within the first milliseconds (SCIENCE.md §2.1, quirk 4).
        pub const PUBLISHED_INITIAL_STATE: [f64; STATE_COUNT] = [$($initial),+];

        /// Index of each state variable in the state vector.
        pub mod index {
            state_layout!(@index 0; $([$slot $description $source $unit])+);
        }
    };
    (@index $at:expr; [_ $description:literal $source:literal $unit:literal] $($rest:tt)*) => {
        state_layout!(@index $at + 1; $($rest)*);
    };
    (@index $at:expr; [$slot:ident $description:literal $source:literal $unit:literal] $($rest:tt)*) => {
        #[doc = concat!($description, " (`", $source, "`, unit ", $unit, ").")]
        pub const $slot: usize = $at;
        state_layout!(@index $at + 1; $($rest)*);
    };
    (@index $at:expr;) => {};
}

state_layout! {
    // Membrane potentials (Wallinga et al. 1999).
    V_SURFACE: "v_surface_mV", "mV", "sarcolemma membrane potential", "wal_environment/vS" = -79.974;
    V_TUBULE: "v_tubule_mV", "mV", "T-tubule membrane potential", "wal_environment/vT" = -80.2;
    // K⁺ and Na⁺ in myoplasm, T-tubule lumen and interstitium.
    K_MYOPLASM: "k_myoplasm_mM", "mM", "myoplasmic K+", "wal_environment/K_i" = 150.9;
    K_TUBULE: "k_tubule_mM", "mM", "K+ in the T-tubule lumen", "wal_environment/K_t" = 5.9;
    K_INTERSTITIAL: "k_interstitial_mM", "mM", "interstitial K+", "wal_environment/K_e" = 5.9;
    NA_MYOPLASM: "na_myoplasm_mM", "mM", "myoplasmic Na+", "wal_environment/Na_i" = 12.7;
    NA_TUBULE: "na_tubule_mM", "mM", "Na+ in the T-tubule lumen", "wal_environment/Na_t" = 133.0;
    NA_INTERSTITIAL: "na_interstitial_mM", "mM", "interstitial Na+", "wal_environment/Na_e" = 133.0;
    // Gates of the sarcolemma: delayed rectifier n, h_K; Na⁺ channel m, h, S.
    N_SURFACE: "n_surface", "1", "delayed-rectifier activation, sarcolemma", "sarco_DR_channel/n" = 0.009466;
    H_K_SURFACE: "h_k_surface", "1", "delayed-rectifier inactivation, sarcolemma", "sarco_DR_channel/h_K" = 0.9952;
    M_SURFACE: "m_surface", "1", "Na+ channel activation, sarcolemma", "sarco_Na_channel/m" = 0.0358;
    H_SURFACE: "h_surface", "1", "Na+ channel fast inactivation, sarcolemma", "sarco_Na_channel/h" = 0.4981;
    S_SURFACE: "s_surface", "1", "Na+ channel slow inactivation, sarcolemma", "sarco_Na_channel/S" = 0.581;
    // Gates of the T-tubule membrane, in the same order.
    N_TUBULE: "n_tubule", "1", "delayed-rectifier activation, T-tubule", "t_DR_channel/n_t" = 0.009466;
    H_K_TUBULE: "h_k_tubule", "1", "delayed-rectifier inactivation, T-tubule", "t_DR_channel/h_K_t" = 0.9952;
    M_TUBULE: "m_tubule", "1", "Na+ channel activation, T-tubule", "t_Na_channel/m_t" = 0.0358;
    H_TUBULE: "h_tubule", "1", "Na+ channel fast inactivation, T-tubule", "t_Na_channel/h_t" = 0.4981;
    S_TUBULE: "s_tubule", "1", "Na+ channel slow inactivation, T-tubule", "t_Na_channel/S_t" = 0.581;
    // Ríos–Stern release units: closed C_0 … C_4, open O_0 … O_4 (index of the first of each five).
    RYR_CLOSED: "ryr_closed_0", "1", "release unit closed, 0 sensors activated", "sternrios/C_0" = 1.0;
    _: "ryr_closed_1", "1", "release unit closed, 1 sensor activated", "sternrios/C_1" = 0.0;
    _: "ryr_closed_2", "1", "release unit closed, 2 sensors activated", "sternrios/C_2" = 0.0;
    _: "ryr_closed_3", "1", "release unit closed, 3 sensors activated", "sternrios/C_3" = 0.0;
    _: "ryr_closed_4", "1", "release unit closed, 4 sensors activated", "sternrios/C_4" = 0.0;
    RYR_OPEN: "ryr_open_0", "1", "release unit open, 0 sensors activated", "sternrios/O_0" = 0.0;
    _: "ryr_open_1", "1", "release unit open, 1 sensor activated", "sternrios/O_1" = 0.0;
    _: "ryr_open_2", "1", "release unit open, 2 sensors activated", "sternrios/O_2" = 0.0;
    _: "ryr_open_3", "1", "release unit open, 3 sensors activated", "sternrios/O_3" = 0.0;
    _: "ryr_open_4", "1", "release unit open, 4 sensors activated", "sternrios/O_4" = 0.0;
    // Free Ca²⁺ in myoplasm and SR, triad and bulk (µM).
    CA_TRIAD: "ca_triad_uM", "µM", "free Ca2+, myoplasm next to the triad", "razumova/Ca_1" = 0.1;
    CA_SR_TRIAD: "ca_sr_triad_uM", "µM", "free Ca2+, SR next to the triad", "razumova/Ca_SR1" = 1500.0;
    CA_BULK: "ca_bulk_uM", "µM", "free Ca2+, bulk myoplasm", "razumova/Ca_2" = 0.1;
    CA_SR_BULK: "ca_sr_bulk_uM", "µM", "free Ca2+, bulk SR", "razumova/Ca_SR2" = 1500.0;
    // Buffers: parvalbumin, calsequestrin, ATP, and free Mg²⁺.
    CA_PARVALBUMIN_TRIAD: "ca_parvalbumin_triad_uM", "µM", "Ca2+-bound parvalbumin, triad", "razumova/Ca_P1" = 615.0;
    CA_PARVALBUMIN_BULK: "ca_parvalbumin_bulk_uM", "µM", "Ca2+-bound parvalbumin, bulk", "razumova/Ca_P2" = 615.0;
    MG_PARVALBUMIN_TRIAD: "mg_parvalbumin_triad_uM", "µM", "Mg2+-bound parvalbumin, triad", "razumova/Mg_P1" = 811.0;
    MG_PARVALBUMIN_BULK: "mg_parvalbumin_bulk_uM", "µM", "Mg2+-bound parvalbumin, bulk", "razumova/Mg_P2" = 811.0;
    CA_CALSEQUESTRIN_TRIAD: "ca_calsequestrin_triad_uM", "µM", "Ca2+-bound calsequestrin, SR next to the triad", "razumova/Ca_Cs1" = 16900.0;
    CA_CALSEQUESTRIN_BULK: "ca_calsequestrin_bulk_uM", "µM", "Ca2+-bound calsequestrin, bulk SR", "razumova/Ca_Cs2" = 16900.0;
    CA_ATP_TRIAD: "ca_atp_triad_uM", "µM", "CaATP, triad", "razumova/Ca_ATP1" = 0.4;
    CA_ATP_BULK: "ca_atp_bulk_uM", "µM", "CaATP, bulk", "razumova/Ca_ATP2" = 0.4;
    MG_ATP_TRIAD: "mg_atp_triad_uM", "µM", "MgATP, triad", "razumova/Mg_ATP1" = 7200.0;
    MG_ATP_BULK: "mg_atp_bulk_uM", "µM", "MgATP, bulk", "razumova/Mg_ATP2" = 7200.0;
    ATP_TRIAD: "atp_triad_uM", "µM", "free ATP, triad", "razumova/ATP1" = 799.6;
    ATP_BULK: "atp_bulk_uM", "µM", "free ATP, bulk", "razumova/ATP2" = 799.6;
    MG_TRIAD: "mg_triad_uM", "µM", "free Mg2+, triad", "razumova/Mg1" = 1000.0;
    MG_BULK: "mg_bulk_uM", "µM", "free Mg2+, bulk", "razumova/Mg2" = 1000.0;
    // Troponin and Razumova crossbridges.
    CA_TROPONIN: "ca_troponin_uM", "µM", "troponin with one Ca2+ bound", "razumova/Ca_T_2" = 25.0;
    CA2_TROPONIN: "ca2_troponin_uM", "µM", "troponin with two Ca2+ bound", "razumova/Ca_CaT2" = 3.0;
    DETACHED_0: "detached_0_uM", "µM", "active regulatory unit, detached, no Ca2+", "razumova/D_0" = 0.8;
    DETACHED_1: "detached_1_uM", "µM", "active regulatory unit, detached, one Ca2+", "razumova/D_1" = 1.2;
    DETACHED_2: "detached_2_uM", "µM", "active regulatory unit, detached, two Ca2+", "razumova/D_2" = 3.0;
    PRE_STROKE: "pre_stroke_uM", "µM", "attached crossbridge before the power stroke", "razumova/A_1" = 0.3;
    POST_STROKE: "post_stroke_uM", "µM", "attached crossbridge after the power stroke (force driver)", "razumova/A_2" = 0.23;
    // Phosphate.
    PHOSPHATE_MYOPLASM: "phosphate_myoplasm_mM", "mM", "myoplasmic inorganic phosphate", "razumova/P" = 0.23;
    PHOSPHATE_SR: "phosphate_sr_mM", "mM", "SR inorganic phosphate", "razumova/P_SR" = 0.23;
    PRECIPITATE_SR: "precipitate_sr_mM", "mM", "Ca-phosphate precipitate in the SR", "razumova/P_C_SR" = 0.23;
    // Myoplasmic Cl⁻: not in the CellML (its Cl⁻ is algebraic); a state only with
    // `chloride_distribution = "dynamic"`, constant otherwise. Initial value: Senneff & Lowery 2021 Cl_i.
    CL_MYOPLASM: "cl_myoplasm_mM", "mM", "myoplasmic Cl- (moves only with chloride_distribution = dynamic)", "endplate (not in the CellML)/Cl_i" = 5.83;
}
