"""Coverage: per source, the checkable sentences (a number, a date, a weekday, a name) that no fact cites.

A sentence is cited when the quotes that overlap it take every checkable token it holds — each number, date word
and name stands inside a quoted span — not when a quote merely shares a few of its words: a quote of "two victims
and the attacker were killed" does not cite "where two victims and the attacker were killed, that Van Ostaeyen
spotted Saturday afternoon", whose name and day no fact checks.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import Config
from checker.match import normalize
from checker.formats import SourceMap
from checker.model import FactResult, Problem, SourceOrigin
from checker.report import origin_lines, source_entry
from checker.run import prepare, verify
from checker.sentences import Sentence, split_sentences
from checker.sources import SourceError, SourceInfo
from checker.suite import Suite

MONTHS = "January February March April May June July August September October November December"
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
DATE_WORD = re.compile(
    r"\b(?:"
    + "|".join(MONTHS.split() + WEEKDAYS.split())
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?= \d))\b"
)
# numbers written as words ('one' is left out: it is more often a pronoun, "as one can report")
NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|"
    r"thousands?|millions?|dozens?|scores|handful|couple)\b", re.IGNORECASE
)
CAPITALISED = re.compile(r"(?<![\w@#./])[A-Z][\w.’'+-]*")  # not in a link ("pic.twitter.com/IforByxBNe")
NOT_NAMES = frozenset({"I", "A", "An", "The"})
NUMBER = re.compile(r"(?<![^\W\d_])\d(?:[\d,.:/]*\d)?(?![^\W\d_])")  # not the digit of a word ("iBocq2cwrK")
WORD = re.compile(r"\w+")


@dataclass
class SourceCoverage:
    """One source's checkable sentences, split into cited, excepted (with the reason) and uncited."""

    name: str
    checkable: list[Sentence] = field(default_factory=list)
    cited: list[Sentence] = field(default_factory=list)
    excepted: list[tuple[Sentence, str]] = field(default_factory=list)
    uncited: list[Sentence] = field(default_factory=list)
    unused_exceptions: list[str] = field(default_factory=list)
    untaken: dict[Sentence, list[str]] = field(default_factory=dict)  # uncited but quoted in part: what no quote takes
    origin: SourceOrigin | None = None  # where it comes from, which of its text was read
    source_map: SourceMap | None = None  # text extracted from another format: where its sentences stand in the file

    def where(self, sentence: Sentence) -> str:
        """The sentence's line as a location: in the file's own lines (`p3:L7` in a PDF), not the extracted text's."""
        return self.source_map.label(sentence.start) if self.source_map else str(sentence.line)

    @property
    def percent(self) -> float:
        """Cited or excepted share of the checkable sentences, rounded down to one decimal (100 with none)."""
        if not self.checkable:
            return 100.0
        return math.floor(1000 * (len(self.cited) + len(self.excepted)) / len(self.checkable)) / 10


@dataclass
class Coverage:
    sources: list[SourceCoverage]
    problems: list[Problem]


def is_checkable(sentence: str, names: frozenset[str]) -> bool:
    """A number (in digits or words), a month or weekday, or a proper name: a capitalised word past the first,
    or a registered name."""
    return bool(checkable_tokens(sentence, names))


def checkable_tokens(sentence: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Where the sentence's checkable tokens stand, as [start, end) offsets into it: numbers (digits or words),
    months and weekdays, capitalised words past the first, registered names (the first word too)."""
    found = [m.span() for pattern in (NUMBER, NUMBER_WORD, DATE_WORD) for m in pattern.finditer(sentence)]
    first = WORD.search(sentence)
    for word in CAPITALISED.finditer(sentence):
        name = word.group().rstrip(".’'")
        if (first is None or word.start() != first.start()) and name not in NOT_NAMES:
            found.append((word.start(), word.start() + len(name)))
    plain = _plain(sentence)
    for name in names:
        found += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", plain)]
    return sorted(set(found))


def _plain(text: str) -> str:
    """Curly apostrophes made straight, so a registered name matches however it is typed."""
    return text.replace("’", "'").replace("‘", "'")


def registered_names(suite: Suite) -> frozenset[str]:
    """Every entity name and alias as written (case matters: the alias 'IS' is not the word 'is')."""
    names = set()
    for entity in suite.entities:
        for name in [entity.get("name"), *(entity.get("aliases") or [])]:
            if isinstance(name, str) and name.strip():
                names.add(_plain(name.strip()))
    return frozenset(names)


def cited_spans(results: list[FactResult]) -> dict[str, list[tuple[int, int]]]:
    """Original [start, end) spans of every citation and disputing quote that stands in its source."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for result in results:
        for cited in [*result.citations, *result.disputes]:
            if cited.ok:
                spans.setdefault(cited.citation.source, []).extend((s.start, s.end) for s in cited.match.spans)
    return spans


def is_cited(sentence: Sentence, spans: list[tuple[int, int]], names: frozenset[str]) -> bool:
    """Cited when quotes overlap the sentence and every checkable token of it stands inside a quoted span."""
    inside = [(max(start, sentence.start), min(end, sentence.end)) for start, end in spans]
    inside = [(lo, hi) for lo, hi in inside if hi > lo]
    if not inside:
        return False
    return all(any(lo <= sentence.start + start and sentence.start + end <= hi for lo, hi in inside)
               for start, end in checkable_tokens(sentence.text, names))


def untaken(sentence: Sentence, spans: list[tuple[int, int]], names: frozenset[str]) -> list[str]:
    """The sentence's checkable tokens no quoted span takes, as written (what a citation would still have to check)."""
    inside = [(max(start, sentence.start), min(end, sentence.end)) for start, end in spans]
    missing = [(start, end) for start, end in checkable_tokens(sentence.text, names)
               if not any(lo <= sentence.start + start and sentence.start + end <= hi for lo, hi in inside)]
    return [sentence.text[start:end] for start, end in missing  # each once: not "Van" beside "Van Ostaeyen"
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in missing)]


