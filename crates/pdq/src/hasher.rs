//! The hashing entry points.

use crate::PdqHash;
use crate::dct::{dct64_to_16, dihedral_hashes, quality, to_bits};
use crate::downscale::{Buffer64, Scratch, downscale};
use crate::image::{Convention, DihedralOutput, ImageRef, PdqOutput, Pipeline};
use crate::luma::{LumaRows, PixelRows, PlaneRows, REFERENCE_SIDE, ResizedRows};

/// Images narrower or shorter than this get the all-zero hash with quality 0, as in the
/// reference (`MIN_HASHABLE_DIM`).
pub const MIN_HASHABLE_SIDE: usize = 5;

/// Why a luma plane cannot be hashed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LumaBufferError {
    /// The buffer length does not equal width x height.
    #[error("a {width}x{height} luma plane needs {expected} values, the buffer has {actual}")]
    WrongLength {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
        /// Values the dimensions call for.
        expected: u128,
        /// Values given.
        actual: usize,
    },
    /// A value is infinite or not a number.
    #[error("luma value {value} at index {index} is not a finite number")]
    NotFinite {
        /// Index of the first offending value.
        index: usize,
        /// The value.
        value: f32,
    },
}

/// Computes PDQ hashes, keeping its working buffers from one image to the next.
///
/// The free functions ([`hash_image`], [`hash_image_dihedral`]) allocate those buffers on each
/// call; a caller that hashes many images (a directory, a video's frames, a worker) keeps one
/// `PdqHasher` per thread instead. It holds about `(height / 128 + 81) x width x 4` bytes (for the
/// image's luma plane after any pre-resize), never a full-size float copy of the image.
///
/// ```
/// use pdq::{Convention, ImageRef, PdqHasher, PixelFormat};
///
/// let pixels: Vec<u8> = (0..64 * 48 * 3).map(|i| (i * 7 % 251) as u8).collect();
/// let image = ImageRef::new(&pixels, 64, 48, PixelFormat::Rgb8)?;
/// let mut hasher = PdqHasher::new();
/// let output = hasher.hash(&image, Convention::Reference);
/// assert_eq!(output.hash.to_hex().len(), 64);
/// # Ok::<(), pdq::PixelBufferError>(())
/// ```
#[derive(Debug, Default)]
pub struct PdqHasher {
    scratch: Scratch,
}

impl PdqHasher {
    /// A hasher with empty buffers (they grow on first use).
    pub fn new() -> Self {
        PdqHasher::default()
    }

    /// PDQ hash and quality of `image` under `convention`.
    pub fn hash(&mut self, image: &ImageRef<'_>, convention: Convention) -> PdqOutput {
        self.hash_with(image, convention.pipeline())
    }

    /// The eight dihedral hashes of `image` under `convention`, from one downscale and one DCT.
    ///
    /// `hashes[0]` is the plain hash, except for a 64x64 image: the reference's plain hasher takes
    /// such an image as its own downsample while its dihedral hasher still blurs it, and both
    /// behaviours are kept.
    pub fn hash_dihedral(
        &mut self,
        image: &ImageRef<'_>,
        convention: Convention,
    ) -> DihedralOutput {
        self.hash_dihedral_with(image, convention.pipeline())
    }

    /// The hash under each convention, in the order of [`Convention::ALL`] (reference first).
    ///
    /// The two are computed in turn with the same buffers: they share no intermediate result,
    /// since they differ from the luma on (arithmetic, and for large images the pre-resize).
    pub fn hash_both_conventions(&mut self, image: &ImageRef<'_>) -> [PdqOutput; 2] {
        Convention::ALL.map(|convention| self.hash(image, convention))
    }

    /// PDQ hash and quality of `image` with an explicit pipeline (e.g. [`Pipeline::VPDQ_FRAME`]).
    pub fn hash_with(&mut self, image: &ImageRef<'_>, pipeline: Pipeline) -> PdqOutput {
        let downsample = self.downsample_image(image, pipeline, true);
        finish(downsample.as_ref())
    }

    /// The eight dihedral hashes of `image` with an explicit pipeline.
    pub fn hash_dihedral_with(
        &mut self,
        image: &ImageRef<'_>,
        pipeline: Pipeline,
    ) -> DihedralOutput {
        let downsample = self.downsample_image(image, pipeline, false);
        finish_dihedral(downsample.as_ref())
    }

