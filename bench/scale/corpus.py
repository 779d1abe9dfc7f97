"""Generated corpora of real size, written as a real factcheck project (pyproject.toml, facts/*.yaml, sources/).

Documents are the machine's prose paragraphs (prose.py), shuffled with a fixed seed and tiled until each document
has its size; a share of paragraphs is typeset (typography.py). Citations quote a word-aligned span of a paragraph:
most exactly (modulo typography), some with a one-letter slip, some from paragraphs no document holds (absent), some
cited to a document that does not hold them (wrong document). Same spec + same prose -> byte-identical project.
`bench.json` beside the project lists every citation with the kind it was made as (for tables and the naive run).

An absent quote is absent, and a misattributed one absent from its cited document, as the checker reads them: the
generator asks the matcher's own normalization (typography and case folded, checker.match), not a fold of its own.
"""
from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from prose import fingerprint, paragraphs
from typography import curly, slip, typeset

from checker.match.normalize import normalize
from checker.match.quote import parse_quote

EXACT, SLIP, ABSENT, WRONG = "exact", "slip", "absent", "wrong-document"
KINDS = (EXACT, SLIP, ABSENT, WRONG)
SHARES = {SLIP: 0.15, ABSENT: 0.05, WRONG: 0.03}  # the rest is exact
LONG_SHARE = 0.02  # quotes of 400 to 2,000 characters
HELD_OUT = 0.05  # paragraphs no document holds: where absent quotes come from
FACTS_PER_FILE = 100
NOT_QUOTABLE = re.compile(r"\[|\]|\.\.\.|\u2026")  # the checker reads these as an editor's brackets and ellipses
WORD_START, WORD_END = re.compile(r"(?<!\S)\S"), re.compile(r"\S(?!\S)")
CLAIM_WORDS = 12  # a claim restates the opening of its quote, as an editor's claim restates its evidence
# bumped whenever the same spec and prose would generate another project: a kept --dir made before is generated again
# (2: absent and misattributed quotes checked against the documents as the matcher normalizes them)
GENERATOR = 2
PARAGRAPH_BREAK = " "  # what the blank line between two paragraphs of a document normalizes to


@dataclass(frozen=True)
class Spec:
    """A corpus: how many documents of about what size (characters), how many citations, the seed."""

    name: str
    documents: int
    document_size: int
    citations: int
    seed: int = 20191129

    @property
    def megabytes(self) -> float:
        return self.documents * self.document_size / 1e6


CORPORA = {
    "a": Spec("a", documents=1_000, document_size=50_000, citations=10_000),
    "b": Spec("b", documents=1, document_size=10_000_000, citations=1_000),
    "b1": Spec("b1", documents=1, document_size=1_000_000, citations=100),
    "c": Spec("c", documents=4_000, document_size=250_000, citations=100_000),
    "tiny": Spec("tiny", documents=6, document_size=8_000, citations=200),
}


@dataclass(frozen=True)
class Citation:
    id: str
    source: str
    kind: str
    quote: str


