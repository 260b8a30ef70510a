//! Excitation–contraction metrics of the `muscle-fibre` model (Shorten et
//! al. 2007): Ca²⁺ transient, crossbridge force, twitch timing, tetanic
//! fusion, what outlasts the stimulus, and T-tubule K⁺ accumulation.
//!
//! The analyser is a [`SampleSink`] fed the sampled trace (every
//! `output_dt_ms`), like [`super::MembraneAnalysis`]; it keeps running
//! extremes and a few crossing times, plus one entry per stimulus, never
//! the trajectory. The shape of the surface action potential (peak,
//! half-width of the first spike) is not repeated here: the membrane
//! analysis of the sarcolemma (state 0) already reports it.
//!
//! ## Definitions (also in the README's "how to read the output")
//! Times are in ms, Ca²⁺ and crossbridges in µM, K⁺ in mM, potentials in mV.
//! - **Onsets**: every step start and every train pulse onset of the
//!   protocol before the end of the run, sorted, duplicates merged. The
//!   **stimulated part** of the run is from the first onset to the end (the
//!   whole run when there is no stimulus); every peak below is over it.
//! - **Pre-stimulus values** (`*_pre_stimulus_*`, `force_baseline_uM`): the
//!   sample at or just before the first onset (the state the stimulus
//!   finds); without a stimulus, the first sample.
//! - **Force**: the Shorten model takes tension ∝ A_2, the attached
//!   post-power-stroke crossbridges (CellML `razumova/A_2`, µM; a
//!   biochemical tension driver, not N/m²). The force is the rise of A_2
//!   above its pre-stimulus value, so a run that does not start at rest
//!   does not count its initial A_2 as force. `force_peak_uM` is the
//!   largest rise. A fibre driven by a motoneuron may already be
//!   contracting when the first stimulus comes (a motoneuron that fires on
//!   its own): its zero of force is then the rested fibre's A_2
//!   ([`MuscleAnalysis::with_rest_baseline`]), not the mid-contraction
//!   sample, so force above rest is never negative.
//! - `force_peak_normalized` = `force_peak_uM` / T_tot, with T_tot the total
//!   of regulatory units (CellML `razumova/T_tot`, 140 µM,
//!   [`crate::physiology::crossbridges::CrossbridgeParams::troponin_total_um`],
//!   the run's value). Every unit, one troponin–tropomyosin unit with its
//!   crossbridge, is in exactly one of T_0, CaT, CaCaT, D_0, D_1, D_2, A_1,
//!   A_2, and their sum is T_tot, so A_2 ≤ T_tot: the ratio is the fraction
//!   of the whole pool that entered the force-producing state, 1 only if
//!   every unit did. Null when T_tot is 0.
//! - `ca_peak_uM`: highest free bulk myoplasmic Ca²⁺ (CellML `Ca_2`, the
//!   compartment troponin sees).
//! - `time_to_peak_ms`: from the first onset to the force peak; null when
//!   the force never rises or is still rising at the last sample. For a
//!   single pulse this is the twitch time-to-peak.
//! - `half_relaxation_ms`: from the force peak to the first time after it
//!   at which the force is back to half its peak rise (linear
//!   interpolation between samples); null if that is not reached in the run.
//! - `force_ripple`: over the last 100 ms of stimulation (the 100 ms
//!   before the last stimulus ends), (max − min)/(max − baseline) of A_2,
//!   i.e. (max − min)/max of the force: 0 for a fused tetanus, 1 when the
//!   force relaxes to baseline between pulses (the fusion index is
//!   1 − ripple). Null without a train of at least two pulses, or when
//!   stimulation lasts less than 100 ms. The window also holds any slow
//!   rise or decline of the tetanus, so the ripple reads as fusion only once
//!   force has reached its plateau: in this model tetanic force at 100 Hz
//!   still climbs until ~300 ms, and a 110 ms train gives 0.89, mostly rise.
//! - **After-discharges**: surface spikes (upward crossings of the spike
//!   threshold by the sarcolemma potential, at the solver's precision, from
//!   [`super::SpikeDetector`]) later than [`EVOKED_SPIKE_LATENCY_MS`] after
//!   the last stimulus ends, so the action potential the last pulse evokes
//!   is not counted. `after_discharge_count` is their number,
//!   `after_discharge_duration_ms` the last one's time minus the end of the
//!   last stimulus (null when there is none).
//! - **Sustained contraction**: `sustained_contraction_ms` is the time from
//!   the end of the last stimulus until the force first falls below 10 %
//!   of its peak rise, searching after the force peak (so a twitch counts
//!   its rise and relaxation). If it is still above at the end of the run,
//!   `sustained_until_end` is true and the time runs to the end of the run.
//!   Null without a stimulus, without a force rise, or when the run ends
//!   before the stimulus does.
//! - `tubule_k_peak_mM`: highest K⁺ in the T-tubule lumen (CellML `K_t`),
//!   next to its pre-stimulus value `tubule_k_pre_stimulus_mM`.
//! - `per_stimulus`: one entry per onset, its window running from that
//!   onset to the next (the last to the end of the run): the highest
//!   sarcolemma potential (the AP peak when the pulse fired one, the
//!   subthreshold maximum otherwise), Ca²⁺ peak and force peak in the
//!   window. Peaks are null for a window that holds no sample (onsets
//!   closer than `output_dt_ms`).
//!
//! Peaks come from the sampled trace, so they are as precise as
//! `output_dt_ms` resolves them (the AP upstroke needs ≤ 0.025 ms).

