//! The store's behaviour, each test on SQLite and on PostgreSQL.

use protocol::{FeedbackValue, HashRecord, HashStatus, SignalType};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use store::testing::{TestDatabase, sample_pdq_hex as pdq};
use store::{CaseOrigin, CaseState, FeedStart, FeedbackInput, NewCase, NewItem, NewSignal, Store};

/// Runs `body` against a fresh SQLite store and a fresh PostgreSQL store.
macro_rules! on_both {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = TestDatabase::sqlite();
                let store = store::open(&db.url).await.unwrap();
                let body = $body;
                body(store.clone()).await;
                assert_eq!(
                    store.check_invariants().await.unwrap(),
                    Vec::<String>::new()
                );
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(db) = TestDatabase::postgres().await else {
                    return;
                };
                let store = store::open(&db.url).await.unwrap();
                let body = $body;
                body(store.clone()).await;
                assert_eq!(
                    store.check_invariants().await.unwrap(),
                    Vec::<String>::new()
                );
            }
        }
    };
}

fn person_case(public_id: &str, lookup: u8, values: &[String]) -> NewCase {
    NewCase {
        origin: CaseOrigin::Person,
        lookup: Some([lookup; 32]),
        public_id: public_id.into(),
        pin_hash: Some("$argon2id$placeholder".into()),
        platform_id: None,
        created_at: 1_700_000_000,
        items: values
            .iter()
            .map(|value| NewItem {
                kind: "image".into(),
                signals: vec![NewSignal {
                    signal_type: SignalType::ImagePdq,
                    value: value.clone(),
                    convention: Some("reference".into()),
                    quality: Some(100),
                }],
            })
            .collect(),
        platform_feedback: Vec::new(),
    }
}

async fn all_records(store: &Arc<dyn Store>) -> HashMap<String, HashRecord> {
    let mut records = HashMap::new();
    let mut after = 0;
    loop {
        let page = store
            .feed_page(FeedStart::AfterSeq(after), 100)
            .await
            .unwrap();
        for record in &page.records {
            let parsed: HashRecord = serde_json::from_str(&record.record).unwrap();
            records.insert(parsed.hash_value.clone(), parsed);
            after = record.seq;
        }
        if !page.has_more {
            return records;
        }
    }
}

on_both!(case_lifecycle, |store: Arc<dyn Store>| async move {
    let shared = pdq(1);
    let only_a = pdq(2);
    let a = store
        .create_case(person_case("case-a", 1, &[shared.clone(), only_a.clone()]))
        .await
        .unwrap();
    let b = store
        .create_case(person_case("case-b", 2, std::slice::from_ref(&shared)))
        .await
        .unwrap();

    let credentials = store.case_credentials(&[1; 32]).await.unwrap().unwrap();
    assert_eq!(credentials.id, a);
    assert!(store.case_credentials(&[9; 32]).await.unwrap().is_none());

    let records = all_records(&store).await;
    assert_eq!(records.len(), 2, "a shared hash is one record");
    assert_eq!(records[&shared].case_numbers.len(), 2);
    assert_eq!(records[&shared].case_numbers["case-a"], HashStatus::Active);

    // Withdrawing a keeps the shared hash active (b holds it) and tombstones the other.
    assert!(
        store
            .withdraw_case(a, 1_700_000_100, 1_700_000_200)
            .await
            .unwrap()
    );
    assert!(
        !store
            .withdraw_case(a, 1_700_000_100, 1_700_000_200)
            .await
            .unwrap()
    );
    let records = all_records(&store).await;
    assert_eq!(records[&shared].hash_status, HashStatus::Active);
    assert_eq!(
        records[&shared].case_numbers["case-a"],
        HashStatus::Withdrawn
    );
    assert_eq!(records[&only_a].hash_status, HashStatus::Withdrawn);
    let view = store.case_view(a).await.unwrap().unwrap();
    assert_eq!(view.state, CaseState::Withdrawn);
    assert_eq!(view.purge_at, Some(1_700_000_200));

    // Not yet due: nothing purged. Due: case a and its only hash are gone.
    assert_eq!(store.purge_due(1_700_000_150).await.unwrap().cases, 0);
    let report = store.purge_due(1_700_000_200).await.unwrap();
    assert_eq!((report.cases, report.hashes), (1, 1));
    let records = all_records(&store).await;
    assert_eq!(records.len(), 1);
    assert_eq!(records[&shared].case_numbers.len(), 1);
    assert!(store.case_credentials(&[1; 32]).await.unwrap().is_none());
    assert!(store.case_view(b).await.unwrap().is_some());
    // The purge is a change for the hub's followers, though not a feed record.
    let changes = store.changes_since(0, 100).await.unwrap();
    let purged: Vec<_> = changes.iter().filter(|c| c.purged).collect();
    assert_eq!(purged.len(), 1);
    assert_eq!(purged[0].value, only_a);
    assert_eq!(purged[0].status, HashStatus::Deleted);
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
});

