//! Decoded pixel buffers handed to the hasher, and the hashing entry points.

use crate::PdqHash;
use std::fmt;
use std::str::FromStr;

/// How the bytes of a pixel buffer are laid out (8 bits per channel, rows packed, no padding).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PixelFormat {
    /// One byte per pixel, grey level.
    Luma8,
    /// Three bytes per pixel: red, green, blue.
    Rgb8,
    /// Four bytes per pixel: red, green, blue, alpha. The alpha channel is ignored, as the
    /// ecosystem does (Pillow's `convert("RGB")`).
    Rgba8,
}

impl PixelFormat {
    /// Bytes per pixel.
    pub const fn channels(self) -> usize {
        match self {
            PixelFormat::Luma8 => 1,
            PixelFormat::Rgb8 => 3,
            PixelFormat::Rgba8 => 4,
        }
    }
}

/// Why a pixel buffer cannot be hashed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PixelBufferError {
    /// The buffer length does not equal width x height x channels.
    #[error("a {width}x{height} {format:?} image needs {expected} bytes, the buffer has {actual}")]
    WrongLength {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
        /// Pixel layout.
        format: PixelFormat,
        /// Bytes the dimensions call for.
        expected: u64,
        /// Bytes given.
        actual: usize,
    },
}

/// A borrowed, validated buffer of decoded pixels.
#[derive(Debug, Clone, Copy)]
pub struct ImageRef<'a> {
    data: &'a [u8],
    width: u32,
    height: u32,
    format: PixelFormat,
}

impl<'a> ImageRef<'a> {
    /// Wraps `data`, checking that its length matches the dimensions and format.
    pub fn new(
        data: &'a [u8],
        width: u32,
        height: u32,
        format: PixelFormat,
    ) -> Result<Self, PixelBufferError> {
        let expected = u64::from(width) * u64::from(height) * format.channels() as u64;
        if expected != data.len() as u64 {
            return Err(PixelBufferError::WrongLength {
                width,
                height,
                format,
                expected,
                actual: data.len(),
            });
        }
        Ok(ImageRef {
            data,
            width,
            height,
            format,
        })
    }

    /// The pixel bytes.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Pixel layout.
    pub fn format(&self) -> PixelFormat {
        self.format
    }
}

/// Which of the field's two PDQ conventions to follow.
///
/// They differ by up to 36 bits on ordinary photos, so a matcher that knows only one of them can
/// miss a match at the usual threshold of 31. [`Convention::pipeline`] says exactly how they
/// differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Convention {
    /// Meta's C++ `pdq-photo-hasher` and StopNCII's browser hasher: an image wider or taller than
    /// 512 px is first resized to exactly 512x512 by nearest neighbour (as CImg does), and luma is
    /// computed in single precision (a grey image is hashed from its grey levels as they are).
    #[default]
    Reference,
    /// The `pdqhash` Python package (Meta's C++ core, luma computed by NumPy), which
    /// python-threatexchange and HMA use: no pre-resize, and the luma of each pixel computed in
    /// double precision before it is rounded to single precision.
    FullResolution,
}

impl Convention {
    /// Both conventions, reference first.
    pub const ALL: [Convention; 2] = [Convention::Reference, Convention::FullResolution];

    /// The steps this convention takes before the common PDQ core.
    pub const fn pipeline(self) -> Pipeline {
        match self {
            Convention::Reference => Pipeline {
                downsample_to_512: true,
                luma: LumaArithmetic::Single,
            },
            Convention::FullResolution => Pipeline {
                downsample_to_512: false,
                luma: LumaArithmetic::Double,
            },
        }
    }

    /// The name used on the command line and on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Convention::Reference => "reference",
            Convention::FullResolution => "full-resolution",
        }
    }
}

impl fmt::Display for Convention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not a PDQ convention.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown PDQ convention {0:?}: expected \"reference\" or \"full-resolution\"")]
pub struct ParseConventionError(pub String);

impl FromStr for Convention {
    type Err = ParseConventionError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "reference" => Ok(Convention::Reference),
            "full-resolution" => Ok(Convention::FullResolution),
            other => Err(ParseConventionError(other.to_string())),
        }
    }
}

/// How a pixel's colour becomes the luma value that PDQ hashes.
///
/// The two arithmetics round differently in the last bit of some luma values, which is enough to
/// flip a few hash bits now and then; bit-exactness with a given implementation needs its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LumaArithmetic {
    /// Meta's C++ (`fillFloatLumaFromRGB`): `0.299 R + 0.587 G + 0.114 B` in single precision,
    /// summed left to right; a [`PixelFormat::Luma8`] image is taken as its grey levels
    /// (`fillFloatLumaFromGrey`), as the C++ hasher does with a one-channel image.
    Single,
    /// The `pdqhash` Python package: the same weighted sum computed by NumPy in double precision,
    /// then rounded to single precision; a [`PixelFormat::Luma8`] image counts as RGB with three
    /// equal channels, as it does once Pillow has converted it to RGB.
    Double,
}

/// The steps before the common PDQ core (blur, decimation, DCT): the knobs on which the
/// implementations in the field differ. [`Convention::pipeline`] gives the two that Empreinte
/// distributes; other combinations are for interoperating with other tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pipeline {
    /// Resize an image wider or taller than 512 px to exactly 512x512 by nearest neighbour first,
    /// as CImg's `resize(512, 512)` does in Meta's `pdq-photo-hasher`.
    pub downsample_to_512: bool,
    /// How pixels become luma.
    pub luma: LumaArithmetic,
}

impl Pipeline {
    /// What Meta's vPDQ does to each video frame (RGB from ffmpeg): the C++ luma at the frame's
    /// own size, with no pre-resize. Meta's Java reference also hashes this way (single-precision
    /// luma, no pre-resize), except that it computes a grey image's luma from RGB.
    pub const VPDQ_FRAME: Pipeline = Pipeline {
        downsample_to_512: false,
        luma: LumaArithmetic::Single,
    };
}

/// A PDQ hash with its quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdqOutput {
    /// The hash.
    pub hash: PdqHash,
    /// Quality from 0 (featureless) to 100; hashes below 50 match too much to be useful.
    pub quality: u8,
}

/// The hashes of the eight dihedral transforms of an image, with the image's quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DihedralOutput {
    /// In the reference's order: original, rotate90, rotate180, rotate270, flipx, flipy,
    /// flipplus1, flipminus1.
    pub hashes: [PdqHash; 8],
    /// Quality from 0 to 100 (the same for every transform).
    pub quality: u8,
}
