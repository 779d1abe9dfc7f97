"""Which of many quotes a normalized document may hold, by the pairs of adjacent words each must have: a quick
filter that spares the matcher's `contains` the quotes a document cannot hold.

The library's word index (checker/index.py) names the documents holding every word a failing quote needs; in a
corpus that reuses its prose (copies, quotations of quotations, tiled text) that is most documents, and each then
has thousands of quotes to confirm. Words in the same order are far rarer than the same words: a quote's words, pair
by pair, must stand side by side in any document that holds it, so one set of the document's adjacent pairs (made
once, as a document is confirmed) rules out nearly every quote it does not hold with a set lookup each.

It never rules out a document the matcher finds the quote in: the pairs are made from the document's normalized text,
which the matcher searches, and a quote's from the words of each stretch between its ellipses and [insertions]
normalized as the matcher normalizes it, less a first or last word an [insertion] may cut (checker.index
stretch_words): a stretch that stands in the normalized text has those words, whole and side by side, there.
tests/test_index.py checks it over typographic noise, with the index.
"""
from __future__ import annotations

from typing import TypeVar

from checker.index import WORD, stretch_words
from checker.match import Document

# the quotes a document must have to confirm before its pairs are worth making: both costs grow with the document's
# length (a `contains` searches it, the pairs read it once), and pairs cost about as much as 300 searches
WORTH_PAIRS = 300

Item = TypeVar("Item")


def may_hold(doc: Document, quotes: list[tuple[Item, frozenset[tuple[str, str]]]]) -> list[Item]:
    """Of (item, the pairs its quote needs), the items whose quote `doc` may hold, in their order."""
    pairs = document_pairs(doc)
    return [item for item, needed in quotes if needed <= pairs]


def document_pairs(doc: Document) -> set[tuple[str, str]]:
    """Every two words standing side by side in the document's normalized text."""
    words = WORD.findall(doc.norm.text)
    return set(zip(words, words[1:]))


def required_pairs(quote: str) -> frozenset[tuple[str, str]]:
    """The pairs of adjacent words any document holding `quote` (as the matcher finds it) must have: those of each
    stretch's inner words, and its first (last) word with the next (previous) one unless an [insertion] may cut it."""
    pairs: set[tuple[str, str]] = set()
    for words, after_insertion, before_insertion in stretch_words(quote):
        whole = words[1 if after_insertion else 0 : len(words) - 1 if before_insertion else len(words)]
        pairs.update(zip(whole, whole[1:]))
    return frozenset(pairs)
