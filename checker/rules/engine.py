"""The rule engine: registration, declarations (checked, scoped), the shared context, findings -> RuleResults.

A rule kind is a generator `kind(ctx, spec)` that yields Findings. The engine adds the rule's name,
severity and every fact's file:line, matches findings against acknowledged disputes, and turns a
bad declaration into an input error at its file:line.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator

from checker.load import Mapping, Sequence
from checker.model import CitationResult, Dispute, Fact, FactResult, Location, Problem, RuleResult
from checker.rules import waivers as waiving
from checker.rules.evidence import backs
from checker.sentences import around, window
from checker.values import BadValue, Value, agree, parse_published, read_value

SEVERITIES = ("error", "warning")
BEFORE = 60  # lines above a quote that ctx.before reads (a heading, the person a pronoun stands for)
NEAR = 25  # characters of the text either side of a quote that ctx.near reads (where a hedge may stand)
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Ii]ts|[Tt]hey|[Tt]heir|[Hh]is|[Hh]er|[Tt]his)\b")
COMMON_KEYS = {"kind", "id", "severity", "note"}
SCOPE_KEYS = {"facts": "facts", "about": "entities", "properties": "properties"}


# ---- registration -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A registered rule kind: its function, parameters (name -> type), which are required, and whether it runs
    undeclared."""

    name: str
    check: Callable[["Context", "Spec"], Iterable["Finding"]]
    params: dict[str, str]
    required: tuple[str, ...] = ()
    always: bool = False
    severity: str = "error"


def rule(name: str, *, params: dict[str, str] | None = None, required: tuple[str, ...] = (), always: bool = False,
         severity: str = "error"):
    """Mark a function as the rule kind `name`; checker/rules/__init__.py lists every kind in one place.

    Parameter types: fact, facts, entities, properties, days (a whole number >= 0), int (a whole number >= 1),
    percent (0-100). schema/facts.schema.json describes each kind's parameters the same way (a test compares them).
    `facts`, `about` and `properties` scope any rule to a subset of the facts. `severity` is the kind's default
    (a declaration may change it).
    """

    def mark(function):
        function.kind = Kind(name, function, {**SCOPE_KEYS, **(params or {})}, required, always, severity)
        return function

    return mark


# ---- what rules see and yield -----------------------------------------------------------------


@dataclass
class Side:
    """One side of a disagreement: a fact holding a value, from these sources (for matching disputes)."""

    fact: Fact
    value: Value | None
    sources: tuple[str, ...] = ()


@dataclass
class Finding:
    """What a rule flags. The engine adds the rule name and each fact's file:line."""

    message: str
    facts: list[Fact]
    locations: list[Location] = field(default_factory=list)
    severity: str | None = None  # overrides the rule's own, e.g. a warning from an error rule
    sides: list[Side] = field(default_factory=list)  # when set, a dispute on one fact can acknowledge the other side
    dispute: "DisputeInfo | None" = None  # a dispute's own entry: passes, listed with its resolution
    advice: str = ""  # what to do, appended unless a dispute acknowledges the finding
    tokens: tuple[str, ...] = ()  # what it is about, as a waiver names it: 'License', 'Nearly 6,000', '2019-11-30'
    unchecked: bool = False  # the rule could not check these facts: a waiver for them is not stale


@dataclass
class Spec:
    """One rule as it runs: its name (id or kind), parameters, the facts in scope, its declaration."""

    name: str
    kind: Kind
    params: dict[str, Any]
    facts: list[Fact]
    severity: str
    declaration: Mapping | None = None


@dataclass(eq=False)
class DisputeInfo:
    fact: Fact
    dispute: Dispute
    says: Value | None
    result: CitationResult | None
    error: str = ""
    stale: str = ""  # why the acknowledgement no longer holds; "" while it does


