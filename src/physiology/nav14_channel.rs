//! NaV1.4, the skeletal-muscle Na⁺ channel of the Cannon-lab muscle fibre:
//! HH activation m³, fast inactivation h with a non-inactivating fraction
//! f, slow inactivation s with a pedestal, and a GHK open-channel current.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) pp. 3–5; parameters from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9 (cells C129–C166, wild type):
//!
//! ```text
//! I_Na   = m³ s [h (1 − f) + f] · I_Na,open(V)                   (PDF p. 3)
//! I_Na,open = GHK current of Na⁺ with P_Na                       (PDF p. 3)
//! m∞³    = G(V) = 1/(1 + exp(−(V − V_m)/k_m)),  τ_m = 1/(α_m + β_m)
//!          α_m type 3 (0.2875, −46, 10), β_m type 1 (1.375, −46, 18)
//! h∞     = 1/(1 + exp((V − V_h)/k_h)),        τ_h = 1/(α_h + β_h)
//!          α_h type 2 (0.508, −110, −9.97), β_h type 2 (3.272, −26.2, 9.09)
//! s∞     = s0 + (1 − s0)/(1 + exp((V − V_s)/k_s))                (Hayward, Brown & Cannon 1997)
//!          τ_s = 1/(α_s + β_s), α_s type 1 (4.04e−6, 0, 21.1), β_s type 2 (7.36e−4, −16.6, 21.2)
//! ```
//! (rate types in [`crate::physiology::hh_rate_types`]; each gate relaxes
//! to its fitted x∞ with the HH τ.) The file gives no V for α_s (only
//! `AlphaBarS` C158 and `KAlphaS` C160), so P1 = 0 there.
//!
//! f = 0.003 (FrNI, C153) is the fraction of channels without fast
//! inactivation: Cannon, Brown & Corey 1993 (Biophys J 65:270) found
//! repetitive firing once the steady-state P_open exceeds 0.0075.
//!
//! ## Shifts and temperature
//! `shift_mv` is added to every V½ of the gates (a divalent surface-charge
//! shift): the gates are evaluated at V − shift. `phi` multiplies every rate
//! (Q10 of the rate constants, 2.5 in the file, C10).
//!
//! ## Validity
//! Rates fitted at room temperature (the file's T = 295 K, C6).

use crate::parameters;
use crate::physiology::hh_rate_types::{
    boltzmann_falling, boltzmann_rising, exponential, linear_exponential, relax_per_ms, sigmoid,
};

