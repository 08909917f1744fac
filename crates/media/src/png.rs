//! PNG through the `png` crate, the fastest pure-Rust PNG decoder we measured (about twice
//! zune-png 0.4 on photo-like PNGs), decoding straight into our buffer. PNG is lossless, so
//! every correct decoder gives the same pixels.

use crate::{DecodeError, ImageFormat, Limits, Orientation, RawImage, check_dimensions};
use pdq::PixelFormat;
use png::{BitDepth, ColorType, Decoder, DecodingError, Transformations};
use std::io::Cursor;

const FORMAT: ImageFormat = ImageFormat::Png;

pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<RawImage, DecodeError> {
    // The decoder's own allocation budget (64 MiB by default) must admit the largest image our
    // limits accept; the pixel limit itself is checked below, from the header.
    let budget = usize::try_from(limits.max_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    let mut decoder = Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: budget });
    // Palettes and low bit depths expand to 8 bits per sample; 16-bit samples keep their high
    // byte, as Pillow does for 16-bit colour PNGs.
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    // Checksums are not verified, as browsers do not: a flipped bit in a checksum must not let
    // an image that displays fine escape hashing. Real damage to the compressed data still
    // fails to inflate. (It is also faster.)
    decoder.ignore_checksums(true);
    // Reads the chunks up to the first image data: the header, and the EXIF chunk if it is
    // there (eXIf must precede IDAT).
    let mut reader = decoder.read_info().map_err(classify)?;
    let (width, height) = reader.info().size();
    let pixel_count = check_dimensions(u64::from(width), u64::from(height), limits)?;

    let (channels, pixel_format) = match reader.output_color_type() {
        (ColorType::Grayscale, BitDepth::Eight) => (1, PixelFormat::Luma8),
        // Grey + alpha: the alpha channel is dropped below, as Pillow's convert("RGB") does.
        (ColorType::GrayscaleAlpha, BitDepth::Eight) => (2, PixelFormat::Luma8),
        (ColorType::Rgb, BitDepth::Eight) => (3, PixelFormat::Rgb8),
        (ColorType::Rgba, BitDepth::Eight) => (4, PixelFormat::Rgba8),
        (color, depth) => {
            return Err(DecodeError::UnsupportedFeature {
                format: FORMAT,
                detail: format!("{color:?} pixels of {depth:?} bits"),
            });
        }
    };
    let orientation = reader
        .info()
        .exif_metadata
        .as_deref()
        .and_then(Orientation::from_exif_block)
        .unwrap_or_default();

    let size = pixel_count * channels;
    if reader.output_buffer_size() != Some(size) {
        return Err(DecodeError::UnsupportedFeature {
            format: FORMAT,
            detail: format!("an unexpected row layout for {width}x{height}"),
        });
    }
    let mut pixels = vec![0u8; size];
    reader.next_frame(&mut pixels).map_err(classify)?;
    if channels == 2 {
        crate::compact_in_place(&mut pixels, 2, 1);
    }
    Ok(RawImage {
        pixels,
        width,
        height,
        pixel_format,
        orientation,
    })
}

fn classify(error: DecodingError) -> DecodeError {
    match error {
        DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            DecodeError::Truncated { format: FORMAT }
        }
        DecodingError::LimitsExceeded => DecodeError::TooMuchMemory { format: FORMAT },
        other => {
            let detail = other.to_string();
            // How the png crate words image data that ends before the image does (pinned by the
            // truncation tests in tests/media.rs).
            let lower = detail.to_ascii_lowercase();
            if lower.contains("end of")
                || lower.contains("eof")
                || lower.contains("truncated")
                || lower.contains("missing")
            {
                DecodeError::Truncated { format: FORMAT }
            } else {
                DecodeError::Corrupt {
                    format: FORMAT,
                    detail,
                }
            }
        }
    }
}
