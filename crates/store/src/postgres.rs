//! The PostgreSQL backend, for several hub processes on one database.

use crate::Result;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};
use std::time::Duration;

/// The store on a PostgreSQL database.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to `url` and migrates the database (concurrent hub processes serialise on the
    /// migrator's advisory lock).
    pub async fn open(url: &str) -> Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await?;
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        Ok(PostgresStore { pool })
    }

    /// A transaction that changes the feed: it first locks the feed clock's row, held until
    /// commit, so such transactions run one at a time and positions are handed out in commit
    /// order (see the crate docs for why this is enough).
    async fn begin_feed(&self) -> Result<Transaction<'static, Postgres>> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT seq FROM feed_clock WHERE id = 1 FOR UPDATE")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    /// Any other writing transaction.
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }
}

crate::backend::shared_store_impl!(PostgresStore, Postgres, "postgres");
