//! Divalent cations and membrane surface charge: how external Ca²⁺ and Mg²⁺
//! move the voltage dependence of Na⁺ and K⁺ channel gating.
//!
//! ## What it models
//! Fixed negative charges near the channels' voltage sensors make the outer
//! surface potential ψ₀ negative. Divalent cations screen and bind those
//! charges, making ψ₀ less negative, so the field inside the membrane looks
//! like a hyperpolarization and the gating curves move to more positive
//! potentials. Lowering Ca²⁺ does the opposite: channels open at more negative
//! potentials, the mechanism of hypocalcaemic hyperexcitability (tetany).
//!
//! Two forms are offered, chosen by the switch `mode` of
//! [`SurfaceChargeParams`] (`[parameters.surface_charge] mode = "empirical"`
//! or `"grahame"` in a muscle-fibre scenario); [`gating_shifts_mv`] applies
//! the chosen one.
//!
//! **Empirical (`mode = "empirical"`, default).** A logarithmic shift with a measured slope:
//! ```text
//! ΔV = S · log10( (Ca + Mg/r) / (Ca_ref + Mg_ref/r) )          [mV]
//! ```
//! - S, mV per tenfold change of divalents. Na activation: Hille, Woodhull &
//!   Shapiro 1975 (Phil Trans R Soc B 270:301, abstract, PubMed 238230),
//!   frog node: "+20 to +25 mV" per tenfold increase of any divalent ion, and
//!   −18 mV on removing 2 mM Ca. K gating: Costantin 1968 (J Physiol 195:119,
//!   abstract; attribution of the scilit abstract to this paper unverified),
//!   frog muscle: contraction and K-conductance thresholds move ~4 mV per
//!   threefold change, 4/log10(3) = 8.4 mV per decade; the same abstract says
//!   the Na threshold is "much more sensitive".
//! - r, how many mM of Mg²⁺ act like 1 mM of Ca²⁺. Hille et al. 1975 rank
//!   the potency Ba = Sr < Mg < Ca, so r > 1; the value 2 is a placeholder
//!   (not read in a source; ../shared/SCIENCE.md §4.1 quotes 2–4 as unverified).
//! - Ca_ref, Mg_ref: the solution in which the shifted gating was measured.
//!   The defaults are normal human ionized values (SCIENCE.md §6: ionized Ca
//!   1.15–1.33 mM; §3.1 uses Ca 1.2 / Mg 0.5 as "normal").
//!
//! **Grahame (Gouy–Chapman) mode (`mode = "grahame"`).** Pure screening of a uniform smeared
//! charge density σ by the bulk ions, no binding. ψ₀ solves the Grahame
//! equation (Grahame 1947, Chem Rev 41:441; as used by Hille et al. 1975):
//! ```text
//! σ² = 2 ε_r ε₀ R T Σ_i c_i (exp(−z_i F ψ₀ / RT) − 1)
//! ```
//! with c_i in mol/m³ (= mM), σ in C/m², ψ₀ with the sign of σ. The right
//! side is convex in ψ₀ with its minimum 0 at ψ₀ = 0 (for an electroneutral
//! bulk), so on the side of σ it is monotonic and a bracketed bisection
//! always converges. At physiological ionic strength this gives only 1–3 mV
//! for clinical changes of Ca (SCIENCE.md §4.1 \[COMP\] table, reproduced in
//! the tests): the measured 20–25 mV/decade needs binding of divalents or
//! charge close to the sensor, so the empirical form is the default. Na⁺ and
//! K⁺ gating see the same ψ₀ in this mode (one smeared charge; the empirical
//! mode's separate slopes S_Na and S_K have no counterpart), relative to ψ₀
//! in the reference solution Ca_ref / Mg_ref of [`SurfaceChargeParams`].
//!
//! ## Sign convention
//! Both forms return the shift ΔV to **add to every half-activation and
//! half-inactivation voltage** of the channel (equivalently: evaluate the
//! unshifted rate functions at V − ΔV). Raising divalents gives ΔV > 0: gating
//! moves to more positive potentials. In the Grahame form
//! ΔV = ψ₀(test) − ψ₀(reference).
//!
//! ## Validity
//! Empirical form: divalent concentrations where the log law was measured
//! (Hille 1975: about 0.2 to 20 mM; Costantin: Ca 0.2–10, Mg 5.4–90 mM);
//! it diverges as Ca + Mg/r → 0 (Hille measured a finite −18 mV at zero
//! divalents), so concentrations must stay positive. Grahame form: a planar
//! uniformly charged surface, point ions, no binding.

