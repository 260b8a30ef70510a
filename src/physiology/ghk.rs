//! Electrodiffusion: the GHK-shaped driving term of Wallinga et al. 1999 and
//! the Nernst potential.
//!
//! ## What it models
//! Wallinga et al. 1999 (Eur Biophys J 28:317) write every open-channel
//! current of the rat muscle fibre as a conductance times a driving term
//! shaped like the Goldman–Hodgkin–Katz current equation, divided by a
//! reference concentration so that it has the unit of a voltage. Shorten,
//! O'Callaghan, Davidson & Soboleva 2007 (J Muscle Res Cell Motil 28:293)
//! keep this form; their CellML (`shorten_ocallaghan_davidson_soboleva_2007.cellml`,
//! component `wal_environment` and the `*_channel` components) writes it as
//!
//! ```text
//! J_X(V) = V (X_i − X_o e^{−z V F/RT}) / (1 − e^{−z V F/RT})     [mV·mM]
//! E_X    = (RT / zF) ln(X_o / X_i)                                [mV]
//! ```
//!
//! J_X is 0/0 at V = 0 (limit (RT/zF)(X_i − X_o)); it is evaluated through
//! [`exprelr`] so it stays exact there.
//!
//! ## Parameters
//! The physical constants of the CellML (`RR`, `TT`, `FF` in
//! `wal_environment`): R = 8314.41 mJ/(K·mol), T = 293 K, F = 96485 C/mol.
//! With R in mJ, RT/F comes out in mV (25.25 mV at 293 K).
//!
//! ## Validity
//! Ideal dilute solutions; constant-field membrane. The CellML runs at 20 °C.

use crate::parameters;
use crate::physiology::rates::exprelr;

parameters! {
    /// Physical constants and temperature that set RT/F.
    pub struct ThermodynamicParams {
        /// Gas constant R, in mJ so that RT/F is in mV.
        gas_constant_mj_per_k_per_mol: f64 = 8314.41, "mJ/(K·mol)", 8000.0..=8700.0, "Shorten et al. 2007 CellML, wal_environment RR";
        /// Faraday constant F.
        faraday_c_per_mol: f64 = 96485.0, "C/mol", 90000.0..=100000.0, "Shorten et al. 2007 CellML, wal_environment FF";
        /// Absolute temperature T.
        temperature_k: f64 = 293.0, "K", 263.0..=323.0, "Shorten et al. 2007 CellML, wal_environment TT (20 °C)";
    }
}

impl ThermodynamicParams {
    /// F/(RT) in mV⁻¹ (0.039606 mV⁻¹ with the CellML constants).
    #[inline]
    pub fn f_over_rt_per_mv(&self) -> f64 {
        self.faraday_c_per_mol / (self.gas_constant_mj_per_k_per_mol * self.temperature_k)
    }
}

/// Nernst potential E_X = (RT/zF) ln(X_o/X_i) in mV, for valence `z` and
/// F/(RT) in mV⁻¹. Wallinga 1999; CellML `E_K = (RR TT/FF) ln(K_e/K_i)`.
#[inline]
pub fn nernst_mv(x_out_mm: f64, x_in_mm: f64, z: f64, f_over_rt_per_mv: f64) -> f64 {
    (x_out_mm / x_in_mm).ln() / (z * f_over_rt_per_mv)
}

/// GHK-shaped driving term J_X = V (X_i − X_o e^{−zVF/RT}) / (1 − e^{−zVF/RT})
/// in mV·mM (Wallinga et al. 1999; CellML `J_K`, `J_Na`, `J_Cl`), for
/// valence `z` (+1 for K and Na, −1 for Cl) and F/(RT) in mV⁻¹.
///
/// Outward (positive) when the ion flows out of the cell. Written as
/// (X_i − X_o e^{−u}) · exprelr(u) / (zF/RT) with u = zVF/RT, which equals
/// the published quotient and is finite at V = 0.
#[inline]
pub fn ghk_driving_term_mv_mm(
    v_mv: f64,
    x_in_mm: f64,
    x_out_mm: f64,
    z: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    let zeta = z * f_over_rt_per_mv;
    let u = zeta * v_mv;
    (x_in_mm - x_out_mm * (-u).exp()) * exprelr(u) / zeta
}

