//! Ca²⁺–Mg²⁺ competition at the binding sites of troponin C: how myoplasmic
//! free Mg²⁺ lowers the Ca²⁺ occupancy of troponin, expressed as a
//! multiplier of the apparent Ca²⁺ dissociation constant.
//!
//! ## What it models
//! Skeletal troponin C has two high-affinity "Ca–Mg" sites, where Mg²⁺
//! competes with Ca²⁺, and two low-affinity "Ca-specific" (regulatory)
//! sites, whose Ca²⁺ binding switches on contraction. With competitive
//! binding at equilibrium (association constants K in M⁻¹):
//! ```text
//! occupancy_Ca = K_Ca [Ca] / (1 + K_Ca [Ca] + K_Mg [Mg])
//! K_d,app(Ca)  = (1/K_Ca) · (1 + K_Mg [Mg])        multiplier = 1 + K_Mg [Mg]
//! ```
//! A site to which Mg²⁺ does not bind has K_Mg = 0 and multiplier 1.
//!
//! ## Parameter sets (association constants, M⁻¹)
//! | set | sites | K_Ca | K_Mg |
//! |---|---|---|---|
//! | Potter & Gergely 1975 (default) | Ca–Mg | 2×10⁷ | 5×10³ |
//! | | Ca-specific | 2×10⁵ | 0 (does not bind) |
//! | Ogawa 1985 ([`TroponinMagnesiumParams::ogawa_1985`]) | high | 4.5×10⁶ | 1000 |
//! | | low | 6.4×10⁴ | 520 |
//!
//! Potter & Gergely 1975 (J Biol Chem 250:4628, abstract; ../shared/SCIENCE.md
//! §5.2 \[ABS\]): isolated TnC; with 2 mM Mg²⁺ the Ca–Mg sites' apparent
//! constant drops to 2×10⁶ M⁻¹ (the formula gives 2×10⁷/11 = 1.8×10⁶).
//! Ogawa 1985 (SCIENCE.md §5.2 \[ABS\], full reference not recorded there):
//! Mg²⁺ also competes at the low-affinity sites. SCIENCE.md §5.2 estimates
//! for the regulatory sites, with K_Mg 200–500 M⁻¹ and free Mg 0.5–1 mM, a
//! multiplier of only ~1.1–1.5×; Ogawa's 520 M⁻¹ at 1 mM gives 1.52×.
//!
//! ## Validity
//! Equilibrium only: it says how far binding moves, not how fast (the Mg²⁺
//! off-rate limits Ca²⁺ binding to Mg-loaded sites, as for parvalbumin in
//! [`crate::physiology::calcium_buffers`]). Isolated TnC in vitro; the
//! affinities in the thin filament differ.

use crate::parameters;

/// µM per M.
const UM_PER_MOLAR: f64 = 1.0e6;

parameters! {
    /// Ca²⁺ and Mg²⁺ association constants of the two classes of troponin C sites.
    pub struct TroponinMagnesiumParams {
        /// Ca²⁺ association constant of the Ca–Mg (high-affinity) sites.
        ca_mg_sites_k_ca_per_molar: f64 = 2.0e7, "M⁻¹", 0.0..=1.0e12, "Potter & Gergely 1975, J Biol Chem 250:4628, abstract (TnC Ca–Mg sites)";
        /// Mg²⁺ association constant of the Ca–Mg sites (competitive).
        ca_mg_sites_k_mg_per_molar: f64 = 5.0e3, "M⁻¹", 0.0..=1.0e9, "Potter & Gergely 1975, abstract (TnC Ca–Mg sites)";
        /// Ca²⁺ association constant of the Ca-specific (regulatory) sites.
        ca_specific_sites_k_ca_per_molar: f64 = 2.0e5, "M⁻¹", 0.0..=1.0e12, "Potter & Gergely 1975, abstract (TnC Ca-specific sites)";
        /// Mg²⁺ association constant of the Ca-specific sites (0: does not bind).
        ca_specific_sites_k_mg_per_molar: f64 = 0.0, "M⁻¹", 0.0..=1.0e9, "Potter & Gergely 1975, abstract: Mg does not bind the Ca-specific sites";
    }
}

impl TroponinMagnesiumParams {
    /// The alternative constants of Ogawa 1985 (SCIENCE.md §5.2 \[ABS\]):
    /// high sites K_Ca 4.5×10⁶, K_Mg 1000 M⁻¹; low sites K_Ca 6.4×10⁴,
    /// K_Mg 520 M⁻¹.
    pub fn ogawa_1985() -> Self {
        Self {
            ca_mg_sites_k_ca_per_molar: 4.5e6,
            ca_mg_sites_k_mg_per_molar: 1000.0,
            ca_specific_sites_k_ca_per_molar: 6.4e4,
            ca_specific_sites_k_mg_per_molar: 520.0,
        }
    }
}

/// Fraction of sites with Ca²⁺ bound, K_Ca\[Ca\]/(1 + K_Ca\[Ca\] + K_Mg\[Mg\]),
/// with association constants in M⁻¹ and concentrations in µM.
#[inline]
pub fn calcium_occupancy(k_ca_per_molar: f64, k_mg_per_molar: f64, ca_um: f64, mg_um: f64) -> f64 {
    let ca_term = k_ca_per_molar * ca_um / UM_PER_MOLAR;
    let mg_term = k_mg_per_molar * mg_um / UM_PER_MOLAR;
    ca_term / (1.0 + ca_term + mg_term)
}

