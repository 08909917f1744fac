//! Single pixels of `zune-jpeg`'s integer inverse DCT.
//!
//! `zune-jpeg`'s IDCT (the classic 12-bit fixed-point one of libjpeg's `jidctint` and
//! stb_image) is a column pass whose results are rounded (`+ 512 >> 10`), then a row pass
//! rounded, level-shifted and clamped (`+ (128 << 17) + 65536 + 512 >> 17`). Each pass is a
//! linear map computed with wrapping 32-bit arithmetic, and wrapping arithmetic is exact modulo
//! 2^32, so each pass equals an 8x8 integer matrix product computed with wrapping arithmetic:
//! one output needs one dot product, and one pixel needs the column pass for its row (8 dot
//! products) and one row-pass dot product, instead of the whole 8x8 transform.

/// The bias of the row pass: rounding and the +128 level shift, in 17-bit fixed point.
const ROW_BIAS: i32 = 512 + 65536 + (128 << 17);
const COLUMN_BIAS: i32 = 512;

/// One 1-D pass of the transform without its bias, as the butterfly computes it.
const fn butterfly(s: [i32; 8]) -> [i32; 8] {
    // Even part.
    let p1 = (s[2] + s[6]) * 2217;
    let t2 = p1 + s[6] * -7567;
    let t3 = p1 + s[2] * 3135;
    let t0 = (s[0] + s[4]) * 4096;
    let t1 = (s[0] - s[4]) * 4096;
    let x0 = t0 + t3;
    let x3 = t0 - t3;
    let x1 = t1 + t2;
    let x2 = t1 - t2;
    // Odd part.
    let (o0, o1, o2, o3) = (s[7], s[5], s[3], s[1]);
    let p3 = o0 + o2;
    let p4 = o1 + o3;
    let p1 = o0 + o3;
    let p2 = o1 + o2;
    let p5 = (p3 + p4) * 4816;
    let p1 = p5 + p1 * -3685;
    let p2 = p5 + p2 * -10497;
    let p3 = p3 * -8034;
    let p4 = p4 * -1597;
    let t3 = o3 * 6149 + p1 + p4;
    let t2 = o2 * 12586 + p2 + p3;
    let t1 = o1 * 8410 + p2 + p4;
    let t0 = o0 * 1223 + p1 + p3;
    [
        x0 + t3,
        x1 + t2,
        x2 + t1,
        x3 + t0,
        x3 - t0,
        x2 - t1,
        x1 - t2,
        x0 - t3,
    ]
}

/// `MATRIX[output][input]`: the butterfly as a matrix (evaluated on unit vectors).
const MATRIX: [[i32; 8]; 8] = {
    let mut matrix = [[0; 8]; 8];
    let mut input = 0;
    while input < 8 {
        let mut unit = [0; 8];
        unit[input] = 1;
        let column = butterfly(unit);
        let mut output = 0;
        while output < 8 {
            matrix[output][input] = column[output];
            output += 1;
        }
        input += 1;
    }
    matrix
};

