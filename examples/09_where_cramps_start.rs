//! # 09 — Where cramps start: a motoneuron at the head of the motor unit
//!
//! Read aloud: *Most cramps are thought to start in the spinal cord. The
//! motoneuron that drives a motor unit has, in its dendrites, calcium
//! channels that stay open once opened: a persistent inward current. Made
//! stronger by serotonin, it can keep the cell firing after its input has
//! stopped, and the muscle contracts on its own: a cramp. Stretching the
//! muscle loads its tendon organs, whose inhibition switches the cell off.
//! Here one motor unit is stimulated through its nerve at 40 Hz for a
//! second, with strongly facilitated spindle (Ia) input: once left alone,
//! once with half a second of tendon-organ inhibition after the burst.*
//!
//! The example runs `scenarios/exercise-associated-cramp.toml` (a motor
//! unit at 37 °C headed by the Booth, Rinzel & Kiehn 1997 motoneuron, 5-HT,
//! no Ib inhibition) with an Ia EPSP of 20 mV per volley and a 1 s burst at
//! 40 Hz (500–1475 ms), then the same with a dendritic Ib conductance pulse
//! of 0.1 mS/cm² from 2000 to 2400 ms (`[parameters.motoneuron.inputs]
//! ib_pulse_*`). It prints the motor-axon impulses before, during and after
//! the burst and draws the motoneuron's somatic potential, the muscle
//! fibre's surface potential and the force:
//! `out/examples/09_where_cramps_start.png` (and `.svg`).
//!
//! What it shows, as measured: the burst switches the silent cell into
//! firing at ≈ 60 Hz that outlasts it, and the fibre keeps firing and
//! contracting: force stays above 10 % of its peak to the end of the run
//! (a cramp the burst started). The Ib pulse stops the firing within
//! ≈ 60 ms (last after-discharge ≈ 580 ms after the burst) and the force
//! falls below 10 % of its peak ≈ 635 ms after the burst; the cell stays
//! off after the pulse ends: the relief by stretching, in the model.
//!
//! Run: `cargo run --release --example 09_where_cramps_start` (`-- --short`
//! ends the run at 2.5 s instead of 3 s).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::model::State;
use endplate::model::motoneuron::{self, nerve::VolleyKicks};
use endplate::model::motor_unit::MotorUnit;
use endplate::model::muscle_fibre::index::{POST_STROKE, V_SURFACE};
use endplate::output::plot::{Band, Figure, Panel, Series, save};
use endplate::scenario;
use endplate::simulation::{Columns, execute};
use endplate::solve::{AcceptedStep, StepObserver, simulate_with_kicks};
use rayon::prelude::*;

/// The cramp: Ia EPSP of 20 mV per volley, 40 pulses at 40 Hz from 500 ms.
const CRAMP: [&str; 3] = [
    "parameters.motoneuron.nerve.afferent_epsp_mv=20",
    "stimulus.trains[0].frequency_hz=40",
    "stimulus.trains[0].count=40",
];

/// The relief: a dendritic Ib conductance pulse (stretch).
const RELIEF: [&str; 3] = [
    "parameters.motoneuron.inputs.ib_pulse_ms_per_cm2=0.1",
    "parameters.motoneuron.inputs.ib_pulse_onset_ms=2000",
    "parameters.motoneuron.inputs.ib_pulse_duration_ms=400",
];

/// The two cases, as (label, with the Ib pulse).
const CASES: [(&str, bool); 2] = [
    ("cramp: Ia 20 mV, 40 Hz × 1 s", false),
    ("+ Ib 0.1 mS/cm², 2000–2400 ms", true),
];

/// The burst: first pulse to one interval (25 ms) after the last (ms).
const BURST_MS: (f64, f64) = (500.0, 1500.0);

/// The Ib pulse (ms).
const IB_MS: (f64, f64) = (2000.0, 2400.0);

/// The motoneuron's somatic potential at each accepted step.
#[derive(Default)]
struct SomaTrace {
    t_ms: Vec<f64>,
    v_mv: Vec<f64>,
}

