"""Markdown sources: the text the rendered note shows (markup removed, a link its text, a code span its content),
located in the Markdown file's own lines.

markdown-it-py (CommonMark, with GFM tables) parses the note; each block token knows its source lines, and each piece
of its inline text is found again, in order, within those lines: a piece changed by rendering (an entity, an escaped
character) is placed character by character. Raw HTML in the note is left out.
"""
from __future__ import annotations

import re

from checker.formats.extracted import Extracted, MissingExtra, TextBuilder

LOOKAHEAD = 200
_BLOCK_OPEN = ("paragraph_open", "heading_open", "list_item_open", "blockquote_open", "tr_open", "hr",
               "th_open", "td_open")


def extract(original: str) -> Extracted:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        raise MissingExtra("Markdown", "md", "markdown-it-py") from None
    parser = MarkdownIt("commonmark").enable("table")
    starts = [0] + [m.end() for m in re.finditer("\n", original)]
    out = TextBuilder()
    finder = _Finder(original)
    for token in parser.parse(original):
        if token.map:
            lo, hi = token.map
            finder.enter(starts[min(lo, len(starts) - 1)], starts[hi] if hi < len(starts) else len(original))
        if token.type in _BLOCK_OPEN or token.type.endswith("_close") and token.block:
            out.block(finder.cursor)
        if token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    out.add(child.content, finder.offsets_of(child.content))
                elif child.type == "softbreak":
                    out.add("\n", [finder.cursor])
                elif child.type == "hardbreak":
                    out.line_break(finder.cursor)
        elif token.type in ("fence", "code_block"):
            out.block(finder.cursor)
            out.add(token.content, finder.offsets_of(token.content), collapse=False)
            out.block(finder.cursor)
    return out.build(original)


class _Finder:
    """Finds rendered pieces again in the Markdown text, in order, within the current block's lines."""

    def __init__(self, original: str):
        self.original = original
        self.cursor = 0
        self.limit = len(original)

    def enter(self, start: int, end: int) -> None:
        self.cursor = max(self.cursor, start)
        self.limit = max(end, self.cursor)

    def offsets_of(self, text: str):
        found = self.original.find(text, self.cursor, self.limit) if text else -1
        if found >= 0:
            self.cursor = found + len(text)
            return range(found, self.cursor)
        placed = []
        for char in text:
            at = self.original.find(char, self.cursor, min(self.cursor + LOOKAHEAD, self.limit))
            if at >= 0:
                self.cursor = at + 1
                placed.append(at)
            else:
                placed.append(min(self.cursor, len(self.original) - 1) if self.original else 0)
        return placed
