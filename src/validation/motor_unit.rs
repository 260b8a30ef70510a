//! V12 and the safety factor: the motor unit (`scenarios/motor-unit.toml`,
//! five nerve impulses at 20 Hz, 37 °C) against the Mg²⁺ block of the rat
//! diaphragm and the published safety factor of mammalian endplates.
//!
//! - del Castillo & Engbaek 1954 (rat diaphragm abstract; ../shared/SCIENCE.md
//!   §3.1): 6 mM Mg²⁺ blocks transmission completely at 37 °C while the
//!   nerve still conducts.
//! - Wood & Slater 2001 (Prog Neurobiol 64:393, via Ruff 2011, Muscle Nerve
//!   44:854, abstract): mammalian endplates transmit with a safety factor of
//!   2–5; the target is the middle of that range with half its width.

use std::path::Path;

use crate::scenario::Template;
use crate::simulation::{self, JunctionMetrics, NoTrace, RunMetrics};
use crate::validation::{Target, Tolerance, Unmeasured};

/// The scenario the targets run (compiled in, so `validate` needs no files).
const MOTOR_UNIT: &str = include_str!("../../scenarios/motor-unit.toml");

/// Nerve impulses in the scenario's train.
const IMPULSES: f64 = 5.0;

fn run(target: &str, overrides: &[&str]) -> Result<(RunMetrics, JunctionMetrics), Unmeasured> {
    let fail = |reason: String| Unmeasured {
        target: target.to_owned(),
        reason,
    };
    let arguments: Vec<String> = overrides.iter().map(|s| (*s).to_owned()).collect();
    let run = Template::parse(Path::new("motor-unit.toml"), MOTOR_UNIT)
        .and_then(|t| t.build_with_arguments(&arguments))
        .map_err(|e| fail(e.to_string()))?;
    let metrics = simulation::execute(&run, &mut NoTrace)
        .map_err(|e| fail(e.to_string()))?
        .metrics;
    let junction = metrics
        .junction
        .clone()
        .ok_or_else(|| fail("no junction metrics".to_owned()))?;
    Ok((metrics, junction))
}

/// The motor-unit targets.
pub fn targets() -> Result<Vec<Target>, Unmeasured> {
    let (blocked, blocked_junction) = run("V12 Mg block", &["ions.mg_o_mm=6"])?;
    let (_, normal) = run("safety factor", &["simulation.duration_ms=20"])?;
    let block_source = "del Castillo & Engbaek 1954 (rat diaphragm, abstract)";
    Ok(vec![
        Target {
            target: "V12 muscle APs per 5 nerve impulses, Mg 6 mM, 37 °C".to_owned(),
            source: block_source,
            unit: "1",
            expected: 0.0,
            got: blocked.membrane.spike_count as f64,
            tolerance: Tolerance::Absolute(0.0),
        },
        Target {
            target: "V12 axon spikes per 5 impulses, Mg 6 mM (nerve conducts)".to_owned(),
            source: block_source,
            unit: "1",
            expected: IMPULSES,
            got: blocked_junction.axon_spike_count as f64,
            tolerance: Tolerance::Absolute(0.0),
        },
        Target {
            target: "safety factor at normal ions, 37 °C".to_owned(),
            source: "Wood & Slater 2001 via Ruff 2011 (abstract): 2–5",
            unit: "1",
            expected: 3.5,
            got: normal
                .endplate
                .and_then(|e| e.safety_factor)
                .unwrap_or(f64::NAN),
            tolerance: Tolerance::Absolute(1.5),
        },
    ])
}
