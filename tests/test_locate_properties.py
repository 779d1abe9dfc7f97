"""Properties of checker.match.locate (Hypothesis), against a slow, obvious oracle.

- any verbatim span of a source — a seed, or generated prose set with curly quotes, NBSP and thin
  spaces, tabs, CRLF, soft hyphens and words hyphenated across line breaks — verifies, and its span
  maps back to exactly that stretch of the original;
- the same span retyped (quote marks, dashes, spaces, invisible characters) verifies to the same place;
- changing one digit of a quote never passes;
- adding or removing a negation never passes.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.match import Document, MatchOptions, locate
from checker.match.quote import written_words
from tests.conftest import SEEDS

SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
OPTIONS = MatchOptions()
NEGATIONS = ("not", "never", "no")


@lru_cache(maxsize=None)
def seed(name: str) -> Document:
    return Document.read(SEEDS / name, name)


@lru_cache(maxsize=64)
def document(key: str) -> Document:
    """A seed by name, or generated text: strategies draw keys, so a failing example prints short."""
    return seed(key) if key in SEED_NAMES else Document.from_text(key, "generated.txt")


@lru_cache(maxsize=1)
def vocabulary() -> list[str]:
    text = " ".join(seed(name).text for name in SEED_NAMES)
    return sorted(set(re.findall(r"(?<![\w’'])[A-Za-z]{2,}(?![\w’'])", text)))


def oracle(text: str) -> str:
    """Slow and obvious: compatibility forms and case folded, line-break hyphens joined, invisible characters
    dropped, every run of non-letters/digits one space (apostrophes dropped)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[-\u2010\u00ad][ \t]*\r?\n[ \t]*(?=[a-z])", "", text)
    text = re.sub("[\u00ad\u200b\u200c\u200d\u2060\ufeff'\u2019\u02bc]", "", text)
    return " " + " ".join(re.findall(r"[^\W_]+", text)) + " "


def stands_in(quote: str, doc: Document) -> bool:
    return oracle(quote) in oracle(doc.text)


# ---- sources -------------------------------------------------------------------------------------

SEPARATORS = [" "] * 12 + [
    "\u00a0", "\u2009", "\u202f", "\t", "\n", "\r\n", "  ", " \u2014 ", " \u2013 ", "-", "\r\n\r\n", "\n\n"
]


@st.composite
def typeset_word(draw) -> str:
    word = draw(st.sampled_from(vocabulary()))
    kind = draw(st.sampled_from(
        ["plain"] * 8 + ["curly", "straight", "guillemets", "possessive", "soft", "hyphenated", "comma", "number"]
    ))
    if kind == "curly":
        return f"\u201c{word}\u201d"
    if kind == "straight":
        return f'"{word}"'
    if kind == "guillemets":
        return f"\u00ab{word}\u00bb"
    if kind == "possessive":
        return word + draw(st.sampled_from(["\u2019s", "'s"]))
    if kind == "number":
        return draw(st.sampled_from(["5,000", "2019", "25", "1,200", "3.5", "28", "100"]))
    if kind in ("soft", "hyphenated") and len(word) >= 6 and word.islower():
        at = draw(st.integers(2, len(word) - 2))
        brk = "\u00ad" if kind == "soft" else draw(st.sampled_from(["-\n", "-\r\n", "-\n   ", "\u00ad\r\n"]))
        return word[:at] + brk + word[at:]
    if kind == "comma":
        return word + ","
    return word


@st.composite
def typeset_text(draw) -> str:
    """Prose as a careless page serves it: the seeds' words with curly and straight quotes, NBSP, thin spaces,
    tabs, CRLF, paragraph breaks, soft hyphens and words hyphenated across line breaks."""
    words = draw(st.lists(typeset_word(), min_size=12, max_size=60))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words) - 1, max_size=len(words) - 1))
    return words[0] + "".join(s + w for s, w in zip(seps, words[1:])) + "."


def documents() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(SEED_NAMES), typeset_text())


