//! Parameter sweeps: many runs built from one scenario and a set of axes,
//! computed in parallel and streamed to `results.csv`.
//!
//! A sweep file ([`file`]) names a base scenario, the axes (scenario key
//! paths, as `--set` takes them, with their values) and the metrics to
//! collect (metrics.json keys). [`design`] turns the axes into points — a
//! grid, zipped axes or a random (Latin hypercube) design — each computed
//! from its index alone. [`execute`] runs the points on a local rayon pool
//! and streams one row per point through a single writer thread;
//! [`results`] sorts, resumes and merges those rows so that results.csv is
//! the same bytes whatever the thread count, interruptions or [`shard`]s.
//! [`manifest`] records what made them (sweep.json), [`plots`] draws them,
//! [`check`] validates a sweep file without running it, and [`limits`]
//! stops accidental giant sweeps.
//!
//! Nothing here touches a model's right-hand side: a point is a
//! [`crate::scenario::Run`] like any other, run by
//! [`crate::simulation::execute`] with no trace.

pub mod check;
pub mod design;
pub mod execute;
pub mod file;
pub mod limits;
pub mod manifest;
pub mod metrics;
pub mod plots;
pub mod progress;
pub mod results;
pub mod shard;
pub mod traces;
pub mod units;

pub use execute::{Options, Summary, SweepError, run};
pub use file::SweepFile;
pub use shard::Shard;