/// GHK current equation I_X = P_X z² (V F²/RT) (X_i − X_o e^{−zVF/RT}) / (1 − e^{−zVF/RT})
/// in µA/cm², positive outward: the open-channel current of every channel of
/// the Cannon-lab muscle fibre (`Cannon-Lab/Muscle-Fiber-Simulation`,
/// `docs/Simulated Muscle Fiber.pdf`, July 2024, p. 3).
///
/// Written as P z² F (F/RT) · [`ghk_driving_term_mv_mm`]: with P in cm/s, F
/// in C/mol, F/RT in mV⁻¹ and concentrations in mM (10⁻⁶ mol/cm³), the
/// product is in 10⁻⁶ A/cm² = µA/cm².
#[inline]
pub fn ghk_current_ua_per_cm2(
    p_cm_per_s: f64,
    v_mv: f64,
    x_in_mm: f64,
    x_out_mm: f64,
    z: f64,
    faraday_c_per_mol: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    p_cm_per_s
        * z
        * z
        * faraday_c_per_mol
        * f_over_rt_per_mv
        * ghk_driving_term_mv_mm(v_mv, x_in_mm, x_out_mm, z, f_over_rt_per_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frt() -> f64 {
        ThermodynamicParams::default().f_over_rt_per_mv()
    }

    #[test]
    fn rt_over_f_at_20_celsius_is_25_25_mv() {
        // 8314.41 · 293 / 96485 = 25.248714 mV.
        assert!(
            (1.0 / frt() - 25.248_714).abs() < 1e-6,
            "RT/F = {}",
            1.0 / frt()
        );
    }

    #[test]
    fn driving_term_matches_the_published_quotient_away_from_zero() {
        for v in [-120.0, -80.0, -1.0, 0.5, 30.0] {
            for z in [1.0, -1.0] {
                let e = (-z * v * frt()).exp();
                let direct = v * (150.9 - 5.9 * e) / (1.0 - e);
                let ours = ghk_driving_term_mv_mm(v, 150.9, 5.9, z, frt());
                assert!(
                    (ours - direct).abs() < 1e-12 * direct.abs(),
                    "v = {v}, z = {z}"
                );
            }
        }
    }

    #[test]
    fn driving_term_is_continuous_at_zero_voltage() {
        // Limit at V = 0: (RT/zF)(X_i − X_o).
        let limit = (150.9 - 5.9) / frt();
        assert!((ghk_driving_term_mv_mm(0.0, 150.9, 5.9, 1.0, frt()) - limit).abs() < 1e-10);
        // Slope at V = 0: (X_i + X_o)/2 mM.
        let up = ghk_driving_term_mv_mm(1e-7, 150.9, 5.9, 1.0, frt());
        let down = ghk_driving_term_mv_mm(-1e-7, 150.9, 5.9, 1.0, frt());
        assert!((up - down - 2e-7 * (150.9 + 5.9) / 2.0).abs() < 1e-10);
    }

    #[test]
    fn driving_term_vanishes_at_the_nernst_potential() {
        for (x_in, x_out, z) in [(150.9, 5.9, 1.0), (12.7, 133.0, 1.0), (4.0, 120.0, -1.0)] {
            let e = nernst_mv(x_out, x_in, z, frt());
            assert!(
                ghk_driving_term_mv_mm(e, x_in, x_out, z, frt()).abs() < 1e-9,
                "E = {e}"
            );
        }
    }

    #[test]
    fn nernst_potential_of_the_published_potassium_state() {
        // E_K = 25.248714 · ln(5.9/150.9) = −81.8479 mV (CellML initial K_e, K_i).
        let e_k = nernst_mv(5.9, 150.9, 1.0, frt());
        assert!((e_k + 81.847_87).abs() < 1e-4, "E_K = {e_k}");
    }

    #[test]
    fn ghk_current_by_hand_for_sodium_at_minus_20_mv() {
        // P 1e-4 cm/s, F 96480, RT/F 25.42 mV: u = −20/25.42;
        // I = P F (Na_i − Na_o e^{−u}) u/(1 − e^{−u}).
        let frt = 1.0 / 25.42;
        let u: f64 = -20.0 * frt;
        let by_hand = 1e-4 * 96480.0 * (7.0 - 138.0 * (-u).exp()) * u / (1.0 - (-u).exp());
        let ours = ghk_current_ua_per_cm2(1e-4, -20.0, 7.0, 138.0, 1.0, 96480.0, frt);
        assert!(
            (ours - by_hand).abs() < 1e-9 * by_hand.abs(),
            "{ours} vs {by_hand}"
        );
        // Chloride flowing in (z = −1) is an outward current above E_Cl.
        assert!(ghk_current_ua_per_cm2(1e-4, 0.0, 5.0, 100.0, -1.0, 96480.0, frt) > 0.0);
    }
}
