//! Popcount kernels, one file per instruction set, picked once at run time.
//!
//! Three kernels carry every distance computation of the crate:
//!
//! - [`Kernels::scan`]: the distance from one query to every hash of a contiguous array (the
//!   brute-force index, small segments, and radii too large for the tables);
//! - [`Kernels::verify`]: the same for hashes named by a list of positions (the candidates that
//!   multi-index hashing found), with prefetching because those loads are random;
//! - [`Kernels::filter`]: the bucket filter of a substring table: keep the entries whose inline
//!   low key bits are within a budget of the query's, and return their positions.
//!
//! `scalar.rs` is the reference; `avx2.rs` (Mula's nibble-lookup popcount) and `avx512.rs`
//! (VPOPCNTQ/VPOPCNTD) must give exactly the same output, which the property tests below check.
//! Other targets (WebAssembly, ARM) use the scalar file.

#[cfg(target_arch = "x86_64")]
mod avx2;
#[cfg(target_arch = "x86_64")]
mod avx512;
mod scalar;

use std::sync::OnceLock;

/// A 256-bit hash as four little-endian words, aligned so that it never straddles a cache line.
///
/// Word order is that of [`pdq::PdqHash::to_words`]; the byte image of a `Words` on a
/// little-endian machine is the hash's bytes, which the snapshot format relies on.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
#[repr(C, align(32))]
pub struct Words(pub [u64; 4]);

impl Words {
    /// Hamming distance, portable.
    #[inline]
    pub fn distance(&self, other: &Words) -> u32 {
        (self.0[0] ^ other.0[0]).count_ones()
            + (self.0[1] ^ other.0[1]).count_ones()
            + (self.0[2] ^ other.0[2]).count_ones()
            + (self.0[3] ^ other.0[3]).count_ones()
    }

    /// Bitwise exclusive or.
    #[inline]
    pub fn xor(&self, other: &Words) -> Words {
        Words([
            self.0[0] ^ other.0[0],
            self.0[1] ^ other.0[1],
            self.0[2] ^ other.0[2],
            self.0[3] ^ other.0[3],
        ])
    }
}

impl From<pdq::PdqHash> for Words {
    fn from(hash: pdq::PdqHash) -> Self {
        Words(hash.to_words())
    }
}

impl From<&pdq::PdqHash> for Words {
    fn from(hash: &pdq::PdqHash) -> Self {
        Words(hash.to_words())
    }
}

impl From<Words> for pdq::PdqHash {
    fn from(words: Words) -> Self {
        pdq::PdqHash::from_words(words.0)
    }
}

/// Asks the CPU to start loading the cache line of `value` (a hint; no effect elsewhere).
#[inline(always)]
pub fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and has no effect besides timing; SSE is baseline on
    // x86-64.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (value as *const T).cast(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Asks the CPU to start loading the cache line at `address` into L2 (not L1). The address
/// need not point at anything: a prefetch never faults.
///
/// Many misses can be in flight to L2 where L1 tracks only a few dozen; the probe issues
/// hundreds ahead of use, so it prefetches into L2 and lets the use pull the line into L1.
#[inline(always)]
pub fn prefetch_l2(address: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch of any address never faults and has no effect besides timing; SSE is
    // baseline on x86-64.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T1 }>(address as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

/// An instruction set the kernels are written for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Isa {
    /// Portable Rust, the reference.
    Scalar,
    /// AVX2 with Mula's nibble-lookup popcount, and POPCNT (x86-64).
    Avx2,
    /// AVX-512 F/VL with VPOPCNTDQ, and POPCNT (x86-64).
    Avx512,
}

impl Isa {
    /// Every instruction set this CPU runs, the portable one first.
    #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
    pub fn available() -> Vec<Isa> {
        let mut list = vec![Isa::Scalar];
        #[cfg(target_arch = "x86_64")]
        {
            let popcnt = std::is_x86_feature_detected!("popcnt");
            if popcnt && std::is_x86_feature_detected!("avx2") {
                list.push(Isa::Avx2);
            }
            if popcnt
                && std::is_x86_feature_detected!("avx512f")
                && std::is_x86_feature_detected!("avx512vl")
                && std::is_x86_feature_detected!("avx512vpopcntdq")
            {
                list.push(Isa::Avx512);
            }
        }
        list
    }

