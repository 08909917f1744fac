"""Prints the benchmark results (JSON lines) as a table, with our speed-up over FAISS."""

import json
import sys

records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
# The machine's random-read costs, measured by `pdq-index-bench memory` just before the runs.
machines = [r for r in records if r.get("machine")]
rows = [r for r in records if not r.get("machine")]
for m in machines:
    print(f"machine: random 64-byte reads over {m['buffer_mib']} MiB on 2 MiB pages: "
          f"{m['chase_ns']:.0f} ns one after another; {m['random_ns']:.1f} ns each with 64 in "
          f"flight, one per 4 KiB page; {m['paired_ns']:.1f} ns each, four per 4 KiB page")
if machines:
    print()
# Wall-clock latencies include time spent waiting for a core on a shared machine; CPU-time
# latencies (per-query thread CPU time, memory stalls included) do not.
print(f"{'dataset':<14} {'method':<50} {'build s':>8} {'memory MB':>10} {'B/hash':>7} "
      f"{'p50 us':>9} {'p99 us':>9} {'cpu p50':>9} {'cpu p99':>9} {'QPS 2thr':>9} "
      f"{'recall':>7} {'exact':>5}")
for r in rows:
    mem = r["mem_bytes"]
    cpu50 = f"{r['cpu_p50_us']:>9.1f}" if "cpu_p50_us" in r else f"{'-':>9}"
    cpu99 = f"{r['cpu_p99_us']:>9.1f}" if "cpu_p99_us" in r else f"{'-':>9}"
    print(f"{r['dataset']:<14} {r['method'][:50]:<50} {r['build_s']:>8.2f} {mem / 1e6:>10.0f} "
          f"{mem / r['n']:>7.1f} {r['p50_us']:>9.1f} {r['p99_us']:>9.1f} {cpu50} {cpu99} "
          f"{r['qps2']:>9.0f} {r['recall']:>7.4f} {str(r['exact']).lower():>5}")
print()
for dataset in dict.fromkeys(r["dataset"] for r in rows):
    ours = [r for r in rows if r["dataset"] == dataset and "MihIndex" in r["method"]]
    faiss = [r for r in rows if r["dataset"] == dataset and r["method"].startswith("FAISS")
             and r["recall"] == 1.0]
    if not ours:
        continue
    o = ours[0]
    line = f"{dataset}: pdq-index p50 {o['p50_us']:.1f} us, p99 {o['p99_us']:.1f} us, " \
           f"{o['mem_bytes'] / o['n']:.1f} B/hash, build {o['build_s']:.2f} s"
    if "on_cpu" in o:
        line += f", on CPU {o['on_cpu']:.0%} of its single-query loop"
    if faiss:
        best = min(faiss, key=lambda r: r["p50_us"])
        line += f"; best exact FAISS ({best['method'][6:]}) p50 {best['p50_us']:.1f} us: " \
                f"{best['p50_us'] / o['p50_us']:.1f}x slower"
        if "cpu_p50_us" in best and "cpu_p50_us" in o:
            line += f" ({best['cpu_p50_us'] / o['cpu_p50_us']:.1f}x in CPU time)"
        line += f", batch {o['qps2'] / best['qps2']:.1f}x its queries per second"
    print(line)
    if o.get("notes"):
        print(f"  layout: {o['notes']}")
