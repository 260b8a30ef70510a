//! # 06 — Resting potential against plasma potassium: one rest state or two?
//!
//! Read aloud: *A muscle fibre at rest is mostly permeable to potassium, so
//! its resting potential sits near the potassium equilibrium (Nernst)
//! potential, E_K = (RT/F) ln([K]_o/[K]_i): about −85 mV at a normal 4 mM.
//! Lower the potassium outside and E_K falls, by some 17 mV for every
//! halving, so one expects the fibre to hyperpolarize. But the channel that
//! holds it there, the inward rectifier Kir2.1, needs potassium outside to
//! conduct: its conductance falls as [K]_o falls. In very low potassium the
//! fibre is held only weakly, and any small inward leak can win. In
//! hypokalaemic periodic paralysis a mutant sodium channel carries exactly
//! such a leak, through its voltage sensor (the "gating pore"). Jurkat-Rott
//! and colleagues (2009, PNAS 106:4036) found that fibres then have two
//! stable resting potentials: the normal one, P1 (≈ −85 mV at 4 mM), and a
//! depolarized one, P2 (≈ −60 mV), at which the sodium channels are
//! inactivated and the fibre cannot fire. Below about 1 mM potassium even
//! normal fibres depolarize "paradoxically" to P2; patients' fibres, with a
//! leak of 12–19.5 µS/cm², do so already at 1.5–4 mM. That is the
//! paralysis.*
//!
//! The example scans the rat fast-twitch fibre of Shorten et al. 2007
//! (Wallinga et al. 1999 membrane) from 0.5 to 12 mM K with `rest_scan`: at
//! every K it brings the fibre to rest with the ion concentrations held,
//! tracing two branches by continuation — one started depolarized (−40 mV,
//! from the lowest K upward) and one hyperpolarized (−100 mV, from the
//! highest K downward). Two stable states show as branches that part; the
//! K values where they part and meet are the fold points. It does so
//! without and with the largest measured HypoPP leak (19.5 µS/cm²,
//! `parameters.gating_pore`), for the published model, whose Cl⁻ follows
//! K⁺ (E_Cl = E_K), and with fixed Cl⁻ (`parameters.chloride_distribution
//! = "fixed"`: Cl_i 5.83, Cl_o 128 mM, Senneff & Lowery 2021, so
//! E_Cl = −78 mV). It prints the rest potentials and the fold points and
//! draws `out/examples/06_rest_vs_potassium.png` (and `.svg`; `tools/gallery` copies it to `docs/figures/`): the
//! published fibre with E_K on top, the fixed-Cl fibre with E_Cl below.
//!
//! What the model shows (not what the literature shows): no fold anywhere.
//! The published fibre follows E_K down to −144 mV at 0.5 mM. With fixed
//! Cl⁻ the rest potential is most negative near 3 mM (−83.6 mV) and rises
//! again below it, to −78.6 mV at 0.5 mM: the paradoxical direction, but
//! gradual and single-valued, because a Cl⁻ conductance of 19.65 mS/cm²
//! at a fixed E_Cl outweighs a Kir that has fallen to a few per cent of its
//! maximum. The leak depolarizes by at most 2.2 mV (published, 0.5 mM) and
//! 0.3 mV (fixed Cl).
//!
//! The third panel is the Cannon-lab fibre (`model = "cannon-fibre"`,
//! 22 °C) from `scenarios/cannon-fibre-low-k.toml`: its rest with every ion
//! settled (`[rest] hold_ion_concentrations = false`, the lab's own initial
//! state), with the parameter file's baseline NKCC1 (J0 2) and as shipped
//! (J0 4); vertical lines mark the ends of the bistable range on the grid
//! (each fold lies between such a line and the next grid value outside).
//! What it shows (measured on this example's 0.25 mM grid): with J0 2, P1
//! (−85.9 mV at 4 mM) and an inexcitable P2 near −52 mV, both from 1.75 to
//! 3.5 mM, only P2 below (−53.1 mV at 0.5 mM) — Jurkat-Rott's paradoxical
//! depolarization; with J0 4 the depolarized state is the only one up to
//! 4.5 mM (−51.1 mV at 4 mM), both from 4.75 to 5 mM, P1 (−73.5 mV) above.
//!
//! Run: `cargo run --release --example 06_rest_vs_potassium` (42 s of CPU
//! time, shared by the cores; measured); `-- --short` scans 8 K
//! values instead of 48 (22 s of CPU, most of it the Cannon fibre's
//! hours-long settling of its ions).

