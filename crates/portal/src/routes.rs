//! The portal's routes: `/` (language negotiation), `/{lang}/…` pages, `/assets/…`.
//!
//! Pages are registered under each language prefix as fixed paths (`/fr/help/police`), not as
//! a `/{lang}/…` pattern, so that the portal never captures a path the hub serves (`/api/…`,
//! `/v1/…`) and the hub keeps its own fallback for unknown paths.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{StatusCode, Uri};
use axum::middleware::map_response;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get};
use maud::Markup;

use crate::assets::Assets;
use crate::config::PortalConfig;
use crate::guides::{GUIDES, guide};
use crate::headers::apply_security_headers;
use crate::i18n::{Lang, Translations};
use crate::pages::flow::{EligibilityAnswers, Verdict};
use crate::pages::{self, Ctx};

struct PortalState {
    config: PortalConfig,
    translations: &'static Translations,
}

type SharedState = Arc<PortalState>;

/// The portal's router: every page in every language, the embedded assets, and `/`, which
/// sends the browser to its language. The hub merges it into its own router (it sets no
/// fallback, so the hub's stays in charge of unknown paths outside the language prefixes).
///
/// Links in `config` that are not absolute http(s) URLs are left out of the pages; the server
/// should reject such a configuration at startup with [`PortalConfig::validate`].
pub fn router(config: PortalConfig) -> Router {
    let state = Arc::new(PortalState {
        config: config.without_unsafe_links(),
        translations: Translations::get(),
    });
    let mut router: Router<SharedState> = Router::new()
        .route("/", get(negotiate_language))
        .route("/assets/{file}", get(asset));
    for lang in Lang::ALL {
        let at = |path: &str| format!("/{}{}", lang.code(), path);
        let home = at("/");
        router = router
            .route(
                &at(""),
                get(move || async move { Redirect::permanent(&home) }),
            )
            .route(&at("/"), page(lang, "/", pages::flow::home))
            .route(
                &at("/eligibility"),
                get(move |s: State<SharedState>, uri: Uri| eligibility(s, uri, lang)),
            )
            .route(
                &at("/files"),
                get(move |s: State<SharedState>, uri: Uri| files(s, uri, lang)),
            )
            .route(&at("/minors"), page(lang, "/minors", pages::flow::minors))
            .route(
                &at("/status"),
                get(move |s: State<SharedState>| async move {
                    render(&s, lang, "/status", |ctx| pages::flow::status(ctx, false))
                })
                // Without JavaScript the form posts here; the codes are not read, and the page
                // says that it needs JavaScript.
                .post(move |s: State<SharedState>| async move {
                    render(&s, lang, "/status", |ctx| pages::flow::status(ctx, true))
                }),
            )
            .route(
                &at("/privacy"),
                page(lang, "/privacy", pages::info::privacy),
            )
            .route(&at("/help"), page(lang, "/help", pages::help::index))
            .route(
                &at("/help/police"),
                page(lang, "/help/police", pages::help::police),
            )
            .route(
                &at("/help/support"),
                page(lang, "/help/support", pages::help::support),
            )
            .route(
                &at("/help/letters"),
                page(lang, "/help/letters", pages::help::letters),
            )
            .route(
                &at("/help/report/{platform}"),
                get(move |s: State<SharedState>, p: Path<String>| guide_page(s, p, lang)),
            )
            .route(
                &at("/{*rest}"),
                get(move |s: State<SharedState>| not_found(s, lang)),
            );
    }
    router
        .layer(map_response(|mut response: Response| async move {
            apply_security_headers(response.headers_mut());
            response
        }))
        .with_state(state)
}

/// Every page of the portal, as a path without its language prefix (with the query string
/// that reaches it, for pages behind the eligibility questions), for tests and crawlers.
pub fn page_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "/",
        "/eligibility",
        "/eligibility?step=check",
        "/files?step=check&age=adult&depicted=yes&intimate=yes",
        "/minors",
        "/status",
        "/privacy",
        "/help",
        "/help/police",
        "/help/support",
        "/help/letters",
    ]
    .iter()
    .map(|path| (*path).to_owned())
    .collect();
    paths.extend(GUIDES.iter().map(|g| format!("/help/report/{}", g.id)));
    paths
}

