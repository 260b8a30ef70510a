//! Figures of a finished sweep, drawn from its results.csv and sweep.json
//! (so `endplate plot DIR` can redraw them any time): one figure per
//! numeric metric, as PNG and SVG in `DIR/plots/`.
//!
//! - one axis (or zipped axes, plotted against the first): the metric
//!   against the parameter, a line through the points that have a value;
//! - two axes on a grid: a heatmap, one cell per point, with a colour bar;
//! - two axes drawn at random: the same, one dot per point;
//! - more axes: no figure (results.csv has the data).
//!
//! Labels carry the units of the key names' suffixes ([`units::label`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::output::atomic::{AtomicFile, commit_all};
use crate::output::heatmap::{self, Heatmap, Marks};
use crate::output::plot::{self, Figure, Panel, Series};
use crate::sweep::manifest::Manifest;
use crate::sweep::results::{self, RESULTS};
use crate::sweep::units;

/// The folder of figures inside a results folder.
pub const PLOTS: &str = "plots";

/// What [`draw`] made.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// The figures written (PNG and SVG of each metric).
    pub files: Vec<PathBuf>,
    /// Why some or all metrics have no figure, if that is so.
    pub notes: Vec<String>,
}

/// Draws the figures of the results in `dir` into `dir/plots/`.
pub fn draw(dir: &Path) -> io::Result<Drawn> {
    let manifest = Manifest::read(dir).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot read {}: {e}", dir.join("sweep.json").display()),
        )
    })?;
    let mut drawn = Drawn {
        files: Vec::new(),
        notes: Vec::new(),
    };
    let dimensions = match (manifest.axes.len(), manifest.design.as_str()) {
        (_, "zip") | (1, _) => 1,
        (2, _) => 2,
        (n, _) => {
            drawn.notes.push(format!(
                "no figures for a sweep over {n} axes; results.csv has the data"
            ));
            return Ok(drawn);
        }
    };
    let folder = dir.join(PLOTS);
    fs::create_dir_all(&folder)?;
    let mut files: Vec<AtomicFile> = Vec::new();
    for metric in &manifest.metrics {
        // One metric at a time: memory holds three columns, whatever the number of metrics.
        let mut names: Vec<String> = manifest
            .axes
            .iter()
            .take(dimensions)
            .map(|a| a.path.clone())
            .collect();
        names.push(metric.clone());
        let columns =
            results::read_columns(&dir.join(RESULTS), &names).map_err(io::Error::other)?;
        let values = &columns.values[dimensions];
        if values.iter().all(Option::is_none) {
            drawn
                .notes
                .push(format!("`{metric}` has no numeric value: no figure"));
            continue;
        }
        let stem = file_stem(metric);
        let png = folder.join(format!("{stem}.png"));
        let svg = folder.join(format!("{stem}.svg"));
        let title = format!("{}: {}", manifest.name, units::label(metric));
        let pair = if dimensions == 1 {
            // A line cannot show a point without a value: the title says how many failed.
            let failed = match manifest.failed_points {
                Some(0) | None => String::new(),
                Some(n) => format!(
                    " ({} failed, not drawn)",
                    crate::output::counted(n, "point")
                ),
            };
            line(
                &(title + &failed),
                &manifest.axes[0].path,
                metric,
                &columns.values[0],
                values,
                &png,
                &svg,
            )?
        } else {
            let axes = &manifest.axes;
            heatmap::render(
                &Heatmap {
                    title: &title,
                    x_label: &units::label(&axes[0].path),
                    y_label: &units::label(&axes[1].path),
                    value_label: &units::label(metric),
                    x: &columns.values[0],
                    y: &columns.values[1],
                    values,
                    x_log: axes[0].log,
                    y_log: axes[1].log,
                    marks: if manifest.design == "grid" {
                        Marks::Cells
                    } else {
                        Marks::Dots
                    },
                },
                &png,
                &svg,
            )?
        };
        files.extend(pair);
        drawn.files.extend([png, svg]);
    }
    commit_all(files)?;
    Ok(drawn)
}

