//! `--set key.path=value`: command-line overrides of any scalar in a
//! scenario, validated exactly like the file. Sweep axes use the same paths.

use std::path::{Path, PathBuf};

use crate::scenario::error::{Origin, ScenarioError};
use crate::scenario::path::{KeyPath, Segment};

/// One parsed `--set` argument.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The argument as given, for error messages.
    pub argument: String,
    /// The scenario file it overrides.
    pub file: PathBuf,
    /// Where the value goes.
    pub path: KeyPath,
    /// The value: TOML syntax (`1e-3`, `true`, `"text"`), or a bare word taken as a string.
    pub value: toml::Value,
}

impl Override {
    /// Parses `key.path=value` for the scenario at `file`.
    pub fn parse(argument: &str, file: &Path) -> Result<Self, ScenarioError> {
        let origin = || Origin::Override {
            argument: argument.to_owned(),
            path: file.to_owned(),
        };
        let Some((key, value)) = argument.split_once('=') else {
            return Err(ScenarioError::new(origin(), "", "an override needs the form key.path=value")
                .with_value(argument)
                .with_allowed("e.g. --set simulation.duration_ms=200 or --set stimulus.steps[0].amplitude_ua_per_cm2=8"));
        };
        let key = key.trim();
        let path = KeyPath::parse(key).ok_or_else(|| {
            ScenarioError::new(origin(), key, "not a key path")
                .with_value(key)
                .with_allowed(
                    "dot-separated keys with [i] for array items, e.g. stimulus.trains[0].count",
                )
        })?;
        Ok(Self {
            argument: argument.to_owned(),
            file: file.to_owned(),
            path,
            value: parse_scalar(value.trim()),
        })
    }

    /// An override of `path` with `value` (as a sweep axis makes them) for the scenario at `file`.
    pub fn new(path: KeyPath, value: toml::Value, file: &Path) -> Self {
        Self {
            argument: format!("{path}={value}"),
            file: file.to_owned(),
            path,
            value,
        }
    }

    /// Writes the value into `document`, creating missing tables on the way.
    pub fn apply(&self, document: &mut toml::Table) -> Result<(), ScenarioError> {
        let error = |at: &KeyPath, problem: String| {
            ScenarioError::new(
                Origin::Override {
                    argument: self.argument.clone(),
                    path: self.file.clone(),
                },
                at.to_string(),
                problem,
            )
        };
        if matches!(self.value, toml::Value::Array(_) | toml::Value::Table(_)) {
            return Err(error(
                &self.path,
                "--set takes a single value, not an array or table".to_owned(),
            )
            .with_value(self.value.to_string()));
        }
        let (last, parents) = self
            .path
            .0
            .split_last()
            .expect("a parsed key path has at least one segment");
        let mut here = Slot::Table(document);
        let mut at = KeyPath::root();
        for segment in parents {
            here = match (here, segment) {
                (Slot::Table(table), Segment::Key(key)) => {
                    at = at.key(key);
                    let entry = table
                        .entry(key.clone())
                        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
                    Slot::from_value(entry).ok_or_else(|| {
                        error(&at, format!("`{at}` is a single value, not a table"))
                    })?
                }
                (Slot::Array(items), Segment::Index(index)) => {
                    let count = items.len();
                    at = at.index(*index);
                    let item = items.get_mut(*index).ok_or_else(|| {
                        error(&at, format!("there is no item {index}: the scenario has {count} (counting from 0)"))
                    })?;
                    Slot::from_value(item)
                        .ok_or_else(|| error(&at, format!("`{at}` is a single value")))?
                }
                (Slot::Table(_), Segment::Index(_)) => {
                    return Err(error(&at, format!("`{at}` is a table, not an array")));
                }
                (Slot::Array(_), Segment::Key(_)) => {
                    return Err(error(
                        &at,
                        format!("`{at}` is an array: give an index, e.g. {at}[0]"),
                    ));
                }
            };
        }
        match (here, last) {
            (Slot::Table(table), Segment::Key(key)) => {
                if matches!(
                    table.get(key),
                    Some(toml::Value::Table(_) | toml::Value::Array(_))
                ) {
                    return Err(error(
                        &self.path,
                        format!("`{}` is a table or array, not a single value", self.path),
                    ));
                }
                table.insert(key.clone(), self.value.clone());
                Ok(())
            }
            (Slot::Array(items), Segment::Index(index)) => {
                let count = items.len();
                let item = items.get_mut(*index).ok_or_else(|| {
                    error(
                        &self.path,
                        format!(
                            "there is no item {index}: the scenario has {count} (counting from 0)"
                        ),
                    )
                })?;
                *item = self.value.clone();
                Ok(())
            }
            _ => Err(error(
                &self.path,
                format!("`{}` does not name a value", self.path),
            )),
        }
    }
}

/// A mutable place in the document that can hold children.
enum Slot<'a> {
    Table(&'a mut toml::Table),
    Array(&'a mut Vec<toml::Value>),
}

impl<'a> Slot<'a> {
    fn from_value(value: &'a mut toml::Value) -> Option<Self> {
        match value {
            toml::Value::Table(table) => Some(Slot::Table(table)),
            toml::Value::Array(items) => Some(Slot::Array(items)),
            _ => None,
        }
    }
}

/// A TOML scalar (`12`, `1e-3`, `true`, `"x"`), or the text itself as a string.
fn parse_scalar(text: &str) -> toml::Value {
    toml::from_str::<toml::Table>(&format!("value = {text}"))
        .ok()
        .and_then(|mut table| table.remove("value"))
        .unwrap_or_else(|| toml::Value::String(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(document: &str, argument: &str) -> Result<toml::Table, ScenarioError> {
        let mut table: toml::Table = toml::from_str(document).unwrap();
        Override::parse(argument, Path::new("x.toml"))?.apply(&mut table)?;
        Ok(table)
    }

    #[test]
    fn sets_nested_values_and_creates_missing_tables() {
        let table = apply("model = \"hh1952\"", "solver.rtol=1e-9").unwrap();
        assert_eq!(table["solver"]["rtol"].as_float(), Some(1e-9));
        let table = apply(
            "[[stimulus.steps]]\namplitude_ua_per_cm2 = 5",
            "stimulus.steps[0].amplitude_ua_per_cm2=8",
        )
        .unwrap();
        assert_eq!(
            table["stimulus"]["steps"][0]["amplitude_ua_per_cm2"].as_integer(),
            Some(8)
        );
    }

    #[test]
    fn bare_words_are_strings_and_toml_scalars_keep_their_type() {
        assert_eq!(parse_scalar("rk4"), toml::Value::String("rk4".into()));
        assert_eq!(parse_scalar("\"rk4\""), toml::Value::String("rk4".into()));
        assert_eq!(parse_scalar("3"), toml::Value::Integer(3));
        assert_eq!(parse_scalar("true"), toml::Value::Boolean(true));
    }

    #[test]
    fn reports_missing_items_and_non_scalars() {
        let error = apply(
            "[[stimulus.steps]]\nstart_ms = 1",
            "stimulus.steps[3].start_ms=2",
        )
        .unwrap_err();
        assert!(error.problem.contains("no item 3"), "{error}");
        let error = apply("[simulation]\nduration_ms = 1", "simulation=3").unwrap_err();
        assert!(error.problem.contains("not a single value"), "{error}");
        assert!(Override::parse("novalue", Path::new("x.toml")).is_err());
        assert!(Override::parse("a..b=1", Path::new("x.toml")).is_err());
        assert!(apply("", "x=[1, 2]").is_err());
    }
}
