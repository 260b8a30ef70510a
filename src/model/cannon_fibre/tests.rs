//! Tests of the Cannon-lab fibre: layout, conservation, and its behaviour
//! against the lab's published results (run in release:
//! `cargo test --release --lib cannon_fibre`).

use super::*;
use crate::params::ParameterSet;
use crate::physiology::ghk::nernst_mv;
use crate::protocol::{Protocol, Step};
use crate::solve::steady_state::{RestSettings, equilibrate};
use crate::solve::{AcceptedStep, Method, SolverSettings, StepObserver, simulate};

fn conditions() -> Conditions {
    Conditions::published(published_temperature_celsius())
}

fn fibre_with(edit: impl FnOnce(&mut CannonFibreParams)) -> CannonFibre {
    let mut p = CannonFibreParams::default();
    edit(&mut p);
    CannonFibre::new(p, &conditions())
}

fn at_k(fibre_params: CannonFibreParams, k_o: f64) -> CannonFibre {
    let c = Conditions {
        k_o_mm: Some(k_o),
        ..conditions()
    };
    CannonFibre::new(fibre_params, &c)
}

fn solver() -> SolverSettings {
    SolverSettings {
        method: Method::Rosenbrock,
        ..Default::default()
    }
}

/// Rest with the myoplasmic ions held, from `y0`: the state reached and
/// whether it is a rest (false: still moving after 200 s, e.g. firing).
fn settle(fibre: &CannonFibre, y0: &State<STATE_COUNT>) -> (State<STATE_COUNT>, bool) {
    let settings = RestSettings {
        max_ms: 200_000.0,
        tolerance_per_ms: 1e-8,
        check_interval_ms: 2000.0,
    };
    let (y, report) = equilibrate(fibre, y0, &settings, true, &solver()).unwrap();
    (y, report.converged)
}

/// Rest with the myoplasmic ions held, from every mV state at `start_mv`.
fn rest(fibre: &CannonFibre, start_mv: f64) -> State<STATE_COUNT> {
    let mut y0 = fibre.initial_state();
    y0[V_SARC] = start_mv;
    y0[V_TT] = start_mv;
    let (y, converged) = settle(fibre, &y0);
    assert!(converged, "no rest from {start_mv} mV");
    y
}

/// Counts upward crossings of −20 mV by the sarcolemma, before and after `split_ms`.
struct Spikes {
    split_ms: f64,
    before: usize,
    after: usize,
    last_v: f64,
}

impl Spikes {
    fn new(split_ms: f64) -> Self {
        Self {
            split_ms,
            before: 0,
            after: 0,
            last_v: 0.0,
        }
    }
}

impl StepObserver<STATE_COUNT> for Spikes {
    fn step(&mut self, step: &AcceptedStep<'_, STATE_COUNT>) {
        if step.y0[V_SARC] < -20.0 && step.y1[V_SARC] >= -20.0 {
            if step.t1_ms <= self.split_ms {
                self.before += 1;
            } else {
                self.after += 1;
            }
        }
        self.last_v = step.y1[V_SARC];
    }
}

/// Spikes during and after a `duration_ms` step of `amplitude` from rest,
/// and the final state `tail_ms` after its end.
fn step_response(
    fibre: &CannonFibre,
    amplitude: f64,
    duration_ms: f64,
    tail_ms: f64,
) -> (Spikes, State<STATE_COUNT>) {
    let y0 = rest(fibre, fibre.params().ions.v_start_mv);
    let protocol = Protocol {
        steps: vec![Step {
            start_ms: 10.0,
            duration_ms,
            amplitude_ua_per_cm2: amplitude,
        }],
        trains: vec![],
    };
    let mut spikes = Spikes::new(10.0 + duration_ms);
    let out = simulate(
        fibre,
        &y0,
        &protocol,
        10.0 + duration_ms + tail_ms,
        &solver(),
        &mut spikes,
    )
    .unwrap();
    (spikes, out.final_state)
}

