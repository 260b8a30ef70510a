//! The scenario-file reference as Markdown: every table and key of
//! [`super::keys`], with unit, default, allowed values, meaning and source.
//! `endplate reference` prints it; docs/scenario-reference.md is its output,
//! and `tests/it/reference.rs` fails when the committed file differs.

use std::fmt::Write;

use crate::catalogue::MODELS;
use crate::model::ions::NormalHumanIons;
use crate::params::ParameterSet;
use crate::scenario::keys::{self, Key, KeyTable, ValueKind};

/// The command that writes the committed reference, as the docs quote it.
pub const REGENERATE: &str = "cargo run --release -- reference > docs/scenario-reference.md";

/// The whole reference. (Writing to a String cannot fail.)
pub fn markdown() -> String {
    let mut text = String::new();
    let _ = writeln!(text, "# Scenario file reference\n");
    let _ = writeln!(
        text,
        "<!-- Generated from the code by `endplate reference`; do not edit by hand. \
         Regenerate: `{REGENERATE}`. -->\n"
    );
    text.push_str(
        "Every key a scenario file (TOML) can hold. Unknown keys are errors, and every \
         number is checked against its range before anything runs (`endplate check`). \
         `--set` and sweep axes reach any scalar by the same path, with an index for the \
         arrays of tables: `stimulus.trains[0].count`, `parameters.sodium_channel.g_na_ms_per_cm2`. \
         Units are in the key names; `1` means dimensionless. Numbers declared in the code \
         with their unit, range and source (`parameters!`) are printed from that \
         declaration.\n\n",
    );
    text.push_str("Tables: ");
    let common = keys::common_tables();
    let contents: Vec<String> = common
        .iter()
        .map(|t| format!("[{}](#{})", heading(t), anchor(&heading(t))))
        .chain(
            MODELS
                .iter()
                .map(|k| format!("[`{0}` parameters](#{0}-parameters)", k.name())),
        )
        .collect();
    let _ = writeln!(text, "{}.\n", contents.join(" · "));

    for table in &common {
        let _ = writeln!(text, "## {}\n", heading(table));
        write_table(&mut text, table);
        if table.path == "ions" {
            write_ion_acceptance(&mut text);
        }
    }

    text.push_str("## Models\n\n");
    for kind in MODELS {
        let _ = writeln!(text, "### `{}` parameters\n", kind.name());
        let _ = writeln!(text, "{}\n", kind.summary());
        for table in keys::parameter_tables(kind) {
            let _ = writeln!(text, "#### `[{}]`\n", table.path);
            write_table(&mut text, &table);
        }
    }
    text
}

/// `Top level`, or the table as a scenario writes it: `[simulation]`, `[[stimulus.trains]]`.
fn heading(table: &KeyTable) -> String {
    match table.path.strip_suffix("[]") {
        _ if table.path.is_empty() => "Top level".to_owned(),
        Some(array) => format!("`[[{array}]]`"),
        None => format!("`[{}]`", table.path),
    }
}

/// The anchor GitHub gives a heading: lower case, spaces to dashes, punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn write_table(text: &mut String, table: &KeyTable) {
    if !table.doc.is_empty() {
        let _ = writeln!(text, "{}\n", table.doc);
    }
    if table.keys.is_empty() {
        return;
    }
    text.push_str("| key | unit | default | allowed | meaning | source |\n");
    text.push_str("|---|---|---|---|---|---|\n");
    for key in &table.keys {
        let _ = writeln!(
            text,
            "| `{}` | {} | {} | {} | {} | {} |",
            key.name,
            cell(key.unit),
            cell(&key.default),
            cell(&allowed(key)),
            cell(&key.doc),
            cell(key.source)
        );
    }
    text.push('\n');
}

/// The allowed column: the type, then the key's own rule.
fn allowed(key: &Key) -> String {
    let kind = match &key.value {
        ValueKind::Text => "text".to_owned(),
        ValueKind::Switch => "`true`, `false`".to_owned(),
        ValueKind::Choice(choices) => choices
            .iter()
            .map(|c| format!("`\"{c}\"`"))
            .collect::<Vec<_>>()
            .join(", "),
        ValueKind::Number => String::new(),
        ValueKind::WholeNumber => "whole number".to_owned(),
    };
    match (kind.is_empty(), key.allowed.is_empty()) {
        (true, _) => key.allowed.clone(),
        (false, true) => kind,
        (false, false) => format!("{kind}: {}", key.allowed),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text.replace('|', "\\|").replace('\n', " ")
    }
}

/// Which model honours which `[ions]` key, as the scenario checks decide.
fn write_ion_acceptance(text: &mut String) {
    text.push_str("Which model honours which key (a refused key is an error that says why):\n\n");
    let _ = writeln!(
        text,
        "| key | {} |",
        MODELS
            .iter()
            .map(|k| format!("`{}`", k.name()))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(text, "|---|{}", "---|".repeat(MODELS.len()));
    let mut reasons: Vec<String> = Vec::new();
    for info in NormalHumanIons::INFO {
        let verdicts: Vec<String> = MODELS
            .iter()
            .map(|&kind| match keys::ion_acceptance(kind, info) {
                Ok(()) => "yes".to_owned(),
                Err(reason) => {
                    let number = match reasons.iter().position(|r| *r == reason) {
                        Some(i) => i + 1,
                        None => {
                            reasons.push(reason);
                            reasons.len()
                        }
                    };
                    format!("refused ({number})")
                }
            })
            .collect();
        let _ = writeln!(text, "| `{}` | {} |", info.name, verdicts.join(" | "));
    }
    text.push('\n');
    for (i, reason) in reasons.iter().enumerate() {
        let _ = writeln!(text, "{}. {reason}", i + 1);
    }
    if !reasons.is_empty() {
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_tables_as_a_scenario_writes_them() {
        let table = |path: &str| KeyTable {
            path: path.to_owned(),
            model: None,
            doc: String::new(),
            keys: Vec::new(),
        };
        assert_eq!(heading(&table("")), "Top level");
        assert_eq!(heading(&table("solver")), "`[solver]`");
        assert_eq!(
            heading(&table("stimulus.trains[]")),
            "`[[stimulus.trains]]`"
        );
        assert_eq!(anchor("`[[stimulus.trains]]`"), "stimulustrains");
        assert_eq!(anchor("Top level"), "top-level");
    }

    #[test]
    fn pipes_in_a_cell_do_not_split_the_table() {
        assert_eq!(cell("|dy/dt|"), "\\|dy/dt\\|");
        assert_eq!(cell(""), "—");
    }
}
