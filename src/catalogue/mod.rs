//! The model catalogue: every model a scenario can name, described by the
//! model itself, and the one registry ([`MODELS`]) that every command goes
//! through (`describe`, `reference`, `check`, `run`, `compare`, `rest`,
//! `rest-scan`, `excitability`, `sweep`, `validate`).
//!
//! ## Adding a model
//! 1. Its folder under `src/model/` with its mechanisms composed into a
//!    [`Model<N>`](crate::model::Model) (the monomorphized, allocation-free
//!    hot path), and a `catalogue.rs` that implements [`ModelEntry`] (what
//!    the model is, how it is built from a checked scenario) and
//!    [`Simulated`] (how a built model runs; the generic helpers of
//!    [`crate::simulation`] do the work for a single `Model<N>`).
//! 2. One line in [`MODELS`].
//!
//! Nothing else matches on model names: the scenario checks, the key
//! reference, the figures and the metrics all ask the entry. The dynamic
//! dispatch stops at [`Simulated::execute`]; inside it every integration is
//! monomorphized over the model's state size.
//!
//! Motor-unit axons have a catalogue of their own ([`axons`]), so a new
//! axon is likewise its folder plus one line in [`axons::AXONS`].

pub mod axons;
pub mod membrane;

use std::any::Any;
use std::fmt;

use crate::model::conditions::Conditions;
use crate::model::ions::Ions;
use crate::model::{ParameterGroup, StateVariable};
use crate::scenario::Run;
use crate::scenario::build::Context;
use crate::scenario::keys::Key;
use crate::scenario::path::KeyPath;
use crate::scenario::{ScenarioError, Template};
use crate::simulation::{RestOutcome, RunResult, Trace};
use crate::solve::steady_state::RestReport;
use crate::solve::{Method, SolveError};

/// Every model a scenario can name, in the order `describe` lists them.
pub static MODELS: [&dyn ModelEntry; 4] = [
    &crate::model::hh1952_catalogue::ENTRY,
    &crate::model::muscle_fibre::catalogue::ENTRY,
    &crate::model::motor_unit::catalogue::ENTRY,
    &crate::model::cannon_fibre::catalogue::ENTRY,
];

/// The model named `name` in `models`, if any.
pub fn find(models: &[&'static dyn ModelEntry], name: &str) -> Option<&'static dyn ModelEntry> {
    models.iter().copied().find(|entry| entry.name() == name)
}

/// The names of `models`, as a scenario writes them.
pub fn names(models: &[&'static dyn ModelEntry]) -> Vec<&'static str> {
    models.iter().map(|entry| entry.name()).collect()
}

/// How a model treats one `[ions]` key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum IonUse {
    /// The model acts on it (in the parts listed by [`Simulated::parts`]).
    Honoured,
    /// The model cannot honour it: the reason, which the scenario error quotes.
    Refused(&'static str),
}

/// What a model is, before it is built: the catalogue's entry.
pub trait ModelEntry: Sync {
    /// The name a scenario writes (`model = "…"`).
    fn name(&self) -> &'static str;

    /// One line on what the model is and where it comes from.
    fn summary(&self) -> &'static str;

    /// The temperature its rates were published for (°C): the default of
    /// `ions.temperature_celsius`.
    fn published_temperature_celsius(&self) -> f64;

    /// The trace layout with default parameters.
    fn state_variables(&self) -> &'static [StateVariable];

    /// Initial values with default parameters, in state order.
    fn default_initial_state(&self) -> Vec<f64>;

    /// The integration method a scenario gets when it names none.
    fn default_method(&self) -> Method;

    /// The parameter declarations (`[parameters]`), by sub-table.
    fn parameters(&self) -> Vec<ParameterGroup>;

    /// Keys of `[parameters]` that no `parameters!` table declares (choices).
    fn options(&self) -> Vec<Key> {
        Vec::new()
    }

    /// Non-numeric keys of `[parameters.<section>]` (switches, modes).
    fn section_options(&self, _section: &str) -> Vec<Key> {
        Vec::new()
    }

    /// How the model treats the `[ions]` key `key` (`temperature_celsius`
    /// included).
    fn ion_use(&self, key: &str) -> IonUse;

    /// Builds the model from its `[parameters]` table (found at `at`) in the
    /// conditions `ions` (already range-checked and accepted by
    /// [`ModelEntry::ion_use`]); errors are located through `ctx`.
    fn build(
        &self,
        parameters: toml::Table,
        ions: &Ions,
        at: &KeyPath,
        ctx: &Context<'_>,
    ) -> Result<Box<dyn Simulated>, ScenarioError>;
}

/// One part of a built model (a fibre, an axon, a junction) and what it
/// honours of the conditions: what `check` reports and what the conditions
/// test walks.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Its name, e.g. `fibre`, `axon (hennings-2005)`, `junction`.
    pub name: String,
    /// The `[ions]` keys this part acts on.
    pub honours: Vec<&'static str>,
    /// For each `[ions]` key the model honours but this part does not: why.
    pub ignores: Vec<(&'static str, &'static str)>,
    /// Whether its gating follows the divalent law of
    /// `parameters.surface_charge` (so the law, not only the ions, changes it).
    pub follows_divalent_law: bool,
    /// Numbers that show the part's conditions (its initial state and its
    /// derivatives there, or its release): equal signatures mean the part
    /// behaves the same.
    pub signature: Vec<f64>,
}

/// One curve of a figure: a state column and its legend label (empty for
/// a lone curve).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curve {
    /// The state column.
    pub column: usize,
    /// The legend label.
    pub label: &'static str,
}

/// One panel of a model's detail figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetailPanel {
    /// The y-axis title, with its unit.
    pub y_label: &'static str,
    /// Its curves.
    pub curves: &'static [Curve],
    /// Whether the curves are drawn as force: their rise above the force
    /// baseline of the muscle metrics.
    pub force: bool,
}

/// A figure of a model's inner states, beside the membrane-potential figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetailFigure {
    /// The file name without extension (`muscle` → muscle.png, muscle.svg).
    pub file_stem: &'static str,
    /// The title after the scenario name.
    pub title: &'static str,
    /// Its panels, top to bottom.
    pub panels: &'static [DetailPanel],
}

