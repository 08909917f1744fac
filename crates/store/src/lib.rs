//! Persistence of the Empreinte hub: embedded SQLite (the default, one file) and PostgreSQL
//! (several hub processes on one database), behind one trait, [`Store`], with migrations that run
//! when the store is opened.
//!
//! # What is stored
//!
//! Cases (a person's submission: an opaque public id, the SHA-256 of the case number as lookup
//! key, the PIN as an Argon2id string made by the caller, dates, nothing about the person), their
//! items and signals, one row per distributed hash value (however many cases hold it), each
//! platform's latest feedback per hash, platforms (with the SHA-256 of their key), the negative
//! bank, the audit log and per-platform usage counters.
//!
//! # The feed, and why it never skips a record
//!
//! Each hash row carries its feed position `(feed_seq, feed_second)` and the JSON snapshot the
//! feed serves (`record`). Every transaction that changes what the feed serves (a case created or
//! withdrawn, feedback, quarantine, purge...) gives each hash it touched a new position, larger
//! than every position handed out before, and rebuilds its snapshot. Readers page by position:
//! `WHERE feed_seq > checkpoint ORDER BY feed_seq`.
//!
//! Paging by a counter is only safe if positions become visible in the order they are handed
//! out: if transaction A takes position 10 and B takes 11, and B commits first, a reader could see
//! 11, move its checkpoint past 10, and never see A's change. Both backends rule this out by
//! **serialising the transactions that hand out positions**, through the single row of
//! `feed_clock`:
//!
//! - SQLite: such transactions start with `BEGIN IMMEDIATE`, which takes the database's write
//!   lock before anything is read; SQLite has one writer at a time, so they run one after the
//!   other.
//! - PostgreSQL: such transactions start with `SELECT ... FROM feed_clock FOR UPDATE`, a row lock
//!   held until commit. PostgreSQL makes a committed transaction visible to new snapshots
//!   (`ProcArrayEndTransaction`) before it releases its locks, so the next transaction only gets
//!   the clock after the previous one is visible to everyone.
//!
//! Hence the positions visible in any snapshot are exactly all the committed positions up to
//! some bound: a reader that continues after the last position it saw cannot skip a change. A
//! hash changed again while a reader pages simply moves ahead and is served again later (a
//! record is a whole snapshot, so the later one replaces the earlier). The cost is that
//! feed-changing writes do not run in parallel; they are short (the PIN's Argon2 hashing is done
//! before the transaction), and the many reads never wait. The alternatives were weighed: a
//! PostgreSQL sequence with a "visible horizon" (`pg_snapshot_xmin`) stalls the whole feed
//! behind any long transaction in the cluster, even in another database, and a safety lag gives
//! no proof. `tests/store.rs` runs concurrent writers and readers on both databases and checks
//! that every reader saw every change.
//!
//! `feed_second` is the `lastModtimestamp` clients see, and what StopNCII clients send back as
//! `startTimestamp`: a Unix time in seconds, never decreasing along `feed_seq` (the clock takes
//! `max(now, last)`). To keep a restart from one second from re-sending a huge bulk load, at most
//! [`MAX_RECORDS_PER_SECOND`] positions share one second; past that the clock's second runs ahead
//! of the wall clock until it catches up.

#![warn(missing_docs)]

mod backend;
mod postgres;
mod record;
mod sqlite;
pub mod testing;

pub use postgres::PostgresStore;
pub use record::build_record;
pub use sqlite::SqliteStore;

use protocol::{FeedbackValue, HashStatus, SignalType};
use std::sync::Arc;

/// Most positions handed out with the same `feed_second` (see the crate docs).
pub const MAX_RECORDS_PER_SECOND: i64 = 10_000;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database answered with an error or could not be reached.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// The database URL is not one this store understands.
    #[error("unsupported database URL {0:?}: expected sqlite:PATH or postgres://...")]
    UnsupportedUrl(String),
    /// The thing asked for does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// The change conflicts with what is stored (e.g. a platform name already taken).
    #[error("{0}")]
    Conflict(String),
    /// Stored data could not be read back (a bug or a hand-edited database).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Where a case came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseOrigin {
    /// A person, through the portal: has a case number and PIN.
    Person,
    /// A platform, through `SubmitHashes`.
    Platform,
    /// The operator, through a bulk import.
    Import,
}

impl CaseOrigin {
    fn as_str(self) -> &'static str {
        match self {
            CaseOrigin::Person => "person",
            CaseOrigin::Platform => "platform",
            CaseOrigin::Import => "import",
        }
    }
}