@dataclass
class Context:
    """The suite as rules see it: valid facts with their parsed values, entities, sources metadata."""

    facts: list[Fact]
    results: dict[Fact, FactResult]
    entities: dict[str, Mapping]
    entity_list: list[Mapping]
    metadata: dict[str, Any]
    sources_display: str
    entity_kinds: set[str] = field(default_factory=set)  # declared under entity_kinds: beside the usual ones
    values: dict[Fact, Value] = field(default_factory=dict)
    value_errors: dict[Fact, str] = field(default_factory=dict)
    disputes: list[DisputeInfo] = field(default_factory=list)
    support: dict[Fact, CitationResult] = field(default_factory=dict)  # the citation whose quote backs the value
    acknowledged: set[DisputeInfo] = field(default_factory=set)  # the disputes that acknowledged a finding
    waivers: list[waiving.Pending] = field(default_factory=list)
    running: set[str] = field(default_factory=set)  # the names and kinds of the rules that run (a waiver names one)
    kinds: set[str] = field(default_factory=set)  # every registered kind
    library: Any = None  # the sources (checker.sources.Library): the text around a located quote
    excerpts: dict[int, tuple[int, str]] | None = None  # id(citation) -> (offset, the text sentence/near read)

    def each(self, facts: Iterable[Fact], check: Callable[[Fact], Iterable["Finding"]]) -> Iterator["Finding"]:
        """`check(fact)`'s findings for each fact; a fact it fails on gets a finding saying why, and the rest
        are still checked."""
        for fact in facts:
            yield from self.guard([fact], lambda: check(fact))

    def guard(self, facts: list[Fact], check: Callable[[], Iterable["Finding"]]) -> list["Finding"]:
        """`check()`'s findings, or, when it fails, one finding on `facts` saying they could not be checked and why."""
        try:
            return list(check())
        except Exception as error:  # a bug on one fact must not hide the others' results
            return [could_not_check(facts, error)]

    @property
    def by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def value(self, fact: Fact) -> Value | None:
        return self.values.get(fact)

    def disputes_of(self, fact: Fact) -> list[DisputeInfo]:
        return [info for info in self.disputes if info.fact is fact] if fact.disputes else []

    def published(self, source: str) -> date | None:
        info = self.metadata.get(source)
        return parse_published(getattr(info, "published", None)) if info is not None else None

    def citations(self, fact: Fact) -> list[CitationResult]:
        result = self.results.get(fact)
        return result.citations if result else []

    def text(self, source: str) -> str | None:
        """The source's original text (the offsets of located spans index it), or None when it cannot be read."""
        try:
            if hasattr(self.library, "text"):  # not normalized: a warm run (checker/cache.py) normalizes nothing
                return self.library.text(source)
            return self.library.document(source).text
        except Exception:  # no library (rule tests), or a missing source the citation already reports
            return None

    def sentence(self, cited: CitationResult, antecedent: bool = False) -> str:
        """The sentences of the source a located quote stands in (the quote itself when it was not located);
        with `antecedent`, the sentence before too when they open with or hold a pronoun ("It was launched…")."""
        text, offset = self.excerpt(cited) if cited.ok and cited.match.spans else (None, 0)
        if text is None:
            return cited.citation.quote
        spans = cited.match.spans
        start, end = spans[0].start - offset, spans[-1].end - offset
        sentences = window(text, start, end, spans[0].line)
        found = around(sentences, start, end)
        if antecedent and found and PRONOUN.search(" ".join(s.text for s in found)):
            first = sentences.index(found[0])
            found = sentences[max(first - 1, 0):first] + found
        return " ".join(s.text for s in found) or cited.citation.quote

    def near(self, cited: CitationResult) -> str:
        """The quote with up to NEAR characters of its sentence either side (the quote as cited when it was not
        located)."""
        text, offset = self.excerpt(cited) if cited.match.spans else (None, 0)
        if text is None:
            return cited.citation.quote
        start, end = cited.match.spans[0].start - offset, cited.match.spans[-1].end - offset
        before = re.split(r"[.!?]\s|\n", text[max(start - NEAR, 0):start])[-1]
        after = re.split(r"[.!?](?:\s|$)|\n", text[end:end + NEAR])[0]
        return before + text[start:end] + after

    def excerpt(self, cited: CitationResult) -> tuple[str | None, int]:
        """The text `sentence` and `near` read around a located quote, and its offset in the source's text: taken
        for every located quote at once, source by source (each text read once, not once per quote in the facts'
        order, which a library larger than the texts it keeps would read again and again)."""
        if self.excerpts is None:
            self.excerpts = self._excerpts()
        found = self.excerpts.get(id(cited))
        if found is None:
            return self.text(cited.citation.source), 0
        return found[1], found[0]

    def _excerpts(self) -> dict[int, tuple[int, str]]:
        by_source: dict[str, list[CitationResult]] = {}
        for result in self.results.values():
            for cited in [*result.citations, *result.disputes]:
                if cited.match.spans:
                    by_source.setdefault(cited.citation.source, []).append(cited)
        excerpts = {}
        for source in sorted(by_source):
            text = self.text(source)
            if text is None:
                continue
            for cited in by_source[source]:
                lo, hi = _read_around(text, cited.match.spans[0].start, cited.match.spans[-1].end)
                excerpts[id(cited)] = (lo, text[lo:hi])
        return excerpts

    def before(self, cited: CitationResult) -> str:
        """The source's text before a located quote, back to at most BEFORE lines above it ('' when it was not
        located): where a heading or the person a pronoun stands for is looked for, in time bounded per quote."""
        text = self.text(cited.citation.source) if cited.ok and cited.match.spans else None
        if text is None:
            return ""
        start = cited.match.spans[0].start
        lo = start
        for _ in range(BEFORE):
            lo = text.rfind("\n", 0, max(lo - 1, 0))
            if lo < 0:
                return text[:start]
        return text[lo + 1:start]

    def source_path(self, source: str) -> str:
        return f"{self.sources_display}/{source}"

    def quote_where(self, fact: Fact, cited: CitationResult) -> str:
        """'facts/a.yaml:9 (seeds/000.txt:12)': the quote in the fact file and where it stands in the source."""
        span = cited.match.spans[0] if cited.match.spans and cited.ok else None
        source = (
            f"{self.source_path(cited.citation.source)}:{span.line}"
            if span
            else self.source_path(cited.citation.source)
        )
        return f"{fact.file}:{cited.citation.line} ({source})"

    def quote_locations(self, fact: Fact, cited: CitationResult, what: str = "quote") -> list[Location]:
        found = [Location(fact.file, cited.citation.line, fact.id, what)]
        if cited.match.spans and cited.ok:
            found.append(
                Location(self.source_path(cited.citation.source), cited.match.spans[0].line, fact.id, "source")
            )
        return found

    def evidence(self, fact: Fact) -> tuple[str, list[Location]]:
        """How a fact's value is backed, for messages: 'facts/a.yaml:5, quote facts/a.yaml:9 (seeds/000.txt:12)'."""
        cited = self.support.get(fact) or next(iter(self.citations(fact)), None)
        text = f"{fact.file}:{fact.line_of('value')}"
        locations = [Location(fact.file, fact.line_of("value"), fact.id, "value")]
        if cited is not None:
            text += f", quote {self.quote_where(fact, cited)}"
            locations += self.quote_locations(fact, cited)
        return text, locations


