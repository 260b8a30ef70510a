//! Validation of `muscle-fibre` against published values of the Shorten,
//! O'Callaghan, Davidson & Soboleva 2007 CellML
//! (`shorten_ocallaghan_davidson_soboleva_2007.cellml`, PMR exposure
//! `159ba2f081022ca651284404f39eeb40`).
//!
//! Reference numbers: the skeletal-muscle cellular qualification of
//! `phydra-labs/phydrax` (`ShortenFastTwitchModel`; its qualification
//! script and unit test): the initial RHS and algebraic values of the CellML
//! at its published initial state with the 150 µA/cm² stimulus on, and an
//! OpenCOR trajectory over 0–1 ms (OpenCOR 2021-10-05, run
//! `626177e490c6a1959557976e`). Copied here to full double precision.
//! SCIENCE.md §5.1 (targets V2, V3) summarizes them.
//!
//! Tolerances:
//! - initial currents and RHS: relative 1e-9 (the brief asks for ≥ 6
//!   significant digits; the port evaluates the same expressions, so
//!   agreement to ~1e-12 is expected and 1e-9 leaves room for the order of
//!   floating-point operations); values below 1e-6 in magnitude get an
//!   absolute floor of 1e-15;
//! - trajectory: vS and vT within 0.01 mV, Ca_1, Ca_2 and A_2 within 0.1 %
//!   of OpenCOR at 0.1 … 1.0 ms (SCIENCE.md V3). The trajectory here comes
//!   from a fixed-step classical RK4 at dt = 1e-5 ms, written in this file,
//!   so the check does not depend on the project's solver module.

// Reference values are copied digit for digit as the source prints them
// (shortest round-trip form, sometimes 17 significant digits).
#![allow(clippy::excessive_precision)]

use endplate::model::muscle_fibre::catalogue::BuiltMuscleFibre;
use endplate::model::muscle_fibre::{
    MuscleFibre, MuscleFibreConfig, STATE_COUNT, Variant, index, regulatory_units,
};
use endplate::model::{Model, State};
use endplate::physiology::calcium_release::{k_c_per_ms, k_cm_per_ms};
use endplate::physiology::crossbridges::free_troponin_um;
use endplate::scenario::Template;
use endplate::simulation::{NoTrace, Trace, execute};
use endplate::validation::opencor_shorten2007::{
    OPENCOR_CA_BULK_UM, OPENCOR_CA_TRIAD_UM, OPENCOR_POST_STROKE_UM, OPENCOR_V_SURFACE_MV,
    OPENCOR_V_TUBULE_MV, STIMULUS_UA_PER_CM2, initial_current_pairs,
};
use std::path::Path;

/// Duration of a CellML stimulus pulse (ms).
const PULSE_MS: f64 = 0.5;

fn assert_close(name: &str, ours: f64, reference: f64, relative: f64) {
    let tolerance = (relative * reference.abs()).max(1e-15);
    assert!(
        (ours - reference).abs() <= tolerance,
        "{name}: ours {ours:.15e}, reference {reference:.15e}, difference {:.3e} > {tolerance:.3e}",
        ours - reference
    );
}

/// phydrax `expected_currents` / `expected_algebraics` (µA/cm²) at the
/// published initial state.
#[test]
fn initial_currents_match_the_reference() {
    let fibre = MuscleFibre::published();
    let cases = initial_current_pairs(&fibre);
    for (name, ours, reference) in cases {
        assert_close(name, ours, reference, 1e-9);
    }
}

/// phydrax `expected_rates` at the published initial state, stimulus on.
#[test]
fn initial_rates_match_the_reference() {
    let fibre = MuscleFibre::published();
    let mut dydt = State::<STATE_COUNT>::zeros();
    fibre.derivatives(0.0, &fibre.initial_state(), STIMULUS_UA_PER_CM2, &mut dydt);
    let cases = [
        ("vS", index::V_SURFACE, 142.22126573539276),
        ("vT", index::V_TUBULE, -1.1303020276710498),
        ("n", index::N_SURFACE, 1.4034769892546626e-7),
        ("h_K", index::H_K_SURFACE, -4.522340661201656e-9),
        ("m", index::M_SURFACE, 4.100762903031739e-4),
        ("h", index::H_SURFACE, 7.162937553712532e-6),
        ("S", index::S_SURFACE, 9.810020857262693e-8),
        ("n_t", index::N_TUBULE, -5.510692327142293e-5),
        ("h_K_t", index::H_K_TUBULE, 2.5415541998198326e-5),
        ("m_t", index::M_TUBULE, -9.13400068151359e-3),
        ("h_t", index::H_TUBULE, 1.7540295074031881e-3),
        ("S_t", index::S_TUBULE, 3.76951668345105e-7),
        ("A_1", index::PRE_STROKE, -0.030599999999999995),
        ("A_2", index::POST_STROKE, 0.0029999999999999953),
        ("P", index::PHOSPHATE_MYOPLASM, 2.4005899999999997e-5),
    ];
    for (name, i, reference) in cases {
        assert_close(name, dydt[i], reference, 1e-9);
    }
}

