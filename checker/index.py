"""Which sources of the library may hold a quote: a word index built in one pass, so "found in another source" looks
in the few documents that hold every word the quote must have, not in every document of the library.

The index is a superset filter, never the answer: a candidate is confirmed with the matcher's own `contains`.
It never misses because its words are never stricter than the matcher's normalization:

- a document's words are the runs of letters and digits of its text folded character by character exactly as the
  matcher folds each character (asked of `normalize` itself, once per distinct character), plus every form the
  matcher's context rules make of them: a quote mark dropped where it does not stand between two letters (as
  written), a word hyphenated across a line break both split and joined, a combining accent both apart and composed
  with the letter before it;
- a quote's required words are the inner words of each stretch between ellipses and [insertions], as the matcher
  normalizes them: the first and last word of a stretch may be cut by an insertion, and are required only when the
  quote has no inner word at all (and then only at the quote's ends and beside an ellipsis, where the match is on a
  word boundary).

tests/test_index.py checks, over typographic noise, that whenever `contains(quote, doc)` finds the quote, the index
lists the document.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from checker.match import normalize

WORD = re.compile(r"[^\W_]+")  # the runs of letters and digits a normalized text is split into
PLACEHOLDER = "\ue000"  # the matcher's stand-in for an [insertion]: a letter to it
LETTER = f"[^\\W_]|{PLACEHOLDER}"  # beside a quote mark, what keeps it (the matcher's _letter): a letter, digit or [x]
# where a quote's stretches end: an ellipsis as any editor types it, an [insertion], a stray bracket
STRETCH_BREAK = re.compile(r"\[[^\[\]]*\]|[\[\]]|\.(?:\s*\.)+|\u2026")
ASCII = bytes(range(128))
MAX_REPLACED = 64  # distinct non-ASCII characters replaced one by one; beyond, the whole text is translated as str
# a hyphen (or soft hyphen) ending a line: the matcher may join the words around it
LINE_BREAK = re.compile(r"[-\u2010\u00ad][ \t]*\r?\n[ \t]*")
ALL_SOURCES = None  # what `required_words` leaves when a quote has no word it must hold: every source is a candidate

_FOLDED: dict[int, str] = {}  # character -> how the matcher writes it between two letters (letters, digits, spaces)
_DROPPED: dict[str, bool] = {}  # character -> whether the matcher drops it unless it stands between two letters


def _fold_table(chars: Iterable[str]) -> dict[int, str]:
    """The translation table covering `chars`: each one as the matcher's normalize writes it between two letters,
    with everything but letters and digits turned into a space."""
    for char in chars:
        if ord(char) not in _FOLDED:
            folded = normalize(f"a{char}a").text
            inner = folded[1:-1] if len(folded) >= 2 and folded[0] == folded[-1] == "a" else " "
            kept = "".join(c if c.isalnum() else " " for c in inner)
            _FOLDED[ord(char)] = re.sub(" +", " ", kept)  # ", " between letters is one break, as "," alone
    return _FOLDED


def document_words(text: str) -> set[str]:
    """Every word the matcher's normalization of `text` can contain (and a few more): what the index keeps."""
    odd = _non_ascii(text)
    found = _words(text, odd)
    marks = "".join(sorted(c for c in odd if unicodedata.combining(c)))
    if marks:  # the matcher composes an accent typed apart with the letter before it, as folded ("ß\u0301": "sś")
        composed = _accents_composed(text, marks)
        odd_composed = _non_ascii(composed)
        found.update(_words(composed, odd_composed))
        # a quote mark after an accent typed apart was not between two letters as written: the matcher drops it
        # ("A\u0301`00" is "á00"), where the composed text has it between two: both readings are indexed
        dropped = [c for c in ("'", "`", *odd_composed) if _dropped_outside_words(c) and c in composed]
        found.update(_folded_words(_quote_marks_dropped(composed, dropped, everywhere=True), odd_composed))
    return found


