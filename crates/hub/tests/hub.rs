//! The hub's APIs, each test on SQLite and on PostgreSQL.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use hub::{Hub, HubConfig};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use store::Store;
use store::testing::{TestDatabase, sample_pdq_hex as pdq};
use tower::ServiceExt;

struct TestHub {
    hub: Hub,
    app: Router,
    store: Arc<dyn Store>,
    _db: TestDatabase,
}

fn test_config() -> HubConfig {
    let mut config = HubConfig::default();
    // Cheap Argon2 keeps the suite fast; the real cost runs in the binary's tests.
    config.cases.argon2_memory_kib = 64;
    config.cases.argon2_iterations = 1;
    config.follow_interval_ms = 50;
    config
}

async fn start(db: TestDatabase, config: HubConfig) -> TestHub {
    captured_logs();
    let store = store::open(&db.url).await.unwrap();
    let hub = Hub::start(store.clone(), config).await.unwrap();
    let app = hub.app(None);
    TestHub {
        hub,
        app,
        store,
        _db: db,
    }
}

impl TestHub {
    async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, HeaderMap, Value) {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(key) = key {
            request = request.header("Ocp-Apim-Subscription-Key", key);
        }
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => request.body(Body::empty()).unwrap(),
        };
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let value = serde_json::from_slice(&bytes)
            .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, headers, value)
    }

    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let (status, _, value) = self.call(Method::POST, path, None, Some(body)).await;
        (status, value)
    }

    async fn platform(&self, name: &str) -> String {
        let (key, hash, prefix) = hub::credentials::generate_api_key();
        self.store
            .add_platform(name, hash, &prefix, 1_700_000_000)
            .await
            .unwrap();
        key
    }

    async fn fetch_all(&self, key: &str) -> Vec<Value> {
        let mut records = Vec::new();
        let mut token = String::new();
        loop {
            let path =
                format!("/v1/FetchHashes?startTimestamp=10&pageSize=2&nextPageToken={token}");
            let (status, _, page) = self.call(Method::GET, &path, Some(key), None).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            records.extend(page["hashRecords"].as_array().unwrap().iter().cloned());
            if !page["hasMoreRecords"].as_bool().unwrap() {
                return records;
            }
            token = page["nextPageToken"].as_str().unwrap().to_string();
        }
    }
}

macro_rules! on_both {
    ($name:ident, $config:expr, $body:expr) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let hub = Arc::new(start(TestDatabase::sqlite(), $config).await);
                let body = $body;
                body(hub.clone()).await;
                assert_eq!(
                    hub.store.check_invariants().await.unwrap(),
                    Vec::<String>::new()
                );
                hub.hub.shutdown().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(db) = TestDatabase::postgres().await else {
                    return;
                };
                let hub = Arc::new(start(db, $config).await);
                let body = $body;
                body(hub.clone()).await;
                assert_eq!(
                    hub.store.check_invariants().await.unwrap(),
                    Vec::<String>::new()
                );
                hub.hub.shutdown().await;
            }
        }
    };
}

fn near(hex: &str, bits: &[usize]) -> String {
    let mut hash = pdq::PdqHash::from_hex(hex).unwrap();
    for &bit in bits {
        let mut flipped = pdq::PdqHash::ZERO;
        flipped.set_bit(bit);
        let words: Vec<u64> = hash
            .to_words()
            .iter()
            .zip(flipped.to_words())
            .map(|(a, b)| a ^ b)
            .collect();
        hash = pdq::PdqHash::from_words([words[0], words[1], words[2], words[3]]);
    }
    hash.to_hex()
}

fn case_body(hashes: &[&str]) -> Value {
    json!({
        "attestations": {"adult_when_made": true, "depicted": true, "intimate": true},
        "items": hashes.iter().map(|h| json!({"kind": "image", "signals": [
            {"type": "pdq", "convention": "reference", "hash": h, "quality": 100},
            {"type": "pdq", "convention": "full-resolution", "hash": near(h, &[1]), "quality": 90}
        ]})).collect::<Vec<_>>()
    })
}

