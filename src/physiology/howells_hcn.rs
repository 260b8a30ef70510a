//! Hyperpolarization-activated cyclic-nucleotide-gated current (HCN, I_h,
//! one gate q) of the internode of the human motor axon, as added to the
//! MRG axon by Gaines et al. 2018 from Howells, Trevillion, Bostock & Burke
//! 2012 (J Physiol 590:1625, "The voltage dependence of I_h in human
//! myelinated axons").
//!
//! ## Source
//! `gaines_internode_MYSA.mod` and `gaines_internode_FLUTSTIN.mod`
//! (wmglab-duke/ascent), constants `aqA … bqC`, `eq`, FUNCTIONs `vtrap5`,
//! `vtrap6`:
//! ```text
//! α_q = 0.00522 e^{(V + 107.3)/(−12.2)}      β_q = 0.00522 e^{−(V + 107.3)/(−12.2)}
//! I_h = ḡ_h q (V − E_h),   E_h = −54.9 mV
//! ```
//! ms⁻¹ at 36 °C, × 3^((T − 36)/10) (`q10_3`, Gaines' motor files in
//! nrv-framework/NRV; ASCENT's copies use 34 °C). q∞ has its midpoint at −107.3 mV and a
//! slope of 6.1 mV; τ_q peaks there at 1/(2·0.00522) = 95.8 ms (36 °C).

/// (α, β) of the gate (ms⁻¹).
pub type Rates = (f64, f64);

/// Q10 of both rates (`q10`).
pub const Q10: f64 = 3.0;
/// Temperature of the rates (°C; `q10_3 = 3^((celsius − 36)/10)` in Gaines' mysa/flut/stin_motor.mod, nrv-framework/NRV; ASCENT's copies take 34 °C).
pub const REFERENCE_TEMPERATURE_CELSIUS: f64 = 36.0;
/// Reversal potential of I_h (mV; `eq = −54.9`).
pub const REVERSAL_MV: f64 = -54.9;

/// The q gate at `v_mv`, 36 °C.
#[inline]
pub fn activation(v_mv: f64) -> Rates {
    let x = (v_mv + 107.3) / -12.2;
    (0.00522 * x.exp(), 0.00522 * (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_activation_at_minus_107_3_mv_and_rates_at_minus_80_by_hand() {
        let (a, b) = activation(-107.3);
        assert_eq!(a, b);
        // x = 27.3/−12.2 = −2.237705; α = 0.00522·0.106703 = 5.56990e-4; β = 0.00522·9.37180 = 0.0489208
        let (a, b) = activation(-80.0);
        assert!((a - 5.569_90e-4).abs() < 1e-8, "{a}");
        assert!((b - 0.048_920_8).abs() < 1e-6, "{b}");
    }
}
