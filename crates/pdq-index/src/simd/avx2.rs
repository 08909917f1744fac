//! AVX2 kernels: Mula's nibble-lookup popcount (VPSHUFB on each half-byte, VPSADBW to add the
//! bytes of each 64-bit lane), four hashes at a time.
//!
//! Callers reach these only through [`super::Kernels::for_isa`], which checks that the CPU has
//! AVX2; that check is what makes the `unsafe` calls below sound.

use super::{EntryFilter, Words};
use std::arch::x86_64::*;

/// See the AVX-512 file: how far ahead `verify` prefetches.
const PREFETCH_AHEAD: usize = 16;

pub fn scan(hashes: &[Words], query: &Words, radius: u32, out: &mut Vec<(u32, u32)>) {
    // SAFETY: only reachable when the CPU has AVX2 (see the module docs).
    unsafe { scan_impl(hashes, query, radius, out) }
}

pub fn verify(
    hashes: &[Words],
    positions: &[u32],
    query: &Words,
    radius: u32,
    out: &mut Vec<(u32, u32)>,
) {
    // SAFETY: as above.
    unsafe { verify_impl::<true>(hashes, positions, query, radius, out) }
}

pub fn filter(entries: &[u32], filter: &EntryFilter, out: &mut Vec<u32>) {
    // SAFETY: as above.
    unsafe { filter_impl(entries, filter, out) }
}

/// Popcount of every byte.
#[inline]
#[target_feature(enable = "avx2")]
fn byte_counts(v: __m256i) -> __m256i {
    let lookup = _mm256_setr_epi8(
        0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3,
        3, 4,
    );
    let nibble = _mm256_set1_epi8(0x0f);
    let low = _mm256_and_si256(v, nibble);
    let high = _mm256_and_si256(_mm256_srli_epi16::<4>(v), nibble);
    _mm256_add_epi8(
        _mm256_shuffle_epi8(lookup, low),
        _mm256_shuffle_epi8(lookup, high),
    )
}

/// Popcount of each 64-bit lane.
#[inline]
#[target_feature(enable = "avx2")]
fn lane_counts(v: __m256i) -> __m256i {
    _mm256_sad_epu8(byte_counts(v), _mm256_setzero_si256())
}

/// The four distances of four xored hashes, as 32-bit lanes `[a, b, c, d]`.
#[inline]
#[target_feature(enable = "avx2")]
fn four_distances(a: __m256i, b: __m256i, c: __m256i, d: __m256i) -> __m128i {
    // Lane counts are below 2^32, so the 64-bit lanes read as [x, 0] pairs of 32-bit lanes and
    // three horizontal adds fold each hash's four lanes together.
    let ab = _mm256_hadd_epi32(lane_counts(a), lane_counts(b));
    let cd = _mm256_hadd_epi32(lane_counts(c), lane_counts(d));
    let abcd = _mm256_hadd_epi32(ab, cd);
    _mm_add_epi32(
        _mm256_castsi256_si128(abcd),
        _mm256_extracti128_si256::<1>(abcd),
    )
}

/// Bit `k` set when lane `k` of `distances` is at most `radius`.
#[inline]
#[target_feature(enable = "avx2")]
fn within(distances: __m128i, radius: __m128i) -> u32 {
    let over = _mm_cmpgt_epi32(distances, radius);
    !(_mm_movemask_ps(_mm_castsi128_ps(over)) as u32) & 0xf
}

#[target_feature(enable = "avx2")]
unsafe fn scan_impl(hashes: &[Words], query: &Words, radius: u32, out: &mut Vec<(u32, u32)>) {
    let chunks = hashes.len() / 4;
    // SAFETY: `Words` is 32-byte aligned plain data; every load is of an in-bounds element.
    unsafe {
        let q = _mm256_load_si256(query.0.as_ptr().cast());
        let limit = _mm_set1_epi32(radius.min(i32::MAX as u32) as i32);
        let base = hashes.as_ptr().cast::<__m256i>();
        for chunk in 0..chunks {
            let p = base.add(chunk * 4);
            let d = four_distances(
                _mm256_xor_si256(_mm256_load_si256(p), q),
                _mm256_xor_si256(_mm256_load_si256(p.add(1)), q),
                _mm256_xor_si256(_mm256_load_si256(p.add(2)), q),
                _mm256_xor_si256(_mm256_load_si256(p.add(3)), q),
            );
            let mut keep = within(d, limit);
            if keep != 0 {
                let mut lanes = [0u32; 4];
                _mm_storeu_si128(lanes.as_mut_ptr().cast(), d);
                while keep != 0 {
                    let k = keep.trailing_zeros() as usize;
                    out.push(((chunk * 4 + k) as u32, lanes[k]));
                    keep &= keep - 1;
                }
            }
        }
    }
    for (index, hash) in hashes.iter().enumerate().skip(chunks * 4) {
        let distance = hash.distance(query);
        if distance <= radius {
            out.push((index as u32, distance));
        }
    }
}

