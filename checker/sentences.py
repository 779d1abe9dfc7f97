"""Sentences of a source: each non-blank line is a block, blocks split at sentence ends, with original offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

# a sentence ends at . ! ? (and any closing quote) before white space and a capital, digit or opening quote,
# unless the full stop ends an initial ("S.") or a common abbreviation
SENTENCE_END = re.compile(r"(?<=[.!?])([”\"’)]?)\s+(?=[“\"‘(]?[A-Z0-9])")
ABBREVIATIONS = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bDr|\bSt|\bNo|\bvs)\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: its original [start, end), its 1-based line, its text."""

    start: int
    end: int
    line: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Each non-blank line is a block (a headline, a bullet, a paragraph); blocks split at sentence ends."""
    found: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = 0
        for match in SENTENCE_END.finditer(line):
            if ABBREVIATIONS.search(line[: match.start()]):
                continue
            _add(found, line, offset, number, start, match.end(1))
            start = match.end()
        _add(found, line, offset, number, start, len(line))
        offset += len(line) + 1
    return found


def _add(found: list[Sentence], line: str, offset: int, number: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip().lstrip("•").strip()
    if any(char.isalnum() for char in stripped):
        lead = start + piece.index(stripped)
        found.append(Sentence(offset + lead, offset + lead + len(stripped), number, stripped))


def window(text: str, start: int, end: int, line: int) -> list[Sentence]:
    """The sentences of the lines holding [start, end) and of the nearest non-blank line above them, with offsets
    and lines in `text` (`line` is the 1-based line of `start`): what a rule reads around a quote, split in time
    proportional to the quote, not to the source (a sentence never crosses a line end)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", max(end, start + 1) - 1)
    hi = len(text) if hi == -1 else hi
    above = lo - 1
    while above > 0:  # back over blank lines to the line above
        line_start = text.rfind("\n", 0, above) + 1
        if text[line_start:above].strip():
            lo = line_start
            break
        above = line_start - 1
    first_line = line - text.count("\n", lo, start)
    return [Sentence(s.start + lo, s.end + lo, s.line + first_line - 1, s.text) for s in split_sentences(text[lo:hi])]


def around(sentences: list[Sentence], start: int, end: int) -> list[Sentence]:
    """The sentences that share at least one character with [start, end) (the one holding `start` when empty)."""
    return [s for s in sentences if s.start < max(end, start + 1) and start < s.end]
