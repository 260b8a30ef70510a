//! The motoneuron at the head of the motor unit (issue 12): off by
//! default, its spikes drive the axon, and the cramp threshold frequency
//! against the published human range.

use std::path::Path;

use crate::{arguments, endplate, stderr_of};
use endplate::analysis::muscle::MuscleMetrics;
use endplate::cramp_threshold::{self, PUBLISHED_RANGE_HZ};
use endplate::model::motor_unit::MotorUnit;
use endplate::scenario::{self, Template};
use endplate::simulation::{self, NoTrace};

fn unit_of(run: &scenario::Run) -> &MotorUnit {
    run.model.as_any().downcast_ref::<MotorUnit>().unwrap()
}

/// An Ia EPSP of 20 mV per volley: the size at which the 5-HT cell shows a cramp.
const IA_20: &str = "parameters.motoneuron.nerve.afferent_epsp_mv=20";

/// `scenarios/exercise-associated-cramp.toml` with `overrides`.
fn cramp_scenario(overrides: &[&str]) -> scenario::Run {
    scenario::load(
        Path::new("scenarios/exercise-associated-cramp.toml"),
        &arguments(overrides),
    )
    .unwrap()
}

/// The muscle metrics of [`cramp_scenario`] run in full.
fn cramp_muscle(overrides: &[&str]) -> MuscleMetrics {
    simulation::execute(&cramp_scenario(overrides), &mut NoTrace)
        .unwrap()
        .metrics
        .muscle
        .unwrap()
}

#[test]
fn a_motor_unit_has_no_motoneuron_unless_its_scenario_names_one() {
    let plain = scenario::load(Path::new("scenarios/motor-unit.toml"), &[]).unwrap();
    assert!(unit_of(&plain).motoneuron.is_none());
    let cramp = scenario::load(Path::new("scenarios/exercise-associated-cramp.toml"), &[]).unwrap();
    let stage = unit_of(&cramp).motoneuron.as_ref().unwrap();
    assert_eq!(stage.cell.config.motoneuron.k_ca_gain, 0.627);
    assert_eq!(stage.nerve.afferent_epsp_mv, 8.0);
}

