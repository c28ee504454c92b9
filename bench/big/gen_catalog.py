#!/usr/bin/python3
"""Writes a seeded synthetic pathrank catalog (pathrank.catalog/v1) of N items.

Usage: gen_catalog.py ITEMS OUT.json [SEED]

Shaped like eval/synthetic_catalog.h: seven stages, the first 2% of items
with no clause, each later item with clauses over earlier items (mostly
nearby ones), about five clause entries per item, 30% `recommends`, six
goals over the last items. Deterministic for a seed. For the big-catalog
figures of bench/RESULTS.md (bench/big/rss_serve.sh).
"""
import json
import random
import sys


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    stages = [{"id": f"s{s}", "title": f"Stage {s}"} for s in range(7)]
    items = []
    for i in range(n):
        item = {"id": f"i{i}", "kind": "topic", "title": f"Item {i}",
                "stage": f"s{min(6, i * 7 // n)}", "tags": [f"t{rng.randrange(40)}"],
                "hours": rng.choice([1, 2, 4, 8]), "difficulty": rng.randint(1, 5)}
        if i >= max(1, n // 50):
            clauses = []
            entries = 0
            while entries < 5 and len(clauses) < 4:
                width = rng.choice([1, 1, 1, 2, 3])
                alts = set()
                for _ in range(width):
                    j = i - 1 - int(rng.expovariate(1 / 50)) if rng.random() < 0.9 \
                        else rng.randrange(i)
                    alts.add(f"i{max(0, j)}")
                clause = {"any_of": sorted(alts)}
                if rng.random() < 0.3:
                    clause["type"] = "recommends"
                clauses.append(clause)
                entries += len(alts)
            item["prerequisites"] = clauses
        items.append(item)
    goals = [{"id": f"g{g}", "title": f"Goal {g}",
              "items": {f"i{n - 1 - rng.randrange(max(1, n // 10))}": 1.0 for _ in range(5)}}
             for g in range(6)]
    doc = {"format": "pathrank.catalog/v1", "id": f"synthetic-{n}", "title": "Synthetic",
           "version": "1.0.0", "stages": stages, "items": items, "goals": goals}
    with open(out, "w") as f:
        json.dump(doc, f)


if __name__ == "__main__":
    main()
