"""Quote -> place in the source: normalize both sides, then match exactly, part by part, or as closely as the source allows.

A quote is split at its ellipses into parts that must stand in order within one paragraph
(or `max_gap` characters); a part's [brackets] are an editor's insertion, matching a short
span of the source or nothing. When no exact match exists, the closest passage is aligned
word by word and every difference is classified (checker.differences): transcription slips
pass as `fuzzy` unless strict; a change of meaning never passes.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz

from checker.differences import Comparison, compare, is_negation, is_number
from checker.model import Match, Selector, Span
from checker.normalize import PLACEHOLDER, Normalized, Word, fold_for_search, normalize, words

ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){2}\.\s*\]|\[\s*\u2026\s*\]|\.\s?\.\s?\.|\u2026)\s*")
BRACKET = re.compile(r"\[([^\[\]]*)\]")
MAX_CANDIDATES = 64
POOR_SCORE = 60  # below this the closest passage is not the quote misremembered but another passage
MIN_STITCH_WORDS = 3
ATTACHED = r"[^\W_]{0,24}"  # an insertion inside a word, as in [T]hey or [ISIS]'s


@dataclass(frozen=True)
class MatchOptions:
    """How strictly quotes are matched (from [tool.factcheck], the command line, or a fact's `strict`)."""

    strict: bool = False  # fail transcription slips (status fuzzy) too
    min_words: int = 4  # a quote with fewer words is too short to prove anything
    min_chars: int = 15
    max_gap: int | None = None  # characters allowed between elided parts; None: the same paragraph
    max_bracket: int = 60  # characters of the source an editor's [insertion] may stand for
    slips_per_100: float = 2.0  # transcription slips allowed per hundred characters (at least one)


@dataclass
class Document:
    """One source: its original text, normalized once, with line starts and words for locating results."""

    name: str
    text: str
    norm: Normalized
    line_starts: list[int]
    _words: list[Word] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, name: str) -> "Document":
        return cls.from_text(path.read_bytes().decode("utf-8-sig"), name)

    @classmethod
    def from_text(cls, text: str, name: str) -> "Document":
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(name, text, normalize(text), starts)

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            self._words = words(self.norm, self.text)
        return self._words

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word the source uses: a quote's spelling found here is a word, not a slip."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(w.text for w in self.words)
        return self._vocabulary

    def span(self, start: int, end: int) -> Span:
        """The original span of the normalized [start, end)."""
        return self.original(*self.norm.original_span(start, end))

    def original(self, first: int, last: int) -> Span:
        """The span of the original [first, last), with the line and column of `first`."""
        line = bisect_right(self.line_starts, first)
        return Span(first, last, line, first - self.line_starts[line - 1] + 1)

    def where(self, offset: int) -> str:
        """`name:line` of a normalized offset."""
        offset = min(max(offset, 0), len(self.norm.text) - 1)
        return f"{self.name}:{bisect_right(self.line_starts, self.norm.origin[offset])}"

    def words_between(self, start: int, end: int) -> list[Word]:
        """The document's words that start in the normalized [start, end)."""
        if self._starts is None:
            self._starts = [w.start for w in self.words]
        return self.words[bisect_left(self._starts, start) : bisect_left(self._starts, end)]


@dataclass
class Part:
    """One stretch of a quote between ellipses, normalized; PLACEHOLDER marks each [bracket]."""

    text: str  # normalized, stripped of leading/trailing punctuation
    brackets: list[str]
    words: list[Word]
    original: str


@dataclass
class Found:
    """Where one part stands: normalized [start, end), and how it compares with the source there."""

    start: int
    end: int
    comparison: Comparison = field(default_factory=Comparison)
    notes: list[str] = field(default_factory=list)
    score: float = 100.0


# ---- the quote ---------------------------------------------------------------------------------


def parse_quote(quote: str) -> list[Part]:
    """The quote's parts (split at ellipses), each normalized with its brackets replaced by PLACEHOLDER."""
    parts = [_part(raw, BRACKET.findall(raw), BRACKET.sub(PLACEHOLDER, raw)) for raw in ELLIPSIS.split(quote)]
    return [part for part in parts if part is not None]


