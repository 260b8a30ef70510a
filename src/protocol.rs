//! Stimulation protocols, independent of any model.
//!
//! A protocol is a sum of constant current steps and pulse trains, in µA/cm²,
//! positive depolarizing (the convention of every model's `i_stim`). It is
//! piecewise constant, and it knows its edges: [`Protocol::segments`] cuts a
//! run into intervals on which the stimulus does not change, so the solver
//! can stop and restart at every discontinuity instead of stepping across it
//! (Myokit's event protocols make the same choice).

use std::fmt;

use crate::random::SplitMix64;

/// A constant current step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// Onset (ms).
    pub start_ms: f64,
    /// Duration (ms).
    pub duration_ms: f64,
    /// Current density (µA/cm², positive depolarizing).
    pub amplitude_ua_per_cm2: f64,
}

/// A train of identical rectangular pulses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Train {
    /// Onset of the first pulse (ms).
    pub start_ms: f64,
    /// Number of pulses.
    pub count: u64,
    /// Onset-to-onset interval (ms); 1000 / frequency in Hz.
    pub interval_ms: f64,
    /// Width of each pulse (ms), shorter than the interval.
    pub width_ms: f64,
    /// Current density of each pulse (µA/cm², positive depolarizing).
    pub amplitude_ua_per_cm2: f64,
}

/// A sum of steps and trains.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Protocol {
    /// Constant steps.
    pub steps: Vec<Step>,
    /// Pulse trains.
    pub trains: Vec<Train>,
}

/// An interval on which the stimulus is constant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Start (ms).
    pub start_ms: f64,
    /// End (ms), after `start_ms`.
    pub end_ms: f64,
    /// The stimulus throughout (µA/cm²).
    pub i_stim_ua_per_cm2: f64,
}

impl Train {
    /// Onset of pulse `k` (ms).
    fn onset_ms(&self, k: u64) -> f64 {
        self.start_ms + k as f64 * self.interval_ms
    }

    /// End of the last pulse (ms).
    pub fn end_ms(&self) -> f64 {
        self.onset_ms(self.count.saturating_sub(1)) + self.width_ms
    }
}

impl Protocol {
    /// True when the protocol applies no current at all.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.trains.is_empty()
    }

    /// The stimulus at `t_ms` (µA/cm²). Each pulse is on over [onset, onset + width).
    pub fn current_at(&self, t_ms: f64) -> f64 {
        let steps: f64 = self
            .steps
            .iter()
            .filter(|s| t_ms >= s.start_ms && t_ms < s.start_ms + s.duration_ms)
            .map(|s| s.amplitude_ua_per_cm2)
            .fold(0.0, |sum, a| sum + a);
        let trains: f64 = self
            .trains
            .iter()
            .filter(|tr| {
                let since = t_ms - tr.start_ms;
                if since < 0.0 {
                    return false;
                }
                let k = (since / tr.interval_ms).floor() as u64;
                k < tr.count && t_ms < tr.onset_ms(k) + tr.width_ms
            })
            .map(|tr| tr.amplitude_ua_per_cm2)
            .fold(0.0, |sum, a| sum + a);
        // Folding from +0.0 (an empty f64 sum is −0.0) keeps "0" rather than "-0" in trace.csv.
        steps + trains
    }

    /// Every time inside (0, end) at which the stimulus may change, sorted, without duplicates.
    pub fn edges(&self, end_ms: f64) -> Vec<f64> {
        let mut edges: Vec<f64> = Vec::new();
        for s in &self.steps {
            edges.push(s.start_ms);
            edges.push(s.start_ms + s.duration_ms);
        }
        for tr in &self.trains {
            for k in 0..tr.count {
                let onset = tr.onset_ms(k);
                if onset >= end_ms {
                    break;
                }
                edges.push(onset);
                edges.push(onset + tr.width_ms);
            }
        }
        edges.retain(|&t| t > 0.0 && t < end_ms);
        edges.sort_by(f64::total_cmp);
        edges.dedup_by(|a, b| (*a - *b).abs() <= EDGE_MERGE_MS);
        edges
    }

    /// The run [0, end] cut at every edge, each piece with its constant stimulus.
    pub fn segments(&self, end_ms: f64) -> Vec<Segment> {
        let mut bounds = vec![0.0];
        bounds.extend(self.edges(end_ms));
        bounds.push(end_ms);
        bounds
            .windows(2)
            .filter(|w| w[1] - w[0] > EDGE_MERGE_MS)
            .map(|w| Segment {
                start_ms: w[0],
                end_ms: w[1],
                i_stim_ua_per_cm2: self.current_at(0.5 * (w[0] + w[1])),
            })
            .collect()
    }

    /// Onsets of every train pulse before `end_ms`, sorted (ms): the nerve
    /// volleys a motoneuron receives.
    pub fn pulse_onsets_ms(&self, end_ms: f64) -> Vec<f64> {
        let mut onsets: Vec<f64> = self
            .trains
            .iter()
            .flat_map(|train| {
                (0..train.count)
                    .map(|k| train.onset_ms(k))
                    .take_while(move |&onset| onset < end_ms)
            })
            .collect();
        onsets.sort_by(f64::total_cmp);
        onsets
    }

    /// Onsets of every step and every pulse before `end_ms`, sorted, and
    /// merged when closer than [`EDGE_MERGE_MS`] (ms): what the muscle
    /// metrics time from and the stimulus marks of a figure.
    pub fn onsets_ms(&self, end_ms: f64) -> Vec<f64> {
        let mut onsets = self.pulse_onsets_ms(end_ms);
        onsets.extend(
            self.steps
                .iter()
                .map(|s| s.start_ms)
                .filter(|&t| t < end_ms),
        );
        onsets.sort_by(f64::total_cmp);
        onsets.dedup_by(|a, b| (*a - *b).abs() <= EDGE_MERGE_MS);
        onsets
    }

    /// The window over which the protocol stimulates: from the first onset to
    /// the last offset (ms), or `None` for an empty protocol.
    pub fn active_window_ms(&self) -> Option<(f64, f64)> {
        let starts = self
            .steps
            .iter()
            .map(|s| s.start_ms)
            .chain(self.trains.iter().map(|t| t.start_ms));
        let ends = self
            .steps
            .iter()
            .map(|s| s.start_ms + s.duration_ms)
            .chain(self.trains.iter().map(Train::end_ms));
        let first = starts.fold(f64::INFINITY, f64::min);
        let last = ends.fold(f64::NEG_INFINITY, f64::max);
        (first.is_finite() && last.is_finite()).then_some((first, last))
    }
}

