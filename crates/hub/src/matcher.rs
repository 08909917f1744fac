//! The in-memory list of active hashes that `/v1/match` answers from.
//!
//! Every hub process keeps its own copy, filled at start and kept current by following the
//! store's changes (see `follow`).
//!
//! # Readers never wait for writers
//!
//! A [`Matcher`] publishes immutable [`View`]s through an [`ArcSwap`]: a request loads the current
//! view (a few atomic operations, no lock) and answers from it, however long a writer takes. A
//! view is two parts:
//!
//! - a large **base**: the PDQ hashes in a [`MihIndex`] (exact multi-index Hamming search, under
//!   ten microseconds at a million hashes), their ids and values sorted by id, and the exact
//!   signals (video MD5) in a hash map. A base is never changed once built;
//! - a small **delta** over it: hashes activated since the base was built (PDQ ones scanned
//!   by brute force with `pdq-index`'s SIMD kernel) and the ids of base entries that are no longer
//!   active (withdrawn, quarantined, purged or replaced), which answers skip.
//!
//! The follower applies each page of changes to its working delta and publishes a new view
//! (cloning the delta, which stays small; the base is shared). When the delta grows past
//! [`MatcherOptions::max_delta`] entries a **rebuild** merges it into a new base on a blocking
//! thread; changes applied meanwhile are logged and replayed onto an empty delta over the new
//! base, which is then published. So the answer is exact at every moment: every active hash within
//! the threshold, nothing else, whatever state the rebuild is in.

use arc_swap::ArcSwap;
use pdq::PdqHash;
use pdq_index::simd::Kernels;
use pdq_index::{HammingIndex, Match, MihIndex, Words};
use protocol::SignalType;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

/// A change to the active list, in feed order.
#[derive(Clone, Debug)]
pub enum Change {
    /// `id` is active with this value (replacing what it had).
    Activate(u64, SignalType, String),
    /// `id` is no longer active.
    Deactivate(u64),
}

/// How large the delta may grow before it is merged into a new base.
#[derive(Clone, Copy, Debug)]
pub struct MatcherOptions {
    /// Entries (activations plus hidden base entries) in the delta that start a background
    /// rebuild. A query scans the delta's PDQ hashes (about a nanosecond each), and each
    /// published view copies the delta, so it is kept to a few thousand.
    pub max_delta: usize,
    /// Past this many delta entries the follower waits for a rebuild before going on, so that a
    /// bulk import does not leave queries scanning a huge delta (or views copying it).
    pub max_delta_hard: usize,
}

impl Default for MatcherOptions {
    fn default() -> Self {
        MatcherOptions {
            max_delta: 4096,
            max_delta_hard: 65_536,
        }
    }
}

type ExactKey = (SignalType, Box<str>);

/// The immutable bulk of a view.
#[derive(Default)]
struct Base {
    index: MihIndex,
    /// PDQ ids, ascending, and their hashes (to answer with the value).
    ids: Vec<u64>,
    hashes: Vec<Words>,
    exact: HashMap<ExactKey, u64>,
    exact_ids: HashMap<u64, ExactKey>,
}

impl Base {
    fn pdq_hash(&self, id: u64) -> Option<&Words> {
        self.ids
            .binary_search(&id)
            .ok()
            .map(|position| &self.hashes[position])
    }

    /// Whether `id` is in this base, and if so whether as a PDQ hash.
    fn holds(&self, id: u64) -> Option<bool> {
        if self.ids.binary_search(&id).is_ok() {
            Some(true)
        } else if self.exact_ids.contains_key(&id) {
            Some(false)
        } else {
            None
        }
    }