async fn create(hub: &TestHub, hashes: &[&str]) -> (String, String) {
    let (status, body) = hub.post("/api/v1/cases", case_body(hashes)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (
        body["case_number"].as_str().unwrap().to_string(),
        body["pin"].as_str().unwrap().to_string(),
    )
}

on_both!(
    cases_are_created_looked_at_and_withdrawn,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let (number, pin) = create(hub, &[&pdq(1), &pdq(2)]).await;
            assert_eq!(number.len(), 23);
            assert!(
                number
                    .chars()
                    .all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c))
            );
            assert!(pin.len() == 8 && pin.bytes().all(|b| b.is_ascii_digit()));

            // Typed loosely: lowercase, no hyphens, spaces in the PIN.
            let loose = number.replace('-', "").to_lowercase();
            let (status, case) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": loose, "pin": format!("{} {}", &pin[..4], &pin[4..])}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{case}");
            assert_eq!(case["state"], "active");
            assert_eq!(case["case_number"], number);
            assert_eq!(case["items"].as_array().unwrap().len(), 2);
            assert_eq!(case["items"][0]["status"], "active");
            assert_eq!(case["items"][0]["signals"].as_array().unwrap().len(), 2);
            assert!(case["created_at"].as_str().unwrap().ends_with('Z'));

            // Wrong PIN: refused; the right one still works after (the count resets on success).
            let wrong = if pin == "00000000" {
                "11111111"
            } else {
                "00000000"
            };
            let (status, error) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": number, "pin": wrong}),
                )
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            assert_eq!(error["error"]["code"], "invalid_credentials");
            // An unknown case number gives the very same answer.
            let (status, other) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": "00000-00000-00000-00000", "pin": pin}),
                )
                .await;
            assert_eq!((status, &other), (StatusCode::UNAUTHORIZED, &error));
            // A mistyped one is said to be mistyped.
            let (status, error) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": "12345", "pin": pin}),
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some("invalid_case_number")
                )
            );

            let (status, withdrawn) = hub
                .post(
                    "/api/v1/cases/withdraw",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{withdrawn}");
            assert_eq!(withdrawn["state"], "withdrawn");
            assert_eq!(withdrawn["items"][0]["status"], "withdrawn");
            assert!(withdrawn["purge_at"].is_string());
            // Withdrawing again is harmless.
            let (status, again) = hub
                .post(
                    "/api/v1/cases/withdraw",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(
                (status, again["state"].as_str()),
                (StatusCode::OK, Some("withdrawn"))
            );

            // The hashes are tombstones in the feed at once.
            let key = hub.platform("Tombstones").await;
            let records = hub.fetch_all(&key).await;
            assert_eq!(records.len(), 4);
            assert!(
                records.iter().all(|r| r["hashStatus"] == "Withdrawn"),
                "{records:?}"
            );
            // Platforms see opaque ids, never the case number.
            let text = serde_json::to_string(&records).unwrap();
            assert!(!text.contains(&number) && !text.contains(&number.replace('-', "")));
        }
    }
);

on_both!(
    refusals_have_stable_codes,
    {
        let mut config = test_config();
        config.max_body_bytes = 64 * 1024;
        config.cases.max_items = 3;
        config.cases.max_failed_attempts = 3;
        config
    },
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let good = pdq(3);
            let cases: Vec<(Value, StatusCode, &str)> = vec![
                (
                    json!({"items": case_body(&[&good])["items"]}),
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "attestations_required",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["attestations"]["adult_when_made"] = json!(false);
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "attestations_required",
                ),
                (
                    {
                        let mut b = case_body(&[]);
                        b["items"] = json!([]);
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "no_items",
                ),
                (
                    case_body(&[&pdq(4), &pdq(5), &pdq(6), &pdq(7)]),
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "too_many_items",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["items"][0]["signals"][0]["hash"] = json!("xyz");
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_hash",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["items"][0]["signals"][0]["quality"] = json!(49);
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "low_quality",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["items"][0]["signals"][0]["type"] = json!("tmk");
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_request",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["items"][0]["kind"] = json!("video");
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_request",
                ),
                (
                    {
                        let mut b = case_body(&[&good]);
                        b["items"][0]["signals"] = json!([]);
                        b
                    },
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_request",
                ),
                (
                    json!({"attestations": 5}),
                    StatusCode::BAD_REQUEST,
                    "invalid_json",
                ),
                (
                    json!({"items": [], "padding": "x".repeat(70 * 1024)}),
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                ),
            ];
            for (body, status, code) in cases {
                let (got, error) = hub.post("/api/v1/cases", body).await;
                assert_eq!(
                    (got, error["error"]["code"].as_str()),
                    (status, Some(code)),
                    "{error}"
                );
                assert!(error["error"]["message"].as_str().unwrap().len() > 10);
            }
            // Not JSON at all.
            let response = hub
                .app
                .clone()
                .oneshot(
                    Request::post("/api/v1/cases")
                        .header("content-type", "application/json")
                        .body(Body::from("{not json"))
                        .unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST);
            // Videos by MD5 are taken.
            let (status, _) = hub.post("/api/v1/cases", json!({
            "attestations": {"adult_when_made": true, "depicted": true, "intimate": true},
            "items": [{"kind": "video", "signals": [{"type": "video_md5", "hash": "D41D8CD98F00B204E9800998ECF8427E"}]}]
        })).await;
            assert_eq!(status, StatusCode::CREATED);

            // Lockout after repeated failures, even with the right PIN afterwards.
            let (number, pin) = create(hub, &[&good]).await;
            let wrong = if pin == "00000000" {
                "11111111"
            } else {
                "00000000"
            };
            for _ in 0..3 {
                let (status, _) = hub
                    .post(
                        "/api/v1/cases/status",
                        json!({"case_number": number, "pin": wrong}),
                    )
                    .await;
                assert_eq!(status, StatusCode::UNAUTHORIZED);
            }
            let (status, headers, error) = hub
                .call(
                    Method::POST,
                    "/api/v1/cases/status",
                    None,
                    Some(json!({"case_number": number, "pin": pin})),
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::TOO_MANY_REQUESTS, Some("locked_out"))
            );
            assert!(headers.get("retry-after").is_some());

            // Unknown routes and methods answer in JSON too.
            let (status, _, error) = hub.call(Method::GET, "/nothing", None, None).await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::NOT_FOUND, Some("not_found"))
            );
            let (status, _, error) = hub.call(Method::GET, "/api/v1/cases", None, None).await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed"))
            );
        }
    }
);