use crate::parameters;

/// Elementary charge e (CODATA 2018, exact), C.
const ELEMENTARY_CHARGE_C: f64 = 1.602_176_634e-19;
/// Vacuum permittivity ε₀ (CODATA 2018), F/m.
const VACUUM_PERMITTIVITY_F_PER_M: f64 = 8.854_187_812_8e-12;
/// Gas constant R (CODATA 2018, exact), J/(K·mol).
const GAS_CONSTANT_J_PER_K_PER_MOL: f64 = 8.314_462_618;
/// Faraday constant F (CODATA 2018, exact), C/mol.
const FARADAY_C_PER_MOL: f64 = 96_485.332_12;
/// 0 °C in kelvin.
const ZERO_CELSIUS_K: f64 = 273.15;
/// 1 e/nm² in C/m².
const C_PER_M2_PER_E_PER_NM2: f64 = ELEMENTARY_CHARGE_C * 1.0e18;
/// |Fψ/RT| beyond which no bracket is sought (about 2 V at 37 °C).
const MAX_REDUCED_POTENTIAL: f64 = 80.0;

parameters! {
    /// Empirical divalent-cation gating shift for Na⁺ and K⁺ channels.
    pub struct SurfaceChargeParams {
        /// Shift of Na⁺ channel gating per tenfold change of effective divalents, S_Na.
        na_slope_mv_per_decade: f64 = 20.0, "mV/decade", 0.0..=50.0, "Hille, Woodhull & Shapiro 1975, Phil Trans R Soc B 270:301, abstract: +20 to +25 mV per tenfold divalent change (lower end)";
        /// Shift of K⁺ channel gating per tenfold change of effective divalents, S_K.
        k_slope_mv_per_decade: f64 = 8.4, "mV/decade", 0.0..=50.0, "Costantin 1968, J Physiol 195:119, abstract: ~4 mV per threefold change of divalents (4/log10 3)";
        /// Relative potency r: r mM of Mg²⁺ shift gating as much as 1 mM of Ca²⁺.
        mg_potency_ratio: f64 = 2.0, "1", 1.0..=100.0, "placeholder; Hille et al. 1975 abstract only ranks Mg < Ca (SCIENCE.md §4.1, unverified 2–4)";
        /// Ionized Ca²⁺ of the solution in which the channel's gating was measured.
        ca_ref_mm: f64 = 1.2, "mM", 0.01..=100.0, "normal human ionized Ca (SCIENCE.md §6: 1.15–1.33 mM)";
        /// Ionized Mg²⁺ of the solution in which the channel's gating was measured.
        mg_ref_mm: f64 = 0.5, "mM", 0.0..=100.0, "normal human ionized Mg (SCIENCE.md §3.1 normal: Ca 1.2 / Mg 0.5)";
    }
    switches {
        /// Which law gives the shift: `empirical` (default) or `grahame`.
        mode: SurfaceChargeMode;
    }
}

/// The law of the divalent gating shift (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SurfaceChargeMode {
    /// S·log10 of the effective divalents, slopes S_Na and S_K (Hille 1975; Costantin 1968).
    #[default]
    Empirical,
    /// Gouy–Chapman–Grahame screening of a smeared charge, no binding ([`GrahameParams`]).
    Grahame,
}

/// Gating shifts (mV, add to V½) of one membrane's channels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GatingShifts {
    /// Na⁺ channel gates (m, h, S).
    pub na_mv: f64,
    /// Delayed-rectifier K⁺ gates (n, h_K).
    pub k_mv: f64,
}

parameters! {
    /// Gouy–Chapman–Grahame screening of a smeared surface charge.
    pub struct GrahameParams {
        /// Surface charge density σ (negative for acidic groups).
        surface_charge_e_per_nm2: f64 = -0.9, "e/nm²", -5.0..=5.0, "Hille, Woodhull & Shapiro 1975 abstract: acid group of pKa 2.88 at −0.9 e/nm²";
        /// Relative permittivity ε_r of the aqueous phase.
        relative_permittivity: f64 = 74.0, "1", 1.0..=100.0, "water at 37 °C (≈74); the value of the SCIENCE.md §4.1 (COMP) table";
        /// Monovalent salt concentration (cation and its anion, e.g. NaCl + KCl).
        monovalent_salt_mm: f64 = 145.0, "mM", 0.0..=1000.0, "saline of the SCIENCE.md §4.1 (COMP) table";
    }
}

