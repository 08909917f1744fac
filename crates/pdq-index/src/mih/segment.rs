//! One immutable segment: hashes and ids sorted by id, tombstones, and (when large enough)
//! substring tables.

use super::layout::{CostModel, LayoutLimits, choose_layout};
use super::probe::Scratch;
use super::table::Tables;
use crate::Match;
use crate::ids::Ids;
use crate::simd::{Kernels, Words};

/// One immutable run of entries sorted by id, with tombstones and (when large enough) tables.
#[derive(Clone, Debug)]
pub(crate) struct Segment {
    ids: Ids,
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
        let ids = Ids::from_sorted(&ids);
        // Candidates are random reads of the hashes: put them on huge pages.
        crate::memory::collapse(&hashes);
        let deleted = vec![0; ids.len().div_ceil(64)];
        let base_bytes = (32 * hashes.len() + ids.memory_bytes() + 8 * deleted.len()) as f64;
        let tables = choose_layout(hashes.len(), base_bytes, model, limits)
            .map(|units| Tables::build(&units, &hashes, model, limits));
        Segment {
            deleted,
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
        let first = self.ids.lower_bound(id);
        let mut removed = 0;
        for position in first..self.ids.len() {
            if self.ids.get(position) != id {
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
        self.ids
            .iter()
            .zip(&self.hashes)
            .enumerate()
            .filter(|&(p, _)| !self.is_deleted(p))
            .map(|(_, (id, &hash))| (id, hash))
    }

    /// Live ids and hashes as parallel arrays, in id order.
    pub fn into_live_arrays(self) -> (Vec<u64>, Vec<Words>) {
        if self.deleted_count == 0 {
            return (self.ids.iter().collect(), self.hashes);
        }
        self.live_entries().unzip()
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
                    id: self.ids.get(position as usize),
                    distance,
                });
            }
        }
        scratch.found = found;
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.ids.memory_bytes()
            + 32 * self.hashes.capacity()
            + 8 * self.deleted.capacity()
            + self.tables.as_ref().map_or(0, Tables::memory_bytes)
    }
}
