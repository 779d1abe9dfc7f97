"""Facts -> FactResults: every citation (and every disputing quote) located in its source, one source at a time, each
result taken from the cache (checker.cache) when nothing it depends on has changed; a failing quote is looked for
in the other sources through the library's word index (checker.index)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Callable

from checker.cache import (
    Cache, citation_key, digest, found_in_from_json, found_in_to_json, index_from_json, index_to_json, match_from_json,
    match_to_json, search_fingerprint,
)
from checker.index import SourceIndex
from checker.match import MatchOptions, contains, locate, options_for
from checker.once import once
from checker.model import Citation, CitationResult, Fact, FactResult, Match, Problem, Span
from checker.sources import Library, SourceError
from checker.word_pairs import WORTH_PAIRS, may_hold, required_pairs

CITATIONS, DISPUTES = "citations", "disputes"
LOCATED, INDEX = "located", "index"  # the cache's kinds: a source's located citations, the library's word index
ELSEWHERE = "elsewhere"  # the cache's kind for where failing quotes stand in one worker's share of the library

Job = tuple[Fact, str, int, Citation]  # a quote to locate: its fact, CITATIONS or DISPUTES, its position there


@dataclass(frozen=True)
class Share:
    """The order this process locates sources in, as worker `number` of `count` (pytest-xdist): first its own
    count-th of the sorted sources, then the others' from the far end back, so that it meets each other worker
    head-on. Workers sharing a cache check it before each source and write each source's results when done, so
    each locates about 1/count of the sources and reads the rest, and every worker still ends with every result."""

    number: int = 0
    count: int = 1

    def order(self, sources: list[str]) -> list[str]:
        if not 0 <= self.number < self.count:
            return sources
        start, end = self._bounds(sources)
        return sources[start:end] + sources[:start][::-1] + sources[end:][::-1]

    def own(self, sources: list[str]) -> list[str]:
        """This worker's count-th of the sorted sources: where it also looks for failing quotes' other sources."""
        if not 0 <= self.number < self.count:
            return sources
        start, end = self._bounds(sources)
        return sources[start:end]

    def _bounds(self, sources: list[str]) -> tuple[int, int]:
        return len(sources) * self.number // self.count, len(sources) * (self.number + 1) // self.count


def verify_facts(
    facts: list[Fact], library: Library, options: MatchOptions, cache: Cache | None = None, share: Share = Share(),
    others_done: Callable[[], None] | None = None,
) -> list[FactResult]:
    """Locate every quote of every valid fact, grouped by source so each document is read and normalized once
    (and not at all when the cache holds all of its results). A worker sharing the work (`share`) looks for the
    other sources of the failing quotes of its own share first, then takes the other workers' answers from the
    cache (after `others_done` returns, when given), looking itself only for those not there."""
    groups = by_source(facts)
    elsewhere = Elsewhere(library, options, cache)
    verdicts, pending = locate_share(groups, library, options, cache, share)
    answered = elsewhere.search(pending, share, others_done)
    for item, found_in in answered:
        verdicts[item.job] = CitationResult(item.citation, item.match, found_in=found_in,
                                            message=explain(item.citation, item.match, found_in))
    results = {fact: FactResult(fact, citations=[], problems=list(fact.problems)) for fact in facts}
    for jobs in groups.values():  # in the sources' order, whichever order they were located in
        for fact, kind, index, citation in jobs:
            verdict = verdicts[fact, kind, index]
            getattr(results[fact], kind).append((index, verdict))
            if verdict.match.status == "missing-source":
                results[fact].problems.append(
                    Problem(citation.file, citation.source_line, citation.source_column, verdict.message)
                )
    for result in results.values():
        result.citations = [verdict for _, verdict in sorted(result.citations, key=lambda item: item[0])]
        result.disputes = [verdict for _, verdict in sorted(result.disputes, key=lambda item: item[0])]
    return [results[fact] for fact in facts]


def locate_share(
    groups: dict[str, list[Job]], library: Library, options: MatchOptions, cache: Cache | None, share: Share
) -> tuple[dict[tuple[Fact, str, int], CitationResult], list[Pending]]:
    """Every source's quotes located (or read from the cache), in the order of the worker's share: the verdicts,
    and the failing quotes whose other sources are still to be searched."""
    verdicts: dict[tuple[Fact, str, int], CitationResult] = {}
    pending: list[Pending] = []
    for source in share.order(list(groups)):
        located, failing = verify_source(source, groups[source], library, options, cache)
        verdicts.update(located)
        pending += failing
    return verdicts, pending


def by_source(facts: list[Fact]) -> dict[str, list[Job]]:
    grouped: dict[str, list[Job]] = {}
    for fact in facts:
        if fact.problems:
            continue
        quoted = [(CITATIONS, i, c) for i, c in enumerate(fact.citations)]
        quoted += [(DISPUTES, i, d.citation) for i, d in enumerate(fact.disputes)]
        for kind, index, citation in quoted:
            grouped.setdefault(citation.source, []).append((fact, kind, index, citation))
    return dict(sorted(grouped.items()))


@dataclass
class Pending:
    """A failing quote whose other sources are still to be searched (after every source is located, all at once);
    `entry` is its cache entry, under `key` in the results of `source` located at `digest`."""

    job: tuple[Fact, str, int]
    citation: Citation
    match: Match
    source: str
    digest: str
    key: str
    entry: dict[str, Any]


def verify_source(
    source: str, jobs: list[Job], library: Library, options: MatchOptions, cache: Cache | None
) -> tuple[dict[tuple[Fact, str, int], CitationResult], list[Pending]]:
    """The verdicts of every quote cited from one source, from the cache where it has them; what was located anew
    is written back, under the digest of the very text it was located in. A failing quote's verdict is left to the
    search of the other sources: it is returned as Pending."""
    try:
        digest = library.digest(source)
    except SourceError as error:
        return {(fact, kind, index): missing(citation, error) for fact, kind, index, citation in jobs}, []
    stored = cache.read(LOCATED, digest) if cache else None
    stored = stored if isinstance(stored, dict) else {}
    fresh: dict[str, Any] = {}
    verdicts, pending = {}, []
    for fact, kind, index, citation in jobs:
        said = citation.strict is not None or fact.strict is not None  # else the project's, as options_for says
        resolved = options_for(options, citation.strict, fact.strict) if said else options
        key = citation_key(citation, resolved, options)
        entry = stored.get(key) if isinstance(stored.get(key), dict) else {}
        match = match_from_json(entry.get("match"))
        if match is None:
            try:
                match = locate(citation.quote, library.document(source), resolved, citation.selector)
            except SourceError as error:  # gone or changed since its digest was taken
                verdicts[fact, kind, index] = missing(citation, error)
                continue
            entry = fresh[key] = {"match": match_to_json(match)}
        if not match.ok and match.status != "too-short":
            pending.append(Pending((fact, kind, index), citation, match, source, digest, key, entry))
            continue
        verdicts[fact, kind, index] = CitationResult(citation, match, message=explain(citation, match, None))
    if cache and fresh:
        now = library.digest(source)
        cache.write(LOCATED, now, {**(stored if now == digest else {}), **fresh})
    return verdicts, pending


def missing(citation: Citation, error: SourceError) -> CitationResult:
    """A citation whose source cannot be used: the fact's input error (verify_facts adds it to the fact's problems)."""
    return CitationResult(citation, Match(status="missing-source", ok=False, score=0.0), message=str(error))


class Elsewhere:
    """Where failing quotes do stand: the library's word index, built (or read from the cache) the first time a quote
    fails and kept for the run, and each candidate it names confirmed with `contains`."""

    def __init__(self, library: Library, options: MatchOptions, cache: Cache | None) -> None:
        self.library, self.options, self.cache = library, options, cache

    def search(
        self, pending: list[Pending], share: Share, others_done: Callable[[], None] | None = None,
        only_own: bool = False,
    ) -> list[tuple[Pending, tuple[str, Span] | None]]:
        """Where each failing quote does stand (None: nowhere else), written back to the cache. Workers sharing the
        work divide the library instead of the quotes: each looks for every failing quote in its own N-th of the
        library (the documents it has just located in), the others' N-ths searched by their owners, or by the first
        worker to come to them, once in all (checker.once), and read from the cache (after `others_done` returns,
        when given). Each quote then gets the first source holding it, in the library's order."""
        if not pending:
            return []  # nothing to look for: the library is not even listed (sources = "/" lists a whole machine)
        if share.count == 1 or not self.cache:
            return self.answer(pending)
        cached = [self._cached(item) for item in pending]
        open_items = sorted((item for item, answer in zip(pending, cached) if answer is False), key=_identity)
        found_by_share = {share.number: self._search_share(open_items, share)} if open_items else {}
        if only_own:
            return []
        if others_done is not None:
            others_done()
        for number in range(share.count):
            if open_items and number != share.number:
                found_by_share[number] = self._search_share(open_items, Share(number, share.count))
        shares_found = [found for _, found in sorted(found_by_share.items())]
        firsts = {_identity(item): next((found[i] for found in shares_found if found[i]), None)
                  for i, item in enumerate(open_items)}
        answers = [firsts[_identity(item)] if answer is False else answer for item, answer in zip(pending, cached)]
        return self._answered(pending, answers)

    def _search_share(self, open_items: list[Pending], share: Share) -> list[tuple[str, Span] | None]:
        """Where each of the (sorted) open items first stands in `share`'s N-th of the library: searched by the first
        process to need it, once in all (checker.once), the others reading its answers from the cache."""
        allowed = set(share.own(self.index.names))
        key = digest(ELSEWHERE, self.library_digest, share.number, share.count, [_identity(i) for i in open_items])
        return once(self.cache, ELSEWHERE, key, lambda: self._first_in(open_items, allowed), _found_to_json,
                    partial(_found_from_json, len(open_items)))

    def answer(self, pending: list[Pending]) -> list[tuple[Pending, tuple[str, Span] | None]]:
        """Each failing quote with where it does stand (None: nowhere else), written back to the cache: the cache
        entry's answer when it was found in this very library, else searched for all together."""
        answers = [self._cached(item) for item in pending]
        searched = iter(self._first_in([item for item, answer in zip(pending, answers) if answer is False], None))
        return self._answered(pending, [next(searched) if answer is False else answer for answer in answers])

    def _answered(
        self, pending: list[Pending], found: list[tuple[str, Span] | None]
    ) -> list[tuple[Pending, tuple[str, Span] | None]]:
        """The answers put in the items' cache entries, and those that changed written back (a warm run's answers
        all came from the entries: nothing is read or written again)."""
        library = self.library_digest if self.cache else None
        changed = []
        for item, found_in in zip(pending, found):
            elsewhere = {"library": library, "found_in": found_in_to_json(found_in)}
            if item.entry.get("elsewhere") != elsewhere:
                item.entry = {**item.entry, "elsewhere": elsewhere}
                changed.append(item)
        self.write_back(changed)
        return list(zip(pending, found))

    def _cached(self, item: Pending) -> tuple[str, Span] | None | bool:
        """The item's answer when its cache entry has one for this very library, else False."""
        stored = item.entry.get("elsewhere")
        if self.cache and isinstance(stored, dict) and stored.get("library") == self.library_digest:
            return found_in_from_json(stored.get("found_in"))
        return False

    def _first_in(self, pending: list[Pending], allowed: set[str] | None) -> list[tuple[str, Span] | None]:
        """For each quote, the first source (of `allowed`, or of all) the index names for it and `contains` confirms,
        in the library's order: each candidate source opened once for every quote naming it (and, when many do, the
        quotes it cannot hold ruled out by their pairs of adjacent words first: checker.word_pairs)."""
        answers: list[tuple[str, Span] | None] = [None] * len(pending)
        needed: dict[str, frozenset[tuple[str, str]]] = {}

        def pairs_needed(number: int) -> frozenset[tuple[str, str]]:
            quote = pending[number].citation.quote
            if quote not in needed:
                needed[quote] = required_pairs(quote)
            return needed[quote]

        wanted: dict[str, list[int]] = {}
        for number, item in enumerate(pending):
            for name in self.index.candidates(item.citation.quote):
                if name != item.citation.source and (allowed is None or name in allowed):
                    wanted.setdefault(name, []).append(number)
        for name in self.index.names if wanted else ():
            open_quotes = [number for number in wanted.get(name, ()) if answers[number] is None]
            if not open_quotes:
                continue
            try:
                other = self.library.document(name)
            except SourceError:
                continue
            if len(open_quotes) >= WORTH_PAIRS:
                open_quotes = may_hold(other, [(number, pairs_needed(number)) for number in open_quotes])
            found: dict[str, tuple[str, Span] | None] = {}  # a quote cited twice is looked for once
            for number in open_quotes:
                quote = pending[number].citation.quote
                if quote not in found:
                    match = contains(quote, other, self.options)
                    found[quote] = (name, match.spans[0]) if match is not None else None
                answers[number] = found[quote]
        return answers

    def write_back(self, pending: list[Pending]) -> None:
        """Each source's entries with where their failing quotes stand, for the next run."""
        if not self.cache:
            return
        by_source: dict[tuple[str, str], dict[str, Any]] = {}
        for item in pending:
            by_source.setdefault((item.source, item.digest), {})[item.key] = item.entry
        for (source, located_at), entries in sorted(by_source.items()):
            if self._digest_now(source) != located_at:
                continue  # changed since it was located: its entries are not for the text it has now
            stored = self.cache.read(LOCATED, located_at)
            stored = stored if isinstance(stored, dict) else {}
            if any(stored.get(key) != entry for key, entry in entries.items()):
                self.cache.write(LOCATED, located_at, {**stored, **entries})

    def _digest_now(self, source: str) -> str | None:
        try:
            return self.library.digest(source)
        except SourceError:
            return None

    @cached_property
    def library_digest(self) -> str:
        """A hash of the library's contents (every source's name and bytes, unreadable ones by their error) and of the
        code that narrows the search in it (checker.cache.search_fingerprint)."""
        whole = hashlib.sha256(f"{search_fingerprint()}\n".encode())
        for name in self.library.names():
            try:
                whole.update(f"{name}\0{self.library.digest(name)}\n".encode(errors="surrogatepass"))
            except SourceError as error:
                whole.update(f"{name}\0!{error}\n".encode(errors="surrogatepass"))
        return whole.hexdigest()

    @cached_property
    def index(self) -> SourceIndex:
        """The library's word index: built once across the processes sharing the cache (checker.once), and read
        from it while the library is unchanged."""
        names = self.library.names()

        def build() -> SourceIndex:
            return SourceIndex.build((name, self._text(name)) for name in names)

        if not self.cache:
            return build()

        def load(stored: Any) -> SourceIndex | None:
            index = index_from_json(stored)
            return index if index is not None and index.names == names else None

        return once(self.cache, INDEX, self.library_digest, build, index_to_json, load)

    def _text(self, name: str) -> str | None:
        try:
            return self.library.text(name, keep=False)
        except SourceError:
            return None


