//! Threshold tracking, as done on human nerves (Bostock, Cikurel & Burke
//! 1998, Muscle Nerve 21:137; the TRONDNF protocol of Kiernan, Burke,
//! Andersen & Bostock 2000, Muscle Nerve 23:399), on a model axon: the
//! threshold of a brief test current, found by bisection on its amplitude,
//! and how conditioning currents or a preceding impulse change it.
//!
//! - **Strength–duration**: thresholds I(t) of 0.2 and 1.0 ms tests; with
//!   Weiss's law Q = I·t = I_rh (t + τ_SD), rheobase I_rh = (I₁t₁ − I₂t₂)/(t₁ − t₂)
//!   and strength–duration time constant τ_SD = I₁t₁/I_rh − t₁.
//! - **Threshold electrotonus (TE)**: 100 ms conditioning currents of ±40 %
//!   of the 1 ms control threshold; the threshold of a 1 ms test ending
//!   `delay` ms after conditioning onset, as threshold reduction
//!   100 (I_control − I)/I_control (positive = more excitable). TEd for
//!   depolarizing, TEh for hyperpolarizing conditioning.
//! - **Current–threshold relation (I/V)**: 200 ms conditioning currents from
//!   +50 % to −100 % of the control threshold, test ending at the end of the
//!   conditioning; threshold reduction as above.
//! - **Recovery cycle**: a supramaximal 1 ms conditioning stimulus (twice the
//!   control threshold), then the 1 ms test at `interval` ms (onset to
//!   onset); threshold change 100 (I − I_control)/I_control (positive =
//!   refractory or subexcitable, negative = superexcitable). Refractoriness
//!   at 2 ms, superexcitability (the minimum, 5–10 ms region, searched
//!   over intervals up to 20 ms), late subexcitability (the maximum between
//!   20 and 100 ms).
//!
//! A test "fires" when the node potential crosses [`SPIKE_LEVEL_MV`] upward
//! at or after the test onset. The axon starts each trial from `rest` (the
//! caller's equilibrium), so every trial is independent.

use crate::bisection;
use crate::model::{Model, State};
use crate::protocol::{Protocol, Step};
use crate::solve::{self, AcceptedStep, SolveError, SolverSettings, StepObserver};

/// Potential (mV) whose upward crossing by the node counts as an impulse.
pub const SPIKE_LEVEL_MV: f64 = -20.0;
/// Onset of the first stimulus of every trial (ms).
pub const ONSET_MS: f64 = 5.0;
/// Time after the test's end in which an impulse still counts (ms).
pub const TAIL_MS: f64 = 5.0;
/// Bisection stops when the bracket is this fraction of its upper end.
pub const RELATIVE_PRECISION: f64 = 1e-3;
/// Largest test amplitude tried, as a multiple of the search's start.
const SEARCH_RANGE: f64 = 1e3;
/// Width of the test pulse of TE, I/V and the recovery cycle (ms).
pub const TEST_WIDTH_MS: f64 = 1.0;
/// Width of the short strength–duration test (ms).
pub const SHORT_TEST_WIDTH_MS: f64 = 0.2;

/// Counts upward crossings of [`SPIKE_LEVEL_MV`] by state 0 from a time on.
struct ImpulseAfter {
    from_ms: f64,
    seen: bool,
}

impl<const N: usize> StepObserver<N> for ImpulseAfter {
    fn step(&mut self, step: &AcceptedStep<'_, N>) {
        if step.y0[0] < SPIKE_LEVEL_MV
            && step.y1[0] >= SPIKE_LEVEL_MV
            && step.upward_crossing(0, SPIKE_LEVEL_MV) >= self.from_ms
        {
            self.seen = true;
        }
    }
}

/// A model axon at rest, with the solver settings of its trials.
#[derive(Debug, Clone)]
pub struct Tracker<'a, const N: usize, M: Model<N>> {
    model: &'a M,
    rest: State<N>,
    solver: SolverSettings,
}

/// The strength–duration measurements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrengthDuration {
    /// Threshold of the 0.2 ms test (µA/cm²).
    pub short_threshold: f64,
    /// Threshold of the 1 ms test (µA/cm²).
    pub long_threshold: f64,
    /// Rheobase from Weiss's law (µA/cm²).
    pub rheobase: f64,
    /// Strength–duration time constant τ_SD (ms).
    pub time_constant_ms: f64,
}

