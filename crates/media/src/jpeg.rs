//! JPEG through `zune-jpeg`, the fastest pure-Rust JPEG decoder (the one the `image` crate
//! itself uses), called directly to control its options and decode straight into our buffer.

use crate::{DecodeError, ImageFormat, Limits, Orientation, RawImage, check_dimensions};
use pdq::PixelFormat;
use zune_jpeg::JpegDecoder;
use zune_jpeg::errors::DecodeErrors;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

const FORMAT: ImageFormat = ImageFormat::Jpeg;

/// Smallest image (in pixels) decoded through [`crate::jpeg_sampled`]; see
/// [`decode_reference_sample`].
pub(crate) const SAMPLED_MIN_PIXELS: usize = 6_000_000;

pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<RawImage, DecodeError> {
    // Strict mode first: it is the mode that notices when the entropy-coded data ends early,
    // which lenient mode silently paints grey. A truncated upload must be refused, not hashed
    // as half an image.
    match decode_with(bytes, limits, true, true) {
        Ok(image) => Ok(image),
        Err(Failure::Refused(error)) => Err(error),
        // Strict mode also refuses harmless oddities that libjpeg and browsers accept (stray
        // bytes between markers, a malformed Adobe segment...). Such a file displays fine,
        // so it must hash too: an adversary could otherwise dodge matching by inserting a
        // few bytes. Retry leniently, but only when the image data does end: data cut short
        // in the middle of a scan can also surface as a Huffman error, and lenient mode would
        // then paint the rest grey.
        Err(Failure::NonConformance(strict_error)) => {
            if !has_end_of_image(bytes) {
                return Err(DecodeError::Truncated { format: FORMAT });
            }
            match decode_with(bytes, limits, false, true) {
                Ok(image) => Ok(image),
                Err(Failure::Refused(error)) => Err(error),
                Err(Failure::NonConformance(_)) => Err(strict_error),
            }
        }
    }
}

/// The 512x512 nearest-neighbour sample of the (turned, when `apply_orientation`) image that
/// the reference convention hashes, decoded by [`crate::jpeg_sampled`] without decoding the
/// other pixels; with the turned image's width and height. `Ok(None)` when the image needs no
/// resize or the file is one to decode whole (whose outcome, pixels or error, the caller then
/// gets from [`decode`]). Errors are those [`decode`] would return before decoding pixels.
pub(crate) fn decode_reference_sample(
    bytes: &[u8],
    limits: &Limits,
    apply_orientation: bool,
    min_pixels: usize,
) -> Result<Option<(RawImage, u32, u32)>, DecodeError> {
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    if decoder.decode_headers().is_err() {
        return Ok(None);
    }
    let Some((width, height)) = decoder.dimensions() else {
        return Ok(None);
    };
    check_dimensions(width as u64, height as u64, limits)?;
    let side = crate::jpeg_sampled::SIDE;
    if width <= side && height <= side {
        return Ok(None);
    }
    // Below this many pixels the resize reads most blocks several times over, the per-pixel
    // transform costs more than the full decoder's vectorised one, and this decoder's Huffman
    // decoding is slower than zune-jpeg's: measured slower at 1920x1080, faster at 4000x3000.
    if width * height < min_pixels {
        return Ok(None);
    }
    let pixel_format = match decoder.input_colorspace() {
        Some(ColorSpace::Luma) => PixelFormat::Luma8,
        Some(ColorSpace::YCbCr) => PixelFormat::Rgb8,
        _ => return Ok(None),
    };
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_block(exif))
        .unwrap_or_default();
    if !has_end_of_image(bytes) {
        return Ok(None);
    }
    let turn = if apply_orientation {
        orientation
    } else {
        Orientation::Normal
    };
    let grid = crate::jpeg_sampled::SampleGrid::new(width, height, turn);
    let Some(sampled) = crate::jpeg_sampled::decode(bytes, &grid) else {
        return Ok(None);
    };
    if sampled.grey != (pixel_format == PixelFormat::Luma8) {
        return Ok(None);
    }
    let (turned_width, turned_height) = if turn.swaps_dimensions() {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Some((
        RawImage {
            pixels: sampled.pixels,
            width: side as u32,
            height: side as u32,
            pixel_format,
            orientation,
        },
        turned_width as u32,
        turned_height as u32,
    )))
}

