//! Slow K⁺ (Ks, KCNQ-like, one gate s) of the MRG motor axon: the nodal
//! form of McIntyre et al. 2002 and the internodal form of Gaines et al. 2018.
//!
//! ## Sources
//! Node: McIntyre, Richardson & Grill 2002 (J Neurophysiol 87:995; ModelDB
//! 3810), as in `gaines_node.mod` (wmglab-duke/ascent), FUNCTIONs `vtrap10`,
//! `vtrap11`, with `vtraub = −80`:
//! ```text
//! α_s = 0.3/(1 + e^{(V − vtraub − 27)/(−5)}) = 0.3/(1 + e^{−(V + 53)/5})
//! β_s = 0.03/(1 + e^{(V − vtraub + 10)/(−1)}) = 0.03/(1 + e^{−(V + 90)})
//! ```
//! rates × 3^((T − 36)/10) (`q10_3`).
//!
//! Internode (MYSA, FLUT, STIN): the same gate, with the `vtraub` offset
//! and 3^((T − 36)/10), in Jessica Gaines' own `mysa_motor.mod`,
//! `flut_motor.mod`, `stin_motor.mod` (nrv-framework/NRV `nrv/_misc/mods`,
//! PROCEDURE `evaluate_fct`: `v2 = v − vtraub`, `a = q10_3·asA/(Exp((v2 + asB)/asC) + 1)`).
//! ASCENT's copies (`gaines_internode_MYSA.mod`, `_FLUTSTIN.mod`, `vtrap1`,
//! `vtrap2`) drop the offset (their `v2` is computed and unused) and take
//! 34 °C; that would put the internodal gate 80 mV to the right, fully open
//! at rest with τ ≈ 10⁹ ms. Both rates in ms⁻¹.

/// (α, β) of the gate (ms⁻¹).
pub type Rates = (f64, f64);

/// Q10 of the gate (`q10_3` in every Gaines motor file).
pub const Q10: f64 = 3.0;
/// Reference temperature (°C; `q10_3 = 3^((celsius − 36)/10)`, node and internode).
pub const REFERENCE_TEMPERATURE_CELSIUS: f64 = 36.0;
/// MRG's offset to the "Traub convention" (mV; `vtraub = −80`).
const V_TRAUB_MV: f64 = -80.0;

/// The s gate at `v_mv`, at its reference temperature (36 °C).
#[inline]
pub fn activation(v_mv: f64) -> Rates {
    let v2 = v_mv - V_TRAUB_MV;
    (
        0.3 / (1.0 + ((v2 - 27.0) / -5.0).exp()),
        0.03 / (1.0 + ((v2 + 10.0) / -1.0).exp()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodal_rates_at_minus_80_mv_match_the_formulas_by_hand() {
        // α_s = 0.3/(1 + e^{27/5}) = 0.3/(1 + 221.406) = 0.00134889
        // β_s = 0.03/(1 + e^{−10}) = 0.0299986
        let (a, b) = activation(-80.0);
        assert!((a - 0.001_348_89).abs() < 1e-8, "{a}");
        assert!((b - 0.029_998_6).abs() < 1e-7, "{b}");
    }
}
