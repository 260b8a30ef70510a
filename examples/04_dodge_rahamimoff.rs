//! # 04 — Calcium, magnesium and transmitter release (Dodge & Rahamimoff 1967)
//!
//! Read aloud: *When the nerve impulse reaches the motor nerve terminal,
//! calcium from outside enters and the terminal releases packets (quanta) of
//! acetylcholine. Dodge and Rahamimoff measured, at the frog neuromuscular
//! junction, how the end-plate potential grows with the calcium outside. On
//! logarithmic axes the low-calcium part is a straight line of slope close to
//! four: double the calcium and release rises sixteen-fold. They explained
//! it by a site X on the terminal that binds calcium, with release
//! proportional to the fourth power of the occupied sites, CaX: about four
//! calcium ions must act together to release one packet. Magnesium competes
//! for the same site, so adding magnesium lowers release at every calcium
//! without changing the slope, and as calcium approaches its normal level
//! the sites fill and the slope falls. One consequence matters for cramps
//! and tetany: low blood calcium does not make the junction release more —
//! it makes it release less. The twitching of hypocalcaemic tetany comes
//! from nerve and muscle membranes, whose sodium channels open more easily
//! when less calcium screens their surface charge.*
//!
//! The example evaluates the release law of
//! `endplate::physiology::transmitter_release` (Dodge & Rahamimoff 1967, J
//! Physiol 193:419; slope 3.78 ± 0.2 at low Ca in their abstract):
//! ```text
//! m = m_normal · (R(Ca, Mg) / R(1.2, 0.5))⁴,   R = Ca / (1 + Ca/K_Ca + Mg/K_Mg)
//! ```
//! with m_normal = 42 quanta (rat diaphragm, 23 °C) and K_Ca = 1 mM,
//! K_Mg = 3 mM — placeholders, not verified against the paper
//! (../shared/SCIENCE.md §3.1). It draws log10 m against log10 [Ca]o at two
//! Mg levels, 0.5 mM (normal human ionized) and 2 mM (Dodge & Rahamimoff's
//! own levels are not in their abstract), with the straight lines fitted over
//! 0.1–0.2 mM, the low-Ca range of validation target V11, and prints the
//! slopes and what hypocalcaemia does to release:
//! `out/examples/04_dodge_rahamimoff.png` (and `.svg`; `tools/gallery` copies it to `docs/figures/`).
//!
//! Run: `cargo run --release --example 04_dodge_rahamimoff` (`-- --short`
//! draws the curves with fewer points).

mod common;

use std::error::Error;

use common::Options;

use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::physiology::transmitter_release::{
    TransmitterReleaseParams, log_log_secant_slope, log_log_slope, mean_quantal_content,
};
use endplate::validation::dodge_rahamimoff1967::{
    LOW_CALCIUM_MM, MAGNESIUM_LEVELS_MM, NORMAL_CALCIUM_MM,
};

/// Ca range of the curves (mM): from below the fitted range to above normal.
const CALCIUM_RANGE_MM: (f64, f64) = (0.05, 5.0);

/// Points per curve (geometric spacing), and with `--short`.
const POINTS: usize = 201;
const SHORT_POINTS: usize = 41;

/// The fitted lines are drawn from this Ca to this Ca (mM), past the fitted
/// range on both sides so their departure from the curve shows.
const FIT_LINE_MM: (f64, f64) = (0.05, 0.6);

/// Clinical hypocalcaemia (ionized Ca, mM): the severe threshold of
/// SCIENCE.md §6 (< 0.8 mM).
const SEVERE_HYPOCALCAEMIA_MM: f64 = 0.8;

type AnyError = Box<dyn Error + Send + Sync>;