use serde::Serialize;

use super::membrane::interpolate_time;
use crate::model::State;
use crate::model::muscle_fibre::{STATE_COUNT, index};
use crate::protocol::Protocol;
use crate::solve::sampler::SampleSink;

/// Spikes crossing threshold within this time after the last stimulus ends
/// belong to it (ms). A 0.5 ms, 150 µA/cm² pulse drives the sarcolemma
/// through 0 mV about 0.05 ms after it ends (OpenCOR trajectory of the
/// CellML: vS = −16.7 mV at 0.5 ms, +31.0 mV at 0.6 ms; SCIENCE.md §5.1),
/// and weaker pulses take longer; a new spike cannot start sooner anyway,
/// since the Na⁺ channels of the spike just fired are still inactivated.
pub const EVOKED_SPIKE_LATENCY_MS: f64 = 2.0;

/// Length of the end of a train over which the force ripple is measured (ms).
pub const FUSION_WINDOW_MS: f64 = 100.0;

/// Fraction of the peak force rise below which a contraction has ended.
pub const SUSTAINED_FRACTION: f64 = 0.1;

/// The response to one stimulus onset.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StimulusResponse {
    /// Onset of the stimulus (ms).
    pub onset_ms: f64,
    /// Highest sarcolemma potential in the window (mV).
    #[serde(rename = "ap_peak_mV")]
    pub ap_peak_mv: Option<f64>,
    /// Highest free bulk Ca²⁺ in the window (µM).
    #[serde(rename = "ca_peak_uM")]
    pub ca_peak_um: Option<f64>,
    /// Largest rise of A_2 above its pre-stimulus value in the window (µM).
    #[serde(rename = "force_peak_uM")]
    pub force_peak_um: Option<f64>,
}

/// Muscle metrics written to metrics.json (under `muscle`); see the module docs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MuscleMetrics {
    /// Free bulk Ca²⁺ before the first stimulus (µM).
    #[serde(rename = "ca_pre_stimulus_uM")]
    pub ca_pre_stimulus_um: f64,
    /// Highest free bulk Ca²⁺ (µM).
    #[serde(rename = "ca_peak_uM")]
    pub ca_peak_um: f64,
    /// A_2 before the first stimulus: the zero of force (µM).
    #[serde(rename = "force_baseline_uM")]
    pub force_baseline_um: f64,
    /// Largest rise of A_2 above its baseline (µM).
    #[serde(rename = "force_peak_uM")]
    pub force_peak_um: f64,
    /// The total of regulatory units T_tot that normalizes force (µM).
    #[serde(rename = "troponin_total_uM")]
    pub troponin_total_um: f64,
    /// `force_peak_uM` / T_tot; null when T_tot is 0.
    pub force_peak_normalized: Option<f64>,
    /// First onset to force peak (ms).
    pub time_to_peak_ms: Option<f64>,
    /// Force peak to half relaxation (ms).
    pub half_relaxation_ms: Option<f64>,
    /// (max − min)/max of the force over the last 100 ms of a train.
    pub force_ripple: Option<f64>,
    /// Surface spikes after the last stimulus.
    pub after_discharge_count: usize,
    /// Last after-discharge minus the end of the last stimulus (ms).
    pub after_discharge_duration_ms: Option<f64>,
    /// End of the last stimulus to the force's fall below 10 % of its peak (ms).
    pub sustained_contraction_ms: Option<f64>,
    /// The force was still above 10 % of its peak at the end of the run.
    pub sustained_until_end: bool,
    /// T-tubule lumen K⁺ before the first stimulus (mM).
    #[serde(rename = "tubule_k_pre_stimulus_mM")]
    pub tubule_k_pre_stimulus_mm: f64,
    /// Highest T-tubule lumen K⁺ (mM).
    #[serde(rename = "tubule_k_peak_mM")]
    pub tubule_k_peak_mm: f64,
    /// One entry per stimulus onset.
    pub per_stimulus: Vec<StimulusResponse>,
}

