//! Endplate conductance and current: the acetylcholine-receptor conductance
//! that released quanta open after a nerve impulse, and the safety factor of
//! neuromuscular transmission.
//!
//! ## What it models
//! A dual-exponential conductance per impulse, peak-normalized so that ḡ is
//! the peak (the NEURON `Exp2Syn` shape):
//! ```text
//! g(t)  = ḡ · norm · (e^{−t/τ_d} − e^{−t/τ_r}),   t ≥ 0 after release, 0 before
//! t*    = τ_r τ_d/(τ_d − τ_r) · ln(τ_d/τ_r)        time of the peak
//! norm  = 1 / (e^{−t*/τ_d} − e^{−t*/τ_r})
//! ḡ     = quanta · g_quantum
//! I_EPC = g · (V − E_rev)                          outward positive
//! SF    = EPP amplitude / (V_threshold − V_rest)
//! ```
//! t* is written as τ_d · x/(e^x − 1) with x = ln(τ_d/τ_r) through
//! [`exprelr`], which stays finite as τ_r → τ_d (limit t* = τ). The shape
//! itself needs τ_r < τ_d (it vanishes identically at τ_r = τ_d); that is a
//! cross-field check for the scenario layer.
//!
//! Both time constants scale with one Q10 from their reference temperature,
//! τ(T) = τ(T_ref) / Q10^((T − T_ref)/10).
//!
//! ## Area convention
//! The synapse is described in absolute units: g_quantum in nS, ḡ in nS.
//! A single-compartment fibre model works per cm² of membrane, so the
//! conductance is spread over the membrane area that the endplate current
//! charges, `endplate_area_cm2`, giving a density in mS/cm²
//! ([`conductance_density_ms_per_cm2`]) and a current in µA/cm²
//! (mS/cm² × mV = µA/cm²). The default area, 5.5e−4 cm² (219 µm of a 40 µm
//! radius fibre; radius of Senneff & Lowery 2021, ../shared/SCIENCE.md §2.2),
//! is not from a source: it is calibrated so that one quantum gives a
//! miniature endplate potential of 0.4 mV on the `motor-unit` fibre at rest,
//! 37 °C, normal ions (MEPP ≈ 0.4 mV, SCIENCE.md §3.2 \[SRC\]; measured
//! 0.40 mV). It stands for the stretch of fibre an endplate depolarizes and
//! lumps the T-tubules with it.
//!
//! ## Parameters and sources
//! - τ_decay = 1.0 ms at 23 °C: mean ACh-channel lifetime from noise analysis,
//!   mouse omohyoid endplate, "0.3 ms at 39 °C and 1.0 ms at 23 °C" (abstract
//!   "The M. omohyoideus of the mouse as a convenient mammalian muscle
//!   preparation", Pflügers Arch, via scilit; authors not captured). The EPC
//!   decays with the channel burst lifetime (Magleby & Stevens 1972, SCIENCE.md
//!   §3.3 \[MEM\]: single exponential, τ ≈ 1–2 ms at room temperature).
//! - Q10 = 2.1: from the same two lifetimes, (1.0/0.3)^(10/16) = 2.12.
//! - τ_rise = 0.3 ms at 23 °C: SCIENCE.md §3.3 \[MEM\] ("EPC rise ≈ 0.3–0.5 ms"),
//!   unverified.
//! - g_quantum = 40 nS: unverified estimate. Channel conductance 22.4 pS
//!   below 25 °C and 45.6 pS at 34–39 °C (same omohyoid abstract) times
//!   roughly 1500–2000 channels per quantum (textbook figure, not read in a
//!   source here). The step of γ near 25.5 °C is not modelled.
//! - E_rev = −5 mV: SCIENCE.md §3.3 ("the EPC reverses near −5 to −15 mV",
//!   current view; Cannon-lab nAChR with P_K/P_Na ≈ 1.1).
//! - Safety factor: "how much larger the EPP is than the depolarization
//!   needed to trigger an action potential (E_AP)" (Ruff 2011, Muscle Nerve
//!   44:854, abstract), i.e. EPP/(V_threshold − V_rest); Wood & Slater 2001
//!   (Prog Neurobiol 64:393) use the same ratio (not read here).
//!
//! ## Validity
//! Mammalian endplate, 20–40 °C; no voltage dependence of τ_decay (it grows
//! e-fold per ~100 mV of hyperpolarization, SCIENCE.md §3.3 \[MEM\]), no
//! desensitization, no summation nonlinearity between quanta.

