//! Time-varying inputs of the motoneuron (`[parameters.motoneuron.inputs]`):
//! a triangular descending-drive ramp and brief excitatory and inhibitory
//! pulses, all as current injected into the soma, a time-limited Ib
//! conductance on the dendrite (stretch), and the ΔF-like hysteresis
//! measure of a ramp.
//!
//! ## Form (stated)
//! The drive enters the soma as a current, as in the source's own protocols:
//! `create_brk_inputs.m` (Simatra port of Booth et al. 1997) ramps the
//! somatic I_app 0 → 25 → 0 µA/cm² over 5 s up and 5 s down, and Kurian,
//! Crook & Jung 2011 (J Comput Neurosci 31:625; ModelDB 140788,
//! `twocompart_mnmodel.ode`, `Iramp`, `Ipulse`) drive the BRK-derived cell
//! with a somatic triangular ramp and somatic current pulses. The inhibitory
//! pulse is a hyperpolarizing current (the Ib/GTO or recurrent conductances
//! are constant inputs of [`super::MotoneuronParams`]); Hounsgaard & Kiehn
//! 1989 (J Physiol 414:265) switch the plateau off with a brief
//! hyperpolarizing current the same way.
//!
//! The Ib pulse is a dendritic conductance, as the constant Ib input is: a
//! somatic current hardly reaches the dendrite's plateau through the
//! coupling conductance (finding, `tests.rs`), while Ib inhibition from
//! stretched Golgi tendon organs lands on the dendrites and is how
//! stretching stops a cramp (Minetto et al. 2013, Exerc Sport Sci Rev 41:3).
//!
//! The ramp is applied as a staircase of `ramp_rung_ms` rungs, each at the
//! triangle's value at its middle, so the solver sees each change as a
//! protocol edge; the rung is short next to the ramp, and the measure below
//! reads the current off the exact triangle.
//!
//! ## ΔF-like measure ([`RampHysteresis`])
//! Published ΔF (Gorassini et al. 2002, J Neurophysiol 87:1850) is measured
//! on pairs of human motor units: the firing rate of a lower-threshold
//! control unit when the test unit is recruited minus its rate when the test
//! unit is derecruited; the control unit's rate stands for the common drive.
//! With one unit, the drive is known: the hysteresis is the current at
//! recruitment minus the current at derecruitment (ΔI, positive when the
//! unit is derecruited at a lower current, as with a PIC), and ΔF-like is ΔI
//! times the unit's own gain on the ascending limb (Hz per µA/cm², the
//! slope of instantaneous rate against current, least squares), i.e. the
//! rate a control unit with this unit's gain would lose between the two.

use crate::parameters;
use crate::protocol::{Protocol, Step};

