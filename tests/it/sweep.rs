//! Sweeps end to end through the real `endplate` binary: identical results
//! for 1 and 2 threads, resume after a torn partial file and after a kill,
//! shards merged into the unsharded bytes, failing points as rows, located
//! errors from `check`, the limits, plots, and the shipped sweep files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::{endplate, stderr_of, stdout_of};
use tempfile::TempDir;

/// A 30 ms HH run with RK4: cheap, and unstable at a 5 ms step.
const BASE: &str = r#"
model = "hh1952"
[simulation]
duration_ms = 30.0
[solver]
method = "rk4"
dt_ms = 0.02
[[stimulus.steps]]
start_ms = 5.0
duration_ms = 20.0
amplitude_ua_per_cm2 = 10.0
"#;

/// 4 × 4 points: at every amplitude the 5 ms step blows up (a solver
/// failure) and the negative step is out of range (a scenario error).
const GRID: &str = r#"
name = "grid"
base = "base.toml"
metrics = ["spike_count", "first_spike.peak_mV", "solver.steps", "solver.method"]

[[axes]]
path = "stimulus.steps[0].amplitude_ua_per_cm2"
values = [0.0, 5.0, 10.0, 40.0]

[[axes]]
path = "solver.dt_ms"
values = [0.01, 0.02, 5.0, -1.0]
"#;

