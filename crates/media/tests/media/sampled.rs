//! `decode_for_reference` must give exactly the pixels of a full decode followed by the
//! reference convention's 512x512 nearest-neighbour resize, and so the same hashes.

use jpeg_encoder::{ColorType, Encoder, SamplingFactor};
use media::{
    DecodeOptions, DecodedImage, decode, decode_for_reference_any_size as decode_for_reference,
};
use pdq::Convention;
use std::path::Path;

/// The full decode's pixels resized as the reference convention resizes them.
fn resized(image: &DecodedImage) -> Vec<u8> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let channels = image.pixel_format().channels();
    let mut out = Vec::with_capacity(512 * 512 * channels);
    for j in 0..512 {
        let y = j * h / 512;
        for i in 0..512 {
            let x = i * w / 512;
            let at = (y * w + x) * channels;
            out.extend_from_slice(&image.pixels()[at..at + channels]);
        }
    }
    out
}

/// Compares both paths; returns whether the sampled decoder (not the fallback) was used.
fn compare(bytes: &[u8], name: &str) -> bool {
    let mut sampled_used = false;
    for apply in [true, false] {
        let options = DecodeOptions {
            apply_exif_orientation: apply,
            ..DecodeOptions::default()
        };
        let full = decode(bytes, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let sampled =
            decode_for_reference(bytes, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            sampled.original_size(),
            (full.width(), full.height()),
            "{name}"
        );
        assert_eq!(sampled.pixel_format(), full.pixel_format(), "{name}");
        if full.width() > 512 || full.height() > 512 {
            if sampled.width() == 512
                && sampled.height() == 512
                && (full.width(), full.height()) != (512, 512)
            {
                sampled_used = true;
                let expected = resized(&full);
                if sampled.pixels() != expected.as_slice() {
                    let first = sampled
                        .pixels()
                        .iter()
                        .zip(&expected)
                        .position(|(a, b)| a != b)
                        .unwrap();
                    let c = full.pixel_format().channels();
                    panic!(
                        "{name} (orientation applied: {apply}): pixels differ first at output ({}, {}): {:?} vs {:?}",
                        first / c % 512,
                        first / c / 512,
                        &sampled.pixels()[first / c * c..first / c * c + c],
                        &expected[first / c * c..first / c * c + c]
                    );
                }
            } else {
                assert!(sampled.pixels() == full.pixels(), "{name}");
            }
        }
        {
            let convention = Convention::Reference;
            assert_eq!(
                sampled.hash(convention).hash,
                full.hash(convention).hash,
                "{name}"
            );
            assert_eq!(
                sampled.hash_dihedral(convention).hashes,
                full.hash_dihedral(convention).hashes,
                "{name}"
            );
        }
    }
    sampled_used
}

#[test]
fn conformance_jpegs_sample_as_the_full_decode_does() {
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
    let mut sampled = 0;
    for entry in std::fs::read_dir(&dir).expect("readable test data") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_none_or(|e| e != "jpg") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable image");
        if compare(&bytes, &path.display().to_string()) {
            sampled += 1;
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} JPEG files found");
    eprintln!("{checked} conformance JPEGs compared, {sampled} through the sampled decoder");
    assert!(sampled >= 10, "only {sampled} files took the sampled path");
}

/// A photo-like test image: smooth colour gradients, edges and noise, so that every chroma
/// neighbour matters.
fn photo(width: u16, height: u16, channels: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = Vec::with_capacity(width as usize * height as usize * channels);
    for y in 0..height as u32 {
        for x in 0..width as u32 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let noise = (state % 48) as u32;
            let edge = if (x / 37 + y / 23) % 3 == 0 { 90 } else { 0 };
            for c in 0..channels as u32 {
                let value = (x * (3 + c) + y * (5 - c) + noise + edge + c * 40) % 256;
                out.push(value as u8);
            }
        }
    }
    out
}

