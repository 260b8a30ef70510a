//! The scenario-file reference cannot go stale: the committed
//! docs/scenario-reference.md is what the code generates, every table lists
//! exactly the keys the scenario parser accepts (for every model), every
//! choice exactly the values it accepts, and the hand-written ranges and
//! defaults of the keys outside `parameters!` are the ones the checks apply.

use std::collections::BTreeSet;
use std::path::Path;

use endplate::catalogue::{MODELS, ModelEntry};
use endplate::scenario::keys::{self, Key, KeyTable, ValueKind};
use endplate::scenario::{self, ScenarioError, reference};

/// A key no table has.
const STRANGER: &str = "zz_not_a_key";

#[test]
fn committed_reference_is_what_the_code_generates() {
    let committed = std::fs::read_to_string("docs/scenario-reference.md")
        .expect("docs/scenario-reference.md is committed");
    let generated = reference::markdown();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "docs/scenario-reference.md differs from what the code generates (first at line {}).\n\
             Regenerate it with:\n    {}\n\
             committed: {:?}\ngenerated: {:?}",
            line + 1,
            reference::REGENERATE,
            committed.lines().nth(line),
            generated.lines().nth(line)
        );
    }
}

/// The tables that exist in a scenario for `model`.
fn tables_for(model: &dyn ModelEntry) -> Vec<KeyTable> {
    keys::tables()
        .into_iter()
        .filter(|t| t.model.is_none_or(|m| m == model.name()))
        .collect()
}

/// The path's segments; `trains[]` is an array of tables.
fn segments(path: &str) -> Vec<&str> {
    path.split('.').filter(|s| !s.is_empty()).collect()
}

/// A scenario text for `model` with `key = value` in the table at `path`
/// (every table on the way created; an array of tables gets one element).
fn document(model: &dyn ModelEntry, path: &str, key: &str, value: toml::Value) -> String {
    fn insert(table: &mut toml::Table, path: &[&str], key: &str, value: toml::Value) {
        let Some((first, rest)) = path.split_first() else {
            table.insert(key.to_owned(), value);
            return;
        };
        match first.strip_suffix("[]") {
            Some(array) => {
                let mut element = toml::Table::new();
                insert(&mut element, rest, key, value);
                table.insert(
                    array.to_owned(),
                    toml::Value::Array(vec![toml::Value::Table(element)]),
                );
            }
            None => {
                let child = table
                    .entry(first.to_string())
                    .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                let toml::Value::Table(child) = child else {
                    unreachable!("only tables are inserted on the way")
                };
                insert(child, rest, key, value);
            }
        }
    }
    let mut root = toml::Table::new();
    root.insert("model".into(), toml::Value::String(model.name().into()));
    insert(&mut root, &segments(path), key, value);
    toml::to_string(&root).expect("a table serializes")
}

fn error_of(text: &str) -> ScenarioError {
    match scenario::load_text(Path::new("probe.toml"), text, &[]) {
        Ok(_) => panic!("this scenario was expected to be refused:\n{text}"),
        Err(error) => error,
    }
}

/// The comma-separated `allowed` list of an error, as a set.
fn allowed_set(error: &ScenarioError) -> BTreeSet<String> {
    match error.allowed.as_deref() {
        None | Some("no keys here") => BTreeSet::new(),
        Some(list) => list.split(", ").map(str::to_owned).collect(),
    }
}

