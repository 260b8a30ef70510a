//! Metrics read off a run as it happens: spikes, firing rate, resting
//! potential, the first spike's shape. Analysers are step observers or
//! sample sinks, so they work without keeping the trajectory.

pub mod membrane;
pub mod spikes;

pub use membrane::{FirstSpike, MembraneAnalysis, MembraneMetrics};
pub use spikes::SpikeDetector;