/// State of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseState {
    /// Its hashes are distributed.
    Active,
    /// Withdrawn; purged after the grace period.
    Withdrawn,
}

impl CaseState {
    fn parse(text: &str) -> Result<Self> {
        match text {
            "active" => Ok(CaseState::Active),
            "withdrawn" => Ok(CaseState::Withdrawn),
            other => Err(StoreError::Corrupt(format!("case state {other:?}"))),
        }
    }

    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Active => "active",
            CaseState::Withdrawn => "withdrawn",
        }
    }
}

/// A signal of a new item: a hash value in canonical form (lowercase hexadecimal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignal {
    /// Its type.
    pub signal_type: SignalType,
    /// Canonical value (see [`protocol::canonical_hash_value`]).
    pub value: String,
    /// PDQ convention (`reference`, `full-resolution`), for PDQ.
    pub convention: Option<String>,
    /// PDQ quality, for PDQ.
    pub quality: Option<i64>,
}

/// An item (one image or video) of a new case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    /// `image` or `video`.
    pub kind: String,
    /// Its signals (at least one).
    pub signals: Vec<NewSignal>,
}

/// A case to create.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// Where it comes from.
    pub origin: CaseOrigin,
    /// SHA-256 of the canonical case number (persons only).
    pub lookup: Option<[u8; 32]>,
    /// Opaque id shown to platforms in `caseNumbers`.
    pub public_id: String,
    /// Argon2id PHC string of the PIN (persons only).
    pub pin_hash: Option<String>,
    /// The submitting platform (platform origin only).
    pub platform_id: Option<i64>,
    /// Creation time, seconds since the epoch.
    pub created_at: i64,
    /// The items (at least one).
    pub items: Vec<NewItem>,
    /// Feedback of the submitting platform on each item's hashes (platform origin only):
    /// `(item index, value, tags)`.
    pub platform_feedback: Vec<(usize, FeedbackValue, Vec<String>)>,
}

/// What the hub needs to check a person's credentials.
#[derive(Debug, Clone)]
pub struct CaseCredentials {
    /// Internal id.
    pub id: i64,
    /// Argon2id PHC string of the PIN.
    pub pin_hash: String,
    /// Failed attempts since the last success or lockout.
    pub failed_attempts: i64,
    /// Status lookups are refused until this time, if set and in the future.
    pub locked_until: Option<i64>,
}

/// One platform's latest report on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformReport {
    /// The platform's public name.
    pub platform: String,
    /// What it reported last.
    pub value: FeedbackValue,
    /// When it first reported on this item.
    pub first_at: i64,
    /// When it reported last.
    pub updated_at: i64,
}

/// One signal of a stored item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalView {
    /// Its type.
    pub signal_type: SignalType,
    /// The hash value.
    pub value: String,
    /// PDQ convention.
    pub convention: Option<String>,
    /// PDQ quality.
    pub quality: Option<i64>,
    /// The aggregate status of the hash in the feed.
    pub status: HashStatus,
}

/// One stored item with what platforms reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemView {
    /// Position in the case, from 0.
    pub position: i64,
    /// `image` or `video`.
    pub kind: String,
    /// Its signals.
    pub signals: Vec<SignalView>,
    /// Latest report of each platform on any of the item's hashes.
    pub reports: Vec<PlatformReport>,
}

/// A case as its holder sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseView {
    /// State.
    pub state: CaseState,
    /// Creation time.
    pub created_at: i64,
    /// Withdrawal time.
    pub withdrawn_at: Option<i64>,
    /// When a withdrawn case's data will be purged.
    pub purge_at: Option<i64>,
    /// Items, in order.
    pub items: Vec<ItemView>,
}

/// A platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    /// Internal id.
    pub id: i64,
    /// Public name (shown to persons and in feedback `source`).
    pub name: String,
    /// First characters of its key, to tell keys apart (never enough to use).
    pub key_prefix: String,
    /// When it was added.
    pub created_at: i64,
    /// When its key was last rotated.
    pub rotated_at: Option<i64>,
    /// When it was revoked; a revoked platform's key is refused.
    pub revoked_at: Option<i64>,
}

/// Where to start reading the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedStart {
    /// Records at positions strictly after this `feed_seq` (a page token).
    AfterSeq(i64),
    /// Records whose `feed_second` is at least this (a `startTimestamp` checkpoint).
    FromSecond(i64),
}

/// One record of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRecord {
    /// Position.
    pub seq: i64,
    /// Second of the position (`lastModtimestamp`).
    pub second: i64,
    /// The record's JSON (a [`protocol::HashRecord`]).
    pub record: String,
}

