"""Validated fact files -> the suite: facts (each with its file:line), entities, rules, input problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from checker.limits import Limits, over
from checker.load import LoadedFile, Mapping, load_file, position_of
from checker.model import Citation, Dispute, Evidence, Fact, Problem, Selector, Verdict, Waiver
from checker.validate import schema_problems, top_level_problem


@dataclass
class Suite:
    """Everything the fact files declare, in file order."""

    facts: list[Fact] = field(default_factory=list)
    entities: list[Mapping] = field(default_factory=list)
    rules: list[Mapping] = field(default_factory=list)
    entity_kinds: list[str] = field(default_factory=list)  # the project's own kinds, declared under entity_kinds:
    problems: list[Problem] = field(default_factory=list)  # file-level: bad YAML, bad top level, bad entity/rule
    files: list[str] = field(default_factory=list)

    def cites_sources(self) -> bool:
        """Whether any valid fact quotes a source (else a run needs no sources root)."""
        return any(fact.citations or fact.disputes for fact in self.facts)


ProblemsOf = Callable[[LoadedFile], list[tuple[tuple[Any, ...], Problem]]]  # a file's schema problems, with paths


def read_suite(
    files: Iterable[tuple[Path, str]], limits: Limits = Limits(), problems_of: ProblemsOf | None = None,
    order: Callable[[list[LoadedFile]], list[LoadedFile]] | None = None,
    load: Callable[[Path, str, Limits], LoadedFile] = load_file,
) -> Suite:
    """Load and validate each (path, display name) within `limits`; then check ids across the whole suite.
    `problems_of` gives a file's schema problems (default: validated here; checker.schema_cache keeps them), asked
    first in `order` when given (a pytest-xdist worker's share first: the workers validate a share each); `load`
    loads a file (checker.load_cache keeps what it loaded)."""
    suite = Suite()
    loaded = [load(path, name, limits) for path, name in files]
    if problems_of is not None and order is not None:
        for file in order(loaded):
            if file.data is not None and not top_level_problem(file.data, file.file):
                problems_of(file)
    for file in loaded:
        add_file(suite, file, limits, problems_of)
    mark_duplicate_ids(suite.facts)
    return suite


def add_file(
    suite: Suite, loaded: LoadedFile, limits: Limits = Limits(), problems_of: ProblemsOf | None = None
) -> None:
    suite.files.append(loaded.file)
    suite.problems.extend(loaded.problems)
    if loaded.data is None:
        return
    problem = top_level_problem(loaded.data, loaded.file)
    if problem:
        suite.problems.append(problem)
        return
    by_fact: dict[int, list[Problem]] = {}
    for path, found in problems_of(loaded) if problems_of else schema_problems(loaded.data, loaded.file):
        if len(path) >= 2 and path[0] == "facts" and isinstance(path[1], int):
            by_fact.setdefault(path[1], []).append(found)
        else:
            suite.problems.append(found)
    facts = loaded.data.get("facts")
    if isinstance(facts, list):
        for index, raw in enumerate(facts):
            line = position_of(loaded.data, ("facts", index))[0]
            problems = by_fact.get(index, []) or list(_quote_length_problems(raw, loaded.file, limits))
            suite.facts.append(build_fact(raw, loaded.file, index, problems, line))
    entities = _mappings(loaded.data.get("entities"))
    if len(suite.entities) + len(entities) > limits.max_entities:
        line = position_of(loaded.data, ("entities",))[0]
        suite.problems.append(Problem(loaded.file, line, 1, over(
            "entities declared in the suite", len(suite.entities) + len(entities), "max_entities",
            limits.max_entities, "split the project, or raise the limit")))
        entities = entities[: max(0, limits.max_entities - len(suite.entities))]
    suite.entities.extend(entities)
    suite.rules.extend(_mappings(loaded.data.get("rules")))
    kinds = loaded.data.get("entity_kinds")
    if isinstance(kinds, list):
        suite.entity_kinds.extend(kind for kind in kinds if isinstance(kind, str))


def _quote_length_problems(raw: Any, file: str, limits: Limits) -> Iterable[Problem]:
    """A quote over max_quote_chars is refused before it is aligned (aligning takes time with its length)."""
    if not isinstance(raw, Mapping):
        return
    for key in ("citations", "disputed_by"):
        quoted = raw.get(key)
        for item in quoted if isinstance(quoted, list) else ():
            quote = item.get("quote") if isinstance(item, Mapping) else None
            if isinstance(quote, str) and len(quote) > limits.max_quote_chars:
                line, column = item.key_positions["quote"]
                yield Problem(file, line, column, over(
                    "quote length in characters", len(quote), "max_quote_chars", limits.max_quote_chars,
                    "quote the passage that proves the claim, or cite it in several shorter quotes"))


def _mappings(items: Any) -> list[Mapping]:
    return [item for item in items if isinstance(item, Mapping)] if isinstance(items, list) else []


def build_fact(raw: Any, file: str, index: int, problems: list[Problem], line: int) -> Fact:
    """A Fact from its mapping (at `line`); a fact with schema problems keeps them and is not located."""
    if not isinstance(raw, Mapping):
        return Fact(id=f"#{index + 1}", claim="", file=file, line=line, citations=[], problems=problems, index=index)
    fact_id = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else f"#{index + 1}"
    problems = problems + ([] if problems else list(_selector_problems(raw, file)))
    citations = [] if problems else [build_citation(c, file) for c in raw.get("citations", [])]
    disputes = [] if problems else [build_dispute(d, file) for d in raw.get("disputed_by", [])]
    return Fact(
        id=fact_id,
        claim=raw.get("claim", "") if isinstance(raw.get("claim"), str) else "",
        file=file,
        line=line,
        citations=citations,
        strict=raw.get("strict") if isinstance(raw.get("strict"), bool) else None,
        problems=list(problems),
        index=index,
        disputes=disputes,
        **({} if problems else structured_keys(raw)),
        lines={key: raw.line_of(key) for key in raw.key_positions},
    )


def structured_keys(raw: Mapping) -> dict[str, Any]:
    """The keys rules read, typed (the schema has checked them: only facts without problems get here)."""
    return {
        "about": raw.get("about"),
        "property": raw.get("property"),
        "value": raw.get("value"),
        "requires_sources": raw.get("requires_sources"),
        "independence": raw.get("independence"),
        "numbers_not_stated": tuple(raw.get("numbers_not_stated", ())),
        "waivers": [build_waiver(w) for w in raw.get("waive", [])],
        "attributed_to": _ids(raw.get("attributed_to")),
        "verdict": build_verdict(raw.get("verdict"), raw.line_of("verdict")),
    }


def _ids(raw: Any) -> tuple[str, ...]:
    """One id or a list of them, as a tuple ('' or None: none)."""
    return (raw,) if isinstance(raw, str) else tuple(raw or ())


def build_verdict(raw: Any, line: int) -> Verdict | None:
    """A `verdict:` (schema-checked): its rating, each piece of evidence with its line, the note."""
    if not isinstance(raw, Mapping):
        return None
    evidence = tuple(
        Evidence(quote=item["quote"], line=item.line, source=item.get("source"), url=item.get("url"),
                 accessed=item.get("accessed"))
        for item in raw.get("evidence", []) if isinstance(item, Mapping)
    )
    rating = "false" if raw["rating"] is False else raw["rating"]  # `rating: false` is YAML's boolean
    return Verdict(rating=rating, evidence=evidence, line=line, note=raw.get("note"))


def build_waiver(raw: Mapping) -> Waiver:
    """A `waive:` entry: the rule, the token or value it names, the reason."""
    return Waiver(rule=raw["rule"], token=raw.get("token"), value=raw.get("value"), reason=raw["reason"],
                  line=raw.line_of("rule"))


def build_citation(raw: Mapping, file: str) -> Citation:
    return Citation(
        source=raw["source"],
        quote=raw["quote"],
        file=file,
        line=raw.line_of("quote"),
        strict=raw.get("strict"),
        selector=build_selector(raw),
        source_line=raw.line_of("source"),
        source_column=raw.key_positions.get("source", (0, 1))[1],
    )


def _selector_problems(raw: Mapping, file: str):
    """A line range must run forwards: `lines: [40, 30]` pins nothing."""
    for quoted in list(raw.get("citations", [])) + list(raw.get("disputed_by", [])):
        lines = quoted.get("lines")
        if isinstance(lines, list) and len(lines) == 2 and lines[0] > lines[1]:
            line, column = quoted.key_positions["lines"]
            yield Problem(file, line, column, f"'lines': {list(lines)} runs backwards: write [{lines[1]}, {lines[0]}]")


def build_dispute(raw: Mapping, file: str) -> Dispute:
    """A `disputed_by` entry: the other source's quote (checked like a citation), what it says, the resolution."""
    return Dispute(
        citation=build_citation(raw, file), says=raw["says"], resolution=raw["resolution"], line=raw.line_of("source"),
        verdict=build_verdict(raw.get("verdict"), raw.line_of("verdict")),
    )


def build_selector(raw: Mapping) -> Selector | None:
    """The citation's optional locator: a line or line range, prefix/suffix context."""
    lines = raw.get("lines")
    if isinstance(lines, int):
        lines = (lines, lines)
    elif isinstance(lines, list):
        lines = (lines[0], lines[1])
    if lines is None and "prefix" not in raw and "suffix" not in raw:
        return None
    return Selector(lines=lines, prefix=raw.get("prefix"), suffix=raw.get("suffix"))


def mark_duplicate_ids(facts: list[Fact]) -> None:
    """An id names one fact across the whole suite; later duplicates get a problem."""
    first: dict[str, Fact] = {}
    for fact in facts:
        if fact.id.startswith("#"):
            continue
        if fact.id in first:
            where = first[fact.id]
            line = fact.line_of("id")
            fact.problems.append(
                Problem(
                    fact.file, line, 1,
                    f"duplicate id '{fact.id}' (first at {where.file}:{where.line}): give this fact its own id",
                )
            )
        else:
            first[fact.id] = fact