/// Whether an end-of-image marker follows the first start-of-scan: the test of a file whose
/// data was not cut short. Marker segments before the scan are skipped by their lengths, so an
/// embedded EXIF thumbnail's own end marker does not count; inside entropy-coded data a 0xFF
/// byte is always stuffed or a marker, so 0xFF 0xD9 there is the real end.
fn has_end_of_image(bytes: &[u8]) -> bool {
    let mut at = 2; // after SOI
    loop {
        // Like libjpeg, skip stray bytes before a marker, then its 0xFF fill bytes.
        while bytes.get(at).is_some_and(|&b| b != 0xFF) {
            at += 1;
        }
        while bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at + 1) else {
            return false;
        };
        at += 2;
        match marker {
            0xDA => break,
            // Markers without a length (and 0x00, a stuffed byte where no marker can be).
            0x00 | 0x01 | 0xD0..=0xD8 => continue,
            _ => {
                let (Some(&high), Some(&low)) = (bytes.get(at), bytes.get(at + 1)) else {
                    return false;
                };
                at += usize::from(u16::from_be_bytes([high, low]));
            }
        }
    }
    bytes
        .get(at..)
        .is_some_and(|scan| scan.windows(2).any(|pair| pair == [0xFF, 0xD9]))
}

/// Why one decoding attempt failed.
enum Failure {
    /// A final answer: retrying leniently cannot help or must not be done.
    Refused(DecodeError),
    /// Strict mode refused something that lenient mode may accept.
    NonConformance(DecodeError),
}

/// One attempt; `simd` is only ever false in the test that checks the SIMD paths against the
/// portable ones.
fn decode_with(
    bytes: &[u8],
    limits: &Limits,
    strict: bool,
    simd: bool,
) -> Result<RawImage, Failure> {
    let options = DecoderOptions::default()
        .set_strict_mode(strict)
        // JPEG's own limit is 65535 on each side; ours is on the pixel count, checked below.
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX))
        // SIMD paths (x86 AVX2/SSE) give the same bits as the portable ones, which is what
        // WebAssembly runs (checked below on every conformance JPEG).
        .set_use_unsafe(simd);
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder
        .decode_headers()
        .map_err(|error| classify(error, strict))?;
    let (width, height) = decoder.dimensions().ok_or_else(|| {
        Failure::Refused(DecodeError::Corrupt {
            format: FORMAT,
            detail: "no frame header".into(),
        })
    })?;
    let pixel_count =
        check_dimensions(width as u64, height as u64, limits).map_err(Failure::Refused)?;

    // Grey JPEGs are decoded as grey: the reference hashes one-channel images from the grey
    // values directly, and expanding to RGB would cost time and give nothing. Colour JPEGs are
    // decoded to RGB and the hasher computes luma from RGB as the reference does; asking the
    // decoder for its Y channel instead would NOT give the same luma (the reference rounds to
    // RGB bytes first, then weights them).
    let (colorspace, pixel_format) = match decoder.input_colorspace() {
        Some(ColorSpace::Luma) => (ColorSpace::Luma, PixelFormat::Luma8),
        _ => (ColorSpace::RGB, PixelFormat::Rgb8),
    };
    decoder.set_options(options.jpeg_set_out_colorspace(colorspace));
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_block(exif))
        .unwrap_or_default();

    let size = pixel_count * pixel_format.channels();
    match decoder.output_buffer_size() {
        Some(expected) if expected == size => {}
        other => {
            return Err(Failure::Refused(DecodeError::UnsupportedFeature {
                format: FORMAT,
                detail: format!(
                    "the decoder wants a {other:?}-byte buffer for {width}x{height} {pixel_format:?}"
                ),
            }));
        }
    }
    let mut pixels = vec![0u8; size];
    decoder
        .decode_into(&mut pixels)
        .map_err(|error| classify(error, strict))?;
    Ok(RawImage {
        pixels,
        width: width as u32,
        height: height as u32,
        pixel_format,
        orientation,
    })
}