    /// The fastest instruction set this CPU runs.
    pub fn best() -> Isa {
        *Isa::available().last().expect("scalar is always available")
    }

    /// Lower-case name, as printed by the benchmark.
    pub fn name(self) -> &'static str {
        match self {
            Isa::Scalar => "scalar",
            Isa::Avx2 => "avx2",
            Isa::Avx512 => "avx512",
        }
    }
}

/// Appends `(index, distance)` for every hash of the slice within `radius` of the query.
pub type ScanFn = fn(&[Words], &Words, u32, &mut Vec<(u32, u32)>);
/// Appends `(position, distance)` for every listed position whose hash is within `radius`.
pub type VerifyFn = fn(&[Words], &[u32], &Words, u32, &mut Vec<(u32, u32)>);
/// Appends `entry >> filter.shift` for every entry that [`EntryFilter::keeps`].
pub type FilterFn = fn(&[u32], &EntryFilter, &mut Vec<u32>);

/// The test a bucket's entries must pass to become candidates.
///
/// An entry is a position shifted left by `shift`, above low bits that hold bits of the hash:
/// first the unit's key bits that do not address the bucket ("key" bits), then a few bits of
/// the next unit ("chain" bits). An entry is kept when its key bits differ from the query's in
/// at most `key_budget` places and its key and chain bits together in at most `chain_budget`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntryFilter {
    /// The query's low bits, laid out as the entries' are.
    pub low: u32,
    /// Mask of the key bits.
    pub key_mask: u32,
    /// Mask of the key and chain bits.
    pub chain_mask: u32,
    /// Most key bits that may differ.
    pub key_budget: u32,
    /// Most key and chain bits that may differ together.
    pub chain_budget: u32,
    /// Shift from an entry to its position.
    pub shift: u32,
}

impl EntryFilter {
    /// Whether `entry` passes (the definition every kernel implements).
    #[inline]
    pub fn keeps(&self, entry: u32) -> bool {
        let differ = entry ^ self.low;
        (differ & self.key_mask).count_ones() <= self.key_budget
            && (differ & self.chain_mask).count_ones() <= self.chain_budget
    }
}

/// The kernels that the multi-index probe inlines, per instruction set.
///
/// The probe is written once, generic over this trait, and instantiated inside a function
/// compiled for each instruction set, so that these calls become inline code using the CPU's
/// own popcount (a function pointer per bucket visit would cost more than the visit's work).
pub(crate) trait ProbeKernels {
    /// [`FilterFn`] over `entries[start..end]`.
    ///
    /// The run is read a cache line at a time, touching no line outside it: the probe has
    /// prefetched exactly the lines of the run, and a read that strayed into the next line
    /// would wait for memory. `start <= end <= entries.len()`.
    ///
    /// # Safety
    /// The CPU must run the implementing instruction set.
    unsafe fn filter_run(
        entries: &[u32],
        start: usize,
        end: usize,
        filter: &EntryFilter,
        out: &mut Vec<u32>,
    );

    /// As [`VerifyFn`], for candidates whose hashes the caller has already prefetched.
    ///
    /// # Safety
    /// The CPU must run the implementing instruction set.
    unsafe fn verify(
        hashes: &[Words],
        positions: &[u32],
        query: &Words,
        radius: u32,
        out: &mut Vec<(u32, u32)>,
    );
}

/// The portable kernels, for [`ProbeKernels`].
pub(crate) struct Scalar;

impl ProbeKernels for Scalar {
    #[inline(always)]
    unsafe fn filter_run(
        entries: &[u32],
        start: usize,
        end: usize,
        filter: &EntryFilter,
        out: &mut Vec<u32>,
    ) {
        scalar::filter(&entries[start..end], filter, out);
    }

