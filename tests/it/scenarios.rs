//! Shipped scenarios load and say what their file says; no text panics the loader.

use std::path::Path;

use endplate::model::hh1952_catalogue::BuiltHh1952;
use endplate::model::muscle_fibre::catalogue::BuiltMuscleFibre;
use endplate::protocol::{Step, Train};
use endplate::scenario;
use endplate::solve::Method;
use proptest::prelude::*;

#[test]
fn hh1952_step_is_ten_ms_rest_then_ten_ua_for_100_ms_at_6_3_celsius() {
    let run = scenario::load(Path::new("scenarios/hh1952-step.toml"), &[]).unwrap();
    assert!(run.model.downcast_ref::<BuiltHh1952>().is_some());
    assert_eq!(run.temperature_celsius(), 6.3);
    assert_eq!(run.solver.method, Method::Dopri5);
    assert_eq!(
        run.protocol.steps,
        vec![Step {
            start_ms: 10.0,
            duration_ms: 100.0,
            amplitude_ua_per_cm2: 10.0
        }]
    );
    assert!(run.protocol.trains.is_empty());
    assert_eq!(run.simulation.duration_ms, 120.0);
}

#[test]
fn hh1952_pulse_is_one_suprathreshold_1_ms_pulse() {
    let run = scenario::load(Path::new("scenarios/hh1952-pulse.toml"), &[]).unwrap();
    assert_eq!(run.temperature_celsius(), 6.3);
    let [train] = run.protocol.trains.as_slice() else {
        panic!("one train expected")
    };
    assert_eq!(train.count, 1);
    assert_eq!(train.width_ms, 1.0);
    assert!(
        train.amplitude_ua_per_cm2 > 2.5,
        "well above the ~2.3 µA/cm² 1 ms threshold"
    );
}

#[test]
fn temperature_defaults_to_the_models_published_temperature() {
    let run = scenario::load_text(Path::new("t.toml"), "model = \"hh1952\"\n", &[]).unwrap();
    assert_eq!(run.temperature_celsius(), 6.3);
    let run = scenario::load_text(
        Path::new("t.toml"),
        "model = \"hh1952\"\n",
        &["ions.temperature_celsius=18.5".into()],
    )
    .unwrap();
    let Some(BuiltHh1952 { model, .. }) = run.model.downcast_ref::<BuiltHh1952>() else {
        panic!("hh1952 expected")
    };
    assert!((model.rate_factor() - 3f64.powf(1.22)).abs() < 1e-12);
}

/// Keys and values a scenario might plausibly contain, to steer random documents
/// toward the interesting parts of the loader rather than plain syntax errors.
fn fragment() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "model",
        "name",
        "simulation.duration_ms",
        "simulation.output_dt_ms",
        "solver.method",
        "solver.rtol",
        "solver.max_steps",
        "ions.temperature_celsius",
        "parameters.g_na_ms_per_cm2",
        "analysis.spike_threshold_mv",
        "stimulus",
        "stimulus.steps",
        "simulation",
        "x.y.z",
    ]);
    let values = prop::sample::select(vec![
        "\"hh1952\"",
        "\"rk4\"",
        "1",
        "-1",
        "0",
        "1e400",
        "nan",
        "inf",
        "-inf",
        "true",
        "[]",
        "[1, 2]",
        "{}",
        "{ a = 1 }",
        "\"\"",
        "1979-05-27",
        "[{ start_ms = 1 }]",
        "[{ duration_ms = 1, amplitude_ua_per_cm2 = 1 }]",
        "18446744073709551615",
        "-9223372036854775808",
    ]);
    prop_oneof![
        (keys, values).prop_map(|(k, v)| format!("{k} = {v}\n")),
        "[a-z_.\\[\\]=\"0-9 \n-]{0,40}",
        Just("[[stimulus.trains]]\nfrequency_hz = 0\nwidth_ms = 1\namplitude_ua_per_cm2 = 1\n".to_owned()),
        Just("[[stimulus.trains]]\ninterval_ms = 1e-300\ncount = 18446744073709551615\nwidth_ms = 1e-301\namplitude_ua_per_cm2 = 1\n".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_text_panics_the_loader(text in "\\PC{0,200}") {
        let _ = scenario::load_text(Path::new("random.toml"), &text, &[]);
    }

    #[test]
    fn no_scenario_shaped_text_or_override_panics_the_loader(
        parts in prop::collection::vec(fragment(), 0..8),
        set in "[a-z_.\\[\\]0-9]{0,20}=[a-z0-9.\"-]{0,8}",
    ) {
        let text = format!("model = \"hh1952\"\n{}", parts.concat());
        let _ = scenario::load_text(Path::new("random.toml"), &text, &[]);
        let _ = scenario::load_text(Path::new("random.toml"), &text, &[set]);
    }
}

#[test]
fn muscle_twitch_is_one_cellml_pulse_from_rest() {
    let run = scenario::load(Path::new("scenarios/muscle-twitch.toml"), &[]).unwrap();
    assert!(run.model.downcast_ref::<BuiltMuscleFibre>().is_some());
    assert_eq!(
        run.solver.method,
        Method::Rosenbrock,
        "the fibre's default method is the stiff one"
    );
    assert!(run.equilibrate && run.rest_holds_ions);
    let [train] = run.protocol.trains.as_slice() else {
        panic!("one train expected")
    };
    assert_eq!(
        (train.count, train.width_ms, train.amplitude_ua_per_cm2),
        (1, 0.5, 150.0)
    );
}

#[test]
fn muscle_20hz_is_the_published_cellml_protocol() {
    let run = scenario::load(Path::new("scenarios/muscle-20hz.toml"), &[]).unwrap();
    assert!(
        !run.equilibrate,
        "the CellML starts from its published state"
    );
    assert_eq!(run.temperature_celsius(), 19.85, "293 K as in the CellML");
    let [train] = run.protocol.trains.as_slice() else {
        panic!("one train expected")
    };
    assert_eq!(
        *train,
        Train {
            start_ms: 0.0,
            count: 9,
            interval_ms: 50.0,
            width_ms: 0.5,
            amplitude_ua_per_cm2: 150.0
        }
    );
}

#[test]
fn muscle_tetanus_is_100_hz_for_500_ms_from_rest() {
    let run = scenario::load(Path::new("scenarios/muscle-tetanus.toml"), &[]).unwrap();
    assert!(run.equilibrate);
    let [train] = run.protocol.trains.as_slice() else {
        panic!("one train expected")
    };
    assert_eq!(train.interval_ms, 10.0);
    assert_eq!(train.count as f64 * train.interval_ms, 500.0);
}

#[test]
fn rest_switches_are_checked_like_every_other_key() {
    let base = "model = \"muscle-fibre\"\n[rest]\n";
    let error = scenario::load_text(
        Path::new("t.toml"),
        &format!("{base}equilibrate = 1\n"),
        &[],
    )
    .unwrap_err();
    assert!(
        error.problem == "wrong type" && error.allowed.as_deref() == Some("true or false"),
        "{error}"
    );
    let error =
        scenario::load_text(Path::new("t.toml"), &format!("{base}max = 1\n"), &[]).unwrap_err();
    assert!(
        error
            .allowed
            .unwrap()
            .starts_with("equilibrate, hold_ion_concentrations, max_ms")
    );
    let run = scenario::load_text(
        Path::new("t.toml"),
        base,
        &["rest.hold_ion_concentrations=false".into()],
    )
    .unwrap();
    assert!(!run.rest_holds_ions && !run.equilibrate);
}
