//! Multi-index hashing over one immutable segment: the substring tables, the cost model that
//! picks their shape, and the probe that answers a range query exactly.

use crate::Match;
use crate::memory::Array;
use crate::simd::{EntryFilter, Kernels, ProbeKernels, Words};

/// Largest radius the per-segment probe plans cover; larger radii scan (still exactly).
pub const MAX_PLANNED_RADIUS: u32 = 63;

/// The costs, in nanoseconds, that the layout and the probe plans are chosen by.
///
/// Measured on a 2-core AMD EPYC (Zen 4) with 10 M hashes; what matters is their ratios, which
/// hold across x86 servers: a bucket visit and a candidate are each one random memory access
/// (a candidate a little more: a 32-byte load and its verification), a filtered entry is a
/// streamed 4-byte load, a scanned hash is a streamed 32-byte load.
#[derive(Clone, Copy, Debug)]
pub struct CostModel {
    /// Cost of visiting one bucket (reading its two offsets).
    pub visit_ns: f64,
    /// Cost of filtering one bucket entry on its inline key bits.
    pub check_ns: f64,
    /// Cost of fetching and verifying one candidate.
    pub candidate_ns: f64,
    /// Cost of one hash in a brute-force scan.
    pub scan_ns: f64,
}

impl CostModel {
    /// The model the crate uses.
    pub const DEFAULT: CostModel = CostModel {
        visit_ns: 6.0,
        check_ns: 0.4,
        candidate_ns: 10.0,
        scan_ns: 0.35,
    };
}

/// Which bits of the hash one table indexes, and how its key is split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitSpec {
    /// First bit (0 = lowest bit of word 0).
    pub start: u32,
    /// Width of the substring, at most 32.
    pub bits: u32,
    /// How many of its high bits address the bucket directly; the rest are stored inline in
    /// each entry, beside the position.
    pub direct: u32,
}

impl UnitSpec {
    /// Bits stored inline in each entry.
    pub fn inline(&self) -> u32 {
        self.bits - self.direct
    }
}

/// The substring of `words` that a unit covers.
#[inline]
pub fn extract(words: &[u64; 4], start: u32, bits: u32) -> u32 {
    let word = (start / 64) as usize;
    let offset = start % 64;
    let mut value = words[word] >> offset;
    if offset + bits > 64 {
        value |= words[word + 1] << (64 - offset);
    }
    (value & ((1u64 << bits) - 1)) as u32
}

/// Number of bit strings of length `k` within distance `t` of a given one.
fn ball(k: u32, t: i32) -> f64 {
    if t < 0 {
        return 0.0;
    }
    let mut total = 0.0;
    let mut binomial = 1.0;
    for j in 0..=(t as u32).min(k) {
        if j > 0 {
            binomial = binomial * f64::from(k - j + 1) / f64::from(j);
        }
        total += binomial;
    }
    total
}

/// Expected cost of probing one table at threshold `t` over `n` uniformly spread hashes.
fn table_cost(model: &CostModel, n: f64, unit: &UnitSpec, t: i32) -> f64 {
    if t < 0 {
        return 0.0;
    }
    let visits = ball(unit.direct, t);
    let checks = visits * n / f64::from(unit.direct).exp2();
    let candidates = n * ball(unit.bits, t) / f64::from(unit.bits).exp2();
    model.visit_ns * visits + model.check_ns * checks + model.candidate_ns * candidates
}

