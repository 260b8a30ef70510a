//! Per-point trace files, only for the points a sweep file asks for
//! (`[traces] points`): `traces/point-<index>.csv`, the columns of
//! `endplate run`'s trace.csv, written by [`crate::output::trace::TraceFile`] and streamed to disk as the point runs (nothing
//! of the trajectory stays in memory) and renamed into place only when the
//! point succeeds.

use std::path::{Path, PathBuf};

/// The folder of trace files inside a results folder.
pub const TRACES: &str = "traces";

/// Where point `point` of a sweep of `total` points writes its trace;
/// indices are zero-padded so that the files sort in point order.
pub fn trace_path(dir: &Path, point: u64, total: u64) -> PathBuf {
    let width = total.saturating_sub(1).max(1).to_string().len();
    dir.join(TRACES).join(format!("point-{point:0width$}.csv"))
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
