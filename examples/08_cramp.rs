//! # 08 — A cramp: the worst cause in the library against normal
//!
//! Read aloud: *A cramp is a contraction you did not ask for and cannot
//! stop. Here one motor unit — a nerve fibre and the muscle fibre it drives
//! — is made to work hard for half a second, a hundred nerve impulses per
//! second, and then left alone. A normal fibre fires once for every
//! impulse, and when the nerve falls silent it relaxes within a tenth of a
//! second. In the second fibre the chloride channels that steady the
//! membrane are reduced to 38 % of normal, as in the inherited disease
//! myotonia congenita. Potassium that leaves the fibre with every impulse
//! piles up in its narrow tubules; without enough chloride current to hold
//! the membrane down, the fibre stops firing and stays half-depolarized,
//! its calcium stays high, and it stays contracted for more than a second
//! after the nerve has stopped: a cramp, driven by the muscle itself.*
//!
//! The example runs `scenarios/normal.toml` and `scenarios/myotonia.toml`
//! (motor units at 37 °C: Sweeney 1987 axon node → Dodge–Rahamimoff release →
//! endplate → Shorten et al. 2007 fibre with fixed Cl⁻), prints their
//! metrics side by side and draws the membrane potential and the force of
//! both on one figure: `out/examples/08_cramp.png` (and `.svg`). Myotonia is
//! the library's worst case as measured: the largest mean force after the
//! train of all its scenarios (tests/it/scenario_library.rs,
//! `myotonia_is_the_library_s_largest_sustained_contraction`); the
//! electrolyte deficiencies change this protocol's outcome far less (see
//! each file's header). What the model does not show: myotonic
//! after-discharges (runs of action potentials); its myotonic fibre sits on
//! a depolarized plateau instead.
//!
//! Run: `cargo run --release --example 08_cramp` (`-- --short` follows
//! 0.5 s after the train instead of 1.5 s).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::model::muscle_fibre::index::{POST_STROKE, V_SURFACE};
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::scenario::{self, Run};
use endplate::simulation::{Columns, RunMetrics, execute};
use rayon::prelude::*;

/// The control and the worst cause, as (label, file).
const SCENARIOS: [(&str, &str); 2] = [
    ("normal", "scenarios/normal.toml"),
    ("myotonia (ClC-1 at 38 %)", "scenarios/myotonia.toml"),
];

/// Length of a `--short` run (ms): the 500 ms train and 500 ms after it.
const SHORT_DURATION_MS: f64 = 1000.0;

/// The mean force is taken from this long after the train's end (ms), when
/// the normal fibre has relaxed (below 10 % of its peak after ~65 ms).
const QUIET_AFTER_TRAIN_MS: f64 = 100.0;

type AnyError = Box<dyn Error + Send + Sync>;

/// One scenario's run.
struct Simulated {
    label: &'static str,
    metrics: RunMetrics,
    t_ms: Vec<f64>,
    v_mv: Vec<f64>,
    force_um: Vec<f64>,
    /// Mean force rise from `QUIET_AFTER_TRAIN_MS` after the train to the end (µM).
    quiet_force_um: f64,
}

fn simulate(label: &'static str, run: &Run) -> Result<Simulated, AnyError> {
    let mut curves = Columns::new(&[V_SURFACE, POST_STROKE]);
    let metrics = execute(run, &mut curves)?.metrics;
    let muscle = metrics
        .muscle
        .as_ref()
        .ok_or("the motor-unit model reported no muscle metrics")?;
    let force_um: Vec<f64> = curves
        .column(1)
        .iter()
        .map(|a2| a2 - muscle.force_baseline_um)
        .collect();
    let (_, train_end_ms) = run
        .protocol
        .active_window_ms()
        .ok_or("the scenario has no nerve train")?;
    let quiet: Vec<f64> = curves
        .t_ms()
        .iter()
        .zip(&force_um)
        .filter(|(t, _)| **t >= train_end_ms + QUIET_AFTER_TRAIN_MS)
        .map(|(_, f)| *f)
        .collect();
    let quiet_force_um = quiet.iter().sum::<f64>() / quiet.len().max(1) as f64;
    Ok(Simulated {
        label,
        metrics,
        t_ms: curves.t_ms().to_vec(),
        v_mv: curves.column(0).to_vec(),
        force_um,
        quiet_force_um,
    })
}

/// A number (counts without decimals), or a dash when the metric is absent.
fn cell(value: Option<f64>) -> String {
    value.map_or("—".to_owned(), |v| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    })
}

fn print_table(runs: &[Simulated]) {
    type Metric = (&'static str, fn(&Simulated) -> Option<f64>);
    let rows: [Metric; 8] = [
        ("resting potential (mV)", |s| {
            Some(s.metrics.membrane.resting_mv)
        }),
        ("nerve impulses", |s| {
            s.metrics
                .junction
                .as_ref()
                .map(|j| j.axon_spike_count as f64)
        }),
        ("muscle action potentials (overshooting)", |s| {
            s.metrics.muscle.as_ref().map(|m| {
                m.per_stimulus
                    .iter()
                    .filter(|r| r.ap_peak_mv.is_some_and(|v| v > 0.0))
                    .count() as f64
            })
        }),
        ("after-discharges", |s| {
            s.metrics
                .muscle
                .as_ref()
                .map(|m| m.after_discharge_count as f64)
        }),
        ("force peak (µM A_2)", |s| {
            s.metrics.muscle.as_ref().map(|m| m.force_peak_um)
        }),
        ("force > 10 % of peak after the train (ms)", |s| {
            s.metrics
                .muscle
                .as_ref()
                .and_then(|m| m.sustained_contraction_ms)
        }),
        ("mean force after the train (µM A_2)", |s| {
            Some(s.quiet_force_um)
        }),
        ("T-tubule K⁺ peak (mM)", |s| {
            s.metrics.muscle.as_ref().map(|m| m.tubule_k_peak_mm)
        }),
    ];
    print!("{:<42}", "");
    for run in runs {
        print!("{:>26}", run.label);
    }
    println!();
    for (name, metric) in rows {
        print!("{name:<42}");
        for run in runs {
            print!("{:>26}", cell(metric(run)));
        }
        println!();
    }
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let overrides: Vec<String> = if options.short {
        vec![format!("simulation.duration_ms={SHORT_DURATION_MS}")]
    } else {
        Vec::new()
    };
    let runs = SCENARIOS
        .iter()
        .map(|(label, file)| Ok((*label, scenario::load(Path::new(file), &overrides)?)))
        .collect::<Result<Vec<_>, AnyError>>()?;
    let simulated = runs
        .par_iter()
        .map(|(label, run)| simulate(label, run))
        .collect::<Result<Vec<_>, _>>()?;

    println!(
        "motor units at 37 °C, nerve 100 Hz × 500 ms, followed for {} ms",
        runs[0].1.simulation.duration_ms
    );
    print_table(&simulated);

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
    let (_, first) = &runs[0];
    let figure = Figure::new(
        "A cramp: normal against myotonia (ClC-1 at 38 %), nerve 100 Hz × 500 ms",
        "time (ms)",
        vec![
            Panel::new("muscle membrane potential (mV)", curves(|s| &s.v_mv)),
            Panel::new("force: A_2 rise above rest (µM)", curves(|s| &s.force_um)),
        ],
    )
    .with_stimuli(first.protocol.onsets_ms(first.simulation.duration_ms));
    for path in save(&figure, options.figure_folder(), "08_cramp")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
