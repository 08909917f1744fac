//! `empreinte serve` and `empreinte admin`, run as processes: the hub across kill -9, the admin CLI.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use store::testing::sample_pdq_hex as pdq;

const BINARY: &str = env!("CARGO_BIN_EXE_empreinte");

/// A bare HTTP/1.1 request (the test needs no client library): status and JSON body.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let body = text.split("\r\n\r\n").nth(1).unwrap_or("");
    Ok((status, serde_json::from_str(body).unwrap_or(Value::Null)))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "empreinte-{name}-{}-{}",
        std::process::id(),
        free_port()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn serve(dir: &Path, database_url: &str, port: u16) -> Child {
    let mut child = Command::new(BINARY)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            database_url,
        ])
        .arg("--config")
        .arg(dir.join("empreinte.toml"))
        .env("EMPREINTE_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the hub");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if let Ok((200, _)) = http(port, "GET", "/healthz", None) {
            return child;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the hub did not start");
}

struct Acknowledged {
    number: String,
    pin: String,
    hashes: Vec<String>,
}

/// Cases are created concurrently against the real binary, which is killed with SIGKILL
/// mid-way. After a restart, every acknowledged case is there whole, and the store's invariants
/// hold (nothing half-written).
fn kill_9(database_url: &str, dir: &Path) -> Vec<Acknowledged> {
    std::fs::write(
        dir.join("empreinte.toml"),
        "[cases]\ncreate_per_client_per_hour = 1000000\ncreate_per_minute = 1000000\n\
         attempts_per_client_per_minute = 1000000\n",
    )
    .unwrap();
    let port = free_port();
    let mut hub = serve(dir, database_url, port);
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for writer in 0..4u64 {
        let acknowledged = acknowledged.clone();
        let stop = stop.clone();
        writers.push(std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let hashes: Vec<String> = (0..1 + n % 5).map(|i| pdq(writer * 1_000_000 + n * 10 + i)).collect();
                let body = json!({
                    "attestations": {"adult_when_made": true, "depicted": true, "intimate": true},
                    "items": hashes.iter().map(|h| json!({"kind": "image", "signals": [
                        {"type": "pdq", "convention": "reference", "hash": h, "quality": 100}]})).collect::<Vec<_>>(),
                });
                match http(port, "POST", "/api/v1/cases", Some(&body)) {
                    Ok((201, answer)) => acknowledged.lock().unwrap().push(Acknowledged {
                        number: answer["case_number"].as_str().unwrap().to_string(),
                        pin: answer["pin"].as_str().unwrap().to_string(),
                        hashes,
                    }),
                    Ok((status, answer)) => panic!("unexpected answer {status}: {answer}"),
                    // The hub was killed.
                    Err(_) => return,
                }
            }
        }));
    }
    // Let cases pile up, then kill the hub in the middle of its work.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 40 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    hub.kill().expect("SIGKILL the hub");
    hub.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().unwrap();
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(
        acknowledged.len() >= 40,
        "too few cases were created before the kill"
    );

    let mut hub = serve(dir, database_url, port);
    for case in &acknowledged {
        let (status, view) = http(
            port,
            "POST",
            "/api/v1/cases/status",
            Some(&json!({"case_number": case.number, "pin": case.pin})),
        )
        .unwrap();
        assert_eq!(
            status, 200,
            "an acknowledged case is missing after kill -9: {view}"
        );
        let items = view["items"].as_array().unwrap();
        assert_eq!(items.len(), case.hashes.len(), "a case lost items");
        for (item, hash) in items.iter().zip(&case.hashes) {
            assert_eq!(item["signals"][0]["hash"], hash.as_str());
        }
    }
    hub.kill().unwrap();
    hub.wait().unwrap();
    let check = Command::new(BINARY)
        .args(["admin", "--database-url", database_url, "check"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "invariants broken after kill -9: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    eprintln!(
        "kill -9: {} acknowledged cases all whole after restart",
        acknowledged.len()
    );
    acknowledged
}

