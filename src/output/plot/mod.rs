//! Figures, as PNG and SVG, drawn with plotters, made to be projected in a
//! classroom.
//!
//! Text needs a font; plotters' `ab_glyph` feature draws with one we embed
//! (DejaVu Sans from the `dejavu` crate, Bitstream Vera licence), so no
//! system font or fontconfig is needed (../shared/CRATES.md §3).
//!
//! What every figure does, whoever draws it:
//! - a dense curve is drawn from its min/max per pixel column
//!   ([`envelope`]), so every action potential of a train shows its full
//!   height and the file's size does not grow with the samples;
//! - the PNG draws each segment on its own: plotters' thick polylines put a
//!   mitre at every turn, and at the near-reversals of a dense trace those
//!   mitres shot lines far outside the plot (the stray vertical line under
//!   the axis of the old multi-panel figures);
//! - a label has one colour in every panel of a figure;
//! - reference ranges and lines are shaded bands ([`Band`]) with one legend
//!   entry, stimulus onsets are ticks along the top of every panel;
//! - legends sit beside the plot, never over the data;
//! - a y-axis title shrinks to fit its panel, and tick labels carry as many
//!   decimals as the tick step needs (a narrow range still gets distinct
//!   ticks).

mod envelope;
#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::output::atomic::AtomicFile;

pub use envelope::min_max_runs;

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
    /// y values (a value that is not finite leaves a gap).
    pub y: &'a [f64],
}

/// A reference range drawn shaded across a panel (a normal range, a
/// clinical threshold); `from == to` draws a line.
#[derive(Debug, Clone, Copy)]
pub struct Band<'a> {
    /// Legend text (empty: no legend entry).
    pub label: &'a str,
    /// Start of the range, in the axis' unit.
    pub from: f64,
    /// End of the range, in the axis' unit.
    pub to: f64,
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
    /// Ranges of y shaded across this panel.
    pub y_bands: Vec<Band<'a>>,
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
    /// Ranges of x shaded through every panel, listed once in the top legend.
    pub x_bands: Vec<Band<'a>>,
    /// Stimulus onsets (in the x unit), ticked along the top of every panel.
    pub stimuli: Vec<f64>,
}

impl<'a> Panel<'a> {
    /// A panel of `series` with a unit share of the height and no bands.
    pub fn new(y_label: &'a str, series: Vec<Series<'a>>) -> Self {
        Panel {
            y_label,
            series,
            height_share: 1.0,
            y_bands: Vec::new(),
        }
    }

    /// The panel with `share` of the figure's height.
    pub fn with_height_share(mut self, share: f64) -> Self {
        self.height_share = share;
        self
    }

    /// The panel with `bands` of y shaded across it.
    pub fn with_y_bands(mut self, bands: Vec<Band<'a>>) -> Self {
        self.y_bands = bands;
        self
    }
}

impl<'a> Figure<'a> {
    /// A figure of `panels`, without bands or stimulus marks.
    pub fn new(title: &'a str, x_label: &'a str, panels: Vec<Panel<'a>>) -> Self {
        Figure {
            title,
            x_label,
            panels,
            x_bands: Vec::new(),
            stimuli: Vec::new(),
        }
    }

    /// The figure with `bands` of x shaded through every panel.
    pub fn with_x_bands(mut self, bands: Vec<Band<'a>>) -> Self {
        self.x_bands = bands;
        self
    }

    /// The figure with the stimulus onsets `stimuli` ticked along each panel's top.
    pub fn with_stimuli(mut self, stimuli: Vec<f64>) -> Self {
        self.stimuli = stimuli;
        self
    }
}

/// Ten colours told apart by most colour-blind viewers too (matplotlib's
/// "tab10", after Tableau's palette).
const COLOURS: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
];

/// Colour of a band without a label.
const UNLABELLED_BAND: RGBColor = RGBColor(127, 127, 127);

/// Colour of the stimulus ticks.
const STIMULUS_COLOUR: RGBColor = RGBColor(60, 60, 60);

