//! The browser build of Empreinte's hashing, exported as raw functions to a Web Worker.
//!
//! Built for `wasm32-unknown-unknown` by `scripts/build-wasm` into the portal's
//! `assets/pdq.wasm` (with SIMD128) and `assets/pdq-baseline.wasm` (without, for older browsers),
//! and driven by the hand-written glue `assets/hasher-worker.js` (a module
//! Web Worker). It decodes image files with the [`media`] crate and hashes them with the [`pdq`]
//! crate, the very code `empreinte hash` runs, so a person's browser computes bit for bit the
//! hashes the command line prints; and it computes the MD5 of videos chunk by chunk. No
//! `wasm-bindgen`: the interface is a handful of `extern "C"` functions over the module's
//! linear memory, described here.
//!
//! # ABI
//!
//! The module imports nothing and exports its `memory` and the functions below. Pointers and
//! lengths are `i32` (wasm32 addresses); "handle" is an opaque non-zero pointer. Any call may
//! grow the memory, which detaches every `Uint8Array` over `memory.buffer`: the glue makes a new
//! view after each call.
//!
//! Memory the glue fills:
//! - `hasher_alloc(len) -> ptr`: `len` bytes for the glue to write into; 0 when memory is
//!   exhausted. `hasher_free(ptr, len)` gives them back (same `len`).
//!
//! Sorting a file by its head (the first [`HEAD_LEN`] bytes, or all of a shorter file):
//! - `hasher_sniff(ptr, len) -> kind`, a [`FileKind`]: 0 unknown, 1 image decoded here,
//!   2 HEIC/HEIF, 3 another image only a browser may decode (AVIF, JPEG XL, JPEG 2000),
//!   4 an image format nothing here decodes, 5 video.
//! - `hasher_image_byte_limit() -> u32`, `hasher_image_pixel_limit() -> u32`: the largest image
//!   accepted (file bytes, pixels), for the glue to refuse larger files before reading them.
//!
//! Images:
//! - `hasher_image_decode(ptr, len) -> handle`: decodes the whole file (the glue still owns and
//!   frees the bytes), applying its EXIF orientation. 0 on failure; then `hasher_last_error()`
//!   says why: 1 decode failed (empty, truncated, corrupt), 2 unsupported format, 3 too large
//!   (over 200 MB or 100 megapixels, refused from the header before any pixel is allocated).
//! - `hasher_image_from_rgba(ptr, width, height) -> handle`: takes ownership of a buffer from
//!   `hasher_alloc` of `width * height * 4` bytes of RGBA pixels (what a browser decoded, for
//!   HEIC); the glue must not free it. 0 when the size is wrong (`hasher_last_error()` 1) or the
//!   image is over the pixel limit (3).
//! - `hasher_image_width(handle)`, `hasher_image_height(handle)`: the size after orientation;
//!   `hasher_image_min_side() -> u32`: the smallest side PDQ hashes (5).
//! - `hasher_image_hash(handle, convention, out) -> quality`: PDQ of the image; `convention`
//!   0 is `reference`, 1 `full-resolution`; writes the hash as 64 lowercase hex ASCII bytes at
//!   `out`, returns the quality (0-100). An image narrower or shorter than 5 pixels gets quality 0
//!   and the all-zero hash, as in the reference.
//! - `hasher_image_free(handle)`.
//!
//! Videos (MD5 of the bytes, fed in chunks so a 2 GB file never sits in memory):
//! - `hasher_md5_new() -> handle`, `hasher_md5_update(handle, ptr, len)`,
//!   `hasher_md5_finish(handle, out)`: writes 32 lowercase hex ASCII bytes at `out` and frees
//!   the state.
//!
//! Failure that cannot be returned: a panic or an allocation failure traps (the target aborts on
//! panic). `hasher_out_of_memory() -> 1` after a trap says that an allocation failed (the image
//! was too large for this device); the glue then throws the instance away and instantiates a
//! fresh one, since a trap can leave the heap in any state.

