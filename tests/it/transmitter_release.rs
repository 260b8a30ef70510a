//! V11: transmitter release against external Ca²⁺ and Mg²⁺
//! (`physiology::transmitter_release`, default constants K_Ca 1 mM, K_Mg
//! 3 mM — placeholders, SCIENCE.md §3.1 [MEM]) against Dodge & Rahamimoff
//! 1967 (J Physiol 193:419, abstract): at low Ca the log–log slope of release
//! against Ca is 3.78 ± 0.2 (S.D., 28 experiments); a constant Mg lowers
//! release without altering the slope; the slope falls towards normal Ca.
//! And the relative-release table of ../shared/SCIENCE.md §3.1 [COMP].
//!
//! The low-Ca range is 0.1–0.2 mM (`validation::dodge_rahamimoff1967`
//! explains why: the paper's concentrations are not in the abstract). The
//! model's slope is 4(1 + Mg/K_Mg)/(1 + Ca/K_Ca + Mg/K_Mg), so it depends on
//! that range and on Mg; the numbers below are measured, not chosen.

use endplate::physiology::transmitter_release::{
    TransmitterReleaseParams, log_log_secant_slope, log_log_slope, relative_release,
};
use endplate::validation::dodge_rahamimoff1967::{
    LOW_CALCIUM_MM, NORMAL_CALCIUM_MM, PUBLISHED_SLOPE_SD,
};

fn p() -> TransmitterReleaseParams {
    TransmitterReleaseParams::default()
}

/// The slope over the low-Ca range at `mg_mm`.
fn low_calcium_slope(mg_mm: f64) -> f64 {
    log_log_secant_slope(&p(), LOW_CALCIUM_MM.0, LOW_CALCIUM_MM.1, mg_mm)
}

#[test]
fn the_secant_slope_is_the_mean_of_the_local_slope_over_ln_ca() {
    // ∫ slope d ln Ca / ln(high/low), midpoint rule on 2000 steps of ln Ca.
    let (low, high) = LOW_CALCIUM_MM;
    let steps = 2000;
    let width = (high / low).ln() / steps as f64;
    let mean = (0..steps)
        .map(|i| log_log_slope(&p(), low * ((i as f64 + 0.5) * width).exp(), 0.5))
        .sum::<f64>()
        / steps as f64;
    assert!((mean - low_calcium_slope(0.5)).abs() < 1e-6, "{mean}");
}

#[test]
fn low_calcium_slope_is_between_3_5_and_4_at_every_magnesium() {
    // Measured: 3.562 (Mg 0.5), 3.611 (1), 3.682 (2) for Ca 0.1–0.2 mM.
    for mg in [0.5, 1.0, 2.0] {
        let slope = low_calcium_slope(mg);
        assert!((3.5..=4.0).contains(&slope), "Mg {mg} mM: {slope}");
    }
}

#[test]
fn magnesium_lowers_release_and_moves_the_slope_less_than_one_sd() {
    // Dodge & Rahamimoff: Mg "reduces the e.p.p. without altering the slope".
    // In the formula Mg does move it: +0.121 from Mg 0.5 to 2 mM (measured),
    // +0.206 to 4 mM, so "unchanged" holds only within the experiments'
    // scatter (S.D. 0.2) and only up to about 2 mM of added Mg.
    let change = low_calcium_slope(2.0) - low_calcium_slope(0.5);
    assert!(change > 0.0 && change < PUBLISHED_SLOPE_SD, "{change}");
    assert!(low_calcium_slope(4.0) - low_calcium_slope(0.5) > PUBLISHED_SLOPE_SD);
    for ca in [0.1, 0.2, NORMAL_CALCIUM_MM] {
        assert!(relative_release(&p(), ca, 2.0) < relative_release(&p(), ca, 0.5));
    }
}

#[test]
fn the_slope_falls_towards_normal_calcium() {
    // Local slope at Ca 0.1, 0.2, 0.4, 0.8, 1.2 mM (Mg 0.5): strictly falling,
    // to 1.97 at normal Ca (by hand: 4·(7/6)/(7/6 + 1.2) = 1.9718).
    let slopes: Vec<f64> = [0.1, 0.2, 0.4, 0.8, NORMAL_CALCIUM_MM]
        .into_iter()
        .map(|ca| log_log_slope(&p(), ca, 0.5))
        .collect();
    assert!(slopes.windows(2).all(|w| w[1] < w[0]), "{slopes:?}");
    assert!((slopes[4] - 4.0 * (7.0 / 6.0) / (7.0 / 6.0 + 1.2)).abs() < 1e-12);
}

#[test]
fn at_bennetts_calcium_range_the_model_slope_is_below_the_published_one() {
    // Bennett et al. 1977 (toad, SCIENCE.md §3.1) saw the fourth power between
    // 0.25 and 0.4 mM. With the placeholder K_Ca = 1 mM the model's slope there
    // is only 3.14 (Mg 0.5) to 3.36 (Mg 2): its straight part ends below
    // ~0.2 mM. This documents a difference from the literature, not a target:
    // a larger K_Ca would extend the fourth-power range (K_Ca is unverified).
    for mg in [0.5, 2.0] {
        let slope = log_log_secant_slope(&p(), 0.25, 0.4, mg);
        assert!(slope < 3.5 && slope > 3.0, "Mg {mg} mM: {slope}");
    }
}

#[test]
fn relative_release_table_of_science_md_to_its_printed_precision() {
    // SCIENCE.md §3.1 [COMP]: release/normal (Ca 1.2, Mg 0.5) with K_Mg 3 mM
    // and K_Ca 1.0 or 0.6 mM, printed to 0.01 (0.001 in the last row). Each
    // value must round to the printed one: |got − printed| ≤ half a step.
    let k_ca_06 = TransmitterReleaseParams {
        k_ca_mm: 0.6,
        ..p()
    };
    let rows = [
        (1.0, 0.5, 0.69, 0.75, 0.01),
        (0.8, 0.5, 0.41, 0.51, 0.01),
        (1.2, 0.25, 1.15, 1.11, 0.01),
        (1.2, 4.0, 0.20, 0.29, 0.01),
        (0.5, 10.0, 0.002, 0.004, 0.001),
    ];
    for (ca, mg, with_k1, with_k06, step) in rows {
        let half_step = 0.5 * step + 1e-12;
        let a = relative_release(&p(), ca, mg);
        let b = relative_release(&k_ca_06, ca, mg);
        assert!((a - with_k1).abs() <= half_step, "Ca {ca}, Mg {mg}: {a}");
        assert!((b - with_k06).abs() <= half_step, "Ca {ca}, Mg {mg}: {b}");
    }
    // The row Ca 1.2 / Mg 2.0 prints 0.47 for K_Ca 1.0, but the formula gives
    // 0.4646 (by hand: R = 1.2/(2.2 + 2/3) = 0.41860, R_ref = 1.2/(2.2 + 1/6)
    // = 0.50704, (0.82558)⁴ = 0.46456), which rounds to 0.46: the table's
    // last digit is off by one. Its K_Ca 0.6 value, 0.56, reproduces.
    let by_hand = ((1.2_f64 / (2.2 + 2.0 / 3.0)) / (1.2 / (2.2 + 1.0 / 6.0))).powi(4);
    let got = relative_release(&p(), 1.2, 2.0);
    assert!((got - by_hand).abs() < 1e-12, "{got}");
    assert!((got - 0.46).abs() <= 0.005, "{got}");
    assert!((relative_release(&k_ca_06, 1.2, 2.0) - 0.56).abs() <= 0.005);
}