/// A page of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedPage {
    /// The records, by position.
    pub records: Vec<FeedRecord>,
    /// Whether more records follow now.
    pub has_more: bool,
}

/// A change of a hash, for the hub's in-memory index and its stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashChange {
    /// Internal id of the hash (stable while the hash exists).
    pub hash_id: i64,
    /// Position of the change.
    pub seq: i64,
    /// Its type.
    pub signal_type: SignalType,
    /// The value.
    pub value: String,
    /// Status after the change.
    pub status: HashStatus,
    /// The record's JSON after the change.
    pub record: String,
    /// The hash was purged: it no longer exists (`status` is `Deleted`).
    pub purged: bool,
}

/// One feedback given by a platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackInput {
    /// Signal type of the hash.
    pub signal_type: SignalType,
    /// Canonical hash value.
    pub value: String,
    /// What the platform reports.
    pub feedback: FeedbackValue,
    /// Free tags.
    pub tags: Vec<String>,
}

/// What applying feedback did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedbackOutcome {
    /// Feedbacks applied.
    pub applied: usize,
    /// Feedbacks about hashes the hub does not hold.
    pub unknown: usize,
    /// Hashes that this feedback put into quarantine.
    pub quarantined: Vec<String>,
}

/// What a purge run removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Cases deleted.
    pub cases: usize,
    /// Hash rows deleted (no case held them any more).
    pub hashes: usize,
}

/// An entry of the negative bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegativeEntry {
    /// Its type.
    pub signal_type: SignalType,
    /// The value.
    pub value: String,
    /// Why it is there.
    pub note: String,
    /// When it was added.
    pub added_at: i64,
}

/// An entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, seconds since the epoch.
    pub at: i64,
    /// Who: `platform:<name>`, `operator`, `system`.
    pub actor: String,
    /// What, e.g. `FetchHashes`, `platform.add`.
    pub action: String,
    /// Details as JSON (never a PIN, key or case number).
    pub detail: String,
}

/// Counts to add to a platform's usage of an endpoint on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageDelta {
    /// The platform.
    pub platform_id: i64,
    /// Day number since the epoch.
    pub day: i64,
    /// Endpoint name.
    pub endpoint: String,
    /// Calls.
    pub calls: i64,
    /// Items.
    pub items: i64,
    /// Matches found.
    pub hits: i64,
}

/// Figures about the whole store, for the operator and `/metrics`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Person cases by state: (active, withdrawn).
    pub person_cases: (i64, i64),
    /// Hashes by feed status, as (status name, count).
    pub hashes_by_status: Vec<(String, i64)>,
    /// Hashes in quarantine.
    pub quarantined: i64,
    /// Entries in the negative bank.
    pub negative_bank: i64,
    /// Platforms (not revoked).
    pub platforms: i64,
    /// Feedback by value over all platforms: (value, count).
    pub feedback_by_value: Vec<(String, i64)>,
    /// Last position of the feed.
    pub feed_seq: i64,
}

/// Per-platform figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlatformUsage {
    /// Per endpoint since `since_day`: (endpoint, calls, items, hits).
    pub endpoints: Vec<(String, i64, i64, i64)>,
    /// Feedback given by value: (value, count).
    pub feedback: Vec<(String, i64)>,
}