/// Opacity of a shaded band.
const BAND_OPACITY: f64 = 0.18;

/// Line width of every curve (pixels).
const LINE_WIDTH: u32 = 2;

/// Font size of tick labels and legends (pixels).
const LABEL_FONT: u32 = 15;

/// Largest and smallest font size of an axis title (pixels).
const AXIS_TITLE_FONT: (u32, u32) = (17, 11);

/// Below this size a y-axis title goes on two lines instead (pixels).
const ONE_LINE_SMALLEST: u32 = 14;

/// Width of the y tick labels' column (pixels).
const Y_TICK_LABELS: i32 = 60;

/// Height of one legend row (pixels).
const LEGEND_ROW: i32 = 20;

/// Length of a stimulus tick (pixels).
const STIMULUS_TICK: i32 = 10;

/// Which colour each labelled thing of a figure gets: one per distinct
/// label, in the order labels first appear (panel by panel, series before
/// bands); every unlabelled series gets a colour of its own.
struct Palette<'a> {
    keys: Vec<Option<&'a str>>,
}

impl<'a> Palette<'a> {
    fn of(figure: &Figure<'a>) -> Self {
        let mut palette = Palette { keys: Vec::new() };
        for (index, panel) in figure.panels.iter().enumerate() {
            for series in &panel.series {
                palette.add(series.label);
            }
            if index == 0 {
                for band in figure.x_bands.iter().filter(|b| !b.label.is_empty()) {
                    palette.add(band.label);
                }
            }
            for band in panel.y_bands.iter().filter(|b| !b.label.is_empty()) {
                palette.add(band.label);
            }
        }
        palette
    }

    fn add(&mut self, label: &'a str) {
        if label.is_empty() || !self.keys.contains(&Some(label)) {
            self.keys.push((!label.is_empty()).then_some(label));
        }
    }

    /// The colour of a band: its label's, grey when it has none.
    fn band_colour(&self, label: &str) -> RGBColor {
        if label.is_empty() {
            UNLABELLED_BAND
        } else {
            self.colour(label, 0)
        }
    }

    /// The colour of `label`; the `nth_unlabelled` unlabelled thing of the
    /// figure when `label` is empty.
    fn colour(&self, label: &str, nth_unlabelled: usize) -> RGBColor {
        let index = if label.is_empty() {
            self.keys
                .iter()
                .enumerate()
                .filter(|(_, key)| key.is_none())
                .nth(nth_unlabelled)
                .map_or(0, |(index, _)| index)
        } else {
            self.keys
                .iter()
                .position(|key| *key == Some(label))
                .unwrap_or(0)
        };
        COLOURS[index % COLOURS.len()]
    }
}

/// What a legend row shows beside its text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Glyph {
    Line(RGBColor),
    Band(RGBColor),
    Tick,
}

/// One legend row.
#[derive(Debug, Clone, PartialEq)]
struct LegendRow {
    label: String,
    glyph: Glyph,
}

/// A rectangle in pixels of the whole figure: left, top, right, bottom.
pub(crate) type Rect = (i32, i32, i32, i32);

/// Where a panel was drawn, for the tests of the figure's properties.
#[derive(Debug, Clone)]
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "only the tests read where a panel went")
)]
pub(crate) struct PanelLayout {
    /// The plotting area (inside the axes).
    pub plot: Rect,
    /// The x and y ranges the plotting area spans.
    pub ranges: ((f64, f64), (f64, f64)),
    /// The legend box, if the panel has one.
    pub legend: Option<Rect>,
    /// The legend's texts, top to bottom.
    pub legend_labels: Vec<String>,
    /// Its y-axis title as drawn.
    pub y_title: AxisTitle,
}

/// How curves are stroked: one polyline per unbroken run (SVG, whose
/// renderers limit mitres), or each segment on its own (the bitmap backend,
/// whose mitres at sharp turns overshoot).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Stroke {
    Joined,
    Segments,
}