impl MuscleMetrics {
    /// Every field present (zeros) with one per-stimulus entry: the shape
    /// sweep files' metric names (`muscle.force_peak_uM`,
    /// `muscle.per_stimulus[3].ca_peak_uM`) are checked against.
    pub fn shape() -> Self {
        let present = Some(0.0);
        Self {
            ca_pre_stimulus_um: 0.0,
            ca_peak_um: 0.0,
            force_baseline_um: 0.0,
            force_peak_um: 0.0,
            troponin_total_um: 0.0,
            force_peak_normalized: present,
            time_to_peak_ms: present,
            half_relaxation_ms: present,
            force_ripple: present,
            after_discharge_count: 0,
            after_discharge_duration_ms: present,
            sustained_contraction_ms: present,
            sustained_until_end: false,
            tubule_k_pre_stimulus_mm: 0.0,
            tubule_k_peak_mm: 0.0,
            per_stimulus: vec![StimulusResponse {
                onset_ms: 0.0,
                ap_peak_mv: present,
                ca_peak_um: present,
                force_peak_um: present,
            }],
        }
    }
}

/// Values of the sample the first stimulus finds.
#[derive(Debug, Clone, Copy, PartialEq)]
struct PreStimulus {
    ca_um: f64,
    a2_um: f64,
    k_tubule_mm: f64,
}

/// The first time at which the force falls below `fraction` of its peak
/// rise, after the latest peak and not before `from_ms`. A new peak starts
/// the search again, so at the end it refers to the final peak.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FallTime {
    fraction: f64,
    from_ms: f64,
    time_ms: Option<f64>,
}

impl FallTime {
    fn new(fraction: f64, from_ms: f64) -> Self {
        Self {
            fraction,
            from_ms,
            time_ms: None,
        }
    }

    /// Looks at the segment from `previous` to `current` (t, force), both after the peak `peak`.
    fn observe(&mut self, previous: (f64, f64), current: (f64, f64), peak: f64) {
        if self.time_ms.is_some() || current.0 < self.from_ms {
            return;
        }
        let level = self.fraction * peak;
        if current.1 < level {
            // Below already when the search window opened: the fall is at its start.
            let crossing = if previous.1 >= level {
                interpolate_time(previous, current, level)
            } else {
                self.from_ms
            };
            self.time_ms = Some(crossing.max(self.from_ms));
        }
    }
}

/// Sample sink computing [`MuscleMetrics`] from the 57 states of
/// [`crate::model::muscle_fibre`].
#[derive(Debug, Clone)]
pub struct MuscleAnalysis {
    troponin_total_um: f64,
    onsets_ms: Vec<f64>,
    /// Last offset of the stimulus (ms).
    stimulus_end_ms: Option<f64>,
    /// The span over which the force ripple is measured (ms).
    fusion_window_ms: Option<(f64, f64)>,
    pre_stimulus: Option<PreStimulus>,
    ca_peak_um: f64,
    k_tubule_peak_mm: f64,
    /// Largest force rise so far and its time (ms, µM).
    force_peak: (f64, f64),
    /// Lowest and highest force inside the fusion window (µM).
    fusion_extremes: Option<(f64, f64)>,
    half_relaxation: FallTime,
    sustained: FallTime,
    /// The previous stimulated sample (t, force).
    previous: Option<(f64, f64)>,
    responses: Vec<StimulusResponse>,
    /// A_2 of the rested fibre, the zero of force when given (µM).
    rest_a2_um: Option<f64>,
}

