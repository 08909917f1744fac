//! A plain, line-by-line port of Meta's C++ reference (`downscaling.cpp`, `pdqhashing.cpp`), kept
//! only as the oracle that the fast path is tested against: whole-image float buffers, the
//! strided one-dimensional box filter, the decimation and the DCT loops exactly as they are written
//! there. It is slow on purpose; nothing outside the tests uses it.

// The point is to read like the C++: its index loops and its integer arithmetic stay as they are.
#![allow(clippy::needless_range_loop, clippy::manual_div_ceil)]

use crate::dct::{DCT_MATRIX, Dct16};
use crate::downscale::Buffer64;

/// `box1DFloat`: a running-sum box filter along one line of a row-major matrix.
fn box_1d(
    input: &[f32],
    output: &mut [f32],
    start: usize,
    length: usize,
    stride: usize,
    window: usize,
) {
    let half_window = (window + 2) / 2;
    let phase_1 = half_window - 1;
    let phase_2 = window - half_window + 1;
    let phase_3 = length - window;
    let phase_4 = half_window - 1;

    let mut li = start;
    let mut ri = start;
    let mut oi = start;
    let mut sum = 0.0f32;
    let mut current_window = 0i32;

    for _ in 0..phase_1 {
        sum += input[ri];
        current_window += 1;
        ri += stride;
    }
    for _ in 0..phase_2 {
        sum += input[ri];
        current_window += 1;
        output[oi] = sum / current_window as f32;
        ri += stride;
        oi += stride;
    }
    for _ in 0..phase_3 {
        sum += input[ri];
        sum -= input[li];
        output[oi] = sum / current_window as f32;
        li += stride;
        ri += stride;
        oi += stride;
    }
    for _ in 0..phase_4 {
        sum -= input[li];
        current_window -= 1;
        output[oi] = sum / current_window as f32;
        li += stride;
        oi += stride;
    }
}

/// `computeJaroszFilterWindowSize`.
fn window_size(old_dimension: usize, new_dimension: usize) -> usize {
    (old_dimension + 2 * new_dimension - 1) / (2 * new_dimension)
}

/// `pdqFloat256FromFloatLuma` up to the DCT: blur (two Jarosz passes each way) and decimate, or
/// take a 64x64 input as it is when `shortcut_64` (the non-dihedral entry point does, the dihedral
/// one does not).
pub(crate) fn downscale(luma: &[f32], rows: usize, cols: usize, shortcut_64: bool) -> Buffer64 {
    let mut out = [[0.0f32; 64]; 64];
    if shortcut_64 && rows == 64 && cols == 64 {
        for (i, row) in out.iter_mut().enumerate() {
            row.copy_from_slice(&luma[i * 64..(i + 1) * 64]);
        }
        return out;
    }
    let mut buffer1 = luma.to_vec();
    let mut buffer2 = vec![0.0f32; rows * cols];
    let window_along_rows = window_size(cols, 64);
    let window_along_cols = window_size(rows, 64);
    for _ in 0..2 {
        for i in 0..rows {
            box_1d(&buffer1, &mut buffer2, i * cols, cols, 1, window_along_rows);
        }
        for j in 0..cols {
            box_1d(&buffer2, &mut buffer1, j, rows, cols, window_along_cols);
        }
    }
    for (outi, out_row) in out.iter_mut().enumerate() {
        let ini = (((outi as f64 + 0.5) * rows as f64) / 64.0) as usize;
        for (outj, value) in out_row.iter_mut().enumerate() {
            let inj = (((outj as f64 + 0.5) * cols as f64) / 64.0) as usize;
            *value = buffer1[ini * cols + inj];
        }
    }
    out
}

/// `dct64To16`, with its loops as written (the fast version vectorises across `j`).
pub(crate) fn dct64_to_16(a: &Buffer64) -> Dct16 {
    let mut t = [[0.0f32; 64]; 16];
    for i in 0..16 {
        for j in 0..64 {
            let mut sum = 0.0f32;
            for k in 0..64 {
                sum += DCT_MATRIX[i][k] * a[k][j];
            }
            t[i][j] = sum;
        }
    }
    let mut b = [[0.0f32; 16]; 16];
    for i in 0..16 {
        for j in 0..16 {
            let mut sum = 0.0f32;
            for k in 0..64 {
                sum += t[i][k] * DCT_MATRIX[j][k];
            }
            b[i][j] = sum;
        }
    }
    b
}

/// `fillFloatLumaFromRGB` over an interleaved buffer with `channels` bytes per pixel.
pub(crate) fn luma_single(data: &[u8], channels: usize) -> Vec<f32> {
    const R: f32 = 0.299_f64 as f32;
    const G: f32 = 0.587_f64 as f32;
    const B: f32 = 0.114_f64 as f32;
    if channels == 1 {
        return data.iter().map(|&v| f32::from(v)).collect();
    }
    data.chunks_exact(channels)
        .map(|p| R * f32::from(p[0]) + G * f32::from(p[1]) + B * f32::from(p[2]))
        .collect()
}

/// The `pdqhash` Python package's NumPy luma: double precision, rounded to f32 once.
pub(crate) fn luma_double(data: &[u8], channels: usize) -> Vec<f32> {
    data.chunks_exact(channels)
        .map(|p| {
            let (r, g, b) = if channels == 1 {
                (p[0], p[0], p[0])
            } else {
                (p[0], p[1], p[2])
            };
            (f64::from(r) * 0.299 + f64::from(g) * 0.587 + f64::from(b) * 0.114) as f32
        })
        .collect()
}

/// CImg's nearest-neighbour `resize(512, 512)`, written the way CImg computes its offsets: the
/// source column of output column `x` is the running sum of `floor((x + 1.0) * width / 512)`
/// differences.
pub(crate) fn cimg_resize_512(
    data: &[u8],
    width: usize,
    height: usize,
    channels: usize,
) -> Vec<u8> {
    let offsets = |old: usize| {
        let mut positions = Vec::with_capacity(512);
        let mut current = 0usize;
        for x in 0..512 {
            positions.push(current);
            current = ((x as f64 + 1.0) * old as f64 / 512.0) as usize;
        }
        positions
    };
    let (xs, ys) = (offsets(width), offsets(height));
    let mut out = Vec::with_capacity(512 * 512 * channels);
    for &y in &ys {
        for &x in &xs {
            let at = (y * width + x) * channels;
            out.extend_from_slice(&data[at..at + channels]);
        }
    }
    out
}
