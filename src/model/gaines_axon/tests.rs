use super::*;
use crate::model::ions::Ions;
use crate::physiology::surface_charge::{GrahameParams, SurfaceChargeParams};
use crate::solve::steady_state::{RestSettings, equilibrate};
use crate::solve::{Method, SolverSettings};
use crate::threshold_tracking::{self, Indices, Tracker};

fn stiff() -> SolverSettings {
    SolverSettings {
        method: Method::Rosenbrock,
        ..Default::default()
    }
}

/// Normal human ions at 37 °C (SCIENCE.md §6): K 4.5, Mg 0.5 mM, Ca as given.
fn normal_ions_with_ca(ca_o_mm: f64) -> Conditions {
    let ions = Ions {
        temperature_celsius: Some(37.0),
        k_o_mm: Some(4.5),
        ca_o_mm: Some(ca_o_mm),
        mg_o_mm: Some(0.5),
        ..Default::default()
    };
    Conditions::resolve(
        &ions,
        &SurfaceChargeParams::default(),
        &GrahameParams::default(),
        37.0,
    )
    .unwrap()
}

fn axon_at_ca(ca_o_mm: f64) -> GainesAxon {
    GainesAxon::new(GainesAxonParams::default(), &normal_ions_with_ca(ca_o_mm))
}

fn rest_of<const N: usize, M: Model<N>>(axon: &M) -> State<N> {
    // The periaxonal potentials sit near 0 mV, where the scaled-rate test
    // judges absolute drifts; 1e-5/ms is below a µV per second there.
    let settings = RestSettings {
        max_ms: 20_000.0,
        tolerance_per_ms: 1e-5,
        check_interval_ms: 500.0,
    };
    let (y, report) = equilibrate(axon, &axon.initial_state(), &settings, false, &stiff()).unwrap();
    assert!(report.converged, "{report:?}");
    y
}

#[test]
fn node_to_mysa_coupling_of_a_10_um_fibre_by_hand() {
    // nodeD = 3.2 µm: R = 70 Ω·cm · (0.5 + 1.5) µm·1e-4 / (π (3.2e-4 cm)²/4)
    //   = 0.014/8.04248e-8 = 174 075 Ω; G = 5.74465e-3 mS;
    // node area π·3.2·1 µm² = 1.005310e-7 cm² → 57 142.9 mS/cm².
    let axon = GainesAxon::new(GainesAxonParams::default(), &Conditions::published(37.0));
    assert!((axon.axial[0] - 57_142.9).abs() < 0.1, "{}", axon.axial[0]);
    assert!((axon.node_area_cm2() - 1.005_310e-7).abs() < 1e-12);
}

#[test]
fn reversal_potentials_follow_k_and_na_by_nernst_from_the_published_ones() {
    let published = GainesAxon::new(GainesAxonParams::default(), &Conditions::published(37.0));
    assert_eq!(published.reversal_potentials_mv(), (50.0, -90.0));
    // RT/F at 310.15 K (CellML R, F) = 26.7266 mV; ln 2 · 26.7266 = 18.5254 mV.
    let doubled_k = Conditions {
        k_o_mm: Some(9.0),
        na_o_mm: Some(145.0),
        ..Conditions::published(37.0)
    };
    let (e_na, e_k) =
        GainesAxon::new(GainesAxonParams::default(), &doubled_k).reversal_potentials_mv();
    assert_eq!(e_na, 50.0);
    assert!((e_k + 71.4746).abs() < 1e-3, "{e_k}");
}

#[test]
fn gates_move_by_their_family_s_divalent_shift_and_temperature_scales_rates() {
    let shifted = axon_at_ca(0.7);
    let shifts = normal_ions_with_ca(0.7).gating_shifts();
    let unshifted = GainesAxon::new(GainesAxonParams::default(), &Conditions::published(37.0));
    let v = -75.0;
    let node = shifted.node_rates(v);
    assert_eq!(node[..3], unshifted.node_rates(v - shifts.na_mv)[..3]);
    assert_eq!(node[3..], unshifted.node_rates(v - shifts.k_mv)[3..]);
    // HCN is not shifted; the internodal K gates are.
    assert_eq!(
        shifted.internode_rates(v)[2],
        unshifted.internode_rates(v)[2]
    );
    assert_eq!(
        shifted.internode_rates(v)[1],
        unshifted.internode_rates(v - shifts.k_mv)[1]
    );
    // 27 °C is 10 °C below 37 °C: Kf rates fall by its Q10 of 3.
    let cool = GainesAxon::new(GainesAxonParams::default(), &Conditions::published(27.0));
    let (warm_alpha, _) = unshifted.node_rates(v)[4];
    let (cool_alpha, _) = cool.node_rates(v)[4];
    assert!((warm_alpha / cool_alpha - 3.0).abs() < 1e-12);
}

#[test]
fn the_axon_rests_at_gaines_own_minus_85_94_mv_and_a_1_ms_pulse_above_threshold_fires() {
    let axon = axon_at_ca(1.2);
    let rest = rest_of(&axon);
    // NRV's Gaines motor fibre starts at its rest, v_init = −85.9411 mV
    // (nrv-framework/NRV nrv/nmod/_myelinated.py, __compute_axon_parameters).
    assert!(
        (rest[index::V] + 85.9411).abs() < 0.01,
        "{}",
        rest[index::V]
    );
    let tracker = Tracker::new(&axon, rest, stiff());
    let threshold = tracker.control_threshold(1.0, 100.0).unwrap().unwrap();
    assert!(tracker.fires(&[], 5.0, 1.0, 1.01 * threshold).unwrap());
    assert!(!tracker.fires(&[], 5.0, 1.0, 0.99 * threshold).unwrap());
}

