//! The muscle fibre's myoplasmic Mg²⁺ options over a whole twitch:
//! `[parameters.troponin_magnesium]` (Mg²⁺ competes at troponin, Ogawa 1985
//! K_Mg) and `[parameters.ryanodine_magnesium]` (Mg²⁺ inhibits SR release,
//! Jóna et al. IC50 174 µM). Each acts in its published direction where it
//! acts; what the whole fibre then does is measured and asserted as it is,
//! with the literature's differing view in the comments.

use std::path::Path;

use endplate::model::muscle_fibre::index;
use endplate::scenario;
use endplate::simulation::{self, NoTrace};

/// A twitch from rest (scenarios/muscle-twitch.toml) with free myoplasmic
/// Mg²⁺ `mg_i_um` and the options as `--set` arguments: peak force (A_2
/// rise, µM), peak bulk Ca²⁺ (µM) and SR Ca²⁺ at rest (triad, µM).
fn twitch(mg_i_um: f64, troponin: bool, ryanodine: bool) -> (f64, f64, f64) {
    let run = scenario::load(
        Path::new("scenarios/muscle-twitch.toml"),
        &[
            format!("ions.mg_i_um={mg_i_um}"),
            format!("parameters.troponin_magnesium.enabled={troponin}"),
            format!("parameters.ryanodine_magnesium.enabled={ryanodine}"),
        ],
    )
    .unwrap();
    let rest = simulation::find_rest(&run).unwrap();
    let muscle = simulation::execute(&run, &mut NoTrace)
        .unwrap()
        .metrics
        .muscle
        .unwrap();
    (
        muscle.force_peak_um,
        muscle.ca_peak_um,
        rest.state[index::CA_SR_TRIAD],
    )
}

#[test]
fn troponin_competition_lowers_twitch_force_at_raised_magnesium() {
    // Measured (force peak, µM): Mg 1 mM 0.244 off / 0.234 on; Mg 3 mM
    // 0.461 off / 0.357 on. At 3 mM free Mg²⁺ competition at troponin cuts
    // the twitch by 23 %; near the reference (rest settles at 1166 µM)
    // it barely acts.
    let (normal_off, _, _) = twitch(1000.0, false, false);
    let (normal_on, _, _) = twitch(1000.0, true, false);
    let (high_off, _, _) = twitch(3000.0, false, false);
    let (high_on, _, _) = twitch(3000.0, true, false);
    println!("force peak (µM): Mg 1 mM {normal_off} / {normal_on}, Mg 3 mM {high_off} / {high_on}");
    assert!(high_on < 0.85 * high_off, "{high_on} vs {high_off}");
    assert!((normal_on / normal_off - 1.0).abs() < 0.1);
    // The model's net effect of raising Mg²⁺ is the opposite of the published
    // direction: Mg²⁺ loads parvalbumin, which then buffers less Ca²⁺ during
    // the twitch (its Ca²⁺ binding waits for the Mg²⁺ off-rate, 0.003 ms⁻¹),
    // and that outweighs the competition at troponin. Skinned-fibre work
    // (Solaro & Shiner 1976: raising Mg²⁺ shifts the force–Ca²⁺ relation to
    // higher Ca²⁺) sees only the troponin side; the intact twitch in this
    // model rises from 1 to 3 mM even with the option on.
    assert!(high_on > normal_on, "{high_on} vs {normal_on}");
}

#[test]
fn ryanodine_inhibition_loads_the_sr_at_rest_so_the_twitch_grows() {
    // The option lowers the release flux at any given state
    // (conditions_tests: × 0.37 at 3 mM). But the resting channels leak less
    // too, so at rest the SR holds more Ca²⁺ (measured 907 → 1515 µM at
    // Mg 3 mM), the driving force of release rises, and the twitch's Ca²⁺
    // peak and force grow (8.6 → 12.2 µM; 0.46 → 0.63 µM). Jóna et al.
    // measured the inhibition in voltage-clamped fibres over seconds, not
    // after a new rest; this model has no Ca²⁺ exchange with the outside to
    // hold the SR load, so read this option's twitches with that in mind.
    let (force_off, ca_off, sr_off) = twitch(3000.0, false, false);
    let (force_on, ca_on, sr_on) = twitch(3000.0, false, true);
    println!(
        "Mg 3 mM: SR Ca at rest {sr_off} → {sr_on} µM, Ca peak {ca_off} → {ca_on} µM, force {force_off} → {force_on} µM"
    );
    assert!(sr_on > 1.3 * sr_off);
    assert!(ca_on > ca_off && force_on > force_off);
}
