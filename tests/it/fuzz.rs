//! A small seeded mutation fuzz of `check` and `run`: the shipped scenario
//! and sweep files with one random edit each (an extreme number, a line
//! deleted, doubled or cut, a stray character, a key renamed) must give
//! exit 0, 1 or 2 with a message, never a panic or a hang. The seed is
//! fixed, so a failure repeats; change [`SEED`] locally to explore more.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::TempDir;

use crate::{endplate, stderr_of};

const SEED: u64 = 0x5eed_0016;
/// Mutants given to `check` (in batches of [`BATCH`] files per process).
const CHECKED: usize = 240;
const BATCH: usize = 40;
/// Mutants of the quick HH scenarios given to `run`.
const RUN: usize = 24;

/// xorshift64*: enough randomness for picking edits, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const EXTREMES: [&str; 12] = [
    "0",
    "-1",
    "1e308",
    "-1e308",
    "1e-300",
    "nan",
    "inf",
    "18446744073709551615",
    "-9223372036854775808",
    "\"text\"",
    "[]",
    "{}",
];

const STRAY: [&str; 10] = ["\"", "[", "]", "{", "}", "=", ".", ",", "#", "\n"];

/// `text` with one random edit.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let at = rng.below(lines.len());
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    match rng.below(6) {
        0 => {
            // An extreme value for the first number or string on a line that has one.
            let numbered: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains('=') && !lines[i].trim_start().starts_with('#'))
                .collect();
            if let Some(&i) = numbered.get(rng.below(numbered.len())) {
                let (key, _) = lines[i].split_once('=').unwrap_or((lines[i], ""));
                out[i] = format!("{key}= {}", EXTREMES[rng.below(EXTREMES.len())]);
            }
        }
        1 => {
            out.remove(at);
        }
        2 => out.insert(at, lines[at].to_owned()),
        3 => {
            let cut = rng.below(text.len());
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            return text[..cut].to_owned();
        }
        4 => {
            let line = &lines[at];
            let pos = rng.below(line.len() + 1);
            let pos = (0..=pos)
                .rev()
                .find(|&i| line.is_char_boundary(i))
                .unwrap_or(0);
            out[at] = format!(
                "{}{}{}",
                &line[..pos],
                STRAY[rng.below(STRAY.len())],
                &line[pos..]
            );
        }
        _ => {
            if let Some((key, value)) = lines[at].split_once('=') {
                let other = lines[rng.below(lines.len())]
                    .split_once('=')
                    .map_or("zz", |(k, _)| k);
                out[at] = format!(
                    "{}={value}",
                    if rng.below(2) == 0 {
                        other
                    } else {
                        key.trim_end()
                    }
                );
                if rng.below(2) == 0 {
                    out[at] = format!("{}x ={value}", key.trim_end());
                }
            }
        }
    }
    out.join("\n") + "\n"
}

/// The shipped scenario and sweep files, copied into `dir` with the same
/// layout (sweeps find their base files), and their texts.
fn shipped(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for folder in ["scenarios", "scenarios/sweeps"] {
        fs::create_dir_all(dir.join(folder)).unwrap();
        let mut names: Vec<PathBuf> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        names.sort();
        for path in names {
            let text = fs::read_to_string(&path).unwrap();
            fs::write(dir.join(&path), &text).unwrap();
            files.push((path, text));
        }
    }
    files
}

fn assert_clean(output: &std::process::Output, what: &str) {
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}\n{}",
        stderr_of(output)
    );
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    if code != Some(0) {
        assert!(
            stderr.contains("error"),
            "{what}: a failure says why: {stderr}"
        );
    }
}

#[test]
fn mutated_scenarios_never_crash_check_or_run() {
    let dir = TempDir::new().unwrap();
    let files = shipped(dir.path());
    let mut rng = Rng(SEED);
    let mut mutants = Vec::new();
    for i in 0..CHECKED {
        let (path, text) = &files[rng.below(files.len())];
        let name = format!("m{i:03}-{}", path.file_name().unwrap().to_string_lossy());
        let mutant = dir.path().join(path.with_file_name(name));
        fs::write(&mutant, mutate(text, &mut rng)).unwrap();
        mutants.push(mutant);
    }
    for batch in mutants.chunks(BATCH) {
        let output = endplate()
            .arg("check")
            .args(batch)
            .current_dir(dir.path())
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        assert_clean(
            &output,
            &format!("check of {} … (seed {SEED:#x})", batch[0].display()),
        );
    }

    let quick: Vec<&(PathBuf, String)> = files
        .iter()
        .filter(|(p, _)| p.to_string_lossy().contains("hh1952"))
        .collect();
    for i in 0..RUN {
        let (path, text) = quick[rng.below(quick.len())];
        let mutant = dir.path().join(format!("r{i:02}.toml"));
        fs::write(&mutant, mutate(text, &mut rng)).unwrap();
        let output = endplate()
            .arg("run")
            .arg(&mutant)
            .args(["--set", "simulation.duration_ms=20", "--out"])
            .arg(dir.path().join(format!("out-{i}")))
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert_clean(
            &output,
            &format!(
                "run of a mutant of {} (seed {SEED:#x}, {i})",
                path.display()
            ),
        );
    }
}