#[test]
fn no_spontaneous_firing_at_normal_ions() {
    // Issue 10: Ca 1.2, Mg 0.5, K 4.5 mM, 37 °C must be quiet for 1 s.
    let axon = axon_at_ca(1.2);
    let rest = rest_of(&axon);
    let impulses =
        threshold_tracking::spontaneous_impulses(&axon, &axon.initial_state(), 1000.0, &stiff())
            .unwrap();
    assert_eq!(impulses, 0);
    assert_eq!(
        threshold_tracking::spontaneous_impulses(&axon, &rest, 1000.0, &stiff()).unwrap(),
        0
    );
}

/// One published normal value of human median motor axons.
struct Norm {
    name: &'static str,
    mean: f64,
    sd: f64,
    value: fn(&Indices) -> f64,
}

/// Normal median motor axons at the wrist (abductor pollicis brevis), TRONDNF
/// protocol: Kiernan, Burke, Andersen & Bostock 2000, Muscle Nerve 23:399,
/// Table 1 (30 healthy subjects). [MEM — UNVERIFIED: the paper's table was not
/// reachable from here (the abstract is, PubMed 10679717); the numbers are
/// the commonly quoted normal values, mean ± SD with SD = SE·√30.]
const KIERNAN_2000: [Norm; 7] = [
    Norm {
        name: "SDTC (ms)",
        mean: 0.42,
        sd: 0.11,
        value: |i| i.strength_duration.time_constant_ms,
    },
    Norm {
        name: "TEd(10–20 ms) (%)",
        mean: 68.8,
        sd: 4.9,
        value: |i| i.ted_10_20_percent,
    },
    Norm {
        name: "TEd(90–100 ms) (%)",
        mean: 45.4,
        sd: 4.4,
        value: |i| i.ted_90_100_percent,
    },
    Norm {
        name: "TEh(90–100 ms) (%)",
        mean: -124.3,
        sd: 14.2,
        value: |i| i.teh_90_100_percent,
    },
    Norm {
        name: "refractoriness at 2 ms (%)",
        mean: 50.0,
        sd: 27.0,
        value: |i| i.refractoriness_2ms_percent,
    },
    Norm {
        name: "superexcitability (%)",
        mean: -25.3,
        sd: 5.5,
        value: |i| i.superexcitability_percent,
    },
    Norm {
        name: "late subexcitability (%)",
        mean: 14.2,
        sd: 3.8,
        value: |i| i.late_subexcitability_percent,
    },
];

/// Every norm within 2 SD, listing model against published.
fn meets_norms(indices: &Indices) {
    let mut failures = Vec::new();
    for norm in &KIERNAN_2000 {
        let model = (norm.value)(indices);
        eprintln!(
            "{:28} published {:8.2} ± {:6.2}  model {model:8.2}",
            norm.name, norm.mean, norm.sd
        );
        if (model - norm.mean).abs() > 2.0 * norm.sd {
            failures.push(norm.name);
        }
    }
    assert!(
        failures.is_empty(),
        "outside 2 SD of Kiernan et al. 2000: {failures:?}"
    );
}

#[test]
#[ignore = "finding (issue 10): the Gaines 2018 port gives SDTC 0.30 ms, TEd(10–20) 40 %, TEd(90–100) 37 %, TEh(90–100) −40 %, refractoriness 14 %, no superexcitability (+8.4 %), late subexcitability 9.8 %, against 0.42 ms, 69 %, 45 %, −124 %, 50 %, −25 %, +14 %; see the module doc"]
fn gaines_axon_meets_the_human_median_motor_norms() {
    let axon = axon_at_ca(1.2);
    let tracker = Tracker::new(&axon, rest_of(&axon), stiff());
    meets_norms(&tracker.indices(100.0).unwrap().unwrap());
}

#[test]
#[ignore = "finding (issue 10): Hennings 2005 gives SDTC 0.23 ms, TEd(10–20) 60 %, TEd(90–100) 62 %, TEh(90–100) −85 %, refractoriness −6 %, superexcitability −17 %, late subexcitability 1 %: TEd without accommodation and no late subexcitability"]
fn hennings_axon_meets_the_human_median_motor_norms() {
    use crate::model::hennings_axon::{HenningsAxon, HenningsAxonParams};
    let shifts = normal_ions_with_ca(1.2).gating_shifts();
    let params = HenningsAxonParams {
        k_o_mm: 4.5,
        ..Default::default()
    };
    let axon = HenningsAxon::new(params, 37.0, shifts.na_mv, shifts.k_mv);
    let tracker = Tracker::new(&axon, rest_of(&axon), SolverSettings::default());
    meets_norms(&tracker.indices(100.0).unwrap().unwrap());
}

#[test]
#[ignore = "finding (issue 10): tetany threshold 0.269 mM ionized Ca (K 4.5, Mg 0.5, 37 °C), far below the clinical < 0.8–0.9 mM (SCIENCE.md §6)"]
fn the_tetany_threshold_lies_in_the_clinical_range() {
    // SCIENCE.md §6 (NHS Tayside pathway): severe hypocalcaemia < 0.8 mM
    // ionized, moderate 0.8–0.9; tetany is expected at about these levels
    // (SCIENCE-EXCITABILITY.md §1.1). Accept 0.6–0.9 mM.
    let rest = rest_of(&axon_at_ca(1.2));
    let threshold =
        threshold_tracking::tetany_threshold_ca_mm(axon_at_ca, &rest, 0.02, 1.2, &stiff())
            .unwrap()
            .unwrap();
    eprintln!("tetany threshold {threshold} mM");
    assert!((0.6..=0.9).contains(&threshold), "{threshold}");
}
