//! The audit log and per-platform usage counters, written in batches off the request path.
//!
//! Platform calls are many (a match call per upload); writing a row per call would make the
//! database the bottleneck. So the request path only touches memory, and a writer task writes
//! what accumulated every 200 ms, in one transaction:
//!
//! - **Read calls** (`match`, `FetchHashes`, `stream`, `stats`) are tallied: the audit log gets
//!   one entry per platform, endpoint and second, at that second, whose detail counts the calls
//!   and their items and hits (`{"calls":1200,"items":1200,"hits":37}`). Every call is counted;
//!   what is lost is only the order of calls within a second and per-call details (e.g. the
//!   position a `FetchHashes` page started from).
//! - **Writing calls** (`SubmitHashes`, `SubmitFeedback`) and the hub's own actions get one entry
//!   each, with their detail, queued for the same batch.
//!
//! Usage counters (`/v1/stats`) are summed per platform, day and endpoint the same way. A crash
//! loses at most the entries of the last interval (never case data, which is written before a
//! case is acknowledged); operator actions are written directly by `empreinte admin`.

use crate::now;
use crate::platform::Caller;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use store::{AuditEntry, Store, UsageDelta};
use tokio::sync::mpsc;

/// Calls, items and hits per (platform, endpoint), not yet written.
type UsageCounts = HashMap<(i64, &'static str), Tally>;

/// Counts of calls and of their items and hits.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
struct Tally {
    calls: i64,
    items: i64,
    hits: i64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.calls += other.calls;
        self.items += other.items;
        self.hits += other.hits;
    }
}