/// `count` values from `low` to `high`, evenly spaced in log.
fn geometric(low: f64, high: f64, count: usize) -> Vec<f64> {
    (0..count)
        .map(|i| low * (high / low).powf(i as f64 / (count - 1) as f64))
        .collect()
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let short = options.short;
    let p = TransmitterReleaseParams::default();
    let calcium = geometric(
        CALCIUM_RANGE_MM.0,
        CALCIUM_RANGE_MM.1,
        if short { SHORT_POINTS } else { POINTS },
    );
    let log_calcium: Vec<f64> = calcium.iter().map(|c| c.log10()).collect();
    let (fit_low, fit_high) = LOW_CALCIUM_MM;

    println!(
        "Dodge & Rahamimoff release law, K_Ca {} mM, K_Mg {} mM (placeholders), m = {} quanta at Ca {} / Mg {} mM",
        p.k_ca_mm, p.k_mg_mm, p.quantal_content_normal, p.ca_ref_mm, p.mg_ref_mm
    );
    println!(
        "Mg (mM)  slope Ca {fit_low}–{fit_high} mM  local slope at Ca {NORMAL_CALCIUM_MM}  m at Ca {NORMAL_CALCIUM_MM}  m at Ca {SEVERE_HYPOCALCAEMIA_MM}"
    );
    let mut curves = Vec::new();
    let mut fits = Vec::new();
    for &mg in &MAGNESIUM_LEVELS_MM {
        let slope = log_log_secant_slope(&p, fit_low, fit_high, mg);
        println!(
            "{mg:>7}  {slope:>19.3}  {:>22.3}  {:>12.1}  {:>12.1}",
            log_log_slope(&p, NORMAL_CALCIUM_MM, mg),
            mean_quantal_content(&p, NORMAL_CALCIUM_MM, mg),
            mean_quantal_content(&p, SEVERE_HYPOCALCAEMIA_MM, mg),
        );
        let log_m: Vec<f64> = calcium
            .iter()
            .map(|&ca| mean_quantal_content(&p, ca, mg).log10())
            .collect();
        curves.push((format!("[Mg]o {mg} mM"), log_m));
        // The straight line through the fitted range's end points, extended.
        let anchor = (
            fit_low.log10(),
            mean_quantal_content(&p, fit_low, mg).log10(),
        );
        let ends = [FIT_LINE_MM.0.log10(), FIT_LINE_MM.1.log10()];
        let line = ends.map(|x| anchor.1 + slope * (x - anchor.0));
        fits.push((
            format!("slope {slope:.2} fitted over {fit_low}–{fit_high} mM (Mg {mg} mM)"),
            ends.to_vec(),
            line.to_vec(),
        ));
    }
    let normal = mean_quantal_content(&p, NORMAL_CALCIUM_MM, MAGNESIUM_LEVELS_MM[0]);
    let hypocalcaemic = mean_quantal_content(&p, SEVERE_HYPOCALCAEMIA_MM, MAGNESIUM_LEVELS_MM[0]);
    println!(
        "hypocalcaemia: Ca {NORMAL_CALCIUM_MM} → {SEVERE_HYPOCALCAEMIA_MM} mM lowers release to {:.2} of normal ({normal:.1} → {hypocalcaemic:.1} quanta)",
        hypocalcaemic / normal
    );

    let low_y = curves
        .iter()
        .flat_map(|(_, y)| y.iter())
        .cloned()
        .fold(f64::INFINITY, f64::min);
    let high_y = curves
        .iter()
        .flat_map(|(_, y)| y.iter())
        .cloned()
        .fold(f64::NEG_INFINITY, f64::max);
    let normal_x = [NORMAL_CALCIUM_MM.log10(); 2];
    let normal_y = [low_y, high_y];
    let mut series: Vec<Series> = curves
        .iter()
        .map(|(label, y)| Series {
            label,
            x: &log_calcium,
            y,
        })
        .collect();
    series.extend(fits.iter().map(|(label, x, y)| Series { label, x, y }));
    series.push(Series {
        label: "normal ionized Ca 1.2 mM",
        x: &normal_x,
        y: &normal_y,
    });
    let figure = Figure {
        title: "Transmitter release against Ca at two Mg levels (Dodge & Rahamimoff law)",
        x_label: "log10 [Ca]o (mM)",
        panels: vec![Panel {
            y_label: "log10 quantal content m",
            series,
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "04_dodge_rahamimoff")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
