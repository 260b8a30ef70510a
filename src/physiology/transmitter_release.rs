//! Transmitter release at the neuromuscular junction: how many quanta of
//! acetylcholine one nerve impulse releases, as a function of external Ca²⁺
//! and Mg²⁺.
//!
//! ## What it models
//! Dodge & Rahamimoff 1967 (J Physiol 193:419, abstract, PubMed 6065887):
//! on log–log axes the end-plate potential rises with \[Ca\] with slope
//! 3.78 ± 0.2 (S.D., 28 experiments) at low \[Ca\]; a constant \[Mg\] lowers it
//! without changing the slope; the slope falls as \[Ca\] approaches normal.
//! Their explanation: Ca binds a site X (Mg competes for it) and release is
//! proportional to \[CaX\]⁴. With competitive binding \[CaX\] ∝ R:
//! ```text
//! R(Ca, Mg) = Ca / (1 + Ca/K_Ca + Mg/K_Mg)                          [mM]
//! m         = m_normal · (R(Ca, Mg) / R(Ca_ref, Mg_ref))^n           (n = 4)
//! d ln m / d ln Ca = n (1 + Mg/K_Mg) / (1 + Ca/K_Ca + Mg/K_Mg)
//! ```
//! The local slope tends to n at low Ca and falls towards normal Ca, as the
//! paper reports; Mg lowers m at every Ca.
//!
//! **Deterministic mode:** the mean quantal content m above.
//! **Stochastic mode:** the number of quanta is binomial with N release sites
//! and p = min(m/N, 1) (del Castillo & Katz 1954 binomial release; rat
//! numbers below), drawn with the SplitMix64 generator of [`crate::random`]
//! (Steele, Lea & Flood 2014), so the same seed gives the same sequence on
//! every platform. Note that p saturates at 1 when m > N, so the stochastic mode
//! cannot exceed N quanta while the mean mode has no ceiling.
//!
//! ## Parameters
//! - K_Ca = 1 mM, K_Mg = 3 mM: **unverified placeholders** (frog, room
//!   temperature; ../shared/SCIENCE.md §3.1 \[MEM\]). The paper's table was not
//!   available; searches of the stored pages found only abstracts (Dodge &
//!   Rahamimoff 1967; Dascal, Landau & Lass 1981, Biophys J 35:573, which
//!   report that TTX raises the Ca dissociation constant of the release site
//!   but not that of Mg, without numbers in the abstract). Bennett et al. 1977
//!   (J Physiol 271:641; SCIENCE.md §3.1) give a dissociation constant of
//!   0.13 mM for the Ca dependence of the release probability p in toad, but
//!   for a different model (p ∝ Ca³ saturating), so it is not a drop-in K_Ca.
//! - m_normal = 42 and N = 50: cut rat diaphragm, voltage clamp, 23 °C,
//!   binomial fit m = 40–45, n = 45–53, p = 0.82–0.90 (SCIENCE.md §3.2 \[SRC\]).
//!   The bath composition of that measurement is not recorded in SCIENCE.md;
//!   here m_normal is taken as the quantal content at Ca_ref / Mg_ref.
//! - Ca_ref = 1.2, Mg_ref = 0.5 mM: normal human ionized values (SCIENCE.md
//!   §3.1 and §6).
//!
//! ## Validity
//! Ca from about 0.1 mM to normal; the \[CaX\]⁴ law holds down to a few quanta
//! per thousand impulses (Andreu & Barrett 1980, J Physiol 308:79), but in
//! 2–10 mM Mg the lowest quantal contents lie above the fourth-power
//! prediction (same paper). No facilitation or depression between impulses.

use crate::parameters;

