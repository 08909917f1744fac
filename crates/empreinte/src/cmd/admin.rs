//! `empreinte admin`: the operator's commands.
//!
//! They work directly on the database (the same settings as `serve`), so they work whether the
//! hub runs or not; a running hub picks up key changes within seconds and follows every other
//! change through the feed. Every command that changes something is written to the audit log.

use super::options::{DatabaseArgs, FileOptions, now};
use anyhow::{Context, bail};
use protocol::SignalType;
use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;
use store::{AuditEntry, Store};

/// Arguments of `empreinte admin`.
#[derive(clap::Args, Debug)]
pub struct AdminArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(subcommand)]
    pub command: AdminCommand,
}

/// Operator commands.
#[derive(clap::Subcommand, Debug)]
pub enum AdminCommand {
    /// Platforms and their API keys.
    #[command(subcommand)]
    Platform(PlatformCommand),
    /// The negative bank: known benign hashes that are never distributed.
    #[command(subcommand)]
    Negative(NegativeCommand),
    /// Hashes quarantined after platforms reported them NotBlocked.
    #[command(subcommand)]
    Quarantine(QuarantineCommand),
    /// Figures about cases, hashes, platforms and feedback.
    Stats,
    /// The latest audit log entries.
    Audit {
        /// How many entries.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Distributes a list of hashes (one per line, `-` for standard input) as one import.
    Import {
        /// File of hashes.
        file: String,
        /// Signal type of the hashes: pdq or video_md5.
        #[arg(long = "type", default_value = "pdq")]
        signal_type: String,
    },
    /// Purges withdrawn cases whose grace period is over, now.
    Purge,
    /// Checks the database's invariants (exit status 1 on a violation).
    Check,
}

/// `empreinte admin platform ...`
#[derive(clap::Subcommand, Debug)]
pub enum PlatformCommand {
    /// Adds a platform and prints its API key (shown once).
    Add {
        /// Public name (shown to people and in feedback).
        name: String,
    },
    /// Lists platforms.
    List,
    /// Revokes a platform's key.
    Revoke {
        /// Platform name.
        name: String,
    },
    /// Gives a platform a new key (the old one stops working) and prints it (shown once).
    Rotate {
        /// Platform name.
        name: String,
    },
}

/// `empreinte admin negative ...`
#[derive(clap::Subcommand, Debug)]
pub enum NegativeCommand {
    /// Adds a hash; stored hashes within distance 31 (PDQ) leave distribution.
    Add {
        /// The hash.
        hash: String,
        /// Signal type: pdq or video_md5.
        #[arg(long = "type", default_value = "pdq")]
        signal_type: String,
        /// Why it is benign.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Lists the negative bank.
    List,
}

/// `empreinte admin quarantine ...`
#[derive(clap::Subcommand, Debug)]
pub enum QuarantineCommand {
    /// Lists quarantined hashes.
    List,
    /// Releases a hash: distributed again.
    Release {
        /// The hash.
        hash: String,
        /// Signal type: pdq or video_md5.
        #[arg(long = "type", default_value = "pdq")]
        signal_type: String,
    },
}

fn signal_type(name: &str) -> anyhow::Result<SignalType> {
    match name {
        "pdq" | "ImagePDQ" => Ok(SignalType::ImagePdq),
        "video_md5" | "VideoMD5" => Ok(SignalType::VideoMd5),
        other => bail!("unknown signal type {other:?}: pdq or video_md5"),
    }
}

fn canonical(signal_type: SignalType, value: &str) -> anyhow::Result<String> {
    protocol::canonical_hash_value(signal_type, value.trim())
        .with_context(|| format!("{value:?} is not a {signal_type} hash"))
}

async fn audit(
    store: &Arc<dyn Store>,
    action: &str,
    detail: serde_json::Value,
) -> anyhow::Result<()> {
    store
        .audit_append(vec![AuditEntry {
            at: now(),
            actor: "operator".into(),
            action: action.into(),
            detail: detail.to_string(),
        }])
        .await?;
    Ok(())
}

fn date(seconds: i64) -> String {
    // Days and time, UTC, without pulling a date crate into the binary.
    let days = seconds.div_euclid(86_400);
    let (y, m, d) = {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(month <= 2), month, day)
    };
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Runs `empreinte admin`.
pub fn run(args: AdminArgs) -> anyhow::Result<ExitCode> {
    let file = FileOptions::load(args.database.config.as_deref())?;
    let url = args.database.resolve(&file)?;
    let radius = file.hub.platforms.negative_bank_radius;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let store = store::open(&url)
            .await
            .with_context(|| format!("cannot open the database {}", store::redact_url(&url)))?;
        execute(&store, args.command, radius).await
    })
}

