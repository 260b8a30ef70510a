//! Physiology building blocks: one file per mechanism, pure functions and
//! parameter structs, no I/O. Models in [`crate::model`] compose them.

pub mod rates;
pub mod temperature;
