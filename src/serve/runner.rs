//! Running the page's scenarios: one generation counter (a newer request
//! cancels an older one), a limit of simultaneous simulations (the cores;
//! a run measures its excitability beside it when a second slot is free),
//! a cache of finished runs keyed by their exact scenario text (the normal
//! control is computed once), and the files a run offers for download,
//! written only inside the server's temporary folder.
//!
//! Cancelling: the trace of a run checks, at every output row (outside the
//! solver's right-hand side, which stays untouched), whether its generation
//! is still the newest and the run still inside its wall-clock limit; if
//! not, it unwinds the run with [`std::panic::resume_unwind`] and a
//! [`Stopped`] payload, caught by [`Runner::run`]. That keeps cancellation
//! out of the solver, whose observers cannot stop it.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::excitability::{self, Excitability};
use crate::output::atomic::commit_all;
use crate::output::plot::{self, Figure, Panel, Series};
use crate::scenario::Run;
use crate::serve::controls::{self, Refusal};
use crate::simulation::{self, Columns, RunMetrics, Trace};

/// Longest simulated time the page runs (ms): the longest preset (fatigue) is 3.5 s.
pub const MAX_DURATION_MS: f64 = 4000.0;
/// Most output rows of one run (duration / output_dt_ms).
pub const MAX_POINTS: f64 = 100_000.0;
/// Wall-clock limit of one run, after which it is stopped.
pub const MAX_RUN_TIME: Duration = Duration::from_secs(120);
/// Finished runs kept (their traces, for figures and downloads).
const CACHE_SIZE: usize = 12;
/// Run folders kept in the temporary folder for download.
const KEPT_FOLDERS: usize = 8;

/// Why a run was stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// A newer request came.
    Superseded,
    /// It ran past [`MAX_RUN_TIME`].
    TooLong,
}

/// What a request ends in, besides a result.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// Refused before running.
    Refused(Refusal),
    /// Stopped while running.
    Stopped(Stopped),
    /// The simulation failed (its report) or the outputs could not be written.
    Failed(String),
}

/// A finished run: metrics, excitability and the curves of the figure.
#[derive(Debug)]
pub struct Finished {
    metrics: RunMetrics,
    excitability: Excitability,
    /// Time (ms).
    t_ms: Vec<f64>,
    /// The model's potentials (label, values), then the force rise (µM) if any.
    potentials: Vec<(&'static str, Vec<f64>)>,
    force_um: Option<Vec<f64>>,
}

/// Progress of the newest request, for the page's poll.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Progress {
    /// The newest request's number.
    pub generation: u64,
    /// What it is doing.
    pub phase: &'static str,
    /// Fraction of the simulated time done in this phase (0–1).
    pub fraction: f64,
}

/// One row of the metrics table.
#[derive(Debug, Clone, Serialize)]
pub struct MetricRow {
    /// What it is.
    pub label: &'static str,
    /// Its unit.
    pub unit: &'static str,
    /// The normal control's value.
    pub control: Option<f64>,
    /// This run's value.
    pub value: Option<f64>,
    /// "↑", "↓", "=" or "" (a value missing).
    pub arrow: &'static str,
}

/// What the page gets back.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The request's number (the download folder).
    pub generation: u64,
    /// The exact scenario run.
    pub toml: String,
    /// The metrics beside the control's.
    pub metrics: Vec<MetricRow>,
    /// Wall-clock time of the request on the server (ms).
    pub elapsed_ms: f64,
    /// Files to download, by name in `/files/<generation>/`.
    pub files: [&'static str; 4],
}

/// The download names of a run.
pub const FILES: [&str; 4] = ["figure.png", "figure.svg", "trace.csv", "scenario.toml"];

struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

struct State {
    phase: &'static str,
    fraction: f64,
    cache: VecDeque<(String, Arc<Finished>)>,
    folders: VecDeque<u64>,
}

/// The server's simulations.
pub struct Runner {
    latest: AtomicU64,
    slots: Slots,
    state: Mutex<State>,
    folder: PathBuf,
}

