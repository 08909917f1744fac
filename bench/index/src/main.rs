//! Benchmark driver for `pdq-index` (run through `bench/index/run`, which also runs FAISS on the
//! same files).
//!
//! `gen DIR NAME N uniform|clustered QUERIES SEED` writes `NAME.hashes` (N hashes, 32 bytes
//! each, `PdqHash` byte order; entry i has id i), `NAME.queries` (the same format) and
//! `NAME.truth` (per query a u32 count, then all matching ids as u64, ascending per query,
//! found by brute force at radius 31).
//!
//! `memory MIB` measures this machine's random reads over a buffer of that size (see
//! `memory_probe`); the run script prints it with the table.
//!
//! `run DIR NAME [RADIUS]` builds the index over `NAME.hashes`, times single queries on one
//! thread and batches on two, checks every answer against `NAME.truth`, and prints one JSON
//! line per method. For calibrating the cost model on a new machine, `PDQ_LAYOUTS` times
//! several layouts against each other instead (see `run`), and `PDQ_VISIT_NS`,
//! `PDQ_LINE_NS`, `PDQ_CANDIDATE_LINES`, `PDQ_BYTES`, `PDQ_MAX_DIRECT` and `PDQ_UNITS`
//! override the model and the layout limits.

use pdq::PdqHash;
use pdq_index::{HammingIndex, MihIndex, MihOptions, ScanIndex, Words};
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const RADIUS: u32 = 31;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn hash(&mut self) -> [u64; 4] {
        [self.next(), self.next(), self.next(), self.next()]
    }
    /// `words` with exactly `flips` distinct bits flipped.
    fn near(&mut self, words: [u64; 4], flips: u32) -> [u64; 4] {
        let mut out = words;
        let mut done = 0;
        while done < flips {
            let bit = self.below(256) as usize;
            if out[bit / 64] >> (bit % 64) & 1 == words[bit / 64] >> (bit % 64) & 1 {
                out[bit / 64] ^= 1 << (bit % 64);
                done += 1;
            }
        }
        out
    }
}

fn write_hashes(path: &Path, hashes: impl Iterator<Item = [u64; 4]>) -> std::io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 22, File::create(path)?);
    for words in hashes {
        w.write_all(PdqHash::from_words(words).as_bytes())?;
    }
    w.flush()
}

fn read_hashes(path: &Path) -> std::io::Result<Vec<Words>> {
    let len = std::fs::metadata(path)?.len() as usize;
    let mut r = BufReader::with_capacity(1 << 22, File::open(path)?);
    let mut out = Vec::with_capacity(len / 32);
    let mut buf = [0u8; 32];
    for _ in 0..len / 32 {
        r.read_exact(&mut buf)?;
        out.push(Words::from(PdqHash::from_bytes(buf)));
    }
    Ok(out)
}

fn read_truth(path: &Path, queries: usize) -> std::io::Result<Vec<Vec<u64>>> {
    let bytes = std::fs::read(path)?;
    let counts: Vec<usize> = bytes[..4 * queries]
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap()) as usize)
        .collect();
    let mut ids = bytes[4 * queries..]
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()));
    Ok(counts
        .iter()
        .map(|&c| ids.by_ref().take(c).collect())
        .collect())
}

fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn generate(dir: &Path, name: &str, n: usize, kind: &str, queries: usize, seed: u64) {
    let mut rng = Rng(seed);
    let clustered = kind == "clustered";
    // Clustered: 100k seeds; half the entries are near-duplicates of a seed at 0 to 20 bits,
    // the other half uniform background.
    let seeds: Vec<[u64; 4]> = (0..100_000).map(|_| rng.hash()).collect();
    let mut hashes = Vec::with_capacity(n);
    for _ in 0..n {
        if clustered && rng.below(2) == 0 {
            let seed = seeds[rng.below(seeds.len() as u64) as usize];
            let flips = rng.below(21) as u32;
            hashes.push(rng.near(seed, flips));
        } else {
            hashes.push(rng.hash());
        }
    }
    // Queries alternate: a stored hash moved by 0 to 25 bits (so at least one match within
    // 31), then a fresh uniform hash (almost surely no match).
    let query_list: Vec<[u64; 4]> = (0..queries)
        .map(|i| {
            if i % 2 == 0 {
                let base = hashes[rng.below(n as u64) as usize];
                let flips = rng.below(26) as u32;
                rng.near(base, flips)
            } else {
                rng.hash()
            }
        })
        .collect();
    write_hashes(&dir.join(format!("{name}.hashes")), hashes.iter().copied()).unwrap();
    write_hashes(
        &dir.join(format!("{name}.queries")),
        query_list.iter().copied(),
    )
    .unwrap();
    // Ground truth by brute force, blocked so that each block of hashes stays in cache while
    // every query is compared with it (a plain scan per query would stream the whole list
    // from memory once per query).
    let words: Vec<Words> = hashes.iter().map(|&w| Words(w)).collect();
    drop(hashes);
    let query_words: Vec<Words> = query_list.iter().map(|&w| Words(w)).collect();
    let kernels = pdq_index::simd::Kernels::best();
    let block = 1 << 15;
    let found: Vec<Vec<(u32, u64)>> = {
        use rayon::prelude::*;
        words
            .par_chunks(block)
            .enumerate()
            .map(|(b, chunk)| {
                let mut hits = Vec::new();
                let mut out = Vec::new();
                for (q, query) in query_words.iter().enumerate() {
                    out.clear();
                    (kernels.scan)(chunk, query, RADIUS, &mut out);
                    hits.extend(
                        out.iter()
                            .map(|&(i, _)| (q as u32, (b * block) as u64 + u64::from(i))),
                    );
                }
                hits
            })
            .collect()
    };
    let mut answers: Vec<Vec<u64>> = vec![Vec::new(); queries];
    for (q, id) in found.into_iter().flatten() {
        answers[q as usize].push(id);
    }
    let mut w = BufWriter::new(File::create(dir.join(format!("{name}.truth"))).unwrap());
    for a in &answers {
        w.write_all(&(a.len() as u32).to_le_bytes()).unwrap();
    }
    for a in answers.iter_mut() {
        a.sort_unstable();
        for id in a.iter() {
            w.write_all(&id.to_le_bytes()).unwrap();
        }
    }
    w.flush().unwrap();
    let with_match = answers.iter().filter(|a| !a.is_empty()).count();
    eprintln!("{name}: {n} hashes, {queries} queries, {with_match} with a match within {RADIUS}");
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

struct Measured {
    p50_us: f64,
    p99_us: f64,
    qps2: f64,
    recall: f64,
    exact: bool,
    /// Share of the single-query loop's wall time that the thread spent running.
    on_cpu: f64,
    /// Percentiles of per-query CPU time.
    cpu_p50_us: f64,
    cpu_p99_us: f64,
}

fn measure(
    index: &dyn HammingIndex,
    queries: &[PdqHash],
    truth: &[Vec<u64>],
    radius: u32,
    single: usize,
) -> Measured {
    // Warm-up, then one timed query at a time on this thread.
    let mut out = Vec::new();
    for q in queries.iter().take(200) {
        out.clear();
        index.query_into(q, radius, &mut out);
    }
    let mut times = Vec::with_capacity(queries.len());
    let mut cpu_times = Vec::with_capacity(queries.len());
    let (cpu0, wall0) = (thread_cpu_ns(), Instant::now());
    let (mut found_true, mut total_true, mut exact) = (0usize, 0usize, true);
    for (q, expected) in queries.iter().zip(truth).take(single) {
        out.clear();
        let cpu = thread_cpu_time_ns();
        let start = Instant::now();
        index.query_into(q, radius, &mut out);
        times.push(start.elapsed().as_secs_f64() * 1e6);
        cpu_times.push((thread_cpu_time_ns() - cpu) as f64 / 1e3);
        let got: BTreeSet<u64> = out.iter().map(|m| m.id).collect();
        let want: BTreeSet<u64> = expected.iter().copied().collect();
        found_true += got.intersection(&want).count();
        total_true += want.len();
        exact &= got == want && got.len() == out.len();
    }
    let on_cpu = (thread_cpu_ns() - cpu0) as f64 / wall0.elapsed().as_nanos() as f64;
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);
    // Batches on a pool of two threads, repeated for at least a second.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed().as_secs_f64() < 1.0 || done == 0 {
        let answers = pool.install(|| index.query_batch(queries, radius));
        if done == 0 {
            for (a, expected) in answers.iter().zip(truth) {
                let got: BTreeSet<u64> = a.iter().map(|m| m.id).collect();
                exact &= got == expected.iter().copied().collect::<BTreeSet<u64>>();
            }
        }
        done += queries.len();
    }
    let qps2 = done as f64 / start.elapsed().as_secs_f64();
    Measured {
        p50_us: percentile(&times, 0.5),
        p99_us: percentile(&times, 0.99),
        qps2,
        recall: if total_true == 0 {
            1.0
        } else {
            found_true as f64 / total_true as f64
        },
        exact,
        on_cpu,
        cpu_p50_us: percentile(&cpu_times, 0.5),
        cpu_p99_us: percentile(&cpu_times, 0.99),
    }
}

