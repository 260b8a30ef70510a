//! # 02 — The refractory period (Hodgkin & Huxley 1952)
//!
//! Read aloud: *Right after an action potential the membrane cannot fire
//! again, however hard we push: most sodium channels are inactivated and
//! potassium channels are still open. This is the absolute refractory
//! period. A little later a second spike can be fired, but only by a
//! stronger pulse, and it comes out smaller: the relative refractory
//! period. As sodium channels recover from inactivation and potassium
//! channels close, the threshold falls back to its resting value. This is
//! why a nerve cannot fire faster than a few hundred times a second, and why
//! impulses travel in one direction only.*
//!
//! The example runs the squid-axon model of Hodgkin & Huxley (1952, J
//! Physiol 117:500) at 6.3 °C (scenarios/hh1952-pulse.toml). A conditioning
//! 1 ms pulse at twice the single-pulse threshold (6.92 µA/cm², NEURON's
//! value in tools/reference/neuron_hh1952.json) fires a spike; a second 1 ms
//! test pulse follows after an interval (onset to onset). It draws
//! `out/examples/02_refractory_period_pairs.png` (a few pairs at 2×
//! threshold: second spike full, smaller, absent) and
//! `out/examples/02_refractory_period.png` (the test pulse's threshold,
//! found by bisection on whether a second spike crosses 0 mV, relative to
//! the single-pulse threshold, against the interval), each with an `.svg`.
//!
//! Run: `cargo run --release --example 02_refractory_period` (`-- --short`
//! scans the interval every 2 ms instead of 0.5 ms).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::output::atomic::commit_all;
use endplate::output::plot::{Figure, Panel, Series, render};
use endplate::scenario::Template;
use endplate::simulation::{Columns, NoTrace, Trace, execute};
use rayon::prelude::*;

/// The 1 ms pulse threshold of HH 1952 at 6.3 °C (µA/cm²), from NEURON 9.0.2
/// (tools/reference/neuron_hh1952.json, thresholds.pulse_1ms).
const THRESHOLD_UA_PER_CM2: f64 = 6.92;

/// Onset of the conditioning pulse, as in scenarios/hh1952-pulse.toml (ms).
const CONDITIONING_ONSET_MS: f64 = 5.0;

/// Time the membrane is followed after the test pulse's onset (ms): a spike
/// peaks within a few ms of a suprathreshold 1 ms pulse.
const FOLLOW_MS: f64 = 20.0;

/// The test pulse, appended to the template's conditioning train; its onset
/// and amplitude are set for every run.
const TEST_PULSE: &str = "
[[stimulus.trains]]
start_ms = 10.0
count = 1
interval_ms = 10.0
width_ms = 1.0
amplitude_ua_per_cm2 = 10.0
";

/// Largest test pulse tried (× threshold): no second spike at this strength
/// counts as absolutely refractory.
const CEILING_MULTIPLE: f64 = 20.0;

/// Conditioning pulse at 2× threshold, then a test pulse of `multiple` ×
/// threshold `interval_ms` later; returns the number of spikes.
fn pair<T: Trace>(
    template: &Template,
    interval_ms: f64,
    multiple: f64,
    trace: &mut T,
) -> Result<usize, Box<dyn Error + Send + Sync>> {
    let run = template.build_with_arguments(&[
        format!(
            "stimulus.trains[0].amplitude_ua_per_cm2={}",
            2.0 * THRESHOLD_UA_PER_CM2
        ),
        format!(
            "stimulus.trains[1].start_ms={}",
            CONDITIONING_ONSET_MS + interval_ms
        ),
        format!(
            "stimulus.trains[1].amplitude_ua_per_cm2={}",
            multiple * THRESHOLD_UA_PER_CM2
        ),
        format!(
            "simulation.duration_ms={}",
            CONDITIONING_ONSET_MS + interval_ms + FOLLOW_MS
        ),
    ])?;
    Ok(execute(&run, trace)?.metrics.membrane.spike_count)
}

/// Whether the test pulse at `multiple` × threshold fires a second spike.
fn fires(
    template: &Template,
    interval_ms: f64,
    multiple: f64,
) -> Result<bool, Box<dyn Error + Send + Sync>> {
    Ok(pair(template, interval_ms, multiple, &mut NoTrace)? >= 2)
}

/// The test pulse's threshold (× single-pulse threshold) at `interval_ms`,
/// by bisection to 0.1 %; `None` when even [`CEILING_MULTIPLE`] fails.
fn test_threshold(
    template: &Template,
    interval_ms: f64,
) -> Result<Option<f64>, Box<dyn Error + Send + Sync>> {
    if !fires(template, interval_ms, CEILING_MULTIPLE)? {
        return Ok(None);
    }
    let (mut below, mut above) = (0.0, CEILING_MULTIPLE);
    while above - below > 1e-3 * above {
        let middle = 0.5 * (below + above);
        if fires(template, interval_ms, middle)? {
            above = middle;
        } else {
            below = middle;
        }
    }
    Ok(Some(above))
}

