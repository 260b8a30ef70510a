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
//! ## Option of the muscle fibre: Mg²⁺ at the regulatory sites
//! [`TroponinMagnesiumOption`] (`[parameters.troponin_magnesium] enabled =
//! true`; off by default, which leaves the published model bitwise
//! unchanged) lets the fibre's free bulk Mg²⁺ (state `Mg_2`, set initially by
//! `ions.mg_i_um`) compete at the troponin sites of the Shorten et al. 2007
//! Razumova scheme. Those sites are the regulatory ones: their K_d,
//! k_T,off/k_T,on = 0.115/0.04425 = 2.6 µM (CellML `razumova`), is of the
//! order of Potter & Gergely's Ca-specific sites (1/2×10⁵ M = 5 µM), not of
//! the Ca–Mg sites (0.05 µM), and their Ca²⁺ binding switches on the
//! crossbridges. Potter & Gergely 1975 find no Mg²⁺ binding there, Ogawa
//! 1985 finds K_Mg = 520 M⁻¹; the option takes Ogawa's value (with Potter &
//! Gergely's 0 it would do nothing).
//!
//! **Which rate:** the Ca²⁺ on-rate k_T,on (CellML `k_T_on`) of all four
//! binding steps T_0 → CaT → CaCaT and D_0 → D_1 → D_2, multiplied by
//! ```text
//! φ_Mg = (1 + K_Mg [Mg]_ref) / (1 + K_Mg [Mg_2])
//! ```
//! Why the on-rate: with competitive binding only a Mg-free site can take up
//! Ca²⁺, and a site that holds Ca²⁺ holds no Mg²⁺, so Mg²⁺ lowers the rate at
//! which Ca²⁺ binds (by the Mg-free fraction of the sites, 1/(1 + K_Mg\[Mg\]),
//! assuming Mg²⁺ binds and leaves these low-affinity sites fast compared with
//! Ca²⁺ binding) and leaves the Ca²⁺ off-rate k_T,off alone. At equilibrium
//! this raises the apparent K_d by exactly the multiplier above, so the
//! option is the equilibrium law of this module put into the kinetic scheme.
//! Why relative to \[Mg\]_ref = 1000 µM: the published k_T,on is the rate of
//! the model as published, whose free Mg²⁺ starts at 1000 µM; φ_Mg is 1
//! there, so the option changes only what a different Mg²⁺ does.
//!
//! ## Validity
//! Equilibrium only: it says how far binding moves, not how fast (the Mg²⁺
//! off-rate limits Ca²⁺ binding to Mg-loaded sites, as for parvalbumin in
//! [`crate::physiology::calcium_buffers`]). Isolated TnC in vitro; the
//! affinities in the thin filament differ. The fibre option further assumes
//! rapid Mg²⁺ exchange at the regulatory sites (no Mg–troponin state).

use crate::parameters;

/// µM per M.
const UM_PER_MOLAR: f64 = 1.0e6;

/// Mg²⁺ association constant of the low-affinity TnC sites, Ogawa 1985
/// (SCIENCE.md §5.2 \[ABS\]), M⁻¹.
const OGAWA_1985_LOW_SITES_K_MG_PER_MOLAR: f64 = 520.0;

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
            ca_specific_sites_k_mg_per_molar: OGAWA_1985_LOW_SITES_K_MG_PER_MOLAR,
        }
    }
}

parameters! {
    /// Option of the muscle fibre: free Mg²⁺ competes with Ca²⁺ at troponin's
    /// regulatory sites by scaling the Ca²⁺ on-rate k_T,on (module documentation).
    pub struct TroponinMagnesiumOption {
        /// Mg²⁺ association constant K_Mg of the regulatory sites.
        regulatory_sites_k_mg_per_molar: f64 = OGAWA_1985_LOW_SITES_K_MG_PER_MOLAR, "M⁻¹", 0.0..=1.0e9, "Ogawa 1985, TnC low-affinity sites (SCIENCE.md §5.2 (ABS)); Potter & Gergely 1975 find none (0)";
        /// Free Mg²⁺ at which the published k_T,on applies unchanged.
        reference_mg_um: f64 = 1000.0, "µM", 0.0..=1.0e5, "Shorten et al. 2007 CellML initial free Mg1 = Mg2 = 1000 µM";
    }
    switches {
        /// `true`: bulk free Mg²⁺ scales k_T,on; `false` (default): the published model.
        enabled: bool;
    }
}

/// Factor φ_Mg = (1 + K_Mg\[Mg\]_ref)/(1 + K_Mg\[Mg\]) of the troponin Ca²⁺
/// on-rate at free `mg_um` (µM): 1 at the reference, below 1 above it.
#[inline]
pub fn on_rate_factor(p: &TroponinMagnesiumOption, mg_um: f64) -> f64 {
    apparent_kd_multiplier(p.regulatory_sites_k_mg_per_molar, p.reference_mg_um)
        / apparent_kd_multiplier(p.regulatory_sites_k_mg_per_molar, mg_um)
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
    fn the_on_rate_factor_is_one_at_the_reference_and_falls_with_magnesium() {
        let option = TroponinMagnesiumOption::default();
        assert!(!option.enabled);
        assert_eq!(on_rate_factor(&option, 1000.0), 1.0);
        // By hand: (1 + 520·1e-3)/(1 + 520·3e-3) = 1.52/2.56 = 0.59375.
        assert!((on_rate_factor(&option, 3000.0) - 0.593_75).abs() < 1e-12);
        assert!(on_rate_factor(&option, 500.0) > 1.0);
        // At equilibrium the apparent K_d rises by the inverse factor, the
        // multiplier of the Ogawa 1985 low sites relative to 1 mM.
        let ogawa = TroponinMagnesiumParams::ogawa_1985();
        let relative = regulatory_sites_multiplier(&ogawa, 3000.0)
            / regulatory_sites_multiplier(&ogawa, 1000.0);
        assert!((1.0 / on_rate_factor(&option, 3000.0) - relative).abs() < 1e-12);
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