fn range_of(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = if hi > lo { 0.05 * (hi - lo) } else { 1.0 };
    (lo - pad, hi + pad)
}

/// Decimals a tick label needs for `count` ticks over `range` to differ.
fn decimals(range: (f64, f64), count: usize) -> usize {
    let step = (range.1 - range.0) / count.max(1) as f64;
    if step > 0.0 && step.is_finite() {
        (-step.log10()).ceil().clamp(0.0, 6.0) as usize
    } else {
        0
    }
}

/// `value` with `decimals` decimals, "0" rather than "-0" for a value that
/// rounds to zero from below.
fn tick_label(value: f64, decimals: usize) -> String {
    let label = format!("{value:.decimals$}");
    match label.strip_prefix('-') {
        Some(magnitude) if magnitude.chars().all(|c| c == '0' || c == '.') => magnitude.to_owned(),
        _ => label,
    }
}

/// Width of `text` in the label font (pixels); an estimate when the font
/// cannot measure it.
fn text_width(text: &str, size: u32) -> i32 {
    ("sans-serif", size).into_font().box_size(text).map_or(
        text.chars().count() as i32 * size as i32 * 6 / 10,
        |(w, _)| w as i32,
    )
}

/// An axis title laid out to fit a length: its lines and font size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AxisTitle {
    /// One line, or two split at the space nearest the middle.
    pub lines: Vec<String>,
    /// Font size (pixels).
    pub font: u32,
}

/// `title` at the largest font that fits `length` pixels on one line, else
/// on two lines, down to the smallest readable size (a projected figure
/// keeps its titles legible rather than shrinking them to fit one line).
fn fitted_title(title: &str, length: i32) -> AxisTitle {
    let (largest, smallest) = AXIS_TITLE_FONT;
    let fits = |lines: &[String], size| lines.iter().all(|l| text_width(l, size) <= length);
    let one = vec![title.to_owned()];
    if let Some(font) = (ONE_LINE_SMALLEST..=largest).rev().find(|&s| fits(&one, s)) {
        return AxisTitle { lines: one, font };
    }
    let middle = title.len() / 2;
    let two = title
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .min_by_key(|&(at, _)| at.abs_diff(middle))
        .map_or_else(
            || one.clone(),
            |(at, _)| vec![title[..at].to_owned(), title[at + 1..].to_owned()],
        );
    let font = (smallest..=largest)
        .rev()
        .find(|&s| fits(&two, s))
        .unwrap_or(smallest);
    AxisTitle { lines: two, font }
}

