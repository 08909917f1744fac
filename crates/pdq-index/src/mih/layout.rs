//! The shape of a segment's tables and the probe plan per radius, chosen by a cost model that
//! counts the random cache lines a query reads.
//!
//! At scale a query costs what it reads from memory at random: the line of each bucket's
//! offsets, the lines of the bucket entries it filters, and the line of each candidate's hash.
//! This module predicts those counts for uniformly spread hashes (the worst case, and the
//! background of every real list), and picks the layout and the per-table thresholds that
//! minimise them within a memory budget.

/// Largest radius the per-segment probe plans cover; larger radii scan (still exactly).
pub const MAX_PLANNED_RADIUS: u32 = 63;

/// The costs, in nanoseconds, that the layout and the probe plans are chosen by.
///
/// Fitted on a 2-core AMD EPYC (Zen 5) virtual machine by timing a dozen layouts against each
/// other at 10 M and 100 M hashes, queries interleaved so that the machine's drift cancels
/// out. A random line (an offsets line, or the first line of a bucket's run of entries) costs
/// about 7 ns with hundreds in flight, while the segment fits what the TLB covers; beyond,
/// a random read also walks the page tables, and costs grow with the square root of the
/// excess (three times as much at 8 GB, in a microbenchmark). A candidate costs more than a
/// line (its hash is read and verified), a further line of a long run less (it is the next
/// line in memory), and a bucket visit about 17 ns of work and exposed latency besides its
/// reads. A brute-force scan streams a hash in about 0.9 ns.
#[derive(Clone, Copy, Debug)]
pub struct CostModel {
    /// One random cache-line read, within the TLB's reach.
    pub line_ns: f64,
    /// Bytes that the TLB covers (with 2 MiB pages).
    pub tlb_reach_bytes: f64,
    /// One bucket visit, besides its memory reads (generating, pipelining, filtering).
    pub visit_ns: f64,
    /// One candidate (its hash's line and its verification), in random lines.
    pub candidate_lines: f64,
    /// Each line of a bucket's run of entries after its first, in random lines.
    pub run_lines: f64,
    /// One hash of a brute-force scan (streamed, not random).
    pub scan_ns: f64,
}

impl CostModel {
    /// The model the crate uses.
    pub const DEFAULT: CostModel = CostModel {
        line_ns: 7.0,
        tlb_reach_bytes: (1u64 << 30) as f64,
        visit_ns: 17.5,
        candidate_lines: 1.5,
        run_lines: 0.5,
        scan_ns: 0.9,
    };

    /// The cost of a random line in a segment of `footprint` bytes.
    pub fn line_cost(&self, footprint: f64) -> f64 {
        self.line_ns * (footprint / self.tlb_reach_bytes).max(1.0).sqrt()
    }
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
    /// Offsets in 64-bit words (start and a presence summary of the bucket's inline values)
    /// instead of 32-bit ones (start, with the summary in its spare high bits when they are
    /// enough): twice the offsets memory, for a summary where the 32-bit word has no room.
    pub wide: bool,
}

impl UnitSpec {
    /// Bits stored inline in each entry.
    pub fn inline(&self) -> u32 {
        self.bits - self.direct
    }

    /// Whether a table of `n` entries keeps a presence summary per bucket (a bit per inline
    /// value), so that a visit looking for a value the bucket lacks skips its entries.
    pub fn presence(&self, n: usize) -> bool {
        let inline = self.inline();
        inline <= 5 && (self.wide || position_bits(n + 1) + (1 << inline) <= 32)
    }

    /// Bytes of one offsets word.
    pub fn word_bytes(&self) -> usize {
        if self.wide { 8 } else { 4 }
    }

    /// Bits of the next unit an entry of a table of `n` entries carries (what the 32-bit
    /// entry word leaves after the position and the inline bits).
    pub fn chain_bits(&self, n: usize, next: &UnitSpec) -> u32 {
        (32 - position_bits(n) - self.inline()).min(next.bits)
    }

    /// Bytes of a table of `n` entries.
    pub fn table_bytes(&self, n: usize) -> f64 {
        4.0 * n as f64 + self.word_bytes() as f64 * (f64::from(self.direct).exp2() + 1.0)
    }
}