#[test]
fn layout_and_parameters() {
    assert_eq!(STATE_VARIABLES.len(), STATE_COUNT);
    assert_eq!(STATE_VARIABLES[0].unit, "mV");
    for group in CannonFibreParams::parameter_groups() {
        assert!(!group.parameters.is_empty(), "{}", group.section);
    }
    let p = CannonFibreParams::default();
    p.physical.check_ranges().unwrap();
    p.ions.check_ranges().unwrap();
    p.scale.check_ranges().unwrap();
    // γ = (0.004/2)(0.003/1.26e−6) = 4.762 (1993: 4.8).
    assert!((p.geometry.tubule_area_ratio() - 4.7619).abs() < 1e-3);
}

#[test]
fn charge_carried_equals_ions_moved() {
    // Σ z·F·d[X]/dt over myoplasm and tubule = −(sarcolemmal + γ·tubular ionic
    // current) minus what the tubule hands back to the bath.
    let fibre = fibre_with(|_| {});
    let mut y = fibre.initial_state();
    y[V_SARC] = -30.0;
    y[V_TT] = -50.0;
    y[K_TT] = 8.0;
    y[NA_TT] = 130.0;
    y[CL_TT] = 110.0;
    let mut d = State::<STATE_COUNT>::zeros();
    fibre.derivatives(0.0, &y, 0.0, &mut d);
    let (sarc, tubule) = fibre.currents(&y);
    let p = fibre.params();
    let f = p.physical.faraday_c_per_mol;
    let g = fibre.tubule_area_ratio();
    let depth_i = 0.5 * p.geometry.radius_cm;
    let zeta = p.geometry.tubule_volume_per_area_cm;
    let (k_o, na_o, cl_o) = fibre.bath_mm();
    let tau = p.tubule.tau_diffusion_ms;
    // Charge density change in µA/cm² of sarcolemma (1e−3/(F·depth) per µA/cm²).
    let charge = |dk: f64, dna: f64, dcl: f64, depth: f64| (dk + dna - dcl) * f * depth / 1e-3;
    let inside = charge(d[K_I], d[NA_I], d[CL_I], depth_i);
    let lumen = charge(
        d[K_TT] + (y[K_TT] - k_o) / tau,
        d[NA_TT] + (y[NA_TT] - na_o) / tau,
        d[CL_TT] + (y[CL_TT] - cl_o) / tau,
        zeta,
    );
    assert!(
        (inside + sarc.total() + g * tubule.total()).abs() < 1e-9,
        "{inside}"
    );
    assert!((lumen - tubule.total()).abs() < 1e-9, "{lumen}");
}

/// Rest potentials of the two branches over `k_values` (ascending): up from
/// a depolarized start at the smallest K⁺, down from a hyperpolarized start
/// at the largest, each point started from the previous one's rest.
fn branches(params: CannonFibreParams, k_values: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let trace = |order: Vec<f64>, start_mv: f64| {
        let mut previous: Option<State<STATE_COUNT>> = None;
        let mut out = Vec::new();
        for k in order {
            let fibre = at_k(params, k);
            let init = fibre.initial_state();
            let mut y0 = previous.unwrap_or(init);
            match previous {
                None => {
                    y0[V_SARC] = start_mv;
                    y0[V_TT] = start_mv;
                }
                Some(_) => {
                    for &i in fibre.ion_concentration_indices() {
                        y0[i] = init[i];
                    }
                }
            }
            let (y, converged) = settle(&fibre, &y0);
            out.push(if converged { y[V_SARC] } else { f64::NAN });
            previous = Some(y);
        }
        out
    };
    let up = trace(k_values.to_vec(), -40.0);
    let mut down = trace(k_values.iter().rev().copied().collect(), -100.0);
    down.reverse();
    (up, down)
}

/// Resting slope conductances (mS/cm² of sarcolemma, tubule included):
/// (G_Cl, G_K, G_total).
fn slope_conductances(fibre: &CannonFibre, y: &State<STATE_COUNT>) -> (f64, f64, f64) {
    let dv = 0.01;
    let shifted = |delta: f64| {
        let mut z = *y;
        z[V_SARC] += delta;
        z[V_TT] += delta;
        let (s, t) = fibre.currents(&z);
        let g = fibre.tubule_area_ratio();
        let k = |c: &MembraneCurrents| c.kir + c.kdr + c.kcnq;
        (
            s.cl + g * t.cl,
            k(&s) + g * k(&t),
            s.total() + g * t.total(),
        )
    };
    let (cp, kp, tp) = shifted(dv);
    let (cm, km, tm) = shifted(-dv);
    (
        (cp - cm) / (2.0 * dv),
        (kp - km) / (2.0 * dv),
        (tp - tm) / (2.0 * dv),
    )
}

