//! Excitability of a scenario's tissue, measured by extra runs: the
//! spontaneous firing rate with no stimulus and the rheobase of a 50 ms
//! current step, for the axon and the fibre separately in a motor unit.
//!
//! - **Spontaneous rate**: the scenario with its stimulus removed, run for
//!   [`SPONTANEOUS_WINDOW_MS`] from its starting state (its rest when it
//!   asks for equilibration); spikes per second. In a motor unit the fibre's
//!   rate counts every muscle action potential, neurally driven or not.
//! - **Rheobase (50 ms)**: the smallest amplitude of a 50 ms step from
//!   [`STEP_ONSET_MS`] that makes the membrane cross the spike threshold
//!   during the step or within [`STEP_TAIL_MS`] after it, found by
//!   doubling, then bisection to [`RELATIVE_PRECISION`] of the amplitude.
//!   A motor unit's axon is stimulated as the scenario's protocol would be;
//!   its fibre directly (the same fibre, without its nerve). The classic
//!   rheobase is the threshold of an infinitely long step (Lapicque); 50 ms
//!   is the choice and exceeds every membrane time constant here.

use serde::Serialize;

use crate::bisection;
use crate::catalogue::BuiltModel;
use crate::protocol::{Protocol, Step};
use crate::scenario::Run;
use crate::simulation::{self, NoTrace, RunMetrics};
use crate::solve::SolveError;

/// Length of the spontaneous-firing run (ms).
pub const SPONTANEOUS_WINDOW_MS: f64 = 1000.0;
/// Onset of the rheobase step (ms).
pub const STEP_ONSET_MS: f64 = 10.0;
/// Duration of the rheobase step (ms).
pub const STEP_DURATION_MS: f64 = 50.0;
/// Time after the step in which a spike still counts (ms).
pub const STEP_TAIL_MS: f64 = 10.0;
/// Bisection stops when the bracket is this fraction of its upper end.
pub const RELATIVE_PRECISION: f64 = 1e-3;
/// Largest amplitude tried (µA/cm²); beyond it the tissue is called inexcitable.
pub const MAX_AMPLITUDE_UA_PER_CM2: f64 = 1.0e5;

/// One tissue's excitability.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TissueExcitability {
    /// Spikes per second with no stimulus (Hz).
    pub spontaneous_rate_hz: f64,
    /// Rheobase of a 50 ms step (µA/cm²); `None` if even the largest amplitude fails.
    pub rheobase_50ms_ua_per_cm2: Option<f64>,
}

/// The scenario's excitability: the membrane the model is about (the fibre
/// of a motor unit), and the motor unit's axon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Excitability {
    /// The model's main membrane (the muscle fibre in a motor unit).
    pub membrane: TissueExcitability,
    /// The motor axon, for a motor unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub axon: Option<TissueExcitability>,
}

impl Excitability {
    /// Every field present, for the sweep's check of metric names.
    pub fn shape() -> Self {
        let tissue = TissueExcitability {
            spontaneous_rate_hz: 0.0,
            rheobase_50ms_ua_per_cm2: Some(0.0),
        };
        Self {
            membrane: tissue,
            axon: Some(tissue),
        }
    }
}

/// Which spikes a trial counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Counted {
    Membrane,
    Axon,
}

/// `run` with `protocol` for `duration_ms`.
fn with_protocol(run: &Run, protocol: Protocol, duration_ms: f64) -> Run {
    let mut trial = run.clone();
    trial.protocol = protocol;
    trial.simulation.duration_ms = duration_ms;
    trial.simulation.output_dt_ms = trial.simulation.output_dt_ms.min(duration_ms);
    trial.endplate_measurements = false;
    trial
}

/// The spikes `counted` in `run` with `protocol` for `duration_ms`, and no
/// trace. A motor unit's axon is run alone (its pass 1): nothing flows back
/// from the fibre, so the fibre pass would not change its spikes.
fn trial_spikes(
    run: &Run,
    counted: Counted,
    protocol: Protocol,
    duration_ms: f64,
) -> Result<usize, SolveError> {
    let trial = with_protocol(run, protocol, duration_ms);
    match counted {
        Counted::Axon => Ok(trial.model.axon_spike_count(&trial)?.unwrap_or(0)),
        Counted::Membrane => Ok(metrics(&trial)?.membrane.spike_count),
    }
}

fn metrics(run: &Run) -> Result<RunMetrics, SolveError> {
    Ok(simulation::execute(run, &mut NoTrace)?.metrics)
}

