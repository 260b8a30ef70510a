//! Cubic Hermite interpolation inside one accepted step.
//!
//! With the state and its derivative at both ends of a step, the cubic
//! Hermite interpolant is third-order accurate and continuous in value and
//! slope across steps, whatever method produced the step. Output sampling and
//! threshold crossings use it, so they do not depend on the solver's own
//! dense output (ode_solvers offers none in the mode that reports every step).

use crate::model::State;
use crate::solve::AcceptedStep;

impl<const N: usize> AcceptedStep<'_, N> {
    /// Hermite basis weights at `t_ms` inside the step: (y0, h·f0, y1, h·f1).
    #[inline]
    fn weights(&self, t_ms: f64) -> [f64; 4] {
        let h = self.t1_ms - self.t0_ms;
        let s = if h > 0.0 {
            (t_ms - self.t0_ms) / h
        } else {
            1.0
        };
        let s2 = s * s;
        let s3 = s2 * s;
        [
            2.0 * s3 - 3.0 * s2 + 1.0,
            (s3 - 2.0 * s2 + s) * h,
            -2.0 * s3 + 3.0 * s2,
            (s3 - s2) * h,
        ]
    }

    /// One component of the interpolated state at `t_ms`.
    #[inline]
    pub fn component_at(&self, index: usize, t_ms: f64) -> f64 {
        let [a, b, c, d] = self.weights(t_ms);
        a * self.y0[index] + b * self.dydt0[index] + c * self.y1[index] + d * self.dydt1[index]
    }

    /// The whole interpolated state at `t_ms`, written into `out` (no allocation).
    #[inline]
    pub fn state_at(&self, t_ms: f64, out: &mut State<N>) {
        let [a, b, c, d] = self.weights(t_ms);
        for i in 0..N {
            out[i] = a * self.y0[i] + b * self.dydt0[i] + c * self.y1[i] + d * self.dydt1[i];
        }
    }

    /// Time in the step where component `index` crosses `level`, given that it
    /// is below at the start and at or above at the end (bisection on the
    /// interpolant to 1e-12 ms).
    pub fn upward_crossing(&self, index: usize, level: f64) -> f64 {
        let (mut lo, mut hi) = (self.t0_ms, self.t1_ms);
        while hi - lo > 1e-12 {
            let mid = 0.5 * (lo + hi);
            // Past 8192 ms neighbouring f64 times are more than 1e-12 ms
            // apart: the bracket cannot narrow further (a run used to hang here).
            if mid <= lo || mid >= hi {
                break;
            }
            if self.component_at(index, mid) < level {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Late in a long run the bisection stops at the resolution of f64
    /// times instead of looping forever.
    #[test]
    fn a_crossing_after_8192_ms_is_found() {
        let (y0, y1, slope) = (
            State::<1>::new(-1.0),
            State::<1>::new(1.0),
            State::<1>::new(4.0),
        );
        let step = AcceptedStep {
            t0_ms: 9000.0,
            y0: &y0,
            dydt0: &slope,
            t1_ms: 9000.5,
            y1: &y1,
            dydt1: &slope,
            i_stim_ua_per_cm2: 0.0,
        };
        let t = step.upward_crossing(0, 0.0);
        assert!((t - 9000.25).abs() < 1e-9, "{t}");
    }

    /// A cubic is reproduced exactly by its Hermite interpolant.
    #[test]
    fn reproduces_a_cubic_exactly() {
        let y = |t: f64| t * t * t - 2.0 * t + 1.0;
        let dy = |t: f64| 3.0 * t * t - 2.0;
        let (t0, t1) = (0.5, 2.0);
        let (y0, f0, y1, f1) = (
            State::<1>::new(y(t0)),
            State::<1>::new(dy(t0)),
            State::<1>::new(y(t1)),
            State::<1>::new(dy(t1)),
        );
        let step = AcceptedStep {
            t0_ms: t0,
            y0: &y0,
            dydt0: &f0,
            t1_ms: t1,
            y1: &y1,
            dydt1: &f1,
            i_stim_ua_per_cm2: 0.0,
        };
        for t in [0.5, 0.7, 1.25, 1.9, 2.0] {
            assert!((step.component_at(0, t) - y(t)).abs() < 1e-12);
        }
        let root = step.upward_crossing(0, y(1.5));
        assert!((root - 1.5).abs() < 1e-10);
    }
}