#![warn(missing_docs)]

mod sniff;

use md5::{Digest, Md5};
use media::{DecodeError, DecodeOptions, DecodedImage, Limits};
use pdq::{Convention, ImageRef, PdqHasher, PixelFormat};
use std::alloc::{Layout, alloc, dealloc};
use std::cell::{Cell, RefCell};

pub use sniff::{FileKind, HEAD_LEN, sniff};

/// Why a call returned 0; read with [`hasher_last_error`]. The discriminants are the ABI's
/// numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum ErrorCode {
    /// No error.
    None = 0,
    /// Not a readable image: empty, truncated, corrupt.
    DecodeFailed = 1,
    /// Not an image format decoded here, or a feature of one that the decoder lacks.
    UnsupportedFormat = 2,
    /// Over the byte or pixel limits.
    TooLarge = 3,
}

impl From<&DecodeError> for ErrorCode {
    fn from(error: &DecodeError) -> Self {
        match error {
            DecodeError::TooManyBytes { .. }
            | DecodeError::TooManyPixels { .. }
            | DecodeError::TooMuchMemory { .. } => ErrorCode::TooLarge,
            DecodeError::UnknownFormat
            | DecodeError::UnsupportedFormat(_)
            | DecodeError::UnsupportedFeature { .. } => ErrorCode::UnsupportedFormat,
            // Empty, zero-sized, truncated, corrupt, and any kind added later.
            _ => ErrorCode::DecodeFailed,
        }
    }
}

/// An image ready to hash: decoded here, or pixels a browser decoded.
pub enum Image {
    /// Decoded by [`media::decode`].
    Decoded(DecodedImage),
    /// RGBA pixels from the browser.
    Rgba {
        /// `width * height * 4` bytes.
        pixels: Vec<u8>,
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

impl Image {
    /// The pixels as the hasher takes them.
    pub fn as_image_ref(&self) -> ImageRef<'_> {
        match self {
            Image::Decoded(image) => image.as_image_ref(),
            Image::Rgba {
                pixels,
                width,
                height,
            } => ImageRef::new(pixels, *width, *height, PixelFormat::Rgba8)
                .expect("the buffer size was checked when the image was built"),
        }
    }
}

thread_local! {
    static LAST_ERROR: Cell<ErrorCode> = const { Cell::new(ErrorCode::None) };
    /// One hasher for the module's life: its buffers are reused from one image to the next.
    static HASHER: RefCell<PdqHasher> = RefCell::new(PdqHasher::new());
}

fn fail<T>(code: ErrorCode) -> *mut T {
    LAST_ERROR.with(|last| last.set(code));
    std::ptr::null_mut()
}

/// Allocates `len` bytes for the glue to fill; null when memory is exhausted.
#[unsafe(no_mangle)]
pub extern "C" fn hasher_alloc(len: usize) -> *mut u8 {
    match Layout::array::<u8>(len) {
        // A zero-sized allocation is not allowed; a dangling pointer stands for it.
        Ok(_) if len == 0 => std::ptr::NonNull::<u8>::dangling().as_ptr(),
        // SAFETY: the layout has a non-zero size.
        Ok(layout) => unsafe { alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// Frees what [`hasher_alloc`] returned.
///
/// # Safety
/// `ptr` comes from `hasher_alloc(len)` with this `len`, and is not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() || len == 0 {
        return;
    }
    if let Ok(layout) = Layout::array::<u8>(len) {
        // SAFETY: allocated by `hasher_alloc` with this layout (the caller's contract).
        unsafe { dealloc(ptr, layout) }
    }
}

/// The bytes at `ptr..ptr + len`.
///
/// # Safety
/// `ptr` points to `len` initialised bytes (or `len` is 0).
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 || ptr.is_null() {
        &[]
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(ptr, len) }
    }
}