mod common;

use std::error::Error;
use std::path::Path;

use common::Options;

use endplate::model::muscle_fibre::{MuscleFibreConfig, PUBLISHED_INITIAL_STATE, index};
use endplate::output::plot::{Figure, Panel, Series, save};
use endplate::physiology::chloride_channel::ChlorideChannelParams;
use endplate::physiology::ghk::nernst_mv;
use endplate::rest_scan::{self, Branch, RestPoint, RestScanError};
use endplate::scenario::Template;
use rayon::prelude::*;

/// The largest HypoPP gating-pore leak Jurkat-Rott et al. 2009 measured
/// (19.5 µS/cm², PNAS 106:4036, abstract), in mS/cm².
const HYPOPP_LEAK_MS_PER_CM2: f64 = 0.0195;

/// The Cannon-lab fibre in low K⁺, every ion settling at rest.
const CANNON_LOW_K: &str = include_str!("../scenarios/cannon-fibre-low-k.toml");

/// NKCC1 J0 of the Cannon fibre (pmol/(cm²·s)): the file's baseline (its
/// C57 note, the scenario's value) and the shipped default.
const CANNON_NKCC_J0: [f64; 2] = [2.0, 4.0];

/// K values of a `--short` run (mM): enough to show the minimum near 3 mM.
const SHORT_K_MM: [f64; 8] = [0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 9.0, 12.0];

/// A rest tolerance 100× looser than the default: it halves each search and
/// moves no rest potential by more than 1e-3 mV (measured; tests/it/rest_scan.rs).
const REST_TOLERANCE: &str = "rest.tolerance_per_ms=1e-7";

type AnyError = Box<dyn Error + Send + Sync>;

/// One model variant and leak, and its scanned rest states.
struct Condition {
    fixed_chloride: bool,
    leak_ms_per_cm2: f64,
    points: Vec<RestPoint>,
}

impl Condition {
    fn name(&self) -> String {
        let chloride = if self.fixed_chloride {
            "fixed Cl"
        } else {
            "published (Cl with K)"
        };
        format!("{chloride}, {}", self.leak_label())
    }

    fn leak_label(&self) -> String {
        if self.leak_ms_per_cm2 > 0.0 {
            format!("leak {} µS/cm²", self.leak_ms_per_cm2 * 1000.0)
        } else {
            "no leak".to_owned()
        }
    }

    /// The rest potentials of `branch`, in ascending K.
    fn branch(&self, branch: Branch) -> (Vec<f64>, Vec<f64>) {
        rest_scan::branch_curve(&self.points, branch)
    }
}

/// Both branches of every condition, with their legend texts.
struct Branches<'a> {
    conditions: &'a [Condition],
    labels: &'a [[String; 2]],
    downs: &'a [(Vec<f64>, Vec<f64>)],
    ups: &'a [(Vec<f64>, Vec<f64>)],
}

impl<'a> Branches<'a> {
    /// The lines of the conditions with (`fixed_chloride`) or without fixed Cl⁻.
    fn series(&self, fixed_chloride: bool) -> Vec<Series<'a>> {
        let mut series = Vec::new();
        for (i, c) in self.conditions.iter().enumerate() {
            if c.fixed_chloride == fixed_chloride {
                for (label, (x, y)) in self.labels[i].iter().zip([&self.downs[i], &self.ups[i]]) {
                    series.push(Series { label, x, y });
                }
            }
        }
        series
    }
}

fn scan(
    template: &Template,
    k_mm: &[f64],
    fixed_chloride: bool,
    leak_ms_per_cm2: f64,
) -> Result<Condition, AnyError> {
    let mut overrides = vec![
        REST_TOLERANCE.to_owned(),
        format!("parameters.gating_pore.g_ms_per_cm2={leak_ms_per_cm2}"),
    ];
    if fixed_chloride {
        overrides.push("parameters.chloride_distribution=fixed".to_owned());
    }
    let points =
        rest_scan::scan(template, "ions.k_o_mm", k_mm, &overrides).map_err(|e| match e {
            RestScanError::Scenario(e) => e.to_string(),
            RestScanError::Solve(e) => e.to_string(),
        })?;
    Ok(Condition {
        fixed_chloride,
        leak_ms_per_cm2,
        points,
    })
}

