//! Every model × every `[ions]` key × both divalent laws: each value given
//! in `[ions]` changes every part of the model that says it honours the key,
//! leaves unchanged every part that says it ignores it (with the reason,
//! which `check` prints), or is refused with a located reason. Written after
//! two silent errors (issue 13): the Hennings axon kept its own K⁺ while the
//! fibre followed `ions.k_o_mm`, and the motor-unit axon kept the empirical
//! divalent law while the fibre used Grahame screening.

// The error is the scenario layer's own (file, key path, value), built once.
#![allow(clippy::result_large_err)]

use std::path::Path;

use endplate::catalogue::axons::AXONS;
use endplate::catalogue::{IonUse, MODELS, ModelEntry, Part};
use endplate::model::ions::NormalHumanIons;
use endplate::params::ParameterSet;
use endplate::scenario::{self, ScenarioError};

/// A value of each key away from every model's published value (and from
/// the divalent law's reference, 1.2/0.5 mM).
fn probe_value(key: &str) -> f64 {
    match key {
        "k_o_mm" => 2.0,
        "na_o_mm" => 120.0,
        "cl_o_mm" => 90.0,
        "ca_o_mm" => 0.7,
        "mg_o_mm" => 0.2,
        "mg_i_um" => 600.0,
        "temperature_celsius" => 30.0,
        "ph" => 7.6,
        other => panic!("a new [ions] key `{other}`: give it a probe value here"),
    }
}

/// The `[parameters]` lines of every variant of `entry` that changes what
/// it honours: the axon, the divalent law, the chloride distribution.
fn variants(entry: &dyn ModelEntry) -> Vec<Vec<String>> {
    let options: Vec<&str> = entry.options().iter().map(|k| k.name).collect();
    let has_law = entry
        .parameters()
        .iter()
        .any(|group| group.section == "surface_charge");
    let mut variants = vec![Vec::new()];
    let mut fan_out = |lines: Vec<String>| {
        variants = variants
            .iter()
            .flat_map(|v| {
                lines.iter().map(move |line| {
                    let mut v = v.clone();
                    v.push(line.clone());
                    v
                })
            })
            .collect();
    };
    if options.contains(&"axon_model") {
        fan_out(
            AXONS
                .iter()
                .map(|axon| format!("axon_model = \"{}\"", axon.name()))
                .collect(),
        );
    }
    if options.contains(&"chloride_distribution") {
        fan_out(vec![
            "chloride_distribution = \"with-potassium\"".into(),
            "chloride_distribution = \"fixed\"".into(),
        ]);
    }
    if has_law {
        fan_out(vec![
            "surface_charge.mode = \"empirical\"".into(),
            "surface_charge.mode = \"grahame\"".into(),
        ]);
    }
    variants
}

fn build(
    entry: &dyn ModelEntry,
    parameters: &[String],
    ions: &str,
) -> Result<Vec<Part>, ScenarioError> {
    let text = format!(
        "model = \"{}\"\n[ions]\n{ions}\n[parameters]\n{}\n",
        entry.name(),
        parameters.join("\n")
    );
    scenario::load_text(Path::new("conditions.toml"), &text, &[]).map(|run| run.model.parts())
}

