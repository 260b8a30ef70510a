//! Axes → points: which override values point `i` of a sweep gets.
//!
//! A point is computed from its index alone, so a sweep never holds its
//! points in memory, any subset (a shard, the points a resume still needs)
//! costs nothing to enumerate, and the values are the same whatever the
//! thread count.
//!
//! - **grid**: the Cartesian product, first axis slowest (nested loops in
//!   the order the axes are written);
//! - **zip**: point `i` takes value `i` of every axis (equal lengths);
//! - **random**: `points` draws inside each axis's `range`, uniform or
//!   Latin hypercube (McKay, Beckman & Conover 1979, Technometrics 21:239:
//!   each axis cut into `points` equal strata, each stratum used once, in an
//!   independent random order per axis), linear or logarithmic.
//!
//! Random numbers come from SplitMix64 (Steele, Lea & Flood 2014, "Fast
//! splittable pseudorandom number generators", OOPSLA; constants of Vigna's
//! reference `splitmix64.c`): its `k`-th output is a function of the seed
//! and `k` only, so the uniform draw of point `i` is computed directly
//! ([`crate::random`]).

use crate::random::{mix64, splitmix64_nth, unit_interval};

/// Where an axis's values come from.
#[derive(Debug, Clone, PartialEq)]
pub enum AxisValues {
    /// Given values (any TOML scalar), in order.
    List(Vec<toml::Value>),
    /// `count` values evenly spaced from `start` to `stop`, both included
    /// (just `start` when `count` is 1, as numpy's `linspace`);
    /// in log space (geometric, like numpy's `geomspace`) when `log`.
    Spaced {
        /// First value.
        start: f64,
        /// Last value.
        stop: f64,
        /// How many values (≥ 1).
        count: u64,
        /// Geometric rather than arithmetic spacing.
        log: bool,
    },
    /// Random draws between `low` and `high` (random designs only).
    Range {
        /// Lower bound.
        low: f64,
        /// Upper bound.
        high: f64,
        /// Draw uniformly in log(value) rather than in value.
        log: bool,
    },
}

impl AxisValues {
    /// How many values a list or spacing has; `None` for a random range.
    pub fn value_count(&self) -> Option<u64> {
        match self {
            AxisValues::List(values) => Some(values.len() as u64),
            AxisValues::Spaced { count, .. } => Some(*count),
            AxisValues::Range { .. } => None,
        }
    }

    /// Whether values are spread logarithmically (for plot scales).
    pub fn is_log(&self) -> bool {
        matches!(
            self,
            AxisValues::Spaced { log: true, .. } | AxisValues::Range { log: true, .. }
        )
    }

    /// Value `k` of a list or spacing (`k` < [`AxisValues::value_count`]).
    fn nth(&self, k: u64) -> toml::Value {
        match self {
            AxisValues::List(values) => values[k as usize].clone(),
            AxisValues::Spaced {
                start,
                stop,
                count,
                log,
            } => {
                let intervals = count.saturating_sub(1).max(1) as f64;
                let value = if k == 0 {
                    *start
                } else if k + 1 == *count {
                    *stop
                } else if *log {
                    interpolate(*start, *stop, k as f64 / intervals, true)
                } else {
                    // numpy's form, start + k·step: exact for integral steps.
                    *start + k as f64 * ((*stop - *start) / intervals)
                };
                toml::Value::Float(value)
            }
            AxisValues::Range { low, high, log } => {
                toml::Value::Float(interpolate(*low, *high, 0.5, *log))
            }
        }
    }

    /// The value at `fraction` ∈ [0, 1) of a random range.
    fn at_fraction(&self, fraction: f64) -> toml::Value {
        match self {
            AxisValues::Range { low, high, log } => {
                toml::Value::Float(interpolate(*low, *high, fraction, *log))
            }
            other => other.nth(0),
        }
    }
}

/// `start + f (stop − start)`, or the same in log space (base 10, so that
/// whole decades come out exact, as numpy's `logspace`).
fn interpolate(start: f64, stop: f64, fraction: f64, log: bool) -> f64 {
    if log {
        10f64.powf(start.log10() + fraction * (stop.log10() - start.log10()))
    } else {
        start + fraction * (stop - start)
    }
}

/// How random points are spread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sampling {
    /// Independent uniform draws.
    Uniform,
    /// Latin hypercube: every axis stratified into `points` equal bins.
    LatinHypercube,
}

/// How axes combine into points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Design {
    /// Cartesian product.
    Grid,
    /// Value `i` of every axis.
    Zip,
    /// `points` random draws from `seed`.
    Random {
        /// Number of points.
        points: u64,
        /// Seed of the generator.
        seed: u64,
        /// Uniform or Latin hypercube.
        sampling: Sampling,
    },
}

impl Design {
    /// The name used in sweep files.
    pub fn name(self) -> &'static str {
        match self {
            Design::Grid => "grid",
            Design::Zip => "zip",
            Design::Random { .. } => "random",
        }
    }
}

