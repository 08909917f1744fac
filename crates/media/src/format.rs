//! Recognising an image format from the first bytes of a file.
//!
//! The file name is never consulted: uploads arrive with wrong or missing extensions, and an
//! adversary renames files freely.

use crate::DecodeError;
use std::fmt;

/// The image formats that this crate decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// JPEG (JFIF, Exif; baseline and progressive).
    Jpeg,
    /// PNG (the first frame of an APNG).
    Png,
    /// WebP (lossy and lossless; the first frame of an animation).
    WebP,
    /// GIF (the first frame).
    Gif,
    /// Windows bitmap.
    Bmp,
    /// TIFF (the first page).
    Tiff,
}

impl ImageFormat {
    /// Lowercase name, as used in JSON output (`"jpeg"`, `"png"`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpeg",
            ImageFormat::Png => "png",
            ImageFormat::WebP => "webp",
            ImageFormat::Gif => "gif",
            ImageFormat::Bmp => "bmp",
            ImageFormat::Tiff => "tiff",
        }
    }

    /// The name people know the format by, for messages.
    pub const fn display_name(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Png => "PNG",
            ImageFormat::WebP => "WebP",
            ImageFormat::Gif => "GIF",
            ImageFormat::Bmp => "BMP",
            ImageFormat::Tiff => "TIFF",
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

/// How many leading bytes [`detect_format`] looks at; reading this many is always enough.
pub const SNIFF_LEN: usize = 32;

/// The format of an image from its first bytes (at least [`SNIFF_LEN`] of them when the file
/// is that long).
///
/// Errors: [`DecodeError::Empty`] for no bytes, [`DecodeError::UnsupportedFormat`] for image
/// formats that are recognised but not decoded (so that a person learns that their HEIC photo
/// needs converting rather than that it is "not an image"), [`DecodeError::UnknownFormat`]
/// otherwise.
pub fn detect_format(head: &[u8]) -> Result<ImageFormat, DecodeError> {
    if head.is_empty() {
        return Err(DecodeError::Empty);
    }
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageFormat::Png);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Ok(ImageFormat::Gif);
    }
    if head.len() >= 12 && starts(b"RIFF") && &head[8..12] == b"WEBP" {
        return Ok(ImageFormat::WebP);
    }
    // Classic TIFF (42) and BigTIFF (43), both byte orders.
    if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        return Ok(ImageFormat::Tiff);
    }
    // "BM" alone is too weak a signature (plenty of text starts with it): also require the
    // reserved header fields to be zero and a known DIB header size.
    if head.len() >= 18 && starts(b"BM") && head[6..10] == [0, 0, 0, 0] {
        let dib_header_size = u32::from_le_bytes([head[14], head[15], head[16], head[17]]);
        if matches!(dib_header_size, 12 | 16 | 40 | 52 | 56 | 64 | 108 | 124) {
            return Ok(ImageFormat::Bmp);
        }
    }
    if let Some(name) = unsupported_format_name(head) {
        return Err(DecodeError::UnsupportedFormat(name));
    }
    Err(DecodeError::UnknownFormat)
}

/// Image formats we recognise but do not decode.
fn unsupported_format_name(head: &[u8]) -> Option<&'static str> {
    // ISO base media file format: size, "ftyp", major brand.
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return match &head[8..12] {
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => {
                Some("HEIC/HEIF")
            }
            b"avif" | b"avis" => Some("AVIF"),
            _ => None,
        };
    }
    if head.starts_with(&[0xFF, 0x0A]) || head.starts_with(b"\0\0\0\x0cJXL \r\n\x87\n") {
        return Some("JPEG XL");
    }
    if head.starts_with(b"8BPS") {
        return Some("Photoshop (PSD)");
    }
    if head.starts_with(b"\0\0\0\x0cjP  \r\n\x87\n") || head.starts_with(&[0xFF, 0x4F, 0xFF, 0x51])
    {
        return Some("JPEG 2000");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_supported_format_by_content() {
        let cases: [(&[u8], ImageFormat); 7] = [
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", ImageFormat::Jpeg),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", ImageFormat::Png),
            (b"GIF89a\x01\0\x01\0", ImageFormat::Gif),
            (b"RIFF\x24\0\0\0WEBPVP8 ", ImageFormat::WebP),
            (b"II*\0\x08\0\0\0", ImageFormat::Tiff),
            (b"MM\0*\0\0\0\x08", ImageFormat::Tiff),
            (
                b"BM\x36\0\x0c\0\0\0\0\0\x36\0\0\0\x28\0\0\0",
                ImageFormat::Bmp,
            ),
        ];
        for (head, format) in cases {
            assert_eq!(detect_format(head), Ok(format), "{head:?}");
        }
    }

    #[test]
    fn names_formats_it_does_not_decode() {
        assert_eq!(
            detect_format(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(DecodeError::UnsupportedFormat("HEIC/HEIF"))
        );
        assert_eq!(
            detect_format(b"\0\0\0\x1cftypavif\0\0\0\0"),
            Err(DecodeError::UnsupportedFormat("AVIF"))
        );
    }

    #[test]
    fn refuses_empty_text_and_bm_prefixed_text() {
        assert_eq!(detect_format(b""), Err(DecodeError::Empty));
        assert_eq!(
            detect_format(b"hello, world"),
            Err(DecodeError::UnknownFormat)
        );
        assert_eq!(
            detect_format(b"BMW is a car maker, not a bitmap"),
            Err(DecodeError::UnknownFormat)
        );
        assert_eq!(detect_format(b"\xFF\xD8"), Err(DecodeError::UnknownFormat));
    }
}