/// phydrax `expected_algebraics` T_0, k_C, k_Cm at the published initial state.
#[test]
fn initial_coupling_algebraics_match_the_reference() {
    let fibre = MuscleFibre::published();
    let y = fibre.initial_state();
    let units = regulatory_units(&y);
    let release = &fibre.config().calcium_release;
    assert_close(
        "T_0",
        free_troponin_um(&fibre.config().crossbridges, &units),
        106.47,
        1e-12,
    );
    assert_close(
        "k_C",
        k_c_per_ms(release, y[index::V_TUBULE]),
        0.0187829203289675,
        1e-9,
    );
    assert_close(
        "k_Cm",
        k_cm_per_ms(release, y[index::V_TUBULE]),
        0.5323985740693232,
        1e-9,
    );
}

/// The CellML stimulus convention: `i_stim` is I_HH unchanged, so switching
/// the 150 µA/cm² pulse on raises dvS/dt by exactly 150/C_m and leaves every
/// other derivative alone.
#[test]
fn stimulus_is_the_cellml_i_hh_on_the_sarcolemma() {
    let fibre = MuscleFibre::published();
    let y = fibre.initial_state();
    let (mut on, mut off) = (State::<STATE_COUNT>::zeros(), State::<STATE_COUNT>::zeros());
    fibre.derivatives(0.0, &y, STIMULUS_UA_PER_CM2, &mut on);
    fibre.derivatives(0.0, &y, 0.0, &mut off);
    assert!((on[index::V_SURFACE] - off[index::V_SURFACE] - 150.0).abs() < 1e-12);
    for i in 1..STATE_COUNT {
        assert_eq!(on[i], off[i], "state {i}");
    }
}

/// One classical RK4 step of length `dt` with constant stimulus.
fn rk4_step(fibre: &MuscleFibre, t: f64, y: &mut State<STATE_COUNT>, i_stim: f64, dt: f64) {
    let mut k1 = State::<STATE_COUNT>::zeros();
    let mut k2 = State::<STATE_COUNT>::zeros();
    let mut k3 = State::<STATE_COUNT>::zeros();
    let mut k4 = State::<STATE_COUNT>::zeros();
    fibre.derivatives(t, y, i_stim, &mut k1);
    fibre.derivatives(t + 0.5 * dt, &(*y + k1 * (0.5 * dt)), i_stim, &mut k2);
    fibre.derivatives(t + 0.5 * dt, &(*y + k2 * (0.5 * dt)), i_stim, &mut k3);
    fibre.derivatives(t + dt, &(*y + k3 * dt), i_stim, &mut k4);
    *y += (k1 + k2 * 2.0 + k3 * 2.0 + k4) * (dt / 6.0);
}

/// Integrates the CellML protocol (150 µA/cm² on [0, 0.5) ms, then off) with
/// RK4 at `dt`, returning the state every `sample_ms` up to `end_ms`.
/// `dt` must divide the pulse and the sampling interval.
fn integrate_pulse(
    fibre: &MuscleFibre,
    dt: f64,
    sample_ms: f64,
    end_ms: f64,
) -> Vec<State<STATE_COUNT>> {
    let steps_per_sample = (sample_ms / dt).round() as usize;
    let pulse_steps = (PULSE_MS / dt).round() as usize;
    let samples = (end_ms / sample_ms).round() as usize;
    let mut y = fibre.initial_state();
    let mut out = vec![y];
    for step in 0..samples * steps_per_sample {
        let i_stim = if step < pulse_steps {
            STIMULUS_UA_PER_CM2
        } else {
            0.0
        };
        rk4_step(fibre, step as f64 * dt, &mut y, i_stim, dt);
        if (step + 1) % steps_per_sample == 0 {
            out.push(y);
        }
    }
    out
}