/// Onsets (ms) of rectangular pulses of width `width_ms` at the times of a
/// Poisson process of rate `rate_hz` between `start_ms` and `stop_ms`,
/// drawn from SplitMix64 with `seed` (same seed, same times, every machine).
///
/// Each interval is the pulse width (a dead time: pulses never overlap) plus
/// an exponential wait of mean 1/rate, t ← t + w − ln(1 − u)/λ, so the mean
/// rate is λ/(1 + λw): 0.1 % below λ for 1 ms pulses at 1 Hz, 9 % below at
/// 100 Hz. A Poisson train is how ectopic discharge of an
/// injured or compressed axon is usually described (irregular, memoryless
/// impulses); the rate is a scenario input, not a fitted value.
pub fn poisson_onsets_ms(
    rate_hz: f64,
    start_ms: f64,
    stop_ms: f64,
    width_ms: f64,
    seed: u64,
) -> Vec<f64> {
    let rate_per_ms = rate_hz / 1000.0;
    let mut random = SplitMix64::new(seed);
    let mut onsets = Vec::new();
    let mut t = start_ms;
    loop {
        t += -(1.0 - random.next_f64()).ln() / rate_per_ms;
        if t >= stop_ms {
            return onsets;
        }
        onsets.push(t);
        t += width_ms;
    }
}

