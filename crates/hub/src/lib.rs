//! The Empreinte server.
//!
//! - The **case API** used by the portal (`/api/v1/cases`, `/api/v1/cases/status`,
//!   `/api/v1/cases/withdraw`, `/api/v1/platforms`), see `docs/architecture.md`.
//! - The **platform API**: StopNCII-compatible `/v1/FetchHashes`, `/v1/SubmitFeedback`,
//!   `/v1/SubmitHashes`, and Empreinte's `/v1/match`, `/v1/stream`, `/v1/stats`.
//! - `/openapi.json`, `/metrics`, `/healthz`.
//!
//! [`Hub::start`] opens nothing itself: it takes a [`store::Store`], loads the active hashes into
//! memory and starts the background tasks (following the store's changes, purging withdrawn
//! cases, writing the audit log). [`Hub::app`] is the axum application; the portal's router is
//! mounted there when given.

#![warn(missing_docs)]

mod audit;
mod cases;
pub mod config;
pub mod credentials;
pub mod error;
mod follow;
pub mod matcher;
mod metrics;
mod openapi;
mod platform;
mod ratelimit;

pub use config::HubConfig;
pub use error::{ApiError, ErrorCode};
pub use openapi::OPENAPI_JSON;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use store::Store;
use tokio::sync::{Semaphore, watch};

/// Seconds since the Unix epoch.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Why the hub could not start.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// The settings are invalid.
    #[error("invalid settings: {0}")]
    Config(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// The shared state of a running hub.
pub(crate) struct HubState {
    pub store: Arc<dyn Store>,
    pub config: HubConfig,
    pub matcher: Arc<matcher::Matcher>,
    pub head: watch::Sender<i64>,
    pub pins: credentials::PinHasher,
    /// Bounds concurrent Argon2 computations (each takes ~19 MiB and a core for tens of ms).
    pub argon2_slots: Semaphore,
    pub create_per_client: ratelimit::RateLimiter,
    pub create_global: ratelimit::RateLimiter,
    pub attempts_per_client: ratelimit::RateLimiter,
    pub keys: platform::KeyCache,
    pub audit: audit::AuditSink,
    pub metrics: metrics::Metrics,
    pub purge_now: tokio::sync::Notify,
    /// One catch-up at a time.
    pub follow_lock: tokio::sync::Mutex<()>,
}

/// A running hub: its state and background tasks.
#[derive(Clone)]
pub struct Hub {
    state: Arc<HubState>,
    shutdown: watch::Sender<bool>,
    tasks: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Hub {
    /// Checks the settings, loads the active hashes from `store` and starts the background
    /// tasks. Returns once the hub can answer every request.
    pub async fn start(store: Arc<dyn Store>, config: HubConfig) -> Result<Hub, HubError> {
        config.validate().map_err(HubError::Config)?;
        let pins = credentials::PinHasher::new(
            config.cases.argon2_memory_kib,
            config.cases.argon2_iterations,
        )
        .map_err(|e| HubError::Config(format!("argon2: {e}")))?;
        let (audit, audit_receiver) = audit::AuditSink::new();
        let (head, _) = watch::channel(0);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let state = Arc::new(HubState {
            create_per_client: ratelimit::RateLimiter::new(
                config.cases.create_per_client_per_hour,
                Duration::from_secs(3600),
            ),
            create_global: ratelimit::RateLimiter::new(
                config.cases.create_per_minute,
                Duration::from_secs(60),
            ),
            attempts_per_client: ratelimit::RateLimiter::new(
                config.cases.attempts_per_client_per_minute,
                Duration::from_secs(60),
            ),
            store: store.clone(),
            config,
            matcher: Arc::new(matcher::Matcher::default()),
            head,
            pins,
            argon2_slots: Semaphore::new(cores * 2),
            keys: platform::KeyCache::default(),
            audit,
            metrics: metrics::Metrics::default(),
            purge_now: tokio::sync::Notify::new(),
            follow_lock: tokio::sync::Mutex::new(()),
        });
        // The whole active list is in memory before the first request.
        follow::load(&state).await?;
        // Indexed (and published) before the first request.
        state.matcher.rebuild().await;
        state.keys.reload(&*state.store).await?;

        let (shutdown, _) = watch::channel(false);
        let tasks = vec![
            tokio::spawn(follow::run(state.clone(), shutdown.subscribe())),
            tokio::spawn(cases::run_purge(state.clone(), shutdown.subscribe())),
            tokio::spawn(state.audit.clone().run_writer(
                audit_receiver,
                store.clone(),
                shutdown.subscribe(),
            )),
            tokio::spawn(housekeeping(state.clone(), shutdown.subscribe())),
            tokio::spawn(refresh_keys(state.clone(), shutdown.subscribe())),
        ];
        Ok(Hub {
            state,
            shutdown,
            tasks: Arc::new(std::sync::Mutex::new(tasks)),
        })
    }

    /// The API routes alone (case API, platform API, documents, metrics).
    pub fn api_router(&self) -> Router {
        let state = self.state.clone();
        Router::new()
            .route("/api/v1/cases", post(cases::create))
            .route("/api/v1/cases/status", post(cases::status))
            .route("/api/v1/cases/withdraw", post(cases::withdraw))
            .route("/api/v1/platforms", get(cases::platforms))
            .route("/v1/FetchHashes", get(platform::fetch_hashes))
            .route("/v1/SubmitFeedback", post(platform::submit_feedback))
            .route("/v1/SubmitHashes", post(platform::submit_hashes))
            .route("/v1/match", post(platform::match_hashes))
            .route("/v1/stream", get(platform::stream))
            .route("/v1/stats", get(platform::stats))
            .route("/openapi.json", get(openapi::document))
            .route("/metrics", get(metrics_text))
            .route("/healthz", get(health))
            .method_not_allowed_fallback(|| async { ApiError::new(ErrorCode::MethodNotAllowed) })
            .layer(DefaultBodyLimit::max(self.state.config.max_body_bytes))
            .layer(middleware::from_fn_with_state(state.clone(), observe))
            .with_state(state)
    }

    /// The whole application: the API routes, the portal's pages when given
    /// (`portal::router(config)`, which owns `/`, `/{fr,nl,de,en}/...` and `/assets/...`), and a
    /// JSON `not_found` for every other path.
    pub fn app(&self, portal: Option<Router>) -> Router {
        let mut app = self.api_router();
        if let Some(portal) = portal {
            app = app.merge(portal);
        }
        app.fallback(|| async { ApiError::new(ErrorCode::NotFound) })
    }

    /// The settings the hub runs with.
    pub fn config(&self) -> &HubConfig {
        &self.state.config
    }

    /// Applies every change already committed to the store to this process's index and streams
    /// (the background task does it every `follow_interval_ms`; tests call it to not wait).
    pub async fn sync(&self) -> Result<(), HubError> {
        follow::catch_up(&self.state).await?;
        Ok(())
    }

    /// Purges withdrawn cases whose grace period is over, now.
    pub async fn purge(&self) -> Result<store::PurgeReport, HubError> {
        Ok(cases::purge_once(&self.state).await?)
    }

    /// Stops the background tasks, writing what the audit queue holds.
    pub async fn shutdown(&self) {
        let _ = self.shutdown.send(true);
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(|e| e.into_inner()));
        for task in tasks {
            let _ = task.await;
        }
    }
}

/// Serves `app` on `listener` until `signal` completes, then drains connections.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    signal: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(signal)
    .await
}

