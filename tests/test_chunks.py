"""checker.match.chunks: the stretches a long text is scanned in hold every place a passage stands, so a search
through them finds what a scan of the whole text finds."""
from __future__ import annotations

import gc
import random
import weakref

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.match import Document
from checker.match.chunks import INDEXED_FROM, ChunkIndex
from checker.match.normalize import normalize
from tests.conftest import SEEDS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKENS = ["a", "the", "of", "tamtam", "5,000", "", "telegram", "isn't", "said,", "x"]


def scanned(text: str, needle: str, lo: int, hi: int) -> list[int]:
    found, at = [], text.find(needle, lo, hi)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1, hi)
    return found


@SETTINGS
@given(
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=300).map(" ".join).filter(bool),
    st.integers(1, 40), st.data(),
)
def test_every_place_a_passage_stands_is_in_a_stretch(text, chunk, data):
    index = ChunkIndex(text, chunk)
    start = data.draw(st.integers(0, len(text) - 1))
    needle = text[start : data.draw(st.integers(start + 1, min(len(text), start + chunk)))]
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    stretches = index.ranges(needle, lo, hi)
    assert all(a < b for a, b in stretches) and all(b1 < a2 for (_, b1), (a2, _) in zip(stretches, stretches[1:]))
    found = [at for a, b in stretches for at in scanned(text, needle, a, b)]
    assert found == scanned(text, needle, lo, hi)


SEED_PARAGRAPHS = [p for path in sorted(SEEDS.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n")]


def long_seed_document(rng: random.Random) -> Document:
    """The seeds' paragraphs drawn at random until the text is long enough to be searched by its chunks."""
    tiled, size = [], 0
    while size < INDEXED_FROM + 50_000:
        tiled.append(rng.choice(SEED_PARAGRAPHS))
        size += len(tiled[-1]) + 2
    return Document.from_text("\n\n".join(tiled), "long.txt")


def test_a_long_source_is_searched_in_its_chunks_and_finds_what_a_scan_finds():
    rng = random.Random(3)
    doc = long_seed_document(rng)
    text = doc.norm.text
    for _ in range(60):
        start = rng.randrange(len(text) - 200)
        needle = text[start : start + rng.randint(10, 150)]
        assert list(doc.positions(needle, 0, len(text))) == scanned(text, needle, 0, len(text))
    assert doc._chunks is not None
    assert len(doc._chunks.ranges(normalize("came on TamTam two minutes before").text, 0, len(text))) < 200


def test_a_bracketed_quote_in_a_long_source_is_found_where_a_whole_scan_finds_it(monkeypatch):
    """In a long source the regex of a quote with [insertions] scans only around its longest literal piece; what it
    finds is what scanning the whole source finds."""
    from checker.match import MatchOptions, locate
    from checker.match import brackets

    rng = random.Random(5)
    doc = long_seed_document(rng)
    quotes = []
    for _ in range(12):
        words = rng.choice([p for p in SEED_PARAGRAPHS if len(p.split()) > 14]).split()
        start = rng.randrange(len(words) - 12)
        quote = words[start : start + 12]
        at = rng.randrange(1, 11)
        quote[at] = f"[{quote[at]}]" if rng.random() < 0.5 else f"[the] {quote[at]}"
        quotes.append(" ".join(quote))
    windowed = [locate(q, doc, MatchOptions()) for q in quotes]
    monkeypatch.setattr(brackets, "INDEXED_FROM", 10**12)
    assert windowed == [locate(q, doc, MatchOptions()) for q in quotes]
    assert sum(m.ok for m in windowed) >= 6


def test_a_long_document_put_aside_is_freed_without_the_cycle_collector():
    """Its vocabulary asks it for its chunks without holding it: with the collector run rarely (checker.collector),
    a cycle kept each megabyte-long document the library put aside until a full collection."""
    doc = long_seed_document(random.Random(5))
    assert "tamtam" in doc.vocabulary and doc._chunks is not None  # the vocabulary used the document's chunks
    gone = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert gone() is None
    finally:
        gc.enable()
