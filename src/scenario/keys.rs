//! Every key a scenario file can hold, as data: what `endplate reference`
//! prints (docs/scenario-reference.md).
//!
//! Numeric settings are declared once with [`crate::parameters!`] beside the
//! code that uses them and are read here through their `INFO`, so their
//! defaults, units, ranges and sources cannot drift. This file declares the
//! keys that no `parameters!` table holds: names, switches, choices and the
//! stimulus, which the serde types of [`super::raw`] and the checks of
//! [`super::build`] read directly. `tests/it/reference.rs` checks, table by
//! table and model by model, that the keys listed here are exactly the keys
//! the scenario parser accepts and that every choice lists exactly the values
//! it accepts, so a key added to the parser without its line here fails the
//! tests.

use std::path::Path;

use crate::catalogue::{MODELS, ModelEntry};
use crate::model::ions::NormalHumanIons;
use crate::params::{ParamInfo, ParameterSet};
use crate::scenario::raw::{AnalysisSettings, SimulationSettings};
use crate::solve::SolverTolerances;
use crate::solve::steady_state::RestSettings;

/// What kind of value a key takes.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// A string in quotes.
    Text,
    /// `true` or `false`.
    Switch,
    /// One of the listed strings.
    Choice(Vec<&'static str>),
    /// A number (within the key's range).
    Number,
    /// A whole number.
    WholeNumber,
}

/// One key of a scenario table.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key as written in the file.
    pub name: &'static str,
    /// What it takes.
    pub value: ValueKind,
    /// Unit as printed (`1` for dimensionless, empty for text, switches and choices).
    pub unit: &'static str,
    /// The value when the key is absent, in words (`required` when it may not be).
    pub default: String,
    /// What is accepted beyond the type: a range, a rule.
    pub allowed: String,
    /// What the key does.
    pub doc: String,
    /// Where the default or the rule comes from.
    pub source: &'static str,
}

impl Key {
    /// The key of a `parameters!` declaration.
    pub fn declared(info: &ParamInfo) -> Self {
        Self {
            name: info.name,
            value: ValueKind::Number,
            unit: info.unit,
            default: number(info.default),
            allowed: format!("{} to {}", number(info.min), number(info.max)),
            doc: info.doc.trim().to_owned(),
            source: info.source,
        }
    }
}

/// One table of a scenario file.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTable {
    /// The table's path: empty for the top level, `simulation`,
    /// `stimulus.trains[]` (an array of tables), `parameters.sodium_channel`.
    pub path: String,
    /// The model the table belongs to (`[parameters]` tables), or none.
    pub model: Option<&'static str>,
    /// What the table is for, and the rules that tie its keys together.
    pub doc: String,
    /// Its keys, in the order the reference lists them.
    pub keys: Vec<Key>,
}

impl KeyTable {
    fn new(path: &str, doc: &str, keys: Vec<Key>) -> Self {
        Self {
            path: path.to_owned(),
            model: None,
            doc: doc.to_owned(),
            keys,
        }
    }
}

/// A number as the reference prints it: plain from 1e-4 to below 1e6,
/// otherwise in exponent form (`1e-6`, `5e7`), so no column fills with zeros.
pub fn number(value: f64) -> String {
    let magnitude = value.abs();
    if value == 0.0 || (1e-4..1e6).contains(&magnitude) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A key of [`ValueKind::Number`] that no `parameters!` table declares.
fn stimulus_number(
    name: &'static str,
    unit: &'static str,
    default: &str,
    allowed: &str,
    doc: &str,
) -> Key {
    Key {
        name,
        value: ValueKind::Number,
        unit,
        default: default.to_owned(),
        allowed: allowed.to_owned(),
        doc: doc.to_owned(),
        source: "endplate (src/scenario/build.rs)",
    }
}

/// The keys of a `parameters!` table, in declaration order.
fn declared(infos: &[ParamInfo]) -> Vec<Key> {
    infos.iter().map(Key::declared).collect()
}

/// The names of every model, as a scenario writes them.
fn model_names() -> Vec<&'static str> {
    crate::catalogue::names(&MODELS)
}