#[test]
fn motoneuron_keys_without_a_motoneuron_are_a_located_error() {
    let output = endplate()
        .args([
            "check",
            "scenarios/motor-unit.toml",
            "--set",
            "parameters.motoneuron.pic_gain=2",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("parameters.motoneuron.pic_gain"),
        "{stderr}"
    );
    assert!(stderr.contains("booth-rinzel-kiehn"), "{stderr}");
}

#[test]
fn descending_drive_fires_the_motoneuron_and_every_spike_reaches_the_fibre() {
    // No nerve stimulation: a dendritic excitatory conductance of 0.1
    // mS/cm² (descending drive) fires the BRK cell at ≈ 32 Hz (src/model/
    // motoneuron/tests.rs); each forwarded spike becomes one axon impulse
    // and one muscle action potential.
    let template = Template::load(Path::new("scenarios/nocturnal-cramp.toml")).unwrap();
    let run = template
        .build_with_arguments(&arguments(&[
            "parameters.motoneuron.dendrite_excitatory_ms_per_cm2=0.1",
            "simulation.duration_ms=400",
            "stimulus.trains[0].start_ms=1000",
        ]))
        .unwrap();
    let metrics = simulation::execute(&run, &mut NoTrace).unwrap().metrics;
    let junction = metrics.junction.unwrap();
    println!("axon spikes {:?}", junction.axon_spike_times_ms);
    assert!(
        (8..=16).contains(&junction.axon_spike_count),
        "{}",
        junction.axon_spike_count
    );
    assert_eq!(metrics.membrane.spike_count, junction.axon_spike_count);
}

#[test]
fn each_nerve_volley_invades_the_soma_once_and_the_bursts_leave_no_firing() {
    // Antidromic invasion (Coombs, Eccles & Fatt 1955): one soma spike per
    // volley at every burst frequency of the search, none forwarded after.
    let run = scenario::load(Path::new("scenarios/exercise-associated-cramp.toml"), &[]).unwrap();
    let search = cramp_threshold::measure(&run).unwrap();
    assert_eq!(search.spontaneous_spikes, 0);
    for burst in &search.bursts {
        assert_eq!(
            burst.soma_spikes_during as f64, burst.frequency_hz,
            "{burst:?}"
        );
        assert!(!burst.keeps_firing, "{burst:?}");
    }
}

#[test]
#[ignore = "finding: no cramp threshold up to 44 Hz with the scenario's Ia EPSP of 8 mV (the motoneuron stops with the last volley at every frequency, or fires before any stimulation once pic_gain ≥ 1.05 with 5-HT; a threshold appears only with Ia ≥ 16 mV: 42 Hz at 16, 34 at 20, 26 at 25 mV); published 14.9–32.9 Hz (Miller & Knight 2009; Stone et al. 2003)"]
fn the_cramp_threshold_frequency_lies_in_the_published_human_range() {
    let run = scenario::load(Path::new("scenarios/exercise-associated-cramp.toml"), &[]).unwrap();
    let search = cramp_threshold::measure(&run).unwrap();
    let threshold = search.threshold_hz.expect("a threshold up to 44 Hz");
    let (low, high) = PUBLISHED_RANGE_HZ;
    assert!((low..=high).contains(&threshold), "{threshold} Hz");
}

#[test]
fn ib_inhibition_silences_the_firing_a_larger_pic_sustains() {
    // With ḡ_CaL × 1.1 and 5-HT the BRK cell fires on its own (≈ 80 Hz, the
    // dendrite on its plateau); Golgi tendon organ (Ib) inhibition, how
    // stretching relieves a cramp (Minetto et al. 2013), switches it off.
    // Measured: 39 → 0 forwarded spikes in 500 ms with 0.1 mS/cm².
    let rate = |ib: &str| {
        let run = cramp_scenario(&[
            "parameters.motoneuron.pic_gain=1.1",
            &format!("parameters.motoneuron.dendrite_inhibitory_ms_per_cm2={ib}"),
        ]);
        let stage = unit_of(&run).motoneuron.clone().unwrap();
        let settings = endplate::solve::SolverSettings::default();
        let quiet = endplate::protocol::Protocol::default();
        stage
            .spikes(&quiet, 500.0, &settings)
            .unwrap()
            .forwarded_ms
            .len()
    };
    let (free, inhibited) = (rate("0"), rate("0.1"));
    println!("forwarded spikes in 500 ms: {free} without Ib, {inhibited} with 0.1 mS/cm²");
    assert!(free >= 25, "{free}");
    assert_eq!(inhibited, 0);
}

#[test]
fn the_input_keys_reach_the_motoneuron() {
    let run = cramp_scenario(&[
        "parameters.motoneuron.inputs.ramp_peak_ua_per_cm2=12",
        "parameters.motoneuron.inputs.ramp_rise_ms=2400",
        "parameters.motoneuron.inputs.inhibitory_pulse_ua_per_cm2=10",
    ]);
    let inputs = unit_of(&run)
        .motoneuron
        .as_ref()
        .unwrap()
        .cell
        .config
        .inputs;
    assert_eq!(inputs.ramp_peak_ua_per_cm2, 12.0);
    assert_eq!(inputs.ramp_rise_ms, 2400.0);
    assert_eq!(inputs.inhibitory_pulse_ua_per_cm2, 10.0);
}

#[test]
fn a_motoneuron_firing_before_the_burst_does_not_move_the_zero_of_force() {
    // With ḡ_CaL × 1.1 the cell fires on its own from the start, so the
    // fibre is mid-contraction when the burst begins (500 ms). Force is
    // measured from the rested fibre, as for the published cell, which
    // is silent before the burst: the same zero, and a positive force.
    let muscle = |pic: &str| {
        cramp_muscle(&[
            &format!("parameters.motoneuron.pic_gain={pic}"),
            "simulation.duration_ms=600",
        ])
    };
    let (published, self_firing) = (muscle("1"), muscle("1.1"));
    println!(
        "zero of force {} and {} µM; peaks {} and {} µM",
        published.force_baseline_um,
        self_firing.force_baseline_um,
        published.force_peak_um,
        self_firing.force_peak_um
    );
    assert_eq!(published.force_baseline_um, self_firing.force_baseline_um);
    assert!(self_firing.force_peak_um > published.force_peak_um);
}

#[test]
fn an_ib_pulse_after_the_burst_ends_the_cramp_that_persists_without_it() {
    // With an Ia EPSP of 20 mV, a 1 s burst at 40 Hz (500–1475 ms) leaves
    // the 5-HT cell firing and the fibre contracting (a cramp); a 400 ms
    // dendritic Ib conductance of 0.1 mS/cm² from 2000 ms, stretch through
    // the Golgi tendon organs (Minetto et al. 2013, Exerc Sport Sci Rev
    // 41:3), ends both, and the cell stays off after it. Measured: without
    // the pulse the force stays above 10 % of its peak to the end (3000 ms);
    // with it the last after-discharge is ≈ 580 ms and the force falls
    // below 10 % ≈ 635 ms after the burst.
    let muscle = |ib: &str| {
        cramp_muscle(&[
            IA_20,
            "stimulus.trains[0].frequency_hz=40",
            "stimulus.trains[0].count=40",
            "simulation.duration_ms=3000",
            &format!("parameters.motoneuron.inputs.ib_pulse_ms_per_cm2={ib}"),
            "parameters.motoneuron.inputs.ib_pulse_onset_ms=2000",
            "parameters.motoneuron.inputs.ib_pulse_duration_ms=400",
        ])
    };
    let (cramp, relieved) = (muscle("0"), muscle("0.1"));
    println!(
        "without Ib: sustained {:?} ms (to the end: {}); with Ib: after-discharges {:?} ms, sustained {:?} ms",
        cramp.sustained_contraction_ms,
        cramp.sustained_until_end,
        relieved.after_discharge_duration_ms,
        relieved.sustained_contraction_ms
    );
    // The burst ends at 1475.1 ms; the pulse starts 525 ms later.
    assert!(cramp.sustained_until_end);
    assert!(!relieved.sustained_until_end);
    let stopped = relieved.sustained_contraction_ms.unwrap();
    assert!(stopped > 525.0 && stopped < 1000.0, "{stopped}");
    let last_spike = relieved.after_discharge_duration_ms.unwrap();
    assert!(last_spike > 500.0 && last_spike < 700.0, "{last_spike}");
}

/// Whether the motoneuron of `exercise-associated-cramp.toml` with
/// `overrides` keeps firing after a `cramp-threshold` burst at
/// `frequency_hz` (≥ `KEEPS_FIRING_HZ` in the second half of the second
/// after it): the motoneuron half of the threshold criterion, which is the
/// half that decides it (the force test follows the firing).
fn keeps_firing_after(overrides: &[&str], frequency_hz: f64) -> bool {
    use cramp_threshold::{AFTER_MS, BURST_MS, BURST_START_MS, KEEPS_FIRING_HZ};
    let run = cramp_scenario(overrides);
    let stage = unit_of(&run).motoneuron.clone().unwrap();
    let end_ms = BURST_START_MS + BURST_MS + AFTER_MS;
    let from_ms = end_ms - AFTER_MS / 2.0;
    let spikes = stage
        .spikes(
            &cramp_threshold::burst(&run.protocol, frequency_hz),
            end_ms,
            &endplate::solve::SolverSettings::default(),
        )
        .unwrap();
    let late = spikes
        .forwarded_ms
        .iter()
        .filter(|&&t| t >= from_ms)
        .count();
    late as f64 / (AFTER_MS / 2000.0) >= KEEPS_FIRING_HZ
}

#[test]
fn the_cramp_threshold_falls_with_ia_facilitation_and_pic_gain_and_ib_removes_it() {
    // The README's Ia 20 mV rows (endplate cramp-threshold, 5-HT): the
    // threshold is 34 Hz at Ia 20 mV, 26 Hz at 25 mV, 20 Hz with PIC gain
    // 1.03, none up to 44 Hz with Ib 0.05 mS/cm². Bracketed here by single
    // bursts. Published directions: facilitated Ia input and monoaminergic
    // PIC gain favour self-sustained firing (Heckman et al. 2003, TINS
    // 26:688; a prior cramp lowers the threshold 18 → 14 Hz, Muscle Nerve
    // 56:E95, 2017) and tendon-organ (Ib) input stops cramps (Khan & Burne
    // 2007): the model agrees.
    assert!(!keeps_firing_after(&[IA_20], 32.0), "Ia 20 mV, 32 Hz");
    assert!(keeps_firing_after(&[IA_20], 34.0), "Ia 20 mV, 34 Hz");
    let ia_25 = "parameters.motoneuron.nerve.afferent_epsp_mv=25";
    assert!(keeps_firing_after(&[ia_25], 32.0), "Ia 25 mV, 32 Hz");
    let pic = "parameters.motoneuron.pic_gain=1.03";
    assert!(!keeps_firing_after(&[IA_20], 24.0), "Ia 20 mV, 24 Hz");
    assert!(keeps_firing_after(&[IA_20, pic], 24.0), "PIC × 1.03, 24 Hz");
    let ib = "parameters.motoneuron.dendrite_inhibitory_ms_per_cm2=0.05";
    assert!(keeps_firing_after(&[IA_20], 44.0), "Ia 20 mV, 44 Hz");
    assert!(!keeps_firing_after(&[IA_20, ib], 44.0), "Ib 0.05, 44 Hz");
}

#[test]
#[ignore = "finding: the model's fatigue (Ia facilitation) lowers the cramp threshold (34 Hz at Ia 20 mV, 26 Hz at 25 mV: a 32 Hz burst then sustains firing); published: local fatigue raises it, 20.0 → 32.9 Hz (Stone et al. 2003)"]
fn fatigue_raises_the_cramp_threshold() {
    // Stone et al. 2003 (threshold frequency of an electrically induced
    // cramp increases following a repeated, localized fatiguing exercise):
    // 20.0 Hz before, 32.9 Hz after. The scenario models fatigue as Ia
    // facilitation (and Ib withdrawal, Schwellnus 2009); more of it should,
    // by the published direction, leave a burst just below the rested
    // threshold (32 Hz at Ia 20 mV) below it still.
    let more_fatigue = "parameters.motoneuron.nerve.afferent_epsp_mv=25";
    assert!(!keeps_firing_after(&[IA_20], 32.0));
    assert!(!keeps_firing_after(&[more_fatigue], 32.0));
}
