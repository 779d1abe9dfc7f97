"""`factcheck locate "words as remembered"`: the passages of the sources that best match, and a citation to paste.

The same matcher as `check` (checker.match.locate) runs over every source (or one): the best passage of each source,
best first, with its file:line:column, score and status. The citation block quotes the source's exact text (so it
checks as verbatim) and pins `lines:` when that text stands more than once in its source.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from checker.match import Document, MatchOptions, locate, occurrences
from checker.model import Match, Span
from checker.sources import Library, SourceError

SHOWN = 3  # passages listed when the words stand in several sources
CLOSE_ENOUGH = 60  # a closest passage scoring lower is another passage, not the words misremembered


@dataclass(frozen=True)
class Found:
    """The best passage of one source for the words looked for."""

    source: str
    match: Match
    pin: tuple[int, int] | None  # the lines to pin when the passage stands more than once in its source
    times: int  # how many times the source's exact text stands in it
    doc: Document | None = None


def search(words: str, library: Library, options: MatchOptions, names: list[str] | None = None) -> list[Found]:
    """The best passage of each source in `names` (default: every source), best first: passing ones before the rest,
    then by score, then by name. Raises SourceError for a named source that cannot be read."""
    found = []
    for name in names if names is not None else library.names():
        try:
            doc = library.document(name)
        except SourceError:
            if names is not None:
                raise
            continue
        match = locate(words, doc, options)
        if match.status == "too-short":
            return [Found(name, match, None, 0)]
        times, pin = _pin(match, doc, options) if match.ok else (0, None)
        found.append(Found(name, match, pin, times, doc))
    return sorted(found, key=lambda f: (not f.match.ok, -f.match.score, f.source))


def _pin(match: Match, doc: Document, options: MatchOptions) -> tuple[int, tuple[int, int] | None]:
    places = occurrences(match.matched, doc, options)
    if len(places) <= 1:
        return len(places) or 1, None
    first, last = match.spans[0], match.spans[-1]
    return len(places), (first.line, _last_line(doc, last))


def _pin_of_text(found: Found) -> tuple[int, tuple[int, int] | None]:
    """The pin for the closest passage's own text (exact in its source, unlike the words looked for)."""
    return _pin(found.match, found.doc, MatchOptions()) if found.doc is not None else (0, None)


def _last_line(doc: Document, span: Span) -> int:
    return doc.line_of(max(span.start, span.end - 1))


def citation_block(found: Found) -> list[str]:
    """The citation as it goes under a fact's `citations:` (indented as in the README's example), ready to paste."""
    lines = [f"      - source: {found.source}", f"        quote: {json.dumps(found.match.matched, ensure_ascii=False)}"]
    if found.pin:
        first, last = found.pin
        lines.append(f"        lines: {first}" if first == last else f"        lines: [{first}, {last}]")
    return lines


def text_lines(words: str, found: list[Found], sources_display: str) -> list[str]:
    """What `factcheck locate` prints: the passages found (or the closest), then the citation to paste."""
    if found and found[0].match.status == "too-short":
        return [f"locate: {found[0].match.differences[0]}"]
    if not found:
        return [f"no source under {sources_display}/ to search"]
    passing = [f for f in found if f.match.ok]
    lines = []
    if not passing:
        lines.append(f"not found in any source under {sources_display}/; the closest passage:")
    for item in (passing[:SHOWN] if passing else found[:1]):
        lines += _passage_lines(item, sources_display)
    if len(passing) > SHOWN:
        lines.append(f"(and in {len(passing) - SHOWN} more sources)")
    if passing:
        lines += ["", "citation to paste:", *citation_block(passing[0])]
    elif found[0].match.spans and found[0].match.score >= CLOSE_ENOUGH:
        closest = found[0]
        times, pin = _pin_of_text(closest)
        lines += ["", "if you meant that passage, cite the source's own words:",
                  *citation_block(Found(closest.source, closest.match, pin, times))]
    return lines


def _passage_lines(found: Found, sources_display: str) -> list[str]:
    match = found.match
    span = match.spans[0] if match.spans else None
    where = f"{sources_display}/{found.source}" + (f":{span.line}:{span.column}" if span else "")
    lines = [f"{where}: {match.status}, score {match.score:.1f}"]
    lines.append(f"    {match.matched}")
    if found.times > 1:
        lines.append(f"    stands {found.times} times in {found.source}: the citation pins the lines of this one")
    if match.diff and match.diff != match.matched:
        lines.append(f"    diff: {match.diff}")
    for difference in match.differences:
        lines.append(f"    why:  {difference}")
    return lines


def exit_code(found: list[Found]) -> int:
    """0 when the words stand in a source, 1 when not, 2 when they are too short to look for."""
    if found and found[0].match.status == "too-short":
        return 2
    return 0 if any(f.match.ok for f in found) else 1
