//! `sweeney-1987` in the axon catalogue: the CRRSS rabbit node of Sweeney
//! et al. 1987 ([`crate::model::motor_axon`]).

use crate::catalogue::axons::{AxonEntry, AxonOf, MotorAxonPart};
use crate::model::StateVariable;
use crate::model::conditions::Conditions;
use crate::model::motor_axon::{self, MotorAxon, MotorAxonParams};
use crate::model::motor_unit::{innervated, joined};
use crate::params::{ParamInfo, ParameterSet};
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, section};
use crate::scenario::path::KeyPath;

/// The catalogue entry.
pub static ENTRY: SweeneyEntry = SweeneyEntry;

/// The motor-unit trace layout with this axon.
static UNIT_LAYOUT: [StateVariable; innervated::STATE_COUNT + motor_axon::STATE_COUNT] =
    joined(&motor_axon::STATE_VARIABLES);

/// `sweeney-1987` as the axon catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct SweeneyEntry;

impl AxonEntry for SweeneyEntry {
    fn name(&self) -> &'static str {
        "sweeney-1987"
    }

    fn summary(&self) -> &'static str {
        "the rabbit node (Na⁺ and leak, no K⁺ channels, rates of 37 °C)"
    }

    fn section(&self) -> &'static str {
        "axon"
    }

    fn parameters(&self) -> &'static [ParamInfo] {
        MotorAxonParams::INFO
    }

    fn ignores(&self, key: &str) -> Option<&'static str> {
        match key {
            "ca_o_mm" | "mg_o_mm" | "ph" => None,
            "k_o_mm" | "na_o_mm" | "cl_o_mm" => Some(
                "Sweeney et al. 1987 give E_Na and E_L as fixed potentials (sweeney.mod ena, el), no concentrations",
            ),
            "mg_i_um" => Some("the node has no intracellular Mg²⁺ dependence"),
            _ => Some(
                "the published node has rates of 37 °C and no temperature scaling (sweeney.mod)",
            ),
        }
    }

    fn default_axon(&self, conditions: &Conditions) -> Box<dyn MotorAxonPart> {
        part(node(MotorAxonParams::default(), conditions))
    }

    fn build(
        &self,
        table: toml::Table,
        conditions: &Conditions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn MotorAxonPart>, ScenarioError> {
        let params: MotorAxonParams = section(table, at, ctx)?;
        Ok(part(node(params, conditions)))
    }
}

/// The node in `conditions`: only the Na⁺ gating shift reaches it (it has no
/// K⁺ gates).
fn node(params: MotorAxonParams, conditions: &Conditions) -> MotorAxon {
    MotorAxon::new(params, conditions.gating_shifts().na_mv)
}

/// The built part: the axon with this entry and its trace layout.
fn part(axon: MotorAxon) -> Box<dyn MotorAxonPart> {
    Box::new(AxonOf::<MotorAxon, { motor_axon::STATE_COUNT }> {
        axon,
        entry: &ENTRY,
        unit_layout: &UNIT_LAYOUT,
    })
}
