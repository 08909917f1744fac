//! Pixels to luma, row by row: the two arithmetics of the field, the reference's nearest-neighbour
//! pre-resize, and a caller's ready-made luma plane.

use crate::image::{ImageRef, LumaArithmetic, PixelFormat};

/// The side of the square that the reference convention resizes large images to.
pub(crate) const REFERENCE_SIDE: usize = 512;

// The reference's coefficients are `const float` initialised from double literals.
const R_SINGLE: f32 = 0.299_f64 as f32;
const G_SINGLE: f32 = 0.587_f64 as f32;
const B_SINGLE: f32 = 0.114_f64 as f32;

/// A luma plane that the downscaler reads one row at a time, so that no full-size float copy of
/// the image is ever made.
pub(crate) trait LumaRows {
    /// Columns.
    fn width(&self) -> usize;
    /// Rows.
    fn height(&self) -> usize;
    /// Writes the luma of row `y` into `out` (exactly `width` long).
    fn fill_row(&self, y: usize, out: &mut [f32]);
}

/// Luma of one pixel: `p` holds its channels (one for grey, three or more for colour).
#[inline(always)]
fn luma_of<const CHANNELS: usize>(p: &[u8], arithmetic: LumaArithmetic) -> f32 {
    match arithmetic {
        // `fillFloatLumaFromRGB` (single precision, (R + G) + B) and `fillFloatLumaFromGrey`.
        LumaArithmetic::Single => {
            if CHANNELS == 1 {
                f32::from(p[0])
            } else {
                R_SINGLE * f32::from(p[0]) + G_SINGLE * f32::from(p[1]) + B_SINGLE * f32::from(p[2])
            }
        }
        // NumPy's `image[:,:,0]*0.299 + image[:,:,1]*0.587 + image[:,:,2]*0.114` on uint8, which
        // computes in double precision, then `.astype('float32')`. Grey was expanded to RGB.
        LumaArithmetic::Double => {
            let (r, g, b) = if CHANNELS == 1 {
                (p[0], p[0], p[0])
            } else {
                (p[0], p[1], p[2])
            };
            (f64::from(r) * 0.299 + f64::from(g) * 0.587 + f64::from(b) * 0.114) as f32
        }
    }
}

#[inline(always)]
fn fill_contiguous<const CHANNELS: usize>(row: &[u8], out: &mut [f32], arithmetic: LumaArithmetic) {
    // Two loops rather than a match inside one, so that each is a straight loop to vectorise.
    match arithmetic {
        LumaArithmetic::Single => {
            for (value, pixel) in out.iter_mut().zip(row.chunks_exact(CHANNELS)) {
                *value = luma_of::<CHANNELS>(pixel, LumaArithmetic::Single);
            }
        }
        LumaArithmetic::Double => {
            for (value, pixel) in out.iter_mut().zip(row.chunks_exact(CHANNELS)) {
                *value = luma_of::<CHANNELS>(pixel, LumaArithmetic::Double);
            }
        }
    }
}

#[inline(always)]
fn fill_sampled<const CHANNELS: usize>(
    row: &[u8],
    columns: &[usize],
    out: &mut [f32],
    arithmetic: LumaArithmetic,
) {
    for (value, &x) in out.iter_mut().zip(columns) {
        *value = luma_of::<CHANNELS>(&row[x * CHANNELS..(x + 1) * CHANNELS], arithmetic);
    }
}

/// An image's pixels at their own resolution.
pub(crate) struct PixelRows<'a> {
    pub(crate) image: ImageRef<'a>,
    pub(crate) arithmetic: LumaArithmetic,
}

impl PixelRows<'_> {
    fn row(&self, y: usize) -> &[u8] {
        let stride = self.image.width() as usize * self.image.format().channels();
        &self.image.data()[y * stride..(y + 1) * stride]
    }
}

impl LumaRows for PixelRows<'_> {
    fn width(&self) -> usize {
        self.image.width() as usize
    }

    fn height(&self) -> usize {
        self.image.height() as usize
    }

    #[inline(always)]
    fn fill_row(&self, y: usize, out: &mut [f32]) {
        let row = self.row(y);
        match self.image.format() {
            PixelFormat::Luma8 => fill_contiguous::<1>(row, out, self.arithmetic),
            PixelFormat::Rgb8 => fill_contiguous::<3>(row, out, self.arithmetic),
            PixelFormat::Rgba8 => fill_contiguous::<4>(row, out, self.arithmetic),
        }
    }
}

/// An image resized to 512x512 by nearest neighbour the way CImg's `resize(512, 512)` does in
/// Meta's `pdq-photo-hasher`: output column `x` reads source column `floor(x * width / 512)`
/// (CImg computes `(x + 1.0) * width / 512` in double precision, which is exact since 512 is a
/// power of two), and likewise for rows. This also stretches a side shorter than 512.
pub(crate) struct ResizedRows<'a> {
    pixels: PixelRows<'a>,
    columns: [usize; REFERENCE_SIDE],
}

/// Source index of output index `i` when resizing `old` samples to [`REFERENCE_SIDE`].
fn nearest_source(i: usize, old: usize) -> usize {
    ((i as u64 * old as u64) / REFERENCE_SIDE as u64) as usize
}