    /// A new base: this one without the delta's hidden entries, plus its activations.
    fn merged(&self, delta: &Delta) -> Base {
        let mut added: Vec<(u64, Words)> = delta
            .pdq_ids
            .iter()
            .copied()
            .zip(delta.pdq_hashes.iter().copied())
            .collect();
        added.sort_unstable_by_key(|&(id, _)| id);
        let capacity = self.ids.len() + added.len();
        let mut ids = Vec::with_capacity(capacity);
        let mut hashes = Vec::with_capacity(capacity);
        let mut old = self
            .ids
            .iter()
            .copied()
            .zip(self.hashes.iter().copied())
            .filter(|(id, _)| !delta.hidden.contains(id))
            .peekable();
        let mut new = added.into_iter().peekable();
        // Both runs are sorted by id (and disjoint: a re-activated base id is hidden first).
        loop {
            let take_old = match (old.peek(), new.peek()) {
                (Some(a), Some(b)) => a.0 < b.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let (id, words) = if take_old { old.next() } else { new.next() }.expect("peeked");
            ids.push(id);
            hashes.push(words);
        }
        let mut exact: HashMap<ExactKey, u64> = self
            .exact
            .iter()
            .filter(|(_, id)| !delta.hidden.contains(id))
            .map(|(key, &id)| (key.clone(), id))
            .collect();
        exact.extend(delta.exact.iter().map(|(key, &id)| (key.clone(), id)));
        let exact_ids = exact.iter().map(|(key, &id)| (id, key.clone())).collect();
        let index = MihIndex::build_from_arrays(ids.clone(), hashes.clone(), Default::default());
        Base {
            index,
            ids,
            hashes,
            exact,
            exact_ids,
        }
    }
}

/// Changes since the base was built.
#[derive(Clone, Default)]
struct Delta {
    /// Activated PDQ hashes, scanned by brute force, and where each id is in them (removal is
    /// a swap with the last).
    pdq_ids: Vec<u64>,
    pdq_hashes: Vec<Words>,
    pdq_positions: HashMap<u64, usize>,
    exact: HashMap<ExactKey, u64>,
    exact_ids: HashMap<u64, ExactKey>,
    /// Base ids no longer active.
    hidden: HashSet<u64>,
    hidden_pdq: usize,
}

impl Delta {
    fn len(&self) -> usize {
        self.pdq_ids.len() + self.exact_ids.len() + self.hidden.len()
    }

    fn apply(&mut self, base: &Base, change: &Change) {
        match change {
            Change::Activate(id, signal_type, value) => {
                self.deactivate(base, *id);
                if *signal_type == SignalType::ImagePdq {
                    // Values come from the store, canonical; anything else is not matchable.
                    if let Ok(hash) = PdqHash::from_hex(value) {
                        self.pdq_positions.insert(*id, self.pdq_ids.len());
                        self.pdq_ids.push(*id);
                        self.pdq_hashes.push(Words::from(hash));
                    }
                } else {
                    let key: ExactKey = (*signal_type, value.as_str().into());
                    // One id per value in the store; should another id hold it, it replaces.
                    if let Some(previous) = self.exact.insert(key.clone(), *id) {
                        self.exact_ids.remove(&previous);
                    }
                    if let Some(&previous) = base.exact.get(&key) {
                        // An exact entry of the base: `hidden_pdq` does not count it.
                        self.hidden.insert(previous);
                    }
                    self.exact_ids.insert(*id, key);
                }
            }
            Change::Deactivate(id) => self.deactivate(base, *id),
        }
    }

