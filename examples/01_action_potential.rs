//! # 01 — The action potential (Hodgkin & Huxley 1952)
//!
//! Read aloud: *A nerve or muscle membrane at rest sits near −65 mV, inside
//! negative. A brief current pulse pushes it up a little. Below a threshold
//! it sags back; above it, sodium channels open faster than potassium
//! channels, sodium rushes in, and the potential shoots up past zero — the
//! overshoot — in about half a millisecond. Then sodium channels inactivate,
//! potassium channels open, and the membrane falls back, briefly below rest
//! (the undershoot). The response is all-or-none: twice the threshold
//! current gives the same spike as 1.1 times threshold.*
//!
//! The example runs the squid-axon model of Hodgkin & Huxley (1952, J
//! Physiol 117:500) at 6.3 °C with 1 ms pulses just below (0.95×) and above
//! (1.05× and 2×) the threshold NEURON finds for this model (6.92 µA/cm²,
//! tools/reference), and draws the three traces on one figure:
//! `out/examples/01_action_potential.png` (and `.svg`).
//!
//! Run: `cargo run --release --example 01_action_potential` (`-- --short`
//! follows each response for 12 ms instead of 25: the spike, not the whole
//! undershoot).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::scenario::Template;
use endplate::simulation::{Columns, execute};

/// The 1 ms pulse threshold of HH 1952 at 6.3 °C (µA/cm²), from NEURON 9.0.2
/// (tools/reference/neuron_hh1952.json, thresholds.pulse_1ms).
const THRESHOLD_UA_PER_CM2: f64 = 6.92;

/// How long each response is followed (ms): the spike and its undershoot.
const DURATION_MS: f64 = 25.0;

/// With `--short`: the spike only (it peaks ~2 ms after the 5 ms onset).
const SHORT_DURATION_MS: f64 = 12.0;

fn main() -> Result<(), Box<dyn Error>> {
    let options = Options::from_args()?;
    let duration_ms = if options.short {
        SHORT_DURATION_MS
    } else {
        DURATION_MS
    };
    let template = Template::load(Path::new("scenarios/hh1952-pulse.toml"))?;
    let multiples = [0.95, 1.05, 2.0];
    let mut traces = Vec::new();
    for multiple in multiples {
        let amplitude = format!(
            "stimulus.trains[0].amplitude_ua_per_cm2={}",
            multiple * THRESHOLD_UA_PER_CM2
        );
        let run = template
            .build_with_arguments(&[amplitude, format!("simulation.duration_ms={duration_ms}")])?;
        let mut trace = Columns::new(&[0]);
        let result = execute(&run, &mut trace)?;
        println!(
            "{multiple:>4} × threshold: {} spike(s), peak {:.1} mV",
            result.metrics.membrane.spike_count, result.metrics.membrane.v_max_mv
        );
        traces.push((format!("{multiple} × threshold"), trace));
    }
    let series = traces
        .iter()
        .map(|(label, t)| Series {
            label,
            x: t.t_ms(),
            y: t.column(0),
        })
        .collect();
    let figure = Figure {
        title: "All or none: 1 ms pulses around threshold (HH 1952, 6.3 °C)",
        x_label: "time (ms)",
        panels: vec![Panel {
            y_label: "membrane potential (mV)",
            series,
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "01_action_potential")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