/// A folder holding `base.toml` and the sweep file `name` with `text`.
fn sweep_folder(name: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("base.toml"), BASE).unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs `endplate sweep FILE --out OUT ARGS...`.
fn sweep(file: &Path, out: &Path, args: &[&str]) -> Output {
    endplate()
        .arg("sweep")
        .arg(file)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .unwrap()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// results.csv of the grid sweep run once with one thread.
fn grid_reference(dir: &TempDir, file: &Path) -> String {
    let out = dir.path().join("reference");
    let output = sweep(file, &out, &["--threads", "1"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    read(&out.join("results.csv"))
}

#[test]
fn one_and_two_threads_give_identical_results_with_error_rows() {
    let (dir, file) = sweep_folder("grid.toml", GRID);
    let reference = grid_reference(&dir, &file);
    let out = dir.path().join("two");
    let output = sweep(&file, &out, &["--threads", "2", "--quiet"]);
    assert_eq!(output.status.code(), Some(1), "some points fail");
    assert!(
        stderr_of(&output).contains("8 of 16 points failed"),
        "{}",
        stderr_of(&output)
    );
    assert!(
        !stderr_of(&output).contains("points/s,"),
        "--quiet prints no progress"
    );
    assert_eq!(read(&out.join("results.csv")), reference);

    let mut lines = reference.lines();
    assert_eq!(
        lines.next(),
        Some(
            "point,stimulus.steps[0].amplitude_ua_per_cm2,solver.dt_ms,spike_count,first_spike.peak_mV,solver.steps,solver.method,status,error"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 16);
    for (i, row) in rows.iter().enumerate() {
        assert!(row.starts_with(&format!("{i},")), "sorted by point: {row}");
    }
    // Amplitude 10 µA/cm², dt 0.01 ms: the HH membrane fires, peaks well above 0 mV.
    let fired: Vec<&str> = rows[8].split(',').collect();
    assert_eq!(&fired[1..3], ["10.0", "0.01"]);
    assert!(fired[3].parse::<u32>().unwrap() >= 1, "{}", rows[8]);
    assert!(fired[4].parse::<f64>().unwrap() > 30.0, "{}", rows[8]);
    assert_eq!(fired[6..8], ["rk4", "ok"]);
    // dt = 5 ms: the state blows up; a solver error row, metrics empty.
    assert!(
        rows[10].starts_with("10,10.0,5.0,,,,,error,"),
        "{}",
        rows[10]
    );
    assert!(rows[10].contains("non-finite"), "{}", rows[10]);
    // dt = -1: a scenario error, located at the value in the sweep file (line 12, column 28).
    assert!(
        rows[11].starts_with("11,10.0,-1.0,,,,,error,"),
        "{}",
        rows[11]
    );
    assert!(
        rows[11].contains("grid.toml:12:28: `solver.dt_ms`: value out of range"),
        "{}",
        rows[11]
    );

    let manifest: serde_json::Value = serde_json::from_str(&read(&out.join("sweep.json"))).unwrap();
    assert_eq!(manifest["sweep_text"], GRID);
    assert_eq!(manifest["endplate_version"], env!("CARGO_PKG_VERSION"));
    assert!(
        manifest["base_hash"]
            .as_str()
            .unwrap()
            .starts_with("fnv1a64:")
    );
    assert_eq!(manifest["complete"], true);
    assert_eq!(manifest["failed_points"], 8);
    assert_eq!(manifest["sessions"][0]["threads"], 2);
    assert_eq!(manifest["sessions"][0]["points_computed"], 16);
    assert!(manifest["sessions"][0]["wall_s"].as_f64().unwrap() > 0.0);
}

#[test]
fn resume_keeps_the_rows_it_has_and_replaces_a_torn_last_line() {
    let (dir, file) = sweep_folder("grid.toml", GRID);
    let reference = grid_reference(&dir, &file);
    let (header, rows) = reference.split_once('\n').unwrap();
    let rows: Vec<&str> = rows.lines().collect();

    // An interrupted sweep: rows in completion order, one of them marked so
    // that a recomputation would show, and a torn last line.
    let out = dir.path().join("resumed");
    fs::create_dir_all(&out).unwrap();
    fs::copy(
        dir.path().join("reference/sweep.json"),
        out.join("sweep.json"),
    )
    .unwrap();
    let marked = rows[1].replacen(",0,", ",999,", 1);
    assert_ne!(marked, rows[1]);
    let partial = format!(
        "{header}\n{}\n{}\n{}\n{marked}\n{}",
        rows[5],
        rows[0],
        rows[12],
        &rows[7][..9]
    );
    fs::write(out.join("results.partial.csv"), partial).unwrap();

    let output = sweep(&file, &out, &["--threads", "2"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unfinished sweep is not overwritten without --resume"
    );
    assert!(
        stderr_of(&output).contains("--resume"),
        "{}",
        stderr_of(&output)
    );

    let output = sweep(&file, &out, &["--threads", "2", "--resume"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("12 computed"),
        "{}",
        stdout_of(&output)
    );
    let resumed = read(&out.join("results.csv"));
    assert_eq!(
        resumed,
        reference.replace(rows[1], &marked),
        "only missing points are computed"
    );
    assert!(!out.join("results.partial.csv").exists());
    let manifest: serde_json::Value = serde_json::from_str(&read(&out.join("sweep.json"))).unwrap();
    assert_eq!(
        manifest["sessions"].as_array().unwrap().len(),
        2,
        "the resume adds a session"
    );

    // A different sweep file cannot resume into these results.
    fs::write(&file, GRID.replace("40.0", "30.0")).unwrap();
    fs::write(out.join("results.partial.csv"), format!("{header}\n")).unwrap();
    let output = sweep(&file, &out, &["--resume"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("the sweep file differs"),
        "{}",
        stderr_of(&output)
    );
}

/// 400 points of one second of HH each: long enough to be killed midway.
const LONG: &str = r#"
name = "long"
base = "base.toml"
set = ["simulation.duration_ms=1000", "stimulus.steps[0].duration_ms=990", "solver.method=dopri5"]
metrics = ["spike_count", "firing_rate_hz"]

[[axes]]
path = "stimulus.steps[0].amplitude_ua_per_cm2"
linspace = { start = 0.0, stop = 40.0, count = 400 }
"#;

#[test]
fn a_killed_sweep_resumes_to_the_uninterrupted_results() {
    let (dir, file) = sweep_folder("long.toml", LONG);
    let out = dir.path().join("killed");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_endplate"))
        .arg("sweep")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .args(["--threads", "1", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let partial = out.join("results.partial.csv");
    let started = Instant::now();
    while fs::read_to_string(&partial).map_or(0, |t| t.lines().count()) < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no rows appeared"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !out.join("results.csv").exists(),
        "the sweep was killed before it finished"
    );
    let done_before = read(&partial).lines().count() - 1;
    assert!(done_before < 400);

    let output = sweep(&file, &out, &["--threads", "2", "--resume"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let computed = 400 - done_before;
    assert!(
        stdout_of(&output).contains(&format!("{computed} computed")),
        "{}",
        stdout_of(&output)
    );
    let uninterrupted = dir.path().join("whole");
    let output = sweep(&file, &uninterrupted, &["--threads", "2", "--quiet"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        read(&out.join("results.csv")),
        read(&uninterrupted.join("results.csv"))
    );
}

#[test]
fn three_shards_merge_into_the_unsharded_results() {
    let (dir, file) = sweep_folder("grid.toml", GRID);
    let reference = grid_reference(&dir, &file);
    let shards: Vec<PathBuf> = (0..3)
        .map(|i| dir.path().join(format!("shard{i}")))
        .collect();
    for (i, shard) in shards.iter().enumerate() {
        let output = sweep(&file, shard, &["--shard", &format!("{i}/3"), "--quiet"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
        assert!(
            !shard.join("plots").exists(),
            "a shard alone draws no figures"
        );
        let rows = read(&shard.join("results.csv")).lines().count() - 1;
        assert_eq!(rows, [6, 5, 5][i]);
    }
    let merged = dir.path().join("merged");
    let output = endplate()
        .arg("merge")
        .args([&shards[2], &shards[0], &shards[1]])
        .arg("--out")
        .arg(&merged)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(read(&merged.join("results.csv")), reference);
    assert!(merged.join("plots/spike_count.png").exists());
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&merged.join("sweep.json"))).unwrap();
    assert_eq!(manifest["shard"]["count"], 1);
    assert_eq!(manifest["failed_points"], 8);
    assert_eq!(manifest["sessions"].as_array().unwrap().len(), 3);

    let output = endplate()
        .arg("merge")
        .args([&shards[0], &shards[2]])
        .arg("--out")
        .arg(dir.path().join("incomplete"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("shards 1/3 are missing"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn check_locates_errors_in_sweep_files() {
    let (dir, file) = sweep_folder("grid.toml", GRID);
    let check = |text: &str| {
        fs::write(&file, text).unwrap();
        let output = endplate().arg("check").arg(&file).output().unwrap();
        (output.status.code(), stderr_of(&output), stdout_of(&output))
    };
    let (code, err, _) = check(GRID);
    assert_eq!(code, Some(2), "two grid points have an out-of-range step");
    assert!(
        err.contains("grid.toml:12:28: `solver.dt_ms`: at point 3 (stimulus.steps[0].amplitude_ua_per_cm2 = 0.0, solver.dt_ms = -1.0): value out of range (and at 3 more points)"),
        "{err}"
    );
    let good = GRID.replace(", -1.0]", "]");
    let (code, _, out) = check(&good);
    assert_eq!(code, Some(0));
    assert!(out.contains("sweep of 12 points, grid over"), "{out}");

    let (_, err, _) = check(&good.replace("first_spike.peak_mV", "first_spike.peak_mv"));
    assert!(
        err.contains("grid.toml:4:27: `metrics[1]`: metrics.json has no `first_spike.peak_mv`")
            && err.contains("did you mean `peak_mV`?"),
        "{err}"
    );
    let (_, err, _) = check(&good.replace("path = \"solver.dt_ms\"", "path = \"solver.dt\""));
    assert!(
        err.contains("grid.toml:11:8: `solver.dt`: at point 0")
            && err.contains("unknown key (and at 11 more points)")
            && err.contains("did you mean `dt_ms`?"),
        "{err}"
    );
    let (_, err, _) = check(&good.replace("values = [0.0", "valeus = [0.0"));
    assert!(
        err.contains("grid.toml:8:1: `axes[0].valeus`: unknown key")
            && err.contains("did you mean `values`?"),
        "{err}"
    );
    let (_, err, _) = check(&good.replace("name = \"grid\"", "name = \"grid\"\ndesign = \"zip\""));
    assert!(err.contains("zipped axes must have equal lengths"), "{err}");

    let inline = "metrics = [\"spike_count\"]\n\n[[axes]]\npath = \"simulation.duration_ms\"\nvalues = [10.0]\n\n[base]\nmodel = \"hh1952\"\n\n[base.simulation]\noutput_dt_ms = -2\n";
    let (_, err, _) = check(inline);
    assert!(
        err.contains("grid.toml:11:16: `simulation.output_dt_ms`: value out of range"),
        "errors in an inline base point into the sweep file: {err}"
    );
    drop(dir);
}

#[test]
fn limits_refuse_without_force_and_traces_are_written_when_asked() {
    let giant = "base = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"stimulus.steps[0].amplitude_ua_per_cm2\"\nlinspace = { start = 0.0, stop = 1.0, count = 100000 }\n[[axes]]\npath = \"stimulus.steps[0].start_ms\"\nlinspace = { start = 0.0, stop = 1.0, count = 1000 }\n";
    let (dir, file) = sweep_folder("giant.toml", giant);
    let output = sweep(&file, &dir.path().join("giant"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("100000000 points, more than the limit of 10000000")
            && stderr_of(&output).contains("--force"),
        "{}",
        stderr_of(&output)
    );
    assert!(!dir.path().join("giant").exists(), "nothing is written");

    let traced = "base = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"stimulus.steps[0].amplitude_ua_per_cm2\"\nvalues = [0.0, 10.0, 20.0]\n[traces]\npoints = [0, 2]\nbudget_mb = 0.01\n";
    fs::write(&file, traced).unwrap();
    let out = dir.path().join("traced");
    let output = sweep(&file, &out, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("the traces of 2 points would take about")
            && stderr_of(&output).contains("traces.budget_mb = 0.01 MB"),
        "{}",
        stderr_of(&output)
    );
    let output = sweep(&file, &out, &["--force"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let names: Vec<String> = fs::read_dir(out.join("traces"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["point-0.csv", "point-2.csv"]);
    let trace = read(&out.join("traces/point-2.csv"));
    assert!(trace.starts_with("t_ms,v_mV,m,h,n,i_stim_uA_per_cm2\n"));
    // 30 ms every 0.025 ms, plus the final state.
    assert_eq!(trace.lines().count() - 1, 1201);
}

#[test]
fn two_axis_sweeps_draw_heatmaps_that_plot_redraws() {
    let text = "name = \"fi-temperature\"\nbase = \"base.toml\"\nmetrics = [\"spike_count\"]\n[[axes]]\npath = \"stimulus.steps[0].amplitude_ua_per_cm2\"\nlogspace = { start = 1.0, stop = 100.0, count = 5 }\n[[axes]]\npath = \"ions.temperature_celsius\"\nvalues = [6.3, 15.0, 60.0]\n";
    let (dir, file) = sweep_folder("two.toml", text);
    let out = dir.path().join("two");
    let output = sweep(&file, &out, &["--quiet"]);
    assert_eq!(output.status.code(), Some(1), "60 °C is out of range");
    fs::remove_dir_all(out.join("plots")).unwrap();
    let output = endplate().arg("plot").arg(&out).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let png = fs::read(out.join("plots/spike_count.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = read(&out.join("plots/spike_count.svg"));
    for text in [
        "fi-temperature: spike_count",
        "stimulus.steps[0].amplitude (µA/cm²)",
        "ions.temperature (°C)",
        "spike_count (grey: no value)",
    ] {
        assert!(svg.contains(text), "{text} missing from the heatmap");
    }
    assert!(
        svg.lines().any(|line| line.trim() == "100"),
        "log-axis ticks are labelled with values"
    );
    let output = endplate().arg("plot").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "not a results folder");
}

#[test]
fn line_plots_keep_a_negative_parameter_range() {
    let text = "name = \"ek\"\nbase = \"base.toml\"\nmetrics = [\"resting_mV\"]\n[[axes]]\npath = \"parameters.e_k_mv\"\nvalues = [-90.0, -80.0, -70.0]\n";
    let (dir, file) = sweep_folder("ek.toml", text);
    let out = dir.path().join("ek");
    let output = sweep(&file, &out, &["--quiet"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let svg = read(&out.join("plots/resting_mV.svg"));
    assert!(svg.contains("parameters.e_k (mV)") && svg.contains("ek: resting (mV)"));
    for tick in [-90.0, -80.0, -70.0] {
        assert!(
            svg.lines()
                .any(|line| line.trim().parse::<f64>() == Ok(tick)),
            "the x axis spans the swept values: no {tick} tick"
        );
    }
}

#[test]
fn random_designs_with_an_inline_base_are_reproducible() {
    let text = "name = \"lhs\"\ndesign = \"random\"\nmetrics = [\"resting_mV\"]\n[random]\npoints = 8\nseed = 11\n[[axes]]\npath = \"parameters.g_k_ms_per_cm2\"\nrange = [20.0, 40.0]\n[[axes]]\npath = \"parameters.g_leak_ms_per_cm2\"\nrange = [0.1, 1.0]\nscale = \"log\"\n[base]\nmodel = \"hh1952\"\n[base.simulation]\nduration_ms = 5.0\n";
    let (dir, file) = sweep_folder("lhs.toml", text);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert!(sweep(&file, &a, &["--threads", "1"]).status.success());
    assert!(sweep(&file, &b, &["--threads", "2"]).status.success());
    let results = read(&a.join("results.csv"));
    assert_eq!(results, read(&b.join("results.csv")));
    let mut strata = [0; 8];
    for row in results.lines().skip(1) {
        let fields: Vec<&str> = row.split(',').collect();
        let g_k: f64 = fields[1].parse().unwrap();
        let g_l: f64 = fields[2].parse().unwrap();
        assert!(
            (20.0..40.0).contains(&g_k) && (0.1..1.0).contains(&g_l),
            "{row}"
        );
        strata[((g_k - 20.0) / 20.0 * 8.0) as usize] += 1;
    }
    assert_eq!(strata, [1; 8], "a Latin hypercube fills every stratum once");
}

#[test]
fn shipped_sweeps_check_and_the_hh_fi_curve_has_its_known_shape() {
    let files: Vec<PathBuf> = fs::read_dir("scenarios/sweeps")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert!(!files.is_empty());
    let output = endplate().arg("check").args(&files).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output).matches("ok: ").count(), files.len());

    let out = TempDir::new().unwrap();
    let output = sweep(
        Path::new("scenarios/sweeps/hh-fi-curve.toml"),
        out.path(),
        &["--quiet"],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let results = read(&out.path().join("results.csv"));
    let rates: Vec<(f64, f64)> = results
        .lines()
        .skip(1)
        .map(|row| {
            let f: Vec<&str> = row.split(',').collect();
            (f[1].parse().unwrap(), f[2].parse().unwrap())
        })
        .collect();
    assert_eq!(rates.len(), 51);
    // Hodgkin–Huxley is class-2 excitable: silent at small currents, then
    // repetitive firing starts abruptly near 6–7 µA/cm² at a rate well above
    // zero, and grows slowly with current (68 Hz at 10 µA/cm², see
    // scenarios/hh1952-step.toml).
    assert!(rates[..3].iter().all(|&(_, hz)| hz == 0.0), "{rates:?}");
    let onset = rates.iter().find(|&&(_, hz)| hz > 20.0).unwrap();
    assert!(
        (6.0..=8.0).contains(&onset.0) && onset.1 > 50.0,
        "{onset:?}"
    );
    assert!((60.0..=75.0).contains(&rates[10].1), "{:?}", rates[10]);
    assert!(
        rates.windows(2).skip(8).all(|w| w[1].1 >= w[0].1),
        "the rate grows with current above onset: {rates:?}"
    );
    assert!(out.path().join("plots/firing_rate_hz.svg").exists());
}

/// A motor unit brought to rest, 5 ms long (no stimulus), at two Ca.
const MOTOR_UNIT_SWEEP: &str = r#"
name = "work"
metrics = ["junction.mean_quantal_content", "excitability.axon.spontaneous_rate_hz"]

[base]
model = "motor-unit"
[base.simulation]
duration_ms = 5.0
output_dt_ms = 0.5
[base.rest]
equilibrate = true

[[axes]]
path = "ions.ca_o_mm"
values = [1.0, 1.2]
"#;

#[test]
fn sweeps_make_endplate_measurements_only_for_metrics_that_read_them_and_count_rest_searches() {
    // Issue 14 point 3: counted, not timed. Without a metric that reads
    // them no endplate measurement is made (the excitability's trials
    // never make them); with `junction.safety_factor` one per point. Rest:
    // 3 searches per point — fibre and axon from their published starts,
    // and the fibre once from that rest (the excitability's trials start
    // there; it ends at once) — every repeat comes from the cache (before
    // issue 14 each of the ≈ 43 trials searched again).
    for (metric, measurements) in [("", 0), (", \"junction.safety_factor\"", 2)] {
        let text = MOTOR_UNIT_SWEEP.replace(
            "\"excitability.axon.spontaneous_rate_hz\"]",
            &format!("\"excitability.axon.spontaneous_rate_hz\"{metric}]"),
        );
        let (dir, file) = sweep_folder("work.toml", &text);
        let out = dir.path().join("out");
        let output = sweep(&file, &out, &["--threads", "2"]);
        assert!(output.status.success(), "{}", stderr_of(&output));
        let stdout = stdout_of(&output);
        let manifest: serde_json::Value =
            serde_json::from_str(&read(&out.join("sweep.json"))).unwrap();
        let session = &manifest["sessions"][0];
        assert_eq!(session["endplate_measurements"], measurements, "{stdout}");
        assert_eq!(session["rest_searches"], 6, "{stdout}");
        assert!(
            stdout.contains(&format!(
                "rest searches: 6; endplate measurements: {measurements}"
            )),
            "{stdout}"
        );
    }
}