def find_elsewhere(
    citation: Citation, library: Library, options: MatchOptions, index: SourceIndex | None = None
) -> tuple[str, Span] | None:
    """Another source in the library where the quote does stand, as (name, span), or None: the first in the library's
    order. With an index, only the sources it names as candidates are read; without, every source is."""
    names = library.names() if index is None else index.candidates(citation.quote)
    for name in names:
        if name == citation.source:
            continue
        try:
            other = library.document(name)
        except SourceError:
            continue
        match = contains(citation.quote, other, options)
        if match is not None:
            return name, match.spans[0]
    return None


def explain(citation: Citation, match: Match, found_in: tuple[str, Span] | None) -> str:
    """One line an editor can act on; empty for a clean pass."""
    parts = list(match.differences)
    if match.moved:
        parts.append(match.moved)
    if not parts and not match.ok:
        where = f"{citation.source}:{match.spans[0].line}" if match.spans else citation.source
        parts.append(f"{match.status} at {where}")
    if found_in is not None:
        name, span = found_in
        parts.append(f"the quote is not in {citation.source} but was found in {name}:{span.line}")
    return "; ".join(parts)


def _identity(item: Pending) -> str:
    """A failing quote as every worker names it: its source, the source's digest and its cache key."""
    return f"{item.source}\0{item.digest}\0{item.key}"


def _found_to_json(found: list[tuple[str, Span] | None]) -> list[Any]:
    return [found_in_to_json(each) for each in found]


def _found_from_json(count: int, stored: Any) -> list[tuple[str, Span] | None] | None:
    """A share's answers as stored (`count` of them), or None when the entry is not exactly that."""
    if not isinstance(stored, list) or len(stored) != count:
        return None
    found = [found_in_from_json(each) for each in stored]
    return None if any(each is False for each in found) else found
