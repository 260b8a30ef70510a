//! Excitation–contraction metrics of `muscle-fibre` (Shorten et al. 2007)
//! through the library: a scenario template, `--set` style overrides and
//! `simulation::execute`, as a sweep would run them.
//!
//! The fibre starts from rest at its published concentrations (the
//! published initial state drifts: SCIENCE.md §2.1) and is stimulated with
//! the CellML's pulse, 150 µA/cm² for 0.5 ms, from 10 ms. The assertions
//! are physiological directions (a pulse raises Ca²⁺ and force, pulses at
//! 100 Hz summate), with the measured numbers in comments; none was tuned.

use std::path::Path;

use crate::arguments;
use endplate::analysis::MuscleMetrics;
use endplate::scenario::Template;
use endplate::simulation::{self, NoTrace, RunMetrics};

/// One pulse at 10 ms by default; `stimulus.trains[0].count` makes a 100 Hz train.
const FIBRE: &str = r#"
name = "muscle-metrics"
model = "muscle-fibre"

[simulation]
duration_ms = 200.0
output_dt_ms = 0.025

[solver]
method = "rosenbrock"

[rest]
equilibrate = true

[[stimulus.trains]]
start_ms = 10.0
count = 1
interval_ms = 10.0
width_ms = 0.5
amplitude_ua_per_cm2 = 150.0
"#;

fn run(overrides: &[&str]) -> RunMetrics {
    let template = Template::parse(Path::new("muscle_metrics.toml"), FIBRE).unwrap();
    let run = template
        .build_with_arguments(&arguments(overrides))
        .unwrap();
    simulation::execute(&run, &mut NoTrace).unwrap().metrics
}

fn muscle(metrics: &RunMetrics) -> &MuscleMetrics {
    metrics
        .muscle
        .as_ref()
        .expect("muscle-fibre runs report muscle metrics")
}

/// Measured (rosenbrock, output every 0.025 ms): Ca²⁺ 0.315 → 4.93 µM;
/// force peak 0.244 µM above an A_2 of 0.069 µM (0.17 % of T_tot = 140 µM);
/// time to peak 16.25 ms; half-relaxation 23.8 ms; force above 10 % of its
/// peak for 112.9 ms after the pulse; T-tubule K⁺ 5.93 → 6.34 mM.
#[test]
fn a_twitch_raises_calcium_and_force_and_relaxes() {
    let metrics = run(&[]);
    let m = muscle(&metrics);
    assert!(m.ca_peak_um > m.ca_pre_stimulus_um, "{m:?}");
    assert!(m.force_peak_um > 0.0, "{m:?}");
    let normalized = m.force_peak_normalized.unwrap();
    assert!(normalized > 0.0 && normalized < 1.0, "{m:?}");
    let to_peak = m.time_to_peak_ms.expect("the twitch peaks within the run");
    assert!(to_peak > 0.0, "{m:?}");
    let half = m
        .half_relaxation_ms
        .expect("the twitch relaxes to half within the run");
    assert!(half > 0.0, "{m:?}");
    assert!(!m.sustained_until_end, "{m:?}");
    assert_eq!(m.after_discharge_count, 0);
    assert_eq!(m.force_ripple, None, "one pulse is no train");
    assert!(m.tubule_k_peak_mm > m.tubule_k_pre_stimulus_mm, "{m:?}");

    // One stimulus, and its window holds the whole run's peaks.
    assert_eq!(m.per_stimulus.len(), 1);
    let response = m.per_stimulus[0];
    assert_eq!(response.onset_ms, 10.0);
    assert_eq!(response.ca_peak_um, Some(m.ca_peak_um));
    assert_eq!(response.force_peak_um, Some(m.force_peak_um));
    // The same sampled AP as the membrane analysis's first spike.
    let spike = metrics.membrane.first_spike.unwrap();
    assert_eq!(response.ap_peak_mv, Some(spike.peak_mv));
}

/// Measured: twelve pulses at 100 Hz (10 … 120.5 ms) reach 1.78 µM of
/// force, 7.3× the twitch's 0.244 µM; per-pulse force peaks climb 0.18,
/// 0.39, 0.57 … 1.78 µM; every pulse fires an AP (peaks 41.7, 31.1 …
/// 21.1 mV); T-tubule K⁺ reaches 9.31 mM. The ripple over the last 100 ms,
/// 0.885, is mostly the tetanus still rising (its plateau comes after
/// ~300 ms in this model), so it is only checked to be reported.
#[test]
fn a_100_hz_train_summates_to_more_force_than_a_twitch() {
    let twitch = run(&[]);
    let train = run(&["stimulus.trains[0].count=12"]);
    let (twitch, train_m) = (muscle(&twitch), muscle(&train));
    // Summation is the claim; a 2× margin keeps a marginal difference from passing.
    assert!(
        train_m.force_peak_um > 2.0 * twitch.force_peak_um,
        "train {} µM vs twitch {} µM",
        train_m.force_peak_um,
        twitch.force_peak_um
    );
    assert_eq!(train_m.per_stimulus.len(), 12);
    for pair in train_m.per_stimulus.windows(2) {
        assert!(
            pair[1].force_peak_um > pair[0].force_peak_um,
            "force does not summate: {pair:?}"
        );
    }
    let threshold = train.membrane.spike_threshold_mv;
    assert!(
        train_m
            .per_stimulus
            .iter()
            .all(|r| r.ap_peak_mv.unwrap() > threshold),
        "a pulse failed to fire: {:?}",
        train_m.per_stimulus
    );
    assert!(train_m.force_ripple.is_some());
    assert!(train_m.tubule_k_peak_mm > twitch.tubule_k_peak_mm);
}

#[test]
fn other_models_report_no_muscle_metrics() {
    let template = Template::parse(
        Path::new("hh.toml"),
        "model = \"hh1952\"\n[simulation]\nduration_ms = 5.0\n",
    )
    .unwrap();
    let run = template.build_with_arguments(&[]).unwrap();
    let metrics = simulation::execute(&run, &mut NoTrace).unwrap().metrics;
    assert_eq!(metrics.muscle, None);
    let json = serde_json::to_value(&metrics).unwrap();
    assert!(json.get("muscle").is_none(), "{json}");
}
