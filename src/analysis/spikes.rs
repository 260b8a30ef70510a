//! Spike times: upward crossings of a threshold by the membrane potential.
//!
//! Crossings are found inside each accepted solver step on its cubic Hermite
//! interpolant, so spike times do not depend on the output spacing and are
//! accurate to the solver's own error (the interpolant is third order).

use crate::solve::{AcceptedStep, StepObserver};

/// Collects the times at which state component `index` crosses `threshold` upward.
#[derive(Debug, Clone, PartialEq)]
pub struct SpikeDetector {
    /// Which state component (0 = membrane potential).
    pub index: usize,
    /// The level (mV).
    pub threshold_mv: f64,
    /// Crossing times found so far (ms), increasing.
    pub times_ms: Vec<f64>,
}

impl SpikeDetector {
    /// A detector of upward crossings of `threshold_mv` by component `index`.
    pub fn new(index: usize, threshold_mv: f64) -> Self {
        Self {
            index,
            threshold_mv,
            times_ms: Vec::new(),
        }
    }
}

impl<const N: usize> StepObserver<N> for SpikeDetector {
    fn step(&mut self, step: &AcceptedStep<'_, N>) {
        let (before, after) = (step.y0[self.index], step.y1[self.index]);
        if before < self.threshold_mv && after >= self.threshold_mv {
            self.times_ms
                .push(step.upward_crossing(self.index, self.threshold_mv));
        }
    }
}
