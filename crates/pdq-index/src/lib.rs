//! Exact Hamming range search over millions of 256-bit PDQ hashes.
//!
//! Every upload a platform receives is matched against the whole hash list: find every stored
//! hash within Hamming distance `r` of the query (31 by default for PDQ). This crate answers
//! that exactly — every entry within `r` is returned with its distance, nothing else — in tens
//! of microseconds over ten million hashes, in under 100 bytes per hash.
//!
//! Two indexes implement one trait, [`HammingIndex`], so a caller (the hub's match endpoint,
//! the platform agent) picks either:
//!
//! - [`ScanIndex`]: brute force, a SIMD popcount over every hash. No build, 40 bytes per entry;
//!   the right choice for a few thousand hashes, and the oracle the tests compare against.
//! - [`MihIndex`]: multi-index hashing, described below.
//!
//! Both take inserts and removals by id at any time; duplicate hashes under different ids, and
//! several entries under one id, are allowed (`remove` takes every entry with that id). Both
//! save and load a compact, checksummed [snapshot].
//!
//! # The method
//!
//! Split the 256 bits into `m` contiguous substrings ("units") of `b_i` bits. If every unit
//! of a stored hash differed from the query's by more than a threshold `t_i`, the whole hash
//! would differ by at least `sum(t_i + 1)`. So with thresholds whose `t_i + 1` add up to
//! `r + 1`, every hash within `r` has at least one unit within its threshold: looking up, in
//! each unit's table, the buckets within `t_i` of the query's unit finds a superset of the
//! answer, which a full 256-bit popcount then trims to the exact answer. (This is the
//! generalised pigeonhole principle; classic multi-index hashing is the special case
//! `t_i = floor(r / m)`, which wastes up to `m - 1` units of budget. A threshold of -1 skips a
//! table, so an exact-match query probes one table.)
//!
//! Each unit's table is two flat arrays, not a hash map: `offsets`, one word per value of the
//! unit's top `direct` bits (`2^direct + 1` of them), and `entries`, one `u32` per hash,
//! grouped by bucket. An entry holds, from the top, the hash's position in the segment, then
//! a few bits of the *next* unit ("chain" bits), then the unit's remaining ("inline") key
//! bits. Probing a bucket filters its entries on those low bits with a SIMD popcount
//! (VPOPCNTD on AVX-512), so buckets can stay few while candidates stay exact to the unit.
//! Candidates are then verified against the hashes, which sit in one contiguous
//! 32-byte-aligned array (one cache line each). A hash found by several tables is verified by
//! each and reported once.
//!
//! # The chain bits
//!
//! The pigeonhole argument has a sharper form, the cycle lemma: write `c_i = t_i + 1` and
//! `d_i` for the distance in unit `i`; when `sum(d_i) < sum(c_i)`, there is a unit `i` from
//! which every run of consecutive units (cyclically) stays under its budget:
//! `d_i < c_i`, `d_i + d_{i+1} < c_i + c_{i+1}`, and so on. (Start just after the last
//! place where the running sum of `c_j - d_j` is lowest.) So table `i` need only return
//! hashes that also keep `d_i + d_{i+1} <= t_i + t_{i+1} + 1`, and the chain bits, part of
//! unit `i + 1` stored in the entry, check a lower bound of that without reading the hash. A
//! random hash fails it most of the time, and the more chain bits the more often: that is
//! what makes many short units pay (a table of short units has few buckets to visit but
//! many candidates), as at 1 M hashes, where sixteen 16-bit units leave 11 chain bits beside
//! 20-bit positions, and at 10 M, thirteen all-direct units of 19 or 20 bits leave 8.
//!
//! # Reads
//!
//! At scale a query is bound by random memory reads, not by arithmetic: a few thousand bucket
//! visits (an offsets line, then the entries' lines) and a few thousand candidates (a hash
//! line each). What keeps their count and their latency down:
//!
//! - The visits of all tables run as a software pipeline in groups of 64: offsets are
//!   prefetched a group ahead of their use, entries a group ahead of filtering, hashes a
//!   group ahead of verification, all into L2 (L1 tracks too few misses at once), so
//!   hundreds of reads are in flight and no step branches on what it reads. At 100 M hashes
//!   a query makes twelve thousand visits, so their work counts as much as their reads: each
//!   table keeps its list of visits per threshold (a query xors its own bits in), and the
//!   per-visit steps read raw, pre-validated word indices instead of bounds-checked slices.
//! - Visits are ordered so that the buckets of one offsets line are visited together, and a
//!   bucket's entries are read a line at a time with masked loads that never touch a line
//!   outside the bucket's run (an unaligned 64-byte load would wait for a second, unfetched
//!   line), every line of the run having been prefetched (a run's middle lines left to
//!   demand loads cost a third of the time at 1 M hashes, where runs are 30 entries long).
//! - A presence summary per bucket (a bit per inline value) lets a visit that looks for a
//!   value the bucket lacks skip its entries: in the spare high bits of a 32-bit offsets word
//!   when they suffice, else in a 64-bit word where the memory budget allows it.
//! - The tables live on fresh memory mapped on 2 MiB pages (and the hashes are moved onto
//!   them), so random reads seldom walk the page tables. A virtual machine whose host backs
//!   its memory with 4 KiB pages still walks the host's tables on nearly every random read
//!   of a large index, and nothing inside the guest can change that: on such a machine, at
//!   8 GB, an independent random read has been measured at 2.5 to 6 times what it costs when
//!   four reads share a 4 KiB page (`bench/index/run` measures both before it runs), and that
//!   cost is most of a query at 100 M hashes.
//!
//! # Choosing the layout
//!
//! [`mih::layout`] predicts, for `n` uniformly spread hashes, what a probe reads: offsets
//! lines (`V(direct - g, t)` for `2^g` words per line, where `V(k, t)` is the number of
//! `k`-bit strings within `t` of a given one), entry runs (per visit, the chance that the
//! bucket holds a wanted value, and the lines of its run) and candidates (`n V(b, t) / 2^b`,
//! thinned by the chain bits), and prices them with [`mih::CostModel`]: nanoseconds per
//! random line (more once the segment outgrows the TLB's reach), per candidate and per
//! visit, fitted by timing layouts against each other. For each segment it takes the `m` in
//! 8..=16, the direct bits and the offsets word widths that minimise that cost at `r = 31`
//! within a memory budget (100 bytes per hash in all, 80 from 50 M hashes, so that 100 M fit
//! in 8 GB); for each radius 0..=63 the thresholds are then spent greedily where the cost
//! grows least, and a radius whose probe would cost more than a scan is scanned. The choices
//! on uniform data: at 1 M, sixteen 16-bit units with 15 direct bits (threshold 1 each); at
//! 10 M, thirteen units of 19 or 20 bits, all direct, thresholds 1 and 2 in turn; at 100 M,
//! nine units of 28 or 29 bits with 23 or 24 direct bits and 64-bit offsets words
//! (thresholds 3 and 2), because positions then need 27 bits of each entry.
//!
//! Real hash lists are clustered (near-duplicates of one image); a query near a cluster finds
//! the cluster's members as candidates in several tables. They are true matches, so this costs
//! in proportion to the answer; a non-matching query costs what the uniform model says.
//!
//! # Exactness
//!
//! Nothing is approximate: the cycle lemma makes the probe complete, the full popcount makes
//! it sound, and a radius above 63 (or one the planner prices above a scan) is answered by
//! scanning. The property tests check `query` against [`ScanIndex`] and a naive loop on
//! uniform and clustered data for radii 0 to 63, after inserts, removals and compaction, and
//! every table shape (narrow or wide words, with or without summary or chain bits) with
//! every instruction set.
//!
//! # Memory
//!
//! Per hash: 32 bytes of hash, the id, 1/8 of a tombstone bit, and 4 per table entry (`m`
//! tables), plus the offsets (`4` or `8` times `2^d` bytes per table). Ids are sorted within
//! a segment and packed in blocks of 128 (a base and narrow offsets): ids handed out in
//! order take about 1.1 bytes, arbitrary ones at most 8. At 10 M hashes with dense ids that
//! is 90 bytes per hash; at 100 M, 78 (7.8 GB). [`HammingIndex::memory_bytes`] reports the
//! exact figure.
//!
//! # Updates
//!
//! A [`MihIndex`] is a list of immutable segments (sorted by id, with tombstones) plus a small
//! unindexed tail for new entries; see [`MihIndex`] for the merge and compaction policy.
//!
//! # Threads and targets
//!
//! With the default `parallel` feature, `query_batch` and index builds run on rayon's pool;
//! without it everything runs on the calling thread. The SIMD kernels are chosen at run time
//! (AVX-512 VPOPCNTQ, AVX2, scalar); other targets, WebAssembly included, use the scalar code.