def literal_part(quote: str) -> Part | None:
    """The whole quote as one part, its ellipses and brackets taken as text: for a source that has them too."""
    return _part(quote, [], quote)


def _part(raw: str, brackets: list[str], marked: str) -> Part | None:
    normalized = normalize(marked)
    start, end = _content_bounds(normalized.text)
    if start >= end or normalized.text[start:end] == PLACEHOLDER:
        return None
    text = normalized.text[start:end]
    stripped = Normalized(text, normalized.origin[start:end])
    return Part(text, brackets, [w for w in words(stripped, marked) if PLACEHOLDER not in w.text], raw)


def _content_bounds(text: str) -> tuple[int, int]:
    """Trim leading and trailing punctuation and spaces: quoting conventions, not content."""
    keep = [i for i, c in enumerate(text) if c.isalnum() or c == PLACEHOLDER]
    return (keep[0], keep[-1] + 1) if keep else (0, 0)


def too_short(parts: list[Part], options: MatchOptions) -> str:
    """Why the quote is too short to stand for anything ('' when it is long enough)."""
    count = sum(len(p.words) for p in parts)
    chars = sum(len(p.text.replace(PLACEHOLDER, "")) for p in parts)
    if count < options.min_words or chars < options.min_chars:
        return (
            f"the quote is too short to prove anything ({count} words, {chars} characters; at least "
            f"{options.min_words} words and {options.min_chars} characters): quote more of the passage"
        )
    return ""


# ---- exact matching ----------------------------------------------------------------------------


def exact_occurrences(part: Part, doc: Document, lo: int, hi: int, options: MatchOptions, limit: int = MAX_CANDIDATES) -> list[Found]:
    """Every place in doc.norm.text[lo:hi] where the part stands exactly (after normalization), on word boundaries."""
    if part.brackets:
        return _bracket_occurrences(part, doc, lo, hi, options, limit)
    text, found, at = doc.norm.text, [], doc.norm.text.find(part.text, lo, hi)
    while at >= 0 and len(found) < limit:
        end = at + len(part.text)
        if _boundary(text, at - 1) and _boundary(text, end):
            found.append(Found(at, end))
        at = text.find(part.text, at + 1, hi)
    return found


def _boundary(text: str, index: int) -> bool:
    """Whether a match may begin after / end before text[index]: not inside a word, nor after a number's sign."""
    return index < 0 or index >= len(text) or not (text[index].isalnum() or text[index] == "-")


def _bracket_occurrences(part: Part, doc: Document, lo: int, hi: int, options: MatchOptions, limit: int) -> list[Found]:
    pattern = bracket_pattern(part, options.max_bracket)
    found = []
    for match in pattern.finditer(doc.norm.text, lo, hi):
        if len(found) >= limit:
            break
        if _crosses_paragraph(match, part, doc):
            continue
        if match.end() > match.start() and _boundary(doc.norm.text, match.start() - 1) and _boundary(doc.norm.text, match.end()):
            notes, changes = review_brackets(part, match, doc)
            found.append(Found(match.start(), match.end(), Comparison(changes=changes), notes=notes))
    return found


def bracket_pattern(part: Part, max_bracket: int) -> re.Pattern:
    """A regex for a part with [insertions]: literal text, each bracket a short span of the source or nothing.

    Inside a word ([T]hey) a bracket stands for a few letters; between two words, for up to
    `max_bracket` characters or nothing; at the part's start or end, for nothing we can check.
    """
    pieces = part.text.split(PLACEHOLDER)
    kinds = [_bracket_kind(pieces[i - 1], pieces[i]) for i in range(1, len(pieces))]
    out = []
    for index, written in enumerate(pieces):
        piece = written
        if index and kinds[index - 1] != "attached":
            piece = piece.lstrip(" ")
        if index < len(kinds) and kinds[index] != "attached":
            piece = piece.rstrip(" ")
        if index:
            kind, after = kinds[index - 1], " " if written.startswith(" ") and piece else ""
            out.append({"attached": f"({ATTACHED})", "edge": "()" + (after if out and out[-1] else "")}.get(
                kind, f"(?: (.{{1,{max_bracket}}}?))??{after}"))
        out.append(re.escape(piece))
    return re.compile("".join(out))


