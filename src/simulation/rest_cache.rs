//! Rest states kept for the life of the process, keyed by everything a
//! rest search depends on: the model as built (its type, every parameter
//! and the conditions it was built in), the starting state, the `[rest]`
//! settings, whether the ion concentrations are held, and the solver
//! settings. A rest search ([`steady_state::equilibrate`]) is a pure
//! function of these, so an answer from the cache is the answer a new
//! search would give, bit for bit — report included — and a run's metrics
//! do not depend on whether its rest came from here.
//!
//! The key is the `Debug` text of those inputs: derived `Debug` prints
//! every field, and an `f64` as the shortest text that reads back to the
//! same bits (`-0.0` apart from `0.0`), so equal keys mean bit-equal inputs.
//! What repeats a search is then answered here: the excitability trials
//! (each trial's axon and fibre rest), a sweep point's run and its
//! excitability, the bursts of `cramp-threshold`, a `rest-scan` run again,
//! and the excitability on the teaching page. At most [`CAPACITY`] states
//! are kept; the oldest goes first.

use std::collections::{HashMap, VecDeque};
use std::fmt::{Debug, Write};
use std::sync::{Mutex, OnceLock};

use crate::model::{Model, State};
use crate::solve::steady_state::{self, RestReport, RestSettings};
use crate::solve::{SolveError, SolverSettings};

use super::tally;

/// Most rest states kept (a motor unit's key and state take about 20 kB).
pub const CAPACITY: usize = 512;

/// A kept rest: the state (in the model's layout) and its report.
type Kept = (Vec<f64>, RestReport);

#[derive(Default)]
struct Cache {
    kept: HashMap<String, Kept>,
    /// Keys in the order they came, to drop the oldest.
    order: VecDeque<String>,
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// The key of a rest search: every input, as text that tells bit-different
/// inputs apart.
fn key<const N: usize, M: Debug>(
    model: &M,
    y0: &State<N>,
    settings: &RestSettings,
    hold_ions: bool,
    solver: &SolverSettings,
) -> String {
    let mut key = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        key,
        "{}|{N}|{model:?}|{settings:?}|{hold_ions}|{solver:?}|",
        std::any::type_name::<M>()
    );
    for value in y0.iter() {
        let _ = write!(key, "{value:?},");
    }
    key
}

/// [`steady_state::equilibrate`], answered from the cache when the same
/// search was made before in this process; a search it makes is counted
/// in this thread's [`tally::Tally::rest_searches`]. Failures are not kept.
pub fn equilibrate<const N: usize, M: Model<N> + Debug>(
    model: &M,
    y0: &State<N>,
    settings: &RestSettings,
    hold_ions: bool,
    solver: &SolverSettings,
) -> Result<(State<N>, RestReport), SolveError> {
    let key = key(model, y0, settings, hold_ions, solver);
    let found = lock().kept.get(&key).cloned();
    if let Some((state, report)) = found {
        return Ok((State::<N>::from_column_slice(&state), report));
    }
    tally::count_rest_search();
    let (state, report) = steady_state::equilibrate(model, y0, settings, hold_ions, solver)?;
    let mut cache = lock();
    if !cache.kept.contains_key(&key) {
        if cache.order.len() >= CAPACITY {
            if let Some(oldest) = cache.order.pop_front() {
                cache.kept.remove(&oldest);
            }
        }
        cache.order.push_back(key.clone());
        cache
            .kept
            .insert(key, (state.iter().copied().collect(), report.clone()));
    }
    Ok((state, report))
}

/// The cache, even after a thread panicked while holding it (its map is
/// never left half-changed: every change is one insert or remove).
fn lock() -> std::sync::MutexGuard<'static, Cache> {
    cache()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::hh1952::{Hh1952, Hh1952Params};
    use crate::simulation::Tally;

    fn model(v_initial_mv: f64) -> Hh1952 {
        Hh1952::new(
            Hh1952Params {
                v_initial_mv,
                ..Hh1952Params::default()
            },
            6.3,
        )
    }

    /// An HH model started at `v_initial_mv` (a value no other test uses,
    /// so the cache is cold for it), its start, and the search settings.
    fn search_of(v_initial_mv: f64) -> (Hh1952, State<4>, RestSettings, SolverSettings) {
        let hh = model(v_initial_mv);
        let settings = RestSettings {
            check_interval_ms: 50.0,
            ..RestSettings::default()
        };
        let y0 = hh.initial_state();
        (hh, y0, settings, SolverSettings::default())
    }

    #[test]
    fn a_repeated_search_is_answered_bit_for_bit_without_searching() {
        let (hh, y0, settings, solver) = search_of(-71.234567);
        let before = Tally::of_this_thread();
        let first = equilibrate(&hh, &y0, &settings, true, &solver).unwrap();
        let again = equilibrate(&hh, &y0, &settings, true, &solver).unwrap();
        let uncached = steady_state::equilibrate(&hh, &y0, &settings, true, &solver).unwrap();
        assert_eq!((Tally::of_this_thread() - before).rest_searches, 1);
        assert!(first.1.converged && first.1.simulated_ms > 0.0);
        for (a, b) in first.0.iter().zip(again.0.iter()) {
            assert_eq!(a.to_bits(), b.to_bits());
        }
        assert_eq!(first, again);
        assert_eq!(first, uncached);
    }

    #[test]
    fn inputs_that_differ_in_one_bit_or_one_setting_are_searched_again() {
        let (hh, y0, settings, solver) = search_of(-72.345678);
        let mut nudged = y0;
        nudged[0] = f64::from_bits(y0[0].to_bits() + 1);
        let other_model = model(f64::from_bits((-72.345678f64).to_bits() + 1));
        let looser = RestSettings {
            tolerance_per_ms: 1e-8,
            ..settings
        };
        let before = Tally::of_this_thread();
        equilibrate(&hh, &y0, &settings, true, &solver).unwrap();
        equilibrate(&hh, &nudged, &settings, true, &solver).unwrap();
        equilibrate(&other_model, &y0, &settings, true, &solver).unwrap();
        equilibrate(&hh, &y0, &looser, true, &solver).unwrap();
        equilibrate(&hh, &y0, &settings, false, &solver).unwrap();
        assert_eq!((Tally::of_this_thread() - before).rest_searches, 5);
        assert_ne!(
            key(&hh, &y0, &settings, true, &solver),
            key(&hh, &nudged, &settings, true, &solver)
        );
    }
}