impl StepObserver<{ motoneuron::STATE_COUNT }> for SomaTrace {
    fn start(&mut self, t_ms: f64, y: &State<{ motoneuron::STATE_COUNT }>, _i_stim: f64) {
        self.t_ms.push(t_ms);
        self.v_mv.push(y[motoneuron::index::V_SOMA]);
    }
    fn step(&mut self, step: &AcceptedStep<'_, { motoneuron::STATE_COUNT }>) {
        self.t_ms.push(step.t1_ms);
        self.v_mv.push(step.y1[motoneuron::index::V_SOMA]);
    }
}

type AnyError = Box<dyn Error + Send + Sync>;

struct Simulated {
    label: &'static str,
    soma: SomaTrace,
    t_ms: Vec<f64>,
    fibre_mv: Vec<f64>,
    force_um: Vec<f64>,
    axon_spikes_ms: Vec<f64>,
}

fn simulate(label: &'static str, relief: bool, short: bool) -> Result<Simulated, AnyError> {
    let mut arguments: Vec<String> = CRAMP.iter().map(|s| (*s).to_owned()).collect();
    if relief {
        arguments.extend(RELIEF.iter().map(|s| (*s).to_owned()));
    }
    let duration_ms = if short { 2500.0 } else { 3000.0 };
    arguments.push(format!("simulation.duration_ms={duration_ms}"));
    let run = scenario::load(
        Path::new("scenarios/exercise-associated-cramp.toml"),
        &arguments,
    )?;
    // The motoneuron's own pass, as the motor unit runs it, traced.
    let stage = run
        .model
        .as_any()
        .downcast_ref::<MotorUnit>()
        .and_then(|unit| unit.motoneuron.clone())
        .ok_or("the scenario's motor unit has a motoneuron")?;
    let volleys = run.protocol.pulse_onsets_ms(f64::INFINITY);
    let mut soma = SomaTrace::default();
    simulate_with_kicks(
        &stage.cell,
        &stage.settled(&run.solver)?,
        &stage.cell.config.inputs.protocol(),
        &mut VolleyKicks::new(&volleys, &stage.nerve),
        duration_ms,
        &run.solver,
        &mut soma,
    )?;
    let mut curves = Columns::new(&[V_SURFACE, POST_STROKE]);
    let metrics = execute(&run, &mut curves)?.metrics;
    let junction = metrics
        .junction
        .ok_or("a motor unit reports its junction")?;
    let baseline = metrics.muscle.map_or(0.0, |m| m.force_baseline_um);
    Ok(Simulated {
        label,
        soma,
        t_ms: curves.t_ms().to_vec(),
        fibre_mv: curves.column(0).to_vec(),
        force_um: curves.column(1).iter().map(|a2| a2 - baseline).collect(),
        axon_spikes_ms: junction.axon_spike_times_ms,
    })
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let simulated = CASES
        .par_iter()
        .map(|&(label, relief)| simulate(label, relief, options.short))
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
    let curves = |x: fn(&Simulated) -> &[f64], y: fn(&Simulated) -> &[f64]| -> Vec<Series<'_>> {
        simulated
            .iter()
            .map(|s| Series {
                label: s.label,
                x: x(s),
                y: y(s),
            })
            .collect()
    };
    let figure = Figure {
        title: "Where cramps start: a 40 Hz nerve burst (Ia 20 mV) and its relief by Ib",
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "motoneuron soma (mV)",
                series: curves(|s| &s.soma.t_ms, |s| &s.soma.v_mv),
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "muscle fibre surface (mV)",
                series: curves(|s| &s.t_ms, |s| &s.fibre_mv),
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "force: A_2 rise above rest (µM)",
                series: curves(|s| &s.t_ms, |s| &s.force_um),
                height_share: 1.0,
                y_bands: Vec::new(),
            },
        ],
        x_bands: vec![
            Band {
                label: "nerve burst",
                from: BURST_MS.0,
                to: BURST_MS.1,
            },
            Band {
                label: "Ib pulse (second case)",
                from: IB_MS.0,
                to: IB_MS.1,
            },
        ],
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "09_where_cramps_start")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