#[test]
fn every_table_lists_exactly_the_keys_the_parser_accepts() {
    let mut stale = Vec::new();
    for model in MODELS {
        let tables = tables_for(model);
        // Every table and every table on the way to one (`stimulus` for
        // `stimulus.steps[]`), the top level included.
        let mut paths: BTreeSet<String> = BTreeSet::from([String::new()]);
        for table in &tables {
            let parts = segments(&table.path);
            for n in 1..=parts.len() {
                paths.insert(parts[..n].join("."));
            }
        }
        for path in &paths {
            let prefix = if path.is_empty() {
                String::new()
            } else {
                format!("{path}.")
            };
            let mut listed: BTreeSet<String> = BTreeSet::new();
            for table in &tables {
                if &table.path == path {
                    listed.extend(table.keys.iter().map(|k| k.name.to_owned()));
                } else if let Some(below) = table.path.strip_prefix(&prefix) {
                    let child = below.split('.').next().unwrap_or(below);
                    listed.insert(child.trim_end_matches("[]").to_owned());
                }
            }
            let text = document(model, path, STRANGER, toml::Value::Integer(1));
            let error = error_of(&text);
            assert_eq!(
                error.problem,
                "unknown key",
                "{} [{path}]: {error}",
                model.name()
            );
            let accepted = allowed_set(&error);
            if accepted != listed {
                stale.push(format!(
                    "{} [{path}]: the parser accepts {:?} but the reference lists {:?}",
                    model.name(),
                    accepted.difference(&listed).collect::<Vec<_>>(),
                    listed.difference(&accepted).collect::<Vec<_>>(),
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "the reference's keys differ from the parser's (first list: accepted but not \
         documented; second: documented but not accepted). Declare a number with \
         `parameters!`, or list the key in src/scenario/keys.rs, then regenerate with \
         `{}`:\n{}",
        reference::REGENERATE,
        stale.join("\n")
    );
}

#[test]
fn every_choice_lists_exactly_the_values_the_parser_accepts() {
    for model in MODELS {
        for table in tables_for(model) {
            for key in &table.keys {
                let ValueKind::Choice(choices) = &key.value else {
                    continue;
                };
                let text = document(
                    model,
                    &table.path,
                    key.name,
                    toml::Value::String("zz_not_a_choice".into()),
                );
                let error = error_of(&text);
                let listed: BTreeSet<String> = choices.iter().map(|c| c.to_string()).collect();
                assert_eq!(
                    allowed_set(&error),
                    listed,
                    "{} {}.{}: the parser's values ({error}) differ from the reference's; \
                     update src/scenario/keys.rs and regenerate with `{}`",
                    model.name(),
                    table.path,
                    key.name,
                    reference::REGENERATE
                );
            }
        }
    }
}

/// The reference's entry for `name` in the table at `path`.
fn listed(path: &str, name: &str) -> Key {
    keys::common_tables()
        .into_iter()
        .find(|t| t.path == path)
        .and_then(|t| t.keys.into_iter().find(|k| k.name == name))
        .unwrap_or_else(|| panic!("the reference lists no {path} key {name}"))
}

const STEP: &str =
    "model = \"hh1952\"\n[[stimulus.steps]]\nduration_ms = 1\namplitude_ua_per_cm2 = 1\n";
const TRAIN: &str = "model = \"hh1952\"\n[[stimulus.trains]]\nfrequency_hz = 10\nwidth_ms = 1\namplitude_ua_per_cm2 = 1\n";

const AMPLITUDE: &str = "amplitude_ua_per_cm2";

/// The scenario `text` with one `--set` argument.
#[allow(clippy::result_large_err)] // the error is built once, on a test's cold path
fn build(text: &str, set: &str) -> Result<scenario::Run, ScenarioError> {
    scenario::load_text(Path::new("probe.toml"), text, &[set.to_owned()])
}

#[test]
fn stimulus_ranges_in_the_reference_are_the_ones_the_checks_apply() {
    // (base scenario, table, key, a value just outside, the value at the bound)
    let probes = [
        (STEP, "stimulus.steps[]", "start_ms", "-1e-9", "0"),
        (STEP, "stimulus.steps[]", "duration_ms", "0", "1e-9"),
        (STEP, "stimulus.steps[]", AMPLITUDE, "1.000001e6", "1e6"),
        (STEP, "stimulus.steps[]", AMPLITUDE, "-1.000001e6", "-1e6"),
        (TRAIN, "stimulus.trains[]", "start_ms", "-1e-9", "0"),
        (TRAIN, "stimulus.trains[]", "count", "0", "1"),
        (TRAIN, "stimulus.trains[]", "count", "10000001", "10000000"),
        (TRAIN, "stimulus.trains[]", "frequency_hz", "0", "1e-9"),
        (TRAIN, "stimulus.trains[]", "width_ms", "0", "1e-9"),
        (TRAIN, "stimulus.trains[]", AMPLITUDE, "1.000001e6", "1e6"),
    ];
    for (base, table, name, outside, bound) in probes {
        let array = table.trim_end_matches("[]");
        let error = build(base, &format!("{array}[0].{name}={outside}"))
            .expect_err(&format!("{table}.{name} = {outside} is refused"));
        assert!(error.key_path.ends_with(name), "{error}");
        let key = listed(table, name);
        let rule = error.allowed.clone().unwrap_or_default();
        let documented = key
            .allowed
            .split("; ")
            .any(|clause| rule.starts_with(clause));
        assert!(
            documented,
            "{table}.{name}: the check allows `{rule}`, the reference says `{}`",
            key.allowed
        );
        build(base, &format!("{array}[0].{name}={bound}"))
            .unwrap_or_else(|e| panic!("{table}.{name} = {bound} is accepted: {e}"));
    }
    // The cross-field rule of a train's width: shorter than the 100 ms interval.
    let error = build(TRAIN, "stimulus.trains[0].width_ms=100").unwrap_err();
    assert!(error.problem.contains("overlap"), "{error}");
    assert!(
        listed("stimulus.trains[]", "width_ms")
            .allowed
            .contains("shorter than the interval")
    );
    build(TRAIN, "stimulus.trains[0].width_ms=99.9").unwrap();
    let interval_train = TRAIN.replace("frequency_hz = 10", "interval_ms = 100");
    let error = build(&interval_train, "stimulus.trains[0].interval_ms=0").unwrap_err();
    assert!(
        error
            .allowed
            .unwrap_or_default()
            .starts_with(&listed("stimulus.trains[]", "interval_ms").allowed)
    );
}

#[test]
fn defaults_in_the_reference_are_the_ones_the_parser_gives() {
    let step = build(STEP, "simulation.duration_ms=10").unwrap();
    assert_eq!(
        keys::number(step.protocol.steps[0].start_ms),
        listed("stimulus.steps[]", "start_ms").default
    );
    let train = build(TRAIN, "simulation.duration_ms=10").unwrap();
    assert_eq!(
        keys::number(train.protocol.trains[0].start_ms),
        listed("stimulus.trains[]", "start_ms").default
    );
    assert_eq!(
        train.protocol.trains[0].count.to_string(),
        listed("stimulus.trains[]", "count").default
    );
    assert_eq!(
        step.equilibrate.to_string(),
        listed("rest", "equilibrate").default
    );
    assert_eq!(
        step.rest_holds_ions.to_string(),
        listed("rest", "hold_ion_concentrations").default
    );
    assert_eq!(step.description, "");
    assert_eq!(listed("", "description").default, "empty");
    let named = scenario::load_text(Path::new("dir/some-name.toml"), STEP, &[]).unwrap();
    assert_eq!(named.name, "some-name");
    assert_eq!(listed("", "name").default, "the file name without `.toml`");
}