fn page(lang: Lang, path: &'static str, build: fn(&Ctx) -> Markup) -> MethodRouter<SharedState> {
    get(move |state: State<SharedState>| async move { render(&state, lang, path, build) })
}

fn context<'a>(state: &'a PortalState, lang: Lang, path: &str) -> Ctx<'a> {
    Ctx {
        lang,
        config: &state.config,
        tr: state.translations,
        path: path.to_owned(),
    }
}

fn render(state: &PortalState, lang: Lang, path: &str, build: impl Fn(&Ctx) -> Markup) -> Response {
    html_response(StatusCode::OK, build(&context(state, lang, path)))
}

fn html_response(status: StatusCode, markup: Markup) -> Response {
    let mut response = (status, markup.into_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // Pages hold nothing secret, but a person at risk is better served by a browser that keeps
    // no copy of what they looked at.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn negotiate_language(State(state): State<SharedState>, headers: HeaderMap) -> Response {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    let lang = Lang::negotiate(accept, state.config.default_language);
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The eligibility answers in the query string; anything malformed counts as unanswered.
fn answers_of(uri: &Uri) -> EligibilityAnswers {
    Query::<EligibilityAnswers>::try_from_uri(uri)
        .map(|Query(answers)| answers)
        .unwrap_or_default()
}

async fn eligibility(State(state): State<SharedState>, uri: Uri, lang: Lang) -> Response {
    let answers = answers_of(&uri);
    let missing = match answers.verdict() {
        Verdict::Incomplete(missing) => missing,
        _ => Vec::new(),
    };
    render(&state, lang, "/eligibility", |ctx| {
        pages::flow::eligibility(ctx, &answers, &missing)
    })
}

async fn files(State(state): State<SharedState>, uri: Uri, lang: Lang) -> Response {
    let answers = answers_of(&uri);
    let at = |path: &str| format!("/{}{}", lang.code(), path);
    match answers.verdict() {
        Verdict::Eligible => render(&state, lang, "/eligibility", pages::flow::files),
        // Under 18 when the images were made: the services made for minors, and no case.
        Verdict::Minor => Redirect::to(&at("/minors")).into_response(),
        Verdict::Unanswered => Redirect::to(&at("/eligibility")).into_response(),
        Verdict::Incomplete(_) => {
            let query = uri.query().unwrap_or("");
            Redirect::to(&format!("{}?{query}", at("/eligibility"))).into_response()
        }
    }
}

async fn guide_page(
    State(state): State<SharedState>,
    Path(platform): Path<String>,
    lang: Lang,
) -> Response {
    match guide(&platform) {
        Some(guide) => render(&state, lang, &format!("/help/report/{}", guide.id), |ctx| {
            pages::help::guide(ctx, guide)
        }),
        None => html_response(
            StatusCode::NOT_FOUND,
            pages::not_found(&context(&state, lang, "/help")),
        ),
    }
}

async fn not_found(State(state): State<SharedState>, lang: Lang) -> Response {
    html_response(
        StatusCode::NOT_FOUND,
        pages::not_found(&context(&state, lang, "/")),
    )
}

async fn asset(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let Some((asset, fingerprinted)) = Assets::get().lookup(&file) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let cache_control = if fingerprinted {
        // The name changes whenever the content does.
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let gzip = accepts_gzip(&headers).then(|| asset.gzip()).flatten();
    let etag_text = match gzip {
        Some(_) => asset.gzip_etag(),
        None => asset.etag.clone(),
    };
    let etag = HeaderValue::from_str(&etag_text).unwrap_or(HeaderValue::from_static("\"\""));
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.split(',').any(|tag| tag.trim() == etag_text));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (StatusCode::OK, gzip.unwrap_or(asset.body.as_slice())).into_response()
    };
    let response_headers = response.headers_mut();
    response_headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    response_headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    if asset.compressible() {
        response_headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if gzip.is_some() {
        response_headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response_headers.insert(header::ETAG, etag);
    response
}

/// Whether the client takes gzip (`Accept-Encoding: gzip`, `gzip;q=0.8`, `*`), and has not
/// refused it with `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|parameter| {
                parameter
                    .trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}
