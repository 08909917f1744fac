//! The audit log and per-platform usage counters, written in batches off the request path.
//!
//! Platform calls are many (a match call per upload); writing one row per call inside the
//! request would make the database the bottleneck. Calls are queued and written every 200 ms
//! in one transaction. A crash loses at most the entries of that interval (never case data,
//! which is written before a case is acknowledged); operator actions are written directly.

use crate::now;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use store::{AuditEntry, Store, UsageDelta};
use tokio::sync::mpsc;

/// Calls, items and hits per (platform, endpoint), not yet written.
type UsageCounts = HashMap<(i64, &'static str), (i64, i64, i64)>;

/// Where platform calls are recorded.
#[derive(Clone)]
pub struct AuditSink {
    sender: mpsc::Sender<AuditEntry>,
    usage: Arc<Mutex<UsageCounts>>,
}

impl AuditSink {
    /// The sink and the receiving end its writer task drains.
    pub fn new() -> (Self, mpsc::Receiver<AuditEntry>) {
        let (sender, receiver) = mpsc::channel(65_536);
        (
            AuditSink {
                sender,
                usage: Arc::new(Mutex::new(HashMap::new())),
            },
            receiver,
        )
    }

    /// Records a platform call: the audit entry and the usage counts.
    pub async fn platform_call(
        &self,
        platform: &crate::platform::Caller,
        endpoint: &'static str,
        items: i64,
        hits: i64,
        detail: serde_json::Value,
    ) {
        {
            let mut usage = self.usage.lock().unwrap_or_else(|e| e.into_inner());
            let counts = usage.entry((platform.id, endpoint)).or_default();
            counts.0 += 1;
            counts.1 += items;
            counts.2 += hits;
        }
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

    fn take_usage(&self) -> Vec<UsageDelta> {
        let day = now() / 86_400;
        let mut usage = self.usage.lock().unwrap_or_else(|e| e.into_inner());
        usage
            .drain()
            .map(
                |((platform_id, endpoint), (calls, items, hits))| UsageDelta {
                    platform_id,
                    day,
                    endpoint: endpoint.to_string(),
                    calls,
                    items,
                    hits,
                },
            )
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
                    self.flush(&mut batch, &store).await;
                }
            }
            self.flush(&mut batch, &store).await;
            if stopping || *shutdown.borrow() {
                return;
            }
        }
    }

    /// Writes `batch` and the usage counters now.
    pub async fn flush(&self, batch: &mut Vec<AuditEntry>, store: &Arc<dyn Store>) {
        if !batch.is_empty() {
            if let Err(error) = store.audit_append(std::mem::take(batch)).await {
                tracing::error!(%error, "could not write the audit log");
            }
        }
        let usage = self.take_usage();
        if !usage.is_empty() {
            if let Err(error) = store.usage_add(usage).await {
                tracing::error!(%error, "could not write usage counters");
            }
        }
    }

    /// Entries waiting to be written.
    pub fn queued(&self) -> usize {
        self.sender.max_capacity() - self.sender.capacity()
    }
}
