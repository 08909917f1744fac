//! The implementation shared by both backends.
//!
//! The SQL is written once, with `$1`-style parameters that both SQLite and PostgreSQL accept,
//! and instantiated for each backend's concrete sqlx types by [`shared_store_impl`]. A backend
//! provides `pool`, `begin_feed` (the serialised feed transaction) and `begin_write`.

use crate::{Result, StoreError};
use protocol::{FeedbackValue, HashStatus, SignalType};

/// `$start, $start+1, ...` for `count` parameters.
pub(crate) fn placeholders(start: usize, count: usize) -> String {
    (start..start + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn parse_signal_type(text: &str) -> Result<SignalType> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("signal type {text:?}")))
}

pub(crate) fn parse_status(text: &str) -> Result<HashStatus> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("hash status {text:?}")))
}

pub(crate) fn parse_feedback(text: &str) -> Result<FeedbackValue> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("feedback value {text:?}")))
}

pub(crate) fn parse_tags(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

/// The feed clock while a transaction hands out positions.
pub(crate) struct Clock {
    pub seq: i64,
    pub second: i64,
    pub in_second: i64,
}

impl Clock {
    /// The next position at wall time `now`: seconds never decrease, and at most
    /// `MAX_RECORDS_PER_SECOND` positions share one.
    pub fn next(&mut self, now: i64) -> (i64, i64) {
        if now > self.second {
            self.second = now;
            self.in_second = 0;
        }
        if self.in_second >= crate::MAX_RECORDS_PER_SECOND {
            self.second += 1;
            self.in_second = 0;
        }
        self.in_second += 1;
        self.seq += 1;
        (self.seq, self.second)
    }
}

/// Expands to the methods of [`crate::Store`] for a backend.
macro_rules! shared_store_impl {
    ($Store:ty, $Db:ty, $name:literal) => {
        #[allow(unused_imports)]
        use crate::backend::{
            parse_feedback, parse_signal_type, parse_status, parse_tags, placeholders, Clock,
        };
        #[allow(unused_imports)]
        use crate::{
            build_record, AuditEntry, CaseCredentials, CaseState, CaseView, FeedPage, FeedRecord,
            FeedStart, FeedbackInput, FeedbackOutcome, HashChange, ItemView, NegativeEntry,
            NewCase, Platform, PlatformReport, PlatformUsage, PurgeReport, SignalView, Stats,
            StoreError, UsageDelta,
        };
        #[allow(unused_imports)]
        use protocol::{FeedbackValue, HashStatus, SignalType};
        #[allow(unused_imports)]
        use sqlx::Row;
        #[allow(unused_imports)]
        use std::collections::{BTreeMap, HashMap};

        fn platform_from_row(row: &<$Db as sqlx::Database>::Row) -> Result<Platform> {
            Ok(Platform {
                id: row.try_get(0)?,
                name: row.try_get(1)?,
                key_prefix: row.try_get(2)?,
                created_at: row.try_get(3)?,
                rotated_at: row.try_get(4)?,
                revoked_at: row.try_get(5)?,
            })
        }

        fn map_unique(error: sqlx::Error, what: String) -> StoreError {
            match &error {
                sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
                _ => StoreError::Database(error),
            }
        }

        impl $Store {
            /// Gives each hash in `hash_ids` a new feed position and rebuilds its record;
            /// deletes hashes that no case holds any more. Returns the number deleted.
            /// Must run inside a `begin_feed` transaction.
            async fn restamp(
                tx: &mut sqlx::Transaction<'static, $Db>,
                hash_ids: &[i64],
                now: i64,
            ) -> Result<usize> {
                let mut ids = hash_ids.to_vec();
                ids.sort_unstable();
                ids.dedup();
                if ids.is_empty() {
                    return Ok(0);
                }
                let row = sqlx::query("SELECT seq, second, in_second FROM feed_clock WHERE id = 1")
                    .fetch_one(&mut **tx)
                    .await?;
                let mut clock = Clock {
                    seq: row.try_get(0)?,
                    second: row.try_get(1)?,
                    in_second: row.try_get(2)?,
                };
                let mut deleted = 0;
                for chunk in ids.chunks(400) {
                    let list = placeholders(1, chunk.len());
                    let sql = format!(
                        "SELECT id, signal_type, value, quarantined, excluded FROM hashes WHERE id IN ({list})"
                    );
                    let mut query = sqlx::query(&sql).persistent(false);
                    for id in chunk {
                        query = query.bind(*id);
                    }
                    let mut hashes = HashMap::new();
                    for row in query.fetch_all(&mut **tx).await? {
                        let id: i64 = row.try_get(0)?;
                        let signal_type: String = row.try_get(1)?;
                        let value: String = row.try_get(2)?;
                        let quarantined: bool = row.try_get(3)?;
                        let excluded: bool = row.try_get(4)?;
                        hashes.insert(id, (parse_signal_type(&signal_type)?, value, quarantined || excluded));
                    }

                    let sql = format!(
                        "SELECT DISTINCT s.hash_id, c.public_id, c.state FROM signals s \
                         JOIN items i ON i.id = s.item_id JOIN cases c ON c.id = i.case_id \
                         WHERE s.hash_id IN ({list})"
                    );
                    let mut query = sqlx::query(&sql).persistent(false);
                    for id in chunk {
                        query = query.bind(*id);
                    }
                    let mut holders: HashMap<i64, Vec<(String, HashStatus)>> = HashMap::new();
                    for row in query.fetch_all(&mut **tx).await? {
                        let id: i64 = row.try_get(0)?;
                        let public_id: String = row.try_get(1)?;
                        let state: String = row.try_get(2)?;
                        let status = if CaseState::parse(&state)? == CaseState::Active {
                            HashStatus::Active
                        } else {
                            HashStatus::Withdrawn
                        };
                        holders.entry(id).or_default().push((public_id, status));
                    }

                    let sql = format!(
                        "SELECT f.hash_id, p.name, f.value, f.tags FROM feedback f \
                         JOIN platforms p ON p.id = f.platform_id \
                         WHERE f.hash_id IN ({list}) ORDER BY p.name"
                    );
                    let mut query = sqlx::query(&sql).persistent(false);
                    for id in chunk {
                        query = query.bind(*id);
                    }
                    let mut feedback: HashMap<i64, Vec<(String, FeedbackValue, Vec<String>)>> =
                        HashMap::new();
                    for row in query.fetch_all(&mut **tx).await? {
                        let id: i64 = row.try_get(0)?;
                        let name: String = row.try_get(1)?;
                        let value: String = row.try_get(2)?;
                        let tags: String = row.try_get(3)?;
                        feedback.entry(id).or_default().push((
                            name,
                            parse_feedback(&value)?,
                            parse_tags(&tags),
                        ));
                    }

                    for id in chunk {
                        let Some((signal_type, value, held_back)) = hashes.get(id) else {
                            continue;
                        };
                        let cases = holders.remove(id).unwrap_or_default();
                        if cases.is_empty() {
                            sqlx::query("DELETE FROM hashes WHERE id = $1")
                                .bind(*id)
                                .execute(&mut **tx)
                                .await?;
                            let (seq, second) = clock.next(now);
                            let record =
                                build_record(second, *signal_type, value, HashStatus::Deleted, &[], &[]);
                            sqlx::query(
                                "INSERT INTO purged_hashes (seq, hash_id, signal_type, value, purged_at, record) \
                                 VALUES ($1, $2, $3, $4, $5, $6)",
                            )
                            .bind(seq)
                            .bind(*id)
                            .bind(signal_type.as_str())
                            .bind(value)
                            .bind(now)
                            .bind(record)
                            .execute(&mut **tx)
                            .await?;
                            deleted += 1;
                            continue;
                        }
                        let any_active = cases.iter().any(|(_, s)| *s == HashStatus::Active);
                        let status = match (any_active, held_back) {
                            (false, _) => HashStatus::Withdrawn,
                            (true, true) => HashStatus::Deleted,
                            (true, false) => HashStatus::Active,
                        };
                        let (seq, second) = clock.next(now);
                        let record = build_record(
                            second,
                            *signal_type,
                            value,
                            status,
                            &cases,
                            feedback.get(id).map(Vec::as_slice).unwrap_or(&[]),
                        );
                        sqlx::query(
                            "UPDATE hashes SET status = $1, feed_seq = $2, feed_second = $3, record = $4 WHERE id = $5",
                        )
                        .bind(status.as_str())
                        .bind(seq)
                        .bind(second)
                        .bind(record)
                        .bind(*id)
                        .execute(&mut **tx)
                        .await?;
                    }
                }
                sqlx::query("UPDATE feed_clock SET seq = $1, second = $2, in_second = $3 WHERE id = 1")
                    .bind(clock.seq)
                    .bind(clock.second)
                    .bind(clock.in_second)
                    .execute(&mut **tx)
                    .await?;
                Ok(deleted)
            }

            /// Records (or replaces) a platform's feedback on a hash.
            async fn upsert_feedback(
                tx: &mut sqlx::Transaction<'static, $Db>,
                hash_id: i64,
                platform_id: i64,
                value: FeedbackValue,
                tags: &[String],
                now: i64,
            ) -> Result<()> {
                let tags = serde_json::to_string(tags).expect("tags serialise");
                sqlx::query(
                    "INSERT INTO feedback (hash_id, platform_id, value, tags, epoch, first_at, updated_at) \
                     SELECT $1, $2, $3, $4, quarantine_epoch, $5, $5 FROM hashes WHERE id = $1 \
                     ON CONFLICT (hash_id, platform_id) DO UPDATE SET value = excluded.value, \
                     tags = excluded.tags, epoch = excluded.epoch, updated_at = excluded.updated_at",
                )
                .bind(hash_id)
                .bind(platform_id)
                .bind(value.as_str())
                .bind(tags)
                .bind(now)
                .execute(&mut **tx)
                .await?;
                Ok(())
            }

            async fn case_hash_ids(
                tx: &mut sqlx::Transaction<'static, $Db>,
                case_ids: &[i64],
            ) -> Result<Vec<i64>> {
                let list = placeholders(1, case_ids.len());
                let sql = format!(
                    "SELECT DISTINCT s.hash_id FROM signals s JOIN items i ON i.id = s.item_id \
                     WHERE i.case_id IN ({list})"
                );
                let mut query = sqlx::query(&sql).persistent(false);
                for id in case_ids {
                    query = query.bind(*id);
                }
                let mut ids = Vec::new();
                for row in query.fetch_all(&mut **tx).await? {
                    ids.push(row.try_get::<i64, _>(0)?);
                }
                Ok(ids)
            }
        }

        #[async_trait::async_trait]
        impl crate::Store for $Store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn create_case(&self, case: NewCase) -> Result<i64> {
                if case.items.is_empty() || case.items.iter().any(|i| i.signals.is_empty()) {
                    return Err(StoreError::Conflict(
                        "a case needs items, and every item a signal".into(),
                    ));
                }
                let mut tx = self.begin_feed().await?;
                let case_id: i64 = sqlx::query(
                    "INSERT INTO cases (origin, lookup, public_id, pin_hash, platform_id, state, created_at, item_count) \
                     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7) RETURNING id",
                )
                .bind(case.origin.as_str())
                .bind(case.lookup.map(|l| l.to_vec()))
                .bind(&case.public_id)
                .bind(&case.pin_hash)
                .bind(case.platform_id)
                .bind(case.created_at)
                .bind(case.items.len() as i64)
                .fetch_one(&mut *tx)
                .await
                .map_err(|e| map_unique(e, "case number or public id already taken".into()))?
                .try_get(0)?;
                let mut touched = Vec::new();
                let mut item_hashes = Vec::with_capacity(case.items.len());
                for (position, item) in case.items.iter().enumerate() {
                    let item_id: i64 = sqlx::query(
                        "INSERT INTO items (case_id, position, kind) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(case_id)
                    .bind(position as i64)
                    .bind(&item.kind)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                    let mut hash_ids = Vec::new();
                    for signal in &item.signals {
                        let hash_id: i64 = sqlx::query(
                            "INSERT INTO hashes (signal_type, value, status, created_at, feed_seq, feed_second, record) \
                             VALUES ($1, $2, 'Active', $3, 0, 0, '') \
                             ON CONFLICT (signal_type, value) DO UPDATE SET value = excluded.value RETURNING id",
                        )
                        .bind(signal.signal_type.as_str())
                        .bind(&signal.value)
                        .bind(case.created_at)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?;
                        sqlx::query(
                            "INSERT INTO signals (item_id, hash_id, convention, quality) VALUES ($1, $2, $3, $4)",
                        )
                        .bind(item_id)
                        .bind(hash_id)
                        .bind(&signal.convention)
                        .bind(signal.quality)
                        .execute(&mut *tx)
                        .await?;
                        hash_ids.push(hash_id);
                        touched.push(hash_id);
                    }
                    item_hashes.push(hash_ids);
                }
                if let Some(platform_id) = case.platform_id {
                    for (index, value, tags) in &case.platform_feedback {
                        for hash_id in item_hashes.get(*index).into_iter().flatten() {
                            Self::upsert_feedback(&mut tx, *hash_id, platform_id, *value, tags, case.created_at)
                                .await?;
                        }
                    }
                }
                Self::restamp(&mut tx, &touched, case.created_at).await?;
                tx.commit().await?;
                Ok(case_id)
            }

            async fn case_credentials(&self, lookup: &[u8; 32]) -> Result<Option<CaseCredentials>> {
                let row = sqlx::query(
                    "SELECT id, pin_hash, failed_attempts, locked_until FROM cases \
                     WHERE lookup = $1 AND origin = 'person'",
                )
                .bind(lookup.to_vec())
                .fetch_optional(&self.pool)
                .await?;
                let Some(row) = row else { return Ok(None) };
                let pin_hash: Option<String> = row.try_get(1)?;
                Ok(Some(CaseCredentials {
                    id: row.try_get(0)?,
                    pin_hash: pin_hash
                        .ok_or_else(|| StoreError::Corrupt("person case without a PIN".into()))?,
                    failed_attempts: row.try_get(2)?,
                    locked_until: row.try_get(3)?,
                }))
            }

            async fn record_failed_attempt(
                &self,
                case_id: i64,
                now: i64,
                max_failures: i64,
                lockout_secs: i64,
            ) -> Result<()> {
                // One statement, so concurrent failures are all counted. A lock that has run out
                // starts a fresh count.
                sqlx::query(
                    "UPDATE cases SET \
                     failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 \
                                            ELSE failed_attempts + 1 END, \
                     locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL \
                                         WHEN failed_attempts + 1 >= $3 THEN $4 ELSE locked_until END \
                     WHERE id = $1",
                )
                .bind(case_id)
                .bind(now)
                .bind(max_failures)
                .bind(now + lockout_secs)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn reset_failed_attempts(&self, case_id: i64) -> Result<()> {
                sqlx::query(
                    "UPDATE cases SET failed_attempts = 0, locked_until = NULL \
                     WHERE id = $1 AND (failed_attempts <> 0 OR locked_until IS NOT NULL)",
                )
                .bind(case_id)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn case_view(&self, case_id: i64) -> Result<Option<CaseView>> {
                // One read transaction, so the case, its items and reports are one snapshot.
                let mut tx = self.pool.begin().await?;
                let Some(row) = sqlx::query(
                    "SELECT state, created_at, withdrawn_at, purge_at FROM cases WHERE id = $1",
                )
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?
                else {
                    return Ok(None);
                };
                let state: String = row.try_get(0)?;
                let mut view = CaseView {
                    state: CaseState::parse(&state)?,
                    created_at: row.try_get(1)?,
                    withdrawn_at: row.try_get(2)?,
                    purge_at: row.try_get(3)?,
                    items: Vec::new(),
                };
                let rows = sqlx::query(
                    "SELECT i.position, i.kind, s.convention, s.quality, h.signal_type, h.value, h.status, h.id \
                     FROM items i JOIN signals s ON s.item_id = i.id JOIN hashes h ON h.id = s.hash_id \
                     WHERE i.case_id = $1 ORDER BY i.position, s.id",
                )
                .bind(case_id)
                .fetch_all(&mut *tx)
                .await?;
                let mut item_of_hash: HashMap<i64, Vec<usize>> = HashMap::new();
                for row in rows {
                    let position: i64 = row.try_get(0)?;
                    if view.items.last().map(|i| i.position) != Some(position) {
                        view.items.push(ItemView {
                            position,
                            kind: row.try_get(1)?,
                            signals: Vec::new(),
                            reports: Vec::new(),
                        });
                    }
                    let index = view.items.len() - 1;
                    let signal_type: String = row.try_get(4)?;
                    let status: String = row.try_get(6)?;
                    view.items[index].signals.push(SignalView {
                        signal_type: parse_signal_type(&signal_type)?,
                        value: row.try_get(5)?,
                        convention: row.try_get(2)?,
                        quality: row.try_get(3)?,
                        status: parse_status(&status)?,
                    });
                    item_of_hash.entry(row.try_get(7)?).or_default().push(index);
                }
                let rows = sqlx::query(
                    "SELECT f.hash_id, p.name, f.value, f.first_at, f.updated_at FROM feedback f \
                     JOIN platforms p ON p.id = f.platform_id \
                     WHERE f.hash_id IN (SELECT s.hash_id FROM signals s JOIN items i ON i.id = s.item_id WHERE i.case_id = $1) \
                     ORDER BY f.updated_at",
                )
                .bind(case_id)
                .fetch_all(&mut *tx)
                .await?;
                for row in rows {
                    let hash_id: i64 = row.try_get(0)?;
                    let platform: String = row.try_get(1)?;
                    let value: String = row.try_get(2)?;
                    let report = PlatformReport {
                        platform,
                        value: parse_feedback(&value)?,
                        first_at: row.try_get(3)?,
                        updated_at: row.try_get(4)?,
                    };
                    for &index in item_of_hash.get(&hash_id).into_iter().flatten() {
                        let reports = &mut view.items[index].reports;
                        // Rows come oldest first: a later report of the same platform on another
                        // of the item's hashes replaces the earlier one, keeping the first date.
                        match reports.iter_mut().find(|r| r.platform == report.platform) {
                            Some(existing) => {
                                existing.value = report.value;
                                existing.updated_at = report.updated_at;
                                existing.first_at = existing.first_at.min(report.first_at);
                            }
                            None => reports.push(report.clone()),
                        }
                    }
                }
                tx.commit().await?;
                Ok(Some(view))
            }

            async fn withdraw_case(&self, case_id: i64, now: i64, purge_at: i64) -> Result<bool> {
                let mut tx = self.begin_feed().await?;
                let changed = sqlx::query(
                    "UPDATE cases SET state = 'withdrawn', withdrawn_at = $2, purge_at = $3 \
                     WHERE id = $1 AND state = 'active'",
                )
                .bind(case_id)
                .bind(now)
                .bind(purge_at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if changed == 0 {
                    tx.rollback().await?;
                    return Ok(false);
                }
                let hash_ids = Self::case_hash_ids(&mut tx, &[case_id]).await?;
                Self::restamp(&mut tx, &hash_ids, now).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn purge_due(&self, now: i64) -> Result<PurgeReport> {
                let mut report = PurgeReport::default();
                loop {
                    let mut tx = self.begin_feed().await?;
                    let mut case_ids = Vec::new();
                    for row in sqlx::query(
                        "SELECT id FROM cases WHERE purge_at IS NOT NULL AND purge_at <= $1 \
                         ORDER BY purge_at LIMIT 200",
                    )
                    .bind(now)
                    .fetch_all(&mut *tx)
                    .await?
                    {
                        case_ids.push(row.try_get::<i64, _>(0)?);
                    }
                    if case_ids.is_empty() {
                        // Purge markers only need to outlive the hub processes' polling.
                        sqlx::query("DELETE FROM purged_hashes WHERE purged_at < $1")
                            .bind(now - 86_400)
                            .execute(&mut *tx)
                            .await?;
                        tx.commit().await?;
                        return Ok(report);
                    }
                    let hash_ids = Self::case_hash_ids(&mut tx, &case_ids).await?;
                    let list = placeholders(1, case_ids.len());
                    let sql = format!("DELETE FROM cases WHERE id IN ({list})");
                    let mut query = sqlx::query(&sql).persistent(false);
                    for id in &case_ids {
                        query = query.bind(*id);
                    }
                    query.execute(&mut *tx).await?;
                    report.cases += case_ids.len();
                    report.hashes += Self::restamp(&mut tx, &hash_ids, now).await?;
                    tx.commit().await?;
                }
            }

            async fn feed_page(&self, start: FeedStart, limit: i64) -> Result<FeedPage> {
                let (sql, bound) = match start {
                    FeedStart::AfterSeq(seq) => (
                        "SELECT feed_seq, feed_second, record FROM hashes WHERE feed_seq > $1 \
                         ORDER BY feed_seq LIMIT $2",
                        seq,
                    ),
                    // Seconds never decrease along positions, so the records of this second
                    // and later are exactly those from the first position with such a second
                    // on: one index probe, then a range scan (no sort of everything since).
                    FeedStart::FromSecond(second) => (
                        "SELECT feed_seq, feed_second, record FROM hashes WHERE feed_seq >= \
                         (SELECT feed_seq FROM hashes WHERE feed_second >= $1 \
                          ORDER BY feed_second, feed_seq LIMIT 1) \
                         ORDER BY feed_seq LIMIT $2",
                        second,
                    ),
                };
                let rows = sqlx::query(sql)
                    .bind(bound)
                    .bind(limit + 1)
                    .fetch_all(&self.pool)
                    .await?;
                let has_more = rows.len() as i64 > limit;
                let mut records = Vec::with_capacity(rows.len());
                for row in rows.into_iter().take(limit as usize) {
                    records.push(FeedRecord {
                        seq: row.try_get(0)?,
                        second: row.try_get(1)?,
                        record: row.try_get(2)?,
                    });
                }
                Ok(FeedPage { records, has_more })
            }

            async fn changes_since(&self, after_seq: i64, limit: i64) -> Result<Vec<HashChange>> {
                let rows = sqlx::query(
                    "SELECT id, feed_seq, signal_type, value, status, record, 0 FROM hashes WHERE feed_seq > $1 \
                     UNION ALL \
                     SELECT hash_id, seq, signal_type, value, 'Deleted', record, 1 FROM purged_hashes WHERE seq > $1 \
                     ORDER BY 2 LIMIT $2",
                )
                .bind(after_seq)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                let mut changes = Vec::with_capacity(rows.len());
                for row in rows {
                    let signal_type: String = row.try_get(2)?;
                    let status: String = row.try_get(4)?;
                    changes.push(HashChange {
                        hash_id: row.try_get(0)?,
                        seq: row.try_get(1)?,
                        signal_type: parse_signal_type(&signal_type)?,
                        value: row.try_get(3)?,
                        status: parse_status(&status)?,
                        record: row.try_get(5)?,
                        purged: row.try_get::<i32, _>(6)? == 1,
                    });
                }
                Ok(changes)
            }

            async fn feed_head(&self) -> Result<i64> {
                Ok(sqlx::query("SELECT seq FROM feed_clock WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await?
                    .try_get(0)?)
            }

            async fn add_platform(
                &self,
                name: &str,
                key_hash: [u8; 32],
                key_prefix: &str,
                now: i64,
            ) -> Result<Platform> {
                let row = sqlx::query(
                    "INSERT INTO platforms (name, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4) \
                     RETURNING id, name, key_prefix, created_at, rotated_at, revoked_at",
                )
                .bind(name)
                .bind(key_hash.to_vec())
                .bind(key_prefix)
                .bind(now)
                .fetch_one(&self.pool)
                .await
                .map_err(|e| map_unique(e, format!("a platform named {name:?} already exists")))?;
                platform_from_row(&row)
            }

            async fn list_platforms(&self) -> Result<Vec<Platform>> {
                let rows = sqlx::query(
                    "SELECT id, name, key_prefix, created_at, rotated_at, revoked_at FROM platforms ORDER BY name",
                )
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(platform_from_row).collect()
            }

            async fn platform_by_key(&self, key_hash: &[u8; 32]) -> Result<Option<Platform>> {
                let row = sqlx::query(
                    "SELECT id, name, key_prefix, created_at, rotated_at, revoked_at FROM platforms \
                     WHERE key_hash = $1 AND revoked_at IS NULL",
                )
                .bind(key_hash.to_vec())
                .fetch_optional(&self.pool)
                .await?;
                row.as_ref().map(platform_from_row).transpose()
            }

            async fn active_platform_keys(&self) -> Result<Vec<([u8; 32], i64, String)>> {
                let rows = sqlx::query(
                    "SELECT key_hash, id, name FROM platforms WHERE revoked_at IS NULL",
                )
                .fetch_all(&self.pool)
                .await?;
                let mut keys = Vec::with_capacity(rows.len());
                for row in rows {
                    let hash: Vec<u8> = row.try_get(0)?;
                    let hash: [u8; 32] = hash
                        .try_into()
                        .map_err(|_| StoreError::Corrupt("platform key hash length".into()))?;
                    keys.push((hash, row.try_get(1)?, row.try_get(2)?));
                }
                Ok(keys)
            }

            async fn revoke_platform(&self, name: &str, now: i64) -> Result<bool> {
                let changed = sqlx::query(
                    "UPDATE platforms SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
                )
                .bind(name)
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected();
                Ok(changed > 0)
            }

            async fn rotate_platform_key(
                &self,
                name: &str,
                key_hash: [u8; 32],
                key_prefix: &str,
                now: i64,
            ) -> Result<Platform> {
                let row = sqlx::query(
                    "UPDATE platforms SET key_hash = $2, key_prefix = $3, rotated_at = $4, revoked_at = NULL \
                     WHERE name = $1 RETURNING id, name, key_prefix, created_at, rotated_at, revoked_at",
                )
                .bind(name)
                .bind(key_hash.to_vec())
                .bind(key_prefix)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?;
                match row {
                    Some(row) => platform_from_row(&row),
                    None => Err(StoreError::NotFound(format!("platform {name:?}"))),
                }
            }

            async fn submit_feedback(
                &self,
                platform_id: i64,
                feedback: Vec<FeedbackInput>,
                now: i64,
                quarantine_threshold: i64,
            ) -> Result<FeedbackOutcome> {
                let mut outcome = FeedbackOutcome::default();
                let mut tx = self.begin_feed().await?;
                let mut touched = Vec::new();
                for item in &feedback {
                    let row = sqlx::query(
                        "SELECT id, quarantined, quarantine_epoch FROM hashes WHERE signal_type = $1 AND value = $2",
                    )
                    .bind(item.signal_type.as_str())
                    .bind(&item.value)
                    .fetch_optional(&mut *tx)
                    .await?;
                    let Some(row) = row else {
                        outcome.unknown += 1;
                        continue;
                    };
                    let hash_id: i64 = row.try_get(0)?;
                    let quarantined: bool = row.try_get(1)?;
                    let epoch: i64 = row.try_get(2)?;
                    Self::upsert_feedback(&mut tx, hash_id, platform_id, item.feedback, &item.tags, now)
                        .await?;
                    outcome.applied += 1;
                    touched.push(hash_id);
                    if item.feedback == FeedbackValue::NotBlocked && !quarantined {
                        let count: i64 = sqlx::query(
                            "SELECT COUNT(*) FROM feedback WHERE hash_id = $1 AND value = 'NotBlocked' AND epoch = $2",
                        )
                        .bind(hash_id)
                        .bind(epoch)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?;
                        if count >= quarantine_threshold {
                            sqlx::query("UPDATE hashes SET quarantined = TRUE WHERE id = $1")
                                .bind(hash_id)
                                .execute(&mut *tx)
                                .await?;
                            outcome.quarantined.push(item.value.clone());
                        }
                    }
                }
                Self::restamp(&mut tx, &touched, now).await?;
                tx.commit().await?;
                Ok(outcome)
            }

            async fn negative_bank_add(
                &self,
                signal_type: SignalType,
                value: &str,
                note: &str,
                now: i64,
                pdq_radius: u32,
            ) -> Result<usize> {
                let mut tx = self.begin_feed().await?;
                sqlx::query(
                    "INSERT INTO negative_bank (signal_type, value, note, added_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (signal_type, value) DO NOTHING",
                )
                .bind(signal_type.as_str())
                .bind(value)
                .bind(note)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let mut hit = Vec::new();
                if signal_type == SignalType::ImagePdq {
                    let target = pdq::PdqHash::from_hex(value)
                        .map_err(|e| StoreError::Conflict(e.to_string()))?;
                    let rows = sqlx::query(
                        "SELECT id, value FROM hashes WHERE signal_type = 'ImagePDQ' AND excluded = FALSE",
                    )
                    .fetch_all(&mut *tx)
                    .await?;
                    for row in rows {
                        let stored: String = row.try_get(1)?;
                        if let Ok(hash) = pdq::PdqHash::from_hex(&stored) {
                            if hash.distance(&target) <= pdq_radius {
                                hit.push(row.try_get::<i64, _>(0)?);
                            }
                        }
                    }
                } else {
                    for row in sqlx::query(
                        "SELECT id FROM hashes WHERE signal_type = $1 AND value = $2 AND excluded = FALSE",
                    )
                    .bind(signal_type.as_str())
                    .bind(value)
                    .fetch_all(&mut *tx)
                    .await?
                    {
                        hit.push(row.try_get::<i64, _>(0)?);
                    }
                }
                for id in &hit {
                    sqlx::query("UPDATE hashes SET excluded = TRUE WHERE id = $1")
                        .bind(*id)
                        .execute(&mut *tx)
                        .await?;
                }
                Self::restamp(&mut tx, &hit, now).await?;
                tx.commit().await?;
                Ok(hit.len())
            }

            async fn negative_bank(&self) -> Result<Vec<NegativeEntry>> {
                let rows = sqlx::query(
                    "SELECT signal_type, value, note, added_at FROM negative_bank ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await?;
                let mut entries = Vec::with_capacity(rows.len());
                for row in rows {
                    let signal_type: String = row.try_get(0)?;
                    entries.push(NegativeEntry {
                        signal_type: parse_signal_type(&signal_type)?,
                        value: row.try_get(1)?,
                        note: row.try_get(2)?,
                        added_at: row.try_get(3)?,
                    });
                }
                Ok(entries)
            }

            async fn quarantined(&self) -> Result<Vec<(SignalType, String)>> {
                let rows = sqlx::query(
                    "SELECT signal_type, value FROM hashes WHERE quarantined = TRUE ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await?;
                let mut hashes = Vec::with_capacity(rows.len());
                for row in rows {
                    let signal_type: String = row.try_get(0)?;
                    hashes.push((parse_signal_type(&signal_type)?, row.try_get(1)?));
                }
                Ok(hashes)
            }

            async fn quarantine_release(
                &self,
                signal_type: SignalType,
                value: &str,
                now: i64,
            ) -> Result<bool> {
                let mut tx = self.begin_feed().await?;
                let row = sqlx::query(
                    "UPDATE hashes SET quarantined = FALSE, quarantine_epoch = quarantine_epoch + 1 \
                     WHERE signal_type = $1 AND value = $2 AND quarantined = TRUE RETURNING id",
                )
                .bind(signal_type.as_str())
                .bind(value)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else {
                    tx.rollback().await?;
                    return Ok(false);
                };
                let id: i64 = row.try_get(0)?;
                Self::restamp(&mut tx, &[id], now).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn audit_append(&self, entries: Vec<AuditEntry>) -> Result<()> {
                if entries.is_empty() {
                    return Ok(());
                }
                let mut tx = self.begin_write().await?;
                for chunk in entries.chunks(250) {
                    let values = (0..chunk.len())
                        .map(|i| format!("(${}, ${}, ${}, ${})", 4 * i + 1, 4 * i + 2, 4 * i + 3, 4 * i + 4))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!("INSERT INTO audit_log (at, actor, action, detail) VALUES {values}");
                    let mut query = sqlx::query(&sql).persistent(chunk.len() == 250);
                    for entry in chunk {
                        query = query
                            .bind(entry.at)
                            .bind(&entry.actor)
                            .bind(&entry.action)
                            .bind(&entry.detail);
                    }
                    query.execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn audit_recent(&self, limit: i64) -> Result<Vec<AuditEntry>> {
                let rows = sqlx::query(
                    "SELECT at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT $1",
                )
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                let mut entries = Vec::with_capacity(rows.len());
                for row in rows {
                    entries.push(AuditEntry {
                        at: row.try_get(0)?,
                        actor: row.try_get(1)?,
                        action: row.try_get(2)?,
                        detail: row.try_get(3)?,
                    });
                }
                Ok(entries)
            }

            async fn audit_prune(&self, before: i64) -> Result<u64> {
                Ok(sqlx::query("DELETE FROM audit_log WHERE at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await?
                    .rows_affected())
            }

            async fn usage_add(&self, deltas: Vec<UsageDelta>) -> Result<()> {
                if deltas.is_empty() {
                    return Ok(());
                }
                let mut tx = self.begin_write().await?;
                for delta in &deltas {
                    sqlx::query(
                        "INSERT INTO platform_usage (platform_id, day, endpoint, calls, items, hits) \
                         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (platform_id, day, endpoint) DO UPDATE SET \
                         calls = platform_usage.calls + excluded.calls, items = platform_usage.items + excluded.items, \
                         hits = platform_usage.hits + excluded.hits",
                    )
                    .bind(delta.platform_id)
                    .bind(delta.day)
                    .bind(&delta.endpoint)
                    .bind(delta.calls)
                    .bind(delta.items)
                    .bind(delta.hits)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn stats(&self) -> Result<Stats> {
                let mut tx = self.pool.begin().await?;
                let mut stats = Stats::default();
                let row = sqlx::query(
                    "SELECT COALESCE(CAST(SUM(CASE WHEN state = 'active' THEN 1 ELSE 0 END) AS BIGINT), 0), \
                     COALESCE(CAST(SUM(CASE WHEN state = 'withdrawn' THEN 1 ELSE 0 END) AS BIGINT), 0) \
                     FROM cases WHERE origin = 'person'",
                )
                .fetch_one(&mut *tx)
                .await?;
                stats.person_cases = (row.try_get(0)?, row.try_get(1)?);
                for row in sqlx::query("SELECT status, COUNT(*) FROM hashes GROUP BY status ORDER BY status")
                    .fetch_all(&mut *tx)
                    .await?
                {
                    stats.hashes_by_status.push((row.try_get(0)?, row.try_get(1)?));
                }
                stats.quarantined = sqlx::query("SELECT COUNT(*) FROM hashes WHERE quarantined = TRUE")
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                stats.negative_bank = sqlx::query("SELECT COUNT(*) FROM negative_bank")
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                stats.platforms = sqlx::query("SELECT COUNT(*) FROM platforms WHERE revoked_at IS NULL")
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                for row in sqlx::query("SELECT value, COUNT(*) FROM feedback GROUP BY value ORDER BY value")
                    .fetch_all(&mut *tx)
                    .await?
                {
                    stats.feedback_by_value.push((row.try_get(0)?, row.try_get(1)?));
                }
                stats.feed_seq = sqlx::query("SELECT seq FROM feed_clock WHERE id = 1")
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                tx.commit().await?;
                Ok(stats)
            }

            async fn platform_usage(&self, platform_id: i64, since_day: i64) -> Result<PlatformUsage> {
                let mut usage = PlatformUsage::default();
                for row in sqlx::query(
                    "SELECT endpoint, CAST(SUM(calls) AS BIGINT), CAST(SUM(items) AS BIGINT), CAST(SUM(hits) AS BIGINT) \
                     FROM platform_usage WHERE platform_id = $1 AND day >= $2 GROUP BY endpoint ORDER BY endpoint",
                )
                .bind(platform_id)
                .bind(since_day)
                .fetch_all(&self.pool)
                .await?
                {
                    usage.endpoints.push((
                        row.try_get(0)?,
                        row.try_get(1)?,
                        row.try_get(2)?,
                        row.try_get(3)?,
                    ));
                }
                for row in sqlx::query(
                    "SELECT value, COUNT(*) FROM feedback WHERE platform_id = $1 GROUP BY value ORDER BY value",
                )
                .bind(platform_id)
                .fetch_all(&self.pool)
                .await?
                {
                    usage.feedback.push((row.try_get(0)?, row.try_get(1)?));
                }
                Ok(usage)
            }

            async fn import_hashes(
                &self,
                public_id: &str,
                hashes: Vec<(SignalType, String)>,
                now: i64,
            ) -> Result<usize> {
                // In value order, once each: the unique index on (signal_type, value) then takes
                // the rows in its own order, touching each of its pages once instead of a
                // random page per row (with a million rows, the difference between seconds and
                // a minute of page cache misses). The order of an import's hashes in the feed
                // carries no meaning.
                let mut hashes = hashes;
                hashes.sort_unstable_by(|a, b| {
                    (a.0.as_str(), a.1.as_str()).cmp(&(b.0.as_str(), b.1.as_str()))
                });
                hashes.dedup();
                if hashes.is_empty() {
                    return Ok(0);
                }
                let mut tx = self.begin_feed().await?;
                let case_id: i64 = sqlx::query(
                    "INSERT INTO cases (origin, public_id, state, created_at, item_count) \
                     VALUES ('import', $1, 'active', $2, 1) RETURNING id",
                )
                .bind(public_id)
                .bind(now)
                .fetch_one(&mut *tx)
                .await
                .map_err(|e| map_unique(e, "public id already taken".into()))?
                .try_get(0)?;
                let item_id: i64 = sqlx::query(
                    "INSERT INTO items (case_id, position, kind) VALUES ($1, 0, 'import') RETURNING id",
                )
                .bind(case_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
                let row = sqlx::query("SELECT seq, second, in_second FROM feed_clock WHERE id = 1")
                    .fetch_one(&mut *tx)
                    .await?;
                let mut clock = Clock {
                    seq: row.try_get(0)?,
                    second: row.try_get(1)?,
                    in_second: row.try_get(2)?,
                };
                let holders = [(public_id.to_string(), HashStatus::Active)];
                let mut added = 0;
                const CHUNK: usize = 1000;
                let insert = |rows: usize| {
                    let values = (0..rows)
                        .map(|i| {
                            if $name == "sqlite" {
                                // Anonymous parameters: SQLite finds a named one (`$7`) by a
                                // linear search of the statement's names, and sqlx asks for the
                                // name of every parameter it binds, which made a 6000-parameter
                                // statement quadratic (a minute per million rows).
                                "(?, ?, 'Active', ?, ?, ?, ?)".to_string()
                            } else {
                                let b = 6 * i;
                                format!("(${}, ${}, 'Active', ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6)
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    format!(
                        "INSERT INTO hashes (signal_type, value, status, created_at, feed_seq, feed_second, record) \
                         VALUES {values} ON CONFLICT (signal_type, value) DO NOTHING"
                    )
                };
                // One statement text for every full chunk: prepared once, reused.
                let full_chunk = insert(CHUNK);
                for chunk in hashes.chunks(CHUNK) {
                    let first_seq = clock.seq + 1;
                    let last_chunk;
                    let sql = if chunk.len() == CHUNK {
                        &full_chunk
                    } else {
                        last_chunk = insert(chunk.len());
                        &last_chunk
                    };
                    let mut query = sqlx::query(sql).persistent(chunk.len() == CHUNK);
                    for (signal_type, value) in chunk {
                        let (seq, second) = clock.next(now);
                        let record =
                            build_record(second, *signal_type, value, HashStatus::Active, &holders, &[]);
                        query = query
                            .bind(signal_type.as_str())
                            .bind(value)
                            .bind(now)
                            .bind(seq)
                            .bind(second)
                            .bind(record);
                    }
                    query.execute(&mut *tx).await?;
                    // The rows just inserted are exactly those at the positions just handed out
                    // (values already present kept their older positions).
                    added += sqlx::query(
                        "INSERT INTO signals (item_id, hash_id) SELECT $1, id FROM hashes \
                         WHERE feed_seq >= $2 AND feed_seq <= $3",
                    )
                    .bind(item_id)
                    .bind(first_seq)
                    .bind(clock.seq)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected() as usize;
                }
                if added == 0 {
                    // Every value was already distributed: leave no empty import case behind.
                    tx.rollback().await?;
                    return Ok(0);
                }
                sqlx::query("UPDATE feed_clock SET seq = $1, second = $2, in_second = $3 WHERE id = 1")
                    .bind(clock.seq)
                    .bind(clock.second)
                    .bind(clock.in_second)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(added)
            }

            async fn check_invariants(&self) -> Result<Vec<String>> {
                let mut tx = self.pool.begin().await?;
                let mut problems = Vec::new();
                let checks: &[(&str, &str)] = &[
                    (
                        "SELECT c.id FROM cases c WHERE c.item_count <> (SELECT COUNT(*) FROM items i WHERE i.case_id = c.id)",
                        "case has a different number of items than it was created with",
                    ),
                    (
                        "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM signals s WHERE s.item_id = i.id)",
                        "item without signals",
                    ),
                    (
                        "SELECT h.id FROM hashes h WHERE NOT EXISTS (SELECT 1 FROM signals s WHERE s.hash_id = h.id)",
                        "hash held by no case",
                    ),
                    (
                        "SELECT s.id FROM signals s WHERE NOT EXISTS (SELECT 1 FROM hashes h WHERE h.id = s.hash_id)",
                        "signal pointing to a missing hash",
                    ),
                    (
                        "SELECT id FROM hashes WHERE feed_seq <= 0 OR record = '' OR feed_seq > (SELECT seq FROM feed_clock WHERE id = 1)",
                        "hash without a valid feed position",
                    ),
                    (
                        "SELECT MIN(id) FROM hashes GROUP BY feed_seq HAVING COUNT(*) > 1",
                        "two hashes share a feed position",
                    ),
                    (
                        "SELECT id FROM cases WHERE origin = 'person' AND (lookup IS NULL OR pin_hash IS NULL)",
                        "person case without credentials",
                    ),
                    (
                        "SELECT id FROM cases WHERE (state = 'withdrawn') <> (withdrawn_at IS NOT NULL)",
                        "case state and withdrawal date disagree",
                    ),
                ];
                for (sql, what) in checks {
                    for row in sqlx::query(sql).fetch_all(&mut *tx).await? {
                        let id: i64 = row.try_get(0)?;
                        problems.push(format!("{what} (id {id})"));
                    }
                }
                // Every hash's status and record agree with the cases that hold it.
                let rows = sqlx::query(
                    "SELECT h.id, h.status, h.quarantined, h.excluded, h.record, h.value, h.feed_second, \
                     CAST(MAX(CASE WHEN c.state = 'active' THEN 1 ELSE 0 END) AS BIGINT) \
                     FROM hashes h JOIN signals s ON s.hash_id = h.id JOIN items i ON i.id = s.item_id \
                     JOIN cases c ON c.id = i.case_id \
                     GROUP BY h.id, h.status, h.quarantined, h.excluded, h.record, h.value, h.feed_second",
                )
                .fetch_all(&mut *tx)
                .await?;
                for row in rows {
                    let id: i64 = row.try_get(0)?;
                    let status: String = row.try_get(1)?;
                    let held_back: bool = row.try_get::<bool, _>(2)? || row.try_get::<bool, _>(3)?;
                    let record: String = row.try_get(4)?;
                    let value: String = row.try_get(5)?;
                    let second: i64 = row.try_get(6)?;
                    let any_active: i64 = row.try_get(7)?;
                    let expected = match (any_active == 1, held_back) {
                        (false, _) => "Withdrawn",
                        (true, true) => "Deleted",
                        (true, false) => "Active",
                    };
                    if status != expected {
                        problems.push(format!("hash {id} has status {status}, its cases say {expected}"));
                    }
                    match serde_json::from_str::<protocol::HashRecord>(&record) {
                        Ok(parsed) => {
                            if parsed.hash_status.as_str() != status
                                || parsed.hash_value != value
                                || parsed.last_mod_timestamp != second
                            {
                                problems.push(format!("hash {id}: record disagrees with its row"));
                            }
                        }
                        Err(error) => problems.push(format!("hash {id}: unreadable record ({error})")),
                    }
                }
                tx.commit().await?;
                Ok(problems)
            }
        }
    };
}

pub(crate) use shared_store_impl;
