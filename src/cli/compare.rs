//! `endplate compare`: several scenarios side by side — the classroom move,
//! normal against deficient. One figure overlays their membrane potentials
//! (and forces, for muscle models); a table puts their metrics in columns.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::cli::{Failure, emit, output_folder};
use endplate::output;
use endplate::output::atomic::{AtomicFile, commit_all};
use endplate::output::plot::{self, Figure, Panel, Series};
use endplate::scenario::{self, Run};
use endplate::simulation::{Columns, execute};
use endplate::sweep::limits;
use endplate::sweep::metrics::Metric;
use endplate::sweep::progress::{Mode, Progress};

/// Metrics printed in the terminal table, in this order, when a run has them
/// (compare.csv holds every scalar metric).
const HEADLINE_METRICS: [&str; 14] = [
    "resting_mV",
    "spike_count",
    "firing_rate_hz",
    "first_spike.peak_mV",
    "first_spike.half_width_ms",
    "muscle.ca_peak_uM",
    "muscle.force_peak_uM",
    "muscle.time_to_peak_ms",
    "muscle.half_relaxation_ms",
    "muscle.after_discharge_count",
    "muscle.sustained_contraction_ms",
    "muscle.tubule_k_peak_mM",
    "solver.steps",
    "solver.rhs_evaluations",
];

/// One finished scenario.
struct Compared {
    run: Run,
    /// Time, potential (column 0) and, for the muscle models, A_2 (column 1).
    curves: Columns,
    metrics: serde_json::Value,
    force_um: Option<Vec<f64>>,
}

/// Runs every scenario, then writes compare.png/.svg/.csv to `out` (default `out/compare`).
pub fn compare(
    files: &[PathBuf],
    out: Option<&Path>,
    overrides: &[String],
    force: bool,
) -> Result<(), Failure> {
    let runs = files
        .iter()
        .map(|f| scenario::load(f, overrides))
        .collect::<Result<Vec<_>, _>>()?;
    if !force {
        if let Some((run, reason)) = runs
            .iter()
            .zip(files)
            .find_map(|(run, file)| limits::run_refusal(run).map(|reason| (file, reason)))
        {
            return Err(Failure::Input(format!("{}: {reason}", run.display())));
        }
    }
    let out_dir = out.map_or_else(|| Path::new("out").join("compare"), Path::to_path_buf);
    let folder = output_folder(&out_dir)?;
    let mut progress = Progress::counting(Mode::Auto, runs.len() as u64, "compare", "scenarios");
    let mut compared = Vec::new();
    for (run, file) in runs.into_iter().zip(files) {
        let force_index = run.model.figures().force;
        let kept: Vec<usize> = std::iter::once(0).chain(force_index).collect();
        let mut curves = Columns::new(&kept);
        let result = execute(&run, &mut curves)
            .map_err(|e| Failure::Simulation(format!("{} ({}): {e}", run.name, file.display())))?;
        let force_um = result.metrics.muscle.as_ref().map(|m| {
            curves
                .column(1)
                .iter()
                .map(|a2| a2 - m.force_baseline_um)
                .collect()
        });
        let metrics = serde_json::to_value(&result.metrics)
            .map_err(|e| Failure::Output(format!("cannot encode metrics: {e}")))?;
        compared.push(Compared {
            run,
            curves,
            metrics,
            force_um,
        });
        progress.advance_to(compared.len() as u64);
    }
    progress.finish();

    let output_error = |what: &str, e: std::io::Error| {
        Failure::Output(format!("{what} in {}: {e}", out_dir.display()))
    };
    let names: Vec<&str> = compared.iter().map(|c| c.run.name.as_str()).collect();
    let title = format!("compare: {}", names.join(" vs "));
    let mut panels = vec![Panel {
        y_label: "membrane potential (mV)",
        series: compared
            .iter()
            .map(|c| Series {
                label: &c.run.name,
                x: c.curves.t_ms(),
                y: c.curves.column(0),
            })
            .collect(),
        height_share: 1.0,
        y_bands: Vec::new(),
    }];
    let forces: Vec<Series> = compared
        .iter()
        .filter_map(|c| {
            c.force_um.as_ref().map(|f| Series {
                label: &c.run.name,
                x: c.curves.t_ms(),
                y: f,
            })
        })
        .collect();
    if !forces.is_empty() {
        panels.push(Panel {
            y_label: "force (A₂ rise, µM)",
            series: forces,
            height_share: 1.0,
            y_bands: Vec::new(),
        });
    }
    let figure = Figure {
        title: &title,
        x_label: "time (ms)",
        panels,
        x_bands: Vec::new(),
        stimuli: common_onsets(&compared),
    };
    let [png, svg] = plot::render(
        &figure,
        &out_dir.join("compare.png"),
        &out_dir.join("compare.svg"),
    )
    .map_err(|e| output_error("cannot draw the figure", e))?;
    let table = metric_rows(&compared);
    let csv = write_csv(&out_dir.join("compare.csv"), &names, &table)
        .map_err(|e| output_error("cannot write compare.csv", e))?;
    commit_all(vec![png, svg, csv]).map_err(|e| output_error("cannot finish the outputs", e))?;

    let mut text = terminal_table(&names, &table);
    let _ = writeln!(
        text,
        "wrote {}/{{compare.png, compare.svg, compare.csv}}",
        out_dir.display()
    );
    drop(folder);
    emit(&text)
}

