//! scenarios/hypokalemic-periodic-paralysis.toml against the same file at
//! normal K⁺ (4 mM) without the gating-pore leak: what the fixed-Cl fibre
//! does to the resting potential and to excitability, as measured, next to
//! what Jurkat-Rott et al. 2009 (PNAS 106:4036; SCIENCE.md §2.3, V10) report.

use std::path::Path;

use crate::arguments;
use endplate::analysis::MembraneMetrics;
use endplate::scenario::Template;
use endplate::simulation::{NoTrace, execute};

const SCENARIO: &str = "scenarios/hypokalemic-periodic-paralysis.toml";

/// Normal plasma K⁺ and no leak: the control fibre.
const NORMAL: [&str; 2] = ["ions.k_o_mm=4.0", "parameters.gating_pore.g_ms_per_cm2=0"];

fn membrane(template: &Template, overrides: &[&str]) -> MembraneMetrics {
    let run = template
        .build_with_arguments(&arguments(overrides))
        .unwrap();
    let result = execute(&run, &mut NoTrace).unwrap();
    assert!(result.metrics.rest.as_ref().is_some_and(|r| r.converged));
    result.metrics.membrane
}

#[test]
fn the_leak_in_low_k_depolarizes_the_fixed_cl_fibre_slightly_and_it_still_fires() {
    let template = Template::load(Path::new(SCENARIO)).unwrap();
    let hypopp = membrane(&template, &[]);
    let normal = membrane(&template, &NORMAL);
    // Measured: −80.8 mV against −82.6 mV, +1.8 mV. Jurkat-Rott et al. 2009
    // report P1 ≈ −85 mV at 4 mM and a jump to P2 ≈ −60 mV (+25 mV) in low
    // K⁺ with the leak; the model moves in that direction but stays near P1.
    let depolarization = hypopp.resting_mv - normal.resting_mv;
    assert!(
        depolarization > 0.5 && depolarization < 5.0,
        "rest {:.2} mV against {:.2} mV",
        hypopp.resting_mv,
        normal.resting_mv
    );
    // Not in P2, so the 1 ms pulse (1.7× the normal fibre's threshold) still
    // fires an action potential in both; in P2 the fibre would be
    // inexcitable (Jurkat-Rott et al. 2009). The literature's paralysis is
    // not reproduced here.
    assert!(hypopp.resting_mv < -75.0, "{} mV", hypopp.resting_mv);
    assert_eq!(hypopp.spike_count, 1);
    assert_eq!(normal.spike_count, 1);
    let peak = |m: &MembraneMetrics| m.first_spike.as_ref().unwrap().peak_mv;
    assert!(peak(&hypopp) > 20.0, "overshoot {} mV", peak(&hypopp));
    // If anything the fibre is more excitable: measured 1 ms thresholds
    // 49.4 µA/cm² (HypoPP file) and 58.7 µA/cm² (normal), so a pulse midway
    // fires only the HypoPP fibre.
    let midway = "stimulus.trains[0].amplitude_ua_per_cm2=54";
    assert_eq!(membrane(&template, &[midway]).spike_count, 1);
    assert_eq!(
        membrane(&template, &[midway, NORMAL[0], NORMAL[1]]).spike_count,
        0
    );
}

#[test]
fn with_the_published_chloride_the_same_file_hyperpolarizes_instead() {
    // Why the scenario fixes Cl⁻: in the published model Cl⁻ follows K⁺, so
    // 1 mM K⁺ drags the fibre towards E_K; measured −125.1 mV against
    // −92.2 mV at 4 mM without the leak, 33 mV the wrong way.
    let template = Template::load(Path::new(SCENARIO)).unwrap();
    let published = "parameters.chloride_distribution=with-potassium";
    let hypopp = membrane(&template, &[published]);
    let normal = membrane(&template, &[published, NORMAL[0], NORMAL[1]]);
    assert!(
        hypopp.resting_mv < normal.resting_mv - 25.0,
        "rest {:.2} mV against {:.2} mV",
        hypopp.resting_mv,
        normal.resting_mv
    );
}