/// Per-table thresholds for radius `r`, or `None` when a scan is cheaper.
///
/// Generalised pigeonhole: if every table's substring differed by more than its threshold
/// `t_i`, the whole hash would differ by at least `sum(t_i + 1)` bits; so thresholds with
/// `sum(t_i + 1) = r + 1` find every hash within `r` (a threshold of -1 skips the table).
/// Spending those `r + 1` units greedily where the expected cost grows least is optimal because
/// each table's cost is convex in its threshold.
fn plan_for(model: &CostModel, n: f64, units: &[UnitSpec], r: u32) -> (Vec<i8>, f64) {
    let mut thresholds = vec![-1i32; units.len()];
    let mut total = 0.0;
    for _ in 0..=r {
        let (best, increase) = units
            .iter()
            .enumerate()
            .map(|(i, unit)| {
                let t = thresholds[i];
                let increase = table_cost(model, n, unit, t + 1) - table_cost(model, n, unit, t);
                (i, increase)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("at least one unit");
        thresholds[best] += 1;
        total += increase;
    }
    (thresholds.into_iter().map(|t| t as i8).collect(), total)
}

/// Splits 256 bits into `m` contiguous units of near-equal width.
fn split(m: u32) -> Vec<(u32, u32)> {
    let (base, wider) = (256 / m, 256 % m);
    let mut start = 0;
    (0..m)
        .map(|i| {
            let bits = base + u32::from(i < wider);
            let unit = (start, bits);
            start += bits;
            unit
        })
        .collect()
}

/// Bits needed to number `n` positions.
fn position_bits(n: usize) -> u32 {
    (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1)
}

/// Memory of the tables for a layout, in bytes.
fn table_bytes(n: usize, units: &[UnitSpec]) -> f64 {
    units
        .iter()
        .map(|u| 4.0 * (n as f64 + f64::from(u.direct).exp2() + 1.0))
        .sum()
}

/// The layout options of a segment: the memory the tables may use per hash.
#[derive(Clone, Copy, Debug)]
pub struct LayoutLimits {
    /// Upper bound on table bytes per hash (entries and offsets).
    pub table_bytes_per_hash: f64,
    /// The bound for segments of at least `large_len` entries, where every byte per hash is
    /// gigabytes.
    pub large_table_bytes_per_hash: f64,
    /// See `large_table_bytes_per_hash`.
    pub large_len: usize,
    /// Segments smaller than this are scanned, never tabled.
    pub min_tabled_len: usize,
    /// Only consider this many units (tables) instead of 8..=16.
    pub units: Option<u32>,
    /// Most directly addressed bits per table (the offsets array has `2^bits` entries).
    pub max_direct_bits: u32,
    /// Build tables for every segment of at least `min_tabled_len` entries and probe them at
    /// every radius up to 63, even where the cost model prefers a scan (tests use this to
    /// exercise the tables on small data).
    pub force_tables: bool,
}

impl Default for LayoutLimits {
    fn default() -> Self {
        // 40 bytes of hash and id plus at most 56 of tables keeps an index under 100 bytes per
        // hash; from 50 M entries, 42 of tables keeps 100 M hashes within 8 GiB (82 bytes per
        // hash: nine tables of 28- and 29-bit units).
        LayoutLimits {
            table_bytes_per_hash: 56.0,
            large_table_bytes_per_hash: 42.0,
            large_len: 50_000_000,
            min_tabled_len: 2048,
            units: None,
            max_direct_bits: 26,
            force_tables: false,
        }
    }
}

/// The cheapest table layout for `n` hashes at radius 31 within the memory limit (or, if none
/// fits, the smallest), or `None` when scanning the segment is cheaper.
///
/// Candidates: `m` = 8..=16 units of 16 to 32 bits; for each, the number of directly addressed
/// bits (bucket count `2^direct`) trades offset memory and bucket visits against entries
/// filtered per bucket; the low bits that are not addressed are packed inline into the 32-bit
/// entry beside the position, as many as the position leaves room for.
pub fn choose_layout(n: usize, model: &CostModel, limits: &LayoutLimits) -> Option<Vec<UnitSpec>> {
    if n < limits.min_tabled_len {
        return None;
    }
    let max_inline = 32 - position_bits(n);
    let nf = n as f64;
    let mut best: Option<(f64, Vec<UnitSpec>)> = None;
    // If no layout fits the budget, the one that needs least memory: a scan of a large
    // segment would cost far more than the bytes saved.
    let mut smallest: Option<(f64, f64, Vec<UnitSpec>)> = None;
    let range = match limits.units {
        Some(m) => m.clamp(8, 16)..=m.clamp(8, 16),
        None => 8..=16,
    };
    for m in range {
        for max_direct in 8..=limits.max_direct_bits.min(26) {
            let units: Vec<UnitSpec> = split(m)
                .into_iter()
                .map(|(start, bits)| UnitSpec {
                    start,
                    bits,
                    direct: bits.min(max_direct).max(bits.saturating_sub(max_inline)),
                })
                .collect();
            if units
                .iter()
                .any(|u| u.direct > limits.max_direct_bits.min(26))
            {
                continue;
            }
            // Forced tables on tiny segments may spend a little more than the per-hash budget.
            let allowance = if limits.force_tables {
                65536.0 * f64::from(m)
            } else {
                0.0
            };
            let per_hash = if n >= limits.large_len {
                limits.large_table_bytes_per_hash
            } else {
                limits.table_bytes_per_hash
            };
            let bytes = table_bytes(n, &units);
            let (_, cost) = plan_for(model, nf, &units, 31);
            if bytes > per_hash * nf + allowance {
                if smallest.as_ref().is_none_or(|(b, _, _)| bytes < *b) {
                    smallest = Some((bytes, cost, units));
                }
                continue;
            }
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, units));
            }
        }
    }
    let (cost, units) = best.or_else(|| smallest.map(|(_, cost, units)| (cost, units)))?;
    (limits.force_tables || cost < model.scan_ns * nf).then_some(units)
}

