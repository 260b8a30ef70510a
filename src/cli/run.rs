//! `endplate run`: one scenario, its outputs, a summary on stdout.

use std::io;
use std::path::{Path, PathBuf};

use crate::cli::{Failure, emit, output_folder};
use endplate::analysis::MuscleMetrics;
use endplate::catalogue::DetailFigure;
use endplate::output::atomic::{AtomicFile, commit_all};
use endplate::output::plot::{self, Figure, Panel, Series};
use endplate::output::trace::CsvTrace;
use endplate::output::write_json;
use endplate::scenario::{self, Run};
use endplate::simulation::{self, RunMetrics, Trace};
use endplate::sweep::limits;
use endplate::sweep::progress::{Mode, Progress};

/// The files `endplate run` writes: the fixed ones and the detail figures
/// of every model that has one (`muscle`: the muscle fibre and motor unit).
/// A run removes those of them it did not write this time (an earlier run
/// of another model), and nothing else in its folder.
const RUN_FILES: [&str; 4] = ["trace.csv", "metrics.json", "v.png", "v.svg"];
const DETAIL_FIGURE_STEMS: [&str; 1] = ["muscle"];

fn owned_files() -> Vec<String> {
    let detail = DETAIL_FIGURE_STEMS
        .iter()
        .flat_map(|stem| [format!("{stem}.png"), format!("{stem}.svg")]);
    RUN_FILES
        .iter()
        .map(|&name| name.to_owned())
        .chain(detail)
        .collect()
}

/// Runs the scenario at `path` and writes its outputs to `out` (default
/// `out/<name>`); refuses a trace over the size limit unless `force`.
pub fn run(
    path: &Path,
    out: Option<&Path>,
    overrides: &[String],
    force: bool,
) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    if !force {
        if let Some(reason) = limits::run_refusal(&run) {
            return Err(Failure::Input(format!("{}: {reason}", path.display())));
        }
    }
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let output_error = |what: &str, error: std::io::Error| {
        Failure::Output(format!("{what} in {}: {error}", out_dir.display()))
    };
    let folder = output_folder(&out_dir)?;

    let mut trace = CsvTrace::create(&out_dir.join("trace.csv"), run.model.state_variables())
        .map_err(|e| output_error("cannot write trace.csv", e))?;
    let figures = run.model.figures();
    let drawn: Vec<usize> = figures.columns().into_iter().filter(|&c| c != 0).collect();
    if !drawn.is_empty() {
        trace = trace.keeping(&drawn);
    }
    let mut tracked = Tracked {
        trace,
        progress: Progress::counting(
            Mode::Auto,
            run.simulation.duration_ms.ceil() as u64,
            "run",
            "ms",
        ),
        rows: 0,
    };
    let result = simulation::execute(&run, &mut tracked)?;
    tracked.progress.finish();
    let trace = tracked.trace;

    let potentials = figures
        .potentials
        .iter()
        .map(|curve| {
            Ok(Series {
                label: curve.label,
                x: &trace.t_ms,
                y: column(&trace, curve.column)?,
            })
        })
        .collect::<io::Result<Vec<_>>>()
        .map_err(|e| output_error("cannot draw the figure", e))?;
    let figure = Figure {
        title: &format!("{}: membrane potential", run.name),
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "membrane potential (mV)",
                series: potentials,
                height_share: 3.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "stimulus (µA/cm²)",
                series: vec![Series {
                    label: "",
                    x: &trace.t_ms,
                    y: &trace.i_stim,
                }],
                height_share: 1.2,
                y_bands: Vec::new(),
            },
        ],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    let [png, svg] = plot::render(&figure, &out_dir.join("v.png"), &out_dir.join("v.svg"))
        .map_err(|e| output_error("cannot draw the figure", e))?;
    let detail_figure = match figures.detail {
        Some(detail) => Some((
            detail.file_stem,
            draw_detail_figure(
                &run,
                &trace,
                &detail,
                result.metrics.muscle.as_ref(),
                &out_dir,
            )
            .map_err(|e| output_error("cannot draw the detail figure", e))?,
        )),
        None => None,
    };
    let metrics = write_json(&out_dir.join("metrics.json"), &result.metrics)
        .map_err(|e| output_error("cannot write metrics.json", e))?;
    let trace_file = trace
        .into_file()
        .map_err(|e| output_error("cannot write trace.csv", e))?;
    let mut files: Vec<AtomicFile> = vec![trace_file, metrics, png, svg];
    let mut names = "trace.csv, metrics.json, v.png, v.svg".to_owned();
    if let Some((stem, detail_files)) = detail_figure {
        files.extend(detail_files);
        names += &format!(", {stem}.png, {stem}.svg");
    }
    let written: Vec<PathBuf> =
        commit_all(files).map_err(|e| output_error("cannot finish the outputs", e))?;
    folder
        .clear_owned(&owned_files(), &written)
        .map_err(|e| output_error("cannot remove an earlier run's figure", e))?;
    drop(folder);

    let written = format!("  wrote {}/{{{names}}}\n", out_dir.display());
    emit(&(summary(&run, &result.metrics) + &written))
}

/// The trace of a run, reporting the simulated time as progress.
struct Tracked {
    trace: CsvTrace,
    progress: Progress,
    rows: u64,
}

impl Trace for Tracked {
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim_ua_per_cm2: f64) {
        self.trace.row(t_ms, state, i_stim_ua_per_cm2);
        self.rows += 1;
        if self.rows % 4096 == 0 {
            self.progress.advance_to(t_ms as u64);
        }
    }

    fn wants_rows(&self) -> bool {
        self.trace.wants_rows()
    }
}

