//! The one table of error codes of every API of the hub, with their HTTP statuses.
//!
//! A code never changes meaning once released; clients (the portal's translations, platform
//! integrations) branch on it. Every error answer has the body
//! `{"error": {"code": "<code>", "message": "<English sentence>"}}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use protocol::{ErrorBody, ErrorDetail};

macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = ($code:literal, $status:ident, $message:literal)),+ $(,)?) => {
        /// A stable error code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[$doc])* $variant),+
        }

        impl ErrorCode {
            /// Every code, for documentation and tests.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code),+ }
            }

            /// The HTTP status that carries it.
            pub const fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status),+ }
            }

            /// The default English message.
            pub const fn default_message(self) -> &'static str {
                match self { $(ErrorCode::$variant => $message),+ }
            }
        }
    };
}

error_codes! {
    /// The body is not valid JSON or does not have the expected shape.
    InvalidJson = ("invalid_json", BAD_REQUEST, "The request body is not valid JSON of the expected shape."),
    /// The body is larger than the configured limit.
    PayloadTooLarge = ("payload_too_large", PAYLOAD_TOO_LARGE, "The request body is too large."),
    /// The body is not `application/json`.
    UnsupportedMediaType = ("unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "The request body must be application/json."),
    /// A query parameter is malformed.
    InvalidParameter = ("invalid_parameter", BAD_REQUEST, "A query parameter is malformed."),
    /// A `nextPageToken` was not issued by this hub.
    InvalidPageToken = ("invalid_page_token", BAD_REQUEST, "The page token is not valid; start again from your last nextSetTimestamp."),
    /// An eligibility attestation is missing or false.
    AttestationsRequired = ("attestations_required", UNPROCESSABLE_ENTITY, "All three attestations are required: 18 or over when the content was made, you are in it, and it is intimate."),
    /// The case has no items.
    NoItems = ("no_items", UNPROCESSABLE_ENTITY, "A case needs at least one image or video."),
    /// The case has more items than allowed.
    TooManyItems = ("too_many_items", UNPROCESSABLE_ENTITY, "Too many items in one request."),
    /// An item has no signals, too many, signals of an unknown type or that do not fit its kind.
    InvalidRequest = ("invalid_request", UNPROCESSABLE_ENTITY, "An item is malformed: it needs its hashes, of the kind that fits it."),
    /// A hash value is malformed.
    InvalidHash = ("invalid_hash", UNPROCESSABLE_ENTITY, "A hash is malformed."),
    /// A signal type that the platform API does not take.
    UnsupportedSignal = ("unsupported_signal", UNPROCESSABLE_ENTITY, "This signal type is not supported."),
    /// A PDQ hash of quality below the floor.
    LowQuality = ("low_quality", UNPROCESSABLE_ENTITY, "An image has too little detail to be protected reliably (PDQ quality below 50)."),
    /// A submission the hub does not accept (the negative bank); deliberately neutral.
    ItemNotAccepted = ("item_not_accepted", UNPROCESSABLE_ENTITY, "One of the items cannot be accepted."),
    /// The case number is not 20 symbols of Crockford base32 (a typing error).
    InvalidCaseNumber = ("invalid_case_number", UNPROCESSABLE_ENTITY, "A case number has 20 letters and digits, in four groups of five."),
    /// The case number or PIN is wrong (or the case no longer exists).
    InvalidCredentials = ("invalid_credentials", UNAUTHORIZED, "The case number or PIN is not correct."),
    /// Too many failed attempts on this case: locked for a while.
    LockedOut = ("locked_out", TOO_MANY_REQUESTS, "Too many failed attempts. Try again later."),
    /// Too many requests from this client.
    RateLimited = ("rate_limited", TOO_MANY_REQUESTS, "Too many requests. Try again later."),
    /// No API key was sent.
    MissingApiKey = ("missing_api_key", UNAUTHORIZED, "An API key is required (Ocp-Apim-Subscription-Key or Authorization: Bearer)."),
    /// The API key is unknown or revoked.
    InvalidApiKey = ("invalid_api_key", UNAUTHORIZED, "The API key is not valid."),
    /// A match request carries too many hashes.
    TooManyHashes = ("too_many_hashes", UNPROCESSABLE_ENTITY, "At most 1000 hashes per request."),
    /// The match threshold is out of range.
    InvalidThreshold = ("invalid_threshold", UNPROCESSABLE_ENTITY, "The threshold must be between 0 and 63."),
    /// No such route.
    NotFound = ("not_found", NOT_FOUND, "There is nothing here."),
    /// The route exists with another method.
    MethodNotAllowed = ("method_not_allowed", METHOD_NOT_ALLOWED, "This method is not allowed here."),
    /// The hub is starting or overloaded.
    Unavailable = ("unavailable", SERVICE_UNAVAILABLE, "The service is temporarily unavailable."),
    /// A fault of the hub.
    Internal = ("internal", INTERNAL_SERVER_ERROR, "Something went wrong on our side."),
}

/// An error answer: a code, a message, and sometimes a `Retry-After`.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The code.
    pub code: ErrorCode,
    /// The message (the code's default unless more specific).
    pub message: String,
    /// Seconds after which retrying makes sense.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// The error with its default message.
    pub fn new(code: ErrorCode) -> Self {
        ApiError {
            code,
            message: code.default_message().to_string(),
            retry_after: None,
        }
    }

    /// The error with a specific message.
    pub fn with_message(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    /// Adds a `Retry-After`.
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds.max(1));
        self
    }
}

impl From<ErrorCode> for ApiError {
    fn from(code: ErrorCode) -> Self {
        ApiError::new(code)
    }
}

impl From<store::StoreError> for ApiError {
    fn from(error: store::StoreError) -> Self {
        // Store errors never carry credentials (the store only sees their hashes).
        tracing::error!(%error, "store error");
        ApiError::new(ErrorCode::Internal)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.as_str().to_string(),
                message: self.message,
            },
        };
        let mut response = (self.code.status(), axum::Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_str(&seconds.to_string()).expect("digits are a valid header"),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case_and_errors() {
        let mut seen = HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(
                code.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
            );
            assert!(code.status().is_client_error() || code.status().is_server_error());
            assert!(code.default_message().ends_with('.'));
        }
    }

    /// Codes only platforms and operators meet: the case API never answers with them.
    const PLATFORM_ONLY: &[ErrorCode] = &[
        ErrorCode::InvalidParameter,
        ErrorCode::InvalidPageToken,
        ErrorCode::MissingApiKey,
        ErrorCode::InvalidApiKey,
        ErrorCode::InvalidThreshold,
        ErrorCode::TooManyHashes,
        ErrorCode::UnsupportedSignal,
    ];

    #[test]
    fn every_code_a_person_can_meet_is_translated_by_the_portal() {
        for code in ErrorCode::ALL {
            if PLATFORM_ONLY.contains(code) {
                continue;
            }
            assert!(
                portal::TRANSLATED_ERROR_CODES.contains(&code.as_str()),
                "{}: the portal would show a generic message",
                code.as_str()
            );
        }
    }
}