/// Sorts a `zune-jpeg` error into ours, and says whether a lenient retry may help.
fn classify(error: DecodeErrors, strict: bool) -> Failure {
    let refused = |e| Failure::Refused(e);
    match error {
        DecodeErrors::ExhaustedData => refused(DecodeError::Truncated { format: FORMAT }),
        DecodeErrors::ZeroError => refused(DecodeError::ZeroSize {
            width: 0,
            height: 0,
        }),
        DecodeErrors::Unsupported(scheme) => refused(DecodeError::UnsupportedFeature {
            format: FORMAT,
            detail: format!("{scheme:?}"),
        }),
        other => {
            let detail = other.to_string();
            // These messages are how zune-jpeg reports data that ends early (the baseline and
            // progressive paths, and a marker search that runs off the end). Pinned by the
            // truncation tests in tests/media.rs, which fail if a new version rewords them.
            let lower = detail.to_ascii_lowercase();
            if lower.contains("premature end")
                || lower.contains("no more bytes")
                || lower.contains("exhausted")
                || lower.contains("eof")
            {
                return refused(DecodeError::Truncated { format: FORMAT });
            }
            let error = DecodeError::Corrupt {
                format: FORMAT,
                detail,
            };
            if strict {
                Failure::NonConformance(error)
            } else {
                Failure::Refused(error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn unwrap(result: Result<RawImage, Failure>, file: &str) -> RawImage {
        match result {
            Ok(image) => image,
            Err(Failure::Refused(e) | Failure::NonConformance(e)) => panic!("{file}: {e}"),
        }
    }

    /// The browser runs the portable code paths, the command line the SIMD ones: they must give
    /// the same pixels, or the browser's hashes would differ from the command line's.
    #[test]
    fn simd_and_portable_paths_decode_the_same_pixels() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/pdq/images");
        if !dir.is_dir() {
            assert!(std::env::var_os("CI").is_none(), "test data missing on CI");
            eprintln!(
                "SKIPPED: the shared test data is missing at {}",
                dir.display()
            );
            return;
        }
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).expect("readable test data") {
            let path = entry.expect("directory entry").path();
            if path.extension().is_none_or(|e| e != "jpg") {
                continue;
            }
            let file = path.display().to_string();
            let bytes = std::fs::read(&path).expect("readable image");
            let limits = Limits::default();
            let fast = unwrap(decode_with(&bytes, &limits, true, true), &file);
            let portable = unwrap(decode_with(&bytes, &limits, true, false), &file);
            assert_eq!((fast.width, fast.height), (portable.width, portable.height));
            assert!(
                fast.pixels == portable.pixels,
                "{file}: SIMD and portable pixels differ"
            );
            checked += 1;
        }
        assert!(checked >= 30, "only {checked} JPEG files found");
    }

    /// Stray bytes between two markers: strict mode refuses, libjpeg and browsers accept, and
    /// so must we, with the same pixels as without them.
    #[test]
    fn stray_bytes_between_markers_are_tolerated() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/pdq/images");
        let Ok(bytes) = std::fs::read(dir.join("bridge-mods__square-512x512.jpg")) else {
            assert!(std::env::var_os("CI").is_none(), "test data missing on CI");
            eprintln!("SKIPPED: the shared test data is missing");
            return;
        };
        // Insert junk right after the APP0 segment that follows SOI.
        let app0_length = usize::from(u16::from_be_bytes([bytes[4], bytes[5]]));
        let at = 4 + app0_length;
        assert_eq!(bytes[at], 0xFF, "a marker follows APP0");
        let mut damaged = bytes[..at].to_vec();
        damaged.extend_from_slice(&[0x12, 0x34, 0x56, 0x78, 0x9A]);
        damaged.extend_from_slice(&bytes[at..]);

        let limits = Limits::default();
        assert!(matches!(
            decode_with(&damaged, &limits, true, true),
            Err(Failure::NonConformance(_))
        ));
        let original = decode(&bytes, &limits).expect("the original decodes");
        let tolerated = decode(&damaged, &limits).expect("the damaged file decodes leniently");
        assert!(original.pixels == tolerated.pixels);
    }
}
