//! PNG encoding of a drawn RGB buffer, through the `png` crate directly.
//!
//! plotters can save PNGs itself (its `bitmap_encoder` feature), but that
//! pulls in the whole `image` crate, which cost CI about 70 s of CPU in a
//! cold build (issue 13, `cargo build --timings`) to write one format. The
//! settings are the ones `image` 0.24 used for plotters' files (fast
//! compression, adaptive filtering starting from Sub), so every figure is
//! byte-identical to what that path wrote.

use std::io::{self, Write};

/// Writes `pixels` (8-bit RGB, row-major, `size` = width × height) as PNG.
pub fn write_rgb(out: impl Write, pixels: &[u8], size: (u32, u32)) -> io::Result<()> {
    let mut encoder = png::Encoder::new(out, size.0, size.1);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Sub);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header().map_err(io::Error::other)?;
    writer.write_image_data(pixels).map_err(io::Error::other)?;
    writer.finish().map_err(io::Error::other)
}

/// A zeroed RGB buffer for a figure of `size` (every figure fills its
/// background first).
pub fn blank(size: (u32, u32)) -> Vec<u8> {
    vec![0; size.0 as usize * size.1 as usize * 3]
}