on_both!(
    feedback_and_quarantine,
    |store: Arc<dyn Store>| async move {
        let value = pdq(7);
        let case = store
            .create_case(person_case("case-q", 3, std::slice::from_ref(&value)))
            .await
            .unwrap();
        let mut platforms = Vec::new();
        for (i, name) in ["Alpha", "Beta", "Gamma"].iter().enumerate() {
            platforms.push(
                store
                    .add_platform(name, [i as u8 + 1; 32], "empk_x", 1_700_000_000)
                    .await
                    .unwrap(),
            );
        }
        assert!(matches!(
            store.add_platform("Alpha", [9; 32], "p", 0).await,
            Err(store::StoreError::Conflict(_))
        ));
        let feedback = |value: &str, feedback| FeedbackInput {
            signal_type: SignalType::ImagePdq,
            value: value.to_string(),
            feedback,
            tags: vec!["tag".into()],
        };
        let outcome = store
            .submit_feedback(
                platforms[0].id,
                vec![
                    feedback(&value, FeedbackValue::Blocked),
                    feedback(&pdq(99), FeedbackValue::Blocked),
                ],
                1_700_000_010,
                2,
            )
            .await
            .unwrap();
        assert_eq!((outcome.applied, outcome.unknown), (1, 1));
        let view = store.case_view(case).await.unwrap().unwrap();
        assert_eq!(view.items[0].reports.len(), 1);
        assert_eq!(view.items[0].reports[0].platform, "Alpha");
        assert_eq!(view.items[0].reports[0].value, FeedbackValue::Blocked);

        // Two distinct platforms saying NotBlocked quarantine the hash.
        let outcome = store
            .submit_feedback(
                platforms[1].id,
                vec![feedback(&value, FeedbackValue::NotBlocked)],
                1_700_000_020,
                2,
            )
            .await
            .unwrap();
        assert!(outcome.quarantined.is_empty());
        let outcome = store
            .submit_feedback(
                platforms[2].id,
                vec![feedback(&value, FeedbackValue::NotBlocked)],
                1_700_000_030,
                2,
            )
            .await
            .unwrap();
        assert_eq!(outcome.quarantined, vec![value.clone()]);
        let records = all_records(&store).await;
        assert_eq!(records[&value].hash_status, HashStatus::Deleted);
        assert_eq!(records[&value].csp_feedbacks.len(), 3);
        assert_eq!(store.quarantined().await.unwrap().len(), 1);

        // Released: distributed again, and the old NotBlocked reports no longer count.
        assert!(
            store
                .quarantine_release(SignalType::ImagePdq, &value, 1_700_000_040)
                .await
                .unwrap()
        );
        assert!(
            !store
                .quarantine_release(SignalType::ImagePdq, &value, 1_700_000_040)
                .await
                .unwrap()
        );
        assert_eq!(
            all_records(&store).await[&value].hash_status,
            HashStatus::Active
        );
        let outcome = store
            .submit_feedback(
                platforms[1].id,
                vec![feedback(&value, FeedbackValue::NotBlocked)],
                1_700_000_050,
                2,
            )
            .await
            .unwrap();
        assert!(outcome.quarantined.is_empty());

        // Revocation and rotation.
        assert!(store.platform_by_key(&[1; 32]).await.unwrap().is_some());
        assert!(store.revoke_platform("Alpha", 1_700_000_060).await.unwrap());
        assert!(store.platform_by_key(&[1; 32]).await.unwrap().is_none());
        store
            .rotate_platform_key("Alpha", [42; 32], "empk_y", 1_700_000_070)
            .await
            .unwrap();
        assert_eq!(
            store
                .platform_by_key(&[42; 32])
                .await
                .unwrap()
                .unwrap()
                .name,
            "Alpha"
        );
        assert!(store.platform_by_key(&[1; 32]).await.unwrap().is_none());
    }
);

