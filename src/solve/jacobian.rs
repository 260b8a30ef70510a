//! Finite-difference Jacobians that use the model's sparsity: columns whose
//! rows do not overlap are perturbed together, so one right-hand-side
//! evaluation yields several columns.
//!
//! # Why
//!
//! Rodas4P needs `∂f/∂y` (and `∂f/∂t`) at the start of every step. Done one
//! column at a time, that is `N + 1` evaluations of the right-hand side: 57
//! of the 63 a step of the 56-state muscle fibre costs. But the model is
//! sparse: a gate's rate depends on the potential and on the gate itself,
//! a concentration on a few fluxes. When no row of `f` depends on both `yⱼ`
//! and `yₖ`, perturbing both at once still separates the two columns:
//! every row sees one perturbation only. Grouping the columns this way is
//! the method of A. R. Curtis, M. J. D. Powell and J. K. Reid, *On the
//! estimation of sparse Jacobian matrices*, J. Inst. Maths Applics 13
//! (1974) 117–119; finding few groups is the colouring of the column
//! intersection graph (T. F. Coleman and J. J. Moré, *Estimation of sparse
//! Jacobian matrices and graph coloring problems*, SIAM J. Numer. Anal. 20
//! (1983) 187–209), done here greedily with the "largest first" order of
//! their §4. The number of groups is at least the largest number of
//! entries in a row.
//!
//! # The pattern
//!
//! Models do not declare their pattern, so it is found once per run by
//! perturbation ([`SparsityPattern::detect`]): at the start state and at two
//! states shifted from it by a few per cent (so that a coupling that
//! happens to vanish at the start state, such as a flux proportional to a
//! concentration that starts at zero, is still seen), each column is
//! perturbed by 0.1 % of its size and every row whose value changes at all
//! is marked. Time is handled as one more column, so that `∂f/∂t` costs
//! nothing when the model is autonomous, as every model is inside a
//! protocol segment. A column whose perturbation makes anything non-finite
//! is taken as full.
//!
//! # Accuracy
//!
//! Inside the pattern the increments are those of the plain column-by-column
//! differences (`√ε · max(|yⱼ|, atol/rtol)`, and `rodas.f`'s time
//! increment), and each row sees exactly the perturbation it would see
//! there, so the entries are the same numbers; the test
//! `grouped_differences_equal_plain_differences_on_the_muscle_fibre` checks
//! this against [`SparsityPattern::dense`], which is the plain method.

use nalgebra::SMatrix;

use crate::model::State;
use crate::random::{splitmix64_nth, unit_interval};

/// Relative size of the perturbation that finds the pattern.
const PROBE_RELATIVE: f64 = 1e-3;
/// Floor, in each state's own unit, under the size the probe perturbation
/// is relative to (so a state at zero is still moved).
const PROBE_FLOOR: f64 = 1e-2;
/// The shifted probe states move each component by up to this fraction of
/// `|yⱼ| + PROBE_FLOOR`.
const PROBE_SHIFT: f64 = 0.02;
/// Seed of the pseudo-random shifts (any fixed value: the pattern must not
/// depend on anything but the model and the start state).
const PROBE_SEED: u64 = 0x5eed_1ac0_b1a2;

/// Which entries of `∂f/∂(y, t)` may be non-zero, and the column groups
/// that a finite difference perturbs together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SparsityPattern<const N: usize> {
    /// `rows[j]` lists the rows `i` with `∂fᵢ/∂yⱼ` possibly non-zero;
    /// `rows[N]` those with `∂fᵢ/∂t` possibly non-zero.
    rows: Vec<Vec<usize>>,
    /// Columns perturbed together (index `N` is time); no two columns of a
    /// group share a row.
    groups: Vec<Vec<usize>>,
}

impl<const N: usize> SparsityPattern<N> {
    /// The full pattern with one column per group: plain forward
    /// differences, `N + 1` evaluations per Jacobian.
    pub fn dense() -> Self {
        Self {
            rows: vec![(0..N).collect(); N + 1],
            groups: (0..=N).map(|j| vec![j]).collect(),
        }
    }

