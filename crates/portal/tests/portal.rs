//! The portal's integration tests: every page in every language through the real router, the
//! security headers, the translations, the assets, and the no-third-party rule.

use std::collections::BTreeSet;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use portal::{GUIDES, Lang, PortalConfig};
use tower::ServiceExt;

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("router never fails");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), 10 * 1024 * 1024)
        .await
        .expect("body fits");
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn app() -> Router {
    portal::router(PortalConfig::default())
}

fn header<'a>(reply: &'a Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

fn assert_security_headers(reply: &Reply, what: &str) {
    assert_eq!(
        header(reply, "content-security-policy"),
        portal::CONTENT_SECURITY_POLICY,
        "{what}"
    );
    assert_eq!(header(reply, "referrer-policy"), "no-referrer", "{what}");
    assert_eq!(header(reply, "x-content-type-options"), "nosniff", "{what}");
    assert_eq!(header(reply, "x-frame-options"), "DENY", "{what}");
    assert!(
        header(reply, "permissions-policy").contains("camera=()"),
        "{what}"
    );
    assert!(
        reply.headers.get(header::SET_COOKIE).is_none(),
        "{what} sets a cookie"
    );
}

fn every_page() -> Vec<(Lang, String)> {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        for path in portal::page_paths() {
            pages.push((lang, format!("/{}{}", lang.code(), path)));
        }
    }
    pages
}

#[tokio::test]
async fn every_page_renders_in_every_language_with_the_security_headers() {
    let app = app();
    let mut count = 0;
    for (lang, uri) in every_page() {
        let reply = get(&app, &uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_security_headers(&reply, &uri);
        assert_eq!(
            header(&reply, "content-type"),
            "text/html; charset=utf-8",
            "{uri}"
        );
        assert_eq!(header(&reply, "cache-control"), "no-store", "{uri}");
        assert!(reply.body.starts_with("<!DOCTYPE html>"), "{uri}");
        assert!(
            reply
                .body
                .contains(&format!("<html lang=\"{}\">", lang.code())),
            "{uri}: lang attribute"
        );
        for landmark in [
            "<header",
            "<main id=\"main\"",
            "<footer",
            "class=\"skip-link\" href=\"#main\"",
            "id=\"quick-exit\"",
        ] {
            assert!(reply.body.contains(landmark), "{uri}: {landmark}");
        }
        assert!(
            !reply.body.contains(portal_missing_marker()),
            "{uri}: a translation is missing: {}",
            excerpt(&reply.body, portal_missing_marker())
        );
        assert_eq!(reply.body.matches("<h1").count(), 1, "{uri}: one h1");
        count += 1;
    }
    assert!(count >= 4 * 19, "only {count} pages");
}

fn portal_missing_marker() -> &'static str {
    "⟦"
}

fn excerpt<'a>(text: &'a str, needle: &str) -> &'a str {
    let at = text.find(needle).unwrap_or(0);
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .nth(80)
        .map_or(text.len(), |(i, _)| at + i);
    &text[start..end]
}

#[test]
fn translations_are_complete_and_free_of_fluent_errors() {
    let problems = portal::translation_problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_csp_allows_no_inline_code_and_nothing_from_elsewhere() {
    let csp = portal::CONTENT_SECURITY_POLICY;
    assert!(!csp.contains("unsafe-inline"));
    assert!(!csp.contains("'unsafe-eval'"));
    assert!(!csp.contains('*'));
    assert!(!csp.contains("http:") && !csp.contains("https:"));
    for directive in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(directive), "{directive}");
    }
}

/// Every `http(s)://…` in a text, up to the first character that cannot be in a URL.
fn urls_in(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("http") {
        let candidate = &rest[at..];
        if candidate.starts_with("http://") || candidate.starts_with("https://") {
            let end = candidate
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')' | '`')
                })
                .unwrap_or(candidate.len());
            urls.push(candidate[..end].to_owned());
        }
        rest = &rest[at + 4..];
    }
    urls
}

#[tokio::test]
async fn pages_link_only_to_this_site_and_the_configured_help() {
    let config = PortalConfig::default();
    let mut allowed: BTreeSet<String> = config
        .external_links()
        .into_iter()
        .map(str::to_owned)
        .collect();
    allowed.extend(
        GUIDES
            .iter()
            .flat_map(|g| g.links.iter().map(|(_, url)| (*url).to_owned())),
    );
    let app = app();
    for (_, uri) in every_page() {
        let reply = get(&app, &uri).await;
        for url in urls_in(&reply.body) {
            assert!(
                allowed.contains(&url),
                "{uri} links to {url}, which is not configured"
            );
        }
        // Nothing is loaded from elsewhere: every src and stylesheet is a local path.
        for attribute in [
            "src=\"",
            "<link rel=\"stylesheet\" href=\"",
            "<link rel=\"icon\" href=\"",
        ] {
            for (at, _) in reply.body.match_indices(attribute) {
                let value = &reply.body[at + attribute.len()..];
                assert!(
                    value.starts_with('/') && !value.starts_with("//"),
                    "{uri}: {attribute}{}",
                    &value[..value.len().min(40)]
                );
            }
        }
    }
}

