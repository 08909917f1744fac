//! From the 64x64 downsample to hash bits: quality metric, 16x16 DCT, Torben's median, the
//! threshold, and the eight dihedral transforms in the DCT domain. Every float operation is the
//! reference's (`pdqhashing.cpp`, `torben.cpp`), in its order.

use crate::PdqHash;
use crate::dct_matrix::DCT_MATRIX_BITS;
use crate::downscale::Buffer64;

/// The 16x16 block of low-frequency DCT coefficients, `[row][column]`.
pub(crate) type Dct16 = [[f32; 16]; 16];

const fn dct_matrix() -> [[f32; 64]; 16] {
    let mut matrix = [[0.0f32; 64]; 16];
    let mut i = 0;
    while i < 16 {
        let mut j = 0;
        while j < 64 {
            matrix[i][j] = f32::from_bits(DCT_MATRIX_BITS[i][j]);
            j += 1;
        }
        i += 1;
    }
    matrix
}

const fn transposed(matrix: &[[f32; 64]; 16]) -> [[f32; 16]; 64] {
    let mut out = [[0.0f32; 16]; 64];
    let mut i = 0;
    while i < 16 {
        let mut j = 0;
        while j < 64 {
            out[j][i] = matrix[i][j];
            j += 1;
        }
        i += 1;
    }
    out
}

/// The reference's `dct_matrix_64`: 16 rows (frequencies 1 to 16) of 64 columns.
pub(crate) const DCT_MATRIX: [[f32; 64]; 16] = dct_matrix();
/// Its transpose, so that the second product runs along contiguous memory.
const DCT_MATRIX_T: [[f32; 16]; 64] = transposed(&DCT_MATRIX);

/// `dct64To16`: `B = D A Dt` with `T = D A` first, with the widest vectors this CPU has.
pub(crate) fn dct64_to_16(a: &Buffer64) -> Dct16 {
    #[cfg(target_arch = "x86_64")]
    {
        if let Some(avx512) = crate::simd::avx512::Avx512::detect() {
            return avx512.dct64_to_16(a);
        }
        if let Some(avx2) = crate::simd::avx2::Avx2::detect() {
            return avx2.dct64_to_16(a);
        }
    }
    dct64_to_16_portable(a)
}

/// `dct64To16` in plain Rust, inlined into each instruction set's build.
///
/// Each output element is accumulated from 0.0 over `k` = 0..63 in order, as the reference does;
/// the loops are only reordered so that independent elements (`j`) sit side by side and vectorise.
#[inline(always)]
pub(crate) fn dct64_to_16_portable(a: &Buffer64) -> Dct16 {
    let mut t = [[0.0f32; 64]; 16];
    for (t_row, d_row) in t.iter_mut().zip(&DCT_MATRIX) {
        for (&d, a_row) in d_row.iter().zip(a) {
            for (sum, &value) in t_row.iter_mut().zip(a_row) {
                *sum += d * value;
            }
        }
    }
    let mut b = [[0.0f32; 16]; 16];
    for (b_row, t_row) in b.iter_mut().zip(&t) {
        for (&value, d_column) in t_row.iter().zip(&DCT_MATRIX_T) {
            for (sum, &d) in b_row.iter_mut().zip(d_column) {
                *sum += value * d;
            }
        }
    }
    b
}

/// `pdqImageDomainQualityMetric`: how many significant gradients the downsample has, 0 to 100.
pub(crate) fn quality(a: &Buffer64) -> u8 {
    let mut gradient_sum: i32 = 0;
    let gradient = |u: f32, v: f32| (((u - v) * 100.0) / 255.0) as i32;
    for (row, next) in a.iter().zip(&a[1..]) {
        for (&u, &v) in row.iter().zip(next) {
            gradient_sum += gradient(u, v).abs();
        }
    }
    for row in a {
        for (&u, &v) in row.iter().zip(&row[1..]) {
            gradient_sum += gradient(u, v).abs();
        }
    }
    (gradient_sum / 90).min(100) as u8
}

/// Torben Mogensen's median, as the reference's `torben.cpp` computes it (for an even count it
/// returns the lower middle value).
pub(crate) fn torben(m: &[f32]) -> f32 {
    let n = m.len();
    let half = n.div_ceil(2);
    let mut min = m[0];
    let mut max = m[0];
    for &value in &m[1..] {
        if value < min {
            min = value;
        }
        if value > max {
            max = value;
        }
    }
    loop {
        let guess = (min + max) / 2.0;
        let mut less = 0;
        let mut greater = 0;
        let mut equal = 0;
        let mut max_lt_guess = min;
        let mut min_gt_guess = max;
        for &value in m {
            if value < guess {
                less += 1;
                if value > max_lt_guess {
                    max_lt_guess = value;
                }
            } else if value > guess {
                greater += 1;
                if value < min_gt_guess {
                    min_gt_guess = value;
                }
            } else {
                equal += 1;
            }
        }
        if less <= half && greater <= half {
            return if less >= half {
                max_lt_guess
            } else if less + equal >= half {
                guess
            } else {
                min_gt_guess
            };
        } else if less > greater {
            max = max_lt_guess;
        } else {
            min = min_gt_guess;
        }
    }
}

