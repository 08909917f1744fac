//! Integration tests of `pdq-index`: every query of the multi-index hashing index equals the
//! brute-force answer, on uniform and clustered data, for many radii, after inserts, removals
//! and compaction; snapshots round-trip and refuse every kind of damage.

use pdq_index::mih::LayoutLimits;
use pdq_index::{
    HammingIndex, Isa, Match, MihIndex, MihOptions, PdqHash, ScanIndex, SnapshotError,
};
use proptest::prelude::*;
use std::collections::BTreeSet;

const RADII: [u32; 8] = [0, 1, 7, 15, 31, 32, 47, 63];

/// SplitMix64: a tiny deterministic generator, so a failing case replays from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn hash(&mut self) -> PdqHash {
        PdqHash::from_words([self.next(), self.next(), self.next(), self.next()])
    }

    /// `hash` with `flips` distinct random bits flipped.
    fn near(&mut self, hash: &PdqHash, flips: u32) -> PdqHash {
        let mut words = hash.to_words();
        let mut flipped = BTreeSet::new();
        while flipped.len() < flips as usize {
            flipped.insert(self.below(256) as usize);
        }
        for bit in flipped {
            words[bit / 64] ^= 1 << (bit % 64);
        }
        PdqHash::from_words(words)
    }
}

/// Uniform hashes, or near-duplicates (0 to 20 bits) of a few seeds plus a uniform background.
fn dataset(rng: &mut Rng, n: usize, clustered: bool) -> (Vec<PdqHash>, Vec<PdqHash>) {
    let seeds: Vec<PdqHash> = (0..(n / 40).max(1)).map(|_| rng.hash()).collect();
    let hashes: Vec<PdqHash> = (0..n)
        .map(|_| {
            if clustered && rng.below(4) != 0 {
                let seed = seeds[rng.below(seeds.len() as u64) as usize];
                let flips = rng.below(21) as u32;
                rng.near(&seed, flips)
            } else {
                rng.hash()
            }
        })
        .collect();
    (seeds, hashes)
}

/// Queries of every kind: exact copies, near (0 to 70 bits) stored hashes and seeds, random.
fn queries(rng: &mut Rng, seeds: &[PdqHash], hashes: &[PdqHash], count: usize) -> Vec<PdqHash> {
    (0..count)
        .map(|i| match i % 4 {
            0 if !hashes.is_empty() => hashes[rng.below(hashes.len() as u64) as usize],
            1 if !hashes.is_empty() => {
                let base = hashes[rng.below(hashes.len() as u64) as usize];
                let flips = rng.below(71) as u32;
                rng.near(&base, flips)
            }
            2 => {
                let seed = seeds[rng.below(seeds.len() as u64) as usize];
                let flips = rng.below(40) as u32;
                rng.near(&seed, flips)
            }
            _ => rng.hash(),
        })
        .collect()
}

/// The answer by definition, as a sorted multiset of `(id, distance)` (several entries may
/// share an id, and even a distance).
fn naive(entries: &[(PdqHash, u64)], query: &PdqHash, radius: u32) -> Vec<(u64, u32)> {
    let mut answer: Vec<(u64, u32)> = entries
        .iter()
        .filter(|(h, _)| h.distance(query) <= radius)
        .map(|&(h, id)| (id, h.distance(query)))
        .collect();
    answer.sort_unstable();
    answer
}

fn as_set(matches: &[Match]) -> Vec<(u64, u32)> {
    let mut answer: Vec<(u64, u32)> = matches.iter().map(|m| (m.id, m.distance)).collect();
    answer.sort_unstable();
    answer
}

/// Options that build tables even on test-sized data.
fn small_options(units: Option<u32>, tail_capacity: usize) -> MihOptions {
    MihOptions {
        tail_capacity,
        merge_ratio: 2,
        limits: LayoutLimits {
            min_tabled_len: 64,
            units,
            force_tables: true,
            ..LayoutLimits::default()
        },
        ..MihOptions::default()
    }
}