#[tokio::test]
async fn pages_have_no_inline_script_or_style() {
    let app = app();
    for (_, uri) in every_page() {
        let body = get(&app, &uri).await.body;
        for (at, _) in body.match_indices("<script") {
            let tag = &body[at..at + body[at..].find('>').unwrap()];
            assert!(
                tag.contains(" src=\"") || tag.contains("type=\"application/json\""),
                "{uri}: inline script {tag}"
            );
        }
        assert!(!body.contains("<style"), "{uri}: <style>");
        assert!(!body.contains(" style=\""), "{uri}: style attribute");
        for handler in [
            " onclick=",
            " onload=",
            " onerror=",
            " onsubmit=",
            " onchange=",
            "javascript:",
        ] {
            assert!(!body.contains(handler), "{uri}: {handler}");
        }
    }
}

#[tokio::test]
async fn page_data_for_scripts_is_valid_json_with_every_string() {
    let app = app();
    for (lang, uri) in every_page() {
        let body = get(&app, &uri).await.body;
        let start = body
            .find("<script id=\"portal-data\" type=\"application/json\">")
            .expect("data block");
        let json = &body[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let data: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(data["lang"], lang.code(), "{uri}");
        if let Some(strings) = data["strings"].as_object() {
            for (key, value) in strings {
                let text = value.as_str().unwrap();
                assert!(
                    !text.contains(portal_missing_marker()),
                    "{uri}: {key} missing"
                );
                assert!(!text.contains("{ $"), "{uri}: {key} unformatted");
            }
        }
    }
}

#[tokio::test]
async fn assets_carry_no_external_url_and_are_served_right() {
    let app = app();
    // The SVG namespace names a vocabulary; nothing is fetched from it.
    let allowed = ["http://www.w3.org/2000/svg"];
    for name in portal::asset_names() {
        let reply = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{name}");
        assert_security_headers(&reply, name);
        assert_eq!(header(&reply, "cache-control"), "no-cache", "{name}");
        let etag = header(&reply, "etag").to_owned();
        assert!(etag.starts_with('"'), "{name}");
        let expected_type = match name.rsplit('.').next() {
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("svg") => "image/svg+xml",
            Some("wasm") => "application/wasm",
            other => panic!("no expected type for {other:?}"),
        };
        assert_eq!(header(&reply, "content-type"), expected_type, "{name}");
        for url in urls_in(&reply.body) {
            assert!(allowed.contains(&url.as_str()), "{name} contains {url}");
        }
        assert!(!reply.body.contains("//cdn"), "{name}");
        assert!(!reply.body.contains("eval("), "{name} uses eval");

        // Revalidation by entity tag.
        let again = send(
            &app,
            Request::get(format!("/assets/{name}"))
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{name}");
    }
}

#[tokio::test]
async fn assets_are_sent_gzipped_to_browsers_that_take_it() {
    use std::io::Read as _;
    let app = app();
    for name in ["pdq.wasm", "portal.css", "files.js"] {
        let plain = get(&app, &format!("/assets/{name}")).await;
        assert_eq!(header(&plain, "content-encoding"), "", "{name}");
        assert_eq!(header(&plain, "vary"), "accept-encoding", "{name}");
        let plain_bytes = {
            let response = app
                .clone()
                .oneshot(
                    Request::get(format!("/assets/{name}"))
                        .body(Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap();
            to_bytes(response.into_body(), 10 * 1024 * 1024)
                .await
                .unwrap()
        };
        let response = app
            .clone()
            .oneshot(
                Request::get(format!("/assets/{name}"))
                    .header(header::ACCEPT_ENCODING, "br;q=1.0, gzip;q=0.8, *;q=0.1")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        assert_eq!(response.headers()["content-encoding"], "gzip", "{name}");
        let etag = response.headers()["etag"].to_str().unwrap().to_owned();
        assert_ne!(
            etag,
            header(&plain, "etag"),
            "{name}: another representation, another tag"
        );
        let compressed = to_bytes(response.into_body(), 10 * 1024 * 1024)
            .await
            .unwrap();
        assert!(
            compressed.len() < plain_bytes.len() * 9 / 10,
            "{name}: it pays"
        );
        let mut decompressed = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_end(&mut decompressed)
            .unwrap();
        assert_eq!(decompressed, plain_bytes.to_vec(), "{name}: same content");

        // Revalidation of the gzip form, and gzip refused with q=0.
        let again = send(
            &app,
            Request::get(format!("/assets/{name}"))
                .header(header::ACCEPT_ENCODING, "gzip")
                .header(header::IF_NONE_MATCH, &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{name}");
        let refused = send(
            &app,
            Request::get(format!("/assets/{name}"))
                .header(header::ACCEPT_ENCODING, "gzip;q=0, identity")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(header(&refused, "content-encoding"), "", "{name}");
    }
}

#[tokio::test]
async fn pages_link_fingerprinted_assets_cached_for_good() {
    let app = app();
    let body = get(&app, "/en/").await.body;
    let at = body
        .find("href=\"/assets/portal.")
        .expect("stylesheet link");
    let href = &body[at + 6..];
    let href = &href[..href.find('"').unwrap()];
    let reply = get(&app, href).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        header(&reply, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(header(&reply, "content-type"), "text/css; charset=utf-8");
    assert_eq!(
        get(&app, "/assets/nothing.js").await.status,
        StatusCode::NOT_FOUND
    );
    // Module imports point at the fingerprinted files, so one version loads everywhere.
    let files_page = get(
        &app,
        "/en/files?step=check&age=adult&depicted=yes&intimate=yes",
    )
    .await
    .body;
    let at = files_page.find("src=\"/assets/files.").unwrap();
    let src = &files_page[at + 5..];
    let src = &src[..src.find('"').unwrap()];
    let module = get(&app, src).await.body;
    assert!(module.contains("from './common."), "{module}");
    assert!(!module.contains("from './common.js'"));
}

#[tokio::test]
async fn the_root_sends_the_browser_to_its_language() {
    let app = app();
    for (accept, expected) in [
        (Some("nl-BE,nl;q=0.9,en;q=0.5"), "/nl/"),
        (Some("de-DE"), "/de/"),
        (Some("es-ES,fr;q=0.4"), "/fr/"),
        (Some("ja"), "/en/"),
        (None, "/en/"),
    ] {
        let mut request = Request::get("/");
        if let Some(accept) = accept {
            request = request.header(header::ACCEPT_LANGUAGE, accept);
        }
        let reply = send(&app, request.body(Body::empty()).unwrap()).await;
        assert!(reply.status.is_redirection(), "{accept:?}");
        assert_eq!(header(&reply, "location"), expected, "{accept:?}");
        assert_eq!(header(&reply, "vary"), "Accept-Language");
        assert_security_headers(&reply, "/");
    }
    let config = PortalConfig::from_toml("default_language = \"nl\"").unwrap();
    let reply = get(&portal::router(config), "/").await;
    assert_eq!(header(&reply, "location"), "/nl/");
    let reply = get(&app, "/fr").await;
    assert_eq!(header(&reply, "location"), "/fr/");
}

#[tokio::test]
async fn eligibility_routes_minors_away_and_explains_what_is_missing() {
    let app = app();
    for age in ["minor", "unsure"] {
        let reply = get(
            &app,
            &format!("/fr/files?step=check&age={age}&depicted=yes&intimate=yes"),
        )
        .await;
        assert!(reply.status.is_redirection());
        assert_eq!(header(&reply, "location"), "/fr/minors");
    }
    let minors = get(&app, "/fr/minors").await.body;
    assert!(minors.contains("116 000") && minors.contains("tel:116000"));
    assert!(minors.contains("https://takeitdown.ncmec.org/"));
    assert!(
        !minors.contains("/api/v1/cases"),
        "the minors page has nothing to do with cases"
    );

    // Without answers, the files page sends back to the questions.
    let reply = get(&app, "/de/files").await;
    assert_eq!(header(&reply, "location"), "/de/eligibility");
    // Missing attestations: back to the questions, which say what is missing.
    let reply = get(&app, "/en/files?step=check&age=adult&depicted=yes").await;
    assert_eq!(
        header(&reply, "location"),
        "/en/eligibility?step=check&age=adult&depicted=yes"
    );
    let page = get(&app, "/en/eligibility?step=check&age=adult&depicted=yes")
        .await
        .body;
    assert!(page.contains("class=\"error-summary\""));
    assert!(page.contains("href=\"#intimate\""));
    assert!(!page.contains("href=\"#depicted\""));
    assert!(page.contains("checked"), "answers are kept");
    // A fresh form shows no error.
    assert!(
        !get(&app, "/en/eligibility")
            .await
            .body
            .contains("error-summary")
    );
    // Garbage in the query is treated as no answer, not as a server error.
    let reply = get(&app, "/en/eligibility?age=%FF%FE&depicted[]=1").await;
    assert_eq!(reply.status, StatusCode::OK);

    let files = get(
        &app,
        "/en/files?step=check&age=adult&depicted=yes&intimate=yes",
    )
    .await
    .body;
    assert!(files.contains("\"adult_when_made\":true"));
    // The worker is embedded, so the page names it by its fingerprinted name.
    assert!(files.contains("\"workerUrl\":\"/assets/hasher-worker."));
    assert!(!files.contains("\"workerUrl\":\"/assets/hasher-worker.js\""));
    assert!(files.contains("type=\"file\" multiple"));
}

#[tokio::test]
async fn the_status_form_posts_here_and_never_keeps_the_codes() {
    let app = app();
    let page = get(&app, "/nl/status").await.body;
    assert!(page.contains("method=\"post\" action=\"/nl/status\""));
    let reply = send(
        &app,
        Request::builder()
            .method(Method::POST)
            .uri("/nl/status")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(
                "case_number=7KQ2M-XJ4PA-9D0RT-W3HNB&pin=12345678",
            ))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        !reply.body.contains("7KQ2M-XJ4PA-9D0RT-W3HNB\""),
        "the code is not echoed"
    );
    assert!(!reply.body.contains("12345678"));
    assert!(
        reply
            .body
            .contains("class=\"callout warning\" role=\"alert\"")
    );
}

#[tokio::test]
async fn unknown_pages_are_a_translated_404() {
    let app = app();
    for uri in [
        "/de/nothing-here",
        "/fr/help/report/myspace",
        "/nl/help/xyz/abc",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_security_headers(&reply, uri);
        assert!(reply.body.contains("<h1>"), "{uri}");
    }
    assert!(
        get(&app, "/de/nothing")
            .await
            .body
            .contains("Seite nicht gefunden")
    );
    // Paths outside the language prefixes are left to the hub.
    assert_eq!(
        get(&app, "/api/v1/cases").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&app, "/api/v1/cases").await.body, "");
}

#[tokio::test]
async fn the_configuration_shapes_the_help() {
    let config = PortalConfig::from_toml(
        r#"
        quick_exit_url = "https://example.org/weather"
        [organisation]
        name = "Helpline Example"
        name_in_text = "Helpline Example"
        phone = "+32 2 000 00 00"
        email = "help@example.org"
        report_form_url = "https://example.org/report"
        priority_platforms = ["x"]
        [police]
        emergency_number = "911"
        "#,
    )
    .unwrap();
    let app = portal::router(config);
    let home = get(&app, "/en/").await.body;
    assert!(home.contains("href=\"https://example.org/weather\""));
    assert!(home.contains("This service is run by Helpline Example."));
    let x = get(&app, "/en/help/report/x").await.body;
    assert!(x.contains("Helpline Example works directly with X (Twitter)"));
    assert!(x.contains("href=\"tel:+3220000000\""));
    assert!(x.contains("href=\"https://example.org/report\""));
    let facebook = get(&app, "/en/help/report/facebook").await.body;
    assert!(!facebook.contains("works directly with"));
    let police = get(&app, "/en/help/police").await.body;
    assert!(police.contains("tel:911") && !police.contains("tel:101"));
    // Defaults: the Belgian lines, in the page's language first.
    let support = get(&app, "/nl/help/support").await.body;
    let first = support.find("Tele-Onthaal").unwrap();
    assert!(first < support.find("Télé-Accueil").unwrap());
}

#[tokio::test]
async fn every_guide_has_its_steps_in_every_language() {
    let app = app();
    for lang in Lang::ALL {
        for guide in GUIDES {
            let body = get(&app, &format!("/{}/help/report/{}", lang.code(), guide.id))
                .await
                .body;
            let steps = body.matches("<li>").count();
            assert!(steps >= 6, "{} {}: {steps} list items", lang, guide.id);
            for (_, url) in guide.links {
                assert!(body.contains(url), "{} {}: {url}", lang, guide.id);
            }
        }
    }
}

#[tokio::test]
async fn every_string_a_script_asks_for_exists() {
    let app = app();
    let mut checked = 0;
    for name in portal::asset_names()
        .into_iter()
        .filter(|n| n.ends_with(".js"))
    {
        let source = get(&app, &format!("/assets/{name}")).await.body;
        for quote in ['\'', '"'] {
            let call = format!("t({quote}");
            for (at, _) in source.match_indices(&call) {
                // Only whole calls of t(...), not e.g. `format(`.
                let before = source[..at].chars().last().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' || before == '.' {
                    continue;
                }
                let key = &source[at + call.len()..];
                let key = &key[..key.find(quote).unwrap()];
                assert!(
                    portal::message_exists(key),
                    "{name} asks for {key:?}, which no translation defines"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "only {checked} strings found");
}
