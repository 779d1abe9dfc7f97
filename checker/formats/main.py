"""Main-content extraction (`extract: main` in sources.yaml): of an HTML page's visible text, only the paragraphs of
its main content — navigation, adverts, related links, footers and comment forms left out.

trafilatura decides what the main content is (it is the best-kept and best-measured of the open extractors: a
combination of its own rules with jusText and readability-style fallbacks). It returns text without positions, so its
result only chooses: each paragraph of the page's visible text (checker.formats.html) is kept when its words stand,
in order, in trafilatura's text. What is kept keeps its place in the file, so every location is still the HTML file's
own line and column, and a quote is never matched against text the page does not show (trafilatura also reads
<template> and hidden elements, which the visible text leaves out).
"""
from __future__ import annotations

import re
from array import array
from dataclasses import replace
from difflib import SequenceMatcher

from checker.formats.extracted import Extracted, ExtractError, MissingExtra

WORD = re.compile(r"\w+")
KEPT = 0.8  # the share of a paragraph's words trafilatura's text must hold, in order, for the paragraph to be kept


def main_content(visible: Extracted, page: str) -> Extracted:
    """The paragraphs of `visible` (the page's visible text) that trafilatura finds in the page's main content."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("HTML", "html", "trafilatura", reading="its main content (extract: main)") from None
    main = trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False) or ""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n](?:[^\n]|\n(?!\n))*", visible.text)]
    words = [(m.group(), index) for index, (start, end) in enumerate(paragraphs)
             for m in WORD.finditer(visible.text, start, end)]
    matcher = SequenceMatcher(None, [word for word, _ in words], WORD.findall(main), autojunk=False)
    held = [0] * len(paragraphs)
    for block in matcher.get_matching_blocks():
        for word in range(block.a, block.a + block.size):
            held[words[word][1]] += 1
    counts = [0] * len(paragraphs)
    for _, index in words:
        counts[index] += 1
    kept = [span for span, have, total in zip(paragraphs, held, counts) if total and have >= KEPT * total]
    if not kept:
        raise ExtractError("has no main content trafilatura can find (extract: main in sources.yaml): cite the whole "
                           "page (remove `extract: main` for it)")
    return _only(visible, kept)


def _only(visible: Extracted, kept: list[tuple[int, int]]) -> Extracted:
    """The kept paragraphs of `visible`, one blank line between them, each character at its place in the file."""
    pieces, offsets = [], array("q")
    source = visible.source_map.offsets
    for start, end in kept:
        if pieces:
            pieces.append("\n\n")
            offsets.extend([source[start]] * 2)
        pieces.append(visible.text[start:end])
        offsets.extend(source[start:end])
    offsets.append(source[len(source) - 1])  # the file's end, as every map ends
    return Extracted("".join(pieces), replace(visible.source_map, offsets=offsets))
