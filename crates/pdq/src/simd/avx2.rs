//! The [`Simd`] operations with x86-64 AVX2 (256-bit registers, eight `f32` lanes).

use super::{LANES, Lanes, Simd};
use crate::dct::{Dct16, dct64_to_16_portable};
use crate::downscale::{Buffer64, Scratch, run};
use crate::luma::LumaRows;
use std::arch::x86_64::*;

/// Proof that the CPU has AVX2: only [`Avx2::detect`] makes one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx2 {
    _detected: (),
}

impl Avx2 {
    /// The token, if this CPU has AVX2.
    pub(crate) fn detect() -> Option<Self> {
        is_x86_feature_detected!("avx2").then_some(Avx2 { _detected: () })
    }
}

impl Avx2 {
    /// Blurs and decimates `source` with AVX2 (see [`crate::downscale::run`]).
    pub(crate) fn downscale<R: LumaRows>(
        self,
        scratch: &mut Scratch,
        source: &R,
        out: &mut Buffer64,
    ) {
        // SAFETY: the token proves this CPU has AVX2.
        unsafe { downscale_avx2(self, scratch, source, out) }
    }
}

impl Avx2 {
    /// The DCT (see [`crate::dct::dct64_to_16_portable`]) with AVX2 vectors.
    pub(crate) fn dct64_to_16(self, a: &Buffer64) -> Dct16 {
        // SAFETY: the token proves this CPU has AVX2.
        unsafe { dct_avx2(a) }
    }
}

#[target_feature(enable = "avx2")]
unsafe fn dct_avx2(a: &Buffer64) -> Dct16 {
    dct64_to_16_portable(a)
}

/// The downscaler compiled with AVX2 enabled, so that the generic code inlined into it (and the
/// loops the compiler vectorises on its own, such as the luma conversion) use 256-bit registers.
#[target_feature(enable = "avx2")]
unsafe fn downscale_avx2<R: LumaRows>(
    token: Avx2,
    scratch: &mut Scratch,
    source: &R,
    out: &mut Buffer64,
) {
    run(token, scratch, source, out);
}

// SAFETY (for every `unsafe` block below): an `Avx2` value exists only if `detect` found AVX2 on
// this CPU, so the AVX/AVX2 intrinsics are available; loads and stores go through references to
// exactly eight floats, so they stay in bounds, and the unaligned forms are used.
impl Simd for Avx2 {
    type V = __m256;

    #[inline(always)]
    fn zero(self) -> __m256 {
        unsafe { _mm256_setzero_ps() }
    }

    #[inline(always)]
    fn splat(self, value: f32) -> __m256 {
        unsafe { _mm256_set1_ps(value) }
    }

    #[inline(always)]
    fn load(self, from: &Lanes) -> __m256 {
        unsafe { _mm256_loadu_ps(from.as_ptr()) }
    }

    #[inline(always)]
    fn store(self, to: &mut Lanes, value: __m256) {
        unsafe { _mm256_storeu_ps(to.as_mut_ptr(), value) }
    }

    #[inline(always)]
    fn add(self, a: __m256, b: __m256) -> __m256 {
        unsafe { _mm256_add_ps(a, b) }
    }

    #[inline(always)]
    fn sub(self, a: __m256, b: __m256) -> __m256 {
        unsafe { _mm256_sub_ps(a, b) }
    }

    #[inline(always)]
    fn div(self, a: __m256, b: __m256) -> __m256 {
        unsafe { _mm256_div_ps(a, b) }
    }

    #[inline(always)]
    fn transpose(self, r: [__m256; LANES]) -> [__m256; LANES] {
        unsafe {
            // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
            let t0 = _mm256_unpacklo_ps(r[0], r[1]);
            let t1 = _mm256_unpackhi_ps(r[0], r[1]);
            let t2 = _mm256_unpacklo_ps(r[2], r[3]);
            let t3 = _mm256_unpackhi_ps(r[2], r[3]);
            let t4 = _mm256_unpacklo_ps(r[4], r[5]);
            let t5 = _mm256_unpackhi_ps(r[4], r[5]);
            let t6 = _mm256_unpacklo_ps(r[6], r[7]);
            let t7 = _mm256_unpackhi_ps(r[6], r[7]);
            let u0 = _mm256_shuffle_ps::<0x44>(t0, t2);
            let u1 = _mm256_shuffle_ps::<0xee>(t0, t2);
            let u2 = _mm256_shuffle_ps::<0x44>(t1, t3);
            let u3 = _mm256_shuffle_ps::<0xee>(t1, t3);
            let u4 = _mm256_shuffle_ps::<0x44>(t4, t6);
            let u5 = _mm256_shuffle_ps::<0xee>(t4, t6);
            let u6 = _mm256_shuffle_ps::<0x44>(t5, t7);
            let u7 = _mm256_shuffle_ps::<0xee>(t5, t7);
            [
                _mm256_permute2f128_ps::<0x20>(u0, u4),
                _mm256_permute2f128_ps::<0x20>(u1, u5),
                _mm256_permute2f128_ps::<0x20>(u2, u6),
                _mm256_permute2f128_ps::<0x20>(u3, u7),
                _mm256_permute2f128_ps::<0x31>(u0, u4),
                _mm256_permute2f128_ps::<0x31>(u1, u5),
                _mm256_permute2f128_ps::<0x31>(u2, u6),
                _mm256_permute2f128_ps::<0x31>(u3, u7),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::portable::Portable;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = f32> {
        prop_oneof![
            -1.0e6f32..1.0e6,
            0.0f32..256.0,
            Just(0.0),
            Just(-0.0),
            Just(1.0e-40), // subnormal
        ]
    }

    fn lanes() -> impl Strategy<Value = Lanes> {
        proptest::collection::vec(value(), LANES).prop_map(|v| std::array::from_fn(|i| v[i]))
    }

    fn bits(v: Lanes) -> [u32; LANES] {
        v.map(f32::to_bits)
    }

    fn round_trip(token: Avx2, v: __m256) -> Lanes {
        let mut out = [0.0; LANES];
        token.store(&mut out, v);
        out
    }

    proptest! {
        #[test]
        fn arithmetic_matches_portable(a in lanes(), b in lanes(), x in -1.0e6f32..1.0e6) {
            let Some(t) = Avx2::detect() else { return Ok(()) };
            let p = Portable;
            let (va, vb) = (t.load(&a), t.load(&b));
            prop_assert_eq!(bits(round_trip(t, t.add(va, vb))), bits(p.add(a, b)));
            prop_assert_eq!(bits(round_trip(t, t.sub(va, vb))), bits(p.sub(a, b)));
            prop_assert_eq!(bits(round_trip(t, t.div(va, vb))), bits(p.div(a, b)));
            prop_assert_eq!(bits(round_trip(t, t.splat(x))), bits(p.splat(x)));
            prop_assert_eq!(bits(round_trip(t, t.zero())), bits(p.zero()));
        }

        #[test]
        fn transpose_matches_portable(values in proptest::collection::vec(value(), LANES * LANES)) {
            let Some(t) = Avx2::detect() else { return Ok(()) };
            let rows: [Lanes; LANES] = std::array::from_fn(|i| std::array::from_fn(|j| values[i * LANES + j]));
            let fast = t.transpose(rows.map(|r| t.load(&r))).map(|v| bits(round_trip(t, v)));
            let slow = Portable.transpose(rows).map(bits);
            prop_assert_eq!(fast, slow);
        }
    }
}
