//! Heatmaps, as PNG and SVG: a value over two parameters, coloured on the
//! viridis scale with a colour bar, for two-axis sweeps.
//!
//! Grid points are drawn as cells that reach halfway to their neighbours
//! (so uneven or logarithmic spacings tile the plane), scattered points as
//! dots. Points without a value (a failed point, a metric that does not
//! apply) are grey. Logarithmic axes are drawn in log10 and labelled with
//! the values themselves.
//!
//! Viridis (van der Walt & Smith 2015, matplotlib's default colour map,
//! CC0) is perceptually uniform and readable in grey and by colour-blind
//! readers; it is interpolated here between nine of its 256 entries.

use std::io::{self, Write};
use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::output::atomic::AtomicFile;
use crate::output::plot::{FIGURE_SIZE, register_font};

/// How points are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// Cells tiling a grid.
    Cells,
    /// A dot per point.
    Dots,
}

/// A value over two parameters: one entry per point in `x`, `y` and `values`.
#[derive(Debug, Clone)]
pub struct Heatmap<'a> {
    /// Title.
    pub title: &'a str,
    /// x-axis label with unit.
    pub x_label: &'a str,
    /// y-axis label with unit.
    pub y_label: &'a str,
    /// Colour-bar label with unit.
    pub value_label: &'a str,
    /// First parameter of each point (`None`: the point is left out).
    pub x: &'a [Option<f64>],
    /// Second parameter of each point.
    pub y: &'a [Option<f64>],
    /// The value of each point (`None`: drawn grey).
    pub values: &'a [Option<f64>],
    /// Draw x on a log scale.
    pub x_log: bool,
    /// Draw y on a log scale.
    pub y_log: bool,
    /// Cells or dots.
    pub marks: Marks,
}

/// Nine entries of viridis, at 0, 1/8, …, 1.
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 145, 140),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// Colour of points without a value.
const NO_VALUE: RGBColor = RGBColor(200, 200, 200);

/// Viridis at `f` ∈ [0, 1] (clamped).
pub fn viridis(f: f64) -> RGBColor {
    let f = if f.is_finite() {
        f.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let scaled = f * (VIRIDIS.len() - 1) as f64;
    let i = (scaled.floor() as usize).min(VIRIDIS.len() - 2);
    let t = scaled - i as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + t * (f64::from(b) - f64::from(a))).round() as u8;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// A tick label with three significant digits: plain for ordinary
/// magnitudes, scientific for tiny or huge ones.
fn tick(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-3..1e5).contains(&magnitude) {
        return format!("{value:.1e}");
    }
    let decimals = if magnitude == 0.0 {
        0
    } else {
        (2 - magnitude.log10().floor() as i32).max(0) as usize
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// The plotting coordinate of a value.
fn coordinate(value: f64, log: bool) -> f64 {
    if log { value.log10() } else { value }
}

/// For each point, the interval its cell covers along one axis: halfway to
/// the neighbouring distinct coordinates (a lone coordinate gets width 1).
fn cell_bounds(coordinates: &[f64]) -> Vec<(f64, f64)> {
    let mut distinct: Vec<f64> = coordinates.to_vec();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    coordinates
        .iter()
        .map(|&c| {
            let i = distinct.partition_point(|&d| d < c);
            let half_down = if i > 0 {
                (c - distinct[i - 1]) / 2.0
            } else {
                f64::NAN
            };
            let half_up = distinct.get(i + 1).map_or(f64::NAN, |&d| (d - c) / 2.0);
            let (down, up) = match (half_down.is_nan(), half_up.is_nan()) {
                (true, true) => (0.5, 0.5),
                (true, false) => (half_up, half_up),
                (false, true) => (half_down, half_down),
                (false, false) => (half_down, half_up),
            };
            (c - down, c + up)
        })
        .collect()
}

/// Smallest and largest finite entry, widened when they coincide.
fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        (0.0, 1.0)
    } else if hi > lo {
        (lo, hi)
    } else {
        let pad = if lo == 0.0 { 0.5 } else { lo.abs() * 0.05 };
        (lo - pad, hi + pad)
    }
}

/// Width of the colour bar area (pixels).
const BAR_AREA: u32 = 170;

