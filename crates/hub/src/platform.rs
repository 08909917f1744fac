//! The platform API: StopNCII-compatible `FetchHashes`, `SubmitFeedback`, `SubmitHashes`, and
//! Empreinte's `match`, `stream` and `stats`.
//!
//! # Feed checkpoints
//!
//! `nextPageToken` is exact (`e1.<position>.<second>`): the next page starts right after the last
//! record served. `nextSetTimestamp` is the `lastModtimestamp` of the last record served (or
//! the `startTimestamp` given, when nothing was served); a client that sends it back as
//! `startTimestamp` gets every record changed in that second or later. Seconds never decrease
//! along the feed, so nothing is skipped; a few records of that last second may come twice,
//! which is harmless because a record is a whole snapshot that replaces the previous one.

use crate::cases::{ApiJson, negative_bank_hit};
use crate::credentials::{api_key_hash, generate_public_id};
use crate::error::{ApiError, ErrorCode};
use crate::{HubState, now};
use arc_swap::ArcSwap;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use protocol::{
    EndpointUsage, FeedbackCount, MAX_MATCH_HASHES, MAX_PDQ_THRESHOLD, MatchHit, MatchRequest,
    MatchResponse, MatchResult, PlatformStats, SignalType, SubmitFeedbackRequest,
    SubmitHashesRequest, SubmitResponse,
};
use serde::Deserialize;
use serde_json::json;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use store::{CaseOrigin, FeedStart, FeedbackInput, NewCase, NewItem, NewSignal};

/// The platform making a call.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub id: i64,
    pub name: Arc<str>,
}

/// Most key hashes remembered as unknown between two reloads.
const MAX_UNKNOWN_KEYS: usize = 10_000;

/// Platform keys by their SHA-256, in memory: a request's key check is one hash and one map
/// look-up, never a database query.
///
/// The map is reloaded from the store every second (see `refresh_keys` in the crate root), so
/// that keys added, rotated or revoked with `empreinte admin` (another process) take effect
/// within about a second. A key the map lacks (one made since the last reload) is looked up in
/// the store once; if the store does not know it either, it is remembered as unknown until the
/// next reload, so that repeating a wrong key costs no query. Reads of the map take no lock.
pub(crate) struct KeyCache {
    keys: ArcSwap<HashMap<[u8; 32], Caller>>,
    unknown: Mutex<HashSet<[u8; 32]>>,
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache {
            keys: ArcSwap::from_pointee(HashMap::new()),
            unknown: Mutex::new(HashSet::new()),
        }
    }
}

impl KeyCache {
    pub async fn reload(&self, store: &dyn store::Store) -> Result<(), store::StoreError> {
        let keys = store
            .active_platform_keys()
            .await?
            .into_iter()
            .map(|(hash, id, name)| {
                (
                    hash,
                    Caller {
                        id,
                        name: name.into(),
                    },
                )
            })
            .collect();
        self.keys.store(Arc::new(keys));
        self.unknown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        Ok(())
    }

    fn get(&self, hash: &[u8; 32]) -> Option<Caller> {
        self.keys.load().get(hash).cloned()
    }

    /// The platform of a key the map lacks, from the store (see the type's docs).
    async fn get_missing(
        &self,
        store: &dyn store::Store,
        hash: &[u8; 32],
    ) -> Result<Option<Caller>, store::StoreError> {
        if self
            .unknown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(hash)
        {
            return Ok(None);
        }
        match store.platform_by_key(hash).await? {
            Some(platform) => Ok(Some(Caller {
                id: platform.id,
                name: platform.name.into(),
            })),
            None => {
                let mut unknown = self.unknown.lock().unwrap_or_else(|e| e.into_inner());
                if unknown.len() >= MAX_UNKNOWN_KEYS {
                    unknown.clear();
                }
                unknown.insert(*hash);
                Ok(None)
            }
        }
    }
}

