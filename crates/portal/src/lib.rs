//! The person's portal: pages, translations, help content and browser assets.
//!
//! This crate serves everything a person sees: the explanation of the service, the eligibility
//! questions, the page that fingerprints their images on their device, the case status page, and
//! the help around it (reporting on each platform, filing a police complaint, support lines,
//! letters to the person who shares). It speaks French, Dutch, German and English.
//!
//! It owns no data and calls no server code: pages are rendered from [`PortalConfig`] and the
//! embedded translations, and the browser talks to the hub's case API (`/api/v1/...`) directly.
//! The hub mounts it with [`router`]:
//!
//! ```no_run
//! # async fn serve() {
//! let app = portal::router(portal::PortalConfig::default());
//! // hub: app.merge(api_routes) ...
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await.unwrap();
//! axum::serve(listener, app).await.unwrap();
//! # }
//! ```
//!
//! Every response carries the security headers of [`apply_security_headers`]: a strict
//! Content-Security-Policy (no inline script or style, nothing from another origin), no referrer,
//! no sniffing, no framing. Nothing sets a cookie.

#![warn(missing_docs)]

mod assets;
mod config;
mod guides;
mod headers;
mod i18n;
mod pages;
mod routes;

pub use assets::{asset_names, has_asset};
pub use config::{
    ConfigError, EXAMPLE_CONFIG_TOML, LocalizedText, MinorsService, Organisation, Police,
    PortalConfig, SupportLine,
};
pub use guides::{GUIDES, Guide};
pub use headers::{CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, apply_security_headers};
pub use i18n::{Lang, UnknownLang, message_exists, translation_problems};
pub use routes::{page_paths, router};

/// The error codes of the case API (`{"error": {"code": ...}}`) that the portal shows as a
/// translated message. The hub's table of codes (`hub::error`) should be a subset: a code
/// missing here is shown with a generic message.
pub const TRANSLATED_ERROR_CODES: &[&str] = &[
    "attestations_required",
    "case_withdrawn",
    "internal",
    "invalid_case_number",
    "invalid_credentials",
    "invalid_hash",
    "invalid_json",
    "invalid_request",
    // Refused by the operator's safeguards (the negative bank); deliberately neutral.
    "item_not_accepted",
    "locked_out",
    "low_quality",
    "method_not_allowed",
    "no_items",
    "not_found",
    "payload_too_large",
    "rate_limited",
    "too_many_items",
    "unavailable",
    "unsupported_media_type",
];

/// The error codes the hasher worker answers with (`{id, error: {code}}`), each shown as a
/// translated explanation next to the file.
pub const HASHER_ERROR_CODES: &[&str] = &[
    "decode_failed",
    "heic_unsupported",
    "internal",
    "read_failed",
    "too_large",
    "too_small",
    "unsupported_format",
];

/// The PDQ quality below which an image's fingerprint is refused (the page explains it instead
/// of sending it). Mirrors the hub's floor.
pub const QUALITY_FLOOR: u8 = 50;