impl MuscleAnalysis {
    /// Analysis of a run of `duration_ms` under `protocol`, normalizing
    /// force by the total of regulatory units `troponin_total_um`.
    pub fn new(protocol: &Protocol, duration_ms: f64, troponin_total_um: f64) -> Self {
        let window = protocol.active_window_ms();
        let is_train = protocol.trains.iter().any(|train| train.count >= 2);
        let fusion_window_ms = window
            .filter(|&(start, end)| is_train && end - start >= FUSION_WINDOW_MS)
            .map(|(_, end)| (end - FUSION_WINDOW_MS, end));
        let stimulus_end_ms = window.map(|(_, end)| end);
        Self {
            troponin_total_um,
            onsets_ms: protocol.onsets_ms(duration_ms),
            stimulus_end_ms,
            fusion_window_ms,
            pre_stimulus: None,
            ca_peak_um: f64::NEG_INFINITY,
            k_tubule_peak_mm: f64::NEG_INFINITY,
            force_peak: (f64::NAN, f64::NEG_INFINITY),
            fusion_extremes: None,
            half_relaxation: FallTime::new(0.5, f64::NEG_INFINITY),
            sustained: FallTime::new(SUSTAINED_FRACTION, stimulus_end_ms.unwrap_or(f64::INFINITY)),
            previous: None,
            responses: Vec::new(),
            rest_a2_um: None,
        }
    }

    /// The same analysis with force measured from `rest_a2_um`, the A_2 of
    /// the rested fibre (µM), instead of the sample before the first
    /// stimulus: for a fibre whose driver may fire before the stimulus.
    pub fn with_rest_baseline(self, rest_a2_um: f64) -> Self {
        Self {
            rest_a2_um: Some(rest_a2_um),
            ..self
        }
    }

    /// The zero of force (µM): the rested A_2 when given, else the pre-stimulus sample's.
    fn force_zero_um(&self, pre: &PreStimulus) -> f64 {
        self.rest_a2_um.unwrap_or(pre.a2_um)
    }

    /// The metrics, given the precise surface spike times of a
    /// [`super::SpikeDetector`]; `None` if no sample arrived.
    pub fn finish(self, spike_times_ms: &[f64]) -> Option<MuscleMetrics> {
        let pre = self.pre_stimulus?;
        let force_zero_um = self.force_zero_um(&pre);
        let (last_ms, _) = self.previous?;
        let (peak_ms, peak) = self.force_peak;
        let rose = peak > 0.0;
        let time_to_peak_ms = match self.onsets_ms.first() {
            Some(&onset) if rose && peak_ms < last_ms => Some(peak_ms - onset),
            _ => None,
        };
        let half_relaxation_ms = self.half_relaxation.time_ms.map(|t| t - peak_ms);
        let force_ripple = self
            .fusion_extremes
            .filter(|&(_, max)| max > 0.0)
            .map(|(min, max)| (max - min) / max);
        let (sustained_contraction_ms, sustained_until_end) = match self.stimulus_end_ms {
            Some(end) if rose && last_ms >= end => match self.sustained.time_ms {
                Some(t) => (Some(t - end), false),
                None => (Some(last_ms - end), true),
            },
            _ => (None, false),
        };
        let after_discharges: Vec<f64> = self.stimulus_end_ms.map_or(Vec::new(), |end| {
            spike_times_ms
                .iter()
                .copied()
                .filter(|&t| t > end + EVOKED_SPIKE_LATENCY_MS)
                .collect()
        });
        let after_discharge_duration_ms = after_discharges
            .last()
            .zip(self.stimulus_end_ms)
            .map(|(last, end)| last - end);
        Some(MuscleMetrics {
            ca_pre_stimulus_um: pre.ca_um,
            ca_peak_um: self.ca_peak_um,
            force_baseline_um: force_zero_um,
            force_peak_um: peak,
            troponin_total_um: self.troponin_total_um,
            force_peak_normalized: (self.troponin_total_um > 0.0)
                .then(|| peak / self.troponin_total_um),
            time_to_peak_ms,
            half_relaxation_ms,
            force_ripple,
            after_discharge_count: after_discharges.len(),
            after_discharge_duration_ms,
            sustained_contraction_ms,
            sustained_until_end,
            tubule_k_pre_stimulus_mm: pre.k_tubule_mm,
            tubule_k_peak_mm: self.k_tubule_peak_mm,
            per_stimulus: self.responses,
        })
    }