/// Writes ASCII hex digits to `out`.
///
/// # Safety
/// `out` points to `hex.len()` writable bytes.
unsafe fn write_ascii(out: *mut u8, hex: &str) {
    // SAFETY: the caller's contract.
    unsafe { std::ptr::copy_nonoverlapping(hex.as_ptr(), out, hex.len()) }
}

/// What kind of file starts with these bytes (a [`FileKind`] number).
///
/// # Safety
/// `ptr` points to `len` initialised bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_sniff(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller's contract.
    sniff(unsafe { bytes(ptr, len) }) as u32
}

/// The largest image file the decoder accepts, in bytes.
#[unsafe(no_mangle)]
pub extern "C" fn hasher_image_byte_limit() -> u32 {
    u32::try_from(Limits::DEFAULT_MAX_BYTES).unwrap_or(u32::MAX)
}

/// The largest image accepted, in pixels (width x height), for the glue to refuse a larger
/// browser-decoded image before reading its pixels.
#[unsafe(no_mangle)]
pub extern "C" fn hasher_image_pixel_limit() -> u32 {
    u32::try_from(Limits::DEFAULT_MAX_PIXELS).unwrap_or(u32::MAX)
}

/// The smallest width and height PDQ hashes (5): a smaller image gets the all-zero hash with
/// quality 0, and the glue tells the person it is too small instead.
#[unsafe(no_mangle)]
pub extern "C" fn hasher_image_min_side() -> u32 {
    pdq::MIN_HASHABLE_SIDE as u32
}

/// Why the last call that returned 0 failed (an [`ErrorCode`] number).
#[unsafe(no_mangle)]
pub extern "C" fn hasher_last_error() -> u32 {
    LAST_ERROR.with(Cell::get) as u32
}

/// Decodes an image file (EXIF orientation applied, the default limits). Null on failure.
///
/// # Safety
/// `ptr` points to `len` initialised bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_decode(ptr: *const u8, len: usize) -> *mut Image {
    // SAFETY: the caller's contract.
    let file = unsafe { bytes(ptr, len) };
    match media::decode(file, &DecodeOptions::default()) {
        Ok(image) => Box::into_raw(Box::new(Image::Decoded(image))),
        Err(error) => fail(ErrorCode::from(&error)),
    }
}

/// Wraps RGBA pixels that a browser decoded, taking ownership of the buffer. Null on failure
/// (the buffer is then freed).
///
/// # Safety
/// `ptr` comes from `hasher_alloc(width * height * 4)` and is not used by the caller afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_from_rgba(
    ptr: *mut u8,
    width: u32,
    height: u32,
) -> *mut Image {
    let pixels = u64::from(width) * u64::from(height);
    let Some(len) = pixels
        .checked_mul(4)
        .and_then(|len| usize::try_from(len).ok())
    else {
        return fail(ErrorCode::TooLarge);
    };
    if ptr.is_null() || len == 0 {
        return fail(ErrorCode::DecodeFailed);
    }
    // SAFETY: allocated by `hasher_alloc(len)`, i.e. by the global allocator with the layout
    // of `len` bytes, which is what `Vec<u8>` with capacity `len` owns.
    let buffer = unsafe { Vec::from_raw_parts(ptr, len, len) };
    if pixels > Limits::DEFAULT_MAX_PIXELS {
        return fail(ErrorCode::TooLarge);
    }
    Box::into_raw(Box::new(Image::Rgba {
        pixels: buffer,
        width,
        height,
    }))
}

/// The image's width in pixels.
///
/// # Safety
/// `image` is a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_width(image: *const Image) -> u32 {
    // SAFETY: the caller's contract.
    unsafe { &*image }.as_image_ref().width()
}

/// The image's height in pixels.
///
/// # Safety
/// `image` is a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_height(image: *const Image) -> u32 {
    // SAFETY: the caller's contract.
    unsafe { &*image }.as_image_ref().height()
}

