"""Per citation on one normalized 50 KB source: how long an exact, a fuzzy (one slip) and an absent quote take.

The source is a generated 50 KB document (corpus.py); it is normalized and its words built once before timing, so
the figures are the matcher's own cost per quote. Also times normalizing the document (MB/s).
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from corpus import ABSENT, EXACT, SLIP, Spec, generate

SPEC = Spec("micro", documents=1, document_size=50_000, citations=400)
REPEAT = 3


def matcher():
    """The matcher's Document and locate."""
    from checker.match import Document, locate

    return Document, locate


def measure() -> list[tuple[str, int, float, float]]:
    """(what, how many, median seconds, worst seconds) per kind of quote, and for normalizing the source."""
    Document, locate = matcher()
    from checker.match.quote import _parsed as parsed_quotes  # the matcher's memo of parsed quotes
    with tempfile.TemporaryDirectory() as scratch:
        citations = generate(SPEC, Path(scratch))
        text = (Path(scratch) / "sources" / citations[0].source).read_text(encoding="utf-8")
    started = time.perf_counter()
    doc = Document.from_text(text, "micro.txt")
    normalize_seconds = time.perf_counter() - started
    doc.vocabulary  # noqa: B018 - words and vocabulary built before timing
    rows = [("normalize the 50 KB source (once)", 1, normalize_seconds, normalize_seconds)]
    for kind, want in ((EXACT, {"verbatim", "normalized"}), (SLIP, {"fuzzy"}), (ABSENT, {"mismatch"})):
        times = []
        for citation in (c for c in citations if c.kind == kind):
            match = locate(citation.quote, doc)
            if match.status not in want:
                continue
            best = float("inf")
            for _ in range(REPEAT):
                parsed_quotes.cache_clear()  # each quote parsed anew: a citation's quote is parsed once per run
                started = time.perf_counter()
                locate(citation.quote, doc)
                best = min(best, time.perf_counter() - started)
            times.append(best)
        label = {EXACT: "exact", SLIP: "fuzzy (one slip)", ABSENT: "absent"}[kind]
        rows.append((label, len(times), statistics.median(times), max(times)))
    return rows


def table(rows: list[tuple[str, int, float, float]]) -> list[str]:
    lines = ["| per citation, 50 KB source | quotes | median | worst | target |", "|---|---:|---:|---:|---:|"]
    targets = {"exact": "≤ 10 µs", "fuzzy (one slip)": "≤ 0.5 ms", "absent": "≤ 1 ms"}
    for label, count, median, worst in rows:
        lines.append(f"| {label} | {count} | {duration(median)} | {duration(worst)} | {targets.get(label, '')} |")
    return lines


def duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"
