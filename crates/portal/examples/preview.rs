//! PREVIEW ONLY: serves the portal with a fake, in-memory case API, for clicking through the
//! pages and for the browser tests before the hub exists.
//!
//! Nothing here is part of the portal or of the real server: the fake API keeps cases in memory
//! (gone when the process ends), invents platform reports, stores PINs in clear, and has no rate
//! limits. The pages, their scripts and the hashing worker (WebAssembly) are the real ones,
//! embedded in the portal crate. The real server is `empreinte serve`.
//!
//! ```sh
//! cargo run -p portal --example preview            # a free port, printed on the first line
//! PREVIEW_PORT=8080 cargo run -p portal --example preview
//! PREVIEW_PLATFORMS= cargo run -p portal --example preview   # no platform (empty state)
//! ```

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

#[derive(Default)]
struct FakeCases {
    cases: Mutex<HashMap<String, FakeCase>>,
    platforms: Vec<String>,
}

struct FakeCase {
    pin: String,
    created_at: String,
    withdrawn_at: Option<String>,
    kinds: Vec<String>,
}

type Shared = Arc<FakeCases>;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let platforms = std::env::var("PREVIEW_PLATFORMS")
        .unwrap_or_else(|_| "Preview Social,Preview Video".to_owned())
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    let fake = Arc::new(FakeCases {
        cases: Mutex::default(),
        platforms,
    });
    let api = Router::new()
        .route("/api/v1/platforms", get(platforms_list))
        .route("/api/v1/cases", post(create_case))
        .route("/api/v1/cases/status", post(case_status))
        .route("/api/v1/cases/withdraw", post(withdraw_case))
        .with_state(fake);
    let app = portal::router(portal::PortalConfig::default()).merge(api);

    let port = std::env::var("PREVIEW_PORT").unwrap_or_else(|_| "0".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    // The browser tests read this line to find the server.
    println!("preview: listening on http://{}/", listener.local_addr()?);
    axum::serve(listener, app).await
}

fn api_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = json!({ "error": { "code": code, "message": message } });
    let mut response = (status, Json(body)).into_response();
    portal::apply_security_headers(response.headers_mut());
    response
}

fn api_ok(status: StatusCode, body: Value) -> Response {
    let mut response = (status, Json(body)).into_response();
    portal::apply_security_headers(response.headers_mut());
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn platforms_list(State(fake): State<Shared>) -> Response {
    let platforms: Vec<Value> = fake
        .platforms
        .iter()
        .map(|n| json!({ "name": n }))
        .collect();
    api_ok(StatusCode::OK, json!({ "platforms": platforms }))
}

fn is_hex(text: &Value, digits: usize) -> bool {
    text.as_str().is_some_and(|s| {
        s.len() == digits
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

async fn create_case(State(fake): State<Shared>, body: Option<Json<Value>>) -> Response {
    let Some(Json(body)) = body else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "The body is not JSON.",
        );
    };
    let attested = ["adult_when_made", "depicted", "intimate"]
        .iter()
        .all(|name| body["attestations"][name] == Value::Bool(true));
    if !attested {
        return api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "attestations_required",
            "All attestations must be true.",
        );
    }
    let Some(items) = body["items"].as_array() else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "items is missing.",
        );
    };
    if items.is_empty() {
        return api_error(StatusCode::UNPROCESSABLE_ENTITY, "no_items", "No items.");
    }
    if items.len() > 100 {
        return api_error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_items",
            "Too many items.",
        );
    }
    let mut kinds = Vec::new();
    for item in items {
        let signals = item["signals"].as_array().cloned().unwrap_or_default();
        let valid = match item["kind"].as_str() {
            Some("image") => {
                !signals.is_empty()
                    && signals
                        .iter()
                        .all(|s| s["type"] == "pdq" && is_hex(&s["hash"], 64))
            }
            Some("video") => {
                !signals.is_empty()
                    && signals
                        .iter()
                        .all(|s| s["type"] == "video_md5" && is_hex(&s["hash"], 32))
            }
            _ => false,
        };
        if !valid {
            return api_error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_hash",
                "Bad item.",
            );
        }
        if signals
            .iter()
            .any(|s| s["quality"].as_u64().is_some_and(|q| q < 50))
        {
            return api_error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "low_quality",
                "Quality < 50.",
            );
        }
        kinds.push(item["kind"].as_str().unwrap_or("image").to_owned());
    }
    let case_number = random_case_number();
    let pin = format!("{:08}", random_u64() % 100_000_000);
    let count = kinds.len();
    fake.cases.lock().unwrap_or_else(|e| e.into_inner()).insert(
        case_number.replace('-', ""),
        FakeCase {
            pin: pin.clone(),
            created_at: now_rfc3339(),
            withdrawn_at: None,
            kinds,
        },
    );
    api_ok(
        StatusCode::CREATED,
        json!({ "case_number": case_number, "pin": pin, "items": count }),
    )
}

