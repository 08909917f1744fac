//! Settings of a running hub (what `empreinte serve` builds from flags, environment and file).

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Everything the hub needs to know besides its store. `Default` is a ready-to-use deployment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct HubConfig {
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Take the client address from the last `X-Forwarded-For` entry (behind a reverse proxy)
    /// for rate limiting; addresses are only ever held in memory.
    pub trust_forwarded_for: bool,
    /// How often each hub process reads new changes from the database, for its match index and
    /// its change streams (milliseconds).
    pub follow_interval_ms: u64,
    /// Case settings.
    pub cases: CaseConfig,
    /// Platform API settings.
    pub platforms: PlatformConfig,
    /// How long audit entries are kept, in days.
    pub audit_retention_days: u64,
}

impl Default for HubConfig {
    fn default() -> Self {
        HubConfig {
            max_body_bytes: 1024 * 1024,
            trust_forwarded_for: false,
            follow_interval_ms: 200,
            cases: CaseConfig::default(),
            platforms: PlatformConfig::default(),
            audit_retention_days: 400,
        }
    }
}

/// Case settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CaseConfig {
    /// Most items (images, videos) in one case.
    pub max_items: usize,
    /// PDQ hashes below this quality are refused (featureless images match everything).
    pub min_pdq_quality: u8,
    /// Time between a withdrawal and the purge of the case's data ("30d", "12h", "0").
    pub withdrawal_grace: String,
    /// How often withdrawn cases due for purge are purged ("1m").
    pub purge_interval: String,
    /// Case creations allowed per client address per hour.
    pub create_per_client_per_hour: u32,
    /// Case creations allowed per minute in all.
    pub create_per_minute: u32,
    /// Status and withdrawal attempts allowed per client address per minute.
    pub attempts_per_client_per_minute: u32,
    /// Failed attempts on one case before it is locked.
    pub max_failed_attempts: i64,
    /// How long a case stays locked after too many failures ("15m").
    pub lockout: String,
    /// Argon2id memory cost of PIN hashing, KiB (OWASP: 19456).
    pub argon2_memory_kib: u32,
    /// Argon2id iterations (OWASP: 2).
    pub argon2_iterations: u32,
}

impl Default for CaseConfig {
    fn default() -> Self {
        CaseConfig {
            max_items: 50,
            min_pdq_quality: 50,
            withdrawal_grace: "30d".into(),
            purge_interval: "1m".into(),
            create_per_client_per_hour: 20,
            create_per_minute: 300,
            attempts_per_client_per_minute: 10,
            max_failed_attempts: 5,
            lockout: "15m".into(),
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
        }
    }
}

/// Platform API settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PlatformConfig {
    /// `pageSize` of FetchHashes when the client gives none.
    pub default_page_size: i64,
    /// Largest `pageSize` of FetchHashes.
    pub max_page_size: i64,
    /// Distinct platforms whose `NotBlocked` feedback quarantines a hash.
    pub quarantine_threshold: i64,
    /// Submissions within this PDQ distance of the negative bank are refused.
    pub negative_bank_radius: u32,
}

impl Default for PlatformConfig {
    fn default() -> Self {
        PlatformConfig {
            default_page_size: 800,
            max_page_size: 10_000,
            quarantine_threshold: 2,
            negative_bank_radius: 31,
        }
    }
}

/// Parses a duration such as `30d`, `12h`, `15m`, `10s`, `250ms` or `0`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text == "0" {
        return Ok(Duration::ZERO);
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("{text:?} needs a unit: ms, s, m, h or d"))?;
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} does not start with a number"))?;
    let seconds = match unit {
        "ms" => return Ok(Duration::from_millis(number)),
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?}: unknown unit {unit:?} (ms, s, m, h, d)")),
    };
    number
        .checked_mul(seconds)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("{text:?} is too long"))
}

impl HubConfig {
    /// Checks the settings; returns one message per problem.
    pub fn validate(&self) -> Result<(), String> {
        let mut problems = Vec::new();
        for (name, value) in [
            ("cases.withdrawal_grace", &self.cases.withdrawal_grace),
            ("cases.purge_interval", &self.cases.purge_interval),
            ("cases.lockout", &self.cases.lockout),
        ] {
            if let Err(error) = parse_duration(value) {
                problems.push(format!("{name}: {error}"));
            }
        }
        if self.platforms.max_page_size < 1 || self.platforms.default_page_size < 1 {
            problems.push("platforms page sizes must be at least 1".into());
        }
        if self.platforms.quarantine_threshold < 1 {
            problems.push("platforms.quarantine_threshold must be at least 1".into());
        }
        if self.cases.max_items < 1 {
            problems.push("cases.max_items must be at least 1".into());
        }
        if self.cases.argon2_memory_kib < 8 || self.cases.argon2_iterations < 1 {
            problems.push("cases.argon2_* are below Argon2's minimum".into());
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    pub(crate) fn grace(&self) -> Duration {
        parse_duration(&self.cases.withdrawal_grace).unwrap_or(Duration::from_secs(30 * 86_400))
    }

    pub(crate) fn purge_interval(&self) -> Duration {
        parse_duration(&self.cases.purge_interval)
            .unwrap_or(Duration::from_secs(60))
            .max(Duration::from_millis(100))
    }

    pub(crate) fn lockout(&self) -> Duration {
        parse_duration(&self.cases.lockout).unwrap_or(Duration::from_secs(900))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert!(parse_duration("5").is_err());
        assert!(parse_duration("5y").is_err());
        assert!(HubConfig::default().validate().is_ok());
    }
}