parameters! {
    /// Ca²⁺/Mg²⁺ dependence of evoked quantal release (Dodge & Rahamimoff 1967).
    pub struct TransmitterReleaseParams {
        /// Mean quantal content m_normal at the reference ions.
        quantal_content_normal: f64 = 42.0, "1", 0.0..=10000.0, "rat diaphragm, 23 °C, binomial fit m = 40–45 (SCIENCE.md §3.2 (SRC))";
        /// Dissociation constant K_Ca of Ca²⁺ at the release site X.
        k_ca_mm: f64 = 1.0, "mM", 0.001..=100.0, "placeholder, Dodge & Rahamimoff 1967 frog (SCIENCE.md §3.1 (MEM), unverified)";
        /// Dissociation constant K_Mg of Mg²⁺ competing for X.
        k_mg_mm: f64 = 3.0, "mM", 0.001..=1000.0, "placeholder, Dodge & Rahamimoff 1967 frog (SCIENCE.md §3.1 (MEM), unverified)";
        /// Cooperativity n: the power of \[CaX\] that release follows.
        cooperativity: f64 = 4.0, "1", 1.0..=6.0, "Dodge & Rahamimoff 1967 abstract: fourth power of (CaX) (log–log slope 3.78 ± 0.2)";
        /// Ionized Ca²⁺ at which the quantal content is m_normal.
        ca_ref_mm: f64 = 1.2, "mM", 0.01..=100.0, "normal human ionized Ca (SCIENCE.md §3.1, §6)";
        /// Ionized Mg²⁺ at which the quantal content is m_normal.
        mg_ref_mm: f64 = 0.5, "mM", 0.0..=100.0, "normal human ionized Mg (SCIENCE.md §3.1, §6)";
        /// Number of release sites N of the binomial (stochastic) mode.
        release_sites: u64 = 50, "1", 1.0..=100000.0, "rat diaphragm, 23 °C, binomial fit n = 45–53 (SCIENCE.md §3.2 (SRC))";
        /// Temperature at which m_normal and N were measured.
        reference_temperature_celsius: f64 = 23.0, "°C", 0.0..=45.0, "rat diaphragm binomial fit at 23 °C (SCIENCE.md §3.2 (SRC))";
        /// Q10 of the number of releasable quanta (m_normal and N scale by it; p does not).
        q10: f64 = 2.5, "1", 1.0..=5.0, "Bennett et al. 1977, J Physiol 271:641: n had Q10 = 2.5 (7 → 18 °C, toad; SCIENCE.md §3.1 (SRC)); extrapolated to 37 °C";
    }
}

impl TransmitterReleaseParams {
    /// The constants at `temperature_celsius`: m_normal and the number of
    /// sites N multiplied by Q10^((T − T_ref)/10) (N rounded), the release
    /// probability per site unchanged — Bennett et al. 1977 found the rise
    /// of m with temperature carried by n. At the reference temperature,
    /// unchanged.
    pub fn at_temperature(&self, temperature_celsius: f64) -> Self {
        let factor = crate::physiology::temperature::q10_factor(
            self.q10,
            temperature_celsius,
            self.reference_temperature_celsius,
        );
        Self {
            quantal_content_normal: self.quantal_content_normal * factor,
            release_sites: ((self.release_sites as f64 * factor).round() as u64).max(1),
            ..*self
        }
    }
}

/// R = Ca/(1 + Ca/K_Ca + Mg/K_Mg) in mM, proportional to the occupied
/// release sites \[CaX\] (Dodge & Rahamimoff 1967).
#[inline]
pub fn calcium_site_term_mm(p: &TransmitterReleaseParams, ca_mm: f64, mg_mm: f64) -> f64 {
    ca_mm / (1.0 + ca_mm / p.k_ca_mm + mg_mm / p.k_mg_mm)
}

/// Release relative to the reference ions, (R(Ca, Mg)/R(Ca_ref, Mg_ref))^n.
#[inline]
pub fn relative_release(p: &TransmitterReleaseParams, ca_mm: f64, mg_mm: f64) -> f64 {
    let reference = calcium_site_term_mm(p, p.ca_ref_mm, p.mg_ref_mm);
    (calcium_site_term_mm(p, ca_mm, mg_mm) / reference).powf(p.cooperativity)
}

/// Mean quantal content m = m_normal · relative release (deterministic mode).
#[inline]
pub fn mean_quantal_content(p: &TransmitterReleaseParams, ca_mm: f64, mg_mm: f64) -> f64 {
    p.quantal_content_normal * relative_release(p, ca_mm, mg_mm)
}