def exceptions_of(info: SourceInfo | None) -> list[tuple[str, str]]:
    """(sentence, reason) pairs from the source's `coverage_exceptions` in sources.yaml."""
    raw = info.raw.get("coverage_exceptions") if info is not None else None
    if not isinstance(raw, list):
        return []
    return [
        (item["sentence"], item["reason"])
        for item in raw
        if isinstance(item, dict) and "sentence" in item and "reason" in item
    ]


def source_coverage(
    name: str, text: str, spans: list[tuple[int, int]], names: frozenset[str], exceptions: list[tuple[str, str]]
) -> SourceCoverage:
    """Sort one source's checkable sentences into cited, excepted and uncited."""
    result = SourceCoverage(name)
    used: set[int] = set()
    for sentence in split_sentences(text):
        if not is_checkable(sentence.text, names):
            continue
        result.checkable.append(sentence)
        if is_cited(sentence, spans, names):
            result.cited.append(sentence)
            continue
        index = _exception_for(sentence, exceptions)
        if index is None:
            result.uncited.append(sentence)
            if any(min(end, sentence.end) > max(start, sentence.start) for start, end in spans):
                result.untaken[sentence] = untaken(sentence, spans, names)
        else:
            used.add(index)
            result.excepted.append((sentence, exceptions[index][1]))
    result.unused_exceptions = [e[0] for i, e in enumerate(exceptions) if i not in used]
    return result


def _exception_for(sentence: Sentence, exceptions: list[tuple[str, str]]) -> int | None:
    folded = normalize(sentence.text).text.strip()
    for index, (text, _reason) in enumerate(exceptions):
        if normalize(text).text.strip() == folded:
            return index
    return None


def measure(paths: list[Path], config: Config) -> Coverage:
    """Coverage of every text source under the sources root by the facts under `paths` (their quotes as verified)."""
    inputs = prepare(paths, config)
    results = verify(inputs)
    spans = cited_spans(results)
    names = registered_names(inputs.suite)
    library, problems = inputs.library, list(inputs.problems + inputs.suite.problems)
    problems += [problem for result in results for problem in result.problems]
    sources = []
    for name in library.names():
        try:
            document = library.document(name)
        except SourceError as error:
            problems.append(Problem(f"{library.display_root}/{name}", 1, 1, str(error)))
            continue
        sources.append(
            source_coverage(name, document.text, spans.get(name, []), names, exceptions_of(inputs.metadata.get(name)))
        )
        sources[-1].origin, sources[-1].source_map = library.origin(name), document.source_map
    return Coverage(sources, sorted(set(problems)))


def text_lines(coverage: Coverage, display_root: str, minimum: float, show_excepted: bool = False) -> list[str]:
    """The report: per source its percentage, then each uncited sentence as file:line; a summary last."""
    lines = [str(problem) for problem in coverage.problems]
    for source in coverage.sources:
        path = f"{display_root}/{source.name}"
        lines.append(
            f"{path}: {source.percent:.1f}% of {len(source.checkable)} checkable sentences "
            f"({len(source.cited)} cited, {len(source.excepted)} excepted, {len(source.uncited)} uncited)"
        )
        lines += [f"  {line}" for line in origin_lines(source_entry(source.origin) if source.origin else None)]
        lines += [f"  {path}:{source.where(s)}: uncited: {_short(s.text)}" + _untaken(source, s)
                  for s in source.uncited]
        if show_excepted:
            lines += [f"  {path}:{source.where(s)}: excepted ({reason}): {_short(s.text)}"
                      for s, reason in source.excepted]
        lines += [
            f"  {display_root}/sources.yaml: unused coverage exception for {path}: {_short(t)}"
            for t in source.unused_exceptions
        ]
    below = [s for s in coverage.sources if s.percent < minimum]
    lines.append(f"{len(coverage.sources)} sources, {len(below)} below {minimum:g}%")
    return lines


def _untaken(source: SourceCoverage, sentence: Sentence) -> str:
    """' (quoted, but no quote takes: Van Ostaeyen, Saturday)' for a sentence quoted only in part."""
    missing = source.untaken.get(sentence)
    return f" (quoted, but no quote takes: {', '.join(dict.fromkeys(missing))})" if missing else ""


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def exit_code(coverage: Coverage, minimum: float) -> int:
    """2 for input errors, 1 when a source is below the minimum or an exception is unused, else 0."""
    if coverage.problems:
        return 2
    if any(s.percent < minimum or s.unused_exceptions for s in coverage.sources):
        return 1
    return 0
