//! What the teaching page may change: the presets (the cramp library of
//! `scenarios/`, compiled in) and the controls, each mapped to one scenario
//! key path. A request names a preset and values for some controls; this
//! module turns them into `--set` overrides, checked exactly as the CLI
//! checks `endplate run scenarios/<preset>.toml --set key=value`, and into
//! the scenario TOML that is run, shown and downloaded.

use std::path::Path;

use serde::Serialize;

use crate::physiology::chloride_channel::ChlorideChannelParams;
use crate::physiology::sodium_potassium_pump::SodiumPotassiumPumpParams;
use crate::scenario::path::KeyPath;
use crate::scenario::{Override, Run, ScenarioError, Template};

/// One preset: a shipped scenario file, compiled in.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// File stem in `scenarios/`.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

macro_rules! presets {
    ($($name:literal),* $(,)?) => {
        [$(Preset { name: $name, text: include_str!(concat!("../../scenarios/", $name, ".toml")) }),*]
    };
}

/// The cramp library's motor-unit scenarios (every cause against
/// `normal`; `tests/it/scenario_library.rs` checks their outcomes). The
/// HypoPP file is a bare fibre without a nerve, so it is not offered here.
pub const PRESETS: [Preset; 13] = presets![
    "normal",
    "hypocalcemia",
    "hypomagnesemia",
    "hypokalemia-mild",
    "hypokalemia-moderate",
    "hypokalemia-severe",
    "diuretic",
    "dehydration",
    "poor-circulation",
    "fatigue",
    "neuropathy",
    "statin",
    "myotonia",
];

/// The preset every run is compared with.
pub const CONTROL: &str = "normal";

/// How a control's number becomes the scenario value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mapping {
    /// The number is the value.
    Direct,
    /// The number is a percentage of `base` (the model's published value).
    PercentOf(f64),
    /// The number is a train duration (ms): the key is the pulse count,
    /// duration × frequency (`frequency_key`, Hz) / 1000, at least 1.
    TrainDuration,
}

/// A slider of the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Slider {
    /// The scenario key path it sets.
    pub key: &'static str,
    /// What the page calls it.
    pub label: &'static str,
    /// The unit of the number on the page.
    pub unit: &'static str,
    /// Slider range and step on the page (the scenario's own checks apply
    /// to the value as well; the server refuses numbers outside this range).
    pub min: f64,
    /// Upper end of the slider.
    pub max: f64,
    /// Step of the slider.
    pub step: f64,
    /// The clinical normal range, where one is published (drawn on the slider).
    pub normal: Option<[f64; 2]>,
    /// Where the normal range comes from.
    pub source: &'static str,
    /// How the number maps onto the key.
    pub mapping: Mapping,
}

/// A choice between named values of one key.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Choice {
    /// The scenario key path.
    pub key: &'static str,
    /// What the page calls it.
    pub label: &'static str,
    /// The allowed values (the scenario reference's list).
    pub options: &'static [&'static str],
}

/// Base of the ClC-1 percentage: the published ḡ_Cl (mS/cm²).
fn g_cl_published() -> f64 {
    ChlorideChannelParams::default().g_cl_max_ms_per_cm2
}

/// Base of the pump percentage: the published J̄_NaK (µmol/(cm²·s)).
fn pump_published() -> f64 {
    SodiumPotassiumPumpParams::default().j_max_umol_per_cm2_per_s
}

/// Key of the nerve train's frequency, which its duration slider needs.
const FREQUENCY_KEY: &str = "stimulus.trains[0].frequency_hz";

