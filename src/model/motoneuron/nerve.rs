//! The motoneuron between a stimulated peripheral nerve and its own motor
//! axon: what a nerve volley does to it, and which of its spikes reach the
//! axon.
//!
//! ## Simplification (stated)
//! A supramaximal pulse to the mixed nerve excites the motor axon and the
//! Ia afferents of the same muscle at once. The motor axon's impulse runs
//! both ways: orthodromically to the muscle (the axon pass of the motor
//! unit sees the pulse itself) and antidromically to the soma, which it
//! invades and fires (Coombs, Eccles & Fatt 1955, J Physiol 130:291: the
//! antidromic impulse gives a full soma spike). The Ia volley reaches the
//! motoneuron's dendrite monosynaptically as an EPSP. Both are brief next
//! to the membrane time constant (C/g_leak = 2 ms here, EPSP rise < 1 ms),
//! so each is applied as an exact jump of a potential (a kick: a charge
//! delivered at once), after the conduction time from the stimulation site:
//! - antidromic: V_soma += `antidromic_kick_mv` at t + `conduction_delay_ms`;
//! - afferent:   V_dendrite += `afferent_epsp_mv` at t + `afferent_delay_ms`.
//!
//! A somatic spike travels out to the stimulation site in
//! `conduction_delay_ms` and fires the axon there; a spike the soma fires
//! between the nerve pulse and `collision_window_ms` after the antidromic
//! arrival is not forwarded: it is the antidromic invasion itself, or it
//! meets the antidromic impulse in the axon and both die (collision,
//! the basis of the collision test; Hopf 1962). Every pulse of every train
//! of the protocol counts as a supramaximal nerve volley; steps do not.

use crate::model::State;
use crate::parameters;
use crate::solve::Kicks;

use super::{STATE_COUNT, index};

parameters! {
    /// What a nerve volley does to the motoneuron, and the conduction times (`[parameters.motoneuron.nerve]`).
    pub struct NerveCouplingParams {
        /// Jump of the somatic potential when the antidromic impulse invades the soma.
        antidromic_kick_mv: f64 = 40.0, "mV", 0.0..=55.0, "modelling choice: carries the soma from rest (−57 mV) to −17 mV, above the Na⁺ threshold, so the invasion fires the soma as it does (Coombs, Eccles & Fatt 1955, J Physiol 130:291); at most 55 mV, so the spike itself rises through the 0 mV of the spike detector; 0 = no antidromic invasion";
        /// Jump of the dendritic potential by the Ia EPSP of one supramaximal volley.
        afferent_epsp_mv: f64 = 4.0, "mV", 0.0..=30.0, "modelling choice, order of magnitude: single Ia fibre EPSPs ≈ 0.1 mV at the soma (Mendell & Henneman 1971, J Neurophysiol 34:171), tens of coincident afferents in a supramaximal volley sum to a few mV; 0 = no afferent path";
        /// Conduction time of the motor axon between the stimulation site and the soma (each way).
        conduction_delay_ms: f64 = 10.0, "ms", 0.0..=100.0, "modelling choice, order of magnitude: ≈ 0.6 m at 60 m/s; the soleus H reflex (afferent + central + efferent) has a latency of ≈ 30 ms (Schieppati 1987, Prog Neurobiol 28:345)";
        /// Time from the nerve pulse to the Ia EPSP in the dendrite (afferent conduction + synapse).
        afferent_delay_ms: f64 = 11.0, "ms", 0.0..=100.0, "afferent conduction like the motor axon's plus ≈ 1 ms monosynaptic delay (Schieppati 1987, Prog Neurobiol 28:345)";
        /// Somatic spikes after the antidromic arrival that are not forwarded (invasion and collision).
        collision_window_ms: f64 = 3.0, "ms", 0.0..=50.0, "modelling choice: the antidromic soma spike itself (≈ 1 ms) plus the refractory period of the axon behind it (≈ 1–2 ms)";
    }
}

/// The kicks of nerve volleys on the motoneuron: antidromic on the soma,
/// afferent on the dendrite, each after its delay.
#[derive(Debug, Clone, PartialEq)]
pub struct VolleyKicks {
    times_ms: Vec<f64>,
    /// Per kick: (state index, jump in mV).
    jumps: Vec<(usize, f64)>,
}

