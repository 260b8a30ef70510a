//! Validation of the `hh1952` model against an outside reference: NEURON 9.0.2's
//! built-in `hh` mechanism (single compartment, area 1e-4 cm², celsius 6.3,
//! finitialize(-65), CVODE with atol 1e-10). The numbers come from
//! `tools/reference/neuron_hh1952.py`, which wrote `tools/reference/neuron_hh1952.json`
//! (read here); `tools/reference/README.md` says how. NEURON's own solvers agree
//! with each other to ~1e-5 ms on spike times and 4e-6 µA/cm² on thresholds, so
//! the tolerances below (stated per test) leave room only for solver error.

use std::path::Path;
use std::sync::LazyLock;

use endplate::scenario::Template;
use endplate::simulation::{NoTrace, RunResult, execute};
use endplate::validation::neuron_hh1952::{self, BASE, REFERENCE_JSON, spikes_between};
use serde_json::Value;

static NEURON: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(REFERENCE_JSON).expect("reference JSON parses"));

fn reference(path: &str) -> &'static Value {
    path.split('.').fold(&NEURON["results"], |v, key| &v[key])
}

fn reference_f64(path: &str) -> f64 {
    reference(path)
        .as_f64()
        .unwrap_or_else(|| panic!("reference {path} is a number"))
}

fn simulate(extra: &str, overrides: &[String]) -> RunResult {
    let template =
        Template::parse(Path::new("validation.toml"), &format!("{BASE}{extra}")).unwrap();
    execute(
        &template.build_with_arguments(overrides).unwrap(),
        &mut NoTrace,
    )
    .unwrap()
}

fn step(start_ms: f64, duration_ms: f64, amplitude: f64, end_ms: f64) -> RunResult {
    neuron_hh1952::step(start_ms, duration_ms, amplitude, end_ms).unwrap()
}

/// Resting potential after 50 ms without stimulus: NEURON −64.99637927 mV.
/// Tolerance 1e-4 mV (NEURON's solvers agree to 4e-9 mV).
#[test]
fn resting_potential_matches_neuron() {
    let result = simulate("", &[]);
    let expected = reference_f64("rest_v_at_50ms_mV.value");
    let got = result.final_state[0];
    assert!(
        (got - expected).abs() < 1e-4,
        "v(50 ms) = {got}, NEURON {expected}"
    );
}

/// A 1 ms pulse at 10 ms: NEURON's threshold lies in [6.920343, 6.920349] µA/cm²
/// (spike within 20 ms of onset). 0.1 % below the bracket must not fire, 0.1 %
/// above must (NEURON's own fixed-step backward Euler moves it by 0.03 %).
#[test]
fn one_ms_pulse_threshold_is_bracketed_like_neuron() {
    let bracket = reference("thresholds.pulse_1ms.bracket_uA_cm2");
    let (below, above) = (bracket[0].as_f64().unwrap(), bracket[1].as_f64().unwrap());
    let fires = |amplitude: f64| {
        let result = step(10.0, 1.0, amplitude, 30.0);
        spikes_between(&result, 10.0, 30.0) > 0
    };
    assert!(
        !fires(below * 0.999),
        "fires 0.1 % below NEURON's threshold {below}"
    );
    assert!(
        fires(above * 1.001),
        "silent 0.1 % above NEURON's threshold {above}"
    );
}

/// Rheobase for long steps (200 and 500 ms from 10 ms): NEURON brackets the
/// smallest current that fires at all in [2.240765, 2.240771] µA/cm², and the
/// smallest that fires at least twice in [5.968890, 5.968896]. Same ±0.1 %.
#[test]
fn long_step_rheobase_and_repetitive_threshold_are_bracketed_like_neuron() {
    for duration in [200.0, 500.0] {
        for (kind, min_spikes) in [("any", 1), ("repetitive", 2)] {
            let bracket = reference(&format!("thresholds.step{duration}_{kind}.bracket_uA_cm2"));
            let (below, above) = (bracket[0].as_f64().unwrap(), bracket[1].as_f64().unwrap());
            let count = |amplitude: f64| {
                spikes_between(
                    &step(10.0, duration, amplitude, 10.0 + duration + 20.0),
                    10.0,
                    10.0 + duration,
                )
            };
            assert!(
                count(below * 0.999) < min_spikes,
                "{duration} ms {kind}: fires below {below}"
            );
            assert!(
                count(above * 1.001) >= min_spikes,
                "{duration} ms {kind}: silent above {above}"
            );
        }
    }
}

