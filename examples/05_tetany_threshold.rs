//! # 05 — The tetany threshold: how low calcium makes nerve fire on its own
//!
//! Read aloud: *The outside of a nerve membrane carries fixed negative
//! charges. Calcium ions in the blood cling to them and screen them, and the
//! voltage sensors of the sodium channels feel that screened charge as well
//! as the membrane potential (Hille, Woodhull & Shapiro 1975 measured it on
//! nerve: ten times more divalent ions move sodium gating by about 20 mV).
//! When blood calcium falls, the screening weakens and the sodium channels
//! behave as if the membrane were already partly depolarized: they open
//! closer to rest, the axon needs less current to fire, and at low enough
//! calcium the small persistent sodium current wins over the potassium
//! currents and the axon fires with no stimulus at all. Those ectopic
//! impulses in motor axons are tetany: twitching and cramps of the hands and
//! face. Doctors provoke it at the bedside: tapping the facial nerve makes
//! the lip twitch (Chvostek's sign), a blood-pressure cuff on the arm makes
//! the hand cramp (Trousseau's sign). Normal ionized calcium is 1.15–1.33
//! mmol/L; below about 0.8 mmol/L hypocalcaemia is severe and tetany is
//! expected.*
//!
//! The example runs `scenarios/motor-unit.toml` with its default axon, the
//! human motor axon of Gaines et al. 2018 with its myelinated cable
//! (`gaines-2018`: node with fast and persistent Na⁺, fast and slow K⁺;
//! internode with K⁺ and HCN channels; 37 °C; until issue 10 this example
//! used the Hennings 2005 axon, which fires on its own below 0.39 mM) and
//! the Shorten et al. 2007 fibre, at ionized Ca from 0.15 to 1.4 mM (Mg
//! 0.5 mM). Ca acts on both membranes through the divalent gating shift
//! of `src/physiology/surface_charge.rs` (20 mV per decade on Na⁺ gates,
//! 8.4 on K⁺ gates) and on transmitter release. For each Ca it measures,
//! with `src/excitability.rs`, the spontaneous firing rate over 1 s from
//! rest and the rheobase of a 50 ms step, for the axon and for the fibre
//! (the fibre's rate counts every muscle action potential, neurally driven
//! or not); then it finds by bisection the Ca below which the axon fires on
//! its own. It prints the table and the threshold and draws
//! `out/examples/05_tetany_threshold.png` (and `.svg`): firing rate and the
//! two rheobases against Ca, with the normal range and the threshold marked.
//! A rheobase is drawn only where the tissue is quiet at rest (where it fires
//! on its own, no current is needed).
//!
//! Run: `cargo run --release --example 05_tetany_threshold` (`-- --short`
//! for three Ca values and a coarser bisection).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;
use endplate::excitability::{self, Excitability, firing_threshold_mm};
use endplate::output::plot::{Band, Figure, Panel, Series, save};
use endplate::scenario::{Run, Template};
use rayon::prelude::*;

type AnyError = Box<dyn Error + Send + Sync>;

/// Ionized Ca of the full scan (mM).
const CALCIUM_MM: [f64; 9] = [0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4];
/// Ionized Ca of a `--short` run (mM).
const QUICK_CALCIUM_MM: [f64; 3] = [0.15, 0.8, 1.2];
/// Normal ionized Ca (mM), SCIENCE.md §6.
const NORMAL_MM: (f64, f64) = (1.15, 1.33);
/// Severe hypocalcaemia starts below this ionized Ca (mM), SCIENCE.md §6.
const SEVERE_MM: f64 = 0.8;

/// The motor unit (its default axon, Gaines 2018) at ionized Ca `ca_mm`.
fn motor_unit(template: &Template, ca_mm: f64) -> Result<Run, AnyError> {
    Ok(template.build_with_arguments(&[format!("ions.ca_o_mm={ca_mm}")])?)
}

/// Rheobase where the tissue is quiet at rest (NaN elsewhere, a gap in the plot).
fn quiet_rheobase(rate_hz: f64, rheobase: Option<f64>) -> f64 {
    match rheobase {
        Some(value) if rate_hz == 0.0 => value,
        _ => f64::NAN,
    }
}

