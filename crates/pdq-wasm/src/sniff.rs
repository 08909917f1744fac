//! What kind of file a person chose, from its first bytes: an image decoded here, an image only
//! the browser might decode, a video, or something else.
//!
//! The worker reads only the first [`HEAD_LEN`] bytes to decide, so that a 2 GB video is never
//! read whole into memory by mistake, and a renamed file is handled by what it is.

use media::DecodeError;

/// How many leading bytes [`sniff`] needs to decide (more than `media::SNIFF_LEN`, for the
/// packet structure of MPEG transport streams).
pub const HEAD_LEN: usize = 512;

/// What a file is, as far as hashing goes. The discriminants are the ABI's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum FileKind {
    /// Not recognised.
    Unknown = 0,
    /// An image this crate decodes (JPEG, PNG, WebP, GIF, BMP, TIFF).
    Image = 1,
    /// A HEIC/HEIF photo: not decoded here; some browsers (Safari) can.
    Heif = 2,
    /// Another image format that some browsers decode and this crate does not (AVIF,
    /// JPEG XL, JPEG 2000).
    BrowserImage = 3,
    /// An image format that no browser decodes and this crate does not (Photoshop).
    UnsupportedImage = 4,
    /// A video container (MP4, QuickTime, 3GP, WebM/Matroska, AVI, WMV/ASF, FLV, MPEG program
    /// and transport streams, Ogg): hashed as MD5 of its bytes.
    Video = 5,
}

/// The kind of file whose first bytes (up to [`HEAD_LEN`]) are `head`.
pub fn sniff(head: &[u8]) -> FileKind {
    match media::detect_format(head) {
        Ok(_) => return FileKind::Image,
        Err(DecodeError::UnsupportedFormat(name)) => {
            return match name {
                "HEIC/HEIF" => FileKind::Heif,
                "AVIF" | "JPEG XL" | "JPEG 2000" => FileKind::BrowserImage,
                _ => FileKind::UnsupportedImage,
            };
        }
        Err(_) => {}
    }
    if is_video(head) {
        FileKind::Video
    } else {
        FileKind::Unknown
    }
}

fn is_video(head: &[u8]) -> bool {
    let starts = |magic: &[u8]| head.starts_with(magic);
    // ISO base media (MP4, M4V, 3GP) and QuickTime: a box size then a box type. Image brands of
    // `ftyp` (HEIC, AVIF) were recognised before this is reached.
    if head.len() >= 8 && matches!(&head[4..8], b"ftyp" | b"moov" | b"mdat" | b"wide" | b"free") {
        return true;
    }
    // EBML: WebM and Matroska.
    if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return true;
    }
    if head.len() >= 12 && starts(b"RIFF") && &head[8..12] == b"AVI " {
        return true;
    }
    // ASF (WMV): the header object's GUID.
    if starts(&[
        0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE,
        0x6C,
    ]) {
        return true;
    }
    if starts(b"FLV\x01") || starts(b"OggS") {
        return true;
    }
    // MPEG program stream pack header, or a video elementary stream's sequence header.
    if starts(&[0, 0, 1, 0xBA]) || starts(&[0, 0, 1, 0xB3]) {
        return true;
    }
    // MPEG transport stream: a sync byte every 188 bytes (192 with the timestamp prefix of
    // M2TS, as camcorders write `.mts`).
    let synced = |offset: usize, stride: usize| {
        (0..2).all(|k| head.get(offset + k * stride) == Some(&0x47)) && head.len() > offset + stride
    };
    synced(0, 188) || synced(4, 192)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_images_browser_images_and_videos_apart() {
        let cases: [(&[u8], FileKind); 12] = [
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", FileKind::Image),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", FileKind::Image),
            (b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", FileKind::Heif),
            (b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic", FileKind::Heif),
            (
                b"\0\0\0\x1cftypavif\0\0\0\0avifmif1",
                FileKind::BrowserImage,
            ),
            (b"8BPS\0\x01\0\0\0\0\0\0", FileKind::UnsupportedImage),
            (b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2", FileKind::Video),
            (b"\0\0\0\x14ftypqt  \0\0\0\0qt  ", FileKind::Video),
            (b"\x1A\x45\xDF\xA3\x9f\x42\x86\x81", FileKind::Video),
            (b"RIFF\0\0\0\0AVI LIST", FileKind::Video),
            (b"hello, world", FileKind::Unknown),
            (b"", FileKind::Unknown),
        ];
        for (head, kind) in cases {
            assert_eq!(sniff(head), kind, "{head:?}");
        }
    }

    #[test]
    fn recognises_transport_streams_by_their_sync_bytes() {
        let mut ts = vec![0u8; HEAD_LEN];
        ts[0] = 0x47;
        ts[188] = 0x47;
        assert_eq!(sniff(&ts), FileKind::Video);
        let mut m2ts = vec![0u8; HEAD_LEN];
        m2ts[4] = 0x47;
        m2ts[196] = 0x47;
        assert_eq!(sniff(&m2ts), FileKind::Video);
        // One sync byte is not a stream.
        assert_eq!(sniff(&ts[..100]), FileKind::Unknown);
    }
}
