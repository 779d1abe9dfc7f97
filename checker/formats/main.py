"""Main-content extraction (`extract: main` in sources.yaml): of an HTML page's visible text, only the paragraphs of
its main content — navigation, adverts, related links, footers and comment forms left out.

trafilatura decides what the main content is (it is the best-kept and best-measured of the open extractors: a
combination of its own rules with jusText and readability-style fallbacks). It returns text without positions, so its
result only chooses: each paragraph of the page's visible text (checker.formats.html) is kept when 80 % of its runs
of three words stand in trafilatura's text (a paragraph of one or two words, when it is one of trafilatura's
blocks), which takes time linear in the page. What is kept keeps its place in the file, so every location is still
the HTML file's own line and column, and a quote is never matched against text the page does not show (trafilatura
also reads <template> and hidden elements, which the visible text leaves out).
"""
from __future__ import annotations

import re
from array import array
from dataclasses import replace

from checker.formats.extracted import Extracted, ExtractError, MissingExtra

WORD = re.compile(r"\w+")
RUN = 3  # words: a paragraph is compared with trafilatura's text by its runs of three words (linear in the page)
KEPT = 0.8  # the share of a paragraph's runs trafilatura's text must hold for the paragraph to be kept


def main_content(visible: Extracted, page: str) -> Extracted:
    """The paragraphs of `visible` (the page's visible text) that trafilatura finds in the page's main content."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("HTML", "html", "trafilatura", reading="its main content (extract: main)") from None
    main = trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False) or ""
    lines = {tuple(WORD.findall(line)) for line in main.split("\n")}  # trafilatura writes a block a line
    words = WORD.findall(main)
    runs = {tuple(words[at:at + RUN]) for at in range(len(words) - RUN + 1)}
    kept = []
    for paragraph in re.finditer(r"[^\n](?:[^\n]|\n(?!\n))*", visible.text):
        own = WORD.findall(paragraph.group())
        if len(own) < RUN:  # a heading, a link, a caption: kept when it is a whole block of trafilatura's
            held = tuple(own) in lines and bool(own)
        else:  # kept when its runs of words stand in trafilatura's text
            held = sum(tuple(own[at:at + RUN]) in runs for at in range(len(own) - RUN + 1)) >= KEPT * (
                len(own) - RUN + 1)
        if held:
            kept.append(paragraph.span())
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
