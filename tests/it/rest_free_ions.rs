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

/// The criteria, on the fibre of every issue 18 option: dynamic Cl⁻
/// (ClC-1 + NKCC1), measured resting conductances, the Hagiwara Kir, the
/// α2 T-tubule pump (point 4), the slow-inactivation pedestal with 0.3 %
/// non-inactivating Na⁺ channels (point 5), background currents in the
/// voltage equations (`variant = "corrected"`) and tubular fluxes counted
/// over γ (`tubule_bookkeeping = "area-ratio"`). The converged-rest
/// equivalent of the 10 s free run, with up to 10 h of model time.
///
/// Finding (2026-12-03, branch rest18b): normal.toml reaches a free-ion rest
/// only after 6.9 h of model time (22 s wall): V −87.54 mV, K_e 4.494 mM
/// (plasma 4.5), Na_i 8.19, K_i 155.1, Cl_i 5.53 mM, E_Cl − V +3.56 mV,
/// G_Cl 2.38, G_K 0.90 mS/cm² — but K_t 4.706 mM, **K_t − K_e +0.21 mM**
/// (criterion 0.1): at rest the tubular wall still has a net K⁺ efflux
/// (Kir at density 1) that the α2 pump does not take back, and the
/// sarcolemma the matching net influx. Likewise at rest (V, K_t − K_e, model
/// time): hypokalemia-mild −93.70 mV, +0.27 mM, 7.2 h; hypokalemia-moderate
/// −96.23 mV, +0.30 mM, 5.4 h; dehydration −85.06 mV, +0.20 mM, 7.0 h.
/// hypocalcemia does not rest in 10 h: it depolarizes to −23.6 mV with Na_i
/// 166 mM (the divalent shift opens the Na⁺ window). hypokalemia-severe
/// (K 2.0) does not rest: after 10 min V −44.2 mV, K_t 8.1, K_e 16.7, Na_i
/// 35.3 mM (a depolarized, K⁺-losing state; 79 s wall). Without `variant = "corrected"`
/// normal.toml drifts (uncharged I_Na,rest/I_K,rest): V +20 mV after 2 h.
/// Each option alone, 10 min (normal.toml, V/K_t/K_e/Na_i): previous
/// options −64.3/10.95/6.82/18.3; + α2 −90.7/3.94/3.68/9.40; + pedestal
/// −90.7/3.95/3.68/9.40; + area-ratio −104.1/2.20/1.96/12.8; + corrected
/// −95.4/3.20/2.96/10.35 (still relaxing, converges as above).
#[test]
#[ignore = "finding: free-ion rest of normal.toml has K_t - K_e = 0.21 mM after 6.9 h; hypokalemia-severe depolarizes to -44 mV (issue 18)"]
fn every_library_rest_is_a_steady_state_with_tubular_k_at_the_interstitial_value() {
    let rests = free_rests(&[
        "parameters.chloride_distribution=dynamic",
        "parameters.resting_conductance=measured",
        "parameters.inward_rectifier_form=hagiwara",
        "parameters.tubule_pump=alpha2",
        "parameters.sodium_slow_inactivation=pedestal",
        "parameters.variant=corrected",
        "parameters.tubule_bookkeeping=area-ratio",
        "rest.max_ms=36000000",
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
