//! AVX-512 kernels: VPOPCNTQ over two hashes per 512-bit register, VPOPCNTD with a compress for
//! the bucket filter.
//!
//! Callers reach these only through [`super::Kernels::for_isa`], which checks that the CPU has
//! AVX-512 F, VL and VPOPCNTDQ; that check is what makes the `unsafe` calls below sound.

use super::{EntryFilter, Words};
use std::arch::x86_64::*;

/// How many candidates ahead `verify` prefetches: enough to cover DRAM latency with a few
/// hundred instructions of work in between.
const PREFETCH_AHEAD: usize = 16;

pub fn scan(hashes: &[Words], query: &Words, radius: u32, out: &mut Vec<(u32, u32)>) {
    // SAFETY: only reachable when the CPU has the features (see the module docs).
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
    unsafe { filter_run_impl(entries, 0, entries.len(), filter, out) }
}

/// Per-hash distances of a register holding two hashes, in lanes 0 and 4 (and copies in 1-3,
/// 5-7): popcount each word, then add neighbours twice within each 256-bit half.
#[inline]
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn pair_distances(xored: __m512i) -> __m512i {
    let counts = _mm512_popcnt_epi64(xored);
    // 0xB1 swaps adjacent lanes, 0x4E swaps adjacent lane pairs (both within 256-bit halves).
    let pairs = _mm512_add_epi64(counts, _mm512_permutex_epi64::<0xB1>(counts));
    _mm512_add_epi64(pairs, _mm512_permutex_epi64::<0x4E>(pairs))
}

#[target_feature(enable = "avx512f,avx512vl,avx512vpopcntdq")]
unsafe fn scan_impl(hashes: &[Words], query: &Words, radius: u32, out: &mut Vec<(u32, u32)>) {
    // SAFETY (all loads below): `Words` is 32 bytes of plain data, and every pointer is derived
    // from an in-bounds element of `hashes` (pairs index `2i` and `2i + 1` of a full chunk).
    unsafe {
        let q = _mm512_broadcast_i64x4(_mm256_load_si256(query.0.as_ptr().cast()));
        let limit = _mm512_set1_epi64(i64::from(radius));
        let base = hashes.as_ptr();
        let chunks = hashes.len() / 8;
        for chunk in 0..chunks {
            let p = base.add(chunk * 8).cast::<__m512i>();
            let d0 = pair_distances(_mm512_xor_si512(_mm512_loadu_si512(p), q));
            let d1 = pair_distances(_mm512_xor_si512(_mm512_loadu_si512(p.add(1)), q));
            let d2 = pair_distances(_mm512_xor_si512(_mm512_loadu_si512(p.add(2)), q));
            let d3 = pair_distances(_mm512_xor_si512(_mm512_loadu_si512(p.add(3)), q));
            let m0 = _mm512_cmple_epu64_mask(d0, limit) & 0x11;
            let m1 = _mm512_cmple_epu64_mask(d1, limit) & 0x11;
            let m2 = _mm512_cmple_epu64_mask(d2, limit) & 0x11;
            let m3 = _mm512_cmple_epu64_mask(d3, limit) & 0x11;
            if (m0 | m1 | m2 | m3) != 0 {
                // Hits are rare; take the distances out of the registers one by one.
                for (k, (m, d)) in [(m0, d0), (m1, d1), (m2, d2), (m3, d3)]
                    .into_iter()
                    .enumerate()
                {
                    if m == 0 {
                        continue;
                    }
                    let mut lanes = [0u64; 8];
                    _mm512_storeu_si512(lanes.as_mut_ptr().cast(), d);
                    let index = (chunk * 8 + 2 * k) as u32;
                    if m & 0x01 != 0 {
                        out.push((index, lanes[0] as u32));
                    }
                    if m & 0x10 != 0 {
                        out.push((index + 1, lanes[4] as u32));
                    }
                }
            }
        }
    }
    for (index, hash) in hashes.iter().enumerate().skip(hashes.len() / 8 * 8) {
        let distance = hash.distance(query);
        if distance <= radius {
            out.push((index as u32, distance));
        }
    }
}

