//! The probe: the bucket visits of every table for one query, run as a software pipeline.

use super::layout::{ball, extract};
use super::table::{Table, low_mask};
use crate::simd::{EntryFilter, Kernels, ProbeKernels, Words};

/// Reusable buffers of one query (a few tens of kilobytes for a large segment).
#[derive(Default)]
pub(crate) struct Scratch {
    /// Visits as `bucket | table << 32 | budget << 40`, grouped by offsets line.
    visits: Vec<u64>,
    /// Entry ranges of two pipeline groups (`(0, 0)`: nothing to read).
    ranges: Vec<(u32, u32)>,
    /// Candidate positions, group after group.
    candidates: Vec<u32>,
    /// Where each group's candidates end.
    group_ends: Vec<usize>,
    hits: Vec<(u32, u32)>,
    probes: Vec<TableProbe>,
    /// A segment's answer as `(position, distance)`, before tombstones are applied.
    pub(super) found: Vec<(u32, u32)>,
}

/// What the probe needs of one table for one query, gathered once so that the per-visit work
/// is a few loads and compares.
#[derive(Clone, Copy)]
struct TableProbe {
    /// The table's offsets words (see `Table::offsets`).
    offsets: *const u32,
    offsets_len: usize,
    /// The table's entries.
    entries: *const u32,
    entries_len: usize,
    /// The query's side of the entry filter; the budgets are set per visit.
    filter: EntryFilter,
    /// The next unit's threshold plus one: how much the chain bits may add to the budget.
    chain_allowance: u32,
    /// Offsets words per bucket: 1 (narrow) or 2 (wide).
    stride: usize,
    /// Mask of the start bits of a bucket's first offsets word.
    offset_mask: u32,
    /// Shift from the summary's word to the summary (the start bits, in a narrow word).
    presence_shift: u32,
    /// `u32::MAX` when the table has no presence summary (every value may be present).
    presence_all: u32,
    /// Per remaining budget (capped at 5): the inline values within it of the query's.
    wanted: [u32; 6],
}

/// What one probe reads.
pub(super) struct ProbeArgs<'a> {
    pub tables: &'a [Table],
    /// Per-table thresholds.
    pub plan: &'a [i8],
    pub hashes: &'a [Words],
    pub query: &'a Words,
    pub radius: u32,
}

