//! `[ions]`: absent keys leave the published models unchanged; given keys
//! act on the muscle fibre or are refused with a reason.

use std::path::Path;

use endplate::model::Model;
use endplate::model::muscle_fibre::{MuscleFibre, PUBLISHED_INITIAL_STATE, index};
use endplate::scenario::{self, ModelChoice};

/// The run, or the error as the user reads it.
fn load(text: &str) -> Result<scenario::Run, String> {
    scenario::load_text(Path::new("ions.toml"), text, &[]).map_err(|e| e.to_string())
}

fn fibre(run: &scenario::Run) -> &MuscleFibre {
    match &run.model {
        ModelChoice::MuscleFibre(fibre) => fibre,
        other => panic!("muscle fibre expected, got {other:?}"),
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
