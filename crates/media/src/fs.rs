//! Reading image files (feature `fs`, on by default; the browser build leaves it out).

use crate::{DecodeError, DecodeOptions, DecodedImage, ImageFormat, Limits, SNIFF_LEN};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why an image file could not be read or decoded.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The bytes are not a decodable image within the limits.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

impl FileError {
    /// Whether the file is simply not an image (as opposed to a broken or refused one): what a
    /// directory walk skips silently.
    pub fn is_not_an_image(&self) -> bool {
        matches!(
            self,
            FileError::Decode(DecodeError::UnknownFormat | DecodeError::Empty)
        )
    }
}

/// An image file's bytes, read whole, and the format its first bytes announce.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// The whole file.
    pub bytes: Vec<u8>,
    /// The format recognised from the content.
    pub format: ImageFormat,
}

/// Reads an image file, refusing it before reading it whole when its first bytes are not an
/// image or when it is larger than `limits.max_bytes`.
///
/// Sniffing first means a directory walk that meets a 4 GB video reads 32 bytes of it, not 4 GB.
pub fn read_image_file(path: &Path, limits: &Limits) -> Result<ImageFile, FileError> {
    let mut file = File::open(path)?;
    let mut head = [0u8; SNIFF_LEN];
    let head_len = read_up_to(&mut file, &mut head)?;
    let format = crate::detect_format(&head[..head_len])?;

    let size = file.metadata()?.len();
    if size > limits.max_bytes {
        return Err(DecodeError::TooManyBytes {
            size,
            limit: limits.max_bytes,
        }
        .into());
    }
    // One allocation of the right size; `take` guards against a file that grows meanwhile.
    let capacity = usize::try_from(size).unwrap_or(0).saturating_add(1);
    let mut bytes = Vec::with_capacity(capacity);
    bytes.extend_from_slice(&head[..head_len]);
    let budget = limits.max_bytes.saturating_sub(head_len as u64);
    file.take(budget.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(DecodeError::TooManyBytes {
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        }
        .into());
    }
    Ok(ImageFile { bytes, format })
}

/// Reads and decodes an image file.
pub fn decode_file(path: &Path, options: &DecodeOptions) -> Result<DecodedImage, FileError> {
    let file = read_image_file(path, &options.limits)?;
    Ok(crate::decode(&file.bytes, options)?)
}

/// Reads and decodes an image file for hashing with the reference convention only, as
/// [`crate::decode_for_reference`] does: for a large JPEG, only the pixels that convention reads.
pub fn decode_file_for_reference(
    path: &Path,
    options: &DecodeOptions,
) -> Result<DecodedImage, FileError> {
    let file = read_image_file(path, &options.limits)?;
    Ok(crate::decode_for_reference(&file.bytes, options)?)
}

/// Fills `buffer` as far as the file allows; returns how many bytes were read.
fn read_up_to(file: &mut File, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}