#[test]
fn every_ions_value_reaches_every_part_that_honours_it_or_is_refused() {
    let mut checked = 0;
    for entry in MODELS {
        for parameters in variants(entry) {
            let base = build(entry, &parameters, "").unwrap();
            for info in NormalHumanIons::INFO {
                let key = info.name;
                let line = format!("{key} = {}", probe_value(key));
                let context = format!("{} [{}] ions.{key}", entry.name(), parameters.join("; "));
                let given = match (build(entry, &parameters, &line), entry.ion_use(key)) {
                    (Err(error), IonUse::Refused(why)) => {
                        assert_eq!(error.problem, why, "{context}");
                        assert_eq!(error.key_path, format!("ions.{key}"), "{context}");
                        continue;
                    }
                    (Ok(_), IonUse::Refused(_)) => panic!("{context}: refused, yet built"),
                    (Err(error), IonUse::Honoured) => {
                        // A key the model honours only with another option
                        // (Cl⁻ outside needs the fixed distribution).
                        assert_eq!(error.key_path, format!("ions.{key}"), "{context}: {error}");
                        assert!(error.allowed.is_some(), "{context}: {error}");
                        continue;
                    }
                    (Ok(parts), IonUse::Honoured) => parts,
                };
                assert_eq!(given.len(), base.len(), "{context}");
                let mut acted = false;
                for (part, unchanged) in given.iter().zip(&base) {
                    let honours = part.honours.contains(&key);
                    let ignored = part.ignores.iter().find(|(k, _)| *k == key);
                    assert!(
                        honours != ignored.is_some(),
                        "{context}: {} must either honour or ignore the key (with why)",
                        part.name
                    );
                    if honours {
                        assert_ne!(
                            part.signature, unchanged.signature,
                            "{context}: {} says it honours the key but does not change",
                            part.name
                        );
                        acted = true;
                    } else {
                        assert!(!ignored.unwrap().1.is_empty());
                        assert_eq!(
                            part.signature, unchanged.signature,
                            "{context}: {} says it ignores the key but changes",
                            part.name
                        );
                    }
                    checked += 1;
                }
                assert!(acted, "{context}: no part acts on a key the model honours");
            }
        }
    }
    assert!(checked > 100, "{checked} part × key checks");
}

#[test]
fn every_part_that_follows_the_divalent_law_follows_the_scenario_s_law() {
    for entry in MODELS {
        let law_variants = variants(entry)
            .into_iter()
            .filter(|v| v.iter().any(|line| line.contains("\"grahame\"")));
        for grahame in law_variants {
            let empirical: Vec<String> = grahame
                .iter()
                .map(|line| line.replace("\"grahame\"", "\"empirical\""))
                .collect();
            let ions = "ca_o_mm = 0.7\nmg_o_mm = 0.5";
            let (Ok(by_grahame), Ok(by_empirical)) =
                (build(entry, &grahame, ions), build(entry, &empirical, ions))
            else {
                panic!("{}: {grahame:?} does not build", entry.name());
            };
            for (g, e) in by_grahame.iter().zip(&by_empirical) {
                if g.follows_divalent_law {
                    assert_ne!(
                        g.signature,
                        e.signature,
                        "{} [{}]: {} does not follow the divalent law",
                        entry.name(),
                        grahame.join("; "),
                        g.name
                    );
                } else {
                    assert_eq!(g.signature, e.signature, "{}: {}", entry.name(), g.name);
                }
            }
        }
    }
}

/// Giving the temperature a model runs at anyway changes nothing: a part
/// must not fall back to a temperature of its own when the key is absent
/// (a motor unit's fibre once ran at its published 20 °C instead of the
/// unit's 37 °C unless the scenario wrote `temperature_celsius = 37`).
#[test]
fn the_default_temperature_given_or_not_is_the_same_model() {
    for entry in MODELS {
        if entry.ion_use("temperature_celsius") != IonUse::Honoured {
            continue;
        }
        for parameters in variants(entry) {
            let line = format!(
                "temperature_celsius = {}",
                entry.published_temperature_celsius()
            );
            let (Ok(absent), Ok(given)) = (
                build(entry, &parameters, ""),
                build(entry, &parameters, &line),
            ) else {
                panic!(
                    "{} [{}] does not build",
                    entry.name(),
                    parameters.join("; ")
                );
            };
            for (a, g) in absent.iter().zip(&given) {
                assert_eq!(
                    a.signature,
                    g.signature,
                    "{} [{}]: {}",
                    entry.name(),
                    parameters.join("; "),
                    a.name
                );
            }
        }
    }
}
