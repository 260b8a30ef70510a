//! The checking layer: raw scenario → [`Run`], with every range, unit and
//! cross-field rule checked in one place and every error located.

use serde::de::DeserializeOwned;

use crate::catalogue::{self, IonUse, ModelEntry};
use crate::model::ions::{Ions, NormalHumanIons};
use crate::params::{OutOfRange, ParameterSet};
use crate::protocol::{self, Protocol, Step, Train};
use crate::scenario::Run;
use crate::scenario::error::{Origin, ScenarioError, did_you_mean};
use crate::scenario::overrides::Override;
use crate::scenario::path::KeyPath;
use crate::scenario::raw::{RawScenario, RawStimulus};
use crate::scenario::source::SourceMap;
use crate::solve::steady_state::RestSettings;
use crate::solve::{Method, SolverSettings, SolverTolerances};

/// What errors need to find their place: the file's spans and the overrides.
pub struct Context<'a> {
    /// Spans of the file.
    pub source: &'a SourceMap,
    /// The `--set` arguments applied.
    pub overrides: &'a [Override],
}

impl Context<'_> {
    /// Where the key (`key = true`) or value at `path` came from.
    pub fn origin(&self, path: &KeyPath, key: bool) -> Origin {
        let from_override = self.overrides.iter().rev().find(|o| {
            let (shorter, longer) = if o.path.0.len() <= path.0.len() {
                (&o.path, path)
            } else {
                (path, &o.path)
            };
            longer.0.starts_with(&shorter.0)
        });
        match from_override {
            Some(o) => Origin::Override {
                argument: o.argument.clone(),
                path: self.source.path().to_owned(),
            },
            None => self.source.locate(path, key),
        }
    }

    /// The value at `path` as the user wrote it (file text or override), if known.
    fn written(&self, path: &KeyPath) -> Option<String> {
        match self.overrides.iter().rev().find(|o| &o.path == path) {
            Some(o) => Some(o.value.to_string()),
            None => self.source.value_text(path).map(str::to_owned),
        }
    }

    /// An error about the value at `path`.
    pub fn value_error(&self, path: &KeyPath, problem: impl Into<String>) -> ScenarioError {
        let error = ScenarioError::new(self.origin(path, false), path.to_string(), problem);
        match self.written(path) {
            Some(value) => error.with_value(value),
            None => error,
        }
    }
}

/// Deserializes `value` (found at `at`) into `T`, turning serde's message into a located error.
pub fn deserialize<T: DeserializeOwned>(
    value: toml::Value,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<T, ScenarioError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let mut path = at.clone();
        for segment in error.path().iter() {
            path = match segment {
                serde_path_to_error::Segment::Map { key } => path.key(key),
                serde_path_to_error::Segment::Seq { index } => path.index(*index),
                serde_path_to_error::Segment::Enum { .. }
                | serde_path_to_error::Segment::Unknown => path,
            };
        }
        explain(error.inner().message(), &path, ctx)
    })
}