fn canonical(number: &str) -> String {
    number
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect()
}

fn credentials(body: &Value) -> Option<(String, String)> {
    Some((
        canonical(body["case_number"].as_str()?),
        body["pin"].as_str()?.to_owned(),
    ))
}

async fn case_status(State(fake): State<Shared>, body: Option<Json<Value>>) -> Response {
    let Some((number, pin)) = body.and_then(|Json(b)| credentials(&b)) else {
        return api_error(StatusCode::BAD_REQUEST, "invalid_request", "Bad body.");
    };
    let cases = fake.cases.lock().unwrap_or_else(|e| e.into_inner());
    let Some(case) = cases.get(&number).filter(|c| c.pin == pin) else {
        return api_error(
            StatusCode::NOT_FOUND,
            "invalid_credentials",
            "No such case.",
        );
    };
    let withdrawn = case.withdrawn_at.is_some();
    let items: Vec<Value> = case
        .kinds
        .iter()
        .enumerate()
        .map(|(index, kind)| {
            // Invented reports, so that the page has something to show.
            let mut reports = Vec::new();
            if let Some(first) = fake.platforms.first() {
                let outcome = ["blocked", "pending_review", "not_blocked"][index % 3];
                reports
                    .push(json!({ "platform": first, "outcome": outcome, "at": case.created_at }));
            }
            json!({
                "kind": kind,
                "status": if withdrawn { "withdrawn" } else { "active" },
                "reports": reports,
            })
        })
        .collect();
    api_ok(
        StatusCode::OK,
        json!({
            "case_number": format_number(&number),
            "state": if withdrawn { "withdrawn" } else { "active" },
            "created_at": case.created_at,
            "withdrawn_at": case.withdrawn_at,
            "items": items,
        }),
    )
}

async fn withdraw_case(State(fake): State<Shared>, body: Option<Json<Value>>) -> Response {
    let Some((number, pin)) = body.and_then(|Json(b)| credentials(&b)) else {
        return api_error(StatusCode::BAD_REQUEST, "invalid_request", "Bad body.");
    };
    let mut cases = fake.cases.lock().unwrap_or_else(|e| e.into_inner());
    let Some(case) = cases.get_mut(&number).filter(|c| c.pin == pin) else {
        return api_error(
            StatusCode::NOT_FOUND,
            "invalid_credentials",
            "No such case.",
        );
    };
    if case.withdrawn_at.is_some() {
        return api_error(StatusCode::CONFLICT, "case_withdrawn", "Already withdrawn.");
    }
    case.withdrawn_at = Some(now_rfc3339());
    api_ok(StatusCode::OK, json!({ "state": "withdrawn" }))
}

fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    hasher.finish()
}

fn random_case_number() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let symbols: String = (0..20)
        .map(|_| ALPHABET[(random_u64() % 32) as usize] as char)
        .collect();
    format_number(&symbols)
}

fn format_number(symbols: &str) -> String {
    symbols
        .as_bytes()
        .chunks(5)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

fn now_rfc3339() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
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
