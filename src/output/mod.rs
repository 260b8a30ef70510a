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
pub mod png;
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

/// `message` with the Debug dump of an image backend's I/O error
/// (`backend error: Drawing backend error: ImageError(IoError(Custom {
/// kind: Other, error: "No space left on device (os error 28)" }))`)
/// replaced by the error's own text: no Rust internals reach a user.
pub fn plain_error(message: &str) -> String {
    let Some(start) = message.find("backend error: ") else {
        return message.to_owned();
    };
    let dump = &message[start..];
    let end = dump.find('\n').unwrap_or(dump.len());
    let inner = dump[..end]
        .split_once("error: \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("the image could not be written", |(text, _)| text);
    format!("{}{inner}{}", &message[..start], &dump[end..])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_dumps_become_their_error_text() {
        assert_eq!(
            plain_error(
                "cannot draw the figure in o: backend error: Drawing backend error: \
                 ImageError(IoError(Custom { kind: Other, error: \"No space left on device (os error 28)\" }))"
            ),
            "cannot draw the figure in o: No space left on device (os error 28)"
        );
        assert_eq!(
            plain_error("cannot write a.csv: denied"),
            "cannot write a.csv: denied"
        );
        assert_eq!(counted(1u64, "pulse"), "1 pulse");
        assert_eq!(counted(3u64, "shard"), "3 shards");
    }
}
