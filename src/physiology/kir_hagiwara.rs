//! The inward rectifier (Kir2.x) of the Cannon-lab muscle fibre, whose
//! rectification follows V − E_K (Hagiwara & Takahashi 1974), with the
//! Standen–Stanfield block as an alternative.
//!
//! ## What it models
//! `Cannon-Lab/Muscle-Fiber-Simulation`, `docs/Simulated Muscle Fiber.pdf`
//! (July 2024) p. 5; parameters from `muscle_sim/Muscle_Default_Params.xlsx`
//! v9, C86 and C251–C260:
//!
//! ```text
//! I_Kir = r(V, [K]) · I_K,open(V),   r = [1 + exp((V − E_K − V_IR)/ν)]⁻¹      (Hagiwara)
//! ```
//! instantaneous, with I_K,open the GHK current of K⁺ with P_Kir. The K⁺
//! dependence of rectification enters through E_K, as the PDF stresses.
//!
//! The file also lists a Standen & Stanfield model (d 0.2, K_K 950 mM²,
//! K_s 1 mM, S 36 mM; "Use Hagiwara Model" = true by default). The PDF does
//! not print it; it is taken here as the Wallinga et al. 1999 block term
//! ([`crate::physiology::inward_rectifier::open_fraction`], with δ = d,
//! S_i = S) as the open probability of the same GHK current, without
//! Wallinga's K_R²/(K_K + K_R²) conductance factor (which would scale the
//! shared P_Kir by ~0.02). That reading is this crate's: it is an option,
//! never the default.

use serde::{Deserialize, Serialize};

use crate::parameters;
use crate::physiology::inward_rectifier::{InwardRectifierParams, k_r_mm, open_fraction};

/// Which rectification the Kir uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum KirForm {
    /// Hagiwara & Takahashi: r follows V − E_K (the file's default, C251).
    #[default]
    Hagiwara,
    /// Standen & Stanfield block against absolute V (xlsx C257–C260).
    StandenStanfield,
}

parameters! {
    /// Inward rectifier permeability and rectification.
    pub struct KirHagiwaraParams {
        /// K⁺ permeability P_K of the open channel.
        p_k_cm_per_s: f64 = 4.35e-6, "cm/s", 0.0..=1.0, "Cannon-lab Muscle_Default_Params.xlsx v9, C86 'PK inward rectifier'";
        /// Offset V_IR of rectification from E_K.
        v_ir_mv: f64 = 0.0, "mV", -100.0..=100.0, "xlsx v9 C254 Vkir";
        /// Steepness ν of rectification.
        nu_mv: f64 = 12.0, "mV", 0.1..=100.0, "xlsx v9 C255 Kkir";
        /// Standen–Stanfield electrical distance d (option only).
        ss_delta: f64 = 0.2, "1", 0.0..=1.0, "xlsx v9 C257 d";
        /// Standen–Stanfield K_K (option only).
        ss_k_k_mm2: f64 = 950.0, "mM²", 0.0001..=1.0e6, "xlsx v9 C258 KK";
        /// Standen–Stanfield K_s (option only; the file says mM, Wallinga's K_S is mM²).
        ss_k_s_mm2: f64 = 1.0, "mM²", 0.0..=1.0e6, "xlsx v9 C259 Ks";
        /// Standen–Stanfield blocker concentration S (option only).
        ss_s_mm: f64 = 36.0, "mM", 0.0001..=1000.0, "xlsx v9 C260 S";
    }
    switches {
        /// Rectification: `hagiwara` (default) or `standen-stanfield`.
        form: KirForm;
    }
}

/// Open probability r at `v_mv` with external K⁺ `k_out_mm` (for the
/// Standen–Stanfield form) and Nernst potential `e_k_mv`.
#[inline]
pub fn open_probability(
    p: &KirHagiwaraParams,
    v_mv: f64,
    k_out_mm: f64,
    e_k_mv: f64,
    f_over_rt_per_mv: f64,
) -> f64 {
    match p.form {
        KirForm::Hagiwara => 1.0 / (1.0 + ((v_mv - e_k_mv - p.v_ir_mv) / p.nu_mv).exp()),
        KirForm::StandenStanfield => {
            let block = InwardRectifierParams {
                delta: p.ss_delta,
                k_k_mm2: p.ss_k_k_mm2,
                k_s_mm2: p.ss_k_s_mm2,
                s_i_mm: p.ss_s_mm,
                ..Default::default()
            };
            let k_r = k_r_mm(&block, k_out_mm, e_k_mv, f_over_rt_per_mv);
            open_fraction(&block, v_mv, k_r, f_over_rt_per_mv)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRT: f64 = 96480.0 / (8314.0 * 295.0);

    #[test]
    fn hagiwara_rectification_is_half_at_e_k_and_moves_with_it() {
        let p = KirHagiwaraParams::default();
        assert_eq!(open_probability(&p, -89.0, 4.5, -89.0, FRT), 0.5);
        // 12 mV above E_K: 1/(1 + e) by hand.
        let r = open_probability(&p, -77.0, 4.5, -89.0, FRT);
        assert!((r - 1.0 / (1.0 + std::f64::consts::E)).abs() < 1e-12);
        // Lower K (E_K −120 mV): the same V is further above E_K, so less open.
        assert!(open_probability(&p, -77.0, 1.0, -120.0, FRT) < r);
    }

    #[test]
    fn standen_stanfield_option_rectifies_against_absolute_voltage() {
        let p = KirHagiwaraParams {
            form: KirForm::StandenStanfield,
            ..Default::default()
        };
        let deep = open_probability(&p, -120.0, 4.5, -89.0, FRT);
        let shallow = open_probability(&p, -60.0, 4.5, -89.0, FRT);
        assert!(deep > shallow && shallow > 0.0 && deep < 1.0);
    }
}
