//! The in-memory list of active hashes that `/v1/match` answers from.
//!
//! Every hub process keeps its own copy, filled at start and kept current by following the
//! store's changes (see `follow`). PDQ search goes through the [`PdqSearch`] seam so that the
//! exact multi-index search of the `pdq-index` crate can replace the brute-force scan used
//! until it lands, without touching the rest of the hub.

use pdq::PdqHash;
use protocol::SignalType;
use std::collections::HashMap;

/// Exact Hamming range search over PDQ hashes identified by `u64` ids.
pub trait PdqSearch: Send + Sync {
    /// Adds (or replaces) the hash of `id`.
    fn insert(&mut self, id: u64, hash: PdqHash);
    /// Removes `id`, if present.
    fn remove(&mut self, id: u64);
    /// Every `(id, distance)` within `radius` of `query`.
    fn query(&self, query: &PdqHash, radius: u32) -> Vec<(u64, u32)>;
    /// Number of hashes.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The reference implementation: a scan of every hash. Exact, and fine for small lists.
#[derive(Default)]
pub struct BruteForce {
    words: Vec<[u64; 4]>,
    ids: Vec<u64>,
    position: HashMap<u64, usize>,
}

impl PdqSearch for BruteForce {
    fn insert(&mut self, id: u64, hash: PdqHash) {
        let words = hash.to_words();
        match self.position.get(&id) {
            Some(&at) => self.words[at] = words,
            None => {
                self.position.insert(id, self.ids.len());
                self.ids.push(id);
                self.words.push(words);
            }
        }
    }

    fn remove(&mut self, id: u64) {
        if let Some(at) = self.position.remove(&id) {
            self.words.swap_remove(at);
            self.ids.swap_remove(at);
            if let Some(&moved) = self.ids.get(at) {
                self.position.insert(moved, at);
            }
        }
    }

    fn query(&self, query: &PdqHash, radius: u32) -> Vec<(u64, u32)> {
        let q = query.to_words();
        let mut hits = Vec::new();
        for (at, w) in self.words.iter().enumerate() {
            let distance = (w[0] ^ q[0]).count_ones()
                + (w[1] ^ q[1]).count_ones()
                + (w[2] ^ q[2]).count_ones()
                + (w[3] ^ q[3]).count_ones();
            if distance <= radius {
                hits.push((self.ids[at], distance));
            }
        }
        hits
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Active hashes of every signal type.
pub struct ActiveHashes {
    pdq: Box<dyn PdqSearch>,
    /// Hex value of each PDQ id (to answer with the value).
    pdq_values: HashMap<u64, String>,
    /// Exact signals (video MD5): value to id, and back.
    exact: HashMap<(SignalType, String), u64>,
    exact_by_id: HashMap<u64, (SignalType, String)>,
}

impl Default for ActiveHashes {
    fn default() -> Self {
        ActiveHashes {
            pdq: Box::new(BruteForce::default()),
            pdq_values: HashMap::new(),
            exact: HashMap::new(),
            exact_by_id: HashMap::new(),
        }
    }
}

impl ActiveHashes {
    /// Makes `id` active with this value (replacing what it had).
    pub fn activate(&mut self, id: u64, signal_type: SignalType, value: &str) {
        self.deactivate(id);
        if signal_type == SignalType::ImagePdq {
            if let Ok(hash) = PdqHash::from_hex(value) {
                self.pdq.insert(id, hash);
                self.pdq_values.insert(id, value.to_string());
            }
        } else {
            self.exact.insert((signal_type, value.to_string()), id);
            self.exact_by_id
                .insert(id, (signal_type, value.to_string()));
        }
    }

    /// Takes `id` out of the active list.
    pub fn deactivate(&mut self, id: u64) {
        if self.pdq_values.remove(&id).is_some() {
            self.pdq.remove(id);
        }
        if let Some(key) = self.exact_by_id.remove(&id) {
            self.exact.remove(&key);
        }
    }

    /// Active PDQ hashes within `radius` of `query`, nearest first: (value, distance).
    pub fn match_pdq(&self, query: &PdqHash, radius: u32) -> Vec<(String, u32)> {
        let mut hits: Vec<(String, u32)> = self
            .pdq
            .query(query, radius)
            .into_iter()
            .filter_map(|(id, d)| self.pdq_values.get(&id).map(|v| (v.clone(), d)))
            .collect();
        hits.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        hits
    }

    /// Whether this exact value is active.
    pub fn match_exact(&self, signal_type: SignalType, value: &str) -> bool {
        self.exact.contains_key(&(signal_type, value.to_string()))
    }

    /// Number of active hashes: (PDQ, others).
    pub fn len(&self) -> (usize, usize) {
        (self.pdq.len(), self.exact.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activate_replace_and_remove() {
        let mut active = ActiveHashes::default();
        let a = PdqHash::from_bytes([0xaa; 32]);
        let mut near = a;
        near.set_bit(0);
        active.activate(1, SignalType::ImagePdq, &a.to_hex());
        active.activate(
            2,
            SignalType::ImagePdq,
            &PdqHash::from_bytes([0x55; 32]).to_hex(),
        );
        active.activate(3, SignalType::VideoMd5, "00112233445566778899aabbccddeeff");
        assert_eq!(active.match_pdq(&near, 31), vec![(a.to_hex(), 1)]);
        assert!(active.match_exact(SignalType::VideoMd5, "00112233445566778899aabbccddeeff"));
        active.deactivate(1);
        assert!(active.match_pdq(&near, 31).is_empty());
        assert_eq!(active.len(), (1, 1));
        active.deactivate(3);
        assert_eq!(active.len(), (1, 0));
        active.deactivate(3);
    }
}
