//! Scenario files: TOML in, a checked [`Run`] out.
//!
//! Two stages, as ripgrep's LowArgs → HiArgs: [`raw`] mirrors the file and
//! only parses (serde, unknown keys rejected); [`build`] checks ranges and
//! cross-field rules and builds the run. Every error names the file, line
//! and column (or the `--set` argument), the key path, the value and what is
//! allowed ([`ScenarioError`]). Nothing below this module knows about TOML.

pub mod build;
pub mod error;
pub mod keys;
pub mod overrides;
pub mod path;
pub mod raw;
pub mod reference;
pub mod source;

use std::path::{Path, PathBuf};

use crate::catalogue::{BuiltModel, MODELS, ModelEntry};
use crate::protocol::Protocol;
use crate::solve::SolverSettings;
use crate::solve::steady_state::RestSettings;
pub use error::{Origin, ScenarioError};
pub use overrides::Override;
pub use raw::{AnalysisSettings, SimulationSettings};

/// A checked scenario: everything a simulation needs, nothing it doesn't.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Scenario name (output folder, plot titles).
    pub name: String,
    /// Free-text description.
    pub description: String,
    /// The model, built in the run's conditions ([`crate::catalogue::Simulated::conditions`]).
    pub model: BuiltModel,
    /// Duration and output spacing.
    pub simulation: SimulationSettings,
    /// Integration method and tolerances.
    pub solver: SolverSettings,
    /// The stimulus.
    pub protocol: Protocol,
    /// Metric settings.
    pub analysis: AnalysisSettings,
    /// Whether to bring the model to rest before the protocol starts (`rest.equilibrate`).
    pub equilibrate: bool,
    /// How rest is searched for (also used by `endplate rest`).
    pub rest: RestSettings,
    /// Whether the rest search holds the K⁺/Na⁺ concentrations (`rest.hold_ion_concentrations`).
    pub rest_holds_ions: bool,
    /// Whether a motor unit's run also makes the endplate measurements
    /// (Na⁺-blocked EPP, threshold quanta by bisection, safety factor: about
    /// fifteen short runs beside it). True for a run built from a scenario;
    /// a sweep turns it off unless a metric reads them, and the trials of
    /// `excitability` and `cramp-threshold` always do.
    pub endplate_measurements: bool,
}

impl Run {
    /// Temperature of the run (°C).
    pub fn temperature_celsius(&self) -> f64 {
        self.model.conditions().temperature_celsius
    }
}

/// Reads, overrides and checks the scenario at `path`.
pub fn load(path: &Path, overrides: &[String]) -> Result<Run, ScenarioError> {
    Template::load(path)?.build_with_arguments(overrides)
}

/// Checks scenario `text` as if read from `path`, with `--set` `overrides` applied.
pub fn load_text(path: &Path, text: &str, overrides: &[String]) -> Result<Run, ScenarioError> {
    Template::parse(path, text)?.build_with_arguments(overrides)
}

/// A scenario file parsed once, from which runs with different overrides
/// are built: what a sweep does for every point.
#[derive(Debug, Clone)]
pub struct Template {
    source: source::SourceMap,
    document: toml::Table,
}

impl Template {
    /// Reads and parses the scenario at `path` (syntax only; nothing is checked yet).
    pub fn load(path: &Path) -> Result<Self, ScenarioError> {
        let text = std::fs::read_to_string(path).map_err(|error| {
            ScenarioError::new(
                Origin::WholeFile(path.to_owned()),
                "",
                format!("cannot read the scenario: {error}"),
            )
        })?;
        Self::parse(path, &text)
    }

    /// Parses scenario `text` as if read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ScenarioError> {
        let source = source::SourceMap::parse(path, text)?;
        let document = toml::from_str(text).map_err(|error| source.syntax_error(&error))?;
        Ok(Self { source, document })
    }

    /// A template from the scenario table at `prefix` of an already parsed
    /// file (a sweep file's inline `[base]`): errors point into that file.
    pub fn embedded(
        file: &source::SourceMap,
        prefix: &path::KeyPath,
        document: toml::Table,
    ) -> Self {
        Self {
            source: file.subtree(prefix),
            document,
        }
    }

    /// The file this template came from.
    pub fn path(&self) -> &Path {
        self.source.path()
    }

    /// A checked run with `--set` style arguments (`key.path=value`) applied.
    pub fn build_with_arguments(&self, arguments: &[String]) -> Result<Run, ScenarioError> {
        self.build_in(&MODELS, arguments)
    }

    /// [`Template::build_with_arguments`] against the models of `models`
    /// (the catalogue, or the catalogue with a model of a test's own).
    pub fn build_in(
        &self,
        models: &[&'static dyn ModelEntry],
        arguments: &[String],
    ) -> Result<Run, ScenarioError> {
        let overrides = arguments
            .iter()
            .map(|argument| Override::parse(argument, self.source.path()))
            .collect::<Result<Vec<_>, _>>()?;
        self.build_from(models, &overrides)
    }

    /// A checked run with `overrides` applied in order.
    pub fn build(&self, overrides: &[Override]) -> Result<Run, ScenarioError> {
        self.build_from(&MODELS, overrides)
    }

    fn build_from(
        &self,
        models: &[&'static dyn ModelEntry],
        overrides: &[Override],
    ) -> Result<Run, ScenarioError> {
        let mut document = self.document.clone();
        for o in overrides {
            o.apply(&mut document)?;
        }
        let context = build::Context {
            source: &self.source,
            overrides,
        };
        build::build(
            models,
            document,
            &default_name(self.source.path()),
            &context,
        )
    }
}

/// The scenario name a file gets when it does not set `name`: its file
/// name without `.toml`, any character [`check_name`] refuses made `_`.
fn default_name(path: &Path) -> String {
    safe_name(path, "scenario")
}

/// The file stem of `path` as a name [`check_name`] accepts (`fallback` if none).
pub fn safe_name(path: &Path, fallback: &str) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name: String = stem
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if name_char(c) && !(i == 0 && c == '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name
    }
}

/// Longest scenario or sweep name (characters).
pub const MAX_NAME_CHARS: usize = 100;

/// What a `name` may be: it becomes one folder name under `out/`.
pub const NAME_ALLOWED: &str = "1 to 100 letters, digits, `-`, `_` or `.`, not starting with `.` \
     (it names the folder under out/; use --out to write elsewhere)";

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// Whether `name` is a single safe path component ([`NAME_ALLOWED`]):
/// `../x`, `/tmp/x`, `a/b` or `.hidden` are not.
pub fn check_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=MAX_NAME_CHARS).contains(&count) && !name.starts_with('.') && name.chars().all(name_char)
}

/// The default output folder of a run: `out/<scenario name>`.
pub fn default_output_dir(run: &Run) -> PathBuf {
    Path::new("out").join(&run.name)
}