def build_context(suite, fact_results: list[FactResult], library, metadata) -> Context:
    facts = [result.fact for result in fact_results if not result.fact.problems]
    entities: dict[str, Mapping] = {}
    for entity in suite.entities:
        if isinstance(entity.get("id"), str):
            entities.setdefault(entity["id"], entity)
    ctx = Context(
        facts=facts,
        results={result.fact: result for result in fact_results},
        entities=entities,
        entity_list=list(suite.entities),
        entity_kinds=set(getattr(suite, "entity_kinds", ())),
        metadata=metadata or {},
        sources_display=getattr(library, "display_root", "seeds"),
        library=library,
    )
    ctx.waivers = waiving.pending(facts)
    for fact in facts:
        _read_fact_values(ctx, fact)
        _find_support(ctx, fact)
    for info in ctx.disputes:
        info.stale = staleness(ctx, info)
    return ctx


def staleness(ctx: Context, info: DisputeInfo) -> str:
    """Why a dispute no longer records a live disagreement, or ''."""
    source = info.dispute.citation.source
    if info.error:
        return f"'says' cannot be read: {info.error}"
    value = ctx.value(info.fact)
    if value is not None and agree(info.says, value):
        return f"{source} says {info.says}, which agrees with the fact's value {value}: the dispute no longer arises"
    if info.result is not None and not info.result.ok:
        return f"its quote no longer stands in {source} ({info.result.match.status})"
    ok, detail = backs(
        info.says, info.dispute.citation.quote, ctx.published(source), ctx.entities, ctx.source_path(source)
    )
    if not ok:
        return f"'says: {info.says}' is not what its quote states (the quote {detail})"
    return ""


