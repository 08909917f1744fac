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
    let Ok(image) = media::decode(bytes, &options) else {
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
