//! Per-point trace files, only for the points a sweep file asks for
//! (`[traces] points`): `traces/point-<index>.csv`, the columns of
//! `endplate run`'s trace.csv, streamed to disk as the point runs (nothing
//! of the trajectory stays in memory) and renamed into place only when the
//! point succeeds.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::StateVariable;
use crate::output::atomic::AtomicFile;
use crate::simulation::Trace;

/// The folder of trace files inside a results folder.
pub const TRACES: &str = "traces";

/// Where point `point` of a sweep of `total` points writes its trace;
/// indices are zero-padded so that the files sort in point order.
pub fn trace_path(dir: &Path, point: u64, total: u64) -> PathBuf {
    let width = total.saturating_sub(1).max(1).to_string().len();
    dir.join(TRACES).join(format!("point-{point:0width$}.csv"))
}

/// A trace file being written.
#[derive(Debug)]
pub struct TraceFile {
    file: AtomicFile,
    error: Option<io::Error>,
}

impl TraceFile {
    /// Starts the file at `path` with the header for `variables`.
    pub fn create(path: &Path, variables: &[StateVariable]) -> io::Result<Self> {
        let mut file = AtomicFile::create(path)?;
        let names: Vec<&str> = variables.iter().map(|v| v.name).collect();
        writeln!(file.writer(), "t_ms,{},i_stim_uA_per_cm2", names.join(","))?;
        Ok(Self { file, error: None })
    }

    /// Renames the finished file into place, or reports the first write error.
    pub fn commit(self) -> io::Result<PathBuf> {
        match self.error {
            Some(error) => Err(error),
            None => self.file.commit(),
        }
    }
}

impl Trace for TraceFile {
    fn row(&mut self, t_ms: f64, state: &[f64], i_stim: f64) {
        if self.error.is_some() {
            return;
        }
        let writer = self.file.writer();
        let written = write!(writer, "{t_ms}")
            .and_then(|()| state.iter().try_for_each(|v| write!(writer, ",{v}")))
            .and_then(|()| writeln!(writer, ",{i_stim}"));
        self.error = written.err();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trace_names_sort_in_point_order() {
        let dir = Path::new("out");
        assert_eq!(
            trace_path(dir, 7, 1000),
            Path::new("out/traces/point-007.csv")
        );
        assert_eq!(trace_path(dir, 0, 1), Path::new("out/traces/point-0.csv"));
        assert_eq!(
            trace_path(dir, 12, 10_001),
            Path::new("out/traces/point-00012.csv")
        );
    }
}