/// The legend rows of every panel: its labelled series and y bands, and on
/// the top panel the figure's x bands and the stimulus marks.
fn legend_rows(figure: &Figure<'_>, palette: &Palette<'_>) -> Vec<Vec<LegendRow>> {
    figure
        .panels
        .iter()
        .enumerate()
        .map(|(index, panel)| {
            let mut rows: Vec<LegendRow> = Vec::new();
            let mut push = |label: &str, glyph: Glyph| {
                if !label.is_empty() && !rows.iter().any(|r| r.label == label) {
                    rows.push(LegendRow {
                        label: label.to_owned(),
                        glyph,
                    });
                }
            };
            for series in &panel.series {
                push(series.label, Glyph::Line(palette.colour(series.label, 0)));
            }
            for band in &panel.y_bands {
                push(band.label, Glyph::Band(palette.band_colour(band.label)));
            }
            if index == 0 {
                for band in &figure.x_bands {
                    push(band.label, Glyph::Band(palette.band_colour(band.label)));
                }
                if !figure.stimuli.is_empty() {
                    push("stimulus", Glyph::Tick);
                }
            }
            rows
        })
        .collect()
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    figure: &Figure<'_>,
    stroke: Stroke,
) -> Result<Vec<PanelLayout>, String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let root = root.titled(figure.title, ("sans-serif", 26)).map_err(err)?;
    let total: f64 = figure.panels.iter().map(|p| p.height_share).sum();
    let (_, height) = root.dim_in_pixel();
    let mut remaining = root;
    // The x axis spans the data and the x bands (a failed sweep point is a
    // band that must show even at the end of the range).
    let all_x = || {
        figure
            .panels
            .iter()
            .flat_map(|p| p.series.iter().flat_map(|s| s.x.iter().copied()))
            .chain(figure.x_bands.iter().flat_map(|b| [b.from, b.to]))
    };
    let x_range = range_of(all_x());
    // A time axis starts at 0 rather than in the padding before it; an axis
    // with negative values (a sweep over a reversal potential) keeps its range.
    let lowest_x = all_x()
        .filter(|x| x.is_finite())
        .fold(f64::INFINITY, f64::min);
    let x_range = if lowest_x >= 0.0 {
        (x_range.0.max(0.0), x_range.1)
    } else {
        x_range
    };
    let palette = Palette::of(figure);
    let legends = legend_rows(figure, &palette);
    let legend_width = legends
        .iter()
        .flatten()
        .map(|row| text_width(&row.label, LABEL_FONT) + 44)
        .max()
        .unwrap_or(0);
    let legend_space = if legend_width > 0 {
        legend_width + 16
    } else {
        0
    };
    // Each panel's title is fitted to the panel's height; the column of y
    // labels is as wide as the most lines any panel needs, so the panels'
    // plots stay aligned.
    let margin = 12;
    let titles: Vec<AxisTitle> = figure
        .panels
        .iter()
        .enumerate()
        .map(|(index, panel)| {
            let x_label_area = if index + 1 == figure.panels.len() {
                45
            } else {
                20
            };
            let share = f64::from(height) * panel.height_share / total;
            fitted_title(panel.y_label, share as i32 - 2 * margin - x_label_area)
        })
        .collect();
    let y_label_area = Y_TICK_LABELS
        + titles
            .iter()
            .map(|t| t.lines.len() as i32 * (t.font as i32 + 4))
            .max()
            .unwrap_or(0)
        + 6;
    let mut unlabelled = 0;
    let mut layouts = Vec::with_capacity(figure.panels.len());
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
        let y_range = range_of(
            panel
                .series
                .iter()
                .flat_map(|s| s.y.iter().copied())
                .chain(panel.y_bands.iter().flat_map(|b| [b.from, b.to])),
        );
        let x_label_area = if last { 45 } else { 20 };
        let mut chart = ChartBuilder::on(&area)
            .margin(margin)
            .margin_right(margin + legend_space)
            .x_label_area_size(x_label_area)
            .y_label_area_size(y_label_area)
            .build_cartesian_2d(x_range.0..x_range.1, y_range.0..y_range.1)
            .map_err(err)?;
        let plot_height = area.dim_in_pixel().1 as i32 - 2 * margin - x_label_area;
        let y_title = titles[index].clone();
        // Plotters keeps at most this many "nice" ticks and may show fewer (a
        // request of 3 over 4.5–17 mM showed one), so a short panel asks for 5.
        let y_ticks = ((plot_height / 30) as usize).clamp(5, 10);
        let x_ticks = 10;
        let (x_decimals, y_decimals) = (decimals(x_range, x_ticks), decimals(y_range, y_ticks));
        let x_format = |v: &f64| tick_label(*v, x_decimals);
        let y_format = |v: &f64| tick_label(*v, y_decimals);
        let mut mesh = chart.configure_mesh();
        mesh.y_labels(y_ticks)
            .x_labels(x_ticks)
            .x_label_formatter(&x_format)
            .y_label_formatter(&y_format)
            .label_style(("sans-serif", LABEL_FONT))
            .axis_desc_style(("sans-serif", AXIS_TITLE_FONT.0));
        if last {
            mesh.x_desc(figure.x_label);
        }
        mesh.draw().map_err(err)?;
        let (pixels_x, pixels_y) = chart.plotting_area().get_pixel_range();
        draw_y_title(&area, &y_title, margin, (pixels_y.start + pixels_y.end) / 2).map_err(err)?;
        let pixels_per_x = pixels_x.len() as f64 / (x_range.1 - x_range.0);
        let pixels_per_y = pixels_y.len() as f64 / (y_range.1 - y_range.0);
        let pixel_width = |from: f64, to: f64| (to - from) * pixels_per_x;
        let pixel_height = |from: f64, to: f64| (to - from) * pixels_per_y;

        for band in &figure.x_bands {
            let colour = palette.band_colour(band.label);
            let (from, to) = (band.from.max(x_range.0), band.to.min(x_range.1));
            if from > to {
                continue;
            }
            if pixel_width(from, to) < 2.0 {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(from, y_range.0), (from, y_range.1)],
                        colour.stroke_width(LINE_WIDTH),
                    )))
                    .map_err(err)?;
            } else {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(from, y_range.0), (to, y_range.1)],
                        colour.mix(BAND_OPACITY).filled(),
                    )))
                    .map_err(err)?;
            }
        }
        for band in &panel.y_bands {
            let colour = palette.band_colour(band.label);
            let (from, to) = (band.from.max(y_range.0), band.to.min(y_range.1));
            if from > to {
                continue;
            }
            if pixel_height(from, to) < 2.0 {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x_range.0, from), (x_range.1, from)],
                        colour.stroke_width(LINE_WIDTH),
                    )))
                    .map_err(err)?;
            } else {
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(x_range.0, from), (x_range.1, to)],
                        colour.mix(BAND_OPACITY).filled(),
                    )))
                    .map_err(err)?;
            }
        }

        let columns = pixels_x.len().max(1);
        for series in &panel.series {
            let colour = if series.label.is_empty() {
                unlabelled += 1;
                palette.colour("", unlabelled - 1)
            } else {
                palette.colour(series.label, 0)
            };
            let style = colour.stroke_width(LINE_WIDTH);
            for run in min_max_runs(series.x, series.y, x_range, columns) {
                if let [point] = run[..] {
                    chart
                        .draw_series(std::iter::once(Circle::new(point, 2, colour.filled())))
                        .map_err(err)?;
                    continue;
                }
                match stroke {
                    Stroke::Joined => {
                        chart
                            .draw_series(LineSeries::new(run, style))
                            .map_err(err)?;
                    }
                    Stroke::Segments => {
                        chart
                            .draw_series(
                                run.windows(2)
                                    .map(|pair| PathElement::new(pair.to_vec(), style)),
                            )
                            .map_err(err)?;
                    }
                }
            }
        }

        let tick =
            (y_range.1 - y_range.0) * f64::from(STIMULUS_TICK) / pixels_y.len().max(1) as f64;
        chart
            .draw_series(
                figure
                    .stimuli
                    .iter()
                    .filter(|&&t| t >= x_range.0 && t <= x_range.1)
                    .map(|&t| {
                        PathElement::new(
                            vec![(t, y_range.1), (t, y_range.1 - tick)],
                            STIMULUS_COLOUR.stroke_width(LINE_WIDTH),
                        )
                    }),
            )
            .map_err(err)?;

        let rows = &legends[index];
        let legend = if rows.is_empty() {
            None
        } else {
            let left = pixels_x.end + 12;
            let top = pixels_y.start + 2;
            let rect = (
                left,
                top,
                left + legend_width,
                top + LEGEND_ROW * rows.len() as i32 + 8,
            );
            draw_legend(&area, rect, rows).map_err(err)?;
            Some(rect)
        };
        layouts.push(PanelLayout {
            plot: (pixels_x.start, pixels_y.start, pixels_x.end, pixels_y.end),
            ranges: (x_range, y_range),
            legend,
            legend_labels: rows.iter().map(|r| r.label.clone()).collect(),
            y_title,
        });
    }
    Ok(layouts)
}