def _find_support(ctx: Context, fact: Fact) -> None:
    """Remember the first citation whose quote states the fact's value: rule messages point at it."""
    value = ctx.value(fact)
    for cited in ctx.citations(fact) if value is not None else ():
        if backs(
            value, cited.citation.quote, ctx.published(cited.citation.source), ctx.entities, cited.citation.source
        )[0]:
            ctx.support[fact] = cited
            return


def _read_fact_values(ctx: Context, fact: Fact) -> None:
    value = None
    if fact.value is not None:
        try:
            value = ctx.values[fact] = read_value(fact.value, entity_ids=set(ctx.entities))
        except BadValue as error:
            ctx.value_errors[fact] = str(error)
    result = ctx.results.get(fact)
    for index, dispute in enumerate(fact.disputes):
        cited = result.disputes[index] if result and index < len(result.disputes) else None
        try:
            says = read_value(dispute.says, like=value, entity_ids=set(ctx.entities))
            ctx.disputes.append(DisputeInfo(fact, dispute, says, cited))
        except BadValue as error:
            ctx.disputes.append(DisputeInfo(fact, dispute, None, cited, str(error)))


# ---- declarations -----------------------------------------------------------------------------


def plan(suite, ctx: Context, kinds: dict[str, Kind]) -> tuple[list[Spec], list[Problem]]:
    """The rules to run: every declared rule, then each always-on kind not declared; bad declarations as problems."""
    specs, problems, names = [], [], {}
    for declaration in suite.rules:
        if _has_schema_problem(suite, declaration):
            continue
        spec, found = read_declaration(declaration, ctx, kinds)
        if spec is not None and spec.name in names:
            first = names[spec.name]
            found.append(_problem(
                declaration, "id" if "id" in declaration else "kind",
                f"two rules are named '{spec.name}' (first at {first.file}:{first.line}): give each an 'id'",
            ))
        if found:
            problems += found
            continue
        names[spec.name] = declaration
        specs.append(spec)
    declared = {spec.kind.name for spec in specs}
    for kind in kinds.values():
        if kind.always and kind.name not in declared:
            specs.append(Spec(kind.name, kind, {}, ctx.facts, kind.severity))
    ctx.running = {spec.name for spec in specs} | {spec.kind.name for spec in specs}
    ctx.kinds = set(kinds)
    return specs, problems


def _has_schema_problem(suite, declaration: Mapping) -> bool:
    last = last_line(declaration)
    return any(p.file == declaration.file and declaration.line <= p.line <= last for p in suite.problems)