/// The summary indices of the TRONDNF protocol (Kiernan et al. 2000).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Indices {
    /// Strength–duration.
    pub strength_duration: StrengthDuration,
    /// TEd(10–20 ms): mean threshold reduction, test ending 10–20 ms into +40 % conditioning (%).
    pub ted_10_20_percent: f64,
    /// TEd(90–100 ms) (%).
    pub ted_90_100_percent: f64,
    /// TEh(90–100 ms): the same for −40 % conditioning (%; negative).
    pub teh_90_100_percent: f64,
    /// Threshold change at 2 ms after a supramaximal impulse (%).
    pub refractoriness_2ms_percent: f64,
    /// Most negative threshold change, intervals up to 20 ms (%).
    pub superexcitability_percent: f64,
    /// Largest threshold change, intervals 20–100 ms (%).
    pub late_subexcitability_percent: f64,
}

/// Test delays (ms after conditioning onset, at the test's end) of TE.
pub const TE_DELAYS_MS: [f64; 6] = [10.0, 15.0, 20.0, 90.0, 95.0, 100.0];
/// Intervals (ms, conditioning onset to test onset) of the recovery cycle.
pub const RECOVERY_INTERVALS_MS: [f64; 14] = [
    2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 7.9, 10.0, 13.0, 16.0, 20.0, 32.0, 50.0, 79.0,
];

impl<'a, const N: usize, M: Model<N>> Tracker<'a, N, M> {
    /// Trials of `model` from `rest` with `solver`.
    pub fn new(model: &'a M, rest: State<N>, solver: SolverSettings) -> Self {
        Self {
            model,
            rest,
            solver,
        }
    }

    /// Whether a test of `amplitude` (µA/cm²) and `width_ms` at `test_onset_ms`,
    /// on top of the `conditioning` steps, evokes an impulse.
    pub fn fires(
        &self,
        conditioning: &[Step],
        test_onset_ms: f64,
        width_ms: f64,
        amplitude: f64,
    ) -> Result<bool, SolveError> {
        let mut steps = conditioning.to_vec();
        steps.push(Step {
            start_ms: test_onset_ms,
            duration_ms: width_ms,
            amplitude_ua_per_cm2: amplitude,
        });
        let protocol = Protocol {
            steps,
            trains: Vec::new(),
        };
        let mut observer = ImpulseAfter {
            from_ms: test_onset_ms,
            seen: false,
        };
        solve::simulate(
            self.model,
            &self.rest,
            &protocol,
            test_onset_ms + width_ms + TAIL_MS,
            &self.solver,
            &mut observer,
        )?;
        Ok(observer.seen)
    }

    /// Threshold (µA/cm²) of the test under `conditioning`, searched upward
    /// from `guess`; `None` if nothing up to 1000 × `guess` fires.
    pub fn threshold(
        &self,
        conditioning: &[Step],
        test_onset_ms: f64,
        width_ms: f64,
        guess: f64,
    ) -> Result<Option<f64>, SolveError> {
        bisection::smallest_that_happens(
            guess,
            guess * SEARCH_RANGE,
            RELATIVE_PRECISION,
            |amplitude| self.fires(conditioning, test_onset_ms, width_ms, amplitude),
        )
    }

    /// The unconditioned threshold of a test of `width_ms` (µA/cm²).
    pub fn control_threshold(&self, width_ms: f64, guess: f64) -> Result<Option<f64>, SolveError> {
        self.threshold(&[], ONSET_MS, width_ms, guess)
    }

    /// Thresholds of 0.2 and 1 ms tests and Weiss's rheobase and τ_SD.
    pub fn strength_duration(&self, guess: f64) -> Result<Option<StrengthDuration>, SolveError> {
        let (Some(short), Some(long)) = (
            self.control_threshold(SHORT_TEST_WIDTH_MS, guess)?,
            self.control_threshold(TEST_WIDTH_MS, guess)?,
        ) else {
            return Ok(None);
        };
        let (t1, t2) = (TEST_WIDTH_MS, SHORT_TEST_WIDTH_MS);
        let rheobase = (long * t1 - short * t2) / (t1 - t2);
        Ok(Some(StrengthDuration {
            short_threshold: short,
            long_threshold: long,
            rheobase,
            time_constant_ms: long * t1 / rheobase - t1,
        }))
    }