/// Per model, `name value` joined: `hh1952 dopri5, muscle-fibre rosenbrock`.
fn per_model(value: impl Fn(&dyn ModelEntry) -> String) -> String {
    MODELS
        .iter()
        .map(|&entry| format!("{} {}", entry.name(), value(entry)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tables every scenario has, whatever its model.
pub fn common_tables() -> Vec<KeyTable> {
    let top = KeyTable::new(
        "",
        "The scenario's name and model. Every other table is optional.",
        vec![
            Key {
                name: "name",
                value: ValueKind::Text,
                unit: "",
                default: "the file name without `.toml`".to_owned(),
                allowed: String::new(),
                doc: "Names the output folder (`out/<name>`) and the plots.".to_owned(),
                source: "endplate",
            },
            Key {
                name: "description",
                value: ValueKind::Text,
                unit: "",
                default: "empty".to_owned(),
                allowed: String::new(),
                doc: "Free text for whoever reads the file; endplate keeps it with the run \
                      but neither prints nor writes it."
                    .to_owned(),
                source: "endplate",
            },
            Key {
                name: "model",
                value: ValueKind::Choice(model_names()),
                unit: "",
                default: "required".to_owned(),
                allowed: String::new(),
                doc: "Which model to run; decides what `[parameters]` holds (see Models below)."
                    .to_owned(),
                source: "endplate (`endplate describe`)",
            },
        ],
    );
    let simulation = KeyTable::new(
        "simulation",
        "How long to run and how densely to record. `output_dt_ms` may not exceed `duration_ms`.",
        declared(SimulationSettings::INFO),
    );
    let solver_method = Key {
        name: "method",
        value: ValueKind::Choice(vec!["dopri5", "dop853", "rk4", "rosenbrock", "ros34pw2"]),
        unit: "",
        default: per_model(|kind| kind.default_method().name().to_owned()),
        allowed: String::new(),
        doc: "Dormand–Prince 5(4) and 8(5,3) (adaptive, explicit), classical Runge–Kutta 4 \
              (fixed step `dt_ms`), Rodas4P (adaptive, linearly implicit, for stiff models), ROS34PW2 \
              (a Rosenbrock-W method of order 3 that keeps its Jacobian across steps)."
            .to_owned(),
        source: "ode_solvers 0.6 (dopri5, dop853, rk4); Hairer's rodas.f coefficients (rosenbrock); \
                 Rang & Angermann 2005, BIT 45:761 (ros34pw2)",
    };
    let solver = KeyTable::new(
        "solver",
        "The integration method and its tolerances. `rtol`, `atol` and `max_step_ms` apply to \
         the adaptive methods, `dt_ms` to `rk4`.",
        std::iter::once(solver_method)
            .chain(declared(SolverTolerances::INFO))
            .collect(),
    );
    let switch = |name, default: bool, doc: &str| Key {
        name,
        value: ValueKind::Switch,
        unit: "",
        default: default.to_string(),
        allowed: String::new(),
        doc: doc.to_owned(),
        source: "endplate",
    };
    let rest = KeyTable::new(
        "rest",
        "Bringing the model to rest before the protocol (and what `endplate rest` and \
         `rest-scan` search for). Rest: every |dy/dt| / (|y| + 1e-3) below `tolerance_per_ms`.",
        [
            switch(
                "equilibrate",
                false,
                "Start the protocol from rest; the run is refused if rest is not reached.",
            ),
            switch(
                "hold_ion_concentrations",
                true,
                "Hold the K⁺ and Na⁺ concentrations at their given values while searching, so \
                 rest is rest at the scenario's concentrations.",
            ),
        ]
        .into_iter()
        .chain(declared(RestSettings::INFO))
        .collect(),
    );
    let stimulus = KeyTable::new(
        "stimulus",
        "Current injected into the membrane: any number of steps and pulse trains, summed. \
         Positive current depolarizes. The solver stops at every edge.",
        Vec::new(),
    );
    let start = || {
        stimulus_number(
            "start_ms",
            "ms",
            "0",
            "≥ 0",
            "Onset, from t = 0 of the protocol.",
        )
    };
    let amplitude = |doc: &str| {
        stimulus_number(
            "amplitude_ua_per_cm2",
            "µA/cm²",
            "required",
            "-1e6 to 1e6",
            doc,
        )
    };
    let steps = KeyTable::new(
        "stimulus.steps[]",
        "A constant current for a while.",
        vec![
            start(),
            stimulus_number("duration_ms", "ms", "required", "> 0", "How long it lasts."),
            amplitude("Current density."),
        ],
    );
    let trains = KeyTable::new(
        "stimulus.trains[]",
        "`count` equal rectangular pulses at a fixed rate. Give \
         `frequency_hz` or `interval_ms`, not both; pulses may not overlap.",
        vec![
            start(),
            Key {
                name: "count",
                value: ValueKind::WholeNumber,
                unit: "pulses",
                default: "1".to_owned(),
                allowed: "1 to 10000000".to_owned(),
                doc: "Number of pulses.".to_owned(),
                source: "endplate (src/scenario/build.rs)",
            },
            stimulus_number(
                "frequency_hz",
                "Hz",
                "this or `interval_ms`",
                "> 0",
                "Pulse rate.",
            ),
            stimulus_number(
                "interval_ms",
                "ms",
                "this or `frequency_hz`",
                "> 0",
                "Onset-to-onset interval.",
            ),
            stimulus_number(
                "width_ms",
                "ms",
                "required",
                "> 0; shorter than the interval",
                "Width of each pulse.",
            ),
            amplitude("Current density of each pulse."),
        ],
    );
    let poisson = KeyTable::new(
        "stimulus.poisson[]",
        "Ectopic discharge: rectangular pulses at the times of a Poisson process \
         (dead time = the pulse width), drawn from `seed`; in a motor unit they reach the axon.",
        vec![
            stimulus_number(
                "rate_hz",
                "Hz",
                "required",
                "> 0 to 1000",
                "Mean pulse rate.",
            ),
            start(),
            stimulus_number(
                "stop_ms",
                "ms",
                "the end of the run",
                "> 0",
                "End of the discharge.",
            ),
            stimulus_number("width_ms", "ms", "required", "> 0", "Width of each pulse."),
            amplitude("Current density of each pulse."),
            Key {
                name: "seed",
                value: ValueKind::WholeNumber,
                unit: "",
                default: "1".to_owned(),
                allowed: "any whole number ≥ 0".to_owned(),
                doc: "Seed of the pulse times: same seed, same times.".to_owned(),
                source: "endplate (src/protocol.rs)",
            },
        ],
    );
    let analysis = KeyTable::new(
        "analysis",
        "How metrics are read off the trace.",
        declared(AnalysisSettings::INFO),
    );
    vec![
        top,
        simulation,
        ions_table(),
        solver,
        rest,
        stimulus,
        steps,
        trains,
        poisson,
        analysis,
    ]
}

/// `[ions]`: every key optional; absent means the published model.
fn ions_table() -> KeyTable {
    let keys = NormalHumanIons::INFO
        .iter()
        .map(|info| {
            let mut key = Key::declared(info);
            key.default = if info.name == "temperature_celsius" {
                format!(
                    "the model's published temperature: {}",
                    per_model(|kind| format!(
                        "{} °C",
                        number(kind.published_temperature_celsius())
                    ))
                )
            } else {
                "as published".to_owned()
            };
            key.doc = format!(
                "{} Normal human value: {} {}.",
                key.doc,
                number(info.default),
                info.unit
            );
            key
        })
        .collect();
    KeyTable::new(
        "ions",
        "The conditions the tissue sits in. Every key is optional: **an absent key leaves the \
         model exactly as published** (its own concentrations and temperature, no divalent \
         shift). A given key acts or is refused with the reason (see which model honours which \
         key below). The source column is the source of the normal value. \
         `temperature_celsius` and `muscle-fibre`'s `parameters.thermodynamics.temperature_k` \
         may not both be given.",
        keys,
    )
}

/// A non-numeric key of a `[parameters]` table.
pub fn option_key(
    name: &'static str,
    value: ValueKind,
    default: &str,
    doc: &str,
    source: &'static str,
) -> Key {
    Key {
        name,
        value,
        unit: "",
        default: default.to_owned(),
        allowed: String::new(),
        doc: doc.to_owned(),
        source,
    }
}

/// The tables of `[parameters]` for `kind`: the top table with the model's
/// options and undivided parameters, then one table per mechanism.
pub fn parameter_tables(kind: &dyn ModelEntry) -> Vec<KeyTable> {
    let groups = kind.parameters();
    let mut top = kind.options();
    for group in groups.iter().filter(|g| g.section.is_empty()) {
        top.extend(declared(group.parameters));
    }
    let mut tables = vec![KeyTable {
        path: "parameters".to_owned(),
        model: Some(kind.name()),
        doc: format!(
            "The constants of `{}` (see `endplate describe {}`).",
            kind.name(),
            kind.name()
        ),
        keys: top,
    }];
    tables.extend(
        groups
            .iter()
            .filter(|g| !g.section.is_empty())
            .map(|group| KeyTable {
                path: format!("parameters.{}", group.section),
                model: Some(kind.name()),
                doc: String::new(),
                keys: kind
                    .section_options(group.section)
                    .into_iter()
                    .chain(declared(group.parameters))
                    .collect(),
            }),
    );
    tables
}

/// Every table: the common ones, then each model's `[parameters]` tables.
pub fn tables() -> Vec<KeyTable> {
    let mut tables = common_tables();
    for kind in MODELS {
        tables.extend(parameter_tables(kind));
    }
    tables
}

/// Whether `kind` honours the `[ions]` key `name`: `Ok` or the reason it is
/// refused. Asked of the scenario checks themselves (a scenario with the key
/// at its normal value is built, not run), so it says what the code does.
pub fn ion_acceptance(kind: &dyn ModelEntry, info: &ParamInfo) -> Result<(), String> {
    let text = format!(
        "model = \"{}\"\n[ions]\n{} = {:?}\n",
        kind.name(),
        info.name,
        info.default
    );
    match super::load_text(Path::new("reference.toml"), &text, &[]) {
        Ok(_) => Ok(()),
        Err(error) => Err(error.problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_plainly_in_the_middle_and_with_exponents_at_the_ends() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(0.025), "0.025");
        assert_eq!(number(600000.0), "600000");
        assert_eq!(number(1e-6), "1e-6");
        assert_eq!(number(5e7), "5e7");
        assert_eq!(number(-54.387), "-54.387");
    }

    #[test]
    fn table_paths_are_unique() {
        let tables = tables();
        for (i, a) in tables.iter().enumerate() {
            for b in &tables[i + 1..] {
                assert!(
                    a.path != b.path || a.model != b.model,
                    "{} listed twice",
                    a.path
                );
            }
        }
    }
}