/// Effective divalent concentration Ca + Mg/r in mM.
#[inline]
pub fn effective_divalent_mm(ca_mm: f64, mg_mm: f64, mg_potency_ratio: f64) -> f64 {
    ca_mm + mg_mm / mg_potency_ratio
}

/// Empirical gating shift ΔV = S·log10((Ca + Mg/r)/(Ca_ref + Mg_ref/r)) in mV,
/// to add to half-activation voltages (positive when divalents rise).
#[inline]
pub fn divalent_gating_shift_mv(
    slope_mv_per_decade: f64,
    p: &SurfaceChargeParams,
    ca_mm: f64,
    mg_mm: f64,
) -> f64 {
    let test = effective_divalent_mm(ca_mm, mg_mm, p.mg_potency_ratio);
    let reference = effective_divalent_mm(p.ca_ref_mm, p.mg_ref_mm, p.mg_potency_ratio);
    slope_mv_per_decade * (test / reference).log10()
}

/// Shift of Na⁺ channel gating (mV, add to V½) at ionized `ca_mm`, `mg_mm`.
#[inline]
pub fn na_gating_shift_mv(p: &SurfaceChargeParams, ca_mm: f64, mg_mm: f64) -> f64 {
    divalent_gating_shift_mv(p.na_slope_mv_per_decade, p, ca_mm, mg_mm)
}

/// Shift of K⁺ channel gating (mV, add to V½) at ionized `ca_mm`, `mg_mm`.
#[inline]
pub fn k_gating_shift_mv(p: &SurfaceChargeParams, ca_mm: f64, mg_mm: f64) -> f64 {
    divalent_gating_shift_mv(p.k_slope_mv_per_decade, p, ca_mm, mg_mm)
}

/// Na⁺ and K⁺ gating shifts at ionized `ca_mm`, `mg_mm` by the law `p.mode`
/// selects; `grahame` and `temperature_celsius` serve the Grahame mode.
///
/// `None` only when the Grahame equation has no root (see
/// [`grahame_surface_potential_mv`]), which cannot happen for parameters in
/// their declared ranges: a reference Ca_ref > 0 and the balancing anion
/// always supply counter-ions.
pub fn gating_shifts_mv(
    p: &SurfaceChargeParams,
    grahame: &GrahameParams,
    ca_mm: f64,
    mg_mm: f64,
    temperature_celsius: f64,
) -> Option<GatingShifts> {
    match p.mode {
        SurfaceChargeMode::Empirical => Some(GatingShifts {
            na_mv: na_gating_shift_mv(p, ca_mm, mg_mm),
            k_mv: k_gating_shift_mv(p, ca_mm, mg_mm),
        }),
        SurfaceChargeMode::Grahame => {
            let shift = grahame_gating_shift_mv(grahame, p, ca_mm, mg_mm, temperature_celsius)?;
            Some(GatingShifts {
                na_mv: shift,
                k_mv: shift,
            })
        }
    }
}

/// Bulk ions (valence, mM) of a saline: monovalent salt plus CaCl₂ and MgCl₂,
/// electroneutral (the anion balances all cations).
#[inline]
pub fn saline_ions(monovalent_salt_mm: f64, ca_mm: f64, mg_mm: f64) -> [(f64, f64); 4] {
    [
        (1.0, monovalent_salt_mm),
        (2.0, ca_mm),
        (2.0, mg_mm),
        (-1.0, monovalent_salt_mm + 2.0 * ca_mm + 2.0 * mg_mm),
    ]
}

