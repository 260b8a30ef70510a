//! Validation targets a user can run (`endplate validate`): each model
//! against its outside reference, with the expected value, what we get, the
//! tolerance and the verdict. The tests in `tests/it/validation_*.rs` check the
//! same references in more detail; this module is the summary a reader of
//! the README or a reviewer can reproduce in seconds.

mod divalent_gating;
pub mod dodge_rahamimoff1967;
pub mod human_axon;
mod low_potassium;
mod motor_unit;
pub mod neuron_hh1952;
pub mod opencor_shorten2007;
mod shorten2007;

use serde::Serialize;

/// How close is close enough.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tolerance {
    /// |got − expected| ≤ this (in the target's unit).
    Absolute(f64),
    /// |got − expected| ≤ this × |expected|.
    Relative(f64),
    /// got < expected: a published bound or ordering (e.g. "Mg screens less
    /// than Ca" as a ratio below 1).
    Below,
}

/// One published number and what endplate computes for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// What is compared.
    pub target: String,
    /// Where the expected value comes from.
    pub source: &'static str,
    /// The unit of `expected` and `got`.
    pub unit: &'static str,
    /// The reference value.
    pub expected: f64,
    /// Ours.
    pub got: f64,
    /// The allowed difference.
    pub tolerance: Tolerance,
}

impl Target {
    /// Whether `got` is within the tolerance of `expected` (NaN fails).
    pub fn passed(&self) -> bool {
        let allowed = match self.tolerance {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => r * self.expected.abs(),
            Tolerance::Below => return self.got < self.expected,
        };
        (self.got - self.expected).abs() <= allowed
    }
}

/// A target that could not be computed (a run failed): it fails with this reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmeasured {
    /// Which target.
    pub target: String,
    /// Why.
    pub reason: String,
}

/// Every target of every model, computed now.
pub fn all_targets() -> Result<Vec<Target>, Unmeasured> {
    let mut targets = neuron_hh1952::targets()?;
    targets.extend(shorten2007::targets()?);
    targets.extend(dodge_rahamimoff1967::targets());
    targets.extend(divalent_gating::targets()?);
    targets.extend(low_potassium::targets()?);
    targets.extend(motor_unit::targets()?);
    targets.extend(human_axon::targets()?);
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(expected: f64, got: f64, tolerance: Tolerance) -> Target {
        Target {
            target: "x".into(),
            source: "",
            unit: "",
            expected,
            got,
            tolerance,
        }
    }

    #[test]
    fn tolerances_are_inclusive_and_nan_fails() {
        assert!(target(10.0, 10.5, Tolerance::Absolute(0.5)).passed());
        assert!(!target(10.0, 10.6, Tolerance::Absolute(0.5)).passed());
        assert!(target(-10.0, -10.1, Tolerance::Relative(0.01)).passed());
        assert!(!target(-10.0, -10.2, Tolerance::Relative(0.01)).passed());
        assert!(!target(1.0, f64::NAN, Tolerance::Absolute(1.0)).passed());
        assert!(target(1.0, 0.99, Tolerance::Below).passed());
        assert!(!target(1.0, 1.0, Tolerance::Below).passed());
        assert!(!target(1.0, f64::NAN, Tolerance::Below).passed());
    }
}