    /// Threshold reduction (%) for a test ending `delay_ms` after the onset
    /// of a conditioning current of `fraction` × `control` lasting
    /// `conditioning_ms`. `None` when no test amplitude fires.
    pub fn conditioned_reduction(
        &self,
        control: f64,
        fraction: f64,
        conditioning_ms: f64,
        delay_ms: f64,
    ) -> Result<Option<f64>, SolveError> {
        let conditioning = [Step {
            start_ms: ONSET_MS,
            duration_ms: conditioning_ms,
            amplitude_ua_per_cm2: fraction * control,
        }];
        let onset = ONSET_MS + delay_ms - TEST_WIDTH_MS;
        let guess = control * (1.0 - fraction).max(0.1) / 4.0;
        Ok(self
            .threshold(&conditioning, onset, TEST_WIDTH_MS, guess)?
            .map(|threshold| 100.0 * (control - threshold) / control))
    }

    /// Threshold electrotonus: (delay, reduction %) for each of `delays_ms`
    /// under 100 ms of `fraction` × `control`.
    pub fn threshold_electrotonus(
        &self,
        control: f64,
        fraction: f64,
        delays_ms: &[f64],
    ) -> Result<Vec<(f64, Option<f64>)>, SolveError> {
        delays_ms
            .iter()
            .map(|&delay| {
                Ok((
                    delay,
                    self.conditioned_reduction(control, fraction, 100.0, delay)?,
                ))
            })
            .collect()
    }

    /// Current–threshold relation: (conditioning %, reduction %) with 200 ms
    /// conditioning currents of each of `fractions` × `control`.
    pub fn current_threshold(
        &self,
        control: f64,
        fractions: &[f64],
    ) -> Result<Vec<(f64, Option<f64>)>, SolveError> {
        fractions
            .iter()
            .map(|&fraction| {
                Ok((
                    100.0 * fraction,
                    self.conditioned_reduction(control, fraction, 200.0, 200.0)?,
                ))
            })
            .collect()
    }

    /// Recovery cycle: (interval, threshold change %) after a 1 ms
    /// conditioning stimulus of twice `control`.
    pub fn recovery_cycle(
        &self,
        control: f64,
        intervals_ms: &[f64],
    ) -> Result<Vec<(f64, Option<f64>)>, SolveError> {
        let conditioning = [Step {
            start_ms: ONSET_MS,
            duration_ms: TEST_WIDTH_MS,
            amplitude_ua_per_cm2: 2.0 * control,
        }];
        intervals_ms
            .iter()
            .map(|&interval| {
                let threshold = self.threshold(
                    &conditioning,
                    ONSET_MS + interval,
                    TEST_WIDTH_MS,
                    control / 4.0,
                )?;
                Ok((interval, threshold.map(|t| 100.0 * (t - control) / control)))
            })
            .collect()
    }

    /// Every summary index of the protocol; `None` when a threshold cannot
    /// be found (an inexcitable or spontaneously firing axon).
    pub fn indices(&self, guess: f64) -> Result<Option<Indices>, SolveError> {
        let Some(strength_duration) = self.strength_duration(guess)? else {
            return Ok(None);
        };
        let control = strength_duration.long_threshold;
        let mean = |values: &[(f64, Option<f64>)]| -> Option<f64> {
            let found: Option<Vec<f64>> = values.iter().map(|&(_, v)| v).collect();
            found.map(|v| v.iter().sum::<f64>() / v.len() as f64)
        };
        let ted = self.threshold_electrotonus(control, 0.4, &TE_DELAYS_MS)?;
        let teh = self.threshold_electrotonus(control, -0.4, &TE_DELAYS_MS[3..])?;
        let recovery = self.recovery_cycle(control, &RECOVERY_INTERVALS_MS)?;
        let found: Option<Vec<(f64, f64)>> =
            recovery.iter().map(|&(t, v)| v.map(|v| (t, v))).collect();
        let (Some(ted_10_20), Some(ted_90_100), Some(teh_90_100), Some(recovery)) =
            (mean(&ted[..3]), mean(&ted[3..]), mean(&teh), found)
        else {
            return Ok(None);
        };
        let extreme =
            |range: std::ops::RangeInclusive<f64>, pick: fn(f64, f64) -> f64, start: f64| {
                recovery
                    .iter()
                    .filter(|(t, _)| range.contains(t))
                    .fold(start, |acc, &(_, v)| pick(acc, v))
            };
        Ok(Some(Indices {
            strength_duration,
            ted_10_20_percent: ted_10_20,
            ted_90_100_percent: ted_90_100,
            teh_90_100_percent: teh_90_100,
            refractoriness_2ms_percent: recovery[0].1,
            superexcitability_percent: extreme(2.5..=20.0, f64::min, f64::INFINITY),
            late_subexcitability_percent: extreme(20.0..=100.0, f64::max, f64::NEG_INFINITY),
        }))
    }
}

