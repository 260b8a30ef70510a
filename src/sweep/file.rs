//! Sweep files: TOML in, a checked [`SweepFile`] out, with errors located
//! like scenario errors (file:line:col, key path, value, what is allowed,
//! did-you-mean), by the same machinery ([`SourceMap`], [`build::deserialize`]).
//!
//! A file is a sweep file when it has a top-level `base` or `axes` key
//! (scenario files have neither), which is how `endplate check` tells them
//! apart:
//!
//! ```toml
//! name = "hh-fi-curve"                 # default: the file name
//! base = "../hh1952-step.toml"         # relative to this file, or a [base] table holding a scenario
//! set = ["simulation.duration_ms=520"] # fixed overrides, as --set (optional)
//! design = "grid"                      # grid (default) | zip | random
//! metrics = ["firing_rate_hz", "first_spike.peak_mV", "solver.steps"]
//!
//! [[axes]]
//! path = "stimulus.steps[0].amplitude_ua_per_cm2"   # any scalar --set accepts
//! linspace = { start = 0.0, stop = 50.0, count = 51 }
//! # or: values = [1, 2, 5]  |  logspace = { start = 0.1, stop = 10.0, count = 9 }
//! # random designs: range = [0.0, 50.0] and scale = "linear" | "log"
//!
//! [random]                             # with design = "random"
//! points = 200
//! seed = 1
//! sampling = "latin-hypercube"         # or "uniform"
//!
//! [traces]                             # optional: per-point trace files
//! points = [0, 10, 50]                 # or "all"
//! budget_mb = 1024                     # refuse (without --force) beyond this estimate
//! ```
//!
//! Every point is a run of the base with `set`, then the point's axis
//! values, applied as overrides; an error a point's value causes is located
//! at that axis in the sweep file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::scenario::build::{self, Context};
use crate::scenario::error::{Origin, ScenarioError};
use crate::scenario::path::KeyPath;
use crate::scenario::source::SourceMap;
use crate::scenario::{Override, Run, Template};
use crate::sweep::design::{AxisValues, Design, DesignError, Plan, Sampling};
use crate::sweep::manifest::text_hash;
use crate::sweep::metrics::Metric;
use crate::sweep::shard::Shard;

/// Default of `traces.budget_mb`.
pub const DEFAULT_TRACE_BUDGET_MB: f64 = 1024.0;

