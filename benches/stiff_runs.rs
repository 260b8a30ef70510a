//! The stiff runs of issue 14, each with the solver work it costs printed
//! once before it is timed:
//! - the motor unit of `scenarios/normal.toml` (2 s: 100 Hz × 500 ms, then
//!   quiet), simulated as `endplate run` simulates it (endplate
//!   measurements included) but writing nothing; its rest search is made
//!   by the first call and answered by the rest cache after that, so the
//!   time is the run's own (the printed line gives the search's work too);
//! - the fibre's 20 Hz × 9 protocol of the Shorten 2007 CellML
//!   (`scenarios/muscle-20hz.toml`) with the stiff method at rtol = atol =
//!   1e-6, the setting `tools/peers/` compares with Myokit's CVODES.
//!
//! `cargo bench --bench stiff_runs`; for a short look on a shared machine
//! `cargo bench --bench stiff_runs -- --measurement-time 5 --warm-up-time 1`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use endplate::scenario::{self, Run};
use endplate::simulation::{NoTrace, execute};
use endplate::solve::SolverStats;

/// The solver work of one run, as the benches print it. The one place
/// that names the counters: a new counter of [`SolverStats`] is added here.
fn work_line(stats: &SolverStats) -> String {
    format!(
        "{} steps ({} rejected), {} rhs evaluations, {} jacobians, {} factorizations",
        stats.steps,
        stats.rejected_steps,
        stats.rhs_evaluations,
        stats.jacobians,
        stats.factorizations
    )
}

fn shipped(path: &str, overrides: &[&str]) -> Run {
    let arguments: Vec<String> = overrides.iter().map(|s| (*s).to_owned()).collect();
    scenario::load(Path::new(path), &arguments).expect("shipped scenario with valid overrides")
}

/// Runs `run` once and prints its work under `name`.
fn print_work(name: &str, run: &Run) {
    let metrics = execute(run, &mut NoTrace)
        .expect("the run succeeds")
        .metrics;
    let mut line = format!("{name}: {}", work_line(&metrics.solver.stats));
    if let Some(rest) = &metrics.rest {
        line += &format!("; rest search: {}", work_line(&rest.solver));
    }
    if let Some(muscle) = &metrics.muscle {
        line += &format!(
            "; Ca peak {} µM, force peak {} µM",
            muscle.ca_peak_um, muscle.force_peak_um
        );
    }
    eprintln!("{line}");
}

fn stiff_runs(c: &mut Criterion) {
    let motor_unit = shipped("scenarios/normal.toml", &[]);
    let fibre = shipped(
        "scenarios/muscle-20hz.toml",
        &[
            "solver.method=rosenbrock",
            "solver.rtol=1e-6",
            "solver.atol=1e-6",
        ],
    );
    print_work("motor unit, normal.toml", &motor_unit);
    print_work("fibre 20 Hz x 9, rosenbrock rtol 1e-6", &fibre);
    let mut group = c.benchmark_group("stiff_runs");
    group.sample_size(10);
    group.bench_function("motor_unit_normal", |b| {
        b.iter(|| execute(black_box(&motor_unit), &mut NoTrace).unwrap())
    });
    group.bench_function("fibre_20hz_x9_rtol1e-6", |b| {
        b.iter(|| execute(black_box(&fibre), &mut NoTrace).unwrap())
    });
    group.finish();
}

criterion_group!(benches, stiff_runs);
criterion_main!(benches);
