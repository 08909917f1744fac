//! Security headers set on every response of the portal.

use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The Content-Security-Policy of every page: scripts, styles, workers and connections from
/// this origin only; WebAssembly may be compiled (the hasher); images from this origin or
/// `blob:` (local thumbnails of the person's own files, which never leave the page); nothing
/// else, no inline script or style, no framing, no `<base>`, forms post to this origin only.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The Permissions-Policy: the portal needs no sensor, camera, microphone or location, and
/// takes no part in interest-based advertising.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

/// Sets the portal's security headers on a response (the hub uses it for its own responses
/// too, so that the whole origin is covered).
pub fn apply_security_headers(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        CONTENT_SECURITY_POLICY,
    );
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        PERMISSIONS_POLICY,
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    // Nothing the portal serves needs a cookie; make sure none slips through a layer.
    headers.remove(header::SET_COOKIE);
}
