//! The multi-index hashing index: immutable segments with tombstones, plus a small tail.

use crate::mih::{CostModel, LayoutLimits, Scratch, Segment, UnitSpec};
use crate::simd::{Kernels, Words};
use crate::{HammingIndex, Match};
use pdq::PdqHash;

/// The table layout of a segment, for diagnostics and the benchmark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// One unit per table.
    pub units: Vec<UnitSpec>,
    /// Per-table thresholds at the radius asked for (-1: table skipped), or `None` when that
    /// radius is answered by a scan.
    pub thresholds: Option<Vec<i8>>,
}

/// Largest segment: positions in the tables are 32-bit.
const MAX_SEGMENT_LEN: usize = 1 << 31;

/// How a [`MihIndex`] grows, shrinks and spends memory.
#[derive(Clone, Copy, Debug)]
pub struct MihOptions {
    /// Inserts gather in an unindexed tail, scanned by brute force, until it holds this many
    /// entries; then the tail becomes a segment. Larger tails make inserts cheaper and queries
    /// dearer (a scan of the tail costs about 0.3 ns per entry).
    pub tail_capacity: usize,
    /// Two neighbouring segments merge when the older holds at most this many times the entries
    /// of the newer, so segment sizes grow geometrically and there are O(log n) of them.
    pub merge_ratio: usize,
    /// A segment is rebuilt without its deleted entries once they are this fraction of it.
    pub max_deleted_fraction: f64,
    /// Memory and size limits of the substring tables.
    pub limits: LayoutLimits,
    /// The cost model that picks the tables' shape and the probe plans.
    pub model: CostModel,
}

impl Default for MihOptions {
    fn default() -> Self {
        MihOptions {
            tail_capacity: 4096,
            merge_ratio: 4,
            max_deleted_fraction: 0.25,
            limits: LayoutLimits::default(),
            model: CostModel::DEFAULT,
        }
    }
}

/// Exact Hamming range search by multi-index hashing (see the crate documentation).
///
/// Entries live in segments, each immutable apart from tombstones, sorted by id (so removal is
/// a binary search) and, when large enough, carrying its own substring tables; new entries
/// gather in a small tail first. Merges and compactions happen inside `insert` and `remove`, so
/// their cost is amortised over the operations: each entry is rewritten O(log n) times as it
/// moves into larger segments. A merge into a large segment rebuilds it (about 0.3 s per
/// million entries on one core); callers that cannot take that pause on an insert can call
/// [`MihIndex::compact`] when it suits them, or build anew and swap.
#[derive(Clone, Debug)]
pub struct MihIndex {
    segments: Vec<Segment>,
    tail_ids: Vec<u64>,
    tail_hashes: Vec<Words>,
    options: MihOptions,
    kernels: Kernels,
}

impl Default for MihIndex {
    fn default() -> Self {
        Self::new()
    }
}

impl MihIndex {
    /// An empty index with default options.
    pub fn new() -> Self {
        Self::with_options(MihOptions::default())
    }

    /// An empty index.
    pub fn with_options(options: MihOptions) -> Self {
        MihIndex {
            segments: Vec::new(),
            tail_ids: Vec::new(),
            tail_hashes: Vec::new(),
            options,
            kernels: *Kernels::best(),
        }
    }

    /// An index of the given `(hash, id)` entries, built in one pass (parallel with the
    /// `parallel` feature).
    pub fn build(entries: impl IntoIterator<Item = (PdqHash, u64)>) -> Self {
        Self::build_with_options(entries, MihOptions::default())
    }

    /// [`MihIndex::build`] with options.
    pub fn build_with_options(
        entries: impl IntoIterator<Item = (PdqHash, u64)>,
        options: MihOptions,
    ) -> Self {
        let entries: Vec<(u64, Words)> = entries
            .into_iter()
            .map(|(hash, id)| (id, Words::from(hash)))
            .collect();
        let mut index = Self::with_options(options);
        index.add_segment_entries(entries);
        index
    }

    /// An index of parallel arrays of ids and hashes, taken over without copying when the ids
    /// are already ascending (as in a snapshot, or a list numbered in order); the cheapest way
    /// to build a very large index.
    pub fn build_from_arrays(ids: Vec<u64>, hashes: Vec<Words>, options: MihOptions) -> Self {
        assert_eq!(ids.len(), hashes.len(), "one id per hash");
        if ids.windows(2).all(|w| w[0] <= w[1]) && ids.len() <= MAX_SEGMENT_LEN {
            return Self::from_sorted_arrays(ids, hashes, options);
        }
        Self::build_with_options(
            hashes
                .into_iter()
                .zip(ids)
                .map(|(h, id)| (PdqHash::from(h), id)),
            options,
        )
    }

