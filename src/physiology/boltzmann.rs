//! The Boltzmann steady-state curve x∞(V) = 1 / (1 + exp((V − θ)/κ)) of the
//! Booth, Rinzel & Kiehn 1997 motoneuron (J Neurophysiol 78:3371) and of the
//! persistent Na⁺ current of Powers et al. 2012, written as the sources
//! write it: κ < 0 for activation (x∞ rises with V), κ > 0 for inactivation.

/// 1 / (1 + exp((V − θ)/κ)); `theta_mv` the half-point, `kappa_mv` the signed slope.
#[inline]
pub fn boltzmann(v_mv: f64, theta_mv: f64, kappa_mv: f64) -> f64 {
    crate::physiology::rates::sigmoid(1.0, theta_mv - v_mv, kappa_mv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_at_theta_and_the_sign_of_kappa_sets_the_direction() {
        assert_eq!(boltzmann(-35.0, -35.0, -7.8), 0.5);
        // One slope above θ: 1/(1 + e^−1) = 0.731059 for activation, 0.268941 for inactivation.
        assert!((boltzmann(-27.2, -35.0, -7.8) - 0.731_059).abs() < 1e-6);
        assert!((boltzmann(-48.0, -55.0, 7.0) - 0.268_941).abs() < 1e-6);
    }
}
