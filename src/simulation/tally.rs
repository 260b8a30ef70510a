//! Counts of the side work behind a run — rest searches and the motor
//! unit's endplate measurements — kept per thread, so that a caller can
//! see what its own work cost whatever other threads do at the same time:
//! a sweep worker takes the difference around each point (a point runs on
//! one thread from start to end) and the sweep reports the sum; a test
//! checks that a path does not do work it does not need.

use std::cell::Cell;
use std::ops::{Add, AddAssign, Sub};

use serde::Serialize;

/// Side work done on one thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Searches for rest that integrated the model (a search answered by
    /// the rest cache is not one; [`crate::simulation::rest_cache`]).
    pub rest_searches: u64,
    /// Sets of endplate measurements of a motor unit (EPP, threshold
    /// quanta, safety factor; about fifteen short runs each).
    pub endplate_measurements: u64,
}

thread_local! {
    static THIS_THREAD: Cell<Tally> = const { Cell::new(Tally { rest_searches: 0, endplate_measurements: 0 }) };
}

impl Tally {
    /// Everything counted on the calling thread since it started.
    pub fn of_this_thread() -> Self {
        THIS_THREAD.with(Cell::get)
    }
}

fn add_here(work: Tally) {
    THIS_THREAD.with(|tally| tally.set(tally.get() + work));
}

/// Counts one rest search on the calling thread.
pub(crate) fn count_rest_search() {
    add_here(Tally {
        rest_searches: 1,
        endplate_measurements: 0,
    });
}

/// Counts one set of endplate measurements on the calling thread.
pub(crate) fn count_endplate_measurements() {
    add_here(Tally {
        rest_searches: 0,
        endplate_measurements: 1,
    });
}

impl Add for Tally {
    type Output = Self;
    fn add(self, other: Self) -> Self {
        Self {
            rest_searches: self.rest_searches + other.rest_searches,
            endplate_measurements: self.endplate_measurements + other.endplate_measurements,
        }
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Self) {
        *self = *self + other;
    }
}

impl Sub for Tally {
    type Output = Self;
    /// The work between an earlier reading (`other`) and this one.
    fn sub(self, other: Self) -> Self {
        Self {
            rest_searches: self.rest_searches - other.rest_searches,
            endplate_measurements: self.endplate_measurements - other.endplate_measurements,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_stay_on_their_thread() {
        let before = Tally::of_this_thread();
        count_rest_search();
        count_endplate_measurements();
        count_endplate_measurements();
        let other = std::thread::spawn(|| {
            count_rest_search();
            Tally::of_this_thread()
        })
        .join()
        .unwrap();
        assert_eq!(other.rest_searches, 1);
        let here = Tally::of_this_thread() - before;
        assert_eq!(
            here,
            Tally {
                rest_searches: 1,
                endplate_measurements: 2
            }
        );
    }
}
