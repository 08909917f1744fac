//! The case API used by the portal: create a case, look at it, withdraw it.
//!
//! Credentials travel only in POST bodies, are never logged, and reach the store only as hashes.
//! Attempts are limited per client address (in memory) and per case (failed attempts lock the
//! case's lookups for a while, in the store, so that every hub process sees the lock).

use crate::credentials::{CaseNumber, generate_pin, generate_public_id, normalise_pin};
use crate::error::{ApiError, ErrorCode};
use crate::{HubState, client_address, now};
use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use protocol::{FeedbackValue, HashStatus, SignalType};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use store::{CaseOrigin, CaseState, CaseView, NewCase, NewItem, NewSignal};

/// A JSON body whose every rejection is an [`ApiError`] of the table.
pub(crate) struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => {
                let code = match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
                    _ => ErrorCode::InvalidJson,
                };
                // serde's message names the field and position, never echoes values.
                let message = match code {
                    ErrorCode::InvalidJson => {
                        format!(
                            "The request body is not valid JSON of the expected shape: {}",
                            rejection.body_text()
                        )
                    }
                    _ => code.default_message().to_string(),
                };
                Err(ApiError::with_message(code, message))
            }
        }
    }
}

/// Parts of the request needed for rate limiting.
pub(crate) struct Client(pub Option<std::net::IpAddr>);

