"""`factcheck fix`: quotes that pass only as normalized or fuzzy rewritten to the source's exact text, and `lines:`
pins that have moved rewritten to where the quote stands, in place.

Only the quote's (or the pin's) own characters change: each edit replaces the span of one YAML scalar, found where
the loader placed its key, so comments, key order, indentation and every other line stay byte for byte. The new
scalar keeps the old one's quoting style (plain, 'single', "double") when that style can hold the new text, else it
becomes "double-quoted". Every edited file is parsed again before it is written, and an edit whose value does not
read back as meant is dropped. A mismatch is never touched: what the quote should say is an editor's decision, and
so is a quote holding an editor's [insertion] or an ellipsis (its parts are not the source's text).
"""
from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.model import Citation, CitationResult, FactResult
from checker.sources import Library, SourceError

FIXABLE = ("normalized", "fuzzy")
PUNCTUATION = ".,;:!?\"'“”‘’«»()"
STRAIGHT = str.maketrans("“”‘’«»", "\"\"''\"\"")
EDITORIAL = re.compile(r"\[|\.\.\.|…")  # an [insertion] or an ellipsis: the quote is not the source's text alone


@dataclass(frozen=True)
class Edit:
    """Replace the quote (or its `lines:` pin) of one citation by `new`."""

    citation: Citation
    key: str  # quote | lines
    new: str | int | list[int]
    why: str


@dataclass
class FileFix:
    """One fact file's edits: its text before and after, and the citations left for an editor."""

    path: Path
    display: str
    before: str
    after: str
    notes: list[str]

    def diff(self) -> list[str]:
        return list(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.display}", tofile=f"b/{self.display}",
        ))


def edits_for(results: list[FactResult], library: Library) -> tuple[list[Edit], list[str]]:
    """What to change, and a note for each citation that needs an editor instead."""
    edits, notes = [], []
    for result in results:
        pairs = list(zip(result.fact.citations, result.citations))
        pairs += list(zip([d.citation for d in result.fact.disputes], result.disputes))
        for citation, verdict in pairs:
            edit, note = _edit_for(citation, verdict, library)
            edits += edit
            notes += [note] if note else []
    return edits, notes


def _edit_for(citation: Citation, verdict: CitationResult, library: Library) -> tuple[list[Edit], str]:
    match, where = verdict.match, f"{citation.file}:{citation.line}"
    if not match.ok:
        if match.status in ("mismatch", "too-short"):
            return [], f"{where}: left as it is ({match.status}): what the quote should say is an editor's decision"
        return [], ""
    edits = []
    if match.status in FIXABLE:
        if EDITORIAL.search(citation.quote):
            return [], f"{where}: left as it is ({match.status}): it holds an [insertion] or an ellipsis: fix by hand"
        exact = _exact_text(citation, match, library)
        if exact and exact != citation.quote:
            edits.append(Edit(citation, "quote", exact, f"{match.status} -> the source's exact text"))
    if match.moved:
        pin = citation.selector.lines if citation.selector else None
        if pin is None:
            return edits, f"{where}: the quote was found away from its prefix/suffix pin: fix the pin by hand"
        first, last = match.spans[0].line, _last_line(library, citation.source, match.spans[-1])
        new: int | list[int] = first if first == last and pin[0] == pin[1] else [first, last]
        edits.append(Edit(citation, "lines", new, f"pin moved: {match.moved}"))
    return edits, ""


def _exact_text(citation: Citation, match, library: Library) -> str:
    """The source's text of the match, with the punctuation the quote opens or closes with where the source has it
    too (the matcher leaves an opening quotation mark or a closing full stop out of the passage)."""
    try:
        text = library.document(citation.source).text
    except SourceError:
        return ""
    start, end = match.spans[0].start, match.spans[-1].end
    if len(match.spans) != 1 or text[start:end] != match.matched:
        return ""
    quote = citation.quote.strip()
    opening = len(quote) - len(quote.lstrip(PUNCTUATION))
    closing = len(quote) - len(quote.rstrip(PUNCTUATION))
    for size in range(opening, 0, -1):
        if start >= size and _same_marks(text[start - size:start], quote[:size]):
            start -= size
            break
    for size in range(closing, 0, -1):
        if _same_marks(text[end:end + size], quote[len(quote) - size:]):
            end += size
            break
    return text[start:end]