#[test]
fn rest_and_chloride_share_at_the_file_s_conditions() {
    // Jurkat-Rott et al. 2009 (PNAS 106:4036): P1 ≈ −85 mV at 4 mM K⁺.
    // Bryant (myotonic goat; SCIENCE.md §1.5, unverified): g_Cl 70–80 % of G_m.
    let mut measured = Vec::new();
    for (name, params) in [
        ("shipped Scale_Cl 0.2", CannonFibreParams::default()),
        ("Scale_Cl 1", {
            let mut p = CannonFibreParams::default();
            p.scale.cl = 1.0;
            p
        }),
    ] {
        let fibre = at_k(params, 4.0);
        let y = rest(&fibre, -85.0);
        let (g_cl, g_k, g_m) = slope_conductances(&fibre, &y);
        let mut d = State::<STATE_COUNT>::zeros();
        fibre.derivatives(0.0, &y, 0.0, &mut d);
        println!(
            "{name}: rest {:.2} mV at K 4 mM, K_TT {:.3}; G_Cl {g_cl:.3} G_K {g_k:.3} G_m {g_m:.3} mS/cm² (Cl share {:.2}); \
             d[K]_i {:.2e} d[Na]_i {:.2e} d[Cl]_i {:.2e} mM/ms",
            y[V_SARC],
            y[K_TT],
            g_cl / g_m,
            d[K_I],
            d[NA_I],
            d[CL_I]
        );
        measured.push((y[V_SARC], g_cl / g_m));
    }
    // The shipped file rests within 5 mV of P1; Scale_Cl 1 rests ~8 mV above it.
    assert!((measured[0].0 + 85.0).abs() < 5.0, "{measured:?}");
    assert!(measured[1].0 > measured[0].0 + 5.0, "{measured:?}");
    // Cl⁻ shares: 0.2 → below the 70–80 % range, 1 → above it.
    assert!(measured[0].1 < 0.7 && measured[1].1 > 0.8, "{measured:?}");
}

#[test]
fn non_inactivating_fraction_decides_rest_or_depolarized_plateau_after_a_current_step() {
    // Cannon, Brown & Corey 1993 (abstract): after a current injection the
    // fibre returns to rest, keeps firing, or settles at a depolarized
    // equilibrium, depending on the non-inactivating fraction and T-tubule K⁺;
    // repetitive firing during constant current once steady-state P_open > 0.0075.
    let mut rows = Vec::new();
    for f in [0.003, 0.01, 0.02, 0.03, 0.05] {
        let mut p = CannonFibreParams::default();
        p.sodium_channel.fraction_non_inactivating = f;
        let po_max = (-900..0)
            .map(|v| {
                nav14_channel::steady_state_open_probability(&p.sodium_channel, v as f64 / 10.0)
            })
            .fold(0.0, f64::max);
        let fibre = CannonFibre::new(p, &conditions());
        let r = rest(&fibre, -85.0)[V_SARC];
        let (spikes, end) = step_response(&fibre, 10.0, 500.0, 1000.0);
        println!(
            "FrNI {f}: max steady P_open {po_max:.4}; rest {r:.1} mV; 10 µA/cm² × 500 ms: {} spikes during, {} after; \
             1 s later V {:.1} mV, K_TT {:.2} mM",
            spikes.before, spikes.after, end[V_SARC], end[K_TT]
        );
        rows.push((f, po_max, end[V_SARC] - r, end[V_SARC], end[K_TT]));
    }
    // Measured (22 °C, shipped file): FrNI 0.003/0.01/0.02/0.03/0.05 give max steady P_open
    // 0.0005/0.0016/0.0032/0.0048/0.0080; 1–2 spikes during the step and none after at every
    // FrNI (no repetitive firing, where 1993 has trains above 0.0075); 1 s after the step the
    // fibre is back at rest at 0.003 and on a plateau from 0.01 on (−28.3, −14.9, −7.6, +1.4 mV;
    // K_TT 16.7–33.5 mM). No after-discharge outcome was found.
    // Review (not asserted): rheobase lies between 3 and 5 µA/cm² at FrNI 0.003–0.02, and a
    // 5 µA/cm² step also gives 1–2 spikes (same end states), so the step size is not the cause:
    // the AHP reaches only ≈ −57 mV, where h∞ (V½ −80 mV) is ≈ 0.01, and the fibre falls into
    // depolarization block (see the module doc, "Audit against the sources").
    // The file's FrNI (0.003) returns to rest.
    assert!(rows[0].2.abs() < 2.0, "{rows:?}");
    // FrNI 0.05 (steady P_open 0.008, above the 0.0075 of 1993) ends on a depolarized plateau with K⁺ in the tubule.
    assert!(rows[4].3 > -40.0 && rows[4].4 > 10.0, "{rows:?}");
}

