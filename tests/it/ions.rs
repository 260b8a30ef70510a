//! `[ions]`: absent keys leave the published models unchanged; given keys
//! act on the muscle fibre or are refused with a reason.

use std::path::Path;

use endplate::model::Model;
use endplate::model::muscle_fibre::catalogue::BuiltMuscleFibre;
use endplate::model::muscle_fibre::{MuscleFibre, PUBLISHED_INITIAL_STATE, index};
use endplate::scenario;
use endplate::simulation::{self, NoTrace};

/// The run, or the error as the user reads it.
fn load(text: &str) -> Result<scenario::Run, String> {
    scenario::load_text(Path::new("ions.toml"), text, &[]).map_err(|e| e.to_string())
}

fn fibre(run: &scenario::Run) -> &MuscleFibre {
    match run.model.downcast_ref::<BuiltMuscleFibre>() {
        Some(built) => &built.fibre,
        None => panic!("muscle fibre expected, got {:?}", run.model),
    }
}

#[test]
fn without_ions_the_fibre_is_the_published_one() {
    let run = load("model = \"muscle-fibre\"\n").unwrap();
    assert_eq!(*fibre(&run), MuscleFibre::published());
    assert_eq!(
        fibre(&run).initial_state().as_slice(),
        PUBLISHED_INITIAL_STATE.as_slice()
    );
}

#[test]
fn k_na_and_mg_set_the_fibres_starting_concentrations() {
    let run =
        load("model = \"muscle-fibre\"\n[ions]\nk_o_mm = 3.0\nna_o_mm = 140.0\nmg_i_um = 800.0\n")
            .unwrap();
    let y = fibre(&run).initial_state();
    for (i, want) in [
        (index::K_TUBULE, 3.0),
        (index::K_INTERSTITIAL, 3.0),
        (index::NA_TUBULE, 140.0),
        (index::NA_INTERSTITIAL, 140.0),
        (index::MG_TRIAD, 800.0),
        (index::MG_BULK, 800.0),
        (index::K_MYOPLASM, 150.9),
    ] {
        assert_eq!(y[i], want, "state {i}");
    }
}

#[test]
fn chloride_is_refused_for_the_fibre_with_the_reason() {
    let error = load("model = \"muscle-fibre\"\n[ions]\ncl_o_mm = 103.0\n").unwrap_err();
    assert!(
        error.contains("ions.cl_o_mm") && error.contains("passively distributed with K"),
        "{error}"
    );
    assert!(error.contains("ions.toml:3"), "{error}");
    assert!(
        error.contains("chloride_distribution = \"fixed\""),
        "the error names the option that lets it act: {error}"
    );
}

#[test]
fn chloride_acts_on_the_fibre_with_fixed_chloride_and_only_once() {
    let fixed = "model = \"muscle-fibre\"\n[parameters]\nchloride_distribution = \"fixed\"\n";
    let config = |run: &scenario::Run| fibre(run).config().chloride_channel;
    // Senneff & Lowery 2021 values unless ions.cl_o_mm is given.
    let default = load(fixed).unwrap();
    assert_eq!(config(&default).fixed_chloride_out_mm, 128.0);
    assert_eq!(config(&default).fixed_chloride_in_mm, 5.83);
    let given = load(&format!("{fixed}[ions]\ncl_o_mm = 103.0\n")).unwrap();
    assert_eq!(config(&given).fixed_chloride_out_mm, 103.0);
    assert_eq!(config(&given).fixed_chloride_in_mm, 5.83);
    let error = load(&format!(
        "{fixed}[parameters.chloride_channel]\nfixed_chloride_out_mm = 110.0\n[ions]\ncl_o_mm = 103.0\n"
    ))
    .unwrap_err();
    assert!(
        error.contains("ions.cl_o_mm") && error.contains("set twice"),
        "{error}"
    );
    let error = load(&format!(
        "{}[parameters]\nchloride_distribution = \"fixd\"\n",
        "model = \"muscle-fibre\"\n"
    ))
    .unwrap_err();
    assert!(
        error.contains("with-potassium, fixed") && error.contains("did you mean `fixed`"),
        "{error}"
    );
}

#[test]
fn concentrations_are_refused_for_hh1952_and_temperature_is_not() {
    for key in [
        "k_o_mm = 4.5",
        "ca_o_mm = 1.2",
        "mg_o_mm = 0.5",
        "na_o_mm = 140",
    ] {
        let error = load(&format!("model = \"hh1952\"\n[ions]\n{key}\n")).unwrap_err();
        assert!(
            error.contains("fixed reversal potentials")
                && error.contains("temperature_celsius only"),
            "{error}"
        );
    }
    assert!(load("model = \"hh1952\"\n[ions]\ntemperature_celsius = 20.0\n").is_ok());
}