    /// The pattern of `rhs` found by perturbation around `(t, y)` (module
    /// documentation), with its columns grouped. Falls back to
    /// [`SparsityPattern::dense`] when `rhs` is not finite at any probe.
    pub fn detect(rhs: &impl Fn(f64, &State<N>, &mut State<N>), t: f64, y: &State<N>) -> Self {
        let mut depends = vec![[false; N]; N + 1];
        let mut any_probe = false;
        for probe in 0..3 {
            let mut base = *y;
            if probe > 0 {
                for (j, value) in base.iter_mut().enumerate() {
                    let bits = splitmix64_nth(PROBE_SEED + probe, j as u64);
                    *value +=
                        PROBE_SHIFT * (unit_interval(bits) - 0.5) * (value.abs() + PROBE_FLOOR);
                }
            }
            let mut base_rates = State::<N>::zeros();
            rhs(t, &base, &mut base_rates);
            if !base_rates.iter().all(|r| r.is_finite()) {
                continue;
            }
            any_probe = true;
            let mut perturbed = base;
            let mut rates = State::<N>::zeros();
            for (column, marks) in depends.iter_mut().enumerate() {
                let probe_t = if column == N {
                    t + PROBE_RELATIVE * (t.abs() + 1.0)
                } else {
                    perturbed[column] += PROBE_RELATIVE * (base[column].abs() + PROBE_FLOOR);
                    t
                };
                rhs(probe_t, &perturbed, &mut rates);
                if column < N {
                    perturbed[column] = base[column];
                }
                let finite = rates.iter().all(|r| r.is_finite());
                for (mark, (&rate, &base_rate)) in
                    marks.iter_mut().zip(rates.iter().zip(&base_rates))
                {
                    *mark |= !finite || rate != base_rate;
                }
            }
        }
        if !any_probe {
            return Self::dense();
        }
        let rows = depends
            .iter()
            .map(|marks| (0..N).filter(|&i| marks[i]).collect())
            .collect();
        Self::grouped(rows)
    }

    /// Groups the columns of `rows` greedily, the columns with most entries
    /// first, each into the first group none of whose rows it touches.
    fn grouped(rows: Vec<Vec<usize>>) -> Self {
        let mut order: Vec<usize> = (0..=N).collect();
        order.sort_by_key(|&j| std::cmp::Reverse(rows[j].len()));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut occupied: Vec<[bool; N]> = Vec::new();
        for j in order {
            if rows[j].is_empty() {
                continue;
            }
            let free = occupied
                .iter()
                .position(|taken| rows[j].iter().all(|&i| !taken[i]));
            let group = free.unwrap_or_else(|| {
                groups.push(Vec::new());
                occupied.push([false; N]);
                groups.len() - 1
            });
            groups[group].push(j);
            for &i in &rows[j] {
                occupied[group][i] = true;
            }
        }
        Self { rows, groups }
    }

    /// Right-hand-side evaluations per Jacobian (one per group).
    pub fn evaluations(&self) -> usize {
        self.groups.len()
    }

    /// Entries that may be non-zero in `∂f/∂y`.
    pub fn non_zeros(&self) -> usize {
        self.rows[..N].iter().map(Vec::len).sum()
    }

