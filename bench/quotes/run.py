"""The accuracy table: every labelled case through our matcher and through naive `partial_ratio >= 90`, per category.

    python bench/quotes/run.py [--failures] [--write] [--dump cases.jsonl]
    python bench/quotes/run.py --heldout    # the hand-written held-out set (heldout.py), writes HELDOUT.md
    python bench/quotes/run.py --heldout2   # the second hand-written held-out set (heldout2.py), writes HELDOUT2.md
    python bench/quotes/run.py --heldout3   # the third hand-written held-out set (heldout3.py), writes HELDOUT3.md
    python bench/quotes/run.py --format html   # every source served as an HTML page (md, pdf, warc: the others)

--failures lists every case our matcher gets wrong (category, quote, source excerpt, expected, got);
--write also writes the table to bench/quotes/RESULTS.md. Deterministic: seeded generators, sorted output.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rapidfuzz import fuzz  # noqa: E402

from checker.cite import find_elsewhere  # noqa: E402
from checker.formats import extractor_for  # noqa: E402
from checker.match import Document, MatchOptions, locate  # noqa: E402
from corpus import missing  # noqa: E402
from generate import all_texts, generate  # noqa: E402
from labels import PASS, Case  # noqa: E402

sys.path.insert(0, str(HERE.parent))
from render_formats import FORMAT_SUFFIX, render  # noqa: E402

NAIVE_THRESHOLD = 90


class Shelf:
    """The clean sources as a library for cite.find_elsewhere (names() and document(name))."""

    def __init__(self, documents: dict[str, Document]):
        self.documents = {n: d for n, d in documents.items() if not n.endswith("(noisy)")}

    def names(self) -> list[str]:
        return sorted(self.documents)

    def document(self, name: str) -> Document:
        return self.documents[name]


class Citation:
    def __init__(self, quote: str, source: str):
        self.quote, self.source = quote, source


def ours(case: Case, documents: dict[str, Document], shelf: Shelf, fmt: str = "txt") -> tuple[bool, str]:
    """Whether our matcher gets the case right, and what it said. A source served as HTML has &nbsp; between two
    of its words (bench/render_formats.py): a quote verbatim in the text is there `normalized`, not verbatim."""
    options = replace(MatchOptions(), strict=case.strict)
    match = locate(case.quote, documents[case.source], options)
    got = f"{match.status} ok={match.ok}"
    statuses = case.statuses
    if fmt != "txt" and "verbatim" in statuses:
        statuses = (*statuses, "normalized")
    if case.expect == PASS:
        return match.ok and (not statuses or match.status in statuses), got
    if match.ok or (statuses and match.status not in statuses):
        return False, got
    if case.found_in:
        found = find_elsewhere(Citation(case.quote, case.source), shelf, options)
        got += f", found in {found[0] if found else None}"
        return found is not None and found[0] == case.found_in, got
    return True, got


def naive(case: Case, texts: dict[str, str]) -> bool:
    passes = fuzz.partial_ratio(case.quote, texts[case.source]) >= NAIVE_THRESHOLD
    return passes == (case.expect == PASS)


def served(name: str, text: str, fmt: str) -> Document:
    """The source as the format serves it (bench/render_formats.py), read back through its extractor."""
    if fmt == "txt":
        return Document.from_text(text, name)
    extracted = extractor_for("page" + FORMAT_SUFFIX[fmt])(render(text, fmt))
    return Document.from_text(extracted.text, name, extracted.source_map)


def evaluate(cases: list[Case], fmt: str = "txt") -> tuple[dict[str, list[int]], list[dict]]:
    texts = all_texts()
    documents = {name: served(name, text, fmt) for name, text in texts.items()}
    shelf = Shelf(documents)
    rows: dict[str, list[int]] = {}
    wrong = []
    for case in cases:
        right, got = ours(case, documents, shelf, fmt)
        row = rows.setdefault(case.category, [0, 0, 0])
        row[0] += 1
        row[1] += right
        row[2] += naive(case, texts)
        if not right:
            wrong.append({**asdict(case), "got": got, "excerpt": excerpt(case, documents[case.source])})
    return rows, wrong


def excerpt(case: Case, doc: Document) -> str:
    """The source passage closest to the quote (what the matcher aligned it with), for the failure list."""
    match = locate(case.quote, doc, MatchOptions(min_words=1, min_chars=1))
    return match.matched[:300]


def table(cases: list[Case], rows: dict[str, list[int]]) -> str:
    expect = {c.category: c.expect for c in cases}
    order = list(dict.fromkeys(c.category for c in cases))
    lines = [
        "| expect | category | cases | ours % | naive partial_ratio>=90 % |",
        "|---|---|---:|---:|---:|",
    ]
    for group in ("pass", "fail"):
        for category in order:
            if expect[category] == group:
                n, ok, nv = rows[category]
                lines.append(f"| must-{group} | {category} | {n} | {100 * ok / n:.1f} | {100 * nv / n:.1f} |")
    n = sum(r[0] for r in rows.values())
    lines.append(
        f"| all | all categories | {n} | {100 * sum(r[1] for r in rows.values()) / n:.1f} "
        f"| {100 * sum(r[2] for r in rows.values()) / n:.1f} |"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the cases our matcher gets wrong")
    parser.add_argument("--write", action="store_true", help="write the table to bench/quotes/RESULTS.md")
    parser.add_argument("--dump", metavar="FILE", help="write every case as JSON lines")
    parser.add_argument(
        "--heldout", action="store_true", help="run the held-out set instead and write bench/quotes/HELDOUT.md"
    )
    parser.add_argument(
        "--heldout2", action="store_true", help="run the second held-out set instead and write bench/quotes/HELDOUT2.md"
    )
    parser.add_argument(
        "--heldout3", action="store_true", help="run the third held-out set instead and write bench/quotes/HELDOUT3.md"
    )
    parser.add_argument("--format", choices=("txt", "html", "md", "pdf", "warc"), default="txt",
                        help="serve every source in this format (bench/render_formats.py) and read it back")
    args = parser.parse_args(argv)
    if args.heldout3:
        import heldout3

        return heldout3.main()
    if args.heldout2:
        import heldout2

        return heldout2.main()
    if args.heldout:
        import heldout

        return heldout.main()
    started = time.perf_counter()
    cases = generate()
    generated = time.perf_counter()
    rows, wrong = evaluate(cases, args.format)
    finished = time.perf_counter()
    out = table(cases, rows)
    timing = f"{len(cases)} cases: generated in {generated - started:.1f} s, evaluated in {finished - generated:.1f} s"
    print(out)
    print()
    print(timing)
    if missing():
        print("sources missing on this machine (left out):", ", ".join(missing()))
    if args.failures:
        for item in wrong:
            print(json.dumps(item, ensure_ascii=False))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            for case in cases:
                handle.write(json.dumps(asdict(case), ensure_ascii=False) + "\n")
    if args.write:
        (HERE / "RESULTS.md").write_text(results_md(out, wrong), encoding="utf-8")
    return 0


def results_md(out: str, wrong: list[dict]) -> str:
    limits = []
    for category in dict.fromkeys(item["category"] for item in wrong):
        items = [item for item in wrong if item["category"] == category]
        first = items[0]
        limits.append(
            f"- **{category}** ({len(items)} wrong), e.g. quote `{first['quote']!r}` cited from {first['source']}: "
            f"expected {first['expect']}{' as ' + '/'.join(first['statuses']) if first['statuses'] else ''}, "
            f"got {first['got']}"
        )
    return (
        "# Quote matcher accuracy\n\n"
        "Produced by `python bench/quotes/run.py --write` "
        "(seeded, deterministic; timings are printed, not written here).\n"
        "Sources: seeds/*.txt, /usr/share/common-licenses/{Apache-2.0,GPL-3}, the Zen of Python (`this`),\n"
        "and a typographically noisy copy of each (CRLF, NBSP, curly quotes, soft and line-break hyphens).\n"
        "\"ours\" counts a must-pass case right when the quote passes with an expected status, "
        "a must-fail case when it\n"
        "fails (with status too-short for that category; "
        "found in the right source by cite.find_elsewhere for wrong source).\n"
        "The naive column passes a quote when `rapidfuzz.fuzz.partial_ratio(quote, source) >= 90`.\n\n"
        f"{out}\n\n## Known limits\n\n{len(wrong)} cases misclassified by our matcher "
        "(`python bench/quotes/run.py --failures` lists them all):\n\n" + "\n".join(limits) + "\n"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