/// The sliders, in page order. Normal ranges: `NormalHumanIons`
/// (src/model/ions.rs) and the washout's source (src/physiology/washout.rs).
pub fn sliders() -> [Slider; 11] {
    let direct = Mapping::Direct;
    [
        Slider {
            key: "ions.k_o_mm",
            label: "plasma K⁺",
            unit: "mM",
            min: 1.0,
            max: 8.0,
            step: 0.05,
            normal: Some([3.5, 5.0]),
            source: "serum K⁺ 3.5–5.0 mM, StatPearls (SCIENCE.md §6)",
            mapping: direct,
        },
        Slider {
            key: "ions.na_o_mm",
            label: "plasma Na⁺",
            unit: "mM",
            min: 110.0,
            max: 160.0,
            step: 1.0,
            normal: Some([135.0, 145.0]),
            source: "serum Na⁺ 135–145 mM, textbook range (unverified)",
            mapping: direct,
        },
        Slider {
            key: "ions.cl_o_mm",
            label: "interstitial Cl⁻",
            unit: "mM",
            min: 80.0,
            max: 150.0,
            step: 1.0,
            normal: None,
            source: "normal.toml: 128 mM, Senneff & Lowery 2021's interstitial value (plasma Cl⁻ is 98–107 mM)",
            mapping: direct,
        },
        Slider {
            key: "ions.ca_o_mm",
            label: "ionized Ca²⁺",
            unit: "mM",
            min: 0.3,
            max: 2.0,
            step: 0.05,
            normal: Some([1.15, 1.33]),
            source: "ionized Ca 1.15–1.33 mM, NHS Tayside (SCIENCE.md §6)",
            mapping: direct,
        },
        Slider {
            key: "ions.mg_o_mm",
            label: "ionized Mg²⁺",
            unit: "mM",
            min: 0.1,
            max: 2.0,
            step: 0.05,
            normal: None,
            source: "normal.toml: 0.5 mM, the normal of SCIENCE.md §3.1 (serum total Mg 0.70–1.05 mM)",
            mapping: direct,
        },
        Slider {
            key: "ions.temperature_celsius",
            label: "temperature",
            unit: "°C",
            min: 25.0,
            max: 42.0,
            step: 0.5,
            normal: None,
            source: "normal.toml: 37 °C, body temperature",
            mapping: direct,
        },
        Slider {
            key: "parameters.chloride_channel.g_cl_max_ms_per_cm2",
            label: "ClC-1 conductance",
            unit: "%",
            min: 0.0,
            max: 150.0,
            step: 1.0,
            normal: None,
            source: "100 % = ḡ_Cl of Shorten et al. 2007 (CellML g_Cl_bar)",
            mapping: Mapping::PercentOf(g_cl_published()),
        },
        Slider {
            key: "parameters.sodium_potassium_pump.j_max_umol_per_cm2_per_s",
            label: "Na⁺/K⁺ pump capacity",
            unit: "%",
            min: 0.0,
            max: 150.0,
            step: 1.0,
            normal: None,
            source: "100 % = J̄_NaK of Shorten et al. 2007 (CellML J_NaK_bar)",
            mapping: Mapping::PercentOf(pump_published()),
        },
        Slider {
            key: "parameters.washout.blood_flow_ml_per_min_per_100g",
            label: "muscle blood flow",
            unit: "ml/min/100 g",
            min: 0.0,
            max: 60.0,
            step: 0.5,
            normal: Some([3.0, 4.0]),
            source: "resting muscle 3–4 ml/min/100 g (Guyton & Hall ch. 21; Johnson & Rowell 1975)",
            mapping: direct,
        },
        Slider {
            key: FREQUENCY_KEY,
            label: "nerve drive frequency",
            unit: "Hz",
            min: 1.0,
            max: 200.0,
            step: 1.0,
            normal: None,
            source: "normal.toml: 100 Hz, a hard brief effort",
            mapping: direct,
        },
        Slider {
            key: "stimulus.trains[0].count",
            label: "nerve drive duration",
            unit: "ms",
            min: 10.0,
            max: 2000.0,
            step: 10.0,
            normal: None,
            source: "normal.toml: 500 ms (50 pulses at 100 Hz)",
            mapping: Mapping::TrainDuration,
        },
    ]
}

/// The model choices.
pub const CHOICES: [Choice; 2] = [
    Choice {
        key: "parameters.axon_model",
        label: "motor axon",
        options: &["sweeney-1987", "hennings-2005"],
    },
    Choice {
        key: "parameters.variant",
        label: "muscle fibre (Shorten 2007)",
        options: &["published", "corrected"],
    },
];

/// A value the page sends for one key.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// A slider's number (in the slider's unit).
    Number(f64),
    /// A choice's option.
    Text(String),
}

/// A request that cannot be run, with the text the page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Not a key, preset or option the page offers (HTTP 400).
    Unknown(String),
    /// The scenario refused a value: the CLI's located message (HTTP 422).
    Scenario(String),
}

impl Refusal {
    /// The text for the page.
    pub fn message(&self) -> &str {
        match self {
            Refusal::Unknown(text) | Refusal::Scenario(text) => text,
        }
    }
}

/// The preset called `name`.
pub fn preset(name: &str) -> Result<&'static Preset, Refusal> {
    PRESETS.iter().find(|p| p.name == name).ok_or_else(|| {
        let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
        Refusal::Unknown(format!(
            "unknown preset `{name}`; the presets are {}",
            names.join(", ")
        ))
    })
}

/// The file a preset is checked as: errors name it as the CLI does.
pub fn preset_path(preset: &Preset) -> String {
    format!("scenarios/{}.toml", preset.name)
}

