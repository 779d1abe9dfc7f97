"""The naive checker, for a ratio: rapidfuzz `partial_ratio` of every quote over its whole document, >= 90 passes.

    python bench/scale/naive.py PROJECT [--budget SECONDS]

Reads the citations from PROJECT/bench.json (no YAML, no normalization: matching only), each document once, and
prints one JSON line: citations checked, seconds, passed per kind. Stops after --budget seconds so that a slow
corpus still gives a rate to extrapolate from.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from itertools import groupby
from pathlib import Path

from rapidfuzz import fuzz

THRESHOLD = 90


def check(project: Path, budget: float) -> dict:
    citations = json.loads((project / "bench.json").read_text(encoding="utf-8"))["citations"]
    passed, checked = Counter(), Counter()
    started = time.perf_counter()
    out_of_time = False
    for source, group in groupby(sorted(citations, key=lambda c: c["source"]), key=lambda c: c["source"]):
        text = (project / "sources" / source).read_text(encoding="utf-8")
        for citation in group:
            checked[citation["kind"]] += 1
            passed[citation["kind"]] += fuzz.partial_ratio(citation["quote"], text) >= THRESHOLD
            if time.perf_counter() - started > budget:
                out_of_time = True
                break
        if out_of_time:
            break
    return {"checked": sum(checked.values()), "total": len(citations), "seconds": time.perf_counter() - started,
            "passed": dict(passed), "by_kind": dict(checked), "out_of_time": out_of_time}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--budget", type=float, default=float("inf"))
    args = parser.parse_args()
    print(json.dumps(check(args.project, args.budget)))


if __name__ == "__main__":
    main()