/// Surface potential ψ₀ (mV) of a charge density σ (e/nm²) in a bulk of
/// `ions` (valence, mM), from the Grahame equation, by bisection on
/// u = Fψ₀/RT in a bracket between 0 and a point where the right side
/// exceeds σ².
///
/// `None` when no root exists within |ψ₀| ≤ 80 RT/F (e.g. no counter-ions).
pub fn grahame_surface_potential_mv(
    surface_charge_e_per_nm2: f64,
    ions: &[(f64, f64)],
    temperature_celsius: f64,
    relative_permittivity: f64,
) -> Option<f64> {
    let rt_j_per_mol = GAS_CONSTANT_J_PER_K_PER_MOL * (temperature_celsius + ZERO_CELSIUS_K);
    let sigma_c_per_m2 = surface_charge_e_per_nm2 * C_PER_M2_PER_E_PER_NM2;
    let target = sigma_c_per_m2 * sigma_c_per_m2
        / (2.0 * relative_permittivity * VACUUM_PERMITTIVITY_F_PER_M * rt_j_per_mol);
    let excess = |u: f64| -> f64 {
        ions.iter()
            .map(|&(z, c_mm)| c_mm * (-z * u).exp_m1())
            .sum::<f64>()
            - target
    };
    if surface_charge_e_per_nm2 == 0.0 {
        return Some(0.0);
    }
    // Expand the outer end of the bracket until the excess is positive.
    let mut outer = surface_charge_e_per_nm2.signum();
    while excess(outer) <= 0.0 {
        outer *= 2.0;
        if outer.abs() > MAX_REDUCED_POTENTIAL {
            return None;
        }
    }
    let (mut inner, mut outer) = (0.0_f64, outer);
    while (outer - inner).abs() > 1e-13 {
        let middle = 0.5 * (inner + outer);
        if excess(middle) > 0.0 {
            outer = middle;
        } else {
            inner = middle;
        }
    }
    let u = 0.5 * (inner + outer);
    Some(u * rt_j_per_mol / FARADAY_C_PER_MOL * 1.0e3)
}

