//! Unit tests of the assembled model: layout, conservation laws of the
//! right-hand side, the variants, and the configuration format.
//! Published reference values are checked in `tests/it/validation_shorten2007.rs`.

use super::*;
use crate::physiology::crossbridges;
use crate::physiology::ghk::nernst_mv;
use crate::physiology::ion_accumulation::{
    potassium_outward_ua_per_cm2, sodium_outward_ua_per_cm2,
};

fn corrected() -> MuscleFibre {
    MuscleFibre::new(MuscleFibreConfig {
        variant: Variant::Corrected,
        ..Default::default()
    })
}

/// A state away from the published one, with every process active: open
/// release channels, depolarized T-tubule, Ca²⁺ raised, Ca–Pi above its
/// solubility product, crossbridges attached.
fn busy_state() -> State<STATE_COUNT> {
    let mut y = State::from(PUBLISHED_INITIAL_STATE);
    y[index::V_SURFACE] = -12.0;
    y[index::V_TUBULE] = -25.0;
    y[index::K_TUBULE] = 7.1;
    y[index::NA_TUBULE] = 129.0;
    y[index::M_SURFACE] = 0.6;
    y[index::N_TUBULE] = 0.3;
    let closed = [0.30, 0.20, 0.12, 0.08, 0.05];
    let open = [0.01, 0.03, 0.06, 0.07, 0.08];
    for i in 0..5 {
        y[index::RYR_CLOSED + i] = closed[i];
        y[index::RYR_OPEN + i] = open[i];
    }
    y[index::CA_TRIAD] = 12.0;
    y[index::CA_SR_TRIAD] = 900.0;
    y[index::CA_BULK] = 3.0;
    y[index::CA_SR_BULK] = 1400.0;
    y[index::MG_TRIAD] = 950.0;
    y[index::ATP_TRIAD] = 760.0;
    y[index::CA_ATP_TRIAD] = 9.0;
    y[index::DETACHED_2] = 20.0;
    y[index::PRE_STROKE] = 8.0;
    y[index::POST_STROKE] = 6.0;
    y[index::PHOSPHATE_SR] = 5.0;
    y
}

fn rates(fibre: &MuscleFibre, y: &State<STATE_COUNT>) -> State<STATE_COUNT> {
    let mut dydt = State::zeros();
    fibre.derivatives(0.0, y, 0.0, &mut dydt);
    dydt
}

/// |Σ wᵢ dᵢ| small against Σ |wᵢ dᵢ|.
fn assert_balanced(name: &str, terms: &[(f64, f64)]) {
    let net: f64 = terms.iter().map(|(w, d)| w * d).sum();
    let scale: f64 = terms.iter().map(|(w, d)| (w * d).abs()).sum();
    assert!(scale > 0.0, "{name}: nothing moves");
    assert!(
        net.abs() <= 1e-12 * scale,
        "{name}: net {net:e} against {scale:e}"
    );
}

#[test]
fn layout_has_the_cellml_56_named_states_then_chloride_with_the_sarcolemma_first() {
    // Issue 18: myoplasmic Cl⁻ is the 57th state (constant unless Cl⁻ is dynamic).
    assert_eq!(STATE_VARIABLES.len(), 57);
    assert_eq!(STATE_VARIABLES[56].name, "cl_myoplasm_mM");
    assert_eq!(STATE_VARIABLES[0].name, "v_surface_mV");
    assert_eq!(STATE_VARIABLES[0].source_name, "wal_environment/vS");
    for (i, a) in STATE_VARIABLES.iter().enumerate() {
        assert!(!a.source_name.is_empty() && !a.unit.is_empty() && !a.description.is_empty());
        for b in &STATE_VARIABLES[i + 1..] {
            assert_ne!(a.name, b.name);
            assert_ne!(a.source_name, b.source_name);
        }
    }
    // Index constants point at the CellML variables they name.
    for (i, source) in [
        (index::V_TUBULE, "wal_environment/vT"),
        (index::K_INTERSTITIAL, "wal_environment/K_e"),
        (index::S_TUBULE, "t_Na_channel/S_t"),
        (index::RYR_CLOSED, "sternrios/C_0"),
        (index::RYR_OPEN + 4, "sternrios/O_4"),
        (index::CA_BULK, "razumova/Ca_2"),
        (index::MG_BULK, "razumova/Mg2"),
        (index::POST_STROKE, "razumova/A_2"),
        (index::PRECIPITATE_SR, "razumova/P_C_SR"),
    ] {
        assert_eq!(STATE_VARIABLES[i].source_name, source);
    }
}

