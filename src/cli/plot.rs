//! `endplate plot`: redraw a sweep's figures from its results folder.

use std::path::Path;

use crate::cli::{Failure, emit, output_folder};
use endplate::sweep::manifest::MANIFEST;

/// Draws the figures of the sweep results in `dir` into `dir/plots/`.
pub fn plot(dir: &Path) -> Result<(), Failure> {
    if !dir.join(MANIFEST).is_file() {
        return Err(Failure::Input(format!(
            "{} is not a sweep results folder (no {MANIFEST})",
            dir.display()
        )));
    }
    let folder = output_folder(dir)?;
    let text = super::sweep::plot_lines(dir)?;
    drop(folder);
    emit(&format!("{}:\n{text}", dir.display()))
}