/// Draws the y-axis `title` rotated, its lines side by side from `left`
/// pixels into `area`, centred on the figure's pixel row `middle`.
fn draw_y_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &AxisTitle,
    left: i32,
    middle: i32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = TextStyle::from(("sans-serif", title.font).into_font())
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let row = middle - area.get_base_pixel().1;
    for (k, line) in title.lines.iter().enumerate() {
        let column = left + (title.font as i32 + 4) * k as i32 + title.font as i32 / 2;
        area.draw(&Text::new(line.clone(), (column, row), style.clone()))?;
    }
    Ok(())
}

/// Draws the legend `rows` in `rect` (pixels of the whole figure) on `area`.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: Rect,
    rows: &[LegendRow],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (base_x, base_y) = area.get_base_pixel();
    let at = |x: i32, y: i32| (x - base_x, y - base_y);
    let (left, top, right, bottom) = rect;
    area.draw(&Rectangle::new(
        [at(left, top), at(right, bottom)],
        WHITE.filled(),
    ))?;
    area.draw(&Rectangle::new(
        [at(left, top), at(right, bottom)],
        BLACK.stroke_width(1),
    ))?;
    for (k, row) in rows.iter().enumerate() {
        let middle = top + 4 + LEGEND_ROW * k as i32 + LEGEND_ROW / 2;
        let (glyph_left, glyph_right) = (left + 8, left + 32);
        match row.glyph {
            Glyph::Line(colour) => area.draw(&PathElement::new(
                vec![at(glyph_left, middle), at(glyph_right, middle)],
                colour.stroke_width(LINE_WIDTH),
            ))?,
            Glyph::Band(colour) => area.draw(&Rectangle::new(
                [at(glyph_left, middle - 6), at(glyph_right, middle + 6)],
                colour.mix(BAND_OPACITY * 2.0).filled(),
            ))?,
            Glyph::Tick => area.draw(&PathElement::new(
                vec![
                    at(glyph_left + 12, middle - 6),
                    at(glyph_left + 12, middle + 6),
                ],
                STIMULUS_COLOUR.stroke_width(LINE_WIDTH),
            ))?,
        }
        area.draw(&Text::new(
            row.label.clone(),
            at(glyph_right + 6, middle - 6),
            ("sans-serif", LABEL_FONT).into_font(),
        ))?;
    }
    Ok(())
}

