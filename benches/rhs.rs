//! The cost of one right-hand-side evaluation of each model (issue: sweeps,
//! point 6), at the published initial state with the CellML/HH stimulus on,
//! so every rate expression is evaluated. The state and output vectors live
//! on the stack; nothing is allocated.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use endplate::model::hh1952::{Hh1952, Hh1952Params};
use endplate::model::muscle_fibre::MuscleFibre;
use endplate::model::{Model, State};

fn one_evaluation(c: &mut Criterion) {
    let mut group = c.benchmark_group("rhs_one_evaluation");
    let axon = Hh1952::new(Hh1952Params::default(), 6.3);
    let y = axon.initial_state();
    let mut dydt = State::zeros();
    group.bench_function("hh1952_4_states", |b| {
        b.iter(|| axon.derivatives(black_box(0.0), black_box(&y), black_box(10.0), &mut dydt))
    });
    let fibre = MuscleFibre::published();
    let y = fibre.initial_state();
    let mut dydt = State::zeros();
    group.bench_function("muscle_fibre_56_states", |b| {
        b.iter(|| fibre.derivatives(black_box(0.0), black_box(&y), black_box(150.0), &mut dydt))
    });
    group.finish();
}

criterion_group!(benches, one_evaluation);
criterion_main!(benches);