#![warn(missing_docs)]

mod ids;
mod index;
mod memory;
pub mod mih;
mod scan;
pub mod simd;
pub mod snapshot;

pub use index::{Layout, MihIndex, MihOptions};
pub use pdq::PdqHash;
pub use scan::ScanIndex;
pub use simd::{Isa, Words};
pub use snapshot::SnapshotError;

/// The PDQ match threshold: hashes within this distance are the same image.
pub const DEFAULT_RADIUS: u32 = 31;

/// One entry found by a query.
///
/// Ordered by distance, then id: query results come closest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Match {
    /// Hamming distance from the query (0 to 256).
    pub distance: u32,
    /// The entry's id.
    pub id: u64,
}

/// An exact Hamming range index over `(256-bit hash, u64 id)` entries.
pub trait HammingIndex: Send + Sync {
    /// Adds an entry. The same hash may be present under other ids, and the same id under
    /// other hashes.
    fn insert(&mut self, hash: PdqHash, id: u64);

    /// Removes every entry with this id; returns how many there were.
    fn remove(&mut self, id: u64) -> usize;

    /// Appends to `out` every entry within `radius` (inclusive) of `hash`, each once, closest
    /// first. Any radius works; 0 to 63 use the index's tables.
    fn query_into(&self, hash: &PdqHash, radius: u32, out: &mut Vec<Match>);

    /// Number of entries.
    fn len(&self) -> usize;

    /// Bytes of memory held by the index's arrays.
    fn memory_bytes(&self) -> usize;

    /// Whether the index holds no entry.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entry within `radius` of `hash`, closest first.
    fn query(&self, hash: &PdqHash, radius: u32) -> Vec<Match> {
        let mut out = Vec::new();
        self.query_into(hash, radius, &mut out);
        out
    }

    /// [`HammingIndex::query`] for each hash, in parallel with the `parallel` feature.
    fn query_batch(&self, hashes: &[PdqHash], radius: u32) -> Vec<Vec<Match>> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            hashes
                .par_iter()
                .map(|hash| self.query(hash, radius))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            hashes.iter().map(|hash| self.query(hash, radius)).collect()
        }
    }
}