/// Draws `figure` into an RGB buffer of [`FIGURE_SIZE`], returning where its
/// panels went (the tests read the pixels).
#[cfg(test)]
pub(crate) fn draw_pixels(figure: &Figure<'_>) -> (Vec<u8>, Vec<PanelLayout>) {
    register_font();
    let mut pixels = crate::output::png::blank(FIGURE_SIZE);
    let layout = {
        let root = BitMapBackend::with_buffer(&mut pixels, FIGURE_SIZE).into_drawing_area();
        let layout = draw(root.clone(), figure, Stroke::Segments).expect("drawn");
        root.present().expect("presented");
        layout
    };
    (pixels, layout)
}

/// Draws `figure` as SVG text.
pub fn svg_text(figure: &Figure<'_>) -> io::Result<String> {
    register_font();
    let mut svg_text = String::new();
    {
        let root = SVGBackend::with_string(&mut svg_text, FIGURE_SIZE).into_drawing_area();
        draw(root.clone(), figure, Stroke::Joined).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    Ok(svg_text)
}

/// Draws `figure` as PNG and SVG at `png` and `svg`, returning both files uncommitted.
pub fn render(figure: &Figure<'_>, png: &Path, svg: &Path) -> io::Result<[AtomicFile; 2]> {
    register_font();
    let mut pixels = crate::output::png::blank(FIGURE_SIZE);
    {
        let root = BitMapBackend::with_buffer(&mut pixels, FIGURE_SIZE).into_drawing_area();
        draw(root.clone(), figure, Stroke::Segments).map_err(io::Error::other)?;
        root.present()
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut png_file = AtomicFile::create(png)?;
    crate::output::png::write_rgb(png_file.writer(), &pixels, FIGURE_SIZE)?;
    let svg_text = svg_text(figure)?;
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