/// The substring of `words` that a unit covers.
#[inline]
pub fn extract(words: &[u64; 4], start: u32, bits: u32) -> u32 {
    if bits == 0 {
        return 0;
    }
    let word = (start / 64) as usize;
    let offset = start % 64;
    let mut value = words[word] >> offset;
    if offset + bits > 64 {
        value |= words[word + 1] << (64 - offset);
    }
    (value & (u64::MAX >> (64 - bits))) as u32
}

/// Bits needed to number `n` positions.
pub(crate) fn position_bits(n: usize) -> u32 {
    (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1)
}

/// `C(n, k)` as a float.
fn binomial(n: u32, k: u32) -> f64 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    (0..k).fold(1.0, |acc, i| acc * f64::from(n - i) / f64::from(i + 1))
}

/// Number of bit strings of length `k` within distance `t` of a given one.
pub(crate) fn ball(k: u32, t: i32) -> f64 {
    if t < 0 {
        return 0.0;
    }
    let mut total = 1.0;
    let mut term = 1.0;
    for j in 1..=(t as u32).min(k) {
        term = term * f64::from(k - j + 1) / f64::from(j);
        total += term;
    }
    total
}

/// Probability that at most `limit` of `bits` fair coin flips come up heads.
fn at_most(bits: u32, limit: i64) -> f64 {
    if limit < 0 {
        return 0.0;
    }
    if limit >= i64::from(bits) {
        return 1.0;
    }
    ball(bits, limit as i32) / f64::from(bits).exp2()
}

/// The thresholds the cost tables of the probe plans cover (a plan for radius 63 over eight
/// tables needs about 7 per table; skewed plans more).
const MAX_THRESHOLD: i32 = 16;

/// The thresholds the layout search prices: at radius 31 no table of a good layout needs more.
const LAYOUT_MAX_THRESHOLD: i32 = 8;

/// Expected cost, in nanoseconds (see [`CostModel`]; `line` is the cost of one random line
/// here), of probing one table of `n` uniformly spread hashes at threshold
/// `t`, when the next table's threshold is `t_next` (which bounds the chain bits).
///
/// - Offsets: the visits are the `V(direct, t)` buckets within `t` of the query's direct bits;
///   those that differ only in the low bits that pick a word within a line share a line, so
///   the lines are `V(direct - g, t)` for `2^g` words per line (plus a few next lines, for a
///   bucket whose end is the first word of the next line).
/// - Entries: a visit with `j` flips in the direct bits may spend `t - j` on the inline bits;
///   with a presence summary it reads the bucket's entries only if one of the inline values
///   within that budget is present, else whenever the bucket is not empty.
/// - Candidates: hashes whose unit is within `t`, of which the chain bits (the next unit's
///   first bits) must also keep the pair within `t + t_next + 1`.
fn table_cost(
    model: &CostModel,
    line: f64,
    n: usize,
    unit: &UnitSpec,
    chain: u32,
    t: i32,
    t_next: i32,
) -> f64 {
    if t < 0 {
        return 0.0;
    }
    let nf = n as f64;
    let direct = unit.direct;
    let inline = unit.inline();
    let per_line_bits = if unit.wide { 3 } else { 4 }.min(direct);
    let visits = ball(direct, t);
    let offset_lines =
        ball(direct - per_line_bits, t) + 0.5 * visits / f64::from(per_line_bits).exp2();
    let lambda = nf / f64::from(direct).exp2();
    let nonempty = 1.0 - (-lambda).exp();
    // A run of L entries from a random offset covers about 1 + (L - 1) / 16 lines.
    let run = if nonempty > 0.0 {
        lambda / nonempty
    } else {
        1.0
    };
    let more_lines_per_run = (run - 1.0).max(0.0) / 16.0;
    let presence = unit.presence(n);
    let mut runs = 0.0;
    for j in 0..=(t as u32).min(direct) {
        let budget = t - j as i32;
        let read = if presence {
            let wanted = ball(inline, budget) / f64::from(inline).exp2();
            1.0 - (1.0 - wanted.min(1.0)).powf(lambda)
        } else {
            nonempty
        };
        runs += binomial(direct, j) * read;
    }
    let chain_limit = i64::from(t) + i64::from(t_next) + 1;
    let candidates: f64 = (0..=(t as u32).min(unit.bits))
        .map(|x| binomial(unit.bits, x) * at_most(chain, chain_limit - i64::from(x)))
        .sum::<f64>()
        * nf
        / f64::from(unit.bits).exp2();
    line * (offset_lines
        + runs * (1.0 + model.run_lines * more_lines_per_run)
        + model.candidate_lines * candidates)
        + model.visit_ns * visits
}

