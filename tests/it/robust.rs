//! Nothing left behind, nothing unbounded (issue 16), through the real
//! binary: interrupts, size limits, names, `check` limits, command-line
//! numbers, unconverged rest scans, folder locks, stale files, the
//! messages people read and progress of long work.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use tempfile::TempDir;

use crate::{endplate, stderr_of, stdout_of};

const HH: &str = "scenarios/hh1952-pulse.toml";

/// Every file and folder under `dir`, relative, sorted (hidden ones too).
fn listing(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            names.push(path.strip_prefix(dir).unwrap().display().to_string());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    names.sort();
    names
}

fn hidden(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|n| n.split('/').any(|part| part.starts_with('.')))
        .collect()
}

/// Starts the binary with `args`, its stdout discarded.
fn spawn(args: &[&str]) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_endplate"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Starts the sweep `file` into `out` on one thread.
fn spawn_sweep(file: &Path, out: &Path) -> Child {
    spawn(&[
        "sweep",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--threads",
        "1",
        "--quiet",
    ])
}

/// Waits (at most a minute) until `ready` holds.
fn wait_for(what: &str, ready: impl Fn() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(started.elapsed() < Duration::from_secs(60), "{what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// A sweep of HH pulses over 12 amplitudes, every point traced finely
/// enough that a point takes a while to write.
const TRACED_SWEEP: &str = "name = \"traced\"\nbase = \"base.toml\"\nset = [\"simulation.output_dt_ms=0.002\", \"simulation.duration_ms=60\"]\nmetrics = [\"spike_count\"]\n[traces]\npoints = \"all\"\n[[axes]]\npath = \"stimulus.trains[0].amplitude_ua_per_cm2\"\nlinspace = { start = 0.0, stop = 40.0, count = 12 }\n";

/// A folder with the HH pulse as `base.toml` and the sweep file `name` holding `text`.
fn sweep_file(name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    fs::copy(HH, dir.path().join("base.toml")).unwrap();
    let file = dir.path().join(name);
    fs::write(&file, text).unwrap();
    (dir, file)
}

fn traced_sweep() -> (TempDir, PathBuf) {
    sweep_file("traced.toml", TRACED_SWEEP)
}

#[test]
fn interrupted_runs_and_sweeps_leave_no_temporaries() {
    for (name, code) in [("INT", 130), ("TERM", 143)] {
        let dir = TempDir::new().unwrap();
        let out = dir.path().join("out");
        let child = spawn(&[
            "run",
            HH,
            "--out",
            out.to_str().unwrap(),
            "--set",
            "simulation.output_dt_ms=1e-5",
            "--force",
        ]);
        wait_for("the run starts its trace", || !hidden(&out).is_empty());
        signal(&child, name);
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(code), "SIG{name}");
        assert!(
            stderr_of(&output).contains("interrupted; unfinished outputs removed"),
            "{}",
            stderr_of(&output)
        );
        assert!(!out.exists(), "SIG{name} left {:?}", listing(&out));
    }

    let (dir, file) = traced_sweep();
    let out = dir.path().join("sweep");
    let child = spawn_sweep(&file, &out);
    wait_for("a trace is being written", || {
        hidden(&out).iter().any(|n| n.starts_with("traces/"))
    });
    signal(&child, "INT");
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(130));
    assert_eq!(hidden(&out), Vec::<String>::new(), "nothing hidden is left");
    assert!(out.join("results.partial.csv").exists(), "resumable");

    // What a SIGKILL leaves (a dead process's temporaries) goes at the next start.
    for stale in [".point-03.tmp-999999999.csv", ".results.tmp-999999998.csv"] {
        let folder = if stale.starts_with(".point") {
            out.join("traces")
        } else {
            out.clone()
        };
        fs::write(folder.join(stale), "half").unwrap();
    }
    let output = endplate()
        .arg("sweep")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .args(["--resume", "--quiet"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(hidden(&out), Vec::<String>::new());
    assert_eq!(fs::read_dir(out.join("traces")).unwrap().count(), 12);
}

#[test]
fn a_run_over_the_trace_limit_is_refused_and_check_reports_the_size() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let output = endplate()
        .args(["run", HH, "--set", "simulation.output_dt_ms=1e-6", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr_of(&output),
        "error: scenarios/hh1952-pulse.toml: the trace of this run would take about 3600 MB \
         (3.0e7 rows of 6 columns), more than the limit of 1024 MB; raise simulation.output_dt_ms \
         (now 0.000001 ms) or shorten simulation.duration_ms (now 30 ms), or add --force\n"
    );
    assert!(!out.exists(), "nothing is written");
    let output = endplate()
        .args(["run", HH, "--set", "simulation.duration_ms=1e8", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("about 1.2e6 MB (1.0e10 rows"),
        "{}",
        stderr_of(&output)
    );
    let output = endplate()
        .args(["compare", HH, HH, "--set", "simulation.output_dt_ms=1e-6"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "compare keeps the runs in memory"
    );

    let output = endplate().args(["check", HH]).output().unwrap();
    assert!(
        stdout_of(&output).contains("; trace about 0.4 MB)"),
        "{}",
        stdout_of(&output)
    );
    let output = endplate()
        .args(["check", HH, "--set", "simulation.output_dt_ms=1e-6"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("`endplate run` refuses this scenario without --force"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn names_are_one_safe_folder_name() {
    let dir = TempDir::new().unwrap();
    let text = fs::read_to_string(HH).unwrap();
    for name in ["../../escape", "/tmp/escape", "a/b", ".hidden", ""] {
        let file = dir.path().join("bad.toml");
        let renamed = text.replace("name = \"hh1952-pulse\"", &format!("name = \"{name}\""));
        assert_ne!(renamed, text);
        fs::write(&file, renamed).unwrap();
        let output = endplate()
            .arg("run")
            .arg(&file)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            stderr_of(&output).contains("bad.toml:9:8: `name`: not usable as a folder name"),
            "{}",
            stderr_of(&output)
        );
    }
    fs::copy(HH, dir.path().join("base.toml")).unwrap();
    let sweep = dir.path().join("sweep.toml");
    fs::write(
        &sweep,
        "name = \"../up\"\nbase = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"ions.temperature_celsius\"\nvalues = [6.3]\n",
    )
    .unwrap();
    let output = endplate().arg("sweep").arg(&sweep).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("`name`: not usable as a folder name"));
    assert_eq!(listing(dir.path()), ["bad.toml", "base.toml", "sweep.toml"]);
}

#[test]
fn check_applies_the_sweep_limits_at_once() {
    let (dir, huge) = sweep_file(
        "huge.toml",
        "base = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"stimulus.trains[0].amplitude_ua_per_cm2\"\nlinspace = { start = 0.0, stop = 1.0, count = 100000000 }\n",
    );
    let started = Instant::now();
    let output = endplate().arg("check").arg(&huge).output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "not every point is built"
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(
            "`endplate sweep` refuses this file without --force: this sweep has 100000000 points"
        ),
        "{}",
        stderr_of(&output)
    );
    let traced = dir.path().join("traced.toml");
    fs::write(
        &traced,
        TRACED_SWEEP
            .replace("0.002", "0.00001")
            .replace("60\"", "300\""),
    )
    .unwrap();
    let output = endplate().arg("check").arg(&traced).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("the traces of 12 points would take about"),
        "{}",
        stderr_of(&output)
    );
    fs::write(&traced, TRACED_SWEEP).unwrap();
    let output = endplate().arg("check").arg(&traced).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("; traces of 12 points, about 43 MB)"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn numbers_on_the_command_line_are_range_checked() {
    for (args, message) in [
        (
            vec!["--steps", "18446744073709551615"],
            "invalid value '18446744073709551615' for '--steps <STEPS>': 18446744073709551615 is not in 2..=10000",
        ),
        (vec!["--steps", "100000000000"], "is not in 2..=10000"),
        (vec!["--steps", "1"], "1 is not in 2..=10000"),
        (
            vec!["--from", "nan", "--to", "2"],
            "need finite --from < --to",
        ),
        (
            vec!["--to", "1e400", "--from", "1"],
            "need finite --from < --to",
        ),
    ] {
        let mut all = vec!["rest-scan", HH, "--param", "ions.k_o_mm"];
        for bound in ["--from", "--to"] {
            if !args.contains(&bound) {
                all.extend([bound, if bound == "--from" { "1" } else { "2" }]);
            }
        }
        all.extend(args);
        let output = endplate().args(&all).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        assert!(
            stderr_of(&output).contains(message),
            "{}",
            stderr_of(&output)
        );
    }
    let output = endplate()
        .args(["sweep", "x.toml", "--threads", "0"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("0 is not in 1..=1024"));
}

/// Number-like words that have broken parsers: huge, negative, not numbers.
fn number_word() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| x.to_string()),
        Just("18446744073709551616".to_owned()),
        Just("1e400".to_owned()),
        Just("-0".to_owned()),
        Just("nan".to_owned()),
        Just("inf".to_owned()),
        Just(String::new()),
        Just("3/0".to_owned()),
        Just("0/0".to_owned()),
        Just("18446744073709551615/18446744073709551615".to_owned()),
        "[0-9/ .e+-]{0,12}",
    ]
}

/// Each subcommand with a numeric or structured argument, the argument, and
/// what keeps a parse that succeeds cheap (a missing scenario file).
const NUMERIC_ARGUMENTS: [(&str, &str); 8] = [
    ("rest-scan", "--steps"),
    ("rest-scan", "--from"),
    ("rest-scan", "--to"),
    ("sweep", "--threads"),
    ("sweep", "--shard"),
    ("run", "--set"),
    ("check", "--set"),
    ("describe", "--format"),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// No argument value makes the binary panic or abort: exit 0, 1 or 2, always.
    #[test]
    fn command_line_arguments_never_crash(
        choice in 0..NUMERIC_ARGUMENTS.len(),
        word in number_word(),
    ) {
        let (command, flag) = NUMERIC_ARGUMENTS[choice];
        let value = if flag == "--set" { format!("simulation.duration_ms={word}") } else { word };
        let mut args = vec![command.to_owned()];
        match command {
            "rest-scan" => args.extend(["missing.toml", "--param", "ions.k_o_mm", "--from", "1", "--to", "2"].map(str::to_owned)),
            "sweep" | "run" | "check" => args.push("missing.toml".to_owned()),
            _ => {}
        }
        args.extend([flag.to_owned(), value]);
        let output = endplate().args(&args).output().unwrap();
        let code = output.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "{args:?}: {code:?}\n{}", stderr_of(&output));
        prop_assert!(!stderr_of(&output).contains("panicked"), "{args:?}: {}", stderr_of(&output));
    }
}

/// `rest-scan` of the twitch fibre over K 3–5 mM in `steps` values, into `out`.
fn twitch_rest_scan(out: &Path, steps: &str, extra: &[&str]) -> std::process::Output {
    endplate()
        .args([
            "rest-scan",
            "scenarios/muscle-twitch.toml",
            "--param",
            "ions.k_o_mm",
            "--from",
            "3",
            "--to",
            "5",
            "--steps",
            steps,
            "--out",
        ])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn a_rest_scan_that_does_not_converge_fails_without_a_conclusion() {
    let dir = TempDir::new().unwrap();
    let output = twitch_rest_scan(
        dir.path(),
        "2",
        &[
            "--set",
            "rest.tolerance_per_ms=1e-15",
            "--set",
            "rest.max_ms=5",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(stdout.contains("(4 not converged)"), "{stdout}");
    assert!(!stdout.contains("stable state"), "no conclusion: {stdout}");
    assert!(
        stderr_of(&output).contains("4 of 4 rest searches did not converge"),
        "{}",
        stderr_of(&output)
    );
    let csv = fs::read_to_string(dir.path().join("rest_scan.csv")).unwrap();
    assert_eq!(csv.matches(",false,").count(), 4, "{csv}");
    let svg = fs::read_to_string(dir.path().join("rest_scan.svg")).unwrap();
    assert!(svg.contains("(4 NOT CONVERGED)"), "the figure says so");
}

#[test]
fn a_second_command_on_a_busy_folder_is_refused_with_the_holders_pid() {
    let (dir, file) = traced_sweep();
    let out = dir.path().join("busy");
    let mut child = spawn_sweep(&file, &out);
    wait_for("the sweep holds its folder", || {
        out.join("results.partial.csv").exists()
    });
    for args in [
        vec!["sweep", file.to_str().unwrap(), "--resume", "--out"],
        vec!["run", HH, "--out"],
        vec!["rest", HH, "--out"],
        vec!["excitability", HH, "--out"],
    ] {
        let output = endplate().args(&args).arg(&out).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr_of(&output),
            format!(
                "error: {} is in use by another endplate process (PID {}); wait for it to finish, or choose another --out\n",
                out.display(),
                child.id()
            )
        );
    }
    assert!(child.wait().unwrap().success());
    assert!(
        !out.join(".endplate.lock").exists(),
        "the lock goes with its holder"
    );
}

#[test]
fn each_command_replaces_only_its_own_files_and_a_failure_leaves_no_folder() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("shared");
    let run = |scenario: &str, extra: &[&str]| {
        endplate()
            .args(["run", scenario, "--out"])
            .arg(&out)
            .args(extra)
            .output()
            .unwrap()
    };
    let output = run(
        "scenarios/muscle-twitch.toml",
        &["--set", "simulation.duration_ms=5"],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(out.join("muscle.png").exists());
    let output = endplate()
        .args(["rest", HH, "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let output = run(HH, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        listing(&out),
        [
            "metrics.json",
            "notes.txt",
            "rest.json",
            "trace.csv",
            "v.png",
            "v.svg"
        ],
        "the twitch's muscle figure went; rest's file and the user's stayed"
    );

    let failed = dir.path().join("new/folder");
    let output = endplate()
        .args([
            "run",
            HH,
            "--set",
            "solver.method=\"rk4\"",
            "--set",
            "solver.dt_ms=10",
            "--out",
        ])
        .arg(&failed)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert!(!dir.path().join("new").exists(), "no empty folders left");
}

/// The messages people read, word for word.
#[test]
fn user_facing_messages() {
    let dir = TempDir::new().unwrap();
    let check = |text: &str| {
        let file = dir.path().join("m.toml");
        fs::write(&file, text).unwrap();
        let output = endplate()
            .arg("check")
            .arg("m.toml")
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{text}");
        stderr_of(&output)
    };
    let cases = [
        (
            "model = \"hh1952\"\nsimulation = 3\n",
            "error: m.toml:2:14: `simulation`: wrong type\n  found: integer `3`\n  allowed: a table: [section] or { key = value, ... }\nthe file has errors\n",
        ),
        (
            "model = \"hh1952\"\nstimulus = \"x\"\n",
            "error: m.toml:2:12: `stimulus`: wrong type\n  found: string \"x\"\n  allowed: a table: [section] or { key = value, ... }\nthe file has errors\n",
        ),
        (
            "model = \"hh1952\"\nsolver = { method = 5 }\n",
            "error: m.toml:2:21: `solver.method`: wrong type\n  found: 5\n  allowed: a string in quotes\nthe file has errors\n",
        ),
        (
            "model = \"hh1952\"\n[[stimulus.trains]]\ncount = -1\n",
            "error: m.toml:3:9: `stimulus.trains[0].count`: invalid value\n  found: -1\n  allowed: a whole number ≥ 0\nthe file has errors\n",
        ),
        (
            "model = \"hh1952\"\nsimulation.duration_ms = \"a\"\n",
            "error: m.toml:2:26: `simulation.duration_ms`: wrong type\n  found: string \"a\"\n  allowed: a number\nthe file has errors\n",
        ),
    ];
    for (text, expected) in cases {
        let message = check(text);
        assert_eq!(message, expected);
        for internal in ["struct ", "Raw", "u64", "f64", "variant", "usize"] {
            assert!(!message.contains(internal), "{internal} in {message}");
        }
    }
    let output = endplate().args(["check", HH]).output().unwrap();
    assert_eq!(
        stdout_of(&output),
        "ok: scenarios/hh1952-pulse.toml (hh1952, 30 ms, 1 pulse of 20 µA/cm² × 1 ms at 5 ms; trace about 0.4 MB)\n"
    );
}

/// A truncated shard is named as the folder that lacks the point.
#[test]
fn merge_names_the_shard_that_lacks_a_point() {
    let (dir, file) = traced_sweep();
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("[traces]\npoints = \"all\"\n", "");
    fs::write(&file, text).unwrap();
    let shard = |i: u32| {
        let out = dir.path().join(format!("s{i}"));
        let output = endplate()
            .arg("sweep")
            .arg(&file)
            .args(["--shard", &format!("{i}/2"), "--quiet", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        out
    };
    let (first, second) = (shard(0), shard(1));
    let results = second.join("results.csv");
    let text = fs::read_to_string(&results).unwrap();
    let kept: Vec<&str> = text.lines().take(3).collect();
    fs::write(&results, kept.join("\n") + "\n").unwrap();
    let output = endplate()
        .arg("merge")
        .arg(&first)
        .arg(&second)
        .arg("--out")
        .arg(dir.path().join("merged"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(&format!("point 5 is missing (in {})", results.display())),
        "{}",
        stderr_of(&output)
    );
    let output = endplate()
        .arg("merge")
        .arg(&first)
        .arg(&first)
        .arg("--out")
        .arg(dir.path().join("merged"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn long_commands_report_progress() {
    let dir = TempDir::new().unwrap();
    let started = Instant::now();
    let output = twitch_rest_scan(dir.path(), "4", &[]);
    let elapsed = started.elapsed();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    // Work over 2 s ends with a progress line on stderr (not a terminal:
    // plain lines); quicker work prints nothing.
    if elapsed >= Duration::from_millis(2500) {
        assert!(
            stderr.starts_with("rest-scan: 8/8 rest states (100%), "),
            "{stderr}"
        );
    } else if elapsed < Duration::from_millis(1500) {
        assert_eq!(stderr, "");
    }
    let output = endplate()
        .args(["run", HH, "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(stderr_of(&output), "", "quick work is silent");
}

#[test]
fn sweep_line_figures_mark_the_points_that_failed() {
    let (dir, file) = sweep_file(
        "hot.toml",
        "name = \"hot\"\nbase = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"ions.temperature_celsius\"\nvalues = [6.3, 10.0, 60.0]\n",
    );
    let out = dir.path().join("hot");
    let output = endplate()
        .arg("sweep")
        .arg(&file)
        .args(["--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "60 °C is out of range");
    let svg = fs::read_to_string(out.join("plots/spike_count.svg")).unwrap();
    assert!(svg.contains("hot: spike_count (1 point failed, marked)"));
    assert!(
        svg.contains("failed point"),
        "the failed point has a legend entry"
    );
}
