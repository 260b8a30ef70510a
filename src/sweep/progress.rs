//! Progress of long work on stderr: an indicatif bar (done/total, rate,
//! ETA, failures) when stderr is a terminal, a plain line every
//! [`LINE_INTERVAL`] when it is not (logs of batch jobs), nothing when quiet.
//! A sweep counts points (only its writer thread reports, so workers never
//! touch it); `run`, `compare`, `rest-scan` and `excitability` count their
//! own units ([`Progress::counting`]).

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often a plain progress line is printed when stderr is not a terminal.
pub const LINE_INTERVAL: Duration = Duration::from_secs(10);

/// A command's progress ([`Progress::counting`]) shows only once its work
/// has taken this long: quick commands print nothing on stderr.
pub const SHOW_AFTER: Duration = Duration::from_secs(2);

/// Whether to report progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A bar on a terminal, plain lines otherwise.
    Auto,
    /// Nothing.
    Quiet,
}

enum Display {
    /// The bar, and whether it is drawn yet.
    Bar(ProgressBar, bool),
    Lines {
        last: Instant,
    },
    Quiet,
}

/// Progress over the points of one sweep session, or the units of one command.
pub struct Progress {
    display: Display,
    /// The command, at the start of each plain line (`sweep:`).
    label: &'static str,
    /// What is counted, plural (`points`).
    unit: &'static str,
    /// Whether work shorter than [`SHOW_AFTER`] prints nothing (commands; a sweep always reports).
    silent_if_short: bool,
    total: u64,
    done: u64,
    failed: u64,
    done_at_start: u64,
    started: Instant,
}

impl Progress {
    /// Progress over `total` points of which `done` (`failed` of them
    /// failed) were finished by an earlier session.
    pub fn start(mode: Mode, total: u64, done: u64, failed: u64) -> Self {
        let mut progress = Self::new(mode, total, done, failed, "sweep", "points");
        progress.show();
        progress.silent_if_short = false;
        progress
    }

    /// Progress of command `label` over `total` `unit`s (plural), none done yet.
    pub fn counting(mode: Mode, total: u64, label: &'static str, unit: &'static str) -> Self {
        Self::new(mode, total, 0, 0, label, unit)
    }

    fn new(
        mode: Mode,
        total: u64,
        done: u64,
        failed: u64,
        label: &'static str,
        unit: &'static str,
    ) -> Self {
        let display = match mode {
            Mode::Quiet => Display::Quiet,
            Mode::Auto if std::io::stderr().is_terminal() => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
                if let Ok(style) = ProgressStyle::with_template(&format!(
                    "{label}: {{wide_bar}} {{pos}}/{{len}} {unit} · {{rate}} · ETA {{eta}} {{msg}}"
                )) {
                    bar.set_style(style.with_key(
                        "rate",
                        move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                            // Best effort: a failed write only blanks the field.
                            let _ = write!(w, "{:.1} {unit}/s", state.per_sec());
                        },
                    ));
                }
                bar.set_position(done);
                bar.reset_eta();
                Display::Bar(bar, false)
            }
            Mode::Auto => Display::Lines {
                last: Instant::now(),
            },
        };
        let progress = Self {
            display,
            label,
            unit,
            silent_if_short: true,
            total,
            done,
            failed,
            done_at_start: done,
            started: Instant::now(),
        };
        progress.show_failures();
        progress
    }

    /// One more point finished.
    pub fn point(&mut self, failed: bool) {
        self.failed += u64::from(failed);
        self.advance_to(self.done + 1);
        if failed {
            self.show_failures();
        }
    }

    /// `done` units are finished (never more than the total).
    pub fn advance_to(&mut self, done: u64) {
        self.done = done.min(self.total);
        if self.started.elapsed() >= SHOW_AFTER {
            self.show();
        }
        match &mut self.display {
            Display::Bar(bar, _) => bar.set_position(self.done),
            Display::Lines { last } if last.elapsed() >= LINE_INTERVAL => {
                *last = Instant::now();
                eprintln!("{}: {}", self.label, self.line());
            }
            _ => {}
        }
    }

    /// Draws the bar from now on.
    fn show(&mut self) {
        if let Display::Bar(bar, shown @ false) = &mut self.display {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            *shown = true;
        }
    }

    /// The session is over: clears the bar, prints the last line (a
    /// sweep's always, a command's when it was shown).
    pub fn finish(&self) {
        match &self.display {
            Display::Quiet => {}
            Display::Bar(_, false) => {}
            Display::Lines { .. }
                if self.silent_if_short && self.started.elapsed() < SHOW_AFTER => {}
            Display::Bar(bar, true) => {
                bar.finish_and_clear();
                eprintln!("{}: {}", self.label, self.line());
            }
            Display::Lines { .. } => eprintln!("{}: {}", self.label, self.line()),
        }
    }

    fn show_failures(&self) {
        if let Display::Bar(bar, _) = &self.display {
            if self.failed > 0 {
                bar.set_message(format!("· {} failed", self.failed));
            }
        }
    }

    /// `1200/5000 points (24%), 310.0 points/s, ETA 12 s, 3 failed`.
    fn line(&self) -> String {
        let elapsed = self.started.elapsed().as_secs_f64();
        let computed = self.done - self.done_at_start;
        let rate = if elapsed > 0.0 {
            computed as f64 / elapsed
        } else {
            0.0
        };
        let percent = if self.total > 0 {
            100.0 * self.done as f64 / self.total as f64
        } else {
            100.0
        };
        let unit = self.unit;
        let mut text = format!(
            "{}/{} {unit} ({percent:.0}%), {rate:.1} {unit}/s",
            self.done, self.total
        );
        if self.done < self.total && rate > 0.0 {
            text += &format!(", ETA {:.0} s", (self.total - self.done) as f64 / rate);
        }
        if self.failed > 0 {
            text += &format!(", {} failed", self.failed);
        }
        text
    }
}