#[test]
fn after_discharges_against_the_chloride_scale() {
    // Kurihara, Tanaka & Shioya 1984: myotonia once g_Cl < 38 % of control.
    let mut rows = Vec::new();
    for amplitude in [10.0, 40.0] {
        for cl in [1.0, 0.5, 0.38, 0.2, 0.1, 0.05] {
            let fibre = fibre_with(|p| p.scale.cl = cl);
            let (spikes, end) = step_response(&fibre, amplitude, 500.0, 1000.0);
            println!(
                "Scale_Cl {cl}, {amplitude} µA/cm² × 500 ms: {} spikes during, {} after the step; 1 s later V {:.1} mV, K_TT {:.2} mM",
                spikes.before, spikes.after, end[V_SARC], end[K_TT]
            );
            rows.push((cl, spikes.before, spikes.after));
        }
    }
    // Measured: one spike at the onset and none after, at every scale 1 … 0.05 and at 10 and
    // 40 µA/cm² (rest 1 s later −77.3 … −94.7 mV): no myotonic run, where Kurihara 1984
    // finds myotonia below 38 % of g_Cl. A finding of this port, not tuned away.
    // Kurihara 1984: control fibres (full g_Cl) show no myotonic run.
    assert!(rows[0].2 == 0, "{rows:?}");
}

#[test]
#[ignore = "finding: no after-discharge at any ClC-1 scale 1 … 0.05 (10 and 40 µA/cm² × 500 ms); published: myotonic runs below 38 % of g_Cl (Kurihara et al. 1984)"]
fn myotonic_runs_below_38_percent_of_the_chloride_conductance() {
    let runs = [0.2, 0.1, 0.05].map(|cl| {
        let fibre = fibre_with(|p| p.scale.cl = cl);
        step_response(&fibre, 40.0, 500.0, 1000.0).0.after
    });
    assert!(runs.iter().all(|&after| after > 0), "{runs:?}");
}

#[test]
#[ignore = "finding: 1–2 spikes then depolarization block at every non-inactivating fraction; published: repetitive firing to constant current once the steady Na⁺ P_open exceeds 0.0075 (Cannon, Brown & Corey 1993)"]
fn repetitive_firing_once_the_steady_open_probability_exceeds_0_0075() {
    // FrNI 0.05 gives a steady P_open peak of 0.0080 (measured above).
    let mut p = CannonFibreParams::default();
    p.sodium_channel.fraction_non_inactivating = 0.05;
    let fibre = CannonFibre::new(p, &conditions());
    let (spikes, _) = step_response(&fibre, 10.0, 500.0, 1000.0);
    // A train: at least three spikes in the 500 ms step (tolerance: any train at all).
    assert!(spikes.before >= 3, "{} spikes", spikes.before);
}