fn assert_same_answers(index: &MihIndex, entries: &[(PdqHash, u64)], queries: &[PdqHash]) {
    for query in queries {
        for radius in RADII {
            let got = index.query(query, radius);
            let expected = naive(entries, query, radius);
            // Exactly once each, closest first.
            assert!(got.windows(2).all(|w| w[0] <= w[1]), "not sorted");
            assert_eq!(as_set(&got), expected, "radius {radius}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn mih_query_equals_brute_force(seed in any::<u64>(), clustered in any::<bool>(),
                                    units in prop::sample::select(vec![None, Some(8), Some(11), Some(16)]),
                                    n in 100usize..2500) {
        let mut rng = Rng(seed);
        let (seeds, hashes) = dataset(&mut rng, n, clustered);
        // Ids repeat every 997 entries: several entries may share an id.
        let entries: Vec<(PdqHash, u64)> =
            hashes.iter().enumerate().map(|(i, &h)| (h, (i % 997) as u64 * 7)).collect();
        let index = MihIndex::build_with_options(entries.clone(), small_options(units, 4096));
        prop_assert!(index.layout(31).is_some(), "tables were built");
        let scan = ScanIndex::build(entries.clone());
        let qs = queries(&mut rng, &seeds, &hashes, 8);
        assert_same_answers(&index, &entries, &qs);
        for query in &qs {
            prop_assert_eq!(as_set(&scan.query(query, 31)), naive(&entries, query, 31));
        }
        let batch = index.query_batch(&qs, 31);
        for (query, answer) in qs.iter().zip(&batch) {
            prop_assert_eq!(answer, &index.query(query, 31));
        }
    }

    #[test]
    fn updates_keep_answers_exact(seed in any::<u64>(), clustered in any::<bool>(),
                                  ops in prop::collection::vec((0u8..10, any::<u64>()), 1..400)) {
        let mut rng = Rng(seed);
        let (seeds, hashes) = dataset(&mut rng, 600, clustered);
        let mut entries: Vec<(PdqHash, u64)> =
            hashes.iter().enumerate().map(|(i, &h)| (h, i as u64)).collect();
        let mut index = MihIndex::build_with_options(entries.clone(), small_options(None, 37));
        let mut scan = ScanIndex::build(entries.clone());
        let mut next_id = 10_000u64;
        for (op, pick) in ops {
            match op {
                // Insert a near-duplicate of a stored hash (or a fresh one when empty).
                0..=4 => {
                    let hash = if entries.is_empty() {
                        rng.hash()
                    } else {
                        let base = entries[(pick % entries.len() as u64) as usize].0;
                        let flips = rng.below(25) as u32;
                        rng.near(&base, flips)
                    };
                    // Sometimes reuse an existing id.
                    let id = if op == 4 && !entries.is_empty() {
                        entries[(pick % entries.len() as u64) as usize].1
                    } else {
                        next_id += 1;
                        next_id
                    };
                    entries.push((hash, id));
                    index.insert(hash, id);
                    scan.insert(hash, id);
                }
                5..=8 => {
                    let id = if entries.is_empty() || op == 8 {
                        pick // most likely absent
                    } else {
                        entries[(pick % entries.len() as u64) as usize].1
                    };
                    let expected = entries.iter().filter(|e| e.1 == id).count();
                    entries.retain(|e| e.1 != id);
                    prop_assert_eq!(index.remove(id), expected);
                    prop_assert_eq!(scan.remove(id), expected);
                }
                _ => index.compact(),
            }
            prop_assert_eq!(index.len(), entries.len());
        }
        let qs = queries(&mut rng, &seeds, &hashes, 6);
        assert_same_answers(&index, &entries, &qs);
        for query in &qs {
            prop_assert_eq!(as_set(&scan.query(query, 47)), naive(&entries, query, 47));
        }
        index.compact();
        prop_assert!(index.segment_summary().len() <= 1);
        assert_same_answers(&index, &entries, &qs);
    }
}

#[test]
fn default_layout_is_exact_on_a_larger_clustered_set() {
    let mut rng = Rng(42);
    let (seeds, hashes) = dataset(&mut rng, 60_000, true);
    let entries: Vec<(PdqHash, u64)> = hashes
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u64))
        .collect();
    let mut index = MihIndex::build(entries.clone());
    let layout = index.layout(31).expect("60k hashes get tables");
    assert!((8..=16).contains(&layout.units.len()));
    assert!(
        layout.thresholds.is_some(),
        "radius 31 probes the tables at 60k"
    );
    let qs = queries(&mut rng, &seeds, &hashes, 24);
    for isa in Isa::available() {
        assert!(index.set_isa(isa));
        for query in &qs {
            for radius in [0, 31, 63] {
                assert_eq!(
                    as_set(&index.query(query, radius)),
                    naive(&entries, query, radius),
                    "{isa:?} r={radius}"
                );
            }
        }
    }
    // Memory: 40 bytes of hash and id plus the tables, within the 100-byte target.
    let per_hash = index.memory_bytes() as f64 / index.len() as f64;
    assert!(per_hash < 100.0, "{per_hash} bytes per hash");
}