/// Number of impulses `model` fires with no stimulus in `window_ms` from `start`.
pub fn spontaneous_impulses<const N: usize, M: Model<N>>(
    model: &M,
    start: &State<N>,
    window_ms: f64,
    solver: &SolverSettings,
) -> Result<usize, SolveError> {
    let mut detector = crate::analysis::spikes::SpikeDetector::new(0, SPIKE_LEVEL_MV);
    solve::simulate(
        model,
        start,
        &Protocol::default(),
        window_ms,
        solver,
        &mut detector,
    )?;
    Ok(detector.times_ms.len())
}

/// Window in which an axon must fire on its own to count as tetanic (ms; issue 10: "within 1 s").
pub const TETANY_WINDOW_MS: f64 = 1000.0;
/// Resolution of the tetany-threshold search on ionized Ca (mM).
pub const TETANY_TOLERANCE_MM: f64 = 0.005;

/// The tetany threshold: the ionized Ca (mM) below which the axon built by
/// `axon_at(ca_o_mm)` fires on its own within [`TETANY_WINDOW_MS`], starting
/// from `start` (its rest at normal ions: the Ca falls, everything else
/// stays). Bisection between `low_mm` (must fire) and `high_mm` (must stay
/// quiet) to [`TETANY_TOLERANCE_MM`]; returns the lowest Ca seen to stay
/// quiet ([`crate::excitability::firing_threshold_mm`]), `None` when the ends
/// do not bracket a threshold.
pub fn tetany_threshold_ca_mm<const N: usize, M: Model<N>>(
    axon_at: impl Fn(f64) -> M,
    start: &State<N>,
    low_mm: f64,
    high_mm: f64,
    solver: &SolverSettings,
) -> Result<Option<f64>, SolveError> {
    crate::excitability::firing_threshold_mm(low_mm, high_mm, TETANY_TOLERANCE_MM, |ca| {
        Ok(spontaneous_impulses(&axon_at(ca), start, TETANY_WINDOW_MS, solver)? > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::hennings_axon::{HenningsAxon, HenningsAxonParams};

    fn tracker_of(axon: &HenningsAxon) -> Tracker<'_, 8, HenningsAxon> {
        Tracker::new(axon, axon.initial_state(), SolverSettings::default())
    }

    #[test]
    fn weiss_law_gives_back_both_thresholds() {
        let axon = HenningsAxon::new(HenningsAxonParams::default(), 37.0, 0.0, 0.0);
        let sd = tracker_of(&axon).strength_duration(100.0).unwrap().unwrap();
        // Q = I_rh (t + τ) at both widths.
        for (threshold, width) in [(sd.short_threshold, 0.2), (sd.long_threshold, 1.0)] {
            let charge = sd.rheobase * (width + sd.time_constant_ms);
            assert!((threshold * width - charge).abs() < 1e-9 * charge);
        }
        assert!(sd.short_threshold > sd.long_threshold && sd.long_threshold > sd.rheobase);
    }

    #[test]
    fn depolarizing_conditioning_lowers_the_threshold_and_hyperpolarizing_raises_it() {
        let axon = HenningsAxon::new(HenningsAxonParams::default(), 37.0, 0.0, 0.0);
        let tracker = tracker_of(&axon);
        let control = tracker
            .control_threshold(TEST_WIDTH_MS, 100.0)
            .unwrap()
            .unwrap();
        let up = tracker
            .threshold_electrotonus(control, 0.4, &[20.0])
            .unwrap()[0]
            .1
            .unwrap();
        let down = tracker
            .threshold_electrotonus(control, -0.4, &[20.0])
            .unwrap()[0]
            .1
            .unwrap();
        assert!(up > 0.0 && down < 0.0, "{up} {down}");
    }
}
