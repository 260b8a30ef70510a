//! `endplate run`: one scenario, its outputs, a summary on stdout.

use std::fs;
use std::io;
use std::path::Path;

use crate::cli::{Failure, emit};
use endplate::analysis::MuscleMetrics;
use endplate::model::motor_unit;
use endplate::model::muscle_fibre::index;
use endplate::output::atomic::{AtomicFile, commit_all};
use endplate::output::plot::{self, Figure, Panel, Series};
use endplate::output::trace::CsvTrace;
use endplate::output::write_json;
use endplate::scenario::{self, ModelChoice, Run};
use endplate::simulation::{self, RunMetrics};

/// State columns the muscle figure draws besides the sarcolemma potential.
const MUSCLE_FIGURE_COLUMNS: [usize; 4] = [
    index::V_TUBULE,
    index::CA_BULK,
    index::POST_STROKE,
    index::K_TUBULE,
];

/// Runs the scenario at `path` and writes its outputs to `out` (default `out/<name>`).
pub fn run(path: &Path, out: Option<&Path>, overrides: &[String]) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let output_error = |what: &str, error: std::io::Error| {
        Failure::Output(format!("{what} in {}: {error}", out_dir.display()))
    };
    fs::create_dir_all(&out_dir).map_err(|e| output_error("cannot create the output folder", e))?;

    let mut trace = CsvTrace::create(&out_dir.join("trace.csv"), run.model.state_variables())
        .map_err(|e| output_error("cannot write trace.csv", e))?;
    match run.model {
        ModelChoice::MuscleFibre(_) => trace = trace.keeping(&MUSCLE_FIGURE_COLUMNS),
        ModelChoice::MotorUnit(_) => {
            let mut columns = MUSCLE_FIGURE_COLUMNS.to_vec();
            columns.push(motor_unit::AXON_V);
            trace = trace.keeping(&columns);
        }
        ModelChoice::Hh1952(_) => {}
    }
    let result = simulation::execute(&run, &mut trace)?;

    let mut potentials = vec![Series {
        label: "",
        x: &trace.t_ms,
        y: &trace.v_mv,
    }];
    if let (ModelChoice::MotorUnit(_), Some(axon)) = (&run.model, trace.kept(motor_unit::AXON_V)) {
        potentials = vec![
            Series {
                label: "motor axon",
                x: &trace.t_ms,
                y: axon,
            },
            Series {
                label: "muscle fibre",
                x: &trace.t_ms,
                y: &trace.v_mv,
            },
        ];
    }
    let figure = Figure {
        title: &format!("{}: membrane potential", run.name),
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "membrane potential (mV)",
                series: potentials,
                height_share: 3.0,
            },
            Panel {
                y_label: "stimulus (µA/cm²)",
                series: vec![Series {
                    label: "",
                    x: &trace.t_ms,
                    y: &trace.i_stim,
                }],
                height_share: 1.2,
            },
        ],
    };
    let [png, svg] = plot::render(&figure, &out_dir.join("v.png"), &out_dir.join("v.svg"))
        .map_err(|e| output_error("cannot draw the figure", e))?;
    let muscle_figure = match &result.metrics.muscle {
        Some(muscle) => Some(
            draw_muscle_figure(&run, &trace, muscle, &out_dir)
                .map_err(|e| output_error("cannot draw the muscle figure", e))?,
        ),
        None => None,
    };
    let metrics = write_json(&out_dir.join("metrics.json"), &result.metrics)
        .map_err(|e| output_error("cannot write metrics.json", e))?;
    let trace_file = trace
        .into_file()
        .map_err(|e| output_error("cannot write trace.csv", e))?;
    let mut files: Vec<AtomicFile> = vec![trace_file, metrics, png, svg];
    let mut names = "trace.csv, metrics.json, v.png, v.svg".to_owned();
    if let Some(muscle_files) = muscle_figure {
        files.extend(muscle_files);
        names += ", muscle.png, muscle.svg";
    }
    commit_all(files).map_err(|e| output_error("cannot finish the outputs", e))?;

    let written = format!("  wrote {}/{{{names}}}\n", out_dir.display());
    emit(&(summary(&run, &result.metrics) + &written))
}

/// `muscle.png`/`muscle.svg`: surface and tubular potential, bulk Ca²⁺,
/// force (the rise of A_2 above its pre-stimulus value, as in the metrics)
/// and T-tubule K⁺ over time.
fn draw_muscle_figure(
    run: &Run,
    trace: &CsvTrace,
    muscle: &MuscleMetrics,
    out_dir: &Path,
) -> io::Result<[AtomicFile; 2]> {
    let column = |index: usize| {
        trace.kept(index).ok_or_else(|| {
            io::Error::other(format!("state column {index} was not kept for the figure"))
        })
    };
    let force: Vec<f64> = column(index::POST_STROKE)?
        .iter()
        .map(|a2| a2 - muscle.force_baseline_um)
        .collect();
    let t = &trace.t_ms;
    let single = |y| vec![Series { label: "", x: t, y }];
    let figure = Figure {
        title: &format!(
            "{}: potentials, bulk Ca²⁺, force (A₂ rise), T-tubule K⁺",
            run.name
        ),
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "V (mV)",
                series: vec![
                    Series {
                        label: "surface",
                        x: t,
                        y: &trace.v_mv,
                    },
                    Series {
                        label: "T-tubule",
                        x: t,
                        y: column(index::V_TUBULE)?,
                    },
                ],
                height_share: 1.0,
            },
            Panel {
                y_label: "bulk Ca²⁺ (µM)",
                series: single(column(index::CA_BULK)?),
                height_share: 1.0,
            },
            Panel {
                y_label: "force (µM)",
                series: single(&force),
                height_share: 1.0,
            },
            Panel {
                y_label: "tubule K⁺ (mM)",
                series: single(column(index::K_TUBULE)?),
                // The bottom panel also holds the time axis.
                height_share: 1.3,
            },
        ],
    };
    plot::render(
        &figure,
        &out_dir.join("muscle.png"),
        &out_dir.join("muscle.svg"),
    )
}

/// The metrics in a few lines, for the terminal.
fn summary(run: &Run, metrics: &RunMetrics) -> String {
    let m = &metrics.membrane;
    let mut text = format!(
        "{}: {} at {} °C for {} ms; stimulus: {}\n",
        run.name, metrics.model, run.temperature_celsius, run.simulation.duration_ms, run.protocol
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
        "  solver: {}, {} steps ({} rejected), {} rhs evaluations, {} segments\n",
        metrics.solver.method, s.steps, s.rejected_steps, s.rhs_evaluations, s.segments
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
