//! `gaines-2018` in the axon catalogue: the human motor axon of Gaines et
//! al. 2018 in the MRG cable ([`crate::model::gaines_axon`]), the motor
//! unit's default axon (issue 10).

use crate::catalogue::axons::{AxonEntry, AxonOf, MotorAxonPart};
use crate::model::StateVariable;
use crate::model::conditions::Conditions;
use crate::model::gaines_axon::{self, GainesAxon, GainesAxonParams};
use crate::model::motor_unit::{innervated, joined};
use crate::params::{ParamInfo, ParameterSet};
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, section};
use crate::scenario::path::KeyPath;
use crate::solve::Method;

/// The catalogue entry.
pub static ENTRY: GainesEntry = GainesEntry;

/// The motor-unit trace layout with this axon.
static UNIT_LAYOUT: [StateVariable; innervated::STATE_COUNT + gaines_axon::STATE_COUNT] =
    joined(&gaines_axon::STATE_VARIABLES);

/// `gaines-2018` as the axon catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct GainesEntry;

impl AxonEntry for GainesEntry {
    fn name(&self) -> &'static str {
        "gaines-2018"
    }

    fn summary(&self) -> &'static str {
        "the human motor axon with its myelinated cable (MRG double cable; nodal fast and \
         persistent Na⁺, fast and slow K⁺; internodal Kf, Ks and HCN)"
    }

    fn section(&self) -> &'static str {
        "gaines_axon"
    }

    fn parameters(&self) -> &'static [ParamInfo] {
        GainesAxonParams::INFO
    }

    fn ignores(&self, key: &str) -> Option<&'static str> {
        match key {
            "cl_o_mm" => Some("the Gaines 2018 axon has no Cl⁻ conductance (node_motor.mod)"),
            "mg_i_um" => Some("the axon has no intracellular Mg²⁺ dependence"),
            _ => None,
        }
    }

    /// Rodas4P: the myelin sheath's small capacitance in series with the
    /// axolemma makes the cable stiff (the periaxonal potentials move on a
    /// µs scale), and Dormand–Prince crawls on it.
    fn method(&self) -> Method {
        Method::Rosenbrock
    }

    fn default_axon(&self, conditions: &Conditions) -> Box<dyn MotorAxonPart> {
        part(GainesAxon::new(GainesAxonParams::default(), conditions))
    }

    /// `ions.k_o_mm` and `ions.na_o_mm` move E_K and E_Na by Nernst from the
    /// table's `k_o_reference_mm`/`na_o_reference_mm` (see the model doc).
    fn build(
        &self,
        table: toml::Table,
        conditions: &Conditions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn MotorAxonPart>, ScenarioError> {
        let params: GainesAxonParams = section(table, at, ctx)?;
        Ok(part(GainesAxon::new(params, conditions)))
    }
}

/// The built part: the axon with this entry and its trace layout.
fn part(axon: GainesAxon) -> Box<dyn MotorAxonPart> {
    Box::new(AxonOf::<GainesAxon, { gaines_axon::STATE_COUNT }> {
        axon,
        entry: &ENTRY,
        unit_layout: &UNIT_LAYOUT,
    })
}