/// Local log–log slope d ln m / d ln Ca = n (1 + Mg/K_Mg)/(1 + Ca/K_Ca + Mg/K_Mg).
#[inline]
pub fn log_log_slope(p: &TransmitterReleaseParams, ca_mm: f64, mg_mm: f64) -> f64 {
    let mg_term = 1.0 + mg_mm / p.k_mg_mm;
    p.cooperativity * mg_term / (mg_term + ca_mm / p.k_ca_mm)
}

/// Mean log–log slope of release between `ca_low_mm` and `ca_high_mm` at
/// fixed `mg_mm`: the slope of the straight line through the two points on
/// double-logarithmic axes, ln(m(Ca_high)/m(Ca_low))/ln(Ca_high/Ca_low), the
/// measure Dodge & Rahamimoff 1967 report (3.78 ± 0.2 at low Ca).
#[inline]
pub fn log_log_secant_slope(
    p: &TransmitterReleaseParams,
    ca_low_mm: f64,
    ca_high_mm: f64,
    mg_mm: f64,
) -> f64 {
    (relative_release(p, ca_high_mm, mg_mm) / relative_release(p, ca_low_mm, mg_mm)).ln()
        / (ca_high_mm / ca_low_mm).ln()
}

/// Release probability per site of the binomial mode, p = min(m/N, 1).
#[inline]
pub fn release_probability(p: &TransmitterReleaseParams, ca_mm: f64, mg_mm: f64) -> f64 {
    (mean_quantal_content(p, ca_mm, mg_mm) / p.release_sites as f64).min(1.0)
}

pub use crate::random::SplitMix64;

/// A binomial draw: the number of successes in `trials` Bernoulli trials of
/// probability `probability` (one uniform number per trial).
pub fn binomial_draw(trials: u64, probability: f64, rng: &mut SplitMix64) -> u64 {
    (0..trials)
        .map(|_| u64::from(rng.next_f64() < probability))
        .sum()
}

/// Quanta released by one impulse in the stochastic mode: binomial with N
/// sites and p = min(m/N, 1).
pub fn stochastic_quantal_content(
    p: &TransmitterReleaseParams,
    ca_mm: f64,
    mg_mm: f64,
    rng: &mut SplitMix64,
) -> u64 {
    binomial_draw(p.release_sites, release_probability(p, ca_mm, mg_mm), rng)
}

#[cfg(test)]
mod tests {

    #[test]
    fn release_scales_with_its_q10_through_the_number_of_sites() {
        let p = TransmitterReleaseParams::default();
        assert_eq!(p.at_temperature(23.0), p);
        let warm = p.at_temperature(33.0);
        assert!((warm.quantal_content_normal - 42.0 * 2.5).abs() < 1e-9);
        assert_eq!(warm.release_sites, 125);
        // The release probability p = m/N is (nearly) unchanged.
        let before = release_probability(&p, 1.2, 0.5);
        let after = release_probability(&warm, 1.2, 0.5);
        assert!((before - after).abs() < 1e-12, "{before} vs {after}");
    }
    use super::*;

    fn p() -> TransmitterReleaseParams {
        TransmitterReleaseParams::default()
    }

    #[test]
    fn reproduces_the_relative_release_table() {
        // SCIENCE.md §3.1 [COMP], printed to 0.01 (0.001 for the last row);
        // normal Ca 1.2 / Mg 0.5. Columns: K_Ca 1.0 and 0.6 mM, K_Mg 3 mM.
        let rows = [
            (1.0, 0.5, 0.69, 0.75),
            (0.8, 0.5, 0.41, 0.51),
            (1.2, 0.25, 1.15, 1.11),
            (1.2, 2.0, 0.47, 0.56),
            (1.2, 4.0, 0.20, 0.29),
            (0.5, 10.0, 0.002, 0.004),
        ];
        let k_ca_06 = TransmitterReleaseParams {
            k_ca_mm: 0.6,
            ..p()
        };
        for (ca, mg, with_k1, with_k06) in rows {
            let a = relative_release(&p(), ca, mg);
            let b = relative_release(&k_ca_06, ca, mg);
            assert!((a - with_k1).abs() < 0.01, "Ca {ca}, Mg {mg}: {a}");
            assert!((b - with_k06).abs() < 0.01, "Ca {ca}, Mg {mg}: {b}");
        }
        // By hand: R(1.0, 0.5) = 1/(2 + 1/6) = 6/13, R_ref = 1.2/(2.2 + 1/6)
        // = 36/71, so the ratio is 71/78 and the release (71/78)^4 = 0.686523.
        let by_hand = (71.0_f64 / 78.0).powi(4);
        assert!((relative_release(&p(), 1.0, 0.5) - by_hand).abs() < 1e-12);
        assert!((by_hand - 0.686_523).abs() < 1e-6);
        assert_eq!(mean_quantal_content(&p(), 1.2, 0.5), 42.0);
    }

