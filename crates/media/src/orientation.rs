//! EXIF orientation: how the stored pixels must be turned to show the image as a person sees it.

use pdq::PixelFormat;

/// The eight EXIF orientations, named by what must be done to the stored pixels to display them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Orientation {
    /// EXIF 1: the stored pixels are upright.
    #[default]
    Normal,
    /// EXIF 2: mirror left-right.
    FlipHorizontal,
    /// EXIF 3: rotate by 180 degrees.
    Rotate180,
    /// EXIF 4: mirror top-bottom.
    FlipVertical,
    /// EXIF 5: transpose (mirror across the top-left to bottom-right diagonal).
    Transpose,
    /// EXIF 6: rotate 90 degrees clockwise.
    Rotate90,
    /// EXIF 7: transverse (mirror across the top-right to bottom-left diagonal).
    Transverse,
    /// EXIF 8: rotate 90 degrees counter-clockwise.
    Rotate270,
}

impl Orientation {
    /// The orientation for an EXIF `Orientation` tag value; `None` outside 1..=8.
    pub const fn from_exif(value: u16) -> Option<Self> {
        Some(match value {
            1 => Orientation::Normal,
            2 => Orientation::FlipHorizontal,
            3 => Orientation::Rotate180,
            4 => Orientation::FlipVertical,
            5 => Orientation::Transpose,
            6 => Orientation::Rotate90,
            7 => Orientation::Transverse,
            8 => Orientation::Rotate270,
            _ => return None,
        })
    }

    /// The EXIF `Orientation` tag value (1..=8).
    pub const fn to_exif(self) -> u16 {
        match self {
            Orientation::Normal => 1,
            Orientation::FlipHorizontal => 2,
            Orientation::Rotate180 => 3,
            Orientation::FlipVertical => 4,
            Orientation::Transpose => 5,
            Orientation::Rotate90 => 6,
            Orientation::Transverse => 7,
            Orientation::Rotate270 => 8,
        }
    }

    /// Whether displaying swaps width and height.
    pub const fn swaps_dimensions(self) -> bool {
        matches!(
            self,
            Orientation::Transpose
                | Orientation::Rotate90
                | Orientation::Transverse
                | Orientation::Rotate270
        )
    }

    /// The orientation recorded in a raw EXIF block (starting at the TIFF header, `II*\0` or
    /// `MM\0*`), or `None` when the block holds no valid orientation.
    pub fn from_exif_block(exif: &[u8]) -> Option<Self> {
        let orientation = image::metadata::Orientation::from_exif_chunk(exif)?;
        Self::from_exif(u16::from(orientation.to_exif()))
    }

    pub(crate) fn from_image_crate(orientation: image::metadata::Orientation) -> Self {
        Self::from_exif(u16::from(orientation.to_exif())).unwrap_or_default()
    }
}

/// The pixels of a `width` x `height` image in `format`, turned as `orientation` says; returns
/// the new buffer and its width and height.
///
/// One pass over the image in square tiles, so that the strided side of a rotation stays in
/// cache; the input is consumed so that the orientations that need no copy reuse it.
pub(crate) fn apply(
    pixels: Vec<u8>,
    width: usize,
    height: usize,
    format: PixelFormat,
    orientation: Orientation,
) -> (Vec<u8>, usize, usize) {
    match format {
        PixelFormat::Luma8 => apply_n::<1>(pixels, width, height, orientation),
        PixelFormat::Rgb8 => apply_n::<3>(pixels, width, height, orientation),
        PixelFormat::Rgba8 => apply_n::<4>(pixels, width, height, orientation),
    }
}

