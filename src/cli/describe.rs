//! `endplate describe`: what models exist, and what is inside one.

use std::fmt::Write;

use serde::Serialize;

use crate::cli::{Failure, Format, emit};
use endplate::catalogue::{self, IonUse, MODELS, ModelEntry as CatalogueEntry};
use endplate::model::ions::NormalHumanIons;
use endplate::params::ParamInfo;
use endplate::params::ParameterSet;
use endplate::scenario::error::did_you_mean;

#[derive(Serialize)]
struct StateEntry {
    name: &'static str,
    unit: &'static str,
    initial_value: f64,
    description: &'static str,
    source_name: &'static str,
}

#[derive(Serialize)]
struct ParameterEntry {
    /// The key path under `[parameters]`, e.g. `sodium_channel.g_na_ms_per_cm2`.
    name: String,
    default: f64,
    unit: &'static str,
    min: f64,
    max: f64,
    source: &'static str,
    description: String,
}

/// How the model treats one `[ions]` key.
#[derive(Serialize)]
struct IonEntry {
    key: &'static str,
    honoured: bool,
    /// Why not, for a refused key.
    #[serde(skip_serializing_if = "Option::is_none")]
    refused_because: Option<&'static str>,
}

#[derive(Serialize)]
struct ModelEntry {
    name: &'static str,
    summary: &'static str,
    published_temperature_celsius: f64,
    ions: Vec<IonEntry>,
    state_variables: Vec<StateEntry>,
    parameters: Vec<ParameterEntry>,
}

fn entry(kind: &dyn CatalogueEntry) -> ModelEntry {
    let initial = kind.default_initial_state();
    ModelEntry {
        name: kind.name(),
        summary: kind.summary(),
        published_temperature_celsius: kind.published_temperature_celsius(),
        ions: NormalHumanIons::INFO
            .iter()
            .map(|info| {
                let refused_because = match kind.ion_use(info.name) {
                    IonUse::Honoured => None,
                    IonUse::Refused(why) => Some(why),
                };
                IonEntry {
                    key: info.name,
                    honoured: refused_because.is_none(),
                    refused_because,
                }
            })
            .collect(),
        state_variables: kind
            .state_variables()
            .iter()
            .zip(initial)
            .map(|(v, initial_value)| StateEntry {
                name: v.name,
                unit: v.unit,
                initial_value,
                description: v.description,
                source_name: v.source_name,
            })
            .collect(),
        parameters: kind
            .parameters()
            .iter()
            .flat_map(|group| {
                group
                    .parameters
                    .iter()
                    .map(move |info| parameter_entry(group.section, info))
            })
            .collect(),
    }
}

fn parameter_entry(section: &str, info: &ParamInfo) -> ParameterEntry {
    ParameterEntry {
        name: if section.is_empty() {
            info.name.to_owned()
        } else {
            format!("{section}.{}", info.name)
        },
        default: info.default,
        unit: info.unit,
        min: info.min,
        max: info.max,
        source: info.source,
        description: info.doc.trim().to_owned(),
    }
}

/// Prints the model list, or one model in detail.
pub fn describe(model: Option<&str>, format: Format) -> Result<(), Failure> {
    let Some(name) = model else {
        let entries: Vec<ModelEntry> = MODELS.iter().map(|&kind| entry(kind)).collect();
        return match format {
            Format::Json => emit(&format!("{}\n", to_json(&entries)?)),
            Format::Text => {
                let mut text = String::new();
                for e in &entries {
                    let _ = writeln!(text, "{:<14} {}", e.name, e.summary);
                }
                text.push_str(
                    "\n`endplate describe MODEL` shows a model's state variables and parameters.\n",
                );
                emit(&text)
            }
        };
    };
    let kind = catalogue::find(&MODELS, name).ok_or_else(|| {
        let names = catalogue::names(&MODELS);
        let hint = did_you_mean(name, names.iter().copied())
            .map_or(String::new(), |h| format!("\n  help: {h}"));
        Failure::Input(format!(
            "unknown model `{name}`\n  allowed: {}{hint}",
            names.join(", ")
        ))
    })?;
    let e = entry(kind);
    match format {
        Format::Json => emit(&format!("{}\n", to_json(&e)?)),
        Format::Text => emit(&model_text(&e)),
    }
}

/// One model as tables for people. (Writing to a String cannot fail.)
fn model_text(e: &ModelEntry) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{}: {}", e.name, e.summary);
    let _ = writeln!(
        text,
        "published temperature: {} °C (default of ions.temperature_celsius)\n",
        e.published_temperature_celsius
    );
    let _ = writeln!(text, "[ions] keys:");
    for ion in &e.ions {
        let verdict = ion.refused_because.unwrap_or("honoured");
        let _ = writeln!(text, "  {:<20} {verdict}", ion.key);
    }
    let _ = writeln!(text, "\nstate variables (trace.csv columns, in order):");
    let _ = writeln!(
        text,
        "  {:<20} {:<6} {:>14}  {:<14} description",
        "name", "unit", "initial", "source name"
    );
    for s in &e.state_variables {
        let _ = writeln!(
            text,
            "  {:<20} {:<6} {:>14.6}  {:<14} {}",
            s.name, s.unit, s.initial_value, s.source_name, s.description
        );
    }
    let _ = writeln!(
        text,
        "\nparameters ([parameters] in a scenario, or --set parameters.NAME=VALUE):"
    );
    for p in &e.parameters {
        let _ = writeln!(
            text,
            "  {:<32} {:>10} {:<8} {}",
            p.name, p.default, p.unit, p.description
        );
        let _ = writeln!(
            text,
            "  {:<32} allowed {} to {}; source: {}",
            "", p.min, p.max, p.source
        );
    }
    text
}

fn to_json<T: Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Output(format!("cannot encode JSON: {e}")))
}
