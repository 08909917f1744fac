//! The ids of a segment: an ascending list of `u64`, stored in blocks of [`BLOCK`] as a base
//! and the offsets from it at the narrowest width that holds them.
//!
//! A segment keeps its entries sorted by id, so that removal is a binary search. Ids are read
//! only for the few hits of a query and on removal, never on the hot path, so they can be
//! packed: ids handed out in order (database row numbers, a counter) differ by little within a
//! block and take about 1.1 bytes each instead of 8; arbitrary `u64` ids never take more than
//! 8 and a sliver.

/// Ids per block.
pub(crate) const BLOCK: usize = 128;

/// One block: its first id, and where its offsets start in the byte array with their width.
#[derive(Clone, Copy, Debug)]
struct Block {
    base: u64,
    /// `byte_offset << 4 | log2(width in bytes) + 1`, or 0 when every id equals `base`.
    packed: u64,
}

/// An ascending list of ids, packed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ids {
    blocks: Vec<Block>,
    data: Vec<u8>,
    len: usize,
}

impl Ids {
    /// Packs `ids`, which must be ascending (equal neighbours allowed).
    pub fn from_sorted(ids: &[u64]) -> Ids {
        debug_assert!(ids.windows(2).all(|w| w[0] <= w[1]));
        let mut blocks = Vec::with_capacity(ids.len().div_ceil(BLOCK));
        let mut data = Vec::new();
        for chunk in ids.chunks(BLOCK) {
            let base = chunk[0];
            let span = chunk[chunk.len() - 1] - base;
            let width_log = match span {
                0 => None,
                1..=0xff => Some(0u32),
                0x100..=0xffff => Some(1),
                0x1_0000..=0xffff_ffff => Some(2),
                _ => Some(3),
            };
            let packed = match width_log {
                None => 0,
                Some(log) => {
                    let offset = data.len() as u64;
                    let width = 1usize << log;
                    for &id in chunk {
                        data.extend_from_slice(&(id - base).to_le_bytes()[..width]);
                    }
                    offset << 4 | u64::from(log + 1)
                }
            };
            blocks.push(Block { base, packed });
        }
        data.shrink_to_fit();
        Ids {
            blocks,
            data,
            len: ids.len(),
        }
    }

    /// Number of ids.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The id at `position`.
    ///
    /// # Panics
    /// If `position >= len()`.
    pub fn get(&self, position: usize) -> u64 {
        assert!(position < self.len, "id position out of range");
        let block = self.blocks[position / BLOCK];
        let code = block.packed & 0xf;
        if code == 0 {
            return block.base;
        }
        let width = 1usize << (code - 1);
        let at = (block.packed >> 4) as usize + (position % BLOCK) * width;
        let mut bytes = [0u8; 8];
        bytes[..width].copy_from_slice(&self.data[at..at + width]);
        block.base + u64::from_le_bytes(bytes)
    }

    /// The first position whose id is not less than `id` (`len()` if none).
    pub fn lower_bound(&self, id: u64) -> usize {
        // The first block whose base reaches `id`; the answer is in the block before it, or at
        // its start.
        let block = self.blocks.partition_point(|b| b.base < id);
        if block == 0 {
            return 0;
        }
        let (mut low, mut high) = ((block - 1) * BLOCK, (block * BLOCK).min(self.len));
        while low < high {
            let middle = low + (high - low) / 2;
            if self.get(middle) < id {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Every id, in order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        (0..self.len).map(|p| self.get(p))
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.blocks.capacity() * std::mem::size_of::<Block>() + self.data.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_search() {
        let mut cases: Vec<Vec<u64>> = vec![
            vec![],
            vec![5],
            (0..1000).collect(),
            (0..1000).map(|i| i / 3).collect(),
            vec![7; 300],
        ];
        let mut state = 1u64;
        let mut sparse: Vec<u64> = (0..700)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                state
            })
            .collect();
        sparse.sort_unstable();
        sparse.push(u64::MAX);
        cases.push(sparse);
        cases.push((0..600).map(|i| i * 70_000).collect());
        cases.push((0..600).map(|i: u64| i << 40).collect());
        for ids in cases {
            let packed = Ids::from_sorted(&ids);
            assert_eq!(packed.len(), ids.len());
            assert_eq!(packed.iter().collect::<Vec<_>>(), ids);
            let probes = ids
                .iter()
                .flat_map(|&id| [id.saturating_sub(1), id, id.saturating_add(1)])
                .chain([0, u64::MAX]);
            for probe in probes {
                assert_eq!(
                    packed.lower_bound(probe),
                    ids.partition_point(|&x| x < probe),
                    "lower_bound({probe})"
                );
            }
        }
        let dense = Ids::from_sorted(&(0..1_000_000).collect::<Vec<_>>());
        assert!(dense.memory_bytes() < 1_200_000, "{}", dense.memory_bytes());
    }
}
