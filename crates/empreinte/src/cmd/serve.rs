//! `empreinte serve`: runs the hub.

use super::options::{DatabaseArgs, FileOptions};
use anyhow::Context;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Arguments of `empreinte serve`. Every option can also be set by its environment variable or
/// in the configuration file; a flag wins over the environment, which wins over the file.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "EMPREINTE_LISTEN", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Log format: text or json [default: text].
    #[arg(long, env = "EMPREINTE_LOG_FORMAT", value_name = "FORMAT")]
    pub log_format: Option<String>,
    /// Log filter, e.g. info or hub=debug [default: info].
    #[arg(long, env = "EMPREINTE_LOG", value_name = "FILTER")]
    pub log_level: Option<String>,
    /// Time between a withdrawal and the purge of the case's data, e.g. 30d, 12h, 0.
    #[arg(long, env = "EMPREINTE_WITHDRAWAL_GRACE", value_name = "DURATION")]
    pub withdrawal_grace: Option<String>,
    /// How often due purges run, e.g. 1m.
    #[arg(long, env = "EMPREINTE_PURGE_INTERVAL", value_name = "DURATION")]
    pub purge_interval: Option<String>,
    /// Distinct platforms whose NotBlocked feedback quarantines a hash.
    #[arg(long, env = "EMPREINTE_QUARANTINE_THRESHOLD", value_name = "N")]
    pub quarantine_threshold: Option<i64>,
    /// Largest request body, in bytes.
    #[arg(long, env = "EMPREINTE_MAX_BODY_BYTES", value_name = "BYTES")]
    pub max_body_bytes: Option<usize>,
    /// Take client addresses (for rate limits) from X-Forwarded-For, behind a reverse proxy.
    #[arg(long, env = "EMPREINTE_TRUST_FORWARDED_FOR", value_name = "BOOL")]
    pub trust_forwarded_for: Option<bool>,
    /// Case creations allowed per client address per hour.
    #[arg(long, env = "EMPREINTE_CREATE_PER_CLIENT_PER_HOUR", value_name = "N")]
    pub create_per_client_per_hour: Option<u32>,
    /// Print the effective settings (TOML) and exit.
    #[arg(long)]
    pub print_config: bool,
}

fn init_logs(format: &str, filter: &str) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .with_context(|| format!("invalid log filter {filter:?}"))?;
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        "json" => builder.json().init(),
        "text" => builder.init(),
        other => anyhow::bail!("unknown log format {other:?}: text or json"),
    }
    Ok(())
}

/// Runs `empreinte serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let file = FileOptions::load(args.database.config.as_deref())?;
    let mut config = file.hub.clone();
    file.portal
        .validate()
        .map_err(|e| anyhow::anyhow!("invalid settings: {e}"))?;
    if let Some(v) = args.withdrawal_grace {
        config.cases.withdrawal_grace = v;
    }
    if let Some(v) = args.purge_interval {
        config.cases.purge_interval = v;
    }
    if let Some(v) = args.quarantine_threshold {
        config.platforms.quarantine_threshold = v;
    }
    if let Some(v) = args.max_body_bytes {
        config.max_body_bytes = v;
    }
    if let Some(v) = args.trust_forwarded_for {
        config.trust_forwarded_for = v;
    }
    if let Some(v) = args.create_per_client_per_hour {
        config.cases.create_per_client_per_hour = v;
    }
    config
        .validate()
        .map_err(|e| anyhow::anyhow!("invalid settings: {e}"))?;
    let listen = args
        .listen
        .or(file.server.listen)
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080)));
    let log_format = args
        .log_format
        .or(file.server.log_format.clone())
        .unwrap_or_else(|| "text".into());
    let log_level = args
        .log_level
        .or(file.server.log_level.clone())
        .unwrap_or_else(|| "info".into());
    if args.print_config {
        // Top-level keys first: in TOML, keys after a [section] header belong to it. The
        // [portal] section is as the file gives it (see crates/portal/config.example.toml).
        let mut text = toml::to_string(&config).context("settings serialise")?;
        text.push_str(&format!(
            "\n[server]\nlisten = \"{listen}\"\nlog_format = \"{log_format}\"\nlog_level = \"{log_level}\"\n"
        ));
        print!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    init_logs(&log_format, &log_level)?;
    let url = args.database.resolve(&file)?;

    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let store = store::open(&url)
            .await
            .with_context(|| format!("cannot open the database {}", store::redact_url(&url)))?;
        let hub = hub::Hub::start(store.clone(), config)
            .await
            .context("cannot start the hub")?;
        // The person's portal, with the deployment's [portal] settings, beside the APIs.
        let app = hub.app(Some(portal::router(file.portal.clone())));
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let address = listener.local_addr()?;
        tracing::info!(%address, database = store.backend(), "Empreinte hub listening on http://{address}");
        hub::serve(listener, app, shutdown_signal())
            .await
            .context("the server stopped")?;
        hub.shutdown().await;
        tracing::info!("stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("a SIGTERM handler");
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