/// Per-table costs for every pair of thresholds up to a limit, so that planning is table
/// lookups.
struct CostTable {
    /// `costs[i][t + 1][t_next + 1]`.
    costs: Vec<Vec<Vec<f64>>>,
    max: i32,
}

impl CostTable {
    /// `footprint`: bytes of the whole segment (hashes, ids and these tables).
    fn new(model: &CostModel, n: usize, footprint: f64, units: &[UnitSpec], max: i32) -> CostTable {
        let line = model.line_cost(footprint);
        let span = (max + 2) as usize;
        let mut memo: Vec<(UnitSpec, u32, Vec<Vec<f64>>)> = Vec::new();
        let costs = (0..units.len())
            .map(|i| {
                let unit = units[i];
                let chain = unit.chain_bits(n, &units[(i + 1) % units.len()]);
                // Units come in at most two shapes: compute each shape's table once.
                if let Some((_, _, c)) = memo.iter().find(|(u, ch, _)| {
                    (u.bits, u.direct, u.wide, *ch) == (unit.bits, unit.direct, unit.wide, chain)
                }) {
                    return c.clone();
                }
                let table: Vec<Vec<f64>> = (0..span)
                    .map(|a| {
                        (0..span)
                            .map(|b| {
                                table_cost(model, line, n, &unit, chain, a as i32 - 1, b as i32 - 1)
                            })
                            .collect()
                    })
                    .collect();
                memo.push((unit, chain, table.clone()));
                table
            })
            .collect();
        CostTable { costs, max }
    }

    fn cost(&self, i: usize, t: i32, t_next: i32) -> f64 {
        if t > self.max {
            return f64::INFINITY;
        }
        let clamp = |t: i32| (t.clamp(-1, self.max) + 1) as usize;
        self.costs[i][clamp(t)][clamp(t_next)]
    }

    /// Total cost of a plan.
    fn total(&self, plan: &[i32]) -> f64 {
        let m = plan.len();
        (0..m)
            .map(|i| self.cost(i, plan[i], plan[(i + 1) % m]))
            .sum()
    }
}