def generate(spec: Spec, root: Path) -> list[Citation]:
    """Write the project for `spec` under `root` (created) and return its citations."""
    rng = random.Random(spec.seed)
    pool = paragraphs()
    order = list(range(len(pool)))
    rng.shuffle(order)
    held = max(1, int(len(order) * HELD_OUT))
    held_out, used = order[:held], order[held:]
    rendered = {i: typeset(pool[i], rng) if rng.random() < 0.5 else pool[i] for i in used}
    sources = root / "sources"
    sources.mkdir(parents=True)
    names = [f"doc-{d:0{len(str(spec.documents))}d}.txt" for d in range(spec.documents)]
    holdings: list[list[int]] = []
    stream = _tiled(used, rng)
    for name in names:
        chosen, size = [], 0
        while size < spec.document_size:
            chosen.append(next(stream))
            size += len(rendered[chosen[-1]]) + 2
        (sources / name).write_text("\n\n".join(rendered[i] for i in chosen) + "\n", encoding="utf-8")
        holdings.append(chosen)
    library = Library({i: normalize(rendered[i]).text for i in used})
    citations = [_citation(n, names, holdings, held_out, pool, library, rng) for n in range(spec.citations)]
    write_facts(root, citations)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "sources"\nfacts = "facts"\n', encoding="utf-8")
    manifest = {"spec": asdict(spec), "prose": fingerprint(pool), "claims": CLAIM_WORDS, "generator": GENERATOR,
                "citations": [asdict(c) for c in citations]}
    (root / "bench.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return citations


def quote_parts(quote: str) -> list[str]:
    """The quote as the matcher looks for it: each part between ellipses, normalized and trimmed."""
    return [part.text for part in parse_quote(quote)]


class Library:
    """The normalized paragraphs documents are tiled from. A document normalizes to its paragraphs' normalized
    texts joined by PARAGRAPH_BREAK (normalization folds each paragraph on its own: it ends in a sentence mark and
    starts with no space), so whether a quote may stand in any document is asked of the paragraphs, not of every
    document: inside one paragraph, or across the break between two."""

    def __init__(self, normalized: dict[int, str]):
        self.normalized = normalized
        self.joined = "\0".join(normalized.values())  # a quote inside one paragraph
        self.ending: dict[str, list[str]] = defaultdict(list)  # each tail of a paragraph's last word -> paragraphs
        self.starting: dict[str, list[str]] = defaultdict(list)  # each head of its first word -> paragraphs
        for text in normalized.values():
            first, last = text.split(" ", 1)[0], text.rsplit(" ", 1)[-1]
            for cut in range(len(last)):
                self.ending[last[cut:]].append(text)
            for cut in range(1, len(first) + 1):
                self.starting[first[:cut]].append(text)

    def may_hold(self, quote: str) -> bool:
        """Whether the quote may stand in a document tiled from any of the paragraphs, as the matcher finds it
        (every part of it somewhere; a quote across two breaks is taken to stand: a false yes only redraws it)."""
        return all(self._may_hold(part) for part in quote_parts(quote))

    def _may_hold(self, text: str) -> bool:
        if text in self.joined:
            return True
        for found in re.finditer(PARAGRAPH_BREAK, text):
            head, tail = text[: found.start()], text[found.end() :]
            before = [p for p in self.ending.get(head.rsplit(" ", 1)[-1], ()) if p.endswith(head)]
            after = [p for p in self.starting.get(tail.split(" ", 1)[0], ())
                     if p.startswith(tail) or tail.startswith(p + PARAGRAPH_BREAK)]
            if before and after:
                return True
        return False

    def document(self, paragraphs: Iterable[int]) -> str:
        """The normalized text of the document made of these paragraphs."""
        return PARAGRAPH_BREAK.join(self.normalized[i] for i in paragraphs)


def _tiled(indices: list[int], rng: random.Random) -> Iterator[int]:
    """The paragraphs over and over, each pass in a new shuffled order."""
    while True:
        order = list(indices)
        rng.shuffle(order)
        yield from order


def _citation(n: int, names: list[str], holdings: list[list[int]], held_out: list[int], pool: tuple[str, ...],
              library: Library, rng: random.Random) -> Citation:
    draw, kind = rng.random(), EXACT
    for candidate, share in SHARES.items():
        if draw < share and (candidate != WRONG or len(names) > 1):
            kind = candidate
            break
        draw -= share
    cited = rng.randrange(len(names))
    if kind == ABSENT:
        candidates = held_out
    elif kind == WRONG:
        others = [d for d in range(len(names)) if d != cited]
        other = rng.choice(others) if len(names) < 50 else (cited + 1) % len(names)
        held = set(holdings[cited])
        candidates = [p for p in holdings[other] if p not in held] or holdings[other]
    else:
        candidates = holdings[cited]
    quote = _quote(pool, candidates, rng)
    if kind == ABSENT:  # a sentence the reference prose repeats elsewhere (typography aside) is not absent
        while library.may_hold(quote):
            quote = _quote(pool, candidates, rng)
    elif kind == WRONG:
        cited_text = library.document(holdings[cited])
        while all(part in cited_text for part in quote_parts(quote)):
            quote = _quote(pool, candidates, rng)
    if kind == SLIP:
        quote = slip(quote, rng) or quote
    if rng.random() < 0.2:
        quote = curly(quote)  # the editor's own typography
    return Citation(f"q{n:06d}", names[cited], kind, quote)


def _quote(pool: tuple[str, ...], candidates: list[int], rng: random.Random) -> str:
    """A word-aligned span of one of the candidate paragraphs (as written, line breaks as spaces): 30-400
    characters, a few up to 2,000, at least five words, never with brackets or an ellipsis in it."""
    long = rng.random() < LONG_SHARE
    for attempt in range(1_000):
        text = pool[rng.choice(candidates)].replace("\n", " ")
        if long and attempt < 50 and len(text) < 600:
            continue
        length = rng.randint(400, min(2_000, len(text))) if long and len(text) >= 600 else rng.randint(30, 400)
        starts = [m.start() for m in WORD_START.finditer(text)]
        start = rng.choice([at for at in starts if len(text) - at >= length] or starts[:1])
        ends = [m.end() for m in WORD_END.finditer(text, start) if 30 <= m.end() - start <= length]
        quote = text[start : ends[-1]] if ends else ""
        if len(quote.split()) >= 5 and not NOT_QUOTABLE.search(quote):
            return quote
    raise RuntimeError("no quotable paragraph among the candidates")


def write_facts(root: Path, citations: list[Citation]) -> None:
    facts = root / "facts"
    facts.mkdir()
    width = len(str(max(0, (len(citations) - 1) // FACTS_PER_FILE)))
    for first in range(0, len(citations), FACTS_PER_FILE):
        lines = ["facts:"]
        for citation in citations[first : first + FACTS_PER_FILE]:
            quote = json.dumps(citation.quote, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
            claim = json.dumps(" ".join(citation.quote.split()[:CLAIM_WORDS]), ensure_ascii=False)
            lines += [f"  - id: {citation.id}", f"    claim: {claim}", "    citations:",
                      f"      - source: {citation.source}", f"        quote: {quote}"]
        name = f"part-{first // FACTS_PER_FILE:0{width}d}.yaml"
        (facts / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
