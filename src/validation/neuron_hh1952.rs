//! `hh1952` against NEURON 9.0.2's built-in `hh` (single compartment,
//! celsius 6.3, finitialize(−65), CVODE atol 1e-10, rate tables off): the
//! numbers in `tools/reference/neuron_hh1952.json`, made by
//! `tools/reference/neuron_hh1952.py` (compiled in here).

use std::path::Path;

use crate::scenario::Template;
use crate::simulation::{NoTrace, RunResult, execute};
use crate::validation::{Target, Tolerance, Unmeasured};

const SOURCE: &str = "NEURON 9.0.2 hh (tools/reference)";

/// The reference file, compiled in so `validate` needs no files at run time.
pub const REFERENCE_JSON: &str = include_str!("../../tools/reference/neuron_hh1952.json");

/// HH at 6.3 °C with tight dopri5 and fine output: the same settings as
/// `tests/it/validation_hh1952.rs`, which uses these helpers too.
pub const BASE: &str = "model = \"hh1952\"\n[ions]\ntemperature_celsius = 6.3\n\
                    [solver]\nmethod = \"dopri5\"\nrtol = 1e-10\natol = 1e-10\nmax_step_ms = 0.5\n\
                    [simulation]\nduration_ms = 50.0\noutput_dt_ms = 0.005\n";

fn reference(json: &serde_json::Value, path: &str) -> Result<f64, Unmeasured> {
    path.split('.')
        .fold(&json["results"], |v, key| match key.parse::<usize>() {
            Ok(i) if v.is_array() => &v[i],
            _ => &v[key],
        })
        .as_f64()
        .ok_or_else(|| Unmeasured {
            target: path.to_owned(),
            reason: "missing from the reference file".into(),
        })
}

/// A run of HH with a current step (start, duration, amplitude) to `end_ms`.
pub fn step(
    start_ms: f64,
    duration_ms: f64,
    amplitude: f64,
    end_ms: f64,
) -> Result<RunResult, Unmeasured> {
    let text = format!(
        "{BASE}[[stimulus.steps]]\nstart_ms = {start_ms}\nduration_ms = {duration_ms}\namplitude_ua_per_cm2 = {amplitude}\n"
    );
    let fail = |reason: String| Unmeasured {
        target: "hh1952 run".into(),
        reason,
    };
    let run = Template::parse(Path::new("validate-hh1952.toml"), &text)
        .and_then(|t| t.build_with_arguments(&[format!("simulation.duration_ms={end_ms}")]))
        .map_err(|e| fail(e.to_string()))?;
    execute(&run, &mut NoTrace).map_err(|e| fail(e.to_string()))
}

/// Spikes of `result` in [from_ms, to_ms].
pub fn spikes_between(result: &RunResult, from_ms: f64, to_ms: f64) -> usize {
    result
        .metrics
        .membrane
        .spike_times_ms
        .iter()
        .filter(|&&t| t >= from_ms && t <= to_ms)
        .count()
}

/// The smallest amplitude in [low, high] for which `fires` holds, to 1e-5 µA/cm².
fn threshold(
    mut low: f64,
    mut high: f64,
    fires: impl Fn(f64) -> Result<bool, Unmeasured>,
) -> Result<f64, Unmeasured> {
    while high - low > 1e-5 {
        let mid = 0.5 * (low + high);
        if fires(mid)? {
            high = mid;
        } else {
            low = mid;
        }
    }
    Ok(0.5 * (low + high))
}

/// The HH targets.
pub fn targets() -> Result<Vec<Target>, Unmeasured> {
    let json: serde_json::Value = serde_json::from_str(REFERENCE_JSON).map_err(|e| Unmeasured {
        target: "hh1952".into(),
        reason: format!("reference file: {e}"),
    })?;
    let bracket_middle = |path: &str| -> Result<f64, Unmeasured> {
        Ok(0.5
            * (reference(&json, &format!("{path}.0"))? + reference(&json, &format!("{path}.1"))?))
    };
    let mut targets = Vec::new();

    let rest = step(0.0, 1.0, 0.0, 50.0)?;
    targets.push(Target {
        target: "hh1952 resting potential (50 ms, no stimulus)".into(),
        source: SOURCE,
        unit: "mV",
        expected: reference(&json, "rest_v_at_50ms_mV.value")?,
        got: rest.final_state[0],
        tolerance: Tolerance::Absolute(1e-4),
    });

    let pulse = threshold(6.0, 8.0, |a| {
        Ok(spikes_between(&step(10.0, 1.0, a, 30.0)?, 10.0, 30.0) > 0)
    })?;
    targets.push(Target {
        target: "hh1952 threshold of a 1 ms pulse".into(),
        source: SOURCE,
        unit: "µA/cm²",
        expected: bracket_middle("thresholds.pulse_1ms.bracket_uA_cm2")?,
        got: pulse,
        tolerance: Tolerance::Relative(1e-3),
    });

    let rheobase = threshold(1.5, 3.0, |a| {
        Ok(spikes_between(&step(10.0, 200.0, a, 230.0)?, 10.0, 210.0) > 0)
    })?;
    targets.push(Target {
        target: "hh1952 rheobase of a 200 ms step".into(),
        source: SOURCE,
        unit: "µA/cm²",
        expected: bracket_middle("thresholds.step200_any.bracket_uA_cm2")?,
        got: rheobase,
        tolerance: Tolerance::Relative(1e-3),
    });

    let train = step(10.0, 100.0, 10.0, 120.0)?;
    let peak = train
        .metrics
        .membrane
        .first_spike
        .map_or(f64::NAN, |s| s.peak_mv);
    targets.push(Target {
        target: "hh1952 overshoot, first spike of a 10 µA/cm² step".into(),
        source: SOURCE,
        unit: "mV",
        expected: reference(
            &json,
            "protocol5_step10_from10_to110_tstop120.first_spike.peak_mV",
        )?,
        got: peak,
        tolerance: Tolerance::Absolute(0.01),
    });

    let second = step(0.0, 1000.0, 10.0, 1000.0)?;
    let expected_times = json["results"]["protocol7_step10_from0_to1000"]["all_spike_times_ms"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(serde_json::Value::as_f64)
                .collect::<Vec<f64>>()
        })
        .unwrap_or_default();
    let times = &second.metrics.membrane.spike_times_ms;
    targets.push(Target {
        target: "hh1952 spikes in 1 s at 10 µA/cm²".into(),
        source: SOURCE,
        unit: "spikes",
        expected: expected_times.len() as f64,
        got: times.len() as f64,
        tolerance: Tolerance::Absolute(0.0),
    });
    let worst = if times.len() == expected_times.len() {
        times
            .iter()
            .zip(&expected_times)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max)
    } else {
        f64::NAN
    };
    targets.push(Target {
        target: "hh1952 largest spike-time difference over those spikes".into(),
        source: SOURCE,
        unit: "ms",
        expected: 0.0,
        got: worst,
        tolerance: Tolerance::Absolute(1e-4),
    });

    let rate = step(0.0, 1000.0, 20.0, 1000.0)?;
    targets.push(Target {
        target: "hh1952 spikes in 200–1000 ms at 20 µA/cm² (f–I)".into(),
        source: SOURCE,
        unit: "spikes",
        expected: reference(
            &json,
            "fI_step_0_to_1000_count_200_to_1000.primary.20.n_spikes_200_1000",
        )?,
        got: spikes_between(&rate, 200.0, 1000.0) as f64,
        tolerance: Tolerance::Absolute(0.0),
    });
    Ok(targets)
}
