//! The embedded SQLite backend: one file, WAL journal, full fsync on commit.

use crate::Result;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};
use std::str::FromStr;
use std::time::Duration;

/// The store on an SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating it if needed) the database at `url` (`sqlite:PATH`) and migrates it.
    ///
    /// The journal is WAL (readers never wait for the writer) with `synchronous = FULL`: a
    /// transaction that returned is on disk, so an acknowledged case survives a crash or a
    /// power cut.
    pub async fn open(url: &str) -> Result<Self> {
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30));
        let pool = SqlitePoolOptions::new()
            // An in-memory database exists once per connection: keep exactly one.
            .max_connections(if in_memory { 1 } else { 8 })
            .min_connections(if in_memory { 1 } else { 0 })
            .idle_timeout(if in_memory {
                None
            } else {
                Some(Duration::from_secs(600))
            })
            .max_lifetime(if in_memory {
                None
            } else {
                Some(Duration::from_secs(3600))
            })
            .connect_with(options)
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// A transaction that changes the feed: `BEGIN IMMEDIATE` takes the write lock first, so
    /// such transactions run one at a time and positions are handed out in commit order.
    async fn begin_feed(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// Any other writing transaction: also `BEGIN IMMEDIATE`, so that a transaction never has to
    /// upgrade a read lock (which SQLite refuses at once instead of waiting).
    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

crate::backend::shared_store_impl!(SqliteStore, Sqlite, "sqlite");
