//! Output on a regular grid, from whatever steps the solver took.
//!
//! The sampler turns accepted steps into rows at t = k · output_dt_ms by
//! cubic Hermite interpolation, plus the final state. Rows go straight to a
//! [`SampleSink`] (a CSV writer, a plot series, a metric accumulator), so a
//! run never keeps its whole trajectory unless a sink chooses to.

use crate::model::State;
use crate::solve::{AcceptedStep, StepObserver};

/// Receives output rows in time order.
pub trait SampleSink<const N: usize> {
    /// One row: time (ms), state, stimulus (µA/cm²).
    fn sample(&mut self, t_ms: f64, y: &State<N>, i_stim_ua_per_cm2: f64);
}

impl<const N: usize, A: SampleSink<N>, B: SampleSink<N>> SampleSink<N> for (A, B) {
    fn sample(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        self.0.sample(t_ms, y, i_stim);
        self.1.sample(t_ms, y, i_stim);
    }
}

impl<const N: usize, S: SampleSink<N>> SampleSink<N> for &mut S {
    fn sample(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        (**self).sample(t_ms, y, i_stim);
    }
}

/// Emits samples every `output_dt_ms` to a sink.
#[derive(Debug)]
pub struct GridSampler<S> {
    output_dt_ms: f64,
    next_index: u64,
    last_emitted_ms: f64,
    /// Where the rows go.
    pub sink: S,
}

impl<S> GridSampler<S> {
    /// A sampler with grid spacing `output_dt_ms` (> 0) feeding `sink`.
    pub fn new(output_dt_ms: f64, sink: S) -> Self {
        Self {
            output_dt_ms,
            next_index: 0,
            last_emitted_ms: f64::NEG_INFINITY,
            sink,
        }
    }

    /// The time of grid point `next_index`. When 1/output_dt is a whole number
    /// (0.1, 0.025, 0.01 ms …) dividing by it gives the correctly rounded
    /// decimal (0.3, not the 0.30000000000000004 that 3 × 0.1 gives), so
    /// trace.csv shows clean times.
    fn next_time(&self) -> f64 {
        let per_ms = 1.0 / self.output_dt_ms;
        if (per_ms - per_ms.round()).abs() < 1e-9 * per_ms {
            self.next_index as f64 / per_ms.round()
        } else {
            self.next_index as f64 * self.output_dt_ms
        }
    }

    /// Grid points closer than this to a step end belong to the next step.
    fn slack(&self) -> f64 {
        1e-9 * self.output_dt_ms
    }
}

impl<const N: usize, S: SampleSink<N>> StepObserver<N> for GridSampler<S> {
    fn start(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        self.sink.sample(t_ms, y, i_stim);
        self.last_emitted_ms = t_ms;
        self.next_index = (t_ms / self.output_dt_ms).floor() as u64 + 1;
    }

    fn step(&mut self, step: &AcceptedStep<'_, N>) {
        let mut y = State::<N>::zeros();
        while self.next_time() < step.t1_ms - self.slack() {
            let t = self.next_time();
            if t >= step.t0_ms - self.slack() {
                step.state_at(t, &mut y);
                self.sink.sample(t, &y, step.i_stim_ua_per_cm2);
                self.last_emitted_ms = t;
            }
            self.next_index += 1;
        }
    }

    fn finish(&mut self, t_ms: f64, y: &State<N>, i_stim: f64) {
        if t_ms > self.last_emitted_ms + self.slack() {
            self.sink.sample(t_ms, y, i_stim);
            self.last_emitted_ms = t_ms;
        }
    }
}
