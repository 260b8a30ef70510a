//! A curve reduced to what a pixel column can show: min/max per column.
//!
//! A 2 s trace at 0.05 ms has 40 000 samples for some 800 pixel columns.
//! Drawing every segment makes the rasterizer pick, column by column, which
//! sub-pixel strokes survive, so a 100 Hz train shows some action potentials
//! at full height and others cut short (aliasing), and the figure's size
//! grows with the sample count. Keeping, in every column, the first, the
//! lowest, the highest and the last sample (in the order they occur) draws
//! exactly the same picture as the full curve at that resolution — every
//! spike reaches its peak — with at most four points a column. It is the
//! "min/max decimation" of oscilloscopes and of trace viewers such as
//! Plotly-Resampler (Van Der Donckt et al. 2022, "MinMaxLTTB").

/// The curve `(x, y)` as runs of points to join with lines, at most four
/// points per pixel column of `columns` columns spanning `x_range`.
///
/// A sample whose x or y is not finite breaks the curve (a gap, as a NaN
/// means "no value here"); each run is one unbroken piece. A curve with at
/// most one sample per column comes back unchanged.
pub fn min_max_runs(
    x: &[f64],
    y: &[f64],
    x_range: (f64, f64),
    columns: usize,
) -> Vec<Vec<(f64, f64)>> {
    let columns = columns.max(1);
    let span = x_range.1 - x_range.0;
    let column_of = |x: f64| -> usize {
        if span > 0.0 {
            (((x - x_range.0) / span) * columns as f64).clamp(0.0, (columns - 1) as f64) as usize
        } else {
            0
        }
    };
    let mut runs = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut column: Option<(usize, Column)> = None;
    for (index, (&xi, &yi)) in x.iter().zip(y).enumerate() {
        if !(xi.is_finite() && yi.is_finite()) {
            if let Some((_, open)) = column.take() {
                open.push_to(&mut run);
            }
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
            continue;
        }
        let here = column_of(xi);
        match &mut column {
            Some((c, open)) if *c == here => open.add(index, (xi, yi)),
            _ => {
                if let Some((_, open)) = column.take() {
                    open.push_to(&mut run);
                }
                column = Some((here, Column::new(index, (xi, yi))));
            }
        }
    }
    if let Some((_, open)) = column.take() {
        open.push_to(&mut run);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// The samples of one pixel column that its picture needs, each with its
/// index in the curve (so they are put back in the order they occur).
struct Column {
    first: (usize, (f64, f64)),
    lowest: (usize, (f64, f64)),
    highest: (usize, (f64, f64)),
    last: (usize, (f64, f64)),
}

impl Column {
    fn new(index: usize, point: (f64, f64)) -> Self {
        let sample = (index, point);
        Column {
            first: sample,
            lowest: sample,
            highest: sample,
            last: sample,
        }
    }

    fn add(&mut self, index: usize, point: (f64, f64)) {
        if point.1 < self.lowest.1.1 {
            self.lowest = (index, point);
        }
        if point.1 > self.highest.1.1 {
            self.highest = (index, point);
        }
        self.last = (index, point);
    }

    /// Appends the column's samples to `run` in the order they occur, each once.
    fn push_to(self, run: &mut Vec<(f64, f64)>) {
        let mut kept = [self.first, self.lowest, self.highest, self.last];
        kept.sort_by_key(|&(index, _)| index);
        let mut previous = None;
        for (index, point) in kept {
            if previous != Some(index) {
                run.push(point);
                previous = Some(index);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparse_curve_is_kept_as_it_is() {
        let x = [0.0, 1.0, 2.0, 3.0];
        let y = [5.0, -1.0, 2.0, 0.5];
        let runs = min_max_runs(&x, &y, (0.0, 3.0), 100);
        assert_eq!(
            runs,
            vec![vec![(0.0, 5.0), (1.0, -1.0), (2.0, 2.0), (3.0, 0.5)]]
        );
    }

    #[test]
    fn every_spike_of_a_dense_train_keeps_its_peak_and_trough() {
        // 200 spikes of 1 ms at 100 Hz, sampled every 0.01 ms, into 500
        // columns: 4 ms a column, so each column holds a spike and its peak.
        let x: Vec<f64> = (0..200_000).map(|i| i as f64 * 0.01).collect();
        let y: Vec<f64> = x
            .iter()
            .map(|t| {
                let phase = t % 10.0;
                if phase < 1.0 {
                    -80.0 + 120.0 * (1.0 - (2.0 * phase - 1.0).abs())
                } else {
                    -80.0
                }
            })
            .collect();
        let runs = min_max_runs(&x, &y, (0.0, 2000.0), 500);
        assert_eq!(runs.len(), 1);
        let points = &runs[0];
        assert!(points.len() <= 4 * 500, "{} points", points.len());
        let peaks = points.iter().filter(|p| p.1 > 39.0).count();
        assert_eq!(peaks, 200, "one kept peak per spike");
        assert!(points.iter().all(|p| p.1 >= -80.0 && p.1 <= 40.0));
        assert!(
            points.windows(2).all(|w| w[0].0 <= w[1].0),
            "time order kept"
        );
    }

    #[test]
    fn a_value_that_is_not_finite_breaks_the_curve() {
        let x = [0.0, 1.0, 2.0, 3.0, 4.0];
        let y = [1.0, 2.0, f64::NAN, 3.0, 4.0];
        let runs = min_max_runs(&x, &y, (0.0, 4.0), 10);
        assert_eq!(
            runs,
            vec![vec![(0.0, 1.0), (1.0, 2.0)], vec![(3.0, 3.0), (4.0, 4.0)]]
        );
    }

    #[test]
    fn the_size_does_not_grow_with_the_samples() {
        let sizes: Vec<usize> = [10_000usize, 1_000_000]
            .iter()
            .map(|&n| {
                let x: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
                let y: Vec<f64> = x.iter().map(|t| (t * 3000.0).sin()).collect();
                min_max_runs(&x, &y, (0.0, 1.0), 800)[0].len()
            })
            .collect();
        assert!(sizes.iter().all(|&s| s <= 4 * 800), "{sizes:?}");
    }
}
