//! `endplate rest`: bring a scenario's model to rest and report how it went.

use std::fmt::Write;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::cli::{Failure, emit, output_folder};
use endplate::model::State;
use endplate::model::motor_unit::MotorUnit;
use endplate::model::muscle_fibre::{self, MuscleFibre, RestBalance};
use endplate::output::write_json;
use endplate::scenario;
use endplate::simulation::find_rest;
use endplate::solve::steady_state::RestReport;

#[derive(Serialize)]
struct RestFile<'a> {
    scenario: &'a str,
    model: &'a str,
    report: &'a RestReport,
    wall_time_s: f64,
    /// Variable name → value at rest, in layout order.
    state: serde_json::Map<String, serde_json::Value>,
    /// The muscle fibre's ion balance and slope conductances at rest (fibre and motor unit only).
    #[serde(skip_serializing_if = "Option::is_none")]
    fibre_balance: Option<RestBalance>,
}

/// The Shorten fibre in `model` (alone or in a motor unit, whose first
/// states are the fibre's) and its balance at `state`.
fn fibre_balance(model: &dyn std::any::Any, state: &[f64]) -> Option<RestBalance> {
    let fibre = model.downcast_ref::<MuscleFibre>().or_else(|| {
        model
            .downcast_ref::<MotorUnit>()
            .map(|unit: &MotorUnit| &unit.fibre)
    })?;
    let y = State::<{ muscle_fibre::STATE_COUNT }>::from_column_slice(
        state.get(..muscle_fibre::STATE_COUNT)?,
    );
    Some(fibre.rest_balance(&y))
}

/// Searches for rest, prints the report and writes `rest.json` to `out` (default `out/<name>`).
pub fn rest(path: &Path, out: Option<&Path>, overrides: &[String]) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let folder = output_folder(&out_dir)?;
    let started = Instant::now();
    let outcome = find_rest(&run)?;
    let wall_time_s = started.elapsed().as_secs_f64();
    let variables = run.model.state_variables();
    let report = &outcome.report;

    let mut text = String::new();
    let verdict = if report.converged {
        "rest reached"
    } else {
        "NOT at rest"
    };
    let _ = writeln!(
        text,
        "{}: {verdict} after {} ms simulated ({wall_time_s:.2} s wall, {} steps)",
        run.name, report.simulated_ms, report.solver.steps
    );
    let _ = writeln!(
        text,
        "  largest |dy/dt|/(|y| + 1e-3): {:.3e} per ms in {} (tolerance {:.1e})",
        report.max_scaled_rate_per_ms, report.slowest_variable, report.tolerance_per_ms
    );
    let _ = writeln!(
        text,
        "  {:<28} {:>16} {:>16}  unit",
        "variable", "published", "rest"
    );
    for ((variable, initial), value) in variables.iter().zip(&outcome.initial).zip(&outcome.state) {
        let _ = writeln!(
            text,
            "  {:<28} {initial:>16.8} {value:>16.8}  {}",
            variable.name, variable.unit
        );
    }

    let balance = fibre_balance(run.model.as_any(), &outcome.state);
    if let Some(b) = &balance {
        let g = &b.slope;
        let _ = writeln!(
            text,
            "  fibre slope conductances at rest (per cm² of sarcolemma, T-tubule included): \
             G_Cl {:.3}, G_K {:.3}, G_Na {:.4} mS/cm²; R_m {:.0} Ω·cm²",
            g.g_cl_ms_per_cm2, g.g_k_ms_per_cm2, g.g_na_ms_per_cm2, g.r_m_ohm_cm2
        );
        let _ = writeln!(
            text,
            "  fibre net ion flux at rest: K_i {:+.2e}, Na_i {:+.2e}, Cl_i {:+.2e} mM/min; \
             K_t − K_e {:+.4} mM; E_Cl − V {:+.2} mV",
            b.k_myoplasm_mm_per_min,
            b.na_myoplasm_mm_per_min,
            b.cl_myoplasm_mm_per_min,
            b.k_tubule_minus_interstitial_mm,
            b.e_cl_minus_v_mv
        );
    }

    let output_error = |error: std::io::Error| {
        Failure::Output(format!(
            "cannot write rest.json in {}: {error}",
            out_dir.display()
        ))
    };
    let state = variables
        .iter()
        .zip(&outcome.state)
        .map(|(v, &x)| (v.name.to_owned(), serde_json::json!(x)))
        .collect();
    let file = RestFile {
        scenario: &run.name,
        model: run.model.entry().name(),
        report,
        wall_time_s,
        state,
        fibre_balance: balance,
    };
    write_json(&out_dir.join("rest.json"), &file)
        .and_then(|f| f.commit())
        .map_err(output_error)?;
    drop(folder);
    let _ = writeln!(text, "  wrote {}", out_dir.join("rest.json").display());
    emit(&text)?;
    if report.converged {
        Ok(())
    } else {
        Err(Failure::Simulation(format!(
            "no rest state within rest.max_ms = {} ms; raise it or loosen rest.tolerance_per_ms",
            run.rest.max_ms
        )))
    }
}