parameters! {
    /// Time-varying somatic inputs of the motoneuron (`[parameters.motoneuron.inputs]`); 0 amplitudes = none.
    pub struct TimedInputsParams {
        /// Peak of the triangular descending-drive ramp (current into the soma).
        ramp_peak_ua_per_cm2: f64 = 0.0, "µA/cm²", 0.0..=200.0, "an input; create_brk_inputs.m (Booth et al. 1997 port) ramps to max_Iapp = 25 µA/cm²";
        /// Start of the ramp.
        ramp_start_ms: f64 = 0.0, "ms", 0.0..=1.0e7, "an input";
        /// Rise time of the ramp, 0 → peak.
        ramp_rise_ms: f64 = 5000.0, "ms", 1.0..=1.0e7, "create_brk_inputs.m: 5 s up (5 µA/cm²/s); Kurian et al. 2011 twocompart_mnmodel.ode: 2.5 s up";
        /// Fall time of the ramp, peak → 0.
        ramp_fall_ms: f64 = 5000.0, "ms", 1.0..=1.0e7, "create_brk_inputs.m: 5 s down; Kurian et al. 2011 twocompart_mnmodel.ode: 2.5 s down";
        /// Rung of the staircase that carries the ramp.
        ramp_rung_ms: f64 = 10.0, "ms", 0.1..=1000.0, "modelling choice: short next to the ramp (5 s) and to the interspike intervals (≥ 15 ms), so a rung changes the current by ≤ 0.05 µA/cm² on the source's ramp";
        /// Amplitude of the brief excitatory pulse (depolarizing current into the soma).
        excitatory_pulse_ua_per_cm2: f64 = 0.0, "µA/cm²", 0.0..=200.0, "an input; Kurian et al. 2011 twocompart_mnmodel.ode uses 20 µA/cm² for its pulse figures";
        /// Onset of the excitatory pulse.
        excitatory_pulse_onset_ms: f64 = 0.0, "ms", 0.0..=1.0e7, "an input";
        /// Duration of the excitatory pulse.
        excitatory_pulse_duration_ms: f64 = 200.0, "ms", 0.0..=1.0e7, "an input; brief pulses of a few hundred ms switch turtle motoneurons into plateau firing (Hounsgaard & Kiehn 1989, J Physiol 414:265)";
        /// Amplitude of the brief inhibitory pulse (hyperpolarizing current out of the soma; give it positive).
        inhibitory_pulse_ua_per_cm2: f64 = 0.0, "µA/cm²", 0.0..=200.0, "an input; a brief hyperpolarizing pulse ends the plateau (Hounsgaard & Kiehn 1989, J Physiol 414:265)";
        /// Onset of the inhibitory pulse.
        inhibitory_pulse_onset_ms: f64 = 0.0, "ms", 0.0..=1.0e7, "an input";
        /// Duration of the inhibitory pulse.
        inhibitory_pulse_duration_ms: f64 = 200.0, "ms", 0.0..=1.0e7, "an input";
        /// Time-limited Ib (Golgi tendon organ) inhibitory conductance on the dendrite, added to the constant `dendrite_inhibitory_ms_per_cm2` and reversing at its `inhibitory_reversal_mv`: stretching the cramping muscle.
        ib_pulse_ms_per_cm2: f64 = 0.0, "mS/cm²", 0.0..=10.0, "an input; the range of the constant dendrite_inhibitory_ms_per_cm2 (compare the leak, 0.51 mS/cm²); 0.1 mS/cm² silences the self-firing 5-HT cell (tests/it/motor_unit_motoneuron.rs); stretch relieves cramps through GTO Ib inhibition (Minetto et al. 2013, Exerc Sport Sci Rev 41:3)";
        /// Onset of the Ib pulse (from t = 0 of the run; never during the settling).
        ib_pulse_onset_ms: f64 = 0.0, "ms", 0.0..=1.0e7, "an input";
        /// Duration of the Ib pulse.
        ib_pulse_duration_ms: f64 = 500.0, "ms", 0.0..=1.0e7, "an input; a cramp is stopped by a few seconds of stretch (Minetto et al. 2013); a few hundred ms shows the switch";
    }
}

impl TimedInputsParams {
    /// True when a ramp is given.
    pub fn has_ramp(&self) -> bool {
        self.ramp_peak_ua_per_cm2 > 0.0
    }

    /// End of the ramp (ms).
    pub fn ramp_end_ms(&self) -> f64 {
        self.ramp_start_ms + self.ramp_rise_ms + self.ramp_fall_ms
    }

    /// The exact triangle at `t_ms` (µA/cm²; 0 outside the ramp or without one).
    pub fn ramp_at(&self, t_ms: f64) -> f64 {
        let since = t_ms - self.ramp_start_ms;
        if !self.has_ramp() || since < 0.0 || t_ms > self.ramp_end_ms() {
            return 0.0;
        }
        let peak = self.ramp_peak_ua_per_cm2;
        if since <= self.ramp_rise_ms {
            peak * since / self.ramp_rise_ms
        } else {
            peak * (self.ramp_end_ms() - t_ms) / self.ramp_fall_ms
        }
    }

    /// True when an Ib pulse is given.
    pub fn has_ib_pulse(&self) -> bool {
        self.ib_pulse_ms_per_cm2 > 0.0 && self.ib_pulse_duration_ms > 0.0
    }

    /// The Ib pulse's dendritic conductance at `t_ms` (mS/cm²; 0 outside it).
    #[inline]
    pub fn ib_pulse_at(&self, t_ms: f64) -> f64 {
        let since = t_ms - self.ib_pulse_onset_ms;
        if self.has_ib_pulse() && since >= 0.0 && since < self.ib_pulse_duration_ms {
            self.ib_pulse_ms_per_cm2
        } else {
            0.0
        }
    }

    /// The somatic current protocol of these inputs: the ramp's staircase
    /// and the two pulses; the Ib pulse's window as a zero-current step, so
    /// the solver restarts at its edges.
    pub fn protocol(&self) -> Protocol {
        let mut steps = Vec::new();
        if self.has_ramp() {
            let rungs =
                ((self.ramp_rise_ms + self.ramp_fall_ms) / self.ramp_rung_ms).ceil() as usize;
            for k in 0..rungs {
                let start_ms = self.ramp_start_ms + k as f64 * self.ramp_rung_ms;
                let duration_ms = self.ramp_rung_ms.min(self.ramp_end_ms() - start_ms);
                let amplitude_ua_per_cm2 = self.ramp_at(start_ms + 0.5 * duration_ms);
                if amplitude_ua_per_cm2 > 0.0 {
                    steps.push(Step {
                        start_ms,
                        duration_ms,
                        amplitude_ua_per_cm2,
                    });
                }
            }
        }
        for (amplitude_ua_per_cm2, start_ms, duration_ms) in [
            (
                self.excitatory_pulse_ua_per_cm2,
                self.excitatory_pulse_onset_ms,
                self.excitatory_pulse_duration_ms,
            ),
            (
                -self.inhibitory_pulse_ua_per_cm2,
                self.inhibitory_pulse_onset_ms,
                self.inhibitory_pulse_duration_ms,
            ),
        ] {
            if amplitude_ua_per_cm2 != 0.0 && duration_ms > 0.0 {
                steps.push(Step {
                    start_ms,
                    duration_ms,
                    amplitude_ua_per_cm2,
                });
            }
        }
        if self.has_ib_pulse() {
            steps.push(Step {
                start_ms: self.ib_pulse_onset_ms,
                duration_ms: self.ib_pulse_duration_ms,
                amplitude_ua_per_cm2: 0.0,
            });
        }
        Protocol {
            steps,
            trains: Vec::new(),
        }
    }

