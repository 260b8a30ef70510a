//! Fast K⁺ (Kf, Kv1-like, n⁴) of the human motor axon, nodal and
//! internodal, as added to the MRG axon by Gaines et al. 2018 from the human
//! axon model of Howells et al. 2012 (J Physiol 590:1625).
//!
//! ## Source
//! `gaines_node.mod`, `gaines_internode_MYSA.mod`,
//! `gaines_internode_FLUTSTIN.mod` (wmglab-duke/ascent), constants
//! `anA … bnC`, FUNCTIONs `vtrap12`/`vtrap13` (node) and `vtrap3`/`vtrap4`
//! (internode):
//! ```text
//! α_n = 0.0462 (V + 83.2)/(1 − e^{−(V + 83.2)/1.1})
//! β_n = 0.0824 (−66 − V)/(1 − e^{(V + 66)/10.5})
//! ```
//! ms⁻¹ at 36 °C, × 3^((T − 36)/10) (`q10_3` of Gaines' motor files in
//! nrv-framework/NRV; ASCENT's copies use 34 °C). I = ḡ n⁴ (V − E_K).

use crate::physiology::rates::linoid;

/// (α, β) of the gate (ms⁻¹).
pub type Rates = (f64, f64);

/// Q10 of both rates (`q10_4`, `q10`).
pub const Q10: f64 = 3.0;
/// Temperature of the rates (°C; `q10_3 = 3^((celsius − 36)/10)` in Gaines' node_motor.mod and internode files, nrv-framework/NRV; ASCENT's copies take 34 °C).
pub const REFERENCE_TEMPERATURE_CELSIUS: f64 = 36.0;

/// The n gate at `v_mv`, 36 °C.
#[inline]
pub fn activation(v_mv: f64) -> Rates {
    (
        0.0462 * linoid(v_mv + 83.2, 1.1),
        0.0824 * linoid(-66.0 - v_mv, 10.5),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_minus_80_mv_match_the_formulas_by_hand() {
        // α_n = 0.0462·3.2/(1 − e^{−3.2/1.1}) = 0.14784/(1 − 0.0545529) = 0.156366
        // β_n = 0.0824·14/(1 − e^{−14/10.5}) = 1.1536/(1 − 0.263597) = 1.566534
        let (a, b) = activation(-80.0);
        assert!((a - 0.156_366).abs() < 2e-6, "{a}");
        assert!((b - 1.566_534).abs() < 2e-5, "{b}");
    }

    #[test]
    fn alpha_is_continuous_at_minus_83_2_mv() {
        let at = activation(-83.2).0;
        assert!((at - 0.0462 * 1.1).abs() < 1e-12);
        assert!((activation(-83.2 + 1e-7).0 - at).abs() < 1e-8);
    }
}