#[test]
fn default_parameters_are_within_their_declared_ranges() {
    assert_eq!(MuscleFibreConfig::default().check_ranges(), Ok(()));
}

#[test]
fn each_declared_section_is_checked_and_listed_under_its_own_name() {
    // fibre_sections! gives the struct, the range check and the groups from one list:
    // the 25 parameter tables in struct order (issue 18 added measured_rest,
    // kir_hagiwara, nkcc1, sodium_pedestal and tubule_alpha2_pump), the seven
    // switches in none of them.
    let sections: Vec<&str> = MuscleFibreConfig::parameter_groups()
        .iter()
        .map(|group| group.section)
        .collect();
    assert_eq!(sections.len(), 25);
    assert_eq!(
        sections[..4],
        [
            "measured_rest",
            "thermodynamics",
            "membrane",
            "sodium_channel"
        ]
    );
    assert_eq!(sections[24], "gating_pore");
    for switch in [
        "variant",
        "resting_conductance",
        "inward_rectifier_form",
        "chloride_distribution",
        "sodium_slow_inactivation",
        "tubule_pump",
        "tubule_bookkeeping",
    ] {
        assert!(!sections.contains(&switch), "{switch}");
    }
    let mut config = MuscleFibreConfig::default();
    config.washout.blood_flow_ml_per_min_per_100g = -1.0;
    config.membrane.c_m_uf_per_cm2 = 0.0;
    let (section, error) = config.check_ranges().unwrap_err();
    assert_eq!((section, error.field), ("membrane", "c_m_uf_per_cm2"));
    config.membrane = Default::default();
    assert_eq!(config.check_ranges().unwrap_err().0, "washout");
}

#[test]
fn release_units_are_conserved() {
    let d = rates(&MuscleFibre::published(), &busy_state());
    let total: f64 = (index::RYR_CLOSED..index::RYR_OPEN + 5).map(|i| d[i]).sum();
    assert!(total.abs() < 1e-12, "Σ dC/dt + Σ dO/dt = {total}");
}

#[test]
fn regulatory_units_are_conserved() {
    // The seven explicit states and T_0 = T_tot − Σ: their derivatives, with
    // T_0's computed from its own reactions, sum to zero.
    let fibre = MuscleFibre::published();
    let y = busy_state();
    let d = rates(&fibre, &y);
    let units = regulatory_units(&y);
    let free = crossbridges::free_troponin_rate_um_per_ms(
        &fibre.config().crossbridges,
        y[index::CA_BULK],
        &units,
    );
    let explicit: f64 = (index::CA_TROPONIN..=index::POST_STROKE)
        .map(|i| d[i])
        .sum();
    assert!((explicit + free).abs() < 1e-12, "{explicit} + {free}");
}

#[test]
fn calcium_is_conserved_across_compartments_buffers_troponin_and_precipitate() {
    let fibre = MuscleFibre::published();
    let y = busy_state();
    let d = rates(&fibre, &y);
    let v = fibre.volumes();
    let (v1, v2, vsr1, vsr2) = (
        v.myoplasm_triad_um3,
        v.myoplasm_bulk_um3,
        v.sr_triad_um3,
        v.sr_bulk_um3,
    );
    assert!(
        y[index::PHOSPHATE_SR] * y[index::CA_SR_BULK] * 1e-3 > 6.0,
        "precipitation is on"
    );
    assert_balanced(
        "Ca",
        &[
            (v1, d[index::CA_TRIAD]),
            (v1, d[index::CA_PARVALBUMIN_TRIAD]),
            (v1, d[index::CA_ATP_TRIAD]),
            (v2, d[index::CA_BULK]),
            (v2, d[index::CA_PARVALBUMIN_BULK]),
            (v2, d[index::CA_ATP_BULK]),
            (v2, d[index::CA_TROPONIN] + d[index::DETACHED_1]),
            (
                2.0 * v2,
                d[index::CA2_TROPONIN]
                    + d[index::DETACHED_2]
                    + d[index::PRE_STROKE]
                    + d[index::POST_STROKE],
            ),
            (vsr1, d[index::CA_SR_TRIAD]),
            (vsr1, d[index::CA_CALSEQUESTRIN_TRIAD]),
            (vsr2, d[index::CA_SR_BULK]),
            (vsr2, d[index::CA_CALSEQUESTRIN_BULK]),
            // The precipitate state is in mM of Ca–Pi: 1000 µM of Ca²⁺ each.
            (1000.0 * vsr2, d[index::PRECIPITATE_SR]),
        ],
    );
}

