//! The motor unit with the Cannon-lab fibre (`fibre_model = "cannon"`,
//! issue 11): transmission, a twitch with force, and paralysis in
//! hypokalaemia where the Shorten fibre still fires.

use std::path::Path;

use crate::arguments;
use endplate::scenario::Template;
use endplate::simulation::{self, NoTrace, RunMetrics};

fn run(scenario: &str, overrides: &[&str]) -> RunMetrics {
    let template = Template::load(Path::new(scenario)).unwrap();
    let run = template
        .build_with_arguments(&arguments(overrides))
        .unwrap();
    simulation::execute(&run, &mut NoTrace).unwrap().metrics
}

/// The rest where every ion flux has settled (the Cannon lab's own initial
/// state, `Simulated Muscle Fiber.pdf` p. 8), with NKCC1 at the file's
/// baseline J0 2 pmol/(cm²·s) (C57).
const SETTLED: [&str; 5] = [
    "rest.hold_ion_concentrations=false",
    "rest.max_ms=3.6e7",
    "rest.tolerance_per_ms=1e-8",
    "rest.check_interval_ms=2000",
    "parameters.cannon.nkcc.j0_pmol_per_cm2_per_s=2",
];

#[test]
fn the_cannon_fibre_fires_a_muscle_action_potential_and_twitches() {
    let metrics = run("scenarios/cannon-motor-unit.toml", &[]);
    let junction = metrics.junction.unwrap();
    assert_eq!(junction.axon_spike_count, 1);
    assert_eq!(metrics.membrane.spike_count, 1);
    // A mammalian fibre's action potential overshoots 0 mV (Cannon et al.
    // 1993 Fig. 2: about +20 to +40 mV); the nerve-to-muscle latency is the
    // synaptic delay plus the EPP rise, 0.5–3 ms (as for the Shorten fibre).
    let first = metrics.membrane.first_spike.unwrap();
    assert!(first.peak_mv > 0.0, "peak {} mV", first.peak_mv);
    let latency = metrics.membrane.spike_times_ms[0] - junction.axon_spike_times_ms[0];
    assert!((0.5..3.0).contains(&latency), "latency {latency} ms");
    // The T-tubule potential releases Ca²⁺ and makes force: a twitch that
    // peaks and relaxes (the Shorten fibre's: Ca 3.8 µM, A₂ rise 0.14 µM,
    // time to peak 15 ms at 37 °C).
    let muscle = metrics.muscle.unwrap();
    assert!(muscle.ca_peak_um > 1.0, "Ca peak {} µM", muscle.ca_peak_um);
    assert!(
        muscle.force_peak_um > 0.05,
        "force {} µM",
        muscle.force_peak_um
    );
    let to_peak = muscle.time_to_peak_ms.unwrap();
    assert!((5.0..60.0).contains(&to_peak), "time to peak {to_peak} ms");
    assert!(muscle.half_relaxation_ms.is_some());
}

#[test]
fn in_severe_hypokalaemia_the_cannon_unit_is_paralysed_and_the_shorten_unit_fires() {
    // Jurkat-Rott et al. 2009 (PNAS 106:4036): normal human fibres reach
    // the depolarized, inexcitable P2 (≈ −60 mV) below about 1–1.5 mM K⁺.
    // Measured at 37 °C: rest −53.8 mV (1.0 mM), −53.7 mV (1.5 mM), no
    // muscle action potential (EPP 25.7 mV from there, peak −26.6 mV).
    for k in ["1.0", "1.5"] {
        let k_o = format!("ions.k_o_mm={k}");
        let mut overrides = vec![k_o.as_str()];
        overrides.extend(SETTLED);
        let metrics = run("scenarios/cannon-motor-unit.toml", &overrides);
        let rest = metrics.rest.as_ref().unwrap();
        assert!(rest.converged, "K {k}: the settled rest is found");
        let resting = metrics.membrane.resting_mv;
        assert!(
            (-65.0..-45.0).contains(&resting),
            "K {k}: rest {resting} mV"
        );
        assert_eq!(metrics.junction.unwrap().axon_spike_count, 1);
        assert_eq!(metrics.membrane.spike_count, 0, "K {k}: no muscle AP");
    }
    // The Shorten fibre at 1.0 mM (its own rest) hyperpolarizes and fires.
    let shorten = run(
        "scenarios/cannon-motor-unit.toml",
        &["ions.k_o_mm=1.0", "parameters.fibre_model=shorten"],
    );
    assert!(shorten.membrane.resting_mv < -85.0);
    assert_eq!(shorten.membrane.spike_count, 1);
}

#[test]
#[ignore = "finding: no after-discharge at 37 °C in the motor unit with ClC-1 at 38 % or 10 % of the file's (50 or 100 Hz × 1 s nerve trains, every ion settled): T-tubule K⁺ peaks at 9.0–12.1 mM and the fibre returns to −91 to −93 mV; published: after-discharges at g_Cl 38 % (Kurihara et al. 1984), from T-tubule K⁺ accumulation (Adrian & Bryant 1974)"]
fn with_chloride_at_38_percent_a_nerve_train_leaves_after_discharges_on_the_cannon_unit() {
    for (scale, rate) in [(0.38, 50), (0.38, 100), (0.1, 50), (0.1, 100)] {
        let cl = format!(
            "parameters.cannon.scale.cl={}",
            scale
                * endplate::model::cannon_fibre::CannonFibreParams::default()
                    .scale
                    .cl
        );
        let count = format!("stimulus.trains[0].count={rate}");
        let frequency = format!("stimulus.trains[0].frequency_hz={rate}");
        let mut overrides = vec![
            cl.as_str(),
            count.as_str(),
            frequency.as_str(),
            "simulation.duration_ms=2000",
            "simulation.output_dt_ms=0.5",
        ];
        overrides.extend(SETTLED);
        let metrics = run("scenarios/cannon-motor-unit.toml", &overrides);
        let muscle = metrics.muscle.unwrap();
        println!(
            "ClC-1 × {scale}, {rate} Hz: {} muscle APs, {} after-discharges, T-tubule K⁺ peak {:.2} mM",
            metrics.membrane.spike_count, muscle.after_discharge_count, muscle.tubule_k_peak_mm
        );
        assert!(
            muscle.after_discharge_count > 0,
            "ClC-1 × {scale}, {rate} Hz: no after-discharge"
        );
    }
}