    pub(crate) fn from_sorted_arrays(
        ids: Vec<u64>,
        hashes: Vec<Words>,
        options: MihOptions,
    ) -> Self {
        let mut index = Self::with_options(options);
        if !ids.is_empty() {
            index.segments.push(Segment::from_sorted(
                ids,
                hashes,
                &options.model,
                &options.limits,
            ));
        }
        index
    }

    /// Uses the kernels of one instruction set instead of the fastest (for benchmarks and
    /// tests); `false` if this CPU lacks it.
    pub fn set_isa(&mut self, isa: crate::Isa) -> bool {
        match Kernels::for_isa(isa) {
            Some(kernels) => {
                self.kernels = kernels;
                true
            }
            None => false,
        }
    }

    /// The instruction set the queries use.
    pub fn isa(&self) -> crate::Isa {
        self.kernels.isa
    }

    fn add_segment_entries(&mut self, mut entries: Vec<(u64, Words)>) {
        // Positions are 32-bit; past that the entries spread over several segments.
        while entries.len() > MAX_SEGMENT_LEN {
            let rest = entries.split_off(MAX_SEGMENT_LEN);
            let first = std::mem::replace(&mut entries, rest);
            self.segments.push(Segment::build(
                first,
                &self.options.model,
                &self.options.limits,
            ));
        }
        if entries.is_empty() {
            return;
        }
        self.segments.push(Segment::build(
            entries,
            &self.options.model,
            &self.options.limits,
        ));
        self.merge_small_segments();
    }

    fn merge_small_segments(&mut self) {
        while self.segments.len() >= 2 {
            let newer = self.segments[self.segments.len() - 1].live();
            let older = self.segments[self.segments.len() - 2].live();
            if older > newer.saturating_mul(self.options.merge_ratio)
                || older + newer > MAX_SEGMENT_LEN
            {
                break;
            }
            let b = self.segments.pop().expect("two segments");
            let a = self.segments.pop().expect("two segments");
            self.segments.push(self.merge(a, b));
        }
    }

    fn merge(&self, a: Segment, b: Segment) -> Segment {
        let (a_ids, a_hashes) = a.into_live_arrays();
        let (b_ids, b_hashes) = b.into_live_arrays();
        // Both runs are sorted by id: a linear merge keeps the result sorted without a sort.
        let mut ids = Vec::with_capacity(a_ids.len() + b_ids.len());
        let mut hashes = Vec::with_capacity(ids.capacity());
        let (mut i, mut j) = (0, 0);
        while i < a_ids.len() || j < b_ids.len() {
            if j == b_ids.len() || (i < a_ids.len() && a_ids[i] <= b_ids[j]) {
                ids.push(a_ids[i]);
                hashes.push(a_hashes[i]);
                i += 1;
            } else {
                ids.push(b_ids[j]);
                hashes.push(b_hashes[j]);
                j += 1;
            }
        }
        Segment::from_sorted(ids, hashes, &self.options.model, &self.options.limits)
    }

    fn flush_tail(&mut self) {
        let ids = std::mem::take(&mut self.tail_ids);
        let hashes = std::mem::take(&mut self.tail_hashes);
        self.add_segment_entries(ids.into_iter().zip(hashes).collect());
    }

    /// Merges everything, tail included, into one segment without deleted entries. Queries are
    /// fastest afterwards; the cost is a full rebuild.
    pub fn compact(&mut self) {
        self.flush_tail();
        while self.segments.len() >= 2 {
            let n = self.segments.len();
            if self.segments[n - 2].live() + self.segments[n - 1].live() > MAX_SEGMENT_LEN {
                break;
            }
            let b = self.segments.pop().expect("two segments");
            let a = self.segments.pop().expect("two segments");
            self.segments.push(self.merge(a, b));
        }
        // Whatever is left (one segment, or several of the largest size) loses its tombstones.
        let segments = std::mem::take(&mut self.segments);
        for segment in segments {
            if segment.deleted() == 0 {
                self.segments.push(segment);
                continue;
            }
            let (ids, hashes) = segment.into_live_arrays();
            if !ids.is_empty() {
                self.segments.push(Segment::from_sorted(
                    ids,
                    hashes,
                    &self.options.model,
                    &self.options.limits,
                ));
            }
        }
    }