impl axum::extract::FromRequestParts<Arc<HubState>> for Client {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<HubState>,
    ) -> Result<Self, ApiError> {
        Ok(Client(client_address(state, parts)))
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct Attestations {
    #[serde(default)]
    adult_when_made: Option<bool>,
    #[serde(default)]
    depicted: Option<bool>,
    #[serde(default)]
    intimate: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SignalIn {
    #[serde(rename = "type")]
    signal_type: String,
    #[serde(default)]
    convention: Option<String>,
    hash: String,
    #[serde(default)]
    quality: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemIn {
    kind: String,
    #[serde(default)]
    signals: Vec<SignalIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateCase {
    #[serde(default)]
    attestations: Attestations,
    #[serde(default)]
    items: Vec<ItemIn>,
}

#[derive(Deserialize)]
pub(crate) struct Credentials {
    #[serde(default)]
    case_number: String,
    #[serde(default)]
    pin: String,
}

/// Most signals in one item.
const MAX_SIGNALS_PER_ITEM: usize = 8;

fn item_error(code: ErrorCode, index: usize, what: &str) -> ApiError {
    ApiError::with_message(code, format!("Item {}: {what}", index + 1))
}

/// Checks a case request and turns it into the store's items.
fn validate(state: &HubState, request: &CreateCase) -> Result<Vec<NewItem>, ApiError> {
    let a = &request.attestations;
    if !(a.adult_when_made == Some(true) && a.depicted == Some(true) && a.intimate == Some(true)) {
        return Err(ErrorCode::AttestationsRequired.into());
    }
    if request.items.is_empty() {
        return Err(ErrorCode::NoItems.into());
    }
    let max = state.config.cases.max_items;
    if request.items.len() > max {
        return Err(ApiError::with_message(
            ErrorCode::TooManyItems,
            format!("At most {max} items per case."),
        ));
    }
    let mut items = Vec::with_capacity(request.items.len());
    for (index, item) in request.items.iter().enumerate() {
        if item.signals.is_empty() || item.signals.len() > MAX_SIGNALS_PER_ITEM {
            return Err(item_error(
                ErrorCode::InvalidRequest,
                index,
                &format!("an item needs between 1 and {MAX_SIGNALS_PER_ITEM} hashes."),
            ));
        }
        let mut signals = Vec::with_capacity(item.signals.len());
        for signal in &item.signals {
            let (signal_type, expected_kind) = match signal.signal_type.as_str() {
                "pdq" => (SignalType::ImagePdq, "image"),
                "video_md5" => (SignalType::VideoMd5, "video"),
                other => {
                    return Err(item_error(
                        ErrorCode::InvalidRequest,
                        index,
                        &format!("signal type {other:?} is not supported (pdq, video_md5)."),
                    ));
                }
            };
            if item.kind != expected_kind {
                return Err(item_error(
                    ErrorCode::InvalidRequest,
                    index,
                    &format!(
                        "a {} signal belongs to an item of kind {expected_kind}.",
                        signal.signal_type
                    ),
                ));
            }
            let Some(value) = protocol::canonical_hash_value(signal_type, &signal.hash) else {
                return Err(item_error(
                    ErrorCode::InvalidHash,
                    index,
                    "a hash is malformed.",
                ));
            };
            let (convention, quality) = if signal_type == SignalType::ImagePdq {
                let convention = signal.convention.as_deref().unwrap_or("reference");
                if convention.parse::<pdq::Convention>().is_err() {
                    return Err(item_error(
                        ErrorCode::InvalidRequest,
                        index,
                        "the PDQ convention is \"reference\" or \"full-resolution\".",
                    ));
                }
                let Some(quality) = signal.quality.filter(|q| (0..=100).contains(q)) else {
                    return Err(item_error(
                        ErrorCode::InvalidRequest,
                        index,
                        "a PDQ hash needs its quality (0 to 100).",
                    ));
                };
                if quality < i64::from(state.config.cases.min_pdq_quality) {
                    return Err(item_error(
                        ErrorCode::LowQuality,
                        index,
                        "the image has too little detail to be protected reliably.",
                    ));
                }
                (Some(convention.to_string()), Some(quality))
            } else {
                (None, None)
            };
            signals.push(NewSignal {
                signal_type,
                value,
                convention,
                quality,
            });
        }
        items.push(NewItem {
            kind: item.kind.clone(),
            signals,
        });
    }
    Ok(items)
}

/// Index of the first item with a signal in the negative bank.
pub(crate) async fn negative_bank_hit(
    state: &HubState,
    signals: Vec<(usize, SignalType, String)>,
) -> Result<Option<usize>, ApiError> {
    let bank = state.store.negative_bank().await?;
    if bank.is_empty() {
        return Ok(None);
    }
    let radius = state.config.platforms.negative_bank_radius;
    let bank_pdq: Vec<pdq::PdqHash> = bank
        .iter()
        .filter(|e| e.signal_type == SignalType::ImagePdq)
        .filter_map(|e| pdq::PdqHash::from_hex(&e.value).ok())
        .collect();
    for (index, signal_type, value) in signals {
        let hit = if signal_type == SignalType::ImagePdq {
            pdq::PdqHash::from_hex(&value)
                .map(|h| bank_pdq.iter().any(|b| b.distance(&h) <= radius))
                .unwrap_or(false)
        } else {
            bank.iter()
                .any(|e| e.signal_type == signal_type && e.value == value)
        };
        if hit {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

/// Runs Argon2 off the async threads, a bounded number at a time.
async fn with_argon2<T: Send + 'static>(
    state: &Arc<HubState>,
    work: impl FnOnce(&crate::credentials::PinHasher) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let _slot = state
        .argon2_slots
        .acquire()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Unavailable))?;
    let state = state.clone();
    tokio::task::spawn_blocking(move || work(&state.pins))
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal))
}

/// `POST /api/v1/cases`
pub(crate) async fn create(
    State(state): State<Arc<HubState>>,
    Client(client): Client,
    ApiJson(request): ApiJson<CreateCase>,
) -> Result<Response, ApiError> {
    let items = validate(&state, &request)?;
    state
        .create_per_client
        .check(client)
        .and_then(|_| state.create_global.check(None))
        .map_err(|wait| ApiError::new(ErrorCode::RateLimited).retry_after(wait))?;
    let mut signals = Vec::new();
    for (index, item) in items.iter().enumerate() {
        for signal in &item.signals {
            signals.push((index, signal.signal_type, signal.value.clone()));
        }
    }
    if let Some(index) = negative_bank_hit(&state, signals).await? {
        return Err(item_error(
            ErrorCode::ItemNotAccepted,
            index,
            "this item cannot be accepted.",
        ));
    }
    let item_count = items.len();
    let pin = generate_pin();
    let pin_for_hash = pin.clone();
    let pin_hash = with_argon2(&state, move |pins| pins.hash(&pin_for_hash)).await?;
    // A clash of two random 100-bit numbers is practically impossible; retry once anyway.
    let mut attempt = 0;
    let case_number = loop {
        let case_number = CaseNumber::generate();
        let case = NewCase {
            origin: CaseOrigin::Person,
            lookup: Some(case_number.lookup_key()),
            public_id: generate_public_id(),
            pin_hash: Some(pin_hash.clone()),
            platform_id: None,
            created_at: now(),
            items: items.clone(),
            platform_feedback: Vec::new(),
        };
        match state.store.create_case(case).await {
            Ok(_) => break case_number,
            Err(store::StoreError::Conflict(_)) if attempt == 0 => attempt += 1,
            Err(error) => return Err(error.into()),
        }
    };
    state.metrics.cases_created.fetch_add(1, Ordering::Relaxed);
    tracing::info!(items = item_count, "case created");
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({
            "case_number": case_number.display(),
            "pin": pin,
            "items": item_count,
        })),
    )
        .into_response())
}