/// Edges closer than this (ms) are one edge: protects the solver from
/// restarting on a sliver produced by floating-point onset arithmetic.
pub const EDGE_MERGE_MS: f64 = 1e-9;

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return write!(f, "no stimulus");
        }
        let mut parts = Vec::new();
        for s in &self.steps {
            parts.push(format!(
                "step {} µA/cm² from {} ms for {} ms",
                s.amplitude_ua_per_cm2, s.start_ms, s.duration_ms
            ));
        }
        for t in &self.trains {
            parts.push(if t.count == 1 {
                format!(
                    "1 pulse of {} µA/cm² × {} ms at {} ms",
                    t.amplitude_ua_per_cm2, t.width_ms, t.start_ms
                )
            } else {
                format!(
                    "{} pulses of {} µA/cm² × {} ms every {} ms from {} ms",
                    t.count, t.amplitude_ua_per_cm2, t.width_ms, t.interval_ms, t.start_ms
                )
            });
        }
        write!(f, "{}", parts.join(" + "))
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn onsets_are_every_step_and_pulse_before_the_end_coincident_ones_merged() {
        let mut protocol = Protocol {
            steps: vec![Step {
                start_ms: 25.0,
                duration_ms: 5.0,
                amplitude_ua_per_cm2: 1.0,
            }],
            trains: vec![Train {
                start_ms: 0.0,
                count: 5,
                interval_ms: 10.0,
                width_ms: 1.0,
                amplitude_ua_per_cm2: 1.0,
            }],
        };
        assert_eq!(protocol.onsets_ms(35.0), vec![0.0, 10.0, 20.0, 25.0, 30.0]);
        // A step starting with a pulse is one onset.
        protocol.steps[0].start_ms = 20.0;
        assert_eq!(protocol.onsets_ms(35.0), vec![0.0, 10.0, 20.0, 30.0]);
    }

    #[test]
    fn poisson_onsets_repeat_with_the_seed_and_keep_the_mean_rate() {
        let onsets = poisson_onsets_ms(50.0, 0.0, 100_000.0, 1.0, 9);
        assert_eq!(onsets, poisson_onsets_ms(50.0, 0.0, 100_000.0, 1.0, 9));
        assert_ne!(onsets, poisson_onsets_ms(50.0, 0.0, 100_000.0, 1.0, 10));
        // Expected count over 100 s: 100 · λ/(1 + λw) = 100 · 50/1.05 = 4762,
        // Poisson SD ≈ 69; accept 4 SD.
        assert!(
            (onsets.len() as f64 - 4762.0).abs() < 276.0,
            "{}",
            onsets.len()
        );
        assert!(
            onsets.windows(2).all(|w| w[1] - w[0] > 1.0),
            "pulses overlap"
        );
    }
    use super::*;

    fn step(start: f64, duration: f64, amplitude: f64) -> Step {
        Step {
            start_ms: start,
            duration_ms: duration,
            amplitude_ua_per_cm2: amplitude,
        }
    }

    #[test]
    fn step_is_on_over_its_half_open_interval() {
        let p = Protocol {
            steps: vec![step(10.0, 100.0, 10.0)],
            trains: vec![],
        };
        assert_eq!(p.current_at(9.999), 0.0);
        assert_eq!(p.current_at(10.0), 10.0);
        assert_eq!(p.current_at(109.999), 10.0);
        assert_eq!(p.current_at(110.0), 0.0);
    }

    #[test]
    fn steps_and_trains_sum() {
        let train = Train {
            start_ms: 0.0,
            count: 9,
            interval_ms: 50.0,
            width_ms: 0.5,
            amplitude_ua_per_cm2: 150.0,
        };
        let p = Protocol {
            steps: vec![step(0.0, 1000.0, -2.0)],
            trains: vec![train],
        };
        assert_eq!(p.current_at(0.25), 148.0);
        assert_eq!(p.current_at(50.25), 148.0);
        assert_eq!(p.current_at(400.25), 148.0);
        assert_eq!(p.current_at(450.25), -2.0, "only 9 pulses");
        assert_eq!(p.current_at(25.0), -2.0);
    }

    #[test]
    fn segments_cover_the_run_and_hold_constant_stimulus() {
        let train = Train {
            start_ms: 5.0,
            count: 3,
            interval_ms: 10.0,
            width_ms: 1.0,
            amplitude_ua_per_cm2: 20.0,
        };
        let p = Protocol {
            steps: vec![step(12.5, 5.0, 3.0)],
            trains: vec![train],
        };
        let segments = p.segments(40.0);
        assert_eq!(segments.first().unwrap().start_ms, 0.0);
        assert_eq!(segments.last().unwrap().end_ms, 40.0);
        for pair in segments.windows(2) {
            assert_eq!(pair[0].end_ms, pair[1].start_ms);
        }
        for s in &segments {
            for frac in [0.01, 0.5, 0.99] {
                let t = s.start_ms + frac * (s.end_ms - s.start_ms);
                assert_eq!(p.current_at(t), s.i_stim_ua_per_cm2, "t = {t}");
            }
        }
        // edges 5,6,12.5,15,16,17.5,25,26 → 9 segments
        assert_eq!(segments.len(), 9);
    }

    #[test]
    fn edges_beyond_the_run_are_dropped() {
        let p = Protocol {
            steps: vec![step(10.0, 100.0, 1.0)],
            trains: vec![],
        };
        assert_eq!(p.edges(50.0), vec![10.0]);
        assert_eq!(p.segments(50.0).len(), 2);
    }

    #[test]
    fn active_window_spans_first_onset_to_last_offset() {
        let train = Train {
            start_ms: 5.0,
            count: 3,
            interval_ms: 10.0,
            width_ms: 1.0,
            amplitude_ua_per_cm2: 1.0,
        };
        let p = Protocol {
            steps: vec![step(2.0, 1.0, 1.0)],
            trains: vec![train],
        };
        assert_eq!(p.active_window_ms(), Some((2.0, 26.0)));
        assert_eq!(Protocol::default().active_window_ms(), None);
    }
}