/// Checks a trace sampled every 0.1 ms over the first millisecond against
/// OpenCOR: vS and vT within 0.01 mV, Ca_1, Ca_2 and A_2 within 0.1 %.
fn assert_follows_opencor(solver: &str, trace: &[State<STATE_COUNT>]) {
    assert_eq!(trace.len(), 11, "{solver}");
    for (k, y) in trace.iter().enumerate() {
        let t = k as f64 * 0.1;
        for (name, i, reference) in [
            ("vS", index::V_SURFACE, OPENCOR_V_SURFACE_MV[k]),
            ("vT", index::V_TUBULE, OPENCOR_V_TUBULE_MV[k]),
        ] {
            assert!(
                (y[i] - reference).abs() < 0.01,
                "{solver}, t = {t:.1} ms: {name} {} vs OpenCOR {reference}",
                y[i]
            );
        }
        for (name, i, reference) in [
            ("Ca_1", index::CA_TRIAD, OPENCOR_CA_TRIAD_UM[k]),
            ("Ca_2", index::CA_BULK, OPENCOR_CA_BULK_UM[k]),
            ("A_2", index::POST_STROKE, OPENCOR_POST_STROKE_UM[k]),
        ] {
            let relative = (y[i] - reference) / reference;
            assert!(
                relative.abs() < 1e-3,
                "{solver}, t = {t:.1} ms: {name} {} vs OpenCOR {reference}",
                y[i]
            );
        }
    }
}

/// The model's equations, integrated by a plain RK4 written here (dt 1e-5 ms),
/// independent of the product's solvers.
#[test]
fn first_millisecond_follows_opencor() {
    let fibre = MuscleFibre::published();
    assert_follows_opencor("test RK4", &integrate_pulse(&fibre, 1e-5, 0.1, 1.0));
}

/// Keeps every output row as a state vector.
struct Rows(Vec<State<STATE_COUNT>>);

impl Trace for Rows {
    fn row(&mut self, _t_ms: f64, state: &[f64], _i_stim: f64) {
        self.0.push(State::from_column_slice(state));
    }
}

/// The same check through what users run: the scenario layer, the protocol
/// segments and the default stiff solver (Rodas4P at rtol 1e-8).
#[test]
fn first_millisecond_follows_opencor_through_a_scenario_and_the_stiff_solver() {
    let text = "model = \"muscle-fibre\"\n[simulation]\nduration_ms = 1.0\noutput_dt_ms = 0.1\n\
                [solver]\nrtol = 1e-8\natol = 1e-8\n[[stimulus.steps]]\nduration_ms = 0.5\namplitude_ua_per_cm2 = 150\n";
    let run = Template::parse(Path::new("cellml.toml"), text)
        .unwrap()
        .build(&[])
        .unwrap();
    assert_eq!(run.solver.method.name(), "rosenbrock");
    let mut rows = Rows(Vec::new());
    execute(&run, &mut rows).unwrap();
    assert_follows_opencor("rosenbrock", &rows.0);
}

/// Calcium summed over every compartment and buffer, weighted by volume
/// (µM·µm³), with the weights of the model's own conservation law
/// (src/model/muscle_fibre/tests.rs).
fn total_calcium(fibre: &MuscleFibre, y: &[f64]) -> f64 {
    let v = fibre.volumes();
    v.myoplasm_triad_um3
        * (y[index::CA_TRIAD] + y[index::CA_PARVALBUMIN_TRIAD] + y[index::CA_ATP_TRIAD])
        + v.myoplasm_bulk_um3
            * (y[index::CA_BULK]
                + y[index::CA_PARVALBUMIN_BULK]
                + y[index::CA_ATP_BULK]
                + y[index::CA_TROPONIN]
                + y[index::DETACHED_1]
                + 2.0
                    * (y[index::CA2_TROPONIN]
                        + y[index::DETACHED_2]
                        + y[index::PRE_STROKE]
                        + y[index::POST_STROKE]))
        + v.sr_triad_um3 * (y[index::CA_SR_TRIAD] + y[index::CA_CALSEQUESTRIN_TRIAD])
        + v.sr_bulk_um3
            * (y[index::CA_SR_BULK]
                + y[index::CA_CALSEQUESTRIN_BULK]
                + 1000.0 * y[index::PRECIPITATE_SR])
}

