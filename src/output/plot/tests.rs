//! The properties a projected figure needs, checked on the pixels of the PNG
//! and on the SVG text (issue 15, point 3).

use super::*;

const BLUE: RGBColor = COLOURS[0];
const RED: RGBColor = COLOURS[1];

/// A train of identical action potentials: a 0.2 ms upstroke from −80 to
/// +40 mV, an exponential repolarization (τ 0.5 ms), one every `interval_ms`,
/// sampled every `dt_ms` over `duration_ms`.
fn train(duration_ms: f64, interval_ms: f64, dt_ms: f64) -> (Vec<f64>, Vec<f64>) {
    let t: Vec<f64> = (0..=(duration_ms / dt_ms) as usize)
        .map(|i| i as f64 * dt_ms)
        .collect();
    let v = t
        .iter()
        .map(|&t| {
            let phase = t % interval_ms;
            if phase < 0.2 {
                -80.0 + 120.0 * phase / 0.2
            } else {
                -80.0 + 120.0 * (-(phase - 0.2) / 0.5).exp()
            }
        })
        .collect();
    (t, v)
}

fn pixel(pixels: &[u8], x: i32, y: i32) -> RGBColor {
    let at = ((y as u32 * FIGURE_SIZE.0 + x as u32) * 3) as usize;
    RGBColor(pixels[at], pixels[at + 1], pixels[at + 2])
}

fn inside(rect: Rect, x: i32, y: i32, slack: i32) -> bool {
    x >= rect.0 - slack && x <= rect.2 + slack && y >= rect.1 - slack && y <= rect.3 + slack
}

/// A panel of one curve.
fn one_curve<'a>(y_label: &'a str, label: &'a str, x: &'a [f64], y: &'a [f64]) -> Panel<'a> {
    Panel::new(y_label, vec![Series { label, x, y }])
}

/// The pixel column of `x` in a panel.
fn column_of(layout: &PanelLayout, x: f64) -> i32 {
    let ((x0, x1), _) = layout.ranges;
    let (left, _, right, _) = layout.plot;
    left + ((x - x0) / (x1 - x0) * f64::from(right - left)).round() as i32
}

#[test]
fn every_action_potential_of_a_dense_train_reaches_its_peak() {
    // The quick-start figure's case: a 100 Hz train over 2 s at 0.01 ms.
    let (t, v) = train(2000.0, 10.0, 0.01);
    let figure = Figure::new(
        "train",
        "time (ms)",
        vec![one_curve("V (mV)", "fibre", &t, &v)],
    );
    let (pixels, layout) = draw_pixels(&figure);
    let panel = &layout[0];
    let tops: Vec<i32> = (0..200)
        .map(|k| {
            let peak_column = column_of(panel, k as f64 * 10.0 + 0.2);
            (peak_column - 2..=peak_column + 2)
                .flat_map(|x| (panel.plot.1..panel.plot.3).map(move |y| (x, y)))
                .filter(|&(x, y)| pixel(&pixels, x, y) == BLUE)
                .map(|(_, y)| y)
                .min()
                .unwrap_or(i32::MAX)
        })
        .collect();
    let highest = *tops.iter().min().expect("spikes");
    let short: Vec<usize> = (0..200).filter(|&k| tops[k] > highest + 1).collect();
    assert!(
        short.is_empty(),
        "spikes drawn short of the peak: {short:?}"
    );
}

#[test]
fn no_curve_is_drawn_outside_its_panel() {
    let (t, v) = train(2000.0, 10.0, 0.05);
    let force: Vec<f64> = t.iter().map(|t| (t / 300.0).sin().abs()).collect();
    let figure = Figure::new(
        "two panels",
        "time (ms)",
        vec![
            one_curve("V (mV)", "normal", &t, &v),
            one_curve("force", "hypo", &t, &force),
        ],
    );
    let (pixels, layout) = draw_pixels(&figure);
    let mut stray = Vec::new();
    for y in 0..FIGURE_SIZE.1 as i32 {
        for x in 0..FIGURE_SIZE.0 as i32 {
            let colour = pixel(&pixels, x, y);
            if colour != BLUE && colour != RED {
                continue;
            }
            let placed = layout.iter().any(|panel| {
                inside(panel.plot, x, y, LINE_WIDTH as i32)
                    || panel.legend.is_some_and(|legend| inside(legend, x, y, 0))
            });
            if !placed {
                stray.push((x, y));
            }
        }
    }
    assert!(
        stray.is_empty(),
        "{} curve pixels outside the panels, first {:?}",
        stray.len(),
        stray.first()
    );
}