/// A trace that keeps the figure's columns, reports progress and stops
/// the run when it is no longer wanted.
struct Watched<'a> {
    columns: Columns,
    runner: &'a Runner,
    generation: u64,
    started: Instant,
    duration_ms: f64,
}

impl Trace for Watched<'_> {
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim: f64) {
        if self.runner.latest.load(Ordering::SeqCst) != self.generation {
            panic::resume_unwind(Box::new(Stopped::Superseded));
        }
        if self.started.elapsed() > MAX_RUN_TIME {
            panic::resume_unwind(Box::new(Stopped::TooLong));
        }
        if let Ok(mut s) = self.runner.state.lock() {
            s.fraction = (t_ms / self.duration_ms).clamp(0.0, 1.0);
        }
        self.columns.row(t_ms, state, i_stim);
    }
}

impl Runner {
    /// A runner writing its files under `folder` (created), running at most
    /// `slots` simulations at once.
    pub fn new(folder: PathBuf, slots: usize) -> std::io::Result<Self> {
        std::fs::create_dir_all(&folder)?;
        Ok(Self {
            latest: AtomicU64::new(0),
            slots: Slots {
                free: Mutex::new(slots.max(1)),
                freed: Condvar::new(),
            },
            state: Mutex::new(State {
                phase: "idle",
                fraction: 0.0,
                cache: VecDeque::new(),
                folders: VecDeque::new(),
            }),
            folder,
        })
    }

    /// The temporary folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The newest request's progress.
    pub fn progress(&self) -> Progress {
        let (phase, fraction) = self
            .state
            .lock()
            .map_or(("idle", 0.0), |s| (s.phase, s.fraction));
        Progress {
            generation: self.latest.load(Ordering::SeqCst),
            phase,
            fraction,
        }
    }

    fn set_phase(&self, generation: u64, phase: &'static str) {
        if self.latest.load(Ordering::SeqCst) == generation
            && let Ok(mut s) = self.state.lock()
        {
            s.phase = phase;
            s.fraction = 0.0;
        }
    }

    fn superseded(&self, generation: u64) -> Result<(), RunError> {
        if self.latest.load(Ordering::SeqCst) == generation {
            Ok(())
        } else {
            Err(RunError::Stopped(Stopped::Superseded))
        }
    }

    /// Runs `preset` with the page's `values` against the normal control
    /// with the same model choices. A newer call stops this one.
    pub fn run(
        &self,
        preset_name: &str,
        values: &[(String, controls::Value)],
    ) -> Result<Answer, RunError> {
        let started = Instant::now();
        let generation = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        self.set_phase(generation, "checking");
        let preset = controls::preset(preset_name).map_err(RunError::Refused)?;
        let arguments = controls::arguments(preset, values).map_err(RunError::Refused)?;
        let text = controls::scenario_text(preset, &arguments).map_err(RunError::Refused)?;
        controls::check_ranges(values).map_err(RunError::Refused)?;
        let run = controls::load(&format!("{}-page.toml", preset.name), &text)
            .map_err(RunError::Refused)?;
        check_size(&run)?;
        let choices: Vec<String> = arguments
            .iter()
            .filter(|a| controls::CHOICES.iter().any(|c| a.starts_with(c.key)))
            .cloned()
            .collect();
        let control_preset = controls::preset(controls::CONTROL).map_err(RunError::Refused)?;
        let control_text =
            controls::scenario_text(control_preset, &choices).map_err(RunError::Refused)?;
        let control_run =
            controls::load("normal-page.toml", &control_text).map_err(RunError::Refused)?;

        let _slot = self.slot(generation)?;
        let control = self.finished(&control_run, &control_text, generation, "control")?;
        let this = self.finished(&run, &text, generation, "running")?;
        self.set_phase(generation, "drawing");
        // `ions.ca_o_mm=0.6` → `ca_o_mm = 0.6`: the key's last name and the value.
        let changes: Vec<String> = arguments
            .iter()
            .filter_map(|a| a.split_once('='))
            .map(|(key, value)| {
                let name = key.rsplit_once('.').map_or(key, |(_, last)| last);
                format!("{name} = {}", value.trim_matches('"'))
            })
            .collect();
        let title = if changes.is_empty() {
            format!("{} against the normal control", preset.name)
        } else {
            format!(
                "{} with {} against the normal control",
                preset.name,
                changes.join(", ")
            )
        };
        self.write_files(generation, &title, &text, &this, &control)?;
        self.set_phase(generation, "done");
        Ok(Answer {
            generation,
            toml: text,
            metrics: metric_rows(&control, &this),
            elapsed_ms: started.elapsed().as_secs_f64() * 1e3,
            files: FILES,
        })
    }

