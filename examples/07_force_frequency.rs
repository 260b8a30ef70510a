//! # 07 — Force and stimulation frequency: from twitch to fused tetanus (Shorten et al. 2007)
//!
//! Read aloud: *One nerve impulse makes a muscle fibre twitch: its calcium
//! is released, force rises and falls again within a few tens of
//! milliseconds. If a second impulse comes before the fibre has relaxed,
//! the second twitch rides on the first and force climbs higher: summation.
//! At low rates force ripples with every impulse, an unfused tetanus; at
//! high rates the twitches merge into a smooth, much stronger contraction,
//! a fused tetanus. The nervous system grades force partly this way, by
//! the rate at which motor neurons fire.*
//!
//! The example runs the rat fast-twitch fibre of Shorten, O'Callaghan,
//! Davidson & Soboleva (2007, J Muscle Res Cell Motil 28:293) from rest
//! (scenarios/muscle-twitch.toml, stiff solver) with 300 ms trains of
//! 150 µA/cm² × 0.5 ms pulses at 1 Hz (one pulse: a single twitch), 10, 20,
//! 50 and 100 Hz. Force is the model's tension driver, the rise of A_2
//! (attached post-power-stroke crossbridges, µM) above its resting value.
//! It prints the peak force and the ripple of the last 100 ms of the train,
//! (max − min)/max of the force (0: fused; 1: relaxing fully between
//! pulses; the fusion index is 1 − ripple), and draws every force time
//! course on one panel: `out/examples/07_force_frequency.png` (and `.svg`).
//! In this model tetanic force at 100 Hz still climbs until ~300 ms, so
//! part of the ripple at high rates is that slow rise.
//!
//! Run: `cargo run --release --example 07_force_frequency` (`-- --short` for
//! 1, 20 and 100 Hz only).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::model::muscle_fibre::index::POST_STROKE;
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::scenario::Template;
use endplate::simulation::{Columns, execute};
use rayon::prelude::*;

/// Onset of the first pulse, as in scenarios/muscle-twitch.toml (ms).
const ONSET_MS: f64 = 10.0;

/// Time followed after the train for relaxation (ms).
const RELAXATION_MS: f64 = 200.0;

/// Length of every train (ms): long enough for the 100 Hz tetanus to reach
/// its plateau, so the ripple of its last 100 ms reads as fusion.
const TRAIN_MS: f64 = 300.0;

/// Stimulation rates (Hz); 1 Hz in a 300 ms train is a single pulse.
const FREQUENCIES_HZ: [f64; 5] = [1.0, 10.0, 20.0, 50.0, 100.0];

/// The rates of a `--short` run: twitch, unfused and fused. (Shorter trains
/// would not save much and would make the ripple read the rising force.)
const QUICK_FREQUENCIES_HZ: [f64; 3] = [1.0, 20.0, 100.0];

type AnyError = Box<dyn Error + Send + Sync>;

/// The force response to one train.
struct Response {
    frequency_hz: f64,
    pulses: u32,
    force_peak_um: f64,
    force_ripple: Option<f64>,
    t_ms: Vec<f64>,
    force_um: Vec<f64>,
}

/// A train of `TRAIN_MS` at `frequency_hz` from rest.
fn train(template: &Template, frequency_hz: f64) -> Result<Response, AnyError> {
    let interval_ms = 1000.0 / frequency_hz;
    let pulses = (TRAIN_MS / interval_ms).ceil() as u32;
    let run = template.build_with_arguments(&[
        format!("stimulus.trains[0].count={pulses}"),
        format!("stimulus.trains[0].interval_ms={interval_ms}"),
        "stimulus.trains[0].amplitude_ua_per_cm2=150".into(),
        "stimulus.trains[0].width_ms=0.5".into(),
        format!("stimulus.trains[0].start_ms={ONSET_MS}"),
        format!(
            "simulation.duration_ms={}",
            ONSET_MS + TRAIN_MS + RELAXATION_MS
        ),
    ])?;
    let mut trace = Columns::new(&[POST_STROKE]);
    let muscle = execute(&run, &mut trace)?
        .metrics
        .muscle
        .ok_or("the muscle-fibre model reported no muscle metrics")?;
    let force_um = trace
        .column(0)
        .iter()
        .map(|a2| a2 - muscle.force_baseline_um)
        .collect();
    Ok(Response {
        frequency_hz,
        pulses,
        force_peak_um: muscle.force_peak_um,
        force_ripple: muscle.force_ripple,
        t_ms: trace.t_ms().to_vec(),
        force_um,
    })
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let frequencies: &[f64] = if options.short {
        &QUICK_FREQUENCIES_HZ
    } else {
        &FREQUENCIES_HZ
    };
    let template = Template::load(Path::new("scenarios/muscle-twitch.toml"))?;
    let responses = frequencies
        .par_iter()
        .map(|&f| train(&template, f))
        .collect::<Result<Vec<_>, _>>()?;

    let twitch = responses[0].force_peak_um;
    println!("{TRAIN_MS} ms trains of 150 µA/cm² × 0.5 ms pulses (Shorten 2007 fibre from rest)");
    println!("rate (Hz)  pulses  peak force (µM A_2)  × twitch  ripple  fusion index");
    let mut labels = Vec::new();
    for r in &responses {
        let (ripple, fusion) = r.force_ripple.map_or(("—".into(), "—".into()), |ripple| {
            (format!("{ripple:.3}"), format!("{:.3}", 1.0 - ripple))
        });
        println!(
            "{:>9}  {:>6}  {:>19.3}  {:>8.2}  {ripple:>6}  {fusion:>12}",
            r.frequency_hz,
            r.pulses,
            r.force_peak_um,
            r.force_peak_um / twitch
        );
        labels.push(if r.pulses == 1 {
            "single pulse (twitch)".to_owned()
        } else {
            format!("{} Hz, fusion index {fusion}", r.frequency_hz)
        });
    }

    let series = responses
        .iter()
        .zip(&labels)
        .map(|(r, label)| Series {
            label,
            x: &r.t_ms,
            y: &r.force_um,
        })
        .collect();
    let figure = Figure {
        title: "Twitch to fused tetanus: 300 ms trains (Shorten et al. 2007 fibre)",
        x_label: "time (ms)",
        panels: vec![Panel {
            y_label: "force: A_2 rise above rest (µM)",
            series,
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "07_force_frequency")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
