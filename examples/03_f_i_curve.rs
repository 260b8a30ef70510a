//! # 03 — Firing rate against current: type II excitability (Hodgkin & Huxley 1952)
//!
//! Read aloud: *Hold a steady current on the squid axon instead of a brief
//! pulse. A weak current fires one spike, or none, and the membrane settles.
//! Above a critical current the axon fires on and on, and it does not start
//! slowly: the rate jumps from zero straight to about fifty spikes a second.
//! Stronger currents only raise it gently, to about a hundred and twenty.
//! Neurons whose rate starts at a finite value like this are called type II
//! (after Hodgkin 1948, J Physiol 107:165); the squid axon is the classic
//! one. It cannot signal a
//! weak stimulus by firing slowly.*
//!
//! The example runs the model of Hodgkin & Huxley (1952, J Physiol 117:500)
//! at 6.3 °C (scenarios/hh1952-step.toml) with 1 s current steps from 0 to
//! 50 µA/cm², in parallel, and counts spikes (upward crossings of 0 mV)
//! from 200 to 1000 ms, after the initial transient, exactly as the NEURON
//! reference does (tools/reference/neuron_hh1952.json,
//! `fI_step_0_to_1000_count_200_to_1000`, definition `fI_rate`). It finds
//! the repetitive-firing threshold by bisection and draws our curve with
//! NEURON's values as diamonds: `out/examples/03_f_i_curve.png` (and `.svg`).
//!
//! Run: `cargo run --release --example 03_f_i_curve` (`-- --short` scans
//! every 2.5 µA/cm² instead of 0.5).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::scenario::Template;
use endplate::simulation::{NoTrace, execute};
use rayon::prelude::*;

/// Length of the current step, from t = 0 (ms), as in the NEURON reference.
const STEP_MS: f64 = 1000.0;

/// Spikes are counted from here to the end of the step (ms), skipping the
/// initial transient, as in the NEURON reference.
const COUNT_FROM_MS: f64 = 200.0;

/// Firing is sustained when a spike falls in this last part of the step
/// (ms), NEURON's `step_sustained` definition. Just below that threshold
/// the axon fires at ~50 Hz for hundreds of ms and then stops.
const SUSTAINED_MS: f64 = 50.0;

/// Highest current of the scan (µA/cm²).
const HIGHEST_UA_PER_CM2: f64 = 50.0;

/// The plot module draws lines only, so each NEURON value is a small diamond,
/// one series each. Its colour is the series index modulo the plot module's
/// palette of 6; empty series in between keep every diamond the same colour.
const PALETTE_LENGTH: usize = 6;

/// Half-size of a diamond: µA/cm² across, Hz up. (A diamond, not a cross:
/// a line that turns back on itself draws mitre spikes.)
const DIAMOND: (f64, f64) = (0.4, 2.0);

type AnyError = Box<dyn Error + Send + Sync>;

/// Spike times (ms) from `COUNT_FROM_MS` to the end of a step of `current`.
fn counted_spikes(template: &Template, current: f64) -> Result<Vec<f64>, AnyError> {
    let run = template.build_with_arguments(&[
        format!("stimulus.steps[0].amplitude_ua_per_cm2={current}"),
        "stimulus.steps[0].start_ms=0".into(),
        format!("stimulus.steps[0].duration_ms={STEP_MS}"),
        format!("simulation.duration_ms={STEP_MS}"),
    ])?;
    Ok(execute(&run, &mut NoTrace)?
        .metrics
        .membrane
        .spike_times_ms
        .into_iter()
        .filter(|t| (COUNT_FROM_MS..=STEP_MS).contains(t))
        .collect())
}

/// Firing rate (Hz): the `counted` spikes over their window, NEURON's `fI_rate`.
fn rate(counted: &[f64]) -> f64 {
    counted.len() as f64 / ((STEP_MS - COUNT_FROM_MS) / 1000.0)
}

/// Whether firing lasts to the end of the step: a spike in its last
/// `SUSTAINED_MS` (NEURON's `step_sustained` criterion).
fn sustained(spikes: &[f64]) -> bool {
    spikes.last().is_some_and(|t| *t >= STEP_MS - SUSTAINED_MS)
}