/// Appends every hash within `radius` of `query` as `(position, distance)`, each once, with
/// the kernels of `kernels.isa`.
pub(super) fn probe(
    args: &ProbeArgs<'_>,
    kernels: &Kernels,
    scratch: &mut Scratch,
    out: &mut Vec<(u32, u32)>,
) {
    match kernels.isa {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `Kernels` only carries an instruction set that this CPU was checked to run
        // (`Kernels::for_isa`).
        crate::Isa::Avx512 => unsafe { probe_avx512(args, scratch, out) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above.
        crate::Isa::Avx2 => unsafe { probe_avx2(args, scratch, out) },
        _ => probe_with::<crate::simd::Scalar>(args, scratch, out),
    }
}

/// Visits per pipeline group. A group's reads are issued together and consumed a group later,
/// so about this many of each kind are in flight: enough to cover DRAM latency (250 ns and
/// more on virtual machines, twice that when 100 M hashes spread the reads over 8 GB) with
/// the few nanoseconds of work each visit takes, yet few enough that the lines prefetched
/// for a group are still in L2 when it is consumed. 16 to 96 measure within a few percent
/// of each other at 10 M; 64 is the best at 100 M.
const GROUP: usize = 64;

/// Most middle lines of one bucket's run that a visit prefetches (a larger bucket's further
/// lines are read as the filter reaches them).
const LONG_RUN_LINES: usize = 16;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vl,avx512vpopcntdq,popcnt,bmi1,bmi2")]
unsafe fn probe_avx512(args: &ProbeArgs<'_>, scratch: &mut Scratch, out: &mut Vec<(u32, u32)>) {
    probe_with::<crate::simd::Avx512>(args, scratch, out);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,popcnt,bmi1,bmi2")]
unsafe fn probe_avx2(args: &ProbeArgs<'_>, scratch: &mut Scratch, out: &mut Vec<(u32, u32)>) {
    probe_with::<crate::simd::Avx2>(args, scratch, out);
}

/// Appends to `visits` every bucket of a table within `threshold` of the query's direct bits
/// `top`, as the index of its first offsets word (`stride` words per bucket), with the budget
/// left for the inline bits; the buckets of one offsets line come together (the low bits of
/// a bucket index pick its words within the line).
fn push_visits(
    visits: &mut Vec<u64>,
    top: u32,
    direct: u32,
    stride: u32,
    threshold: u32,
    tag: u64,
) {
    let line_bits = 4 - stride.trailing_zeros();
    let low_bits = direct.min(line_bits);
    let high_bits = direct - low_bits;
    for high_flips in 0..=threshold.min(high_bits) {
        for_each_mask(high_bits, high_flips, |high| {
            let line = top ^ (high << low_bits);
            for low_flips in 0..=(threshold - high_flips).min(low_bits) {
                let budget = u64::from(threshold - high_flips - low_flips) << 40;
                for_each_mask(low_bits, low_flips, |low| {
                    visits.push(u64::from((line ^ low) * stride) | tag | budget);
                });
            }
        });
    }
}

/// The probe, for the kernels of one instruction set (inlined into a function compiled for
/// that set, so the popcounts and filters are the CPU's own instructions).
///
/// A query is bound by random reads, in three dependent steps: a bucket's offsets, then its
/// entries, then each candidate's hash. The visits run in groups of [`GROUP`] as a software
/// pipeline: while group `g` has its offsets prefetched, group `g - 1` reads its offsets and
/// prefetches its entries, group `g - 2` filters its entries and prefetches its candidates'
/// hashes, and the candidates of group `g - 3` are verified. Each step's reads have had a
/// group's worth of time to arrive, and no step branches on what it reads. The prefetches
/// fill L2, not L1: L1 can track only a few dozen misses at once, and a prefetch that finds
/// them all taken stalls the core (measured: 13% faster at 10 M than prefetching into L1).
#[inline(always)]
fn probe_with<K: ProbeKernels>(
    args: &ProbeArgs<'_>,
    scratch: &mut Scratch,
    out: &mut Vec<(u32, u32)>,
) {
    let &ProbeArgs {
        tables,
        plan,
        hashes,
        query,
        radius,
    } = args;
    scratch.probes.clear();
    scratch.visits.clear();
    for (t, (table, &threshold)) in tables.iter().zip(plan).enumerate() {
        let unit = table.unit;
        let inline = unit.inline();
        let key = extract(&query.0, unit.start, unit.bits);
        let key_mask = low_mask(inline);
        let low = key & key_mask;
        let chained = extract(&query.0, table.chain.start, table.chain.bits);
        let mut wanted = [u32::MAX; 6];
        if table.presence {
            for (budget, set) in wanted.iter_mut().enumerate() {
                *set = xor_permute(within(inline, budget as u32), low, inline);
            }
        }
        let next_threshold = plan[(t + 1) % plan.len()];
        let (stride, offset_mask, presence_shift) = if unit.wide {
            (2, u32::MAX, 0)
        } else if table.presence {
            (1, low_mask(table.offset_bits), table.offset_bits)
        } else {
            (1, u32::MAX, 0)
        };
        scratch.probes.push(TableProbe {
            offsets: table.offsets.as_ptr(),
            offsets_len: table.offsets.len(),
            entries: table.entries.as_ptr(),
            entries_len: table.entries.len(),
            filter: EntryFilter {
                low: chained << inline | low,
                key_mask,
                chain_mask: low_mask(inline + table.chain.bits),
                key_budget: 0,
                chain_budget: 0,
                shift: inline + table.chain.bits,
            },
            chain_allowance: (i32::from(next_threshold) + 1) as u32,
            stride,
            offset_mask,
            presence_shift,
            presence_all: if table.presence { 0 } else { u32::MAX },
            wanted,
        });
        if threshold >= 0 {
            // One allocation per query instead of a run of doublings.
            scratch
                .visits
                .reserve(ball(unit.direct, i32::from(threshold)) as usize);
            let tag = (t as u64) << 32;
            if let Some(cell) = table.visit_masks.get(threshold as usize) {
                let masks = cell.get_or_init(|| {
                    let mut masks = Vec::new();
                    push_visits(
                        &mut masks,
                        0,
                        unit.direct,
                        stride as u32,
                        threshold as u32,
                        0,
                    );
                    masks
                });
                // `(top ^ mask) * stride` is `top * stride ^ mask * stride`: strides are
                // powers of two.
                let base = u64::from((key >> inline) * stride as u32) | tag;
                scratch.visits.extend(masks.iter().map(|&m| m ^ base));
            } else {
                push_visits(
                    &mut scratch.visits,
                    key >> inline,
                    unit.direct,
                    stride as u32,
                    threshold as u32,
                    tag,
                );
            }
        }
    }
    let Scratch {
        visits,
        ranges,
        candidates,
        group_ends,
        hits,
        probes,
        ..
    } = scratch;
    let unpack = |v: u64| {
        (
            v as u32 as usize,
            (v >> 32) as u8 as usize,
            (v >> 40) as u32,
        )
    };
    let group = |g: usize| &visits[g * GROUP..((g + 1) * GROUP).min(visits.len())];
    ranges.clear();
    ranges.resize(2 * GROUP, (0, 0));
    candidates.clear();
    group_ends.clear();
    hits.clear();
    let groups = visits.len().div_ceil(GROUP);
    // Where a prefetch goes when there is nothing to fetch: a line already in L1, so that the
    // choice is a conditional move instead of a branch the CPU would mispredict.
    let idle = ranges.as_ptr() as usize;
    for g in 0..groups + 3 {
        if g < groups {
            // Offsets: the bucket's first word and the next bucket's (its end), usually the
            // same line. (Prefetches only compute addresses: nothing is read here.)
            for &v in group(g) {
                let (at, t, _) = unpack(v);
                let p = &probes[t];
                crate::simd::prefetch_l2(p.offsets.wrapping_add(at) as usize);
                crate::simd::prefetch_l2(p.offsets.wrapping_add(at + p.stride) as usize);
            }
        }
        if let Some(gb) = g.checked_sub(1).filter(|&gb| gb < groups) {
            let slots = &mut ranges[(gb % 2) * GROUP..][..GROUP];
            for (slot, &v) in slots.iter_mut().zip(group(gb)) {
                let (at, t, budget) = unpack(v);
                let p = &probes[t];
                // SAFETY: `at` is `bucket * stride` for a bucket below `2^direct`, and the table
                // has `(2^direct + 1) * stride` offsets words, so `at + stride` is in bounds
                // (`push_visits` only makes such buckets; `TableProbe::offsets` points at the
                // table's words, which outlive the probe).
                debug_assert!(at + p.stride < p.offsets_len, "visit outside its table");
                let (first, next, summary) = unsafe {
                    (
                        *p.offsets.add(at),
                        *p.offsets.add(at + p.stride),
                        // The summary's word: the first word itself (narrow) or the one after.
                        *p.offsets.add(at + p.stride - 1),
                    )
                };
                let (start, end) = (first & p.offset_mask, next & p.offset_mask);
                let present = (summary >> p.presence_shift) | p.presence_all;
                // Non-short-circuit `&`: both sides are cheap, and a branch here would be a coin
                // toss for the predictor.
                let wanted = (start < end) & (present & p.wanted[(budget as usize).min(5)] != 0);
                let end = if wanted { end } else { start };
                *slot = (start, end);
                let head = p.entries.wrapping_add(start as usize) as usize;
                let tail = p.entries.wrapping_add((end as usize).saturating_sub(1)) as usize;
                // `head` and `tail` address entries of this table when the bucket is wanted
                // (`start < end <= len`), and `idle` otherwise.
                crate::simd::prefetch_l2(std::hint::select_unpredictable(wanted, head, idle));
                // A run that crosses into the next line needs that line too.
                crate::simd::prefetch_l2(std::hint::select_unpredictable(
                    wanted & (tail >> 6 != head >> 6),
                    tail,
                    idle,
                ));
                // And the lines between, for the rare long run (the bucket of a cluster of
                // near-duplicates): the filter would otherwise wait for each of them in turn.
                if wanted && (tail >> 6) > (head >> 6) + 1 {
                    let middle = (head >> 6) + 1..(tail >> 6);
                    for line in middle.take(LONG_RUN_LINES) {
                        crate::simd::prefetch_l2(line << 6);
                    }
                }
            }
        }
        if let Some(gc) = g.checked_sub(2).filter(|&gc| gc < groups) {
            let slots = &ranges[(gc % 2) * GROUP..][..GROUP];
            let before = candidates.len();
            for (&(start, end), &v) in slots.iter().zip(group(gc)) {
                if start == end {
                    continue;
                }
                let (_, t, budget) = unpack(v);
                let p = &probes[t];
                let filter = EntryFilter {
                    key_budget: budget,
                    chain_budget: budget + p.chain_allowance,
                    ..p.filter
                };
                // SAFETY: `entries` and `entries_len` are the table's entries array, which
                // outlives the probe.
                let entries = unsafe { std::slice::from_raw_parts(p.entries, p.entries_len) };
                // SAFETY: `probe_with` is only instantiated for kernels this CPU runs.
                unsafe {
                    K::filter_run(entries, start as usize, end as usize, &filter, candidates);
                }
            }
            // Start fetching the group's candidates now; they are verified a group later.
            for &position in &candidates[before..] {
                // Candidates are positions of this segment's hashes (a prefetch reads nothing).
                crate::simd::prefetch_l2(hashes.as_ptr().wrapping_add(position as usize) as usize);
            }
            group_ends.push(candidates.len());
        }
        if let Some(gd) = g.checked_sub(3).filter(|&gd| gd < groups) {
            let from = if gd == 0 { 0 } else { group_ends[gd - 1] };
            let group_candidates = &candidates[from..group_ends[gd]];
            // SAFETY: as above.
            unsafe { K::verify(hashes, group_candidates, query, radius, hits) };
        }
    }
    // A hash within the radius may be a candidate of several tables: keep one hit each.
    hits.sort_unstable_by_key(|&(position, _)| position);
    hits.dedup_by_key(|&mut (position, _)| position);
    out.extend_from_slice(hits);
}

/// The set (bit `v` for value `v`) of `bits`-bit values with at most `budget` bits set.
fn within(bits: u32, budget: u32) -> u32 {
    (0..1u32 << bits)
        .filter(|v| v.count_ones() <= budget)
        .fold(0, |acc, v| acc | 1 << v)
}

/// `{v ^ low : v in set}` for a set of `bits`-bit values (`bits <= 5`), by swapping the halves
/// of every block of `2^(k+1)` bits for each bit `k` set in `low`.
fn xor_permute(set: u32, low: u32, bits: u32) -> u32 {
    const LOWER_HALVES: [u32; 5] = [
        0x5555_5555,
        0x3333_3333,
        0x0f0f_0f0f,
        0x00ff_00ff,
        0x0000_ffff,
    ];
    let mut set = set;
    for (k, &lower) in LOWER_HALVES.iter().enumerate().take(bits as usize) {
        if low >> k & 1 == 1 {
            let shift = 1 << k;
            set = (set >> shift & lower) | (set & lower) << shift;
        }
    }
    set
}

/// Calls `f` with every `k`-bit mask of exactly `ones` set bits (Gosper's hack).
fn for_each_mask(k: u32, ones: u32, mut f: impl FnMut(u32)) {
    if ones == 0 {
        f(0);
        return;
    }
    if ones > k {
        return;
    }
    let limit = 1u64 << k;
    let mut mask: u64 = (1u64 << ones) - 1;
    while mask < limit {
        f(mask as u32);
        // The classic form divides by `lowest`; a shift by its position is the same and
        // avoids a 64-bit division per mask.
        let lowest = mask & mask.wrapping_neg();
        let ripple = mask + lowest;
        mask = (((ripple ^ mask) >> 2) >> lowest.trailing_zeros()) | ripple;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_are_every_combination_once() {
        for k in [0u32, 1, 5, 12] {
            for ones in 0..=4 {
                let mut seen = Vec::new();
                for_each_mask(k, ones, |m| seen.push(m));
                let expected: Vec<u32> = (0..(1u32 << k))
                    .filter(|m| m.count_ones() == ones)
                    .collect();
                assert_eq!(seen, expected, "k={k} ones={ones}");
            }
        }
    }

    #[test]
    fn wanted_sets_are_the_values_within_budget() {
        for bits in 0..=5u32 {
            for low in 0..1u32 << bits {
                for budget in 0..=5 {
                    let expected = (0..1u32 << bits)
                        .filter(|v| (v ^ low).count_ones() <= budget)
                        .fold(0, |acc, v| acc | 1 << v);
                    assert_eq!(xor_permute(within(bits, budget), low, bits), expected);
                }
            }
        }
    }

    #[test]
    fn visits_are_the_ball_grouped_by_line() {
        // Strides 1 and 2: sixteen and eight buckets' words to a line.
        for (direct, stride, threshold) in [(12, 1, 3), (9, 2, 2), (3, 1, 2), (10, 1, 0), (7, 2, 3)]
        {
            let top = 0b1011 & ((1u32 << direct) - 1);
            let mut visits = Vec::new();
            push_visits(&mut visits, top, direct, stride, threshold, 0);
            let words: Vec<u32> = visits.iter().map(|&v| v as u32).collect();
            assert!(words.iter().all(|w| w % stride == 0));
            let mut buckets: Vec<u32> = words.iter().map(|w| w / stride).collect();
            // Every bucket within the threshold once, with the budget it leaves.
            for (&v, &bucket) in visits.iter().zip(&buckets) {
                assert_eq!((bucket ^ top).count_ones() + (v >> 40) as u32, threshold);
            }
            // Lines (16 words each) come in runs.
            let lines: Vec<u32> = words.iter().map(|w| w / 16).collect();
            let mut runs = lines.clone();
            runs.dedup();
            let mut distinct = runs.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(runs.len(), distinct.len(), "a line's visits are adjacent");
            buckets.sort_unstable();
            let expected: Vec<u32> = (0..1u32 << direct)
                .filter(|b| (b ^ top).count_ones() <= threshold)
                .collect();
            assert_eq!(buckets, expected);
        }
    }
}
