//! Membrane metrics from the sampled trace: resting potential, first-spike
//! peak and half-width, extremes, and the firing rate over the stimulus.
//!
//! Definitions (also in the README's "how to read the output"):
//! - `resting_mV`: the membrane potential at the onset of the first stimulus
//!   (the state the stimulus finds); with no stimulus, at the end of the run;
//! - `first_spike.peak_mV`: the largest sampled potential between the first
//!   threshold crossing and the return below threshold;
//! - `first_spike.half_width_ms`: time spent above half amplitude,
//!   rest + (peak − rest)/2, with linear interpolation between samples;
//! - `firing_rate_hz`: spikes inside the stimulus window divided by its
//!   length, from first onset to last offset (null without a stimulus).

use serde::Serialize;

use crate::model::State;
use crate::solve::sampler::SampleSink;

/// Shape of the first spike.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FirstSpike {
    /// Threshold crossing time (ms), from the sampled trace.
    pub time_ms: f64,
    /// Peak potential (mV).
    #[serde(rename = "peak_mV")]
    pub peak_mv: f64,
    /// Width at half amplitude (ms); null if the spike never repolarized in the run.
    pub half_width_ms: Option<f64>,
}

/// Membrane metrics written to metrics.json.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MembraneMetrics {
    /// The spike threshold used (mV).
    #[serde(rename = "spike_threshold_mV")]
    pub spike_threshold_mv: f64,
    /// Upward threshold crossings (ms).
    pub spike_times_ms: Vec<f64>,
    /// Number of spikes.
    pub spike_count: usize,
    /// Spikes per second inside the stimulus window; null without stimulus.
    pub firing_rate_hz: Option<f64>,
    /// First onset and last offset of the stimulus (ms); null without stimulus.
    pub stimulus_window_ms: Option<[f64; 2]>,
    /// The first spike's shape; null when there is none.
    pub first_spike: Option<FirstSpike>,
    /// Resting potential (mV), see the module docs.
    #[serde(rename = "resting_mV")]
    pub resting_mv: f64,
    /// Lowest sampled potential (mV).
    #[serde(rename = "v_min_mV")]
    pub v_min_mv: f64,
    /// Highest sampled potential (mV).
    #[serde(rename = "v_max_mV")]
    pub v_max_mv: f64,
    /// Potential at the end of the run (mV).
    #[serde(rename = "v_final_mV")]
    pub v_final_mv: f64,
}

/// Where the first-spike tracker is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    /// Waiting for the first threshold crossing.
    BeforeSpike,
    /// Above half amplitude or threshold since the first crossing.
    InSpike,
    /// The first spike has repolarized below half amplitude and threshold.
    Repolarized,
    /// The first spike outlasted [`MAX_SPIKE_SAMPLES`]; no half-width.
    Truncated,
}

/// Sample sink computing [`MembraneMetrics`] from the potential at `index`.
#[derive(Debug, Clone)]
pub struct MembraneAnalysis {
    index: usize,
    threshold_mv: f64,
    window: Option<(f64, f64)>,
    resting_mv: Option<f64>,
    v_min_mv: f64,
    v_max_mv: f64,
    last: (f64, f64),
    phase: Phase,
    /// Lowest potential since `spike_samples` was last cleared, before the spike.
    trough_mv: f64,
    /// Highest potential of the first spike so far.
    peak_mv: f64,
    /// Samples from the last trough before the first spike to its repolarization.
    spike_samples: Vec<(f64, f64)>,
}

/// Longest first spike kept for the half-width (samples); a spike that has
/// not repolarized by then is reported without a half-width.
const MAX_SPIKE_SAMPLES: usize = 1_000_000;

impl MembraneAnalysis {
    /// Analysis of component `index` with spike threshold `threshold_mv`
    /// and stimulus window `window` (first onset, last offset).
    pub fn new(index: usize, threshold_mv: f64, window: Option<(f64, f64)>) -> Self {
        Self {
            index,
            threshold_mv,
            window,
            resting_mv: None,
            v_min_mv: f64::INFINITY,
            v_max_mv: f64::NEG_INFINITY,
            last: (f64::NAN, f64::NAN),
            phase: Phase::BeforeSpike,
            trough_mv: f64::INFINITY,
            peak_mv: f64::NEG_INFINITY,
            spike_samples: Vec::new(),
        }
    }

    /// The metrics, given the precise spike times from a [`super::SpikeDetector`].
    pub fn finish(self, spike_times_ms: Vec<f64>) -> MembraneMetrics {
        let resting_mv = self.resting_mv.unwrap_or(self.last.1);
        let first_spike = self.first_spike(resting_mv);
        let firing_rate_hz = self.window.map(|(start, end)| {
            let inside = spike_times_ms
                .iter()
                .filter(|&&t| t >= start && t <= end)
                .count();
            inside as f64 / ((end - start) / 1000.0)
        });
        MembraneMetrics {
            spike_threshold_mv: self.threshold_mv,
            spike_count: spike_times_ms.len(),
            spike_times_ms,
            firing_rate_hz,
            stimulus_window_ms: self.window.map(|(a, b)| [a, b]),
            first_spike,
            resting_mv,
            v_min_mv: self.v_min_mv,
            v_max_mv: self.v_max_mv,
            v_final_mv: self.last.1,
        }
    }

