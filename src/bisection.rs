//! Threshold searches: the smallest input that makes something happen (a
//! spike), when "happens" is monotonic in the input — the rheobase of a
//! step, the threshold quantal content of a release.
//!
//! The input is doubled from a start until the event happens (or passes a
//! limit), then the bracket [0, high] is halved until it is narrower than a
//! fraction of its upper end. The result is the upper end: an input that
//! was seen to work.

/// The smallest input in (0, `limit`] for which `happens` is true, to within
/// `relative_precision` of it, searching upward from `start` (> 0);
/// `None` when even `limit` does not make it happen. Errors of `happens`
/// (a failed run) end the search.
pub fn smallest_that_happens<E>(
    start: f64,
    limit: f64,
    relative_precision: f64,
    mut happens: impl FnMut(f64) -> Result<bool, E>,
) -> Result<Option<f64>, E> {
    let mut high = start;
    while !happens(high)? {
        high *= 2.0;
        if high > limit {
            return Ok(None);
        }
    }
    let (_, high) = narrow(
        0.0,
        high,
        |low, high| high - low <= relative_precision * high,
        happens,
    )?;
    Ok(Some(high))
}

/// Halves the bracket [`low`, `high`] — `on_high_side` false at `low`, true
/// at `high` — until `narrow_enough(low, high)`; returns the final bracket.
pub fn narrow<E>(
    mut low: f64,
    mut high: f64,
    narrow_enough: impl Fn(f64, f64) -> bool,
    mut on_high_side: impl FnMut(f64) -> Result<bool, E>,
) -> Result<(f64, f64), E> {
    while !narrow_enough(low, high) {
        let middle = 0.5 * (low + high);
        if on_high_side(middle)? {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_step_threshold_from_above_within_the_precision() {
        let found = smallest_that_happens(1.0, 1e6, 1e-3, |x| Ok::<_, ()>(x >= 37.3))
            .unwrap()
            .unwrap();
        assert!((37.3..=37.3 * (1.0 + 1e-3)).contains(&found), "{found}");
    }

    #[test]
    fn gives_none_past_the_limit_and_passes_errors_on() {
        assert_eq!(
            smallest_that_happens(1.0, 100.0, 1e-3, |x| Ok::<_, ()>(x > 500.0)),
            Ok(None)
        );
        assert_eq!(
            smallest_that_happens(1.0, 100.0, 1e-3, |_| Err::<bool, _>("failed")),
            Err("failed")
        );
    }
}
