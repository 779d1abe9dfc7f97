"""The plain, per-character normalization that checker.match.normalize replaced (as written before issue 8): the
reference the fast implementation is proven equal to (tests/test_normalize_fast.py), character for character, offsets,
paragraph breaks and words included. Slow (a Python loop per character; words quadratic in the paragraph breaks):
for tests only."""
from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache

from checker.match.normalize import (
    APOSTROPHE, COMPOUND, DASHES, DOUBLE_QUOTES, HYPHENS, INVISIBLE, LINE_BREAK_HYPHEN, PLACEHOLDER, SINGLE_QUOTES,
    WORD, Normalized, Word,
)


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