    fn deactivate(&mut self, base: &Base, id: u64) {
        if let Some(position) = self.pdq_positions.remove(&id) {
            self.pdq_ids.swap_remove(position);
            self.pdq_hashes.swap_remove(position);
            if let Some(&moved) = self.pdq_ids.get(position) {
                self.pdq_positions.insert(moved, position);
            }
        }
        if let Some(key) = self.exact_ids.remove(&id) {
            self.exact.remove(&key);
        }
        if let Some(is_pdq) = base.holds(id)
            && self.hidden.insert(id)
            && is_pdq
        {
            self.hidden_pdq += 1;
        }
    }
}

/// What a request reads: a base and the delta over it.
pub struct View {
    base: Arc<Base>,
    delta: Delta,
}

impl View {
    /// Active PDQ hashes within `radius` of `query`, nearest first (then by value):
    /// (value, distance).
    pub fn match_pdq(&self, query: &PdqHash, radius: u32) -> Vec<(String, u32)> {
        let mut found: Vec<Match> = Vec::new();
        self.base.index.query_into(query, radius, &mut found);
        let mut hits: Vec<(Words, u32)> = found
            .iter()
            .filter(|m| !self.delta.hidden.contains(&m.id))
            .filter_map(|m| self.base.pdq_hash(m.id).map(|w| (*w, m.distance)))
            .collect();
        if !self.delta.pdq_hashes.is_empty() {
            let mut scanned = Vec::new();
            (Kernels::best().scan)(
                &self.delta.pdq_hashes,
                &Words::from(query),
                radius,
                &mut scanned,
            );
            hits.extend(
                scanned.into_iter().map(|(position, distance)| {
                    (self.delta.pdq_hashes[position as usize], distance)
                }),
            );
        }
        // A hash's order is its bytes' order, which is its hex form's.
        hits.sort_unstable_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| PdqHash::from(a.0).cmp(&PdqHash::from(b.0)))
        });
        hits.into_iter()
            .map(|(words, distance)| (PdqHash::from(words).to_hex(), distance))
            .collect()
    }

    /// Whether this exact value is active.
    pub fn match_exact(&self, signal_type: SignalType, value: &str) -> bool {
        let key: ExactKey = (signal_type, value.into());
        self.delta.exact.contains_key(&key)
            || self
                .base
                .exact
                .get(&key)
                .is_some_and(|id| !self.delta.hidden.contains(id))
    }

    /// Number of active hashes: (PDQ, others).
    pub fn len(&self) -> (usize, usize) {
        let hidden_exact = self.delta.hidden.len() - self.delta.hidden_pdq;
        (
            self.base.ids.len() - self.delta.hidden_pdq + self.delta.pdq_ids.len(),
            self.base.exact_ids.len() - hidden_exact + self.delta.exact_ids.len(),
        )
    }
}

/// The writer's side: the current base, the working delta, and the log of changes to replay
/// when a rebuild in progress completes.
struct Writer {
    base: Arc<Base>,
    delta: Delta,
    replay: Option<Vec<Change>>,
}

/// The active hashes of every signal type, readable without locks (see the module docs).
pub struct Matcher {
    current: ArcSwap<View>,
    writer: Mutex<Writer>,
    /// Held for the whole of a rebuild: one at a time.
    rebuilding: Arc<tokio::sync::Mutex<()>>,
    options: MatcherOptions,
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new(MatcherOptions::default())
    }
}

/// A rebuild in progress: what the new base is made of.
pub struct Rebuild {
    base: Arc<Base>,
    delta: Delta,
}

impl Rebuild {
    /// Builds the new base (CPU-bound: about a second per million PDQ hashes on one core; call
    /// it on a blocking thread).
    fn build(self) -> Base {
        self.base.merged(&self.delta)
    }
}

impl Matcher {
    /// An empty list.
    pub fn new(options: MatcherOptions) -> Self {
        let base = Arc::new(Base::default());
        Matcher {
            current: ArcSwap::from_pointee(View {
                base: base.clone(),
                delta: Delta::default(),
            }),
            writer: Mutex::new(Writer {
                base,
                delta: Delta::default(),
                replay: None,
            }),
            rebuilding: Arc::new(tokio::sync::Mutex::new(())),
            options,
        }
    }

    /// The current view: what a request answers from.
    pub fn view(&self) -> arc_swap::Guard<Arc<View>> {
        self.current.load()
    }

    fn writer(&self) -> MutexGuard<'_, Writer> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Applies `changes` in order and publishes the result; returns the delta's size.
    pub fn apply(&self, changes: &[Change]) -> usize {
        self.apply_and_maybe_publish(changes, true)
    }

    /// Applies `changes` without publishing them (the initial load, published by the
    /// [`Matcher::rebuild`] that follows it): no copy of a growing delta per page.
    pub fn apply_unpublished(&self, changes: &[Change]) -> usize {
        self.apply_and_maybe_publish(changes, false)
    }

    fn apply_and_maybe_publish(&self, changes: &[Change], publish: bool) -> usize {
        let mut writer = self.writer();
        let Writer {
            base,
            delta,
            replay,
        } = &mut *writer;
        for change in changes {
            delta.apply(base, change);
        }
        if let Some(replay) = replay {
            replay.extend_from_slice(changes);
        }
        if publish {
            self.publish(&writer);
        }
        writer.delta.len()
    }

    fn publish(&self, writer: &Writer) {
        self.current.store(Arc::new(View {
            base: writer.base.clone(),
            delta: writer.delta.clone(),
        }));
    }

    /// Entries in the delta.
    pub fn delta_len(&self) -> usize {
        self.writer().delta.len()
    }