    #[inline(always)]
    unsafe fn verify(
        hashes: &[Words],
        positions: &[u32],
        query: &Words,
        radius: u32,
        out: &mut Vec<(u32, u32)>,
    ) {
        scalar::verify(hashes, positions, query, radius, out);
    }
}

#[cfg(target_arch = "x86_64")]
pub(crate) use avx2::Avx2;
#[cfg(target_arch = "x86_64")]
pub(crate) use avx512::Avx512;

/// The kernels of one instruction set.
#[derive(Clone, Copy, Debug)]
pub struct Kernels {
    /// Which instruction set these are.
    pub isa: Isa,
    /// See [`ScanFn`].
    pub scan: ScanFn,
    /// See [`VerifyFn`].
    pub verify: VerifyFn,
    /// See [`FilterFn`].
    pub filter: FilterFn,
}

impl Kernels {
    /// The kernels for `isa`, or `None` if this CPU does not run it.
    pub fn for_isa(isa: Isa) -> Option<Kernels> {
        if !Isa::available().contains(&isa) {
            return None;
        }
        Some(match isa {
            Isa::Scalar => Kernels {
                isa,
                scan: scalar::scan,
                verify: scalar::verify,
                filter: scalar::filter,
            },
            #[cfg(target_arch = "x86_64")]
            Isa::Avx2 => Kernels {
                isa,
                scan: avx2::scan,
                verify: avx2::verify,
                filter: avx2::filter,
            },
            #[cfg(target_arch = "x86_64")]
            Isa::Avx512 => Kernels {
                isa,
                scan: avx512::scan,
                verify: avx512::verify,
                filter: avx512::filter,
            },
            #[cfg(not(target_arch = "x86_64"))]
            _ => return None,
        })
    }

