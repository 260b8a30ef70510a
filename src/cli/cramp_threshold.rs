//! `endplate cramp-threshold`: the cramp threshold frequency of a motor
//! unit with a motoneuron ([`endplate::cramp_threshold`]).

use std::fmt::Write;
use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::cli::{Failure, emit};
use endplate::cramp_threshold::{self, CrampError, CrampThreshold};
use endplate::output::plot::{self, Figure, Panel, Series};
use endplate::output::write_json;
use endplate::scenario;

#[derive(Serialize)]
struct CrampFile<'a> {
    scenario: &'a str,
    #[serde(flatten)]
    search: &'a CrampThreshold,
}

impl From<CrampError> for Failure {
    fn from(error: CrampError) -> Self {
        match error {
            CrampError::NoMotoneuron(_) => Failure::Input(error.to_string()),
            CrampError::Solve(e) => Failure::Simulation(e.to_string()),
        }
    }
}

/// The report's text.
fn text(name: &str, search: &CrampThreshold) -> String {
    let mut text = format!("{name}: cramp threshold frequency\n");
    for b in &search.bursts {
        let contraction = match (b.keeps_contracting, b.sustained_contraction_ms) {
            (Some(true), _) => "force > 10 % of peak to the end".to_owned(),
            (Some(false), Some(ms)) => format!("force > 10 % of peak for {ms:.0} ms"),
            (Some(false), None) => "force falls at once".to_owned(),
            (None, _) => "unit not run".to_owned(),
        };
        let _ = writeln!(
            text,
            "  {:>4.0} Hz: {:>3} soma spikes in the burst, after it {:>5.1} Hz ({}); {contraction}",
            b.frequency_hz,
            b.soma_spikes_during,
            b.after_rate_hz,
            if b.keeps_firing {
                "keeps firing"
            } else {
                "stops"
            },
        );
    }
    let (low, high) = search.published_range_hz;
    let found = match search.threshold_hz {
        Some(f) => format!("{f:.0} Hz"),
        None if search.spontaneous_spikes > 0 => format!(
            "none: the motoneuron fires before any stimulation ({} spikes in {:.0} ms)",
            search.spontaneous_spikes,
            cramp_threshold::BURST_START_MS
        ),
        None => format!("none up to {:.0} Hz", cramp_threshold::LAST_HZ),
    };
    let _ = writeln!(
        text,
        "  threshold: {found} (published human means {low}–{high} Hz)"
    );
    text
}

/// Searches, prints and writes `cramp_threshold.json` and its figure to `out` (default `out/<name>`).
pub fn cramp_threshold(
    path: &Path,
    out: Option<&Path>,
    overrides: &[String],
) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    let search = cramp_threshold::measure(&run)?;
    let mut report = text(&run.name, &search);
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let output_error = |error: std::io::Error| {
        Failure::Output(format!(
            "cannot write cramp_threshold.json in {}: {error}",
            out_dir.display()
        ))
    };
    fs::create_dir_all(&out_dir).map_err(output_error)?;
    let frequencies: Vec<f64> = search.bursts.iter().map(|b| b.frequency_hz).collect();
    let rates: Vec<f64> = search.bursts.iter().map(|b| b.after_rate_hz).collect();
    let sustained: Vec<f64> = search
        .bursts
        .iter()
        .map(|b| b.sustained_contraction_ms.unwrap_or(0.0))
        .collect();
    let title = format!("{}: firing and force after a 1 s nerve burst", run.name);
    let figure = Figure {
        title: &title,
        x_label: "burst frequency (Hz)",
        panels: vec![
            Panel {
                y_label: "motoneuron rate after the burst (Hz)",
                series: vec![Series {
                    label: "",
                    x: &frequencies,
                    y: &rates,
                }],
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "force > 10 % of peak after it (ms)",
                series: vec![Series {
                    label: "",
                    x: &frequencies,
                    y: &sustained,
                }],
                height_share: 1.0,
                y_bands: Vec::new(),
            },
        ],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    let json = write_json(
        &out_dir.join("cramp_threshold.json"),
        &CrampFile {
            scenario: &run.name,
            search: &search,
        },
    )
    .map_err(output_error)?;
    let [png, svg] = plot::render(
        &figure,
        &out_dir.join("cramp_threshold.png"),
        &out_dir.join("cramp_threshold.svg"),
    )
    .map_err(output_error)?;
    for file in [json, png, svg] {
        file.commit().map_err(output_error)?;
    }
    let _ = writeln!(
        report,
        "  wrote {}/{{cramp_threshold.json, cramp_threshold.png, cramp_threshold.svg}}",
        out_dir.display()
    );
    emit(&report)
}