impl VolleyKicks {
    /// The kicks of `volleys_ms` under `coupling`, sorted by time.
    pub fn new(volleys_ms: &[f64], coupling: &NerveCouplingParams) -> Self {
        let mut kicks: Vec<(f64, usize, f64)> = Vec::new();
        for &t in volleys_ms {
            if coupling.antidromic_kick_mv > 0.0 {
                kicks.push((
                    t + coupling.conduction_delay_ms,
                    index::V_SOMA,
                    coupling.antidromic_kick_mv,
                ));
            }
            if coupling.afferent_epsp_mv > 0.0 {
                kicks.push((
                    t + coupling.afferent_delay_ms,
                    index::V_DENDRITE,
                    coupling.afferent_epsp_mv,
                ));
            }
        }
        kicks.sort_by(|a, b| a.0.total_cmp(&b.0));
        Self {
            times_ms: kicks.iter().map(|k| k.0).collect(),
            jumps: kicks.iter().map(|k| (k.1, k.2)).collect(),
        }
    }
}

impl Kicks<STATE_COUNT> for VolleyKicks {
    fn times_ms(&self) -> &[f64] {
        &self.times_ms
    }

    fn apply(&mut self, index: usize, y: &mut State<STATE_COUNT>) {
        let (at, jump) = self.jumps[index];
        y[at] += jump;
    }
}

/// The somatic spikes that leave for the muscle: those outside every
/// window [volley, volley + conduction delay + collision window).
pub fn forwarded_spikes_ms(
    soma_spikes_ms: &[f64],
    volleys_ms: &[f64],
    coupling: &NerveCouplingParams,
) -> Vec<f64> {
    let blocked = coupling.conduction_delay_ms + coupling.collision_window_ms;
    soma_spikes_ms
        .iter()
        .copied()
        .filter(|&t| !volleys_ms.iter().any(|&v| t >= v && t < v + blocked))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Protocol, Train};

    #[test]
    fn volleys_are_the_train_pulses_and_kick_soma_and_dendrite_after_their_delays() {
        let protocol = Protocol {
            steps: Vec::new(),
            trains: vec![Train {
                start_ms: 5.0,
                count: 2,
                interval_ms: 50.0,
                width_ms: 0.1,
                amplitude_ua_per_cm2: 1.0,
            }],
        };
        let volleys = protocol.pulse_onsets_ms(f64::INFINITY);
        assert_eq!(volleys, vec![5.0, 55.0]);
        let coupling = NerveCouplingParams::default();
        let mut kicks = VolleyKicks::new(&volleys, &coupling);
        assert_eq!(kicks.times_ms(), &[15.0, 16.0, 65.0, 66.0]);
        let mut y = State::zeros();
        kicks.apply(0, &mut y);
        kicks.apply(1, &mut y);
        assert_eq!((y[index::V_SOMA], y[index::V_DENDRITE]), (40.0, 4.0));
        // A spike 12 ms after a volley is the invasion; 14 ms after, it leaves.
        assert_eq!(
            forwarded_spikes_ms(&[17.0, 19.0, 40.0], &volleys, &coupling),
            vec![19.0, 40.0]
        );
    }

    #[test]
    fn an_antidromic_volley_fires_the_resting_soma_once_and_nothing_is_forwarded() {
        use crate::model::Model;
        use crate::model::conditions::Conditions;
        use crate::model::motoneuron::{Motoneuron, MotoneuronConfig};
        use crate::solve::SolverSettings;
        let cell =
            Motoneuron::new(MotoneuronConfig::default(), &Conditions::published(20.0)).unwrap();
        let coupling = NerveCouplingParams {
            afferent_epsp_mv: 0.0,
            ..NerveCouplingParams::default()
        };
        let settings = SolverSettings::default();
        let (_, rest) = cell
            .spike_times_under_volleys(
                &cell.initial_state(),
                &Protocol::default(),
                &[],
                &coupling,
                1000.0,
                &settings,
            )
            .unwrap();
        let (spikes, _) = cell
            .spike_times_under_volleys(
                &rest,
                &Protocol::default(),
                &[100.0],
                &coupling,
                300.0,
                &settings,
            )
            .unwrap();
        assert_eq!(spikes.len(), 1, "{spikes:?}");
        assert!(spikes[0] > 110.0 && spikes[0] < 112.0, "{spikes:?}");
        assert!(forwarded_spikes_ms(&spikes, &[100.0], &coupling).is_empty());
    }
}