/// One substring table: a bucket per value of the unit's direct bits, each a run of entries
/// `(position << inline) | inline key bits`, in position order.
#[derive(Clone, Debug)]
struct Table {
    unit: UnitSpec,
    /// Low `offset_bits` of `offsets[b]`: where bucket `b`'s entries start (they end where
    /// bucket `b + 1`'s start). High bits, when `presence` is on: bit `v` set if some entry of
    /// the bucket has inline bits `v`.
    offsets: Array<u32>,
    entries: Array<u32>,
    /// The chain bits of each entry, between its inline key bits and its position: the
    /// lowest `chain.bits` bits of the unit that follows this one (cyclically).
    chain: ChainBits,
    offset_bits: u32,
    presence: bool,
}

/// Which bits of the next unit an entry carries.
#[derive(Clone, Copy, Debug)]
struct ChainBits {
    /// First bit of the next unit.
    start: u32,
    /// How many of its bits (as many as the entry word leaves room for).
    bits: u32,
}

impl Table {
    fn build(unit: UnitSpec, next: UnitSpec, hashes: &[Words]) -> Table {
        let inline = unit.inline();
        let chain = ChainBits {
            start: next.start,
            bits: (32 - position_bits(hashes.len()) - inline).min(next.bits),
        };
        let low_bits = inline + chain.bits;
        let buckets = 1usize << unit.direct;
        let mut offset_array = Array::filled(buckets + 1, 0u32);
        let offsets = offset_array.as_mut_slice();
        for hash in hashes {
            let key = extract(&hash.0, unit.start, unit.bits);
            offsets[(key >> inline) as usize + 1] += 1;
        }
        for b in 0..buckets {
            offsets[b + 1] += offsets[b];
        }
        let mut cursor = offsets[..buckets].to_vec();
        let mut entries = Array::filled(hashes.len(), 0u32);
        let low_mask = low_mask(inline);
        for (position, hash) in hashes.iter().enumerate() {
            let key = extract(&hash.0, unit.start, unit.bits);
            let slot = &mut cursor[(key >> inline) as usize];
            let chained = extract(&hash.0, chain.start, chain.bits);
            entries[*slot as usize] =
                (((position as u32) << chain.bits | chained) << inline) | (key & low_mask);
            *slot += 1;
        }
        drop(cursor);
        // Most probes look for one exact value of the inline bits, and a bucket often has no
        // entry with it. When the offsets leave room for a bit per inline value, a summary of
        // the values present lets the probe skip reading such a bucket's entries at all.
        let offset_bits = position_bits(hashes.len() + 1);
        let presence = inline <= 5 && offset_bits + (1 << inline) <= 32;
        if presence {
            for b in 0..buckets {
                let (start, end) = (offsets[b] as usize, offsets[b + 1] as usize);
                let present = entries[start..end]
                    .iter()
                    .fold(0u32, |acc, &e| acc | 1 << (e & low_mask));
                offsets[b] |= present << offset_bits;
            }
        }
        debug_assert!(position_bits(hashes.len()) + low_bits <= 32);
        Table {
            unit,
            offsets: offset_array,
            entries,
            chain,
            offset_bits,
            presence,
        }
    }

    fn memory_bytes(&self) -> usize {
        self.offsets.memory_bytes() + self.entries.memory_bytes()
    }
}

