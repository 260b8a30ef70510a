//! Voltage-driven Ca²⁺ release from the sarcoplasmic reticulum: the
//! DHPR–RyR coupling of Ríos & Stern, as a 10-state scheme.
//!
//! ## What it models
//! Ríos, Karhanek, Ma & González 1993 (J Gen Physiol 102:449) allosteric
//! model, as used by Shorten et al. 2007 (J Muscle Res Cell Motil 28:293);
//! CellML component `sternrios` (states `C_0`…`C_4`, `O_0`…`O_4`) and the
//! release term of component `razumova`.
//!
//! ## Equations
//! Four voltage sensors (DHPRs) per release channel move with rates
//! ```text
//! k_C  = ½ α₁ exp((V_T − V̄)/(8K)),   k_Cm = ½ α₁ exp((V̄ − V_T)/(8K))
//! ```
//! driven by the T-tubule potential V_T. C_i / O_i is the closed / open
//! channel with i sensors activated. Transitions:
//! ```text
//! C_i → C_{i+1}: (4 − i) k_C          C_i → C_{i−1}: i k_Cm
//! O_i → O_{i+1}: (4 − i) k_C / f      O_i → O_{i−1}: i f k_Cm
//! C_i → O_i:     k_L / fⁱ             O_i → C_i:     k_Lm fⁱ
//! ```
//! so each activated sensor raises the opening equilibrium by 1/f². The
//! release flux from the triadic SR (1) into the triadic myoplasm (1) is
//! ```text
//! J_rel = i₂ (O_0 + … + O_4)(Ca_SR1 − Ca_1)                     [µM·µm³/ms]
//! ```
//! which each compartment divides by its own volume.
//!
//! ## Parameters
//! Defaults are the CellML constants (fast-twitch fibre, i₂ = 300 µm³/ms).
//!
//! ## Validity
//! k_Lm = 1000 ms⁻¹ makes this part stiff (time scale 1 µs).

use crate::parameters;
use crate::physiology::rates::exponential;

/// Number of voltage sensors per release unit (four DHPRs per tetrad).
pub const SENSORS: usize = 4;
/// Number of closed (or open) states: 0 to 4 sensors activated.
pub const LEVELS: usize = SENSORS + 1;

/// Factor 8 in the exponent (V_T − V̄)/(8K) of the CellML `k_C`, `k_Cm`.
const SENSOR_EXPONENT_DIVISOR: f64 = 8.0;

parameters! {
    /// Constants of the Ríos–Stern DHPR–RyR coupling.
    pub struct CalciumReleaseParams {
        /// Opening rate k_L of a channel with no activated sensor (CellML `k_L`).
        k_l_per_ms: f64 = 0.002, "ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, sternrios k_L";
        /// Closing rate k_Lm of a channel with no activated sensor (CellML `k_Lm`).
        k_lm_per_ms: f64 = 1000.0, "ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, sternrios k_Lm";
        /// Allosteric factor f (CellML `f`).
        allosteric_factor: f64 = 0.2, "1", 0.0001..=10000.0, "Shorten et al. 2007 CellML, sternrios f";
        /// Sensor rate scale α₁ (CellML `alpha1`).
        alpha1_per_ms: f64 = 0.2, "ms⁻¹", 0.0..=1.0e6, "Shorten et al. 2007 CellML, sternrios alpha1";
        /// Sensor charge slope K (CellML `K`).
        sensor_slope_mv: f64 = 4.5, "mV", 0.01..=1000.0, "Shorten et al. 2007 CellML, sternrios K";
        /// Sensor mid-point voltage V̄ (CellML `Vbar`).
        v_bar_mv: f64 = -20.0, "mV", -200.0..=200.0, "Shorten et al. 2007 CellML, sternrios Vbar";
        /// Release permeability i₂ of a fully open channel population (CellML `i2`, fast twitch).
        release_permeability_um3_per_ms: f64 = 300.0, "µm³/ms", 0.0..=1.0e9, "Shorten et al. 2007 CellML, razumova i2";
    }
}

/// Forward sensor rate k_C = ½ α₁ exp((V_T − V̄)/(8K)) in ms⁻¹ (CellML `k_C`).
#[inline]
pub fn k_c_per_ms(p: &CalciumReleaseParams, v_tubule_mv: f64) -> f64 {
    0.5 * p.alpha1_per_ms
        * exponential(
            p.v_bar_mv - v_tubule_mv,
            SENSOR_EXPONENT_DIVISOR * p.sensor_slope_mv,
        )
}

/// Backward sensor rate k_Cm = ½ α₁ exp((V̄ − V_T)/(8K)) in ms⁻¹ (CellML `k_Cm`).
#[inline]
pub fn k_cm_per_ms(p: &CalciumReleaseParams, v_tubule_mv: f64) -> f64 {
    0.5 * p.alpha1_per_ms
        * exponential(
            v_tubule_mv - p.v_bar_mv,
            SENSOR_EXPONENT_DIVISOR * p.sensor_slope_mv,
        )
}

/// Occupancies (or their time derivatives) of the ten states.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReleaseUnits {
    /// C_0 … C_4: closed, with 0 … 4 sensors activated.
    pub closed: [f64; LEVELS],
    /// O_0 … O_4: open, with 0 … 4 sensors activated.
    pub open: [f64; LEVELS],
}

impl ReleaseUnits {
    /// Total open fraction O_0 + … + O_4.
    #[inline]
    pub fn open_fraction(&self) -> f64 {
        self.open.iter().sum()
    }
}

