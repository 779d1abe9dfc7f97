"""The closest-passage search is bounded (issue 8): in a source too long to align a quote with whole, and for a quote
too long to align whole, only the places where exact pieces of the quote stand are compared; a slip is still found
there, and a failing quote says the search was bounded instead of taking seconds."""
from __future__ import annotations

import random
import time
from functools import lru_cache

from checker.match import Document, MatchOptions, locate
from checker.match.locate import ALIGN_WHOLE, LONG_QUOTE
from tests.conftest import SEEDS

S0 = "000_12e6b7cc27e0264f.txt"


@lru_cache(maxsize=1)
def long_source() -> tuple[Document, str]:
    """The seeds' paragraphs shuffled and tiled past ALIGN_WHOLE, with one paragraph of its own in the middle."""
    paragraphs = [p for path in sorted(SEEDS.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n")]
    rng, tiled, size = random.Random(8), [], 0
    while size < 2 * ALIGN_WHOLE:
        tiled.append(rng.choice(paragraphs))
        size += len(tiled[-1]) + 2
    own = (
        "The committee met on a grey Tuesday and, after a long and unusually quiet debate, agreed that the bridge "
        "would be repaired before the first frost rather than rebuilt from its foundations next spring."
    )
    tiled.insert(len(tiled) // 2, own)
    return Document.from_text("\n\n".join(tiled), "long.txt"), own


def test_a_slip_in_a_long_source_is_found_among_the_anchored_places():
    doc, own = long_source()
    assert len(doc.norm.text) > ALIGN_WHOLE
    quote = own.replace("unusually", "unusaully")
    started = time.process_time()
    match = locate(quote, doc)
    assert time.process_time() - started < 0.5
    assert match.status == "fuzzy" and match.ok, match.differences
    assert "unusaully" in match.diff and "unusually" in match.diff
    assert doc.text[match.spans[0].start : match.spans[0].end].startswith("The committee met")


def test_a_changed_number_in_a_long_source_still_fails_with_its_reason():
    doc, own = long_source()
    match = locate(own.replace("first frost", "second frost"), doc)
    assert not match.ok and any("changed number" in d for d in match.differences), match.differences


def test_a_quote_nowhere_in_a_long_source_says_the_search_was_bounded():
    doc, _ = long_source()
    match = locate("Seventeen purple elephants quietly auditioned for the municipal opera last winter", doc)
    assert not match.ok
    assert any("closest passage search stopped" in d and "not compared" in d for d in match.differences), (
        match.differences
    )


def test_a_long_quote_is_placed_by_its_pieces_not_aligned_whole():
    """A quote of 2,000 characters with a slip: placed in well under a second, the slip found."""
    doc = Document.read(SEEDS / S0, S0)
    start = doc.text.index("It came on TamTam")
    original = doc.text[start : start + 2400]
    quote = " ".join(original.split())[:2000].rsplit(" ", 1)[0]
    assert len(quote) > LONG_QUOTE
    slipped = quote.replace(" minutes ", " mintues ", 1)
    assert slipped != quote
    started = time.process_time()
    match = locate(slipped, doc, MatchOptions(slips_per_100=2.0))
    assert time.process_time() - started < 1.0
    assert match.status == "fuzzy", (match.status, match.differences)
    assert "mintues" in match.diff