impl FromRequestParts<Arc<HubState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<HubState>,
    ) -> Result<Self, ApiError> {
        // StopNCII's client also sends `x-functions-key`, an Azure detail: ignored.
        let key = parts
            .headers
            .get("ocp-apim-subscription-key")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .or_else(|| {
                parts
                    .headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| {
                        v.strip_prefix("Bearer ")
                            .or_else(|| v.strip_prefix("bearer "))
                    })
                    .map(str::trim)
            })
            .filter(|k| !k.is_empty())
            .ok_or_else(|| ApiError::new(ErrorCode::MissingApiKey))?;
        // Looked up by its SHA-256 (keys are 256-bit random values: no slow hash is needed):
        // no comparison of the key itself, hence no timing leak.
        let hash = api_key_hash(key);
        if let Some(caller) = state.keys.get(&hash) {
            return Ok(caller);
        }
        state
            .keys
            .get_missing(&*state.store, &hash)
            .await?
            .ok_or_else(|| ErrorCode::InvalidApiKey.into())
    }
}

#[derive(Deserialize)]
pub(crate) struct FetchParams {
    #[serde(rename = "startTimestamp")]
    start_timestamp: Option<String>,
    #[serde(rename = "pageSize")]
    page_size: Option<String>,
    #[serde(rename = "nextPageToken")]
    next_page_token: Option<String>,
}

fn parse_token(token: &str) -> Option<(i64, i64)> {
    let mut parts = token.strip_prefix("e1.")?.split('.');
    let seq = parts.next()?.parse().ok()?;
    let second = parts.next()?.parse().ok()?;
    (parts.next().is_none() && seq >= 0).then_some((seq, second))
}

fn parse_number(value: Option<&str>, name: &str) -> Result<Option<i64>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| {
            ApiError::with_message(
                ErrorCode::InvalidParameter,
                format!("{name} must be an integer."),
            )
        }),
    }
}

/// `GET /v1/FetchHashes?startTimestamp=&pageSize=&nextPageToken=`
pub(crate) async fn fetch_hashes(
    State(state): State<Arc<HubState>>,
    caller: Caller,
    query: Result<Query<FetchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = query.map_err(|_| ApiError::new(ErrorCode::InvalidParameter))?;
    let start_timestamp =
        parse_number(params.start_timestamp.as_deref(), "startTimestamp")?.unwrap_or(0);
    let page_size = parse_number(params.page_size.as_deref(), "pageSize")?
        .unwrap_or(state.config.platforms.default_page_size)
        .clamp(1, state.config.platforms.max_page_size);
    let token = match params.next_page_token.as_deref().filter(|t| !t.is_empty()) {
        Some(token) => {
            Some(parse_token(token).ok_or_else(|| ApiError::new(ErrorCode::InvalidPageToken))?)
        }
        None => None,
    };
    let start = match token {
        Some((seq, _)) => FeedStart::AfterSeq(seq),
        None => FeedStart::FromSecond(start_timestamp),
    };
    let page = state.store.feed_page(start, page_size).await?;
    let (next_token, next_set_timestamp) = match (page.records.last(), token) {
        (Some(last), _) => (
            Some(format!("e1.{}.{}", last.seq, last.second)),
            last.second,
        ),
        (None, Some((seq, second))) => (Some(format!("e1.{seq}.{second}")), second),
        (None, None) => (None, start_timestamp),
    };
    // The records are stored as JSON: the page is assembled, not re-serialised.
    let size: usize = page.records.iter().map(|r| r.record.len() + 1).sum();
    let mut body = String::with_capacity(size + 200);
    body.push_str("{\"count\":");
    body.push_str(&page.records.len().to_string());
    body.push_str(",\"nextPageToken\":");
    match &next_token {
        Some(token) => {
            body.push('"');
            body.push_str(token);
            body.push('"');
        }
        None => body.push_str("null"),
    }
    body.push_str(",\"nextSetTimestamp\":");
    body.push_str(&next_set_timestamp.to_string());
    body.push_str(",\"hasMoreRecords\":");
    body.push_str(if page.has_more { "true" } else { "false" });
    body.push_str(",\"hashRecords\":[");
    for (i, record) in page.records.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&record.record);
    }
    body.push_str("]}");
    let count = page.records.len() as i64;
    state
        .metrics
        .records_served
        .fetch_add(count as u64, Ordering::Relaxed);
    state.audit.read_call(&caller, "FetchHashes", count, 0);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}