fn spontaneous_rate_hz(run: &Run, counted: Counted) -> Result<f64, SolveError> {
    let spikes = trial_spikes(run, counted, Protocol::default(), SPONTANEOUS_WINDOW_MS)?;
    Ok(spikes as f64 / (SPONTANEOUS_WINDOW_MS / 1000.0))
}

fn rheobase(run: &Run, counted: Counted) -> Result<Option<f64>, SolveError> {
    let fires = |amplitude: f64| -> Result<bool, SolveError> {
        let step = Protocol {
            steps: vec![Step {
                start_ms: STEP_ONSET_MS,
                duration_ms: STEP_DURATION_MS,
                amplitude_ua_per_cm2: amplitude,
            }],
            trains: Vec::new(),
        };
        let duration = STEP_ONSET_MS + STEP_DURATION_MS + STEP_TAIL_MS;
        Ok(trial_spikes(run, counted, step, duration)? > 0)
    };
    bisection::smallest_that_happens(1.0, MAX_AMPLITUDE_UA_PER_CM2, RELATIVE_PRECISION, fires)
}

/// A tissue's spontaneous rate in `run` and its rheobase when `stimulated`
/// is stimulated (the same run, or a motor unit's fibre alone). A tissue
/// that fires with no stimulus needs none: its rheobase is 0 without a
/// search (which would only halve its way down to 0).
fn tissue(run: &Run, stimulated: &Run, counted: Counted) -> Result<TissueExcitability, SolveError> {
    let spontaneous_rate_hz = spontaneous_rate_hz(run, counted)?;
    let rheobase_50ms_ua_per_cm2 = if spontaneous_rate_hz > 0.0 {
        Some(0.0)
    } else {
        rheobase(stimulated, counted)?
    };
    Ok(TissueExcitability {
        spontaneous_rate_hz,
        rheobase_50ms_ua_per_cm2,
    })
}

/// `run` with its fibre starting at its rest, when the run asks for rest:
/// found once here, so every trial's own search ends at once.
fn from_rest(run: &Run) -> Result<Run, SolveError> {
    let mut rested = run.clone();
    if !run.equilibrate {
        return Ok(rested);
    }
    let rest = simulation::find_rest(run)?;
    if !rest.report.converged {
        return Ok(rested);
    }
    rested.model = BuiltModel(run.model.starting_from(&rest.state));
    Ok(rested)
}

/// Measures the excitability of `run`'s tissue (a few dozen short runs).
pub fn measure(run: &Run) -> Result<Excitability, SolveError> {
    measure_reporting(run, &mut || {})
}

/// The stages of [`measure`] for `run`: the rest search, then each tissue.
pub fn stages(run: &Run) -> u64 {
    2 + u64::from(run.model.has_axon())
}

/// [`measure`], calling `on_stage` after each of its [`stages`].
pub fn measure_reporting(
    run: &Run,
    on_stage: &mut dyn FnMut(),
) -> Result<Excitability, SolveError> {
    let run = &from_rest(run)?;
    on_stage();
    let mut stimulated = run.clone();
    stimulated.model = BuiltModel(run.model.stimulated_alone());
    let membrane = tissue(run, &stimulated, Counted::Membrane)?;
    on_stage();
    let axon = if run.model.has_axon() {
        let axon = tissue(run, run, Counted::Axon)?;
        on_stage();
        Some(axon)
    } else {
        None
    };
    Ok(Excitability { membrane, axon })
}

/// Spikes per second of a motor unit's axon with no stimulus, over
/// [`SPONTANEOUS_WINDOW_MS`] from its rest (0 for other models).
pub fn axon_spontaneous_rate_hz(run: &Run) -> Result<f64, SolveError> {
    spontaneous_rate_hz(run, Counted::Axon)
}

/// The concentration (mM) below which a tissue fires on its own: bisection
/// between `low_mm`, where `fires_at` must be true, and `high_mm`, where it
/// must be false, until the bracket is narrower than `tolerance_mm`; the
/// upper end of the last bracket (the lowest tested value that stays quiet)
/// is returned. `None` when the ends do not bracket a threshold (the tissue
/// fires at `high_mm` or stays quiet at `low_mm`).
pub fn firing_threshold_mm<E>(
    low_mm: f64,
    high_mm: f64,
    tolerance_mm: f64,
    mut fires_at: impl FnMut(f64) -> Result<bool, E>,
) -> Result<Option<f64>, E> {
    if fires_at(high_mm)? || !fires_at(low_mm)? {
        return Ok(None);
    }
    let (_, high) = bisection::narrow(
        low_mm,
        high_mm,
        |low, high| high - low <= tolerance_mm,
        |ca| fires_at(ca).map(|fires| !fires),
    )?;
    Ok(Some(high))
}