    fn first_spike(&self, resting_mv: f64) -> Option<FirstSpike> {
        if self.phase == Phase::BeforeSpike {
            return None;
        }
        let samples = &self.spike_samples;
        let crossing = samples.iter().position(|&(_, v)| v >= self.threshold_mv)?;
        let peak_index = samples.iter().position(|&(_, v)| v == self.peak_mv)?;
        let half = resting_mv + 0.5 * (self.peak_mv - resting_mv);
        let rise = samples[..=peak_index]
            .windows(2)
            .rev()
            .find(|w| w[0].1 < half && w[1].1 >= half);
        let fall = samples[peak_index..]
            .windows(2)
            .find(|w| w[0].1 >= half && w[1].1 < half);
        let half_width_ms = match (rise, fall, self.phase) {
            (Some(r), Some(f), Phase::Repolarized) => {
                Some(interpolate_time(f[0], f[1], half) - interpolate_time(r[0], r[1], half))
            }
            _ => None,
        };
        let time_ms = interpolate_time(
            samples[crossing.saturating_sub(1)],
            samples[crossing],
            self.threshold_mv,
        );
        Some(FirstSpike {
            time_ms,
            peak_mv: self.peak_mv,
            half_width_ms,
        })
    }

    fn track_first_spike(&mut self, t_ms: f64, v: f64) {
        match self.phase {
            Phase::BeforeSpike => {
                if v <= self.trough_mv {
                    // The rise to the first spike starts at the last trough: forget what came before.
                    self.trough_mv = v;
                    self.spike_samples.clear();
                }
                self.spike_samples.push((t_ms, v));
                if v >= self.threshold_mv {
                    self.phase = Phase::InSpike;
                    self.peak_mv = v;
                }
            }
            Phase::InSpike => {
                self.spike_samples.push((t_ms, v));
                self.peak_mv = self.peak_mv.max(v);
                let rest = self.resting_mv.unwrap_or(self.trough_mv);
                if v < self.threshold_mv && v < rest + 0.5 * (self.peak_mv - rest) {
                    self.phase = Phase::Repolarized;
                } else if self.spike_samples.len() >= MAX_SPIKE_SAMPLES {
                    self.phase = Phase::Truncated;
                }
            }
            Phase::Repolarized | Phase::Truncated => {}
        }
    }
}

/// Time at which the segment from `a` to `b` (t, v) reaches `level`.
pub(super) fn interpolate_time(a: (f64, f64), b: (f64, f64), level: f64) -> f64 {
    if b.1 == a.1 {
        b.0
    } else {
        a.0 + (level - a.1) * (b.0 - a.0) / (b.1 - a.1)
    }
}

impl<const N: usize> SampleSink<N> for MembraneAnalysis {
    fn sample(&mut self, t_ms: f64, y: &State<N>, _i_stim: f64) {
        let v = y[self.index];
        if let Some((onset, _)) = self.window
            && t_ms <= onset
        {
            self.resting_mv = Some(v);
        }
        self.v_min_mv = self.v_min_mv.min(v);
        self.v_max_mv = self.v_max_mv.max(v);
        self.track_first_spike(t_ms, v);
        self.last = (t_ms, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A triangular "spike" sampled every 0.1 ms: rest −60 mV until 1 ms,
    /// straight up to +40 mV at 2 ms, straight down to −60 mV at 3 ms.
    fn triangle(t: f64) -> f64 {
        if t <= 1.0 {
            -60.0
        } else if t <= 2.0 {
            -60.0 + 100.0 * (t - 1.0)
        } else if t <= 3.0 {
            40.0 - 100.0 * (t - 2.0)
        } else {
            -60.0
        }
    }

    #[test]
    fn triangle_spike_has_the_geometric_half_width_and_peak() {
        let mut analysis = MembraneAnalysis::new(0, 0.0, Some((1.0, 2.0)));
        for k in 0..=50 {
            let t = k as f64 * 0.1;
            SampleSink::<1>::sample(&mut analysis, t, &State::<1>::new(triangle(t)), 0.0);
        }
        let metrics = analysis.finish(vec![1.6]);
        let spike = metrics.first_spike.unwrap();
        assert!((spike.peak_mv - 40.0).abs() < 1e-9);
        // Half amplitude −10 mV is reached at 1.5 ms and 2.5 ms.
        assert!((spike.half_width_ms.unwrap() - 1.0).abs() < 1e-9);
        assert!((spike.time_ms - 1.6).abs() < 1e-9);
        assert_eq!(metrics.resting_mv, -60.0);
        assert_eq!(metrics.spike_count, 1);
        // One spike in a 1 ms window: 1000 Hz.
        assert!((metrics.firing_rate_hz.unwrap() - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn no_spike_means_no_first_spike_and_rest_from_the_end_without_stimulus() {
        let mut analysis = MembraneAnalysis::new(0, 0.0, None);
        for k in 0..10 {
            SampleSink::<1>::sample(
                &mut analysis,
                k as f64,
                &State::<1>::new(-70.0 + k as f64),
                0.0,
            );
        }
        let metrics = analysis.finish(Vec::new());
        assert_eq!(metrics.first_spike, None);
        assert_eq!(metrics.firing_rate_hz, None);
        assert_eq!(metrics.resting_mv, -61.0);
    }
}