def _bracket_kind(left: str, right: str) -> str:
    if left[-1:].isalnum() or right[:1].isalnum():
        return "attached"
    return "between" if left.strip() and right.strip() else "edge"


def review_brackets(part: Part, match: re.Match, doc: Document) -> tuple[list[str], list[str]]:
    """What each [insertion] stands for in the source (notes), and any that changes a number or a negation (changes)."""
    notes, changes = [], []
    for index, bracket in enumerate(part.brackets):
        stood = match.group(index + 1) or ""
        first, last = match.span(index + 1) if stood else (match.start(), match.start())
        original = doc.text[slice(*doc.norm.original_span(first, last))] if stood else ""
        inserted = normalize(bracket).text
        if stood and stood == inserted:
            continue  # [T]hey for "They": a change of case, nothing to review
        says = f'editor\'s insertion "[{bracket}]" stands for ' + (f'"{original}" in the source' if stood else "nothing in the source")
        pieces = part.text.split(PLACEHOLDER)
        edge = _bracket_kind(pieces[index], pieces[index + 1]) == "edge"
        hidden = _hidden_by_edge_bracket(inserted, match, not pieces[index].strip(), doc) if edge else ""
        if hidden:
            changes.append(f"{says}, which goes on with \"{hidden}\" there — {_meaning_of(hidden)} ({doc.where(first)})")
        elif _numbers(inserted) != _numbers(stood):
            changes.append(f"{says} — a changed number ({doc.where(first)})")
        elif _negations(inserted) != _negations(stood):
            changes.append(f"{says} — a negation added or removed ({doc.where(first)})")
        else:
            notes.append(f"{says} ({doc.where(first)})")
    return notes, changes


def _hidden_by_edge_bracket(inserted: str, match: re.Match, leading: bool, doc: Document) -> str:
    """At a quote's end, a bracket must not stand where the source goes on with a negation or a number the
    bracket leaves out ("will [be]" for "will not be"); at its start, with a negation. Returns those words."""
    count = max(1, len(inserted.split()))
    if not leading:
        at = match.end()
        following = doc.words_between(at, doc.norm.paragraph_end(at))[:count]
        text = " ".join(w.text for w in following)
        changed = _numbers(text) != _numbers(inserted) or _negations(text) != _negations(inserted)
        return " ".join(w.original for w in following) if changed else ""
    preceding = doc.words_between(max(0, match.start() - 80), match.start())[-count:]
    text = " ".join(w.text for w in preceding)
    return " ".join(w.original for w in preceding) if _negations(text) != _negations(inserted) else ""


def _meaning_of(words: str) -> str:
    return "a negation left out" if _negations(normalize(words).text) else "a number left out"


def _crosses_paragraph(match: re.Match, part: Part, doc: Document) -> bool:
    """Whether an insertion stands for text that runs across a paragraph break."""
    spans = [match.span(i + 1) for i in range(len(part.brackets)) if match.group(i + 1)]
    for start, end in spans:
        after = bisect_left(doc.norm.breaks, start)
        if after < len(doc.norm.breaks) and doc.norm.breaks[after] < end:
            return True
    return False


def _numbers(text: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_]+(?:[.,][0-9]+)*", text) if is_number(word)]


def _negations(text: str) -> list[str]:
    return [word for word in re.findall(r"[^\W_]+(?:'[^\W_]+)*", text) if is_negation(word)]


def exact_chains(parts: list[Part], doc: Document, options: MatchOptions) -> list[list[Found]]:
    """Every way the parts stand exactly, in order, each within the allowed gap of the one before."""
    chains = []
    for first in exact_occurrences(parts[0], doc, 0, len(doc.norm.text), options):
        chain = [first]
        for part in parts[1:]:
            nxt = exact_occurrences(part, doc, chain[-1].end, gap_limit(doc, chain[-1].end, options, part), options, limit=1)
            if not nxt:
                break
            chain.append(nxt[0])
        if len(chain) == len(parts):
            chains.append(chain)
    return chains


def gap_limit(doc: Document, after: int, options: MatchOptions, part: Part) -> int:
    """Where the next elided part must end: the paragraph's end, or `max_gap` characters on."""
    if options.max_gap is None:
        return doc.norm.paragraph_end(after)
    return min(len(doc.norm.text), after + options.max_gap + len(part.text) + 1)


