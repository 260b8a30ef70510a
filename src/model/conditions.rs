//! The conditions of a run, resolved once: the `[ions]` values and the
//! divalent gating law of `[parameters.surface_charge]`, handed alike to
//! every part of a model (fibre, axon, junction, motoneuron).
//!
//! Why one place: before, each part resolved ionized Ca²⁺ on its own (three
//! fallbacks, two laws), and an axon could keep its own K⁺ while the fibre
//! followed `ions.k_o_mm`. A part of a model now reads its conditions from
//! here and nowhere else.
//!
//! **Absent means as published.** A key the scenario does not give stays
//! `None`, and a mechanism then keeps its published value (its own
//! concentration, its reference divalents and no gating shift), so the
//! validation scenarios reproduce the published numbers bitwise.

use crate::model::ions::Ions;
use crate::physiology::surface_charge::{
    self, GatingShifts, GrahameParams, SurfaceChargeMode, SurfaceChargeParams,
};

/// pH at which `ions.ca_o_mm` is the ionized Ca²⁺ as given.
pub const REFERENCE_PH: f64 = 7.4;
/// Fall of ionized Ca²⁺ (mM) per +0.1 pH at normal ionized Ca: "a 0.1 rise
/// in pH lowers ionized Ca by ~0.05 mmol/L" (SCIENCE.md §6, droracle):
/// albumin binds more Ca²⁺ as its protons leave.
pub const CA_FALL_PER_TENTH_PH_MM: f64 = 0.05;
/// The normal ionized Ca²⁺ (mM) at which that fall is quoted (SCIENCE.md §6).
pub const CA_FALL_REFERENCE_MM: f64 = 1.2;

/// Ionized Ca²⁺ at `ph` over ionized Ca²⁺ at [`REFERENCE_PH`]: taken
/// proportional, 10^(−k (pH − 7.4)) with k = −10·log10(1 − 0.05/1.2) =
/// 0.185 per pH unit, so that it is the source's −0.05 mM per +0.1 pH at
/// 1.2 mM and stays positive at any Ca (the source gives the slope at
/// normal Ca only). Ionized Mg²⁺ is left as given (no source for its pH
/// dependence here), and no direct effect of pH on any channel is modelled:
/// SCIENCE-EXCITABILITY.md §1.1 finds none citable (contested).
pub fn ionized_calcium_factor(ph: f64) -> f64 {
    let k = -10.0 * (1.0 - CA_FALL_PER_TENTH_PH_MM / CA_FALL_REFERENCE_MM).log10();
    10f64.powf(-k * (ph - REFERENCE_PH))
}

/// Ionized Ca²⁺ and Mg²⁺ outside and the gating shifts they cause.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Divalents {
    /// Ionized Ca²⁺ outside (mM): `ions.ca_o_mm`, or the law's reference
    /// (`surface_charge.ca_ref_mm`) when it is not given, moved by
    /// `ions.ph` ([`ionized_calcium_factor`]).
    pub ca_o_mm: f64,
    /// Ionized Mg²⁺ outside (mM): `ions.mg_o_mm`, or the law's reference
    /// (`surface_charge.mg_ref_mm`) when only Ca²⁺ is given.
    pub mg_o_mm: f64,
    /// Whether `ca_o_mm` was given (not the law's reference).
    pub ca_given: bool,
    /// Whether `mg_o_mm` was given (not the law's reference).
    pub mg_given: bool,
    /// The law that gave `shifts`.
    pub law: SurfaceChargeMode,
    /// Shifts of Na⁺ and K⁺ gating (mV, added to V½) against the law's
    /// reference solution ([`surface_charge::gating_shifts_mv`]).
    pub shifts: GatingShifts,
}