    /// A free simulation slot now, if there is one.
    fn free_slot(&self) -> Option<SlotGuard<'_>> {
        let mut free = self.slots.free.lock().ok()?;
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(SlotGuard(&self.slots))
    }

    /// Waits for a free simulation slot, giving up if superseded meanwhile.
    fn slot(&self, generation: u64) -> Result<SlotGuard<'_>, RunError> {
        let mut free = self
            .slots
            .free
            .lock()
            .map_err(|_| RunError::Failed("the slot lock is poisoned".into()))?;
        loop {
            self.superseded(generation)?;
            if *free > 0 {
                *free -= 1;
                return Ok(SlotGuard(&self.slots));
            }
            free = self
                .slots
                .freed
                .wait_timeout(free, Duration::from_millis(100))
                .map_err(|_| RunError::Failed("the slot lock is poisoned".into()))?
                .0;
        }
    }

    /// The finished run of `text`: from the cache, or simulated now.
    fn finished(
        &self,
        run: &Run,
        text: &str,
        generation: u64,
        phase: &'static str,
    ) -> Result<Arc<Finished>, RunError> {
        if let Some(found) = self.cached(text) {
            return Ok(found);
        }
        self.superseded(generation)?;
        self.set_phase(generation, phase);
        let figures = run.model.figures();
        let mut kept: Vec<usize> = figures.potentials.iter().map(|c| c.column).collect();
        kept.extend(figures.force);
        let mut trace = Watched {
            columns: Columns::new(&kept),
            runner: self,
            generation,
            started: Instant::now(),
            duration_ms: run.simulation.duration_ms,
        };
        // With a second core free, the excitability runs beside the run
        // (it cannot be stopped early, but takes about half as long).
        let beside = self.free_slot();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            std::thread::scope(|scope| {
                let measuring = beside
                    .as_ref()
                    .map(|_| scope.spawn(|| excitability::measure(run)));
                let result = simulation::execute(run, &mut trace)?;
                let excitability = match measuring {
                    Some(thread) => thread
                        .join()
                        .unwrap_or_else(|payload| panic::resume_unwind(payload))?,
                    None => {
                        self.set_phase(generation, "excitability");
                        excitability::measure(run)?
                    }
                };
                Ok::<_, crate::solve::SolveError>((result, excitability))
            })
        }));
        drop(beside);
        let (result, excitability) = match outcome {
            Ok(Ok(done)) => done,
            Ok(Err(error)) => return Err(RunError::Failed(error.to_string())),
            Err(payload) => {
                return Err(match payload.downcast_ref::<Stopped>() {
                    Some(stopped) => RunError::Stopped(*stopped),
                    None => RunError::Failed("the simulation stopped on an internal error".into()),
                });
            }
        };
        let columns = trace.columns;
        let potentials = figures
            .potentials
            .iter()
            .enumerate()
            .map(|(k, curve)| (curve.label, columns.column(k).to_vec()))
            .collect();
        let force_um = match (&result.metrics.muscle, figures.force) {
            (Some(muscle), Some(_)) => Some(
                columns
                    .column(figures.potentials.len())
                    .iter()
                    .map(|a2| a2 - muscle.force_baseline_um)
                    .collect(),
            ),
            _ => None,
        };
        let finished = Arc::new(Finished {
            metrics: result.metrics,
            excitability,
            t_ms: columns.t_ms().to_vec(),
            potentials,
            force_um,
        });
        if let Ok(mut s) = self.state.lock() {
            s.cache.push_back((text.to_owned(), Arc::clone(&finished)));
            while s.cache.len() > CACHE_SIZE {
                s.cache.pop_front();
            }
        }
        Ok(finished)
    }

    fn cached(&self, text: &str) -> Option<Arc<Finished>> {
        let s = self.state.lock().ok()?;
        s.cache
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, f)| Arc::clone(f))
    }

    /// The path of download `name` of run `generation`, if it exists.
    pub fn file(&self, generation: u64, name: &str) -> Option<PathBuf> {
        if !FILES.contains(&name) {
            return None;
        }
        let path = self.folder.join(generation.to_string()).join(name);
        path.is_file().then_some(path)
    }

    /// Writes figure.png/.svg, trace.csv and scenario.toml of `generation`
    /// into its folder, and removes the oldest folders beyond [`KEPT_FOLDERS`].
    fn write_files(
        &self,
        generation: u64,
        title: &str,
        text: &str,
        this: &Finished,
        control: &Finished,
    ) -> Result<(), RunError> {
        let folder = self.folder.join(generation.to_string());
        let failed = |e: std::io::Error| RunError::Failed(format!("cannot write the outputs: {e}"));
        std::fs::create_dir_all(&folder).map_err(failed)?;
        let mut curves: Vec<(String, &[f64], &[f64])> = Vec::new();
        for ((label, values), (_, normal)) in this.potentials.iter().zip(&control.potentials) {
            curves.push((format!("{label} (mV)"), normal, values));
        }
        if let (Some(normal), Some(force)) = (&control.force_um, &this.force_um) {
            curves.push(("force (A₂ rise, µM)".to_owned(), normal, force));
        }
        let figure_panels: Vec<Panel> = curves
            .iter()
            .map(|(y_label, normal, values)| {
                Panel::new(
                    y_label,
                    vec![
                        Series {
                            label: "normal control",
                            x: &control.t_ms,
                            y: normal,
                        },
                        Series {
                            label: "this run",
                            x: &this.t_ms,
                            y: values,
                        },
                    ],
                )
            })
            .collect();
        let figure = Figure::new(title, "time (ms)", figure_panels);
        let [png, svg] = plot::render(
            &figure,
            &folder.join("figure.png"),
            &folder.join("figure.svg"),
        )
        .map_err(failed)?;
        let mut csv = crate::output::csv_file(&folder.join("trace.csv")).map_err(failed)?;
        let mut header = vec!["t_ms".to_owned()];
        header.extend(this.potentials.iter().map(|(l, _)| format!("{l} (mV)")));
        if this.force_um.is_some() {
            header.push("force rise (uM)".to_owned());
        }
        csv.write_record(&header).map_err(|e| failed(e.into()))?;
        for (i, t) in this.t_ms.iter().enumerate() {
            let mut record = vec![t.to_string()];
            record.extend(this.potentials.iter().map(|(_, v)| v[i].to_string()));
            if let Some(force) = &this.force_um {
                record.push(force[i].to_string());
            }
            csv.write_record(&record).map_err(|e| failed(e.into()))?;
        }
        let csv = crate::output::finish_csv(csv).map_err(failed)?;
        let mut toml = crate::output::atomic::AtomicFile::create(&folder.join("scenario.toml"))
            .map_err(failed)?;
        std::io::Write::write_all(toml.writer(), text.as_bytes()).map_err(failed)?;
        commit_all(vec![png, svg, csv, toml]).map_err(failed)?;
        if let Ok(mut s) = self.state.lock() {
            s.folders.push_back(generation);
            while s.folders.len() > KEPT_FOLDERS {
                if let Some(old) = s.folders.pop_front() {
                    let _ = std::fs::remove_dir_all(self.folder.join(old.to_string()));
                }
            }
        }
        Ok(())
    }
}