/// The kept values of state `column` (column 0 is always kept).
fn column(trace: &CsvTrace, column: usize) -> io::Result<&[f64]> {
    if column == 0 {
        return Ok(&trace.v_mv);
    }
    trace.kept(column).ok_or_else(|| {
        io::Error::other(format!("state column {column} was not kept for the figure"))
    })
}

/// The model's detail figure (`muscle.png`/`muscle.svg` for the muscle
/// models): its panels as the model describes them, a force panel drawn as
/// the rise above the force baseline of the muscle metrics.
fn draw_detail_figure(
    run: &Run,
    trace: &CsvTrace,
    detail: &DetailFigure,
    muscle: Option<&MuscleMetrics>,
    out_dir: &Path,
) -> io::Result<[AtomicFile; 2]> {
    let baseline = muscle.map_or(0.0, |m| m.force_baseline_um);
    let forces: Vec<Vec<f64>> = detail
        .panels
        .iter()
        .filter(|panel| panel.force)
        .flat_map(|panel| panel.curves.iter())
        .map(|curve| {
            column(trace, curve.column).map(|values| values.iter().map(|a| a - baseline).collect())
        })
        .collect::<io::Result<_>>()?;
    let mut next_force = forces.iter();
    let t = &trace.t_ms;
    let last = detail.panels.len().saturating_sub(1);
    let mut panels = Vec::with_capacity(detail.panels.len());
    for (i, panel) in detail.panels.iter().enumerate() {
        let mut series = Vec::with_capacity(panel.curves.len());
        for curve in panel.curves {
            let y: &[f64] = if panel.force {
                next_force.next().map_or(&[][..], Vec::as_slice)
            } else {
                column(trace, curve.column)?
            };
            series.push(Series {
                label: curve.label,
                x: t,
                y,
            });
        }
        panels.push(Panel {
            y_label: panel.y_label,
            series,
            // The bottom panel also holds the time axis.
            height_share: if i == last { 1.3 } else { 1.0 },
            y_bands: Vec::new(),
        });
    }
    let figure = Figure {
        title: &format!("{}: {}", run.name, detail.title),
        x_label: "time (ms)",
        panels,
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    plot::render(
        &figure,
        &out_dir.join(format!("{}.png", detail.file_stem)),
        &out_dir.join(format!("{}.svg", detail.file_stem)),
    )
}

/// The metrics in a few lines, for the terminal.
fn summary(run: &Run, metrics: &RunMetrics) -> String {
    let m = &metrics.membrane;
    let mut text = format!(
        "{}: {} at {} °C for {} ms; stimulus: {}\n",
        run.name,
        metrics.model,
        run.temperature_celsius(),
        run.simulation.duration_ms,
        run.protocol
    );
    let rate = m.firing_rate_hz.map_or(String::new(), |hz| {
        format!(", {hz:.1} Hz over the stimulus")
    });
    let first = m
        .spike_times_ms
        .first()
        .map_or(String::new(), |t| format!(", first at {t:.3} ms"));
    text += &format!("  spikes: {}{rate}{first}\n", m.spike_count);
    if let Some(spike) = &m.first_spike {
        let width = spike
            .half_width_ms
            .map_or("not repolarized".to_owned(), |w| {
                format!("half-width {w:.3} ms")
            });
        text += &format!("  first spike: peak {:.2} mV, {width}\n", spike.peak_mv);
    }
    text += &format!(
        "  resting potential: {:.2} mV (range {:.2} to {:.2} mV)\n",
        m.resting_mv, m.v_min_mv, m.v_max_mv
    );
    if let Some(muscle) = &metrics.muscle {
        text += &muscle_summary(muscle);
    }
    let s = &metrics.solver.stats;
    text += &format!(
        "  solver: {}, {} steps ({} rejected), {} rhs evaluations, {} jacobians, {} factorizations, {} segments\n",
        metrics.solver.method,
        s.steps,
        s.rejected_steps,
        s.rhs_evaluations,
        s.jacobians,
        s.factorizations,
        s.segments
    );
    text
}

/// Two lines on the Ca²⁺ transient, force and K⁺, for the terminal.
fn muscle_summary(m: &MuscleMetrics) -> String {
    let ms = |value: Option<f64>| value.map_or("n/a".to_owned(), |t| format!("{t:.1} ms"));
    let share = m
        .force_peak_normalized
        .map_or(String::new(), |f| format!(" ({:.1} % of T_tot)", 100.0 * f));
    let sustained = match (m.sustained_contraction_ms, m.sustained_until_end) {
        (Some(t), false) => format!("force above 10 % of peak for {t:.1} ms after the stimulus"),
        (Some(_), true) => "force still above 10 % of peak at the end".to_owned(),
        (None, _) => "no sustained force".to_owned(),
    };
    format!(
        "  muscle: Ca peak {:.2} µM, force peak {:.2} µM{share}, time to peak {}, half-relaxation {}\n\
         \x20 T-tubule K {:.2} → {:.2} mM; after-discharges: {}; {sustained}\n",
        m.ca_peak_um,
        m.force_peak_um,
        ms(m.time_to_peak_ms),
        ms(m.half_relaxation_ms),
        m.tubule_k_pre_stimulus_mm,
        m.tubule_k_peak_mm,
        m.after_discharge_count,
    )
}