fn apply_n<const N: usize>(
    mut pixels: Vec<u8>,
    width: usize,
    height: usize,
    orientation: Orientation,
) -> (Vec<u8>, usize, usize) {
    debug_assert_eq!(pixels.len(), width * height * N);
    let row = width * N;
    match orientation {
        Orientation::Normal => return (pixels, width, height),
        Orientation::FlipHorizontal => {
            for line in pixels.chunks_exact_mut(row) {
                reverse_pixels::<N>(line);
            }
            return (pixels, width, height);
        }
        Orientation::FlipVertical => {
            flip_rows(&mut pixels, row, height);
            return (pixels, width, height);
        }
        Orientation::Rotate180 => {
            flip_rows(&mut pixels, row, height);
            for line in pixels.chunks_exact_mut(row) {
                reverse_pixels::<N>(line);
            }
            return (pixels, width, height);
        }
        Orientation::Transpose
        | Orientation::Rotate90
        | Orientation::Transverse
        | Orientation::Rotate270 => {}
    }

    // The four orientations that swap the axes. Output pixel (x, y) of the height x width
    // output comes from a source pixel whose index is affine in x: base(y) + x * step.
    let (out_width, out_height) = (height, width);
    let row = width as isize * N as isize;
    let last_row = (height as isize - 1) * row;
    let (base_of, step): (&dyn Fn(usize) -> isize, isize) = match orientation {
        // (x, y) <- (y, x)
        Orientation::Transpose => (&|y| (y * N) as isize, row),
        // (x, y) <- (y, height - 1 - x)
        Orientation::Rotate90 => (&|y| last_row + (y * N) as isize, -row),
        // (x, y) <- (width - 1 - y, height - 1 - x)
        Orientation::Transverse => (&|y| last_row + ((width - 1 - y) * N) as isize, -row),
        // (x, y) <- (width - 1 - y, x)
        _ => (&|y| ((width - 1 - y) * N) as isize, row),
    };
    let mut out = vec![0u8; pixels.len()];
    // Square tiles keep the strided reads of the source within a few cache lines per row.
    const TILE: usize = 32;
    for tile_y in (0..out_height).step_by(TILE) {
        for tile_x in (0..out_width).step_by(TILE) {
            for y in tile_y..(tile_y + TILE).min(out_height) {
                let base = base_of(y);
                let out_row = &mut out[y * out_width * N..(y + 1) * out_width * N];
                for x in tile_x..(tile_x + TILE).min(out_width) {
                    let from = (base + x as isize * step) as usize;
                    out_row[x * N..x * N + N].copy_from_slice(&pixels[from..from + N]);
                }
            }
        }
    }
    (out, out_width, out_height)
}

fn reverse_pixels<const N: usize>(line: &mut [u8]) {
    let count = line.len() / N;
    for i in 0..count / 2 {
        let j = count - 1 - i;
        for c in 0..N {
            line.swap(i * N + c, j * N + c);
        }
    }
}

fn flip_rows(pixels: &mut [u8], row: usize, height: usize) {
    for y in 0..height / 2 {
        let (top, bottom) = pixels.split_at_mut((height - 1 - y) * row);
        top[y * row..(y + 1) * row].swap_with_slice(&mut bottom[..row]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the `image` crate does for the same orientation, as the independent check.
    fn oracle(pixels: &[u8], width: u32, height: u32, orientation: Orientation) -> (Vec<u8>, u32) {
        let buffer = image::RgbImage::from_raw(width, height, pixels.to_vec()).expect("sized");
        let mut dynamic = image::DynamicImage::ImageRgb8(buffer);
        dynamic.apply_orientation(
            image::metadata::Orientation::from_exif(orientation.to_exif() as u8).expect("1..=8"),
        );
        (dynamic.to_rgb8().into_raw(), dynamic.width())
    }

    proptest! {
        #[test]
        fn matches_the_image_crate_for_every_orientation(
            width in 1usize..40,
            height in 1usize..40,
            exif in 1u16..=8,
            seed in any::<u64>(),
        ) {
            let orientation = Orientation::from_exif(exif).expect("1..=8");
            let mut state = seed | 1;
            let pixels: Vec<u8> = (0..width * height * 3)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let (expected, expected_width) = oracle(&pixels, width as u32, height as u32, orientation);
            let (actual, actual_width, actual_height) =
                apply(pixels, width, height, PixelFormat::Rgb8, orientation);
            prop_assert_eq!(actual_width, expected_width as usize);
            prop_assert_eq!(actual_width * actual_height, width * height);
            prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn one_and_four_channel_buffers_move_whole_pixels() {
        // 2x1 image, rotate 90 clockwise: left pixel ends on top.
        let (grey, w, h) = apply(vec![1, 2], 2, 1, PixelFormat::Luma8, Orientation::Rotate90);
        assert_eq!((grey, w, h), (vec![1, 2], 1, 2));
        let (rgba, w, h) = apply(
            vec![1, 1, 1, 1, 2, 2, 2, 2],
            2,
            1,
            PixelFormat::Rgba8,
            Orientation::Rotate270,
        );
        assert_eq!((rgba, w, h), (vec![2, 2, 2, 2, 1, 1, 1, 1], 1, 2));
    }

    #[test]
    fn exif_values_round_trip() {
        for value in 1..=8 {
            assert_eq!(
                Orientation::from_exif(value).map(Orientation::to_exif),
                Some(value)
            );
        }
        assert_eq!(Orientation::from_exif(0), None);
        assert_eq!(Orientation::from_exif(9), None);
    }
}