    /// The hysteresis of `spikes_ms` on the ramp (see the module doc), or
    /// `None` without a ramp or when the unit is not recruited on the way
    /// up (at least three spikes) and active on the way down (two spikes).
    pub fn hysteresis(&self, spikes_ms: &[f64]) -> Option<RampHysteresis> {
        if !self.has_ramp() {
            return None;
        }
        let top_ms = self.ramp_start_ms + self.ramp_rise_ms;
        let up: Vec<f64> = spikes_ms
            .iter()
            .copied()
            .filter(|&t| t >= self.ramp_start_ms && t <= top_ms)
            .collect();
        let down: Vec<f64> = spikes_ms
            .iter()
            .copied()
            .filter(|&t| t > top_ms && t <= self.ramp_end_ms())
            .collect();
        if up.len() < 3 || down.len() < 2 {
            return None;
        }
        let rate = |w: &[f64]| 1000.0 / (w[1] - w[0]);
        // Instantaneous rate against the current at the interval's end, ascending limb.
        let points: Vec<(f64, f64)> = up
            .windows(2)
            .map(|w| (self.ramp_at(w[1]), rate(w)))
            .collect();
        let n = points.len() as f64;
        let (mean_i, mean_f) = points
            .iter()
            .fold((0.0, 0.0), |(si, sf), &(i, f)| (si + i / n, sf + f / n));
        let (sxy, sxx) = points.iter().fold((0.0, 0.0), |(sxy, sxx), &(i, f)| {
            (
                sxy + (i - mean_i) * (f - mean_f),
                sxx + (i - mean_i) * (i - mean_i),
            )
        });
        let recruitment_ua_per_cm2 = self.ramp_at(up[0]);
        let derecruitment_ua_per_cm2 = self.ramp_at(down[down.len() - 1]);
        let gain_hz_per_ua = if sxx > 0.0 { sxy / sxx } else { 0.0 };
        let delta_i = recruitment_ua_per_cm2 - derecruitment_ua_per_cm2;
        Some(RampHysteresis {
            recruitment_ua_per_cm2,
            derecruitment_ua_per_cm2,
            recruitment_rate_hz: rate(&up[..2]),
            derecruitment_rate_hz: rate(&down[down.len() - 2..]),
            delta_i_ua_per_cm2: delta_i,
            gain_hz_per_ua_per_cm2: gain_hz_per_ua,
            delta_f_hz: gain_hz_per_ua * delta_i,
        })
    }
}