/// Tallied read calls per (platform, endpoint, second), with the platform's name.
type ReadCalls = HashMap<(i64, &'static str, i64), (Arc<str>, Tally)>;

#[derive(Default)]
struct Pending {
    usage: UsageCounts,
    reads: ReadCalls,
}

/// Where platform calls are recorded.
#[derive(Clone)]
pub struct AuditSink {
    sender: mpsc::Sender<AuditEntry>,
    pending: Arc<Mutex<Pending>>,
}

impl AuditSink {
    /// The sink and the receiving end its writer task drains.
    pub fn new() -> (Self, mpsc::Receiver<AuditEntry>) {
        let (sender, receiver) = mpsc::channel(65_536);
        (
            AuditSink {
                sender,
                pending: Arc::new(Mutex::new(Pending::default())),
            },
            receiver,
        )
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a read call: counted in its platform's tally for this second (no allocation
    /// once the tally exists, no waiting).
    pub fn read_call(&self, platform: &Caller, endpoint: &'static str, items: i64, hits: i64) {
        let tally = Tally {
            calls: 1,
            items,
            hits,
        };
        let second = now();
        let mut pending = self.pending();
        match pending.reads.get_mut(&(platform.id, endpoint, second)) {
            Some((_, counts)) => counts.add(tally),
            None => {
                pending.reads.insert(
                    (platform.id, endpoint, second),
                    (platform.name.clone(), tally),
                );
            }
        }
    }

    /// Records a writing call: its own audit entry, with `detail`, and the usage counts.
    pub async fn platform_call(
        &self,
        platform: &Caller,
        endpoint: &'static str,
        items: i64,
        hits: i64,
        detail: serde_json::Value,
    ) {
        self.pending()
            .usage
            .entry((platform.id, endpoint))
            .or_default()
            .add(Tally {
                calls: 1,
                items,
                hits,
            });
        let entry = AuditEntry {
            at: now(),
            actor: format!("platform:{}", platform.name),
            action: endpoint.to_string(),
            detail: detail.to_string(),
        };
        // Waits when the writer is behind (back-pressure) rather than dropping entries.
        let _ = self.sender.send(entry).await;
    }

    /// Records an action of the hub itself (e.g. an automatic quarantine).
    pub async fn system(&self, action: &str, detail: serde_json::Value) {
        let _ = self
            .sender
            .send(AuditEntry {
                at: now(),
                actor: "system".into(),
                action: action.into(),
                detail: detail.to_string(),
            })
            .await;
    }

    /// Takes what accumulated: the tallied read calls as audit entries (appended to `batch`)
    /// and the usage counts of every call.
    fn take_pending(&self, batch: &mut Vec<AuditEntry>) -> Vec<UsageDelta> {
        let Pending { mut usage, reads } = std::mem::take(&mut *self.pending());
        let mut reads: Vec<_> = reads.into_iter().collect();
        reads.sort_by_key(|((platform, endpoint, second), _)| (*second, *platform, *endpoint));
        for ((platform_id, endpoint, second), (name, tally)) in reads {
            batch.push(AuditEntry {
                at: second,
                actor: format!("platform:{name}"),
                action: endpoint.to_string(),
                detail: serde_json::json!({
                    "calls": tally.calls,
                    "items": tally.items,
                    "hits": tally.hits,
                })
                .to_string(),
            });
            usage.entry((platform_id, endpoint)).or_default().add(tally);
        }
        let day = now() / 86_400;
        usage
            .into_iter()
            .map(|((platform_id, endpoint), tally)| UsageDelta {
                platform_id,
                day,
                endpoint: endpoint.to_string(),
                calls: tally.calls,
                items: tally.items,
                hits: tally.hits,
            })
            .collect()
    }

    /// Writes what is queued, every 200 ms, until `shutdown` turns true; then drains the queue.
    pub async fn run_writer(
        self,
        mut receiver: mpsc::Receiver<AuditEntry>,
        store: Arc<dyn Store>,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) {
        let mut batch = Vec::new();
        loop {
            let stopping = tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_millis(200)) => false,
                _ = shutdown.changed() => true,
            };
            while let Ok(entry) = receiver.try_recv() {
                batch.push(entry);
                if batch.len() >= 5_000 {
                    self.write(std::mem::take(&mut batch), Vec::new(), &store)
                        .await;
                }
            }
            let usage = self.take_pending(&mut batch);
            self.write(std::mem::take(&mut batch), usage, &store).await;
            // Only after a pass that began with the shutdown: calls made while the previous
            // batch was being written are in the next one.
            if stopping {
                return;
            }
        }
    }

    async fn write(&self, batch: Vec<AuditEntry>, usage: Vec<UsageDelta>, store: &Arc<dyn Store>) {
        if !batch.is_empty()
            && let Err(error) = store.audit_append(batch).await
        {
            tracing::error!(%error, "could not write the audit log");
        }
        if !usage.is_empty()
            && let Err(error) = store.usage_add(usage).await
        {
            tracing::error!(%error, "could not write usage counters");
        }
    }

    /// Entries waiting to be written.
    pub fn queued(&self) -> usize {
        let pending = self.pending();
        self.sender.max_capacity() - self.sender.capacity() + pending.reads.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_calls_are_tallied_per_platform_endpoint_and_second() {
        let (sink, _receiver) = AuditSink::new();
        let alpha = Caller {
            id: 1,
            name: "Alpha".into(),
        };
        let beta = Caller {
            id: 2,
            name: "Beta".into(),
        };
        for _ in 0..1000 {
            sink.read_call(&alpha, "match", 1, 0);
        }
        sink.read_call(&alpha, "match", 3, 2);
        sink.read_call(&beta, "FetchHashes", 800, 0);
        let mut batch = Vec::new();
        let usage = sink.take_pending(&mut batch);
        // At most two seconds were crossed while counting: every call is in some entry.
        let calls: i64 = batch
            .iter()
            .filter(|e| e.actor == "platform:Alpha" && e.action == "match")
            .map(|e| {
                let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap();
                detail["calls"].as_i64().unwrap()
            })
            .sum();
        assert_eq!(calls, 1001);
        assert!(
            batch
                .iter()
                .any(|e| e.actor == "platform:Beta" && e.detail.contains("\"items\":800"))
        );
        let alpha_usage = usage.iter().find(|u| u.platform_id == 1).unwrap();
        assert_eq!(
            (alpha_usage.calls, alpha_usage.items, alpha_usage.hits),
            (1001, 1003, 2)
        );
        // Taken: nothing left.
        let mut again = Vec::new();
        assert!(sink.take_pending(&mut again).is_empty() && again.is_empty());
    }
}
