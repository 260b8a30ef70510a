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
use crate::output::plot::{self, Band, Figure, Panel, Series};
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
            // A failed point has no value to draw: a line marks where it
            // is, and the title says how many.
            let failed = match manifest.failed_points {
                Some(0) | None => String::new(),
                Some(n) => format!(" ({} failed, marked)", crate::output::counted(n, "point")),
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

/// The metric against the parameter, through the points that have both;
/// a point whose metric is missing (it failed) is a vertical line at its
/// parameter value. The figure draws the min/max of each pixel column, so a
/// 10⁵-point sweep draws no bigger a figure than a 10³-point one.
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
    let (xs, ys): (Vec<f64>, Vec<f64>) = points.into_iter().unzip();
    let failed = x
        .iter()
        .zip(y)
        .filter_map(|(x, y)| if y.is_none() { *x } else { None })
        .map(|at| Band {
            label: "failed point",
            from: at,
            to: at,
        })
        .collect();
    let (x_label, y_label) = (units::label(axis), units::label(metric));
    let figure = Figure::new(
        title,
        &x_label,
        vec![Panel::new(
            &y_label,
            vec![Series {
                label: "",
                x: &xs,
                y: &ys,
            }],
        )],
    )
    .with_x_bands(failed);
    plot::render(&figure, png, svg)
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
