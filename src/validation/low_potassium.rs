//! V10, the part this model reproduces: the normal resting potential P1 of
//! a fibre with the HypoPP gating-pore leak at normal K⁺ (Jurkat-Rott et al.
//! 2009, PNAS 106:4036, abstract; ../shared/SCIENCE.md §2.3: P1 ≈ −85 mV at
//! 4 mM). Their second state P2 (≈ −60 mV below ~1–1.5 mM K⁺) does not
//! exist in this model: `tests/it/rest_scan.rs` and the README ("Low
//! potassium") document the single branch; there is no row for it here.
//!
//! The fibre is `scenarios/hypokalemic-periodic-paralysis.toml` (fixed Cl,
//! 19.5 µS/cm² leak) at K 4 mM; the tolerance, ±5 mV, is the precision of
//! "≈ −85 mV".
//!
//! V10b and V10c are the Cannon-lab fibre (`scenarios/cannon-fibre-low-k.toml`:
//! every ion at steady state, the file's baseline NKCC1), which has both
//! states: P1 at 4 mM (±5 mV, as V10) and P2 at 0.5 mM, where it is the
//! only state (Jurkat-Rott: P2 ≈ −60 mV below ~1 mM; ±10 mV, the precision
//! of "≈ −60" read from their figure range). Its HypoPP fibre (gating pore
//! 12 µS/cm²) is depolarized at 4 mM too, an ignored finding in
//! `src/model/cannon_fibre/tests.rs`, not a row.

use std::path::Path;

use crate::scenario::Template;
use crate::simulation;
use crate::validation::{Target, Tolerance, Unmeasured};

/// The HypoPP scenario (compiled in, so `validate` needs no files).
const HYPOPP: &str = include_str!("../../scenarios/hypokalemic-periodic-paralysis.toml");

/// The Cannon-lab fibre in low K⁺ (compiled in).
const CANNON_LOW_K: &str = include_str!("../../scenarios/cannon-fibre-low-k.toml");

/// The V10 target.
pub fn targets() -> Result<Vec<Target>, Unmeasured> {
    let target = "V10 P1 rest at K 4 mM, HypoPP leak 19.5 µS/cm², fixed Cl";
    let fail = |reason: String| Unmeasured {
        target: target.to_owned(),
        reason,
    };
    let run = Template::parse(Path::new("hypokalemic-periodic-paralysis.toml"), HYPOPP)
        .and_then(|t| t.build_with_arguments(&["ions.k_o_mm=4".to_owned()]))
        .map_err(|e| fail(e.to_string()))?;
    let rest = simulation::find_rest(&run).map_err(|e| fail(e.to_string()))?;
    if !rest.report.converged {
        return Err(fail("no rest state reached".to_owned()));
    }
    let mut targets = vec![Target {
        target: target.to_owned(),
        source: "Jurkat-Rott et al. 2009 (abstract)",
        unit: "mV",
        expected: -85.0,
        got: rest.state[0],
        tolerance: Tolerance::Absolute(5.0),
    }];
    for (target, k_o_mm, expected, tolerance) in [
        (
            "V10b cannon-fibre P1 rest at K 4 mM, every ion at steady state",
            4.0,
            -85.0,
            5.0,
        ),
        (
            "V10c cannon-fibre P2 rest at K 0.5 mM, every ion at steady state",
            0.5,
            -60.0,
            10.0,
        ),
    ] {
        targets.push(Target {
            target: target.to_owned(),
            source: "Jurkat-Rott et al. 2009 (abstract)",
            unit: "mV",
            expected,
            got: cannon_rest_mv(target, k_o_mm)?,
            tolerance: Tolerance::Absolute(tolerance),
        });
    }
    Ok(targets)
}

/// Rest potential of `scenarios/cannon-fibre-low-k.toml` at `k_o_mm`.
fn cannon_rest_mv(target: &str, k_o_mm: f64) -> Result<f64, Unmeasured> {
    let fail = |reason: String| Unmeasured {
        target: target.to_owned(),
        reason,
    };
    let run = Template::parse(Path::new("cannon-fibre-low-k.toml"), CANNON_LOW_K)
        .and_then(|t| t.build_with_arguments(&[format!("ions.k_o_mm={k_o_mm}")]))
        .map_err(|e| fail(e.to_string()))?;
    let rest = simulation::find_rest(&run).map_err(|e| fail(e.to_string()))?;
    if !rest.report.converged {
        return Err(fail("no rest state reached".to_owned()));
    }
    Ok(rest.state[0])
}
