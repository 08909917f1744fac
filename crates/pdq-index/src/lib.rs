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
//! save and load a compact, checksummed [snapshot](crate::snapshot).
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
//! Each unit's table is two flat arrays, not a hash map: `offsets`, one `u32` per value of the
//! unit's top `direct` bits (`2^direct + 1` of them), and `entries`, one `u32` per hash,
//! grouped by bucket, holding the hash's position in the segment shifted left by the number of
//! remaining ("inline") key bits, which fill the low bits of the word. Probing a bucket
//! filters its entries on those inline bits with a SIMD popcount (VPOPCNTD on AVX-512), so
//! buckets can stay few while candidates stay exact to the unit. Candidates are then verified
//! against the hashes, which sit in one contiguous 32-byte-aligned array (one cache line per
//! candidate, prefetched ahead). A hash found by several tables is reported only from the first
//! table whose threshold it meets, so every result appears exactly once without a hash set.
//!
//! At scale a query is bound by random memory reads, not by arithmetic: a few thousand bucket
//! visits (an offsets line, then an entries line) and a few thousand candidates (a hash line).
//! Three things keep that count and its latency down. The bucket visits of all tables run as
//! a software pipeline, prefetching offsets two dozen visits ahead and entries a dozen ahead,
//! so many reads are in flight at once. When the offset word has room (up to 5 inline bits),
//! its high bits record which inline values the bucket holds, so a visit that looks for a
//! value the bucket lacks never reads the entries. And the large arrays ask Linux for 2 MiB
//! pages, so random reads do not also miss the TLB.
//!
//! # Choosing `m`
//!
//! For `n` hashes spread uniformly, a table with `b`-bit units, `d` direct bits and threshold
//! `t` costs about
//!
//! ```text
//! visit_ns * V(d, t)  +  check_ns * V(d, t) * n / 2^d  +  candidate_ns * n * V(b, t) / 2^b
//! ```
//!
//! where `V(k, t)` is the number of `k`-bit strings within distance `t` of a given one:
//! bucket visits (random reads of the offsets), entries filtered (streamed), candidates
//! verified (random reads of hashes). [`mih::CostModel`] holds the constants, measured on the
//! target machine. For each segment the layout is the `m` in 8..=16 and `d` that minimise the
//! cost at `r = 31` while the tables stay within a memory budget (56 bytes per hash by
//! default); for each radius 0..=63 the thresholds are then spent greedily where the cost grows
//! least (optimal, the costs being convex), and a radius whose probe would cost more than a
//! scan is answered by scanning. The choices on uniform data: at 1 M hashes, `m = 11` units of
//! 23 or 24 bits with 18 direct bits; at 10 M, the same units with 21 direct bits (thresholds 2
//! on ten tables and 1 on one for `r = 31`); at 100 M, where the memory budget tightens to 42
//! table bytes per hash, `m = 9` units of 28 or 29 bits with 24 direct bits (thresholds 3 and
//! 2), because positions then need 27 bits of each entry word.
//!
//! Real hash lists are clustered (near-duplicates of one image); a query near a cluster finds
//! the cluster's members as candidates in several tables. They are true matches, so this costs
//! in proportion to the answer; a non-matching query costs what the uniform model says.
//!
//! # Exactness
//!
//! Nothing is approximate: the pigeonhole bound makes the probe complete, the full popcount
//! makes it sound, and a radius above 63 (or one the planner prices above a scan) is answered
//! by scanning. The property tests check `query` against [`ScanIndex`] and a naive loop on
//! uniform and clustered data for radii 0 to 63, after inserts, removals and compaction.
//!
//! # Memory
//!
//! Per hash: 32 bytes of hash, 8 of id, 1/8 of tombstone bit, and 4 per table entry (`m`
//! tables), plus the offsets (`4 * 2^d` bytes per table, small next to the entries at scale).
//! At 10 M hashes with `m = 11` and 21 direct bits that is 93 bytes per hash; at 100 M with
//! `m = 9`, about 81 (8.1 GB, 7.5 GiB).
//! [`HammingIndex::memory_bytes`] reports the exact figure.
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
