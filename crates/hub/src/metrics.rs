//! Prometheus metrics in the text exposition format, at `/metrics`.
//!
//! Counters are plain atomics; labels are routes and status classes, never anything a person or
//! a key could be recognised by.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds (seconds) of the request duration histogram.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Default)]
struct Histogram {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// The hub's metrics.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, String, u16), u64>>,
    durations: Mutex<BTreeMap<String, Histogram>>,
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
    /// Counts a finished request.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        *self
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((method.to_string(), route.to_string(), status))
            .or_default() += 1;
        let seconds = elapsed.as_secs_f64();
        let mut durations = self.durations.lock().unwrap_or_else(|e| e.into_inner());
        let histogram = durations.entry(route.to_string()).or_default();
        for (bucket, bound) in histogram.buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *bucket += 1;
            }
        }
        histogram.count += 1;
        histogram.sum += seconds;
    }

    /// The text exposition, with the gauges given by the caller.
    pub fn render(&self, gauges: &[(&str, &str, f64)]) -> String {
        let mut out = String::new();
        out.push_str(
            "# HELP empreinte_http_requests_total HTTP requests by method, route and status.\n",
        );
        out.push_str("# TYPE empreinte_http_requests_total counter\n");
        for ((method, route, status), count) in self
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "empreinte_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {count}"
            );
        }
        out.push_str("# HELP empreinte_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE empreinte_http_request_duration_seconds histogram\n");
        for (route, histogram) in self
            .durations
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            for (bound, count) in BUCKETS.iter().zip(histogram.buckets) {
                let _ = writeln!(
                    out,
                    "empreinte_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                histogram.sum
            );
            let _ = writeln!(
                out,
                "empreinte_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                histogram.count
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