/// Checks credentials; answers the case's internal id.
async fn authenticate(
    state: &Arc<HubState>,
    client: Option<std::net::IpAddr>,
    credentials: &Credentials,
) -> Result<(i64, CaseNumber), ApiError> {
    state
        .attempts_per_client
        .check(client)
        .map_err(|wait| ApiError::new(ErrorCode::RateLimited).retry_after(wait))?;
    // A mistyped case number is said to be one: its format is public, so this tells nothing.
    let Some(number) = CaseNumber::parse(&credentials.case_number) else {
        return Err(ErrorCode::InvalidCaseNumber.into());
    };
    let Some(pin) = normalise_pin(&credentials.pin) else {
        state
            .metrics
            .failed_attempts
            .fetch_add(1, Ordering::Relaxed);
        return Err(ErrorCode::InvalidCredentials.into());
    };
    let stored = state.store.case_credentials(&number.lookup_key()).await?;
    let now = now();
    if let Some(locked_until) = stored.as_ref().and_then(|s| s.locked_until)
        && locked_until > now
    {
        return Err(ApiError::new(ErrorCode::LockedOut).retry_after((locked_until - now) as u64));
    }
    let pin_hash = stored.as_ref().map(|s| s.pin_hash.clone());
    // An unknown case number is checked against a decoy, so both failures take as long.
    let ok = with_argon2(state, move |pins| pins.verify(&pin, pin_hash.as_deref())).await?;
    match stored {
        Some(stored) if ok => {
            if stored.failed_attempts > 0 {
                state.store.reset_failed_attempts(stored.id).await?;
            }
            Ok((stored.id, number))
        }
        Some(stored) => {
            state
                .metrics
                .failed_attempts
                .fetch_add(1, Ordering::Relaxed);
            let lockout = state.config.lockout().as_secs() as i64;
            state
                .store
                .record_failed_attempt(
                    stored.id,
                    now,
                    state.config.cases.max_failed_attempts,
                    lockout,
                )
                .await?;
            Err(ErrorCode::InvalidCredentials.into())
        }
        None => {
            state
                .metrics
                .failed_attempts
                .fetch_add(1, Ordering::Relaxed);
            Err(ErrorCode::InvalidCredentials.into())
        }
    }
}

/// `POST /api/v1/cases/status`
pub(crate) async fn status(
    State(state): State<Arc<HubState>>,
    Client(client): Client,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<Response, ApiError> {
    let (case_id, number) = authenticate(&state, client, &credentials).await?;
    let view = state
        .store
        .case_view(case_id)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidCredentials))?;
    Ok(axum::Json(case_json(&number, &view)).into_response())
}