#[test]
fn low_potassium_branches_and_fold_points() {
    // Jurkat-Rott et al. 2009: P1 ≈ −85 mV at 4 mM; normal fibres reach
    // P2 ≈ −60 mV below ~1 mM K⁺, HypoPP fibres (gating-pore leak 12–19.5 µS/cm²) at higher K⁺.
    let ks: Vec<f64> = (1..=12).map(|i| 0.5 * i as f64).collect();
    // Gating-pore scale for 15 µS/cm² of chord conductance at −85 mV.
    let reference = CannonFibre::new(
        {
            let mut p = CannonFibreParams::default();
            p.scale.gating_pore = 1.0;
            p
        },
        &conditions(),
    );
    let mut y = reference.initial_state();
    y[V_SARC] = -85.0;
    let (s, _) = reference.currents(&y);
    let frt = 1.0 / reference.rt_over_f_mv();
    let e_na = nernst_mv(138.3, 6.888, 1.0, frt);
    let e_k = nernst_mv(4.5, 151.9, 1.0, frt);
    let g_per_scale = s.gp_na / (-85.0 - e_na) + s.gp_k / (-85.0 - e_k);
    let hypopp_scale = 0.015 / g_per_scale;
    let mut folds = Vec::new();
    for (name, edit) in [
        (
            "shipped",
            Box::new(|_: &mut CannonFibreParams| {}) as Box<dyn Fn(&mut CannonFibreParams)>,
        ),
        (
            "Scale_Cl 1",
            Box::new(|p: &mut CannonFibreParams| p.scale.cl = 1.0),
        ),
        (
            "HypoPP 15 µS/cm²",
            Box::new(move |p: &mut CannonFibreParams| p.scale.gating_pore = hypopp_scale),
        ),
    ] {
        let mut p = CannonFibreParams::default();
        edit(&mut p);
        let (up, down) = branches(p, &ks);
        let split: Vec<f64> = ks
            .iter()
            .zip(up.iter().zip(&down))
            .filter(|(_, (u, d))| (*u - *d).abs() > 1.0)
            .map(|(k, _)| *k)
            .collect();
        println!("{name} (scale {hypopp_scale:.2} for the gating pore):");
        for (k, (u, d)) in ks.iter().zip(up.iter().zip(&down)) {
            println!("  K {k:.1}: up {u:.1} down {d:.1}");
        }
        println!("  bistable at K {split:?} (NaN: no rest, the fibre keeps firing)");
        folds.push((name, up, down));
    }
    // Measured (22 °C, myoplasmic ions held), not tuned; no K⁺ gives two rest states:
    // - shipped: one rest from 3 to 6 mM (−88.5 … −84.1 mV, −88.2 at 4 mM); at 2.5 mM and
    //   below no rest at all (the fibre fires on), where Jurkat-Rott find P2 ≈ −60 mV below ~1 mM;
    // - Scale_Cl 1: the paradoxical direction without a fold (−77.5 mV at 4.5 mM → −72.4 at 0.5);
    // - gating pore 15 µS/cm²: depolarized at every K⁺ (−57.1 mV at 4 mM, −53.9 at 0.5), where
    //   Jurkat-Rott's HypoPP fibres still rest at P1 at 4 mM.
    // Jurkat-Rott et al. 2009: P1 ≈ −85 mV at 4 mM (tolerance ±5 mV, as `validate` V10).
    let down = &folds[0].2;
    assert!((down[7] + 85.0).abs() < 5.0, "{down:?}");
}

#[test]
#[ignore = "finding: no K⁺ from 0.5 to 6 mM gives two rest states; the shipped fibre has no rest at all at ≤ 2.5 mM; published: P2 ≈ −60 mV below ~1 mM beside P1 (Jurkat-Rott et al. 2009)"]
fn normal_fibres_reach_p2_below_one_millimolar_potassium() {
    let ks = [0.5, 1.0, 4.0];
    let (up, down) = branches(CannonFibreParams::default(), &ks);
    // P2 within ±10 mV of −60 on the depolarized branch at 0.5 mM, P1 on the other.
    assert!(
        (up[0] + 60.0).abs() < 10.0 && (down[0] + 85.0).abs() < 10.0,
        "{up:?} {down:?}"
    );
}