    /// The fastest kernels of this CPU, detected once.
    pub fn best() -> &'static Kernels {
        static BEST: OnceLock<Kernels> = OnceLock::new();
        BEST.get_or_init(|| Kernels::for_isa(Isa::best()).expect("best is available"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Hashes near a base, so that small radii give hits and the compare branches are exercised.
    fn near_hashes() -> impl Strategy<Value = (Words, Vec<Words>)> {
        (
            any::<[u64; 4]>(),
            prop::collection::vec((any::<[u64; 4]>(), 0u32..4), 0..70),
        )
            .prop_map(|(base, others)| {
                let hashes = others
                    .into_iter()
                    .map(|(noise, sparsity)| {
                        // Sparse noise: AND-ing random words keeps few bits, so distances spread
                        // from 0 to ~128 around the base.
                        let mut words = base;
                        for (i, word) in words.iter_mut().enumerate() {
                            let mut flip = noise[i];
                            for k in 0..sparsity {
                                flip &= noise[i].rotate_left(17 * (k + 1));
                            }
                            *word ^= flip;
                        }
                        Words(words)
                    })
                    .collect();
                (Words(base), hashes)
            })
    }

    proptest! {
        #[test]
        fn scan_and_verify_match_scalar((query, hashes) in near_hashes(), radius in 0u32..=256,
                                        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..90)) {
            let positions: Vec<u32> = if hashes.is_empty() {
                Vec::new()
            } else {
                picks.iter().map(|p| p.index(hashes.len()) as u32).collect()
            };
            let mut expected_scan = Vec::new();
            scalar::scan(&hashes, &query, radius, &mut expected_scan);
            let mut expected_verify = Vec::new();
            scalar::verify(&hashes, &positions, &query, radius, &mut expected_verify);
            // The scalar reference itself against the obvious definition.
            let obvious: Vec<(u32, u32)> = hashes.iter().enumerate()
                .map(|(i, h)| (i as u32, h.distance(&query)))
                .filter(|&(_, d)| d <= radius).collect();
            prop_assert_eq!(&expected_scan, &obvious);
            for isa in Isa::available() {
                let kernels = Kernels::for_isa(isa).unwrap();
                let mut got = vec![(7, 7)];
                (kernels.scan)(&hashes, &query, radius, &mut got);
                prop_assert_eq!(&got[1..], &expected_scan[..], "scan {:?}", isa);
                let mut got = Vec::new();
                (kernels.verify)(&hashes, &positions, &query, radius, &mut got);
                prop_assert_eq!(&got, &expected_verify, "verify {:?}", isa);
            }
        }

        #[test]
        fn filter_matches_scalar(entries in prop::collection::vec(any::<u32>(), 0..100),
                                 low in any::<u32>(), key_bits in 0u32..=12, chain_bits in 0u32..=8,
                                 key_budget in 0u32..=6, extra_budget in 0u32..=6,
                                 start in any::<prop::sample::Index>(),
                                 len in any::<prop::sample::Index>()) {
            let key_mask = if key_bits == 0 { 0 } else { u32::MAX >> (32 - key_bits) };
            let low_bits = key_bits + chain_bits;
            let chain_mask = if low_bits == 0 { 0 } else { u32::MAX >> (32 - low_bits) };
            let filter = EntryFilter {
                low: low & chain_mask,
                key_mask,
                chain_mask,
                key_budget,
                chain_budget: key_budget + extra_budget,
                shift: key_bits + chain_bits,
            };
            // Make some entries agree with the query's low bits, some nearly.
            let entries: Vec<u32> = entries.iter().enumerate()
                .map(|(i, &e)| match i % 3 {
                    0 => (e & !chain_mask) | filter.low,
                    1 => (e & !chain_mask) | ((filter.low ^ (e & 0x5)) & chain_mask),
                    _ => e,
                })
                .collect();
            let mut expected = Vec::new();
            scalar::filter(&entries, &filter, &mut expected);
            let obvious: Vec<u32> = entries.iter()
                .filter(|&&e| {
                    let d = e ^ filter.low;
                    (d & key_mask).count_ones() <= key_budget
                        && (d & chain_mask).count_ones() <= filter.chain_budget
                })
                .map(|&e| e >> filter.shift).collect();
            prop_assert_eq!(&expected, &obvious);
            // Runs anywhere in the array: the kernels read them line by line.
            let start = if entries.is_empty() { 0 } else { start.index(entries.len() + 1) };
            let end = start + len.index(entries.len() - start + 1);
            let mut expected_run = Vec::new();
            scalar::filter(&entries[start..end], &filter, &mut expected_run);
            for isa in Isa::available() {
                let kernels = Kernels::for_isa(isa).unwrap();
                let mut got = vec![1, 2, 3];
                (kernels.filter)(&entries, &filter, &mut got);
                prop_assert_eq!(&got[3..], &expected[..], "filter {:?}", isa);
                let mut got = vec![4];
                // SAFETY: `isa` is one this CPU runs.
                unsafe { run_filter(isa, &entries, start, end, &filter, &mut got) };
                prop_assert_eq!(&got[1..], &expected_run[..], "filter_run {:?}", isa);
            }
        }
    }

    /// [`ProbeKernels::filter_run`] of one instruction set.
    ///
    /// # Safety
    /// The CPU must run `isa`.
    unsafe fn run_filter(
        isa: Isa,
        entries: &[u32],
        start: usize,
        end: usize,
        filter: &EntryFilter,
        out: &mut Vec<u32>,
    ) {
        // SAFETY: the caller's guarantee.
        unsafe {
            match isa {
                Isa::Scalar => Scalar::filter_run(entries, start, end, filter, out),
                #[cfg(target_arch = "x86_64")]
                Isa::Avx2 => Avx2::filter_run(entries, start, end, filter, out),
                #[cfg(target_arch = "x86_64")]
                Isa::Avx512 => Avx512::filter_run(entries, start, end, filter, out),
                #[cfg(not(target_arch = "x86_64"))]
                _ => unreachable!("no SIMD kernels off x86-64"),
            }
        }
    }

    #[test]
    fn this_machine_runs_the_simd_kernels_it_claims() {
        // On x86-64 CI machines AVX2 is universal; AVX-512 is checked where present.
        let available = Isa::available();
        assert_eq!(available[0], Isa::Scalar);
        assert_eq!(Kernels::best().isa, Isa::best());
        eprintln!("kernels available here: {available:?}");
    }
}
