"""Times `empreinte hash` against what platforms run today, in one run on the same images.

- Hashing from decoded pixels: our `pdq` crate (through bench-hash) against the `pdqhash`
  package (Meta's C++ hashing core), on the same pixels.
- End to end, file to hash: `empreinte hash` (the release binary, a new process per run,
  start-up included) against Pillow's decode + numpy + pdqhash, as python-threatexchange and
  HMA do (`Image.open(p).convert("RGB")`, then `pdqhash.compute`). For the reference convention
  the Python side first resizes images larger than 512 px to 512x512 by nearest neighbour, as
  Meta's reference does.

Each on 1 core (taskset / sched_setaffinity, -j1) and on 2 (-j2, a multiprocessing pool of 2).
Every figure is the best of --repeat measurements, ours and theirs alternating, so that a burst
of load from something else on the machine penalises neither side.
Run through bench/hash/run, which builds, installs and generates what this needs.

Usage: bench.py --empreinte BIN --bench-hash BIN --images DIR [--seconds S] [--repeat N]
                [--reference-cli BIN]
"""

import argparse
import glob
import multiprocessing
import os
import subprocess
import sys
import time

import numpy as np
import pdqhash
from PIL import Image

SIZES = ["512x512", "1920x1080", "4000x3000"]
# Files per end-to-end measurement (the generated images, repeated), so each takes about a
# second on the slower side.
E2E_COUNT = {"512x512": 30, "1920x1080": 9, "4000x3000": 3}
CONVENTIONS = ["full-resolution", "reference"]
CORES = [[0], [0, 1]]


# ------------------------------------------------------------------------------------------------
# The Python side, as python-threatexchange and HMA run it.


def python_hash_pixels(pixels, convention):
    if convention == "reference" and (pixels.shape[0] > 512 or pixels.shape[1] > 512):
        # Nearest-neighbour resize to 512x512 on the decoded pixels.
        rows = (np.arange(512) * pixels.shape[0]) // 512
        cols = (np.arange(512) * pixels.shape[1]) // 512
        pixels = pixels[rows][:, cols]
    return pdqhash.compute(pixels)


def python_hash_file(args):
    path, convention = args
    image = Image.open(path).convert("RGB")
    if convention == "reference" and (image.width > 512 or image.height > 512):
        image = image.resize((512, 512), Image.NEAREST)
    return pdqhash.compute(np.asarray(image))


def python_hash_loop(args):
    """Hashes decoded pixels round-robin for `seconds`; returns the count (one pool task)."""
    paths, convention, seconds = args
    pixels = [np.ascontiguousarray(np.asarray(Image.open(p).convert("RGB"))) for p in paths]
    python_hash_pixels(pixels[0], convention)  # warm up
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        python_hash_pixels(pixels[count % len(pixels)], convention)
        count += 1
    return count, time.perf_counter() - start


def pin(cores):
    os.sched_setaffinity(0, set(cores))


# ------------------------------------------------------------------------------------------------
# Measurements; each returns images per second.


def ours_pixels(bench_hash, paths, convention, cores, seconds):
    import json

    output = subprocess.run(
        ["taskset", "-c", ",".join(map(str, cores)), bench_hash, "hash",
         "--convention", convention, "--threads", str(len(cores)), "--seconds", str(seconds),
         *paths],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output)["images_per_second"]


def python_pixels(paths, convention, cores, seconds):
    pin(cores)
    with multiprocessing.Pool(len(cores)) as pool:
        results = pool.map(python_hash_loop, [(paths, convention, seconds)] * len(cores))
    return sum(count for count, _ in results) / max(elapsed for _, elapsed in results)


def ours_files(empreinte, paths, convention, cores):
    command = ["taskset", "-c", ",".join(map(str, cores)), empreinte, "hash",
               "-j", str(len(cores)), "--convention", convention, *paths]
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or result.stdout.count(b"\n") != len(paths):
        sys.exit(f"empreinte hash failed: {result.stderr.decode(errors='replace')}")
    return len(paths) / elapsed


def python_files(paths, convention, cores):
    pin(cores)
    jobs = [(p, convention) for p in paths]
    if len(cores) == 1:
        python_hash_file(jobs[0])  # warm up
        start = time.perf_counter()
        for job in jobs:
            python_hash_file(job)
        return len(jobs) / (time.perf_counter() - start)
    with multiprocessing.Pool(len(cores)) as pool:
        pool.map(python_hash_file, jobs[: len(cores)])  # start and warm the workers
        start = time.perf_counter()
        pool.map(python_hash_file, jobs, chunksize=1)
        return len(jobs) / (time.perf_counter() - start)


def reference_cli_files(binary, paths):
    """Meta's C++ pdq-photo-hasher, when the caller has built one (never built by this script)."""
    start = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", binary, *paths], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return len(paths) / (time.perf_counter() - start)


# ------------------------------------------------------------------------------------------------


def best_of(repeat, ours, theirs):
    """Best throughput of each side over `repeat` alternating measurements."""
    best_ours = best_theirs = 0.0
    for _ in range(repeat):
        best_ours = max(best_ours, ours())
        best_theirs = max(best_theirs, theirs())
    return best_ours, best_theirs