#[test]
fn duplicates_and_large_radii() {
    let mut rng = Rng(7);
    let hash = rng.hash();
    let other = rng.hash();
    let mut index = MihIndex::with_options(small_options(None, 4));
    for id in 0..10 {
        index.insert(hash, id);
    }
    index.insert(other, 3);
    let got = index.query(&hash, 0);
    assert_eq!(
        got.iter().map(|m| m.id).collect::<Vec<_>>(),
        (0..10).collect::<Vec<_>>()
    );
    // Any radius works: 256 returns everything.
    assert_eq!(index.query(&hash, 256).len(), 11);
    assert_eq!(
        index.query(&hash, 100).len(),
        10 + usize::from(hash.distance(&other) <= 100)
    );
    assert_eq!(index.remove(3), 2);
    assert_eq!(index.remove(3), 0);
    assert_eq!(index.len(), 9);
    assert!(index.query(&other, 0).is_empty());
    let empty = MihIndex::new();
    assert!(empty.is_empty());
    assert!(empty.query(&hash, 63).is_empty());
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pdq-index-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn snapshots_round_trip() {
    let mut rng = Rng(11);
    let (seeds, hashes) = dataset(&mut rng, 5000, true);
    let mut entries: Vec<(PdqHash, u64)> = hashes
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u64 * 3))
        .collect();
    let mut index = MihIndex::build_with_options(entries.clone(), small_options(None, 100));
    for i in 0..250u64 {
        let hash = rng.hash();
        index.insert(hash, 1_000_000 + i);
        entries.push((hash, 1_000_000 + i));
    }
    for id in (0..3000u64).step_by(9) {
        index.remove(id);
    }
    entries.retain(|e| !(e.1 < 3000 && e.1 % 9 == 0));

    let dir = temp_dir("round-trip");
    let path = dir.join("index.snapshot");
    index.save(&path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        32 + 40 * entries.len() as u64
    );
    let loaded = MihIndex::load(&path).unwrap();
    assert_eq!(loaded.len(), entries.len());
    let qs = queries(&mut rng, &seeds, &hashes, 10);
    for query in &qs {
        assert_eq!(loaded.query(query, 31), index.query(query, 31));
    }
    let mut loaded_entries: Vec<(PdqHash, u64)> = loaded.entries().collect();
    let mut expected = entries.clone();
    loaded_entries.sort_by_key(|e| (e.1, e.0));
    expected.sort_by_key(|e| (e.1, e.0));
    assert_eq!(loaded_entries, expected);

    // The brute-force index writes and reads the same format.
    let scan = ScanIndex::load(&path).unwrap();
    assert_eq!(scan.len(), entries.len());
    let scan_path = dir.join("scan.snapshot");
    scan.save(&scan_path).unwrap();
    assert_eq!(
        std::fs::read(&scan_path).unwrap(),
        std::fs::read(&path).unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn small_snapshot() -> Vec<u8> {
    let mut rng = Rng(5);
    let index = MihIndex::build((0..6u64).map(|id| (rng.hash(), id)));
    let mut bytes = Vec::new();
    index.write_snapshot(&mut bytes).unwrap();
    bytes
}

/// Rewrites the header checksum, so a test can forge a header that passes it.
fn reseal(bytes: &mut [u8]) {
    let crc = crc32(&bytes[..28]);
    bytes[28..32].copy_from_slice(&crc.to_le_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    // Bitwise CRC-32 (IEEE), independent of the crate's implementation.
    let mut crc = u32::MAX;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn damaged_snapshots_are_refused_with_a_typed_error() {
    let good = small_snapshot();
    assert_eq!(good.len(), 32 + 6 * 40);
    assert_eq!(MihIndex::read_snapshot(&mut &good[..]).unwrap().len(), 6);

    // Every single-bit flip anywhere is caught.
    for position in 0..good.len() {
        for bit in [0, 3, 7] {
            let mut bad = good.clone();
            bad[position] ^= 1 << bit;
            assert!(
                MihIndex::read_snapshot(&mut &bad[..]).is_err(),
                "flip of bit {bit} at byte {position} accepted"
            );
        }
    }
    // Every truncation is caught, as truncation once the magic is there.
    for len in 0..good.len() {
        match MihIndex::read_snapshot(&mut &good[..len]) {
            Err(SnapshotError::Truncated { expected, found }) => {
                assert_eq!(found, len as u64);
                assert!(expected > found);
            }
            other => panic!("truncated to {len}: {other:?}"),
        }
    }
    let mut longer = good.clone();
    longer.push(0);
    assert!(matches!(
        MihIndex::read_snapshot(&mut &longer[..]),
        Err(SnapshotError::TrailingBytes)
    ));
    let mut magic = good.clone();
    magic[0] = b'X';
    assert!(matches!(
        MihIndex::read_snapshot(&mut &magic[..]),
        Err(SnapshotError::BadMagic)
    ));
    let mut version = good.clone();
    version[8] = 2;
    reseal(&mut version);
    assert!(matches!(
        MihIndex::read_snapshot(&mut &version[..]),
        Err(SnapshotError::UnsupportedVersion {
            found: 2,
            supported: 1
        })
    ));
    let mut flags = good.clone();
    flags[12] = 1;
    reseal(&mut flags);
    assert!(matches!(
        MihIndex::read_snapshot(&mut &flags[..]),
        Err(SnapshotError::UnknownFlags(1))
    ));
    // A forged header claiming a huge count fails on the missing bytes, without allocating
    // for the claim.
    let mut huge = good.clone();
    huge[16..24].copy_from_slice(&(1u64 << 40).to_le_bytes());
    reseal(&mut huge);
    assert!(matches!(
        MihIndex::read_snapshot(&mut &huge[..]),
        Err(SnapshotError::Truncated { .. })
    ));
    let mut overflow = good.clone();
    overflow[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
    reseal(&mut overflow);
    assert!(matches!(
        MihIndex::read_snapshot(&mut &overflow[..]),
        Err(SnapshotError::TooLarge(_))
    ));
    let mut payload = good.clone();
    payload[100] ^= 0x10;
    assert!(matches!(
        MihIndex::read_snapshot(&mut &payload[..]),
        Err(SnapshotError::PayloadChecksum)
    ));
    // Errors read as sentences.
    let message = SnapshotError::PayloadChecksum.to_string();
    assert!(message.contains("corrupt"), "{message}");

    // A missing file is an I/O error; a failed save leaves no temporary file behind.
    let dir = temp_dir("damaged");
    assert!(matches!(
        MihIndex::load(dir.join("absent")),
        Err(SnapshotError::Io(_))
    ));
    let index = MihIndex::read_snapshot(&mut &good[..]).unwrap();
    assert!(index.save(dir.join("no-such-dir").join("x")).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}
