//! # 09 — Where cramps start: a motoneuron at the head of the motor unit
//!
//! Read aloud: *Most cramps are thought to start in the spinal cord. The
//! motoneuron that drives a motor unit has, in its dendrites, calcium
//! channels that stay open once opened: a persistent inward current. Made
//! stronger by serotonin, it can keep the cell firing after its input has
//! stopped, and the muscle contracts on its own: a cramp. Stretching the
//! muscle loads its tendon organs, whose inhibition switches the cell off.
//! Here the same motor unit is stimulated through its nerve at 20 Hz for a
//! second three times: as published, with the persistent current raised
//! by 10 %, and raised with tendon-organ inhibition added.*
//!
//! The example runs `scenarios/exercise-associated-cramp.toml` (a motor
//! unit at 37 °C headed by the Booth, Rinzel & Kiehn 1997 motoneuron, 5-HT,
//! fatigue as doubled Ia input and no Ib inhibition), then with
//! `pic_gain` 1.1, then with `pic_gain` 1.1 and a dendritic Ib conductance
//! of 0.1 mS/cm². It prints the motor-axon impulses before, during and
//! after the burst and draws the axon's potential and the force:
//! `out/examples/09_where_cramps_start.png` (and `.svg`).
//!
//! What it shows, as measured: as published, the motoneuron fires once per
//! volley and stops with the last one (no cramp; the model has no bistable
//! range, README "Where cramps start"). With the PIC 10 % larger it fires
//! at ≈ 80 Hz before, during and after the burst: not a cramp the burst
//! started, but firing the PIC sustains on its own. Ib inhibition of 0.1
//! mS/cm² abolishes it: the relief by stretching, in the model.
//!
//! Run: `cargo run --release --example 09_where_cramps_start` (`-- --short`
//! follows 0.2 s after the burst instead of 1 s).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::model::motor_unit::{AXON_V, innervated};
use endplate::model::muscle_fibre::index::POST_STROKE;
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::scenario;
use endplate::simulation::{Columns, execute};
use rayon::prelude::*;

/// The three cases, as (label, overrides).
const CASES: [(&str, &[&str]); 3] = [
    ("as published (5-HT)", &[]),
    ("PIC × 1.1", &["parameters.motoneuron.pic_gain=1.1"]),
    (
        "PIC × 1.1 + Ib 0.1 mS/cm²",
        &[
            "parameters.motoneuron.pic_gain=1.1",
            "parameters.motoneuron.dendrite_inhibitory_ms_per_cm2=0.1",
        ],
    ),
];

/// The scenario's burst: 20 pulses at 20 Hz from 500 ms.
const BURST_MS: (f64, f64) = (500.0, 1500.0);

type AnyError = Box<dyn Error + Send + Sync>;

struct Simulated {
    label: &'static str,
    t_ms: Vec<f64>,
    axon_mv: Vec<f64>,
    force_um: Vec<f64>,
    axon_spikes_ms: Vec<f64>,
}

fn simulate(label: &'static str, overrides: &[&str], short: bool) -> Result<Simulated, AnyError> {
    let mut arguments: Vec<String> = overrides.iter().map(|s| (*s).to_owned()).collect();
    if short {
        arguments.push("simulation.duration_ms=1700".to_owned());
    }
    let run = scenario::load(
        Path::new("scenarios/exercise-associated-cramp.toml"),
        &arguments,
    )?;
    let mut curves = Columns::new(&[innervated::STATE_COUNT + AXON_V, POST_STROKE]);
    let metrics = execute(&run, &mut curves)?.metrics;
    let junction = metrics
        .junction
        .ok_or("a motor unit reports its junction")?;
    let baseline = metrics.muscle.map_or(0.0, |m| m.force_baseline_um);
    Ok(Simulated {
        label,
        t_ms: curves.t_ms().to_vec(),
        axon_mv: curves.column(0).to_vec(),
        force_um: curves.column(1).iter().map(|a2| a2 - baseline).collect(),
        axon_spikes_ms: junction.axon_spike_times_ms,
    })
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let simulated = CASES
        .par_iter()
        .map(|(label, overrides)| simulate(label, overrides, options.short))
        .collect::<Result<Vec<_>, _>>()?;
    let (start, end) = BURST_MS;
    println!("motor-axon impulses: before the burst / during / after it");
    for s in &simulated {
        let count = |from: f64, to: f64| {
            s.axon_spikes_ms
                .iter()
                .filter(|&&t| t >= from && t < to)
                .count()
        };
        println!(
            "  {:<28} {:>4} / {:>4} / {:>4}",
            s.label,
            count(0.0, start),
            count(start, end),
            count(end, f64::INFINITY)
        );
    }
    let curves = |values: fn(&Simulated) -> &[f64]| -> Vec<Series<'_>> {
        simulated
            .iter()
            .map(|s| Series {
                label: s.label,
                x: &s.t_ms,
                y: values(s),
            })
            .collect()
    };
    let figure = Figure {
        title: "Where cramps start: BRK motoneuron → motor unit, nerve 20 Hz × 1 s",
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "motor axon potential (mV)",
                series: curves(|s| &s.axon_mv),
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "force: A_2 rise above rest (µM)",
                series: curves(|s| &s.force_um),
                height_share: 1.0,
                y_bands: Vec::new(),
            },
        ],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "09_where_cramps_start")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
