//! `endplate run`: one scenario, its outputs, a summary on stdout.

use std::fs;
use std::path::Path;

use crate::cli::{Failure, emit};
use crate::output::atomic::{AtomicFile, commit_all};
use crate::output::plot::{self, Figure, Panel, Series};
use crate::output::trace::CsvTrace;
use crate::output::write_json;
use crate::scenario::{self, Run};
use crate::simulation::{self, RunMetrics};

/// Runs the scenario at `path` and writes its outputs to `out` (default `out/<name>`).
pub fn run(path: &Path, out: Option<&Path>, overrides: &[String]) -> Result<(), Failure> {
    let run = scenario::load(path, overrides)?;
    let out_dir = out.map_or_else(|| scenario::default_output_dir(&run), Path::to_path_buf);
    let output_error = |what: &str, error: std::io::Error| {
        Failure::Output(format!("{what} in {}: {error}", out_dir.display()))
    };
    fs::create_dir_all(&out_dir).map_err(|e| output_error("cannot create the output folder", e))?;

    let mut trace = CsvTrace::create(
        &out_dir.join("trace.csv"),
        run.model.kind().state_variables(),
    )
    .map_err(|e| output_error("cannot write trace.csv", e))?;
    let result = simulation::execute(&run, &mut trace)?;

    let figure = Figure {
        title: &format!("{}: membrane potential", run.name),
        x_label: "time (ms)",
        panels: vec![
            Panel {
                y_label: "membrane potential (mV)",
                series: vec![Series {
                    label: "",
                    x: &trace.t_ms,
                    y: &trace.v_mv,
                }],
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
    let metrics = write_json(&out_dir.join("metrics.json"), &result.metrics)
        .map_err(|e| output_error("cannot write metrics.json", e))?;
    let trace_file = trace
        .into_file()
        .map_err(|e| output_error("cannot write trace.csv", e))?;
    let files: Vec<AtomicFile> = vec![trace_file, metrics, png, svg];
    commit_all(files).map_err(|e| output_error("cannot finish the outputs", e))?;

    let written = format!(
        "  wrote {}/{{trace.csv, metrics.json, v.png, v.svg}}\n",
        out_dir.display()
    );
    emit(&(summary(&run, &result.metrics) + &written))
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
    let s = &metrics.solver.stats;
    text += &format!(
        "  solver: {}, {} steps ({} rejected), {} rhs evaluations, {} segments\n",
        metrics.solver.method, s.steps, s.rejected_steps, s.rhs_evaluations, s.segments
    );
    text
}
