//! `endplate rest-scan`: rest states along one parameter from two sides;
//! writes rest_scan.csv and rest_scan.png/svg (see [`endplate::rest_scan`]).

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use crate::cli::{Failure, emit, output_folder};
use endplate::output;
use endplate::output::atomic::{AtomicFile, commit_all};
use endplate::output::plot::{self, Figure, Panel, Series};
use endplate::rest_scan::{self, Branch, RestPoint, RestScanError};
use endplate::scenario::{self, Template};
use endplate::sweep::progress::{Mode, Progress};

/// Scans `parameter` from `from` to `to` in `steps` values and writes the results to `out`.
pub fn rest_scan(
    path: &Path,
    parameter: &str,
    (from, to, steps): (f64, f64, usize),
    out: Option<&Path>,
    overrides: &[String],
) -> Result<(), Failure> {
    if !(from.is_finite() && to.is_finite() && from < to && steps >= 2) {
        return Err(Failure::Input(format!(
            "--from {from} --to {to} --steps {steps}: need finite --from < --to and at least 2 steps"
        )));
    }
    let template = Template::load(path)?;
    let first = template.build_with_arguments(overrides)?;
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&first), Path::to_path_buf);
    let folder = output_folder(&out_dir)?;
    let values = rest_scan::values(from, to, steps);
    let mut progress = Progress::counting(
        Mode::Auto,
        2 * values.len() as u64,
        "rest-scan",
        "rest states",
    );
    let mut done = 0;
    let points = rest_scan::scan_reporting(&template, parameter, &values, overrides, &mut || {
        done += 1;
        progress.advance_to(done);
    })
    .map_err(|e| match e {
        RestScanError::Scenario(e) => Failure::from(*e),
        RestScanError::Solve(e) => Failure::from(*e),
    })?;
    progress.finish();

    let output_error = |what: &str, error: io::Error| {
        Failure::Output(format!("{what} in {}: {error}", out_dir.display()))
    };
    let csv = write_csv(&out_dir.join("rest_scan.csv"), parameter, &points)
        .map_err(|e| output_error("cannot write rest_scan.csv", e))?;
    let unconverged = points.iter().filter(|p| !p.report.converged).count();
    let [png, svg] = draw(&out_dir, &first.name, parameter, &points, unconverged)
        .map_err(|e| output_error("cannot draw the figure", e))?;
    commit_all(vec![csv, png, svg]).map_err(|e| output_error("cannot finish the outputs", e))?;
    drop(folder);

    let mut text = String::new();
    let _ = writeln!(
        text,
        "{}: {} rest states of {parameter} from {from} to {to} ({unconverged} not converged)",
        first.name,
        points.len()
    );
    let wrote = format!(
        "  wrote {}\n",
        out_dir.join("rest_scan.{csv, png, svg}").display()
    );
    if unconverged > 0 {
        emit(&(text + &wrote))?;
        return Err(Failure::Simulation(format!(
            "{unconverged} of {} rest searches did not converge (converged = false in \
             rest_scan.csv), so no conclusion is drawn; raise rest.max_ms (now {} ms) or \
             loosen rest.tolerance_per_ms (now {:e} per ms)",
            points.len(),
            first.rest.max_ms,
            first.rest.tolerance_per_ms
        )));
    }
    match rest_scan::bistable_range(&points) {
        Some((low, high)) => {
            let _ = writeln!(
                text,
                "  two stable states (branches > {} mV apart) from {low} to {high}; \
                 the folds lie just outside",
                rest_scan::SAME_STATE_MV
            );
        }
        None => {
            let _ = writeln!(
                text,
                "  one stable state at every value where both branches rested"
            );
        }
    }
    for branch in [Branch::Up, Branch::Down] {
        let missing = rest_scan::unconverged_values(&points, branch);
        if !missing.is_empty() {
            let _ = writeln!(
                text,
                "  {} branch: no rest at {missing:?} (still moving after rest.max_ms: firing, \
                 oscillating or drifting)",
                branch.name()
            );
        }
    }
    emit(&(text + &wrote))
}

fn write_csv(path: &Path, parameter: &str, points: &[RestPoint]) -> io::Result<AtomicFile> {
    let mut csv = output::csv_file(path)?;
    csv.write_record([
        "param",
        "value",
        "branch",
        "v_surface_mV",
        "converged",
        "simulated_ms",
        "max_scaled_rate_per_ms",
    ])?;
    for p in points {
        csv.write_record([
            parameter.to_owned(),
            p.value.to_string(),
            p.branch.name().to_owned(),
            p.v_mv.to_string(),
            p.report.converged.to_string(),
            p.report.simulated_ms.to_string(),
            p.report.max_scaled_rate_per_ms.to_string(),
        ])?;
    }
    output::finish_csv(csv)
}

fn draw(
    out_dir: &Path,
    name: &str,
    parameter: &str,
    points: &[RestPoint],
    unconverged: usize,
) -> io::Result<[AtomicFile; 2]> {
    let warning = if unconverged > 0 {
        format!(" ({unconverged} NOT CONVERGED)")
    } else {
        String::new()
    };
    let (up_x, up_v) = rest_scan::branch_curve(points, Branch::Up);
    let (down_x, down_v) = rest_scan::branch_curve(points, Branch::Down);
    let figure = Figure {
        title: &format!("{name}: rest potential against {parameter}{warning}"),
        x_label: parameter,
        panels: vec![Panel {
            y_label: "rest potential (mV)",
            series: vec![
                Series {
                    label: "up (from −40 mV)",
                    x: &up_x,
                    y: &up_v,
                },
                Series {
                    label: "down (from −100 mV)",
                    x: &down_x,
                    y: &down_v,
                },
            ],
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    plot::render(
        &figure,
        &out_dir.join("rest_scan.png"),
        &out_dir.join("rest_scan.svg"),
    )
}