/// `PREFETCH`: fetch candidates' hashes ahead of their use (the probe, which prefetched them
/// a pipeline group earlier, does without).
#[inline]
#[target_feature(enable = "avx512f,avx512vl,avx512vpopcntdq")]
pub(super) unsafe fn verify_impl<const PREFETCH: bool>(
    hashes: &[Words],
    positions: &[u32],
    query: &Words,
    radius: u32,
    out: &mut Vec<(u32, u32)>,
) {
    // SAFETY: every load goes through a bounds-checked `&hashes[..]`; prefetches may name any
    // address and never fault, but we still only form in-bounds pointers.
    unsafe {
        let q = _mm512_broadcast_i64x4(_mm256_load_si256(query.0.as_ptr().cast()));
        let limit = _mm512_set1_epi64(i64::from(radius));
        let n = positions.len();
        if PREFETCH {
            for &p in &positions[..n.min(PREFETCH_AHEAD)] {
                prefetch(hashes, p);
            }
        }
        let mut i = 0;
        while i + 2 <= n {
            if PREFETCH && i + PREFETCH_AHEAD + 1 < n {
                prefetch(hashes, positions[i + PREFETCH_AHEAD]);
                prefetch(hashes, positions[i + PREFETCH_AHEAD + 1]);
            }
            let (a, b) = (positions[i], positions[i + 1]);
            let lo = _mm256_load_si256(hashes[a as usize].0.as_ptr().cast());
            let hi = _mm256_load_si256(hashes[b as usize].0.as_ptr().cast());
            let pair = _mm512_inserti64x4::<1>(_mm512_castsi256_si512(lo), hi);
            let d = pair_distances(_mm512_xor_si512(pair, q));
            let m = _mm512_cmple_epu64_mask(d, limit) & 0x11;
            if m != 0 {
                let mut lanes = [0u64; 8];
                _mm512_storeu_si512(lanes.as_mut_ptr().cast(), d);
                if m & 0x01 != 0 {
                    out.push((a, lanes[0] as u32));
                }
                if m & 0x10 != 0 {
                    out.push((b, lanes[4] as u32));
                }
            }
            i += 2;
        }
        if i < n {
            super::scalar::verify(hashes, &positions[i..], query, radius, out);
        }
    }
}

#[inline]
fn prefetch(hashes: &[Words], position: u32) {
    if let Some(hash) = hashes.get(position as usize) {
        // SAFETY: a prefetch of a valid address has no observable effect besides timing.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((hash as *const Words).cast()) };
    }
}

/// [`super::ProbeKernels::filter_run`]: one masked load per cache line of the run, each
/// selecting just the run's lanes of that line, so no load touches a line outside the run (a
/// 64-byte load at an arbitrary entry would straddle two lines, and wait for the second one,
/// which nothing prefetched, even with its lanes masked off). A bucket of up to 16 entries
/// costs one or two loads and no branch on its size or contents.
#[inline]
#[target_feature(enable = "avx512f,avx512vl,avx512vpopcntdq,popcnt")]
pub(super) unsafe fn filter_run_impl(
    entries: &[u32],
    start: usize,
    end: usize,
    filter: &EntryFilter,
    out: &mut Vec<u32>,
) {
    let run = &entries[start..end];
    if run.is_empty() {
        return;
    }
    // Room for a full 16-lane store past the last kept entry.
    out.reserve(run.len() + 16);
    let first = run.as_ptr();
    let stop = first as usize + 4 * run.len();
    // SAFETY: each load is masked to lanes inside `run` (lane `i` of a load at `line` is the
    // `u32` at `line + 4i`, selected only when that lies in `first..stop`), and masked-off
    // lanes are never accessed. Each store writes 16 lanes at `out.len()`, within the capacity
    // reserved above; `set_len` covers only the lanes the compress kept.
    unsafe {
        let lowv = _mm512_set1_epi32(filter.low as i32);
        let key_mask = _mm512_set1_epi32(filter.key_mask as i32);
        let chain_mask = _mm512_set1_epi32(filter.chain_mask as i32);
        let key_budget = _mm512_set1_epi32(filter.key_budget.min(i32::MAX as u32) as i32);
        let chain_budget = _mm512_set1_epi32(filter.chain_budget.min(i32::MAX as u32) as i32);
        let shift = _mm_cvtsi32_si128(filter.shift as i32);
        // Lanes of the first line that come before the run (entries are 4-byte aligned).
        let before = (first as usize % 64) / 4;
        let mut line = first.wrapping_sub(before);
        let mut lane0 = before;
        loop {
            let line_end = line as usize + 64;
            let lanes_end = if stop < line_end {
                (stop - line as usize) / 4
            } else {
                16
            };
            let valid = ((u32::MAX >> (32 - lanes_end)) & (u32::MAX << lane0)) as __mmask16;
            let e = _mm512_maskz_loadu_epi32(valid, line.cast());
            let differ = _mm512_xor_si512(e, lowv);
            let key = _mm512_popcnt_epi32(_mm512_and_si512(differ, key_mask));
            let chain = _mm512_popcnt_epi32(_mm512_and_si512(differ, chain_mask));
            let keep = _mm512_mask_cmple_epu32_mask(valid, key, key_budget)
                & _mm512_cmple_epu32_mask(chain, chain_budget);
            let packed = _mm512_maskz_compress_epi32(keep, _mm512_srl_epi32(e, shift));
            let len = out.len();
            _mm512_storeu_si512(out.as_mut_ptr().add(len).cast(), packed);
            out.set_len(len + keep.count_ones() as usize);
            if stop <= line_end {
                break;
            }
            line = line.wrapping_add(16);
            lane0 = 0;
        }
    }
}

/// These kernels, for the probe that inlines them ([`super::ProbeKernels`]).
pub(crate) struct Avx512;

impl super::ProbeKernels for Avx512 {
    #[inline(always)]
    unsafe fn filter_run(
        entries: &[u32],
        start: usize,
        end: usize,
        filter: &EntryFilter,
        out: &mut Vec<u32>,
    ) {
        // SAFETY: the caller guarantees the CPU features (the trait's contract).
        unsafe { filter_run_impl(entries, start, end, filter, out) }
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