#[test]
fn magnesium_and_atp_are_conserved_across_the_myoplasm() {
    let fibre = MuscleFibre::published();
    let d = rates(&fibre, &busy_state());
    let (v1, v2) = (
        fibre.volumes().myoplasm_triad_um3,
        fibre.volumes().myoplasm_bulk_um3,
    );
    assert_balanced(
        "Mg",
        &[
            (v1, d[index::MG_TRIAD]),
            (v1, d[index::MG_PARVALBUMIN_TRIAD]),
            (v1, d[index::MG_ATP_TRIAD]),
            (v2, d[index::MG_BULK]),
            (v2, d[index::MG_PARVALBUMIN_BULK]),
            (v2, d[index::MG_ATP_BULK]),
        ],
    );
    assert_balanced(
        "ATP",
        &[
            (v1, d[index::ATP_TRIAD]),
            (v1, d[index::CA_ATP_TRIAD]),
            (v1, d[index::MG_ATP_TRIAD]),
            (v2, d[index::ATP_BULK]),
            (v2, d[index::CA_ATP_BULK]),
            (v2, d[index::MG_ATP_BULK]),
        ],
    );
}

#[test]
fn phosphate_changes_only_by_power_strokes_and_removal() {
    let fibre = MuscleFibre::published();
    let y = busy_state();
    let d = rates(&fibre, &y);
    let xb = &fibre.config().crossbridges;
    let (v2, vsr2) = (
        fibre.volumes().myoplasm_bulk_um3,
        fibre.volumes().sr_bulk_um3,
    );
    let source = 1e-3
        * (xb.h_o_per_ms * y[index::PRE_STROKE] - xb.h_p_per_ms * y[index::POST_STROKE])
        - xb.phosphate_removal_per_ms * y[index::PHOSPHATE_MYOPLASM];
    assert_balanced(
        "Pi",
        &[
            (v2, d[index::PHOSPHATE_MYOPLASM]),
            (vsr2, d[index::PHOSPHATE_SR]),
            (vsr2, d[index::PRECIPITATE_SR]),
            (-v2, source),
        ],
    );
}

#[test]
fn potassium_and_sodium_are_conserved_across_the_three_compartments() {
    for fibre in [MuscleFibre::published(), corrected()] {
        let d = rates(&fibre, &busy_state());
        let acc = &fibre.config().ion_accumulation;
        let zeta_i = acc.myoplasm_volume_per_area_cm;
        let zeta_t = acc.tubule_volume_fraction * zeta_i;
        let zeta_e = acc.interstitial_volume_per_area_cm;
        for (name, i, t, e) in [
            (
                "K",
                index::K_MYOPLASM,
                index::K_TUBULE,
                index::K_INTERSTITIAL,
            ),
            (
                "Na",
                index::NA_MYOPLASM,
                index::NA_TUBULE,
                index::NA_INTERSTITIAL,
            ),
        ] {
            assert_balanced(name, &[(zeta_i, d[i]), (zeta_t, d[t]), (zeta_e, d[e])]);
        }
    }
}

#[test]
fn corrected_voltage_equations_carry_the_charge_the_concentrations_move() {
    // K⁺ + Na⁺ current in the concentration equations against the non-Cl
    // ionic current in the voltage equations, per membrane. Published: the
    // voltage equations miss I_K,rest + I_Na,rest = −0.27 µA/cm².
    let y = busy_state();
    for (fibre, expected_gap) in [(MuscleFibre::published(), 0.27), (corrected(), 0.0)] {
        let c = fibre.currents(&y);
        let acc = &fibre.config().ion_accumulation;
        let carried_surface = potassium_outward_ua_per_cm2(
            c.i_ir_surface_ua_per_cm2,
            c.i_dr_surface_ua_per_cm2,
            acc.i_k_rest_ua_per_cm2,
            c.i_nak_surface_ua_per_cm2,
        ) + sodium_outward_ua_per_cm2(
            c.i_na_surface_ua_per_cm2,
            acc.i_na_rest_ua_per_cm2,
            c.i_nak_surface_ua_per_cm2,
        );
        let carried_tubule = potassium_outward_ua_per_cm2(
            c.i_ir_tubule_ua_per_cm2,
            c.i_dr_tubule_ua_per_cm2,
            acc.i_k_rest_ua_per_cm2,
            c.i_nak_tubule_ua_per_cm2,
        ) + sodium_outward_ua_per_cm2(
            c.i_na_tubule_ua_per_cm2,
            acc.i_na_rest_ua_per_cm2,
            c.i_nak_tubule_ua_per_cm2,
        );
        let gap_surface =
            (c.ionic_surface_ua_per_cm2() - c.i_cl_surface_ua_per_cm2) - carried_surface;
        let gap_tubule = (c.ionic_tubule_ua_per_cm2() - c.i_cl_tubule_ua_per_cm2) - carried_tubule;
        assert!(
            (gap_surface - expected_gap).abs() < 1e-9,
            "surface gap {gap_surface}"
        );
        assert!(
            (gap_tubule - expected_gap).abs() < 1e-9,
            "tubule gap {gap_tubule}"
        );
    }
}

