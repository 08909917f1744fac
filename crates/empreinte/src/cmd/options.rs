//! The options shared by `serve` and `admin`: one set of settings from flags, environment and
//! a TOML file, in that order of precedence, over built-in defaults (as meilisearch does).

use anyhow::Context;
use hub::HubConfig;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Where the settings and the database are.
#[derive(clap::Args, Debug, Clone)]
pub struct DatabaseArgs {
    /// TOML configuration file (see config/empreinte.example.toml).
    #[arg(long, env = "EMPREINTE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder of the embedded database [default: data].
    #[arg(long, env = "EMPREINTE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL: sqlite:PATH or postgres://USER@HOST/DB [default: sqlite:DATA_DIR/empreinte.db].
    #[arg(long, env = "EMPREINTE_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
}

/// The `[server]` section of the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSection {
    pub listen: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub log_format: Option<String>,
    pub log_level: Option<String>,
}

/// What the file says: the `[server]` section, the `[portal]` section (the portal crate's
/// settings: organisation, support lines, minors services...) and the hub's settings.
#[derive(Debug, Clone, Default)]
pub struct FileOptions {
    pub server: ServerSection,
    pub portal: portal::PortalConfig,
    pub hub: HubConfig,
}

impl FileOptions {
    /// Reads `path` (no file given: defaults).
    pub fn load(path: Option<&Path>) -> anyhow::Result<FileOptions> {
        let Some(path) = path else {
            return Ok(FileOptions::default());
        };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
        let mut table: toml::Table = toml::from_str(&text)
            .with_context(|| format!("{} is not valid TOML", path.display()))?;
        let server = match table.remove("server") {
            Some(value) => value
                .try_into()
                .with_context(|| format!("{}: in [server]", path.display()))?,
            None => ServerSection::default(),
        };
        let portal = match table.remove("portal") {
            Some(toml::Value::Table(portal)) => {
                let text = toml::to_string(&portal).context("settings serialise")?;
                portal::PortalConfig::from_toml(&text)
                    .with_context(|| format!("{}: in [portal]", path.display()))?
            }
            Some(_) => anyhow::bail!("{}: portal must be a [portal] section", path.display()),
            None => portal::PortalConfig::default(),
        };
        let hub: HubConfig = toml::Value::Table(table)
            .try_into()
            .with_context(|| format!("{}: invalid settings", path.display()))?;
        Ok(FileOptions {
            server,
            portal,
            hub,
        })
    }
}

impl DatabaseArgs {
    /// The database URL after precedence (flag/env, file, default), creating the data folder of
    /// the default SQLite database.
    pub fn resolve(&self, file: &FileOptions) -> anyhow::Result<String> {
        if let Some(url) = self
            .database_url
            .clone()
            .or(file.server.database_url.clone())
        {
            return Ok(url);
        }
        let dir = self
            .data_dir
            .clone()
            .or(file.server.data_dir.clone())
            .unwrap_or_else(|| PathBuf::from("data"));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create the data folder {}", dir.display()))?;
        Ok(format!("sqlite:{}", dir.join("empreinte.db").display()))
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_is_the_default_and_valid() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/empreinte.example.toml");
        let file = FileOptions::load(Some(&path)).unwrap();
        file.hub.validate().unwrap();
        // The example documents the defaults.
        assert_eq!(file.hub, HubConfig::default());
        assert_eq!(file.server.listen, Some("127.0.0.1:8080".parse().unwrap()));
        // Its [portal] section overrides one setting; the rest keeps the portal's defaults.
        assert_eq!(file.portal.quick_exit_url, "https://www.google.com/");
        let mut portal = file.portal.clone();
        portal.quick_exit_url = portal::PortalConfig::default().quick_exit_url;
        assert_eq!(portal, portal::PortalConfig::default());
    }

    #[test]
    fn unknown_settings_are_refused() {
        let dir = std::env::temp_dir().join(format!("empreinte-options-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.toml");
        std::fs::write(&path, "[cases]\nmax_itmes = 3\n").unwrap();
        let error = format!("{:#}", FileOptions::load(Some(&path)).unwrap_err());
        assert!(error.contains("max_itmes"), "{error}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