def last_line(node: Any) -> int:
    """The last line a YAML node (and everything in it) stands on."""
    line = getattr(node, "line", 0)
    if isinstance(node, Mapping):
        positions = list(node.key_positions.values()) + list(node.value_positions.values())
        line = max([line] + [p[0] for p in positions] + [last_line(v) for v in node.values()])
    elif isinstance(node, Sequence):
        line = max([line] + [p[0] for p in node.item_positions] + [last_line(v) for v in node])
    return line


def read_declaration(declaration: Mapping, ctx: Context, kinds: dict[str, Kind]) -> tuple[Spec | None, list[Problem]]:
    kind_name = declaration.get("kind")
    kind = kinds.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        close = difflib.get_close_matches(str(kind_name), list(kinds), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known kinds: {', '.join(sorted(kinds))}"
        return None, [_problem(declaration, "kind", f"unknown rule kind '{kind_name}': {hint}")]
    problems = []
    for key in declaration:
        if key not in COMMON_KEYS and key not in kind.params:
            allowed = sorted(set(kind.params) | COMMON_KEYS)
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"{kind.name} takes: {', '.join(p for p in allowed if p != 'kind')}"
            )
            problems.append(_problem(declaration, key, f"unknown parameter '{key}' for rule kind {kind.name}: {hint}"))
    for key in kind.required:
        if key not in declaration:
            problems.append(
                _problem(declaration, "kind", f"rule kind {kind.name} needs '{key}' ({_describe(kind.params[key])})")
            )
    params = {}
    for key, type_ in kind.params.items():
        if key in declaration:
            value, problem = _check_param(declaration, key, type_, ctx)
            problems += problem
            params[key] = value
    severity = declaration.get("severity", kind.severity)
    if severity not in SEVERITIES:
        problems.append(_problem(declaration, "severity", f"severity '{severity}' is not one of: error, warning"))
    if problems:
        return None, problems
    name = str(declaration.get("id") or kind.name)
    return Spec(name, kind, params, scope(ctx.facts, params), severity, declaration), []


def _describe(type_: str) -> str:
    return {
        "fact": "a fact id", "facts": "a list of fact ids", "entities": "a list of entity ids",
        "properties": "a list of property names", "days": "a whole number of days", "int": "a whole number, 1 or more",
        "percent": "a number from 0 to 100",
    }[type_]


def _check_param(declaration: Mapping, key: str, type_: str, ctx: Context) -> tuple[Any, list[Problem]]:
    value = declaration[key]
    if type_ in ("facts", "entities", "properties") and isinstance(value, str):
        value = [value]
    if type_ in ("fact",) and not isinstance(value, str) or type_ in ("facts", "entities", "properties") and not (
        isinstance(value, list) and value and all(isinstance(v, str) for v in value)
    ):
        return value, [_problem(declaration, key, f"'{key}' should be {_describe(type_)}")]
    if type_ in ("days", "int", "percent") and not _fits_number(value, type_):
        return value, [_problem(declaration, key, f"'{key}' should be {_describe(type_)}, not {value!r}")]
    known = {"fact": ctx.by_id, "facts": ctx.by_id, "entities": ctx.entities,
             "properties": {f.property for f in ctx.facts}}.get(type_)
    if known is None:
        return value, []
    what = {"fact": "fact", "facts": "fact", "entities": "entity", "properties": "property"}[type_]
    problems = []
    invalid = {r.fact.id: r.fact for r in ctx.results.values() if r.fact.problems} if what == "fact" else {}
    for item in [value] if isinstance(value, str) else value:
        if item in invalid:  # it exists, with errors of its own: "no fact has this id" would send the editor astray
            where = f"{invalid[item].file}:{invalid[item].line}"
            problems.append(_problem(declaration, key, f"'{key}' names fact '{item}' ({where}), which has errors "
                                                       "and is not checked: fix that fact first"))
        elif item not in known:
            close = difflib.get_close_matches(item, [k for k in known if isinstance(k, str)], n=1)
            hint = (
                f"did you mean '{close[0]}'?" if close else f"no fact has {'it' if what == 'property' else 'this id'}"
            )
            problems.append(_problem(declaration, key, f"'{key}' names unknown {what} '{item}': {hint}"))
    return value, problems