/// Why axes cannot make a design.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DesignError {
    /// Axis `axis` has `found` values where the first has `expected` (zip).
    UnequalLengths {
        /// Which axis.
        axis: usize,
        /// Its length.
        found: u64,
        /// The first axis's length.
        expected: u64,
    },
    /// The product of the axis lengths does not fit in 64 bits.
    TooManyPoints,
    /// A Latin hypercube keeps one permutation entry per point and axis (32-bit).
    HypercubeTooLarge,
}

/// The axes and how they combine: every point's values on demand.
#[derive(Debug, Clone)]
pub struct Plan {
    axes: Vec<AxisValues>,
    design: Design,
    count: u64,
    /// Latin hypercube: the stratum of point `i` on axis `j` is `strata[j][i]`.
    strata: Vec<Vec<u32>>,
}

impl Plan {
    /// A plan over `axes` (each a list, a spacing or, for random designs, a range).
    pub fn new(axes: Vec<AxisValues>, design: Design) -> Result<Self, DesignError> {
        let mut lengths = axes.iter().map(|a| a.value_count().unwrap_or(1));
        let count = match design {
            Design::Grid => lengths.try_fold(1u64, |product, n| product.checked_mul(n)),
            Design::Zip => {
                let lengths: Vec<u64> = lengths.collect();
                let expected = lengths.first().copied().unwrap_or(1);
                if let Some((axis, &found)) =
                    lengths.iter().enumerate().find(|(_, n)| **n != expected)
                {
                    return Err(DesignError::UnequalLengths {
                        axis,
                        found,
                        expected,
                    });
                }
                Some(expected)
            }
            Design::Random { points, .. } => Some(points),
        }
        .ok_or(DesignError::TooManyPoints)?;
        let strata = match design {
            Design::Random {
                points,
                seed,
                sampling: Sampling::LatinHypercube,
            } => {
                let n = u32::try_from(points).map_err(|_| DesignError::HypercubeTooLarge)?;
                (0..axes.len())
                    .map(|axis| shuffled(n, permutation_seed(seed, axis)))
                    .collect()
            }
            _ => Vec::new(),
        };
        Ok(Self {
            axes,
            design,
            count,
            strata,
        })
    }

    /// Number of points.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The design.
    pub fn design(&self) -> Design {
        self.design
    }

    /// The axes, in file order.
    pub fn axes(&self) -> &[AxisValues] {
        &self.axes
    }

    /// Which of its values axis `axis` gives point `index`; `None` for random draws.
    pub fn value_index(&self, index: u64, axis: usize) -> Option<u64> {
        let length = self.axes.get(axis)?.value_count()?;
        match self.design {
            Design::Grid => {
                let inner: u64 = self.axes[axis + 1..]
                    .iter()
                    .map(|a| a.value_count().unwrap_or(1))
                    .product();
                Some(index / inner % length)
            }
            Design::Zip => Some(index),
            Design::Random { .. } => None,
        }
    }

    /// The values of point `index` (< [`Plan::count`]), one per axis, into `out`.
    pub fn values(&self, index: u64, out: &mut Vec<toml::Value>) {
        out.clear();
        match self.design {
            Design::Grid => {
                let mut rest = index;
                out.resize(self.axes.len(), toml::Value::Boolean(false));
                for (slot, axis) in out.iter_mut().zip(&self.axes).rev() {
                    let n = axis.value_count().unwrap_or(1);
                    *slot = axis.nth(rest % n);
                    rest /= n;
                }
            }
            Design::Zip => out.extend(self.axes.iter().map(|axis| axis.nth(index))),
            Design::Random { points, seed, .. } => {
                let dimensions = self.axes.len() as u64;
                for (j, axis) in self.axes.iter().enumerate() {
                    let draw =
                        unit_interval(splitmix64_nth(mix64(seed), index * dimensions + j as u64));
                    let fraction = match self.strata.get(j) {
                        Some(strata) => (f64::from(strata[index as usize]) + draw) / points as f64,
                        None => draw,
                    };
                    out.push(axis.at_fraction(fraction));
                }
            }
        }
    }
}

/// The generator state for axis `axis`'s stratum permutation.
fn permutation_seed(seed: u64, axis: usize) -> u64 {
    mix64(seed ^ mix64(axis as u64 + 1).rotate_left(17))
}