/// The resolved conditions of one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conditions {
    /// Temperature of the run (°C): `ions.temperature_celsius`, or the
    /// model's published temperature.
    pub temperature_celsius: f64,
    /// Whether the temperature was given (`ions.temperature_celsius`), so
    /// that a model with its own temperature key can refuse a second one.
    pub temperature_given: bool,
    /// Extracellular K⁺ (mM); `None`: each part's published value.
    pub k_o_mm: Option<f64>,
    /// Extracellular Na⁺ (mM); `None`: each part's published value.
    pub na_o_mm: Option<f64>,
    /// Extracellular Cl⁻ (mM); `None`: each part's published value.
    pub cl_o_mm: Option<f64>,
    /// Free intracellular Mg²⁺ (µM); `None`: each part's published value.
    pub mg_i_um: Option<f64>,
    /// Arterial pH; `None`: 7.4. It acts only through ionized Ca²⁺ (in `divalents`).
    pub ph: Option<f64>,
    /// Ionized divalents and their gating shifts; `None` when neither
    /// `ca_o_mm`, `mg_o_mm` nor `ph` is given (no shift; release at its reference).
    pub divalents: Option<Divalents>,
}

/// The Grahame law found no surface potential (outside the declared
/// parameter ranges only; see [`surface_charge::gating_shifts_mv`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoSurfacePotential {
    /// The ionized Ca²⁺ asked for (mM).
    pub ca_o_mm: f64,
    /// The ionized Mg²⁺ asked for (mM).
    pub mg_o_mm: f64,
}

impl Conditions {
    /// Resolves `ions` with the divalent law `charge` (and `grahame` for
    /// its screening mode) at `published_temperature_celsius` when the
    /// scenario gives none.
    pub fn resolve(
        ions: &Ions,
        charge: &SurfaceChargeParams,
        grahame: &GrahameParams,
        published_temperature_celsius: f64,
    ) -> Result<Self, NoSurfacePotential> {
        let temperature_celsius = ions
            .temperature_celsius
            .unwrap_or(published_temperature_celsius);
        let divalents = if ions.ca_o_mm.is_none() && ions.mg_o_mm.is_none() && ions.ph.is_none() {
            None
        } else {
            let ca_o_mm = ions.ca_o_mm.unwrap_or(charge.ca_ref_mm)
                * ions.ph.map_or(1.0, ionized_calcium_factor);
            let mg_o_mm = ions.mg_o_mm.unwrap_or(charge.mg_ref_mm);
            let shifts = surface_charge::gating_shifts_mv(
                charge,
                grahame,
                ca_o_mm,
                mg_o_mm,
                temperature_celsius,
            )
            .ok_or(NoSurfacePotential { ca_o_mm, mg_o_mm })?;
            Some(Divalents {
                ca_o_mm,
                mg_o_mm,
                ca_given: ions.ca_o_mm.is_some(),
                mg_given: ions.mg_o_mm.is_some(),
                law: charge.mode,
                shifts,
            })
        };
        Ok(Self {
            temperature_celsius,
            temperature_given: ions.temperature_celsius.is_some(),
            k_o_mm: ions.k_o_mm,
            na_o_mm: ions.na_o_mm,
            cl_o_mm: ions.cl_o_mm,
            mg_i_um: ions.mg_i_um,
            ph: ions.ph,
            divalents,
        })
    }

    /// The conditions a model was published at: nothing given, its own temperature.
    pub fn published(temperature_celsius: f64) -> Self {
        Self {
            temperature_celsius,
            temperature_given: false,
            k_o_mm: None,
            na_o_mm: None,
            cl_o_mm: None,
            mg_i_um: None,
            ph: None,
            divalents: None,
        }
    }

    /// Gating shifts (mV) for every membrane of the run; zero when no
    /// divalent is given.
    pub fn gating_shifts(&self) -> GatingShifts {
        self.divalents.map_or(
            GatingShifts {
                na_mv: 0.0,
                k_mv: 0.0,
            },
            |d| d.shifts,
        )
    }