    /// Whether the delta is large enough to be merged into the base.
    pub fn wants_rebuild(&self, delta_len: usize) -> bool {
        delta_len > self.options.max_delta
    }

    /// Whether the follower should wait for a rebuild before applying more: past
    /// `max_delta_hard` entries, or a quarter of the base if that is more (so that a bulk
    /// import rebuilds a large base a few times, not once per `max_delta_hard` changes).
    pub fn needs_rebuild(&self, delta_len: usize) -> bool {
        let base = self.writer().base.ids.len();
        delta_len > self.options.max_delta_hard.max(base / 4)
    }

    /// Starts a rebuild: changes applied from now on are also logged for replay.
    fn begin_rebuild(&self) -> Rebuild {
        let mut writer = self.writer();
        writer.replay = Some(Vec::new());
        Rebuild {
            base: writer.base.clone(),
            delta: writer.delta.clone(),
        }
    }

    /// Publishes a rebuilt base, with the changes applied since the rebuild began over it.
    fn finish_rebuild(&self, base: Base) {
        let mut writer = self.writer();
        let base = Arc::new(base);
        let mut delta = Delta::default();
        for change in writer.replay.take().unwrap_or_default() {
            delta.apply(&base, &change);
        }
        writer.base = base;
        writer.delta = delta;
        self.publish(&writer);
    }

    /// Merges the delta into a new base, on a blocking thread; waits for a rebuild already
    /// running to finish first. Queries go on from the previous views meanwhile.
    pub async fn rebuild(&self) {
        let _one_at_a_time = self.rebuilding.lock().await;
        self.rebuild_locked().await;
    }

    async fn rebuild_locked(&self) {
        let job = self.begin_rebuild();
        match tokio::task::spawn_blocking(move || job.build()).await {
            Ok(base) => self.finish_rebuild(base),
            Err(error) => {
                // Only a panic in the build gets here; the current view stays exact.
                tracing::error!(%error, "could not rebuild the match index");
                self.writer().replay = None;
            }
        }
    }

