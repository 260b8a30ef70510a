//! Figures, as PNG and SVG, drawn with plotters.
//!
//! Text needs a font; plotters' `ab_glyph` feature draws with one we embed
//! (DejaVu Sans from the `dejavu` crate, Bitstream Vera licence), so no
//! system font or fontconfig is needed (../shared/CRATES.md §3).

use std::io::{self, Write};
use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::output::atomic::AtomicFile;

/// Size of every figure (pixels).
pub const FIGURE_SIZE: (u32, u32) = (1000, 640);

static FONT: Once = Once::new();

/// Registers the embedded font under the family name plotters asks for.
pub(crate) fn register_font() {
    FONT.call_once(|| {
        // Registration fails only for malformed font bytes; the bytes are
        // compiled in and exercised by the tests, so this cannot fail at run time.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
    });
}

/// One line of a panel.
#[derive(Debug, Clone, Copy)]
pub struct Series<'a> {
    /// Legend text (empty: no legend entry).
    pub label: &'a str,
    /// x values.
    pub x: &'a [f64],
    /// y values.
    pub y: &'a [f64],
}

/// One panel of a figure: a set of series on shared axes.
#[derive(Debug, Clone)]
pub struct Panel<'a> {
    /// y-axis label with unit.
    pub y_label: &'a str,
    /// The lines.
    pub series: Vec<Series<'a>>,
    /// Share of the figure's height (the shares of all panels are normalized).
    pub height_share: f64,
}

/// A figure of panels stacked vertically over a shared x axis.
#[derive(Debug, Clone)]
pub struct Figure<'a> {
    /// Title.
    pub title: &'a str,
    /// x-axis label with unit (drawn under the bottom panel).
    pub x_label: &'a str,
    /// Panels from top to bottom.
    pub panels: Vec<Panel<'a>>,
}

const COLOURS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
];

fn range_of<'a>(values: impl Iterator<Item = &'a f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { 0.05 * (hi - lo) } else { 1.0 };
    (lo - pad, hi + pad)
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    figure: &Figure<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let root = root.titled(figure.title, ("sans-serif", 26)).map_err(err)?;
    let total: f64 = figure.panels.iter().map(|p| p.height_share).sum();
    let (_, height) = root.dim_in_pixel();
    let mut remaining = root;
    let x_range = range_of(
        figure
            .panels
            .iter()
            .flat_map(|p| p.series.iter().flat_map(|s| s.x.iter())),
    );
    // A time axis starts at 0 rather than in the padding before it; an axis
    // with negative values (a sweep over a reversal potential) keeps its range.
    let lowest_x = figure
        .panels
        .iter()
        .flat_map(|p| p.series.iter().flat_map(|s| s.x.iter()))
        .fold(
            f64::INFINITY,
            |lo, &x| if x.is_finite() { lo.min(x) } else { lo },
        );
    let x_range = if lowest_x >= 0.0 {
        (x_range.0.max(0.0), x_range.1)
    } else {
        x_range
    };
    for (index, panel) in figure.panels.iter().enumerate() {
        let last = index + 1 == figure.panels.len();
        let area = if last {
            remaining.clone()
        } else {
            let split = (height as f64 * panel.height_share / total) as i32;
            let (top, bottom) = remaining.split_vertically(split);
            remaining = bottom;
            top
        };
        let y_range = range_of(panel.series.iter().flat_map(|s| s.y.iter()));
        let mut chart = ChartBuilder::on(&area)
            .margin(12)
            .x_label_area_size(if last { 45 } else { 20 })
            .y_label_area_size(80)
            .build_cartesian_2d(x_range.0..x_range.1, y_range.0..y_range.1)
            .map_err(err)?;
        let mut mesh = chart.configure_mesh();
        let y_ticks = ((area.dim_in_pixel().1 / 45) as usize).clamp(3, 10);
        mesh.y_desc(panel.y_label)
            .y_labels(y_ticks)
            .label_style(("sans-serif", 15))
            .axis_desc_style(("sans-serif", 17));
        if last {
            mesh.x_desc(figure.x_label);
        }
        mesh.draw().map_err(err)?;
        for (k, series) in panel.series.iter().enumerate() {
            let colour = COLOURS[k % COLOURS.len()];
            let line = chart
                .draw_series(LineSeries::new(
                    series.x.iter().copied().zip(series.y.iter().copied()),
                    colour.stroke_width(2),
                ))
                .map_err(err)?;
            if !series.label.is_empty() {
                line.label(series.label).legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(2))
                });
            }
        }
        if panel.series.iter().any(|s| !s.label.is_empty()) {
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK)
                .label_font(("sans-serif", 15))
                .draw()
                .map_err(err)?;
        }
    }
    Ok(())
}

/// Draws `figure` as PNG and SVG at `png` and `svg`, returning both files uncommitted.
pub fn render(figure: &Figure<'_>, png: &Path, svg: &Path) -> io::Result<[AtomicFile; 2]> {
    register_font();
    let png_file = AtomicFile::create(png)?;
    {
        let backend = BitMapBackend::new(png_file.temporary_path(), FIGURE_SIZE);
        let root = backend.into_drawing_area();
        draw(root.clone(), figure).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut svg_text = String::new();
    {
        let root = SVGBackend::with_string(&mut svg_text, FIGURE_SIZE).into_drawing_area();
        draw(root.clone(), figure).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut svg_file = AtomicFile::create(svg)?;
    svg_file.writer().write_all(svg_text.as_bytes())?;
    Ok([png_file, svg_file])
}

/// Draws `figure` to `folder/stem.png` and `folder/stem.svg`, creating the
/// folder, and commits both; returns their paths. What every teaching
/// example does with its figure.
pub fn save(figure: &Figure<'_>, folder: &Path, stem: &str) -> io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(folder)?;
    let files = render(
        figure,
        &folder.join(format!("{stem}.png")),
        &folder.join(format!("{stem}.svg")),
    )?;
    crate::output::atomic::commit_all(files.into())
}
