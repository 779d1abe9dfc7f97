"""One source document: its original text, normalized once, its lines and words, and spans back to the original.

Words are made only where a comparison looks (`words_between`): a quote compares a handful of words, and a source
may be megabytes. Word boundaries never cross a space of the normalized text, so a window tokenized from the space
before it to the space after it holds exactly the words the whole text would.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from checker.formats.extracted import SourceMap
from checker.model import Span
from checker.match.chunks import INDEXED_FROM, ChunkIndex
from checker.match.normalize import WORD, Normalized, Word, normalize, words

WINDOWS_KEPT = 64  # the word windows a document remembers (a quote's exact match is looked at more than once)


@dataclass
class Document:
    """One source: its original text, normalized once, with line starts and words for locating results."""

    name: str
    text: str
    norm: Normalized
    line_starts: list[int]
    _words: list[Word] | None = field(default=None, repr=False)
    _vocabulary: Vocabulary | None = field(default=None, repr=False)
    _windows: dict[tuple[int, int], list[Word]] = field(default_factory=dict, repr=False)
    _chunks: ChunkIndex | None = field(default=None, repr=False)
    source_map: SourceMap | None = field(default=None, repr=False)  # extracted text (HTML, Markdown): file places

    @classmethod
    def read(cls, path: Path, name: str) -> "Document":
        return cls.from_text(path.read_bytes().decode("utf-8-sig"), name)

    @classmethod
    def from_text(cls, text: str, name: str, source_map: SourceMap | None = None) -> "Document":
        """A document of `text`; for text extracted from another format, `source_map` places it in the file."""
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(name, text, normalize(text), starts, source_map=source_map)

    @property
    def words(self) -> list[Word]:
        """Every word of the document (for tests and tools; the matcher looks at windows: `words_between`)."""
        if self._words is None:
            self._words = words(self.norm, self.text)
        return self._words

    @property
    def vocabulary(self) -> Vocabulary:
        """Every word the source uses: a quote's spelling found here is a word, not a slip."""
        if self._vocabulary is None:
            long = len(self.norm.text) >= INDEXED_FROM
            this = weakref.ref(self)  # no cycle: a document the library puts aside is freed at once, not by the GC
            self._vocabulary = Vocabulary(self.norm.text, (lambda: this()._chunk_index()) if long else None)
        return self._vocabulary

    def _chunk_index(self) -> ChunkIndex:
        if self._chunks is None:
            self._chunks = ChunkIndex(self.norm.text)
        return self._chunks

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalized [start, end)."""
        return self.original(*self.norm.original_span(start, end))

    def original(self, first: int, last: int) -> Span:
        """The span of the original [first, last), with the line and column of `first` (in the file's own lines when
        the text was extracted from HTML or Markdown: offsets stay those of `text`)."""
        if self.source_map is not None:
            return Span(first, last, *self.source_map.place(first), self.source_map.page_of(first))
        line = bisect_right(self.line_starts, first)
        return Span(first, last, line, first - self.line_starts[line - 1] + 1)

    def line_of(self, offset: int) -> int:
        """The line (of the file, for extracted text) of an offset of `text`."""
        if self.source_map is not None:
            return self.source_map.place(offset)[0]
        return bisect_right(self.line_starts, offset)

    def where(self, offset: int) -> str:
        """`name:line` of a normalized offset."""
        offset = min(max(offset, 0), len(self.norm.text) - 1)
        at = self.norm.origin[offset] if len(self.norm.text) else 0
        if self.source_map is not None:
            return f"{self.name}:{self.source_map.label(at)}"
        return f"{self.name}:{self.line_of(at)}"

    def positions(self, needle: str, lo: int, hi: int) -> Iterator[int]:
        """Every offset of `needle` in the normalized [lo, hi), in order (overlapping ones too), as a scan finds them;
        a long source scans only the chunks that hold the needle's words (checker.match.chunks)."""
        text = self.norm.text
        stretches = [(lo, hi)]
        if hi - lo >= INDEXED_FROM:
            stretches = self._chunk_index().ranges(needle, lo, hi)
        for start, end in stretches:
            at = text.find(needle, start, end)
            while at >= 0:
                yield at
                at = text.find(needle, at + 1, end)

    def find(self, needle: str) -> int:
        """The first offset of `needle` in the normalized text, or -1."""
        return next(self.positions(needle, 0, len(self.norm.text)), -1)

    def words_between(self, start: int, end: int) -> list[Word]:
        """The document's words that start in the normalized [start, end): only that window is tokenized."""
        key = (start, end)
        found = self._windows.get(key)
        if found is None:
            text = self.norm.text
            lo = text.rfind(" ", 0, max(start, 0)) + 1  # no word runs across a space
            hi = text.find(" ", max(end, lo))
            window = words(self.norm, self.text, lo, len(text) if hi < 0 else hi)
            found = [word for word in window if start <= word.start < end]
            if len(self._windows) >= WINDOWS_KEPT:
                self._windows.clear()
            self._windows[key] = found
        return found


class Vocabulary:
    """The words a normalized text uses, looked up one at a time (a scan of the text, remembered), never listed."""

    def __init__(self, text: str, chunks: Callable[[], ChunkIndex] | None = None):
        self.text = text
        self._known: dict[str, bool] = {}
        self._chunks = chunks  # a long text's chunk index: its tokens hold every word (a scan of megabytes each)
        self._all: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._used(word)
        return known

    def _used(self, word: str) -> bool:
        """Whether `word` stands in the text as a whole word (as WORD tokenizes the whole text)."""
        if self._chunks is not None:
            if self._all is None:  # no word runs across a space, so the words of each token are the text's
                self._all = {found for token in self._chunks().masks for found in WORD.findall(token)}
            return word in self._all
        text, at = self.text, self.text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (_WORD_CHAR.match(text, at - 1) if at else False) and not _WORD_CHAR.match(text, end):
                lo = text.rfind(" ", 0, at) + 1
                hi = text.find(" ", end)
                for token in WORD.finditer(text, lo, len(text) if hi < 0 else hi):
                    if token.start() == at and token.end() == end:
                        return True
            at = text.find(word, at + 1)
        return False


_WORD_CHAR = re.compile(r"\w")


def at_boundary(text: str, index: int) -> bool:
    """Whether a match may begin after / end before text[index]: not inside a word, nor after a number's sign."""
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] in "-_")