on_both!(
    attempts_and_creation_are_rate_limited,
    {
        let mut config = test_config();
        config.cases.attempts_per_client_per_minute = 2;
        config.cases.create_per_minute = 2;
        config
    },
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            create(hub, &[&pdq(8)]).await;
            create(hub, &[&pdq(9)]).await;
            let (status, error) = hub.post("/api/v1/cases", case_body(&[&pdq(10)])).await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
            );
            for _ in 0..2 {
                hub.post(
                    "/api/v1/cases/status",
                    json!({"case_number": "x", "pin": "y"}),
                )
                .await;
            }
            let (status, error) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": "x", "pin": "y"}),
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
            );
        }
    }
);

on_both!(
    platform_feed_feedback_and_safeguards,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let (a, b) = (pdq(20), pdq(21));
            let (number, pin) = create(hub, &[&a, &b]).await;
            let alpha = hub.platform("Alpha").await;
            let beta = hub.platform("Beta").await;

            // Keys: missing, wrong, Bearer.
            let (status, _, error) = hub.call(Method::GET, "/v1/FetchHashes", None, None).await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::UNAUTHORIZED, Some("missing_api_key"))
            );
            let (status, _, error) = hub
                .call(Method::GET, "/v1/FetchHashes", Some("empk_wrong"), None)
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::UNAUTHORIZED, Some("invalid_api_key"))
            );
            let response = hub
                .app
                .clone()
                .oneshot(
                    Request::get("/v1/FetchHashes")
                        .header("Authorization", format!("Bearer {alpha}"))
                        .header("x-functions-key", "ignored")
                        .body(Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);

            // Paging: page size 2 over 4 records, exact tokens, then resume from the checkpoint.
            let (_, _, first) = hub
                .call(
                    Method::GET,
                    "/v1/FetchHashes?startTimestamp=10&pageSize=2",
                    Some(&alpha),
                    None,
                )
                .await;
            assert_eq!(first["count"], 2);
            assert_eq!(first["hasMoreRecords"], true);
            let token = first["nextPageToken"].as_str().unwrap();
            let (_, _, second) = hub
                .call(
                    Method::GET,
                    &format!("/v1/FetchHashes?startTimestamp=10&pageSize=2&nextPageToken={token}"),
                    Some(&alpha),
                    None,
                )
                .await;
            assert_eq!(second["count"], 2);
            assert_eq!(second["hasMoreRecords"], false);
            let checkpoint = second["nextSetTimestamp"].as_i64().unwrap();
            assert!(checkpoint >= first["nextSetTimestamp"].as_i64().unwrap());
            let record = &second["hashRecords"][0];
            assert_eq!(record["signalType"], "ImagePDQ");
            assert_eq!(record["hashStatus"], "Active");
            assert_eq!(record["caseNumbers"].as_object().unwrap().len(), 1);
            let (_, _, resumed) = hub
                .call(
                    Method::GET,
                    &format!("/v1/FetchHashes?startTimestamp={checkpoint}"),
                    Some(&alpha),
                    None,
                )
                .await;
            assert!(
                resumed["count"].as_i64().unwrap() >= 1,
                "the checkpoint's own second is served again"
            );
            let (status, _, error) = hub
                .call(
                    Method::GET,
                    "/v1/FetchHashes?nextPageToken=bogus",
                    Some(&alpha),
                    None,
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::BAD_REQUEST, Some("invalid_page_token"))
            );
            let (status, _, error) = hub
                .call(
                    Method::GET,
                    "/v1/FetchHashes?pageSize=lots",
                    Some(&alpha),
                    None,
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::BAD_REQUEST, Some("invalid_parameter"))
            );

            // Feedback, as python-threatexchange sends it (no signalType), shows in the case status.
            let (status, _, answer) = hub
                .call(
                    Method::POST,
                    "/v1/SubmitFeedback",
                    Some(&alpha),
                    Some(json!({
                    "count": 2, "hashFeedbacks": [
                        {"tags": ["Nude"], "feedbackValue": "Blocked", "hashValue": a},
                        {"tags": [], "feedbackValue": "Blocked", "hashValue": pdq(999)}
                    ]})),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{answer}");
            assert_eq!(
                (answer["count"].as_i64(), answer["ignoredCount"].as_i64()),
                (Some(1), Some(1))
            );
            let (_, case) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(case["items"][0]["reports"][0]["platform"], "Alpha");
            assert_eq!(case["items"][0]["reports"][0]["outcome"], "blocked");
            assert!(case["items"][1]["reports"].as_array().unwrap().is_empty());
            let (status, _, error) = hub
                .call(
                    Method::POST,
                    "/v1/SubmitFeedback",
                    Some(&alpha),
                    Some(json!({
            "hashFeedbacks": [{"feedbackValue": "Blocked", "hashValue": "nothex"}]})),
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid_hash"))
            );
            let (status, _, _) = hub
                .call(
                    Method::POST,
                    "/v1/SubmitFeedback",
                    Some(&alpha),
                    Some(json!({
            "hashFeedbacks": [{"feedbackValue": "Undefined", "hashValue": a}]})),
                )
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST);

            // Two platforms say NotBlocked: the hash is quarantined, out of the feed's active list.
            for key in [&alpha, &beta] {
                let (status, _, _) = hub.call(Method::POST, "/v1/SubmitFeedback", Some(key), Some(json!({
                "hashFeedbacks": [{"tags": [], "feedbackValue": "NotBlocked", "hashValue": b},
                                  {"tags": [], "feedbackValue": "NotBlocked", "hashValue": near(&b, &[1])}]}))).await;
                assert_eq!(status, StatusCode::OK);
            }
            let records = hub.fetch_all(&alpha).await;
            let quarantined = records
                .iter()
                .rev()
                .find(|r| r["hashValue"] == b.as_str())
                .unwrap();
            assert_eq!(quarantined["hashStatus"], "Deleted");
            assert_eq!(quarantined["CSPFeedbacks"].as_array().unwrap().len(), 2);
            let (_, case) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(case["items"][1]["status"], "quarantined");
            assert_eq!(case["items"][1]["reports"][0]["outcome"], "not_blocked");

            // The negative bank refuses near-duplicates, with a neutral message.
            hub.store
                .negative_bank_add(
                    protocol::SignalType::ImagePdq,
                    &pdq(30),
                    "benign",
                    1_700_000_000,
                    31,
                )
                .await
                .unwrap();
            let (status, error) = hub
                .post(
                    "/api/v1/cases",
                    case_body(&[&pdq(31), &near(&pdq(30), &[3, 70, 140])]),
                )
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some("item_not_accepted"))
            );
            assert!(
                error["error"]["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("Item 2")
            );

            // SubmitHashes as python-threatexchange sends it.
            let own = pdq(40);
            let (status, _, answer) = hub.call(Method::POST, "/v1/SubmitHashes", Some(&beta), Some(json!({
            "count": 2, "hashRecords": [
                {"lastModtimestamp": 1, "signalType": "StopNCIISignalType.ImagePDQ", "hashValue": own, "CSPFeedbacks": [{"tags": ["x"], "feedbackValue": "Blocked"}]},
                {"lastModtimestamp": 1, "signalType": "ImagePDQ", "hashValue": pdq(30), "CSPFeedbacks": []}
            ]}))).await;
            assert_eq!(status, StatusCode::OK, "{answer}");
            assert_eq!(
                (answer["count"].as_i64(), answer["ignoredCount"].as_i64()),
                (Some(1), Some(1))
            );
            let records = hub.fetch_all(&alpha).await;
            let submitted = records
                .iter()
                .find(|r| r["hashValue"] == own.as_str())
                .unwrap();
            assert_eq!(submitted["hashStatus"], "Active");
            assert_eq!(submitted["CSPFeedbacks"][0]["source"], "Beta");

            // Statistics and the public platform list.
            hub.hub.shutdown().await; // flushes usage counters
            let (status, _, stats) = hub.call(Method::GET, "/v1/stats", Some(&alpha), None).await;
            assert_eq!(status, StatusCode::OK);
            assert_eq!(stats["platform"], "Alpha");
            assert!(
                stats["usage"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|u| u["endpoint"] == "FetchHashes" && u["calls"].as_i64().unwrap() >= 3)
            );
            let (_, _, list) = hub.call(Method::GET, "/api/v1/platforms", None, None).await;
            assert_eq!(
                list["platforms"],
                json!([{"name": "Alpha"}, {"name": "Beta"}])
            );
            let audit = hub.store.audit_recent(1000).await.unwrap();
            assert!(
                audit
                    .iter()
                    .any(|e| e.actor == "platform:Beta" && e.action == "SubmitHashes")
            );
            assert!(
                audit
                    .iter()
                    .any(|e| e.actor == "system" && e.action == "quarantine")
            );
        }
    }
);