def _fits_number(value: Any, type_: str) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    if type_ == "percent":
        return 0 <= value <= 100
    return float(value).is_integer() and value >= (1 if type_ == "int" else 0)


def _problem(declaration: Mapping, key: str, message: str) -> Problem:
    line = declaration.line_of(key)
    return Problem(declaration.file, line, 1, message)


def scope(facts: list[Fact], params: dict[str, Any]) -> list[Fact]:
    """The facts a rule applies to: narrowed by `facts`, `about` and `properties` when given."""
    chosen = facts
    if params.get("facts"):
        chosen = [f for f in chosen if f.id in params["facts"]]
    if params.get("about"):
        chosen = [f for f in chosen if f.about in params["about"]]
    if params.get("properties"):
        chosen = [f for f in chosen if f.property in params["properties"]]
    return chosen


# ---- running ----------------------------------------------------------------------------------


def _read_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the text that Context.sentence and Context.near read around [start, end) begins and ends: the lines
    `window` splits (the quote's lines and the nearest non-blank line above them) and NEAR characters either side."""
    lo = text.rfind("\n", 0, start) + 1
    above = lo - 1
    while above > 0:  # as sentences.window goes back over blank lines
        line_start = text.rfind("\n", 0, above) + 1
        if text[line_start:above].strip():
            lo = line_start
            break
        above = line_start - 1
    hi = text.find("\n", max(end, start + 1) - 1)
    hi = len(text) if hi == -1 else hi
    return min(lo, max(start - NEAR, 0)), min(len(text), max(hi + 1, end + NEAR))


def run(specs: list[Spec], ctx: Context) -> list[RuleResult]:
    """RuleResults for every spec (a pass entry for a declared rule with no findings); dispute entries last."""
    results, unchecked = [], {}
    for spec in sorted(specs, key=lambda s: s.kind.name == "disputes"):
        findings, error = [], None
        try:
            for finding in spec.kind.check(ctx, spec):
                findings.append(finding)
        except Exception as caught:  # a bug outside ctx.each/guard: keep what the rule found before it
            error = caught
        for finding in findings:
            results.append(to_result(spec, finding, ctx))
        if error is not None:
            results.append(crashed(spec, error))
        elif not findings and spec.declaration is not None:
            results.append(passing(spec))
        unchecked[spec.name] = {f for finding in findings if finding.unchecked for f in finding.facts}
        if error is not None:
            unchecked[spec.name] |= set(spec.facts)
    return results + stale_waivers(specs, ctx, unchecked)


def stale_waivers(specs: list[Spec], ctx: Context, unchecked: dict[str, set[Fact]]) -> list[RuleResult]:
    """A waiver that waived nothing fails at its line, under the rule it names (unless that rule could not check)."""
    results = []
    for candidate in ctx.waivers:
        spec = next((s for s in specs if candidate.waiver.rule in (s.name, s.kind.name)), None)
        if candidate.used or spec is None or candidate.fact in unchecked.get(spec.name, ()):
            continue
        location = Location(candidate.fact.file, candidate.waiver.line, candidate.fact.id, "waiver")
        results.append(RuleResult(
            rule=spec.name, ok=False, message=waiving.stale_message(candidate, spec.name), facts=(candidate.fact.id,),
            locations=(Location(candidate.fact.file, candidate.fact.line, candidate.fact.id, "fact"), location),
            severity=spec.severity, kind=spec.kind.name,
        ))
    return results


def to_result(spec: Spec, finding: Finding, ctx: Context) -> RuleResult:
    severity = "warning" if "warning" in (spec.severity, finding.severity) else "error"
    locations = [Location(f.file, f.line, f.id, "fact") for f in _unique(finding.facts)] + finding.locations
    if spec.declaration is not None:
        locations.append(Location(spec.declaration.file, spec.declaration.line, None, "rule"))
    acknowledged = next((d for d in ctx.disputes if acknowledges(d, finding)), None)
    waiver = None
    if acknowledged is None and finding.dispute is None and finding.tokens:
        waiver = waiving.find(ctx.waivers, finding.facts, (spec.name, spec.kind.name), finding.tokens)
    result = RuleResult(
        rule=spec.name, ok=acknowledged is not None or finding.dispute is not None, message=finding.message,
        facts=tuple(f.id for f in _unique(finding.facts)), locations=tuple(_unique(locations)),
        severity=severity, kind=spec.kind.name,
    )
    if finding.advice and acknowledged is None and waiver is None:
        result.message += f": {finding.advice}"
    if waiver is not None:
        waiver.used = True
        result.ok, result.waived, result.resolution = True, True, waiver.waiver.reason
        result.message += f" — waived at {waiver.where}"
        result.locations += (Location(waiver.fact.file, waiver.waiver.line, waiver.fact.id, "waiver"),)
    if finding.dispute is not None:
        result.disputed, result.resolution = True, finding.dispute.dispute.resolution
    elif acknowledged is not None:
        ctx.acknowledged.add(acknowledged)
        result.disputed, result.resolution = True, acknowledged.dispute.resolution
        result.message += (f" — acknowledged by the dispute at {acknowledged.fact.file}:{acknowledged.dispute.line}"
                           f" ({acknowledged.dispute.citation.source} says {acknowledged.says})")
        result.locations += (
            Location(acknowledged.fact.file, acknowledged.dispute.line, acknowledged.fact.id, "dispute"),
        )
    return result


def acknowledges(info: DisputeInfo, finding: Finding) -> bool:
    """A dispute on one fact of the finding acknowledges it when it records the other side: its value, from its
    source."""
    if info.says is None or info.stale or not any(f is info.fact for f in finding.facts):
        return False
    for side in finding.sides:
        if side.fact is info.fact or side.value is None or not agree(info.says, side.value):
            continue
        if not side.sources or info.dispute.citation.source in side.sources:
            return True
    return False


def could_not_check(facts: list[Fact], error: Exception) -> Finding:
    """The finding for facts a rule failed on: they fail, with the cause, rather than pass unchecked."""
    what = "this fact" if len(facts) == 1 else "these facts"
    return Finding(f"{', '.join(f.id for f in facts)}: the rule could not check {what} "
                   f"({type(error).__name__}: {error}): this is a bug in factcheck, please report it",
                   list(facts), unchecked=True)


def crashed(spec: Spec, error: Exception) -> RuleResult:
    """A rule that failed outside its guarded checks: every fact in its scope may be unchecked, so each fails."""
    where = spec.declaration
    locations = (Location(where.file, where.line, None, "rule"),) if where is not None else ()
    return RuleResult(
        rule=spec.name, ok=False, kind=spec.kind.name, facts=tuple(f.id for f in spec.facts), locations=locations,
        message=f"rule {spec.name} could not run ({type(error).__name__}: {error}): the facts in its scope are not "
                "checked by it; this is a bug in factcheck, please report it",
    )


def passing(spec: Spec) -> RuleResult:
    declaration = spec.declaration
    return RuleResult(
        rule=spec.name, ok=True, message=f"passes ({len(spec.facts)} facts in scope)", facts=(),
        locations=(Location(declaration.file, declaration.line, None, "rule"),),
        severity=spec.severity, kind=spec.kind.name,
    )


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))  # facts are hashed by identity


def sources_of(ctx: Context, fact: Fact) -> tuple[str, ...]:
    return tuple(c.citation.source for c in ctx.citations(fact))


def facts_about(ctx: Context, entity_id: str) -> Iterator[Fact]:
    return (f for f in ctx.facts if f.about == entity_id)
