//! `endplate excitability`: spontaneous firing and 50 ms rheobase of a
//! scenario's tissue ([`endplate::excitability`]).

use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use crate::cli::{Failure, emit, output_folder};
use endplate::excitability::{self, Excitability, TissueExcitability};
use endplate::output::write_json;
use endplate::scenario;
use endplate::sweep::progress::{Mode, Progress};

#[derive(Serialize)]
struct ExcitabilityFile<'a> {
    scenario: &'a str,
    model: &'a str,
    #[serde(flatten)]
    excitability: &'a Excitability,
}

fn line(text: &mut String, tissue: &str, measured: &TissueExcitability) {
    let rheobase = measured
        .rheobase_50ms_ua_per_cm2
        .map_or("none up to 1e5 µA/cm²".to_owned(), |r| {
            format!("{r:.4} µA/cm²")
        });
    let _ = writeln!(
        text,
        "  {tissue:<6} spontaneous {:.1} Hz, rheobase (50 ms step) {rheobase}",
        measured.spontaneous_rate_hz
    );
}

/// Measures, prints and writes `excitability.json` to `out` (default `out/<name>`).
pub fn excitability(path: &Path, out: Option<&Path>, overrides: &[String]) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let folder = output_folder(&out_dir)?;
    let mut progress = Progress::counting(
        Mode::Auto,
        excitability::stages(&run),
        "excitability",
        "stages",
    );
    let mut done = 0;
    let measured = excitability::measure_reporting(&run, &mut || {
        done += 1;
        progress.advance_to(done);
    })?;
    progress.finish();
    let mut text = format!(
        "{}: excitability ({})\n",
        run.name,
        run.model.entry().name()
    );
    line(&mut text, "fibre", &measured.membrane);
    if let Some(axon) = &measured.axon {
        line(&mut text, "axon", axon);
    }
    let output_error = |error: std::io::Error| {
        Failure::Output(format!(
            "cannot write excitability.json in {}: {error}",
            out_dir.display()
        ))
    };
    let file = ExcitabilityFile {
        scenario: &run.name,
        model: run.model.entry().name(),
        excitability: &measured,
    };
    write_json(&out_dir.join("excitability.json"), &file)
        .and_then(|f| f.commit())
        .map_err(output_error)?;
    drop(folder);
    let _ = writeln!(
        text,
        "  wrote {}",
        out_dir.join("excitability.json").display()
    );
    emit(&text)
}
