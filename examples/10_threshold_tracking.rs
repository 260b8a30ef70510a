//! # 09 — Threshold tracking: the human motor axon against the clinic's norms
//!
//! Read aloud: *A neurologist cannot put an electrode inside a patient's
//! nerve, but can find, again and again, the smallest current through the
//! skin that still excites a fixed fraction of the motor axons: the
//! threshold. How that threshold changes tells what the membrane is doing.
//! A long weak depolarizing current lowers it at first and then, as slow
//! potassium channels open, less (threshold electrotonus, "TEd"); a
//! hyperpolarizing one raises it more and more until the HCN channels
//! open ("TEh"). After an impulse the axon is refractory for a few
//! milliseconds, then briefly more excitable than at rest
//! (superexcitability, from the depolarizing afterpotential under the
//! myelin), then less (late subexcitability, slow potassium channels).
//! Kiernan and colleagues (2000) measured these curves in 30 healthy
//! people, and a model of a human motor axon should draw the same curves.*
//!
//! The example runs the motor unit's default axon, the Gaines et al. 2018
//! human motor axon with its myelinated cable (`src/model/gaines_axon/`), at
//! normal ions (Ca 1.2, Mg 0.5, K 4.5 mM, 37 °C) through the threshold-
//! tracking protocols of `src/threshold_tracking.rs`: threshold
//! electrotonus to ±40 % of the 1 ms threshold for 100 ms, and the recovery
//! cycle after a supramaximal impulse. It prints each curve with the
//! published normal values beside it (Kiernan, Burke, Andersen & Bostock
//! 2000, Muscle Nerve 23:399, Table 1, mean ± SD, quoted: see
//! `src/validation/human_axon.rs`) and draws
//! `out/examples/10_threshold_tracking.png` (and `.svg`): the curves, with
//! the published means as short segments. What it shows: the port meets SDTC,
//! refractoriness and late subexcitability, but its TEd is about 30 points
//! low, its TEh a third of the norm, and it has no superexcitability (see
//! the README, "Human nerve-excitability norms").
//!
//! Run: `cargo run --release --example 10_threshold_tracking` (`-- --short`
//! for a few delays and intervals).

mod common;

use std::error::Error;

use common::Options;
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::threshold_tracking::Tracker;
use endplate::validation::human_axon::{
    LATE_SUBEXCITABILITY, NORMS, REFRACTORINESS, SUPEREXCITABILITY, TED_EARLY, TED_LATE, TEH_LATE,
    gaines_at_ca, rest_of, stiff,
};
use rayon::prelude::*;

type AnyError = Box<dyn Error + Send + Sync>;

/// Delays of the test's end after conditioning onset (ms), full run.
const TE_DELAYS_MS: [f64; 12] = [
    2.0, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 70.0, 90.0, 95.0, 100.0,
];
/// The same, `--short`.
const QUICK_TE_DELAYS_MS: [f64; 3] = [10.0, 20.0, 100.0];
/// Recovery-cycle intervals (ms), full run.
const INTERVALS_MS: [f64; 14] = [
    2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 7.9, 10.0, 13.0, 16.0, 20.0, 32.0, 50.0, 79.0,
];
/// The same, `--short`.
const QUICK_INTERVALS_MS: [f64; 3] = [2.0, 7.9, 50.0];

/// The values of a curve, `NaN` where no threshold was found.
fn values(curve: &[(f64, Option<f64>)]) -> Vec<f64> {
    curve.iter().map(|(_, v)| v.unwrap_or(f64::NAN)).collect()
}

