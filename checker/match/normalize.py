"""Typography-neutral text with an offset map back to the original, and the words in it.

Both a quote and its source go through `normalize`, so that differences an editor does not
care about — quote marks, dashes and hyphens, white space and line breaks, soft hyphens and
zero-width characters, a word hyphenated across a line break, Unicode compatibility forms and
letter case — vanish before matching. `origin[i]` is the offset in the original text of the
character that produced `text[i]`, so every match maps back to the exact passage.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

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


@dataclass(frozen=True)
class Word:
    """A word of a normalized text: its normalized form, its [start, end) there, and as originally written."""

    text: str
    start: int
    end: int
    original: str
    initial: bool = False  # first word of a sentence (or of the text): its capital says nothing
    tag: str = ""  # @, # or / before it, or ( after it: a handle, hashtag, link part or code, a name whatever its case
    compound: str = ""  # the hyphenated compound it is part of, lower case with plain hyphens ("no-charge"), or ""


def normalize(original: str) -> Normalized:
    """Fold typography and case, keep letters, digits and punctuation, remember where each character came from."""
    skipped = _line_break_hyphens(original)
    out: list[str] = []
    origin = array("I")
    breaks: list[int] = []
    pending_space = newlines = 0
    for index, char in enumerate(original):
        if index in skipped or char in INVISIBLE or char in DOUBLE_QUOTES:
            continue
        if char in SINGLE_QUOTES and not _inside_word(original, index):
            continue
        if char in DASHES and _is_sign(original, index):
            char = "-"  # a minus sign: -5 is not 5
        elif char.isspace() or char in DASHES:
            pending_space = pending_space or index + 1
            newlines += char == "\n"
            continue
        if unicodedata.combining(char) and out and not pending_space and origin[-1] == index - 1:
            composed = unicodedata.normalize("NFC", out[-1] + char)  # a decomposed ü (as macOS copies it) is ü
            if len(composed) == 1:
                out[-1] = composed
                continue
        if pending_space:
            if out:
                if newlines >= 2:
                    breaks.append(len(out))
                out.append(" ")
                origin.append(pending_space - 1)
            pending_space = newlines = 0
        for folded in _fold(char):
            out.append(folded)
            origin.append(index)
        if (
            char in ",;:!?."
            and 0 < index < len(original) - 1
            and original[index - 1].isalpha()
            and original[index + 1].isalpha()
        ):
            # "terrorism.Every", "knife,he": a space lost in copying, as the source may lose it too
            pending_space = index + 1
    return Normalized("".join(out), origin, tuple(breaks))


def _is_sign(text: str, index: int) -> bool:
    """A dash right before a digit, after a space, an opening bracket or nothing: the number's sign."""
    before = text[index - 1] if index else " "
    return index + 1 < len(text) and text[index + 1].isdigit() and not (before.isalnum() or before in DASHES)


def _line_break_hyphens(original: str) -> set[int]:
    """Offsets of the hyphen and white space of each word hyphenated across a line break."""
    skipped: set[int] = set()
    for found in LINE_BREAK_HYPHEN.finditer(original):
        if original[found.end()].islower():
            skipped.update(range(found.start(), found.end()))
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
    for match in WORD.finditer(normalized.text, start, len(normalized.text) if end is None else end):
        first, last = normalized.original_span(match.start(), match.end())
        before = normalized.text[max(0, match.start() - 3) : match.start()].rstrip()
        initial = not before or before[-1] in ".!?" or match.start() in normalized.breaks
        tag = (
            normalized.text[match.start() - 1] if match.start() and normalized.text[match.start() - 1] in "@#/" else ""
        )
        tag = tag or ("(" if normalized.text[match.end() : match.end() + 1] == "(" else "")  # heappush(: code
        found.append(Word(match.group(), match.start(), match.end(), original[first:last], initial, tag,
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
