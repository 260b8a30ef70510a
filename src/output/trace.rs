//! `trace.csv`: one row per output time, streamed to disk as the run goes.
//!
//! Columns: `t_ms`, every state variable by its layout name (the membrane
//! potential `v_mV` first), then the stimulus `i_stim_uA_per_cm2`. The plot
//! series are kept alongside (time, membrane potential, stimulus, and the
//! state columns a model's own figure asks for with [`CsvTrace::keeping`]);
//! nothing else of the trajectory stays in memory.

use std::io::{self, Write};
use std::path::Path;

use crate::model::StateVariable;
use crate::output::atomic::AtomicFile;
use crate::simulation::Trace;

/// Streams rows to a CSV file and keeps the series the plot needs.
#[derive(Debug)]
pub struct CsvTrace {
    file: AtomicFile,
    error: Option<io::Error>,
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
        let mut file = AtomicFile::create(path)?;
        let mut header = String::from("t_ms");
        for variable in variables {
            header.push(',');
            header.push_str(variable.name);
        }
        header.push_str(",i_stim_uA_per_cm2\n");
        file.writer().write_all(header.as_bytes())?;
        Ok(Self {
            file,
            error: None,
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
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.file),
        }
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
        if self.error.is_some() {
            return;
        }
        let writer = self.file.writer();
        let mut result = write!(writer, "{t_ms}");
        for value in state {
            result = result.and_then(|()| write!(writer, ",{value}"));
        }
        result = result.and_then(|()| writeln!(writer, ",{i_stim}"));
        if let Err(error) = result {
            self.error = Some(error);
        }
    }
}