/// Factor 1 + K_Mg\[Mg\] by which free Mg²⁺ (µM) raises the apparent Ca²⁺
/// dissociation constant of a site.
#[inline]
pub fn apparent_kd_multiplier(k_mg_per_molar: f64, mg_um: f64) -> f64 {
    1.0 + k_mg_per_molar * mg_um / UM_PER_MOLAR
}

/// Apparent Ca²⁺ dissociation constant (1/K_Ca)(1 + K_Mg\[Mg\]) in µM.
#[inline]
pub fn apparent_kd_ca_um(k_ca_per_molar: f64, k_mg_per_molar: f64, mg_um: f64) -> f64 {
    UM_PER_MOLAR / k_ca_per_molar * apparent_kd_multiplier(k_mg_per_molar, mg_um)
}

/// Apparent-K_d multiplier of the Ca–Mg (high-affinity) sites at free `mg_um`.
#[inline]
pub fn ca_mg_sites_multiplier(p: &TroponinMagnesiumParams, mg_um: f64) -> f64 {
    apparent_kd_multiplier(p.ca_mg_sites_k_mg_per_molar, mg_um)
}

/// Apparent-K_d multiplier of the Ca-specific (regulatory) sites at free `mg_um`.
#[inline]
pub fn regulatory_sites_multiplier(p: &TroponinMagnesiumParams, mg_um: f64) -> f64 {
    apparent_kd_multiplier(p.ca_specific_sites_k_mg_per_molar, mg_um)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> TroponinMagnesiumParams {
        TroponinMagnesiumParams::default()
    }

    #[test]
    fn more_magnesium_raises_the_apparent_kd_and_lowers_occupancy() {
        let p = p();
        let kd = |mg| {
            apparent_kd_ca_um(
                p.ca_mg_sites_k_ca_per_molar,
                p.ca_mg_sites_k_mg_per_molar,
                mg,
            )
        };
        // By hand: 1/2e7 M = 0.05 µM without Mg; ×(1 + 5e3 · 1e-3) = 0.3 µM at 1 mM.
        assert!((kd(0.0) - 0.05).abs() < 1e-12);
        assert!((kd(1000.0) - 0.3).abs() < 1e-12);
        assert!(kd(2000.0) > kd(1000.0));
        let occupancy = |mg| {
            calcium_occupancy(
                p.ca_mg_sites_k_ca_per_molar,
                p.ca_mg_sites_k_mg_per_molar,
                0.1,
                mg,
            )
        };
        assert!(occupancy(1000.0) < occupancy(500.0));
        // Half occupancy exactly at the apparent K_d.
        let half = calcium_occupancy(
            p.ca_mg_sites_k_ca_per_molar,
            p.ca_mg_sites_k_mg_per_molar,
            kd(1000.0),
            1000.0,
        );
        assert!((half - 0.5).abs() < 1e-12);
    }

    #[test]
    fn potter_gergely_two_millimolar_magnesium_value() {
        // Abstract: with 2 mM Mg the Ca–Mg sites drop to 2×10⁶ M⁻¹ (one
        // significant figure); the formula gives 2×10⁷/11 = 1.82×10⁶.
        let apparent_k = p().ca_mg_sites_k_ca_per_molar / ca_mg_sites_multiplier(&p(), 2000.0);
        assert!((apparent_k - 2.0e7 / 11.0).abs() < 1e-6);
        assert!((apparent_k - 2.0e6).abs() < 0.25e6, "{apparent_k}");
    }

    #[test]
    fn calcium_specific_sites_ignore_magnesium() {
        let p = p();
        assert_eq!(regulatory_sites_multiplier(&p, 0.0), 1.0);
        assert_eq!(regulatory_sites_multiplier(&p, 5000.0), 1.0);
        let at = |mg| {
            calcium_occupancy(
                p.ca_specific_sites_k_ca_per_molar,
                p.ca_specific_sites_k_mg_per_molar,
                5.0,
                mg,
            )
        };
        // K_d = 5 µM, so 5 µM Ca fills half the sites whatever the Mg.
        assert!((at(0.0) - 0.5).abs() < 1e-12);
        assert_eq!(at(0.0), at(3000.0));
    }

    #[test]
    fn regulatory_multiplier_at_one_millimolar_is_small() {
        // SCIENCE.md §5.2: K_Mg 200–500 M⁻¹ at free Mg 0.5–1 mM gives ~1.1–1.5×.
        for k_mg in [200.0, 500.0] {
            for mg_um in [500.0, 1000.0] {
                let m = apparent_kd_multiplier(k_mg, mg_um);
                assert!((1.1..=1.5).contains(&m), "K_Mg {k_mg}, Mg {mg_um}: {m}");
            }
        }
        // Ogawa 1985 low sites, 520 M⁻¹ at 1 mM: 1.52 by hand, just above that range.
        let ogawa = regulatory_sites_multiplier(&TroponinMagnesiumParams::ogawa_1985(), 1000.0);
        assert!((ogawa - 1.52).abs() < 1e-12);
        // Against the Ca–Mg sites of either set, where Mg competes strongly.
        assert!(ca_mg_sites_multiplier(&p(), 1000.0) > 5.0);
        assert!(ca_mg_sites_multiplier(&TroponinMagnesiumParams::ogawa_1985(), 1000.0) > ogawa);
    }
}