/// NEURON's rates (current µA/cm², rate Hz), sorted by current.
fn neuron_rates() -> Result<Vec<(f64, f64)>, AnyError> {
    let text = std::fs::read_to_string("tools/reference/neuron_hh1952.json")?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    let table = json["results"]["fI_step_0_to_1000_count_200_to_1000"]["primary"]
        .as_object()
        .ok_or("no fI_step_0_to_1000_count_200_to_1000.primary in the NEURON reference")?;
    let mut rates = table
        .iter()
        .map(|(current, entry)| {
            let rate = entry["rate_Hz"]
                .as_f64()
                .ok_or_else(|| format!("no rate_Hz for {current} µA/cm²"))?;
            Ok((current.parse::<f64>()?, rate))
        })
        .collect::<Result<Vec<_>, AnyError>>()?;
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(rates)
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let template = Template::load(Path::new("scenarios/hh1952-step.toml"))?;
    let step = if options.short { 2.5 } else { 0.5 };
    let currents: Vec<f64> = (0..)
        .map(|i| step * f64::from(i))
        .take_while(|c| *c <= HIGHEST_UA_PER_CM2)
        .collect();
    let scan = currents
        .par_iter()
        .map(|&c| counted_spikes(&template, c))
        .collect::<Result<Vec<_>, _>>()?;
    let rates: Vec<f64> = scan.iter().map(|spikes| rate(spikes)).collect();

    // The threshold of sustained firing, bisected to 0.01 µA/cm² between
    // the last scanned current whose firing stops and the next.
    let first = scan
        .iter()
        .position(|spikes| sustained(spikes))
        .ok_or("no current of the scan fires to the end of the step")?;
    let (mut stops, mut lasts) = (currents[first.saturating_sub(1)], currents[first]);
    let mut onset = counted_spikes(&template, lasts)?;
    while lasts - stops > 0.01 {
        let middle = 0.5 * (stops + lasts);
        let spikes = counted_spikes(&template, middle)?;
        if sustained(&spikes) {
            (lasts, onset) = (middle, spikes);
        } else {
            stops = middle;
        }
    }
    let mean_isi_ms = (onset[onset.len() - 1] - onset[0]) / (onset.len() - 1) as f64;
    println!(
        "sustained firing from {lasts:.2} µA/cm² (at {stops:.2} it stops before the end \
         of the step): the rate jumps from 0 to {:.2} Hz ({:.1} Hz from the mean interval)",
        rate(&onset),
        1000.0 / mean_isi_ms
    );

    let neuron = neuron_rates()?;
    println!("current (µA/cm²)   endplate (Hz)   NEURON (Hz)");
    for &(current, reference) in &neuron {
        println!(
            "{current:>16}   {:>13.2}   {reference:>11.2}",
            rate(&counted_spikes(&template, current)?)
        );
    }

    let diamonds: Vec<([f64; 5], [f64; 5])> = neuron
        .iter()
        .map(|&(c, r)| {
            let (dx, dy) = DIAMOND;
            ([c - dx, c, c + dx, c, c - dx], [r, r + dy, r, r - dy, r])
        })
        .collect();
    let mut series = vec![Series {
        label: "endplate (dopri5), 1 s steps",
        x: &currents,
        y: &rates,
    }];
    for (k, (x, y)) in diamonds.iter().enumerate() {
        if k > 0 {
            series.extend((1..PALETTE_LENGTH).map(|_| Series {
                label: "",
                x: &[],
                y: &[],
            }));
        }
        series.push(Series {
            label: if k == 0 {
                "NEURON 9.0.2 (CVODE), diamonds"
            } else {
                ""
            },
            x,
            y,
        });
    }
    let figure = Figure {
        title: "Firing rate against step current: type II onset (HH 1952, 6.3 °C)",
        x_label: "step current (µA/cm²)",
        panels: vec![Panel {
            y_label: "firing rate, 200–1000 ms (Hz)",
            series,
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "03_f_i_curve")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