    /// PDQ hash of a luma plane (`width x height` values, row-major, normally 0.0 to 255.0), as
    /// the reference's `pdqHash256FromFloatLuma` computes it: no pre-resize, and a 64x64 plane is
    /// taken as its own downsample.
    pub fn hash_luma(
        &mut self,
        luma: &[f32],
        width: usize,
        height: usize,
    ) -> Result<PdqOutput, LumaBufferError> {
        let plane = check_plane(luma, width, height)?;
        Ok(finish(self.downsample(&plane, true).as_ref()))
    }

    /// The eight dihedral hashes of a luma plane, as `pdqDihedralHash256esFromFloatLuma`
    /// computes them.
    pub fn hash_luma_dihedral(
        &mut self,
        luma: &[f32],
        width: usize,
        height: usize,
    ) -> Result<DihedralOutput, LumaBufferError> {
        let plane = check_plane(luma, width, height)?;
        Ok(finish_dihedral(self.downsample(&plane, false).as_ref()))
    }

    fn downsample_image(
        &mut self,
        image: &ImageRef<'_>,
        pipeline: Pipeline,
        shortcut_64: bool,
    ) -> Option<Buffer64> {
        let (width, height) = (image.width() as usize, image.height() as usize);
        if width == 0 || height == 0 {
            return None;
        }
        if pipeline.downsample_to_512 && (width > REFERENCE_SIDE || height > REFERENCE_SIDE) {
            self.downsample(&ResizedRows::new(*image, pipeline.luma), shortcut_64)
        } else {
            let rows = PixelRows {
                image: *image,
                arithmetic: pipeline.luma,
            };
            self.downsample(&rows, shortcut_64)
        }
    }

    /// The 64x64 downsample, or `None` for an image too small to hash.
    fn downsample<R: LumaRows>(&mut self, source: &R, shortcut_64: bool) -> Option<Buffer64> {
        let (width, height) = (source.width(), source.height());
        if width < MIN_HASHABLE_SIDE || height < MIN_HASHABLE_SIDE {
            return None;
        }
        let mut out = [[0.0f32; 64]; 64];
        if shortcut_64 && width == 64 && height == 64 {
            // `pdqFloat256FromFloatLuma`: "already downsampled", no blur.
            for (y, row) in out.iter_mut().enumerate() {
                source.fill_row(y, row);
            }
        } else {
            downscale(&mut self.scratch, source, &mut out);
        }
        Some(out)
    }
}

fn check_plane(
    luma: &[f32],
    width: usize,
    height: usize,
) -> Result<PlaneRows<'_>, LumaBufferError> {
    let expected = width as u128 * height as u128;
    if expected != luma.len() as u128 {
        return Err(LumaBufferError::WrongLength {
            width,
            height,
            expected,
            actual: luma.len(),
        });
    }
    if let Some((index, &value)) = luma.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(LumaBufferError::NotFinite { index, value });
    }
    Ok(PlaneRows {
        luma,
        width,
        height,
    })
}

fn finish(downsample: Option<&Buffer64>) -> PdqOutput {
    match downsample {
        None => PdqOutput {
            hash: PdqHash::ZERO,
            quality: 0,
        },
        Some(buffer) => PdqOutput {
            hash: to_bits(&dct64_to_16(buffer)),
            quality: quality(buffer),
        },
    }
}

fn finish_dihedral(downsample: Option<&Buffer64>) -> DihedralOutput {
    match downsample {
        None => DihedralOutput {
            hashes: [PdqHash::ZERO; 8],
            quality: 0,
        },
        Some(buffer) => DihedralOutput {
            hashes: dihedral_hashes(&dct64_to_16(buffer)),
            quality: quality(buffer),
        },
    }
}

/// PDQ hash and quality of an image.
///
/// Allocates working buffers on each call; see [`PdqHasher`] to reuse them.
pub fn hash_image(image: &ImageRef<'_>, convention: Convention) -> PdqOutput {
    PdqHasher::new().hash(image, convention)
}

/// PDQ hash and quality under each convention, reference first (see
/// [`PdqHasher::hash_both_conventions`]).
pub fn hash_image_both_conventions(image: &ImageRef<'_>) -> [PdqOutput; 2] {
    PdqHasher::new().hash_both_conventions(image)
}

/// PDQ hashes of the eight dihedral transforms of an image (see [`PdqHasher::hash_dihedral`]).
pub fn hash_image_dihedral(image: &ImageRef<'_>, convention: Convention) -> DihedralOutput {
    PdqHasher::new().hash_dihedral(image, convention)
}
