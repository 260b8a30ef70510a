//! Tests of the Cannon-lab fibre: layout, conservation, and its behaviour
//! against the lab's published results (run in release:
//! `cargo test --release --lib cannon_fibre`).

use super::*;
use crate::params::ParameterSet;
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

/// Rest with the myoplasmic ions held, from every mV state at `start_mv`.
fn rest(fibre: &CannonFibre, start_mv: f64) -> State<STATE_COUNT> {
    let mut y0 = fibre.initial_state();
    y0[V_SARC] = start_mv;
    y0[V_TT] = start_mv;
    let settings = RestSettings {
        max_ms: 200_000.0,
        tolerance_per_ms: 1e-8,
        check_interval_ms: 2000.0,
    };
    let (y, report) = equilibrate(fibre, &y0, &settings, true, &solver()).unwrap();
    assert!(report.converged, "{report:?}");
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
    assert_eq!(CannonFibreParams::shipped().scale.cl, 0.2);
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

#[test]
fn report_numbers() {
    let wt = fibre_with(|_| {});
    let y = rest(&wt, -85.0);
    let mut d = State::<STATE_COUNT>::zeros();
    wt.derivatives(0.0, &y, 0.0, &mut d);
    println!(
        "WT rest {:.2} tt {:.2} K_TT {:.4} Na_TT {:.3} Cl_TT {:.3}",
        y[0], y[1], y[K_TT], y[NA_TT], y[CL_TT]
    );
    println!(
        "  dK_i {:.3e} dNa_i {:.3e} dCl_i {:.3e} (mM/ms)",
        d[K_I], d[NA_I], d[CL_I]
    );
    let (s, t) = wt.currents(&y);
    println!("  sarc {s:?}\n  tt {t:?}");
    let sh = CannonFibre::new(CannonFibreParams::shipped(), &conditions());
    let y = rest(&sh, -85.0);
    sh.derivatives(0.0, &y, 0.0, &mut d);
    println!(
        "shipped rest {:.2} K_TT {:.4} Na_TT {:.3}; dK_i {:.3e} dNa_i {:.3e} dCl_i {:.3e}",
        y[0], y[K_TT], y[NA_TT], d[K_I], d[NA_I], d[CL_I]
    );
    // slope conductances
    for (name, f) in [("wt", &wt), ("shipped", &sh)] {
        let y = rest(f, -85.0);
        let dv = 0.01;
        let mut yp = y;
        yp[0] += dv;
        yp[1] += dv;
        let mut ym = y;
        ym[0] -= dv;
        ym[1] -= dv;
        let (sp, tp) = f.currents(&yp);
        let (sm, tm) = f.currents(&ym);
        let g = f.tubule_area_ratio();
        let gcl = (sp.cl - sm.cl + g * (tp.cl - tm.cl)) / (2.0 * dv);
        let gk = (sp.kir + sp.kdr + sp.kcnq - sm.kir - sm.kdr - sm.kcnq
            + g * (tp.kir + tp.kdr + tp.kcnq - tm.kir - tm.kdr - tm.kcnq))
            / (2.0 * dv);
        let gtot = (sp.total() - sm.total() + g * (tp.total() - tm.total())) / (2.0 * dv);
        println!(
            "{name}: G_Cl {gcl:.4} G_K {gk:.4} G_tot {gtot:.4} mS/cm² (per sarc area, incl TT), Cl fraction {:.3}",
            gcl / gtot
        );
    }
    for f in [0.003, 0.005, 0.01, 0.015, 0.02, 0.03] {
        let mut p = CannonFibreParams::default();
        p.sodium_channel.fraction_non_inactivating = f;
        let po_max = (-90..0)
            .map(|v| nav14_channel::steady_state_open_probability(&p.sodium_channel, v as f64))
            .fold(0.0, f64::max);
        let fib = CannonFibre::new(p, &conditions());
        let r = rest(&fib, -85.0);
        for amp in [5.0, 10.0, 20.0] {
            let (sp, end) = step_response(&fib, amp, 500.0, 1000.0);
            println!(
                "f {f}: Po_max {po_max:.4} rest {:.1}: amp {amp} spikes during {} after {} end V {:.1} K_TT {:.2}",
                r[0], sp.before, sp.after, end[0], end[K_TT]
            );
        }
    }
}
