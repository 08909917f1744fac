//! Why an image cannot be decoded.

use crate::format::ImageFormat;

/// Why bytes could not be turned into pixels.
///
/// Every variant has a stable machine-readable [`code`](DecodeError::code), so that the portal
/// can translate it and platforms can count failures by kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// More bytes than [`Limits::max_bytes`](crate::Limits::max_bytes).
    #[error("the file has {size} bytes, more than the limit of {limit}")]
    TooManyBytes {
        /// Size of the input in bytes.
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// The header announces more pixels than [`Limits::max_pixels`](crate::Limits::max_pixels);
    /// nothing was allocated for them.
    #[error(
        "the image is {width}x{height} pixels, more than the limit of {limit} pixels \
         (a decompression bomb, or an image too large to hash)"
    )]
    TooManyPixels {
        /// Width announced by the header.
        width: u32,
        /// Height announced by the header.
        height: u32,
        /// The configured limit.
        limit: u64,
    },
    /// The decoder would need more memory than the limits allow (besides the pixels).
    #[error("decoding this {format} file needs more memory than the limits allow")]
    TooMuchMemory {
        /// The container format.
        format: ImageFormat,
    },
    /// The header announces a width or height of zero.
    #[error("the image has no pixels ({width}x{height})")]
    ZeroSize {
        /// Width announced by the header.
        width: u32,
        /// Height announced by the header.
        height: u32,
    },
    /// The content is not an image in any format we know (the file name is not looked at).
    #[error("not an image in a supported format (JPEG, PNG, WebP, GIF, BMP or TIFF)")]
    UnknownFormat,
    /// An image format that is recognised but not decoded (HEIC, AVIF, JPEG XL...).
    #[error("{0} images are not supported; convert the image to JPEG or PNG first")]
    UnsupportedFormat(&'static str),
    /// A supported format using a feature that the decoder does not implement (for example
    /// lossless or hierarchical JPEG, or an exotic TIFF compression).
    #[error("this {format} file uses something the decoder does not support: {detail}")]
    UnsupportedFeature {
        /// The container format.
        format: ImageFormat,
        /// What the decoder said.
        detail: String,
    },
    /// The data ends before the image does.
    #[error("the {format} file is truncated (its data ends before the image does)")]
    Truncated {
        /// The container format.
        format: ImageFormat,
    },
    /// The data breaks the format's rules.
    #[error("the {format} file is corrupt: {detail}")]
    Corrupt {
        /// The container format.
        format: ImageFormat,
        /// What the decoder said.
        detail: String,
    },
}

impl DecodeError {
    /// A stable, machine-readable name of the error kind (`snake_case`), for translation and
    /// statistics. It never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty_file",
            DecodeError::TooManyBytes { .. } => "too_many_bytes",
            DecodeError::TooManyPixels { .. } => "too_many_pixels",
            DecodeError::TooMuchMemory { .. } => "too_much_memory",
            DecodeError::ZeroSize { .. } => "zero_size",
            DecodeError::UnknownFormat => "unknown_format",
            DecodeError::UnsupportedFormat(_) => "unsupported_format",
            DecodeError::UnsupportedFeature { .. } => "unsupported_feature",
            DecodeError::Truncated { .. } => "truncated",
            DecodeError::Corrupt { .. } => "corrupt",
        }
    }
}
