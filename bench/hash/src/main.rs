//! Throughput of PDQ hashing from decoded pixels (and of decoding alone), for `bench/hash/run`.
//!
//! ```text
//! bench-hash hash   [--convention reference|full-resolution] [--threads N] [--seconds S] FILE...
//! bench-hash decode [--threads N] [--seconds S] FILE...
//! ```
//!
//! `hash` decodes every file once, then hashes the decoded images round-robin for at least S
//! seconds on each of N threads; `decode` decodes the files (already in memory) round-robin.
//! Prints one JSON object: `{"images": .., "seconds": .., "images_per_second": ..}`.

use pdq::Convention;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

struct Options {
    mode: String,
    convention: Convention,
    threads: usize,
    seconds: f64,
    files: Vec<String>,
}

fn parse() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mode = args.next().ok_or("expected `hash` or `decode`")?;
    if mode != "hash" && mode != "decode" {
        return Err(format!(
            "unknown mode {mode:?}: expected `hash` or `decode`"
        ));
    }
    let mut options = Options {
        mode,
        convention: Convention::FullResolution,
        threads: 1,
        seconds: 2.0,
        files: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--convention" => {
                options.convention = value("--convention")?.parse().map_err(|e| format!("{e}"))?;
            }
            "--threads" => {
                options.threads = value("--threads")?
                    .parse()
                    .map_err(|e| format!("--threads: {e}"))?;
            }
            "--seconds" => {
                options.seconds = value("--seconds")?
                    .parse()
                    .map_err(|e| format!("--seconds: {e}"))?;
            }
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() || options.threads == 0 {
        return Err("expected at least one file and one thread".into());
    }
    Ok(options)
}

/// Runs `work(i)` for i = thread, thread + threads, ... on `threads` threads until `seconds`
/// have passed on each; returns (calls, seconds).
fn saturate(threads: usize, seconds: f64, count: usize, work: impl Fn(usize) + Sync) -> (u64, f64) {
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let calls: u64 = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|thread| {
                let work = &work;
                scope.spawn(move || {
                    let mut calls = 0u64;
                    let mut index = thread;
                    while start.elapsed() < budget {
                        work(index % count);
                        index += threads;
                        calls += 1;
                    }
                    calls
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("bench thread"))
            .sum()
    });
    (calls, start.elapsed().as_secs_f64())
}

fn main() -> ExitCode {
    let options = match parse() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("bench-hash: {message}");
            return ExitCode::from(2);
        }
    };
    let mut bytes = Vec::new();
    for file in &options.files {
        match std::fs::read(file) {
            Ok(b) => bytes.push(b),
            Err(error) => {
                eprintln!("bench-hash: {file}: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let decode_options = media::DecodeOptions::default();
    let (calls, seconds) = if options.mode == "decode" {
        saturate(options.threads, options.seconds, bytes.len(), |i| {
            black_box(media::decode(&bytes[i], &decode_options).ok());
        })
    } else {
        let mut images = Vec::new();
        for (file, bytes) in options.files.iter().zip(&bytes) {
            match media::decode(bytes, &decode_options) {
                Ok(image) => images.push(image),
                Err(error) => {
                    eprintln!("bench-hash: {file}: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let convention = options.convention;
        thread_local! {
            static HASHER: std::cell::RefCell<pdq::PdqHasher> =
                std::cell::RefCell::new(pdq::PdqHasher::new());
        }
        saturate(options.threads, options.seconds, images.len(), |i| {
            let pixels = images[i].as_image_ref();
            HASHER.with_borrow_mut(|hasher| black_box(hasher.hash(&pixels, convention)));
        })
    };
    println!(
        "{{\"images\": {calls}, \"seconds\": {seconds:.4}, \"images_per_second\": {:.3}}}",
        calls as f64 / seconds
    );
    ExitCode::SUCCESS
}
