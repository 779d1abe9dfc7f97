"""The library's word index on its own: building it over a directory of sources, and storing and reading it back as
the cache does (checker.cache's index_to_json / index_from_json and the JSON encoding around them).

    python bench/scale/index_build.py /tmp/bench-a/a/sources [--runs 3]

Prints CPU seconds, best of --runs (the machine is shared: CPU is the steadier figure), the index's size and the
peak memory. The sources are read once, before timing, as the library reads them (UTF-8 text).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checker.cache import index_from_json, index_to_json  # noqa: E402
from checker.index import SourceIndex  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path, help="a directory of UTF-8 text sources")
    parser.add_argument("--runs", type=int, default=3, help="runs, the best reported (default 3)")
    args = parser.parse_args()
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(args.sources.iterdir())]
    best: dict[str, float] = {}

    def timed(what: str, work):
        started = time.process_time()
        value = work()
        best[what] = min(best.get(what, float("inf")), time.process_time() - started)
        return value

    for _ in range(args.runs):
        index = timed("build", lambda: SourceIndex.build(texts))
        stored = timed("store (index_to_json, json.dumps)", lambda: json.dumps(
            {"key": "index", "value": index_to_json(index)}, separators=(",", ":")))  # as Cache.write writes it
        read = timed("read (json.loads, index_from_json)", lambda: index_from_json(json.loads(stored)["value"]))
    assert read == index, "the index read back differs from the one stored"
    postings = sum(len(numbers) for numbers in index.postings.values())
    print(f"{len(texts):,} sources, {sum(len(text) for _, text in texts) / 1e6:,.1f} M characters: "
          f"{len(index.postings):,} words, {postings:,} postings, stored in {len(stored) / 1e6:,.1f} MB")
    for what, seconds in best.items():
        print(f"  {what}: {seconds:.2f} s CPU (best of {args.runs})")
    print(f"  peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


if __name__ == "__main__":
    main()
