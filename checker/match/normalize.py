"""Typography-neutral text with an offset map back to the original, and the words in it.

Both a quote and its source go through `normalize`, so that differences an editor does not
care about — quote marks, dashes and hyphens, white space and line breaks, soft hyphens and
zero-width characters, a word hyphenated across a line break, Unicode compatibility forms and
letter case — vanish before matching. `origin[i]` is the offset in the original text of the
character that produced `text[i]`, so every match maps back to the exact passage.

The work is linear and mostly done by whole-string operations: most of a text is runs of
characters that fold one for one (letters, digits, a single space or a hyphen between words,
an apostrophe inside a word), found by one regular expression and copied from the text lower-
cased; only what lies between those runs (quote marks, runs of white space, paragraph breaks,
compatibility forms, combining marks) goes through the per-character rules. The per-character
rules are the definition: tests/reference_normalize.py applies them to every character, and a
property test holds this implementation to it, offsets included.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
DOUBLE_QUOTES = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033\u301d\u301e\uff02')
SINGLE_QUOTES = frozenset("'\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc\uff07")
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d")
APOSTROPHE = "'"
PLACEHOLDER = "\ue000"  # stands for an editor's [insertion] while a quote is normalized; counts as a letter

# a hyphen (or soft hyphen) at the end of a line, between letters: "announce-\nment"
LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u00ad][ \t]*\r?\n[ \t]*(?=[^\W\d_])")
WORD = re.compile(r"(?:(?<!\w)-(?=\d))?\w+(?:['.,:]\w+)*")  # -5 keeps its sign; @Global_Media_ keeps its _
HYPHENS = "-\u2010\u2011"
COMPOUND = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+")  # no-charge, state-of-the-art

# ---- stretches that fold one for one ------------------------------------------------------------------------------
# Most of a text folds character for character to its lower case: letters, digits and symbols (those whose folded form
# is their lower case), a sentence mark not between two letters, an apostrophe inside a word, and one space, tab, line
# break or no-break space — or a dash after a letter or digit — between two such characters (one space). Whatever is
# not (a quote mark, a run of white space or dashes, a paragraph break, a sign, a compatibility form, a combining
# mark...) is a gap: found by one regular expression, widened by the white space or dash on either side, and folded by
# the per-character rules (_State), whose outcome depends only on the gap and the character on each side (cached).
_WHITE = "\n\t\u00a0"  # white space (besides the space) that may stand alone between two words: one space
_DASH_CLASS = re.escape("".join(sorted(DASHES)))
_SPACING = frozenset(" \n\t\u00a0") | DASHES  # what a gap takes in on either side
_KEPT_ASCII = "A-Za-z0-9#$%&()*+/<=>@\\[\\\\\\]^_{|}~ "  # and a space: never a gap's first character
_SENTENCE_MARKS = ",;:!?."
# A gap's core starts with a character that is not kept as is (the scan skips the others in C), then says why:
_GAP_CORE = (
    rf"(?<![{_WHITE}{_DASH_CLASS}{_SENTENCE_MARKS}'\u2019])"  # a quote mark, a compatibility form, a combining mark...
    rf"|(?<=[{_WHITE}{_DASH_CLASS}])[ {_WHITE}{_DASH_CLASS}]+"  # white space and dashes: one space, maybe a paragraph
    rf"|(?<=[ {_WHITE}{_DASH_CLASS}][{_WHITE}{_DASH_CLASS}])"  # break, and white space or a dash after a space
    rf"|(?<=[{_DASH_CLASS}])(?<![A-Za-z0-9].)"  # a dash not after a letter or digit: a sign, or a space
    r"|(?<=[^\W\d_][,;:!?.])(?=[^\W\d_])"  # a sentence mark between letters: a lost space
    "|(?<=['\u2019])(?:(?<![A-Za-z0-9].)|(?![A-Za-z0-9]))"  # a quote mark, not an apostrophe inside a word
)
# two spaces or more (the other cores start with a space's neighbour, and take in the spaces after them)
_SPACES = re.compile(f"(?<![ {_WHITE}{_DASH_CLASS}])  [ {_WHITE}{_DASH_CLASS}]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SIGMA = "\u03a3"  # lower-cased by its context (final ς), folded to σ: never kept as is
_DOTTED_I = "\u0130"  # the one character whose lower case is two characters


@dataclass(frozen=True)
class Normalized:
    """`text` is the normalized form; `origin[i]` the original offset of `text[i]`; `breaks` paragraph ends."""

    text: str
    origin: array
    breaks: tuple[int, ...] = ()  # normalized offsets where a blank line (a paragraph break) was folded

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the normalized [start, end) (end > start)."""
        return self.origin[start], self.origin[end - 1] + 1

    def paragraph_end(self, offset: int) -> int:
        """The normalized offset where the paragraph holding `offset` ends."""
        index = bisect_left(self.breaks, offset)
        return self.breaks[index] if index < len(self.breaks) else len(self.text)

    def starts_paragraph(self, offset: int) -> bool:
        """Whether a paragraph break was folded at normalized `offset` (bisection, not a scan)."""
        index = bisect_left(self.breaks, offset)
        return index < len(self.breaks) and self.breaks[index] == offset