use crate::parameters;
use crate::physiology::rates::exprelr;
use crate::physiology::temperature::q10_factor;

/// nS per mS.
const NS_PER_MS: f64 = 1.0e6;

parameters! {
    /// Endplate (nicotinic ACh receptor) conductance per impulse.
    pub struct EndplateCurrentParams {
        /// Rise time constant τ_rise at the reference temperature.
        tau_rise_ms: f64 = 0.3, "ms", 0.001..=100.0, "SCIENCE.md §3.3 (MEM): EPC rise ≈ 0.3–0.5 ms (unverified)";
        /// Decay time constant τ_decay at the reference temperature.
        tau_decay_ms: f64 = 1.0, "ms", 0.001..=1000.0, "mouse omohyoid noise analysis: channel lifetime 1.0 ms at 23 °C (Pflügers Arch abstract via scilit)";
        /// Temperature at which τ_rise and τ_decay apply.
        reference_temperature_celsius: f64 = 23.0, "°C", 0.0..=45.0, "temperature of the omohyoid lifetime 1.0 ms";
        /// Q10 of both time constants (rates speed up by Q10 per 10 °C).
        q10: f64 = 2.1, "1", 1.0..=5.0, "(1.0 ms / 0.3 ms)^(10/16) from the omohyoid lifetimes at 23 and 39 °C";
        /// Peak conductance of one quantum g_quantum.
        quantal_conductance_ns: f64 = 40.0, "nS", 0.0..=10000.0, "estimate: γ 22.4 pS (omohyoid abstract) × ~1500–2000 channels per quantum (unverified)";
        /// Reversal potential E_rev of the endplate current.
        reversal_mv: f64 = -5.0, "mV", -50.0..=50.0, "SCIENCE.md §3.3: EPC reverses near −5 to −15 mV";
        /// Membrane area the endplate current charges (see the area convention).
        endplate_area_cm2: f64 = 5.5e-4, "cm²", 1.0e-8..=1.0, "calibrated: one quantum gives a 0.4 mV MEPP (SCIENCE.md §3.2) on the motor-unit fibre at 37 °C; not a measured area";
    }
}

/// Time of the peak of e^{−t/τ_d} − e^{−t/τ_r}, t* = τ_r τ_d/(τ_d − τ_r) ln(τ_d/τ_r),
/// in ms; written as τ_d · x/(e^x − 1), x = ln(τ_d/τ_r), so it is finite at τ_r = τ_d.
#[inline]
pub fn peak_time_ms(tau_rise_ms: f64, tau_decay_ms: f64) -> f64 {
    tau_decay_ms * exprelr(-(tau_decay_ms / tau_rise_ms).ln())
}

/// Peak-normalized dual exponential, (e^{−t/τ_d} − e^{−t/τ_r}) / (value at t*);
/// 1 at the peak, 0 for t < 0. Needs τ_r < τ_d.
#[inline]
pub fn dual_exponential(t_ms: f64, tau_rise_ms: f64, tau_decay_ms: f64) -> f64 {
    if t_ms < 0.0 {
        return 0.0;
    }
    let shape = |t: f64| (-t / tau_decay_ms).exp() - (-t / tau_rise_ms).exp();
    shape(t_ms) / shape(peak_time_ms(tau_rise_ms, tau_decay_ms))
}

/// (τ_rise, τ_decay) in ms at `temperature_celsius`, each divided by
/// Q10^((T − T_ref)/10).
#[inline]
pub fn time_constants_ms(p: &EndplateCurrentParams, temperature_celsius: f64) -> (f64, f64) {
    let phi = q10_factor(p.q10, temperature_celsius, p.reference_temperature_celsius);
    (p.tau_rise_ms / phi, p.tau_decay_ms / phi)
}

/// Endplate conductance g(t) in nS, `t_ms` after the release of `quanta`
/// quanta, at `temperature_celsius`: quanta · g_quantum · peak-normalized shape.
#[inline]
pub fn endplate_conductance_ns(
    p: &EndplateCurrentParams,
    quanta: f64,
    t_ms: f64,
    temperature_celsius: f64,
) -> f64 {
    let (tau_rise, tau_decay) = time_constants_ms(p, temperature_celsius);
    quanta * p.quantal_conductance_ns * dual_exponential(t_ms, tau_rise, tau_decay)
}

/// Conductance density in mS/cm² of `conductance_ns` spread over `area_cm2`.
#[inline]
pub fn conductance_density_ms_per_cm2(conductance_ns: f64, area_cm2: f64) -> f64 {
    conductance_ns / NS_PER_MS / area_cm2
}

