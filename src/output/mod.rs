//! Writing results: traces, metrics and plots, always atomically.
//!
//! Every file is written under a temporary name in its destination folder
//! and renamed into place only when the whole run has succeeded
//! ([`atomic::AtomicFile`]), so a failed or interrupted run never leaves a
//! half-written trace or a plot of a different run behind.

pub mod atomic;
pub mod folder;
pub mod heatmap;
pub mod plot;
pub mod trace;

use std::io;
use std::path::Path;

use serde::Serialize;

/// `n` and `noun`, plural when `n` is not 1: `1 pulse`, `3 pulses`.
pub fn counted(n: impl Into<u64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A CSV file at `path`, written atomically: every CSV file of the crate is
/// written through `csv::Writer` (RFC 4180 quoting, `\n` line ends).
pub fn csv_file(path: &Path) -> io::Result<csv::Writer<atomic::AtomicFile>> {
    Ok(csv::Writer::from_writer(atomic::AtomicFile::create(path)?))
}

/// The finished CSV file of [`csv_file`], flushed, to be committed.
pub fn finish_csv(writer: csv::Writer<atomic::AtomicFile>) -> io::Result<atomic::AtomicFile> {
    writer.into_inner().map_err(|e| e.into_error())
}

/// Writes `value` as pretty JSON to `path`, atomically.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> io::Result<atomic::AtomicFile> {
    let mut file = atomic::AtomicFile::create(path)?;
    serde_json::to_writer_pretty(file.writer(), value).map_err(io::Error::other)?;
    io::Write::write_all(file.writer(), b"\n")?;
    Ok(file)
}