/// Time derivatives (ms⁻¹) of the ten states at T-tubule potential
/// `v_tubule_mv` (CellML `sternrios` rate equations).
#[inline]
pub fn rates(p: &CalciumReleaseParams, v_tubule_mv: f64, units: &ReleaseUnits) -> ReleaseUnits {
    let k_c = k_c_per_ms(p, v_tubule_mv);
    let k_cm = k_cm_per_ms(p, v_tubule_mv);
    let f = p.allosteric_factor;
    let mut d = ReleaseUnits::default();
    for i in 0..LEVELS {
        let activated = i as f64;
        let resting = (SENSORS - i) as f64;
        let f_i = f.powi(i as i32);
        let (c, o) = (units.closed[i], units.open[i]);
        // Opening and closing at fixed sensor activation.
        let opening = p.k_l_per_ms / f_i * c - p.k_lm_per_ms * f_i * o;
        d.closed[i] -= opening;
        d.open[i] += opening;
        // One more sensor activated: i → i + 1.
        if i < SENSORS {
            let closed_flux = resting * k_c * c - (activated + 1.0) * k_cm * units.closed[i + 1];
            let open_flux =
                resting * k_c / f * o - (activated + 1.0) * f * k_cm * units.open[i + 1];
            d.closed[i] -= closed_flux;
            d.closed[i + 1] += closed_flux;
            d.open[i] -= open_flux;
            d.open[i + 1] += open_flux;
        }
    }
    d
}

/// Release flux i₂ ΣO (Ca_SR − Ca) from SR to myoplasm in µM·µm³/ms (CellML
/// term `i2 (O_0 + … + O_4)(Ca_SR1 − Ca_1)` of `razumova`).
#[inline]
pub fn release_flux_um_um3_per_ms(
    p: &CalciumReleaseParams,
    open_fraction: f64,
    ca_sr_um: f64,
    ca_myoplasm_um: f64,
) -> f64 {
    p.release_permeability_um3_per_ms * open_fraction * (ca_sr_um - ca_myoplasm_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> CalciumReleaseParams {
        CalciumReleaseParams::default()
    }

    fn some_units() -> ReleaseUnits {
        ReleaseUnits {
            closed: [0.41, 0.22, 0.13, 0.07, 0.03],
            open: [0.001, 0.004, 0.02, 0.05, 0.065],
        }
    }

    #[test]
    fn sensor_rates_at_the_published_tubule_potential() {
        // vT = −80.2 mV: k_C = 0.1 exp(−60.2/36), k_Cm = 0.1 exp(60.2/36).
        // Reference values: phydrax test of the Shorten CellML (see tests/it/validation_shorten2007.rs).
        assert!((k_c_per_ms(&p(), -80.2) - 0.018_782_920_328_967_5).abs() < 1e-15);
        assert!((k_cm_per_ms(&p(), -80.2) - 0.532_398_574_069_323_2).abs() < 1e-14);
        assert!((k_c_per_ms(&p(), -20.0) - 0.1).abs() < 1e-16);
    }

    #[test]
    fn ten_state_scheme_conserves_channels() {
        for v in [-90.0, -20.0, 30.0] {
            let d = rates(&p(), v, &some_units());
            let total: f64 = d.closed.iter().chain(d.open.iter()).sum();
            assert!(total.abs() < 1e-12, "v = {v}: Σ = {total}");
        }
    }

    #[test]
    fn rates_match_the_published_transition_list() {
        // Written out term by term as in the CellML for C_1 and O_2.
        let u = some_units();
        let (v, q) = (-35.0, p());
        let (kc, kcm, f, kl, klm) = (
            k_c_per_ms(&q, v),
            k_cm_per_ms(&q, v),
            q.allosteric_factor,
            q.k_l_per_ms,
            q.k_lm_per_ms,
        );
        let d = rates(&q, v, &u);
        let c = u.closed;
        let o = u.open;
        let d_c1 = 4.0 * kc * c[0] - kcm * c[1] - kl * c[1] / f + f * klm * o[1] - 3.0 * kc * c[1]
            + 2.0 * kcm * c[2];
        let d_o2 = 3.0 * kc * o[1] / f - 2.0 * f * kcm * o[2] + kl * c[2] / (f * f)
            - klm * f * f * o[2]
            - 2.0 * kc * o[2] / f
            + 3.0 * f * kcm * o[3];
        assert!((d.closed[1] - d_c1).abs() < 1e-12);
        assert!((d.open[2] - d_o2).abs() < 1e-12);
    }

    #[test]
    fn depolarization_opens_channels_at_steady_state() {
        // Relax the scheme at −90 and at +20 mV and compare the open fraction.
        let relax = |v: f64| {
            let mut u = ReleaseUnits {
                closed: [1.0, 0.0, 0.0, 0.0, 0.0],
                open: [0.0; LEVELS],
            };
            let dt = 1e-4;
            for _ in 0..200_000 {
                let d = rates(&p(), v, &u);
                for i in 0..LEVELS {
                    u.closed[i] += dt * d.closed[i];
                    u.open[i] += dt * d.open[i];
                }
            }
            u.open_fraction()
        };
        let rest = relax(-90.0);
        let active = relax(20.0);
        assert!(rest < 1e-5, "open at rest {rest}");
        assert!(active > 0.1, "open when depolarized {active}");
    }

    #[test]
    fn release_flux_follows_the_gradient() {
        assert_eq!(
            release_flux_um_um3_per_ms(&p(), 0.1, 1500.0, 0.1),
            300.0 * 0.1 * 1499.9
        );
        assert_eq!(release_flux_um_um3_per_ms(&p(), 0.0, 1500.0, 0.1), 0.0);
    }
}