/// The `--set` arguments of a request, in page order, or why it is
/// refused; ranges are checked by [`check_ranges`].
pub fn arguments(preset: &Preset, values: &[(String, Value)]) -> Result<Vec<String>, Refusal> {
    let sliders = sliders();
    for (key, _) in values {
        if !sliders.iter().any(|s| s.key == key) && !CHOICES.iter().any(|c| c.key == key) {
            let mut keys: Vec<&str> = sliders.iter().map(|s| s.key).collect();
            keys.extend(CHOICES.iter().map(|c| c.key));
            return Err(Refusal::Unknown(format!(
                "`{key}` is not a control of this page; the controls are {}",
                keys.join(", ")
            )));
        }
    }
    let value_of = |key: &str| values.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
    let mut arguments = Vec::new();
    for slider in &sliders {
        let Some(value) = value_of(slider.key) else {
            continue;
        };
        let Value::Number(number) = *value else {
            return Err(Refusal::Unknown(format!(
                "`{}` takes a number ({}), not text",
                slider.key, slider.unit
            )));
        };
        let scenario_value = match slider.mapping {
            Mapping::Direct => format!("{number}"),
            Mapping::PercentOf(base) => format!("{}", number / 100.0 * base),
            Mapping::TrainDuration => {
                let frequency = match value_of(FREQUENCY_KEY) {
                    Some(Value::Number(hz)) => *hz,
                    _ => preset_frequency_hz(preset)?,
                };
                let count = (number * frequency / 1000.0).round().max(1.0);
                format!("{count}")
            }
        };
        arguments.push(format!("{}={scenario_value}", slider.key));
    }
    for choice in &CHOICES {
        let Some(value) = value_of(choice.key) else {
            continue;
        };
        match value {
            Value::Text(option) if choice.options.contains(&option.as_str()) => {
                arguments.push(format!("{}=\"{option}\"", choice.key));
            }
            _ => {
                return Err(Refusal::Unknown(format!(
                    "`{}` is one of {}",
                    choice.key,
                    choice.options.join(", ")
                )));
            }
        }
    }
    Ok(arguments)
}

/// Refuses numbers outside the sliders' ranges (after the scenario's own
/// checks, so that a value the CLI refuses gets the CLI's message).
pub fn check_ranges(values: &[(String, Value)]) -> Result<(), Refusal> {
    for slider in &sliders() {
        for (key, value) in values {
            if let (true, Value::Number(number)) = (key == slider.key, value)
                && !(slider.min..=slider.max).contains(number)
            {
                return Err(Refusal::Unknown(format!(
                    "`{}` = {number} {} is outside this page's range {} to {} {}",
                    slider.key, slider.unit, slider.min, slider.max, slider.unit
                )));
            }
        }
    }
    Ok(())
}

/// The nerve train frequency a preset sets (Hz).
fn preset_frequency_hz(preset: &Preset) -> Result<f64, Refusal> {
    let run = Template::parse(Path::new(&preset_path(preset)), preset.text)
        .and_then(|t| t.build_with_arguments(&[]))
        .map_err(|e| Refusal::Scenario(e.to_string()))?;
    run.protocol
        .trains
        .first()
        .map(|train| 1000.0 / train.interval_ms)
        .ok_or_else(|| Refusal::Unknown(format!("preset `{}` has no nerve train", preset.name)))
}

/// The scenario of a preset with `arguments` applied: checked exactly as
/// `endplate run scenarios/<preset>.toml --set …` checks it (same message
/// on a bad value), then written out as the TOML file that is run.
pub fn scenario_text(preset: &Preset, arguments: &[String]) -> Result<String, Refusal> {
    let path = preset_path(preset);
    let refuse = |e: ScenarioError| Refusal::Scenario(e.to_string());
    let template = Template::parse(Path::new(&path), preset.text).map_err(refuse)?;
    template.build_with_arguments(arguments).map_err(refuse)?;
    let mut document: toml::Table =
        toml::from_str(preset.text).map_err(|e| Refusal::Scenario(format!("{path}: {e}")))?;
    for argument in arguments {
        Override::parse(argument, Path::new(&path))
            .and_then(|o| o.apply(&mut document))
            .map_err(refuse)?;
    }
    let body = toml::to_string(&document)
        .map_err(|e| Refusal::Scenario(format!("cannot write the scenario: {e}")))?;
    let mut header = format!(
        "# Made by `endplate serve` from {path}{}\n",
        if arguments.is_empty() { "" } else { " with" }
    );
    for argument in arguments {
        header += &format!("#   --set {argument}\n");
    }
    header += "# Run it with: endplate run <this file>\n\n";
    Ok(header + &body)
}

/// Checks a scenario text written by [`scenario_text`], as `endplate run`
/// would read it from `name`.
pub fn load(name: &str, text: &str) -> Result<Run, Refusal> {
    crate::scenario::load_text(Path::new(name), text, &[])
        .map_err(|e| Refusal::Scenario(e.to_string()))
}

/// The explanation at the head of a preset file: its leading comment
/// block, without the `#` marks, paragraphs kept.
pub fn explanation(preset: &Preset) -> String {
    let mut text = String::new();
    for line in preset.text.lines() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        text += comment.strip_prefix(' ').unwrap_or(comment);
        text.push('\n');
    }
    text.trim_end().to_owned()
}