class Word(NamedTuple):
    """A word of a normalized text: its normalized form, its [start, end) there, and as originally written
    (a named tuple: a comparison makes dozens, and they are never changed)."""

    text: str
    start: int
    end: int
    original: str
    initial: bool = False  # first word of a sentence (or of the text): its capital says nothing
    tag: str = ""  # @, # or / before it, or ( after it: a handle, hashtag, link part or code, a name whatever its case
    compound: str = ""  # the hyphenated compound it is part of, lower case with plain hyphens ("no-charge"), or ""


def normalize(original: str) -> Normalized:
    """Fold typography and case, keep letters, digits and punctuation, remember where each character came from."""
    size = len(original)
    lowered, identity, spacing, folds = _lowered(original), _identity(size), _SPACING, _GAP_FOLDS
    pieces: list[str] = []
    origin = array("I")
    breaks: list[int] = []
    position = 0  # original[:position] is folded
    lo = hi = -1  # the gap being widened
    for start, end in _gap_cores(original):
        if original[start - 1 : start] in spacing:  # "" at the start and past the end
            start -= 1
        if start <= hi:
            if end > hi:
                hi = end
            continue
        if hi >= 0:  # the gap before is complete: the stretch before it, then the gap, folded
            if lo > position:
                pieces.append(lowered[position:lo])
                origin.frombytes(identity[4 * position : 4 * lo])
            if lo and hi < size:
                key = original[lo - 1 : hi + 1]
            else:
                key = (lo > 0, hi < size, original[lo - (lo > 0) : hi + 1])
            folded = folds.get(key)
            if folded is None:
                if len(folds) > 100_000:
                    folds.clear()
                folded = folds[key] = _fold_gap(original, lo, hi, lowered[lo - 1] if lo else "")
            text, one, offsets, last, paragraph_breaks = folded
            if one >= 0:
                pieces.append(text)
                origin.append(lo + one)
            elif offsets:
                pieces.append(text)
                origin.extend([lo + at for at in offsets])
            if last:
                pieces[-2 if text else -1] = pieces[-2 if text else -1][:-1] + last
            if paragraph_breaks:
                breaks.extend(len(origin) - len(text) + at for at in paragraph_breaks)
            position = hi
        lo, hi = start, end
    if position < size:
        pieces.append(lowered[position:])
        origin.frombytes(identity[4 * position : 4 * size])
    return Normalized("".join(pieces), origin, tuple(breaks))


_GAP_FOLDS: dict = {}  # the gap and the character on each side -> how the gap folds (_fold_gap)


def _gap_cores(original: str) -> list[tuple[int, int]]:
    """Where something does not fold one for one, in order (the white space and dashes after it included); ends
    with a sentinel past the end."""
    size = len(original)
    cores = [match.span() for match in _gap_pattern(_kept_as_is(original)).finditer(original)]
    if "  " in original:
        cores = sorted(cores + [match.span() for match in _SPACES.finditer(original)])
    if size and original[0] in _SPACING:
        cores.insert(0, (0, 1))
    if size and original[-1] in _SPACING:
        cores.append((size - 1, size))
    cores.append((size + 2, size + 2))
    return cores


