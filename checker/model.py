"""The result model: every stage produces these, every output is rendered from them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """An input error: bad YAML, a schema violation, a missing source. Prints as `file:line:col: message`."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Span:
    """A stretch of a source's original text: offsets [start, end) and the 1-based line/column of start."""

    start: int
    end: int
    line: int
    column: int
    page: int | None = None  # a PDF's page (1-based); `line` is then the line within that page


@dataclass(frozen=True, kw_only=True)
class Match:
    """Where (and how well) a quote stands in a source. Built with keywords: Match(status=..., ok=..., score=...).

    status: verbatim | normalized | elided | fuzzy | mismatch | too-short (| missing-source, set by cite)
    ok: whether the citation passes under the options it was located with.
    spans: the source spans the quote (or each of its parts, for an elided quote) matched,
           in order; for a mismatch, the closest passage.
    matched: the source text of the match as it stands in the source (parts joined by " … ").
    differences: one sentence per difference that matters, naming the token
                 ('quote says "three" where the source says "two"').
    diff: a word-level diff, quote against source: `[-source words-]{+quote words+}`.
    """

    status: str
    ok: bool
    score: float
    spans: tuple[Span, ...] = ()
    matched: str = ""
    differences: tuple[str, ...] = ()
    diff: str = ""
    moved: str = ""  # set when a pinned quote (lines, prefix/suffix) was found elsewhere than pinned


@dataclass(frozen=True)
class Selector:
    """Optional locator pinning which occurrence a citation means (W3C TextQuoteSelector style)."""

    lines: tuple[int, int] | None = None
    prefix: str | None = None
    suffix: str | None = None


@dataclass
class Citation:
    source: str
    quote: str
    file: str
    line: int  # the line of the quote in the fact file
    strict: bool | None = None
    selector: Selector | None = None
    source_line: int = 0  # the line of the `source:` key
    source_column: int = 1


@dataclass(frozen=True)
class Evidence:
    """What a verdict rests on: a passage of a source (`source`, `quote`), or an outside record (`url`, the date it
    was read, `accessed`, and a short `quote` of it)."""

    quote: str
    line: int  # the line of the evidence's first key
    source: str | None = None
    url: str | None = None
    accessed: str | None = None


@dataclass(frozen=True)
class Verdict:
    """What the record says of a claim: false, misleading, unsupported or accurate, and the evidence it rests on."""

    rating: str
    evidence: tuple[Evidence, ...]
    line: int  # the line of `verdict:`
    note: str | None = None


@dataclass
class Dispute:
    """A source that says otherwise, acknowledged in the fact file: its quote is checked like a citation."""

    citation: Citation
    says: Any
    resolution: str
    line: int  # the line of the dispute's `source:` key
    verdict: Verdict | None = None  # the record's judgement of what the disputing source says


@dataclass(frozen=True)
class Waiver:
    """A finding an editor accepts on one fact: the rule (kind or id), the token or value it names, and why."""

    rule: str
    token: str | None
    value: Any
    reason: str
    line: int  # the line of the waiver's `rule:` key


@dataclass(eq=False)
class Fact:
    """One curated fact as read: its id, prose claim, citations and structured keys, each key's line in `lines`.

    Compared and hashed by identity, so results can be keyed by the fact itself (two facts may share an id).
    """

    id: str
    claim: str
    file: str
    line: int
    citations: list[Citation]
    strict: bool | None = None  # None: not said (the project's setting applies)
    problems: list[Problem] = field(default_factory=list)  # schema errors, duplicate id: not located then
    index: int = 0  # position in its file, names the fact when its id is missing or invalid
    disputes: list[Dispute] = field(default_factory=list)
    about: str | None = None  # an entity id
    property: str | None = None
    value: Any = None  # the value as written (a mapping or a scalar); None when the fact has none
    requires_sources: int | None = None
    independence: str | None = None
    numbers_not_stated: tuple[str, ...] = ()  # claim tokens that look like numbers but name something ("737")
    waivers: list[Waiver] = field(default_factory=list)
    attributed_to: tuple[str, ...] = ()  # entity ids: whose word the fact records ("according to X")
    verdict: Verdict | None = None  # the record's judgement of the fact's claim as its sources make it
    lines: dict[str, int] = field(default_factory=dict)  # key -> the line it stands on in the fact file

    def line_of(self, key: str) -> int:
        """The line of `key` in the fact file, or the fact's own line when the key is absent."""
        return self.lines.get(key, self.line)

    def sources(self) -> list[str]:
        """Every source the fact names (its citations, disputing quotes and verdicts' evidence), each once, sorted."""
        names = [c.source for c in self.citations] + [d.citation.source for d in self.disputes]
        verdicts = [self.verdict, *(d.verdict for d in self.disputes)]
        names += [e.source for v in verdicts if v is not None for e in v.evidence if e.source is not None]
        return sorted(set(names))


@dataclass
class CitationResult:
    citation: Citation
    match: Match
    found_in: tuple[str, Span] | None = None  # another source where the quote does stand
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.match.ok


@dataclass
class FactResult:
    fact: Fact
    citations: list[CitationResult]
    problems: list[Problem] = field(default_factory=list)  # the fact's own input errors, missing sources
    disputes: list[CitationResult] = field(default_factory=list)  # one per fact.disputes, same order

    @property
    def ok(self) -> bool:
        return not self.problems and all(c.ok for c in self.citations) and all(d.ok for d in self.disputes)


@dataclass(frozen=True)
class Location:
    """A place a rule result points at: a fact's file:line, or a cited source's line."""

    file: str
    line: int
    fact: str | None = None
    what: str = ""  # fact | value | quote | source | dispute | rule | entity | claim


@dataclass
class RuleResult:
    """One finding (or one pass) of a consistency rule."""

    rule: str
    ok: bool
    message: str
    facts: tuple[str, ...] = ()
    locations: tuple[Location, ...] = ()
    severity: str = "error"  # error fails the build; warning is reported only
    disputed: bool = False  # an acknowledged dispute: passes, listed with its resolution
    resolution: str | None = None  # the dispute's resolution, or the waiver's reason
    waived: bool = False  # a finding an editor waived on the fact (`waive:`): passes, listed under waivers
    kind: str = ""  # the rule kind (the rule's name is its id, or its kind when it has no id)


@dataclass(frozen=True)
class SourceOrigin:
    """Where a cited source comes from and which of its text was checked (the report's `sources` section): its
    format, the text used, and the `url` and `retrieved` date sources.yaml records; for a web archive, the page
    captured and when (`WARC-Target-URI`, `WARC-Date`)."""

    source: str
    format: str  # text | html | markdown | pdf | warc
    text: str  # which text was used: "the page's visible text"
    url: str | None = None
    retrieved: str | None = None
    captured_url: str | None = None
    captured_at: str | None = None


@dataclass
class Report:
    facts: list[FactResult] = field(default_factory=list)
    rules: list[RuleResult] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    sources: list[SourceOrigin] = field(default_factory=list)  # of the sources the facts cite