on_both!(hosted_match_follows_the_feed, test_config(), |hub: Arc<
    TestHub,
>| {
    async move {
        let hub: &TestHub = &hub;
        let key = hub.platform("Matcher").await;
        let target = pdq(50);
        let (number, pin) = create(hub, &[&target]).await;
        hub.hub.sync().await.unwrap();
        let query = near(&target, &[0, 9, 100]);
        let (status, _, answer) = hub
            .call(
                Method::POST,
                "/v1/match",
                Some(&key),
                Some(json!({
            "hashes": [query, pdq(51)], "videoMd5": ["00000000000000000000000000000000"]})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["threshold"], 31);
        assert_eq!(
            answer["results"][0]["matches"][0]["hashValue"],
            target.as_str()
        );
        assert_eq!(answer["results"][0]["matches"][0]["distance"], 3);
        assert!(
            answer["results"][1]["matches"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        assert_eq!(answer["results"][2]["signalType"], "VideoMD5");
        let (_, _, strict) = hub
            .call(
                Method::POST,
                "/v1/match",
                Some(&key),
                Some(json!({"hashes": [query], "threshold": 2})),
            )
            .await;
        assert!(
            strict["results"][0]["matches"]
                .as_array()
                .unwrap()
                .is_empty()
        );

        for (body, code) in [
            (
                json!({"hashes": vec![target.clone(); 1001]}),
                "too_many_hashes",
            ),
            (
                json!({"hashes": [target], "threshold": 64}),
                "invalid_threshold",
            ),
            (json!({"hashes": ["abc"]}), "invalid_hash"),
        ] {
            let (status, _, error) = hub
                .call(Method::POST, "/v1/match", Some(&key), Some(body))
                .await;
            assert_eq!(
                (status, error["error"]["code"].as_str()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(code))
            );
        }

        // Withdrawn: no longer matched once followed (within the follow interval).
        hub.post(
            "/api/v1/cases/withdraw",
            json!({"case_number": number, "pin": pin}),
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (_, _, answer) = hub
            .call(
                Method::POST,
                "/v1/match",
                Some(&key),
                Some(json!({"hashes": [query]})),
            )
            .await;
        assert!(
            answer["results"][0]["matches"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{answer}"
        );
    }
});

/// The matches of one query, as (value, distance).
async fn matches(hub: &TestHub, key: &str, query: &str) -> Vec<(String, i64)> {
    let (status, _, answer) = hub
        .call(
            Method::POST,
            "/v1/match",
            Some(key),
            Some(json!({"hashes": [query]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer["results"][0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["hashValue"].as_str().unwrap().to_string(),
                m["distance"].as_i64().unwrap(),
            )
        })
        .collect()
}

on_both!(
    hosted_match_is_exact_across_index_rebuilds,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let alpha = hub.platform("Alpha").await;
            let beta = hub.platform("Beta").await;
            // More hashes than the matcher's delta holds: the follower merges them into a new index
            // in the background while requests go on.
            let imported: Vec<String> = (1000..6000).map(pdq).collect();
            hub.store
                .import_hashes(
                    "IMPORT-TEST",
                    imported
                        .iter()
                        .map(|v| (protocol::SignalType::ImagePdq, v.clone()))
                        .collect(),
                    1_700_000_000,
                )
                .await
                .unwrap();
            hub.hub.sync().await.unwrap();
            let check = |expect_quarantined: bool, expect_case: Option<String>| {
                let imported = &imported;
                let alpha = &alpha;
                async move {
                    for (i, value) in imported.iter().enumerate().step_by(97) {
                        let found = matches(hub, alpha, &near(value, &[3, 77, 150, 201])).await;
                        if i == 0 && expect_quarantined {
                            assert!(found.is_empty(), "{found:?}");
                        } else {
                            assert_eq!(found, vec![(value.clone(), 4)]);
                        }
                    }
                    let found = matches(hub, alpha, &near(&pdq(60), &[5])).await;
                    match &expect_case {
                        // The case's two signals: the hash and a neighbour at distance 1.
                        Some(target) => {
                            assert_eq!(found, vec![(target.clone(), 1), (near(target, &[1]), 2)])
                        }
                        None => assert!(found.is_empty(), "{found:?}"),
                    }
                }
            };
            check(false, None).await;

            // Quarantined by two platforms' NotBlocked reports: not matched any more.
            for key in [&alpha, &beta] {
                let (status, _, _) = hub
                    .call(
                        Method::POST,
                        "/v1/SubmitFeedback",
                        Some(key),
                        Some(json!({"hashFeedbacks": [
                        {"tags": [], "feedbackValue": "NotBlocked", "hashValue": imported[0]}]})),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK);
            }
            hub.hub.sync().await.unwrap();
            check(true, None).await;

            // A person's case: matched at once after the follower applied it, then withdrawn.
            let target = pdq(60);
            let (number, pin) = create(hub, &[&target]).await;
            hub.hub.sync().await.unwrap();
            check(true, Some(target.clone())).await;
            // Whatever rebuild was under way has finished by now: still exact.
            tokio::time::sleep(Duration::from_millis(500)).await;
            check(true, Some(target.clone())).await;
            let (status, _) = hub
                .post(
                    "/api/v1/cases/withdraw",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
            hub.hub.sync().await.unwrap();
            check(true, None).await;

            // Every match call is in the audit log, tallied per platform, endpoint and second.
            hub.hub.shutdown().await;
            let audit = hub.store.audit_recent(10_000).await.unwrap();
            let calls: i64 = audit
                .iter()
                .filter(|e| e.actor == "platform:Alpha" && e.action == "match")
                .map(|e| {
                    serde_json::from_str::<Value>(&e.detail).unwrap()["calls"]
                        .as_i64()
                        .unwrap()
                })
                .sum();
            let tallies: Vec<_> = audit
                .iter()
                .filter(|e| e.actor == "platform:Alpha")
                .map(|e| (e.at, e.action.clone(), e.detail.clone()))
                .collect();
            assert_eq!(calls, 5 * 53, "{tallies:?}");
        }
    }
);

on_both!(
    revoked_and_rotated_keys_stop_working_within_a_second,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let old = hub.platform("Gamma").await;
            let works = |key: String| async move {
                let (status, _, body) = hub.call(Method::GET, "/v1/stats", Some(&key), None).await;
                match status {
                    StatusCode::OK => true,
                    StatusCode::UNAUTHORIZED => {
                        assert_eq!(body["error"]["code"], "invalid_api_key");
                        false
                    }
                    other => panic!("{other}: {body}"),
                }
            };
            assert!(works(old.clone()).await);
            // As `empreinte admin platform revoke` does, from another process: straight to the store.
            hub.store
                .revoke_platform("Gamma", 1_700_000_100)
                .await
                .unwrap();
            let revoked = std::time::Instant::now();
            while works(old.clone()).await {
                assert!(
                    revoked.elapsed() < Duration::from_millis(1500),
                    "a revoked key still works after {:?}",
                    revoked.elapsed()
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            // Rotated: the new key works (at once or after the next reload), the old one never again.
            let (new, hash, prefix) = hub::credentials::generate_api_key();
            hub.store
                .rotate_platform_key("Gamma", hash, &prefix, 1_700_000_200)
                .await
                .unwrap();
            let rotated = std::time::Instant::now();
            while !works(new.clone()).await {
                assert!(rotated.elapsed() < Duration::from_millis(1500));
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            assert!(!works(old.clone()).await);
            tokio::time::sleep(Duration::from_millis(1100)).await;
            assert!(!works(old).await);
            assert!(works(new).await);
        }
    }
);

on_both!(
    withdrawn_cases_are_purged_after_the_grace_period,
    {
        let mut config = test_config();
        config.cases.withdrawal_grace = "0".into();
        config
    },
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let key = hub.platform("Purge").await;
            let (keep_number, keep_pin) = create(hub, &[&pdq(60)]).await;
            let (number, pin) = create(hub, &[&pdq(61), &pdq(60)]).await;
            hub.post(
                "/api/v1/cases/withdraw",
                json!({"case_number": number, "pin": pin}),
            )
            .await;
            // The purge task runs right after a withdrawal when the grace period is zero.
            let mut purged = false;
            for _ in 0..50 {
                // A fresh sync, as a client would do after clearing its state; records are
                // snapshots, so the last one of each hash counts.
                let records: std::collections::HashMap<String, Value> = hub
                    .fetch_all(&key)
                    .await
                    .into_iter()
                    .map(|r| (r["hashValue"].as_str().unwrap().to_string(), r))
                    .collect();
                if !records.contains_key(&pdq(61)) {
                    purged = true;
                    // The shared hash stays, held by the other case only.
                    let shared = &records[&pdq(60)];
                    assert_eq!(shared["hashStatus"], "Active");
                    assert_eq!(shared["caseNumbers"].as_object().unwrap().len(), 1);
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert!(purged, "the withdrawn case was not purged");
            let (status, _) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            let (status, _) = hub
                .post(
                    "/api/v1/cases/status",
                    json!({"case_number": keep_number, "pin": keep_pin}),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
        }
    }
);

on_both!(
    stream_announces_changes_within_a_second,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let hub: &TestHub = &hub;
            let key = hub.platform("Streamer").await;
            create(hub, &[&pdq(70)]).await;
            let response = hub
                .app
                .clone()
                .oneshot(
                    Request::get("/v1/stream?from=0")
                        .header("Ocp-Apim-Subscription-Key", &key)
                        .body(Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            assert_eq!(response.headers()["content-type"], "text/event-stream");
            let mut body = response.into_body();
            let mut text = String::new();
            let started = std::time::Instant::now();
            let mut created = false;
            while started.elapsed() < Duration::from_secs(5) {
                let frame = tokio::time::timeout(Duration::from_millis(100), body.frame()).await;
                if let Ok(Some(Ok(frame))) = frame
                    && let Ok(data) = frame.into_data()
                {
                    text.push_str(&String::from_utf8_lossy(&data));
                }
                if text.contains(&pdq(70)) && !created {
                    // The existing record arrived; now a new case must arrive within a second.
                    created = true;
                    create(hub, &[&pdq(71)]).await;
                    let announced = std::time::Instant::now();
                    while !text.contains(&pdq(71)) && announced.elapsed() < Duration::from_secs(1) {
                        if let Ok(Some(Ok(frame))) =
                            tokio::time::timeout(Duration::from_millis(50), body.frame()).await
                            && let Ok(data) = frame.into_data()
                        {
                            text.push_str(&String::from_utf8_lossy(&data));
                        }
                    }
                    assert!(
                        text.contains(&pdq(71)),
                        "not announced within a second: {text}"
                    );
                    break;
                }
            }
            assert!(created, "no event: {text}");
            assert!(text.contains("event: change"));
            let event: Value = serde_json::from_str(
                text.lines().find(|l| l.starts_with("data:")).unwrap()[5..].trim(),
            )
            .unwrap();
            assert!(event["position"].as_i64().unwrap() > 0);
            assert_eq!(event["record"]["hashStatus"], "Active");
        }
    }
);

on_both!(
    two_hub_processes_share_one_database,
    test_config(),
    |hub: Arc<TestHub>| {
        async move {
            let first: &TestHub = &hub;
            // A second hub with its own connections to the same database, as another process is.
            let store = store::open(&first._db.url).await.unwrap();
            let second_hub = Hub::start(store.clone(), test_config()).await.unwrap();
            let second = TestHub {
                app: second_hub.app(None),
                hub: second_hub,
                store,
                _db: TestDatabase::sqlite(),
            };
            let key = first.platform("Shared").await;
            let value = pdq(300);
            let (number, pin) = create(first, &[&value]).await;
            let matched = |hub: &TestHub, key: String, value: String| {
                let app = hub.app.clone();
                async move {
                    let request = Request::post("/v1/match")
                        .header("Ocp-Apim-Subscription-Key", key)
                        .header("content-type", "application/json")
                        .body(Body::from(json!({"hashes": [value]}).to_string()))
                        .unwrap();
                    let response = app.oneshot(request).await.unwrap();
                    let body = response.into_body().collect().await.unwrap().to_bytes();
                    let answer: Value = serde_json::from_slice(&body).unwrap();
                    !answer["results"][0]["matches"]
                        .as_array()
                        .unwrap()
                        .is_empty()
                }
            };
            // Created through the first: matchable at the second within a second.
            let started = std::time::Instant::now();
            while !matched(&second, key.clone(), value.clone()).await {
                assert!(
                    started.elapsed() < Duration::from_secs(1),
                    "not followed by the other process"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            // Withdrawn through the second: gone from the first within a second.
            let (status, _) = second
                .post(
                    "/api/v1/cases/withdraw",
                    json!({"case_number": number, "pin": pin}),
                )
                .await;
            assert_eq!(status, StatusCode::OK);
            let started = std::time::Instant::now();
            while matched(first, key.clone(), value.clone()).await {
                assert!(
                    started.elapsed() < Duration::from_secs(1),
                    "withdrawal not followed"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            second.hub.shutdown().await;
        }
    }
);

on_both!(documents_metrics_and_health, test_config(), |hub: Arc<
    TestHub,
>| {
    async move {
        let hub: &TestHub = &hub;
        let (status, _, doc) = hub.call(Method::GET, "/openapi.json", None, None).await;
        assert_eq!(
            (status, doc["openapi"].as_str()),
            (StatusCode::OK, Some("3.1.0"))
        );
        create(hub, &[&pdq(80)]).await;
        let (status, _, metrics) = hub.call(Method::GET, "/metrics", None, None).await;
        assert_eq!(status, StatusCode::OK);
        let metrics = metrics.as_str().unwrap();
        assert!(
            metrics.contains("empreinte_cases_created_total 1"),
            "{metrics}"
        );
        assert!(metrics.contains("route=\"/api/v1/cases\""));
        let (status, _, health) = hub.call(Method::GET, "/healthz", None, None).await;
        assert_eq!(
            (status, health["status"].as_str()),
            (StatusCode::OK, Some("ok"))
        );
    }
});

/// Every log line of this test binary, captured by one global subscriber (a scoped subscriber
/// would miss lines: tracing caches per call site whether anyone listens).
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

static LOGS: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();

fn captured_logs() -> &'static Captured {
    LOGS.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
        captured
    })
}

/// Logs of a whole session of a person and a platform contain no PIN, key or case number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_never_contain_credentials() {
    let captured = captured_logs();
    let hub = start(TestDatabase::sqlite(), test_config()).await;
    let key = hub.platform("Logged").await;
    let (number, pin) = create(&hub, &[&pdq(90)]).await;
    hub.post(
        "/api/v1/cases/status",
        json!({"case_number": number, "pin": pin}),
    )
    .await;
    hub.post(
        "/api/v1/cases/status",
        json!({"case_number": number, "pin": "12345678"}),
    )
    .await;
    hub.call(Method::GET, "/v1/FetchHashes", Some(&key), None)
        .await;
    hub.call(
        Method::GET,
        "/v1/FetchHashes",
        Some("empk_not_a_key_at_all"),
        None,
    )
    .await;
    hub.call(
        Method::POST,
        "/v1/match",
        Some(&key),
        Some(json!({"hashes": [pdq(90)]})),
    )
    .await;
    hub.post(
        "/api/v1/cases/withdraw",
        json!({"case_number": number, "pin": pin}),
    )
    .await;
    hub.hub.shutdown().await;
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("case created")
            && logs.contains("route=/v1/FetchHashes")
            && logs.contains("case withdrawn"),
        "nothing was logged: {logs}"
    );
    for secret in [
        number.clone(),
        number.replace('-', ""),
        pin,
        key.clone(),
        key[5..].to_string(),
        "empk_not_a_key_at_all".into(),
    ] {
        assert!(!logs.contains(&secret), "a secret is in the logs");
    }
}

/// The portal is served beside the APIs, and it has a translation for every code the case API
/// can answer (but `item_not_accepted`, which it shows with its generic message for now).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portal_is_mounted_beside_the_apis() {
    use hub::ErrorCode::*;
    let db = TestDatabase::sqlite();
    let store = store::open(&db.url).await.unwrap();
    let hub = Hub::start(store.clone(), test_config()).await.unwrap();
    let app = hub.app(Some(portal::router(portal::PortalConfig::default())));
    let get = |path: &'static str| {
        let app = app.clone();
        async move {
            app.oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap()
        }
    };
    let page = get("/en/").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let api = get("/api/v1/platforms").await;
    assert_eq!(api.status(), StatusCode::OK);
    assert!(api.headers().contains_key("content-security-policy"));
    let missing = get("/nothing/here").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body = missing.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap()["error"]["code"],
        "not_found"
    );
    for code in [
        AttestationsRequired,
        NoItems,
        TooManyItems,
        InvalidRequest,
        InvalidHash,
        LowQuality,
        InvalidCaseNumber,
        InvalidCredentials,
        LockedOut,
        RateLimited,
        InvalidJson,
        PayloadTooLarge,
        UnsupportedMediaType,
        NotFound,
        MethodNotAllowed,
        Unavailable,
        Internal,
    ] {
        assert!(
            portal::TRANSLATED_ERROR_CODES.contains(&code.as_str()),
            "{} untranslated",
            code.as_str()
        );
    }
    hub.shutdown().await;
}
