//! Tests of the fibre in given `[ions]` conditions: temperature, washout,
//! the divalent gating shift and fixed chloride leave the published model
//! untouched when absent (or at their reference), and act in the documented
//! direction.

use super::*;
use crate::model::ions::Ions;
use crate::physiology::chloride_channel::ChlorideDistribution;
use crate::physiology::ghk::nernst_mv;
use crate::physiology::temperature::SenneffLoweryQ10Params;
use crate::physiology::washout::WashoutParams;

fn in_conditions(ions: Ions) -> MuscleFibre {
    MuscleFibre::with_ions(MuscleFibreConfig::default(), &ions).unwrap()
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
    let flowing = MuscleFibre::with_ions(config, &ions).unwrap();
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

/// The fibre with the troponin and RyR1 Mg²⁺ options switched as given.
fn with_magnesium_options(troponin: bool, ryanodine: bool) -> MuscleFibre {
    let mut config = MuscleFibreConfig::default();
    config.troponin_magnesium.enabled = troponin;
    config.ryanodine_magnesium.enabled = ryanodine;
    MuscleFibre::new(config)
}

/// A state with release channels open, Ca²⁺ on troponin moving, and free
/// Mg²⁺ `mg_um` in both myoplasmic compartments.
fn releasing_state(mg_um: f64) -> State<STATE_COUNT> {
    let mut y = moving_state();
    y[index::RYR_OPEN + 4] = 0.2;
    y[index::CA_BULK] = 5.0;
    y[index::MG_TRIAD] = mg_um;
    y[index::MG_BULK] = mg_um;
    y
}

#[test]
fn magnesium_options_at_their_reference_magnesium_change_nothing() {
    // Both factors are exactly 1 at the published free Mg²⁺ (1000 µM).
    let y = releasing_state(1000.0);
    assert_eq!(
        derivatives(&with_magnesium_options(true, true), &y),
        derivatives(&MuscleFibre::published(), &y)
    );
}

#[test]
fn troponin_option_scales_only_the_calcium_on_rate() {
    // Mg_2 = 3000 µM: k_T,on × (1 + 0.52)/(1 + 1.56) = 0.59375 (Ogawa 1985
    // K_Mg 520 M⁻¹, reference 1000 µM); the troponin states and bulk Ca²⁺
    // change, and they change exactly as the published rates at 0.59375·Ca_2.
    let y = releasing_state(3000.0);
    let on = derivatives(&with_magnesium_options(true, false), &y);
    let off = derivatives(&MuscleFibre::published(), &y);
    let mut slower_binding = y;
    slower_binding[index::CA_BULK] *= 0.593_75;
    let expected = derivatives(&MuscleFibre::published(), &slower_binding);
    let troponin = [
        index::CA_TROPONIN,
        index::CA2_TROPONIN,
        index::DETACHED_0,
        index::DETACHED_1,
        index::DETACHED_2,
    ];
    for i in troponin {
        assert!((on[i] - expected[i]).abs() < 1e-12, "state {i}");
    }
    assert!(on[index::CA_TROPONIN] < off[index::CA_TROPONIN]);
    assert!(
        on[index::CA_BULK] > off[index::CA_BULK],
        "less Ca²⁺ taken up"
    );
    for i in (0..STATE_COUNT).filter(|i| !troponin.contains(i) && *i != index::CA_BULK) {
        assert_eq!(on[i], off[i], "state {i}");
    }
}

#[test]
fn ryanodine_option_scales_only_the_release_flux() {
    // Mg_1 = 3000 µM: release × (1 + 1000/174)/(1 + 3000/174) = 0.36988
    // (Jóna et al., IC50 174 µM, N = 1). Release moves Ca²⁺ between the
    // triadic SR and myoplasm only, so only those two rates change.
    let y = releasing_state(3000.0);
    let on = derivatives(&with_magnesium_options(false, true), &y);
    let off = derivatives(&MuscleFibre::published(), &y);
    let factor = (1.0 + 1000.0 / 174.0) / (1.0 + 3000.0 / 174.0);
    let fibre = MuscleFibre::published();
    let open_fraction: f64 = (0..5).map(|i| y[index::RYR_OPEN + i]).sum();
    let release = crate::physiology::calcium_release::release_flux_um_um3_per_ms(
        &fibre.config().calcium_release,
        open_fraction,
        y[index::CA_SR_TRIAD],
        y[index::CA_TRIAD],
    );
    let volume = fibre.volumes().myoplasm_triad_um3;
    let expected = (factor - 1.0) * release / volume;
    assert!(release > 0.0);
    let got = on[index::CA_TRIAD] - off[index::CA_TRIAD];
    assert!(
        (got - expected).abs() < 1e-9 * expected.abs(),
        "{got} vs {expected}"
    );
    assert!(on[index::CA_SR_TRIAD] > off[index::CA_SR_TRIAD]);
    for i in (0..STATE_COUNT).filter(|&i| i != index::CA_TRIAD && i != index::CA_SR_TRIAD) {
        assert_eq!(on[i], off[i], "state {i}");
    }
}

fn with_fixed_chloride(cl_o_mm: Option<f64>) -> MuscleFibre {
    let config = MuscleFibreConfig {
        chloride_distribution: ChlorideDistribution::Fixed,
        ..MuscleFibreConfig::default()
    };
    MuscleFibre::with_ions(
        config,
        &Ions {
            cl_o_mm,
            ..Ions::default()
        },
    )
    .unwrap()
}

#[test]
fn the_fixed_chloride_values_are_unused_unless_chloride_is_fixed() {
    // Bitwise: with the published distribution the fixed Cl_i and Cl_o
    // (however far from the Donnan values) never enter a derivative.
    let mut config = MuscleFibreConfig::default();
    config.chloride_channel.fixed_chloride_in_mm = 40.0;
    config.chloride_channel.fixed_chloride_out_mm = 20.0;
    let y = moving_state();
    assert_eq!(
        derivatives(&MuscleFibre::new(config), &y),
        derivatives(&MuscleFibre::published(), &y)
    );
}

#[test]
fn fixed_chloride_at_the_donnan_values_reproduces_the_published_cl_current() {
    // At the published initial state (K_e = K_t = 5.9, K_i = 150.9 mM) the
    // Donnan balance gives Cl_i = 5.118348 and Cl_o = 130.908259 mM
    // (chloride_channel tests); holding those fixed gives OpenCOR's I_Cl.
    let mut config = MuscleFibreConfig {
        chloride_distribution: ChlorideDistribution::Fixed,
        ..MuscleFibreConfig::default()
    };
    config.chloride_channel.fixed_chloride_in_mm = 5.118_348_115_299_332;
    config.chloride_channel.fixed_chloride_out_mm = 130.908_259_423_503_35;
    let y = State::from(PUBLISHED_INITIAL_STATE);
    let fixed = MuscleFibre::new(config).currents(&y);
    let published = MuscleFibre::published().currents(&y);
    // OpenCOR via phydrax (SCIENCE.md §5.1): I_Cl = 4.10542 µA/cm².
    assert!((fixed.i_cl_surface_ua_per_cm2 - 4.105_417_248_932_073).abs() < 1e-9);
    assert!((fixed.i_cl_tubule_ua_per_cm2 - published.i_cl_tubule_ua_per_cm2).abs() < 1e-12);
}

#[test]
fn fixed_chloride_reverses_at_e_cl_whatever_k_does() {
    let frt = MuscleFibreConfig::default()
        .thermodynamics
        .f_over_rt_per_mv();
    let reversal_check = |fibre: &MuscleFibre, k_e_mm: f64, v_mv: f64| {
        let mut y = State::from(PUBLISHED_INITIAL_STATE);
        y[index::K_INTERSTITIAL] = k_e_mm;
        y[index::V_SURFACE] = v_mv;
        fibre.currents(&y).i_cl_surface_ua_per_cm2
    };
    // Senneff & Lowery's 128/5.83 mM: E_Cl = −77.994 mV at 293 K; the
    // scenario's ions.cl_o_mm = 103 moves it to −72.507 mV (by hand, RT/F = 25.248714 mV).
    for (cl_o, e_cl_by_hand) in [(None, -77.994), (Some(103.0), -72.507)] {
        let fibre = with_fixed_chloride(cl_o);
        let e_cl = nernst_mv(
            fibre.config().chloride_channel.fixed_chloride_out_mm,
            fibre.config().chloride_channel.fixed_chloride_in_mm,
            -1.0,
            frt,
        );
        assert!((e_cl - e_cl_by_hand).abs() < 1e-3, "E_Cl {e_cl}");
        for k_e in [1.0, 4.0, 12.0] {
            assert!(reversal_check(&fibre, k_e, e_cl).abs() < 1e-12, "K_e {k_e}");
            // Outward (Cl⁻ in) above E_Cl, inward below.
            assert!(reversal_check(&fibre, k_e, e_cl + 10.0) > 0.0);
            assert!(reversal_check(&fibre, k_e, e_cl - 10.0) < 0.0);
        }
    }
    // The published distribution reverses at E_K instead, which moves with K_e.
    let published = MuscleFibre::published();
    for k_e in [1.0, 4.0, 12.0] {
        let e_k = nernst_mv(k_e, PUBLISHED_INITIAL_STATE[index::K_MYOPLASM], 1.0, frt);
        assert!(
            reversal_check(&published, k_e, e_k).abs() < 1e-12,
            "K_e {k_e}"
        );
    }
}