/// Lowest ionized Ca (mM) the tetany-threshold search tries: an axon still
/// quiet here is called quiet at every Ca.
pub const TETANY_LOWEST_CA_MM: f64 = 0.1;
/// Highest ionized Ca (mM) it tries: above hypercalcaemia (SCIENCE.md §6
/// normal 1.15–1.33 mM); an axon firing here fires at every Ca.
pub const TETANY_HIGHEST_CA_MM: f64 = 2.0;
/// Width of the final bracket of the search (mM).
pub const TETANY_TOLERANCE_MM: f64 = 0.005;

/// Where an axon starts to fire on its own as ionized Ca falls (issue 10).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TetanyThreshold {
    /// Highest ionized Ca (mM) seen to fire on its own within
    /// [`SPONTANEOUS_WINDOW_MS`]: the tetany threshold. `None` when the
    /// axon is quiet down to [`TETANY_LOWEST_CA_MM`].
    pub fires_at_ca_mm: Option<f64>,
    /// Lowest ionized Ca (mM) seen to stay quiet; `None` when the axon
    /// fires up to [`TETANY_HIGHEST_CA_MM`].
    pub quiet_at_ca_mm: Option<f64>,
    /// Spontaneous rate (Hz) at `fires_at_ca_mm`.
    pub rate_at_threshold_hz: Option<f64>,
    /// Window of each trial (ms).
    pub window_ms: f64,
    /// Width of the final bracket (mM).
    pub tolerance_mm: f64,
}

/// The tetany threshold of a motor unit's axon: bisection on ionized Ca
/// between [`TETANY_LOWEST_CA_MM`] and [`TETANY_HIGHEST_CA_MM`] to
/// [`TETANY_TOLERANCE_MM`] for the highest Ca at which the axon fires with
/// no stimulus within [`SPONTANEOUS_WINDOW_MS`] from its rest (or its
/// initial state, when it has no rest; [`axon_spontaneous_rate_hz`]).
/// `at_ca(ca_o_mm)` builds the scenario at that Ca, everything else as given.
pub fn tetany_threshold<E: From<SolveError>>(
    mut at_ca: impl FnMut(f64) -> Result<Run, E>,
) -> Result<TetanyThreshold, E> {
    let mut rate = |ca: f64| -> Result<f64, E> { Ok(axon_spontaneous_rate_hz(&at_ca(ca)?)?) };
    let mut found = TetanyThreshold {
        fires_at_ca_mm: None,
        quiet_at_ca_mm: None,
        rate_at_threshold_hz: None,
        window_ms: SPONTANEOUS_WINDOW_MS,
        tolerance_mm: TETANY_TOLERANCE_MM,
    };
    let highest = rate(TETANY_HIGHEST_CA_MM)?;
    if highest > 0.0 {
        found.fires_at_ca_mm = Some(TETANY_HIGHEST_CA_MM);
        found.rate_at_threshold_hz = Some(highest);
        return Ok(found);
    }
    let lowest = rate(TETANY_LOWEST_CA_MM)?;
    if lowest == 0.0 {
        found.quiet_at_ca_mm = Some(TETANY_LOWEST_CA_MM);
        return Ok(found);
    }
    let mut rate_at_low = lowest;
    let (low, high) = bisection::narrow(
        TETANY_LOWEST_CA_MM,
        TETANY_HIGHEST_CA_MM,
        |low, high| high - low <= TETANY_TOLERANCE_MM,
        |ca| {
            let r = rate(ca)?;
            if r > 0.0 {
                rate_at_low = r;
            }
            Ok::<bool, E>(r == 0.0)
        },
    )?;
    found.fires_at_ca_mm = Some(low);
    found.quiet_at_ca_mm = Some(high);
    found.rate_at_threshold_hz = Some(rate_at_low);
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_bracketed_to_the_tolerance() {
        let fires = |ca: f64| Ok::<bool, ()>(ca < 0.437);
        let threshold = firing_threshold_mm(0.1, 1.4, 0.001, fires)
            .unwrap()
            .unwrap();
        assert!((0.437..0.438).contains(&threshold), "{threshold}");
        assert_eq!(firing_threshold_mm(0.5, 1.4, 0.001, fires), Ok(None));
        assert_eq!(firing_threshold_mm(0.1, 0.3, 0.001, fires), Ok(None));
    }
}
