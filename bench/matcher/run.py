"""The matcher's cost on real-size prose (issue 8): normalization throughput, time per citation, and one long document.

    python bench/matcher/run.py [--reference] [--sizes 1,10]

Prose is CPython's reference documentation (pydoc_data.topics), shuffled by paragraph (seeded) and tiled to size;
the seeds' news prose tiled to 1 MB is measured too. Citations are sentences of the document (80 % exact, 15 % with
two letters swapped in a long word), and 5 % sentences of the seeds (absent). Times are CPU seconds of this process
(best of three where repeated), so a busy machine skews them less; `--reference` also times the plain per-character
normalization the fast one replaced (tests/reference_normalize.py) on 1 MB.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from checker.match import Document, MatchOptions, is_english_word, locate, normalize  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def prose(size: int, seed: int = 7) -> str:
    """`size` characters of CPython's reference prose, paragraphs shuffled and tiled."""
    from pydoc_data.topics import topics

    paragraphs = [p for key in sorted(topics) for p in topics[key].split("\n\n") if len(p.split()) > 8]
    rng, out, total = random.Random(seed), [], 0
    while total < size:
        out.append(rng.choice(paragraphs))
        total += len(out[-1]) + 2
    return "\n\n".join(out)[:size]


def news(size: int) -> str:
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in SEEDS)
    return (text * (size // len(text) + 1))[:size]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if 8 <= len(s.split()) <= 60 and '"' not in s]


def slipped(sentence: str, rng: random.Random) -> str | None:
    words = sentence.split()
    long = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) >= 6]
    if not long:
        return None
    i = rng.choice(long)
    j = rng.randrange(1, len(words[i]) - 1)
    words[i] = words[i][:j] + words[i][j + 1] + words[i][j] + words[i][j + 2 :]
    return " ".join(words)


def citations(text: str, count: int, rng: random.Random) -> list[tuple[str, str]]:
    own, absent = sentences(text), [s for path in SEEDS for s in sentences(path.read_text(encoding="utf-8"))]
    out = []
    while len(out) < count:
        roll = rng.random()
        if roll < 0.80:
            out.append(("exact", rng.choice(own)))
        elif roll < 0.95:
            quote = slipped(rng.choice(own), rng)
            if quote:
                out.append(("fuzzy", quote))
        else:
            out.append(("absent", rng.choice(absent)))
    return out


def best_of(repeats: int, work) -> float:
    times = []
    for _ in range(repeats):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def throughput(reference: bool) -> None:
    print("| text | size | normalize (CPU) | MB/s |")
    print("|---|---:|---:|---:|")
    for label, text in (("reference prose", prose(1_000_000)), ("news prose", news(1_000_000)),
                        ("reference prose", prose(10_000_000))):
        seconds = best_of(3, lambda: normalize(text))
        print(f"| {label} | {len(text) / 1e6:.0f} MB | {seconds * 1000:.0f} ms | {len(text) / seconds / 1e6:.1f} |")
    if reference:
        sys.path.insert(0, str(REPO / "tests"))
        import reference_normalize

        text = prose(1_000_000)
        seconds = best_of(1, lambda: reference_normalize.normalize(text))
        print(f"| reference prose, per-character reference | 1 MB | {seconds * 1000:.0f} ms "
              f"| {len(text) / seconds / 1e6:.1f} |")


def per_citation() -> None:
    text = prose(50_000)
    doc = Document.from_text(text, "fifty.txt")
    cited = citations(text, 600, random.Random(11))
    print("\n| citation on a normalized 50 KB source | citations | µs each (CPU) |")
    print("|---|---:|---:|")
    for kind in ("exact", "fuzzy", "absent"):
        quotes = [q for k, q in cited if k == kind][:150]
        for quote in quotes:
            locate(quote, doc)  # its words, its windows: as a run would have them after the first look
        seconds = best_of(3, lambda: [locate(quote, doc) for quote in quotes])
        print(f"| {kind} | {len(quotes)} | {seconds / len(quotes) * 1e6:.0f} |")


def long_documents(sizes: list[int]) -> None:
    print("\n| one document | normalize | 1,000 citations | total (CPU) | per MB | exact / fuzzy / absent, ms each |")
    print("|---|---:|---:|---:|---:|---|")
    for size in sizes:
        text = prose(size * 1_000_000)
        started = time.process_time()
        doc = Document.from_text(text, "long.txt")
        normalized = time.process_time()
        spent: dict[str, list[float]] = {}
        for kind, quote in citations(text, 1000, random.Random(3)):
            at = time.process_time()
            locate(quote, doc, MatchOptions())
            spent.setdefault(kind, []).append(time.process_time() - at)
        done = time.process_time()
        each = " / ".join(f"{sum(spent[k]) / len(spent[k]) * 1000:.2f}" for k in ("exact", "fuzzy", "absent"))
        print(f"| {size} MB | {normalized - started:.2f} s | {done - normalized:.2f} s | {done - started:.2f} s "
              f"| {(done - started) / size:.2f} s | {each} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", action="store_true", help="time the per-character reference too (slow)")
    parser.add_argument("--sizes", default="1,10", help="sizes in MB of the long documents (default 1,10)")
    args = parser.parse_args()
    is_english_word("warm")  # the word list loads once per process: not a citation's cost
    throughput(args.reference)
    per_citation()
    long_documents([int(size) for size in args.sizes.split(",")])


if __name__ == "__main__":
    main()
