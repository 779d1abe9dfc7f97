"""One source document: its original text, normalized once, its lines and words, and spans back to the original."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Span
from checker.match.normalize import Normalized, Word, normalize, words


@dataclass
class Document:
    """One source: its original text, normalized once, with line starts and words for locating results."""

    name: str
    text: str
    norm: Normalized
    line_starts: list[int]
    _words: list[Word] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, name: str) -> "Document":
        return cls.from_text(path.read_bytes().decode("utf-8-sig"), name)

    @classmethod
    def from_text(cls, text: str, name: str) -> "Document":
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(name, text, normalize(text), starts)

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            self._words = words(self.norm, self.text)
        return self._words

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word the source uses: a quote's spelling found here is a word, not a slip."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(w.text for w in self.words)
        return self._vocabulary

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalized [start, end)."""
        return self.original(*self.norm.original_span(start, end))

    def original(self, first: int, last: int) -> Span:
        """The span of the original [first, last), with the line and column of `first`."""
        line = bisect_right(self.line_starts, first)
        return Span(first, last, line, first - self.line_starts[line - 1] + 1)

    def where(self, offset: int) -> str:
        """`name:line` of a normalized offset."""
        offset = min(max(offset, 0), len(self.norm.text) - 1)
        return f"{self.name}:{bisect_right(self.line_starts, self.norm.origin[offset])}"

    def words_between(self, start: int, end: int) -> list[Word]:
        """The document's words that start in the normalized [start, end)."""
        if self._starts is None:
            self._starts = [w.start for w in self.words]
        return self.words[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


def at_boundary(text: str, index: int) -> bool:
    """Whether a match may begin after / end before text[index]: not inside a word, nor after a number's sign."""
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] in "-_")