/// Both branches of the Cannon fibre with NKCC1 rate constant `j0`.
fn scan_cannon(k_mm: &[f64], j0: f64) -> Result<Vec<RestPoint>, AnyError> {
    let template = Template::parse(Path::new("cannon-fibre-low-k.toml"), CANNON_LOW_K)?;
    let overrides = [format!("parameters.nkcc.j0_pmol_per_cm2_per_s={j0}")];
    rest_scan::scan(&template, "ions.k_o_mm", k_mm, &overrides).map_err(|e| {
        match e {
            RestScanError::Scenario(e) => e.to_string(),
            RestScanError::Solve(e) => e.to_string(),
        }
        .into()
    })
}

fn main() -> Result<(), AnyError> {
    let options = Options::from_args()?;
    let short = options.short;
    let k_mm = if short {
        SHORT_K_MM.to_vec()
    } else {
        rest_scan::values(0.5, 12.0, 47)
    };
    let template = Template::parse(Path::new("fibre.toml"), "model = \"muscle-fibre\"\n")?;
    let cases = [
        (false, 0.0),
        (false, HYPOPP_LEAK_MS_PER_CM2),
        (true, 0.0),
        (true, HYPOPP_LEAK_MS_PER_CM2),
    ];
    let conditions = cases
        .par_iter()
        .map(|&(fixed, leak)| scan(&template, &k_mm, fixed, leak))
        .collect::<Result<Vec<_>, _>>()?;

    let cannon_k_mm: Vec<f64> = k_mm.iter().copied().filter(|&k| k <= 6.0).collect();
    let cannon = CANNON_NKCC_J0
        .par_iter()
        .map(|&j0| scan_cannon(&cannon_k_mm, j0))
        .collect::<Result<Vec<_>, _>>()?;

    let config = MuscleFibreConfig::default();
    let frt = config.thermodynamics.f_over_rt_per_mv();
    let k_i_mm = PUBLISHED_INITIAL_STATE[index::K_MYOPLASM];
    let e_k: Vec<f64> = k_mm
        .iter()
        .map(|&k| nernst_mv(k, k_i_mm, 1.0, frt))
        .collect();
    let chloride = ChlorideChannelParams::default();
    let e_cl = nernst_mv(
        chloride.fixed_chloride_out_mm,
        chloride.fixed_chloride_in_mm,
        -1.0,
        frt,
    );

    println!(
        "Rest potential (mV, hyperpolarized-start branch) of the Shorten 2007 fibre against K_o, \
         K_i {k_i_mm} mM, 20 °C; fixed Cl: E_Cl = {e_cl:.1} mV"
    );
    print!("{:>7}  {:>7}", "K (mM)", "E_K");
    for c in &conditions {
        print!("  {:>40}", c.name());
    }
    println!();
    let downs: Vec<(Vec<f64>, Vec<f64>)> =
        conditions.iter().map(|c| c.branch(Branch::Down)).collect();
    for (i, k) in k_mm.iter().enumerate() {
        print!("{k:>7.2}  {:>7.1}", e_k[i]);
        for (_, v) in &downs {
            print!("  {:>40.1}", v[i]);
        }
        println!();
    }
    println!("Fold points (where the two branches part and meet again):");
    for c in &conditions {
        let unconverged = c.points.iter().filter(|p| !p.report.converged).count();
        let folds = match rest_scan::bistable_range(&c.points) {
            Some((low, high)) => format!("two stable states from {low} to {high} mM"),
            None => "none: one rest state at every K (the branches coincide)".to_owned(),
        };
        println!(
            "  {:>40}: {folds}; {unconverged} searches not converged",
            c.name()
        );
        let (k, v) = c.branch(Branch::Down);
        if let Some((k_min, v_min)) = k.iter().zip(&v).min_by(|a, b| a.1.total_cmp(b.1)) {
            println!(
                "  {:>40}  most negative rest {v_min:.1} mV at {k_min} mM",
                ""
            );
        }
    }

    println!(
        "Cannon-lab fibre, 22 °C, every ion settled at rest (mV; up = start −40, down = start −100):"
    );
    for (j0, points) in CANNON_NKCC_J0.iter().zip(&cannon) {
        let (k, up) = rest_scan::branch_curve(points, Branch::Up);
        let (_, down) = rest_scan::branch_curve(points, Branch::Down);
        for ((k, u), d) in k.iter().zip(&up).zip(&down) {
            println!("  NKCC1 J0 {j0}: K {k:>5.2} mM  up {u:>6.1}  down {d:>6.1}");
        }
        let folds = match rest_scan::bistable_range(points) {
            Some((low, high)) => format!("two stable states from {low} to {high} mM"),
            None => "one rest state at every K".to_owned(),
        };
        println!("  NKCC1 J0 {j0}: {folds}");
    }

    let labels: Vec<[String; 2]> = conditions
        .iter()
        .map(|c| {
            [
                format!("{}, start −100 mV", c.leak_label()),
                format!("{}, start −40 mV", c.leak_label()),
            ]
        })
        .collect();
    let ups: Vec<(Vec<f64>, Vec<f64>)> = conditions.iter().map(|c| c.branch(Branch::Up)).collect();
    let e_cl_line = vec![e_cl; k_mm.len()];
    let branches = Branches {
        conditions: &conditions,
        labels: &labels,
        downs: &downs,
        ups: &ups,
    };
    let mut published = vec![Series {
        label: "E_K",
        x: &k_mm,
        y: &e_k,
    }];
    published.extend(branches.series(false));
    let mut fixed = vec![Series {
        label: "E_Cl (fixed Cl)",
        x: &k_mm,
        y: &e_cl_line,
    }];
    fixed.extend(branches.series(true));
    let cannon_labels: Vec<[String; 2]> = CANNON_NKCC_J0
        .iter()
        .map(|j0| {
            [
                format!("Cannon, NKCC1 J0 {j0}, start −100 mV"),
                format!("Cannon, NKCC1 J0 {j0}, start −40 mV"),
            ]
        })
        .collect();
    let cannon_curves: Vec<[(Vec<f64>, Vec<f64>); 2]> = cannon
        .iter()
        .map(|points| {
            [
                rest_scan::branch_curve(points, Branch::Down),
                rest_scan::branch_curve(points, Branch::Up),
            ]
        })
        .collect();
    let fold_marks: Vec<(String, [f64; 2])> = CANNON_NKCC_J0
        .iter()
        .zip(&cannon)
        .filter_map(|(j0, points)| {
            let (low, high) = rest_scan::bistable_range(points)?;
            Some(
                [(low, "lowest"), (high, "highest")]
                    .map(|(k, end)| (format!("J0 {j0}: {end} K with two states ({k} mM)"), [k, k])),
            )
        })
        .flatten()
        .collect();
    let fold_v = [-100.0, -45.0];
    let mut cannon_series = Vec::new();
    for (labels, curves) in cannon_labels.iter().zip(&cannon_curves) {
        for (label, (x, y)) in labels.iter().zip(curves) {
            cannon_series.push(Series { label, x, y });
        }
    }
    for (label, x) in &fold_marks {
        cannon_series.push(Series {
            label,
            x,
            y: &fold_v,
        });
    }
    let figure = Figure {
        title: "Rest against plasma K: Shorten fibre one state, Cannon fibre P1 and P2",
        x_label: "plasma K⁺ (mM)",
        panels: vec![
            Panel {
                y_label: "rest (mV), Cl follows K",
                series: published,
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "rest (mV), fixed Cl",
                series: fixed,
                height_share: 1.0,
                y_bands: Vec::new(),
            },
            Panel {
                y_label: "rest (mV), Cannon, ions settled",
                series: cannon_series,
                height_share: 1.0,
                y_bands: Vec::new(),
            },
        ],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    for path in save(&figure, options.figure_folder(), "06_rest_vs_potassium")? {
        println!("wrote {}", path.display());
    }
    Ok(())
}
