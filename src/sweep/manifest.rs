//! `sweep.json`: what a results folder holds and how it was made — the
//! sweep file's text, the endplate version, hashes of the sweep and base
//! texts, the shard, the axes and metrics (what `plot` needs), and the
//! timings of every session that worked on it.
//!
//! It is written when a sweep starts (`complete: false`) and again when it
//! ends, so `--resume` can refuse to mix results of a different sweep file,
//! base scenario, endplate version or shard into one folder.

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::output::write_json;
use crate::sweep::file::{BaseSource, SweepFile};
use crate::sweep::shard::Shard;

/// The manifest's file name in a results folder.
pub const MANIFEST: &str = "sweep.json";

/// One axis as plots need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AxisRecord {
    /// The key path (the column name in results.csv).
    pub path: String,
    /// Whether its values are spread logarithmically.
    pub log: bool,
}

/// One run of `endplate sweep` on this folder (a resume adds one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Which shard it ran.
    pub shard: Shard,
    /// Wall-clock start (seconds since 1970-01-01 UTC).
    pub started_unix_s: f64,
    /// Wall-clock duration (s); null while running or if interrupted.
    pub wall_s: Option<f64>,
    /// Worker threads.
    pub threads: usize,
    /// Points computed in this session.
    pub points_computed: u64,
    /// Points per second over the session.
    pub points_per_s: Option<f64>,
    /// Rest searches the session made (the rest cache answers the others;
    /// [`crate::solve::rest_cache`]).
    #[serde(default)]
    pub rest_searches: u64,
    /// Sets of endplate measurements it made (only for `junction` metrics
    /// that need them).
    #[serde(default)]
    pub endplate_measurements: u64,
}

/// The contents of sweep.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// `CARGO_PKG_VERSION` of the endplate that made the results.
    pub endplate_version: String,
    /// Sweep name.
    pub name: String,
    /// The sweep file as given on the command line.
    pub sweep_file: String,
    /// [`text_hash`] of its text.
    pub sweep_hash: String,
    /// Its text.
    pub sweep_text: String,
    /// The base scenario: its path as written in the sweep file, or `inline`.
    pub base: String,
    /// [`text_hash`] of the base scenario's text.
    pub base_hash: String,
    /// `grid`, `zip` or `random`.
    pub design: String,
    /// The axes, in file order.
    pub axes: Vec<AxisRecord>,
    /// The metrics, in file order.
    pub metrics: Vec<String>,
    /// Points in the whole sweep.
    pub points: u64,
    /// The shard these results cover (`0/1`: all).
    pub shard: Shard,
    /// Points in this shard.
    pub shard_points: u64,
    /// Whether results.csv holds every point of the shard.
    pub complete: bool,
    /// Points whose row has `status = error` (known once complete).
    pub failed_points: Option<u64>,
    /// Every session that worked on these results.
    pub sessions: Vec<Session>,
    /// Folders merged into this one (by `endplate merge`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
}

impl Manifest {
    /// A fresh manifest for `sweep` run as `shard`.
    pub fn new(sweep: &SweepFile, shard: Shard) -> Self {
        let points = sweep.plan.count();
        Self {
            endplate_version: env!("CARGO_PKG_VERSION").to_owned(),
            name: sweep.name.clone(),
            sweep_file: sweep.path.display().to_string(),
            sweep_hash: text_hash(&sweep.text),
            sweep_text: sweep.text.clone(),
            base: match &sweep.base_source {
                BaseSource::File(path) => path.clone(),
                BaseSource::Inline => "inline".to_owned(),
            },
            base_hash: sweep.base_hash.clone(),
            design: sweep.plan.design().name().to_owned(),
            axes: sweep
                .axes
                .iter()
                .zip(sweep.plan.axes())
                .map(|(axis, values)| AxisRecord {
                    path: axis.name.clone(),
                    log: values.is_log(),
                })
                .collect(),
            metrics: sweep.metrics.iter().map(|m| m.name.clone()).collect(),
            points,
            shard,
            shard_points: shard.size(points),
            complete: false,
            failed_points: None,
            sessions: Vec::new(),
            merged_from: Vec::new(),
        }
    }

    /// Why results made under `self` cannot be combined with results of
    /// `other` (different sweep, base, version or size); `None` if they can.
    pub fn mismatch(&self, other: &Manifest) -> Option<String> {
        let checks = [
            (
                "endplate version",
                &self.endplate_version,
                &other.endplate_version,
            ),
            ("sweep file", &self.sweep_hash, &other.sweep_hash),
            ("base scenario", &self.base_hash, &other.base_hash),
        ];
        checks
            .into_iter()
            .find(|(_, a, b)| a != b)
            .map(|(what, a, b)| format!("the {what} differs ({a} against {b})"))
            .or_else(|| {
                (self.points != other.points).then(|| {
                    format!(
                        "the sweep size differs ({} against {} points)",
                        self.points, other.points
                    )
                })
            })
    }

    /// Reads `dir/sweep.json`.
    pub fn read(dir: &Path) -> io::Result<Self> {
        let text = std::fs::read_to_string(dir.join(MANIFEST))?;
        serde_json::from_str(&text).map_err(io::Error::other)
    }

    /// Writes `dir/sweep.json` atomically.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        write_json(&dir.join(MANIFEST), self)?.commit().map(drop)
    }
}

/// Seconds since 1970-01-01 UTC.
pub fn unix_seconds(at: SystemTime) -> f64 {
    at.duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
}

/// A stable fingerprint of `text`: 64-bit FNV-1a (Fowler, Noll & Vo;
/// IETF draft-eastlake-fnv), as `fnv1a64:` and 16 hex digits. It tells an
/// edited file from the original, which is all sweep.json needs; it is not
/// a cryptographic hash.
pub fn text_hash(text: &str) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = text.bytes().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    format!("fnv1a64:{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // draft-eastlake-fnv, test vectors for FNV-1a 64.
        assert_eq!(text_hash(""), "fnv1a64:cbf29ce484222325");
        assert_eq!(text_hash("a"), "fnv1a64:af63dc4c8601ec8c");
        assert_eq!(text_hash("foobar"), "fnv1a64:85944171f73967e8");
    }
}
