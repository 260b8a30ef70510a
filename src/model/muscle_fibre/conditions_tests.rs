//! Tests of the fibre in given `[ions]` conditions: temperature, washout
//! and the divalent gating shift leave the published model untouched when
//! absent (or at their reference), and act in the documented direction.

use super::*;
use crate::physiology::temperature::SenneffLoweryQ10Params;
use crate::physiology::washout::WashoutParams;

fn in_conditions(ions: Ions) -> MuscleFibre {
    MuscleFibre::with_ions(MuscleFibreConfig::default(), &ions)
}

/// A state with every gate away from its steady state.
fn moving_state() -> State<STATE_COUNT> {
    let mut y = State::from(PUBLISHED_INITIAL_STATE);
    y[index::V_SURFACE] = -55.0;
    y[index::V_TUBULE] = -60.0;
    y[index::K_INTERSTITIAL] = 9.0;
    y[index::NA_INTERSTITIAL] = 120.0;
    y
}

fn derivatives(fibre: &MuscleFibre, y: &State<STATE_COUNT>) -> State<STATE_COUNT> {
    let mut dydt = State::zeros();
    fibre.derivatives(0.0, y, 5.0, &mut dydt);
    dydt
}

#[test]
fn the_published_temperature_and_reference_divalents_change_nothing() {
    let published = MuscleFibre::published();
    let y = moving_state();
    let same = [
        Ions {
            temperature_celsius: Some(19.85),
            ..Ions::default()
        },
        Ions {
            ca_o_mm: Some(1.2),
            mg_o_mm: Some(0.5),
            ..Ions::default()
        },
    ];
    for ions in same {
        let fibre = in_conditions(ions);
        // Bitwise: every factor is exactly 1 and every shift exactly 0.
        assert_eq!(
            derivatives(&fibre, &y),
            derivatives(&published, &y),
            "{ions:?}"
        );
    }
}

#[test]
fn at_37_celsius_gating_runs_faster_by_the_senneff_lowery_q10() {
    let warm = in_conditions(Ions {
        temperature_celsius: Some(37.0),
        ..Ions::default()
    });
    let q10 = SenneffLoweryQ10Params::default().factors_at(37.0);
    // By hand: 2.3^((37 − 19.85)/10) = 4.1722, 1.5^1.715 = 2.0045.
    assert!((q10.na_gating - 4.1722).abs() < 1e-4);
    assert!((q10.g_na - 2.0045).abs() < 1e-4);
    let c = warm.config();
    let published = MuscleFibreConfig::default();
    assert!(
        (c.sodium_channel.g_na_max_ms_per_cm2 - 804.0 * q10.g_na).abs() < 1e-9,
        "{}",
        c.sodium_channel.g_na_max_ms_per_cm2
    );
    assert!(c.membrane.c_m_uf_per_cm2 > published.membrane.c_m_uf_per_cm2);
    assert!(c.membrane.access_resistance_ohm_cm2 < published.membrane.access_resistance_ohm_cm2);
    // A gate's rate at the same state: m moves q10.na_gating times faster,
    // n q10.k_gating times (same V, since at 37 °C only F/RT of the currents changes).
    let y = moving_state();
    let cold = derivatives(&MuscleFibre::published(), &y);
    let hot = derivatives(&warm, &y);
    let ratio = |i: usize| hot[i] / cold[i];
    assert!((ratio(index::M_SURFACE) - q10.na_gating).abs() < 1e-9);
    assert!((ratio(index::N_SURFACE) - q10.k_gating).abs() < 1e-9);
}

#[test]
fn washout_adds_exactly_the_relaxation_towards_plasma() {
    let ions = Ions {
        k_o_mm: Some(4.5),
        na_o_mm: Some(140.0),
        ..Ions::default()
    };
    let still = in_conditions(ions);
    let config = MuscleFibreConfig {
        washout: WashoutParams {
            blood_flow_ml_per_min_per_100g: 3.0,
            ..WashoutParams::default()
        },
        ..MuscleFibreConfig::default()
    };
    let flowing = MuscleFibre::with_ions(config, &ions);
    let y = moving_state();
    let (a, b) = (derivatives(&still, &y), derivatives(&flowing, &y));
    // τ_K = 12/1.65 min (washout.rs, flow-limited); K_e 9 → plasma 4.5.
    let tau_ms = 12.0 / 1.65 * 60_000.0;
    let expected = -(9.0 - 4.5) / tau_ms;
    assert!(
        ((b[index::K_INTERSTITIAL] - a[index::K_INTERSTITIAL]) - expected).abs() < 1e-12,
        "{}",
        b[index::K_INTERSTITIAL] - a[index::K_INTERSTITIAL]
    );
    assert!(
        b[index::NA_INTERSTITIAL] > a[index::NA_INTERSTITIAL],
        "Na_e 120 rises to 140"
    );
    // Nothing else changes.
    for i in 0..STATE_COUNT {
        if i != index::K_INTERSTITIAL && i != index::NA_INTERSTITIAL {
            assert_eq!(a[i], b[i], "state {i}");
        }
    }
}

#[test]
fn low_calcium_shifts_na_and_k_gating_negative_by_the_empirical_law() {
    let low = in_conditions(Ions {
        ca_o_mm: Some(0.12),
        mg_o_mm: Some(0.05),
        ..Ions::default()
    });
    // A tenfold fall of every divalent: −S_Na = −20 mV and −S_K = −8.4 mV,
    // so the rates at V equal the published rates at V + 20 (Na) and V + 8.4 (K).
    let y = moving_state();
    let mut shifted = y;
    shifted[index::V_SURFACE] += 20.0;
    let (a, b) = (
        derivatives(&low, &y),
        derivatives(&MuscleFibre::published(), &shifted),
    );
    assert!((a[index::M_SURFACE] - b[index::M_SURFACE]).abs() < 1e-12);
    assert!((a[index::H_SURFACE] - b[index::H_SURFACE]).abs() < 1e-12);
    let mut shifted_k = y;
    shifted_k[index::V_SURFACE] += 8.4;
    let c = derivatives(&MuscleFibre::published(), &shifted_k);
    assert!((a[index::N_SURFACE] - c[index::N_SURFACE]).abs() < 1e-12);
}
