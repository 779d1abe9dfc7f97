"""names (always on): a capitalised name that is a near miss of a registered alias, but not registered itself."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz, process

from checker.match import is_english_word
from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, rule
from checker.rules.evidence import spellings

PARTICLES = {"van", "von", "de", "der", "den", "del", "da", "di", "du", "la", "le", "al", "bin", "ibn"}
_PART = r"(?:[\w’']|\.(?=\w))*"
WORD = rf"[A-Z]{_PART}(?:-[A-Z]{_PART})*"  # "Europol-led" is the name Europol
STOPWORDS = {"a", "an", "the", "in", "on", "at", "by", "as", "for", "from", "to", "of", "and", "but", "or", "when",
             "while", "after", "before", "last", "this", "that", "according", "with", "it", "its", "his", "her",
             "their"}
WORD_NEAR_MISS = 60  # per word: below this two words are different words, not two spellings of one
_GAP = r"[^\S\n]+"  # spaces within a line: a name does not run across a line break
RUN_RE = re.compile(rf"(?<![\w’'])(?:{WORD})(?:{_GAP}(?:(?:{'|'.join(PARTICLES)}){_GAP})*(?:{WORD}))*")


@rule("names", params={"threshold": "percent", "min_length": "int"}, always=True)
def names(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a capitalised name in a claim or quote that looks like a registered spelling of an
    entity (similarity >= `threshold`, default 80 %) but is not registered itself.

    Why: "Van Ostein" and "Van Ostaeyen" are one researcher spelled two ways; an unregistered
    variant means either a typo in the fact or a spelling the registry must learn, so that
    searches and rules see one person. English words ("Telegraph") are not flagged.
    Example: a quote "According to Van Ostein, they are already blocked" while
    pieter-van-ostaeyen's aliases are [Pieter Van Ostaeyen, Van Ostaeyen, Peter Van Ostyen].
    """
    threshold, min_length = spec.params.get("threshold", 80), spec.params.get("min_length", 4)
    known = _known(ctx)
    if not known:
        return
    yield from ctx.each(spec.facts, lambda fact: _misspelt(ctx, fact, known, threshold, min_length))


def _misspelt(ctx: Context, fact, known: dict, threshold: float, min_length: int) -> Iterator[Finding]:
    claim_line = fact.line_of("claim")
    texts = [("claim", fact.claim, Location(fact.file, claim_line, fact.id, "claim"), f"{fact.file}:{claim_line}")]
    texts += [("quote", c.citation.quote, Location(fact.file, c.citation.line, fact.id, "quote"),
               ctx.quote_where(fact, c)) for c in ctx.citations(fact)]
    texts += [("disputing quote", d.citation.quote, Location(fact.file, d.citation.line, fact.id, "quote"),
               f"{fact.file}:{d.citation.line}") for d in fact.disputes]
    reported = set()
    for what, text, location, where in texts:
        for variant, (alias, entity, score) in near_misses(text, known, threshold, min_length):
            if variant in reported:
                continue
            reported.add(variant)
            yield Finding(
                f"{fact.id}: {variant!r} in the {what} at {where} looks like a spelling of {entity.get('name')} "
                f"({alias!r}, {score:.0f}% alike) but is not registered: add it to the aliases of {entity.get('id')} "
                f"({entity.file}:{entity.line}) if the source spells it so, or fix the spelling", [fact], [location],
                tokens=(variant,))


class Spellings(dict):
    """Folded spelling -> (spelling, entity), indexed by word count: a name is compared only with the spellings of
    as many words, and those found in one pass of rapidfuzz (10,000 entities and 200 facts took 35 s one by one)."""

    @property
    def by_size(self) -> dict[int, list[str]]:
        if "_by_size" not in self.__dict__:
            self.__dict__["_by_size"] = index = {}
            for key in self:
                index.setdefault(len(key.split()), []).append(key)
        return self.__dict__["_by_size"]


def _known(ctx: Context) -> Spellings:
    """Every registered spelling (and its trailing words: 'Ostaeyen' of 'Van Ostaeyen'), folded -> (spelling, entity).

    Trailing words that are ordinary English ('License' of 'Apache License') are no spelling of the name
    on their own: "Licensor" is not a near miss of the Apache License.
    """
    known = Spellings()
    for entity in ctx.entity_list:
        for name in spellings(entity):
            words = name.split()
            for k in range(len(words), 0, -1):
                part = " ".join(words[-k:])
                if k == len(words) or not _english(fold(part)):
                    known.setdefault(fold(part), (part, entity))
    return known


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


