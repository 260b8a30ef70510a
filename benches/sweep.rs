//! Sweep throughput (issue 5, point 6): the shipped HH f–I sweep stretched
//! to 1000 points (0–50 µA/cm², 500 ms steps), run through the library as
//! `endplate sweep` runs it — parallel workers, the writer thread,
//! results.csv sorted at the end, no plots — with 1 and 2 threads. The
//! ratio of the two is the parallel speed-up; criterion reports points/s.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use endplate::sweep::{self, Options, Shard, SweepFile, progress};

const POINTS: u64 = 1000;

fn thousand_point_fi_curve() -> SweepFile {
    let path = Path::new("scenarios/sweeps/hh-fi-curve.toml");
    let text = std::fs::read_to_string(path).expect("the shipped sweep is readable");
    let text = text.replace("count = 51", &format!("count = {POINTS}"));
    let sweep = SweepFile::parse(path, &text).expect("the shipped sweep is valid");
    assert_eq!(sweep.plan.count(), POINTS);
    sweep
}

fn sweep_threads(c: &mut Criterion) {
    let sweep = thousand_point_fi_curve();
    let folder = tempfile::TempDir::new().expect("a temporary folder");
    let mut group = c.benchmark_group("hh_fi_curve_1000_points");
    group.sample_size(10);
    group.throughput(Throughput::Elements(POINTS));
    for threads in [1, 2] {
        let options = Options {
            threads,
            shard: Shard::WHOLE,
            resume: false,
            force: false,
            progress: progress::Mode::Quiet,
        };
        let out = folder.path().join(format!("threads-{threads}"));
        group.bench_function(format!("threads_{threads}"), |b| {
            b.iter(|| sweep::run(black_box(&sweep), &out, &options).expect("the sweep runs"))
        });
    }
    group.finish();
}

criterion_group!(benches, sweep_threads);
criterion_main!(benches);
