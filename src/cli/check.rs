//! `endplate check`: validate scenario and sweep files without running them.
//! A file with a top-level `base` or `axes` key is a sweep file.

use std::path::PathBuf;

use crate::cli::{Failure, emit};
use endplate::{scenario, sweep};

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
            Ok(run) => emit(&format!(
                "ok: {} ({}, {} ms, {})\n",
                file.display(),
                run.model.kind().name(),
                run.simulation.duration_ms,
                run.protocol
            ))?,
            Err(error) => errors.push(error.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        let count = errors.len();
        Err(Failure::Input(format!(
            "{}\n{count} of {} files have errors",
            errors.join("\n\nerror: "),
            files.len()
        )))
    }
}