def _fold_gap(original: str, lo: int, hi: int, before: str) -> tuple[str, int, tuple[int, ...], str, tuple[int, ...]]:
    """How original[lo:hi] folds after a character folded to `before` ('' at the start), a written character after
    it (or the end): the folded text; the offset it came from relative to lo if it is one character (else -1); the
    offsets of all its characters; the character before, if a combining mark changed it (else ''); the paragraph
    breaks, relative to the folded text."""
    state = _State(original, _line_break_hyphens(original[max(0, lo - 1) : hi + 1], max(0, lo - 1)))
    if before:
        state.pieces.append(before)
        state.origin.append(lo - 1)
    state.fold(lo, hi)
    if hi < len(original):
        state.flush()
    text = "".join(state.pieces)
    last = ""
    if before:
        last, text = (text[0] if text[0] != before else ""), text[1:]
    skip = 1 if before else 0
    offsets = tuple(at - lo for at in state.origin[skip:])
    return text, offsets[0] if len(offsets) == 1 else -1, offsets, last, tuple(at - skip for at in state.breaks)


class _State:
    """The per-character rules of folding, and the space pending between two written characters."""

    def __init__(self, original: str, skipped: set[int]):
        self.original, self.skipped = original, skipped
        self.pieces: list[str] = []
        self.origin = array("I")
        self.breaks: list[int] = []
        self.pending_space = self.newlines = 0

    def flush(self) -> None:
        """A written character follows: the pending space (a paragraph break if it held a blank line) comes first."""
        if self.pending_space:
            if self.origin:
                if self.newlines >= 2:
                    self.breaks.append(len(self.origin))
                self.pieces.append(" ")
                self.origin.append(self.pending_space - 1)
            self.pending_space = self.newlines = 0

    def fold(self, lo: int, hi: int) -> None:
        """original[lo:hi], character by character."""
        original, skipped, pieces, origin = self.original, self.skipped, self.pieces, self.origin
        for index in range(lo, hi):
            char = original[index]
            if index in skipped or char in INVISIBLE or char in DOUBLE_QUOTES:
                continue
            if char in SINGLE_QUOTES and not _inside_word(original, index):
                continue
            if char in DASHES and _is_sign(original, index):
                char = "-"  # a minus sign: -5 is not 5
            elif char.isspace() or char in DASHES:
                self.pending_space = self.pending_space or index + 1
                self.newlines += char == "\n"
                continue
            if unicodedata.combining(char) and origin and not self.pending_space and origin[-1] == index - 1:
                composed = unicodedata.normalize("NFC", pieces[-1][-1] + char)  # a decomposed ü (macOS) is ü
                if len(composed) == 1:
                    pieces[-1] = pieces[-1][:-1] + composed
                    continue
            self.flush()
            folded = _fold(char)
            if folded:
                pieces.append(folded)
                origin.extend([index] * len(folded))
            if (
                char in ",;:!?."
                and 0 < index < len(original) - 1
                and original[index - 1].isalpha()
                and original[index + 1].isalpha()
            ):
                # "terrorism.Every", "knife,he": a space lost in copying, as the source may lose it too
                self.pending_space = index + 1


def _kept_as_is(original: str) -> str:
    """The text's non-ASCII characters that fold to their lower case (and are no quote, dash or space), as a string."""
    if original.isascii():
        return ""
    return "".join(sorted(c for c in set(_NON_ASCII.findall(original)) if _folds_as_lower(c)))


@lru_cache(maxsize=None)
def _folds_as_lower(char: str) -> bool:
    return (
        not char.isspace()
        and char not in INVISIBLE
        and char not in DOUBLE_QUOTES
        and char not in SINGLE_QUOTES
        and char not in DASHES
        and char != _SIGMA
        and not unicodedata.combining(char)
        and _fold(char) == char.lower()
        and len(char.lower()) == 1
    )


@lru_cache(maxsize=256)
def _gap_pattern(kept: str) -> re.Pattern:
    """The regex of a gap's core, for a text whose non-ASCII characters folding to their lower case are `kept`."""
    return re.compile(rf"[^{_KEPT_ASCII}{re.escape(kept)}](?:{_GAP_CORE})[ {_WHITE}{_DASH_CLASS}]*")