/// PDQ of the image under `convention` (0 reference, 1 full resolution): 64 hex digits at `out`,
/// the quality returned.
///
/// # Safety
/// `image` is a live handle; `out` points to 64 writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_hash(
    image: *const Image,
    convention: u32,
    out: *mut u8,
) -> u32 {
    let convention = if convention == 1 {
        Convention::FullResolution
    } else {
        Convention::Reference
    };
    // SAFETY: the caller's contract.
    let image = unsafe { &*image }.as_image_ref();
    let output = HASHER.with(|hasher| hasher.borrow_mut().hash(&image, convention));
    // SAFETY: the caller's contract; the hex form is 64 ASCII bytes.
    unsafe { write_ascii(out, &output.hash.to_hex()) };
    u32::from(output.quality)
}

/// Frees an image.
///
/// # Safety
/// `image` is a live handle, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_image_free(image: *mut Image) {
    if !image.is_null() {
        // SAFETY: made by `Box::into_raw` in this module (the caller's contract).
        drop(unsafe { Box::from_raw(image) });
    }
}

/// A fresh MD5 state.
#[unsafe(no_mangle)]
pub extern "C" fn hasher_md5_new() -> *mut Md5 {
    Box::into_raw(Box::new(Md5::new()))
}

/// Feeds bytes to an MD5 state.
///
/// # Safety
/// `state` is a live handle; `ptr` points to `len` initialised bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_md5_update(state: *mut Md5, ptr: *const u8, len: usize) {
    // SAFETY: the caller's contract.
    unsafe { (*state).update(bytes(ptr, len)) }
}

/// Writes the digest as 32 hex digits at `out` and frees the state.
///
/// # Safety
/// `state` is a live handle, not used afterwards; `out` points to 32 writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn hasher_md5_finish(state: *mut Md5, out: *mut u8) {
    // SAFETY: made by `Box::into_raw` in `hasher_md5_new` (the caller's contract).
    let state = unsafe { Box::from_raw(state) };
    let hex: String = state
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    // SAFETY: the caller's contract; 32 ASCII bytes.
    unsafe { write_ascii(out, &hex) }
}

/// 1 when an allocation has failed since the module was instantiated (read after a trap).
#[unsafe(no_mangle)]
pub extern "C" fn hasher_out_of_memory() -> u32 {
    u32::from(memory::out_of_memory())
}

mod memory {
    //! The global allocator, watched so that the glue can tell "this device ran out of memory"
    //! from a bug after a trap.

    use std::sync::atomic::{AtomicBool, Ordering};

    static OUT_OF_MEMORY: AtomicBool = AtomicBool::new(false);

    pub(crate) fn out_of_memory() -> bool {
        OUT_OF_MEMORY.load(Ordering::Relaxed)
    }

    #[cfg(target_arch = "wasm32")]
    mod watched {
        use super::{OUT_OF_MEMORY, Ordering};
        use std::alloc::{GlobalAlloc, Layout, System};

        /// The system allocator, noting any failure.
        struct Watched;

        // SAFETY: every call is forwarded unchanged to `System`.
        unsafe impl GlobalAlloc for Watched {
            unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
                // SAFETY: forwarded.
                let ptr = unsafe { System.alloc(layout) };
                if ptr.is_null() {
                    OUT_OF_MEMORY.store(true, Ordering::Relaxed);
                }
                ptr
            }

            unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
                // SAFETY: forwarded.
                unsafe { System.dealloc(ptr, layout) }
            }

            unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
                // SAFETY: forwarded.
                let ptr = unsafe { System.alloc_zeroed(layout) };
                if ptr.is_null() {
                    OUT_OF_MEMORY.store(true, Ordering::Relaxed);
                }
                ptr
            }

            unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
                // SAFETY: forwarded.
                let ptr = unsafe { System.realloc(ptr, layout, new_size) };
                if ptr.is_null() {
                    OUT_OF_MEMORY.store(true, Ordering::Relaxed);
                }
                ptr
            }
        }

        #[global_allocator]
        static ALLOCATOR: Watched = Watched;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash_through_abi(image: *const Image) -> [(String, u32); 2] {
        [0, 1].map(|convention| {
            let mut out = [0u8; 64];
            // SAFETY: a live handle and 64 bytes.
            let quality = unsafe { hasher_image_hash(image, convention, out.as_mut_ptr()) };
            (String::from_utf8(out.to_vec()).unwrap(), quality)
        })
    }

    /// A small PNG, made with the encoder-free stored-deflate trick: zune-png decodes it.
    fn grey_png(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = 0xFFFF_FFFFu32;
            for &byte in bytes {
                crc ^= u32::from(byte);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        fn adler32(bytes: &[u8]) -> u32 {
            let (mut a, mut b) = (1u32, 0u32);
            for &byte in bytes {
                a = (a + u32::from(byte)) % 65521;
                b = (b + a) % 65521;
            }
            (b << 16) | a
        }
        fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let mut body = kind.to_vec();
            body.extend_from_slice(data);
            out.extend_from_slice(&body);
            out.extend_from_slice(&crc32(&body).to_be_bytes());
        }
        let mut raw = Vec::new();
        for y in 0..height {
            raw.push(0); // filter: none
            raw.extend((0..width).map(|x| ((x * 7 + y * 13 + (x * y) % 17) % 256) as u8));
        }
        let mut zlib = vec![0x78, 0x01];
        for (index, block) in raw.chunks(65535).enumerate() {
            let last = (index + 1) * 65535 >= raw.len();
            zlib.push(u8::from(last));
            zlib.extend_from_slice(&(block.len() as u16).to_le_bytes());
            zlib.extend_from_slice(&(!(block.len() as u16)).to_le_bytes());
            zlib.extend_from_slice(block);
        }
        zlib.extend_from_slice(&adler32(&raw).to_be_bytes());
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = Vec::new();
        header.extend_from_slice(&width.to_be_bytes());
        header.extend_from_slice(&height.to_be_bytes());
        header.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit grey
        chunk(&mut png, b"IHDR", &header);
        chunk(&mut png, b"IDAT", &zlib);
        chunk(&mut png, b"IEND", &[]);
        png
    }

    #[test]
    fn decodes_and_hashes_as_the_libraries_do() {
        let png = grey_png(700, 300);
        // SAFETY: a live slice.
        assert_eq!(
            unsafe { hasher_sniff(png.as_ptr(), png.len()) },
            FileKind::Image as u32
        );
        // SAFETY: a live slice.
        let image = unsafe { hasher_image_decode(png.as_ptr(), png.len()) };
        assert!(!image.is_null());
        // SAFETY: a live handle.
        unsafe {
            assert_eq!(hasher_image_width(image), 700);
            assert_eq!(hasher_image_height(image), 300);
        }
        let through_abi = hash_through_abi(image);
        // SAFETY: a live handle, freed once.
        unsafe { hasher_image_free(image) };

        let decoded = media::decode(&png, &DecodeOptions::default()).unwrap();
        let direct = pdq::hash_image_both_conventions(&decoded.as_image_ref());
        for (abi, expected) in through_abi.iter().zip(direct) {
            assert_eq!(abi.0, expected.hash.to_hex());
            assert_eq!(abi.1, u32::from(expected.quality));
        }
        // The two conventions differ on an image larger than 512 px.
        assert_ne!(through_abi[0].0, through_abi[1].0);
    }

    #[test]
    fn rgba_pixels_hash_as_the_same_picture_decoded_here() {
        let png = grey_png(64, 40);
        let decoded = media::decode(&png, &DecodeOptions::default()).unwrap();
        let rgba: Vec<u8> = decoded
            .pixels()
            .iter()
            .flat_map(|&v| [v, v, v, 255])
            .collect();
        let ptr = hasher_alloc(rgba.len());
        // SAFETY: `ptr` has room for `rgba.len()` bytes; ownership passes to the image.
        let image = unsafe {
            std::ptr::copy_nonoverlapping(rgba.as_ptr(), ptr, rgba.len());
            hasher_image_from_rgba(ptr, 64, 40)
        };
        assert!(!image.is_null());
        let from_rgba = hash_through_abi(image);
        // SAFETY: a live handle, freed once.
        unsafe { hasher_image_free(image) };
        let direct = pdq::hash_image(&decoded.as_image_ref(), Convention::FullResolution);
        assert_eq!(from_rgba[1].0, direct.hash.to_hex());
    }

    #[test]
    fn errors_come_back_as_codes() {
        let cases: [(&[u8], ErrorCode); 4] = [
            (b"", ErrorCode::DecodeFailed),
            (b"plain text, not an image", ErrorCode::UnsupportedFormat),
            (
                b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
                ErrorCode::UnsupportedFormat,
            ),
            (&grey_png(40, 40)[..60], ErrorCode::DecodeFailed),
        ];
        for (file, code) in cases {
            // SAFETY: a live slice.
            let image = unsafe { hasher_image_decode(file.as_ptr(), file.len()) };
            assert!(image.is_null(), "{file:?}");
            assert_eq!(hasher_last_error(), code as u32, "{file:?}");
        }
        // A PNG header announcing 20000 x 20000 pixels is refused before anything is allocated.
        let mut bomb = grey_png(8, 8);
        bomb[16..20].copy_from_slice(&20_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&20_000u32.to_be_bytes());
        // SAFETY: a live slice.
        let image = unsafe { hasher_image_decode(bomb.as_ptr(), bomb.len()) };
        assert!(image.is_null());
        assert_eq!(hasher_last_error(), ErrorCode::TooLarge as u32);

        // A wrong-sized or oversized RGBA image.
        let ptr = hasher_alloc(4);
        // SAFETY: ownership passes (and the buffer is freed on failure).
        let image = unsafe { hasher_image_from_rgba(ptr, 20_000, 20_000) };
        assert!(image.is_null());
        assert_eq!(hasher_last_error(), ErrorCode::TooLarge as u32);
    }

    #[test]
    fn md5_in_chunks_equals_md5_of_the_whole() {
        let data: Vec<u8> = (0..1_000_003u32)
            .map(|i| i.wrapping_mul(2_654_435_761) as u8)
            .collect();
        let state = hasher_md5_new();
        for chunk in data.chunks(65_536) {
            // SAFETY: a live handle and slice.
            unsafe { hasher_md5_update(state, chunk.as_ptr(), chunk.len()) };
        }
        let mut out = [0u8; 32];
        // SAFETY: a live handle, 32 bytes.
        unsafe { hasher_md5_finish(state, out.as_mut_ptr()) };
        let whole: String = Md5::digest(&data)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(std::str::from_utf8(&out).unwrap(), whole);

        // RFC 1321's test vector, fed in two parts.
        let state = hasher_md5_new();
        for part in [&b"message "[..], b"digest"] {
            // SAFETY: a live handle and slice.
            unsafe { hasher_md5_update(state, part.as_ptr(), part.len()) };
        }
        // SAFETY: a live handle, 32 bytes.
        unsafe { hasher_md5_finish(state, out.as_mut_ptr()) };
        assert_eq!(&out, b"f96b697d7cb7938d525a2f31aaf161d0");
    }

    #[test]
    fn zero_sized_allocations_round_trip() {
        let ptr = hasher_alloc(0);
        assert!(!ptr.is_null());
        // SAFETY: from `hasher_alloc(0)`.
        unsafe { hasher_free(ptr, 0) };
        assert_eq!(hasher_out_of_memory(), 0);
    }
}