impl<'a> ResizedRows<'a> {
    pub(crate) fn new(image: ImageRef<'a>, arithmetic: LumaArithmetic) -> Self {
        let width = image.width() as usize;
        let columns = std::array::from_fn(|x| nearest_source(x, width));
        ResizedRows {
            pixels: PixelRows { image, arithmetic },
            columns,
        }
    }
}

impl LumaRows for ResizedRows<'_> {
    fn width(&self) -> usize {
        REFERENCE_SIDE
    }

    fn height(&self) -> usize {
        REFERENCE_SIDE
    }

    #[inline(always)]
    fn fill_row(&self, y: usize, out: &mut [f32]) {
        let row = self
            .pixels
            .row(nearest_source(y, self.pixels.image.height() as usize));
        let arithmetic = self.pixels.arithmetic;
        match self.pixels.image.format() {
            PixelFormat::Luma8 => fill_sampled::<1>(row, &self.columns, out, arithmetic),
            PixelFormat::Rgb8 => fill_sampled::<3>(row, &self.columns, out, arithmetic),
            PixelFormat::Rgba8 => fill_sampled::<4>(row, &self.columns, out, arithmetic),
        }
    }
}

/// A luma plane the caller computed, row-major.
pub(crate) struct PlaneRows<'a> {
    pub(crate) luma: &'a [f32],
    pub(crate) width: usize,
    pub(crate) height: usize,
}

impl LumaRows for PlaneRows<'_> {
    fn width(&self) -> usize {
        self.width
    }

    fn height(&self) -> usize {
        self.height
    }

    #[inline(always)]
    fn fill_row(&self, y: usize, out: &mut [f32]) {
        out.copy_from_slice(&self.luma[y * self.width..(y + 1) * self.width]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference;
    use proptest::prelude::*;

    fn collect(rows: &impl LumaRows) -> Vec<f32> {
        let mut plane = vec![0.0; rows.width() * rows.height()];
        for (y, out) in plane.chunks_exact_mut(rows.width()).enumerate() {
            rows.fill_row(y, out);
        }
        plane
    }

    fn formats() -> impl Strategy<Value = PixelFormat> {
        prop_oneof![
            Just(PixelFormat::Luma8),
            Just(PixelFormat::Rgb8),
            Just(PixelFormat::Rgba8)
        ]
    }

    #[test]
    fn single_precision_coefficients_are_the_references() {
        // The float constants of pdqhashing.cpp, by bit pattern.
        assert_eq!(R_SINGLE.to_bits(), 0x3e991687);
        assert_eq!(G_SINGLE.to_bits(), 0x3f1645a2);
        assert_eq!(B_SINGLE.to_bits(), 0x3de978d5);
    }

    #[test]
    fn grey_differs_between_arithmetics_as_the_field_does() {
        // The reference reads a grey image as it is; pdqhash sees it expanded to RGB, and the
        // weighted sum of three equal values is not always that value.
        let grey = [15u8];
        let image = ImageRef::new(&grey, 1, 1, PixelFormat::Luma8).unwrap();
        let mut out = [0.0];
        PixelRows {
            image,
            arithmetic: LumaArithmetic::Single,
        }
        .fill_row(0, &mut out);
        assert_eq!(out[0], 15.0);
        PixelRows {
            image,
            arithmetic: LumaArithmetic::Double,
        }
        .fill_row(0, &mut out);
        assert_eq!(
            out[0],
            (15.0f64 * 0.299 + 15.0 * 0.587 + 15.0 * 0.114) as f32
        );
    }

    #[test]
    fn nearest_neighbour_indices_match_cimg_for_every_size() {
        // CImg accumulates per-column offsets computed in double precision; the closed form must
        // agree for every source size a photo can have on either side.
        for old in 1..=6000usize {
            let mut current = 0usize;
            for x in 0..REFERENCE_SIDE {
                assert_eq!(nearest_source(x, old), current, "x {x} of {old}");
                current = ((x as f64 + 1.0) * old as f64 / REFERENCE_SIDE as f64) as usize;
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn rows_match_the_reference_conversions(
            format in formats(),
            width in 1u32..40,
            height in 1u32..6,
            seed in any::<u64>(),
        ) {
            let channels = format.channels();
            let data = crate::tests::noise(seed, width as usize * height as usize * channels);
            let image = ImageRef::new(&data, width, height, format).unwrap();
            let single = collect(&PixelRows { image, arithmetic: LumaArithmetic::Single });
            let double = collect(&PixelRows { image, arithmetic: LumaArithmetic::Double });
            prop_assert_eq!(single, reference::luma_single(&data, channels));
            prop_assert_eq!(double, reference::luma_double(&data, channels));
        }

        #[test]
        fn resize_matches_cimgs_resize(
            format in formats(),
            width in 1u32..700,
            height in 1u32..700,
            seed in any::<u64>(),
        ) {
            let channels = format.channels();
            let data = crate::tests::noise(seed, width as usize * height as usize * channels);
            let image = ImageRef::new(&data, width, height, format).unwrap();
            let resized = reference::cimg_resize_512(&data, width as usize, height as usize, channels);
            for arithmetic in [LumaArithmetic::Single, LumaArithmetic::Double] {
                let fast = collect(&ResizedRows::new(image, arithmetic));
                let slow = match arithmetic {
                    LumaArithmetic::Single => reference::luma_single(&resized, channels),
                    LumaArithmetic::Double => reference::luma_double(&resized, channels),
                };
                prop_assert_eq!(fast, slow);
            }
        }
    }
}