/// A published mean drawn as a segment (x ends, y ends).
fn norm<'a>(label: &'a str, (x, y): &'a ([f64; 2], [f64; 2])) -> Series<'a> {
    Series { label, x, y }
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let (delays, intervals): (&[f64], &[f64]) = if options.short {
        (&QUICK_TE_DELAYS_MS, &QUICK_INTERVALS_MS)
    } else {
        (&TE_DELAYS_MS, &INTERVALS_MS)
    };
    let axon = gaines_at_ca(1.2);
    let (rest, converged) = rest_of(&axon)?;
    if !converged {
        return Err("the Gaines axon found no rest at normal ions".into());
    }
    let tracker = Tracker::new(&axon, rest, stiff());
    let sd = tracker
        .strength_duration(100.0)?
        .ok_or("no threshold up to 1e5 µA/cm²")?;
    let control = sd.long_threshold;
    // +40 % and −40 % threshold electrotonus and the recovery cycle (0), in parallel.
    let curves = [0.4, -0.4, 0.0]
        .par_iter()
        .map(|&fraction| {
            if fraction == 0.0 {
                tracker.recovery_cycle(control, intervals)
            } else {
                tracker.threshold_electrotonus(control, fraction, delays)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let (ted, teh, recovery) = (&curves[0], &curves[1], &curves[2]);

    println!("Gaines et al. 2018 human motor axon, Ca 1.2, Mg 0.5, K 4.5 mM, 37 °C");
    println!(
        "1 ms threshold {control:.1} µA/cm² (per cm² of node), rheobase {:.1}, SDTC {:.3} ms",
        sd.rheobase, sd.time_constant_ms
    );
    println!("delay (ms)  TEd +40 % (%)  TEh −40 % (%)");
    for ((delay, up), (_, down)) in ted.iter().zip(teh) {
        let show = |v: &Option<f64>| v.map_or("—".to_owned(), |v| format!("{v:.1}"));
        println!("{delay:>10.1}  {:>13}  {:>13}", show(up), show(down));
    }
    println!("interval (ms)  threshold change (%)");
    for (interval, change) in recovery {
        println!(
            "{interval:>13.1}  {:>20}",
            change.map_or("—".to_owned(), |v| format!("{v:.1}"))
        );
    }
    println!("published normal values (Kiernan et al. 2000, mean ± SD; quoted):");
    for norm in &NORMS {
        println!("  {:28} {:8.2} ± {:.2}", norm.name, norm.mean, norm.sd);
    }

    let ted_y = values(ted);
    let teh_y = values(teh);
    let recovery_x: Vec<f64> = recovery.iter().map(|(t, _)| *t).collect();
    let recovery_y = values(recovery);
    // The published means, each a short segment over the range its index
    // summarizes.
    let segment = |from: f64, to: f64, mean: f64| ([from, to], [mean, mean]);
    let ted_early = segment(10.0, 20.0, TED_EARLY.mean);
    let ted_late = segment(90.0, 100.0, TED_LATE.mean);
    let teh_late = segment(90.0, 100.0, TEH_LATE.mean);
    let refractory = segment(1.5, 2.5, REFRACTORINESS.mean);
    let superexcitable = segment(5.0, 10.0, SUPEREXCITABILITY.mean);
    let subexcitable = segment(20.0, 79.0, LATE_SUBEXCITABILITY.mean);
    let figure = Figure {
        title: "Threshold tracking of the Gaines 2018 human motor axon against Kiernan et al. 2000",
        x_label: "time after conditioning onset (ms)",
        panels: vec![
            Panel {
                y_label: "threshold reduction (%)",
                series: vec![
                    Series {
                        label: "TEd, +40 % for 100 ms",
                        x: delays,
                        y: &ted_y,
                    },
                    Series {
                        label: "TEh, −40 % for 100 ms",
                        x: delays,
                        y: &teh_y,
                    },
                    norm("norm TEd(10–20 ms)", &ted_early),
                    norm("norm TEd(90–100 ms)", &ted_late),
                    norm("norm TEh(90–100 ms)", &teh_late),
                ],
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "threshold change (%)",
                series: vec![
                    Series {
                        label: "recovery cycle",
                        x: &recovery_x,
                        y: &recovery_y,
                    },
                    norm("norm refractoriness (2 ms)", &refractory),
                    norm("norm superexcitability", &superexcitable),
                    norm("norm late subexcitability", &subexcitable),
                ],
                height_share: 1.0,
                y_bands: Vec::new(),
            },
        ],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "10_threshold_tracking")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