/// A sweep file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSweep {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    base: toml::Value,
    #[serde(default)]
    set: Vec<String>,
    #[serde(default)]
    design: RawDesign,
    #[serde(default)]
    random: Option<RawRandom>,
    metrics: Vec<String>,
    axes: Vec<RawAxis>,
    #[serde(default)]
    traces: Option<RawTraces>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RawDesign {
    #[default]
    Grid,
    Zip,
    Random,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRandom {
    points: u64,
    seed: u64,
    #[serde(default)]
    sampling: RawSampling,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RawSampling {
    #[default]
    LatinHypercube,
    Uniform,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAxis {
    path: String,
    #[serde(default)]
    values: Option<Vec<toml::Value>>,
    #[serde(default)]
    linspace: Option<RawSpacing>,
    #[serde(default)]
    logspace: Option<RawSpacing>,
    #[serde(default)]
    range: Option<[f64; 2]>,
    #[serde(default)]
    scale: Option<RawScale>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpacing {
    start: f64,
    stop: f64,
    count: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum RawScale {
    Linear,
    Log,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTraces {
    points: toml::Value,
    #[serde(default = "default_budget")]
    budget_mb: f64,
}

fn default_budget() -> f64 {
    DEFAULT_TRACE_BUDGET_MB
}

/// Where the base scenario comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum BaseSource {
    /// A scenario file: the path as written in the sweep file (relative to it).
    File(String),
    /// A `[base]` table in the sweep file.
    Inline,
}

/// One axis: a scenario key path and its values.
#[derive(Debug, Clone)]
pub struct Axis {
    /// The key path as written (the column name in results.csv).
    pub name: String,
    /// The key path.
    pub path: KeyPath,
    /// Where the values are written in the sweep file.
    spec: KeyPath,
}

/// Which points write a trace file.
#[derive(Debug, Clone, PartialEq)]
pub enum TracePoints {
    /// None (the default).
    None,
    /// Every point.
    All,
    /// These point indices.
    Some(BTreeSet<u64>),
}

/// The `[traces]` settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Traces {
    /// Which points.
    pub points: TracePoints,
    /// Estimated size above which a sweep refuses to start without `--force` (MB).
    pub budget_mb: f64,
}

impl Traces {
    /// Whether point `index` writes a trace.
    pub fn wanted(&self, index: u64) -> bool {
        match &self.points {
            TracePoints::None => false,
            TracePoints::All => true,
            TracePoints::Some(points) => points.contains(&index),
        }
    }

    /// How many points of `shard` of a sweep of `total` points write a trace.
    pub fn count(&self, shard: Shard, total: u64) -> u64 {
        match &self.points {
            TracePoints::None => 0,
            TracePoints::All => shard.size(total),
            TracePoints::Some(points) => {
                points.iter().filter(|&&p| shard.contains(p)).count() as u64
            }
        }
    }
}

/// A checked sweep file.
#[derive(Debug, Clone)]
pub struct SweepFile {
    /// The file.
    pub path: PathBuf,
    /// Its contents, as read (recorded in sweep.json).
    pub text: String,
    /// Sweep name (default output folder, plot titles).
    pub name: String,
    /// Free text.
    pub description: String,
    /// The base scenario, parsed once.
    pub base: Template,
    /// Where the base comes from.
    pub base_source: BaseSource,
    /// Hash of the base scenario's text (see [`text_hash`]).
    pub base_hash: String,
    /// The axes, in file order.
    pub axes: Vec<Axis>,
    /// Every point's values.
    pub plan: Plan,
    /// The metrics to collect, in file order.
    pub metrics: Vec<Metric>,
    /// Trace files.
    pub traces: Traces,
    fixed: Vec<Override>,
    source: SourceMap,
}

/// Whether the file at `path` is a sweep file (a top-level `base` or `axes`
/// key). Unreadable or malformed files are not: the scenario loader reports them.
pub fn is_sweep_file(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| toml::from_str::<toml::Table>(&text).ok())
        .is_some_and(|table| table.contains_key("base") || table.contains_key("axes"))
}

impl SweepFile {
    /// Reads and checks the sweep file at `path` (and its base scenario).
    pub fn load(path: &Path) -> Result<Self, ScenarioError> {
        let text = std::fs::read_to_string(path).map_err(|error| {
            ScenarioError::new(
                Origin::WholeFile(path.to_owned()),
                "",
                format!("cannot read the sweep file: {error}"),
            )
        })?;
        Self::parse(path, &text)
    }

    /// Checks sweep `text` as if read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ScenarioError> {
        let source = SourceMap::parse(path, text)?;
        let document: toml::Table =
            toml::from_str(text).map_err(|error| source.syntax_error(&error))?;
        let ctx = Context {
            source: &source,
            overrides: &[],
        };
        let root = KeyPath::root();
        let raw: RawSweep = build::deserialize(toml::Value::Table(document), &root, &ctx)?;

        let (base, base_source, base_hash) = base(raw.base, path, &source, &ctx)?;
        let fixed = raw
            .set
            .iter()
            .enumerate()
            .map(|(i, argument)| {
                Override::parse(argument, base.path()).map_err(|e| ScenarioError {
                    origin: source.locate(&root.key("set").index(i), false),
                    ..e
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let design = design(raw.design, raw.random, &ctx)?;
        let (axes, values) = axes(raw.axes, design, &ctx)?;
        let plan = Plan::new(values, design).map_err(|error| match error {
            DesignError::UnequalLengths {
                axis,
                found,
                expected,
            } => ctx
                .value_error(&axes[axis].spec, "zipped axes must have equal lengths")
                .with_allowed(format!(
                    "{expected} values, as the first axis has (this one has {found})"
                )),
            DesignError::TooManyPoints => ScenarioError::new(
                source.locate(&root.key("axes"), true),
                "axes",
                "the grid has more points than can be counted (2⁶⁴)",
            ),
            DesignError::HypercubeTooLarge => ctx
                .value_error(&root.key("random").key("points"), "too many points")
                .with_allowed("at most 4294967295 for a Latin hypercube"),
        })?;
        let metrics = metrics(&raw.metrics, &ctx)?;
        let traces = traces(raw.traces, plan.count(), &ctx)?;

        Ok(Self {
            path: path.to_owned(),
            text: text.to_owned(),
            name: match raw.name {
                Some(name) if !crate::scenario::check_name(&name) => {
                    return Err(ctx
                        .value_error(&root.key("name"), "not usable as a folder name")
                        .with_allowed(crate::scenario::NAME_ALLOWED));
                }
                Some(name) => name,
                None => crate::scenario::safe_name(path, "sweep"),
            },
            description: raw.description.unwrap_or_default(),
            base,
            base_source,
            base_hash,
            axes,
            plan,
            metrics,
            traces,
            fixed,
            source,
        })
    }

    /// The base scenario with `set` and `extra` applied, without any axis:
    /// a sweep refuses to start when this is not a valid run.
    pub fn base_run(&self, extra: &[Override]) -> Result<Run, ScenarioError> {
        let mut overrides = self.fixed.clone();
        overrides.extend_from_slice(extra);
        self.base
            .build(&overrides)
            .map_err(|e| self.relocate(e, None))
    }

    /// The run of point `index`: the base with `set`, `extra` and the point's
    /// values applied. `scratch` holds the point's values afterwards.
    pub fn point_run(
        &self,
        index: u64,
        extra: &[Override],
        scratch: &mut PointScratch,
    ) -> Result<Run, ScenarioError> {
        self.plan.values(index, &mut scratch.values);
        scratch.overrides.clear();
        scratch.overrides.extend_from_slice(&self.fixed);
        scratch.overrides.extend_from_slice(extra);
        for (axis, value) in self.axes.iter().zip(&scratch.values) {
            scratch.overrides.push(Override::new(
                axis.path.clone(),
                value.clone(),
                self.base.path(),
            ));
        }
        self.base
            .build(&scratch.overrides)
            .map_err(|e| self.relocate(e, Some(index)))
    }

    /// An error caused by an override from this file, moved to where the
    /// file sets it: an unknown key to the axis's `path`, a bad value to the
    /// very value of a `values` list when `point` is known.
    fn relocate(&self, error: ScenarioError, point: Option<u64>) -> ScenarioError {
        let Origin::Override { argument, .. } = &error.origin else {
            return error;
        };
        let from_axis = self
            .axes
            .iter()
            .enumerate()
            .rev()
            .find(|(_, axis)| {
                argument
                    .strip_prefix(axis.name.as_str())
                    .is_some_and(|rest| rest.starts_with('='))
            })
            .map(|(j, axis)| {
                let listed = matches!(self.plan.axes()[j], AxisValues::List(_));
                match point.and_then(|p| self.plan.value_index(p, j)) {
                    _ if error.problem == "unknown key" => axis.spec.parent().key("path"),
                    Some(k) if listed => axis.spec.index(k as usize),
                    _ => axis.spec.clone(),
                }
            });
        let from_set = || {
            self.fixed
                .iter()
                .position(|o| &o.argument == argument)
                .map(|i| KeyPath::root().key("set").index(i))
        };
        match from_axis.or_else(from_set) {
            Some(at) => ScenarioError {
                origin: self.source.locate(&at, false),
                ..error
            },
            None => error,
        }
    }
}

/// Per-worker buffers for building point runs without reallocating.
#[derive(Debug, Default)]
pub struct PointScratch {
    /// The point's axis values (after [`SweepFile::point_run`]).
    pub values: Vec<toml::Value>,
    overrides: Vec<Override>,
}

/// The name a sweep gets when it does not set `name`: its file name without `.toml`.
/// The base scenario: a file next to the sweep file, or a `[base]` table.
fn base(
    value: toml::Value,
    sweep_path: &Path,
    source: &SourceMap,
    ctx: &Context<'_>,
) -> Result<(Template, BaseSource, String), ScenarioError> {
    let at = KeyPath::root().key("base");
    match value {
        toml::Value::String(written) => {
            let resolved = sweep_path.parent().unwrap_or(Path::new("")).join(&written);
            let text = std::fs::read_to_string(&resolved).map_err(|error| {
                ctx.value_error(
                    &at,
                    format!(
                        "cannot read the base scenario {}: {error}",
                        resolved.display()
                    ),
                )
                .with_allowed("a scenario file, relative to the sweep file")
            })?;
            let template = Template::parse(&resolved, &text)?;
            Ok((template, BaseSource::File(written), text_hash(&text)))
        }
        toml::Value::Table(table) => {
            let hash = text_hash(&toml::to_string(&table).unwrap_or_default());
            Ok((
                Template::embedded(source, &at, table),
                BaseSource::Inline,
                hash,
            ))
        }
        other => Err(ctx
            .value_error(&at, "wrong type")
            .with_value(other.to_string())
            .with_allowed("a scenario file name in quotes, or a [base] table holding a scenario")),
    }
}

fn design(
    design: RawDesign,
    random: Option<RawRandom>,
    ctx: &Context<'_>,
) -> Result<Design, ScenarioError> {
    let root = KeyPath::root();
    match (design, random) {
        (RawDesign::Random, Some(random)) => {
            if random.points == 0 {
                return Err(ctx
                    .value_error(&root.key("random").key("points"), "a sweep needs points")
                    .with_allowed("at least 1"));
            }
            Ok(Design::Random {
                points: random.points,
                seed: random.seed,
                sampling: match random.sampling {
                    RawSampling::LatinHypercube => Sampling::LatinHypercube,
                    RawSampling::Uniform => Sampling::Uniform,
                },
            })
        }
        (RawDesign::Random, None) => Err(ctx
            .value_error(
                &root.key("design"),
                "a random design needs a [random] table",
            )
            .with_suggestion(Some("add [random] with points = N and seed = S".to_owned()))),
        (_, Some(_)) => Err(ScenarioError::new(
            ctx.origin(&root.key("random"), true),
            "random",
            "[random] only applies to design = \"random\"",
        )),
        (RawDesign::Grid, None) => Ok(Design::Grid),
        (RawDesign::Zip, None) => Ok(Design::Zip),
    }
}

fn axes(
    raw: Vec<RawAxis>,
    design: Design,
    ctx: &Context<'_>,
) -> Result<(Vec<Axis>, Vec<AxisValues>), ScenarioError> {
    let root = KeyPath::root().key("axes");
    if raw.is_empty() {
        return Err(ctx
            .value_error(&root, "a sweep needs at least one axis")
            .with_suggestion(Some(
                "add [[axes]] with path = \"...\" and values = [...]".to_owned(),
            )));
    }
    let random = matches!(design, Design::Random { .. });
    let mut axes: Vec<Axis> = Vec::new();
    let mut all_values = Vec::new();
    for (i, axis) in raw.into_iter().enumerate() {
        let at = root.index(i);
        let path = KeyPath::parse(&axis.path).ok_or_else(|| {
            ctx.value_error(&at.key("path"), "not a key path")
                .with_allowed("a scalar key path as --set takes it, e.g. stimulus.steps[0].amplitude_ua_per_cm2")
        })?;
        if let Some(first) = axes.iter().position(|a| a.path == path) {
            return Err(ctx
                .value_error(&at.key("path"), "this key is already an axis")
                .with_allowed(format!("each key once (axis {first} has it)")));
        }
        let mut given: Vec<(&str, Source)> = [
            axis.values.map(|v| ("values", Source::Values(v))),
            axis.linspace
                .map(|s| ("linspace", Source::Spaced(s, false))),
            axis.logspace.map(|s| ("logspace", Source::Spaced(s, true))),
            axis.range.map(|r| ("range", Source::Range(r))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let allowed = if random {
            "range = [low, high] (random designs draw from a range)"
        } else {
            "exactly one of values, linspace, logspace"
        };
        if given.len() != 1 {
            let names: Vec<&str> = given.iter().map(|(name, _)| *name).collect();
            return Err(ScenarioError::new(
                ctx.origin(&at, true),
                at.to_string(),
                if names.is_empty() {
                    "the axis has no values".to_owned()
                } else {
                    format!("the axis has {} sources of values", names.join(" and "))
                },
            )
            .with_allowed(allowed));
        }
        let (kind, source) = given.remove(0);
        let spec = at.key(kind);
        if random != (kind == "range") {
            return Err(ctx
                .value_error(
                    &spec,
                    format!("`{kind}` does not fit design = \"{}\"", design.name()),
                )
                .with_allowed(allowed));
        }
        if axis.scale.is_some() && !random {
            return Err(ScenarioError::new(
                ctx.origin(&at.key("scale"), true),
                at.key("scale").to_string(),
                "`scale` applies to random ranges only",
            )
            .with_suggestion(Some("use logspace for logarithmic steps".to_owned())));
        }
        let values = match source {
            Source::Values(values) => list(values, &spec, ctx)?,
            Source::Spaced(spacing, log) => spaced(spacing, log, &spec, ctx)?,
            Source::Range([low, high]) => {
                range(low, high, axis.scale == Some(RawScale::Log), &spec, ctx)?
            }
        };
        axes.push(Axis {
            name: axis.path,
            path,
            spec,
        });
        all_values.push(values);
    }
    Ok((axes, all_values))
}

/// Where one axis's values come from, as written.
enum Source {
    Values(Vec<toml::Value>),
    Spaced(RawSpacing, bool),
    Range([f64; 2]),
}

fn list(
    values: Vec<toml::Value>,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<AxisValues, ScenarioError> {
    if values.is_empty() {
        return Err(ctx
            .value_error(at, "an axis needs values")
            .with_allowed("at least one value"));
    }
    if let Some(k) = values
        .iter()
        .position(|v| matches!(v, toml::Value::Array(_) | toml::Value::Table(_)))
    {
        return Err(ctx
            .value_error(&at.index(k), "an axis value must be a single value")
            .with_allowed("numbers, strings or booleans"));
    }
    Ok(AxisValues::List(values))
}

fn spaced(
    spacing: RawSpacing,
    log: bool,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<AxisValues, ScenarioError> {
    if spacing.count == 0 {
        return Err(ctx
            .value_error(&at.key("count"), "an axis needs values")
            .with_allowed("count ≥ 1"));
    }
    finite_bounds(
        &[(spacing.start, "start"), (spacing.stop, "stop")],
        log,
        at,
        ctx,
    )?;
    Ok(AxisValues::Spaced {
        start: spacing.start,
        stop: spacing.stop,
        count: spacing.count,
        log,
    })
}

fn range(
    low: f64,
    high: f64,
    log: bool,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<AxisValues, ScenarioError> {
    finite_bounds(&[(low, "low"), (high, "high")], log, at, ctx)?;
    if low >= high {
        return Err(ctx
            .value_error(at, "the range is empty")
            .with_allowed("[low, high] with low < high"));
    }
    Ok(AxisValues::Range { low, high, log })
}

/// Bounds must be finite, and positive on a log scale.
fn finite_bounds(
    bounds: &[(f64, &str)],
    log: bool,
    at: &KeyPath,
    ctx: &Context<'_>,
) -> Result<(), ScenarioError> {
    for &(value, name) in bounds {
        if !value.is_finite() || (log && value <= 0.0) {
            let allowed = if log {
                "finite numbers > 0 (a logarithmic scale)"
            } else {
                "finite numbers"
            };
            return Err(ctx
                .value_error(at, format!("`{name}` is not usable"))
                .with_value(value.to_string())
                .with_allowed(allowed));
        }
    }
    Ok(())
}

fn metrics(names: &[String], ctx: &Context<'_>) -> Result<Vec<Metric>, ScenarioError> {
    let at = KeyPath::root().key("metrics");
    if names.is_empty() {
        return Err(ctx
            .value_error(&at, "a sweep needs metrics to collect")
            .with_allowed(
                "metrics.json keys, e.g. [\"firing_rate_hz\", \"first_spike.peak_mV\"]",
            ));
    }
    let mut metrics: Vec<Metric> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let metric = Metric::parse(name).map_err(|error| {
            ctx.value_error(&at.index(i), error.problem)
                .with_allowed(error.allowed)
                .with_suggestion(error.suggestion)
        })?;
        if metrics.iter().any(|m| m.name == metric.name) {
            return Err(ctx
                .value_error(&at.index(i), "this metric is already listed")
                .with_allowed("each metric once"));
        }
        metrics.push(metric);
    }
    Ok(metrics)
}

fn traces(raw: Option<RawTraces>, count: u64, ctx: &Context<'_>) -> Result<Traces, ScenarioError> {
    let Some(raw) = raw else {
        return Ok(Traces {
            points: TracePoints::None,
            budget_mb: DEFAULT_TRACE_BUDGET_MB,
        });
    };
    let at = KeyPath::root().key("traces");
    let allowed = || {
        format!(
            "\"all\", \"none\", or a list of point indices from 0 to {}",
            count - 1
        )
    };
    let points = match raw.points {
        toml::Value::String(word) if word == "all" => TracePoints::All,
        toml::Value::String(word) if word == "none" => TracePoints::None,
        toml::Value::Array(items) => {
            let mut points = BTreeSet::new();
            for (k, item) in items.iter().enumerate() {
                match item.as_integer().and_then(|i| u64::try_from(i).ok()) {
                    Some(point) if point < count => {
                        points.insert(point);
                    }
                    _ => {
                        return Err(ctx
                            .value_error(&at.key("points").index(k), "not a point of this sweep")
                            .with_allowed(allowed()));
                    }
                }
            }
            TracePoints::Some(points)
        }
        _ => {
            return Err(ctx
                .value_error(&at.key("points"), "not a choice of points")
                .with_allowed(allowed()));
        }
    };
    if raw.budget_mb.is_nan() || raw.budget_mb <= 0.0 {
        return Err(ctx
            .value_error(&at.key("budget_mb"), "the budget must be positive")
            .with_allowed("> 0 MB"));
    }
    Ok(Traces {
        points,
        budget_mb: raw.budget_mb,
    })
}