/// Refuses runs longer than [`MAX_DURATION_MS`] or with more than [`MAX_POINTS`] rows.
fn check_size(run: &Run) -> Result<(), RunError> {
    let duration = run.simulation.duration_ms;
    let points = duration / run.simulation.output_dt_ms;
    if duration > MAX_DURATION_MS || points > MAX_POINTS {
        return Err(RunError::Refused(Refusal::Unknown(format!(
            "the page runs at most {MAX_DURATION_MS} ms and {MAX_POINTS} output rows; this scenario asks for {duration} ms and {points:.0} rows"
        ))));
    }
    Ok(())
}

struct SlotGuard<'a>(&'a Slots);

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        if let Ok(mut free) = self.0.free.lock() {
            *free += 1;
        }
        self.0.freed.notify_one();
    }
}

/// The metrics table: control and this run, with the direction of change.
fn metric_rows(control: &Finished, this: &Finished) -> Vec<MetricRow> {
    type Get = fn(&Finished) -> Option<f64>;
    let rows: [(&str, &str, Get); 12] = [
        ("fibre resting potential", "mV", |f| {
            Some(f.metrics.membrane.resting_mv)
        }),
        ("axon spontaneous firing", "Hz", |f| {
            f.excitability.axon.map(|a| a.spontaneous_rate_hz)
        }),
        ("fibre spontaneous firing", "Hz", |f| {
            Some(f.excitability.membrane.spontaneous_rate_hz)
        }),
        ("axon rheobase (50 ms step)", "µA/cm²", |f| {
            f.excitability.axon.and_then(|a| a.rheobase_50ms_ua_per_cm2)
        }),
        ("fibre rheobase (50 ms step)", "µA/cm²", |f| {
            f.excitability.membrane.rheobase_50ms_ua_per_cm2
        }),
        ("quanta per nerve impulse", "1", |f| {
            f.metrics.junction.as_ref().map(|j| j.mean_quantal_content)
        }),
        ("safety factor", "1", |f| {
            f.metrics
                .junction
                .as_ref()
                .and_then(|j| j.endplate.as_ref()?.safety_factor)
        }),
        ("muscle APs per nerve impulse", "1", |f| {
            f.metrics
                .junction
                .as_ref()
                .and_then(|j| j.fibre_spikes_per_axon_spike)
        }),
        ("after-discharges", "spikes", |f| {
            f.metrics
                .muscle
                .as_ref()
                .map(|m| m.after_discharge_count as f64)
        }),
        ("sustained contraction after the train", "ms", |f| {
            f.metrics
                .muscle
                .as_ref()
                .and_then(|m| m.sustained_contraction_ms)
        }),
        ("peak force (A₂ rise)", "µM", |f| {
            f.metrics.muscle.as_ref().map(|m| m.force_peak_um)
        }),
        ("peak T-tubule K⁺", "mM", |f| {
            f.metrics.muscle.as_ref().map(|m| m.tubule_k_peak_mm)
        }),
    ];
    rows.iter()
        .map(|&(label, unit, get)| {
            let (control, value) = (get(control), get(this));
            MetricRow {
                label,
                unit,
                control,
                value,
                arrow: direction(control, value),
            }
        })
        .collect()
}

/// "↑"/"↓" when `value` differs from `control` by more than 0.5 % of the
/// larger magnitude (and 1e-9 absolute), "=" otherwise, "" when one is missing.
fn direction(control: Option<f64>, value: Option<f64>) -> &'static str {
    let (Some(c), Some(v)) = (control, value) else {
        return "";
    };
    let tolerance = (0.005 * c.abs().max(v.abs())).max(1e-9);
    if v > c + tolerance {
        "↑"
    } else if v < c - tolerance {
        "↓"
    } else {
        "="
    }
}

#[cfg(test)]
mod tests {
    use super::direction;

    #[test]
    fn direction_marks_changes_beyond_half_a_percent() {
        assert_eq!(direction(Some(100.0), Some(101.0)), "↑");
        assert_eq!(direction(Some(100.0), Some(99.0)), "↓");
        assert_eq!(direction(Some(100.0), Some(100.2)), "=");
        assert_eq!(direction(Some(0.0), Some(0.0)), "=");
        assert_eq!(direction(None, Some(1.0)), "");
    }
}