def _same_marks(source: str, quote: str) -> bool:
    """Punctuation the same but for typography (a straight quotation mark for a curly one)."""
    return len(source) == len(quote) and source.translate(STRAIGHT) == quote.translate(STRAIGHT)


def _last_line(library: Library, source: str, span) -> int:
    try:
        doc = library.document(source)
    except SourceError:
        return span.line
    return doc.line_of(max(span.start, span.end - 1))


def apply(path: Path, display: str, edits: list[Edit]) -> FileFix:
    """The file's text with every edit made, each verified by parsing the result again."""
    before = path.read_bytes().decode("utf-8-sig")
    after, notes = before, []
    # from the end of the file up, so an edit never moves the lines of one still to make; a pin before its quote
    for edit in sorted(edits, key=lambda e: (-e.citation.line, e.key != "lines")):
        span = _span_of(after, edit)
        if span is None:
            notes.append(f"{edit.citation.file}:{edit.citation.line}: its {edit.key} was not found: fix by hand")
            continue
        start, end, style = span
        for text in _renderings(edit.new, style):
            candidate = after[:start] + text + after[end:]
            if _reads_back(candidate, edit, start):
                after = candidate
                break
        else:
            notes.append(f"{edit.citation.file}:{edit.citation.line}: no safe way to write the new {edit.key}")
    return FileFix(path, display, before, after, notes)


def _span_of(text: str, edit: Edit) -> tuple[int, int, str | None] | None:
    """The [start, end) of the edit's value scalar (or sequence) in `text`, and its style."""
    pair = _find_pair(text, edit.citation, edit.key)
    if pair is None:
        return None
    value = pair[1]
    style = "flow-seq" if isinstance(value, yaml.SequenceNode) else getattr(value, "style", None)
    return value.start_mark.index, value.end_mark.index, style


def _find_pair(text: str, citation: Citation, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key, value) nodes of `key` in the mapping whose `quote` key stands on the citation's line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for mapping in _mappings(root):
        keys = {k.value: (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)}
        quote = keys.get("quote")
        if quote and quote[0].start_mark.line + 1 == citation.line and quote[1].value == citation.quote:
            return keys.get(key)
    return None


def _mappings(node):
    if isinstance(node, yaml.MappingNode):
        yield node
        for key, value in node.value:
            yield from _mappings(key)
            yield from _mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _mappings(item)


def _renderings(new: str | int | list[int], style: str | None) -> list[str]:
    """The new value written in the old value's style first, then double-quoted (JSON strings are YAML)."""
    if isinstance(new, int):
        return [str(new)]
    if isinstance(new, list):
        return [f"[{new[0]}, {new[1]}]"]
    double = json.dumps(new, ensure_ascii=False)
    if "\n" in new:
        return [double]
    if style is None:
        return [new, double]
    if style == "'":
        return ["'" + new.replace("'", "''") + "'", double]
    return [double]


def _reads_back(text: str, edit: Edit, start: int) -> bool:
    """Whether the edited text parses and the edited value reads back as meant (as the loader's strings)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    for mapping in _mappings(root):
        for key, value in mapping.value:
            if isinstance(key, yaml.ScalarNode) and key.value == edit.key and value.start_mark.index == start:
                if isinstance(edit.new, list):
                    items = [v.value for v in value.value] if isinstance(value, yaml.SequenceNode) else None
                    return items == [str(n) for n in edit.new]
                return isinstance(value, yaml.ScalarNode) and value.value == str(edit.new)
    return False


def write(fix: FileFix) -> None:
    """Replace the fact file with its fixed text atomically, keeping its byte-order mark and line endings."""
    raw = fix.path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    handle, temporary = tempfile.mkstemp(prefix=f".{fix.path.name}.", suffix=".tmp", dir=fix.path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(bom + fix.after.encode("utf-8"))
        os.chmod(temporary, fix.path.stat().st_mode & 0o7777)
        os.replace(temporary, fix.path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
