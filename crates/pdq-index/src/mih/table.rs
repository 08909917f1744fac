//! One substring table, and the tables of a segment with their probe plans.

use super::layout::{
    self, CostModel, LayoutLimits, MAX_PLANNED_RADIUS, UnitSpec, extract, position_bits,
};
use super::probe::{self, Scratch};
use crate::memory::Array;
use crate::simd::{Kernels, Words};

/// One substring table: a bucket per value of the unit's direct bits, each a run of entries
/// `((position << chain bits) | chain bits) << inline | inline key bits`, in position order.
///
/// The chain bits are the lowest bits of the next unit (cyclically), as many as the entry
/// word leaves room for; they let the probe drop most false candidates without reading their
/// hashes (see the crate documentation).
#[derive(Clone, Debug)]
pub(super) struct Table {
    pub unit: UnitSpec,
    /// Narrow (`unit.wide == false`): one word per bucket (and one past the last), whose low
    /// `offset_bits` say where the bucket's entries start (they end where the next bucket's
    /// start) and whose high bits, with `presence`, hold the bucket's presence summary (bit
    /// `v` set if some entry has inline bits `v`). Wide: two words per bucket, the start and
    /// the summary.
    pub offsets: Array<u32>,
    pub entries: Array<u32>,
    pub chain: ChainBits,
    pub offset_bits: u32,
    pub presence: bool,
    /// Per threshold below [`CACHED_THRESHOLDS`], the visits of a probe of this table for a
    /// query whose direct bits are all zero, made on first use: a query's visits are these
    /// with its own bits xored in.
    pub visit_masks: [std::sync::OnceLock<Vec<u64>>; CACHED_THRESHOLDS],
}

/// Thresholds whose visit lists a table keeps (radius 31 needs at most 3; a list of 5 over
/// 24 direct bits would be 350 KB).
pub(super) const CACHED_THRESHOLDS: usize = 5;

/// Which bits of the next unit an entry carries.
#[derive(Clone, Copy, Debug)]
pub(super) struct ChainBits {
    /// First bit of the next unit.
    pub start: u32,
    /// How many of its bits.
    pub bits: u32,
}

/// The mask of the low `bits` bits.
pub(super) fn low_mask(bits: u32) -> u32 {
    if bits == 0 {
        0
    } else {
        u32::MAX >> (32 - bits)
    }
}

impl Table {
    fn build(unit: UnitSpec, next: UnitSpec, hashes: &[Words]) -> Table {
        let n = hashes.len();
        let inline = unit.inline();
        let chain = ChainBits {
            start: next.start,
            bits: unit.chain_bits(n, &next),
        };
        let buckets = 1usize << unit.direct;
        // Bucket starts by counting sort.
        let mut starts = Array::filled(buckets + 1, 0u32);
        for hash in hashes {
            let key = extract(&hash.0, unit.start, unit.bits);
            starts[(key >> inline) as usize + 1] += 1;
        }
        for b in 0..buckets {
            starts[b + 1] += starts[b];
        }
        let mut cursor = starts[..buckets].to_vec();
        let mut entries = Array::filled(n, 0u32);
        let key_mask = low_mask(inline);
        for (position, hash) in hashes.iter().enumerate() {
            let key = extract(&hash.0, unit.start, unit.bits);
            let slot = &mut cursor[(key >> inline) as usize];
            let chained = extract(&hash.0, chain.start, chain.bits);
            entries[*slot as usize] =
                (((position as u32) << chain.bits | chained) << inline) | (key & key_mask);
            *slot += 1;
        }
        drop(cursor);
        // Most visits look for one exact value of the inline bits, and a bucket often has no
        // entry with it: a summary of the values present lets the probe skip reading such a
        // bucket's entries at all.
        let presence = unit.presence(n);
        let summaries: Vec<u32> = if presence {
            (0..buckets)
                .map(|b| {
                    let (start, end) = (starts[b] as usize, starts[b + 1] as usize);
                    entries[start..end]
                        .iter()
                        .fold(0u32, |acc, &e| acc | 1 << (e & key_mask))
                })
                .collect()
        } else {
            Vec::new()
        };
        let offset_bits = position_bits(n + 1);
        let offsets = if unit.wide {
            let mut words = Array::filled(2 * (buckets + 1), 0u32);
            for b in 0..=buckets {
                words[2 * b] = starts[b];
            }
            for (b, &present) in summaries.iter().enumerate() {
                words[2 * b + 1] = present;
            }
            words
        } else {
            for (b, &present) in summaries.iter().enumerate() {
                starts[b] |= present << offset_bits;
            }
            starts
        };
        Table {
            unit,
            offsets,
            entries,
            chain,
            offset_bits,
            presence,
            visit_masks: Default::default(),
        }
    }

    fn memory_bytes(&self) -> usize {
        let masks: usize = self
            .visit_masks
            .iter()
            .filter_map(|cell| cell.get())
            .map(|masks| 8 * masks.capacity())
            .sum();
        self.offsets.memory_bytes() + self.entries.memory_bytes() + masks
    }
}