/// Turns a serde error message into a located, actionable error.
fn explain(message: &str, path: &KeyPath, ctx: &Context<'_>) -> ScenarioError {
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    if let Some(rest) = message.strip_prefix("unknown field") {
        let name = quoted.first().copied().unwrap_or("");
        let allowed = &quoted[1.min(quoted.len())..];
        let full = if path.0.last() == Some(&crate::scenario::path::Segment::Key(name.to_owned())) {
            path.clone()
        } else {
            path.key(name)
        };
        let allowed_text = if rest.contains("there are no fields") {
            "no keys here".to_owned()
        } else {
            allowed.join(", ")
        };
        return ScenarioError::new(ctx.origin(&full, true), full.to_string(), "unknown key")
            .with_allowed(allowed_text)
            .with_suggestion(did_you_mean(name, allowed.iter().copied()));
    }
    if message.starts_with("unknown variant") {
        let name = quoted.first().copied().unwrap_or("");
        let allowed = &quoted[1.min(quoted.len())..];
        return ctx
            .value_error(path, "unknown value")
            .with_allowed(allowed.join(", "))
            .with_suggestion(did_you_mean(name, allowed.iter().copied()));
    }
    if message.starts_with("missing field") {
        let name = quoted.first().copied().unwrap_or("");
        return ScenarioError::new(
            ctx.origin(path, true),
            path.key(name).to_string(),
            "required key is missing",
        )
        .with_suggestion(Some(format!("add `{name} = ...` to this table")));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return ScenarioError::new(ctx.origin(path, false), path.to_string(), "invalid value")
            .with_value(ctx.written(path).unwrap_or_else(|| found.to_owned()))
            .with_allowed(plain_type(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let error = ScenarioError::new(ctx.origin(path, false), path.to_string(), "wrong type");
        // serde names some values by their Rust form ("unit variant"): show the text as written.
        let found = ctx
            .written(path)
            .filter(|_| found.contains("variant") || found.contains("map"))
            .unwrap_or_else(|| found.to_owned());
        return error.with_value(found).with_allowed(plain_type(expected));
    }
    ctx.value_error(path, message.trim().to_owned())
}

/// serde's Rust type names in words a scenario author knows: no
/// `struct RawStep`, `u64` or `unit variant` reaches a user.
pub fn plain_type(expected: &str) -> String {
    let text = match expected {
        "f64" | "f32" => "a number",
        "u64" | "u32" | "u16" | "u8" | "usize" => "a whole number ≥ 0",
        "i64" | "i32" => "a whole number",
        "a string" | "a borrowed string" | "string only" | "a character" => "a string in quotes",
        "a boolean" => "true or false",
        "a sequence" => "a list: [ ... ]",
        "variant identifier" => "a name in quotes",
        e if e.starts_with("struct ") || e.starts_with("a map") || e == "map" => {
            "a table: [section] or { key = value, ... }"
        }
        e if e.starts_with("internally tagged enum") => "a table: { kind = \"...\", ... }",
        e if [
            "struct", "enum", "variant", "Raw", "64", "size", "tuple", "option",
        ]
        .iter()
        .any(|word| e.contains(word)) =>
        {
            "another type (see `endplate reference`)"
        }
        other => other,
    };
    text.to_owned()
}

/// The error for a declared parameter outside its range.
pub fn out_of_range(error: &OutOfRange, section: &KeyPath, ctx: &Context<'_>) -> ScenarioError {
    let path = section.key(error.field);
    let info = &error.info;
    ctx.value_error(&path, "value out of range")
        .with_allowed(format!("{} to {} {}", info.min, info.max, info.unit))
}

/// A declared section (`T`) from an optional table at `section`, range-checked.
pub fn section<T: ParameterSet + DeserializeOwned>(
    table: toml::Table,
    section: &KeyPath,
    ctx: &Context<'_>,
) -> Result<T, ScenarioError> {
    let values: T = deserialize(toml::Value::Table(table), section, ctx)?;
    values
        .check_ranges()
        .map_err(|e| out_of_range(&e, section, ctx))?;
    Ok(values)
}

/// Checks the whole document and builds the run with the model of
/// `models` that it names.
pub fn build(
    models: &[&'static dyn ModelEntry],
    document: toml::Table,
    default_name: &str,
    ctx: &Context<'_>,
) -> Result<Run, ScenarioError> {
    let root = KeyPath::root();
    let raw: RawScenario = deserialize(toml::Value::Table(document), &root, ctx)?;

    if let Some(name) = &raw.name {
        if !crate::scenario::check_name(name) {
            return Err(ctx
                .value_error(&root.key("name"), "not usable as a folder name")
                .with_allowed(crate::scenario::NAME_ALLOWED));
        }
    }
    let model_path = root.key("model");
    let entry = catalogue::find(models, &raw.model).ok_or_else(|| {
        let names = catalogue::names(models);
        ctx.value_error(&model_path, "unknown model")
            .with_allowed(names.join(", "))
            .with_suggestion(did_you_mean(&raw.model, names.iter().copied()))
    })?;

    raw.simulation
        .check_ranges()
        .map_err(|e| out_of_range(&e, &root.key("simulation"), ctx))?;
    raw.analysis
        .check_ranges()
        .map_err(|e| out_of_range(&e, &root.key("analysis"), ctx))?;
    let simulation = raw.simulation;
    if simulation.output_dt_ms > simulation.duration_ms {
        return Err(ctx
            .value_error(
                &root.key("simulation").key("output_dt_ms"),
                "the output interval is longer than the run",
            )
            .with_allowed(format!(
                "at most simulation.duration_ms = {} ms",
                simulation.duration_ms
            )));
    }

    let ions = raw.ions;
    check_ions(&ions, entry, &root.key("ions"), ctx)?;

    let solver = solver_settings(raw.solver, entry, &root.key("solver"), ctx)?;
    let protocol = protocol(
        raw.stimulus,
        simulation.duration_ms,
        &root.key("stimulus"),
        ctx,
    )?;
    let (equilibrate, rest_holds_ions, rest) = rest_settings(raw.rest, &root.key("rest"), ctx)?;

    let model = entry.build(raw.parameters, &ions, &root.key("parameters"), ctx)?;

    Ok(Run {
        name: raw.name.unwrap_or_else(|| default_name.to_owned()),
        description: raw.description.unwrap_or_default(),
        model: catalogue::BuiltModel(model),
        simulation,
        solver,
        protocol,
        analysis: raw.analysis,
        equilibrate,
        rest,
        rest_holds_ions,
        endplate_measurements: true,
    })
}

/// `[ions]`: each given value in its declared range ([`NormalHumanIons`]),
/// and only keys the model can honour.
fn check_ions(
    ions: &Ions,
    entry: &dyn ModelEntry,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<(), ScenarioError> {
    for ((name, value), info) in ions.entries().into_iter().zip(NormalHumanIons::INFO) {
        let Some(value) = value else { continue };
        let path = at.key(name);
        if !(value >= info.min && value <= info.max) {
            return Err(ctx
                .value_error(&path, "value out of range")
                .with_allowed(format!("{} to {} {}", info.min, info.max, info.unit)));
        }
        if let IonUse::Refused(problem) = entry.ion_use(name) {
            let honoured: Vec<&str> = NormalHumanIons::INFO
                .iter()
                .map(|info| info.name)
                .filter(|key| entry.ion_use(key) == IonUse::Honoured)
                .collect();
            return Err(ctx
                .value_error(&path, problem)
                .with_allowed(format!("{} only", honoured.join(", "))));
        }
    }
    Ok(())
}

fn solver_settings(
    mut table: toml::Table,
    entry: &dyn ModelEntry,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<SolverSettings, ScenarioError> {
    let method = match table.remove("method") {
        Some(value) => deserialize::<Method>(value, &at.key("method"), ctx)?,
        None => entry.default_method(),
    };
    let tolerances: SolverTolerances = section(table, at, ctx).map_err(|mut e| {
        if e.problem == "unknown key" {
            let allowed = e.allowed.take().unwrap_or_default();
            e.allowed = Some(format!("method, {allowed}"));
        }
        e
    })?;
    Ok(SolverSettings { method, tolerances })
}

/// `[rest]`: the switches `equilibrate` (default false) and
/// `hold_ion_concentrations` (default true), then the numbers.
fn rest_settings(
    mut table: toml::Table,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<(bool, bool, RestSettings), ScenarioError> {
    let mut switch = |name: &str, default: bool| match table.remove(name) {
        Some(value) => deserialize::<bool>(value, &at.key(name), ctx),
        None => Ok(default),
    };
    let equilibrate = switch("equilibrate", false)?;
    let hold_ions = switch("hold_ion_concentrations", true)?;
    let settings: RestSettings = section(table, at, ctx).map_err(|mut e| {
        if e.problem == "unknown key" {
            let allowed = e.allowed.take().unwrap_or_default();
            e.allowed = Some(format!("equilibrate, hold_ion_concentrations, {allowed}"));
        }
        e
    })?;
    Ok((equilibrate, hold_ions, settings))
}

fn protocol(
    raw: RawStimulus,
    duration_ms: f64,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<Protocol, ScenarioError> {
    let positive = |path: KeyPath, value: f64| {
        if value > 0.0 && value.is_finite() {
            Ok(value)
        } else {
            Err(ctx
                .value_error(&path, "must be a positive, finite number of ms")
                .with_allowed("> 0 ms"))
        }
    };
    let start = |path: KeyPath, value: f64| {
        if value >= 0.0 && value.is_finite() {
            Ok(value)
        } else {
            Err(ctx
                .value_error(&path, "must not be negative")
                .with_allowed("≥ 0 ms"))
        }
    };
    let amplitude = |path: KeyPath, value: f64| {
        if value.is_finite() && value.abs() <= 1e6 {
            Ok(value)
        } else {
            Err(ctx
                .value_error(&path, "value out of range")
                .with_allowed("-1e6 to 1e6 µA/cm²"))
        }
    };
    let mut steps = Vec::new();
    for (i, step) in raw.steps.iter().enumerate() {
        let here = at.key("steps").index(i);
        steps.push(Step {
            start_ms: start(here.key("start_ms"), step.start_ms)?,
            duration_ms: positive(here.key("duration_ms"), step.duration_ms)?,
            amplitude_ua_per_cm2: amplitude(
                here.key("amplitude_ua_per_cm2"),
                step.amplitude_ua_per_cm2,
            )?,
        });
    }
    let mut trains = Vec::new();
    for (i, train) in raw.trains.iter().enumerate() {
        let here = at.key("trains").index(i);
        let interval_ms = match (train.frequency_hz, train.interval_ms) {
            (Some(hz), None) if hz > 0.0 && hz.is_finite() => 1000.0 / hz,
            (Some(_), None) => {
                return Err(ctx
                    .value_error(
                        &here.key("frequency_hz"),
                        "must be a positive, finite number of Hz",
                    )
                    .with_allowed("> 0 Hz"));
            }
            (None, Some(ms)) => positive(here.key("interval_ms"), ms)?,
            (Some(_), Some(_)) => {
                return Err(ctx
                    .value_error(
                        &here.key("interval_ms"),
                        "give either frequency_hz or interval_ms, not both",
                    )
                    .with_allowed("one of frequency_hz (Hz) or interval_ms (ms)"));
            }
            (None, None) => {
                return Err(ScenarioError::new(
                    ctx.origin(&here, true),
                    here.to_string(),
                    "a train needs a rate",
                )
                .with_allowed("frequency_hz (Hz) or interval_ms (ms)")
                .with_suggestion(Some("add e.g. `frequency_hz = 20`".to_owned())));
            }
        };
        if train.count == 0 || train.count > 10_000_000 {
            return Err(ctx
                .value_error(&here.key("count"), "value out of range")
                .with_allowed("1 to 10000000 pulses"));
        }
        let width_ms = positive(here.key("width_ms"), train.width_ms)?;
        if width_ms >= interval_ms {
            return Err(ctx
                .value_error(
                    &here.key("width_ms"),
                    "pulses would overlap: the width is not shorter than the interval",
                )
                .with_allowed(format!("< {interval_ms} ms (the interval)")));
        }
        trains.push(Train {
            start_ms: start(here.key("start_ms"), train.start_ms)?,
            count: train.count,
            interval_ms,
            width_ms,
            amplitude_ua_per_cm2: amplitude(
                here.key("amplitude_ua_per_cm2"),
                train.amplitude_ua_per_cm2,
            )?,
        });
    }
    for (i, poisson) in raw.poisson.iter().enumerate() {
        let here = at.key("poisson").index(i);
        let rate_hz = poisson.rate_hz;
        if !(rate_hz > 0.0 && rate_hz <= 1000.0) {
            return Err(ctx
                .value_error(&here.key("rate_hz"), "value out of range")
                .with_allowed("> 0 to 1000 Hz"));
        }
        let start_ms = start(here.key("start_ms"), poisson.start_ms)?;
        let stop_ms = match poisson.stop_ms {
            Some(stop) => positive(here.key("stop_ms"), stop)?,
            None => duration_ms,
        };
        let width_ms = positive(here.key("width_ms"), poisson.width_ms)?;
        let amplitude_ua_per_cm2 = amplitude(
            here.key("amplitude_ua_per_cm2"),
            poisson.amplitude_ua_per_cm2,
        )?;
        let onsets = protocol::poisson_onsets_ms(
            rate_hz,
            start_ms,
            stop_ms.min(duration_ms),
            width_ms,
            poisson.seed,
        );
        steps.extend(onsets.into_iter().map(|onset| Step {
            start_ms: onset,
            duration_ms: width_ms,
            amplitude_ua_per_cm2,
        }));
    }
    Ok(Protocol { steps, trains })
}
