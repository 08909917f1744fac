//! Throw-away databases for tests, on both backends.
//!
//! [`TestDatabase::sqlite`] makes a fresh SQLite file in a temporary folder; [`TestDatabase::postgres`]
//! creates a uniquely named database on the PostgreSQL server named by the environment variable
//! `EMPREINTE_TEST_PG_URL` (an admin connection URL, by default
//! `postgres://postgres@127.0.0.1:5432/postgres`) and drops it when dropped. When that server
//! cannot be reached, `postgres` answers `None` (the test then skips with a message), except
//! when the environment variable `CI` is set: then it panics, so CI never passes without it.

use sqlx::Connection;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

/// Default admin connection of the test PostgreSQL.
pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database that lives as long as this value.
pub struct TestDatabase {
    /// Connection URL of the database.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Postgres { admin_url: String, name: String },
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDatabase {
    /// A fresh SQLite database file.
    pub fn sqlite() -> TestDatabase {
        let dir = std::env::temp_dir().join(format!("empreinte-test-{}", unique_suffix()));
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        let path = dir.join("hub.db");
        TestDatabase {
            url: format!("sqlite:{}", path.display()),
            cleanup: Cleanup::File(dir),
        }
    }

    /// A fresh PostgreSQL database, or `None` when the server is unreachable outside CI.
    pub async fn postgres() -> Option<TestDatabase> {
        let admin_url =
            std::env::var("EMPREINTE_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_ADMIN_URL.into());
        let mut admin = match sqlx::PgConnection::connect(&admin_url).await {
            Ok(connection) => connection,
            Err(error) => {
                if std::env::var_os("CI").is_some() {
                    panic!("PostgreSQL at {admin_url} is required on CI: {error}");
                }
                eprintln!("SKIPPED: PostgreSQL at {admin_url} is unreachable ({error})");
                return None;
            }
        };
        let name = format!("empreinte_test_{}", unique_suffix());
        // CREATE DATABASE fails while another session uses the template database (other tests,
        // other projects on the same server): retry a few times.
        let mut attempt = 0;
        loop {
            match sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut admin)
                .await
            {
                Ok(_) => break,
                Err(error) if attempt < 20 => {
                    attempt += 1;
                    eprintln!("CREATE DATABASE {name} failed ({error}), retrying");
                    tokio::time::sleep(std::time::Duration::from_millis(100 * attempt)).await;
                }
                Err(error) => panic!("cannot create the test database {name}: {error}"),
            }
        }
        let _ = admin.close().await;
        let url = match admin_url.rfind('/') {
            Some(slash) if slash > admin_url.find("://").map_or(0, |i| i + 2) => {
                let (base, rest) = admin_url.split_at(slash);
                let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
                format!("{base}/{name}{query}")
            }
            _ => format!("{admin_url}/{name}"),
        };
        Some(TestDatabase {
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop runs inside the test's runtime; a database is dropped from a thread of
                // its own with a runtime of its own.
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("a runtime");
                    runtime.block_on(async {
                        if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .execute(&mut admin)
                            .await;
                            let _ = admin.close().await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// A PDQ hash in hex, the same for the same `n`, for tests that need many distinct hashes:
/// different `n` give hashes about 128 bits apart (a xorshift stream), so no two match at any
/// threshold a test uses.
pub fn sample_pdq_hex(n: u64) -> String {
    let mut bytes = [0u8; 32];
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    for byte in bytes.iter_mut() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *byte = state as u8;
    }
    pdq::PdqHash::from_bytes(bytes).to_hex()
}