/// The client address used for rate limiting (memory only).
pub(crate) fn client_address(
    state: &HubState,
    request_parts: &axum::http::request::Parts,
) -> Option<IpAddr> {
    if state.config.trust_forwarded_for
        && let Some(forwarded) = request_parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
        && let Some(last) = forwarded.rsplit(',').next()
        && let Ok(ip) = last.trim().parse()
    {
        return Some(ip);
    }
    request_parts
        .extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip())
}

/// Longest time to answer a request (the change stream excepted).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Counts each request by route and status, logs it (method, route, status, time: never the
/// body, query or headers), and sets the headers every answer carries.
async fn observe(State(state): State<Arc<HubState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    // The router's pattern (shared, not copied), never the path the client sent.
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let route = matched.as_ref().map_or("unmatched", MatchedPath::as_str);
    // A request that takes longer than this (a client sending its body very slowly, a stalled
    // database) is answered rather than left hanging; a dropped transaction rolls back whole.
    // The change stream is long-lived by design.
    let mut response = if route == "/v1/stream" {
        next.run(request).await
    } else {
        match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
            Ok(response) => response,
            Err(_) => ApiError::with_message(ErrorCode::Unavailable, "The request took too long.")
                .into_response(),
        }
    };
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .observe(method.as_str(), route, status, elapsed);
    tracing::info!(
        method = %method,
        route = %route,
        status,
        micros = elapsed.as_micros() as u64,
        "request"
    );
    let headers = response.headers_mut();
    // The portal's strict headers (CSP, no referrer, nosniff, no framing) on every API answer.
    portal::apply_security_headers(headers);
    if route.starts_with("/api/") || route.starts_with("/v1/") {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    response
}

async fn metrics_text(State(state): State<Arc<HubState>>) -> impl IntoResponse {
    let (pdq, exact) = state.matcher.view().len();
    let gauges = [
        (
            "empreinte_active_pdq_hashes",
            "Active PDQ hashes in this process's match index.",
            pdq as f64,
        ),
        (
            "empreinte_active_exact_hashes",
            "Active exact hashes (video MD5) in this process's match index.",
            exact as f64,
        ),
        (
            "empreinte_audit_queue",
            "Audit entries waiting to be written.",
            state.audit.queued() as f64,
        ),
    ];
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        state.metrics.render(&gauges),
    )
}

async fn health(State(state): State<Arc<HubState>>) -> Response {
    match state.store.feed_head().await {
        Ok(position) => axum::Json(serde_json::json!({
            "status": "ok",
            "database": state.store.backend(),
            "position": position,
            "followed": state.metrics.followed_position.load(Ordering::Relaxed),
        }))
        .into_response(),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            ApiError::new(ErrorCode::Unavailable).into_response()
        }
    }
}

/// Reloads the platform keys every second, so that a key revoked or rotated with
/// `empreinte admin` (another process, possibly on another machine) stops working within about
/// a second.
async fn refresh_keys(state: Arc<HubState>, mut shutdown: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(KEY_REFRESH_INTERVAL) => {}
            _ = shutdown.changed() => return,
        }
        if let Err(error) = state.keys.reload(&*state.store).await {
            tracing::warn!(%error, "could not reload platform keys");
        }
    }
}

/// How often platform keys are reloaded from the store.
const KEY_REFRESH_INTERVAL: Duration = Duration::from_secs(1);

/// Periodic chores: forget finished rate-limit windows, prune the audit log.
async fn housekeeping(state: Arc<HubState>, mut shutdown: watch::Receiver<bool>) {
    let mut tick = 0u64;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(5)) => {}
            _ = shutdown.changed() => return,
        }
        tick += 1;
        state.create_per_client.sweep();
        state.create_global.sweep();
        state.attempts_per_client.sweep();
        if tick % 720 == 1 {
            let before = now() - state.config.audit_retention_days as i64 * 86_400;
            if let Err(error) = state.store.audit_prune(before).await {
                tracing::warn!(%error, "could not prune the audit log");
            }
        }
    }
}