/// Gating-pore scale giving `g_ms_per_cm2` of chord conductance (Na⁺ + K⁺
/// parts) at −85 mV and the file's concentrations (Jurkat-Rott et al. 2009
/// give the HypoPP leak as a conductance, 12–19.5 µS/cm²).
fn gating_pore_scale_for(g_ms_per_cm2: f64) -> f64 {
    let reference = fibre_with(|p| p.scale.gating_pore = 1.0);
    let mut y = reference.initial_state();
    y[V_SARC] = -85.0;
    let (s, _) = reference.currents(&y);
    let frt = 1.0 / reference.rt_over_f_mv();
    let ions = CannonIonParams::default();
    let e_na = nernst_mv(ions.na_o_mm, ions.na_i_mm, 1.0, frt);
    let e_k = nernst_mv(ions.k_o_mm, ions.k_i_mm, 1.0, frt);
    g_ms_per_cm2 / (s.gp_na / (-85.0 - e_na) + s.gp_k / (-85.0 - e_k))
}

/// Peak sarcolemmal potential (mV) of a 2 ms, 120 µA/cm² pulse from `y0`:
/// it charges sarcolemma and tubule (1 + γ = 5.8 µF/cm²) by about 40 mV,
/// so an overshoot above +10 mV needs an action potential.
fn pulse_peak_mv(fibre: &CannonFibre, y0: &State<STATE_COUNT>) -> f64 {
    struct Peak(f64);
    impl StepObserver<STATE_COUNT> for Peak {
        fn step(&mut self, step: &AcceptedStep<'_, STATE_COUNT>) {
            self.0 = self.0.max(step.y1[V_SARC]);
        }
    }
    let protocol = Protocol {
        steps: vec![Step {
            start_ms: 1.0,
            duration_ms: 2.0,
            amplitude_ua_per_cm2: 120.0,
        }],
        trains: vec![],
    };
    let mut peak = Peak(f64::NEG_INFINITY);
    simulate(fibre, y0, &protocol, 20.0, &solver(), &mut peak).unwrap();
    peak.0
}

/// Both branches with every concentration at steady state (`[rest]
/// hold_ion_concentrations = false`): (K, up V, down V, up peak, down peak) per K, the peaks
/// those of [`pulse_peak_mv`]. Each search is given 10 h of fibre time.
fn steady_state_branches(
    edit: impl Fn(&mut CannonFibreParams),
    k_values: &[f64],
) -> Vec<(f64, f64, f64, f64, f64)> {
    let settings = RestSettings {
        max_ms: 3.6e7,
        tolerance_per_ms: 1e-8,
        check_interval_ms: 2000.0,
    };
    let trace = |order: Vec<f64>, start_mv: f64| {
        let mut previous: Option<State<STATE_COUNT>> = None;
        let mut out = Vec::new();
        for k in order {
            let mut p = CannonFibreParams::default();
            edit(&mut p);
            let fibre = at_k(p, k);
            let y0 = previous.unwrap_or_else(|| {
                let mut y = fibre.initial_state();
                y[V_SARC] = start_mv;
                y[V_TT] = start_mv;
                y
            });
            let (y, report) = equilibrate(&fibre, &y0, &settings, false, &solver()).unwrap();
            assert!(report.converged, "K {k}: {report:?}");
            out.push((k, y[V_SARC], pulse_peak_mv(&fibre, &y)));
            previous = Some(y);
        }
        out
    };
    let up = trace(k_values.to_vec(), -40.0);
    let down = trace(k_values.iter().rev().copied().collect(), -100.0);
    up.iter()
        .map(|&(k, v_up, peak_up)| {
            let &(_, v_down, peak_down) = down.iter().find(|d| d.0 == k).unwrap();
            (k, v_up, v_down, peak_up, peak_down)
        })
        .collect()
}

fn print_branches(name: &str, rows: &[(f64, f64, f64, f64, f64)]) {
    println!("{name} (ions at steady state):");
    for (k, up, down, peak_up, peak_down) in rows {
        println!(
            "  K {k:.1}: up {up:.1} mV (pulse peak {peak_up:.1}), down {down:.1} mV (pulse peak {peak_down:.1})"
        );
    }
}