/// Per-table thresholds for radius `r`, and their expected cost.
///
/// Generalised pigeonhole: if every table's substring differed by more than its threshold
/// `t_i`, the whole hash would differ by at least `sum(t_i + 1)` bits; so thresholds with
/// `sum(t_i + 1) = r + 1` find every hash within `r` (a threshold of -1 skips the table).
/// Those `r + 1` units are spent greedily where the expected cost grows least; a threshold
/// also loosens the previous table's chain filter, which the increase counts.
fn plan_with(costs: &CostTable, m: usize, r: u32) -> (Vec<i8>, f64) {
    let mut plan = vec![-1i32; m];
    for _ in 0..=r {
        let best = (0..m)
            .filter(|&i| plan[i] < costs.max)
            .map(|i| {
                let previous = (i + m - 1) % m;
                let next = (i + 1) % m;
                let mut increase =
                    costs.cost(i, plan[i] + 1, plan[next]) - costs.cost(i, plan[i], plan[next]);
                if previous != i {
                    increase += costs.cost(previous, plan[previous], plan[i] + 1)
                        - costs.cost(previous, plan[previous], plan[i]);
                }
                (i, increase)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => plan[i] += 1,
            // Every table at the largest threshold: the plan cannot grow (radii beyond what
            // the tables cover are scanned; see `Tables::build`).
            None => return (Vec::new(), f64::INFINITY),
        }
    }
    let total = costs.total(&plan);
    (plan.into_iter().map(|t| t as i8).collect(), total)
}

/// Probe plans for every radius up to [`MAX_PLANNED_RADIUS`]: thresholds and expected cost.
pub(crate) fn plans(
    model: &CostModel,
    n: usize,
    footprint: f64,
    units: &[UnitSpec],
) -> Vec<(Vec<i8>, f64)> {
    let costs = CostTable::new(model, n, footprint, units, MAX_THRESHOLD);
    (0..=MAX_PLANNED_RADIUS)
        .map(|r| plan_with(&costs, units.len(), r))
        .collect()
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

/// The layout options of a segment: the memory it may use per hash.
#[derive(Clone, Copy, Debug)]
pub struct LayoutLimits {
    /// Upper bound on a segment's bytes per hash, everything included (hashes, ids,
    /// tombstones and tables): the tables get what the rest leaves.
    pub bytes_per_hash: f64,
    /// The bound for segments of at least `large_len` entries, where every byte per hash is
    /// gigabytes.
    pub large_bytes_per_hash: f64,
    /// See `large_bytes_per_hash`.
    pub large_len: usize,
    /// Segments smaller than this are scanned, never tabled.
    pub min_tabled_len: usize,
    /// Only consider this many units (tables) instead of 8..=16.
    pub units: Option<u32>,
    /// Most directly addressed bits per table (the offsets array has `2^bits` words).
    pub max_direct_bits: u32,
    /// Build tables for every segment of at least `min_tabled_len` entries and probe them at
    /// every radius up to 63, even where the cost model prefers a scan (tests use this to
    /// exercise the tables on small data).
    pub force_tables: bool,
}

impl Default for LayoutLimits {
    fn default() -> Self {
        // 100 bytes per hash at most, and from 50 M entries 80, which keeps 100 M hashes
        // within 8 GB.
        LayoutLimits {
            bytes_per_hash: 100.0,
            large_bytes_per_hash: 80.0,
            large_len: 50_000_000,
            min_tabled_len: 2048,
            units: None,
            max_direct_bits: 26,
            force_tables: false,
        }
    }
}

/// The cheapest table layout for `n` hashes at radius 31 within the memory limit (or, if none
/// fits, the smallest), or `None` when scanning the segment is cheaper. `base_bytes` is what
/// the segment holds besides its tables (hashes, ids, tombstones).
///
/// Candidates: `m` = 8..=16 units of 16 to 32 bits; for each, the number of directly addressed
/// bits (bucket count `2^direct`) trades offset memory and bucket visits against entries
/// filtered per bucket; the low bits that are not addressed are packed inline into the 32-bit
/// entry beside the position, as many as the position leaves room for, and the rest of the
/// word carries chain bits. Units whose presence summary does not fit a 32-bit offsets word
/// may take 64-bit words where the budget allows.
pub fn choose_layout(
    n: usize,
    base_bytes: f64,
    model: &CostModel,
    limits: &LayoutLimits,
) -> Option<Vec<UnitSpec>> {
    if n < limits.min_tabled_len {
        return None;
    }
    let max_inline = 32 - position_bits(n);
    let per_hash = if n >= limits.large_len {
        limits.large_bytes_per_hash
    } else {
        limits.bytes_per_hash
    };
    let budget = per_hash * n as f64 - base_bytes;
    let max_direct = limits.max_direct_bits.min(26);
    // Buckets of a few entries: far fewer would spend memory on offsets, far more would make
    // every visit read long runs.
    let log_n = position_bits(n) as i32;
    let direct_range = (log_n - 7).max(8) as u32..=((log_n + 2).max(8) as u32).min(max_direct);
    let mut best: Option<(f64, Vec<UnitSpec>)> = None;
    // If no layout fits the budget, the one that needs least memory: a scan of a large
    // segment would cost far more than the bytes saved.
    let mut smallest: Option<(f64, f64, Vec<UnitSpec>)> = None;
    let range = match limits.units {
        Some(m) => m.clamp(8, 16)..=m.clamp(8, 16),
        None => 8..=16,
    };
    for m in range {
        for top in direct_range.clone() {
            let narrow: Vec<UnitSpec> = split(m)
                .into_iter()
                .map(|(start, bits)| UnitSpec {
                    start,
                    bits,
                    direct: bits.min(top).max(bits.saturating_sub(max_inline)),
                    wide: false,
                })
                .collect();
            if narrow.iter().any(|u| u.direct > max_direct) {
                continue;
            }
            // Wide words for none, either or both unit widths, where they add a summary.
            let widths: Vec<u32> = {
                let mut w: Vec<u32> = narrow.iter().map(|u| u.bits).collect();
                w.dedup();
                w
            };
            for choice in 0..1u32 << widths.len() {
                let units: Vec<UnitSpec> = narrow
                    .iter()
                    .map(|&u| {
                        let class = widths.iter().position(|&w| w == u.bits).unwrap_or(0);
                        let wide = choice >> class & 1 == 1;
                        UnitSpec { wide, ..u }
                    })
                    .collect();
                // A wide word only pays where it brings a summary the narrow one lacks.
                if units
                    .iter()
                    .any(|u| u.wide && (u.inline() > 5 || narrow_has_presence(u, n)))
                {
                    continue;
                }
                let bytes: f64 = units.iter().map(|u| u.table_bytes(n)).sum();
                let costs =
                    CostTable::new(model, n, base_bytes + bytes, &units, LAYOUT_MAX_THRESHOLD);
                let (_, cost) = plan_with(&costs, units.len(), 31);
                // Forced tables on tiny segments may spend a little more than the budget.
                let allowance = if limits.force_tables {
                    65536.0 * f64::from(m)
                } else {
                    0.0
                };
                if bytes > budget + allowance {
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
    }
    let (cost, units) = best.or_else(|| smallest.map(|(_, cost, units)| (cost, units)))?;
    (limits.force_tables || cost < model.scan_ns * n as f64).then_some(units)
}

/// Whether the unit's presence summary fits a 32-bit offsets word.
fn narrow_has_presence(unit: &UnitSpec, n: usize) -> bool {
    UnitSpec {
        wide: false,
        ..*unit
    }
    .presence(n)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(extract(&words, 3, 0), 0);
    }

    #[test]
    fn plans_satisfy_the_pigeonhole_bound() {
        let units: Vec<UnitSpec> = split(11)
            .into_iter()
            .map(|(start, bits)| UnitSpec {
                start,
                bits,
                direct: bits.min(20),
                wide: false,
            })
            .collect();
        for (r, (plan, cost)) in plans(&CostModel::DEFAULT, 10_000_000, 9e8, &units)
            .into_iter()
            .enumerate()
        {
            let total: i32 = plan.iter().map(|&t| i32::from(t) + 1).sum();
            assert_eq!(total, r as i32 + 1, "r={r} plan={plan:?}");
            assert!(cost.is_finite() && cost > 0.0);
        }
    }

    #[test]
    fn the_model_counts_what_a_probe_reads() {
        // Eleven tables of 23/24-bit units with 21 direct bits at 10 M, radius 31: the probe
        // measured about 1580 offset lines, 1940 entry lines and 1930 candidates.
        let n = 10_000_000;
        let units: Vec<UnitSpec> = split(11)
            .into_iter()
            .map(|(start, bits)| UnitSpec {
                start,
                bits,
                direct: 21,
                wide: false,
            })
            .collect();
        // Count lines only: a line costs 1, a visit nothing.
        let lines_only = CostModel {
            line_ns: 1.0,
            visit_ns: 0.0,
            candidate_lines: 1.0,
            run_lines: 1.0,
            ..CostModel::DEFAULT
        };
        let costs = CostTable::new(&lines_only, n, 1.0, &units, MAX_THRESHOLD);
        let (plan, lines) = plan_with(&costs, 11, 31);
        assert!(
            (4500.0..6500.0).contains(&lines),
            "{lines} lines, plan {plan:?}"
        );
    }

    #[test]
    fn layouts_fit_the_memory_budget() {
        let limits = LayoutLimits::default();
        assert!(choose_layout(100, 4000.0, &CostModel::DEFAULT, &limits).is_none());
        for n in [
            10_000usize,
            1_000_000,
            10_000_000,
            100_000_000,
            1_000_000_000,
        ] {
            // Hashes, dense ids and tombstones: about 33.3 bytes per hash.
            let base = 33.3 * n as f64;
            let Some(units) = choose_layout(n, base, &CostModel::DEFAULT, &limits) else {
                assert!(n < 100_000, "a large segment must get tables");
                continue;
            };
            let table_bytes: f64 = units.iter().map(|u| u.table_bytes(n)).sum();
            let per_hash = (table_bytes + base) / n as f64;
            if n <= 100_000_000 {
                let budget = if n >= limits.large_len {
                    limits.large_bytes_per_hash
                } else {
                    limits.bytes_per_hash
                };
                assert!(per_hash <= budget, "n={n}: {per_hash} bytes per hash");
            }
            assert!(units.iter().all(|u| u.inline() + position_bits(n) <= 32));
            assert!(units.iter().all(|u| !u.wide || u.presence(n)));
            eprintln!(
                "n={n}: m={} {per_hash:.1} bytes per hash, units={units:?}",
                units.len()
            );
        }
    }
}