    /// The `[ions]` keys the scenario gave, in [`Ions::entries`] order.
    pub fn given_keys(&self) -> Vec<&'static str> {
        let divalent = |pick: fn(&Divalents) -> bool| self.divalents.as_ref().is_some_and(pick);
        [
            ("k_o_mm", self.k_o_mm.is_some()),
            ("na_o_mm", self.na_o_mm.is_some()),
            ("cl_o_mm", self.cl_o_mm.is_some()),
            ("ca_o_mm", divalent(|d| d.ca_given)),
            ("mg_o_mm", divalent(|d| d.mg_given)),
            ("mg_i_um", self.mg_i_um.is_some()),
            ("temperature_celsius", self.temperature_given),
            ("ph", self.ph.is_some()),
        ]
        .into_iter()
        .filter_map(|(key, given)| given.then_some(key))
        .collect()
    }

    /// The same conditions at another temperature (a part with its own
    /// published temperature, e.g. a fibre inside a 37 °C motor unit).
    pub fn at_temperature(&self, temperature_celsius: f64) -> Self {
        Self {
            temperature_celsius,
            temperature_given: true,
            ..*self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(ions: Ions, mode: SurfaceChargeMode) -> Conditions {
        let charge = SurfaceChargeParams {
            mode,
            ..Default::default()
        };
        Conditions::resolve(&ions, &charge, &GrahameParams::default(), 37.0).unwrap()
    }

    #[test]
    fn nothing_given_is_the_published_model() {
        let resolved = resolve(Ions::default(), SurfaceChargeMode::Empirical);
        assert_eq!(resolved, Conditions::published(37.0));
        assert_eq!(resolved.gating_shifts().na_mv, 0.0);
    }

    #[test]
    fn a_lone_ca_takes_the_law_s_reference_mg_and_shifts_by_the_chosen_law() {
        let ions = Ions {
            ca_o_mm: Some(0.8),
            ..Default::default()
        };
        let empirical = resolve(ions, SurfaceChargeMode::Empirical);
        let grahame = resolve(ions, SurfaceChargeMode::Grahame);
        let d = empirical.divalents.unwrap();
        assert_eq!((d.ca_o_mm, d.mg_o_mm), (0.8, 0.5));
        // Hille et al. 1975: lowering divalents moves gating negative.
        assert!(d.shifts.na_mv < 0.0 && grahame.gating_shifts().na_mv < 0.0);
        assert_ne!(d.shifts.na_mv, grahame.gating_shifts().na_mv);
        assert_eq!(grahame.divalents.unwrap().law, SurfaceChargeMode::Grahame);
    }

    #[test]
    fn alkalosis_lowers_ionized_calcium_by_the_published_amount_at_normal_calcium() {
        // SCIENCE.md §6: +0.1 pH lowers ionized Ca by ~0.05 mM (at 1.2 mM).
        let at = |ph: f64| {
            let ions = Ions {
                ca_o_mm: Some(1.2),
                ph: Some(ph),
                ..Default::default()
            };
            resolve(ions, SurfaceChargeMode::Empirical)
                .divalents
                .unwrap()
                .ca_o_mm
        };
        assert!((at(7.4) - 1.2).abs() < 1e-12);
        assert!((at(7.5) - 1.15).abs() < 1e-12, "{}", at(7.5));
        // Hyperventilation to pH 7.6: 1.2 · (1 − 0.05/1.2)² = 1.1021 mM, and
        // the Na⁺ gates move negative (Hille et al. 1975 direction).
        assert!((at(7.6) - 1.1021).abs() < 1e-4, "{}", at(7.6));
        let alone = resolve(
            Ions {
                ph: Some(7.6),
                ..Default::default()
            },
            SurfaceChargeMode::Empirical,
        );
        assert!(alone.gating_shifts().na_mv < 0.0);
        assert_eq!(alone.given_keys(), vec!["ph"]);
    }
}
