//! `endplate reference`: the scenario-file reference, as Markdown on stdout
//! (docs/scenario-reference.md is this output).

use crate::cli::{Failure, emit};
use endplate::scenario::reference;

/// Prints the reference.
pub fn reference() -> Result<(), Failure> {
    emit(&reference::markdown())
}
