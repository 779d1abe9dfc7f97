"""What an extractor returns: the visible text and, for each of its characters, the file offset it came from."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass


class ExtractError(Exception):
    """A file its format's reader cannot use (a PDF with no text layer): the message says what to do."""


class MissingExtra(Exception):
    """A source format whose optional library is not installed: the message names the command that installs it."""

    def __init__(self, fmt: str, extra: str, module: str, reading: str | None = None):
        super().__init__(f"{fmt}, and reading {reading or fmt} needs the optional '{module}' library: "
                         f"pip install \"factcheck[{extra}]\"")


@dataclass(frozen=True)
class SourceMap:
    """From an offset of the extracted text to the file: `offsets[i]` is the file offset of text[i] (one more entry,
    for the end), `line_starts` the file's own line starts."""

    offsets: array
    line_starts: list[int]
    pages: tuple[int, ...] = ()  # a PDF: where each page starts; lines are then counted within the page
    capture: tuple[str, str] | None = None  # a web archive: the captured page's URL and capture date (WARC-Date)

    @classmethod
    def of(cls, original: str, offsets: array, pages: tuple[int, ...] = ()) -> "SourceMap":
        return cls(offsets, [0] + [m.end() for m in re.finditer("\n", original)], pages)

    def file_offset(self, offset: int) -> int:
        return self.offsets[min(max(offset, 0), len(self.offsets) - 1)]

    def place(self, offset: int) -> tuple[int, int]:
        """The file's 1-based line and column of the text offset."""
        at = self.file_offset(offset)
        line = bisect_right(self.line_starts, at)
        column = at - self.line_starts[line - 1] + 1
        if self.pages:
            line -= bisect_right(self.line_starts, self.pages[bisect_right(self.pages, at) - 1]) - 1
        return line, column

    def text_offset(self, file_offset: int) -> int:
        """The first text offset at or after a file offset (the text's offsets rise with the file's)."""
        return bisect_left(self.offsets, file_offset)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of a text offset, for a source with pages (else None)."""
        return bisect_right(self.pages, self.file_offset(offset)) if self.pages else None

    def label(self, offset: int) -> str:
        """`line`, or `pPAGE:LLINE` for a source with pages: how a location is written after the file's name."""
        line = self.place(offset)[0]
        return f"p{self.page_of(offset)}:L{line}" if self.pages else str(line)


@dataclass(frozen=True)
class Extracted:
    """The text a reader sees, and where it stands in the file."""

    text: str
    source_map: SourceMap


_WHITE_RUN = re.compile(r"[ \t\n\r\f]+")


class TextBuilder:
    """Builds extracted text a piece at a time, remembering each character's file offset; white space collapses to
    one space (one line end when it holds one), block boundaries to one blank line (what the matcher reads as a
    paragraph break)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.offsets = array("q")
        self.pending = ""  # "" | " " | "\n\n": white space owed before the next visible character
        self.pending_at = 0

    def add(self, text: str, offsets, collapse: bool = True) -> None:
        """Visible characters with their file offsets (a sequence as long as `text`)."""
        if not collapse:
            if text:
                self._flush()
                self.pieces.append(text)
                self.offsets.extend(offsets)
            return
        at = 0
        for white in _WHITE_RUN.finditer(text):
            if white.start() > at:
                self._visible(text, offsets, at, white.start())
            if not self.pending:
                self.pending, self.pending_at = " ", offsets[white.start()]
            if self.pending == " " and "\n" in white.group():  # kept: a word hyphenated over a line end still joins
                self.pending = "\n"
            at = white.end()
        if at < len(text):
            self._visible(text, offsets, at, len(text))

    def _visible(self, text: str, offsets, start: int, end: int) -> None:
        self._flush()
        self.pieces.append(text[start:end])
        self.offsets.extend(offsets[start:end])

    def block(self, at: int) -> None:
        """A block boundary (the file offset of the tag that makes it)."""
        if self.pieces and self.pending != "\n\n":
            self.pending, self.pending_at = "\n\n", at

    def line_break(self, at: int) -> None:
        if self.pieces and self.pending != "\n\n":
            self.pending, self.pending_at = "\n", at

    def _flush(self) -> None:
        if self.pending and self.pieces:
            self.pieces.append(self.pending)
            self.offsets.extend([self.pending_at] * len(self.pending))
        self.pending = ""

    def build(self, original: str) -> Extracted:
        text = "".join(self.pieces)
        self.offsets.append(len(original))
        return Extracted(text, SourceMap.of(original, self.offsets))