/// What a model's figures draw (`run`, `compare`), by state column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Membrane potentials of the top panel of the potential figure.
    pub potentials: &'static [Curve],
    /// The detail figure, for models that have one.
    pub detail: Option<DetailFigure>,
    /// The column whose rise above the force baseline is the force
    /// (`compare`), for models that make force.
    pub force: Option<usize>,
}

impl Figures {
    /// Every state column some figure draws, column 0 first, each once.
    pub fn columns(&self) -> Vec<usize> {
        let mut columns = vec![0];
        let detail = self.detail.iter().flat_map(|d| d.panels.iter());
        for curve in self
            .potentials
            .iter()
            .chain(detail.flat_map(|panel| panel.curves.iter()))
        {
            if !columns.contains(&curve.column) {
                columns.push(curve.column);
            }
        }
        columns.extend(self.force.filter(|c| !columns.contains(c)));
        columns
    }
}

/// A built model: what every command does with a model of the catalogue.
pub trait Simulated: fmt::Debug + Send + Sync + Any {
    /// Its catalogue entry.
    fn entry(&self) -> &'static dyn ModelEntry;

    /// The trace layout of this model as built (a motor unit's depends on
    /// its axon).
    fn state_variables(&self) -> &'static [StateVariable];

    /// The conditions it was built in.
    fn conditions(&self) -> &Conditions;

    /// What its figures draw.
    fn figures(&self) -> Figures;

    /// Simulates `run` (whose model is `self`), sending rows to `trace`.
    fn execute(&self, run: &Run, trace: &mut dyn Trace) -> Result<RunResult, SolveError>;

    /// Searches for its rest (the stimulated membrane's, for a composite)
    /// from its initial state.
    fn find_rest(&self, run: &Run) -> Result<RestOutcome, SolveError>;

    /// Its rest held at the given concentrations, started from `previous`
    /// (a neighbouring rest) or from its initial state with every mV state
    /// at `start_mv` (`rest-scan`).
    fn rest_from(
        &self,
        run: &Run,
        previous: Option<&[f64]>,
        start_mv: f64,
    ) -> Result<(Vec<f64>, RestReport), SolveError>;

    /// The same model starting from `state` (a rest found by
    /// [`Simulated::find_rest`], in its layout).
    fn starting_from(&self, state: &[f64]) -> Box<dyn Simulated>;

    /// The membrane that a current stimulus of `excitability` acts on, as a
    /// model of its own (a motor unit's fibre; itself for a single membrane).
    fn stimulated_alone(&self) -> Box<dyn Simulated>;

    /// Whether it has a motor axon of its own.
    fn has_axon(&self) -> bool {
        false
    }

    /// Spikes of its motor axon in `run`, without the rest of the model;
    /// `None` for models without one.
    fn axon_spike_count(&self, run: &Run) -> Result<Option<usize>, SolveError>;

    /// Its parts and what each honours of the conditions.
    fn parts(&self) -> Vec<Part>;

    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn Simulated>;

    /// Itself, for a typed look (tests, validation).
    fn as_any(&self) -> &dyn Any;

    /// Whether `other` is the same model with the same numbers.
    fn same_as(&self, other: &dyn Simulated) -> bool;
}

/// [`Simulated::same_as`] for a model type with `PartialEq`.
pub fn same_as<M: PartialEq + 'static>(model: &M, other: &dyn Simulated) -> bool {
    other.as_any().downcast_ref::<M>() == Some(model)
}

/// The model of a checked run.
pub struct BuiltModel(pub Box<dyn Simulated>);

impl BuiltModel {
    /// The model as `M`, if it is one.
    pub fn downcast_ref<M: 'static>(&self) -> Option<&M> {
        self.0.as_any().downcast_ref::<M>()
    }
}

impl std::ops::Deref for BuiltModel {
    type Target = dyn Simulated;
    fn deref(&self) -> &Self::Target {
        self.0.as_ref()
    }
}

impl Clone for BuiltModel {
    fn clone(&self) -> Self {
        Self(self.0.clone_box())
    }
}

impl PartialEq for BuiltModel {
    fn eq(&self, other: &Self) -> bool {
        self.0.same_as(other.0.as_ref())
    }
}

impl fmt::Debug for BuiltModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A checked run of scenario `text` (as if read from `path`) against the
/// models of `models`: how a test or an example adds a model of its own to
/// the catalogue without touching [`MODELS`].
pub fn load_text_with(
    models: &[&'static dyn ModelEntry],
    path: &std::path::Path,
    text: &str,
    overrides: &[String],
) -> Result<Run, ScenarioError> {
    Template::parse(path, text)?.build_in(models, overrides)
}