# ---- closest passage ---------------------------------------------------------------------------


def closest(part: Part, doc: Document, lo: int, hi: int) -> Found | None:
    """The passage of doc.norm.text[lo:hi] closest to the part, aligned word by word and compared."""
    region = doc.norm.text[lo:hi]
    query = part.text.replace(PLACEHOLDER, " ")
    if not region.strip() or not part.words:
        return None
    if len(query) <= len(region):
        aligned = fuzz.partial_ratio_alignment(query, region)
        start, end = lo + aligned.dest_start, lo + aligned.dest_end
    else:
        start, end = lo, hi
    slack = len(query) // 2 + 16
    window = doc.words_between(max(lo, start - slack), min(hi, end + slack))
    if not window:
        return None
    best = None
    for chosen in _alignments(part.words, window):
        comparison = compare(part.text, part.words, doc.norm.text, chosen, doc.where, doc.vocabulary)
        if best is None or (len(comparison.changes), comparison.slip_count) < (len(best[1].changes), best[1].slip_count):
            best = chosen, comparison
    chosen, comparison = best
    begin, finish = chosen[0].start, chosen[-1].end
    return Found(begin, finish, comparison, score=fuzz.ratio(query, doc.norm.text[begin:finish]))


def _alignments(quote: list[Word], window: list[Word]) -> list[list[Word]]:
    """Stretches of `window` that may line up with the quote's words: from its first to its last matching
    block (as many words as the quote at the ends), and around its longest block (a lone "the" earlier
    in the window must not pull the passage back)."""
    blocks = [b for b in SequenceMatcher(None, [w.text for w in quote], [w.text for w in window], autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        middle = max(0, (len(window) - len(quote)) // 2)
        return [window[middle : middle + len(quote)]]
    first, last = blocks[0], blocks[-1]
    spanning = window[max(0, first.b - first.a) : min(len(window), last.b + last.size + (len(quote) - last.a - last.size))]
    longest = max(blocks, key=lambda b: b.size)
    around = window[max(0, longest.b - longest.a) : min(len(window), longest.b - longest.a + len(quote))]
    return [spanning] if around == spanning or not around else [spanning, around]


# ---- the verdict -------------------------------------------------------------------------------


def locate(quote: str, doc: Document, options: MatchOptions = MatchOptions(), selector: Selector | None = None) -> Match:
    """Where and how well `quote` stands in `doc`: verbatim, normalized, elided, fuzzy, mismatch or too-short."""
    parts, chains = exact_parts_and_chains(quote, doc, options)
    short = too_short(parts, options)
    if short:
        return Match(status="too-short", ok=False, score=0.0, differences=(short,))
    if chains:
        chain, moved = choose(chains, doc, selector, quote, parts)
        return verdict(quote, parts, chain, doc, options, moved)
    chain = closest_chain(parts, doc, options)
    moved = _moved(chain, doc, selector) if selector and chain and not _fits(chain, doc, selector) else ""
    return verdict(quote, parts, chain, doc, options, moved)


def contains(quote: str, doc: Document, options: MatchOptions = MatchOptions()) -> Match | None:
    """The quote's exact (normalized) match in `doc`, or None: where a misattributed quote really stands."""
    parts, chains = exact_parts_and_chains(quote, doc, options)
    if too_short(parts, options) or not chains:
        return None
    return verdict(quote, parts, chains[0], doc, options, "")


def exact_parts_and_chains(quote: str, doc: Document, options: MatchOptions) -> tuple[list[Part], list[list[Found]]]:
    """The quote's parts and their exact matches: the quote as written when the source has its ellipses or
    brackets too (one part), else part by part (none when it is too short to look for)."""
    parts = parse_quote(quote)
    if len(parts) > 1 or (parts and parts[0].brackets):
        literal = literal_part(quote)
        found = exact_occurrences(literal, doc, 0, len(doc.norm.text), options) if literal else []
        if found:
            return [literal], [[f] for f in found]
    return parts, [] if too_short(parts, options) else exact_chains(parts, doc, options)


def choose(chains: list[list[Found]], doc: Document, selector: Selector | None, quote: str, parts: list[Part]) -> tuple[list[Found], str]:
    """The occurrence the selector pins (all when none does, saying why it moved); among them the one that
    stands byte for byte, then one whose letter case matches, then the first."""
    candidates = [chain for chain in chains if selector is None or _fits(chain, doc, selector)]
    moved = "" if candidates else _moved(chains[0], doc, selector)
    return min(candidates or chains, key=lambda chain: _likeness(chain, doc, quote, parts)), moved


def _likeness(chain: list[Found], doc: Document, quote: str, parts: list[Part]) -> int:
    if len(chain) == 1 and _verbatim_span(quote, doc.span(chain[0].start, chain[0].end), doc) is not None:
        return 0
    same_case = all(
        [w.original for w in part.words] == [w.original for w in doc.words_between(found.start, found.end)]
        for part, found in zip(parts, chain)
    )
    return 1 if same_case else 2


def _fits(chain: list[Found], doc: Document, selector: Selector) -> bool:
    text, start, end = doc.norm.text, chain[0].start, chain[-1].end
    if selector.lines and not selector.lines[0] <= doc.span(start, end).line <= selector.lines[1]:
        return False
    if selector.prefix and not text[max(0, start - len(selector.prefix) - 8) : start].rstrip().endswith(fold_for_search(selector.prefix)):
        return False
    if selector.suffix and not text[end : end + len(selector.suffix) + 8].lstrip(" .,;:").startswith(fold_for_search(selector.suffix)):
        return False
    return True


def _moved(chain: list[Found], doc: Document, selector: Selector) -> str:
    pins = []
    if selector.lines:
        a, b = selector.lines
        pins.append(f"line {a}" if a == b else f"lines {a}-{b}")
    pins += [f'prefix "{selector.prefix}"'] if selector.prefix else []
    pins += [f'suffix "{selector.suffix}"'] if selector.suffix else []
    line = doc.span(chain[0].start, chain[-1].end).line
    return f"pinned to {' and '.join(pins)} but found at {doc.name}:{line}: update the pin"


def closest_chain(parts: list[Part], doc: Document, options: MatchOptions) -> list[Found]:
    """Each part's closest passage, in order, each searched within the allowed gap after the one before."""
    chain: list[Found] = []
    for part in parts:
        lo = chain[-1].end if chain else 0
        hi = gap_limit(doc, lo, options, part) if chain else len(doc.norm.text)
        exact = exact_occurrences(part, doc, lo, hi, options, limit=1)
        found = exact[0] if exact else closest(part, doc, lo, hi)
        beyond = _beyond_the_gap(part, doc, lo, hi, options) if chain and (found is None or found.comparison.changes) else None
        found = beyond or found
        if found is not None and found.comparison.changes and beyond is None:
            _explain_poor_match(found, part, doc, options)
        if found is None:
            break
        chain.append(found)
    return chain


def _beyond_the_gap(part: Part, doc: Document, lo: int, hi: int, options: MatchOptions) -> Found | None:
    """An elided part that does stand later in the source, but farther than the gap allows: say so."""
    later = exact_occurrences(part, doc, lo, len(doc.norm.text), options, limit=1)
    if not later:
        return None
    found = later[0]
    limit = "its paragraph" if options.max_gap is None else f"{options.max_gap} characters"
    found.comparison = Comparison(changes=[
        f'the part "{part.original.strip()}" stands at {doc.where(found.start)}, beyond {limit} after the part before it: '
        "an ellipsis may not join separate passages"
    ])
    return found


def _explain_poor_match(found: Found, part: Part, doc: Document, options: MatchOptions) -> None:
    """Replace a pile of word differences by the one explanation that matters, when there is one."""
    stitched = stitched_passages(part, doc, options)
    if stitched:
        found.comparison.changes = [stitched]
    elif found.score < POOR_SCORE and len(found.comparison.changes) > 2:
        found.comparison.changes = [
            f"no passage of {doc.name} says this: the closest ({doc.where(found.start)}, score {found.score:.0f}) "
            f"differs in {len(found.comparison.changes)} places (see the diff)"
        ]


def stitched_passages(part: Part, doc: Document, options: MatchOptions) -> str:
    """Whether the quote joins two passages that stand apart in the source (an omission with no ellipsis)."""
    if PLACEHOLDER in part.text or len(part.words) < 2 * MIN_STITCH_WORDS:
        return ""
    for split in range(len(part.words) - MIN_STITCH_WORDS, MIN_STITCH_WORDS - 1, -1):
        head = _sub_part(part, 0, part.words[split - 1].end)
        tail = _sub_part(part, part.words[split].start, len(part.text))
        heads = exact_occurrences(head, doc, 0, len(doc.norm.text), options, limit=1)
        tails = exact_occurrences(tail, doc, 0, len(doc.norm.text), options, limit=1) if heads else []
        if heads and tails and not 0 <= tails[0].start - heads[0].end <= 3:
            return (
                f'the quote joins "{_original(head)}" ({doc.where(heads[0].start)}) and "{_original(tail)}" '
                f"({doc.where(tails[0].start)}), which do not stand together in the source: "
                'mark the omission with "..." (within one paragraph) or cite the passages separately'
            )
    return ""


def _sub_part(part: Part, start: int, end: int) -> Part:
    start, end = start + _content_bounds(part.text[start:end])[0], start + _content_bounds(part.text[start:end])[1]
    return Part(part.text[start:end], [], [w for w in part.words if start <= w.start and w.end <= end], part.original)


def _original(part: Part) -> str:
    return " ".join(w.original for w in part.words)


def verdict(quote: str, parts: list[Part], chain: list[Found], doc: Document, options: MatchOptions, moved: str) -> Match:
    """Status, ok, score, spans and explanations from where each part was found."""
    spans = tuple(doc.span(f.start, f.end) for f in chain)
    matched = " … ".join(doc.text[s.start : s.end] for s in spans)
    if len(chain) < len(parts):
        missing = parts[len(chain)].original.strip()
        return Match("mismatch", False, 0.0, spans, matched, (f'no passage of {doc.name} resembles "{missing}"',), moved=moved)
    for part, found in zip(parts, chain):
        if not found.comparison.changes and not found.comparison.slips and not part.brackets:
            found.comparison = _case_check(part, found, doc)
    changes = [c for f in chain for c in f.comparison.changes]
    slips = [s for f in chain for s in f.comparison.slips]
    notes = [n for f in chain for n in f.notes]
    diff = " … ".join(f.comparison.diff for f in chain if f.comparison.diff and (f.comparison.changes or f.comparison.slips))
    score = min(f.score for f in chain)
    allowed = max(1, int(options.slips_per_100 * sum(len(p.text) for p in parts) / 100))
    slip_count = sum(f.comparison.slip_count for f in chain)
    if not changes and slip_count > allowed:
        changes = [f"{slip_count} transcription slips where {allowed} at most are allowed for a quote this long: copy the passage again"]
    if changes:
        return Match("mismatch", False, score, spans, matched, tuple(changes + slips), diff, moved)
    if slips:
        return Match("fuzzy", not options.strict, score, spans, matched, tuple(slips + notes), diff, moved)
    if len(parts) > 1 or any(p.brackets for p in parts):
        return Match("elided", True, 100.0, spans, matched, tuple(notes), "", moved)
    verbatim = _verbatim_span(quote, spans[0], doc)
    if verbatim is not None:
        return Match("verbatim", True, 100.0, (verbatim,), quote, (), "", moved)
    return Match("normalized", True, 100.0, spans, matched, (), "", moved)


def _verbatim_span(quote: str, span: Span, doc: Document) -> Span | None:
    """The span of the quote byte for byte, its opening and closing punctuation included, if it stands so."""
    content = [i for i, c in enumerate(quote) if c.isalnum()]
    start, end = span.start - content[0], span.end + len(quote) - content[-1] - 1
    if start < 0 or doc.text[start:end] != quote:
        return None
    return doc.original(start, end)


def _case_check(part: Part, found: Found, doc: Document) -> Comparison:
    """An exact (case-folded) match still differs if a letter's case changed past the quote's first letter."""
    source = doc.words_between(found.start, found.end)
    if all(q.original == s.original for q, s in zip(part.words, source)):
        return found.comparison
    return compare(part.text, part.words, doc.norm.text, source, doc.where, doc.vocabulary)
