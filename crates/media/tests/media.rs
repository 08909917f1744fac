//! Integration tests of the `media` crate: the conformance images decode and hash as the
//! reference does, the EXIF orientation is applied, and hostile input is refused without
//! allocating for it.

use media::{DecodeError, DecodeOptions, DecodedImage, ImageFormat, Limits, Orientation};
use pdq::{Convention, PdqHash, PixelFormat};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The reference convention's sampled JPEG path, pixel for pixel against the full decode (one
/// test binary per crate: the other suites are modules of this one).
#[path = "media/sampled.rs"]
mod sampled;

// ---------------------------------------------------------------------------------------------
// A global allocator that remembers, per thread, the largest single allocation: how the tests
// prove that a decompression bomb is refused before its pixel buffer is allocated.

struct LargestAllocation;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for LargestAllocation {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_size(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_size(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_size(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

fn note_size(size: usize) {
    // `try_with`: the thread-local may already be gone while a thread shuts down.
    let _ = LARGEST.try_with(|largest| largest.set(largest.get().max(size)));
}

#[global_allocator]
static ALLOCATOR: LargestAllocation = LargestAllocation;

/// Runs `f` and returns its result with the largest allocation this thread made meanwhile.
fn largest_allocation<T>(f: impl FnOnce() -> T) -> (T, usize) {
    LARGEST.with(|largest| largest.set(0));
    let result = f();
    (result, LARGEST.with(Cell::get))
}

// ---------------------------------------------------------------------------------------------
// Test data

/// `../shared/testdata/pdq`, or `None` (with a message) when it is missing outside CI.
fn pdq_testdata() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/pdq");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the shared test data is missing at {} (required on CI)",
        dir.display()
    );
    eprintln!(
        "SKIPPED: the shared test data is missing at {}",
        dir.display()
    );
    None
}

/// The rows of a CSV file of the test data, as maps from column name to value.
fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).expect("readable CSV");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header line").split(',').collect();
    lines
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            header
                .iter()
                .zip(line.split(','))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn decode_path(path: &Path, options: &DecodeOptions) -> Result<DecodedImage, DecodeError> {
    let bytes = std::fs::read(path).expect("readable test image");
    media::decode(&bytes, options)
}

fn stored_pixels() -> DecodeOptions {
    DecodeOptions {
        apply_exif_orientation: false,
        ..DecodeOptions::default()
    }
}

fn hash_of(text: &str) -> PdqHash {
    PdqHash::from_hex(text).expect("a hash in the test data")
}

/// Meta's tolerance for JPEG rows, where decoders differ slightly.
const JPEG_TOLERANCE: u32 = 10;

/// Distances of JPEG rows, printed as a histogram at the end of a test.
#[derive(Default)]
struct Distances(BTreeMap<u32, usize>);

impl Distances {
    fn add(&mut self, distance: u32) {
        *self.0.entry(distance).or_default() += 1;
    }
    fn print(&self, what: &str) {
        let total: usize = self.0.values().sum();
        let text: Vec<String> = self.0.iter().map(|(d, n)| format!("{d}:{n}")).collect();
        println!(
            "{what}: distance:count over {total} JPEG rows: {}",
            text.join(" ")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Conformance

#[test]
fn every_conformance_image_decodes_by_content() {
    let Some(data) = pdq_testdata() else { return };
    for row in read_csv(&data.join("expected.csv")) {
        let file = &row["file"];
        let image = decode_path(&data.join("images").join(file), &stored_pixels())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        let expected_format = if file.ends_with(".png") {
            ImageFormat::Png
        } else {
            ImageFormat::Jpeg
        };
        assert_eq!(image.format(), expected_format, "{file}");
        assert!(image.width() > 0 && image.height() > 0, "{file}");
        if file.contains("grey-noise") {
            assert_eq!(image.pixel_format(), PixelFormat::Luma8, "{file}");
        }
        if file.starts_with("synthetic__noise-") {
            // The synthetic names carry the size.
            let size = file
                .trim_start_matches("synthetic__noise-")
                .trim_end_matches(".png");
            let (w, h) = size.split_once('x').expect("WxH");
            assert_eq!(
                (image.width(), image.height()),
                (w.parse().unwrap(), h.parse().unwrap()),
                "{file}"
            );
        }
    }
}

#[test]
fn conformance_hashes_match_the_reference() {
    let Some(data) = pdq_testdata() else { return };
    let mut distances = BTreeMap::<&str, Distances>::new();
    let mut failures = Vec::new();
    for row in read_csv(&data.join("expected.csv")) {
        let file = &row["file"];
        let image = decode_path(&data.join("images").join(file), &stored_pixels())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        for (convention, hash_column, quality_column) in [
            (Convention::Reference, "hash", "quality"),
            (
                Convention::FullResolution,
                "hash_fullres",
                "quality_fullres",
            ),
        ] {
            let output = image.hash(convention);
            let expected = hash_of(&row[hash_column]);
            let distance = output.hash.distance(&expected);
            if file.ends_with(".png") {
                let expected_quality: u8 = row[quality_column].parse().expect("quality");
                if distance != 0 || output.quality != expected_quality {
                    failures.push(format!(
                        "{file} {convention}: got {},{} expected {},{} (distance {distance})",
                        output.hash, output.quality, expected, expected_quality
                    ));
                }
            } else {
                distances
                    .entry(convention.as_str())
                    .or_default()
                    .add(distance);
                if distance > JPEG_TOLERANCE {
                    failures.push(format!(
                        "{file} {convention}: distance {distance} > {JPEG_TOLERANCE}"
                    ));
                }
            }
        }
    }
    for (convention, histogram) in &distances {
        histogram.print(convention);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dihedral_hashes_match_the_reference() {
    let Some(data) = pdq_testdata() else { return };
    const COLUMNS: [&str; 8] = [
        "original",
        "rotate90",
        "rotate180",
        "rotate270",
        "flipx",
        "flipy",
        "flipplus1",
        "flipminus1",
    ];
    let mut distances = Distances::default();
    let mut failures = Vec::new();
    for row in read_csv(&data.join("dihedral.csv")) {
        let file = &row["file"];
        let image = decode_path(&data.join("images").join(file), &stored_pixels())
            .unwrap_or_else(|error| panic!("{file}: {error}"));
        let output = image.hash_dihedral(Convention::Reference);
        for (column, hash) in COLUMNS.iter().zip(output.hashes) {
            let distance = hash.distance(&hash_of(&row[*column]));
            if file.ends_with(".png") {
                if distance != 0 {
                    failures.push(format!("{file} {column}: distance {distance}"));
                }
            } else {
                distances.add(distance);
                if distance > JPEG_TOLERANCE {
                    failures.push(format!("{file} {column}: distance {distance}"));
                }
            }
        }
    }
    distances.print("dihedral");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn exif_orientation_is_applied_by_default_and_can_be_ignored() {
    let Some(data) = pdq_testdata() else { return };
    let expected: BTreeMap<String, BTreeMap<String, String>> = read_csv(&data.join("expected.csv"))
        .into_iter()
        .map(|row| (row["file"].clone(), row))
        .collect();
    let mut distances = Distances::default();
    for row in read_csv(&data.join("exif-oriented.csv")) {
        let file = &row["file"];
        let path = data.join("images").join(file);
        let tag: u16 = row["exif_orientation"].parse().expect("orientation");

        let seen = decode_path(&path, &DecodeOptions::default()).expect(file);
        assert_eq!(seen.orientation(), Orientation::from_exif(tag).unwrap());
        let oriented = seen.hash(Convention::Reference).hash;
        let distance = oriented.distance(&hash_of(&row["oriented_hash"]));
        distances.add(distance);
        assert!(
            distance <= JPEG_TOLERANCE,
            "{file}: oriented hash at distance {distance}"
        );

        let stored = decode_path(&path, &stored_pixels()).expect(file);
        let distance = stored
            .hash(Convention::Reference)
            .hash
            .distance(&hash_of(&expected[file]["hash"]));
        assert!(
            distance <= JPEG_TOLERANCE,
            "{file}: stored-pixel hash at distance {distance}"
        );
        if Orientation::from_exif(tag).unwrap().swaps_dimensions() {
            assert_eq!(
                (seen.width(), seen.height()),
                (stored.height(), stored.width())
            );
        }
    }
    distances.print("exif-oriented");
}

// ---------------------------------------------------------------------------------------------
// Hostile input

/// Every cut of a file short of its end must be refused as truncated or corrupt, never hashed
/// as part of an image, and never a panic. (A cut that removes only trailing bytes after the
/// last pixel, like a GIF's trailer, may decode, but then to the whole image.)
fn assert_truncations_refused(bytes: &[u8], name: &str) {
    let whole = media::decode(bytes, &stored_pixels()).expect("the whole file decodes");
    let mut cuts: Vec<usize> = (1..40).map(|i| bytes.len() * i / 40).collect();
    cuts.extend([1, 2, 3, 10, 100, bytes.len() - 2, bytes.len() - 1]);
    for cut in cuts {
        let result = media::decode(&bytes[..cut], &stored_pixels());
        match result {
            Err(DecodeError::Truncated { .. }) | Err(DecodeError::Corrupt { .. }) => {}
            Ok(image) if image.pixels() == whole.pixels() => {}
            // Very short prefixes no longer carry the whole signature (18 bytes for BMP).
            Err(DecodeError::UnknownFormat) if cut < 18 => {}
            other => panic!(
                "{name} cut at {cut} of {}: expected a truncation error, got {other:?}",
                bytes.len()
            ),
        }
    }
}

#[test]
fn truncated_files_are_refused() {
    let Some(data) = pdq_testdata() else { return };
    for file in [
        "bridge-mods__square-512x512.jpg", // baseline JPEG
        "misc-images__small.jpg",          // progressive JPEG
        "dih__bridge-2-rotate-90.jpg",     // progressive, no subsampling
        "synthetic__noise-129x127.png",
        "misc-images__c.png",
    ] {
        let bytes = std::fs::read(data.join("images").join(file)).expect(file);
        assert_truncations_refused(&bytes, file);
    }
}

#[test]
fn generated_formats_decode_and_refuse_truncation() {
    // WebP, GIF, BMP and TIFF have no conformance images: make some with the image crate's
    // encoders, check that they decode to the pixels encoded (lossless formats), and that
    // truncations are refused.
    let (width, height) = (37u32, 23u32);
    let rgb: Vec<u8> = (0..width * height * 3)
        .map(|i| (i * 7 % 251) as u8)
        .collect();
    let image = image::RgbImage::from_raw(width, height, rgb.clone()).unwrap();
    for (format, image_format) in [
        (ImageFormat::Bmp, image::ImageFormat::Bmp),
        (ImageFormat::Tiff, image::ImageFormat::Tiff),
        (ImageFormat::WebP, image::ImageFormat::WebP),
    ] {
        let mut bytes = std::io::Cursor::new(Vec::new());
        image.write_to(&mut bytes, image_format).expect("encodes");
        let bytes = bytes.into_inner();
        let decoded = media::decode(&bytes, &DecodeOptions::default()).expect("decodes");
        assert_eq!(decoded.format(), format);
        assert_eq!((decoded.width(), decoded.height()), (width, height));
        let channels = decoded.pixel_format().channels();
        let as_rgb: Vec<u8> = decoded
            .pixels()
            .chunks_exact(channels)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        assert_eq!(as_rgb, rgb, "{format} pixels");
        assert_truncations_refused(&bytes, format.as_str());
    }

    // GIF is palette-based: encode an image of few colours so it round-trips exactly.
    let rgba: Vec<u8> = (0..width * height)
        .flat_map(|i| {
            if (i / 5) % 2 == 0 {
                [200, 30, 10, 255]
            } else {
                [5, 90, 250, 255]
            }
        })
        .collect();
    let gif = image::RgbaImage::from_raw(width, height, rgba.clone()).unwrap();
    let mut bytes = std::io::Cursor::new(Vec::new());
    gif.write_to(&mut bytes, image::ImageFormat::Gif)
        .expect("encodes");
    let bytes = bytes.into_inner();
    let decoded = media::decode(&bytes, &DecodeOptions::default()).expect("decodes");
    assert_eq!(decoded.format(), ImageFormat::Gif);
    assert_eq!(decoded.pixels(), &rgba[..]);
    assert_truncations_refused(&bytes, "gif");
}

#[test]
fn garbage_empty_and_unsupported_formats_are_refused() {
    let options = DecodeOptions::default();
    assert_eq!(
        media::decode(b"", &options).unwrap_err(),
        DecodeError::Empty
    );
    let garbage: Vec<u8> = (0..10_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert_eq!(
        media::decode(&garbage, &options).unwrap_err(),
        DecodeError::UnknownFormat
    );
    assert_eq!(
        media::decode(b"%PDF-1.7\n", &options).unwrap_err(),
        DecodeError::UnknownFormat
    );
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
    assert_eq!(
        media::decode(heic, &options).unwrap_err(),
        DecodeError::UnsupportedFormat("HEIC/HEIF")
    );
    // A valid signature followed by garbage.
    for signature in [
        &b"\xFF\xD8\xFF\xE0"[..],
        b"\x89PNG\r\n\x1a\n",
        b"GIF89a",
        b"II*\0",
        b"RIFF\0\0\0\0WEBPVP8 ",
    ] {
        let mut bytes = signature.to_vec();
        bytes.extend_from_slice(&garbage);
        let error = media::decode(&bytes, &options).unwrap_err();
        assert!(
            matches!(
                error,
                DecodeError::Corrupt { .. }
                    | DecodeError::Truncated { .. }
                    | DecodeError::UnsupportedFeature { .. }
                    | DecodeError::TooManyPixels { .. }
            ),
            "{signature:?} + garbage: {error:?}"
        );
    }
}

#[test]
fn byte_limit_is_enforced() {
    let png = png_with_size(8, 8);
    let limits = Limits {
        max_bytes: png.len() as u64 - 1,
        ..Limits::default()
    };
    let options = DecodeOptions {
        limits,
        ..DecodeOptions::default()
    };
    assert_eq!(
        media::decode(&png, &options).unwrap_err(),
        DecodeError::TooManyBytes {
            size: png.len() as u64,
            limit: png.len() as u64 - 1
        }
    );
}

/// A tiny, valid greyscale PNG header claiming `width` x `height`, with one IDAT holding a few
/// compressed bytes and an IEND: what a decompression bomb looks like before inflation.
fn png_with_size(width: u32, height: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit grey, deflate, no filter, no interlace
    chunk(&mut png, b"IHDR", &ihdr);
    // zlib stream of an all-zero image would follow; a few bytes of a stored block suffice.
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

/// A valid PNG of the given colour type and bit depth around raw scanlines (each starting with
/// its filter byte), compressed as stored deflate blocks.
fn png_with_pixels(width: u32, height: u32, color_type: u8, bit_depth: u8, rows: &[u8]) -> Vec<u8> {
    let mut png = png_with_size(width, height);
    // Replace the placeholder IHDR fields and data: rebuild the file from its header.
    png.truncate(8);
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[bit_depth, color_type, 0, 0, 0]);
    let mut zlib = vec![0x78, 0x01];
    for (i, block) in rows.chunks(65535).enumerate() {
        let last = (i + 1) * 65535 >= rows.len();
        zlib.push(u8::from(last));
        let len = block.len() as u16;
        zlib.extend_from_slice(&len.to_le_bytes());
        zlib.extend_from_slice(&(!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in rows {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    zlib.extend_from_slice(&((b << 16) | a).to_be_bytes());
    for (kind, data) in [(b"IHDR", &ihdr), (b"IDAT", &zlib), (b"IEND", &Vec::new())] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        png.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    }
    png
}

#[test]
fn png_grey_alpha_and_16_bit_samples_become_8_bit_pixels() {
    // Grey + alpha, 3x1: the alpha channel is dropped, the grey kept.
    let png = png_with_pixels(3, 1, 4, 8, &[0, 10, 255, 20, 0, 30, 128]);
    let image = media::decode(&png, &DecodeOptions::default()).expect("grey + alpha decodes");
    assert_eq!(image.pixel_format(), PixelFormat::Luma8);
    assert_eq!(image.pixels(), &[10, 20, 30]);

    // 16-bit RGB, 2x1: the high byte of each sample.
    let png = png_with_pixels(
        2,
        1,
        2,
        16,
        &[
            0, 0x12, 0x34, 0xAB, 0xCD, 0xFF, 0x00, 0x01, 0xFF, 0x80, 0x00, 0x7F, 0xFF,
        ],
    );
    let image = media::decode(&png, &DecodeOptions::default()).expect("16-bit RGB decodes");
    assert_eq!(image.pixel_format(), PixelFormat::Rgb8);
    assert_eq!(image.pixels(), &[0x12, 0xAB, 0xFF, 0x01, 0x80, 0x7F]);

    // 1-bit grey, 8x1: expanded to 0 and 255.
    let png = png_with_pixels(8, 1, 0, 1, &[0, 0b1010_0001]);
    let image = media::decode(&png, &DecodeOptions::default()).expect("1-bit grey decodes");
    assert_eq!(image.pixels(), &[255, 0, 255, 0, 0, 0, 0, 255]);
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A baseline JPEG header (SOI, DQT-less SOF0) claiming `width` x `height`.
fn jpeg_with_size(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    // DQT: one table of ones.
    jpeg.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    jpeg.extend_from_slice(&[1u8; 64]);
    // SOF0: 8-bit, height, width, one component.
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x0B, 0x08]);
    jpeg.extend_from_slice(&height.to_be_bytes());
    jpeg.extend_from_slice(&width.to_be_bytes());
    jpeg.extend_from_slice(&[0x01, 0x01, 0x11, 0x00]);
    // DHT: a minimal DC table and AC table with one code each.
    for class_id in [0x00u8, 0x10] {
        let mut counts = [0u8; 16];
        counts[0] = 1;
        jpeg.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x14, class_id]);
        jpeg.extend_from_slice(&counts);
        jpeg.push(0x00);
    }
    // SOS: one component, then a little entropy-coded data and EOI.
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    jpeg.extend_from_slice(&[0x00; 16]);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}

/// Decompression bombs of every format: headers that announce far more pixels than the limit.
fn bombs() -> Vec<(&'static str, Vec<u8>)> {
    let mut gif = b"GIF89a".to_vec();
    gif.extend_from_slice(&u16::MAX.to_le_bytes());
    gif.extend_from_slice(&u16::MAX.to_le_bytes());
    gif.extend_from_slice(&[0x00, 0x00, 0x00]); // no global palette
    // Image descriptor covering the whole screen, LZW minimum code size, an empty block, end.
    gif.extend_from_slice(&[0x2C, 0, 0, 0, 0]);
    gif.extend_from_slice(&u16::MAX.to_le_bytes());
    gif.extend_from_slice(&u16::MAX.to_le_bytes());
    gif.extend_from_slice(&[0x00, 0x08, 0x00, 0x3B]);

    let mut bmp = b"BM".to_vec();
    bmp.extend_from_slice(&[0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]);
    bmp.extend_from_slice(&40u32.to_le_bytes());
    // The BMP decoder refuses sides over 65535 on its own; stay under that.
    bmp.extend_from_slice(&60_000i32.to_le_bytes());
    bmp.extend_from_slice(&60_000i32.to_le_bytes());
    bmp.extend_from_slice(&1u16.to_le_bytes());
    bmp.extend_from_slice(&24u16.to_le_bytes());
    bmp.extend_from_slice(&[0u8; 24]);

    // Little-endian TIFF, one IFD: width, height, 8 bits, uncompressed, RGB, strip at 8.
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    let entries: [(u16, u16, u32, u32); 8] = [
        (256, 4, 1, 100_000),    // ImageWidth (LONG)
        (257, 4, 1, 100_000),    // ImageLength (LONG)
        (258, 3, 1, 8),          // BitsPerSample
        (259, 3, 1, 1),          // Compression: none
        (262, 3, 1, 1),          // Photometric: black is zero
        (273, 4, 1, 8),          // StripOffsets
        (278, 4, 1, 100_000),    // RowsPerStrip
        (279, 4, 1, 10_000_000), // StripByteCounts
    ];
    tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, count, value) in entries {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&kind.to_le_bytes());
        tiff.extend_from_slice(&count.to_le_bytes());
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());

    // Lossless WebP (VP8L) header: 14-bit width-1 and height-1, 16383 x 16383.
    let mut webp = b"RIFF".to_vec();
    let vp8l = [0x2Fu8, 0xFE, 0xBF, 0xFF, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00];
    webp.extend_from_slice(&((4 + 8 + vp8l.len()) as u32).to_le_bytes());
    webp.extend_from_slice(b"WEBPVP8L");
    webp.extend_from_slice(&(vp8l.len() as u32).to_le_bytes());
    webp.extend_from_slice(&vp8l);

    vec![
        ("png", png_with_size(100_000, 100_000)),
        ("jpeg", jpeg_with_size(u16::MAX, u16::MAX)),
        ("gif", gif),
        ("bmp", bmp),
        ("tiff", tiff),
        ("webp", webp),
    ]
}

#[test]
fn decompression_bombs_are_refused_before_allocating() {
    for (name, bytes) in bombs() {
        let (result, largest) =
            largest_allocation(|| media::decode(&bytes, &DecodeOptions::default()));
        assert!(
            matches!(result, Err(DecodeError::TooManyPixels { .. })),
            "{name}: {result:?}"
        );
        assert!(
            largest < 1 << 20,
            "{name}: allocated {largest} bytes before refusing"
        );
    }
}

#[test]
fn pixel_limit_is_configurable() {
    let png = png_with_size(1000, 1000);
    let options = DecodeOptions {
        limits: Limits {
            max_pixels: 999_999,
            ..Limits::default()
        },
        ..DecodeOptions::default()
    };
    assert_eq!(
        media::decode(&png, &options).unwrap_err(),
        DecodeError::TooManyPixels {
            width: 1000,
            height: 1000,
            limit: 999_999
        }
    );
}

#[test]
fn zero_sized_images_are_refused() {
    for (name, bytes) in [
        ("png 0x10", png_with_size(0, 10)),
        ("png 10x0", png_with_size(10, 0)),
        ("jpeg 0x10", jpeg_with_size(0, 10)),
    ] {
        let error = media::decode(&bytes, &DecodeOptions::default()).unwrap_err();
        assert!(
            matches!(
                error,
                DecodeError::ZeroSize { .. } | DecodeError::Corrupt { .. }
            ),
            "{name}: {error:?}"
        );
    }
}

#[test]
fn format_comes_from_content_not_extension() {
    let Some(data) = pdq_testdata() else { return };
    let dir = std::env::temp_dir().join(format!("media-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let disguised = dir.join("actually-a-png.jpg");
    std::fs::copy(
        data.join("images/synthetic__gradient-640x480.png"),
        &disguised,
    )
    .unwrap();
    let image = media::fs::decode_file(&disguised, &DecodeOptions::default()).unwrap();
    assert_eq!(image.format(), ImageFormat::Png);
    assert_eq!((image.width(), image.height()), (640, 480));

    let text = dir.join("notes.png");
    std::fs::write(&text, "not an image at all").unwrap();
    let error = media::fs::decode_file(&text, &DecodeOptions::default()).unwrap_err();
    assert!(error.is_not_an_image(), "{error:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn file_byte_limit_is_checked_before_reading() {
    let Some(data) = pdq_testdata() else { return };
    let path = data.join("images/synthetic__waves-4000x3000.png");
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let (result, largest) = largest_allocation(|| media::fs::read_image_file(&path, &limits));
    assert!(
        matches!(
            result,
            Err(media::fs::FileError::Decode(
                DecodeError::TooManyBytes { .. }
            ))
        ),
        "{result:?}"
    );
    assert!(largest < 1 << 16, "allocated {largest} bytes");
}