/// `PREFETCH`: fetch candidates' hashes ahead of their use (the probe, which prefetched them
/// a pipeline group earlier, does without).
#[inline]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn verify_impl<const PREFETCH: bool>(
    hashes: &[Words],
    positions: &[u32],
    query: &Words,
    radius: u32,
    out: &mut Vec<(u32, u32)>,
) {
    let n = positions.len();
    let load = |position: u32| {
        // SAFETY: bounds-checked element, 32-byte aligned.
        unsafe { _mm256_load_si256(hashes[position as usize].0.as_ptr().cast()) }
    };
    if PREFETCH {
        for &p in &positions[..n.min(PREFETCH_AHEAD)] {
            prefetch(hashes, p);
        }
    }
    let mut i = 0;
    // SAFETY: the intrinsics below only need AVX2, which this function is compiled for.
    unsafe {
        let q = _mm256_load_si256(query.0.as_ptr().cast());
        let limit = _mm_set1_epi32(radius.min(i32::MAX as u32) as i32);
        while i + 4 <= n {
            if PREFETCH {
                for k in 0..4 {
                    if let Some(&ahead) = positions.get(i + PREFETCH_AHEAD + k) {
                        prefetch(hashes, ahead);
                    }
                }
            }
            let group = [
                positions[i],
                positions[i + 1],
                positions[i + 2],
                positions[i + 3],
            ];
            let d = four_distances(
                _mm256_xor_si256(load(group[0]), q),
                _mm256_xor_si256(load(group[1]), q),
                _mm256_xor_si256(load(group[2]), q),
                _mm256_xor_si256(load(group[3]), q),
            );
            let mut keep = within(d, limit);
            if keep != 0 {
                let mut lanes = [0u32; 4];
                _mm_storeu_si128(lanes.as_mut_ptr().cast(), d);
                while keep != 0 {
                    let k = keep.trailing_zeros() as usize;
                    out.push((group[k], lanes[k]));
                    keep &= keep - 1;
                }
            }
            i += 4;
        }
    }
    super::scalar::verify(hashes, &positions[i..], query, radius, out);
}

#[inline]
fn prefetch(hashes: &[Words], position: u32) {
    if let Some(hash) = hashes.get(position as usize) {
        // SAFETY: a prefetch of a valid address has no observable effect besides timing.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((hash as *const Words).cast()) };
    }
}

/// Popcount of each 32-bit lane.
#[inline]
#[target_feature(enable = "avx2")]
fn dword_counts(v: __m256i) -> __m256i {
    // Byte counts -> 16-bit pair sums -> 32-bit lane sums.
    _mm256_madd_epi16(
        _mm256_maddubs_epi16(byte_counts(v), _mm256_set1_epi8(1)),
        _mm256_set1_epi16(1),
    )
}

#[inline]
#[target_feature(enable = "avx2,popcnt")]
pub(super) unsafe fn filter_impl(entries: &[u32], filter: &EntryFilter, out: &mut Vec<u32>) {
    let chunks = entries.len() / 8;
    // SAFETY: loads read whole in-bounds chunks of `entries`.
    unsafe {
        let lowv = _mm256_set1_epi32(filter.low as i32);
        let key_mask = _mm256_set1_epi32(filter.key_mask as i32);
        let chain_mask = _mm256_set1_epi32(filter.chain_mask as i32);
        let key_budget = _mm256_set1_epi32(filter.key_budget.min(i32::MAX as u32) as i32);
        let chain_budget = _mm256_set1_epi32(filter.chain_budget.min(i32::MAX as u32) as i32);
        for chunk in 0..chunks {
            let e = _mm256_loadu_si256(entries.as_ptr().add(chunk * 8).cast());
            let differ = _mm256_xor_si256(e, lowv);
            let key = dword_counts(_mm256_and_si256(differ, key_mask));
            let chain = dword_counts(_mm256_and_si256(differ, chain_mask));
            let over = _mm256_or_si256(
                _mm256_cmpgt_epi32(key, key_budget),
                _mm256_cmpgt_epi32(chain, chain_budget),
            );
            let mut keep = !(_mm256_movemask_ps(_mm256_castsi256_ps(over)) as u32) & 0xff;
            while keep != 0 {
                let k = keep.trailing_zeros() as usize;
                out.push(entries[chunk * 8 + k] >> filter.shift);
                keep &= keep - 1;
            }
        }
    }
    // The tail, with the hardware popcount this function is compiled for.
    for &entry in &entries[chunks * 8..] {
        if filter.keeps(entry) {
            out.push(entry >> filter.shift);
        }
    }
}

/// These kernels, for the probe that inlines them ([`super::ProbeKernels`]).
pub(crate) struct Avx2;

impl super::ProbeKernels for Avx2 {
    #[inline(always)]
    unsafe fn filter_run(
        entries: &[u32],
        start: usize,
        end: usize,
        filter: &EntryFilter,
        out: &mut Vec<u32>,
    ) {
        // SAFETY: the caller guarantees the CPU features (the trait's contract). AVX2 loads
        // whole chunks of eight only inside the run and finishes in scalar code, so it never
        // reads past the run's last line.
        unsafe { filter_impl(&entries[start..end], filter, out) }
    }

    #[inline(always)]
    unsafe fn verify(
        hashes: &[Words],
        positions: &[u32],
        query: &Words,
        radius: u32,
        out: &mut Vec<(u32, u32)>,
    ) {
        // SAFETY: as above.
        unsafe { verify_impl::<false>(hashes, positions, query, radius, out) }
    }
}