    /// Every live entry (segments in id order, then the tail in insertion order).
    pub fn entries(&self) -> impl Iterator<Item = (PdqHash, u64)> + '_ {
        self.segments
            .iter()
            .flat_map(|s| s.live_entries())
            .chain(
                self.tail_ids
                    .iter()
                    .copied()
                    .zip(self.tail_hashes.iter().copied()),
            )
            .map(|(id, words)| (PdqHash::from(words), id))
    }

    /// A description of the segments, for diagnostics: `(entries, deleted, tables)` where
    /// `tables` is the number of substring tables (0 for a scanned segment).
    pub fn segment_summary(&self) -> Vec<(usize, usize, usize)> {
        self.segments
            .iter()
            .map(|s| {
                (
                    s.len(),
                    s.deleted(),
                    s.tables().map_or(0, |t| t.units().len()),
                )
            })
            .collect()
    }

    /// The substring layout of the largest segment and its per-table thresholds at `radius`,
    /// or `None` if that segment has no tables.
    pub fn layout(&self, radius: u32) -> Option<Layout> {
        let largest = self.segments.iter().max_by_key(|s| s.len())?;
        let tables = largest.tables()?;
        Some(Layout {
            units: tables.units(),
            thresholds: tables.plan(radius).map(<[i8]>::to_vec),
        })
    }
}

impl HammingIndex for MihIndex {
    fn insert(&mut self, hash: PdqHash, id: u64) {
        self.tail_ids.push(id);
        self.tail_hashes.push(Words::from(hash));
        if self.tail_ids.len() >= self.options.tail_capacity.max(1) {
            self.flush_tail();
        }
    }

    fn remove(&mut self, id: u64) -> usize {
        let mut removed = 0;
        let mut position = 0;
        while position < self.tail_ids.len() {
            if self.tail_ids[position] == id {
                self.tail_ids.swap_remove(position);
                self.tail_hashes.swap_remove(position);
                removed += 1;
            } else {
                position += 1;
            }
        }
        let mut rebuild = Vec::new();
        for (i, segment) in self.segments.iter_mut().enumerate() {
            let n = segment.remove(id);
            if n > 0 {
                removed += n;
                if segment.deleted() as f64
                    > self.options.max_deleted_fraction * segment.len() as f64
                {
                    rebuild.push(i);
                }
            }
        }
        for &i in rebuild.iter().rev() {
            let segment = self.segments.remove(i);
            let (ids, hashes) = segment.into_live_arrays();
            if !ids.is_empty() {
                let rebuilt =
                    Segment::from_sorted(ids, hashes, &self.options.model, &self.options.limits);
                self.segments.insert(i, rebuilt);
            }
        }
        if !rebuild.is_empty() {
            // A shrunken segment may now be small beside its newer neighbour.
            self.merge_small_segments();
        }
        removed
    }

    fn query_into(&self, hash: &PdqHash, radius: u32, out: &mut Vec<Match>) {
        let start = out.len();
        let query = Words::from(hash);
        // The probe's buffers (a few tens of kilobytes for a large segment) are kept per
        // thread, so a query allocates nothing once its thread has answered one.
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
        }
        SCRATCH.with(|cell| {
            // A segment never queries the index again, so the cell is never borrowed twice;
            // fall back to fresh buffers rather than panic if that ever changes.
            let mut fresh = Scratch::default();
            let mut borrowed = cell.try_borrow_mut();
            let scratch = match borrowed.as_deref_mut() {
                Ok(scratch) => scratch,
                Err(_) => &mut fresh,
            };
            for segment in &self.segments {
                segment.query(&query, radius, &self.kernels, scratch, out);
            }
        });
        if !self.tail_hashes.is_empty() {
            let mut hits = Vec::new();
            (self.kernels.scan)(&self.tail_hashes, &query, radius, &mut hits);
            out.extend(hits.into_iter().map(|(position, distance)| Match {
                id: self.tail_ids[position as usize],
                distance,
            }));
        }
        out[start..].sort_unstable();
    }

    fn len(&self) -> usize {
        self.segments.iter().map(Segment::live).sum::<usize>() + self.tail_ids.len()
    }

    fn memory_bytes(&self) -> usize {
        self.segments
            .iter()
            .map(Segment::memory_bytes)
            .sum::<usize>()
            + 8 * self.tail_ids.capacity()
            + 32 * self.tail_hashes.capacity()
    }
}
