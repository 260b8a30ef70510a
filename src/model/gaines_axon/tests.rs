use super::*;
use crate::solve::SolverSettings;
use crate::threshold_tracking::{self, Indices, TE_DELAYS_MS, Tracker};
use crate::validation::human_axon::{
    self, NORMS, Norm, SUPEREXCITABILITY, TED_EARLY, TED_LATE, TEH_LATE, gaines_at_ca,
    normal_ions_with, normal_ions_with_ca, stiff, within_norm,
};

fn axon_at_ca(ca_o_mm: f64) -> GainesAxon {
    gaines_at_ca(ca_o_mm)
}

fn rest_of<const N: usize, M: Model<N>>(axon: &M) -> State<N> {
    let (y, converged) = human_axon::rest_of(axon).unwrap();
    assert!(converged);
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

/// Every norm within 2 SD, listing model against published.
fn meets_norms(indices: &Indices) {
    let mut failures = Vec::new();
    for norm in &NORMS {
        let model = (norm.value)(indices);
        eprintln!(
            "{:28} published {:8.2} ± {:6.2}  model {model:8.2}",
            norm.name, norm.mean, norm.sd
        );
        if !within_norm(norm, model) {
            failures.push(norm.name);
        }
    }
    assert!(
        failures.is_empty(),
        "outside 2 SD of Kiernan et al. 2000: {failures:?}"
    );
}

/// The Gaines axon at normal ions, from its rest, and its 1 ms control threshold.
fn tracked_at_normal_ions(
    run: impl FnOnce(&Tracker<'_, STATE_COUNT, GainesAxon>, f64) -> f64,
) -> f64 {
    let axon = axon_at_ca(1.2);
    let tracker = Tracker::new(&axon, rest_of(&axon), stiff());
    let control = tracker.control_threshold(1.0, 100.0).unwrap().unwrap();
    run(&tracker, control)
}

/// Mean threshold reduction (%) under ±40 % conditioning at `delays_ms`.
fn electrotonus(fraction: f64, delays_ms: &[f64]) -> f64 {
    tracked_at_normal_ions(|tracker, control| {
        let values = tracker
            .threshold_electrotonus(control, fraction, delays_ms)
            .unwrap();
        values.iter().map(|(_, v)| v.unwrap()).sum::<f64>() / values.len() as f64
    })
}

fn assert_meets(norm: &Norm, model: f64) {
    eprintln!(
        "{}: published {} ± {}, model {model:.2}",
        norm.name, norm.mean, norm.sd
    );
    assert!(within_norm(norm, model), "{}: {model}", norm.name);
}

#[test]
#[ignore = "finding (issue 10): TEd(10–20 ms) 40.1 %, published 68.8 ± 4.9 % (Kiernan et al. 2000): the threshold follows the +40 % conditioning current and no more (no slow internodal phase); not temperature (32 °C: 41.5 %), internode length (16 µm fibre: 39.6 %) or internodal leak (× 0.1: 41.1 %); see the module doc"]
fn gaines_ted_10_20_meets_the_human_norm() {
    assert_meets(&TED_EARLY, electrotonus(0.4, &TE_DELAYS_MS[..3]));
}

#[test]
#[ignore = "finding (issue 10): TEd(90–100 ms) 36.5 %, published 45.4 ± 4.4 % (Kiernan et al. 2000), just outside 2 SD; 32 °C 37.1 %, 16 µm fibre 36.2 %, internodal leak × 0.1 33.1 %; see the module doc"]
fn gaines_ted_90_100_meets_the_human_norm() {
    assert_meets(&TED_LATE, electrotonus(0.4, &TE_DELAYS_MS[3..]));
}

#[test]
#[ignore = "finding (issue 10): TEh(90–100 ms) −40.4 %, published −124.3 ± 14.2 % (Kiernan et al. 2000): threshold rises by the conditioning fraction only (32 °C −40.9 %, 16 µm fibre −40.0 %, internodal leak × 0.1 −40.8 %): the internode is not polarized beyond what the 1 ms test sees; see the module doc"]
fn gaines_teh_90_100_meets_the_human_norm() {
    assert_meets(&TEH_LATE, electrotonus(-0.4, &TE_DELAYS_MS[3..]));
}

#[test]
#[ignore = "finding (issue 10): no superexcitability (+8.4 % at its least; 32 °C +8.2, 16 µm fibre +8.8, internodal leak × 0.1 +9.7), published −25.3 ± 5.5 % (Kiernan et al. 2000); see the module doc"]
fn gaines_superexcitability_meets_the_human_norm() {
    let least = tracked_at_normal_ions(|tracker, control| {
        tracker
            .recovery_cycle(control, &threshold_tracking::RECOVERY_INTERVALS_MS[1..11])
            .unwrap()
            .iter()
            .map(|(_, v)| v.unwrap())
            .fold(f64::INFINITY, f64::min)
    });
    assert_meets(&SUPEREXCITABILITY, least);
}

#[test]
fn the_validate_rows_meet_their_norms() {
    // `endplate validate` V16: SDTC 0.30 ms (0.42 ± 0.11), refractoriness
    // at 2 ms 14.2 % (50 ± 27), late subexcitability 9.8 % (14.2 ± 3.8).
    for target in human_axon::targets().unwrap() {
        eprintln!("{target:?}");
        assert!(target.passed(), "{target:?}");
    }
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

/// Impulses in 1 s without stimulus of the axon in `conditions`, from its
/// rest at normal ions (the ions change, the axon was at rest).
fn spontaneous_in(conditions: &Conditions) -> usize {
    let rest = rest_of(&axon_at_ca(1.2));
    let axon = GainesAxon::new(GainesAxonParams::default(), conditions);
    threshold_tracking::spontaneous_impulses(&axon, &rest, 1000.0, &stiff()).unwrap()
}

#[test]
fn the_sodium_shift_makes_the_axon_fire_and_the_potassium_shift_alone_does_not() {
    // Issue 10 point 3, each part of the divalent law on its own at ionized
    // Ca 0.2 mM (empirical law: Na⁺ gates −10.2 mV, K⁺ gates −4.3 mV).
    // Measured: both shifts 1 impulse, Na⁺ shift alone 1, K⁺ shift alone 0;
    // at 0.3 mM none fires. The Na⁺ shift (Hille et al. 1975) carries the
    // tetany threshold; the K⁺ shift (Costantin 1968 slope) alone leaves the
    // axon quiet and, with the Na⁺ shift, does not move the threshold at
    // this resolution (both fire down from 0.26–0.27 mM).
    let full = normal_ions_with_ca(0.2);
    let mut na_only = full;
    na_only.divalents.as_mut().unwrap().shifts.k_mv = 0.0;
    let mut k_only = full;
    k_only.divalents.as_mut().unwrap().shifts.na_mv = 0.0;
    assert!(spontaneous_in(&full) > 0);
    assert!(spontaneous_in(&na_only) > 0);
    assert_eq!(spontaneous_in(&k_only), 0);
}

#[test]
fn hyperventilation_raises_the_calcium_at_which_the_axon_fires() {
    // Alkalosis lowers ionized Ca (SCIENCE.md §6: −0.05 mM per +0.1 pH), so
    // at pH 7.6 the axon fires at a (pH 7.4) Ca where it is quiet at 7.4:
    // measured quiet at 0.28 mM at pH 7.4 (fires ≤ 0.26), fires at pH 7.6
    // (ionized 0.257 mM). "Alkalosis lowers the threshold for tetany"
    // (Harrison's, SCIENCE-EXCITABILITY.md §1.1).
    assert_eq!(spontaneous_in(&normal_ions_with(0.28, 0.5, Some(7.4))), 0);
    assert!(spontaneous_in(&normal_ions_with(0.28, 0.5, Some(7.6))) > 0);
}

#[test]
fn a_fall_of_magnesium_lowers_the_threshold_less_than_the_same_fall_of_calcium() {
    // Mg²⁺ screens less than Ca²⁺ (Hille et al. 1975 potency order, SCIENCE.md
    // §4.1). 1 ms threshold measured: 1026.6 µA/cm² at Ca 1.2/Mg 0.5,
    // 753.5 (−27 %) at Ca 0.8, 900.0 (−12 %) at Mg 0.1.
    let threshold = |c: &Conditions| {
        let axon = GainesAxon::new(GainesAxonParams::default(), c);
        let tracker = Tracker::new(&axon, rest_of(&axon), stiff());
        tracker.control_threshold(1.0, 100.0).unwrap().unwrap()
    };
    let normal = threshold(&normal_ions_with(1.2, 0.5, None));
    let low_ca = threshold(&normal_ions_with(0.8, 0.5, None));
    let low_mg = threshold(&normal_ions_with(1.2, 0.1, None));
    assert!(
        low_ca < low_mg && low_mg < normal,
        "{normal} {low_ca} {low_mg}"
    );
}

/// The axon at normal ions with the pump `block`ed and the ions free.
fn ischaemic(block: f64) -> GainesAxon {
    GainesAxon::new(
        GainesAxonParams {
            pump_block_fraction: block,
            ion_accumulation: true,
            ..Default::default()
        },
        &normal_ions_with_ca(1.2),
    )
}

/// `axon` from `start` for `ms` without stimulus: its final state and the
/// impulses it fired.
fn run_quietly(
    axon: &GainesAxon,
    start: &State<STATE_COUNT>,
    ms: f64,
) -> (State<STATE_COUNT>, usize) {
    let mut detector =
        crate::analysis::spikes::SpikeDetector::new(0, threshold_tracking::SPIKE_LEVEL_MV);
    let outcome = crate::solve::simulate(
        axon,
        start,
        &crate::protocol::Protocol::default(),
        ms,
        &stiff(),
        &mut detector,
    )
    .unwrap();
    (outcome.final_state, detector.times_ms.len())
}

fn threshold_1ms(axon: &GainesAxon, state: &State<STATE_COUNT>) -> f64 {
    Tracker::new(axon, *state, stiff())
        .control_threshold(1.0, 100.0)
        .unwrap()
        .unwrap()
}

/// 60 s of full pump block, then 10 s with the pump back: (control,
/// ischaemic and post-ischaemic 1 ms thresholds, impulses during, after).
/// (A cuff is kept on for 10–30 min; the axoplasmic Na⁺ that the released
/// pump works off grows about linearly with the block's duration, so a
/// minute shows the direction in seconds of computing.)
fn ischaemia_and_release() -> ([f64; 3], usize, usize) {
    let (normal, blocked) = (ischaemic(0.0), ischaemic(1.0));
    let rest = normal.rest_state();
    let (during, fired_during) = run_quietly(&blocked, &rest, 60_000.0);
    let (after, fired_after) = run_quietly(&normal, &during, 10_000.0);
    (
        [
            threshold_1ms(&normal, &rest),
            threshold_1ms(&blocked, &during),
            threshold_1ms(&normal, &after),
        ],
        fired_during,
        fired_after,
    )
}

#[test]
fn at_rest_the_pump_balances_the_sodium_influx_and_the_periaxonal_space_is_steady() {
    let axon = ischaemic(0.0);
    let rest = axon.rest_state();
    assert!(
        (rest[index::V] + 85.9411).abs() < 0.01,
        "{}",
        rest[index::V]
    );
    let mut dydt = State::zeros();
    axon.derivatives(0.0, &rest, 0.0, &mut dydt);
    assert!(dydt[index::NA_I].abs() < 1e-15, "{}", dydt[index::NA_I]);
    assert!(dydt[index::K_P].abs() < 1e-15, "{}", dydt[index::K_P]);
    // Na⁺ at rest from E_Na = +50 mV at Na_o 145 mM (37 °C): 22.33 mM.
    assert!((rest[index::NA_I] - 22.33).abs() < 0.01);
    // The pump's resting rate is a third of the Na⁺ influx (3 Na⁺ per charge).
    assert!(axon.ions.pump_rest.iter().all(|&i| i > 0.0));
}

#[test]
fn ischaemia_lowers_the_threshold_and_release_raises_it_above_control() {
    // Bostock, Baker & Reid 1991 (J Physiol 441:537); Han et al. 2008
    // (abstract: "during ischaemia there was reduction in threshold");
    // Kiernan et al. 2004 (J Physiol 558:341, abstract): pump activity
    // after Na⁺ loading hyperpolarizes human motor axons and raises their
    // threshold. Measured (1 ms threshold, control 1026.6 µA/cm²): 810.2
    // (−21.1 %) after 60 s of block, 1092.2 (+6.4 %) 10 s after release.
    // Other durations: −23 % after 10 s (periaxonal K⁺ 7.8 mM, Na⁺_i 23.1
    // mM); +1.1 % 10 s after a 10 s block, +11.7 % after a 120 s block
    // (Na⁺_i 31.5 mM, periaxonal K⁺ 3.7 mM).
    let ([control, during, after], _, _) = ischaemia_and_release();
    eprintln!("control {control} ischaemia {during} after {after}");
    assert!(during < 0.85 * control, "{during} vs {control}");
    assert!(after > 1.03 * control, "{after} vs {control}");
}

#[test]
#[ignore = "finding (issue 10): no ectopic impulse during 60 s of full pump block or 10 s after release (nor in 120 s each, measured), where Bostock, Baker & Reid 1991 report post-ischaemic fasciculation"]
fn post_ischaemic_ectopic_firing_emerges() {
    let (_, during, after) = ischaemia_and_release();
    eprintln!("impulses during {during}, after {after}");
    assert!(after > 0);
}

/// Impulses in `ms` without stimulus of the axon with `params` at ionized
/// Ca `ca_o_mm`, from the rest of the published axon at normal ions (the
/// change happens, the axon was at rest).
fn fired_after_change(params: GainesAxonParams, ca_o_mm: f64, ms: f64) -> usize {
    let rest = axon_at_ca(1.2).rest_state();
    run_quietly(
        &GainesAxon::new(params, &normal_ions_with_ca(ca_o_mm)),
        &rest,
        ms,
    )
    .1
}

#[test]
#[ignore = "finding (issue 10): Trousseau's sign (carpal spasm in ~3 min of cuff ischaemia in hypocalcaemia, SCIENCE-EXCITABILITY.md §1.1) does not emerge: at ionized Ca 0.7 mM, 30 s of full pump block gives no impulse (node −82.4 mV, periaxonal K⁺ 7.4 mM, threshold 581 µA/cm²)"]
fn ischaemia_at_low_calcium_fires_the_axon() {
    let params = GainesAxonParams {
        pump_block_fraction: 1.0,
        ion_accumulation: true,
        ..Default::default()
    };
    assert!(fired_after_change(params, 0.7, 30_000.0) > 0);
}

#[test]
#[ignore = "finding (issue 10): a demyelinated axon does not fire on its own: with 1/3 or 1/10 of the MRG myelin lamellae (myelin capacitance and conductance × 3, × 10) the rest moves by < 1 mV, the 1 ms threshold rises to 1407 and 2908 µA/cm² (control 1027) and no impulse comes in 2 s; doubling nodal Nap and halving nodal Ks (the direction Kanai et al. 2006 report in ALS fasciculation, [mem]) gives 1013 µA/cm² and none either. The reduction puts every node in phase, so a focal demyelinated segment next to normal ones (where ectopic impulses are thought to start) cannot be represented"]
fn a_demyelinated_axon_fires_ectopically() {
    let thin_myelin = GainesAxonParams {
        myelin_capacitance_uf_per_cm2: 1.0,
        myelin_conductance_ms_per_cm2: 10.0,
        ..Default::default()
    };
    assert!(fired_after_change(thin_myelin, 1.2, 2000.0) > 0);
}