@st.composite
def verbatim_spans(draw, doc_strategy=None, min_words: int = 5):
    """(document key, quote, original start, original end, first word index, last word index): a word-aligned
    stretch."""
    key = draw(doc_strategy or documents())
    doc = document(key)
    words = doc.words
    assume(len(words) >= min_words)
    i = draw(st.integers(0, len(words) - min_words))
    j = draw(st.integers(i + min_words - 1, min(len(words) - 1, i + 40)))
    start, end = doc.norm.original_span(words[i].start, words[j].end)
    quote = doc.text[start:end]
    assume(not re.search(r"\.\s?\.\s?\.|\u2026|\[", quote))  # the source's own ellipsis or brackets: see test_locate
    assume(not re.search(r"\w[-\u2010\u2011]$", doc.text[max(0, start - 2) : start]))  # not inside a compound
    assume(not re.match(r"^[-\u2010\u2011]\w", doc.text[end : end + 2]))
    assume(written_words(quote) >= 4)  # long enough as written (MatchOptions.min_words counts written words)
    return key, quote, start, end, i, j


def assert_maps_back(doc: Document, match, start: int, end: int, i: int, j: int, typed: str = "") -> None:
    """The match maps back to [start, end) of the original, or to an occurrence that reads the same: the first one,
    unless the quote as `typed` stands byte for byte at another (which locate prefers)."""
    assert len(match.spans) == 1, match.spans
    span = match.spans[0]
    needle = doc.norm.text[doc.words[i].start : doc.words[j].end]
    elsewhere_as_typed = typed and match.status == "verbatim" and doc.text[span.start : span.end] == typed
    if doc.norm.text.find(needle) == doc.words[i].start and not elsewhere_as_typed:  # the first occurrence
        assert (span.start, span.end) == (start, end), (doc.text[span.start : span.end], doc.text[start:end])
    else:  # a repeated passage: the first occurrence, which reads the same
        assert oracle(doc.text[span.start : span.end]) == oracle(doc.text[start:end])
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    assert (span.line, span.column) == (doc.text.count("\n", 0, span.start) + 1, span.start - line_start + 1)


# ---- properties -----------------------------------------------------------------------------------


@SETTINGS
@given(verbatim_spans())
def test_any_verbatim_span_verifies_and_maps_back(case):
    key, quote, start, end, i, j = case
    doc = document(key)
    match = locate(quote, doc, OPTIONS)
    assert match.ok, (quote, match.status, match.differences)
    first = doc.norm.text.find(doc.norm.text[doc.words[i].start : doc.words[j].end]) == doc.words[i].start
    assert match.status == "verbatim" if first else match.status in ("verbatim", "normalized"), (quote, match.status)
    assert_maps_back(doc, match, start, end, i, j)


def retype(quote: str, data) -> str:
    """The same words typed differently: quote marks, dashes, spaces, invisible characters."""
    choices = {
        "\u201c": ['"', "\u00ab", "\u201e"], "\u201d": ['"', "\u00bb"], '"': ["\u201c", "\u201d", "\u00ab"],
        "\u2019": ["'", "\u2032"], "'": ["\u2019"], "\u2014": ["-", "--", "\u2013"], "\u2013": ["-", "\u2014"],
        "-": ["\u2010", "\u2011", "\u2013"],
        " ": [" ", " ", " ", "\u00a0", "\u2009", "\t", "\n", "\r\n", " \u200b"], "\u00a0": [" "], "\r\n": ["\n", " "],
        "\u00ad": [""],
    }
    out: list[str] = []
    # line-break hyphens kept
    for piece in filter(None, re.split(r"([-\u2010\u00ad][ \t]*\r?\n[ \t]*|\r\n|.)", quote, flags=re.S)):
        if piece == " " and out and out[-1].endswith(("-", "\u2010")):  # "web- and": a line break would join the words
            out.append(piece)
        elif piece in choices:
            out.append(data.draw(st.sampled_from([piece] + choices[piece])))
        else:
            out.append(piece)
    return "".join(out)


@SETTINGS
@given(verbatim_spans(), st.data())
def test_a_retyped_span_verifies_to_the_same_place(case, data):
    key, quote, start, end, i, j = case
    doc = document(key)
    retyped = retype(quote, data)
    match = locate(retyped, doc, OPTIONS)
    assert match.ok and match.status in ("verbatim", "normalized"), (retyped, match.status, match.differences)
    assert_maps_back(doc, match, start, end, i, j, typed=retyped)


