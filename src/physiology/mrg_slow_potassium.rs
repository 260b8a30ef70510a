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
//! Internode (MYSA, FLUT, STIN): `gaines_internode_MYSA.mod` and
//! `gaines_internode_FLUTSTIN.mod`, FUNCTIONs `vtrap1`, `vtrap2`, the same
//! constants **without** the `vtraub` offset:
//! ```text
//! α_s = 0.3/(1 + e^{(V − 27)/(−5)})     β_s = 0.03/(1 + e^{(V + 10)/(−1)})
//! ```
//! rates × 3^((T − 34)/10) (`q10` with `t_howells = 34`). This is a quirk of
//! the published files, kept here as published: 80 mV to the right of the
//! nodal gate, the internodal s sits at s∞ ≈ 1 with a time constant of
//! about 10⁹ ms at rest, so the internodal Ks acts as a fixed conductance to
//! E_K. Both rates in ms⁻¹.

/// (α, β) of the gate (ms⁻¹).
pub type Rates = (f64, f64);

/// Q10 of both forms (`gaines_node.mod` `q10_3`; internode files `q10`).
pub const Q10: f64 = 3.0;
/// Reference temperature of the nodal form (°C; `gaines_node.mod`, `q10_3 = 3^((celsius − 36)/10)`).
pub const NODE_REFERENCE_TEMPERATURE_CELSIUS: f64 = 36.0;
/// Reference temperature of the internodal form (°C; `t_howells = 34`).
pub const INTERNODE_REFERENCE_TEMPERATURE_CELSIUS: f64 = 34.0;
/// MRG's offset to the "Traub convention" (mV; `vtraub = −80`).
const V_TRAUB_MV: f64 = -80.0;

/// Nodal s gate at `v_mv`, at its reference temperature (36 °C).
#[inline]
pub fn node_activation(v_mv: f64) -> Rates {
    internode_activation(v_mv - V_TRAUB_MV)
}

/// Internodal s gate at `v_mv`, at its reference temperature (34 °C).
#[inline]
pub fn internode_activation(v_mv: f64) -> Rates {
    (
        0.3 / (1.0 + ((v_mv - 27.0) / -5.0).exp()),
        0.03 / (1.0 + ((v_mv + 10.0) / -1.0).exp()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodal_rates_at_minus_80_mv_match_the_formulas_by_hand() {
        // α_s = 0.3/(1 + e^{27/5}) = 0.3/(1 + 221.406) = 0.00134889
        // β_s = 0.03/(1 + e^{−10}) = 0.0299986
        let (a, b) = node_activation(-80.0);
        assert!((a - 0.001_348_89).abs() < 1e-8, "{a}");
        assert!((b - 0.029_998_6).abs() < 1e-7, "{b}");
    }

    #[test]
    fn the_internodal_gate_is_the_nodal_one_80_mv_to_the_right() {
        assert_eq!(internode_activation(-30.0), node_activation(-110.0));
        let (a, b) = internode_activation(-80.0);
        assert!(a / (a + b) > 0.999_999, "s∞ = {}", a / (a + b));
    }
}
