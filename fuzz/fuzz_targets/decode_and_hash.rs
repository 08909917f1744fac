//! Any bytes through the whole decode + hash path: no panic, no abort, no unbounded allocation.
//!
//! Small limits keep each input fast and let the fuzzer explore the refusal paths; everything
//! that decodes is hashed in both conventions, with and without its dihedral variants, and the
//! results are checked for consistency. The input is the file itself, so any image is a seed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pdq::Convention;

fuzz_target!(|bytes: &[u8]| {
    // The input's length picks the orientation setting, so that both are explored while seed
    // files stay valid images.
    let options = media::DecodeOptions {
        limits: media::Limits {
            max_bytes: 1 << 20,
            max_pixels: 1 << 20,
        },
        apply_exif_orientation: bytes.len() % 2 == 0,
    };
    // The reference convention's sampled JPEG path must agree with the full decode exactly:
    // same refusals, and the very pixels of the full decode's nearest-neighbour 512x512 resize.
    let full = media::decode(bytes, &options);
    let sampled = media::decode_for_reference_any_size(bytes, &options);
    match (&full, &sampled) {
        (Ok(full), Ok(sampled)) => {
            assert_eq!(sampled.original_size(), (full.width(), full.height()));
            assert_eq!(sampled.pixel_format(), full.pixel_format());
            if (sampled.width(), sampled.height()) != (full.width(), full.height()) {
                assert_eq!((sampled.width(), sampled.height()), (512, 512));
                assert_eq!(sampled.pixels(), reference_resize(full).as_slice());
            } else {
                assert_eq!(sampled.pixels(), full.pixels());
            }
        }
        (Err(_), Err(_)) => {}
        (full, sampled) => panic!(
            "the paths disagree: full decode {:?}, sampled {:?}",
            full.as_ref().map(|_| ()),
            sampled.as_ref().map(|_| ())
        ),
    }
    let Ok(image) = full else {
        return;
    };
    assert_eq!(
        image.pixels().len(),
        image.width() as usize * image.height() as usize * image.pixel_format().channels()
    );
    for convention in Convention::ALL {
        let single = image.hash(convention);
        let dihedral = image.hash_dihedral(convention);
        assert!(single.quality <= 100 && dihedral.quality <= 100);
        // The reference takes a 64x64 image as its own downsample for the plain hash but
        // still blurs it for the dihedral ones; everywhere else the two agree.
        if (image.width(), image.height()) != (64, 64) {
            assert_eq!(single.hash, dihedral.hashes[0]);
            assert_eq!(single.quality, dihedral.quality);
        }
    }
});

/// The reference convention's pre-resize: nearest neighbour to exactly 512x512.
fn reference_resize(image: &media::DecodedImage) -> Vec<u8> {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let channels = image.pixel_format().channels();
    let mut out = Vec::with_capacity(512 * 512 * channels);
    for row in 0..512 {
        let y = row * height / 512;
        for column in 0..512 {
            let at = (y * width + column * width / 512) * channels;
            out.extend_from_slice(&image.pixels()[at..at + channels]);
        }
    }
    out
}