/// The tables of a segment and a probe plan per radius.
#[derive(Clone, Debug)]
pub(crate) struct Tables {
    pub(super) tables: Vec<Table>,
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
        let next = |i: usize| units[(i + 1) % units.len()];
        #[cfg(feature = "parallel")]
        let tables = {
            use rayon::prelude::*;
            (0..units.len())
                .into_par_iter()
                .map(|i| Table::build(units[i], next(i), hashes))
                .collect()
        };
        #[cfg(not(feature = "parallel"))]
        let tables = (0..units.len())
            .map(|i| Table::build(units[i], next(i), hashes))
            .collect();
        let n = hashes.len();
        let scan_cost = model.scan_ns * n as f64;
        let footprint = 33.0 * n as f64 + units.iter().map(|u| u.table_bytes(n)).sum::<f64>();
        let plans = layout::plans(model, n, footprint, units)
            .into_iter()
            .map(|(thresholds, cost)| {
                let usable = !thresholds.is_empty() && (limits.force_tables || cost < scan_cost);
                usable.then_some(thresholds)
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
        if radius > MAX_PLANNED_RADIUS {
            return None;
        }
        self.plans.get(radius as usize)?.as_deref()
    }

    /// Appends every hash within `radius` of `query` as `(position, distance)`, each once.
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
        probe::probe(
            &probe::ProbeArgs {
                tables: &self.tables,
                plan,
                hashes,
                query,
                radius,
            },
            kernels,
            scratch,
            out,
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Isa;

    /// Hashes around a few seeds (so small radii find something) plus uniform ones.
    fn hashes(n: usize, seed: u64) -> Vec<Words> {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state ^ state >> 29
        };
        let seeds: Vec<[u64; 4]> = (0..8).map(|_| [next(), next(), next(), next()]).collect();
        (0..n)
            .map(|i| {
                if i % 3 == 0 {
                    Words([next(), next(), next(), next()])
                } else {
                    let mut words = seeds[i % seeds.len()];
                    for _ in 0..(next() % 40) {
                        let bit = next() % 256;
                        words[(bit / 64) as usize] ^= 1 << (bit % 64);
                    }
                    Words(words)
                }
            })
            .collect()
    }

    /// Every table shape the layout can choose, probed with every instruction set at many
    /// radii, against a plain loop: narrow and wide offsets, with and without a presence
    /// summary, with and without chain bits, and units of unequal width.
    #[test]
    fn every_table_shape_answers_exactly() {
        let n = 3000;
        let data = hashes(n, 7);
        let queries: Vec<Words> = hashes(40, 7).into_iter().chain(hashes(10, 99)).collect();
        // `count` units of `bits` bits from bit 0 on (`wider` of them one bit wider), each
        // with `inline` bits not addressed directly.
        let units = |count: u32, bits: u32, wider: u32, inline: u32, wide: bool| {
            let mut start = 0;
            (0..count)
                .map(|i| {
                    let bits = bits + u32::from(i < wider);
                    let unit = UnitSpec {
                        start,
                        bits,
                        direct: bits - inline,
                        wide,
                    };
                    start += bits;
                    unit
                })
                .collect::<Vec<_>>()
        };
        let shapes = [
            // Wide words with a summary (5 inline bits), chain bits.
            units(8, 15, 0, 5, true),
            // Narrow words with the summary in their spare bits (2 inline bits), unequal widths.
            units(11, 13, 3, 2, false),
            // Narrow without a summary (7 inline bits).
            units(9, 17, 0, 7, false),
            // Everything addressed directly, the rest of the word chain bits.
            units(16, 16, 0, 0, false),
            // No room left for chain bits (20 inline bits beside 12-bit positions).
            units(8, 30, 0, 20, false),
        ];
        let limits = LayoutLimits {
            force_tables: true,
            min_tabled_len: 1,
            ..LayoutLimits::default()
        };
        let model = CostModel::DEFAULT;
        for units in &shapes {
            let tables = Tables::build(units, &data, &model, &limits);
            for isa in Isa::available() {
                let kernels = Kernels::for_isa(isa).expect("available");
                let mut scratch = Scratch::default();
                for query in &queries {
                    for radius in [0, 1, 5, 12, 24, 31, 40, 63] {
                        let mut got = Vec::new();
                        assert!(tables.probe(
                            &data,
                            query,
                            radius,
                            &kernels,
                            &mut scratch,
                            &mut got
                        ));
                        got.sort_unstable();
                        let expected: Vec<(u32, u32)> = data
                            .iter()
                            .enumerate()
                            .map(|(p, h)| (p as u32, h.distance(query)))
                            .filter(|&(_, d)| d <= radius)
                            .collect();
                        assert_eq!(got, expected, "{isa:?} r={radius} units={units:?}");
                    }
                }
            }
            let first = &tables.tables[0];
            let expected_chain = 32 - position_bits(n) - first.unit.inline();
            assert_eq!(first.chain.bits, expected_chain.min(units[1].bits));
            assert_eq!(first.presence, first.unit.inline() <= 5);
        }
    }
}
