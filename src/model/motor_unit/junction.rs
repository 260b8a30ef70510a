//! The neuromuscular junction of the motor unit: from the motor axon's
//! spike times to packets of transmitter, and from packets to endplate
//! conductance on the fibre.
//!
//! Every impulse that reaches the nerve terminal releases, after a synaptic
//! delay, a number of quanta: the Dodge–Rahamimoff mean m(Ca, Mg)
//! (deterministic mode) or a binomial draw with N sites and p = m/N
//! (stochastic mode, seeded) — [`crate::physiology::transmitter_release`].
//! Each packet adds its quanta to the two exponential components of the
//! endplate conductance ([`crate::physiology::endplate_current`]):
//! ```text
//! dA/dt = −A/τ_decay,   dB/dt = −B/τ_rise,   A, B += quanta at each release
//! g(t)  = g_quantum · norm · (A − B)           (one quantum: peak g_quantum)
//! ```
//! which is the dual exponential of every packet, summed, carried as two
//! states so that the right-hand side stays smooth between releases (the
//! NEURON `Exp2Syn` scheme).

use crate::parameters;
use crate::physiology::endplate_current::{self, EndplateCurrentParams};
use crate::physiology::transmitter_release::{self, SplitMix64, TransmitterReleaseParams};

parameters! {
    /// Timing and randomness of release (`[parameters.junction]`; the switch
    /// `stochastic = true|false` sits next to these).
    pub struct JunctionParams {
        /// Delay from the terminal impulse (threshold crossing of the axon) to release.
        synaptic_delay_ms: f64 = 0.5, "ms", 0.0..=100.0, "Katz & Miledi 1965, J Physiol 181:656: minimum synaptic delay ≈ 0.5 ms at the frog endplate (recalled, unverified; it only shifts timing)";
        /// Seed of the binomial draws of the stochastic mode (same seed, same quanta).
        seed: u64 = 1, "1", 0.0..=1.8e19, "any; reproducibility only";
    }
}

/// Everything that turns axon spikes into endplate conductance, fixed for a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Junction {
    /// Dodge–Rahamimoff release.
    pub release: TransmitterReleaseParams,
    /// Endplate conductance.
    pub endplate: EndplateCurrentParams,
    /// Delay and seed.
    pub timing: JunctionParams,
    /// Binomial quanta (true) or the mean quantal content (false).
    pub stochastic: bool,
    /// Ionized Ca²⁺ at the terminal (mM).
    pub ca_o_mm: f64,
    /// Ionized Mg²⁺ at the terminal (mM).
    pub mg_o_mm: f64,
    /// Temperature of the run (°C), for the EPC time constants.
    pub temperature_celsius: f64,
}

/// One packet of transmitter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Release {
    /// When it acts on the endplate (ms).
    pub time_ms: f64,
    /// How many quanta it holds.
    pub quanta: f64,
}

impl Junction {
    /// Mean quantal content m at this run's Ca²⁺ and Mg²⁺.
    pub fn mean_quantal_content(&self) -> f64 {
        transmitter_release::mean_quantal_content(&self.release, self.ca_o_mm, self.mg_o_mm)
    }

    /// The packets released by axon impulses at `spike_times_ms`: one per
    /// impulse, `synaptic_delay_ms` later, with the mean or a binomial number
    /// of quanta (the k-th impulse always takes the k-th draw of the seed).
    pub fn releases(&self, spike_times_ms: &[f64]) -> Vec<Release> {
        let mut random = SplitMix64::new(self.timing.seed);
        spike_times_ms
            .iter()
            .map(|&t| Release {
                time_ms: t + self.timing.synaptic_delay_ms,
                quanta: if self.stochastic {
                    transmitter_release::stochastic_quantal_content(
                        &self.release,
                        self.ca_o_mm,
                        self.mg_o_mm,
                        &mut random,
                    ) as f64
                } else {
                    self.mean_quantal_content()
                },
            })
            .collect()
    }

    /// (τ_rise, τ_decay) in ms at the run's temperature.
    pub fn time_constants_ms(&self) -> (f64, f64) {
        endplate_current::time_constants_ms(&self.endplate, self.temperature_celsius)
    }

    /// Conductance density (mS/cm²) per unit of A − B: g_quantum spread over
    /// the endplate area, times the peak normalization of the dual exponential.
    pub fn conductance_per_quantum_ms_per_cm2(&self) -> f64 {
        let (tau_rise, tau_decay) = self.time_constants_ms();
        let t_peak = endplate_current::peak_time_ms(tau_rise, tau_decay);
        let unnormalized_peak = (-t_peak / tau_decay).exp() - (-t_peak / tau_rise).exp();
        endplate_current::conductance_density_ms_per_cm2(
            self.endplate.quantal_conductance_ns,
            self.endplate.endplate_area_cm2,
        ) / unnormalized_peak
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn junction(stochastic: bool) -> Junction {
        Junction {
            release: TransmitterReleaseParams::default(),
            endplate: EndplateCurrentParams::default(),
            timing: JunctionParams::default(),
            stochastic,
            ca_o_mm: 1.2,
            mg_o_mm: 0.5,
            temperature_celsius: 37.0,
        }
    }

    #[test]
    fn mean_mode_releases_m_normal_at_the_reference_ions_after_the_delay() {
        let releases = junction(false).releases(&[10.0, 20.0]);
        assert_eq!(releases.len(), 2);
        assert_eq!(releases[0].time_ms, 10.5);
        assert!((releases[1].quanta - 42.0).abs() < 1e-12);
    }

    #[test]
    fn stochastic_mode_repeats_with_its_seed_and_varies_between_impulses() {
        let spikes: Vec<f64> = (0..200).map(|k| k as f64 * 10.0).collect();
        let first = junction(true).releases(&spikes);
        assert_eq!(first, junction(true).releases(&spikes));
        let mut other_seed = junction(true);
        other_seed.timing.seed = 2;
        assert_ne!(first, other_seed.releases(&spikes));
        // Binomial N = 50, p = 42/50: mean 42, variance Np(1 − p) = 6.72;
        // the mean of 200 draws lies within 4 standard errors (4·√(6.72/200) = 0.73).
        let mean = first.iter().map(|r| r.quanta).sum::<f64>() / 200.0;
        assert!((mean - 42.0).abs() < 0.73, "{mean}");
        assert!(first.iter().any(|r| r.quanta != first[0].quanta));
    }

    #[test]
    fn one_quantum_peaks_at_the_quantal_conductance() {
        let j = junction(false);
        let (tau_rise, tau_decay) = j.time_constants_ms();
        let t = endplate_current::peak_time_ms(tau_rise, tau_decay);
        let a_minus_b = (-t / tau_decay).exp() - (-t / tau_rise).exp();
        let g = j.conductance_per_quantum_ms_per_cm2() * a_minus_b;
        let expected = endplate_current::conductance_density_ms_per_cm2(
            j.endplate.quantal_conductance_ns,
            j.endplate.endplate_area_cm2,
        );
        assert!((g - expected).abs() < 1e-12 * expected, "{g} vs {expected}");
    }
}