#[test]
fn with_every_ion_at_steady_state_and_baseline_nkcc_the_fibre_has_p1_and_a_paralysed_p2() {
    // Jurkat-Rott et al. 2009 (PNAS 106:4036): P1 ≈ −85 mV at 4 mM; below
    // ~1 mM normal fibres depolarize to a second stable state P2 ≈ −60 mV
    // where they are inexcitable; in rat fibre bundles half the fibres were
    // in P2 at 1.5 mM. The lab's rest is the state of zero net flux of every
    // ion (PDF p. 8), here with the file's baseline NKCC1 (J0 2, C57's note).
    let ks = [0.5, 2.0, 4.0];
    let rows = steady_state_branches(|p| p.nkcc.j0_pmol_per_cm2_per_s = BASELINE_NKCC_J0, &ks);
    print_branches("baseline NKCC1 (J0 2)", &rows);
    // Measured (22 °C; grid 0.5, 1, 1.5, 2, 3, 4 mM): P1 −85.9 mV at 4 mM, on the down
    // branch down to 2 mM (−95.7); from 1.5 mM down only P2 (−52.0 at 1.5, −52.3 at 1,
    // −53.1 at 0.5 mM); P2 on the up branch from 0.5 to 3 mM (−52.9 at 3); two states at 2
    // and 3 mM: folds between 1.5 and 2 mM (end of P1) and between 3 and 4 mM (end of P2).
    // Pulse peaks: +48.6 … +49.8 mV on P1, −10.1 … −10.5 on P2 (no action potential).
    // Cl_i 6.0 mM on P1 at 4 mM, 14–16 mM on P2 (E_Cl ≈ −48 mV).
    let at = |k: f64| *rows.iter().find(|r| r.0 == k).unwrap();
    let (_, up4, down4, peak_up4, peak_down4) = at(4.0);
    // P1 at 4 mM on both branches, ±5 mV (as `validate` V10), and excitable.
    assert!(
        (up4 + 85.0).abs() < 5.0 && (down4 + 85.0).abs() < 5.0,
        "{rows:?}"
    );
    assert!(peak_up4 > 10.0 && peak_down4 > 10.0, "{rows:?}");
    // P2 below 1 mM on both branches, −60 ± 10 mV, and inexcitable.
    let (_, up05, down05, peak_up05, peak_down05) = at(0.5);
    assert!(
        (up05 + 60.0).abs() < 10.0 && (down05 + 60.0).abs() < 10.0,
        "{rows:?}"
    );
    assert!(peak_up05 < 10.0 && peak_down05 < 10.0, "{rows:?}");
    // Two stable states somewhere between (the bistability itself).
    assert!(
        rows.iter().any(|r| (r.1 - r.2).abs() > 10.0),
        "no K with two states: {rows:?}"
    );
}

#[test]
#[ignore = "finding: with every ion at steady state and the file's NKCC1 J0 = 4 the fibre rests at −51.1 mV at 4 mM (Cl_i 19.2 mM; P1 only from 5.5 mM, −73.1 mV); published: P1 ≈ −85 mV at 4 mM (Jurkat-Rott et al. 2009)"]
fn with_the_file_s_nkcc_and_every_ion_at_steady_state_the_fibre_rests_at_p1() {
    let rows = steady_state_branches(|p| p.nkcc.j0_pmol_per_cm2_per_s = NKCC_PRESETS[1].1, &[4.0]);
    print_branches("file's NKCC1 (J0 4)", &rows);
    assert!((rows[0].2 + 85.0).abs() < 5.0, "{rows:?}");
}

#[test]
#[ignore = "finding: a HypoPP gating pore of 12 µS/cm² (baseline NKCC1, every ion at steady state) leaves only a depolarized state, −51.1 mV at 4 mM and −58.0 at 6 mM; published: HypoPP fibres mostly at P1 at 4 mM (up to 25 % in P2, Jurkat-Rott et al. 2009)"]
fn hypopp_fibres_keep_p1_at_four_millimolar_potassium() {
    let scale = gating_pore_scale_for(0.012);
    let rows = steady_state_branches(
        |p| {
            p.nkcc.j0_pmol_per_cm2_per_s = BASELINE_NKCC_J0;
            p.scale.gating_pore = scale;
        },
        &[4.0, 6.0],
    );
    print_branches("HypoPP 12 µS/cm²", &rows);
    assert!((rows[0].2 + 85.0).abs() < 10.0, "{rows:?}");
}