def row(cells, widths):
    return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--empreinte", required=True)
    parser.add_argument("--bench-hash", required=True)
    parser.add_argument("--images", required=True)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reference-cli")
    args = parser.parse_args()

    images = {}
    for size in SIZES:
        for fmt, ext in [("jpeg", "jpg"), ("png", "png")]:
            found = sorted(glob.glob(os.path.join(args.images, f"{size}-*.{ext}")))
            if not found:
                sys.exit(f"no {size} {fmt} images in {args.images}")
            images[size, fmt] = found
    for paths in images.values():  # into the page cache
        for path in paths:
            with open(path, "rb") as f:
                f.read()
    print(f"pdqhash {getattr(pdqhash, '__version__', '')} numpy {np.__version__} "
          f"Pillow {Image.__version__}; {os.cpu_count()} cores; images in {args.images}\n")

    # --------------------------------------------------------------------------------------
    print("Hashing decoded pixels (images/s; ratio = empreinte / pdqhash)")
    widths = [10, 16, 10, 9, 6, 10, 9, 6]
    print(row(["size", "convention", "ours 1c", "py 1c", "ratio", "ours 2c", "py 2c", "ratio"], widths))
    pixel_ratio = {}
    for size in SIZES:
        paths = images[size, "png"]  # lossless: both sides hash the very same pixels
        for convention in CONVENTIONS:
            cells = [size, convention]
            for cores in CORES:
                ours, theirs = best_of(
                    args.repeat,
                    lambda: ours_pixels(args.bench_hash, paths, convention, cores, args.seconds),
                    lambda: python_pixels(paths, convention, cores, args.seconds),
                )
                cells += [f"{ours:.1f}", f"{theirs:.1f}", f"{ours / theirs:.1f}x"]
                pixel_ratio[size, convention, len(cores)] = ours / theirs
            print(row(cells, widths), flush=True)

    # --------------------------------------------------------------------------------------
    print("\nEnd to end, file to hash (images/s; ratio = empreinte hash / Pillow + pdqhash)")
    widths = [10, 5, 16, 9, 9, 6, 9, 9, 6, 8]
    print(row(["size", "fmt", "convention", "ours 1c", "py 1c", "ratio", "ours 2c", "py 2c", "ratio",
               "ours 2c/1c"], widths))
    totals = {}  # (convention, cores) -> [our seconds, their seconds]
    per_image_ms = {}
    for size in SIZES:
        for fmt in ["jpeg", "png"]:
            base = images[size, fmt]
            paths = (base * (E2E_COUNT[size] // len(base) + 1))[: E2E_COUNT[size]]
            for convention in CONVENTIONS:
                cells = [size, fmt, convention]
                ours_by_cores = []
                for cores in CORES:
                    ours, theirs = best_of(
                        args.repeat,
                        lambda: ours_files(args.empreinte, paths, convention, cores),
                        lambda: python_files(paths, convention, cores),
                    )
                    ours_by_cores.append(ours)
                    cells += [f"{ours:.1f}", f"{theirs:.1f}", f"{ours / theirs:.1f}x"]
                    total = totals.setdefault((convention, len(cores)), [0.0, 0.0])
                    total[0] += len(paths) / ours
                    total[1] += len(paths) / theirs
                    if len(cores) == 1:
                        per_image_ms[size, fmt, convention] = 1000 / ours
                cells.append(f"{ours_by_cores[1] / ours_by_cores[0]:.2f}x")
                print(row(cells, widths), flush=True)

    # --------------------------------------------------------------------------------------
    print("\nAll end-to-end images together (time-weighted): empreinte hash / Pillow + pdqhash")
    for (convention, cores), (ours, theirs) in sorted(totals.items()):
        print(f"  {convention:16} {cores} core{'s' if cores > 1 else ' '}: {theirs / ours:.1f}x")
    for convention in CONVENTIONS:
        one, two = totals[convention, 1][0], totals[convention, 2][0]
        print(f"  {convention:16} empreinte on 2 cores vs 1: {one / two:.2f}x")

    ms = per_image_ms["1920x1080", "jpeg", "reference"]
    reference_ms = 17.0  # Meta's C++ pdq-photo-hasher on this machine, measured separately
    source = "about 17 ms, measured separately"
    if args.reference_cli:
        paths = (images["1920x1080", "jpeg"] * 8)[:24]
        rate, ours_again = best_of(
            args.repeat,
            lambda: reference_cli_files(args.reference_cli, paths),
            lambda: ours_files(args.empreinte, paths, "reference", [0]),
        )
        ms, reference_ms, source = min(ms, 1000 / ours_again), 1000 / rate, "measured now"
    print(f"\n1920x1080 JPEG, reference convention, 1 core: empreinte hash {ms:.1f} ms per image; "
          f"Meta's C++ pdq-photo-hasher {reference_ms:.1f} ms ({source})")

    print("\nTargets")
    r = pixel_ratio["4000x3000", "full-resolution", 1]
    print(f"  hashing 4000x3000 decoded pixels, full resolution, >= 5x pdqhash: {r:.1f}x "
          f"{'met' if r >= 5 else 'NOT MET'}")
    for convention in CONVENTIONS:
        ours, theirs = totals[convention, 1]
        r = theirs / ours
        print(f"  end to end {convention}, 1 core, >= 2x Pillow + pdqhash: {r:.1f}x "
              f"{'met' if r >= 2 else 'NOT MET'}")
    print(f"  1920x1080 JPEG faster than pdq-photo-hasher ({reference_ms:.1f} ms): {ms:.1f} ms "
          f"{'met' if ms < reference_ms else 'NOT MET'}")


if __name__ == "__main__":
    main()
