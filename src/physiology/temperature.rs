//! Temperature scaling of rates by Q10 factors.
//!
//! A process with temperature coefficient Q10 runs φ = Q10^((T − T_ref)/10)
//! times faster at T than at the reference temperature T_ref at which its
//! rates were measured (Hodgkin & Huxley 1952, J Physiol 117:500, p. 519:
//! rates scaled with Q10 = 3 from 6.3 °C).
//!
//! ## Per-process Q10 factors of the muscle fibre
//! [`SenneffLoweryQ10Params`] holds the factors with which Senneff & Lowery
//! 2021 (J Theor Biol 519:110656; MATLAB `Run_Fast_Twitch_Model.m` of
//! `SageanneS/excitation-contraction-coupling`, ../shared/SCIENCE.md §2.2)
//! run the 20 °C Wallinga/Shorten fibre at 37 °C: gating rates multiply by
//! φ, maximal conductances and the pump by their own φ, the internal and
//! luminal conductivities by theirs (so R_i and R_a divide by it), and C_m
//! by its φ. [`SenneffLoweryQ10Params::factors_at`] gives every φ at one
//! temperature; at the reference temperature they are all 1.

use crate::parameters;

parameters! {
    /// Q10 factors of Senneff & Lowery 2021, referenced to 20 °C.
    pub struct SenneffLoweryQ10Params {
        /// Temperature at which the unscaled model's values apply.
        reference_temperature_celsius: f64 = 19.85, "°C", 0.0..=45.0, "Senneff & Lowery 2021 (SCIENCE.md §2.2) reference their Q10 factors to '20 °C', the Wallinga/Shorten T = 293 K = 19.85 °C";
        /// Q10 of the internal (myoplasmic) and luminal (T-tubule) conductivities.
        conductivity_q10: f64 = 1.37, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the membrane capacitance C_m.
        membrane_capacitance_q10: f64 = 1.02, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of K⁺ channel gating rates (delayed rectifier, inward rectifier gating).
        k_gating_q10: f64 = 2.5, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of Na⁺ channel gating rates.
        na_gating_q10: f64 = 2.3, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the maximal Na⁺ conductance g_Na.
        g_na_q10: f64 = 1.5, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the maximal delayed-rectifier K⁺ conductance g_K.
        g_k_q10: f64 = 1.5, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the maximal Cl⁻ conductance g_Cl.
        g_cl_q10: f64 = 1.5, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the maximal inward-rectifier conductance g_Kir.
        g_kir_q10: f64 = 1.55, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
        /// Q10 of the Na⁺/K⁺ pump's maximal rate.
        pump_q10: f64 = 1.0, "1", 0.5..=5.0, "Senneff & Lowery 2021, Run_Fast_Twitch_Model.m (SCIENCE.md §2.2)";
    }
}

/// The factors φ = Q10^((T − T_ref)/10) of [`SenneffLoweryQ10Params`] at
/// one temperature, field by field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SenneffLoweryFactors {
    /// Multiplies the internal and luminal conductivities.
    pub conductivity: f64,
    /// Multiplies C_m.
    pub membrane_capacitance: f64,
    /// Multiplies K⁺ gating rates.
    pub k_gating: f64,
    /// Multiplies Na⁺ gating rates.
    pub na_gating: f64,
    /// Multiplies g_Na.
    pub g_na: f64,
    /// Multiplies g_K.
    pub g_k: f64,
    /// Multiplies g_Cl.
    pub g_cl: f64,
    /// Multiplies g_Kir.
    pub g_kir: f64,
    /// Multiplies the pump's maximal rate.
    pub pump: f64,
}

impl SenneffLoweryQ10Params {
    /// Every factor at `temperature_celsius`.
    pub fn factors_at(&self, temperature_celsius: f64) -> SenneffLoweryFactors {
        let phi = |q10| q10_factor(q10, temperature_celsius, self.reference_temperature_celsius);
        SenneffLoweryFactors {
            conductivity: phi(self.conductivity_q10),
            membrane_capacitance: phi(self.membrane_capacitance_q10),
            k_gating: phi(self.k_gating_q10),
            na_gating: phi(self.na_gating_q10),
            g_na: phi(self.g_na_q10),
            g_k: phi(self.g_k_q10),
            g_cl: phi(self.g_cl_q10),
            g_kir: phi(self.g_kir_q10),
            pump: phi(self.pump_q10),
        }
    }
}

/// The factor φ = q10^((t − t_ref)/10); 1 at the reference temperature.
#[inline]
pub fn q10_factor(q10: f64, temperature_celsius: f64, reference_celsius: f64) -> f64 {
    q10.powf((temperature_celsius - reference_celsius) / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factor_is_one_at_reference_and_q10_ten_degrees_above() {
        assert_eq!(q10_factor(3.0, 6.3, 6.3), 1.0);
        assert!((q10_factor(3.0, 16.3, 6.3) - 3.0).abs() < 1e-12);
        assert!((q10_factor(3.0, -3.7, 6.3) - 1.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn senneff_lowery_factors_are_one_at_293_k_and_the_q10_ten_degrees_above() {
        let p = SenneffLoweryQ10Params::default();
        let as_list = |f: SenneffLoweryFactors| {
            [
                f.conductivity,
                f.membrane_capacitance,
                f.k_gating,
                f.na_gating,
                f.g_na,
                f.g_k,
                f.g_cl,
                f.g_kir,
                f.pump,
            ]
        };
        // SCIENCE.md §2.2 table, in the field order above.
        let q10s = [1.37, 1.02, 2.5, 2.3, 1.5, 1.5, 1.5, 1.55, 1.0];
        for factor in as_list(p.factors_at(19.85)) {
            assert_eq!(factor, 1.0);
        }
        for (factor, q10) in as_list(p.factors_at(29.85)).into_iter().zip(q10s) {
            assert!((factor - q10).abs() < 1e-12, "{factor} vs {q10}");
        }
        // 37 °C by hand for Na gating: 2.3^1.715 = exp(1.715 · 0.83291) = 4.1722.
        assert!((p.factors_at(37.0).na_gating - 4.1722).abs() < 1e-4);
    }
}