    /// Opens the window of every onset reached by `t_ms`.
    fn open_windows(&mut self, t_ms: f64) {
        while let Some(&onset_ms) = self.onsets_ms.get(self.responses.len())
            && onset_ms <= t_ms
        {
            self.responses.push(StimulusResponse {
                onset_ms,
                ap_peak_mv: None,
                ca_peak_um: None,
                force_peak_um: None,
            });
        }
    }

    fn track_force(&mut self, t_ms: f64, force: f64) {
        let (_, peak) = self.force_peak;
        if force > peak {
            self.force_peak = (t_ms, force);
            self.half_relaxation.time_ms = None;
            self.sustained.time_ms = None;
        } else if let Some(previous) = self.previous
            && peak > 0.0
        {
            self.half_relaxation.observe(previous, (t_ms, force), peak);
            self.sustained.observe(previous, (t_ms, force), peak);
        }
        if let Some((start, end)) = self.fusion_window_ms
            && t_ms >= start
            && t_ms <= end
        {
            let (min, max) = self.fusion_extremes.unwrap_or((force, force));
            self.fusion_extremes = Some((min.min(force), max.max(force)));
        }
    }
}

/// Raises `slot` to `value`.
fn raise(slot: &mut Option<f64>, value: f64) {
    *slot = Some(slot.map_or(value, |peak| peak.max(value)));
}

impl SampleSink<STATE_COUNT> for MuscleAnalysis {
    fn sample(&mut self, t_ms: f64, y: &State<STATE_COUNT>, _i_stim: f64) {
        let first_onset = self.onsets_ms.first().copied();
        if self.pre_stimulus.is_none() || first_onset.is_some_and(|onset| t_ms <= onset) {
            self.pre_stimulus = Some(PreStimulus {
                ca_um: y[index::CA_BULK],
                a2_um: y[index::POST_STROKE],
                k_tubule_mm: y[index::K_TUBULE],
            });
        }
        if first_onset.is_some_and(|onset| t_ms < onset) {
            return;
        }
        let Some(pre) = self.pre_stimulus else {
            return;
        };
        let v = y[index::V_SURFACE];
        let ca = y[index::CA_BULK];
        let force = y[index::POST_STROKE] - self.force_zero_um(&pre);
        self.ca_peak_um = self.ca_peak_um.max(ca);
        self.k_tubule_peak_mm = self.k_tubule_peak_mm.max(y[index::K_TUBULE]);
        self.track_force(t_ms, force);
        self.open_windows(t_ms);
        if let Some(response) = self.responses.last_mut() {
            raise(&mut response.ap_peak_mv, v);
            raise(&mut response.ca_peak_um, ca);
            raise(&mut response.force_peak_um, force);
        }
        self.previous = Some((t_ms, force));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Step, Train};

    /// A muscle state with the given surface potential, bulk Ca, A_2 and tubule K.
    fn state(v: f64, ca: f64, a2: f64, k_t: f64) -> State<STATE_COUNT> {
        let mut y = State::<STATE_COUNT>::zeros();
        y[index::V_SURFACE] = v;
        y[index::CA_BULK] = ca;
        y[index::POST_STROKE] = a2;
        y[index::K_TUBULE] = k_t;
        y
    }

    fn pulse_train(start_ms: f64, count: u64, interval_ms: f64) -> Protocol {
        Protocol {
            steps: vec![],
            trains: vec![Train {
                start_ms,
                count,
                interval_ms,
                width_ms: 0.5,
                amplitude_ua_per_cm2: 150.0,
            }],
        }
    }

    /// A triangular twitch on a baseline of 2 µM A_2 sampled every 0.5 ms:
    /// flat until the pulse at 10 ms, force rises linearly by 20 µM to 30 ms,
    /// falls linearly back to baseline at 70 ms. Ca is a triangle from 0.1 µM
    /// to 5.1 µM at 15 ms and back at 20 ms; tubule K rises from 5.9 mM to 6.4
    /// mM at 12 ms; vS spikes to +30 mV at 10.5 ms.
    fn twitch(t: f64) -> State<STATE_COUNT> {
        let force = if t <= 10.0 {
            0.0
        } else if t <= 30.0 {
            t - 10.0
        } else if t <= 70.0 {
            20.0 - 0.5 * (t - 30.0)
        } else {
            0.0
        };
        let ca = 0.1 + (5.0 - (t - 15.0).abs()).max(0.0);
        let k_t = 5.9 + 0.5 * (1.0 - (t - 12.0).abs()).max(0.0);
        let v = if (t - 10.5).abs() < 1e-9 { 30.0 } else { -80.0 };
        state(v, ca, 2.0 + force, k_t)
    }

