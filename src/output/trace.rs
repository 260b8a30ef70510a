//! Trace files (`trace.csv`, a sweep's `traces/point-*.csv`): one row per
//! output time, streamed to disk as the run goes.
//!
//! Columns: `t_ms`, every state variable by its layout name (the membrane
//! potential `v_mV` first), then the stimulus `i_stim_uA_per_cm2`. The plot
//! series are kept alongside (time, membrane potential, stimulus, and the
//! state columns a model's own figure asks for with [`CsvTrace::keeping`]);
//! nothing else of the trajectory stays in memory.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::StateVariable;
use crate::output::atomic::AtomicFile;
use crate::output::{csv_file, finish_csv};
use crate::simulation::Trace;

/// A trace file being streamed: the one writer of every trace (`endplate
/// run`'s trace.csv and a sweep's per-point traces). Numbers are written as
/// Rust prints an `f64` (`{}`); nothing of the trajectory stays in memory.
#[derive(Debug)]
pub struct TraceFile {
    writer: csv::Writer<AtomicFile>,
    /// The text of one number, reused for every field.
    field: String,
    error: Option<io::Error>,
}

impl TraceFile {
    /// Starts the file at `path` with the header for `variables`.
    pub fn create(path: &Path, variables: &[StateVariable]) -> io::Result<Self> {
        let mut writer = csv_file(path)?;
        let names = variables.iter().map(|v| v.name);
        writer.write_record(
            std::iter::once("t_ms")
                .chain(names)
                .chain(["i_stim_uA_per_cm2"]),
        )?;
        Ok(Self {
            writer,
            field: String::new(),
            error: None,
        })
    }

    /// The finished file, or the first write error.
    pub fn into_file(self) -> io::Result<AtomicFile> {
        match self.error {
            Some(error) => Err(error),
            None => finish_csv(self.writer),
        }
    }

    /// Renames the finished file into place, or reports the first write error.
    pub fn commit(self) -> io::Result<PathBuf> {
        self.into_file()?.commit()
    }

    fn number(&mut self, value: f64) -> csv::Result<()> {
        self.field.clear();
        let _ = write!(self.field, "{value}");
        self.writer.write_field(&self.field)
    }
}

impl Trace for TraceFile {
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim: f64) {
        if self.error.is_some() {
            return;
        }
        let written = self
            .number(t_ms)
            .and_then(|()| state.iter().try_for_each(|&v| self.number(v)))
            .and_then(|()| self.number(i_stim))
            .and_then(|()| self.writer.write_record(None::<&[u8]>));
        self.error = written.err().map(io::Error::from);
    }
}

/// Streams rows to a [`TraceFile`] and keeps the series the plot needs.
#[derive(Debug)]
pub struct CsvTrace {
    file: TraceFile,
    /// Times (ms) of every row.
    pub t_ms: Vec<f64>,
    /// Membrane potential (mV) of every row.
    pub v_mv: Vec<f64>,
    /// Stimulus (µA/cm²) of every row.
    pub i_stim: Vec<f64>,
    /// Further state columns kept for plots: (state index, value of every row).
    kept: Vec<(usize, Vec<f64>)>,
}

impl CsvTrace {
    /// Starts `path` with the header for `variables`.
    pub fn create(path: &Path, variables: &[StateVariable]) -> io::Result<Self> {
        Ok(Self {
            file: TraceFile::create(path, variables)?,
            t_ms: Vec::new(),
            v_mv: Vec::new(),
            i_stim: Vec::new(),
            kept: Vec::new(),
        })
    }

    /// Also keeps the state columns at `indices` in memory, for a figure.
    pub fn keeping(mut self, indices: &[usize]) -> Self {
        self.kept = indices.iter().map(|&index| (index, Vec::new())).collect();
        self
    }

    /// The kept values of state column `index`, one per row, if it was asked for.
    pub fn kept(&self, index: usize) -> Option<&[f64]> {
        self.kept
            .iter()
            .find(|(kept, _)| *kept == index)
            .map(|(_, values)| values.as_slice())
    }

    /// The finished file, or the first write error.
    pub fn into_file(self) -> io::Result<AtomicFile> {
        self.file.into_file()
    }
}

impl Trace for CsvTrace {
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim: f64) {
        self.t_ms.push(t_ms);
        self.v_mv.push(state[0]);
        self.i_stim.push(i_stim);
        for (index, values) in &mut self.kept {
            values.push(state[*index]);
        }
        self.file.row(t_ms, state, i_stim);
    }
}