/// Persistence of the hub. Every method is one transaction: it happens whole or not at all.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Creates a case with its items, signals and hashes; returns its internal id.
    async fn create_case(&self, case: NewCase) -> Result<i64>;
    /// Credentials of the person case whose lookup key is `lookup`.
    async fn case_credentials(&self, lookup: &[u8; 32]) -> Result<Option<CaseCredentials>>;
    /// Counts a failed attempt on a case; locks it until `now + lockout_secs` at `max_failures`.
    async fn record_failed_attempt(
        &self,
        case_id: i64,
        now: i64,
        max_failures: i64,
        lockout_secs: i64,
    ) -> Result<()>;
    /// Clears the failed attempts of a case after a success.
    async fn reset_failed_attempts(&self, case_id: i64) -> Result<()>;
    /// The case with its items and reports.
    async fn case_view(&self, case_id: i64) -> Result<Option<CaseView>>;
    /// Withdraws a case: its hashes leave distribution now (unless another active case holds
    /// them), and the case is purged at `purge_at`. Returns false if it was already withdrawn.
    async fn withdraw_case(&self, case_id: i64, now: i64, purge_at: i64) -> Result<bool>;
    /// Deletes withdrawn cases whose purge time has come, and hashes no case holds any more.
    async fn purge_due(&self, now: i64) -> Result<PurgeReport>;

    /// A page of the feed.
    async fn feed_page(&self, start: FeedStart, limit: i64) -> Result<FeedPage>;
    /// Changes after position `after_seq`, by position, at most `limit`.
    async fn changes_since(&self, after_seq: i64, limit: i64) -> Result<Vec<HashChange>>;
    /// The last position handed out.
    async fn feed_head(&self) -> Result<i64>;

    /// Adds a platform with the SHA-256 of its key.
    async fn add_platform(
        &self,
        name: &str,
        key_hash: [u8; 32],
        key_prefix: &str,
        now: i64,
    ) -> Result<Platform>;
    /// Every platform, revoked ones included.
    async fn list_platforms(&self) -> Result<Vec<Platform>>;
    /// The platform whose key hashes to `key_hash`, if not revoked.
    async fn platform_by_key(&self, key_hash: &[u8; 32]) -> Result<Option<Platform>>;
    /// Key hashes of every platform that is not revoked, with the platform's id and name.
    async fn active_platform_keys(&self) -> Result<Vec<([u8; 32], i64, String)>>;
    /// Revokes a platform's key (by name). Returns false if there is no such platform.
    async fn revoke_platform(&self, name: &str, now: i64) -> Result<bool>;
    /// Replaces a platform's key (by name); un-revokes it.
    async fn rotate_platform_key(
        &self,
        name: &str,
        key_hash: [u8; 32],
        key_prefix: &str,
        now: i64,
    ) -> Result<Platform>;

    /// Applies feedback of a platform; quarantines a hash when `quarantine_threshold` distinct
    /// platforms report it `NotBlocked` (since its last release).
    async fn submit_feedback(
        &self,
        platform_id: i64,
        feedback: Vec<FeedbackInput>,
        now: i64,
        quarantine_threshold: i64,
    ) -> Result<FeedbackOutcome>;

    /// Adds an entry to the negative bank and takes every stored hash it matches (PDQ within
    /// `pdq_radius`, others exactly) out of distribution. Returns the number of hashes taken out.
    async fn negative_bank_add(
        &self,
        signal_type: SignalType,
        value: &str,
        note: &str,
        now: i64,
        pdq_radius: u32,
    ) -> Result<usize>;
    /// The negative bank.
    async fn negative_bank(&self) -> Result<Vec<NegativeEntry>>;
    /// Hashes in quarantine: (signal type, value).
    async fn quarantined(&self) -> Result<Vec<(SignalType, String)>>;
    /// Releases a hash from quarantine. Returns false if it was not quarantined.
    async fn quarantine_release(
        &self,
        signal_type: SignalType,
        value: &str,
        now: i64,
    ) -> Result<bool>;

    /// Appends entries to the audit log.
    async fn audit_append(&self, entries: Vec<AuditEntry>) -> Result<()>;
    /// The latest audit entries, newest first.
    async fn audit_recent(&self, limit: i64) -> Result<Vec<AuditEntry>>;
    /// Deletes audit entries older than `before`.
    async fn audit_prune(&self, before: i64) -> Result<u64>;
    /// Adds usage counts.
    async fn usage_add(&self, deltas: Vec<UsageDelta>) -> Result<()>;

    /// Whole-store figures.
    async fn stats(&self) -> Result<Stats>;
    /// One platform's figures since `since_day`.
    async fn platform_usage(&self, platform_id: i64, since_day: i64) -> Result<PlatformUsage>;

    /// Distributes many hashes at once under one operator import case (fast path for loading
    /// lists; values must be canonical). Returns the number of new hashes.
    async fn import_hashes(
        &self,
        public_id: &str,
        hashes: Vec<(SignalType, String)>,
        now: i64,
    ) -> Result<usize>;

    /// Checks the store's invariants; returns one sentence per violation (empty when sound).
    async fn check_invariants(&self) -> Result<Vec<String>>;
}

/// Opens the store at `url` (`sqlite:PATH`, `sqlite::memory:`, `postgres://...`), creating the
/// SQLite file if needed, and runs the migrations.
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::open(url).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(redact_url(url)))
    }
}

/// A database URL with its password replaced, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &credentials[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact_url("postgres://user:secret@host/db"),
            "postgres://user:***@host/db"
        );
        assert_eq!(
            super::redact_url("postgres://user@host/db"),
            "postgres://user@host/db"
        );
        assert_eq!(super::redact_url("sqlite:data/x.db"), "sqlite:data/x.db");
    }
}
