//! The ionic conditions a model runs in: the `[ions]` section of a scenario.
//!
//! Every key is optional. **A key that is absent leaves the model exactly as
//! published** (its own initial concentrations, its own temperature, no
//! divalent shift), so the validation scenarios reproduce the published
//! numbers. A key that is given sets that condition consistently through the
//! model, or is refused with an error saying why the model cannot honour it
//! (never ignored). [`NormalHumanIons`] lists the normal human values, with
//! sources, that clinical scenarios should write, and the allowed range of
//! each key.

use serde::Deserialize;

use crate::parameters;

parameters! {
    /// Normal human values of the `[ions]` keys (what a clinical scenario
    /// writes for "normal"), with the range a scenario may give.
    pub struct NormalHumanIons {
        /// Plasma (extracellular) K⁺.
        k_o_mm: f64 = 4.5, "mM", 0.1..=100.0, "serum K⁺ 3.5–5.0 mM, StatPearls (../shared/SCIENCE.md §6)";
        /// Plasma (extracellular) Na⁺.
        na_o_mm: f64 = 140.0, "mM", 1.0..=300.0, "serum Na⁺ 135–145 mM, textbook reference range (not in SCIENCE.md; unverified)";
        /// Plasma (extracellular) Cl⁻.
        cl_o_mm: f64 = 103.0, "mM", 1.0..=300.0, "serum Cl⁻ 98–107 mM, textbook reference range (not in SCIENCE.md; unverified)";
        /// Ionized plasma Ca²⁺.
        ca_o_mm: f64 = 1.2, "mM", 0.05..=20.0, "ionized Ca 1.15–1.33 mM, NHS Tayside pathway (SCIENCE.md §6)";
        /// Ionized plasma Mg²⁺.
        mg_o_mm: f64 = 0.5, "mM", 0.01..=20.0, "ionized Mg, the 'normal' of SCIENCE.md §3.1 (Ca 1.2 / Mg 0.5); serum total Mg 0.70–1.05 mM, StatPearls (§6)";
        /// Free myoplasmic Mg²⁺ (µM, the muscle model's unit).
        mg_i_um: f64 = 1000.0, "µM", 10.0..=10000.0, "Shorten et al. 2007 CellML initial Mg1 = Mg2 = 1000 µM";
        /// Temperature.
        temperature_celsius: f64 = 37.0, "°C", -10.0..=50.0, "human core temperature";
        /// Arterial blood pH: moves ionized Ca²⁺ (`ca_o_mm` is then the ionized Ca at pH 7.4; −0.05 mM per +0.1 pH at 1.2 mM, src/model/conditions.rs).
        ph: f64 = 7.4, "1", 6.8..=7.8, "arterial pH 7.35–7.45, textbook reference range (not in SCIENCE.md; unverified); 6.8–7.8 the range compatible with life (textbook)";
    }
}

/// `[ions]` as written and as handed to a model: `None` means "as published".
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ions {
    /// Temperature (°C); default: the model's published temperature.
    pub temperature_celsius: Option<f64>,
    /// Plasma K⁺ (mM); default: the model's own initial interstitial K⁺.
    pub k_o_mm: Option<f64>,
    /// Plasma Na⁺ (mM); default: the model's own initial interstitial Na⁺.
    pub na_o_mm: Option<f64>,
    /// Plasma Cl⁻ (mM); no model here can set it independently (see the README).
    pub cl_o_mm: Option<f64>,
    /// Ionized plasma Ca²⁺ (mM); default: no divalent gating shift.
    pub ca_o_mm: Option<f64>,
    /// Ionized plasma Mg²⁺ (mM); default: no divalent gating shift.
    pub mg_o_mm: Option<f64>,
    /// Free myoplasmic Mg²⁺ (µM); default: the model's own initial value.
    pub mg_i_um: Option<f64>,
    /// Arterial pH; default: 7.4, ionized Ca²⁺ as given.
    pub ph: Option<f64>,
}

impl Ions {
    /// Every key with its value, in [`NormalHumanIons::INFO`] order.
    pub fn entries(&self) -> [(&'static str, Option<f64>); 8] {
        [
            ("k_o_mm", self.k_o_mm),
            ("na_o_mm", self.na_o_mm),
            ("cl_o_mm", self.cl_o_mm),
            ("ca_o_mm", self.ca_o_mm),
            ("mg_o_mm", self.mg_o_mm),
            ("mg_i_um", self.mg_i_um),
            ("temperature_celsius", self.temperature_celsius),
            ("ph", self.ph),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::ParameterSet;

    #[test]
    fn entries_follow_the_declaration_order() {
        let names: Vec<&str> = Ions::default().entries().iter().map(|e| e.0).collect();
        let declared: Vec<&str> = NormalHumanIons::INFO.iter().map(|i| i.name).collect();
        assert_eq!(names, declared);
    }
}
