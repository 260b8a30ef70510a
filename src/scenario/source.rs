//! Where each key of a scenario file stands, so errors can point at it.
//!
//! The file is parsed once more with toml's span-keeping parser (`DeTable`)
//! and every key path is mapped to the line and column of its key and of
//! its value. Nothing is deserialized from here: values come from the plain
//! `toml::Table`, to which `--set` overrides are applied.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::scenario::error::{Origin, ScenarioError};
use crate::scenario::path::KeyPath;

/// Spans of every key path in one scenario file.
#[derive(Debug, Clone)]
pub struct SourceMap {
    path: PathBuf,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    text: String,
    /// Key path (as printed) → (span of the key, span of the value).
    spans: HashMap<String, (Range<usize>, Range<usize>)>,
}

impl SourceMap {
    /// Parses `text` (the contents of `path`), or reports the syntax error where it is.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ScenarioError> {
        let mut map = Self {
            path: path.to_owned(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            text: text.to_owned(),
            spans: HashMap::new(),
        };
        let document = DeTable::parse(text).map_err(|error| map.syntax_error(&error))?;
        map.record_table(&KeyPath::root(), document.get_ref());
        Ok(map)
    }

    /// A located error for a toml syntax error.
    pub fn syntax_error(&self, error: &toml::de::Error) -> ScenarioError {
        let origin = match error.span() {
            Some(span) => self.origin_at(span.start),
            None => Origin::WholeFile(self.path.clone()),
        };
        let problem = format!("TOML syntax error: {}", error.message().trim());
        ScenarioError::new(origin, "", problem)
    }

    fn record_table(&mut self, at: &KeyPath, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let path = at.key(key.get_ref());
            self.spans
                .insert(path.to_string(), (key.span(), value.span()));
            self.record_value(&path, value.get_ref());
        }
    }

    fn record_value(&mut self, path: &KeyPath, value: &DeValue<'_>) {
        match value {
            DeValue::Table(table) => self.record_table(path, table),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let item_path = path.index(i);
                    self.spans
                        .insert(item_path.to_string(), (item.span(), item.span()));
                    self.record_value(&item_path, item.get_ref());
                }
            }
            _ => {}
        }
    }

    /// The map of the table at `prefix` as if it were a file of its own:
    /// key paths lose the prefix, positions stay in this file, and the root
    /// points at the table itself. A scenario embedded in another file (a
    /// sweep file's inline `[base]`) is checked with it.
    pub fn subtree(&self, prefix: &KeyPath) -> Self {
        let prefix_text = prefix.to_string();
        let mut spans: HashMap<String, (Range<usize>, Range<usize>)> = self
            .spans
            .iter()
            .filter_map(|(path, spans)| {
                let rest = path.strip_prefix(&prefix_text)?.strip_prefix('.')?;
                Some((rest.to_owned(), spans.clone()))
            })
            .collect();
        if let Some(root) = self.spans.get(&prefix_text) {
            spans.insert(String::new(), root.clone());
        }
        Self {
            path: self.path.clone(),
            line_starts: self.line_starts.clone(),
            text: self.text.clone(),
            spans,
        }
    }

    /// The file this map describes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the key (`key = true`) or the value of `path` stands; the
    /// nearest ancestor that is in the file when `path` itself is not.
    pub fn locate(&self, path: &KeyPath, key: bool) -> Origin {
        let mut probe = path.clone();
        loop {
            if let Some((key_span, value_span)) = self.spans.get(&probe.to_string()) {
                let span = if key { key_span } else { value_span };
                return self.origin_at(span.start);
            }
            if probe.0.is_empty() {
                return self.origin_at(0);
            }
            probe = probe.parent();
        }
    }

    /// The text of the value at `path` as written in the file, if present.
    pub fn value_text(&self, path: &KeyPath) -> Option<&str> {
        self.spans
            .get(&path.to_string())
            .and_then(|(_, span)| self.text.get(span.clone()))
    }

    fn origin_at(&self, offset: usize) -> Origin {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Origin::File {
            path: self.path.clone(),
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(origin: Origin) -> (usize, usize) {
        match origin {
            Origin::File { line, column, .. } => (line, column),
            other => panic!("not a file origin: {other:?}"),
        }
    }

    #[test]
    fn locates_keys_values_and_array_items() {
        let text = "model = \"hh1952\"\n\n[simulation]\nduration_ms = 50.0\n\n[[stimulus.steps]]\nstart_ms = 1\n";
        let map = SourceMap::parse(Path::new("x.toml"), text).unwrap();
        assert_eq!(
            at(map.locate(&KeyPath::parse("model").unwrap(), true)),
            (1, 1)
        );
        assert_eq!(
            at(map.locate(&KeyPath::parse("model").unwrap(), false)),
            (1, 9)
        );
        assert_eq!(
            at(map.locate(&KeyPath::parse("simulation.duration_ms").unwrap(), false)),
            (4, 15)
        );
        assert_eq!(
            at(map.locate(&KeyPath::parse("stimulus.steps[0].start_ms").unwrap(), true)),
            (7, 1)
        );
        // Absent key: its nearest present ancestor.
        assert_eq!(
            at(map.locate(&KeyPath::parse("simulation.output_dt_ms").unwrap(), true)),
            (3, 2)
        );
        assert_eq!(
            map.value_text(&KeyPath::parse("simulation.duration_ms").unwrap()),
            Some("50.0")
        );
    }

    #[test]
    fn a_subtree_locates_its_keys_in_the_enclosing_file() {
        let text =
            "axes = []\n\n[base]\nmodel = \"hh1952\"\n\n[base.simulation]\nduration_ms = 5\n";
        let map = SourceMap::parse(Path::new("s.toml"), text).unwrap();
        let base = map.subtree(&KeyPath::parse("base").unwrap());
        assert_eq!(
            at(base.locate(&KeyPath::parse("simulation.duration_ms").unwrap(), false)),
            (7, 15)
        );
        assert_eq!(
            base.value_text(&KeyPath::parse("model").unwrap()),
            Some("\"hh1952\"")
        );
        // Absent keys fall back to the embedded table's header, not the file's first line.
        assert_eq!(
            at(base.locate(&KeyPath::parse("stimulus").unwrap(), true)),
            (3, 2)
        );
        assert_eq!(base.value_text(&KeyPath::parse("axes").unwrap()), None);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let error = SourceMap::parse(
            Path::new("x.toml"),
            "model = \"hh1952\"\nduration_ms = = 3\n",
        )
        .unwrap_err();
        let (line, _) = at(error.origin.clone());
        assert_eq!(line, 2, "{error}");
        assert!(error.problem.contains("syntax"), "{error}");
    }
}
