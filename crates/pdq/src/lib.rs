//! PDQ perceptual hashing of images, bit-exact with Meta's reference.
//!
//! PDQ turns an image into a 256-bit hash such that visually similar images get hashes that are
//! close in Hamming distance. This crate is the one implementation that every part of Empreinte
//! hashes through: the browser (compiled to WebAssembly), the command line, the hub and the
//! platform agent. It does no I/O and starts no threads: callers hand it decoded pixels.
//!
//! The algorithm is Meta's (luma, two-pass Jarosz box-filter blur and decimation to 64x64,
//! 16x16 DCT, threshold at Torben's median, a gradient-based quality 0-100, eight dihedral
//! variants from one DCT), with every float operation done in the reference's order so that the
//! same pixels give the same bits as Meta's C++ (`pdq-photo-hasher`) or the `pdqhash` Python
//! package, depending on the [`Convention`]. Inside, the blur is streamed through a few rows at a
//! time and vectorised (AVX2 when the CPU has it, detected at run time; portable code elsewhere),
//! which keeps it exact while being many times faster than the reference.
//!
//! ```
//! use pdq::{hash_image, Convention, ImageRef, PixelFormat};
//!
//! let pixels: Vec<u8> = (0..100 * 80).map(|i| (i * 31 % 256) as u8).collect();
//! let image = ImageRef::new(&pixels, 100, 80, PixelFormat::Luma8)?;
//! let output = hash_image(&image, Convention::default());
//! println!("{},{}", output.hash, output.quality);
//! # Ok::<(), pdq::PixelBufferError>(())
//! ```

#![warn(missing_docs)]

mod dct;
mod dct_matrix;
mod downscale;
mod hash;
mod hasher;
mod image;
mod luma;
#[cfg(test)]
mod reference;
mod simd;

pub use hash::{HASH_BITS, HASH_BYTES, ParseHashError, PdqHash};
pub use hasher::{
    LumaBufferError, MIN_HASHABLE_SIDE, PdqHasher, hash_image, hash_image_both_conventions,
    hash_image_dihedral,
};
pub use image::{
    Convention, DihedralOutput, ImageRef, LumaArithmetic, ParseConventionError, PdqOutput,
    Pipeline, PixelBufferError, PixelFormat,
};

#[cfg(test)]
mod tests {
    /// Deterministic pseudo-random bytes (SplitMix64), for tests.
    pub(crate) fn noise(seed: u64, length: usize) -> Vec<u8> {
        let mut state = seed;
        (0..length)
            .map(|_| {
                state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                (z ^ (z >> 31)) as u8
            })
            .collect()
    }
}