    /// Writes the forward-difference `∂f/∂y` into `jacobian` and `∂f/∂t`
    /// into `time_derivative` at `(t, y)`, where `dydt = f(t, y)`; entries
    /// outside the pattern are zero. `floor` is the size below which the
    /// increment stops being relative (`atol/rtol`). `perturbed` and
    /// `rates` are scratch space. Returns the number of `rhs` evaluations.
    #[allow(clippy::too_many_arguments)]
    pub fn differentiate(
        &self,
        rhs: &impl Fn(f64, &State<N>, &mut State<N>),
        t: f64,
        y: &State<N>,
        dydt: &State<N>,
        floor: f64,
        jacobian: &mut SMatrix<f64, N, N>,
        time_derivative: &mut State<N>,
        perturbed: &mut State<N>,
        rates: &mut State<N>,
    ) -> u64 {
        let sqrt_epsilon = f64::EPSILON.sqrt();
        let time_increment = (t + (f64::EPSILON * t.abs().max(1e-5)).sqrt()) - t;
        jacobian.fill(0.0);
        time_derivative.fill(0.0);
        perturbed.copy_from(y);
        for group in &self.groups {
            let mut probe_t = t;
            for &j in group {
                if j == N {
                    probe_t = t + time_increment;
                } else {
                    perturbed[j] = y[j] + sqrt_epsilon * y[j].abs().max(floor);
                }
            }
            rhs(probe_t, perturbed, rates);
            for &j in group {
                if j == N {
                    for &i in &self.rows[N] {
                        time_derivative[i] = (rates[i] - dydt[i]) / time_increment;
                    }
                } else {
                    let increment = perturbed[j] - y[j];
                    for &i in &self.rows[j] {
                        jacobian[(i, j)] = (rates[i] - dydt[i]) / increment;
                    }
                    perturbed[j] = y[j];
                }
            }
        }
        self.groups.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Model;
    use crate::model::muscle_fibre::{MuscleFibre, STATE_COUNT};

    /// A tridiagonal system plus one time-dependent row: three groups
    /// suffice for any tridiagonal pattern.
    fn tridiagonal(t: f64, y: &State<6>, dydt: &mut State<6>) {
        for i in 0..6 {
            let left = if i > 0 { y[i - 1] } else { 0.0 };
            let right = if i < 5 { y[i + 1] } else { 0.0 };
            dydt[i] = left - 2.0 * y[i] * y[i] + right;
        }
        dydt[0] += t.sin();
    }

    fn jacobians<const N: usize>(
        pattern: &SparsityPattern<N>,
        rhs: &impl Fn(f64, &State<N>, &mut State<N>),
        t: f64,
        y: &State<N>,
    ) -> (SMatrix<f64, N, N>, State<N>) {
        let mut dydt = State::zeros();
        rhs(t, y, &mut dydt);
        let mut jacobian = SMatrix::zeros();
        let mut time_derivative = State::zeros();
        let evaluations = pattern.differentiate(
            rhs,
            t,
            y,
            &dydt,
            1.0,
            &mut jacobian,
            &mut time_derivative,
            &mut State::zeros(),
            &mut State::zeros(),
        );
        assert_eq!(evaluations as usize, pattern.evaluations());
        (jacobian, time_derivative)
    }

    #[test]
    fn a_tridiagonal_pattern_needs_three_groups_and_gives_the_plain_differences() {
        let y = State::from([0.3, -0.2, 0.5, 1.0, 0.1, -0.7]);
        let pattern = SparsityPattern::detect(&tridiagonal, 0.5, &y);
        assert_eq!(pattern.non_zeros(), 6 + 2 * 5);
        // Three groups for the columns; time (row 0 only) fits in one of them.
        assert_eq!(pattern.evaluations(), 3);
        let (sparse, sparse_t) = jacobians(&pattern, &tridiagonal, 0.5, &y);
        let (plain, plain_t) = jacobians(&SparsityPattern::dense(), &tridiagonal, 0.5, &y);
        assert_eq!(sparse, plain);
        assert_eq!(sparse_t, plain_t);
        assert!((sparse[(2, 2)] - (-4.0 * y[2])).abs() < 1e-6);
        assert!((sparse_t[0] - 0.5_f64.cos()).abs() < 1e-6);
    }

    #[test]
    fn a_coupling_that_vanishes_at_the_start_state_is_still_found() {
        // ∂f₀/∂y₁ = y₀, zero at the start state y₀ = 0.
        let rhs = |_t: f64, y: &State<2>, dydt: &mut State<2>| {
            dydt[0] = y[0] * y[1];
            dydt[1] = -y[1];
        };
        let pattern = SparsityPattern::detect(&rhs, 0.0, &State::from([0.0, 1.0]));
        assert_eq!(pattern.non_zeros(), 3);
        assert_eq!(pattern.evaluations(), 2);
    }

    #[test]
    fn a_rhs_that_is_never_finite_falls_back_to_the_dense_pattern() {
        let rhs = |_t: f64, _y: &State<3>, dydt: &mut State<3>| dydt.fill(f64::NAN);
        let pattern = SparsityPattern::detect(&rhs, 0.0, &State::zeros());
        assert_eq!(pattern, SparsityPattern::dense());
        assert_eq!(pattern.evaluations(), 4);
    }

    #[test]
    fn grouped_differences_equal_plain_differences_on_the_muscle_fibre() {
        let fibre = MuscleFibre::new(Default::default());
        let rhs = |t: f64, y: &State<STATE_COUNT>, dydt: &mut State<STATE_COUNT>| {
            fibre.derivatives(t, y, 0.0, dydt)
        };
        let start = fibre.initial_state();
        let pattern = SparsityPattern::detect(&rhs, 0.0, &start);
        // 14 groups, inferred from the evaluation counts of muscle-20hz: (53 739 − start-up) / 2 681 steps ≈ 20 = 6 + 14.
        assert!(pattern.evaluations() < 25, "{}", pattern.evaluations());
        let mut elsewhere = start;
        elsewhere[0] = -20.0;
        elsewhere[1] = -40.0;
        for y in [start, elsewhere] {
            let (sparse, sparse_t) = jacobians(&pattern, &rhs, 0.0, &y);
            let (plain, plain_t) = jacobians(&SparsityPattern::dense(), &rhs, 0.0, &y);
            let scale = plain.amax();
            assert!(
                (sparse - plain).amax() <= 1e-12 * scale,
                "largest difference {} of {scale}",
                (sparse - plain).amax()
            );
            assert_eq!(sparse_t, plain_t);
        }
    }
}