on_both!(
    negative_bank_takes_hashes_out,
    |store: Arc<dyn Store>| async move {
        let value = pdq(11);
        store
            .create_case(person_case("case-n", 4, std::slice::from_ref(&value)))
            .await
            .unwrap();
        // A hash a few bits away from the stored one.
        let mut near = pdq::PdqHash::from_hex(&value).unwrap();
        near.set_bit(3);
        near.set_bit(200);
        let taken = store
            .negative_bank_add(
                SignalType::ImagePdq,
                &near.to_hex(),
                "stock photo",
                1_700_000_001,
                31,
            )
            .await
            .unwrap();
        assert_eq!(taken, 1);
        assert_eq!(store.negative_bank().await.unwrap().len(), 1);
        assert_eq!(
            all_records(&store).await[&value].hash_status,
            HashStatus::Deleted
        );
    }
);

on_both!(
    lockout_counts_failures,
    |store: Arc<dyn Store>| async move {
        let case = store
            .create_case(person_case("case-l", 5, &[pdq(5)]))
            .await
            .unwrap();
        for _ in 0..3 {
            store
                .record_failed_attempt(case, 1000, 3, 600)
                .await
                .unwrap();
        }
        let credentials = store.case_credentials(&[5; 32]).await.unwrap().unwrap();
        assert_eq!(credentials.failed_attempts, 3);
        assert_eq!(credentials.locked_until, Some(1600));
        // After the lock runs out, a failure starts a fresh count.
        store
            .record_failed_attempt(case, 1700, 3, 600)
            .await
            .unwrap();
        let credentials = store.case_credentials(&[5; 32]).await.unwrap().unwrap();
        assert_eq!(
            (credentials.failed_attempts, credentials.locked_until),
            (1, None)
        );
        store.reset_failed_attempts(case).await.unwrap();
        let credentials = store.case_credentials(&[5; 32]).await.unwrap().unwrap();
        assert_eq!(credentials.failed_attempts, 0);
    }
);

on_both!(start_timestamp_resumes_without_loss, |store: Arc<
    dyn Store,
>| async move {
    for i in 0..5u8 {
        let mut case = person_case(&format!("ts-{i}"), 10 + i, &[pdq(100 + u64::from(i))]);
        case.created_at = 1_700_000_000 + i64::from(i);
        store.create_case(case).await.unwrap();
    }
    let page = store
        .feed_page(FeedStart::FromSecond(1_700_000_003), 100)
        .await
        .unwrap();
    let seconds: Vec<i64> = page.records.iter().map(|r| r.second).collect();
    assert_eq!(seconds, vec![1_700_000_003, 1_700_000_004]);
    let page = store.feed_page(FeedStart::FromSecond(10), 2).await.unwrap();
    assert_eq!(page.records.len(), 2);
    assert!(page.has_more);
});

