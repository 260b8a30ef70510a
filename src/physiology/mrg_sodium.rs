//! Nodal Na⁺ gates of the McIntyre–Richardson–Grill (MRG) mammalian motor
//! axon as used for the human motor axon of Gaines et al. 2018: fast Na⁺
//! (m³h) and persistent Na⁺ (p³).
//!
//! ## Sources
//! McIntyre C.C., Richardson A.G. & Grill W.M. (2002) J Neurophysiol
//! 87:995–1006 (ModelDB 3810, `AXNODE.mod`); Gaines J.L., Finn K.E.,
//! Slopsema J.P., Heyboer L.A. & Polasek K.H. (2018) J Comput Neurosci
//! 45:29–43, NEURON file `node_motor.mod` (Jessica Gaines, nrv-framework/NRV
//! `nrv/_misc/mods/`), identical in these gates to the `gaines_node.mod` copy
//! in wmglab-duke/ascent (`src/neuron/MOD_Files/`), PARAMETER block
//! `ampA … bhC`, FUNCTIONs `vtrap1`, `vtrap2`, `vtrap6`–`vtrap9`).
//! Gaines et al. moved the fast activation midpoint constant `amB` from
//! MRG's 21.4 to 20.4 mV; everything else is MRG's.
//!
//! ```text
//! α_p = 0.01 (V + 27)/(1 − e^{−(V + 27)/10.2})        β_p = 0.00025 (−(V + 34))/(1 − e^{(V + 34)/10})
//! α_m = 1.86 (V + 20.4)/(1 − e^{−(V + 20.4)/10.3})    β_m = 0.086 (−(V + 25.7))/(1 − e^{(V + 25.7)/9.16})
//! α_h = 0.062 (−(V + 114))/(1 − e^{(V + 114)/11})     β_h = 2.3/(1 + e^{−(V + 31.8)/13.4})
//! ```
//! Rates in ms⁻¹ at 20 °C; the source multiplies m and p by 2.2^((T − 20)/10)
//! and h by 2.9^((T − 20)/10) (`gaines_node.mod` INITIAL, `q10_1`, `q10_2`).
//! The source's clamps below −150 mV and above +150 mV (constant rates
//! there) are not reproduced: the quotients here are exact at every finite V.
//! Validity: the range of the source's fits, about −120 to +50 mV.

use crate::physiology::rates::linoid;

/// (α, β) of one gate (ms⁻¹).
pub type Rates = (f64, f64);

/// Q10 of the activation gates m and p (`gaines_node.mod`, `q10_1 = 2.2^((celsius − 20)/10)`).
pub const ACTIVATION_Q10: f64 = 2.2;
/// Q10 of the inactivation gate h (`gaines_node.mod`, `q10_2 = 2.9^((celsius − 20)/10)`).
pub const INACTIVATION_Q10: f64 = 2.9;
/// Temperature of the rates before the Q10s (°C).
pub const REFERENCE_TEMPERATURE_CELSIUS: f64 = 20.0;

/// Persistent Na⁺ activation p at `v_mv`, 20 °C (`vtrap1`, `vtrap2`).
#[inline]
pub fn persistent_activation(v_mv: f64) -> Rates {
    (
        0.01 * linoid(v_mv + 27.0, 10.2),
        0.00025 * linoid(-(v_mv + 34.0), 10.0),
    )
}

/// Fast Na⁺ activation m at `v_mv`, 20 °C (`vtrap6`, `vtrap7`; `amB` = 20.4 of Gaines et al.).
#[inline]
pub fn fast_activation(v_mv: f64) -> Rates {
    (
        1.86 * linoid(v_mv + 20.4, 10.3),
        0.086 * linoid(-(v_mv + 25.7), 9.16),
    )
}

/// Fast Na⁺ inactivation h at `v_mv`, 20 °C (`vtrap8`, `vtrap9`).
#[inline]
pub fn fast_inactivation(v_mv: f64) -> Rates {
    (
        0.062 * linoid(-(v_mv + 114.0), 11.0),
        2.3 / (1.0 + (-(v_mv + 31.8) / 13.4).exp()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_at_minus_80_mv_match_the_formulas_by_hand() {
        // α_m = 1.86·(−59.6)/(1 − e^{59.6/10.3}) = −110.856/(1 − 325.84) = 0.341263
        // β_h = 2.3/(1 + e^{48.2/13.4}) = 2.3/(1 + 36.4888) = 0.0613511
        // α_p = 0.01·(−53)/(1 − e^{53/10.2}) = −0.53/(1 − 180.56) = 0.00295161
        let (am, _) = fast_activation(-80.0);
        let (_, bh) = fast_inactivation(-80.0);
        let (ap, _) = persistent_activation(-80.0);
        assert!((am - 0.341_263).abs() < 2e-6, "{am}");
        assert!((bh - 0.061_351_1).abs() < 2e-7, "{bh}");
        assert!((ap - 0.002_951_61).abs() < 2e-8, "{ap}");
    }

    #[test]
    fn rates_are_continuous_at_their_singular_voltages() {
        // α_m at V = −20.4 mV is A·C = 1.86·10.3 = 19.158 ms⁻¹.
        assert!((fast_activation(-20.4).0 - 19.158).abs() < 1e-9);
        let near = fast_activation(-20.4 + 1e-7).0;
        assert!((near - 19.158).abs() < 1e-5, "{near}");
        assert!((fast_inactivation(-114.0).0 - 0.062 * 11.0).abs() < 1e-12);
        assert!((persistent_activation(-34.0).1 - 0.00025 * 10.0).abs() < 1e-12);
    }
}
