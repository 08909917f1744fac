//! Fixed-window rate limits, in memory only.
//!
//! Keys are client addresses (or `*` for global limits). They live in this process's memory
//! for at most one window and are never written anywhere: no IP address is stored.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Counts events per key in fixed windows.
pub struct RateLimiter {
    window: Duration,
    limit: u32,
    counts: Mutex<HashMap<Option<IpAddr>, (Instant, u32)>>,
}

impl RateLimiter {
    /// At most `limit` events per `window` per key.
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter {
            window,
            limit,
            counts: Mutex::new(HashMap::new()),
        }
    }

    /// Counts an event for `key` (`None`: the global bucket); `Err(seconds to wait)` when over.
    pub fn check(&self, key: Option<IpAddr>) -> Result<(), u64> {
        let now = Instant::now();
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        if counts.len() > 100_000 {
            // Bounded memory under a flood of addresses: forget finished windows.
            let window = self.window;
            counts.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = counts.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.limit {
            let wait = self.window.saturating_sub(now.duration_since(entry.0));
            return Err(wait.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }

    /// Forgets finished windows.
    pub fn sweep(&self) {
        let now = Instant::now();
        let window = self.window;
        self.counts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, (start, _)| now.duration_since(*start) < window);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let a = Some("127.0.0.1".parse().unwrap());
        let b = Some("127.0.0.2".parse().unwrap());
        assert!(limiter.check(a).is_ok());
        assert!(limiter.check(a).is_ok());
        assert!(limiter.check(a).is_err());
        assert!(limiter.check(b).is_ok());
        limiter.sweep();
    }
}