/// Recruitment and derecruitment of the unit on a triangular ramp.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RampHysteresis {
    /// Ramp current at the first spike on the way up (µA/cm²).
    pub recruitment_ua_per_cm2: f64,
    /// Ramp current at the last spike on the way down (µA/cm²).
    pub derecruitment_ua_per_cm2: f64,
    /// First interspike rate on the way up (Hz).
    pub recruitment_rate_hz: f64,
    /// Last interspike rate on the way down (Hz).
    pub derecruitment_rate_hz: f64,
    /// Recruitment minus derecruitment current (µA/cm²; > 0 with a PIC's hysteresis).
    pub delta_i_ua_per_cm2: f64,
    /// Slope of rate against current on the ascending limb (Hz per µA/cm²).
    pub gain_hz_per_ua_per_cm2: f64,
    /// ΔF-like: ΔI × gain (Hz).
    pub delta_f_hz: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp() -> TimedInputsParams {
        TimedInputsParams {
            ramp_peak_ua_per_cm2: 10.0,
            ramp_start_ms: 100.0,
            ramp_rise_ms: 1000.0,
            ramp_fall_ms: 500.0,
            ramp_rung_ms: 10.0,
            ..TimedInputsParams::default()
        }
    }

    #[test]
    fn the_ib_pulse_is_a_dendritic_conductance_for_its_window_only() {
        let inputs = TimedInputsParams {
            ib_pulse_ms_per_cm2: 0.1,
            ib_pulse_onset_ms: 2000.0,
            ib_pulse_duration_ms: 400.0,
            ..TimedInputsParams::default()
        };
        assert_eq!(inputs.ib_pulse_at(1999.9), 0.0);
        assert_eq!(inputs.ib_pulse_at(2000.0), 0.1);
        assert_eq!(inputs.ib_pulse_at(2399.9), 0.1);
        assert_eq!(inputs.ib_pulse_at(2400.0), 0.0);
        // Its window is a zero-current step: the solver restarts at its edges.
        let protocol = inputs.protocol();
        assert_eq!(protocol.steps.len(), 1);
        assert_eq!(protocol.current_at(2100.0), 0.0);
        assert_eq!(protocol.edges(3000.0), vec![2000.0, 2400.0]);
        assert!(TimedInputsParams::default().protocol().steps.is_empty());
    }

    #[test]
    fn the_staircase_follows_the_triangle_and_the_pulses_have_their_sign() {
        let inputs = TimedInputsParams {
            excitatory_pulse_ua_per_cm2: 20.0,
            excitatory_pulse_onset_ms: 2000.0,
            excitatory_pulse_duration_ms: 100.0,
            inhibitory_pulse_ua_per_cm2: 15.0,
            inhibitory_pulse_onset_ms: 3000.0,
            inhibitory_pulse_duration_ms: 50.0,
            ..ramp()
        };
        let protocol = inputs.protocol();
        // 150 rungs of 10 ms (1500 ms of ramp) and two pulses.
        assert_eq!(protocol.steps.len(), 152);
        // Peak at 1100 ms; halfway up at 600 ms (5); halfway down at 1350 ms (5).
        assert!((inputs.ramp_at(1100.0) - 10.0).abs() < 1e-12);
        assert!((inputs.ramp_at(600.0) - 5.0).abs() < 1e-12);
        assert!((inputs.ramp_at(1350.0) - 5.0).abs() < 1e-12);
        assert_eq!(inputs.ramp_at(50.0), 0.0);
        assert_eq!(inputs.ramp_at(1700.0), 0.0);
        // The staircase is within half a rung's change (0.05 µA/cm² up, 0.1 down) of the triangle.
        for t in [105.0, 600.0, 1099.0, 1101.0, 1350.0, 1595.0] {
            assert!(
                (protocol.current_at(t) - inputs.ramp_at(t)).abs() <= 0.1 + 1e-12,
                "{t}"
            );
        }
        assert_eq!(protocol.current_at(2050.0), 20.0);
        assert_eq!(protocol.current_at(3025.0), -15.0);
        assert_eq!(protocol.current_at(3060.0), 0.0);
        assert!(TimedInputsParams::default().protocol().is_empty());
    }

    #[test]
    fn hysteresis_reads_recruitment_and_derecruitment_off_the_triangle() {
        let inputs = ramp();
        // Spikes at 2, 4, 6 µA/cm² up (t = 300, 500, 700 ms) and at 8, 2 µA/cm² down (t = 1200, 1500 ms).
        let spikes = [300.0, 500.0, 700.0, 1200.0, 1500.0];
        let h = inputs.hysteresis(&spikes).unwrap();
        assert!((h.recruitment_ua_per_cm2 - 2.0).abs() < 1e-12);
        assert!((h.derecruitment_ua_per_cm2 - 2.0).abs() < 1e-12);
        assert_eq!(h.delta_i_ua_per_cm2, 0.0);
        assert_eq!(h.recruitment_rate_hz, 5.0);
        assert!((h.derecruitment_rate_hz - 1000.0 / 300.0).abs() < 1e-12);
        // Two ascending intervals of equal rate: no slope.
        assert_eq!(h.gain_hz_per_ua_per_cm2, 0.0);
        // Derecruited at 1 µA/cm² (t = 1550 ms) after a faster ascending limb: ΔI = 1, gain from
        // (4 µA/cm², 5 Hz), (6, 5 Hz), (6.5, 20 Hz): slope 15/3.5 = 4.286 Hz per µA/cm².
        let spikes = [300.0, 500.0, 700.0, 750.0, 1200.0, 1550.0];
        let h = inputs.hysteresis(&spikes).unwrap();
        assert!((h.delta_i_ua_per_cm2 - 1.0).abs() < 1e-12);
        assert!((h.gain_hz_per_ua_per_cm2 - 15.0 / 3.5).abs() < 1e-9);
        assert!((h.delta_f_hz - 15.0 / 3.5).abs() < 1e-9);
        assert!(inputs.hysteresis(&[300.0, 500.0, 1200.0]).is_none());
        assert!(TimedInputsParams::default().hysteresis(&spikes).is_none());
    }
}