/// `POST /v1/SubmitFeedback`
pub(crate) async fn submit_feedback(
    State(state): State<Arc<HubState>>,
    caller: Caller,
    ApiJson(request): ApiJson<SubmitFeedbackRequest>,
) -> Result<Response, ApiError> {
    if request.hash_feedbacks.len() > MAX_MATCH_HASHES {
        return Err(ApiError::with_message(
            ErrorCode::TooManyHashes,
            format!("At most {MAX_MATCH_HASHES} feedbacks per request."),
        ));
    }
    let mut feedback = Vec::with_capacity(request.hash_feedbacks.len());
    for (index, item) in request.hash_feedbacks.iter().enumerate() {
        let signal_type = item
            .signal_type
            .or_else(|| protocol::infer_signal_type(&item.hash_value))
            .ok_or_else(|| {
                ApiError::with_message(
                    ErrorCode::InvalidHash,
                    format!("hashFeedbacks[{index}]: malformed hashValue."),
                )
            })?;
        let value =
            protocol::canonical_hash_value(signal_type, &item.hash_value).ok_or_else(|| {
                ApiError::with_message(
                    ErrorCode::InvalidHash,
                    format!("hashFeedbacks[{index}]: malformed hashValue."),
                )
            })?;
        feedback.push(FeedbackInput {
            signal_type,
            value,
            feedback: item.feedback_value,
            tags: item
                .tags
                .iter()
                .take(32)
                .map(|t| t.chars().take(100).collect())
                .collect(),
        });
    }
    let values: Vec<String> = feedback
        .iter()
        .map(|f| format!("{}:{}", f.feedback, f.value))
        .collect();
    let outcome = state
        .store
        .submit_feedback(
            caller.id,
            feedback,
            now(),
            state.config.platforms.quarantine_threshold,
        )
        .await?;
    for value in &outcome.quarantined {
        tracing::warn!(hash = %value, "hash quarantined after NotBlocked reports");
        state
            .audit
            .system(
                "quarantine",
                json!({ "hash": value, "reason": "NotBlocked reports" }),
            )
            .await;
    }
    state
        .audit
        .platform_call(
            &caller,
            "SubmitFeedback",
            outcome.applied as i64,
            0,
            json!({ "feedback": values, "unknown": outcome.unknown }),
        )
        .await;
    Ok(axum::Json(SubmitResponse {
        count: outcome.applied,
        ignored_count: outcome.unknown,
    })
    .into_response())
}

