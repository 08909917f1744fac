//! WebP, GIF, BMP and TIFF through the `image` crate's pure-Rust decoders.

use crate::{DecodeError, ImageFormat, Limits, Orientation, RawImage, check_dimensions};
use image::codecs::bmp::BmpDecoder;
use image::codecs::gif::GifDecoder;
use image::codecs::tiff::TiffDecoder;
use image::codecs::webp::WebPDecoder;
use image::error::ImageError;
use image::{ColorType, ImageDecoder};
use pdq::PixelFormat;
use std::io::Cursor;

pub(crate) fn decode(
    bytes: &[u8],
    format: ImageFormat,
    limits: &Limits,
) -> Result<RawImage, DecodeError> {
    let fail = |error| classify(error, format);
    let reader = Cursor::new(bytes);
    // Constructing a decoder reads only the headers.
    match format {
        ImageFormat::WebP => read(WebPDecoder::new(reader).map_err(fail)?, format, limits),
        ImageFormat::Gif => read(GifDecoder::new(reader).map_err(fail)?, format, limits),
        ImageFormat::Bmp => read(BmpDecoder::new(reader).map_err(fail)?, format, limits),
        ImageFormat::Tiff => read(TiffDecoder::new(reader).map_err(fail)?, format, limits),
        // Routed to their own modules by `decode`.
        ImageFormat::Jpeg | ImageFormat::Png => Err(DecodeError::UnsupportedFeature {
            format,
            detail: "internal routing error".into(),
        }),
    }
}

fn read(
    mut decoder: impl ImageDecoder,
    format: ImageFormat,
    limits: &Limits,
) -> Result<RawImage, DecodeError> {
    let fail = |error| classify(error, format);
    let (width, height) = decoder.dimensions();
    let pixel_count = check_dimensions(u64::from(width), u64::from(height), limits)?;

    // Besides the output buffer, some decoders allocate working memory (TIFF strips, GIF
    // frames); the image crate bounds those with `max_alloc`. Allow what the largest output
    // (16-bit RGBA) of the largest accepted image would take.
    let mut image_limits = image::Limits::default();
    image_limits.max_alloc = Some(limits.max_pixels.saturating_mul(8).max(64 << 20));
    decoder.set_limits(image_limits).map_err(fail)?;

    let orientation = decoder
        .orientation()
        .map(Orientation::from_image_crate)
        .unwrap_or_default();
    let color = decoder.color_type();
    let total = usize::try_from(decoder.total_bytes()).map_err(|_| DecodeError::TooManyPixels {
        width,
        height,
        limit: limits.max_pixels,
    })?;
    let bytes_per_pixel = usize::from(color.bytes_per_pixel());
    if total != pixel_count * bytes_per_pixel {
        return Err(DecodeError::UnsupportedFeature {
            format,
            detail: format!("pixel layout {color:?}"),
        });
    }
    let mut pixels = vec![0u8; total];
    decoder.read_image(&mut pixels).map_err(fail)?;

    let pixel_format = match color {
        ColorType::L8 => PixelFormat::Luma8,
        ColorType::Rgb8 => PixelFormat::Rgb8,
        ColorType::Rgba8 => PixelFormat::Rgba8,
        ColorType::La8 => {
            crate::compact_in_place(&mut pixels, 2, 1);
            PixelFormat::Luma8
        }
        ColorType::L16 => {
            keep_high_bytes(&mut pixels, 1, 1);
            PixelFormat::Luma8
        }
        ColorType::La16 => {
            keep_high_bytes(&mut pixels, 2, 1);
            PixelFormat::Luma8
        }
        ColorType::Rgb16 => {
            keep_high_bytes(&mut pixels, 3, 3);
            PixelFormat::Rgb8
        }
        ColorType::Rgba16 => {
            keep_high_bytes(&mut pixels, 4, 3);
            PixelFormat::Rgb8
        }
        ColorType::Rgb32F => {
            floats_to_bytes(&mut pixels, 3, 3);
            PixelFormat::Rgb8
        }
        ColorType::Rgba32F => {
            floats_to_bytes(&mut pixels, 4, 3);
            PixelFormat::Rgb8
        }
        other => {
            return Err(DecodeError::UnsupportedFeature {
                format,
                detail: format!("pixel layout {other:?}"),
            });
        }
    };
    Ok(RawImage {
        pixels,
        width,
        height,
        pixel_format,
        orientation,
    })
}

/// Native-endian 16-bit samples, `channels` per pixel, to the high byte of the first `keep`
/// channels of each pixel, in place (the same rule as for 16-bit PNG).
fn keep_high_bytes(pixels: &mut Vec<u8>, channels: usize, keep: usize) {
    let count = pixels.len() / (2 * channels);
    for i in 0..count {
        for c in 0..keep {
            let at = 2 * (i * channels + c);
            let sample = u16::from_ne_bytes([pixels[at], pixels[at + 1]]);
            pixels[i * keep + c] = (sample >> 8) as u8;
        }
    }
    pixels.truncate(count * keep);
}

/// Native-endian f32 samples in 0..=1 to bytes (rounded, clamped), in place.
fn floats_to_bytes(pixels: &mut Vec<u8>, channels: usize, keep: usize) {
    let count = pixels.len() / (4 * channels);
    for i in 0..count {
        for c in 0..keep {
            let at = 4 * (i * channels + c);
            let sample =
                f32::from_ne_bytes([pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]]);
            // NaN maps to 0 through the saturating float-to-int cast.
            pixels[i * keep + c] = (sample.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    }
    pixels.truncate(count * keep);
}

fn classify(error: ImageError, format: ImageFormat) -> DecodeError {
    match error {
        // Only `max_alloc` is set, so every limit error is about working memory.
        ImageError::Limits(_) => DecodeError::TooMuchMemory { format },
        ImageError::Unsupported(unsupported) => DecodeError::UnsupportedFeature {
            format,
            detail: unsupported.to_string(),
        },
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            DecodeError::Truncated { format }
        }
        other => {
            let detail = other.to_string();
            if looks_truncated(&detail) {
                DecodeError::Truncated { format }
            } else {
                DecodeError::Corrupt { format, detail }
            }
        }
    }
}

/// Several decoders wrap an end-of-data I/O error into a decoding error's text.
fn looks_truncated(detail: &str) -> bool {
    let lower = detail.to_ascii_lowercase();
    lower.contains("unexpected eof")
        || lower.contains("unexpected end")
        || lower.contains("failed to fill whole buffer")
        || lower.contains("end of file")
}
