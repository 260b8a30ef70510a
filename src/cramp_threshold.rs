//! The cramp threshold frequency of a motor unit with a motoneuron
//! (`endplate cramp-threshold`): the lowest frequency of a burst of nerve
//! pulses after which the motoneuron keeps firing and the fibre keeps
//! contracting once the stimulation has stopped.
//!
//! ## Protocol (after the human electrically induced cramp)
//! The tibial nerve is stimulated in bursts starting at 4 Hz and rising by
//! 2 Hz until the flexor hallucis brevis cramps (Miller & Knight 2009,
//! Muscle Nerve 39:364; Miller & Knight 2012, J Athl Train 47:643). Here
//! each frequency from [`FIRST_HZ`] to [`LAST_HZ`] in [`STEP_HZ`] steps is
//! one burst of [`BURST_MS`] from the unit's rest (no carry-over between
//! bursts: the published bursts are minutes apart), with the scenario's
//! first train's pulse shape. Shorter bursts than the published 2–5 s keep
//! a search to seconds; the L-type gate (τ = 40 ms) and the Ca²⁺ pools
//! (τ = 50 ms) settle within the burst.
//!
//! ## Criteria
//! - the motoneuron keeps firing: at least [`KEEPS_FIRING_HZ`] of forwarded
//!   spikes in the second half of the [`AFTER_MS`] after the burst;
//! - the fibre keeps contracting: the unit's force stays above 10 % of its
//!   peak to the end of the run (`sustained_until_end` of the muscle metrics).
//!
//! The full unit (axon, junction, fibre) is run only for the frequencies at
//! which the motoneuron keeps firing. A motoneuron that fires before any
//! stimulation has no threshold to find: that is reported instead.
//!
//! ## Published
//! Cramp threshold frequency of the flexor hallucis brevis: 14.9 ± 1.3 Hz in
//! people with a history of cramps, 25.5 ± 1.6 Hz without (Miller & Knight
//! 2009); 16.2 ± 3.8 Hz (Miller & Knight 2012); 20.0 ± 7.7 Hz, rising to
//! 32.9 ± 11.7 Hz after fatiguing toe curls (Stone et al. 2003, J Sports
//! Sci, "Threshold frequency of an electrically induced cramp increases
//! following a repeated, localized fatiguing exercise"); gastrocnemius
//! 23.3 ± 5.7 Hz (Behringer et al. 2014, PLoS One 9:e94910). Together:
//! [`PUBLISHED_RANGE_HZ`].

use serde::Serialize;

use crate::model::motor_unit::MotorUnit;
use crate::protocol::{Protocol, Train};
use crate::scenario::Run;
use crate::simulation::{self, NoTrace};
use crate::solve::{Method, SolveError, SolverSettings};

/// First burst frequency (Hz): Miller & Knight 2009/2012 start at 4 Hz.
pub const FIRST_HZ: f64 = 4.0;
/// Frequency step (Hz): Miller & Knight 2009/2012.
pub const STEP_HZ: f64 = 2.0;
/// Last burst frequency (Hz): above the highest published mean threshold
/// (32.9 Hz after fatigue, Stone et al. 2003) plus one standard deviation.
pub const LAST_HZ: f64 = 44.0;
/// Length of each burst (ms).
pub const BURST_MS: f64 = 1000.0;
/// Onset of the burst in each run (ms): a quiet start shows spontaneous firing.
pub const BURST_START_MS: f64 = 500.0;
/// Observation after the burst (ms).
pub const AFTER_MS: f64 = 1000.0;
/// Forwarded firing in the second half of the observation that counts as
/// "keeps firing" (Hz): modelling choice, below the lowest steady
/// discharge rates of human motor units (≈ 5–8 Hz at recruitment).
pub const KEEPS_FIRING_HZ: f64 = 4.0;
/// The published human range of the cramp threshold frequency (Hz): the
/// lowest and highest group means of the studies above.
pub const PUBLISHED_RANGE_HZ: (f64, f64) = (14.9, 32.9);

/// Pulse shape when the scenario has no train: the motor-unit scenario's.
const PULSE: (f64, f64) = (0.1, 5000.0);

/// One burst and what followed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Burst {
    /// Burst frequency (Hz).
    pub frequency_hz: f64,
    /// Somatic spikes during the burst (antidromic invasions included).
    pub soma_spikes_during: usize,
    /// Forwarded spike rate in the second half of the observation (Hz).
    pub after_rate_hz: f64,
    /// Whether the motoneuron keeps firing.
    pub keeps_firing: bool,
    /// How long the force stayed above 10 % of peak after the burst (ms),
    /// when the full unit was run.
    pub sustained_contraction_ms: Option<f64>,
    /// Whether it stayed there to the end (the fibre keeps contracting).
    pub keeps_contracting: Option<bool>,
}