#[test]
fn kill_9_loses_no_acknowledged_case_sqlite() {
    let dir = temp_dir("kill9");
    let url = format!("sqlite:{}", dir.join("hub.db").display());
    let cases = kill_9(&url, &dir);
    // Nothing that identifies a person or opens a case is in the database files: no client
    // address, no case number (stored only as a SHA-256), no PIN (stored only as Argon2id).
    let mut stored = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("hub.db")
        {
            stored.extend(std::fs::read(path).unwrap());
        }
    }
    let stored = String::from_utf8_lossy(&stored);
    assert!(!stored.contains("127.0.0.1"), "a client address is stored");
    for case in &cases {
        assert!(!stored.contains(&case.number) && !stored.contains(&case.number.replace('-', "")));
        // A PIN as a run of exactly 8 digits (longer runs, such as timestamps, may contain any
        // 8 digits by chance).
        let standalone = stored.match_indices(&case.pin).any(|(at, _)| {
            let before = stored[..at].chars().next_back();
            let after = stored[at + 8..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        });
        assert!(!standalone, "a PIN is stored");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn kill_9_loses_no_acknowledged_case_postgres() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(db) = runtime.block_on(store::testing::TestDatabase::postgres()) else {
        return;
    };
    let dir = temp_dir("kill9-pg");
    kill_9(&db.url, &dir);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn admin_manages_platforms_with_the_server_stopped() {
    let dir = temp_dir("admin");
    let url = format!("sqlite:{}", dir.join("hub.db").display());
    let admin = |args: &[&str]| {
        let output = Command::new(BINARY)
            .args(["admin", "--database-url", &url])
            .args(args)
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).to_string(),
            String::from_utf8_lossy(&output.stderr).to_string(),
        )
    };
    let (ok, key, _) = admin(&["platform", "add", "Example"]);
    assert!(ok);
    let key = key.trim().to_string();
    assert!(key.starts_with("empk_"));
    let (ok, list, _) = admin(&["platform", "list"]);
    assert!(
        ok && list.contains("Example") && !list.contains(&key),
        "{list}"
    );
    let (ok, _, error) = admin(&["platform", "add", "Example"]);
    assert!(!ok && error.contains("already exists"), "{error}");
    let (ok, rotated, _) = admin(&["platform", "rotate", "Example"]);
    assert!(ok && rotated.trim() != key);
    let (ok, _, _) = admin(&["platform", "revoke", "Example"]);
    assert!(ok);
    let (ok, list, _) = admin(&["platform", "list"]);
    assert!(ok && list.contains("revoked"));
    std::fs::write(dir.join("hashes.txt"), format!("{}\n{}\n", pdq(1), pdq(2))).unwrap();
    let (ok, out, _) = admin(&["import", dir.join("hashes.txt").to_str().unwrap()]);
    assert!(ok && out.contains("2 new"), "{out}");
    let (ok, out, _) = admin(&["negative", "add", &pdq(1), "--note", "test"]);
    assert!(ok && out.contains("1 stored"), "{out}");
    let (ok, _, error) = admin(&["quarantine", "release", &pdq(2)]);
    assert!(!ok && error.contains("not quarantined"));
    let (ok, stats, _) = admin(&["stats"]);
    assert!(
        ok && stats.contains("hashes Active: 1") && stats.contains("hashes Deleted: 1"),
        "{stats}"
    );
    let (ok, audit, _) = admin(&["audit"]);
    assert!(
        ok && audit.contains("platform.add")
            && audit.contains("negative.add")
            && !audit.contains(&key),
        "{audit}"
    );
    let (ok, out, _) = admin(&["check"]);
    assert!(ok && out.trim() == "ok");
    let (ok, _, error) = admin(&["negative", "add", "nothex"]);
    assert!(!ok && error.contains("not a ImagePDQ hash"), "{error}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// Settings come from flags, then the environment, then the file, then the defaults.
#[test]
fn options_layer_flag_over_environment_over_file_over_default() {
    let dir = temp_dir("options");
    let file = dir.join("empreinte.toml");
    std::fs::write(&file, "[cases]\nwithdrawal_grace = \"10d\"\n").unwrap();
    let grace = |flag: bool, env: bool, with_file: bool| {
        let mut command = Command::new(BINARY);
        command
            .args(["serve", "--print-config"])
            .env_remove("EMPREINTE_WITHDRAWAL_GRACE")
            .env_remove("EMPREINTE_CONFIG");
        if with_file {
            command.arg("--config").arg(&file);
        }
        if flag {
            command.args(["--withdrawal-grace", "1d"]);
        }
        if env {
            command.env("EMPREINTE_WITHDRAWAL_GRACE", "5d");
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        table["cases"]["withdrawal_grace"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(grace(true, true, true), "1d");
    assert_eq!(grace(false, true, true), "5d");
    assert_eq!(grace(false, false, true), "10d");
    assert_eq!(grace(false, false, false), "30d");
    // A typo in the file is refused with its name.
    std::fs::write(&file, "[cases]\nwithdrawl_grace = \"10d\"\n").unwrap();
    let output = Command::new(BINARY)
        .args(["serve", "--print-config", "--config"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("withdrawl_grace"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// `--log-format json` gives one JSON object per line, the listening address among them.
#[test]
fn json_logs() {
    let dir = temp_dir("json-logs");
    let port = free_port();
    let mut child = Command::new(BINARY)
        .args([
            "serve",
            "--log-format",
            "json",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .arg("--data-dir")
        .arg(dir.join("data"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let first = lines.next().unwrap().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let line: Value = serde_json::from_str(&first).expect("a JSON log line");
    assert_eq!(line["level"], "INFO");
    assert!(
        line["fields"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("http://127.0.0.1:{port}"))
    );
    std::fs::remove_dir_all(dir).unwrap();
}