def _lowered(original: str) -> str:
    """The text lower-cased, a lone space, dash or apostrophe in its folded form: what a one-for-one stretch gives."""
    lowered = original.lower() if original.isascii() else original.replace(_DOTTED_I, "\0").lower()
    for char in "\n\t\u00a0":
        if char in lowered:
            lowered = lowered.replace(char, " ")
    for dash in DASHES:
        if dash in lowered:
            lowered = lowered.replace(dash, " ")
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", APOSTROPHE)
    return lowered


_IDENTITY = array("I")


def _identity(size: int) -> memoryview:
    """The bytes of array('I', range(size)) or longer (4 a number; grown as needed, shared): a stretch's offsets."""
    global _IDENTITY
    if len(_IDENTITY) < size:
        _IDENTITY = array("I", range(max(size, 2 * len(_IDENTITY), 1 << 16)))
    return memoryview(_IDENTITY).cast("B")


def _is_sign(text: str, index: int) -> bool:
    """A dash right before a digit, after a space, an opening bracket or nothing: the number's sign."""
    before = text[index - 1] if index else " "
    return index + 1 < len(text) and text[index + 1].isdigit() and not (before.isalnum() or before in DASHES)


def _line_break_hyphens(text: str, offset: int = 0) -> set[int]:
    """Offsets (plus `offset`) of the hyphen and white space of each word hyphenated across a line break in `text`."""
    skipped: set[int] = set()
    for found in LINE_BREAK_HYPHEN.finditer(text):
        if text[found.end()].islower():
            skipped.update(range(offset + found.start(), offset + found.end()))
    return skipped


def _inside_word(text: str, index: int) -> bool:
    """A single quote between two letters or digits is an apostrophe; elsewhere it is a quote mark."""
    return 0 < index < len(text) - 1 and _letter(text[index - 1]) and _letter(text[index + 1])


def _letter(char: str) -> bool:
    return char.isalnum() or char == PLACEHOLDER


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """One character in compatibility form, case-folded; a single quote inside a word becomes '."""
    if char in SINGLE_QUOTES:
        return APOSTROPHE
    marker = {"<super>": "^", "<sub>": "_"}.get(unicodedata.decomposition(char).split(" ")[0], "")
    folded = marker + unicodedata.normalize("NFKC", char).casefold()  # 10² is 10^2, not 102
    return "".join(" " if c.isspace() else c for c in folded)


def words(normalized: Normalized, original: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of normalized.text[start:end], each with the text it was written as in `original`."""
    found = []
    text, origin = normalized.text, normalized.origin
    for match in WORD.finditer(text, start, len(text) if end is None else end):
        at, stop = match.start(), match.end()
        first, last = origin[at], origin[stop - 1] + 1
        before = text[max(0, at - 3) : at].rstrip()
        initial = not before or before[-1] in ".!?" or normalized.starts_paragraph(at)
        tag = text[at - 1] if at and text[at - 1] in "@#/" else ""
        tag = tag or ("(" if text[stop : stop + 1] == "(" else "")  # heappush(: code
        found.append(Word(match.group(), at, stop, original[first:last], initial, tag,
                          _compound(original, first, last)))
    return found


def _compound(original: str, first: int, last: int) -> str:
    """The hyphenated compound holding original[first:last] ("no-charge" for its "no"), or "" for a word of its own."""
    joined = (last + 1 < len(original) and original[last] in HYPHENS and original[last + 1].isalnum()) or (
        first >= 2 and original[first - 1] in HYPHENS and original[first - 2].isalnum()
    )
    if not joined:
        return ""
    lo = max(0, first - 80)
    for found in COMPOUND.finditer(original, lo, min(len(original), last + 80)):
        if found.start() <= first and last <= found.end():
            return re.sub(f"[{HYPHENS}]", "-", found.group().casefold())
    return ""


def fold_for_search(text: str) -> str:
    """The normalized form of a short piece of text (a selector's prefix or suffix)."""
    return normalize(text).text.strip()