/// Endplate current density I = g (V − E_rev) in µA/cm², outward positive,
/// for a conductance density in mS/cm².
#[inline]
pub fn endplate_current_ua_per_cm2(g_ms_per_cm2: f64, v_mv: f64, reversal_mv: f64) -> f64 {
    g_ms_per_cm2 * (v_mv - reversal_mv)
}

/// Safety factor EPP/(V_threshold − V_rest) (Ruff 2011): how many times the
/// endplate potential exceeds the depolarization needed for an action potential.
#[inline]
pub fn safety_factor(epp_amplitude_mv: f64, v_rest_mv: f64, v_threshold_mv: f64) -> f64 {
    epp_amplitude_mv / (v_threshold_mv - v_rest_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> EndplateCurrentParams {
        EndplateCurrentParams::default()
    }

    #[test]
    fn peak_is_at_the_analytic_time_with_value_g_bar() {
        let (tau_r, tau_d) = (0.3, 1.0);
        // By hand: 0.3/0.7 · ln(10/3) = 0.428571 · 1.203973 = 0.515988 ms.
        let t_star = peak_time_ms(tau_r, tau_d);
        assert!((t_star - 0.515_988).abs() < 1e-6, "{t_star}");
        let direct = tau_r * tau_d / (tau_d - tau_r) * (tau_d / tau_r).ln();
        assert!((t_star - direct).abs() < 1e-14);
        // g = ḡ at t*, and below it 1 µs either side.
        let g_bar = 42.0 * p().quantal_conductance_ns;
        let at = endplate_conductance_ns(&p(), 42.0, t_star, 23.0);
        assert!((at - g_bar).abs() < 1e-9 * g_bar, "{at}");
        assert!(endplate_conductance_ns(&p(), 42.0, t_star - 1e-3, 23.0) < at);
        assert!(endplate_conductance_ns(&p(), 42.0, t_star + 1e-3, 23.0) < at);
        assert_eq!(endplate_conductance_ns(&p(), 42.0, -0.1, 23.0), 0.0);
    }

    #[test]
    fn peak_time_is_finite_for_equal_time_constants() {
        // Limit of t* as τ_r → τ_d is τ.
        assert_eq!(peak_time_ms(1.0, 1.0), 1.0);
        assert!((peak_time_ms(1.0 - 1e-9, 1.0) - 1.0).abs() < 1e-8);
    }

    #[test]
    fn time_constants_follow_the_q10() {
        let (r23, d23) = time_constants_ms(&p(), 23.0);
        assert_eq!((r23, d23), (0.3, 1.0));
        let (r33, d33) = time_constants_ms(&p(), 33.0);
        assert!((d23 / d33 - 2.1).abs() < 1e-12 && (r23 / r33 - 2.1).abs() < 1e-12);
        // At 39 °C the decay is 1.0/2.1^1.6 = 0.305 ms, the omohyoid 0.3 ms
        // to within the rounding of the Q10 (tolerance 0.01 ms).
        let (_, d39) = time_constants_ms(&p(), 39.0);
        assert!((d39 - 0.3).abs() < 0.01, "{d39}");
    }

    #[test]
    fn current_at_rest_is_inward_and_reverses_at_e_rev() {
        let g = conductance_density_ms_per_cm2(42.0 * 40.0, p().endplate_area_cm2);
        // By hand: 1680 nS = 1.68e-3 mS over 5.5e-4 cm² = 3.054545 mS/cm².
        assert!((g - 3.054_545).abs() < 1e-5, "{g}");
        let at_rest = endplate_current_ua_per_cm2(g, -85.0, p().reversal_mv);
        assert!(at_rest < 0.0);
        assert!((at_rest + 3.054_545 * 80.0).abs() < 1e-3);
        assert_eq!(endplate_current_ua_per_cm2(g, -5.0, p().reversal_mv), 0.0);
        assert!(endplate_current_ua_per_cm2(g, 20.0, p().reversal_mv) > 0.0);
    }

    #[test]
    fn safety_factor_is_epp_over_the_needed_depolarization() {
        // EPP 70 mV (SCIENCE.md §3.2), rest −85 mV, threshold −55 mV: 70/30.
        assert!((safety_factor(70.0, -85.0, -55.0) - 7.0 / 3.0).abs() < 1e-12);
        assert!(safety_factor(20.0, -85.0, -55.0) < 1.0);
    }
}