#[test]
fn legends_sit_beside_the_data_never_over_it() {
    let (t, v) = train(500.0, 10.0, 0.05);
    let figure = Figure::new(
        "legends",
        "time (ms)",
        vec![
            Panel::new(
                "V (mV)",
                vec![
                    Series {
                        label: "a rather long label for a curve",
                        x: &t,
                        y: &v,
                    },
                    Series {
                        label: "b",
                        x: &t,
                        y: &v,
                    },
                ],
            ),
            one_curve("V (mV)", "c", &t, &v),
        ],
    );
    let (_, layout) = draw_pixels(&figure);
    for panel in &layout {
        let legend = panel.legend.expect("a legend");
        assert!(
            legend.0 > panel.plot.2,
            "legend {legend:?} over plot {:?}",
            panel.plot
        );
        assert!(
            legend.2 < FIGURE_SIZE.0 as i32,
            "legend {legend:?} off the figure"
        );
    }
    assert_eq!(layout[0].plot.0, layout[1].plot.0, "panels aligned");
    assert_eq!(layout[0].plot.2, layout[1].plot.2, "panels aligned");
}

#[test]
fn a_label_has_one_colour_in_every_panel() {
    let x = [0.0, 1.0, 2.0];
    let (a, b) = ([0.0, 1.0, 0.0], [1.0, 0.0, 1.0]);
    let figure = Figure::new(
        "colours",
        "x",
        vec![
            Panel::new(
                "top",
                vec![
                    Series {
                        label: "normal",
                        x: &x,
                        y: &a,
                    },
                    Series {
                        label: "low Ca",
                        x: &x,
                        y: &b,
                    },
                ],
            ),
            one_curve("bottom", "low Ca", &x, &b),
        ],
    );
    let (pixels, layout) = draw_pixels(&figure);
    let bottom = layout[1].plot;
    let count = |colour| {
        (bottom.1..bottom.3)
            .flat_map(|y| (bottom.0..bottom.2).map(move |x| (x, y)))
            .filter(|&(x, y)| pixel(&pixels, x, y) == colour)
            .count()
    };
    assert!(count(RED) > 100, "low Ca is red in the bottom panel too");
    assert_eq!(count(BLUE), 0, "no blue curve in the bottom panel");
}

#[test]
fn a_reference_range_is_a_band_with_one_legend_entry() {
    let x = [0.3, 0.8, 1.4];
    let y = [10.0, 5.0, 0.0];
    let bands = vec![
        Band {
            label: "normal range",
            from: 1.15,
            to: 1.33,
        },
        Band {
            label: "threshold",
            from: 0.4,
            to: 0.4,
        },
    ];
    let panels = (0..3)
        .map(|_| one_curve("rate (Hz)", "axon", &x, &y))
        .collect();
    let figure = Figure::new("bands", "Ca (mM)", panels).with_x_bands(bands);
    let (pixels, layout) = draw_pixels(&figure);
    let entries = layout
        .iter()
        .flat_map(|panel| &panel.legend_labels)
        .filter(|label| *label == "normal range")
        .count();
    assert_eq!(entries, 1);
    // The band is shaded in every panel: the middle of 1.15–1.33 is tinted
    // with its colour, neither white nor a grid grey.
    let band = COLOURS[1];
    for panel in &layout {
        let x = column_of(panel, 1.24);
        let y = (panel.plot.1 + panel.plot.3) / 2 + 3;
        let RGBColor(r, g, b) = pixel(&pixels, x, y);
        assert!(
            r > g && r > b && g < 250,
            "panel {panel:?}: ({r}, {g}, {b}) is not a tint of {band:?}"
        );
    }
}

