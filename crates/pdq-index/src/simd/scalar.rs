//! Portable kernels: the reference every SIMD file is tested against.

use super::{EntryFilter, Words};

pub fn scan(hashes: &[Words], query: &Words, radius: u32, out: &mut Vec<(u32, u32)>) {
    for (index, hash) in hashes.iter().enumerate() {
        let distance = hash.distance(query);
        if distance <= radius {
            out.push((index as u32, distance));
        }
    }
}

pub fn verify(
    hashes: &[Words],
    positions: &[u32],
    query: &Words,
    radius: u32,
    out: &mut Vec<(u32, u32)>,
) {
    for &position in positions {
        let distance = hashes[position as usize].distance(query);
        if distance <= radius {
            out.push((position, distance));
        }
    }
}

pub fn filter(entries: &[u32], filter: &EntryFilter, out: &mut Vec<u32>) {
    for &entry in entries {
        if filter.keeps(entry) {
            out.push(entry >> filter.shift);
        }
    }
}