#[test]
fn published_sarcolemmal_kir_is_outward_only_and_the_correction_lets_it_conduct_inward() {
    let mut y = State::from(PUBLISHED_INITIAL_STATE);
    // Hyperpolarize both membranes below E_K (−81.85 mV).
    y[index::V_SURFACE] = -95.0;
    y[index::V_TUBULE] = -95.0;
    let e_k = nernst_mv(5.9, 150.9, 1.0, MuscleFibre::published().f_over_rt_per_mv);
    assert!(y[index::V_SURFACE] < e_k);
    let published = MuscleFibre::published().currents(&y);
    let fixed = corrected().currents(&y);
    assert_eq!(published.i_ir_surface_ua_per_cm2, 0.0);
    assert!(
        fixed.i_ir_surface_ua_per_cm2 < -1.0,
        "corrected I_IR = {}",
        fixed.i_ir_surface_ua_per_cm2
    );
    // The T-tubule Kir was never gated: same in both, and inward.
    assert_eq!(
        published.i_ir_tubule_ua_per_cm2,
        fixed.i_ir_tubule_ua_per_cm2
    );
    assert!(published.i_ir_tubule_ua_per_cm2 < 0.0);
    // With equal K⁺ on both sides of the access resistance, the corrected surface Kir
    // equals the T-tubule one (η_IR = 1).
    assert!((fixed.i_ir_surface_ua_per_cm2 - fixed.i_ir_tubule_ua_per_cm2).abs() < 1e-12);
}

#[test]
fn corrected_tubule_slow_inactivation_uses_the_sarcolemmal_time_scale() {
    let mut y = State::from(PUBLISHED_INITIAL_STATE);
    y[index::V_TUBULE] = y[index::V_SURFACE];
    y[index::H_K_TUBULE] = 0.5;
    y[index::H_K_SURFACE] = 0.5;
    let published = rates(&MuscleFibre::published(), &y);
    let fixed = rates(&corrected(), &y);
    // Published: T-tubule h_K relaxes 1000× faster than the surface one.
    assert!((published[index::H_K_TUBULE] / published[index::H_K_SURFACE] - 1000.0).abs() < 1e-9);
    assert!((fixed[index::H_K_TUBULE] - fixed[index::H_K_SURFACE]).abs() < 1e-18);
    assert_eq!(published[index::H_K_SURFACE], fixed[index::H_K_SURFACE]);
}

#[test]
fn derivatives_are_finite_at_the_removable_singularities() {
    // 0 mV (GHK terms), V_m = −46 mV (α_m), V_n = −40 mV (α_n).
    for v in [0.0, -46.0, -40.0] {
        let mut y = State::from(PUBLISHED_INITIAL_STATE);
        y[index::V_SURFACE] = v;
        y[index::V_TUBULE] = v;
        let d = rates(&MuscleFibre::published(), &y);
        assert!(d.iter().all(|x| x.is_finite()), "v = {v}");
    }
}

#[test]
fn variant_is_written_in_kebab_case_and_unknown_keys_are_rejected() {
    let config: MuscleFibreConfig =
        serde_json::from_str(r#"{"variant": "corrected", "membrane": {"c_m_uf_per_cm2": 0.9}}"#)
            .unwrap();
    assert_eq!(config.variant, Variant::Corrected);
    assert_eq!(config.membrane.c_m_uf_per_cm2, 0.9);
    assert_eq!(config.membrane.tubule_area_ratio, 4.8);
    assert_eq!(
        serde_json::to_string(&Variant::Published).unwrap(),
        "\"published\""
    );
    assert!(serde_json::from_str::<MuscleFibreConfig>(r#"{"varaint": "corrected"}"#).is_err());
}