/// `pdqBuffer16x16ToBits`: bit `16i + j` is set when coefficient `[i][j]` exceeds the median.
pub(crate) fn to_bits(dct: &Dct16) -> PdqHash {
    let median = torben(dct.as_flattened());
    let mut hash = PdqHash::ZERO;
    for (k, &value) in dct.as_flattened().iter().enumerate() {
        if value > median {
            hash.set_bit(k);
        }
    }
    hash
}

/// The eight dihedral transforms in the reference's order, each as the DCT coefficients of the
/// transformed image: a sign pattern, and a transposition for the four that swap the axes.
///
/// ```text
/// orig      rot90     rot180    rot270    flipx     flipy     flipplus  flipminus
/// noxpose   xpose     noxpose   xpose     noxpose   noxpose   xpose     xpose
/// ```
pub(crate) fn dihedral_hashes(dct: &Dct16) -> [PdqHash; 8] {
    // (transpose, negate(i, j)) per transform; negation is decided on the source indices, as the
    // reference's dct16OriginalTo* functions do.
    type Negate = fn(usize, usize) -> bool;
    const TRANSFORMS: [(bool, Negate); 8] = [
        (false, |_, _| false),            // original
        (true, |_, j| j & 1 == 0),        // rotate90
        (false, |i, j| (i + j) & 1 == 1), // rotate180
        (true, |i, _| i & 1 == 0),        // rotate270
        (false, |i, _| i & 1 == 0),       // flipx
        (false, |_, j| j & 1 == 0),       // flipy
        (true, |_, _| false),             // flipplus1
        (true, |i, j| (i + j) & 1 == 1),  // flipminus1
    ];
    TRANSFORMS.map(|(transpose, negate)| {
        let mut out = [[0.0f32; 16]; 16];
        for (i, row) in dct.iter().enumerate() {
            for (j, &value) in row.iter().enumerate() {
                let value = if negate(i, j) { -value } else { value };
                if transpose {
                    out[j][i] = value;
                } else {
                    out[i][j] = value;
                }
            }
        }
        to_bits(&out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    #[allow(clippy::needless_range_loop)] // the indices are the formula's
    fn dct_matrix_is_the_reference_formula() {
        // On the host, with the system's cos, as the reference computes it at start-up.
        let scale = (2.0f64 / 64.0).sqrt() as f32;
        let pi = std::f64::consts::PI;
        for i in 0..16 {
            for j in 0..64 {
                let expected = (f64::from(scale)
                    * ((pi / 2.0 / 64.0) * (i + 1) as f64 * (2 * j + 1) as f64).cos())
                    as f32;
                assert_eq!(
                    DCT_MATRIX[i][j].to_bits(),
                    expected.to_bits(),
                    "D[{i}][{j}]"
                );
            }
        }
    }

    #[test]
    fn torben_is_the_lower_median() {
        assert_eq!(torben(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(torben(&[4.0, 1.0, 3.0, 2.0]), 2.0);
        assert_eq!(torben(&[5.0; 7]), 5.0);
        assert_eq!(torben(&[-1.0, 7.5]), -1.0);
    }

    #[test]
    fn quality_counts_gradients() {
        assert_eq!(quality(&[[128.0; 64]; 64]), 0);
        let mut stripes = [[0.0f32; 64]; 64];
        for row in stripes.iter_mut() {
            for (j, value) in row.iter_mut().enumerate() {
                *value = if j % 2 == 0 { 0.0 } else { 255.0 };
            }
        }
        // 64 rows x 63 jumps of 100 each, /90, capped.
        assert_eq!(quality(&stripes), 100);
        let mut faint = [[0.0f32; 64]; 64];
        faint[10][10] = 10.0; // four gradients of 3 -> 12 / 90 = 0
        assert_eq!(quality(&faint), 0);
    }

    proptest! {
        #[test]
        fn dct_matches_the_loops_of_the_reference(values in proptest::collection::vec(0.0f32..255.0, 64 * 64)) {
            let mut a = [[0.0f32; 64]; 64];
            a.as_flattened_mut().copy_from_slice(&values);
            let slow = crate::reference::dct64_to_16(&a);
            let bits = |dct: &Dct16| dct.as_flattened().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&dct64_to_16_portable(&a)), bits(&slow));
            prop_assert_eq!(bits(&dct64_to_16(&a)), bits(&slow));
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = crate::simd::avx2::Avx2::detect() {
                prop_assert_eq!(bits(&avx2.dct64_to_16(&a)), bits(&slow));
            }
        }

        #[test]
        fn torben_agrees_with_sorting(values in proptest::collection::vec(-1000.0f32..1000.0, 1..300)) {
            let mut sorted = values.clone();
            sorted.sort_by(f32::total_cmp);
            prop_assert_eq!(torben(&values), sorted[(values.len() - 1) / 2]);
        }
    }
}
