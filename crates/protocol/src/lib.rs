//! Wire types of the hash-exchange API, shared by the hub and the platform agent.
//!
//! Two families live here:
//!
//! - The StopNCII-compatible platform API (`/v1/FetchHashes`, `/v1/SubmitFeedback`,
//!   `/v1/SubmitHashes`). Field names and their odd casing (`lastModtimestamp`, `CSPFeedbacks`)
//!   are exactly what python-threatexchange's `StopNCIIAPI` client sends and expects, so that
//!   existing clients (and Meta's HMA through it) work unchanged.
//! - Empreinte's own additions: hosted matching (`/v1/match`), the change stream
//!   (`/v1/stream`), per-platform statistics, and the error body every API answers with.

#![warn(missing_docs)]

mod stopncii;

pub use stopncii::*;

use serde::{Deserialize, Serialize};

/// The body of every error answer, on every API: `{"error": {"code", "message"}}`.
///
/// `code` is stable and machine-readable (clients translate or branch on it); `message` is an
/// English sentence for people reading logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// The error itself.
    pub error: ErrorDetail,
}

/// The inside of an [`ErrorBody`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Stable code, such as `invalid_api_key`.
    pub code: String,
    /// An English sentence explaining the error.
    pub message: String,
}

/// Most hashes a single `/v1/match` call may carry.
pub const MAX_MATCH_HASHES: usize = 1000;

/// Default Hamming distance threshold of PDQ matching (a match when distance <= 31).
pub const DEFAULT_PDQ_THRESHOLD: u32 = 31;

/// Largest threshold the hosted matcher accepts; beyond it PDQ matches are noise.
pub const MAX_PDQ_THRESHOLD: u32 = 63;

/// `POST /v1/match`: hosted matching of PDQ hashes (and exact video MD5s) against the active list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct MatchRequest {
    /// PDQ hashes to look up, 64 hexadecimal digits each.
    #[serde(default)]
    pub hashes: Vec<String>,
    /// Video MD5s to look up exactly, 32 hexadecimal digits each.
    #[serde(default)]
    pub video_md5: Vec<String>,
    /// Largest Hamming distance that counts as a PDQ match (default 31, at most 63).
    #[serde(default)]
    pub threshold: Option<u32>,
}

/// Answer of `POST /v1/match`: one result per query, in the order of the request
/// (PDQ hashes first, then video MD5s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchResponse {
    /// The threshold that was applied.
    pub threshold: u32,
    /// One entry per query.
    pub results: Vec<MatchResult>,
}

/// The matches of one query hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchResult {
    /// The signal type of the query.
    pub signal_type: SignalType,
    /// The query as sent (lowercased).
    pub hash_value: String,
    /// Every active hash within the threshold, nearest first.
    pub matches: Vec<MatchHit>,
}

/// One active hash that matched a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchHit {
    /// The distributed hash, as it appears in the feed.
    pub hash_value: String,
    /// Hamming distance to the query (0 for exact signals).
    pub distance: u32,
}

/// One event of `GET /v1/stream`, sent as a server-sent event whose `id` is `position` and whose
/// data is this JSON. A client that reconnects with `Last-Event-ID` resumes after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamEvent {
    /// Feed position of the change (strictly increasing along the stream).
    pub position: i64,
    /// The whole record of the hash after the change, as `FetchHashes` serves it.
    pub record: HashRecord,
}

/// Answer of `GET /v1/stats`: what the calling platform did and what the hub holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PlatformStats {
    /// The platform's public name.
    pub platform: String,
    /// Hashes currently distributed (status Active).
    pub active_hashes: i64,
    /// Per endpoint, calls and items over the last 30 days.
    pub usage: Vec<EndpointUsage>,
    /// Feedback this platform gave, by value.
    pub feedback: Vec<FeedbackCount>,
}

/// Use of one endpoint by one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct EndpointUsage {
    /// Endpoint name, e.g. `FetchHashes`.
    pub endpoint: String,
    /// Number of calls.
    pub calls: i64,
    /// Number of items (records served, hashes queried, feedbacks given).
    pub items: i64,
    /// Matches found (for `match`).
    pub hits: i64,
}

/// A count of feedback of one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackCount {
    /// The feedback value.
    pub feedback_value: String,
    /// How many hashes carry it from this platform.
    pub count: i64,
}
