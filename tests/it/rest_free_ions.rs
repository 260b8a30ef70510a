//! Issue 18, point 1: rest must be a steady state of the free-running fibre
//! (every ion's net flux zero with the concentrations free), and the
//! T-tubule K⁺ at rest must equal the interstitial K⁺.
//!
//! The rest search with `rest.hold_ion_concentrations = false` is the check:
//! it converges only where every rate is below 1e-9 of its variable per ms,
//! so from that state a 10 s free run moves V by < 0.001 mV and K⁺ by
//! < 0.0001 mM, far inside the 0.5 mV and 0.1 mM. Scenarios run in
//! parallel threads; each search is 1–3 s in release.

use std::path::Path;
use std::thread;

use endplate::model::muscle_fibre::index;
use endplate::scenario;
use endplate::simulation::find_rest;

/// The scenarios issue 18 names.
const SCENARIOS: [&str; 6] = [
    "normal",
    "hypokalemia-mild",
    "hypokalemia-moderate",
    "hypokalemia-severe",
    "hypocalcemia",
    "dehydration",
];

/// (scenario, converged, V, K_t, K_e, plasma K) of each scenario's free rest.
fn free_rests(extra: &[&str]) -> Vec<(String, bool, f64, f64, f64, f64)> {
    let overrides: Vec<String> = ["rest.hold_ion_concentrations=false"]
        .iter()
        .chain(extra)
        .map(|s| (*s).to_owned())
        .collect();
    let handles: Vec<_> = SCENARIOS
        .iter()
        .map(|name| {
            let overrides = overrides.clone();
            thread::spawn(move || {
                let path = format!("scenarios/{name}.toml");
                let run = scenario::load(Path::new(&path), &overrides).unwrap();
                let rest = find_rest(&run).unwrap();
                let plasma = rest.initial[index::K_INTERSTITIAL];
                let y = &rest.state;
                (
                    (*name).to_owned(),
                    rest.report.converged,
                    y[index::V_SURFACE],
                    y[index::K_TUBULE],
                    y[index::K_INTERSTITIAL],
                    plasma,
                )
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// The criteria, on the fibre of issue 18's options: dynamic Cl⁻
/// (ClC-1 + NKCC1), measured resting conductances, the Hagiwara Kir.
///
/// Finding (2026-12-03, this branch): no scenario reaches a rest with the
/// concentrations free within rest.max_ms = 10 min. normal.toml drifts to
/// V −64.3 mV, K_t 10.95 mM, K_e 6.82 mM (plasma 4.5), Na_i 18.3 mM,
/// Cl_i 12.3 mM; hypokalemia-severe-like K 2.0: V −65.1, K_t 10.3, K_e 6.0.
/// The T-tubule, with its pump at 0.1 of the surface density against a Kir
/// of 1.0, loads with K⁺ (K_t − K_e ≈ 4 mM) and the fibre depolarizes into
/// the Nav-window state of ../shared/SCIENCE-EXCITABILITY.md §0.2. What is
/// missing is points 4 (T-tubule α2 pump) and 5 (non-inactivating inward
/// background) of the issue. With the published preset (fixed Cl⁻, held
/// ions) `endplate rest` shows the held rest losing K_i at 12 mM/min (E_Cl
/// 4.3 mV above V); freed, normal.toml reaches K_t 6.8, K_e 6.15 mM in 10 min
/// and has not converged.
#[test]
#[ignore = "finding: no free-ion rest with K_t = K_e yet (T-tubule pump, inward background missing; issue 18 points 4-5)"]
fn every_library_rest_is_a_steady_state_with_tubular_k_at_the_interstitial_value() {
    let rests = free_rests(&[
        "parameters.chloride_distribution=dynamic",
        "parameters.resting_conductance=measured",
        "parameters.inward_rectifier_form=hagiwara",
    ]);
    for (name, converged, v, k_t, k_e, plasma) in rests {
        assert!(converged, "{name}: no rest with free ions (V {v:.2} mV)");
        assert!(
            (k_t - k_e).abs() < 0.1,
            "{name}: K_t {k_t:.3}, K_e {k_e:.3} mM"
        );
        assert!(
            (k_e - plasma).abs() < 0.1,
            "{name}: K_e {k_e:.3}, plasma {plasma} mM"
        );
    }
}

/// What the published preset does today with the ions freed: the held rest is
/// not a steady state, and the T-tubule K⁺ ends above the interstitial K⁺
/// (normal.toml: K_t 6.80, K_e 6.15 mM after 10 min; `endplate rest`).
#[test]
fn the_published_preset_has_no_free_ion_rest_and_loads_the_tubule() {
    for (name, converged, v, k_t, k_e, _) in free_rests(&[]) {
        assert!(!converged, "{name}: unexpectedly at rest, V {v:.2} mV");
        assert!(k_t - k_e > 0.3, "{name}: K_t {k_t:.3}, K_e {k_e:.3} mM");
    }
}