fn low_mask(inline: u32) -> u32 {
    if inline == 0 {
        0
    } else {
        u32::MAX >> (32 - inline)
    }
}

/// Reusable buffers of one query.
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
    found: Vec<(u32, u32)>,
}

/// What the probe needs of one table for one query, gathered once so that the per-visit work
/// is a few loads and compares.
#[derive(Clone, Copy, Default)]
struct TableProbe {
    /// The query's side of the entry filter; the budgets are set per visit.
    filter: EntryFilter,
    /// The next unit's threshold plus one: how much the chain bits may add to the budget.
    chain_allowance: u32,
    /// Mask of the offset bits of an `offsets` word.
    offset_mask: u32,
    /// Shift from an `offsets` word to its presence summary (0 without one).
    presence_shift: u32,
    /// `u32::MAX` when the table has no presence summary (every value may be present).
    presence_all: u32,
    /// Per remaining budget (capped at 5): the inline values within it of the query's.
    wanted: [u32; 6],
}

/// The tables of a segment and a probe plan per radius.
#[derive(Clone, Debug)]
pub(crate) struct Tables {
    tables: Vec<Table>,
    /// `plans[r]`: per-table thresholds, or `None` to scan.
    plans: Vec<Option<Vec<i8>>>,
}

impl Tables {
    /// Builds the tables of `units` over `hashes` (positions are indices into `hashes`).
    pub fn build(
        units: &[UnitSpec],
        hashes: &[Words],
        model: &CostModel,
        limits: &LayoutLimits,
    ) -> Tables {
        assert!(
            position_bits(hashes.len()) + units.iter().map(|u| u.inline()).max().unwrap_or(0) <= 32,
            "layout leaves no room for positions"
        );
        #[cfg(feature = "parallel")]
        let tables = {
            use rayon::prelude::*;
            (0..units.len())
                .into_par_iter()
                .map(|i| Table::build(units[i], units[(i + 1) % units.len()], hashes))
                .collect()
        };
        #[cfg(not(feature = "parallel"))]
        let tables = (0..units.len())
            .map(|i| Table::build(units[i], units[(i + 1) % units.len()], hashes))
            .collect();
        let n = hashes.len() as f64;
        let plans = (0..=MAX_PLANNED_RADIUS)
            .map(|r| {
                let (thresholds, cost) = plan_for(model, n, units, r);
                (limits.force_tables || cost < model.scan_ns * n).then_some(thresholds)
            })
            .collect();
        Tables { tables, plans }
    }

    /// The units, in table order.
    pub fn units(&self) -> Vec<UnitSpec> {
        self.tables.iter().map(|t| t.unit).collect()
    }

    /// Bytes held by the tables.
    pub fn memory_bytes(&self) -> usize {
        self.tables.iter().map(Table::memory_bytes).sum()
    }

    /// The thresholds the probe uses at `radius`, or `None` when it scans instead.
    pub fn plan(&self, radius: u32) -> Option<&[i8]> {
        self.plans.get(radius as usize)?.as_deref()
    }

    /// Appends every live hash within `radius` of `query` as `(position, distance)`, each once.
    ///
    /// Returns `false` (and appends nothing) when the plan for this radius is a scan.
    pub fn probe(
        &self,
        hashes: &[Words],
        query: &Words,
        radius: u32,
        kernels: &Kernels,
        scratch: &mut Scratch,
        out: &mut Vec<(u32, u32)>,
    ) -> bool {
        let Some(plan) = self.plan(radius) else {
            return false;
        };
        let args = ProbeArgs {
            tables: self,
            plan,
            hashes,
            query,
            radius,
        };
        match kernels.isa {
            #[cfg(target_arch = "x86_64")]
            // SAFETY: `Kernels` only carries an instruction set that this CPU was checked to
            // run (`Kernels::for_isa`).
            crate::Isa::Avx512 => unsafe { probe_avx512(&args, scratch, out) },
            #[cfg(target_arch = "x86_64")]
            // SAFETY: as above.
            crate::Isa::Avx2 => unsafe { probe_avx2(&args, scratch, out) },
            _ => probe_with::<crate::simd::Scalar>(&args, scratch, out),
        }
        true
    }
}

/// What one probe reads.
struct ProbeArgs<'a> {
    tables: &'a Tables,
    plan: &'a [i8],
    hashes: &'a [Words],
    query: &'a Words,
    radius: u32,
}