parameters! {
    /// NaV1.4 gating and permeability (wild type).
    pub struct Nav14Params {
        /// Na⁺ permeability P_Na of the open channel.
        p_na_cm_per_s: f64 = 1.02e-4, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C80 'PNa sodium channel'";
        /// α_m P0 (type 3).
        alpha_m_per_ms: f64 = 0.2875, "1/ms", 0.0..=100.0, "xlsx v9 C130 AlphaBarM";
        /// α_m P1.
        alpha_m_v_mv: f64 = -46.0, "mV", -200.0..=200.0, "xlsx v9 C131 ValphaBarM";
        /// α_m P2.
        alpha_m_k_mv: f64 = 10.0, "mV", -200.0..=200.0, "xlsx v9 C132 KalphaM";
        /// β_m P0 (type 1).
        beta_m_per_ms: f64 = 1.375, "1/ms", 0.0..=100.0, "xlsx v9 C134 BetaBarM";
        /// β_m P1.
        beta_m_v_mv: f64 = -46.0, "mV", -200.0..=200.0, "xlsx v9 C135 VBetaBarM";
        /// β_m P2.
        beta_m_k_mv: f64 = 18.0, "mV", -200.0..=200.0, "xlsx v9 C136 KBetaM";
        /// V_m of the Boltzmann fit of G(V) = m∞³.
        v_m_mv: f64 = -41.0, "mV", -200.0..=200.0, "xlsx v9 C138 Vm";
        /// k_m of the Boltzmann fit of G(V).
        k_m_mv: f64 = 4.3, "mV", 0.1..=100.0, "xlsx v9 C139 Km";
        /// α_h P0 (type 2).
        alpha_h_per_ms: f64 = 0.508, "1/ms", 0.0..=100.0, "xlsx v9 C143 AlphaBarH";
        /// α_h P1.
        alpha_h_v_mv: f64 = -110.0, "mV", -200.0..=200.0, "xlsx v9 C144 ValphaBarH (= −102.5 − 7.5)";
        /// α_h P2 (negative: α_h falls with V).
        alpha_h_k_mv: f64 = -9.97, "mV", -200.0..=200.0, "xlsx v9 C145 KalphaH";
        /// β_h P0 (type 2).
        beta_h_per_ms: f64 = 3.272, "1/ms", 0.0..=100.0, "xlsx v9 C147 BetaBarH";
        /// β_h P1.
        beta_h_v_mv: f64 = -26.2, "mV", -200.0..=200.0, "xlsx v9 C148 VBetaBarH (= −18.7 − 7.5)";
        /// β_h P2.
        beta_h_k_mv: f64 = 9.09, "mV", -200.0..=200.0, "xlsx v9 C149 KbetaH";
        /// V_h of the Boltzmann fit of h∞.
        v_h_mv: f64 = -80.0, "mV", -200.0..=200.0, "xlsx v9 C151 Vh";
        /// k_h of the Boltzmann fit of h∞.
        k_h_mv: f64 = 5.37, "mV", 0.1..=100.0, "xlsx v9 C152 Kh";
        /// Fraction f of channels that do not fast-inactivate.
        fraction_non_inactivating: f64 = 0.003, "1", 0.0..=1.0, "xlsx v9 C153 FrNI";
        /// α_s P0 (type 1, P1 = 0).
        alpha_s_per_ms: f64 = 4.04e-6, "1/ms", 0.0..=1.0, "xlsx v9 C158 AlphaBarS (Hayward, Brown & Cannon 1997)";
        /// α_s P2.
        alpha_s_k_mv: f64 = 21.1, "mV", -200.0..=200.0, "xlsx v9 C160 KAlphaS";
        /// β_s P0 (type 2).
        beta_s_per_ms: f64 = 7.36e-4, "1/ms", 0.0..=1.0, "xlsx v9 C159 BetaBarS";
        /// β_s P1.
        beta_s_v_mv: f64 = -16.6, "mV", -200.0..=200.0, "xlsx v9 C162 VBetaS";
        /// β_s P2.
        beta_s_k_mv: f64 = 21.2, "mV", -200.0..=200.0, "xlsx v9 C161 KBetaS";
        /// V_s of the Boltzmann fit of s∞.
        v_s_mv: f64 = -59.0, "mV", -200.0..=200.0, "xlsx v9 C164 Vs";
        /// k_s of the Boltzmann fit of s∞.
        k_s_mv: f64 = 10.6, "mV", 0.1..=100.0, "xlsx v9 C165 Ks";
        /// Pedestal s0 of s∞ (the fraction never slow-inactivated).
        s_pedestal: f64 = 0.115, "1", 0.0..=1.0, "xlsx v9 C166 Fs (pedistal); Hayward, Brown & Cannon 1997, Biophys J 72:1204";
    }
}

/// m∞ = G(V)^(1/3), G the Boltzmann fit of the peak conductance (PDF p. 5).
#[inline]
pub fn m_inf(p: &Nav14Params, v_mv: f64) -> f64 {
    boltzmann_rising(v_mv, p.v_m_mv, p.k_m_mv).cbrt()
}

/// h∞ (PDF p. 4, Boltzmann fit).
#[inline]
pub fn h_inf(p: &Nav14Params, v_mv: f64) -> f64 {
    boltzmann_falling(v_mv, p.v_h_mv, p.k_h_mv)
}

/// s∞ = s0 + (1 − s0)/(1 + exp((V − V_s)/k_s)) (PDF p. 4).
#[inline]
pub fn s_inf(p: &Nav14Params, v_mv: f64) -> f64 {
    p.s_pedestal + (1.0 - p.s_pedestal) * boltzmann_falling(v_mv, p.v_s_mv, p.k_s_mv)
}