def _non_ascii(text: str) -> set[str]:
    """The distinct non-ASCII characters of `text`: its UTF-8 without the ASCII bytes (theirs are all 0x80 and up)."""
    return set() if text.isascii() else set(text.encode("utf-8").translate(None, ASCII).decode("utf-8"))


def _words(text: str, odd: set[str]) -> set[str]:
    """The words of `text` folded character by character, its quote marks dropped as the matcher drops them, and
    the words hyphenated across its line breaks joined too."""
    text = _quote_marks_dropped(text, [c for c in ("'", "`", *odd) if _dropped_outside_words(c) and c in text])
    words = _folded_words(text, odd)
    words.update(_joined_across_line_breaks(text))
    return words


def _accents_composed(text: str, marks: str) -> str:
    """`text` with each character followed by combining accents replaced by what the matcher makes of them: the
    character folded, each accent composed with it while they compose into one character, the rest kept."""
    def composed(found: re.Match) -> str:
        folded = normalize(f"a{found.group()}a").text
        return folded[1:-1] if len(folded) >= 2 and folded[0] == folded[-1] == "a" else found.group()

    accents = re.escape(marks)
    return re.sub(f"[^{accents}][{accents}]+", composed, text, flags=re.DOTALL)


def _dropped_outside_words(char: str) -> bool:
    """A quote mark the matcher keeps as an apostrophe between two letters and drops elsewhere (’, `, ')."""
    if char not in _DROPPED:
        _DROPPED[char] = normalize(f"a{char}a").text == "a'a" and normalize(f"a{char}").text == "a"
    return _DROPPED[char]


def _quote_marks_dropped(text: str, marks: list[str], everywhere: bool = False) -> str:
    """`text` without the quote marks the matcher drops: those not between two letters or digits (as written), or
    every one of them (`everywhere`)."""
    return _dropped_marks("".join(sorted(marks)), everywhere).sub("", text) if marks else text


@lru_cache(maxsize=256)
def _dropped_marks(marks: str, everywhere: bool) -> re.Pattern:
    """The regex of the quote marks `_quote_marks_dropped` drops: every one, or each one that has no letter (or
    digit, or [insertion]) before it or none after it, as written (the lookarounds see the text, not what is left of
    it); a mark at either end of the text is dropped."""
    mark = f"[{re.escape(marks)}]"
    return re.compile(mark if everywhere else f"{mark}(?:(?<!(?:{LETTER}){mark})|(?!{LETTER}))")


def _folded_words(text: str, odd: set[str]) -> set[str]:
    """The words of `text` folded by the table, each character as the table says (all at once): its few distinct
    non-ASCII characters (`odd`) replaced one by one, then its ASCII translated as bytes, both at memory speed. A text
    with too many distinct non-ASCII characters, or one whose folding holds another that is replaced (replaced one
    after the other, it would be folded twice), is translated as a string, a character at a time."""
    replaced = _replaced(odd) if len(odd) <= MAX_REPLACED else None
    if replaced is None:
        return set(text.translate(_fold_table(set(text))).split())
    for char, folded in replaced.items():
        text = text.replace(char, folded)
    translation, dropped = _ascii_translation()
    return set(text.encode("utf-8").translate(translation, dropped).decode("utf-8").split())


def _replaced(odd: set[str]) -> dict[str, str] | None:
    """Each of the characters that does not fold to itself -> its folding; None when a folding holds one of them."""
    table = _fold_table(odd)
    replaced = {char: table[ord(char)] for char in odd if table[ord(char)] != char}
    return None if any(c in replaced for folded in replaced.values() for c in folded) else replaced


@lru_cache(maxsize=1)
def _ascii_translation() -> tuple[bytes, bytes]:
    """The fold table for ASCII as a bytes translation (and the bytes it drops); bytes of UTF-8 sequences kept."""
    table = _fold_table(chr(code) for code in range(128))
    folded = [table[code] for code in range(128)]
    assert all(len(f) <= 1 and f.isascii() for f in folded), "an ASCII character folds to several"
    translation = bytes(ord(f) if f else code for code, f in enumerate(folded)) + bytes(range(128, 256))
    return translation, bytes(code for code, f in enumerate(folded) if not f)


