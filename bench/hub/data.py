"""Writes N random PDQ hashes (one per line) and a Lua table of 1000 match queries: half are a
stored hash with 1 to 20 bits flipped (a match within 31), half random (no match)."""
import random
import sys

count, hashes_path, queries_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(20261123)
stored = []
with open(hashes_path, "w") as out:
    for i in range(count):
        value = rng.getrandbits(256)
        if i < 500:
            stored.append(value)
        out.write(f"{value:064x}\n")
queries = []
for value in stored:
    for bit in rng.sample(range(256), rng.randint(1, 20)):
        value ^= 1 << bit
    queries.append(f"{value:064x}")
queries += [f"{rng.getrandbits(256):064x}" for _ in range(500)]
rng.shuffle(queries)
with open(queries_path, "w") as out:
    out.write("queries = {\n" + ",\n".join(f'"{q}"' for q in queries) + "\n}\n")