/// An APP1 EXIF segment holding only an orientation tag.
fn exif_orientation(value: u16) -> Vec<u8> {
    let mut exif = b"Exif\0\0II*\0".to_vec();
    exif.extend_from_slice(&8u32.to_le_bytes());
    exif.extend_from_slice(&1u16.to_le_bytes());
    exif.extend_from_slice(&0x0112u16.to_le_bytes());
    exif.extend_from_slice(&3u16.to_le_bytes());
    exif.extend_from_slice(&1u32.to_le_bytes());
    exif.extend_from_slice(&value.to_le_bytes());
    exif.extend_from_slice(&[0, 0]);
    exif.extend_from_slice(&0u32.to_le_bytes());
    exif
}

struct Variant {
    width: u16,
    height: u16,
    grey: bool,
    sampling: SamplingFactor,
    progressive: bool,
    restart: u16,
    orientation: u16,
    quality: u8,
}

fn encode(v: &Variant, seed: u64) -> Vec<u8> {
    let channels = if v.grey { 1 } else { 3 };
    let pixels = photo(v.width, v.height, channels, seed);
    let mut bytes = Vec::new();
    let mut encoder = Encoder::new(&mut bytes, v.quality);
    encoder.set_sampling_factor(v.sampling);
    encoder.set_progressive(v.progressive);
    if v.restart > 0 {
        encoder.set_restart_interval(v.restart);
    }
    if v.orientation != 1 {
        encoder
            .add_app_segment(1, &exif_orientation(v.orientation))
            .expect("EXIF segment");
    }
    let color = if v.grey {
        ColorType::Luma
    } else {
        ColorType::Rgb
    };
    encoder
        .encode(&pixels, v.width, v.height, color)
        .expect("encodes");
    bytes
}

#[test]
fn generated_jpegs_sample_as_the_full_decode_does() {
    let sizes = [(513, 300), (600, 700), (1021, 517), (1500, 1100), (37, 900)];
    let samplings = [
        SamplingFactor::F_1_1,
        SamplingFactor::F_2_1,
        SamplingFactor::F_1_2,
        SamplingFactor::F_2_2,
        SamplingFactor::F_4_1,
        SamplingFactor::F_2_4,
    ];
    let mut seed = 1;
    let mut sampled = 0;
    let mut total = 0;
    for &(width, height) in &sizes {
        for &sampling in &samplings {
            for (progressive, restart, grey) in [
                (false, 0, false),
                (false, 3, false),
                (true, 0, false),
                (false, 0, true),
                (false, 1, true),
            ] {
                seed += 1;
                let variant = Variant {
                    width,
                    height,
                    grey,
                    sampling,
                    progressive,
                    restart,
                    orientation: (seed % 8 + 1) as u16,
                    quality: [95, 75, 40][seed as usize % 3],
                };
                let bytes = encode(&variant, seed);
                let name = format!(
                    "{width}x{height} {sampling:?} progressive {progressive} restart {restart} grey {grey} orientation {}",
                    variant.orientation
                );
                let used = compare(&bytes, &name);
                let expected = !progressive
                    && (grey
                        || matches!(
                            sampling,
                            SamplingFactor::F_1_1
                                | SamplingFactor::F_2_1
                                | SamplingFactor::F_1_2
                                | SamplingFactor::F_2_2
                        ));
                assert_eq!(used, expected, "{name}: sampled path taken");
                sampled += usize::from(used);
                total += 1;
            }
        }
    }
    eprintln!("{total} generated JPEGs compared, {sampled} through the sampled decoder");
}

#[test]
fn every_orientation_samples_as_the_full_decode_does() {
    for orientation in 1..=8 {
        for sampling in [
            SamplingFactor::F_2_2,
            SamplingFactor::F_2_1,
            SamplingFactor::F_1_2,
        ] {
            let variant = Variant {
                width: 777,
                height: 555,
                grey: false,
                sampling,
                progressive: false,
                restart: 5,
                orientation,
                quality: 85,
            };
            let bytes = encode(&variant, u64::from(orientation) * 7);
            assert!(
                compare(&bytes, &format!("orientation {orientation} {sampling:?}")),
                "sampled path taken"
            );
        }
    }
}