/// dm/dt, dh/dt, ds/dt (ms⁻¹) at `v_mv`, with the gating `shift_mv` and the
/// rate factor `phi`.
#[inline]
pub fn gate_rates_per_ms(
    p: &Nav14Params,
    v_mv: f64,
    shift_mv: f64,
    phi: f64,
    m: f64,
    h: f64,
    s: f64,
) -> (f64, f64, f64) {
    let v = v_mv - shift_mv;
    let alpha_m = linear_exponential(p.alpha_m_per_ms, p.alpha_m_v_mv, p.alpha_m_k_mv, v);
    let beta_m = exponential(p.beta_m_per_ms, p.beta_m_v_mv, p.beta_m_k_mv, v);
    let alpha_h = sigmoid(p.alpha_h_per_ms, p.alpha_h_v_mv, p.alpha_h_k_mv, v);
    let beta_h = sigmoid(p.beta_h_per_ms, p.beta_h_v_mv, p.beta_h_k_mv, v);
    let alpha_s = exponential(p.alpha_s_per_ms, 0.0, p.alpha_s_k_mv, v);
    let beta_s = sigmoid(p.beta_s_per_ms, p.beta_s_v_mv, p.beta_s_k_mv, v);
    (
        relax_per_ms(m, m_inf(p, v), alpha_m, beta_m, phi),
        relax_per_ms(h, h_inf(p, v), alpha_h, beta_h, phi),
        relax_per_ms(s, s_inf(p, v), alpha_s, beta_s, phi),
    )
}

/// P_open = m³ s [h (1 − f) + f] (PDF p. 3).
#[inline]
pub fn open_probability(p: &Nav14Params, m: f64, h: f64, s: f64) -> f64 {
    let f = p.fraction_non_inactivating;
    m * m * m * s * (h * (1.0 - f) + f)
}

/// Steady-state P_open at `v_mv` (no shift): the quantity whose threshold
/// 0.0075 Cannon, Brown & Corey 1993 give for repetitive firing.
pub fn steady_state_open_probability(p: &Nav14Params, v_mv: f64) -> f64 {
    open_probability(p, m_inf(p, v_mv), h_inf(p, v_mv), s_inf(p, v_mv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_states_by_hand() {
        let p = Nav14Params::default();
        // m∞³ at V_m is 1/2; h∞ at V_h is 1/2; s∞ at V_s is s0 + (1 − s0)/2.
        assert!((m_inf(&p, -41.0).powi(3) - 0.5).abs() < 1e-12);
        assert_eq!(h_inf(&p, -80.0), 0.5);
        assert!((s_inf(&p, -59.0) - 0.5575).abs() < 1e-12);
        // Far depolarized, s∞ → the pedestal, and P_open → f·s0 = 0.003·0.115.
        assert!((steady_state_open_probability(&p, 40.0) - 0.003 * 0.115).abs() < 1e-5);
    }

    #[test]
    fn fast_inactivation_is_millisecond_and_slow_inactivation_second_scale() {
        let p = Nav14Params::default();
        // At −20 mV from h = 1: rate = (h∞ − 1)(α + β); τ_h = 1/(α_h + β_h).
        let (_, dh, ds) = gate_rates_per_ms(&p, -20.0, 0.0, 1.0, 0.0, 1.0, 1.0);
        let tau_h = (h_inf(&p, -20.0) - 1.0) / dh;
        let tau_s = (s_inf(&p, -20.0) - 1.0) / ds;
        assert!(tau_h > 0.2 && tau_h < 2.0, "τ_h = {tau_h}");
        assert!(tau_s > 1000.0 && tau_s < 10000.0, "τ_s = {tau_s}");
    }

    #[test]
    fn a_shift_moves_the_gates_along_the_voltage_axis() {
        let p = Nav14Params::default();
        let shifted = gate_rates_per_ms(&p, -60.0, 5.0, 1.0, 0.1, 0.5, 0.9);
        let plain = gate_rates_per_ms(&p, -65.0, 0.0, 1.0, 0.1, 0.5, 0.9);
        assert_eq!(shifted, plain);
    }
}