    fn run(analysis: &mut MuscleAnalysis, trace: impl Fn(f64) -> State<STATE_COUNT>, end: f64) {
        let steps = (end / 0.5).round() as usize;
        for k in 0..=steps {
            let t = k as f64 * 0.5;
            analysis.sample(t, &trace(t), 0.0);
        }
    }

    #[test]
    fn triangular_twitch_has_its_geometric_timing_and_peaks() {
        let mut analysis = MuscleAnalysis::new(&pulse_train(10.0, 1, 100.0), 100.0, 140.0);
        run(&mut analysis, twitch, 100.0);
        // The evoked spike (10.6 ms) and one 30 ms after the pulse ends (40.5 ms).
        let m = analysis.finish(&[10.6, 40.5]).unwrap();
        assert_eq!(m.force_baseline_um, 2.0);
        assert!((m.force_peak_um - 20.0).abs() < 1e-12);
        assert!((m.force_peak_normalized.unwrap() - 20.0 / 140.0).abs() < 1e-12);
        assert!((m.time_to_peak_ms.unwrap() - 20.0).abs() < 1e-12);
        // Half of 20 µM is reached 20 ms after the peak, at 50 ms.
        assert!((m.half_relaxation_ms.unwrap() - 20.0).abs() < 1e-12);
        // Below 2 µM (10 %) after 66 ms: 55.5 ms after the pulse ends at 10.5 ms.
        assert!((m.sustained_contraction_ms.unwrap() - 55.5).abs() < 1e-12);
        assert!(!m.sustained_until_end);
        assert!((m.ca_peak_um - 5.1).abs() < 1e-12);
        assert_eq!(m.ca_pre_stimulus_um, 0.1);
        assert!((m.tubule_k_peak_mm - 6.4).abs() < 1e-12);
        assert_eq!(m.tubule_k_pre_stimulus_mm, 5.9);
        assert_eq!(m.after_discharge_count, 1);
        assert!((m.after_discharge_duration_ms.unwrap() - 30.0).abs() < 1e-12);
        assert_eq!(m.force_ripple, None, "a single pulse is no train");
        assert_eq!(m.per_stimulus.len(), 1);
        let response = m.per_stimulus[0];
        assert_eq!(response.onset_ms, 10.0);
        assert_eq!(response.ap_peak_mv, Some(30.0));
        assert!((response.ca_peak_um.unwrap() - 5.1).abs() < 1e-12);
        assert!((response.force_peak_um.unwrap() - 20.0).abs() < 1e-12);
    }

    #[test]
    fn force_still_rising_or_high_at_the_end_reports_no_peak_time_and_a_sustained_contraction() {
        let mut analysis = MuscleAnalysis::new(&pulse_train(10.0, 1, 100.0), 25.0, 140.0);
        run(&mut analysis, twitch, 25.0);
        let m = analysis.finish(&[]).unwrap();
        assert!((m.force_peak_um - 15.0).abs() < 1e-12);
        assert_eq!(m.time_to_peak_ms, None, "still rising at the last sample");
        assert_eq!(m.half_relaxation_ms, None);
        assert!(m.sustained_until_end);
        assert!((m.sustained_contraction_ms.unwrap() - 14.5).abs() < 1e-12);
        assert_eq!(m.after_discharge_count, 0);
        assert_eq!(m.after_discharge_duration_ms, None);

        let mut analysis = MuscleAnalysis::new(&pulse_train(10.0, 1, 100.0), 45.0, 140.0);
        run(&mut analysis, twitch, 45.0);
        let m = analysis.finish(&[]).unwrap();
        assert!((m.time_to_peak_ms.unwrap() - 20.0).abs() < 1e-12);
        assert_eq!(
            m.half_relaxation_ms, None,
            "at 45 ms the force is still 12.5 µM"
        );
    }

    /// Force of a 50 Hz train of 7 pulses from 0 ms: at each onset 20k ms
    /// the force drops to k µM, rises linearly to 10 µM over 10 ms and stays
    /// there until the next onset; it is 0 after 130 ms.
    fn sawtooth(t: f64) -> State<STATE_COUNT> {
        let k = (t / 20.0).floor().min(6.0);
        let since = t - 20.0 * k;
        let force = if t > 130.0 {
            0.0
        } else {
            k + (10.0 - k) * (since / 10.0).min(1.0)
        };
        state(-80.0, 0.1, force, 5.9)
    }

