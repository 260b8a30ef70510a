//! `endplate validate`: every validation target, computed now, as a table
//! (target, source, expected, got, tolerance, pass/fail); exit 1 if any fails.

use std::fmt::Write;

use crate::cli::{Failure, Format, emit};
use endplate::validation::{Tolerance, all_targets};

/// Computes and prints the targets.
pub fn validate(format: Format) -> Result<(), Failure> {
    let targets = all_targets().map_err(|u| {
        Failure::Simulation(format!(
            "validation target `{}` could not be computed: {}",
            u.target, u.reason
        ))
    })?;
    let failed = targets.iter().filter(|t| !t.passed()).count();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = targets
                .iter()
                .map(|t| serde_json::json!({ "target": t, "passed": t.passed() }))
                .collect();
            let text = serde_json::to_string_pretty(&rows)
                .map_err(|e| Failure::Output(format!("cannot encode JSON: {e}")))?;
            emit(&(text + "\n"))?;
        }
        Format::Text => {
            let mut text = format!(
                "{:<56} {:<42} {:>14} {:>14} {:>12} {:<8} result\n",
                "target", "source", "expected", "got", "tolerance", "unit"
            );
            for t in &targets {
                let tolerance = match t.tolerance {
                    Tolerance::Absolute(0.0) => "exact".to_owned(),
                    Tolerance::Absolute(a) => format!("±{a:e}"),
                    Tolerance::Relative(r) => format!("±{r:e} rel"),
                    Tolerance::Below => "below".to_owned(),
                };
                let verdict = if t.passed() { "pass" } else { "FAIL" };
                let _ = writeln!(
                    text,
                    "{:<56} {:<42} {:>14.6} {:>14.6} {:>12} {:<8} {verdict}",
                    t.target, t.source, t.expected, t.got, tolerance, t.unit
                );
            }
            let _ = writeln!(
                text,
                "{} of {} targets pass",
                targets.len() - failed,
                targets.len()
            );
            emit(&text)?;
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure::Simulation(format!(
            "{failed} validation targets fail"
        )))
    }
}