def _joined_across_line_breaks(text: str) -> set[str]:
    """The words of each chain of pieces hyphenated across line breaks ("announce-\\nment"), joined in every run."""
    chains: list[list[str]] = []
    previous_end = reach = -1  # the last break's end, and where the piece after it ends (the next white space)
    for found in LINE_BREAK.finditer(text):
        after_end = _piece_end(text, found.end())
        if chains and reach > found.start():  # no white space since the last break: the same chain goes on
            chains[-1][-1] = text[previous_end : found.start()]
            chains[-1].append(text[found.end() : after_end])
        else:
            chains.append([text[_piece_start(text, found.start()) : found.start()], text[found.end() : after_end]])
        previous_end, reach = found.end(), after_end
    words: set[str] = set()
    for pieces in chains:
        for first in range(len(pieces)):
            for last in range(first + 1, len(pieces)):
                joined = "".join(pieces[first : last + 1])
                words.update(joined.translate(_fold_table(set(joined))).split())
    return words


def _piece_start(text: str, end: int) -> int:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _piece_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return end


def required_words(quote: str) -> frozenset[str] | None:
    """The words every source that holds `quote` (as the matcher finds it) must hold; None when nothing is sure."""
    inner: set[str] = set()
    edges: set[str] = set()
    for words, after_insertion, before_insertion in stretch_words(quote):
        inner.update(words[1:-1])
        if words and not after_insertion and (len(words) > 1 or not before_insertion):
            edges.add(words[0])
        if words and not before_insertion and (len(words) > 1 or not after_insertion):
            edges.add(words[-1])
    return frozenset(inner or edges) or ALL_SOURCES


def stretch_words(quote: str) -> list[tuple[list[str], bool, bool]]:
    """Each stretch of the quote between its ellipses and [insertions]: its words as the matcher normalizes them,
    and whether an [insertion] (or a stray bracket) stands right before it / right after it, where it may cut the
    stretch's first / last word."""
    return [(WORD.findall(normalize(quote[start:end]).text), *_beside_insertions(quote, (start, end)))
            for start, end in _stretches(quote)]


def _stretches(quote: str) -> list[tuple[int, int]]:
    """[start, end) of each stretch of the quote between its ellipses and [insertions]."""
    bounds, at = [], 0
    for found in STRETCH_BREAK.finditer(quote):
        bounds.append((at, found.start()))
        at = found.end()
    bounds.append((at, len(quote)))
    return [(start, end) for start, end in bounds if WORD.search(quote, start, end)]


def _beside_insertions(quote: str, stretch: tuple[int, int]) -> tuple[bool, bool]:
    """Whether an [insertion] (or a stray bracket) stands right before / right after the stretch."""
    start, end = stretch
    before = quote[:start].rstrip(" ")
    after = quote[end:].lstrip(" ")
    return before.endswith(("]", "[")), after.startswith(("[", "]"))


@dataclass
class SourceIndex:
    """Word -> the numbers of the sources holding it (in `names`, sorted as the library lists them)."""

    names: list[str]
    postings: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, texts: Iterable[tuple[str, str | None]]) -> SourceIndex:
        """One pass over (name, text) in the library's order; a source that cannot be read (None) holds no word.
        The words are sorted, so that the same library gives the same index, stored byte for byte alike."""
        names: list[str] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for number, (name, text) in enumerate(texts):
            names.append(name)
            for word in document_words(text) if text is not None else ():
                postings[word].append(number)
        return cls(names, dict(sorted(postings.items())))

    def candidates(self, quote: str) -> list[str]:
        """The sources that may hold `quote`, in the library's order: those holding all its required words, rarest
        word first."""
        required = required_words(quote)
        if required is ALL_SOURCES:
            return list(self.names)
        lists = sorted((self.postings.get(word, []) for word in required), key=len)
        if not lists[0]:
            return []
        numbers = set(lists[0])
        for posting in lists[1:]:
            numbers.intersection_update(posting)
            if not numbers:
                return []
        return [self.names[number] for number in sorted(numbers)]
