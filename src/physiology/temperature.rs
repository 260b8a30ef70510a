//! Temperature scaling of rates by Q10 factors.
//!
//! A process with temperature coefficient Q10 runs φ = Q10^((T − T_ref)/10)
//! times faster at T than at the reference temperature T_ref at which its
//! rates were measured (Hodgkin & Huxley 1952, J Physiol 117:500, p. 519:
//! rates scaled with Q10 = 3 from 6.3 °C).

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
}