/// The interval (ms, to 0.01 ms) below which a test pulse of `multiple` ×
/// threshold fires no second spike, by bisection between `short` (fails)
/// and `long` (fires).
fn failure_interval(
    template: &Template,
    multiple: f64,
    mut short: f64,
    mut long: f64,
) -> Result<f64, Box<dyn Error + Send + Sync>> {
    while long - short > 0.01 {
        let middle = 0.5 * (short + long);
        if fires(template, middle, multiple)? {
            long = middle;
        } else {
            short = middle;
        }
    }
    Ok(long)
}

fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let options = Options::from_args()?;
    let base = Path::new("scenarios/hh1952-pulse.toml");
    let text = std::fs::read_to_string(base)? + TEST_PULSE;
    let template = Template::parse(base, &text)?;

    let step_ms = if options.short { 2.0 } else { 0.5 };
    let intervals: Vec<f64> = (0..)
        .map(|i| 1.0 + step_ms * f64::from(i))
        .take_while(|interval| *interval <= 40.0)
        .collect();
    let thresholds = intervals
        .par_iter()
        .map(|&interval_ms| test_threshold(&template, interval_ms))
        .collect::<Result<Vec<_>, _>>()?;

    let mut failing_below_ms = f64::NAN;
    for multiple in [CEILING_MULTIPLE, 2.0] {
        let first_firing = thresholds
            .iter()
            .position(|t| t.is_some_and(|t| t <= multiple))
            .ok_or("the test pulse never fired a second spike")?;
        failing_below_ms = failure_interval(
            &template,
            multiple,
            intervals[first_firing.saturating_sub(1)],
            intervals[first_firing],
        )?;
        println!(
            "a {multiple} × threshold test pulse fires no second spike at intervals below \
             {failing_below_ms:.2} ms"
        );
    }
    let (lowest_at, lowest) = intervals
        .iter()
        .zip(&thresholds)
        .filter_map(|(i, t)| t.map(|t| (*i, t)))
        .fold((f64::NAN, f64::INFINITY), |best, (i, t)| {
            if t < best.1 { (i, t) } else { best }
        });
    println!("lowest test threshold {lowest:.3} × at {lowest_at} ms (supernormal if below 1)");
    let recovered = thresholds
        .iter()
        .rposition(|t| t.is_none_or(|t| (t - 1.0).abs() > 0.05))
        .map_or(intervals[0], |last| {
            intervals.get(last + 1).copied().unwrap_or(f64::INFINITY)
        });
    println!(
        "the test threshold is within 5 % of the single-pulse threshold from {recovered} ms on \
         (scan step {step_ms} ms, up to {} ms)",
        intervals[intervals.len() - 1]
    );

    // Example pairs at 2 × threshold: long after (full spike), just past the
    // 2 × failure interval just found (smaller spike), and before it (none).
    let examples = [30.0, failing_below_ms + 0.1, failing_below_ms - 3.0];
    let mut pairs = Vec::new();
    for interval_ms in examples {
        let mut trace = Columns::new(&[0]);
        let spikes = pair(&template, interval_ms, 2.0, &mut trace)?;
        let peak = trace
            .t_ms()
            .iter()
            .zip(trace.column(0))
            .filter(|(t, _)| **t >= CONDITIONING_ONSET_MS + interval_ms)
            .map(|(_, v)| *v)
            .fold(f64::NEG_INFINITY, f64::max);
        println!(
            "interval {interval_ms:>5.2} ms at 2 × threshold: {spikes} spike(s), \
             highest potential after the test pulse {peak:.1} mV"
        );
        pairs.push((format!(
            "interval {interval_ms:.2} ms: {spikes} spike(s), highest after the test {peak:.1} mV"
        ), trace));
    }

    let (curve_x, curve_y): (Vec<f64>, Vec<f64>) = intervals
        .iter()
        .zip(&thresholds)
        .filter_map(|(i, t)| t.map(|t| (*i, t)))
        .unzip();
    let single = vec![1.0; curve_x.len()];
    let pairs_figure = Figure {
        title: "Paired 1 ms pulses at 2 × threshold (HH 1952, 6.3 °C)",
        x_label: "time (ms)",
        panels: vec![Panel {
            y_label: "membrane potential (mV)",
            series: pairs
                .iter()
                .map(|(label, t)| Series {
                    label,
                    x: t.t_ms(),
                    y: t.column(0),
                })
                .collect(),
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    let threshold_figure = Figure {
        title: "Threshold of a second 1 ms pulse after a spike (HH 1952, 6.3 °C)",
        x_label: "interval between pulse onsets (ms)",
        panels: vec![Panel {
            y_label: "test threshold / single-pulse threshold (6.92 µA/cm²)",
            series: vec![
                Series {
                    label: "test-pulse threshold (none to the left: no second spike even at 20 ×)",
                    x: &curve_x,
                    y: &curve_y,
                },
                Series {
                    label: "single-pulse threshold (at rest)",
                    x: &curve_x,
                    y: &single,
                },
            ],
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };

    let folder = options.figure_folder();
    std::fs::create_dir_all(folder)?;
    let mut files = Vec::new();
    for (figure, name) in [
        (&pairs_figure, "02_refractory_period_pairs"),
        (&threshold_figure, "02_refractory_period"),
    ] {
        files.extend(render(
            figure,
            &folder.join(format!("{name}.png")),
            &folder.join(format!("{name}.svg")),
        )?);
    }
    for path in commit_all(files)? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