/// `POST /api/v1/cases/withdraw`
pub(crate) async fn withdraw(
    State(state): State<Arc<HubState>>,
    Client(client): Client,
    ApiJson(credentials): ApiJson<Credentials>,
) -> Result<Response, ApiError> {
    let (case_id, number) = authenticate(&state, client, &credentials).await?;
    let now = now();
    let grace = state.config.grace().as_secs() as i64;
    if state.store.withdraw_case(case_id, now, now + grace).await? {
        state
            .metrics
            .cases_withdrawn
            .fetch_add(1, Ordering::Relaxed);
        tracing::info!("case withdrawn");
        if grace == 0 {
            state.purge_now.notify_one();
        }
    }
    let view = state
        .store
        .case_view(case_id)
        .await?
        .ok_or_else(|| ApiError::new(ErrorCode::InvalidCredentials))?;
    Ok(axum::Json(case_json(&number, &view)).into_response())
}

/// `GET /api/v1/platforms`
pub(crate) async fn platforms(State(state): State<Arc<HubState>>) -> Result<Response, ApiError> {
    let platforms: Vec<Value> = state
        .store
        .list_platforms()
        .await?
        .into_iter()
        .filter(|p| p.revoked_at.is_none())
        .map(|p| json!({ "name": p.name }))
        .collect();
    Ok(axum::Json(json!({ "platforms": platforms })).into_response())
}

/// What a person sees of a platform's feedback.
fn report_outcome(value: FeedbackValue) -> &'static str {
    match value {
        FeedbackValue::Blocked | FeedbackValue::Deleted => "blocked",
        FeedbackValue::NotBlocked => "not_blocked",
        FeedbackValue::PendingReview => "pending_review",
        _ => "matched",
    }
}

fn case_json(number: &CaseNumber, view: &CaseView) -> Value {
    let items: Vec<Value> = view
        .items
        .iter()
        .map(|item| {
            let status = if view.state == CaseState::Withdrawn {
                "withdrawn"
            } else if item.signals.iter().any(|s| s.status == HashStatus::Active) {
                "active"
            } else {
                // Held back by the operator's safeguards (quarantine, negative bank).
                "quarantined"
            };
            let signals: Vec<Value> = item
                .signals
                .iter()
                .map(|s| match s.signal_type {
                    SignalType::ImagePdq => json!({
                        "type": "pdq", "convention": s.convention, "hash": s.value, "quality": s.quality,
                    }),
                    _ => json!({ "type": "video_md5", "hash": s.value }),
                })
                .collect();
            let reports: Vec<Value> = item
                .reports
                .iter()
                .map(|r| {
                    json!({
                        "platform": r.platform,
                        "outcome": report_outcome(r.value),
                        "at": rfc3339(r.updated_at),
                        "first_at": rfc3339(r.first_at),
                    })
                })
                .collect();
            json!({
                "index": item.position,
                "kind": item.kind,
                "status": status,
                "signals": signals,
                "reports": reports,
            })
        })
        .collect();
    json!({
        "case_number": number.display(),
        "state": view.state.as_str(),
        "created_at": rfc3339(view.created_at),
        "withdrawn_at": view.withdrawn_at.map(rfc3339),
        "purge_at": view.purge_at.map(rfc3339),
        "items": items,
    })
}

/// `2026-11-23T05:00:00Z` from seconds since the epoch.
pub(crate) fn rfc3339(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Purges withdrawn cases whose grace period is over.
pub(crate) async fn purge_once(
    state: &Arc<HubState>,
) -> Result<store::PurgeReport, store::StoreError> {
    let report = state.store.purge_due(now()).await?;
    if report.cases > 0 {
        tracing::info!(
            cases = report.cases,
            hashes = report.hashes,
            "purged withdrawn cases"
        );
        state
            .audit
            .system(
                "purge",
                json!({ "cases": report.cases, "hashes": report.hashes }),
            )
            .await;
    }
    Ok(report)
}

/// The purge task: every `purge_interval`, and at once after a withdrawal when the grace
/// period is zero.
pub(crate) async fn run_purge(
    state: Arc<HubState>,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let interval = state.config.purge_interval();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = state.purge_now.notified() => {}
            _ = shutdown.changed() => return,
        }
        if let Err(error) = purge_once(&state).await {
            tracing::warn!(%error, "purge failed");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