    #[test]
    fn low_calcium_log_log_slope_is_near_four_and_independent_of_magnesium() {
        // V11: Dodge & Rahamimoff 1967, slope 3.78 ± 0.2 (S.D.) at low Ca,
        // unchanged by Mg. Checked between 3.5 and 4.0 at Ca 0.1 mM for Mg 0.5
        // to 5 mM, with a spread across Mg under the paper's S.D. of 0.2.
        let ca = 0.1;
        let slopes: Vec<f64> = [0.5, 1.0, 2.0, 5.0]
            .into_iter()
            .map(|mg| {
                // Central difference in ln Ca, against the analytic slope.
                let h: f64 = 1e-4;
                let numeric = (mean_quantal_content(&p(), ca * h.exp(), mg).ln()
                    - mean_quantal_content(&p(), ca * (-h).exp(), mg).ln())
                    / (2.0 * h);
                let analytic = log_log_slope(&p(), ca, mg);
                assert!((numeric - analytic).abs() < 1e-6, "{numeric} vs {analytic}");
                analytic
            })
            .collect();
        for s in &slopes {
            assert!((3.5..=4.0).contains(s), "{slopes:?}");
        }
        let spread = slopes.iter().cloned().fold(f64::MIN, f64::max)
            - slopes.iter().cloned().fold(f64::MAX, f64::min);
        assert!(spread < 0.2, "{slopes:?}");
        // Mg lowers release at every Ca while leaving the slope near four.
        assert!(mean_quantal_content(&p(), ca, 5.0) < mean_quantal_content(&p(), ca, 0.5));
    }

    #[test]
    fn slope_falls_towards_normal_calcium() {
        // By hand at Ca 1.2, Mg 0.5: 4·(7/6)/(7/6 + 1.2) = 1.9718.
        let at_normal = log_log_slope(&p(), 1.2, 0.5);
        assert!((at_normal - 1.971_83).abs() < 1e-5);
        assert!(at_normal < log_log_slope(&p(), 0.3, 0.5));
    }

    #[test]
    fn same_seed_same_sequence_different_seed_different_sequence() {
        let draw = |seed| {
            let mut rng = SplitMix64::new(seed);
            (0..20)
                .map(|_| stochastic_quantal_content(&p(), 1.0, 0.5, &mut rng))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
    }

    #[test]
    fn binomial_mean_is_the_quantal_content() {
        // Low Ca/high Mg so p is well inside (0, 1): m = 42 · relative release.
        let (ca, mg) = (0.6, 1.0);
        let m = mean_quantal_content(&p(), ca, mg);
        let q = release_probability(&p(), ca, mg);
        assert!(q > 0.05 && q < 0.95, "{q}");
        let draws = 4000;
        let mut rng = SplitMix64::new(2024);
        let total: u64 = (0..draws)
            .map(|_| stochastic_quantal_content(&p(), ca, mg, &mut rng))
            .sum();
        let mean = total as f64 / draws as f64;
        // Standard error of the mean sqrt(N p (1 − p) / draws); allow 4 of them.
        let n = p().release_sites as f64;
        let standard_error = (n * q * (1.0 - q) / draws as f64).sqrt();
        assert!(
            (mean - m).abs() < 4.0 * standard_error,
            "{mean} vs {m} ± {standard_error}"
        );
    }

    #[test]
    fn probability_saturates_when_release_exceeds_the_sites() {
        // At 5 mM Ca, m > N = 50: every site releases.
        assert!(mean_quantal_content(&p(), 5.0, 0.5) > 50.0);
        assert_eq!(release_probability(&p(), 5.0, 0.5), 1.0);
        let mut rng = SplitMix64::new(1);
        assert_eq!(stochastic_quantal_content(&p(), 5.0, 0.5, &mut rng), 50);
    }
}