fn draw<DB: DrawingBackend>(root: DrawingArea<DB, Shift>, map: &Heatmap<'_>) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let root = root.titled(map.title, ("sans-serif", 26)).map_err(err)?;
    let (width, _) = root.dim_in_pixel();
    let (main, bar) = root.split_horizontally(width.saturating_sub(BAR_AREA));

    let points: Vec<(f64, f64, Option<f64>)> = map
        .x
        .iter()
        .zip(map.y)
        .zip(map.values)
        .filter_map(|((x, y), v)| {
            let (x, y) = (coordinate((*x)?, map.x_log), coordinate((*y)?, map.y_log));
            (x.is_finite() && y.is_finite()).then_some((x, y, v.filter(|v| v.is_finite())))
        })
        .collect();
    let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1).collect();
    let (x_cells, y_cells) = (cell_bounds(&xs), cell_bounds(&ys));
    let x_range = extent(x_cells.iter().flat_map(|&(a, b)| [a, b]));
    let y_range = extent(y_cells.iter().flat_map(|&(a, b)| [a, b]));
    let (low, high) = extent(points.iter().filter_map(|p| p.2));
    let colour = |v: Option<f64>| v.map_or(NO_VALUE, |v| viridis((v - low) / (high - low)));

    let x_log = map.x_log;
    let y_log = map.y_log;
    let x_tick = move |v: &f64| tick(if x_log { 10f64.powf(*v) } else { *v });
    let y_tick = move |v: &f64| tick(if y_log { 10f64.powf(*v) } else { *v });
    let mut chart = ChartBuilder::on(&main)
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(80)
        .build_cartesian_2d(x_range.0..x_range.1, y_range.0..y_range.1)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(map.x_label)
        .y_desc(map.y_label)
        .x_label_formatter(&x_tick)
        .y_label_formatter(&y_tick)
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 17))
        .draw()
        .map_err(err)?;
    match map.marks {
        Marks::Cells => chart
            .draw_series(points.iter().zip(x_cells.iter().zip(&y_cells)).map(
                |(&(_, _, v), (&(x0, x1), &(y0, y1)))| {
                    Rectangle::new([(x0, y0), (x1, y1)], colour(v).filled())
                },
            ))
            .map(drop),
        Marks::Dots => chart
            .draw_series(
                points
                    .iter()
                    .map(|&(x, y, v)| Circle::new((x, y), 5, colour(v).filled())),
            )
            .map(drop),
    }
    .map_err(err)?;

    let missing = points.iter().any(|p| p.2.is_none());
    let bar_label = if missing {
        format!("{} (grey: no value)", map.value_label)
    } else {
        map.value_label.to_owned()
    };
    let mut scale = ChartBuilder::on(&bar)
        .margin_top(12)
        .margin_bottom(57)
        .margin_right(40)
        .y_label_area_size(90)
        .build_cartesian_2d(0.0..1.0, low..high)
        .map_err(err)?;
    scale
        .configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_desc(bar_label)
        .y_label_formatter(&|v: &f64| tick(*v))
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 17))
        .draw()
        .map_err(err)?;
    const STEPS: usize = 128;
    scale
        .draw_series((0..STEPS).map(|k| {
            let a = low + (high - low) * k as f64 / STEPS as f64;
            let b = low + (high - low) * (k + 1) as f64 / STEPS as f64;
            Rectangle::new(
                [(0.0, a), (1.0, b)],
                viridis((k as f64 + 0.5) / STEPS as f64).filled(),
            )
        }))
        .map_err(err)?;
    Ok(())
}

/// Draws `map` as PNG and SVG at `png` and `svg`, returning both files uncommitted.
pub fn render(map: &Heatmap<'_>, png: &Path, svg: &Path) -> io::Result<[AtomicFile; 2]> {
    register_font();
    let mut pixels = crate::output::png::blank(FIGURE_SIZE);
    {
        let root = BitMapBackend::with_buffer(&mut pixels, FIGURE_SIZE).into_drawing_area();
        draw(root.clone(), map).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut png_file = AtomicFile::create(png)?;
    crate::output::png::write_rgb(png_file.writer(), &pixels, FIGURE_SIZE)?;
    let mut svg_text = String::new();
    {
        let root = SVGBackend::with_string(&mut svg_text, FIGURE_SIZE).into_drawing_area();
        draw(root.clone(), map).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut svg_file = AtomicFile::create(svg)?;
    svg_file.writer().write_all(svg_text.as_bytes())?;
    Ok([png_file, svg_file])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_runs_from_purple_to_yellow_and_clamps() {
        assert_eq!(viridis(0.0), RGBColor(68, 1, 84));
        assert_eq!(viridis(1.0), RGBColor(253, 231, 37));
        assert_eq!(viridis(0.5), RGBColor(33, 145, 140));
        assert_eq!(viridis(-3.0), viridis(0.0));
        assert_eq!(viridis(f64::NAN), viridis(0.0));
        let mid = viridis(1.0 / 16.0);
        assert_eq!(mid, RGBColor(70, 23, 103));
    }

    #[test]
    fn cells_reach_halfway_to_their_neighbours() {
        let bounds = cell_bounds(&[0.0, 1.0, 3.0, 1.0]);
        assert_eq!(bounds, [(-0.5, 0.5), (0.5, 2.0), (2.0, 4.0), (0.5, 2.0)]);
        assert_eq!(cell_bounds(&[5.0]), [(4.5, 5.5)]);
    }

    #[test]
    fn ticks_are_short() {
        assert_eq!(tick(2.5), "2.5");
        assert_eq!(tick(40.0), "40");
        assert_eq!(tick(0.0), "0");
        assert_eq!(tick(1e-6), "1.0e-6");
        assert_eq!(tick(1.58489), "1.58");
        assert_eq!(tick(15.8489), "15.8");
        assert_eq!(tick(350.0), "350");
        assert_eq!(tick(0.0251), "0.0251");
    }
}