on_both!(bulk_import, |store: Arc<dyn Store>| async move {
    let hashes: Vec<_> = (0..2500)
        .map(|i| (SignalType::ImagePdq, pdq(10_000 + i)))
        .collect();
    let added = store
        .import_hashes("import-1", hashes.clone(), 1_700_000_000)
        .await
        .unwrap();
    assert_eq!(added, 2500);
    // Importing again adds nothing new, and the feed holds each value once.
    let added = store
        .import_hashes("import-2", hashes[..10].to_vec(), 1_700_000_001)
        .await
        .unwrap();
    assert_eq!(added, 0);
    let records = all_records(&store).await;
    assert_eq!(records.len(), 2500);
    let changes = store.changes_since(0, 10_000).await.unwrap();
    assert_eq!(changes.len(), 2500);
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
    let stats = store.stats().await.unwrap();
    assert_eq!(stats.hashes_by_status, vec![("Active".to_string(), 2500)]);
});

/// Writers create cases, give feedback and withdraw cases concurrently while readers page
/// through the feed with the returned checkpoint. At the end, every reader has seen every hash,
/// and the last record each saw of a hash is its final record: no change was skipped.
async fn concurrent_feed(store: Arc<dyn Store>) {
    const WRITERS: usize = 4;
    const CASES_PER_WRITER: usize = 25;
    const READERS: usize = 3;
    let platform = store
        .add_platform("Reader", [77; 32], "empk_r", 0)
        .await
        .unwrap();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));

    let mut readers = Vec::new();
    for _ in 0..READERS {
        let store = store.clone();
        let done = done.clone();
        readers.push(tokio::spawn(async move {
            let mut seen: HashMap<String, (i64, String)> = HashMap::new();
            let mut after = 0i64;
            let mut last_round = false;
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                let page = store
                    .feed_page(FeedStart::AfterSeq(after), 7)
                    .await
                    .unwrap();
                for record in &page.records {
                    assert!(record.seq > after, "positions only grow along the feed");
                    let parsed: HashRecord = serde_json::from_str(&record.record).unwrap();
                    seen.insert(parsed.hash_value, (record.seq, record.record.clone()));
                    after = record.seq;
                }
                if !page.has_more {
                    if last_round {
                        return seen;
                    }
                    // One more full pass after the writers are done.
                    last_round = finished;
                    tokio::task::yield_now().await;
                }
            }
        }));
    }

    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let store = store.clone();
        writers.push(tokio::spawn(async move {
            for c in 0..CASES_PER_WRITER {
                let n = (w * 1000 + c) as u64;
                // Every case shares one hash with the previous case of its writer, so that
                // hashes are changed again while readers page.
                let values = vec![pdq(n), pdq(n + 1)];
                let mut case = person_case(&format!("w{w}-c{c}"), 0, &values);
                let mut lookup = [0u8; 32];
                lookup[..8].copy_from_slice(&n.to_le_bytes());
                case.lookup = Some(lookup);
                case.created_at = 1_700_000_000 + c as i64;
                let id = store.create_case(case).await.unwrap();
                store
                    .submit_feedback(
                        platform.id,
                        vec![FeedbackInput {
                            signal_type: SignalType::ImagePdq,
                            value: pdq(n),
                            feedback: FeedbackValue::PendingReview,
                            tags: vec![],
                        }],
                        1_700_000_000 + c as i64,
                        2,
                    )
                    .await
                    .unwrap();
                if c % 3 == 0 {
                    store
                        .withdraw_case(id, 1_700_000_000 + c as i64, i64::MAX)
                        .await
                        .unwrap();
                }
            }
        }));
    }
    for writer in writers {
        writer.await.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);

    let final_records: HashMap<String, String> = {
        let mut all = HashMap::new();
        for change in store.changes_since(0, 1_000_000).await.unwrap() {
            all.insert(change.value, change.record);
        }
        all
    };
    let expected: HashSet<&String> = final_records.keys().collect();
    assert_eq!(expected.len(), WRITERS * (CASES_PER_WRITER + 1));
    for reader in readers {
        let seen = reader.await.unwrap();
        let seen_keys: HashSet<&String> = seen.keys().collect();
        assert_eq!(seen_keys, expected, "a reader missed hashes");
        for (value, (_, record)) in &seen {
            assert_eq!(
                record, &final_records[value],
                "a reader missed the last change of {value}"
            );
        }
    }
}

on_both!(feed_never_skips_under_concurrency, concurrent_feed);
