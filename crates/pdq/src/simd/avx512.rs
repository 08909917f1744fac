//! The downscaler for x86-64 CPUs with AVX-512.
//!
//! The kernel's explicit vector operations are the AVX2 ones (eight lanes; [`Avx2`] implements
//! [`crate::simd::Simd`]), but the whole kernel is compiled with AVX-512 enabled, so that the
//! loops the compiler vectorises by itself use 512-bit registers. That matters for the luma
//! conversion, which for the full-resolution convention runs in double precision: twice as many
//! lanes there make it about a third faster.

use super::avx2::Avx2;
use crate::dct::{Dct16, dct64_to_16_portable};
use crate::downscale::{Buffer64, Scratch, run};
use crate::luma::LumaRows;

/// Proof that the CPU has AVX2 and the AVX-512 subsets F, BW, VL and DQ: only
/// [`Avx512::detect`] makes one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx512 {
    avx2: Avx2,
}

impl Avx512 {
    /// The token, if this CPU has AVX2 and AVX-512 F, BW, VL and DQ.
    pub(crate) fn detect() -> Option<Self> {
        let avx512 = is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vl")
            && is_x86_feature_detected!("avx512dq");
        Avx2::detect()
            .filter(|_| avx512)
            .map(|avx2| Avx512 { avx2 })
    }

    /// Blurs and decimates `source` (see [`crate::downscale::run`]).
    pub(crate) fn downscale<R: LumaRows>(
        self,
        scratch: &mut Scratch,
        source: &R,
        out: &mut Buffer64,
    ) {
        // SAFETY: the token proves this CPU has every feature the function enables.
        unsafe { downscale_avx512(self.avx2, scratch, source, out) }
    }
}

impl Avx512 {
    /// The DCT (see [`crate::dct::dct64_to_16_portable`]) with 512-bit vectors.
    pub(crate) fn dct64_to_16(self, a: &Buffer64) -> Dct16 {
        // SAFETY: the token proves this CPU has every feature the function enables.
        unsafe { dct_avx512(a) }
    }
}

#[target_feature(enable = "avx2,avx512f,avx512bw,avx512vl,avx512dq")]
unsafe fn dct_avx512(a: &Buffer64) -> Dct16 {
    dct64_to_16_portable(a)
}

#[target_feature(enable = "avx2,avx512f,avx512bw,avx512vl,avx512dq")]
unsafe fn downscale_avx512<R: LumaRows>(
    token: Avx2,
    scratch: &mut Scratch,
    source: &R,
    out: &mut Buffer64,
) {
    run(token, scratch, source, out);
}