/// The normal range and severe hypocalcaemia as shaded bands from the
/// scan's lowest Ca, and the measured threshold as a line.
fn reference_bands(lowest_mm: f64, threshold_mm: Option<f64>) -> Vec<Band<'static>> {
    let mut bands = vec![
        Band {
            label: "normal range",
            from: NORMAL_MM.0,
            to: NORMAL_MM.1,
        },
        Band {
            label: "severe hypocalcaemia",
            from: lowest_mm,
            to: SEVERE_MM,
        },
    ];
    bands.extend(threshold_mm.map(|ca| Band {
        label: "axon threshold",
        from: ca,
        to: ca,
    }));
    bands
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let (calcium, tolerance_mm): (&[f64], f64) = if options.short {
        (&QUICK_CALCIUM_MM, 0.05)
    } else {
        (&CALCIUM_MM, 0.01)
    };
    let template = Template::load(Path::new("scenarios/motor-unit.toml"))?;
    let measured = calcium
        .par_iter()
        .map(|&ca| Ok(excitability::measure(&motor_unit(&template, ca)?)?))
        .collect::<Result<Vec<Excitability>, AnyError>>()?;
    // The bisection starts from the scan's bracket: the highest Ca at which
    // the axon fired and the next one up, where it did not.
    let axon_fires = |e: &Excitability| e.axon.is_some_and(|a| a.spontaneous_rate_hz > 0.0);
    let last_firing = measured.iter().rposition(axon_fires);
    let (low, high) = match last_firing {
        Some(k) if k + 1 < calcium.len() => (calcium[k], calcium[k + 1]),
        _ => (calcium[0], calcium[calcium.len() - 1]),
    };
    let threshold = firing_threshold_mm(low, high, tolerance_mm, |ca| {
        let run = motor_unit(&template, ca)?;
        Ok::<_, AnyError>(excitability::axon_spontaneous_rate_hz(&run)? > 0.0)
    })?;

    println!("Gaines et al. 2018 human motor axon + Shorten 2007 fibre, 37 °C, Mg 0.5 mM");
    println!(
        "Ca (mM)  axon rate (Hz)  axon rheobase (µA/cm²)  fibre rate (Hz)  fibre rheobase (µA/cm²)"
    );
    let axon = |e: &Excitability| e.axon.expect("a motor unit has an axon");
    for (ca, e) in calcium.iter().zip(&measured) {
        let show = |value: Option<f64>| value.map_or("—".to_owned(), |v| format!("{v:.1}"));
        println!(
            "{ca:>7.2}  {:>14.1}  {:>22}  {:>15.1}  {:>23}",
            axon(e).spontaneous_rate_hz,
            show(axon(e).rheobase_50ms_ua_per_cm2),
            e.membrane.spontaneous_rate_hz,
            show(e.membrane.rheobase_50ms_ua_per_cm2),
        );
    }
    match threshold {
        Some(ca) => println!(
            "the axon fires on its own below {ca:.3} mM ionized Ca (bisection to {tolerance_mm} mM; \
             clinical tetany: ≲ {SEVERE_MM} mM)"
        ),
        None => println!("the axon does not fire on its own between {low} and {high} mM"),
    }

    let axon_rate: Vec<f64> = measured
        .iter()
        .map(|e| axon(e).spontaneous_rate_hz)
        .collect();
    let fibre_rate: Vec<f64> = measured
        .iter()
        .map(|e| e.membrane.spontaneous_rate_hz)
        .collect();
    let axon_rheobase: Vec<f64> = measured
        .iter()
        .map(|e| {
            quiet_rheobase(
                axon(e).spontaneous_rate_hz,
                axon(e).rheobase_50ms_ua_per_cm2,
            )
        })
        .collect();
    let fibre_rheobase: Vec<f64> = measured
        .iter()
        .map(|e| {
            quiet_rheobase(
                e.membrane.spontaneous_rate_hz,
                e.membrane.rheobase_50ms_ua_per_cm2,
            )
        })
        .collect();
    let axon_label = "motor axon (Gaines 2018)";
    let fibre_label = "muscle fibre (Shorten 2007)";
    let axon_series = |y| Series {
        label: axon_label,
        x: calcium,
        y,
    };
    let fibre_series = |y| Series {
        label: fibre_label,
        x: calcium,
        y,
    };
    let figure = Figure::new(
        "Tetany threshold: spontaneous firing and rheobase against ionized Ca",
        "ionized Ca (mM)",
        vec![
            Panel::new(
                "spontaneous rate (Hz)",
                vec![axon_series(&axon_rate), fibre_series(&fibre_rate)],
            ),
            Panel::new(
                "axon rheobase, 50 ms (µA/cm²)",
                vec![axon_series(&axon_rheobase)],
            ),
            Panel::new(
                "fibre rheobase, 50 ms (µA/cm²)",
                vec![fibre_series(&fibre_rheobase)],
            ),
        ],
    )
    .with_x_bands(reference_bands(calcium[0], threshold));
    for path in save(&figure, options.figure_folder(), "05_tetany_threshold")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
