//! The OpenAPI document of every route, served at `/openapi.json`.
//!
//! Maintained by hand next to the code; the tests check that it parses, that it documents every
//! route of the router and every error code of the table.

use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;

/// The OpenAPI 3.1 document.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

pub(crate) async fn document() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI_JSON,
    )
}

#[cfg(test)]
mod tests {
    use super::OPENAPI_JSON;
    use crate::error::ErrorCode;

    #[test]
    fn documents_every_route_and_error_code() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI_JSON).expect("valid JSON");
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().unwrap();
        for (path, method) in [
            ("/api/v1/cases", "post"),
            ("/api/v1/cases/status", "post"),
            ("/api/v1/cases/withdraw", "post"),
            ("/api/v1/platforms", "get"),
            ("/v1/FetchHashes", "get"),
            ("/v1/SubmitFeedback", "post"),
            ("/v1/SubmitHashes", "post"),
            ("/v1/match", "post"),
            ("/v1/stream", "get"),
            ("/v1/stats", "get"),
            ("/openapi.json", "get"),
            ("/metrics", "get"),
            ("/healthz", "get"),
        ] {
            assert!(
                paths.get(path).and_then(|p| p.get(method)).is_some(),
                "{method} {path} undocumented"
            );
        }
        let codes: Vec<&str> = doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        for code in ErrorCode::ALL {
            assert!(
                codes.contains(&code.as_str()),
                "{} undocumented",
                code.as_str()
            );
        }
        assert_eq!(codes.len(), ErrorCode::ALL.len());
    }
}