def near_misses(
    text: str, known: dict, threshold: float, min_length: int
) -> Iterator[tuple[str, tuple[str, object, float]]]:
    """(variant, (closest registered spelling, its entity, similarity)) for each unregistered near miss in `text`."""
    for run in RUN_RE.finditer(text):
        words = [re.sub(r"['’]s$", "", w) for w in run.group(0).split()]
        if fold(" ".join(words)) in known:
            continue
        initial = SENTENCE_START.search(text, 0, run.start()) is not None
        yield from _in_run(words, known, threshold, min_length, initial)


def _in_run(words: list[str], known: dict, threshold: float, min_length: int,
            initial: bool = False) -> Iterator[tuple[str, tuple[str, object, float]]]:
    """Near misses among the word runs of one capitalised run; `initial`: the run opens a sentence."""
    grams = [(start, size) for size in range(len(words), 0, -1) for start in range(len(words) - size + 1)]
    # registered spellings: never flagged, nor their parts
    spans = [set(range(start, start + size)) for start, size in grams
             if fold(" ".join(words[start:start + size])) in known]
    flagged: set[int] = set()
    for start, size in grams:
        span = set(range(start, start + size))
        gram = " ".join(words[start:start + size])
        folded = fold(gram)
        if (
            span & flagged
            or any(span <= known_span for known_span in spans)
            or len(folded) < min_length
            or _english(folded)
        ):
            continue
        if {words[start].lower(), words[start + size - 1].lower()} & STOPWORDS or words[-1].lower() in PARTICLES:
            continue
        if initial and start == 0 and size == 1 and _common(folded):
            continue  # "Licensor provides ...": capitalised because it opens the sentence
        best = _closest(folded, size, known, threshold)
        if best and best[2] >= threshold:
            flagged |= span
            yield gram, best


def _closest(folded: str, size: int, known: dict, threshold: float = 0) -> tuple[str, object, float] | None:
    """The registered spelling of as many words closest to `folded` (at least `threshold` % alike), each word the
    same or a near miss of its counterpart ("Van Ostein" for "Van Ostyen"; not "II Terrorism" for "of Terrorism").
    Ties go to the spelling registered first."""
    index = known.by_size if isinstance(known, Spellings) else Spellings(known).by_size
    keys = index.get(size, [])
    alike = process.extract(folded, keys, scorer=fuzz.ratio, processor=None, score_cutoff=threshold, limit=None)
    best = None
    for key in [keys[position] for _, _, position in sorted(alike, key=lambda found: found[2])]:
        spelling, entity = known[key]
        if not all(
            a == b or fuzz.ratio(a, b) >= WORD_NEAR_MISS for a, b in zip(folded.split(), key.split())
        ):
            continue
        score = fuzz.ratio(folded, key)
        if best is None or score > best[2]:
            best = (spelling, entity, score)
    return best


# what stands before a sentence's first word: the text's start, or a sentence's end and an opening mark
SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"'’”)\]]*\s+)[\"“‘(\[•*-]?\s*$")
DERIVATIONS = (("or", ("", "e")), ("er", ("", "e")), ("ee", ("", "e")), ("ing", ("", "e")), ("ed", ("", "e")),
               ("ion", ("", "e")), ("ly", ("",)), ("ness", ("",)), ("ment", ("",)))


@lru_cache(maxsize=4096)
def _common(word: str) -> bool:
    """An ordinary English word, or one formed from it ("licensor" of "license", "provider" of "provide")."""
    return _english(word) or any(
        word.endswith(suffix) and len(word) - len(suffix) >= 3 and is_english_word(word[: -len(suffix)] + ending)
        for suffix, endings in DERIVATIONS for ending in endings
    )


@lru_cache(maxsize=4096)
def _english(folded: str) -> bool:
    """Every word is an ordinary English word ("Telegraph", "State"): not a misspelt name."""
    return all(is_english_word(word) for word in folded.split())
