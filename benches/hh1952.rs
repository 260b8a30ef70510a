//! HH 1952: one second of simulated time under a 10 µA/cm² step, with the
//! adaptive Dormand–Prince method and with fixed-step RK4 (issue: foundation,
//! point 12). Built from the shipped scenario so the bench measures what
//! users run; nothing is written to disk.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use endplate::scenario;
use endplate::simulation::{NoTrace, execute};

fn one_second(extra: &[&str]) -> scenario::Run {
    let mut overrides: Vec<String> = [
        "simulation.duration_ms=1000",
        "stimulus.steps[0].start_ms=0",
        "stimulus.steps[0].duration_ms=1000",
        "stimulus.steps[0].amplitude_ua_per_cm2=10",
    ]
    .map(String::from)
    .to_vec();
    overrides.extend(extra.iter().map(|s| s.to_string()));
    scenario::load(Path::new("scenarios/hh1952-step.toml"), &overrides)
        .expect("shipped scenario loads")
}

fn hh1952(c: &mut Criterion) {
    let dopri5 = one_second(&[
        "solver.method=dopri5",
        "solver.rtol=1e-6",
        "solver.atol=1e-6",
    ]);
    let rk4 = one_second(&["solver.method=rk4", "solver.dt_ms=0.01"]);
    let mut group = c.benchmark_group("hh1952_1s_10uA");
    group.bench_function("dopri5_rtol1e-6", |b| {
        b.iter(|| execute(black_box(&dopri5), &mut NoTrace).unwrap())
    });
    group.bench_function("rk4_dt0.01", |b| {
        b.iter(|| execute(black_box(&rk4), &mut NoTrace).unwrap())
    });
    group.finish();
}

criterion_group!(benches, hh1952);
criterion_main!(benches);