    #[test]
    fn train_ripple_is_measured_over_the_last_100_ms_of_stimulation() {
        let mut analysis = MuscleAnalysis::new(&pulse_train(0.0, 7, 20.0), 150.0, 140.0);
        run(&mut analysis, sawtooth, 150.0);
        let m = analysis.finish(&[]).unwrap();
        // Stimulation ends at 120.5 ms, so the window is 20.5 … 120.5 ms: it
        // misses the 0 µM of the first pulse and the 1 µM at 20 ms; its
        // lowest force is 1 + 9 · 0.05 = 1.45 µM at 20.5 ms, its highest 10 µM.
        assert!((m.force_ripple.unwrap() - 0.855).abs() < 1e-12);
        assert_eq!(m.per_stimulus.len(), 7);
        for (k, response) in m.per_stimulus.iter().enumerate() {
            assert_eq!(response.onset_ms, 20.0 * k as f64);
            assert_eq!(response.force_peak_um, Some(10.0));
        }
    }

    #[test]
    fn short_stimulation_and_steps_have_no_ripple() {
        let short = pulse_train(0.0, 4, 20.0);
        let m = {
            let mut analysis = MuscleAnalysis::new(&short, 150.0, 140.0);
            run(&mut analysis, sawtooth, 150.0);
            analysis.finish(&[]).unwrap()
        };
        assert_eq!(m.force_ripple, None, "60.5 ms of stimulation");
        let step = Protocol {
            steps: vec![Step {
                start_ms: 0.0,
                duration_ms: 200.0,
                amplitude_ua_per_cm2: 10.0,
            }],
            trains: vec![],
        };
        let mut analysis = MuscleAnalysis::new(&step, 150.0, 140.0);
        run(&mut analysis, sawtooth, 150.0);
        let m = analysis.finish(&[]).unwrap();
        assert_eq!(m.force_ripple, None);
        assert_eq!(m.per_stimulus.len(), 1);
        assert_eq!(
            m.sustained_contraction_ms, None,
            "the run ends before the step"
        );
    }

    #[test]
    fn without_stimulus_the_run_start_is_the_baseline_and_timing_is_null() {
        let mut analysis = MuscleAnalysis::new(&Protocol::default(), 100.0, 0.0);
        run(&mut analysis, twitch, 100.0);
        let m = analysis.finish(&[50.0]).unwrap();
        assert_eq!(m.force_baseline_um, 2.0);
        assert!((m.force_peak_um - 20.0).abs() < 1e-12);
        assert_eq!(m.force_peak_normalized, None, "T_tot = 0");
        assert_eq!(m.time_to_peak_ms, None);
        assert!((m.half_relaxation_ms.unwrap() - 20.0).abs() < 1e-12);
        assert_eq!(m.sustained_contraction_ms, None);
        assert_eq!(m.after_discharge_count, 0);
        assert!(m.per_stimulus.is_empty());
    }

    #[test]
    fn a_fibre_contracting_before_the_stimulus_measures_force_from_rest_when_asked() {
        // The stimulus at 20 ms finds the twitch mid-rise (A_2 = 12 µM); the rested A_2 is 2 µM.
        let protocol = pulse_train(20.0, 1, 100.0);
        let mut from_sample = MuscleAnalysis::new(&protocol, 100.0, 0.0);
        run(&mut from_sample, twitch, 100.0);
        let m = from_sample.finish(&[]).unwrap();
        assert_eq!(m.force_baseline_um, 12.0);
        assert!((m.force_peak_um - 10.0).abs() < 1e-12);
        let mut from_rest = MuscleAnalysis::new(&protocol, 100.0, 0.0).with_rest_baseline(2.0);
        run(&mut from_rest, twitch, 100.0);
        let m = from_rest.finish(&[]).unwrap();
        assert_eq!(m.force_baseline_um, 2.0);
        assert!((m.force_peak_um - 20.0).abs() < 1e-12);
        // Back to rest at 70 ms, within the run: the contraction ends (10 % of 20 µM at 66 ms).
        assert!((m.sustained_contraction_ms.unwrap() - 45.5).abs() < 1e-12);
        assert!(m.per_stimulus[0].force_peak_um.unwrap() >= 0.0);
    }
}