/// The value a preset gives a slider's key, in the slider's unit, for
/// placing the slider when the preset is chosen (`None`: the key is absent
/// and the model's published value applies).
pub fn preset_value(document: &toml::Table, slider: &Slider) -> Option<f64> {
    let path = KeyPath::parse(slider.key)?;
    let mut here = toml::Value::Table(document.clone());
    for segment in &path.0 {
        here = match (here, segment) {
            (toml::Value::Table(mut table), crate::scenario::path::Segment::Key(key)) => {
                table.remove(key)?
            }
            (toml::Value::Array(mut items), crate::scenario::path::Segment::Index(index)) => {
                if *index >= items.len() {
                    return None;
                }
                items.swap_remove(*index)
            }
            _ => return None,
        };
    }
    let number = match here {
        toml::Value::Float(x) => x,
        toml::Value::Integer(n) => n as f64,
        _ => return None,
    };
    Some(match slider.mapping {
        Mapping::Direct => number,
        Mapping::PercentOf(base) => 100.0 * number / base,
        Mapping::TrainDuration => {
            let frequency = preset_value(
                document,
                &Slider {
                    key: FREQUENCY_KEY,
                    mapping: Mapping::Direct,
                    ..*slider
                },
            )?;
            number * 1000.0 / frequency
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal() -> &'static Preset {
        preset("normal").expect("normal is a preset")
    }

    #[test]
    fn percent_and_duration_sliders_become_the_scenario_values() {
        let values = vec![
            (
                "parameters.chloride_channel.g_cl_max_ms_per_cm2".to_owned(),
                Value::Number(50.0),
            ),
            (FREQUENCY_KEY.to_owned(), Value::Number(50.0)),
            ("stimulus.trains[0].count".to_owned(), Value::Number(300.0)),
        ];
        let set = arguments(normal(), &values).unwrap();
        assert_eq!(
            set,
            [
                format!(
                    "parameters.chloride_channel.g_cl_max_ms_per_cm2={}",
                    0.5 * g_cl_published()
                ),
                "stimulus.trains[0].frequency_hz=50".to_owned(),
                // 300 ms at 50 Hz: 15 pulses.
                "stimulus.trains[0].count=15".to_owned(),
            ]
        );
        // Without a frequency the preset's 100 Hz counts: 30 pulses.
        let alone = arguments(normal(), &values[2..]).unwrap();
        assert_eq!(alone, ["stimulus.trains[0].count=30"]);
    }

    #[test]
    fn the_scenario_text_runs_as_the_overridden_preset() {
        let arguments = vec!["ions.ca_o_mm=0.6".to_owned()];
        let text = scenario_text(normal(), &arguments).unwrap();
        let from_text = load("page.toml", &text).unwrap();
        let from_cli = Template::parse(Path::new("scenarios/normal.toml"), normal().text)
            .and_then(|t| t.build_with_arguments(&arguments))
            .unwrap();
        assert_eq!(from_text.model, from_cli.model);
        assert_eq!(from_text.protocol, from_cli.protocol);
        assert!(text.contains("--set ions.ca_o_mm=0.6"), "{text}");
    }

    #[test]
    fn preset_values_place_the_sliders_in_their_units() {
        let document: toml::Table = toml::from_str(preset("myotonia").unwrap().text).unwrap();
        let sliders = sliders();
        let value = |key: &str| {
            let slider = sliders.iter().find(|s| s.key == key).unwrap();
            preset_value(&document, slider)
        };
        assert_eq!(value("ions.ca_o_mm"), Some(1.2));
        let clc1 = value("parameters.chloride_channel.g_cl_max_ms_per_cm2").unwrap();
        assert!((clc1 - 38.3).abs() < 0.05, "{clc1}");
        assert_eq!(value("stimulus.trains[0].count"), Some(500.0));
        assert_eq!(
            value("parameters.sodium_potassium_pump.j_max_umol_per_cm2_per_s"),
            None
        );
    }

    #[test]
    fn refusals_name_what_is_allowed() {
        let unknown = arguments(normal(), &[("solver.rtol".to_owned(), Value::Number(1.0))]);
        assert!(matches!(unknown, Err(Refusal::Unknown(m)) if m.contains("not a control")));
        let option = arguments(
            normal(),
            &[("parameters.variant".to_owned(), Value::Text("x".into()))],
        );
        assert!(matches!(option, Err(Refusal::Unknown(m)) if m.contains("published, corrected")));
        let range = check_ranges(&[("ions.k_o_mm".to_owned(), Value::Number(9.0))]);
        assert!(matches!(range, Err(Refusal::Unknown(m)) if m.contains("1 to 8 mM")));
        assert!(explanation(normal()).starts_with("Normal: the control"));
    }
}
