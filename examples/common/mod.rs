//! What every teaching example shares: its one command-line flag and the
//! folder its figures go to.
//!
//! `--short` is CI's quick pass (`.ci/run` runs every example with it): the
//! example does less work (coarser scans, fewer or shorter runs) so the whole
//! course runs in seconds, and its figures go to `out/examples/short/`, so a
//! short figure is never mistaken for the real one. Without it the example
//! makes its full figure in `out/examples/`, from where `tools/gallery`
//! copies it to `docs/figures/`.
//!
//! (A folder `examples/common/` with a `mod.rs` is not an example of its
//! own: cargo only takes `examples/*.rs` and `examples/*/main.rs`.)

use std::path::Path;

/// How the example was asked to run.
pub struct Options {
    /// `--short`: less work, for CI.
    pub short: bool,
}

impl Options {
    /// Reads the command line; any argument other than `--short` is an
    /// error, so a misspelt flag does not silently run the full example.
    pub fn from_args() -> Result<Self, String> {
        let mut short = false;
        for argument in std::env::args().skip(1) {
            match argument.as_str() {
                "--short" => short = true,
                other => {
                    return Err(format!(
                        "unknown argument `{other}`; the only option is --short \
                         (less work, for CI; figures go to out/examples/short/)"
                    ));
                }
            }
        }
        Ok(Self { short })
    }

    /// Where the figures go: `out/examples/`, or `out/examples/short/` with `--short`.
    pub fn figure_folder(&self) -> &'static Path {
        if self.short {
            Path::new("out/examples/short")
        } else {
            Path::new("out/examples")
        }
    }
}