/// First spike of the 10 µA/cm² step from 10 to 110 ms: NEURON peak 40.26357 mV,
/// half-width 1.471672 ms, spike times (7). Tolerances: peak 0.01 mV and
/// half-width 0.002 ms (both read from samples every 0.005 ms, linear
/// interpolation), spike times 1e-4 ms (located on the solver's steps).
#[test]
fn overshoot_half_width_and_spike_times_match_neuron() {
    let result = step(10.0, 100.0, 10.0, 120.0);
    let m = &result.metrics.membrane;
    let spike = m.first_spike.expect("the step fires");
    let peak = reference_f64("protocol5_step10_from10_to110_tstop120.first_spike.peak_mV");
    let width = reference_f64("protocol5_step10_from10_to110_tstop120.first_spike.half_width_ms");
    assert!(
        (spike.peak_mv - peak).abs() < 0.01,
        "peak {} vs NEURON {peak}",
        spike.peak_mv
    );
    let half_width = spike.half_width_ms.unwrap();
    assert!(
        (half_width - width).abs() < 0.002,
        "half-width {half_width} vs NEURON {width}"
    );
    assert!(spike.peak_mv > 0.0, "the action potential overshoots 0 mV");
    let expected: Vec<f64> = reference("protocol5_step10_from10_to110_tstop120.spike_times_ms")
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(m.spike_times_ms.len(), expected.len());
    for (got, want) in m.spike_times_ms.iter().zip(&expected) {
        assert!((got - want).abs() < 1e-4, "spike at {got} vs NEURON {want}");
    }
}

/// One second of 10 µA/cm² from t = 0: NEURON fires 69 spikes; every spike time
/// within 1e-4 ms (NEURON's CVODE at atol 1e-8 vs 1e-10 differ by 7e-6 ms).
#[test]
fn one_second_train_matches_neuron_spike_for_spike() {
    let result = step(0.0, 1000.0, 10.0, 1000.0);
    let expected: Vec<f64> = reference("protocol7_step10_from0_to1000.all_spike_times_ms")
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let got = &result.metrics.membrane.spike_times_ms;
    assert_eq!(got.len(), 69);
    assert_eq!(got.len(), expected.len());
    let worst = got
        .iter()
        .zip(&expected)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(worst < 1e-4, "largest spike-time difference {worst} ms");
}

/// f–I curve, step from 0 to 1000 ms, spikes counted in [200, 1000] ms: the
/// counts equal NEURON's at every current it reports (0 to 50 µA/cm²).
#[test]
fn f_i_counts_match_neuron() {
    let primary = reference("fI_step_0_to_1000_count_200_to_1000.primary")
        .as_object()
        .unwrap();
    for (current, entry) in primary {
        let amplitude: f64 = current.parse().unwrap();
        let expected = entry["n_spikes_200_1000"].as_u64().unwrap() as usize;
        let result = step(0.0, 1000.0, amplitude, 1000.0);
        assert_eq!(
            spikes_between(&result, 200.0, 1000.0),
            expected,
            "I = {amplitude} µA/cm²"
        );
    }
}

/// Above the repetitive-firing threshold the f–I curve rises monotonically
/// (HH 1952 is a type II excitable membrane: it jumps from 0 to ~50 Hz, then
/// climbs). Checked on a fine grid from 6.3 to 50 µA/cm² with our own metric.
#[test]
fn f_i_curve_is_monotone_above_rheobase() {
    let rates: Vec<(f64, f64)> = [
        6.3, 6.6, 7.0, 8.0, 9.0, 10.0, 12.5, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0,
    ]
    .into_iter()
    .map(|amplitude| {
        let result = step(0.0, 1000.0, amplitude, 1000.0);
        (amplitude, result.metrics.membrane.firing_rate_hz.unwrap())
    })
    .collect();
    assert!(
        rates[0].1 > 40.0,
        "repetitive firing starts near 50 Hz: {rates:?}"
    );
    for pair in rates.windows(2) {
        assert!(
            pair[1].1 >= pair[0].1,
            "rate falls from {:?} to {:?}",
            pair[0],
            pair[1]
        );
    }
}

/// Two independent methods agree: dopri5 at rtol 1e-10 and fixed-step rk4 at
/// 0.005 ms put all 69 spikes of one second within 1e-4 ms of each other.
#[test]
fn dopri5_and_rk4_agree_on_spike_times() {
    let protocol =
        "[[stimulus.steps]]\nstart_ms = 0\nduration_ms = 1000\namplitude_ua_per_cm2 = 10\n";
    let duration = "simulation.duration_ms=1000".to_owned();
    let adaptive = simulate(protocol, std::slice::from_ref(&duration));
    let fixed = simulate(
        protocol,
        &[
            duration,
            "solver.method=rk4".into(),
            "solver.dt_ms=0.005".into(),
        ],
    );
    let (a, b) = (
        &adaptive.metrics.membrane.spike_times_ms,
        &fixed.metrics.membrane.spike_times_ms,
    );
    assert_eq!(a.len(), b.len());
    let worst = a
        .iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    assert!(worst < 1e-4, "dopri5 and rk4 differ by {worst} ms");
    assert_eq!(
        fixed.metrics.solver.stats.steps, 200_000,
        "rk4 takes exactly duration/dt steps"
    );
}
