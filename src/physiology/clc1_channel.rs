//! ClC-1, the muscle Cl⁻ channel of the Cannon-lab fibre: a gate c times a
//! GHK open-channel current with a surface-charge offset.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 6; parameters from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9, C90, C91 and C240–C247:
//!
//! ```text
//! I_Cl,open = P_Cl (V − V′) F²/RT · ([Cl]_o e^{V′F/RT} − [Cl]_i e^{−(V−V′)F/RT}) / (1 − e^{−(V−V′)F/RT})
//! I_Cl      = c · I_Cl,open
//! dc/dt     = α_c (1 − c) − β_c c,  α_c type 2 (0.03, −50, 41), β_c type 2 (0.16, −90, 25)
//! ```
//! V′ = −120 mV is a surface potential that lowers [Cl]_o at the membrane,
//! giving the mild inward rectification DiFranco, Herrera & Vergara 2011
//! (J Gen Physiol 137:21) measured; it changes the curvature, not the
//! reversal potential (E_Cl). Positive current = Cl⁻ flowing in.
//!
//! The PDF prints α_c as α/(1 + e^{+(V − V_α)/k_α}); the file's type 2 is
//! α/(1 + e^{−(V − V_α)/k_α}) with k_α = +41 mV. The file is what the
//! program reads, so the file's form is used (c∞ ≈ 0.09–0.15 from −150 to 0 mV).
//! The divalent gating shifts are not applied to ClC-1 (the model has none).

use crate::parameters;
use crate::physiology::ghk::ghk_current_ua_per_cm2;
use crate::physiology::hh_rate_types::sigmoid;

parameters! {
    /// ClC-1 gating and permeability.
    pub struct Clc1Params {
        /// Cl⁻ permeability P_Cl of the open channel.
        p_cl_cm_per_s: f64 = 8e-4, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C90 'PCl chloride channel'";
        /// Surface potential V′ of the open-channel IV.
        surface_potential_mv: f64 = -120.0, "mV", -300.0..=0.0, "xlsx v9 C91 'V surface charge chloride channel'; DiFranco et al. 2011";
        /// α_c P0 (type 2).
        alpha_per_ms: f64 = 0.03, "1/ms", 0.0..=100.0, "xlsx v9 C241 AlphaBarC";
        /// α_c P1.
        alpha_v_mv: f64 = -50.0, "mV", -200.0..=200.0, "xlsx v9 C242 ValphaBarC";
        /// α_c P2.
        alpha_k_mv: f64 = 41.0, "mV", -200.0..=200.0, "xlsx v9 C243 KalphaC";
        /// β_c P0 (type 2).
        beta_per_ms: f64 = 0.16, "1/ms", 0.0..=100.0, "xlsx v9 C245 BetaBarC";
        /// β_c P1.
        beta_v_mv: f64 = -90.0, "mV", -200.0..=200.0, "xlsx v9 C246 VbetaBarC";
        /// β_c P2.
        beta_k_mv: f64 = 25.0, "mV", -200.0..=200.0, "xlsx v9 C247 KbetaC";
    }
}

/// (α_c, β_c) in ms⁻¹ at `v_mv`.
#[inline]
fn rates_per_ms(p: &Clc1Params, v_mv: f64) -> (f64, f64) {
    (
        sigmoid(p.alpha_per_ms, p.alpha_v_mv, p.alpha_k_mv, v_mv),
        sigmoid(p.beta_per_ms, p.beta_v_mv, p.beta_k_mv, v_mv),
    )
}

/// c∞ = α_c/(α_c + β_c).
pub fn c_inf(p: &Clc1Params, v_mv: f64) -> f64 {
    let (alpha, beta) = rates_per_ms(p, v_mv);
    alpha / (alpha + beta)
}

/// dc/dt (ms⁻¹), rates multiplied by `phi`.
#[inline]
pub fn gate_rate_per_ms(p: &Clc1Params, v_mv: f64, phi: f64, c: f64) -> f64 {
    let (alpha, beta) = rates_per_ms(p, v_mv);
    phi * (alpha * (1.0 - c) - beta * c)
}

/// I_Cl,open (µA/cm², positive outward) for permeability `p_cm_per_s`.
///
/// The PDF's expression is the z = −1 GHK current at V − V′ with the
/// concentrations [Cl]_i and [Cl]_o e^{V′F/RT}: multiplying its numerator
/// and denominator by −e^{(V−V′)F/RT} gives exactly that form.
#[inline]
pub fn open_current_ua_per_cm2(
    p_cm_per_s: f64,
    surface_potential_mv: f64,
    v_mv: f64,
    cl_in_mm: f64,
    cl_out_mm: f64,
    faraday_c_per_mol: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    let cl_out_surface = cl_out_mm * (surface_potential_mv * f_over_rt_per_mv).exp();
    ghk_current_ua_per_cm2(
        p_cm_per_s,
        v_mv - surface_potential_mv,
        cl_in_mm,
        cl_out_surface,
        -1.0,
        faraday_c_per_mol,
        f_over_rt_per_mv,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physiology::ghk::nernst_mv;

    const FRT: f64 = 96480.0 / (8314.0 * 295.0);

    #[test]
    fn open_current_is_the_pdf_expression_and_reverses_at_e_cl() {
        let (cl_i, cl_o, vp) = (5.674, 103.9, -120.0);
        for v in [-100.0, -60.0, 0.0, 30.0] {
            let d = (v - vp) * FRT;
            let pdf =
                8e-4 * (v - vp) * 96480.0 * FRT * (cl_o * (vp * FRT).exp() - cl_i * (-d).exp())
                    / (1.0 - (-d).exp());
            let ours = open_current_ua_per_cm2(8e-4, vp, v, cl_i, cl_o, 96480.0, FRT);
            assert!(
                (ours - pdf).abs() < 1e-9 * pdf.abs(),
                "{v}: {ours} vs {pdf}"
            );
        }
        let e_cl = nernst_mv(cl_o, cl_i, -1.0, FRT);
        assert!(open_current_ua_per_cm2(8e-4, vp, e_cl, cl_i, cl_o, 96480.0, FRT).abs() < 1e-9);
    }

    #[test]
    fn gate_is_mostly_closed_at_every_voltage_with_the_file_s_rates() {
        let p = Clc1Params::default();
        for v in [-150.0, -90.0, -50.0, 0.0] {
            let c = c_inf(&p, v);
            assert!(c > 0.05 && c < 0.2, "c∞({v}) = {c}");
            assert!(gate_rate_per_ms(&p, v, 1.0, c).abs() < 1e-15);
        }
    }
}
