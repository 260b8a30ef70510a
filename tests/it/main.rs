//! The integration tests, one crate so that the library and its
//! dependencies are linked once: one module per subject, and the helpers
//! they share.

mod axon_tetany;
mod catalogue_toy;
mod cli;
mod conditions;
mod fuzz;
mod http_client;
mod ions;
mod magnesium_options;
mod motor_unit;
mod motor_unit_cannon;
mod motor_unit_motoneuron;
mod muscle_metrics;
mod muscle_solvers;
mod readme;
mod reference;
mod rest_free_ions;
mod rest_scan;
mod robust;
mod scenario_hypokalemic_periodic_paralysis;
mod scenario_library;
mod scenarios;
mod serve;
mod slurm;
mod sweep;
mod transmitter_release;
mod validation_hh1952;
mod validation_shorten2007;

use assert_cmd::Command;

/// The `endplate` binary of this build.
fn endplate() -> Command {
    Command::cargo_bin("endplate").expect("the endplate binary is built for tests")
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `--set` style overrides as the owned strings `Template::build_with_arguments` takes.
fn arguments(overrides: &[&str]) -> Vec<String> {
    overrides.iter().map(|s| (*s).to_owned()).collect()
}