/// The metric against the parameter, through the points that have both.
fn line(
    title: &str,
    axis: &str,
    metric: &str,
    x: &[Option<f64>],
    y: &[Option<f64>],
    png: &Path,
    svg: &Path,
) -> io::Result<[AtomicFile; 2]> {
    let mut points: Vec<(f64, f64)> = x
        .iter()
        .zip(y)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (xs, ys): (Vec<f64>, Vec<f64>) = m4(&points, plot::FIGURE_SIZE.0 as usize)
        .into_iter()
        .unzip();
    let (x_label, y_label) = (units::label(axis), units::label(metric));
    let figure = Figure {
        title,
        x_label: &x_label,
        panels: vec![Panel {
            y_label: &y_label,
            series: vec![Series {
                label: "",
                x: &xs,
                y: &ys,
            }],
            height_share: 1.0,
            y_bands: Vec::new(),
        }],
        x_bands: Vec::new(),
        stimuli: Vec::new(),
    };
    plot::render(&figure, png, svg)
}

/// The points of a line sorted by x, reduced to what `columns` pixel
/// columns can show: in each column its first, lowest, highest and last
/// point, in order. The line drawn is the same as with every point (M4
/// aggregation: Jugel, Jerzak, Hackenbroich & Markl 2014, "M4: a
/// visualization-oriented time series data aggregation", PVLDB 7:797),
/// and a 10⁵-point sweep draws no bigger a figure than a 10³-point one.
fn m4(points: &[(f64, f64)], columns: usize) -> Vec<(f64, f64)> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    if points.len() <= 4 * columns || last.0 <= first.0 {
        return points.to_vec();
    }
    let width = (last.0 - first.0) / columns as f64;
    let column = |x: f64| (((x - first.0) / width) as usize).min(columns - 1);
    let mut kept = Vec::with_capacity(4 * columns);
    let mut start = 0;
    while start < points.len() {
        let here = column(points[start].0);
        let end = start + points[start..].partition_point(|p| column(p.0) == here);
        let bucket = &points[start..end];
        let lowest = (0..bucket.len()).min_by(|&a, &b| bucket[a].1.total_cmp(&bucket[b].1));
        let highest = (0..bucket.len()).max_by(|&a, &b| bucket[a].1.total_cmp(&bucket[b].1));
        let mut chosen: Vec<usize> = [Some(0), lowest, highest, Some(bucket.len() - 1)]
            .into_iter()
            .flatten()
            .collect();
        chosen.sort_unstable();
        chosen.dedup();
        kept.extend(chosen.into_iter().map(|i| bucket[i]));
        start = end;
    }
    kept
}

/// A file name for a metric path: `first_spike.peak_mV`, `spike_times_ms_0_`.
fn file_stem(metric: &str) -> String {
    metric
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn m4_keeps_each_columns_first_extremes_and_last_in_order() {
        let points: Vec<(f64, f64)> = (0..1000)
            .map(|i| (i as f64, ((i * 37) % 101) as f64))
            .collect();
        let kept = m4(&points, 10);
        assert!(kept.len() <= 40, "{}", kept.len());
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "in x order");
        for column in 0..10 {
            let bucket: Vec<&(f64, f64)> =
                points[column * 100..(column + 1) * 100].iter().collect();
            let inside: Vec<&(f64, f64)> = kept
                .iter()
                .filter(|p| (p.0 as usize) / 100 == column)
                .collect();
            let lowest = bucket.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let highest = bucket.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
            assert_eq!(inside.first().unwrap().0, bucket[0].0);
            assert_eq!(inside.last().unwrap().0, bucket[99].0);
            assert!(inside.iter().any(|p| p.1 == lowest) && inside.iter().any(|p| p.1 == highest));
        }
        let few = &points[..30];
        assert_eq!(
            m4(few, 10),
            few.to_vec(),
            "few points are drawn as they are"
        );
    }
}
