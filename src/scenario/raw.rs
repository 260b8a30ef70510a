//! The raw layer: the scenario file's shape, close to the TOML, parsed but
//! not yet checked for ranges or cross-field consistency (that is
//! [`super::build`]'s job). Unknown keys are rejected everywhere.

use serde::Deserialize;

use crate::model::ions::Ions;
use crate::parameters;

parameters! {
    /// `[simulation]`: how long to run and how densely to record.
    pub struct SimulationSettings {
        /// Simulated time from t = 0.
        duration_ms: f64 = 100.0, "ms", 0.000001..=100000000.0, "endplate default";
        /// Spacing of the rows of trace.csv and of the plotted points.
        output_dt_ms: f64 = 0.025, "ms", 0.000001..=1000000.0, "endplate default: resolves an action potential upstroke (~0.5 ms) with 20 points";
    }
}

parameters! {
    /// `[analysis]`: how metrics are read off the trace.
    pub struct AnalysisSettings {
        /// A spike is an upward crossing of this membrane potential.
        spike_threshold_mv: f64 = 0.0, "mV", -200.0..=200.0, "conventional overshoot criterion (../shared/CRATES.md §1 spike times)";
    }
}

/// A scenario file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    /// Name of the scenario (default: the file name without `.toml`).
    #[serde(default)]
    pub name: Option<String>,
    /// Free text for whoever reads the file (kept in the run; not printed or written).
    #[serde(default)]
    pub description: Option<String>,
    /// Which model to run (see `endplate describe`).
    pub model: String,
    /// `[simulation]`.
    #[serde(default)]
    pub simulation: SimulationSettings,
    /// `[ions]`: the conditions the tissue sits in (every key optional).
    #[serde(default)]
    pub ions: Ions,
    /// `[solver]`: the method name plus [`crate::solve::SolverTolerances`];
    /// kept as a table so `method` and the numbers can be checked separately.
    #[serde(default)]
    pub solver: toml::Table,
    /// `[rest]`: `equilibrate` plus [`crate::solve::steady_state::RestSettings`];
    /// kept as a table so the switch and the numbers can be checked separately.
    #[serde(default)]
    pub rest: toml::Table,
    /// `[stimulus]`.
    #[serde(default)]
    pub stimulus: RawStimulus,
    /// `[analysis]`.
    #[serde(default)]
    pub analysis: AnalysisSettings,
    /// `[parameters]`: the model's own constants; which keys exist depends on `model`.
    #[serde(default)]
    pub parameters: toml::Table,
}

/// `[stimulus]` as written: steps and trains, summed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStimulus {
    /// `[[stimulus.steps]]`.
    #[serde(default)]
    pub steps: Vec<RawStep>,
    /// `[[stimulus.trains]]`.
    #[serde(default)]
    pub trains: Vec<RawTrain>,
    /// `[[stimulus.poisson]]`: ectopic discharge at random times.
    #[serde(default)]
    pub poisson: Vec<RawPoisson>,
}

/// `[[stimulus.poisson]]` as written: rectangular pulses at the times of a
/// Poisson process (ectopic discharge of a damaged axon).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoisson {
    /// Mean pulse rate (Hz); required.
    pub rate_hz: f64,
    /// Start of the discharge (ms); default 0.
    #[serde(default)]
    pub start_ms: f64,
    /// End of the discharge (ms); default: the end of the run.
    pub stop_ms: Option<f64>,
    /// Width of each pulse (ms); required.
    pub width_ms: f64,
    /// Current density of each pulse (µA/cm², positive depolarizing); required.
    pub amplitude_ua_per_cm2: f64,
    /// Seed of the pulse times: the same seed gives the same times; default 1.
    #[serde(default = "one")]
    pub seed: u64,
}

/// `[[stimulus.steps]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Onset (ms); default 0.
    #[serde(default)]
    pub start_ms: f64,
    /// Duration (ms); required.
    pub duration_ms: f64,
    /// Current density (µA/cm², positive depolarizing); required.
    pub amplitude_ua_per_cm2: f64,
}

/// `[[stimulus.trains]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrain {
    /// Onset of the first pulse (ms); default 0.
    #[serde(default)]
    pub start_ms: f64,
    /// Number of pulses; default 1.
    #[serde(default = "one")]
    pub count: u64,
    /// Pulse rate (Hz); give this or `interval_ms`.
    pub frequency_hz: Option<f64>,
    /// Onset-to-onset interval (ms); give this or `frequency_hz`.
    pub interval_ms: Option<f64>,
    /// Width of each pulse (ms); required.
    pub width_ms: f64,
    /// Current density of each pulse (µA/cm², positive depolarizing); required.
    pub amplitude_ua_per_cm2: f64,
}

fn one() -> u64 {
    1
}