/// Visits per pipeline group. A group's reads are issued together and consumed a group later,
/// so about this many of each kind are in flight: enough to cover DRAM latency (250 ns and
/// more on virtual machines) with the few nanoseconds of work each visit takes, yet few enough
/// that the lines prefetched for a group are still in L1 when it is consumed.
const GROUP: usize = 32;

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
/// `top`, with the budget left for the inline bits, the buckets of one offsets line together
/// (the low four bits of a bucket index pick its word within the line).
fn push_visits(visits: &mut Vec<u64>, top: u32, direct: u32, threshold: u32, tag: u64) {
    let low_bits = direct.min(4);
    let high_bits = direct - low_bits;
    for high_flips in 0..=threshold.min(high_bits) {
        for_each_mask(high_bits, high_flips, |high| {
            let line = top ^ (high << low_bits);
            for low_flips in 0..=(threshold - high_flips).min(low_bits) {
                let budget = u64::from(threshold - high_flips - low_flips) << 40;
                for_each_mask(low_bits, low_flips, |low| {
                    visits.push(u64::from(line ^ low) | tag | budget);
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
/// group's worth of time to arrive.
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
    let tables = &tables.tables;
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
                *set = (0..1u32 << inline)
                    .filter(|v| (v ^ low).count_ones() <= budget as u32)
                    .fold(0, |acc, v| acc | 1 << v);
            }
        }
        let next_threshold = plan[(t + 1) % plan.len()];
        scratch.probes.push(TableProbe {
            filter: EntryFilter {
                low: chained << inline | low,
                key_mask,
                chain_mask: low_mask(inline + table.chain.bits),
                key_budget: 0,
                chain_budget: 0,
                shift: inline + table.chain.bits,
            },
            chain_allowance: (i32::from(next_threshold) + 1) as u32,
            offset_mask: low_mask(table.offset_bits),
            presence_shift: if table.presence { table.offset_bits } else { 0 },
            presence_all: if table.presence { 0 } else { u32::MAX },
            wanted,
        });
        if threshold >= 0 {
            // One allocation per query instead of a run of doublings.
            scratch
                .visits
                .reserve(ball(unit.direct, i32::from(threshold)) as usize);
            push_visits(
                &mut scratch.visits,
                key >> inline,
                unit.direct,
                threshold as u32,
                (t as u64) << 32,
            );
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
            // Offsets: the bucket's word and the next (its end), usually the same line.
            for &v in group(g) {
                let (bucket, t, _) = unpack(v);
                let offsets = tables[t].offsets.as_slice();
                if let Some(word) = offsets.get(bucket..bucket + 2) {
                    crate::simd::prefetch(&word[0]);
                    crate::simd::prefetch(&word[1]);
                }
            }
        }
        if let Some(gb) = g.checked_sub(1).filter(|&gb| gb < groups) {
            let slots = &mut ranges[(gb % 2) * GROUP..][..GROUP];
            for (slot, &v) in slots.iter_mut().zip(group(gb)) {
                let (bucket, t, budget) = unpack(v);
                let (table, p) = (&tables[t], &probes[t]);
                let offsets = table.offsets.as_slice();
                let first = offsets[bucket];
                let next = offsets[bucket + 1];
                let (start, end) = (first & p.offset_mask, next & p.offset_mask);
                let present = (first >> p.presence_shift) | p.presence_all;
                // Non-short-circuit `&`: both sides are cheap, and a branch here would be a coin
                // toss for the predictor.
                let wanted = (start < end) & (present & p.wanted[(budget as usize).min(5)] != 0);
                let end = if wanted { end } else { start };
                *slot = (start, end);
                let entries = table.entries.as_ptr() as usize;
                let head = entries + 4 * start as usize;
                let tail = entries + 4 * (end as usize).saturating_sub(1);
                // SAFETY (both): `head` and `tail` address entries of this table's array when
                // the bucket is wanted (`start < end <= len`), and `idle` otherwise; a prefetch
                // has no effect besides timing.
                crate::simd::prefetch_address(std::hint::select_unpredictable(wanted, head, idle));
                // A run that crosses into the next line needs that line too.
                crate::simd::prefetch_address(std::hint::select_unpredictable(
                    wanted & (tail >> 6 != head >> 6),
                    tail,
                    idle,
                ));
            }
        }
        if let Some(gc) = g.checked_sub(2).filter(|&gc| gc < groups) {
            let slots = &ranges[(gc % 2) * GROUP..][..GROUP];
            let before = candidates.len();
            for (&(start, end), &v) in slots.iter().zip(group(gc)) {
                let (_, t, budget) = unpack(v);
                let p = &probes[t];
                let filter = EntryFilter {
                    key_budget: budget,
                    chain_budget: budget + p.chain_allowance,
                    ..p.filter
                };
                // SAFETY: `probe_with` is only instantiated for kernels this CPU runs.
                unsafe {
                    K::filter_run(
                        &tables[t].entries,
                        start as usize,
                        end as usize,
                        &filter,
                        candidates,
                    );
                }
            }
            // Start fetching the group's candidates now; they are verified a group later.
            for &position in &candidates[before..] {
                if let Some(hash) = hashes.get(position as usize) {
                    crate::simd::prefetch(hash);
                }
            }
            group_ends.push(candidates.len());
        }
        if let Some(gd) = g.checked_sub(3).filter(|&gd| gd < groups) {
            let from = if gd == 0 { 0 } else { group_ends[gd - 1] };
            // SAFETY: as above.
            unsafe {
                K::verify(
                    hashes,
                    &candidates[from..group_ends[gd]],
                    query,
                    radius,
                    hits,
                )
            };
        }
    }
    // A hash within the radius is a candidate of every table whose substring is within that
    // table's threshold: keep one hit per position.
    hits.sort_unstable_by_key(|&(position, _)| position);
    hits.dedup_by_key(|&mut (position, _)| position);
    out.extend_from_slice(hits);
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

/// One immutable run of entries sorted by id, with tombstones and (when large enough) tables.
#[derive(Clone, Debug)]
pub(crate) struct Segment {
    ids: Vec<u64>,
    hashes: Vec<Words>,
    deleted: Vec<u64>,
    deleted_count: usize,
    tables: Option<Tables>,
}

impl Segment {
    /// Builds a segment; `entries` need not be sorted.
    pub fn build(mut entries: Vec<(u64, Words)>, model: &CostModel, limits: &LayoutLimits) -> Self {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            entries.par_sort_unstable_by_key(|e| e.0);
        }
        #[cfg(not(feature = "parallel"))]
        entries.sort_unstable_by_key(|e| e.0);
        let ids: Vec<u64> = entries.iter().map(|e| e.0).collect();
        let hashes: Vec<Words> = entries.iter().map(|e| e.1).collect();
        drop(entries);
        Self::from_sorted(ids, hashes, model, limits)
    }

    /// Builds a segment from parallel arrays already sorted by id.
    pub fn from_sorted(
        ids: Vec<u64>,
        hashes: Vec<Words>,
        model: &CostModel,
        limits: &LayoutLimits,
    ) -> Self {
        debug_assert!(ids.windows(2).all(|w| w[0] <= w[1]));
        debug_assert_eq!(ids.len(), hashes.len());
        // Candidates are random reads of the hashes: put them on huge pages.
        crate::memory::collapse(&hashes);
        let tables = choose_layout(hashes.len(), model, limits)
            .map(|units| Tables::build(&units, &hashes, model, limits));
        Segment {
            deleted: vec![0; ids.len().div_ceil(64)],
            deleted_count: 0,
            ids,
            hashes,
            tables,
        }
    }

    /// Entries, live and deleted.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Live entries.
    pub fn live(&self) -> usize {
        self.ids.len() - self.deleted_count
    }

    /// Deleted entries still held.
    pub fn deleted(&self) -> usize {
        self.deleted_count
    }

    /// The tables, if the segment has them.
    pub fn tables(&self) -> Option<&Tables> {
        self.tables.as_ref()
    }

    fn is_deleted(&self, position: usize) -> bool {
        self.deleted[position / 64] >> (position % 64) & 1 == 1
    }

    /// Marks every live entry with `id` deleted; returns how many.
    pub fn remove(&mut self, id: u64) -> usize {
        let first = self.ids.partition_point(|&x| x < id);
        let mut removed = 0;
        for position in first..self.ids.len() {
            if self.ids[position] != id {
                break;
            }
            if !self.is_deleted(position) {
                self.deleted[position / 64] |= 1 << (position % 64);
                removed += 1;
            }
        }
        self.deleted_count += removed;
        removed
    }

    /// The live entries, in id order.
    pub fn live_entries(&self) -> impl Iterator<Item = (u64, Words)> + '_ {
        (0..self.ids.len())
            .filter(|&p| !self.is_deleted(p))
            .map(|p| (self.ids[p], self.hashes[p]))
    }

    /// Live ids and hashes as parallel arrays, in id order.
    pub fn into_live_arrays(self) -> (Vec<u64>, Vec<Words>) {
        if self.deleted_count == 0 {
            return (self.ids, self.hashes);
        }
        let live: Vec<usize> = (0..self.ids.len())
            .filter(|&p| !self.is_deleted(p))
            .collect();
        (
            live.iter().map(|&p| self.ids[p]).collect(),
            live.iter().map(|&p| self.hashes[p]).collect(),
        )
    }

    /// Appends every live entry within `radius` of `query`.
    pub fn query(
        &self,
        query: &Words,
        radius: u32,
        kernels: &Kernels,
        scratch: &mut Scratch,
        out: &mut Vec<Match>,
    ) {
        let mut found = std::mem::take(&mut scratch.found);
        found.clear();
        let probed = match &self.tables {
            Some(tables) => tables.probe(&self.hashes, query, radius, kernels, scratch, &mut found),
            None => false,
        };
        if !probed {
            (kernels.scan)(&self.hashes, query, radius, &mut found);
        }
        for &(position, distance) in &found {
            if !self.is_deleted(position as usize) {
                out.push(Match {
                    id: self.ids[position as usize],
                    distance,
                });
            }
        }
        scratch.found = found;
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        8 * self.ids.capacity()
            + 32 * self.hashes.capacity()
            + 8 * self.deleted.capacity()
            + self.tables.as_ref().map_or(0, Tables::memory_bytes)
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
    fn units_cover_every_bit_once() {
        for m in 8..=16 {
            let units = split(m);
            assert_eq!(units.iter().map(|u| u.1).sum::<u32>(), 256);
            assert!(units.windows(2).all(|w| w[0].0 + w[0].1 == w[1].0));
        }
        let words = [u64::MAX, 0, u64::MAX, 0];
        assert_eq!(extract(&words, 60, 8), 0x0f);
        assert_eq!(extract(&words, 124, 8), 0xf0);
        assert_eq!(extract(&words, 224, 32), 0);
    }

    #[test]
    fn plans_satisfy_the_pigeonhole_bound() {
        let units: Vec<UnitSpec> = split(11)
            .into_iter()
            .map(|(start, bits)| UnitSpec {
                start,
                bits,
                direct: bits.min(20),
            })
            .collect();
        for r in 0..=MAX_PLANNED_RADIUS {
            let (plan, _) = plan_for(&CostModel::DEFAULT, 1e7, &units, r);
            let total: i32 = plan.iter().map(|&t| i32::from(t) + 1).sum();
            assert_eq!(total, r as i32 + 1, "r={r} plan={plan:?}");
        }
    }

    #[test]
    fn layouts_fit_the_memory_budget() {
        let limits = LayoutLimits::default();
        assert!(choose_layout(100, &CostModel::DEFAULT, &limits).is_none());
        for n in [
            10_000usize,
            1_000_000,
            10_000_000,
            100_000_000,
            1_000_000_000,
        ] {
            let Some(units) = choose_layout(n, &CostModel::DEFAULT, &limits) else {
                assert!(n < 100_000, "a large segment must get tables");
                continue;
            };
            let per_hash = table_bytes(n, &units) / n as f64;
            if n <= 100_000_000 {
                let budget = if n >= limits.large_len {
                    limits.large_table_bytes_per_hash
                } else {
                    limits.table_bytes_per_hash
                };
                assert!(per_hash <= budget, "n={n}: {per_hash} bytes per hash");
            }
            assert!(units.iter().all(|u| u.inline() + position_bits(n) <= 32));
            eprintln!(
                "n={n}: m={} {per_hash:.1} table bytes per hash, units={units:?}",
                units.len()
            );
        }
    }
}
