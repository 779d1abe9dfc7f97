"""The search of other sources alone, with and without the word-pair filter, on a generated project.

    python bench/scale/elsewhere_search.py DIR/c --documents 400

Takes the project's quotes that may fail ("absent", "wrong-document", "slip" in bench.json), builds the library's
word index (not timed), then times `Elsewhere._first_in` over the first N documents of the library: CPU seconds with
the filter as shipped (a document named by WORTH_PAIRS or more quotes filters them by their adjacent words first) and
with it off. The answers must be the same.
"""
from __future__ import annotations

import argparse
import json
import time
import types
from pathlib import Path

import checker.cite as cite
from checker.match import MatchOptions
from checker.sources import Library


def search(project: Path, documents: int, worth: int) -> tuple[float, list]:
    bench = json.loads((project / "bench.json").read_text(encoding="utf-8"))["citations"]
    pending = [types.SimpleNamespace(citation=types.SimpleNamespace(quote=c["quote"], source=c["source"]))
               for c in bench if c["kind"] in ("absent", "wrong-document", "slip")]
    elsewhere = cite.Elsewhere(Library(project / "sources"), MatchOptions(), None)
    allowed = set(elsewhere.index.names[:documents])
    saved, cite.WORTH_PAIRS = cite.WORTH_PAIRS, worth
    try:
        started = time.process_time()
        answers = elsewhere._first_in(pending, allowed)
        return time.process_time() - started, answers
    finally:
        cite.WORTH_PAIRS = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a generated project (bench/scale/run.py --dir DIR: DIR/c)")
    parser.add_argument("--documents", type=int, default=400, help="the first N documents of the library")
    args = parser.parse_args()
    on, with_pairs = search(args.project, args.documents, cite.WORTH_PAIRS)
    off, without = search(args.project, args.documents, 1 << 62)
    assert with_pairs == without, "the filter changed an answer"
    found = sum(answer is not None for answer in with_pairs)
    print(f"{len(with_pairs):,} quotes over {args.documents} documents ({found:,} found elsewhere): "
          f"{on:.1f} s of CPU with the word-pair filter, {off:.1f} s without")


if __name__ == "__main__":
    main()
