"""FAISS side of the pdq-index benchmark: the same files, the same measurements.

Usage: faiss_bench.py DIR NAME flat|NHASHxBxNFLIP   (e.g. 11x23x2)

Indexes: IndexBinaryFlat (brute force) and IndexBinaryMultiHash(d=256, nhash, b) with nflip.
FAISS's MultiHash probes, in each of `nhash` tables of `b`-bit substrings, every bucket within
`nflip` bit flips; by the pigeonhole principle it is exact at radius r when
nflip >= floor(r / nhash) (bits outside the substrings only lower the substrings' share of the
distance). Its range search keeps distances strictly below the radius it is given, as does
IndexBinaryFlat's, so radius r is asked as r + 1. Recall is measured, not assumed.

Prints one JSON line, in the format of the Rust side.
"""

import json
import os
import sys
import time

import faiss
import numpy as np

RADIUS = 31


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def load(directory, name):
    hashes = np.fromfile(os.path.join(directory, f"{name}.hashes"), dtype=np.uint8).reshape(-1, 32)
    queries = np.fromfile(os.path.join(directory, f"{name}.queries"), dtype=np.uint8).reshape(-1, 32)
    raw = open(os.path.join(directory, f"{name}.truth"), "rb").read()
    nq = len(queries)
    counts = np.frombuffer(raw[: 4 * nq], dtype="<u4")
    ids = np.frombuffer(raw[4 * nq :], dtype="<u8")
    truth, at = [], 0
    for c in counts:
        truth.append(set(ids[at : at + c].tolist()))
        at += c
    return hashes, queries, truth


def answers(lims, labels):
    return [set(labels[lims[i] : lims[i + 1]].tolist()) for i in range(len(lims) - 1)]


def measure(index, queries, truth, single):
    faiss.omp_set_num_threads(1)
    for q in queries[: min(50, single)]:
        index.range_search(q.reshape(1, -1), RADIUS + 1)
    times = []
    cpu_times = []
    found = total = 0
    exact = True
    for i in range(single):
        q = queries[i : i + 1]
        cpu = time.thread_time_ns()
        start = time.perf_counter()
        lims, _, labels = index.range_search(q, RADIUS + 1)
        times.append((time.perf_counter() - start) * 1e6)
        cpu_times.append((time.thread_time_ns() - cpu) / 1e3)
        got = set(labels[lims[0] : lims[1]].tolist())
        found += len(got & truth[i])
        total += len(truth[i])
        exact &= got == truth[i]
    times.sort()
    cpu_times.sort()
    faiss.omp_set_num_threads(2)
    batch = queries[: max(single, 200)]
    start = time.perf_counter()
    done = 0
    while done == 0 or time.perf_counter() - start < 1.0:
        lims, _, labels = index.range_search(batch, RADIUS + 1)
        if done == 0:
            for got, want in zip(answers(lims, labels), truth):
                found += len(got & want)
                total += len(want)
                exact &= got == want
        done += len(batch)
    qps = done / (time.perf_counter() - start)

    def pct(values, p):
        return values[min(len(values) - 1, round((len(values) - 1) * p))]

    return (pct(times, 0.5), pct(times, 0.99), qps, (found / total if total else 1.0), exact,
            pct(cpu_times, 0.5), pct(cpu_times, 0.99))


def report(name, n, method, build_s, rss_delta, m, notes):
    p50, p99, qps, recall, exact, cpu50, cpu99 = m
    print(
        json.dumps(
            {
                "dataset": name,
                "n": n,
                "method": method,
                "build_s": round(build_s, 3),
                "mem_bytes": rss_delta,
                "rss_delta_bytes": rss_delta,
                "p50_us": round(p50, 2),
                "p99_us": round(p99, 2),
                "qps2": round(qps, 1),
                "recall": round(recall, 6),
                "exact": exact,
                "cpu_p50_us": round(cpu50, 2),
                "cpu_p99_us": round(cpu99, 2),
                "notes": notes,
            }
        ),
        flush=True,
    )


def main():
    directory, name, config = sys.argv[1], sys.argv[2], sys.argv[3]
    hashes, queries, truth = load(directory, name)
    n = len(hashes)
    rss0 = rss_bytes()
    start = time.perf_counter()
    if config == "flat":
        index = faiss.IndexBinaryFlat(256)
        method = "FAISS IndexBinaryFlat"
        # Single queries take tens of milliseconds at 10 M: time fewer of them.
        single = min(len(queries), max(50, 200_000_000 // n))
    else:
        nhash, b, nflip = (int(x) for x in config.split("x"))
        assert nhash * b <= 256 and nflip >= RADIUS // nhash, f"{config} is not exact at r={RADIUS}"
        index = faiss.IndexBinaryMultiHash(256, nhash, b)
        index.nflip = nflip
        method = f"FAISS IndexBinaryMultiHash nhash={nhash} b={b} nflip={nflip}"
        single = min(len(queries), max(200, 100_000_000 // n))
    index.add(hashes)
    build = time.perf_counter() - start
    delta = rss_bytes() - rss0
    report(name, n, method, build, delta, measure(index, queries, truth, single),
           f"{single} single queries")


if __name__ == "__main__":
    main()
