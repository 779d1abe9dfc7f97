"""The fast checker.match.normalize is the per-character reference (tests/reference_normalize.py), character for
character: on generated noisy text (Hypothesis), on the seeds and on CPython's reference prose, the normalized text,
every offset, the paragraph breaks and the words (with what each was written as) are the same."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.match.normalize import PLACEHOLDER, normalize, words
from tests import reference_normalize as reference
from tests.conftest import SEEDS

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# what folds one for one, and what does not: quote marks, dashes, white space of every kind, invisible characters,
# combining marks, compatibility forms, a final sigma, a dotted capital I, words broken across lines, insertions
NOISE = [
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "  ", "\u00a0", "\u2009", "\u202f", "\u3000",
    "-", "--", " - ", "\u2010", "\u2011", "\u2013", "\u2014", " \u2014 ", "\u2212", "\uff0d",
    "-\n", "-\r\n  ", "\u00ad\n",
    "'", "\u2019", "\u2018", "`", "\u00b4", "\u02bc", '"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u2033", "\u2034",
    "\u00ad", "\u200b", "\u200d", "\ufeff", "\u0301", "\u0308", "e\u0301", "A\u030a", "\u00a8",
    "\u00e9", "\u00c9", "\u00df", "\ufb01", "\u00b2", "\u2082", "\u00bd", "\u2460", "\u0663", "\uff46", "\u01c5",
    "\u03a3", "\u03a3\u039f\u03a3", "\u0130", PLACEHOLDER, "\u2026", "\x00", ",", ".", ";", ":", "!", "?", "(", ")",
    "@", "#", "/", "_", "$", "%", "\u20ac", "\U0001f600",
]
PLAIN = list("abcdefghijklmnopqrstuvwxyz") + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + list("0123456789")
WORDS = ["the", "Telegram", "TamTam", "isn't", "28-year-old", "5,000", "-5", "U.S.", "state-of-the-art", "e.g."]


def noisy_text() -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(PLAIN), st.sampled_from(PLAIN), st.sampled_from(NOISE), st.sampled_from(WORDS),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    )
    return st.lists(piece, max_size=60).map("".join)


def assert_same(original: str) -> None:
    fast, slow = normalize(original), reference.normalize(original)
    assert fast.text == slow.text
    assert list(fast.origin) == list(slow.origin)
    assert fast.breaks == slow.breaks
    assert words(fast, original) == reference.words(slow, original)


@SETTINGS
@given(noisy_text())
def test_fast_normalization_is_the_reference_on_noisy_text(original):
    assert_same(original)


@SETTINGS
@given(st.lists(st.sampled_from(PLAIN + NOISE + WORDS), max_size=80).map("".join))
def test_fast_normalization_is_the_reference_on_typographic_noise(original):
    assert_same(original)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_fast_normalization_is_the_reference_on_the_seeds(name):
    assert_same((SEEDS / name).read_bytes().decode("utf-8-sig"))


def test_fast_normalization_is_the_reference_on_cpython_reference_prose():
    topics = pytest.importorskip("pydoc_data.topics").topics
    assert_same("\n\n".join(topics[key] for key in sorted(topics)[:60]))


def test_a_gap_folds_the_same_whatever_stands_around_it():
    """The cache of gap folds is keyed by the gap and its neighbours: the same gap after another letter, at the start
    and at the end folds by the rules each time."""
    cases = ['a "b" c', '"b" c', 'a "b"', "x -5 y", "-5 y", "x -5", "a\u00ad\nb", "A\u00ad\nb", "e\u0301 \u0301"]
    cases.append("e\u0301")
    for original in cases:
        assert_same(original)