/// The search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrampThreshold {
    /// Forwarded spikes before the first burst pulse (a unit that fires unprompted).
    pub spontaneous_spikes: usize,
    /// Every burst, in order of frequency.
    pub bursts: Vec<Burst>,
    /// The lowest frequency after which the unit keeps firing and contracting (Hz).
    pub threshold_hz: Option<f64>,
    /// The published human range (Hz).
    pub published_range_hz: (f64, f64),
}

/// Why a scenario cannot be searched.
#[derive(Debug, thiserror::Error)]
pub enum CrampError {
    /// Not a motor unit with a motoneuron.
    #[error(
        "cramp-threshold needs model = \"motor-unit\" with parameters.motoneuron_model = \"booth-rinzel-kiehn\"; {0}"
    )]
    NoMotoneuron(String),
    /// A run failed.
    #[error(transparent)]
    Solve(#[from] SolveError),
}

/// The burst protocol at `frequency_hz`, pulses shaped as `template`'s first train.
pub fn burst(template: &Protocol, frequency_hz: f64) -> Protocol {
    let (width_ms, amplitude_ua_per_cm2) = template
        .trains
        .first()
        .map_or(PULSE, |t| (t.width_ms, t.amplitude_ua_per_cm2));
    Protocol {
        steps: Vec::new(),
        trains: vec![Train {
            start_ms: BURST_START_MS,
            count: (frequency_hz * BURST_MS / 1000.0).round() as u64,
            interval_ms: 1000.0 / frequency_hz,
            width_ms,
            amplitude_ua_per_cm2,
        }],
    }
}

/// Searches the cramp threshold frequency of `run`'s motor unit.
pub fn measure(run: &Run) -> Result<CrampThreshold, CrampError> {
    let unit = run
        .model
        .as_any()
        .downcast_ref::<MotorUnit>()
        .ok_or_else(|| {
            CrampError::NoMotoneuron(format!(
                "the scenario's model is {}",
                run.model.entry().name()
            ))
        })?;
    let stage = unit.motoneuron.as_ref().ok_or_else(|| {
        CrampError::NoMotoneuron("the scenario's motoneuron_model is none".to_owned())
    })?;
    let settings = SolverSettings {
        method: Method::Dopri5,
        tolerances: run.solver.tolerances,
    };
    let end_ms = BURST_START_MS + BURST_MS + AFTER_MS;
    let mut bursts = Vec::new();
    let mut spontaneous_spikes = 0;
    let mut threshold_hz = None;
    let count = ((LAST_HZ - FIRST_HZ) / STEP_HZ).round() as usize;
    for k in 0..=count {
        let frequency_hz = FIRST_HZ + STEP_HZ * k as f64;
        let protocol = burst(&run.protocol, frequency_hz);
        let spikes = stage.spikes(&protocol, end_ms, &settings)?;
        let burst_end = BURST_START_MS + BURST_MS;
        let in_window = |from: f64, to: f64| {
            spikes
                .forwarded_ms
                .iter()
                .filter(|&&t| t >= from && t < to)
                .count()
        };
        spontaneous_spikes = spontaneous_spikes.max(in_window(0.0, BURST_START_MS));
        let half = AFTER_MS / 2.0;
        let after_rate_hz = in_window(burst_end + half, end_ms) as f64 / (half / 1000.0);
        let keeps_firing = after_rate_hz >= KEEPS_FIRING_HZ;
        let soma_spikes_during = spikes
            .soma_ms
            .iter()
            .filter(|&&t| (BURST_START_MS..burst_end).contains(&t))
            .count();
        let (sustained_contraction_ms, keeps_contracting) = if keeps_firing {
            let burst_run = Run {
                protocol,
                simulation: crate::scenario::SimulationSettings {
                    duration_ms: end_ms,
                    ..run.simulation
                },
                endplate_measurements: false,
                ..run.clone()
            };
            let result = simulation::execute(&burst_run, &mut NoTrace)?;
            let muscle = result.metrics.muscle;
            (
                muscle.as_ref().and_then(|m| m.sustained_contraction_ms),
                Some(muscle.is_some_and(|m| m.sustained_until_end)),
            )
        } else {
            (None, None)
        };
        if threshold_hz.is_none() && keeps_contracting == Some(true) {
            threshold_hz = Some(frequency_hz);
        }
        bursts.push(Burst {
            frequency_hz,
            soma_spikes_during,
            after_rate_hz,
            keeps_firing,
            sustained_contraction_ms,
            keeps_contracting,
        });
    }
    Ok(CrampThreshold {
        spontaneous_spikes,
        bursts,
        threshold_hz: if spontaneous_spikes > 0 {
            None
        } else {
            threshold_hz
        },
        published_range_hz: PUBLISHED_RANGE_HZ,
    })
}