#[test]
fn a_narrow_range_gets_distinct_ticks_even_in_a_short_panel() {
    let x = [0.0, 100.0, 200.0];
    let narrow = [-87.31, -87.30, -87.29];
    let other = [4.5, 10.0, 17.0];
    let mut panels = vec![one_curve("rest (mV)", "", &x, &narrow)];
    panels.extend((0..3).map(|_| one_curve("K (mM)", "", &x, &other)));
    let svg = svg_text(&Figure::new("narrow", "time (ms)", panels)).expect("svg");
    let labels: Vec<f64> = svg
        .split("<text")
        .skip(1)
        .filter_map(|element| {
            element
                .split('>')
                .nth(1)?
                .split('<')
                .next()?
                .trim()
                .parse::<f64>()
                .ok()
        })
        .collect();
    let distinct = |keep: &dyn Fn(f64) -> bool| {
        let mut ticks: Vec<f64> = labels.iter().copied().filter(|&v| keep(v)).collect();
        ticks.sort_by(f64::total_cmp);
        ticks.dedup();
        ticks
    };
    let rest = distinct(&|v| v < -87.0);
    assert!(rest.len() >= 3, "rest ticks {rest:?}");
    // The K panels' ticks lie in 4.5–17 mM (the x ticks are 0, 20, 40, …).
    let k = distinct(&|v| v > 4.0 && v < 18.0);
    assert!(k.len() >= 3, "K ticks {k:?}");
}

#[test]
fn the_svg_does_not_grow_with_the_samples() {
    let sizes: Vec<usize> = [0.1, 0.001]
        .iter()
        .map(|&dt| {
            let (t, v) = train(1000.0, 10.0, dt);
            let figure = Figure::new("size", "time (ms)", vec![one_curve("V", "v", &t, &v)]);
            svg_text(&figure).expect("svg").len()
        })
        .collect();
    assert!(sizes[1] < 300_000, "{sizes:?}");
    assert!(sizes[1] as f64 <= 1.5 * sizes[0] as f64, "{sizes:?}");
}

#[test]
fn stimulus_onsets_are_ticked_on_every_panel() {
    let (t, v) = train(1000.0, 100.0, 0.1);
    let onsets = vec![100.0, 500.0, 900.0];
    let figure = Figure::new(
        "stimuli",
        "time (ms)",
        vec![one_curve("V", "v", &t, &v), one_curve("V", "v", &t, &v)],
    )
    .with_stimuli(onsets.clone());
    let (pixels, layout) = draw_pixels(&figure);
    for panel in &layout {
        for &onset in &onsets {
            let x = column_of(panel, onset);
            let ticked =
                (x - 1..=x + 1).any(|x| pixel(&pixels, x, panel.plot.1 + 4) == STIMULUS_COLOUR);
            assert!(ticked, "no tick at {onset} ms in {panel:?}");
        }
    }
    assert!(layout[0].legend_labels.contains(&"stimulus".to_owned()));
    assert!(!layout[1].legend_labels.contains(&"stimulus".to_owned()));
}

#[test]
fn a_long_axis_title_stays_legible_and_fits_its_panel() {
    let x = [0.0, 1.0];
    let y = [0.0, 1.0];
    // Example 05's titles, whose 17 px lines ran into the next panel.
    let title = "axon rheobase, 50 ms (µA/cm²)";
    let panels = (0..3).map(|_| one_curve(title, "", &x, &y)).collect();
    let (_, layout) = draw_pixels(&Figure::new("titles", "x", panels));
    for panel in &layout {
        let height = panel.plot.3 - panel.plot.1;
        let title = &panel.y_title;
        assert!(title.font >= 12, "{panel:?}");
        assert!(
            title
                .lines
                .iter()
                .all(|line| text_width(line, title.font) <= height + 2),
            "{panel:?}"
        );
    }
    let short = fitted_title("V (mV)", 150);
    assert_eq!((short.lines.len(), short.font), (1, AXIS_TITLE_FONT.0));
}

#[test]
fn a_tick_at_zero_has_no_minus_sign() {
    assert_eq!(tick_label(-0.0, 1), "0.0");
    assert_eq!(tick_label(-0.04, 1), "0.0");
    assert_eq!(tick_label(-0.06, 1), "-0.1");
    assert_eq!(tick_label(-90.0, 0), "-90");
}
