//! The Shorten et al. 2007 CellML protocol (nine 150 µA/cm² pulses at 20 Hz,
//! 500 ms, from the published state; `scenarios/muscle-20hz.toml`) with the
//! explicit Dormand–Prince method and the stiff Rodas4P, at tolerances where
//! both put the peak force within 0.1 % of a tight run (the test
//! `tests/it/muscle_solvers.rs` checks that). Nothing is written to disk.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use endplate::scenario::Template;
use endplate::simulation::{NoTrace, execute};

fn muscle_20hz(c: &mut Criterion) {
    let template =
        Template::load(Path::new("scenarios/muscle-20hz.toml")).expect("shipped scenario loads");
    let build = |args: &[&str]| {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        template
            .build_with_arguments(&args)
            .expect("overrides are valid")
    };
    let stiff = build(&[
        "solver.method=rosenbrock",
        "solver.rtol=1e-6",
        "solver.atol=1e-6",
    ]);
    let explicit = build(&[
        "solver.method=dopri5",
        "solver.rtol=1e-6",
        "solver.atol=1e-6",
        "solver.max_steps=100000000",
    ]);
    let mut group = c.benchmark_group("muscle_fibre_cellml_20hz_500ms");
    group.sample_size(10);
    group.bench_function("rosenbrock_rtol1e-6", |b| {
        b.iter(|| execute(black_box(&stiff), &mut NoTrace).unwrap())
    });
    group.bench_function("dopri5_rtol1e-6", |b| {
        b.iter(|| execute(black_box(&explicit), &mut NoTrace).unwrap())
    });
    group.finish();
}

criterion_group!(benches, muscle_20hz);
criterion_main!(benches);
