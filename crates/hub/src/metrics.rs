//! Prometheus metrics in the text exposition format, at `/metrics`.
//!
//! Counters are plain atomics; labels are routes and status classes, never anything a person or
//! a key could be recognised by.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// Upper bounds (seconds) of the request duration histogram.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The methods counted by name; any other is counted as `OTHER`.
const METHODS: [&str; 7] = ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"];

/// A route's counters: requests by method and status, and the duration histogram.
#[derive(Default)]
struct RouteMetrics {
    /// (method, status): the few pairs a route sees, found by a short scan under a read lock.
    requests: RwLock<Vec<((&'static str, u16), AtomicU64)>>,
    /// Cumulative histogram, one counter per bucket.
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    /// Sum of durations, in nanoseconds.
    sum_nanos: AtomicU64,
}

impl RouteMetrics {
    fn count_request(&self, method: &'static str, status: u16) {
        let key = (method, status);
        {
            let requests = self.requests.read().unwrap_or_else(|e| e.into_inner());
            if let Some((_, counter)) = requests.iter().find(|(k, _)| *k == key) {
                counter.fetch_add(1, Ordering::Relaxed);
                return;
            }
        }
        let mut requests = self.requests.write().unwrap_or_else(|e| e.into_inner());
        match requests.iter().find(|(k, _)| *k == key) {
            Some((_, counter)) => {
                counter.fetch_add(1, Ordering::Relaxed);
            }
            None => requests.push((key, AtomicU64::new(1))),
        }
    }
}

/// The hub's metrics.
///
/// The request path only increments atomics: the per-route counters are found under a read
/// lock (taken for writing only the first time a route, method or status is seen).
#[derive(Default)]
pub struct Metrics {
    routes: RwLock<HashMap<String, Arc<RouteMetrics>>>,
    /// Cases created.
    pub cases_created: AtomicU64,
    /// Cases withdrawn.
    pub cases_withdrawn: AtomicU64,
    /// Failed status or withdrawal attempts.
    pub failed_attempts: AtomicU64,
    /// Hashes queried through `/v1/match`.
    pub match_queries: AtomicU64,
    /// Matches found by `/v1/match`.
    pub match_hits: AtomicU64,
    /// Records served by `FetchHashes`.
    pub records_served: AtomicU64,
    /// Open change streams.
    pub open_streams: AtomicU64,
    /// Last feed position applied to this process's index.
    pub followed_position: AtomicU64,
}

impl Metrics {
    fn route(&self, route: &str) -> Arc<RouteMetrics> {
        if let Some(metrics) = self
            .routes
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(route)
        {
            return metrics.clone();
        }
        self.routes
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .entry(route.to_string())
            .or_default()
            .clone()
    }

    /// Counts a finished request. `route` is the router's pattern (never the path a client
    /// sent), so the set of labels is bounded.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let method = METHODS
            .iter()
            .find(|m| **m == method)
            .copied()
            .unwrap_or("OTHER");
        let metrics = self.route(route);
        metrics.count_request(method, status);
        let seconds = elapsed.as_secs_f64();
        for (bucket, bound) in metrics.buckets.iter().zip(BUCKETS) {
            if seconds <= bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        metrics.count.fetch_add(1, Ordering::Relaxed);
        metrics.sum_nanos.fetch_add(
            u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    /// The text exposition, with the gauges given by the caller.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP empreinte_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE empreinte_http_requests_total counter\n");
        let routes: BTreeMap<String, Arc<RouteMetrics>> = self
            .routes
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(route, metrics)| (route.clone(), metrics.clone()))
            .collect();
        for (route, metrics) in &routes {
            let mut requests: Vec<((&str, u16), u64)> = metrics
                .requests
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .map(|(key, counter)| (*key, counter.load(Ordering::Relaxed)))
                .collect();
            requests.sort();
            for ((method, status), count) in requests {
                let _ = writeln!(
                    out,
                    "empreinte_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
                );
            }
        }
        out.push_str("# HELP empreinte_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE empreinte_http_request_duration_seconds histogram\n");
        for (route, metrics) in &routes {
            for (bound, count) in BUCKETS.iter().zip(&metrics.buckets) {
                let _ = writeln!(
                    out,
                    "empreinte_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {}",
                    count.load(Ordering::Relaxed)
                );
            }
            let count = metrics.count.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                metrics.sum_nanos.load(Ordering::Relaxed) as f64 / 1e9
            );
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        let counters = [
            (
                "empreinte_cases_created_total",
                "Cases created.",
                &self.cases_created,
            ),
            (
                "empreinte_cases_withdrawn_total",
                "Cases withdrawn.",
                &self.cases_withdrawn,
            ),
            (
                "empreinte_case_failed_attempts_total",
                "Failed status or withdrawal attempts.",
                &self.failed_attempts,
            ),
            (
                "empreinte_match_queries_total",
                "Hashes queried through /v1/match.",
                &self.match_queries,
            ),
            (
                "empreinte_match_hits_total",
                "Matches found by /v1/match.",
                &self.match_hits,
            ),
            (
                "empreinte_feed_records_served_total",
                "Records served by FetchHashes.",
                &self.records_served,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        }
        let mut all_gauges = vec![
            (
                "empreinte_open_streams",
                "Open /v1/stream connections.",
                self.open_streams.load(Ordering::Relaxed) as f64,
            ),
            (
                "empreinte_followed_position",
                "Last feed position applied to this process's match index.",
                self.followed_position.load(Ordering::Relaxed) as f64,
            ),
        ];
        all_gauges.extend_from_slice(gauges);
        for (name, help, value) in all_gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}