/// `POST /v1/SubmitHashes`: a platform's own hashes become a platform case, distributed like a
/// person's (the quality floor cannot be checked: no quality is sent; the negative bank is).
pub(crate) async fn submit_hashes(
    State(state): State<Arc<HubState>>,
    caller: Caller,
    ApiJson(request): ApiJson<SubmitHashesRequest>,
) -> Result<Response, ApiError> {
    if request.hash_records.len() > MAX_MATCH_HASHES {
        return Err(ErrorCode::TooManyHashes.into());
    }
    let mut candidates = Vec::with_capacity(request.hash_records.len());
    for (index, record) in request.hash_records.iter().enumerate() {
        if !matches!(
            record.signal_type,
            SignalType::ImagePdq | SignalType::VideoMd5
        ) {
            return Err(ApiError::with_message(
                ErrorCode::UnsupportedSignal,
                format!("hashRecords[{index}]: only ImagePDQ and VideoMD5 are taken."),
            ));
        }
        let value = protocol::canonical_hash_value(record.signal_type, &record.hash_value)
            .ok_or_else(|| {
                ApiError::with_message(
                    ErrorCode::InvalidHash,
                    format!("hashRecords[{index}]: malformed hashValue."),
                )
            })?;
        candidates.push((record, value));
    }
    let mut items = Vec::new();
    let mut platform_feedback = Vec::new();
    let mut ignored = 0;
    for (record, value) in candidates {
        let banned =
            negative_bank_hit(&state, vec![(0, record.signal_type, value.clone())]).await?;
        if banned.is_some() {
            ignored += 1;
            continue;
        }
        if let Some(first) = record.csp_feedbacks.first() {
            platform_feedback.push((items.len(), first.feedback_value, first.tags.clone()));
        }
        items.push(NewItem {
            kind: if record.signal_type == SignalType::ImagePdq {
                "image"
            } else {
                "video"
            }
            .into(),
            signals: vec![NewSignal {
                signal_type: record.signal_type,
                value,
                convention: None,
                quality: None,
            }],
        });
    }
    let accepted = items.len();
    if !items.is_empty() {
        state
            .store
            .create_case(NewCase {
                origin: CaseOrigin::Platform,
                lookup: None,
                public_id: generate_public_id(),
                pin_hash: None,
                platform_id: Some(caller.id),
                created_at: now(),
                items,
                platform_feedback,
            })
            .await?;
    }
    state
        .audit
        .platform_call(
            &caller,
            "SubmitHashes",
            accepted as i64,
            0,
            json!({ "accepted": accepted, "ignored": ignored }),
        )
        .await;
    Ok(axum::Json(SubmitResponse {
        count: accepted,
        ignored_count: ignored,
    })
    .into_response())
}

/// `POST /v1/match`: hosted matching against this process's in-memory active list.
pub(crate) async fn match_hashes(
    State(state): State<Arc<HubState>>,
    caller: Caller,
    ApiJson(request): ApiJson<MatchRequest>,
) -> Result<Response, ApiError> {
    let total = request.hashes.len() + request.video_md5.len();
    if total > MAX_MATCH_HASHES {
        return Err(ErrorCode::TooManyHashes.into());
    }
    let threshold = request.threshold.unwrap_or(protocol::DEFAULT_PDQ_THRESHOLD);
    if threshold > MAX_PDQ_THRESHOLD {
        return Err(ErrorCode::InvalidThreshold.into());
    }
    let mut queries = Vec::with_capacity(request.hashes.len());
    for (index, text) in request.hashes.iter().enumerate() {
        let hash = pdq::PdqHash::from_hex(text).map_err(|_| {
            ApiError::with_message(
                ErrorCode::InvalidHash,
                format!("hashes[{index}] is not a PDQ hash."),
            )
        })?;
        queries.push(hash);
    }
    let mut md5s = Vec::with_capacity(request.video_md5.len());
    for (index, text) in request.video_md5.iter().enumerate() {
        md5s.push(
            protocol::canonical_hash_value(SignalType::VideoMd5, text).ok_or_else(|| {
                ApiError::with_message(
                    ErrorCode::InvalidHash,
                    format!("videoMd5[{index}] is not an MD5."),
                )
            })?,
        );
    }
    let mut results = Vec::with_capacity(total);
    let mut hits = 0usize;
    {
        let active = state.matcher.view();
        for hash in &queries {
            let matches: Vec<MatchHit> = active
                .match_pdq(hash, threshold)
                .into_iter()
                .map(|(hash_value, distance)| MatchHit {
                    hash_value,
                    distance,
                })
                .collect();
            hits += matches.len();
            results.push(MatchResult {
                signal_type: SignalType::ImagePdq,
                hash_value: hash.to_hex(),
                matches,
            });
        }
        for value in md5s {
            let matches = if active.match_exact(SignalType::VideoMd5, &value) {
                vec![MatchHit {
                    hash_value: value.clone(),
                    distance: 0,
                }]
            } else {
                Vec::new()
            };
            hits += matches.len();
            results.push(MatchResult {
                signal_type: SignalType::VideoMd5,
                hash_value: value,
                matches,
            });
        }
    }
    state
        .metrics
        .match_queries
        .fetch_add(total as u64, Ordering::Relaxed);
    state
        .metrics
        .match_hits
        .fetch_add(hits as u64, Ordering::Relaxed);
    state
        .audit
        .read_call(&caller, "match", total as i64, hits as i64);
    Ok(axum::Json(MatchResponse { threshold, results }).into_response())
}

