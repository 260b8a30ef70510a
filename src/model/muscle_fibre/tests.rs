//! Unit tests of the assembled model: layout, conservation, variants.
