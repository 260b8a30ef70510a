//! `endplate check`: validate scenario and sweep files without running them.
//! A file with a top-level `base` or `axes` key is a sweep file.

use std::path::PathBuf;

use crate::cli::{Failure, emit};
use endplate::sweep::limits;
use endplate::{scenario, sweep};

/// One line for each `[ions]` key the scenario gives that a part of its
/// model does not act on, with why: the model honours the key, but not in
/// every part (e.g. a Sweeney axon's fixed reversal potentials).
fn ignored_ions(run: &scenario::Run) -> String {
    let given = run.model.conditions().given_keys();
    let mut text = String::new();
    for part in run.model.parts() {
        for (key, why) in part.ignores.iter().filter(|(k, _)| given.contains(k)) {
            text += &format!("  note: the {} ignores ions.{key}: {why}\n", part.name);
        }
    }
    text
}

/// Checks every file; reports each, fails (exit 2) if any is bad.
pub fn check(files: &[PathBuf], overrides: &[String]) -> Result<(), Failure> {
    let mut errors = Vec::new();
    for file in files {
        if sweep::file::is_sweep_file(file) {
            match super::sweep::check_file(file, overrides) {
                Ok(line) => emit(&line)?,
                Err(error) => errors.push(error),
            }
            continue;
        }
        match scenario::load(file, overrides) {
            Ok(run) => match limits::run_refusal(&run) {
                Some(reason) => errors.push(format!(
                    "{}: `endplate run` refuses this scenario without --force: {reason}",
                    file.display()
                )),
                None => emit(&format!(
                    "ok: {} ({}, {} ms, {}; trace about {} MB)\n{}",
                    file.display(),
                    run.model.entry().name(),
                    run.simulation.duration_ms,
                    run.protocol,
                    limits::amount_text(limits::trace_megabytes(&run).max(0.1)),
                    ignored_ions(&run)
                ))?,
            },
            Err(error) => errors.push(error.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        let summary = match (errors.len(), files.len()) {
            (1, 1) => "the file has errors".to_owned(),
            (bad, all) => format!("{bad} of {all} files have errors"),
        };
        Err(Failure::Input(format!(
            "{}\n{summary}",
            errors.join("\n\nerror: ")
        )))
    }
}