#[test]
fn out_of_range_ions_are_located_with_the_allowed_range() {
    let error = load("model = \"muscle-fibre\"\n[ions]\nk_o_mm = -1.0\n").unwrap_err();
    assert!(
        error.contains("ions.k_o_mm") && error.contains("0.1 to 100 mM"),
        "{error}"
    );
    let error = scenario::load_text(
        Path::new("ions.toml"),
        "model = \"muscle-fibre\"\n",
        &["ions.ca_o_mm=0".to_owned()],
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("--set") || error.contains("ions.ca_o_mm=0"),
        "{error}"
    );
}

/// Interstitial K⁺ (mM) after 10 minutes at rest of the published fibre
/// (concentrations free to drift) with the given blood flow.
fn interstitial_k_after_ten_minutes(flow_ml_per_min_per_100g: f64) -> f64 {
    let text = format!(
        "model = \"muscle-fibre\"\n[simulation]\nduration_ms = 600000.0\noutput_dt_ms = 600000.0\n\
         [solver]\nmax_step_ms = 1000.0\n\
         [parameters.washout]\nblood_flow_ml_per_min_per_100g = {flow_ml_per_min_per_100g}\n"
    );
    let run = load(&text).unwrap();
    let result = simulation::execute(&run, &mut NoTrace).unwrap();
    result.final_state[index::K_INTERSTITIAL]
}

#[test]
fn washout_bounds_the_rest_drift_of_interstitial_k() {
    // The published fibre's pump outruns its K⁺ leak at the published
    // concentrations: with no flow, interstitial K⁺ falls from 5.9 to ~1.0 mM
    // in 10 minutes (measured). Washout pulls it back towards plasma (5.9 mM,
    // the published value, as no k_o_mm is given); measured: resting flow
    // 3 ml/(min·100 g) (τ 7.3 min) → 1.46 mM, hyperaemic 50 → 4.18 mM.
    let plasma = 5.9;
    let drift = |flow| plasma - interstitial_k_after_ten_minutes(flow);
    let (none, resting, hyperaemic) = (drift(0.0), drift(3.0), drift(50.0));
    assert!(none > 4.0, "no washout: drift {none} mM");
    assert!(resting < none, "resting flow {resting} vs none {none}");
    // A flow-limited washout at τ = 26 s holds K_e within 2 mM of plasma,
    // less than half the unwashed drift.
    assert!(
        hyperaemic > 0.0 && hyperaemic < 2.0 && hyperaemic < 0.5 * none,
        "hyperaemic drift {hyperaemic} mM"
    );
}

/// Smallest amplitude (µA/cm², to 0.05) of one `width_ms` pulse from rest
/// that fires an action potential, with `ions` lines in `[ions]`; bisection
/// on spike occurrence between 0 and 400 µA/cm².
fn threshold_ua_per_cm2(ions: &str, width_ms: f64) -> f64 {
    let fires = |amplitude: f64| {
        let text = format!(
            "model = \"muscle-fibre\"\n[simulation]\nduration_ms = 30.0\noutput_dt_ms = 0.05\n\
             [rest]\nequilibrate = true\n[ions]\n{ions}\n\
             [[stimulus.trains]]\nstart_ms = 10.0\ncount = 1\ninterval_ms = 50.0\n\
             width_ms = {width_ms}\namplitude_ua_per_cm2 = {amplitude}\n"
        );
        let run = load(&text).unwrap();
        let result = simulation::execute(&run, &mut NoTrace).unwrap();
        result.metrics.membrane.spike_count > 0
    };
    let (mut low, mut high) = (0.0, 400.0);
    assert!(
        fires(high) && !fires(low),
        "no threshold in 0–400 µA/cm² ({ions})"
    );
    while high - low > 0.05 {
        let middle = 0.5 * (low + high);
        if fires(middle) {
            high = middle;
        } else {
            low = middle;
        }
    }
    high
}

#[test]
fn low_calcium_lowers_the_fibres_threshold_and_magnesium_acts_less() {
    for width_ms in [0.5, 1.0] {
        let normal = threshold_ua_per_cm2("ca_o_mm = 1.2\nmg_o_mm = 0.5", width_ms);
        let low_ca = threshold_ua_per_cm2("ca_o_mm = 0.8\nmg_o_mm = 0.5", width_ms);
        let low_mg = threshold_ua_per_cm2("ca_o_mm = 1.2\nmg_o_mm = 0.1", width_ms);
        println!(
            "{width_ms} ms pulse threshold: normal {normal}, Ca 0.8 {low_ca}, Mg 0.1 {low_mg} µA/cm²"
        );
        // The bisection resolves 0.05 µA/cm²; the differences must exceed it.
        assert!(low_ca < normal - 0.1, "Ca 0.8: {low_ca} vs {normal}");
        assert!(low_mg < normal, "Mg 0.1: {low_mg} vs {normal}");
        assert!(
            low_mg > low_ca + 0.1,
            "the same 0.4 mM fall: Mg {low_mg}, Ca {low_ca}"
        );
    }
}