    /// Starts a rebuild in the background unless one is running.
    pub fn rebuild_in_background(self: &Arc<Self>) {
        if let Ok(guard) = self.rebuilding.clone().try_lock_owned() {
            let matcher = self.clone();
            tokio::spawn(async move {
                let _guard = guard;
                matcher.rebuild_locked().await;
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    fn model_pdq(
        model: &HashMap<u64, (SignalType, String)>,
        query: &PdqHash,
        radius: u32,
    ) -> Vec<(String, u32)> {
        let mut hits: Vec<(String, u32)> = model
            .values()
            .filter(|(t, _)| *t == SignalType::ImagePdq)
            .filter_map(|(_, v)| {
                let d = PdqHash::from_hex(v).ok()?.distance(query);
                (d <= radius).then(|| (v.clone(), d))
            })
            .collect();
        hits.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        hits
    }

    #[test]
    fn activate_replace_and_remove() {
        let matcher = Matcher::default();
        let a = PdqHash::from_bytes([0xaa; 32]);
        let mut near = a;
        near.set_bit(0);
        let md5 = "00112233445566778899aabbccddeeff".to_string();
        matcher.apply(&[
            Change::Activate(1, SignalType::ImagePdq, a.to_hex()),
            Change::Activate(
                2,
                SignalType::ImagePdq,
                PdqHash::from_bytes([0x55; 32]).to_hex(),
            ),
            Change::Activate(3, SignalType::VideoMd5, md5.clone()),
        ]);
        let view = matcher.view();
        assert_eq!(view.match_pdq(&near, 31), vec![(a.to_hex(), 1)]);
        assert!(view.match_exact(SignalType::VideoMd5, &md5));
        matcher.apply(&[Change::Deactivate(1)]);
        // The view taken before is unchanged; a new one sees the removal.
        assert_eq!(view.match_pdq(&near, 31).len(), 1);
        let view = matcher.view();
        assert!(view.match_pdq(&near, 31).is_empty());
        assert_eq!(view.len(), (1, 1));
        matcher.apply(&[Change::Deactivate(3), Change::Deactivate(3)]);
        assert_eq!(matcher.view().len(), (1, 0));
    }

    /// Random activations, replacements and removals, with rebuilds at random moments (some
    /// with changes arriving while they run), checked against a plain map after every step.
    #[test]
    fn exact_through_changes_and_rebuilds() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let matcher = Matcher::new(MatcherOptions {
            max_delta: 8,
            max_delta_hard: 64,
        });
        let mut model: HashMap<u64, (SignalType, String)> = HashMap::new();
        // A few centres, so that queries find clusters of near hashes.
        let centres: Vec<PdqHash> = (0..4).map(|_| PdqHash::from_bytes(rng.random())).collect();
        let near = |rng: &mut rand::rngs::StdRng, centre: &PdqHash| {
            let mut bytes = *centre.as_bytes();
            for _ in 0..rng.random_range(0..40) {
                let bit = rng.random_range(0..256);
                bytes[bit / 8] ^= 1 << (bit % 8);
            }
            PdqHash::from_bytes(bytes)
        };
        let mut pending: Option<Rebuild> = None;
        for step in 0..3000 {
            let mut changes = Vec::new();
            for _ in 0..rng.random_range(1..6) {
                let id = rng.random_range(0..300u64);
                let change = match rng.random_range(0..10) {
                    0..=5 => {
                        let centre = &centres[rng.random_range(0..centres.len())];
                        Change::Activate(id, SignalType::ImagePdq, near(&mut rng, centre).to_hex())
                    }
                    6 => Change::Activate(
                        id,
                        SignalType::VideoMd5,
                        format!("{:032x}", rng.random_range(0..50u128)),
                    ),
                    _ => Change::Deactivate(id),
                };
                match &change {
                    Change::Activate(id, t, v) => {
                        if *t == SignalType::VideoMd5 {
                            model.retain(|_, (mt, mv)| !(*mt == *t && mv == v));
                        }
                        model.insert(*id, (*t, v.clone()));
                    }
                    Change::Deactivate(id) => {
                        model.remove(id);
                    }
                }
                changes.push(change);
            }
            matcher.apply(&changes);
            match rng.random_range(0..20) {
                0 if pending.is_none() => pending = Some(matcher.begin_rebuild()),
                1 => {
                    if let Some(job) = pending.take() {
                        matcher.finish_rebuild(job.build());
                    }
                }
                _ => {}
            }
            let view = matcher.view();
            let centre = &centres[rng.random_range(0..centres.len())];
            let query = near(&mut rng, centre);
            for radius in [0, 10, 31, 63] {
                assert_eq!(
                    view.match_pdq(&query, radius),
                    model_pdq(&model, &query, radius),
                    "step {step}, radius {radius}"
                );
            }
            for n in 0..50u128 {
                let value = format!("{n:032x}");
                let expected = model
                    .values()
                    .any(|(t, v)| *t == SignalType::VideoMd5 && *v == value);
                assert_eq!(
                    view.match_exact(SignalType::VideoMd5, &value),
                    expected,
                    "step {step}"
                );
            }
            let pdq = model
                .values()
                .filter(|(t, _)| *t == SignalType::ImagePdq)
                .count();
            assert_eq!(view.len(), (pdq, model.len() - pdq), "step {step}");
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn background_rebuild_keeps_answers() {
        let matcher = Arc::new(Matcher::default());
        let hashes: Vec<PdqHash> = (0..20_000u64)
            .map(|n| {
                let mut bytes = [0u8; 32];
                for (i, b) in bytes.iter_mut().enumerate() {
                    *b = (n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (i % 8 * 8)) as u8 ^ i as u8;
                }
                PdqHash::from_bytes(bytes)
            })
            .collect();
        let changes: Vec<Change> = hashes
            .iter()
            .enumerate()
            .map(|(i, h)| Change::Activate(i as u64, SignalType::ImagePdq, h.to_hex()))
            .collect();
        matcher.apply(&changes);
        matcher.rebuild_in_background();
        matcher.apply(&[Change::Deactivate(5)]);
        matcher.rebuild().await;
        assert_eq!(matcher.delta_len(), 0);
        let view = matcher.view();
        assert_eq!(view.len(), (19_999, 0));
        assert!(view.match_pdq(&hashes[5], 0).is_empty());
        assert_eq!(view.match_pdq(&hashes[6], 0), vec![(hashes[6].to_hex(), 0)]);
    }
}
