//! Turning image files into the pixels that the [`pdq`] crate hashes.
//!
//! [`decode`] takes the bytes of a JPEG, PNG, WebP, GIF (first frame), BMP or TIFF (first page)
//! file, recognised by content and never by name, and returns its pixels as 8-bit grey, RGB or
//! RGBA, without converting or copying them when the decoder's own output already is one of
//! these. By default the EXIF orientation is applied, so the image is hashed as a person sees it;
//! [`DecodeOptions::apply_exif_orientation`] turns that off to hash the stored pixels as Meta's
//! reference command does.
//!
//! Input is treated as hostile: the [`Limits`] on bytes and pixels are checked against the
//! header *before* any pixel buffer is allocated, and every failure is a typed [`DecodeError`];
//! nothing here panics on any input (a fuzz target checks it).
//!
//! The decoders are pure Rust and the default code path has no I/O, no threads and no
//! subprocess, so that this same code, compiled to WebAssembly, runs in a person's browser and
//! gives bit-for-bit the pixels, hence the hashes, that `empreinte hash` gives. Build it for the
//! browser with `--no-default-features`; the `fs` feature (default) adds reading files.
//!
//! ```no_run
//! let bytes = std::fs::read("photo.jpg")?;
//! let image = media::decode(&bytes, &media::DecodeOptions::default())?;
//! let output = image.hash(pdq::Convention::Reference);
//! println!("{},{}", output.hash, output.quality);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

mod error;
mod format;
#[cfg(feature = "fs")]
pub mod fs;
mod jpeg;
mod jpeg_sampled;
mod orientation;
mod other;
mod png;

pub use error::DecodeError;
pub use format::{ImageFormat, SNIFF_LEN, detect_format};
pub use orientation::Orientation;

use pdq::{Convention, DihedralOutput, ImageRef, PdqOutput, PixelFormat};

/// Bounds on what a decoder may be asked to do, against decompression bombs and memory
/// exhaustion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes.
    pub max_bytes: u64,
    /// Largest accepted image, in pixels (width x height), checked against the header before
    /// the pixel buffer is allocated. The decoded buffer takes at most 4 bytes per pixel.
    pub max_pixels: u64,
}

impl Limits {
    /// 200 MB of input.
    pub const DEFAULT_MAX_BYTES: u64 = 200_000_000;
    /// 100 megapixels, larger than any phone or consumer camera produces (at most 400 MB of
    /// RGBA pixels).
    pub const DEFAULT_MAX_PIXELS: u64 = 100_000_000;
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_pixels: Self::DEFAULT_MAX_PIXELS,
        }
    }
}

/// How to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Size limits.
    pub limits: Limits,
    /// Turn the pixels as the EXIF orientation tag says (default `true`: the image as a person
    /// sees it). `false` keeps the stored pixels, as Meta's reference `pdq-photo-hasher` does.
    pub apply_exif_orientation: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions {
            limits: Limits::default(),
            apply_exif_orientation: true,
        }
    }
}

/// Decoded pixels, ready to hash.
#[derive(Clone)]
pub struct DecodedImage {
    pixels: Vec<u8>,
    width: u32,
    height: u32,
    pixel_format: PixelFormat,
    format: ImageFormat,
    orientation: Orientation,
    /// The image's size (after orientation when applied): `width` x `height` unless only the
    /// reference convention's sample was decoded.
    original_size: (u32, u32),
}

impl DecodedImage {
    /// Wraps a pixel buffer after checking that its size matches; the one constructor, so that
    /// [`DecodedImage::as_image_ref`] cannot fail.
    fn new(
        pixels: Vec<u8>,
        width: u32,
        height: u32,
        pixel_format: PixelFormat,
        format: ImageFormat,
        orientation: Orientation,
    ) -> Result<Self, DecodeError> {
        ImageRef::new(&pixels, width, height, pixel_format).map_err(|error| {
            DecodeError::Corrupt {
                format,
                detail: format!("the decoder returned a wrong-sized buffer ({error})"),
            }
        })?;
        Ok(DecodedImage {
            pixels,
            width,
            height,
            pixel_format,
            format,
            orientation,
            original_size: (width, height),
        })
    }

    /// The pixels as the hasher takes them.
    pub fn as_image_ref(&self) -> ImageRef<'_> {
        ImageRef::new(&self.pixels, self.width, self.height, self.pixel_format)
            .expect("the buffer size was checked when the image was built")
    }

    /// Width in pixels (after orientation, when applied).
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels (after orientation, when applied).
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The image's width and height in pixels (after orientation, when applied). The same as
    /// [`DecodedImage::width`] and [`DecodedImage::height`] except for an image from
    /// [`decode_for_reference`] whose pixels are only the reference convention's 512x512
    /// sample.
    pub fn original_size(&self) -> (u32, u32) {
        self.original_size
    }

    /// Layout of [`DecodedImage::pixels`].
    pub fn pixel_format(&self) -> PixelFormat {
        self.pixel_format
    }

    /// The pixel bytes, rows packed.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The pixel bytes, rows packed, without a copy.
    pub fn into_pixels(self) -> Vec<u8> {
        self.pixels
    }

    /// The file format the pixels came from.
    pub fn format(&self) -> ImageFormat {
        self.format
    }

    /// The orientation recorded in the file (whether or not it was applied).
    pub fn orientation(&self) -> Orientation {
        self.orientation
    }

    /// PDQ hash and quality of the image.
    pub fn hash(&self, convention: Convention) -> PdqOutput {
        pdq::hash_image(&self.as_image_ref(), convention)
    }

    /// PDQ hashes of the eight dihedral transforms of the image.
    pub fn hash_dihedral(&self, convention: Convention) -> DihedralOutput {
        pdq::hash_image_dihedral(&self.as_image_ref(), convention)
    }
}