/// CPU time of this thread: unlike wall time, it does not count time spent preempted by
/// other processes on a shared machine (it still counts memory stalls).
fn thread_cpu_time_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid clock id and a valid out pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Nanoseconds this thread has run on a CPU (from the scheduler's statistics): with other
/// processes competing for the cores, wall-clock latencies include time spent waiting to run.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn run(dir: &Path, name: &str, radius: u32) {
    let queries: Vec<PdqHash> = read_hashes(&dir.join(format!("{name}.queries")))
        .unwrap()
        .into_iter()
        .map(PdqHash::from)
        .collect();
    let truth = read_truth(&dir.join(format!("{name}.truth")), queries.len()).unwrap();
    let rss0 = rss_bytes();
    let hashes = read_hashes(&dir.join(format!("{name}.hashes"))).unwrap();
    let n = hashes.len();
    let ids: Vec<u64> = (0..n as u64).collect();
    let start = Instant::now();
    let mut options = MihOptions::default();
    // Overrides of the cost model, for calibrating it on a new machine.
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("PDQ_VISIT_NS") {
        options.model.visit_ns = v;
    }
    if let Some(v) = env("PDQ_LINE_NS") {
        options.model.line_ns = v;
    }
    if let Some(v) = env("PDQ_CANDIDATE_LINES") {
        options.model.candidate_lines = v;
    }
    if let Some(v) = env("PDQ_BYTES") {
        options.limits.bytes_per_hash = v;
        options.limits.large_bytes_per_hash = v;
    }
    if let Some(v) = env("PDQ_MAX_DIRECT") {
        options.limits.max_direct_bits = v as u32;
    }
    if let Some(v) = env("PDQ_UNITS") {
        options.limits.units = Some(v as u32);
    }
    if let Ok(spec) = std::env::var("PDQ_LAYOUTS") {
        // Layouts timed against each other on the same queries, interleaved so that the
        // machine's drift cancels out (for calibrating the cost model): `PDQ_LAYOUTS="0:0;13:20"`
        // builds one index per `units:max_direct_bits` item (0 = the default choice).
        let mut indexes = Vec::new();
        for item in spec.split(';') {
            let mut o = options;
            let mut parts = item.split(':').map(|v| v.parse::<u32>().unwrap());
            let (u, d) = (parts.next().unwrap(), parts.next().unwrap());
            if u > 0 {
                o.limits.units = Some(u);
            }
            if d > 0 {
                o.limits.max_direct_bits = d;
            }
            let index = MihIndex::build_from_arrays(ids.clone(), hashes.clone(), o);
            eprintln!(
                "{item}: {:?} {:.1} B/hash",
                index.layout(radius).map(|l| (
                    l.units.len(),
                    l.units[0].direct,
                    l.units.last().unwrap().direct,
                    l.units[0].wide,
                    l.thresholds
                )),
                index.memory_bytes() as f64 / n as f64
            );
            indexes.push(index);
        }
        let mut times = vec![Vec::new(); indexes.len()];
        let mut out = Vec::new();
        for rep in 0..3 {
            for (i, q) in queries.iter().enumerate() {
                let k = (i / 2 + rep) % indexes.len();
                out.clear();
                let start = Instant::now();
                indexes[k].query_into(q, radius, &mut out);
                times[k].push(start.elapsed().as_secs_f64() * 1e6);
            }
        }
        for (k, t) in times.iter_mut().enumerate() {
            t.sort_by(f64::total_cmp);
            eprintln!(
                "layout {k}: p50 {:.1} p90 {:.1}",
                percentile(t, 0.5),
                percentile(t, 0.9)
            );
        }
        return;
    }
    let index = MihIndex::build_from_arrays(ids, hashes, options);
    let build_s = start.elapsed().as_secs_f64();
    let rss_delta = rss_bytes().saturating_sub(rss0);
    let memory = index.memory_bytes();
    let huge_pages_mb = std::fs::read_to_string("/proc/self/smaps_rollup")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("AnonHugePages:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024);
    let layout = index.layout(radius).map(|l| {
        format!(
            "m={} units={:?} direct={:?} wide={:?} thresholds={:?} huge_pages={huge_pages_mb}MB",
            l.units.len(),
            l.units.iter().map(|u| u.bits).collect::<Vec<_>>(),
            l.units.iter().map(|u| u.direct).collect::<Vec<_>>(),
            l.units.iter().map(|u| u8::from(u.wide)).collect::<Vec<_>>(),
            l.thresholds
        )
    });
    let m = measure(&index, &queries, &truth, radius, queries.len());
    println!(
        "{{\"dataset\":\"{name}\",\"n\":{n},\"method\":\"pdq-index MihIndex ({isa})\",\"build_s\":{build_s:.3},\"mem_bytes\":{memory},\"rss_delta_bytes\":{rss_delta},\"p50_us\":{:.2},\"p99_us\":{:.2},\"qps2\":{:.1},\"recall\":{:.6},\"exact\":{},\"on_cpu\":{:.2},\"cpu_p50_us\":{:.2},\"cpu_p99_us\":{:.2},\"notes\":\"{}\"}}",
        m.p50_us,
        m.p99_us,
        m.qps2,
        m.recall,
        m.exact,
        m.on_cpu,
        m.cpu_p50_us,
        m.cpu_p99_us,
        layout.unwrap_or_default(),
        isa = index.isa().name(),
    );
    std::io::stdout().flush().unwrap();
    if std::env::var_os("PDQ_SKIP_SCAN").is_some() {
        return;
    }
    // Our own brute force, for reference (fewer single queries: it is linear).
    let entries: Vec<(PdqHash, u64)> = index.entries().collect();
    drop(index);
    let rss1 = rss_bytes();
    let start = Instant::now();
    let scan = ScanIndex::build(entries);
    let build_s = start.elapsed().as_secs_f64();
    let rss_delta = rss_bytes().saturating_sub(rss1);
    let single = (200_000_000 / n.max(1)).clamp(50, queries.len());
    let few = &queries[..single.min(queries.len())];
    let m = measure(&scan, few, &truth, radius, single);
    println!(
        "{{\"dataset\":\"{name}\",\"n\":{n},\"method\":\"pdq-index ScanIndex\",\"build_s\":{build_s:.3},\"mem_bytes\":{},\"rss_delta_bytes\":{rss_delta},\"p50_us\":{:.2},\"p99_us\":{:.2},\"qps2\":{:.1},\"recall\":{:.6},\"exact\":{},\"notes\":\"{} single queries\"}}",
        scan.memory_bytes(),
        m.p50_us,
        m.p99_us,
        m.qps2,
        m.recall,
        m.exact,
        single
    );
}

/// `memory MIB`: what a random cache-line read costs on this machine right now, over a buffer
/// of that size on 2 MiB pages (as the index's arrays are), printed as one JSON line for the
/// report. The index is bound by exactly such reads, and on shared virtual machines their cost
/// drifts by tens of percent from one hour to the next, so the figures tell a reader how fast
/// the machine was when the table was printed.
///
/// - `chase_ns`: one read after another (each address comes from the previous read): the
///   latency of a miss, page walk included.
/// - `random_ns`: independent reads, 64 prefetched at a time like the probe's pipeline, each
///   on a 4 KiB page of its own: the throughput the probe can hope for (median of three
///   rounds, as is `paired_ns`).
/// - `paired_ns`: the same with four reads to each 4 KiB page; far below `random_ns` when the
///   host backs the VM with 4 KiB pages, so that every read of a new page walks the host's
///   page tables whatever pages the guest asked for.
fn memory_probe(mib: usize) {
    const LINE: usize = 64;
    const PAGE: usize = 4096;
    let bytes = mib << 20;
    // SAFETY: an anonymous private mapping, checked for failure; advice never changes contents.
    let base = unsafe {
        let ptr = libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        assert!(ptr != libc::MAP_FAILED, "mmap of {mib} MiB failed");
        libc::madvise(ptr, bytes, libc::MADV_HUGEPAGE);
        ptr.cast::<u64>()
    };
    // SAFETY: the mapping is `bytes` long, u64-aligned, and this function owns it.
    let memory = unsafe { std::slice::from_raw_parts_mut(base, bytes / 8) };
    let lines = bytes / LINE;
    let words_per_line = LINE / 8;
    // A random cycle through 1 M lines for the chase (spread over the whole buffer).
    let mut rng = Rng(7);
    let chase = (1 << 20).min(lines);
    let mut order: Vec<usize> = (0..chase).map(|i| i * (lines / chase)).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    // Touch every page, with distinct contents (pages of zeros may be merged by the host).
    for (i, word) in memory.iter_mut().step_by(PAGE / 8).enumerate() {
        *word = i as u64;
    }
    for (i, &line) in order.iter().enumerate() {
        memory[line * words_per_line] = (order[(i + 1) % order.len()] * words_per_line) as u64;
    }
    let steps = 1 << 21;
    let mut at = order[0] * words_per_line;
    let start = Instant::now();
    for _ in 0..steps {
        at = memory[at] as usize;
    }
    let chase_ns = start.elapsed().as_secs_f64() * 1e9 / steps as f64;
    std::hint::black_box(at);
    let independent = |per_page: usize| {
        let pages = bytes / PAGE;
        let mut rng = Rng(11);
        let addresses: Vec<usize> = (0..steps / per_page)
            .flat_map(|_| {
                let page = rng.below(pages as u64) as usize;
                let first = rng.below((PAGE / LINE) as u64) as usize;
                (0..per_page).map(move |k| page * PAGE / 8 + ((first + 5 * k) % (PAGE / LINE)) * 8)
            })
            .collect();
        let start = Instant::now();
        let mut sum = 0u64;
        // Each group is prefetched, then read a group later (an empty group flushes the last).
        let mut previous: &[usize] = &[];
        for group in addresses.chunks(64).chain([&[][..]]) {
            for &a in group {
                pdq_index::simd::prefetch_l2(memory.as_ptr().wrapping_add(a) as usize);
            }
            for &a in previous {
                sum = sum.wrapping_add(memory[a]);
            }
            previous = group;
        }
        std::hint::black_box(sum);
        start.elapsed().as_secs_f64() * 1e9 / addresses.len() as f64
    };
    // The median of three rounds: a single round now and then catches the host reclaiming or
    // faulting in memory and reads ten times slower.
    let median = |per_page: usize| {
        let mut rounds = [
            independent(per_page),
            independent(per_page),
            independent(per_page),
        ];
        rounds.sort_by(f64::total_cmp);
        rounds[1]
    };
    let random_ns = median(1);
    let paired_ns = median(4);
    // SAFETY: unmaps the mapping made above, no longer borrowed.
    unsafe { libc::munmap(base.cast(), bytes) };
    println!(
        "{{\"machine\":true,\"buffer_mib\":{mib},\"chase_ns\":{chase_ns:.1},\"random_ns\":{random_ns:.1},\"paired_ns\":{paired_ns:.1}}}"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("gen") if args.len() == 8 => generate(
            &PathBuf::from(&args[2]),
            &args[3],
            args[4].parse().expect("N"),
            &args[5],
            args[6].parse().expect("QUERIES"),
            args[7].parse().expect("SEED"),
        ),
        Some("run") if args.len() >= 4 => run(
            &PathBuf::from(&args[2]),
            &args[3],
            args.get(4).map_or(RADIUS, |r| r.parse().expect("RADIUS")),
        ),
        Some("memory") if args.len() == 3 => memory_probe(args[2].parse().expect("MIB")),
        _ => {
            eprintln!(
                "usage: pdq-index-bench gen DIR NAME N uniform|clustered QUERIES SEED\n       pdq-index-bench run DIR NAME [RADIUS]\n       pdq-index-bench memory MIB"
            );
            std::process::exit(2);
        }
    }
}
