//! Progress of a running sweep on stderr: an indicatif bar (done/total,
//! rate, ETA, failures) when stderr is a terminal, a plain line every
//! [`LINE_INTERVAL`] when it is not (logs of batch jobs), nothing when quiet.
//! Only the writer thread reports, so workers never touch it.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often a plain progress line is printed when stderr is not a terminal.
pub const LINE_INTERVAL: Duration = Duration::from_secs(10);

/// Whether to report progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A bar on a terminal, plain lines otherwise.
    Auto,
    /// Nothing.
    Quiet,
}

enum Display {
    Bar(ProgressBar),
    Lines { last: Instant },
    Quiet,
}

/// Progress over the points of one sweep session.
pub struct Progress {
    display: Display,
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
        let display = match mode {
            Mode::Quiet => Display::Quiet,
            Mode::Auto if std::io::stderr().is_terminal() => {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template(
                    "{wide_bar} {pos}/{len} points · {rate} · ETA {eta} {msg}",
                ) {
                    bar.set_style(style.with_key(
                        "rate",
                        |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                            // Best effort: a failed write only blanks the field.
                            let _ = write!(w, "{:.0} points/s", state.per_sec());
                        },
                    ));
                }
                bar.set_position(done);
                bar.reset_eta();
                Display::Bar(bar)
            }
            Mode::Auto => Display::Lines {
                last: Instant::now(),
            },
        };
        let progress = Self {
            display,
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
        self.done += 1;
        self.failed += u64::from(failed);
        match &mut self.display {
            Display::Bar(bar) => {
                bar.inc(1);
                if failed {
                    self.show_failures();
                }
            }
            Display::Lines { last } if last.elapsed() >= LINE_INTERVAL => {
                *last = Instant::now();
                eprintln!("sweep: {}", self.line());
            }
            _ => {}
        }
    }

    /// The session is over: clears the bar, prints the last line.
    pub fn finish(&self) {
        match &self.display {
            Display::Quiet => {}
            Display::Bar(bar) => {
                bar.finish_and_clear();
                eprintln!("sweep: {}", self.line());
            }
            Display::Lines { .. } => eprintln!("sweep: {}", self.line()),
        }
    }

    fn show_failures(&self) {
        if let Display::Bar(bar) = &self.display {
            if self.failed > 0 {
                bar.set_message(format!("· {} failed", self.failed));
            }
        }
    }

    /// `1200/5000 points (24%), 310 points/s, ETA 12 s, 3 failed`.
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
        let mut text = format!(
            "{}/{} points ({percent:.0}%), {rate:.1} points/s",
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