/// Computes the pixels of one block at the given (row in block, row slot) x (column in block,
/// column slot) positions and hands each to `store(row slot, column slot, value)`.
///
/// `coefficients` are dequantised, in natural order; `end` is one past the last coded
/// coefficient in zigzag order, which is how `zune-jpeg` picks its variant: a DC-only shortcut
/// (which differs from the full transform when the DC is so large that the full transform's
/// arithmetic wraps), a 4x4 variant that is the same linear map, and the full transform, which
/// itself takes the DC-only shortcut when all AC coefficients are zero.
#[inline]
pub(super) fn pixels(
    coefficients: &[i32; 64],
    coded: &[u8],
    end: usize,
    rows: &[(u8, u32)],
    columns: &[(u8, u32)],
    mut store: impl FnMut(u32, u32, u8),
) {
    let end = end.min(64);
    let dc_only = end <= 1
        || (end > 10
            && coded[1..]
                .iter()
                .all(|&i| coefficients[usize::from(i)] == 0));
    if dc_only {
        let value = (coefficients[0].wrapping_add(4).wrapping_add(1024) >> 3).clamp(0, 255) as u8;
        for &(_, row_slot) in rows {
            for &(_, column_slot) in columns {
                store(row_slot, column_slot, value);
            }
        }
        return;
    }
    for &(row, row_slot) in rows {
        // The column pass's output at this row, for each of the 8 columns.
        // Only the coded coefficients contribute (the others are zero); wrapping sums do not
        // depend on their order.
        let weights = &MATRIX[usize::from(row)];
        let mut intermediate = [COLUMN_BIAS; 8];
        for &index in coded {
            let index = usize::from(index);
            let sum = &mut intermediate[index & 7];
            *sum = sum.wrapping_add(weights[index >> 3].wrapping_mul(coefficients[index]));
        }
        for value in &mut intermediate {
            *value >>= 10;
        }
        for &(column, column_slot) in columns {
            let weights = &MATRIX[usize::from(column)];
            let mut sum = ROW_BIAS;
            for (j, &weight) in weights.iter().enumerate() {
                sum = sum.wrapping_add(weight.wrapping_mul(intermediate[j]));
            }
            store(row_slot, column_slot, (sum >> 17).clamp(0, 255) as u8);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A straightforward transcription of the two-pass transform, to check the matrix form
    /// against on random blocks, including ones whose arithmetic wraps.
    fn two_pass(coefficients: &[i32; 64]) -> [u8; 64] {
        let mut columns = [0i32; 64];
        for c in 0..8 {
            let input = std::array::from_fn(|k| coefficients[8 * k + c]);
            let out = butterfly_wrapping(input);
            for r in 0..8 {
                columns[8 * r + c] = out[r].wrapping_add(COLUMN_BIAS) >> 10;
            }
        }
        let mut pixels = [0u8; 64];
        for r in 0..8 {
            let input = std::array::from_fn(|k| columns[8 * r + k]);
            let out = butterfly_wrapping(input);
            for c in 0..8 {
                pixels[8 * r + c] = (out[c].wrapping_add(ROW_BIAS) >> 17).clamp(0, 255) as u8;
            }
        }
        pixels
    }

    fn butterfly_wrapping(s: [i32; 8]) -> [i32; 8] {
        let m = |a: i32, b: i32| a.wrapping_mul(b);
        let p1 = m(s[2].wrapping_add(s[6]), 2217);
        let t2 = p1.wrapping_add(m(s[6], -7567));
        let t3 = p1.wrapping_add(m(s[2], 3135));
        let t0 = s[0].wrapping_add(s[4]) << 12;
        let t1 = s[0].wrapping_sub(s[4]) << 12;
        let (x0, x3) = (t0.wrapping_add(t3), t0.wrapping_sub(t3));
        let (x1, x2) = (t1.wrapping_add(t2), t1.wrapping_sub(t2));
        let (o0, o1, o2, o3) = (s[7], s[5], s[3], s[1]);
        let p3 = o0.wrapping_add(o2);
        let p4 = o1.wrapping_add(o3);
        let p5 = m(p3.wrapping_add(p4), 4816);
        let p1 = p5.wrapping_add(m(o0.wrapping_add(o3), -3685));
        let p2 = p5.wrapping_add(m(o1.wrapping_add(o2), -10497));
        let p3 = m(p3, -8034);
        let p4 = m(p4, -1597);
        let t3 = m(o3, 6149).wrapping_add(p1).wrapping_add(p4);
        let t2 = m(o2, 12586).wrapping_add(p2).wrapping_add(p3);
        let t1 = m(o1, 8410).wrapping_add(p2).wrapping_add(p4);
        let t0 = m(o0, 1223).wrapping_add(p1).wrapping_add(p3);
        [
            x0.wrapping_add(t3),
            x1.wrapping_add(t2),
            x2.wrapping_add(t1),
            x3.wrapping_add(t0),
            x3.wrapping_sub(t0),
            x2.wrapping_sub(t1),
            x1.wrapping_sub(t2),
            x0.wrapping_sub(t3),
        ]
    }

    #[test]
    fn matrix_form_matches_the_two_pass_transform() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..20_000 {
            let scale: i64 = match round % 3 {
                0 => 64,
                1 => 2048,
                _ => 1 << 30,
            };
            let coefficients: [i32; 64] =
                std::array::from_fn(|_| ((next() % (2 * scale as u64)) as i64 - scale) as i32);
            let expected = two_pass(&coefficients);
            let rows: Vec<(u8, u32)> = (0..8).map(|r| (r as u8, r)).collect();
            let mut got = [0u8; 64];
            let coded: Vec<u8> = (0..64).collect();
            pixels(&coefficients, &coded, 64, &rows, &rows, |r, c, v| {
                got[8 * r as usize + c as usize] = v
            });
            assert_eq!(got, expected, "round {round}");
        }
    }
}
