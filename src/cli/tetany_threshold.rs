//! `endplate tetany-threshold`: the highest ionized Ca²⁺ at which a motor
//! unit's axon fires on its own ([`endplate::excitability::tetany_threshold`]).

use std::fmt::Write;
use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::cli::{Failure, emit};
use endplate::excitability::{self, TETANY_HIGHEST_CA_MM, TETANY_LOWEST_CA_MM, TetanyThreshold};
use endplate::model::motor_unit::MotorUnit;
use endplate::output::write_json;
use endplate::scenario::{self, Template};

/// The clinical picture beside which the result is printed (SCIENCE.md §6,
/// NHS Tayside pathway): ionized Ca below 0.8 mM is severe hypocalcaemia,
/// 0.8–0.9 mM moderate; tetany is expected below about 0.8 mM.
const CLINICAL: &str = "clinic: severe hypocalcaemia (tetany expected) below 0.8 mM ionized Ca, moderate 0.8–0.9 mM (SCIENCE.md §6)";

#[derive(Serialize)]
struct TetanyFile<'a> {
    scenario: &'a str,
    model: &'a str,
    axon_model: &'a str,
    #[serde(flatten)]
    threshold: &'a TetanyThreshold,
    clinical: &'static str,
}

/// Searches, prints and writes `tetany-threshold.json` to `out` (default `out/<name>`).
pub fn tetany_threshold(
    path: &Path,
    out: Option<&Path>,
    overrides: &[String],
) -> Result<(), Failure> {
    if let Some(given) = overrides
        .iter()
        .find(|o| o.trim_start().starts_with("ions.ca_o_mm"))
    {
        return Err(Failure::Input(format!(
            "--set {given}: tetany-threshold searches ions.ca_o_mm itself (allowed: any other key)"
        )));
    }
    let template = Template::load(path)?;
    let run = template.build_with_arguments(overrides)?;
    let Some(unit) = run.model.as_any().downcast_ref::<MotorUnit>() else {
        return Err(Failure::Input(format!(
            "{}: model `{}` has no axon; tetany-threshold needs model = \"motor-unit\"",
            path.display(),
            run.model.entry().name()
        )));
    };
    let found = excitability::tetany_threshold(|ca| {
        let mut arguments = overrides.to_vec();
        arguments.push(format!("ions.ca_o_mm={ca}"));
        Ok::<_, Failure>(template.build_with_arguments(&arguments)?)
    })?;
    let axon_model = unit.axon.entry().name();
    let mut text = format!(
        "{}: tetany threshold of the {axon_model} axon ({} ms without stimulus per trial, bisection to {} mM)\n",
        run.name, found.window_ms, found.tolerance_mm
    );
    match (found.fires_at_ca_mm, found.quiet_at_ca_mm) {
        (Some(fires), Some(quiet)) => {
            let _ = writeln!(
                text,
                "  fires on its own at ionized Ca ≤ {fires:.3} mM ({:.1} Hz there), quiet at {quiet:.3} mM",
                found.rate_at_threshold_hz.unwrap_or(0.0)
            );
        }
        (Some(_), None) => {
            let _ = writeln!(
                text,
                "  fires on its own even at {TETANY_HIGHEST_CA_MM} mM: no threshold in range"
            );
        }
        _ => {
            let _ = writeln!(
                text,
                "  quiet down to {TETANY_LOWEST_CA_MM} mM: no threshold in range"
            );
        }
    }
    let _ = writeln!(text, "  {CLINICAL}");
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let output_error = |error: std::io::Error| {
        Failure::Output(format!(
            "cannot write tetany-threshold.json in {}: {error}",
            out_dir.display()
        ))
    };
    fs::create_dir_all(&out_dir).map_err(output_error)?;
    let file = TetanyFile {
        scenario: &run.name,
        model: run.model.entry().name(),
        axon_model,
        threshold: &found,
        clinical: CLINICAL,
    };
    let json = out_dir.join("tetany-threshold.json");
    write_json(&json, &file)
        .and_then(|f| f.commit())
        .map_err(output_error)?;
    let _ = writeln!(text, "  wrote {}", json.display());
    emit(&text)
}