async fn execute(
    store: &Arc<dyn Store>,
    command: AdminCommand,
    radius: u32,
) -> anyhow::Result<ExitCode> {
    match command {
        AdminCommand::Platform(PlatformCommand::Add { name }) => {
            let name = name.trim();
            if name.is_empty() || name.len() > 100 {
                bail!("a platform name has 1 to 100 characters");
            }
            let (key, hash, prefix) = hub::credentials::generate_api_key();
            let platform = store.add_platform(name, hash, &prefix, now()).await?;
            audit(
                store,
                "platform.add",
                serde_json::json!({ "platform": platform.name }),
            )
            .await?;
            eprintln!(
                "Platform {:?} added. Its API key, shown only now (store it safely):",
                platform.name
            );
            println!("{key}");
        }
        AdminCommand::Platform(PlatformCommand::List) => {
            println!("{:<24} {:<14} {:<17} STATE", "NAME", "KEY", "ADDED");
            for p in store.list_platforms().await? {
                let state = match p.revoked_at {
                    Some(at) => format!("revoked {}", date(at)),
                    None => "active".into(),
                };
                println!(
                    "{:<24} {:<14} {:<17} {}",
                    p.name,
                    format!("{}…", p.key_prefix),
                    date(p.created_at),
                    state
                );
            }
        }
        AdminCommand::Platform(PlatformCommand::Revoke { name }) => {
            if !store.revoke_platform(&name, now()).await? {
                bail!("no active platform named {name:?}");
            }
            audit(
                store,
                "platform.revoke",
                serde_json::json!({ "platform": name }),
            )
            .await?;
            eprintln!("The key of {name:?} is revoked (a running hub refuses it within seconds).");
        }
        AdminCommand::Platform(PlatformCommand::Rotate { name }) => {
            let (key, hash, prefix) = hub::credentials::generate_api_key();
            store
                .rotate_platform_key(&name, hash, &prefix, now())
                .await?;
            audit(
                store,
                "platform.rotate",
                serde_json::json!({ "platform": name }),
            )
            .await?;
            eprintln!("New API key of {name:?}, shown only now (the old key no longer works):");
            println!("{key}");
        }
        AdminCommand::Negative(NegativeCommand::Add {
            hash,
            signal_type: kind,
            note,
        }) => {
            let kind = signal_type(&kind)?;
            let value = canonical(kind, &hash)?;
            let taken = store
                .negative_bank_add(kind, &value, &note, now(), radius)
                .await?;
            audit(
                store,
                "negative.add",
                serde_json::json!({ "hash": value, "note": note, "taken_out": taken }),
            )
            .await?;
            println!("Added; {taken} stored hash(es) taken out of distribution.");
        }
        AdminCommand::Negative(NegativeCommand::List) => {
            for entry in store.negative_bank().await? {
                println!(
                    "{} {} {} {}",
                    date(entry.added_at),
                    entry.signal_type,
                    entry.value,
                    entry.note
                );
            }
        }
        AdminCommand::Quarantine(QuarantineCommand::List) => {
            for (kind, value) in store.quarantined().await? {
                println!("{kind} {value}");
            }
        }
        AdminCommand::Quarantine(QuarantineCommand::Release {
            hash,
            signal_type: kind,
        }) => {
            let kind = signal_type(&kind)?;
            let value = canonical(kind, &hash)?;
            if !store.quarantine_release(kind, &value, now()).await? {
                bail!("{value} is not quarantined");
            }
            audit(
                store,
                "quarantine.release",
                serde_json::json!({ "hash": value }),
            )
            .await?;
            println!("Released: {value} is distributed again.");
        }
        AdminCommand::Stats => {
            let stats = store.stats().await?;
            println!("database: {}", store.backend());
            println!(
                "person cases: {} active, {} withdrawn",
                stats.person_cases.0, stats.person_cases.1
            );
            for (status, count) in &stats.hashes_by_status {
                println!("hashes {status}: {count}");
            }
            println!("quarantined: {}", stats.quarantined);
            println!("negative bank: {}", stats.negative_bank);
            println!("platforms: {}", stats.platforms);
            for (value, count) in &stats.feedback_by_value {
                println!("feedback {value}: {count}");
            }
            println!("feed position: {}", stats.feed_seq);
            let since = now() / 86_400 - 30;
            for platform in store.list_platforms().await? {
                let usage = store.platform_usage(platform.id, since).await?;
                for (endpoint, calls, items, hits) in usage.endpoints {
                    println!(
                        "{} {endpoint} (30 days): {calls} calls, {items} items, {hits} hits",
                        platform.name
                    );
                }
            }
        }
        AdminCommand::Audit { limit } => {
            for entry in store.audit_recent(limit).await? {
                println!(
                    "{} {} {} {}",
                    date(entry.at),
                    entry.actor,
                    entry.action,
                    entry.detail
                );
            }
        }
        AdminCommand::Import {
            file,
            signal_type: kind,
        } => {
            let kind = signal_type(&kind)?;
            let reader: Box<dyn BufRead> = if file == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::io::BufReader::new(
                    std::fs::File::open(&file).with_context(|| format!("cannot open {file}"))?,
                ))
            };
            let mut hashes = Vec::new();
            for (number, line) in reader.lines().enumerate() {
                let line = line?;
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let value = canonical(kind, line.split([',', ' ']).next().unwrap_or(line))
                    .with_context(|| format!("line {}", number + 1))?;
                hashes.push((kind, value));
            }
            let count = hashes.len();
            let public_id = hub::credentials::generate_public_id();
            let added = store.import_hashes(&public_id, hashes, now()).await?;
            audit(
                store,
                "import",
                serde_json::json!({ "lines": count, "added": added }),
            )
            .await?;
            println!("{added} new hash(es) distributed ({count} read).");
        }
        AdminCommand::Purge => {
            let report = store.purge_due(now()).await?;
            audit(
                store,
                "purge",
                serde_json::json!({ "cases": report.cases, "hashes": report.hashes }),
            )
            .await?;
            println!(
                "Purged {} case(s) and {} hash(es).",
                report.cases, report.hashes
            );
        }
        AdminCommand::Check => {
            let problems = store.check_invariants().await?;
            if problems.is_empty() {
                println!("ok");
            } else {
                for problem in &problems {
                    println!("{problem}");
                }
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
