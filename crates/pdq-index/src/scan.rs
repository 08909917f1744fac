//! The brute-force index: every query scans every hash.

use crate::simd::{Kernels, Words};
use crate::{HammingIndex, Match};
use pdq::PdqHash;

/// An index that answers by scanning all its hashes with the SIMD distance kernel.
///
/// Exact by construction, with no build cost and 40 bytes per entry; the right choice below a
/// few thousand hashes, and the oracle the tests hold [`crate::MihIndex`] to. A query costs
/// about 0.3 ns per stored hash on AVX-512 (memory bandwidth bound above the L3 cache).
#[derive(Clone, Debug, Default)]
pub struct ScanIndex {
    ids: Vec<u64>,
    hashes: Vec<Words>,
}

impl ScanIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of the given `(hash, id)` entries.
    pub fn build(entries: impl IntoIterator<Item = (PdqHash, u64)>) -> Self {
        let (hashes, ids) = entries
            .into_iter()
            .map(|(hash, id)| (Words::from(hash), id))
            .unzip();
        ScanIndex { ids, hashes }
    }

    /// The entries, in storage order.
    pub fn entries(&self) -> impl Iterator<Item = (PdqHash, u64)> + '_ {
        self.hashes
            .iter()
            .zip(&self.ids)
            .map(|(&h, &id)| (PdqHash::from(h), id))
    }

    pub(crate) fn query_with(
        &self,
        kernels: &Kernels,
        hash: &PdqHash,
        radius: u32,
        out: &mut Vec<Match>,
    ) {
        let query = Words::from(hash);
        let mut hits = Vec::new();
        (kernels.scan)(&self.hashes, &query, radius, &mut hits);
        out.extend(hits.into_iter().map(|(position, distance)| Match {
            id: self.ids[position as usize],
            distance,
        }));
    }
}

impl HammingIndex for ScanIndex {
    fn insert(&mut self, hash: PdqHash, id: u64) {
        self.ids.push(id);
        self.hashes.push(Words::from(hash));
    }

    fn remove(&mut self, id: u64) -> usize {
        let before = self.ids.len();
        let mut position = 0;
        while position < self.ids.len() {
            if self.ids[position] == id {
                self.ids.swap_remove(position);
                self.hashes.swap_remove(position);
            } else {
                position += 1;
            }
        }
        before - self.ids.len()
    }

    fn query_into(&self, hash: &PdqHash, radius: u32, out: &mut Vec<Match>) {
        let start = out.len();
        self.query_with(Kernels::best(), hash, radius, out);
        out[start..].sort_unstable();
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    fn memory_bytes(&self) -> usize {
        8 * self.ids.capacity() + 32 * self.hashes.capacity()
    }
}