impl std::fmt::Debug for DecodedImage {
    /// Everything but the pixels, which would drown any message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecodedImage")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("pixel_format", &self.pixel_format)
            .field("format", &self.format)
            .field("orientation", &self.orientation)
            .field("original_size", &self.original_size)
            .finish_non_exhaustive()
    }
}

/// What a format decoder hands back before orientation is applied.
struct RawImage {
    pixels: Vec<u8>,
    width: u32,
    height: u32,
    pixel_format: PixelFormat,
    orientation: Orientation,
}

/// Decodes an image file's bytes into pixels.
pub fn decode(bytes: &[u8], options: &DecodeOptions) -> Result<DecodedImage, DecodeError> {
    let size = bytes.len() as u64;
    if size > options.limits.max_bytes {
        return Err(DecodeError::TooManyBytes {
            size,
            limit: options.limits.max_bytes,
        });
    }
    let format = detect_format(bytes)?;
    let raw = match format {
        ImageFormat::Jpeg => jpeg::decode(bytes, &options.limits)?,
        ImageFormat::Png => png::decode(bytes, &options.limits)?,
        ImageFormat::WebP | ImageFormat::Gif | ImageFormat::Bmp | ImageFormat::Tiff => {
            other::decode(bytes, format, &options.limits)?
        }
    };
    let RawImage {
        pixels,
        width,
        height,
        pixel_format,
        orientation,
    } = raw;
    if options.apply_exif_orientation && orientation != Orientation::Normal {
        let (pixels, width, height) = orientation::apply(
            pixels,
            width as usize,
            height as usize,
            pixel_format,
            orientation,
        );
        // Turning swaps or keeps the two dimensions, which both fit in u32 already.
        let (width, height) = (width as u32, height as u32);
        DecodedImage::new(pixels, width, height, pixel_format, format, orientation)
    } else {
        DecodedImage::new(pixels, width, height, pixel_format, format, orientation)
    }
}

/// Decodes an image file for hashing with [`Convention::Reference`] only, which resizes an
/// image larger than 512 px on a side to 512x512 by nearest neighbour and reads nothing else.
///
/// For such a JPEG, only those 512x512 pixels are decoded (every block is still
/// entropy-decoded, but inverse DCT, upsampling and colour conversion run for the sampled
/// pixels alone, a fraction of the work), and the result's pixels are that sample:
/// [`DecodedImage::width`] and [`DecodedImage::height`] are 512, while
/// [`DecodedImage::original_size`] tells the image's size. The reference hash and dihedral
/// hashes of the result are those of [`decode`]'s result, bit for bit; other conventions are
/// NOT (use [`decode`] for them). Every other file is decoded whole, as [`decode`] does.
pub fn decode_for_reference(
    bytes: &[u8],
    options: &DecodeOptions,
) -> Result<DecodedImage, DecodeError> {
    decode_for_reference_from(bytes, options, jpeg::SAMPLED_MIN_PIXELS)
}

/// [`decode_for_reference`] taking the sampled path for JPEGs of any size above 512 px, so
/// that tests and the fuzz target exercise it on small images.
#[doc(hidden)]
pub fn decode_for_reference_any_size(
    bytes: &[u8],
    options: &DecodeOptions,
) -> Result<DecodedImage, DecodeError> {
    decode_for_reference_from(bytes, options, 0)
}

fn decode_for_reference_from(
    bytes: &[u8],
    options: &DecodeOptions,
    min_pixels: usize,
) -> Result<DecodedImage, DecodeError> {
    let size = bytes.len() as u64;
    if size <= options.limits.max_bytes
        && detect_format(bytes) == Ok(ImageFormat::Jpeg)
        && let Some((raw, width, height)) = jpeg::decode_reference_sample(
            bytes,
            &options.limits,
            options.apply_exif_orientation,
            min_pixels,
        )?
    {
        let mut image = DecodedImage::new(
            raw.pixels,
            raw.width,
            raw.height,
            raw.pixel_format,
            ImageFormat::Jpeg,
            raw.orientation,
        )?;
        image.original_size = (width, height);
        return Ok(image);
    }
    decode(bytes, options)
}

/// Checks announced dimensions against the limits; returns the pixel count.
///
/// Every decoder calls this after reading the header and before allocating pixels.
fn check_dimensions(width: u64, height: u64, limits: &Limits) -> Result<usize, DecodeError> {
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    if width == 0 || height == 0 {
        return Err(DecodeError::ZeroSize {
            width: clamp(width),
            height: clamp(height),
        });
    }
    let pixels = width.saturating_mul(height);
    if pixels > limits.max_pixels || width > u64::from(u32::MAX) || height > u64::from(u32::MAX) {
        return Err(DecodeError::TooManyPixels {
            width: clamp(width),
            height: clamp(height),
            limit: limits.max_pixels,
        });
    }
    // Four bytes per pixel must be addressable, which matters on 32-bit WebAssembly.
    match pixels.checked_mul(4).map(usize::try_from) {
        Some(Ok(_)) => Ok(pixels as usize),
        _ => Err(DecodeError::TooManyPixels {
            width: clamp(width),
            height: clamp(height),
            limit: limits.max_pixels,
        }),
    }
}

/// Drops every `stride`-th byte group down to its first `keep` bytes, in place; used to remove
/// an alpha channel from grey + alpha output or to keep the high byte of 16-bit samples.
fn compact_in_place(pixels: &mut Vec<u8>, stride: usize, keep: usize) {
    let groups = pixels.len() / stride;
    for i in 0..groups {
        for k in 0..keep {
            pixels[i * keep + k] = pixels[i * stride + k];
        }
    }
    pixels.truncate(groups * keep);
}