/// Over the whole CellML protocol (nine pulses at 20 Hz, 500 ms) total Ca and
/// the ten RyR states are conserved to the solver's tolerance (rtol = atol =
/// 1e-8: drift below 1e-6 relative). The troponin/crossbridge units are
/// conserved by construction (the CellML computes free troponin T_0 as the
/// total minus the seven states), so what can go wrong there is T_0 turning
/// negative: it must stay within [0, total].
#[test]
fn calcium_ryr_and_crossbridge_totals_are_conserved_over_the_published_protocol() {
    let template = Template::load(Path::new("scenarios/muscle-20hz.toml")).unwrap();
    let run = template
        .build_with_arguments(&["solver.rtol=1e-8".into(), "solver.atol=1e-8".into()])
        .unwrap();
    let Some(BuiltMuscleFibre { fibre, .. }) = run.model.downcast_ref::<BuiltMuscleFibre>() else {
        panic!("muscle-fibre expected")
    };
    let start: Vec<f64> = fibre.initial_state().iter().copied().collect();
    let end = execute(&run, &mut NoTrace).unwrap().final_state;
    let ryr = |y: &[f64]| {
        (index::RYR_CLOSED..index::RYR_OPEN + 5)
            .map(|i| y[i])
            .sum::<f64>()
    };
    let (before, after) = (total_calcium(fibre, &start), total_calcium(fibre, &end));
    assert!(
        ((after - before) / before).abs() < 1e-6,
        "total Ca: {before} → {after}"
    );
    let (before, after) = (ryr(&start), ryr(&end));
    assert!(
        ((after - before) / before).abs() < 1e-6,
        "RyR states: {before} → {after}"
    );
    let bound = fibre.config().crossbridges.troponin_total_um;
    let explicit_units: f64 = (index::CA_TROPONIN..=index::POST_STROKE)
        .map(|i| end[i])
        .sum();
    assert!(
        (0.0..=bound).contains(&(bound - explicit_units)),
        "free troponin {} of {bound}",
        bound - explicit_units
    );
}

/// The published initial state is not a rest state (SCIENCE.md §2.1,
/// quirk 4, a [COMP] value: Ca_2 0.10 → ≈ 0.64 µM and vS → ≈ −82 mV within
/// 10 ms). No published oracle exists for this; the test only pins the
/// direction and size class of the drift: bulk Ca²⁺ more than quintuples
/// and the sarcolemma hyperpolarizes, with no stimulus at all.
#[test]
fn published_initial_state_drifts_without_stimulus() {
    let fibre = MuscleFibre::published();
    let dt = 1e-4;
    let mut y = fibre.initial_state();
    for step in 0..100_000 {
        rk4_step(&fibre, step as f64 * dt, &mut y, 0.0, dt);
    }
    assert!(
        y[index::CA_BULK] > 0.5,
        "Ca_2 at 10 ms: {} µM",
        y[index::CA_BULK]
    );
    assert!(
        y[index::V_SURFACE] < -80.5,
        "vS at 10 ms: {} mV",
        y[index::V_SURFACE]
    );
}

/// Each correction of [`Variant::Corrected`] changes only what it should.
#[test]
fn corrected_variant_changes_only_the_documented_terms_at_the_initial_state() {
    let published = MuscleFibre::published();
    let corrected = MuscleFibre::new(MuscleFibreConfig {
        variant: Variant::Corrected,
        ..Default::default()
    });
    let y = published.initial_state();
    let (mut dp, mut dc) = (State::<STATE_COUNT>::zeros(), State::<STATE_COUNT>::zeros());
    published.derivatives(0.0, &y, 0.0, &mut dp);
    corrected.derivatives(0.0, &y, 0.0, &mut dc);
    // Background currents: I_K,rest + I_Na,rest = 1.02 − 1.29 = −0.27 µA/cm² (inward) on both membranes.
    assert!((dc[index::V_SURFACE] - dp[index::V_SURFACE] - 0.27).abs() < 1e-12);
    assert!((dc[index::V_TUBULE] - dp[index::V_TUBULE] - 0.27).abs() < 1e-12);
    // T-tubule slow K inactivation: 1000× slower.
    assert!((dp[index::H_K_TUBULE] / dc[index::H_K_TUBULE] - 1000.0).abs() < 1e-9);
    // At vS = −79.974 mV > E_K = −81.85 mV the surface Kir is outward, so the gate does not matter.
    for i in 0..STATE_COUNT {
        if ![index::V_SURFACE, index::V_TUBULE, index::H_K_TUBULE].contains(&i) {
            assert_eq!(dp[i], dc[i], "state {i}");
        }
    }
}