/// Grahame-mode gating shift ψ₀(Ca, Mg) − ψ₀(Ca_ref, Mg_ref) in mV (add to
/// V½), in the saline of `p` at `temperature_celsius`; `None` if either
/// potential has no root (see [`grahame_surface_potential_mv`]).
pub fn grahame_gating_shift_mv(
    p: &GrahameParams,
    reference: &SurfaceChargeParams,
    ca_mm: f64,
    mg_mm: f64,
    temperature_celsius: f64,
) -> Option<f64> {
    let psi = |ca: f64, mg: f64| {
        grahame_surface_potential_mv(
            p.surface_charge_e_per_nm2,
            &saline_ions(p.monovalent_salt_mm, ca, mg),
            temperature_celsius,
            p.relative_permittivity,
        )
    };
    Some(psi(ca_mm, mg_mm)? - psi(reference.ca_ref_mm, reference.mg_ref_mm)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physiology::sodium_channel::{SodiumChannelParams, alpha_m, beta_m};

    fn p() -> SurfaceChargeParams {
        SurfaceChargeParams::default()
    }

    /// Voltage where m∞ = α_m/(α_m + β_m) of the Wallinga Na⁺ channel is 1/2,
    /// with the rates evaluated at V − ΔV as the module prescribes.
    fn na_activation_midpoint_mv(shift_mv: f64) -> f64 {
        let na = SodiumChannelParams::default();
        let m_inf = |v: f64| {
            let a = alpha_m(&na, v - shift_mv);
            a / (a + beta_m(&na, v - shift_mv))
        };
        let (mut low, mut high) = (-150.0, 100.0);
        while high - low > 1e-10 {
            let middle = 0.5 * (low + high);
            if m_inf(middle) < 0.5 {
                low = middle;
            } else {
                high = middle;
            }
        }
        0.5 * (low + high)
    }

    #[test]
    fn zero_shift_at_the_reference() {
        assert_eq!(na_gating_shift_mv(&p(), 1.2, 0.5), 0.0);
        assert_eq!(k_gating_shift_mv(&p(), 1.2, 0.5), 0.0);
        let grahame = grahame_gating_shift_mv(&GrahameParams::default(), &p(), 1.2, 0.5, 37.0);
        assert_eq!(grahame, Some(0.0));
    }

    #[test]
    fn na_activation_midpoint_moves_by_the_slope_per_tenfold_change() {
        let p = p();
        let base = na_activation_midpoint_mv(0.0);
        let up = na_activation_midpoint_mv(na_gating_shift_mv(&p, 12.0, 5.0));
        let down = na_activation_midpoint_mv(na_gating_shift_mv(&p, 0.12, 0.05));
        // Bisection to 1e-10 mV; the shift itself is exact, so 1e-8 mV is ample.
        assert!(
            (up - base - p.na_slope_mv_per_decade).abs() < 1e-8,
            "{}",
            up - base
        );
        assert!(
            (base - down - p.na_slope_mv_per_decade).abs() < 1e-8,
            "{}",
            base - down
        );
        // K gating moves by its own, smaller slope.
        assert!((k_gating_shift_mv(&p, 12.0, 5.0) - 8.4).abs() < 1e-12);
    }

    #[test]
    fn lowering_calcium_moves_activation_negative() {
        // Hypocalcaemia (0.8 mM): 20·log10(1.05/1.45) = −2.80 mV by hand.
        let shift = na_gating_shift_mv(&p(), 0.8, 0.5);
        assert!((shift - 20.0 * (1.05_f64 / 1.45).log10()).abs() < 1e-12);
        assert!((shift + 2.80).abs() < 0.005, "{shift}");
        assert!(na_activation_midpoint_mv(shift) < na_activation_midpoint_mv(0.0));
    }

    #[test]
    fn magnesium_moves_gating_less_than_the_same_change_of_calcium() {
        let p = p();
        let more_ca = na_gating_shift_mv(&p, 1.2 + 1.0, 0.5);
        let more_mg = na_gating_shift_mv(&p, 1.2, 0.5 + 1.0);
        assert!(more_mg > 0.0 && more_mg < more_ca, "{more_mg} vs {more_ca}");
        let less_ca = na_gating_shift_mv(&p, 1.2 - 0.4, 0.5);
        let less_mg = na_gating_shift_mv(&p, 1.2, 0.5 - 0.4);
        assert!(less_mg < 0.0 && less_mg > less_ca, "{less_mg} vs {less_ca}");
    }

    #[test]
    fn grahame_reproduces_the_science_md_table() {
        // SCIENCE.md §4.1 [COMP]: 37 °C, ε_r 74, 145 mM monovalent, shifts
        // relative to Ca 1.2 / Mg 0.5, printed to 0.1 mV. Recomputed
        // independently in Python (bisection on the same equation, CODATA
        // constants, anion balancing all cations): −0.301/−0.456/−0.301/+0.909,
        // −0.758/−1.161/−0.758/+2.115, −1.448/−2.257/−1.448/+3.669 mV.
        // Tolerance 0.05 mV: half the printed rounding step.
        let table = [
            (-0.25, [-0.3, -0.5, -0.3, 0.9]),
            (-0.5, [-0.8, -1.2, -0.8, 2.1]),
            (-0.9, [-1.4, -2.3, -1.4, 3.7]),
        ];
        let solutions = [(0.8, 0.5), (0.6, 0.5), (1.2, 0.1), (2.0, 1.0)];
        for (sigma, expected) in table {
            let g = GrahameParams {
                surface_charge_e_per_nm2: sigma,
                ..GrahameParams::default()
            };
            for ((ca, mg), want) in solutions.into_iter().zip(expected) {
                let got = grahame_gating_shift_mv(&g, &p(), ca, mg, 37.0).unwrap();
                assert!(
                    (got - want).abs() <= 0.05 + 1e-9,
                    "σ {sigma}, Ca {ca}, Mg {mg}: {got}"
                );
            }
        }
    }

    #[test]
    fn grahame_potential_matches_the_gouy_chapman_closed_form() {
        // Symmetric 1:1 salt: ψ₀ = (2RT/F) asinh(σ / sqrt(8 ε_r ε₀ RT c)).
        let (sigma, c_mm, t_c, eps_r) = (-0.5, 150.0, 25.0, 78.4);
        let rt = GAS_CONSTANT_J_PER_K_PER_MOL * (t_c + ZERO_CELSIUS_K);
        let s = sigma * C_PER_M2_PER_E_PER_NM2
            / (8.0 * eps_r * VACUUM_PERMITTIVITY_F_PER_M * rt * c_mm).sqrt();
        let closed_form_mv = 2.0 * rt / FARADAY_C_PER_MOL * s.asinh() * 1e3;
        let ions = [(1.0, c_mm), (-1.0, c_mm)];
        let got = grahame_surface_potential_mv(sigma, &ions, t_c, eps_r).unwrap();
        assert!(
            (got - closed_form_mv).abs() < 1e-9,
            "{got} vs {closed_form_mv}"
        );
        assert!(got < 0.0);
        let positive = grahame_surface_potential_mv(-sigma, &ions, t_c, eps_r).unwrap();
        assert!((positive + got).abs() < 1e-9);
    }

    #[test]
    fn grahame_without_counter_ions_has_no_root() {
        assert_eq!(
            grahame_surface_potential_mv(-0.5, &[(-1.0, 10.0)], 37.0, 74.0),
            None
        );
    }
}