#[derive(Deserialize)]
pub(crate) struct StreamParams {
    from: Option<String>,
}

/// Decrements the open-stream gauge when a stream ends.
struct OpenStream(Arc<HubState>);

impl Drop for OpenStream {
    fn drop(&mut self) {
        self.0.metrics.open_streams.fetch_sub(1, Ordering::Relaxed);
    }
}

/// `GET /v1/stream?from=POSITION`: server-sent events, one per change after `from` (or after
/// `Last-Event-ID`, or from now). Each event's id is its position and its data a
/// [`protocol::StreamEvent`].
pub(crate) async fn stream(
    State(state): State<Arc<HubState>>,
    caller: Caller,
    headers: HeaderMap,
    query: Result<Query<StreamParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = query.map_err(|_| ApiError::new(ErrorCode::InvalidParameter))?;
    let last_event = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let from = match parse_number(last_event.as_deref().or(params.from.as_deref()), "from")? {
        Some(from) => from,
        None => *state.head.borrow(),
    };
    state.metrics.open_streams.fetch_add(1, Ordering::Relaxed);
    state.audit.read_call(&caller, "stream", 0, 0);
    let guard = OpenStream(state.clone());
    let head = state.head.subscribe();
    let events = futures_util::stream::unfold(
        (state, from, VecDeque::new(), head, guard),
        |(state, mut cursor, mut buffer, mut head, guard)| async move {
            loop {
                if let Some(change) = buffer.pop_front() {
                    let change: store::HashChange = change;
                    let data = format!(
                        "{{\"position\":{},\"record\":{}}}",
                        change.seq, change.record
                    );
                    let event = Event::default()
                        .id(change.seq.to_string())
                        .event("change")
                        .data(data);
                    return Some((
                        Ok::<_, std::convert::Infallible>(event),
                        (state, cursor, buffer, head, guard),
                    ));
                }
                if *head.borrow_and_update() > cursor {
                    match state.store.changes_since(cursor, 1000).await {
                        Ok(changes) => {
                            if let Some(last) = changes.last() {
                                cursor = last.seq;
                            }
                            buffer.extend(changes);
                            continue;
                        }
                        Err(error) => {
                            tracing::warn!(%error, "stream ended: store error");
                            return None;
                        }
                    }
                }
                if head.changed().await.is_err() {
                    return None;
                }
            }
        },
    );
    Ok(Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response())
}

/// `GET /v1/stats`: the calling platform's use of the API over 30 days and its feedback.
pub(crate) async fn stats(
    State(state): State<Arc<HubState>>,
    caller: Caller,
) -> Result<Response, ApiError> {
    let usage = state
        .store
        .platform_usage(caller.id, now() / 86_400 - 30)
        .await?;
    let (pdq, exact) = state.matcher.view().len();
    let stats = PlatformStats {
        platform: caller.name.to_string(),
        active_hashes: (pdq + exact) as i64,
        usage: usage
            .endpoints
            .into_iter()
            .map(|(endpoint, calls, items, hits)| EndpointUsage {
                endpoint,
                calls,
                items,
                hits,
            })
            .collect(),
        feedback: usage
            .feedback
            .into_iter()
            .map(|(feedback_value, count)| FeedbackCount {
                feedback_value,
                count,
            })
            .collect(),
    };
    state.audit.read_call(&caller, "stats", 0, 0);
    Ok(axum::Json(stats).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens() {
        assert_eq!(
            super::parse_token("e1.42.1700000000"),
            Some((42, 1_700_000_000))
        );
        assert_eq!(super::parse_token("e1.42"), None);
        assert_eq!(super::parse_token("42.1"), None);
        assert_eq!(super::parse_token("e1.-1.5"), None);
        assert_eq!(super::parse_token("e1.1.2.3"), None);
    }
}
