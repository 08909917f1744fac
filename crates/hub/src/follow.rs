//! Following the store's changes: each hub process applies every change, in feed order, to its
//! in-memory list of active hashes and announces the new position to its change streams.
//!
//! Polling the database (every `follow_interval_ms`, 200 ms by default) works the same on SQLite
//! and on PostgreSQL and with any number of hub processes on one database: each sees the
//! changes the others commit within one interval. The feed's ordering guarantee (see the store
//! crate) means following by position never misses a change.

use crate::HubState;
use crate::matcher::Change;
use protocol::HashStatus;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::watch;

/// Applies every committed change after the last applied position.
pub(crate) async fn catch_up(state: &Arc<HubState>) -> Result<(), store::StoreError> {
    catch_up_with(state, false).await
}

/// The initial load: the changes are applied without publishing a view per page nor
/// rebuilding along the way; the caller rebuilds once at the end.
pub(crate) async fn load(state: &Arc<HubState>) -> Result<(), store::StoreError> {
    catch_up_with(state, true).await
}

async fn catch_up_with(state: &Arc<HubState>, initial: bool) -> Result<(), store::StoreError> {
    let _one_at_a_time = state.follow_lock.lock().await;
    let mut cursor = *state.head.borrow();
    loop {
        let changes = state.store.changes_since(cursor, 10_000).await?;
        let Some(last) = changes.last() else {
            return Ok(());
        };
        let last_seq = last.seq;
        let batch: Vec<Change> = changes
            .into_iter()
            .map(|change| {
                let id = change.hash_id as u64;
                if change.status == HashStatus::Active && !change.purged {
                    Change::Activate(id, change.signal_type, change.value)
                } else {
                    Change::Deactivate(id)
                }
            })
            .collect();
        if initial {
            state.matcher.apply_unpublished(&batch);
        } else {
            let delta = state.matcher.apply(&batch);
            if state.matcher.needs_rebuild(delta) {
                // A bulk import: merge before going on, so that queries do not scan a large
                // delta nor views copy it.
                state.matcher.rebuild().await;
            } else if state.matcher.wants_rebuild(delta) {
                state.matcher.rebuild_in_background();
            }
        }
        cursor = last_seq;
        state
            .metrics
            .followed_position
            .store(cursor as u64, Ordering::Relaxed);
        state.head.send_replace(cursor);
    }
}

/// The follower task.
pub(crate) async fn run(state: Arc<HubState>, mut shutdown: watch::Receiver<bool>) {
    let interval = Duration::from_millis(state.config.follow_interval_ms.max(10));
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => return,
        }
        if let Err(error) = catch_up(&state).await {
            tracing::warn!(%error, "could not follow the store's changes");
        }
    }
}
