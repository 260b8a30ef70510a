//! Metrics read off a run as it happens: spikes, firing rate, resting
//! potential, the first spike's shape, and for the muscle fibre the Ca²⁺
//! transient, force and what outlasts the stimulus. Analysers are step
//! observers or sample sinks, so they work without keeping the trajectory.

pub mod membrane;
pub mod muscle;
pub mod spikes;

pub use membrane::{FirstSpike, MembraneAnalysis, MembraneMetrics};
pub use muscle::{MuscleAnalysis, MuscleMetrics, StimulusResponse};
pub use spikes::SpikeDetector;