def test_a_retyped_span_that_stands_byte_for_byte_elsewhere_maps_there():
    """Found by Hypothesis: retyped with a thin space, the span reads byte for byte as a later occurrence of the
    same words, and locate reports that one (verbatim), not the first."""
    source = "According According According Administration" + " According" * 6 + "\u2009According."
    doc = Document.from_text(source, "generated.txt")
    retyped = "According According According According\u2009According"
    match = locate(retyped, doc, OPTIONS)
    assert match.status == "verbatim"
    assert source[match.spans[0].start : match.spans[0].end] == retyped
    assert match.spans[0].start > source.index("Administration")


@st.composite
def spans_with_a_digit(draw):
    """A word-aligned stretch of 4-20 words around a word with a digit, one digit changed."""
    key = draw(documents())
    doc = document(key)
    numbered = [k for k, w in enumerate(doc.words) if any(c.isdigit() for c in w.text)]
    assume(numbered and len(doc.words) >= 4)
    k = draw(st.sampled_from(numbered))
    i = draw(st.integers(max(0, k - 16), min(k, len(doc.words) - 4)))
    j = draw(st.integers(max(k, i + 3), min(len(doc.words) - 1, i + 20)))
    start, end = doc.norm.original_span(doc.words[i].start, doc.words[j].end)
    quote = doc.text[start:end]
    assume(not re.search(r"\.\s?\.\s?\.|\u2026|\[", quote))
    word_start = doc.norm.origin[doc.words[k].start] - start
    digits = [m.start() + word_start for m in re.finditer(r"\d", doc.words[k].original)]
    at = draw(st.sampled_from(digits))
    new = draw(st.sampled_from([d for d in "0123456789" if d != quote[at]]))
    return key, quote[:at] + new + quote[at + 1 :]


@SETTINGS
@given(spans_with_a_digit())
def test_changing_one_digit_never_passes(case):
    doc, quote = document(case[0]), case[1]
    assume(not stands_in(quote, doc))
    match = locate(quote, doc, OPTIONS)
    assert not match.ok, (quote, match.status, match.matched)


def toggle_negation(quote: str, data) -> str:
    negated = list(re.finditer(r"(?i)\b(not|never|no|cannot|without|nor)\b|n[’']t\b", quote))
    if negated and data.draw(st.booleans()):
        m = data.draw(st.sampled_from(negated))
        replacement = {"cannot": "can", "without": "with", "nor": "or"}.get(m.group().lower(), "")
        return re.sub(r" {2,}", " ", quote[: m.start()] + replacement + quote[m.end() :]).strip()
    gaps = [m.start() for m in re.finditer(r"\s+", quote)] + [0, len(quote)]
    at = data.draw(st.sampled_from(sorted(set(gaps))))
    word = data.draw(st.sampled_from(NEGATIONS))
    return (quote[:at] + f" {word} " + quote[at:]).strip()


@SETTINGS
@given(verbatim_spans(min_words=4), st.data())
def test_adding_or_removing_a_negation_never_passes(case, data):
    doc, quote = document(case[0]), case[1]
    changed = toggle_negation(quote, data)
    assume(not stands_in(changed, doc))
    match = locate(changed, doc, OPTIONS)
    assert not match.ok, (changed, match.status, match.matched)


@SETTINGS
@given(st.data())
def test_a_negation_in_the_seeds_removed_never_passes(data):
    """The seeds' own negations (not, no, never, n't, without), each taken out of a sentence around it."""
    name = data.draw(st.sampled_from(SEED_NAMES))
    doc = seed(name)
    found = list(re.finditer(r"(?i)\b(not|never|no|cannot|without|nor|none)\b|n[’']t\b", doc.text))
    m = data.draw(st.sampled_from(found))
    left = data.draw(st.integers(15, 80))
    right = data.draw(st.integers(15, 80))
    start = doc.text.rfind(" ", 0, max(0, m.start() - left)) + 1
    end = doc.text.find(" ", m.end() + right)
    end = len(doc.text) if end < 0 else end
    replacement = {"cannot": "can", "without": "with", "nor": "or", "none": "all"}.get(m.group().lower(), "")
    quote = re.sub(r"\s+", " ", doc.text[start : m.start()] + replacement + doc.text[m.end() : end]).strip()
    assume("\n\n" not in doc.text[start:end] and not re.search(r"\.\s?\.\s?\.|\u2026|\[", quote))
    assume(not stands_in(quote, doc))
    match = locate(quote, doc, OPTIONS)
    assert not match.ok, (quote, match.status, match.matched)
