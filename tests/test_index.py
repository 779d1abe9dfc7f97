"""checker.index: the word index never misses a source the matcher finds a quote in, and narrows the search.

The property that matters: whenever `contains(quote, doc)` finds the quote, `SourceIndex.candidates(quote)` lists
the document and checker.word_pairs keeps it — over typographic noise (curly quotes, dashes, NBSP, soft hyphens,
words hyphenated across line breaks, ligatures, combining accents, superscripts), ellipses and [insertions], and
over text drawn from an alphabet of exactly the characters the matcher treats specially.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.index import LETTER, SourceIndex, document_words, required_words
from checker.match import Document, MatchOptions, contains
from checker.word_pairs import document_pairs, may_hold, required_pairs
from tests import reference_index as reference
from tests.conftest import SEEDS

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
OPTIONS = (MatchOptions(), MatchOptions(min_words=1, min_chars=1))
WORDS = ("attack", "bridge", "telegram", "accounts", "office", "final", "first", "effect", "cooperation",
         "shut", "ISIS", "Europol", "week", "not", "over", "5,000", "2019", "café", "naïve")


def assert_listed_whenever_found(quote: str, texts: dict[str, str]) -> None:
    """The index lists, and the word-pair filter keeps, every document the matcher finds the quote in."""
    index = SourceIndex.build(sorted(texts.items()))
    candidates = index.candidates(quote)
    for name, text in texts.items():
        doc = Document.from_text(text, name)
        for options in OPTIONS:
            if contains(quote, doc, options) is not None:
                assert name in candidates, (quote, text, required_words(quote), sorted(document_words(text)))
                assert may_hold(doc, [(name, required_pairs(quote))]) == [name], (
                    quote, text, sorted(required_pairs(quote) - document_pairs(doc)))


# ---- typeset prose -------------------------------------------------------------------------------

@st.composite
def noisy_word(draw) -> str:
    word = draw(st.sampled_from(WORDS))
    kind = draw(st.sampled_from(["plain"] * 6 + ["curly", "straight", "possessive", "soft", "break", "ligature",
                                                  "accent", "capital", "superscript", "zero-width", "fullwidth"]))
    if kind == "curly":
        return f"\u201c{word}\u201d"
    if kind == "straight":
        return f"'{word}'"
    if kind == "possessive":
        return word + draw(st.sampled_from(["\u2019s", "'s", "\u02bcs"]))
    if kind in ("soft", "break") and len(word) >= 4:
        at = draw(st.integers(1, len(word) - 1))
        cut = "\u00ad" if kind == "soft" else draw(st.sampled_from(["-\n", "-\r\n", "\u00ad\n", "\u2010\n  ", "-\nX"]))
        return word[:at] + cut.replace("X", "") + word[at:]
    if kind == "ligature":
        return word.replace("ffi", "\ufb03").replace("fi", "\ufb01").replace("ff", "\ufb00")
    if kind == "accent":
        return word.replace("é", "e\u0301").replace("ï", "i\u0308").replace("e", "e\u0301", 1)
    if kind == "capital":
        return word.upper()
    if kind == "superscript":
        return word + draw(st.sampled_from(["\u00b2", "\u00b9", "\u2082"]))
    if kind == "zero-width":
        at = draw(st.integers(0, len(word)))
        return word[:at] + draw(st.sampled_from(["\u200b", "\u200d", "\ufeff", "\u2060"])) + word[at:]
    if kind == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "a" <= c <= "z" else c for c in word)
    return word


SEPARATORS = [" "] * 10 + ["\u00a0", "\u2009", "\t", "\n", "\r\n", " \u2014 ", "\u2013", "-", "\n\n", ", ", ". ",
                           "...", " \u2026 ", "/", "(", ") "]


@st.composite
def noisy_text(draw, min_size: int = 6) -> str:
    words = draw(st.lists(noisy_word(), min_size=min_size, max_size=30))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps))


def retyped(text: str, data) -> str:
    """The same passage as an editor may type it: other quote marks, dashes and spaces, no invisible characters."""
    swaps = {"\u201c": ['"', "\u00ab"], "\u201d": ['"', "\u00bb"], "\u2019": ["'"], "'": ["\u2019"], "\u2014": ["-"],
             "\u00a0": [" "], "\n": [" "], "\u00ad": [""], "\u200b": [""], "\u2013": ["-", "\u2014"]}
    return "".join(data.draw(st.sampled_from([c] + swaps[c])) if c in swaps else c for c in text)


@st.composite
def quoted(draw, text: str) -> str:
    """A stretch of `text` cut at spaces, as written or retyped, maybe with an ellipsis or an [insertion] in it."""
    cuts = [0] + [m.end() for m in re.finditer(r"\s+", text)] + [len(text)]
    i = draw(st.integers(0, len(cuts) - 2))
    j = draw(st.integers(i + 1, len(cuts) - 1))
    quote = text[cuts[i] : cuts[j]]
    if draw(st.booleans()):
        quote = retyped(quote, draw(st.data()))
    words = list(re.finditer(r"\S+", quote))
    edit = draw(st.sampled_from(["none", "none", "ellipsis", "insertion", "initial"]))
    if edit == "ellipsis" and len(words) >= 5:
        a = draw(st.integers(1, len(words) - 3))
        b = draw(st.integers(a, len(words) - 2))
        ellipsis = draw(st.sampled_from(["...", "\u2026", "[...]", ". . ."]))
        quote = quote[: words[a].start()] + ellipsis + " " + quote[words[b].end():]
    elif edit == "insertion" and len(words) >= 3:
        k = draw(st.integers(0, len(words) - 1))
        insertion = draw(st.sampled_from(["the app", "it", "ISIS"]))
        quote = quote[: words[k].start()] + f"[{insertion}]" + quote[words[k].end():]
    elif edit == "initial" and words and len(words[0].group()) > 1:
        quote = f"[{quote[0].upper()}]{quote[1:]}"
    return quote


@SETTINGS
@given(st.data())
def test_a_source_that_holds_a_quote_is_always_a_candidate(data):
    text = data.draw(noisy_text())
    quote = data.draw(quoted(text))
    assert_listed_whenever_found(quote, {"a.txt": text})


@SETTINGS
@given(st.data())
def test_every_source_holding_a_quote_is_a_candidate_among_several(data):
    texts = {f"{n}.txt": data.draw(noisy_text()) for n in range(3)}
    quote = data.draw(quoted(texts[data.draw(st.sampled_from(sorted(texts)))]))
    assert_listed_whenever_found(quote, texts)


# ---- any text over the characters the matcher treats specially -------------------------------------

# letters, case folds, a ligature, super- and subscripts, combining accents
ALPHABET = ("abcdeAB\u00e9\u00df\u0130\u2126\ufb01\u00b2\u2082\u0301\u0308"
            "0123456789_"
            "'\u2019\u2018`\u00b4\u02bc\"\u201c\u201d\u00ab\u00bb"  # single and double quote marks
            "-\u2010\u2011\u2013\u2014\u2212\u00ad\u200b\u200d\ufeff"  # dashes, soft hyphen, invisible characters
            " \u00a0\u2009\t\n\r.,;:!?()[]/\u2026@#%$")


# and a few more: the [insertion] placeholder, a quote mark that folds to a letter, a ligature folding to one with
# an accent, characters whose folding holds another (İ: i and a combining dot), other scripts' letters and digits
PLACEHOLDER_AND_OTHERS = "\ue000\u02bb\u1e9b\u0307\u0131\u03a3\u0661\u4e00\u1680\u0085\u3000"


@SETTINGS
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=80), st.data())
def test_no_miss_over_the_characters_the_matcher_folds(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    assume(contains(quote, Document.from_text(text, "a.txt"), OPTIONS[1]) is not None)
    assert_listed_whenever_found(quote, {"a.txt": text})


# ---- examples ------------------------------------------------------------------------------------


def test_a_word_hyphenated_across_a_line_break_is_indexed_joined_and_split():
    words = document_words("the an\u00adnounce-\nment and co-\nop-\nera-\ntion")
    assert {"announcement", "announce", "ment", "cooperation", "coop", "operation", "co", "op", "era", "tion"} <= words


def test_a_quote_mark_breaks_a_word_between_letters_and_is_dropped_elsewhere_as_the_matcher_does():
    assert document_words("it wasn\u2019t \u201cfinal\u201d") == {"it", "wasn", "t", "final"}
    assert document_words("0`\ufeff0\u20180 \u2018quoted\u2019_s") == {"00", "0", "quoted", "s"}


def test_a_quote_mark_after_an_accent_typed_apart_is_dropped_as_the_matcher_drops_it():
    """As written, the backtick follows a combining accent, no letter: the matcher drops it ("á00", one word)."""
    text = "000000000A\u0301`00"
    assert contains(text, Document.from_text(text, "a.txt"), OPTIONS[1]) is not None
    assert "000000000\u00e100" in document_words(text)


def test_typography_folds_as_the_matcher_folds():
    words = document_words("\ufb01nal 10\u00b2 e\u0301te\u0301 STRASSE")
    assert {"final", "10", "2", "\u00e9t\u00e9", "strasse"} <= words


def test_a_quote_requires_its_inner_words_only():
    assert required_words("[T]hey said ... it was \u201cnot\u201d final [today] at all") == {"was", "not"}
    assert required_words("By Saturday afternoon Telegram was a ghost town") == {"saturday", "afternoon", "telegram",
                                                                                 "was", "a", "ghost"}


def test_a_quote_with_no_inner_word_requires_its_ends_beside_no_insertion():
    assert required_words("two words ... two more") == {"two", "words", "more"}
    assert required_words("[T]hey said [it]") is None  # nothing sure: every source is a candidate


def test_candidates_are_the_sources_holding_every_required_word_in_library_order():
    index = SourceIndex.build([("a.txt", "the attack near London Bridge on Friday"),
                               ("b.txt", "no attack was reported near the bridge"),
                               ("c.txt", "on a bridge, an attack near Friday's London"),
                               ("d.txt", None)])
    assert index.candidates("the attack near London Bridge on Friday") == ["a.txt", "c.txt"]
    assert index.candidates("an elephant near London Bridge on Friday") == []
    assert index.candidates("[T]he [x] near [y]") == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_the_seeds_quotes_find_only_their_own_source():
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    index = SourceIndex.build(sorted(texts.items()))
    assert index.candidates("Nearly 5,000 accounts and over 26,000 items, including videos") == [
        "003_1288ced4304eb56c.txt"]


@SETTINGS
@given(st.one_of(noisy_text(), st.text(alphabet=ALPHABET, max_size=80)))
def test_the_bytes_fast_path_folds_as_the_string_path(text):
    from checker import index

    fast = document_words(text)
    saved, index.MAX_REPLACED = index.MAX_REPLACED, -1  # every text down the str.translate path
    try:
        assert document_words(text) == fast
    finally:
        index.MAX_REPLACED = saved


# ---- the fast build is the plain one -------------------------------------------------------------------------------


def assert_built_as_the_reference_builds(texts: list[tuple[str, str | None]]) -> None:
    index = SourceIndex.build(texts)
    names, postings = reference.build(texts)
    assert index.names == names
    assert index.postings == postings


def test_the_index_of_the_seeds_is_the_reference_build():
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    assert_built_as_the_reference_builds([*texts, ("gone.txt", None), ("typeset.txt", curly_and_dashed(texts))])


def curly_and_dashed(texts: list[tuple[str, str]]) -> str:
    """The seeds as a typesetter sets them: curly quotes and apostrophes, en dashes, no-break spaces."""
    joined = "\n\n".join(text for _, text in texts)
    joined = re.sub(r"(?<=\w)'(?=\w)", "\u2019", joined)
    joined = re.sub(r'"(?=\w)', "\u201c", joined).replace('"', "\u201d").replace("'", "\u2018")
    return joined.replace(" - ", " \u2013 ").replace(" a ", " a\u00a0")


@SETTINGS
@given(st.lists(st.one_of(noisy_text(min_size=0), st.text(alphabet=ALPHABET, max_size=80), st.none()), max_size=4))
def test_the_index_is_the_reference_build_over_typographic_noise(texts):
    assert_built_as_the_reference_builds([(f"{n}.txt", text) for n, text in enumerate(texts)])


@SETTINGS
@given(st.text(alphabet=ALPHABET + PLACEHOLDER_AND_OTHERS, max_size=60))
def test_the_words_are_the_reference_words_whatever_the_characters(text):
    assert document_words(text) == reference.document_words(text)


def test_a_letter_beside_a_quote_mark_is_what_the_matcher_calls_a_letter_in_every_character():
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    assert re.findall(LETTER, everything) == [c for c in everything if c.isalnum() or c == "\ue000"]


def test_the_same_library_gives_the_same_index_stored_byte_for_byte_whatever_the_hash_seed():
    build = ("import json, pathlib; from checker.index import SourceIndex; from checker.cache import index_to_json; "
             "texts = [(p.name, p.read_text(encoding='utf-8')) for p in sorted(pathlib.Path(%r).glob('*.txt'))]; "
             "print(json.dumps(index_to_json(SourceIndex.build(texts))))" % str(SEEDS))
    stored = {subprocess.run([sys.executable, "-c", build], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(stored) == 1 and len(stored.pop()) > 10_000


def test_a_folding_that_holds_another_replaced_character_is_folded_once_as_the_matcher_folds(monkeypatch):
    from checker import index

    monkeypatch.setitem(index._FOLDED, ord("\u00e9"), "\u00df")  # as if é folded to ß, which folds to ss
    monkeypatch.setitem(index._FOLDED, ord("\u00df"), "ss")
    assert document_words("caf\u00e9 stra\u00dfe") == {"caf\u00df", "strasse"}
