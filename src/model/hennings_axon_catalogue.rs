//! `hennings-2005` in the axon catalogue: the human motor axon of Hennings
//! et al. 2005 ([`crate::model::hennings_axon`]).

use crate::catalogue::axons::{AxonEntry, AxonOf, MotorAxonPart};
use crate::model::StateVariable;
use crate::model::conditions::Conditions;
use crate::model::hennings_axon::{self, HenningsAxon, HenningsAxonParams};
use crate::model::motor_unit::{innervated, joined};
use crate::params::{ParamInfo, ParameterSet};
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, section};
use crate::scenario::path::KeyPath;

/// The catalogue entry.
pub static ENTRY: HenningsEntry = HenningsEntry;

/// The motor-unit trace layout with this axon.
static UNIT_LAYOUT: [StateVariable; innervated::STATE_COUNT + hennings_axon::STATE_COUNT] =
    joined(&hennings_axon::STATE_VARIABLES);

/// `hennings-2005` as the axon catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct HenningsEntry;

impl AxonEntry for HenningsEntry {
    fn name(&self) -> &'static str {
        "hennings-2005"
    }

    fn summary(&self) -> &'static str {
        "the human motor axon with persistent Na⁺ and slow K⁺, node and internode"
    }

    fn section(&self) -> &'static str {
        "hennings_axon"
    }

    fn parameters(&self) -> &'static [ParamInfo] {
        HenningsAxonParams::INFO
    }

    fn ignores(&self, key: &str) -> Option<&'static str> {
        match key {
            "cl_o_mm" => Some("the axon has no Cl⁻ conductance (Hennings et al. 2005)"),
            "mg_i_um" => Some("the axon has no intracellular Mg²⁺ dependence"),
            _ => None,
        }
    }

    fn default_axon(&self, conditions: &Conditions) -> Box<dyn MotorAxonPart> {
        part(axon(HenningsAxonParams::default(), conditions))
    }

    /// `ions.k_o_mm` and `ions.na_o_mm` set the axon's outside K⁺ and Na⁺;
    /// its own `k_o_mm`/`na_o_mm` (the published 3 and 144.2 mM) are what
    /// it runs at when `[ions]` gives none, and giving both is refused.
    fn build(
        &self,
        table: toml::Table,
        conditions: &Conditions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn MotorAxonPart>, ScenarioError> {
        for (key, given) in [
            ("k_o_mm", conditions.k_o_mm),
            ("na_o_mm", conditions.na_o_mm),
        ] {
            if given.is_some() && table.contains_key(key) {
                return Err(ctx
                    .value_error(
                        &at.key(key),
                        "the axon's outside concentration is set twice",
                    )
                    .with_allowed(format!(
                        "either ions.{key} or parameters.hennings_axon.{key}"
                    )));
            }
        }
        let params: HenningsAxonParams = section(table, at, ctx)?;
        Ok(part(axon(params, conditions)))
    }
}

/// The axon in `conditions`: temperature, outside K⁺ and Na⁺, and the
/// divalent shifts of its Na⁺ and K⁺ gates.
fn axon(params: HenningsAxonParams, conditions: &Conditions) -> HenningsAxon {
    let params = HenningsAxonParams {
        k_o_mm: conditions.k_o_mm.unwrap_or(params.k_o_mm),
        na_o_mm: conditions.na_o_mm.unwrap_or(params.na_o_mm),
        ..params
    };
    let shifts = conditions.gating_shifts();
    HenningsAxon::new(
        params,
        conditions.temperature_celsius,
        shifts.na_mv,
        shifts.k_mv,
    )
}

/// The built part: the axon with this entry and its trace layout.
fn part(axon: HenningsAxon) -> Box<dyn MotorAxonPart> {
    Box::new(AxonOf::<HenningsAxon, { hennings_axon::STATE_COUNT }> {
        axon,
        entry: &ENTRY,
        unit_layout: &UNIT_LAYOUT,
    })
}
