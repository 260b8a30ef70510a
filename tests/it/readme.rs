//! Every command the README shows runs, and every output it shows verbatim
//! is what the command prints. The convention (written in the README's
//! "Contributing" section):
//!
//! - **run:** each line of a ```` ```sh ```` block that starts with
//!   `endplate ` or `cargo run --release -- `, and each `` `endplate …` ``
//!   in the last column of the commands table, in the order of the page,
//!   in one scratch folder (with `scenarios/` linked in), must exit 0;
//! - **not run:** a command whose line (or code span) carries the marker
//!   [`NOT_RUN`] — a server, a cluster job — with the reason after it;
//! - **shortened:** [`SHORTER`] replaces a long example's arguments with
//!   quick ones (the README shows the real ones);
//! - **verbatim:** a ```` ```text ```` block right after
//!   `<!-- output of: COMMAND -->` must equal COMMAND's stdout.

use std::fs;
use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

use crate::{endplate, stderr_of, stdout_of};

/// The marker of a command the test leaves alone.
const NOT_RUN: &str = "# not run by tests";

/// Long examples made quick: (text in the command, replacement).
const SHORTER: [(&str, &str); 2] = [
    ("--steps 24", "--steps 3"),
    (
        "compare scenarios/normal.toml scenarios/hypocalcemia.toml",
        "compare scenarios/normal.toml scenarios/hypocalcemia.toml --set simulation.duration_ms=200",
    ),
];

#[derive(Debug)]
enum Item {
    /// A command line to run (the `endplate` arguments as written).
    Run(String),
    /// A command and the output the README shows for it.
    Verbatim(String, String),
}

/// The commands and verbatim outputs of `readme`, in page order.
fn items(readme: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut lines = readme.lines().peekable();
    let mut output_of: Option<String> = None;
    while let Some(line) = lines.next() {
        if let Some(command) = line
            .strip_prefix("<!-- output of: ")
            .and_then(|rest| rest.strip_suffix(" -->"))
        {
            output_of = Some(command.to_owned());
            continue;
        }
        if line.starts_with("```") {
            let language = line.trim_start_matches('`').to_owned();
            let mut block = Vec::new();
            for inner in lines.by_ref() {
                if inner.starts_with("```") {
                    break;
                }
                block.push(inner);
            }
            match (language.as_str(), output_of.take()) {
                ("text", Some(command)) => {
                    items.push(Item::Verbatim(command, block.join("\n") + "\n"));
                }
                ("sh", _) => items.extend(shell_commands(&block).into_iter().map(Item::Run)),
                _ => {}
            }
            continue;
        }
        if line.starts_with("| `") {
            let last = line
                .trim_end()
                .trim_end_matches('|')
                .rsplit('|')
                .next()
                .unwrap_or("");
            for (i, span) in last.split('`').enumerate() {
                if i % 2 == 1 && span.starts_with("endplate ") && !span.contains(NOT_RUN) {
                    items.push(Item::Run(span.trim_start_matches("endplate ").to_owned()));
                }
            }
        }
    }
    items
}

/// The endplate commands of a shell block (continued lines joined).
fn shell_commands(block: &[&str]) -> Vec<String> {
    let mut joined: Vec<String> = Vec::new();
    let mut continued = false;
    for line in block {
        let text = line.trim().trim_end_matches('\\');
        match joined.last_mut() {
            Some(last) if continued => {
                last.push(' ');
                last.push_str(text);
            }
            _ => joined.push(text.to_owned()),
        }
        continued = line.trim_end().ends_with('\\');
    }
    joined
        .into_iter()
        .filter(|line| !line.contains(NOT_RUN))
        .filter_map(|line| {
            let command = line
                .strip_prefix("endplate ")
                .or_else(|| line.strip_prefix("cargo run --release -- "))?;
            let command = command.split(" # ").next().unwrap_or(command);
            Some(command.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

/// Runs one README command line in `dir`: words split at spaces, `*`
/// globs expanded, `> FILE` written from stdout.
fn run(dir: &Path, line: &str) -> Output {
    let mut line = line.to_owned();
    for (long, short) in SHORTER {
        line = line.replace(long, short);
    }
    let (command, redirect) = match line.split_once(" > ") {
        Some((command, file)) => (command.to_owned(), Some(file.trim().to_owned())),
        None => (line.clone(), None),
    };
    let mut args = Vec::new();
    for word in command.split_whitespace() {
        match word.split_once('*') {
            Some((prefix, suffix)) => {
                let (folder, start) = prefix.rsplit_once('/').unwrap_or((".", prefix));
                let mut matched: Vec<String> = fs::read_dir(dir.join(folder))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(start) && n.ends_with(suffix))
                    .map(|n| format!("{folder}/{n}"))
                    .collect();
                matched.sort();
                assert!(!matched.is_empty(), "{word} matches nothing");
                args.extend(matched);
            }
            None => args.push(word.to_owned()),
        }
    }
    let output = endplate().args(&args).current_dir(dir).output().unwrap();
    if let Some(file) = redirect {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &output.stdout).unwrap();
    }
    output
}

#[test]
fn every_readme_command_runs_and_shown_outputs_match() {
    let readme = fs::read_to_string("README.md").unwrap();
    let items = items(&readme);
    let dir = TempDir::new().unwrap();
    std::os::unix::fs::symlink(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
        dir.path().join("scenarios"),
    )
    .unwrap();
    let mut ran = 0;
    for item in &items {
        match item {
            Item::Run(line) => {
                let output = run(dir.path(), line);
                assert!(
                    output.status.success(),
                    "README command `endplate {line}` failed:\n{}",
                    stderr_of(&output)
                );
                ran += 1;
            }
            Item::Verbatim(line, shown) => {
                let command = line.trim_start_matches("endplate ");
                let output = run(dir.path(), command);
                assert_eq!(
                    &stdout_of(&output),
                    shown,
                    "the README shows another output of `{line}`: update it"
                );
            }
        }
    }
    assert!(ran >= 15, "the README's commands were found: {items:#?}");
}

#[test]
fn the_convention_finds_commands_and_skips_marked_ones() {
    let readme = "| `run` | x | `endplate run a.toml` |\n| `serve` | y | `endplate serve # not run by tests: a server` |\n```sh\nendplate check a.toml   # comment\ncargo run --release -- sweep s.toml \\\n  --threads 2\nendplate plot out/x   # not run by tests: needs the cluster\ncargo test --release\n```\n<!-- output of: endplate validate -->\n```text\nok\n```\n";
    let found: Vec<String> = items(readme)
        .into_iter()
        .map(|item| match item {
            Item::Run(line) => line,
            Item::Verbatim(line, shown) => format!("{line} => {shown}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            "run a.toml",
            "check a.toml",
            "sweep s.toml --threads 2",
            "endplate validate => ok\n"
        ]
    );
}