/// 0..n in random order (Fisher–Yates; Lemire's multiply-shift for the
/// bounded draw, whose bias below 2⁻³² is irrelevant here).
fn shuffled(n: u32, state: u64) -> Vec<u32> {
    let mut items: Vec<u32> = (0..n).collect();
    for (k, i) in (1..items.len()).rev().enumerate() {
        let bound = i as u64 + 1;
        let j = ((u128::from(splitmix64_nth(state, k as u64)) * u128::from(bound)) >> 64) as usize;
        items.swap(i, j);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floats(plan: &Plan, index: u64) -> Vec<f64> {
        let mut out = Vec::new();
        plan.values(index, &mut out);
        out.iter()
            .map(|v| v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap())
            .collect()
    }

    fn spaced(start: f64, stop: f64, count: u64, log: bool) -> AxisValues {
        AxisValues::Spaced {
            start,
            stop,
            count,
            log,
        }
    }

    #[test]
    fn linspace_and_logspace_hit_their_ends_exactly() {
        let plan = Plan::new(vec![spaced(0.0, 50.0, 51, false)], Design::Grid).unwrap();
        assert_eq!(plan.count(), 51);
        assert_eq!(floats(&plan, 0), [0.0]);
        assert_eq!(floats(&plan, 7), [7.0]);
        assert_eq!(floats(&plan, 50), [50.0]);
        let plan = Plan::new(vec![spaced(1e-3, 1e-1, 3, true)], Design::Grid).unwrap();
        assert_eq!(floats(&plan, 0), [1e-3]);
        assert!((floats(&plan, 1)[0] - 1e-2).abs() < 1e-15);
        assert_eq!(floats(&plan, 2), [1e-1]);
        let decades = Plan::new(vec![spaced(1.0, 100.0, 15, true)], Design::Grid).unwrap();
        assert_eq!(floats(&decades, 7), [10.0]);
        let single = Plan::new(vec![spaced(4.0, 9.0, 1, false)], Design::Grid).unwrap();
        assert_eq!(floats(&single, 0), [4.0], "numpy.linspace(4, 9, 1) is [4]");
    }

    #[test]
    fn grid_runs_the_first_axis_slowest_and_zip_pairs_values() {
        let a = AxisValues::List(vec![1.into(), 2.into()]);
        let b = AxisValues::List(vec![10.into(), 20.into(), 30.into()]);
        let grid = Plan::new(vec![a.clone(), b.clone()], Design::Grid).unwrap();
        assert_eq!(grid.count(), 6);
        assert_eq!(grid.value_index(4, 0), Some(1));
        assert_eq!(grid.value_index(4, 1), Some(1));
        assert_eq!(grid.value_index(5, 1), Some(2));
        let all: Vec<Vec<f64>> = (0..6).map(|i| floats(&grid, i)).collect();
        assert_eq!(
            all,
            [
                [1.0, 10.0],
                [1.0, 20.0],
                [1.0, 30.0],
                [2.0, 10.0],
                [2.0, 20.0],
                [2.0, 30.0]
            ]
        );
        assert_eq!(
            Plan::new(vec![a.clone(), b], Design::Zip).unwrap_err(),
            DesignError::UnequalLengths {
                axis: 1,
                found: 3,
                expected: 2
            }
        );
        let c = AxisValues::List(vec!["x".into(), "y".into()]);
        let zip = Plan::new(vec![a, c], Design::Zip).unwrap();
        let mut out = Vec::new();
        zip.values(1, &mut out);
        assert_eq!(out, [toml::Value::from(2), toml::Value::from("y")]);
    }

    #[test]
    fn huge_grids_are_refused_rather_than_wrapped() {
        let big = spaced(0.0, 1.0, u64::MAX / 2, false);
        assert_eq!(
            Plan::new(vec![big.clone(), big], Design::Grid).unwrap_err(),
            DesignError::TooManyPoints
        );
    }

    fn random(points: u64, seed: u64, sampling: Sampling) -> Plan {
        let axes = vec![
            AxisValues::Range {
                low: 0.0,
                high: 10.0,
                log: false,
            },
            AxisValues::Range {
                low: 1.0,
                high: 1000.0,
                log: true,
            },
        ];
        Plan::new(
            axes,
            Design::Random {
                points,
                seed,
                sampling,
            },
        )
        .unwrap()
    }

    #[test]
    fn random_points_stay_in_range_and_depend_only_on_seed_and_index() {
        for sampling in [Sampling::Uniform, Sampling::LatinHypercube] {
            let plan = random(200, 42, sampling);
            for i in 0..200 {
                let [x, y] = floats(&plan, i)[..] else {
                    panic!()
                };
                assert!((0.0..10.0).contains(&x), "{x}");
                assert!((1.0..1000.0).contains(&y), "{y}");
            }
            assert_eq!(floats(&plan, 17), floats(&random(200, 42, sampling), 17));
            assert_ne!(floats(&plan, 17), floats(&random(200, 43, sampling), 17));
        }
    }

    #[test]
    fn latin_hypercube_puts_exactly_one_point_in_every_stratum_of_every_axis() {
        let n = 50;
        let plan = random(n, 7, Sampling::LatinHypercube);
        let mut linear = vec![0; n as usize];
        let mut logarithmic = vec![0; n as usize];
        for i in 0..n {
            let [x, y] = floats(&plan, i)[..] else {
                panic!()
            };
            linear[(x / 10.0 * n as f64) as usize] += 1;
            logarithmic[(y.log10() / 3.0 * n as f64) as usize] += 1;
        }
        assert!(linear.iter().all(|&c| c == 1), "{linear:?}");
        assert!(logarithmic.iter().all(|&c| c == 1), "{logarithmic:?}");
        // Uniform sampling, by contrast, leaves strata empty at this size.
        let uniform = random(n, 7, Sampling::Uniform);
        let mut bins = vec![0; n as usize];
        for i in 0..n {
            bins[(floats(&uniform, i)[0] / 10.0 * n as f64) as usize] += 1;
        }
        assert!(bins.contains(&0));
    }
}