/// Voltage (mV) where the fibre's sarcolemmal Na⁺ activation m∞ is 1/2, read
/// from its own right-hand side: at m = 1/2, dm/dt = φ(α_m − β_m)/2 changes
/// sign there. Bisection to 1e-10 mV.
fn na_activation_midpoint_mv(fibre: &MuscleFibre) -> f64 {
    let m_rate = |v: f64| {
        let mut y = fibre.initial_state();
        y[index::V_SURFACE] = v;
        y[index::M_SURFACE] = 0.5;
        let mut dydt = y;
        fibre.derivatives(0.0, &y, 0.0, &mut dydt);
        dydt[index::M_SURFACE]
    };
    let (mut low, mut high) = (-150.0, 100.0);
    assert!(m_rate(low) < 0.0 && m_rate(high) > 0.0);
    while high - low > 1e-10 {
        let middle = 0.5 * (low + high);
        if m_rate(middle) < 0.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

/// The fibre of a scenario with `ions` lines in `[ions]` and `parameters`
/// lines in `[parameters]`.
fn fibre_in(ions: &str, parameters: &str) -> MuscleFibre {
    let run = load(&format!(
        "model = \"muscle-fibre\"\n[ions]\n{ions}\n[parameters]\n{parameters}\n"
    ))
    .unwrap();
    fibre(&run).clone()
}

#[test]
fn the_fibres_na_activation_midpoint_moves_by_s_per_tenfold_divalent_change() {
    // Hille, Woodhull & Shapiro 1975: +20 to +25 mV per tenfold change of
    // divalents; the fibre's S_Na is 20 mV/decade. Every divalent ×10 and
    // ÷10 around the reference (Ca 1.2, Mg 0.5 mM).
    let reference = na_activation_midpoint_mv(&fibre_in("ca_o_mm = 1.2\nmg_o_mm = 0.5", ""));
    let up = na_activation_midpoint_mv(&fibre_in("ca_o_mm = 12.0\nmg_o_mm = 5.0", ""));
    let down = na_activation_midpoint_mv(&fibre_in("ca_o_mm = 0.12\nmg_o_mm = 0.05", ""));
    assert!((up - reference - 20.0).abs() < 1e-6, "{}", up - reference);
    assert!(
        (reference - down - 20.0).abs() < 1e-6,
        "{}",
        reference - down
    );
}

#[test]
fn in_grahame_mode_hypocalcaemia_moves_na_activation_by_about_one_millivolt() {
    // SCIENCE.md §4.1 [COMP]: pure screening moves gating by only −0.3 to
    // −1.4 mV for Ca 1.2 → 0.8 mM (σ −0.25 to −0.9 e/nm², 37 °C). The fibre
    // at its own 19.85 °C with the mode's defaults (σ −0.9): −1.40 mV
    // (measured), against −2.80 mV with the empirical law: half of it, not
    // "far smaller" (with σ −0.25 it would be a ninth). For large changes
    // they agree better: a tenfold rise of all divalents gives 19.2 mV by
    // screening at 37 °C (validation::divalent_gating), against S_Na = 20.
    let grahame = "surface_charge.mode = \"grahame\"";
    let shift = |ions: &str, parameters: &str| {
        na_activation_midpoint_mv(&fibre_in(ions, parameters))
            - na_activation_midpoint_mv(&fibre_in("ca_o_mm = 1.2\nmg_o_mm = 0.5", parameters))
    };
    let low_ca = "ca_o_mm = 0.8\nmg_o_mm = 0.5";
    let screening = shift(low_ca, grahame);
    let empirical = shift(low_ca, "");
    println!(
        "Na activation shift, Ca 1.2 → 0.8 mM: Grahame {screening:.3} mV, empirical {empirical:.3} mV"
    );
    assert!((-1.5..=-0.3).contains(&screening), "{screening}");
    assert!(
        (empirical - 20.0 * (1.05_f64 / 1.45).log10()).abs() < 1e-6,
        "{empirical}"
    );
    assert!(screening.abs() < empirical.abs());
    // The mode is also reached by --set, and the shift is the model's own.
    let run = scenario::load_text(
        Path::new("ions.toml"),
        &format!("model = \"muscle-fibre\"\n[ions]\n{low_ca}\n"),
        &["parameters.surface_charge.mode=grahame".to_owned()],
    )
    .unwrap();
    assert!((fibre(&run).gating_shifts().na_mv - screening).abs() < 1e-6);
}

#[test]
fn an_unknown_surface_charge_mode_is_located_with_the_allowed_values() {
    let error =
        load("model = \"muscle-fibre\"\n[parameters.surface_charge]\nmode = \"gouy-chapman\"\n")
            .unwrap_err();
    assert!(
        error.contains("ions.toml:3")
            && error.contains("parameters.surface_charge.mode")
            && error.contains("empirical, grahame"),
        "{error}"
    );
}
