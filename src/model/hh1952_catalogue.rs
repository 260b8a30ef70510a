//! `hh1952` in the model catalogue: the Hodgkin–Huxley squid axon.

use crate::catalogue::membrane::Membrane;
use crate::catalogue::{IonUse, ModelEntry, Simulated};
use crate::model::conditions::Conditions;
use crate::model::hh1952::{self, Hh1952, Hh1952Params};
use crate::model::ions::Ions;
use crate::model::{Model, ParameterGroup, StateVariable};
use crate::params::ParameterSet;
use crate::scenario::ScenarioError;
use crate::scenario::build::{Context, section};
use crate::scenario::path::KeyPath;
use crate::solve::Method;

/// Why `hh1952` refuses every `[ions]` key but the temperature.
const FIXED_REVERSALS: &str =
    "hh1952 has fixed reversal potentials and no concentrations, so this key would have no effect";

/// The catalogue entry.
pub static ENTRY: Hh1952Entry = Hh1952Entry;

/// `hh1952` as the catalogue describes it.
#[derive(Debug, Clone, Copy)]
pub struct Hh1952Entry;

/// A built `hh1952`.
pub type BuiltHh1952 = Membrane<Hh1952, { hh1952::STATE_COUNT }>;

impl ModelEntry for Hh1952Entry {
    fn name(&self) -> &'static str {
        "hh1952"
    }

    fn summary(&self) -> &'static str {
        "Hodgkin & Huxley (1952) squid giant axon membrane, modern convention (rest -65 mV), Q10 = 3 from 6.3 °C"
    }

    fn published_temperature_celsius(&self) -> f64 {
        Hh1952Params::default().reference_temperature_celsius
    }

    fn state_variables(&self) -> &'static [StateVariable] {
        Hh1952::new(
            Hh1952Params::default(),
            self.published_temperature_celsius(),
        )
        .state_variables()
    }

    fn default_initial_state(&self) -> Vec<f64> {
        Hh1952::new(
            Hh1952Params::default(),
            self.published_temperature_celsius(),
        )
        .initial_state()
        .iter()
        .copied()
        .collect()
    }

    /// Explicit Dormand–Prince: the squid membrane is not stiff.
    fn default_method(&self) -> Method {
        Method::Dopri5
    }

    fn parameters(&self) -> Vec<ParameterGroup> {
        vec![ParameterGroup {
            section: "",
            parameters: Hh1952Params::INFO,
        }]
    }

    fn ion_use(&self, key: &str) -> IonUse {
        match key {
            "temperature_celsius" => IonUse::Honoured,
            _ => IonUse::Refused(FIXED_REVERSALS),
        }
    }

    fn build(
        &self,
        parameters: toml::Table,
        ions: &Ions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn Simulated>, ScenarioError> {
        let params: Hh1952Params = section(parameters, at, ctx)?;
        let conditions = Conditions::published(
            ions.temperature_celsius
                .unwrap_or(self.published_temperature_celsius()),
        );
        Ok(Box::new(BuiltHh1952 {
            model: Hh1952::new(params, conditions.temperature_celsius),
            entry: &ENTRY,
            conditions,
            honours: &["temperature_celsius"],
            follows_divalent_law: false,
        }))
    }
}