/// The stimulus onsets (ms) every compared scenario shares: the marks of
/// the figure (a mark one scenario lacks would mislead about the others).
fn common_onsets(compared: &[Compared]) -> Vec<f64> {
    let onsets = |c: &Compared| c.run.protocol.onsets_ms(c.run.simulation.duration_ms);
    let Some((first, others)) = compared.split_first() else {
        return Vec::new();
    };
    let others: Vec<Vec<f64>> = others.iter().map(onsets).collect();
    onsets(first)
        .into_iter()
        .filter(|t| others.iter().all(|o| o.contains(t)))
        .collect()
}

/// Every scalar metric (lists left out) with one cell per scenario, in the
/// order metrics first appear; cells as results.csv of a sweep writes them.
fn metric_rows(compared: &[Compared]) -> Vec<(String, Vec<String>)> {
    let mut order: Vec<Metric> = Vec::new();
    for c in compared {
        for metric in Metric::scalars(&c.metrics) {
            if !order.iter().any(|m| m.name == metric.name) {
                order.push(metric);
            }
        }
    }
    order
        .into_iter()
        .map(|metric| {
            let cells = compared
                .iter()
                .map(|c| {
                    let mut cell = String::new();
                    metric.cell(&c.metrics, &mut cell);
                    cell
                })
                .collect();
            (metric.name, cells)
        })
        .collect()
}

fn write_csv(
    path: &Path,
    names: &[&str],
    rows: &[(String, Vec<String>)],
) -> std::io::Result<AtomicFile> {
    let mut csv = output::csv_file(path)?;
    csv.write_record(std::iter::once("metric").chain(names.iter().copied()))?;
    for (path, cells) in rows {
        csv.write_record(std::iter::once(path).chain(cells))?;
    }
    output::finish_csv(csv)
}

fn terminal_table(names: &[&str], rows: &[(String, Vec<String>)]) -> String {
    let headlines: Vec<&(String, Vec<String>)> = HEADLINE_METRICS
        .iter()
        .filter_map(|headline| {
            rows.iter()
                .find(|(p, c)| p == headline && c.iter().any(|x| !x.is_empty()))
        })
        .collect();
    let width = names
        .iter()
        .copied()
        .chain(
            headlines
                .iter()
                .flat_map(|(_, cells)| cells.iter().map(String::as_str)),
        )
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    let mut text = format!("{:<32}", "metric");
    for name in names {
        let _ = write!(text, " {name:>width$}");
    }
    text.push('\n');
    for (path, cells) in headlines {
        let _ = write!(text, "{path:<32}");
        for c in cells {
            let shown = if c.is_empty() { "—" } else { c };
            let _ = write!(text, " {shown:>width$}");
        }
        text.push('\n');
    }
    text
}
