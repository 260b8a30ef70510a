//! End-to-end tests through the real `endplate` binary: every subcommand,
//! `--set`, and each class of error with the content of its message.

use std::fs;
use std::path::Path;

use crate::{endplate, stderr_of, stdout_of};
use tempfile::TempDir;

/// `endplate compare` of `scenarios` into `out`.
fn compare(scenarios: [&str; 2], out: &std::path::Path) -> std::process::Output {
    endplate()
        .arg("compare")
        .args(scenarios)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// Writes `text` as a scenario file in `dir`.
fn scenario(dir: &TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn run_writes_trace_metrics_and_plots() {
    let out = TempDir::new().unwrap();
    let output = endplate()
        .args(["run", "scenarios/hh1952-step.toml", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let summary = stdout_of(&output);
    assert!(summary.contains("spikes: 7"), "{summary}");
    assert!(
        summary.contains("resting potential: -65.00 mV"),
        "{summary}"
    );

    let trace = fs::read_to_string(out.path().join("trace.csv")).unwrap();
    let mut lines = trace.lines();
    assert_eq!(lines.next(), Some("t_ms,v_mV,m,h,n,i_stim_uA_per_cm2"));
    // 120 ms every 0.025 ms: 4801 rows.
    assert_eq!(lines.count(), 4801);

    let metrics: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("metrics.json")).unwrap())
            .unwrap();
    assert_eq!(metrics["spike_count"], 7);
    assert_eq!(metrics["spike_times_ms"].as_array().unwrap().len(), 7);
    assert!(metrics["first_spike"]["peak_mV"].as_f64().unwrap() > 30.0);
    assert!(metrics["first_spike"]["half_width_ms"].as_f64().unwrap() > 0.5);
    assert!(metrics["resting_mV"].as_f64().unwrap() < -64.0);
    assert!(metrics["firing_rate_hz"].as_f64().unwrap() > 60.0);
    for key in ["steps", "rejected_steps", "rhs_evaluations"] {
        assert!(
            metrics["solver"][key].as_u64().is_some(),
            "solver.{key} missing"
        );
    }

    let png = fs::read(out.path().join("v.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = fs::read_to_string(out.path().join("v.svg")).unwrap();
    assert!(svg.contains("membrane potential (mV)") && svg.contains("time (ms)"));
    let leftovers: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn run_defaults_to_out_scenario_name() {
    let work = TempDir::new().unwrap();
    let scenario_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/hh1952-pulse.toml");
    let output = endplate()
        .current_dir(work.path())
        .arg("run")
        .arg(&scenario_path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(work.path().join("out/hh1952-pulse/metrics.json").exists());
}

#[test]
fn set_overrides_change_the_run() {
    let out = TempDir::new().unwrap();
    let output = endplate()
        .args([
            "run",
            "scenarios/hh1952-step.toml",
            "--set",
            "stimulus.steps[0].amplitude_ua_per_cm2=2",
            "--set",
            "simulation.duration_ms=60",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let metrics: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("metrics.json")).unwrap())
            .unwrap();
    // 2 µA/cm² is below the HH rheobase: no spike; and the run is 60 ms long.
    assert_eq!(metrics["spike_count"], 0);
    assert_eq!(metrics["duration_ms"], 60.0);
}

#[test]
fn check_accepts_every_shipped_scenario() {
    let files: Vec<_> = fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert!(files.len() >= 2);
    let output = endplate().arg("check").args(&files).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output)
            .lines()
            .filter(|l| l.starts_with("ok: "))
            .count(),
        files.len()
    );
}

#[test]
fn reference_prints_the_committed_scenario_reference() {
    let output = endplate().arg("reference").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let committed = fs::read_to_string("docs/scenario-reference.md").unwrap();
    assert!(
        stdout_of(&output) == committed,
        "`endplate reference` differs from docs/scenario-reference.md; regenerate with `{}`",
        endplate::scenario::reference::REGENERATE
    );
}

#[test]
fn describe_lists_models_and_details_one_in_text_and_json() {
    let output = endplate().arg("describe").output().unwrap();
    assert!(stdout_of(&output).contains("hh1952"));
    let output = endplate().args(["describe", "hh1952"]).output().unwrap();
    let text = stdout_of(&output);
    assert!(
        text.contains("v_mV")
            && text.contains("g_na_ms_per_cm2")
            && text.contains("Hodgkin & Huxley 1952, Table 3"),
        "{text}"
    );
    let output = endplate()
        .args(["describe", "hh1952", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["state_variables"][0]["name"], "v_mV");
    assert_eq!(json["state_variables"][0]["initial_value"], -65.0);
    let g_na = json["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "g_na_ms_per_cm2")
        .unwrap();
    assert_eq!(g_na["default"], 120.0);
    assert_eq!(g_na["unit"], "mS/cm²");
}

/// Runs `check` on a scenario text; returns (exit code, stderr).
fn check_text(text: &str, overrides: &[&str]) -> (i32, String) {
    let dir = TempDir::new().unwrap();
    let path = scenario(&dir, "bad.toml", text);
    let mut command = endplate();
    command.arg("check").arg(&path);
    for o in overrides {
        command.args(["--set", o]);
    }
    let output = command.output().unwrap();
    (output.status.code().unwrap(), stderr_of(&output))
}

const GOOD: &str = "model = \"hh1952\"\n\n[simulation]\nduration_ms = 20.0\n\n[[stimulus.steps]]\nstart_ms = 1.0\nduration_ms = 5.0\namplitude_ua_per_cm2 = 10.0\n";

#[test]
fn syntax_error_names_file_line_and_column() {
    let (code, err) = check_text("model = \"hh1952\"\n[simulation]\nduration_ms = = 3\n", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml:3:"), "{err}");
    assert!(err.contains("TOML syntax error"), "{err}");
}

#[test]
fn unknown_key_gets_location_allowed_keys_and_suggestion() {
    let (code, err) = check_text(
        &GOOD.replace("duration_ms = 20.0", "durration_ms = 20.0"),
        &[],
    );
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml:4:1"), "{err}");
    assert!(
        err.contains("`simulation.durration_ms`: unknown key"),
        "{err}"
    );
    assert!(err.contains("allowed: duration_ms, output_dt_ms"), "{err}");
    assert!(err.contains("did you mean `duration_ms`?"), "{err}");
}

#[test]
fn wrong_type_names_the_value_and_the_expected_type() {
    let (code, err) = check_text(
        &GOOD.replace("duration_ms = 20.0", "duration_ms = \"long\""),
        &[],
    );
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml:4:15"), "{err}");
    assert!(
        err.contains("wrong type") && err.contains("\"long\"") && err.contains("a number"),
        "{err}"
    );
}

#[test]
fn out_of_range_names_the_value_and_the_range() {
    let (code, err) = check_text(&GOOD.replace("duration_ms = 20.0", "duration_ms = -5"), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml:4:15") && err.contains("value out of range"),
        "{err}"
    );
    assert!(
        err.contains("found: -5") && err.contains("allowed: 0.000001 to 100000000 ms"),
        "{err}"
    );
}

#[test]
fn unknown_model_and_solver_method_suggest_the_right_name() {
    let (code, err) = check_text(&GOOD.replace("hh1952", "hh1953"), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml:1:9")
            && err.contains("unknown model")
            && err.contains("did you mean `hh1952`?"),
        "{err}"
    );
    let (code, err) = check_text(GOOD, &["solver.method=dopri"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set solver.method=dopri") && err.contains("allowed: dopri5, dop853, rk4"),
        "{err}"
    );
}

#[test]
fn missing_required_key_and_inconsistent_train_are_explained() {
    let (code, err) = check_text(&GOOD.replace("duration_ms = 5.0\n", ""), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`stimulus.steps[0].duration_ms`: required key is missing"),
        "{err}"
    );
    let train = "model = \"hh1952\"\n[[stimulus.trains]]\nfrequency_hz = 100\nwidth_ms = 20\namplitude_ua_per_cm2 = 5\n";
    let (code, err) = check_text(train, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.toml:4:12")
            && err.contains("pulses would overlap")
            && err.contains("< 10 ms"),
        "{err}"
    );
}

#[test]
fn set_errors_name_the_argument() {
    let (code, err) = check_text(GOOD, &["simulation.duration_ms=abc"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--set simulation.duration_ms=abc") && err.contains("wrong type"),
        "{err}"
    );
    let (code, err) = check_text(GOOD, &["parameters.g_na=100"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown key") && err.contains("did you mean `g_na_ms_per_cm2`?"),
        "{err}"
    );
    let (code, err) = check_text(GOOD, &["stimulus.steps[4].start_ms=1"]);
    assert_eq!(code, 2);
    assert!(err.contains("no item 4"), "{err}");
    let (code, err) = check_text(GOOD, &["justakey"]);
    assert_eq!(code, 2);
    assert!(err.contains("key.path=value"), "{err}");
}

#[test]
fn unreadable_file_is_bad_input() {
    let output = endplate()
        .args(["run", "no/such/file.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("no/such/file.toml: cannot read the scenario"));
}

#[test]
fn simulation_failure_reports_time_state_and_advice_and_writes_nothing() {
    let out = TempDir::new().unwrap();
    // RK4 with a 5 ms step is unstable for HH's millisecond gating: the state blows up.
    let output = endplate()
        .args([
            "run",
            "scenarios/hh1952-step.toml",
            "--set",
            "solver.method=rk4",
            "--set",
            "solver.dt_ms=5",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(err.contains("simulation failed at t = "), "{err}");
    assert!(err.contains("non-finite"), "{err}");
    for name in ["v_mV", "m", "h", "n"] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} ")) && l.contains('=')),
            "{name}: {err}"
        );
    }
    assert!(err.contains("try: "), "{err}");
    assert_eq!(
        fs::read_dir(out.path()).unwrap().count(),
        0,
        "a failed run must leave no files"
    );

    let output = endplate()
        .args([
            "run",
            "scenarios/hh1952-step.toml",
            "--set",
            "solver.max_steps=50",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(
        err.contains("step limit") && err.contains("solver.max_steps"),
        "{err}"
    );
}

#[test]
fn rest_reports_convergence_and_writes_the_rest_state() {
    let out = TempDir::new().unwrap();
    let output = endplate()
        .args(["rest", "scenarios/muscle-twitch.toml", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(
        text.contains("rest reached after") && text.contains("largest |dy/dt|/(|y| + 1e-3)"),
        "{text}"
    );
    let rest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("rest.json")).unwrap()).unwrap();
    assert_eq!(rest["report"]["converged"], true);
    assert!(rest["report"]["max_scaled_rate_per_ms"].as_f64().unwrap() < 1e-9);
    // Held ion concentrations keep their published values; the potential settles
    // near −82 mV, as SCIENCE.md §2.5 computes for this model at rest.
    assert_eq!(rest["state"]["k_interstitial_mM"], 5.9);
    let v = rest["state"]["v_surface_mV"].as_f64().unwrap();
    assert!((-83.0..-81.5).contains(&v), "rest at {v} mV");

    // Too short a search: exit 1, and the report says so.
    let output = endplate()
        .args([
            "rest",
            "scenarios/muscle-twitch.toml",
            "--set",
            "rest.max_ms=5",
            "--set",
            "rest.check_interval_ms=5",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).contains("NOT at rest"));
    assert!(stderr_of(&output).contains("rest.max_ms"));
}

#[test]
fn a_run_that_asks_for_rest_refuses_to_start_without_it() {
    let out = TempDir::new().unwrap();
    let output = endplate()
        .args([
            "run",
            "scenarios/muscle-twitch.toml",
            "--set",
            "rest.max_ms=5",
            "--set",
            "rest.check_interval_ms=5",
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(
        err.contains("no rest state was reached") && err.contains("still changes by"),
        "{err}"
    );
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn muscle_fibre_run_draws_the_muscle_figure_and_reports_muscle_metrics() {
    let dir = TempDir::new().unwrap();
    let path = scenario(
        &dir,
        "twitch.toml",
        "model = \"muscle-fibre\"\n\
         [simulation]\nduration_ms = 30.0\noutput_dt_ms = 0.05\n\
         [[stimulus.trains]]\nstart_ms = 5.0\ncount = 1\ninterval_ms = 10.0\n\
         width_ms = 0.5\namplitude_ua_per_cm2 = 150.0\n",
    );
    let out = dir.path().join("out");
    let output = endplate()
        .arg("run")
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let summary = stdout_of(&output);
    assert!(
        summary.contains("muscle: Ca peak") && summary.contains("muscle.png, muscle.svg"),
        "{summary}"
    );

    let png = fs::read(out.join("muscle.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = fs::read_to_string(out.join("muscle.svg")).unwrap();
    for label in [
        "surface",
        "T-tubule",
        "bulk Ca²⁺ (µM)",
        "force (µM)",
        "tubule K⁺ (mM)",
    ] {
        assert!(svg.contains(label), "muscle.svg lacks {label}");
    }
    // The membrane figure is drawn for every model.
    assert!(out.join("v.png").exists() && out.join("v.svg").exists());
    let metrics: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("metrics.json")).unwrap()).unwrap();
    assert!(metrics["muscle"]["force_peak_uM"].as_f64().unwrap() > 0.0);
    assert_eq!(
        metrics["muscle"]["per_stimulus"].as_array().unwrap().len(),
        1
    );
}

#[test]
fn compare_overlays_scenarios_and_tabulates_their_metrics() {
    let out = TempDir::new().unwrap();
    let output = compare(
        ["scenarios/hh1952-step.toml", "scenarios/hh1952-pulse.toml"],
        out.path(),
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let table = stdout_of(&output);
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("hh1952-step") && header.contains("hh1952-pulse"),
        "{table}"
    );
    let spikes = table
        .lines()
        .find(|l| l.starts_with("spike_count"))
        .expect("a spike_count row");
    assert_eq!(
        spikes.split_whitespace().collect::<Vec<_>>(),
        ["spike_count", "7", "1"]
    );
    let csv = fs::read_to_string(out.path().join("compare.csv")).unwrap();
    assert!(
        csv.starts_with("metric,hh1952-step,hh1952-pulse\n"),
        "{csv}"
    );
    assert!(csv.lines().any(|l| l == "spike_count,7,1"), "{csv}");
    let svg = fs::read_to_string(out.path().join("compare.svg")).unwrap();
    assert!(
        svg.contains("hh1952-step") && svg.contains("hh1952-pulse"),
        "the legend names both"
    );
    assert!(out.path().join("compare.png").exists());

    let empty = TempDir::new().unwrap();
    let output = compare(["scenarios/hh1952-step.toml", "no/such.toml"], empty.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_dir(empty.path()).unwrap().count(),
        0,
        "nothing is run or written when an input is bad"
    );
}

#[test]
fn the_newcomers_comparison_draws_the_force_of_both_motor_units() {
    // The README's second command: normal against hypocalcaemia. Motor
    // units carry their fibre's columns first, so their force is drawn too.
    let out = TempDir::new().unwrap();
    let output = compare(
        ["scenarios/normal.toml", "scenarios/hypocalcemia.toml"],
        out.path(),
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let svg = fs::read_to_string(out.path().join("compare.svg")).unwrap();
    assert!(svg.contains("force (A₂ rise, µM)"), "no force panel");
    assert!(svg.contains("normal") && svg.contains("hypocalcemia"));
    let table = stdout_of(&output);
    assert!(table.contains("muscle.force_peak_uM"), "{table}");
}

#[test]
fn validate_prints_every_target_and_passes() {
    let output = endplate().arg("validate").output().unwrap();
    let table = stdout_of(&output);
    assert!(output.status.success(), "{table}\n{}", stderr_of(&output));
    assert!(
        table.lines().next().unwrap().starts_with("target"),
        "{table}"
    );
    assert!(
        table.contains("NEURON 9.0.2 hh")
            && table.contains("OpenCOR via phydrax")
            && table.contains("Dodge & Rahamimoff 1967")
            && table.contains("Hille, Woodhull & Shapiro 1975"),
        "{table}"
    );
    let rows = table
        .lines()
        .filter(|l| !l.contains("targets pass") && (l.ends_with(" pass") || l.ends_with(" FAIL")))
        .count();
    assert!(rows >= 15, "{table}");
    assert!(
        table.contains(&format!("{rows} of {rows} targets pass")),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &endplate()
            .args(["validate", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), rows);
}

#[test]
fn tetany_threshold_brackets_the_highest_firing_calcium_and_writes_json() {
    // The Gaines axon of the motor unit (issue 10): measured 0.167 mM (fires)
    // / 0.171 mM (quiet), far below the clinic's < 0.8 mM (SCIENCE.md §6);
    // the finding is asserted in src/model/gaines_axon/tests.rs.
    let out = TempDir::new().unwrap();
    let output = endplate()
        .args(["tetany-threshold", "scenarios/motor-unit.toml", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(
        text.contains("gaines-2018") && text.contains("0.8 mM"),
        "{text}"
    );
    let found: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(out.path().join("tetany-threshold.json")).unwrap(),
    )
    .unwrap();
    let fires = found["fires_at_ca_mm"].as_f64().unwrap();
    let quiet = found["quiet_at_ca_mm"].as_f64().unwrap();
    assert!(fires < quiet && quiet - fires <= 0.005, "{found}");
    assert!((0.1..1.2).contains(&fires), "{found}");
    assert!(found["rate_at_threshold_hz"].as_f64().unwrap() > 0.0);

    let refused = endplate()
        .args([
            "tetany-threshold",
            "scenarios/motor-unit.toml",
            "--set",
            "ions.ca_o_mm=1",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr_of(&refused).contains("searches ions.ca_o_mm itself"));
    let no_axon = endplate()
        .args(["tetany-threshold", "scenarios/hh1952-step.toml"])
        .output()
        .unwrap();
    assert_eq!(no_axon.status.code(), Some(2));
    assert!(stderr_of(&no_axon).contains("has no axon"));
}
