"""support (always on): the quotes name the entities a fact is about and holds, and each says something of the claim."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from checker.model import CitationResult, Location
from checker.rules.engine import Context, Finding, Spec, rule
from checker.rules.evidence import spellings
from checker.values import EntityRef

STOPWORDS = frozenset(
    "a an the and or but nor of in on at by for from to with without into onto over under as than that this these "
    "those it its it's he she they them their his her him we our you your i me my is are was were be been being has "
    "have had do does did not no so such there here which who whom whose what when where while after before since "
    "until also even only just any all some many much more most other another one ones about against between "
    "through during both each few very can could will would should may might must said says say told tells "
    "according".split()
)
WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")


@rule("support", always=True)
def support(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags an entity a fact holds (`value: {entity: …}`, a dispute's `says`) or is `about` that none of its
    quotes names — by the entity's name or a registered alias, in the quote or in the sentence around it in the
    source — and warns on a quote that shares no content word with the claim or value (beyond the names of the
    entities the claim mentions).

    Why: a quote that stands in its source proves the source says it, not that it says what the fact claims;
    "Europol … led to one of the biggest crack downs" does not say Europol led, and a quote about TamTam's
    "mystery" supports nothing in "ThePrint calls TamTam a carbon copy of Telegram".
    Example: `about: usman-khan` citing only "Neil Basu, UK top cop who killed London Bridge attack suspect".
    """
    yield from ctx.each(spec.facts, lambda fact: _unsupported(ctx, fact))


def _unsupported(ctx: Context, fact) -> Iterator[Finding]:
    cites = [c for c in ctx.citations(fact) if c.ok]
    value = ctx.value(fact)
    if cites and isinstance(value, EntityRef):
        yield from _unnamed(ctx, fact, value.id, cites, "value", "holds")
    subject = ctx.entities.get(fact.about) if fact.about else None
    if cites and subject is not None and subject.get("kind") != "event":  # an event is named by description
        yield from _unnamed(ctx, fact, fact.about, cites, "about", "is about", "warning")
    for info in ctx.disputes_of(fact):
        if isinstance(info.says, EntityRef) and info.result is not None and info.result.ok:
            yield from _unnamed(ctx, fact, info.says.id, [info.result], "dispute", "is disputed by a source saying")
    yield from _off_topic(ctx, fact, cites)


def _unnamed(ctx: Context, fact, entity_id: str, cites: list[CitationResult], key: str, verb: str,
             severity: str | None = None):
    entity = ctx.entities[entity_id] if entity_id in ctx.entities else None
    if entity is None or any(names(entity, ctx.sentence(c, antecedent=True)) for c in cites):
        return
    if key == "about" and any(names(entity, heading(ctx.before(c))) for c in cites):
        return  # a section about its subject: "tally (2.1-1) unstable" heads the changelog entry quoted
    where = "; ".join(ctx.quote_where(fact, c) for c in cites)
    line = cites[0].citation.line if key == "dispute" else fact.line_of(key)
    locations = [Location(fact.file, line, fact.id, key)]
    locations += [location for c in cites for location in ctx.quote_locations(fact, c)]
    yield Finding(
        f"{fact.id} {verb} {entity.get('name', entity_id)} (at {fact.file}:{line}), but neither its quotes nor the "
        f"sentences around them name it ({where}; spellings: {', '.join(spellings(entity))}): cite a passage that "
        "names it, or register the source's spelling as an alias", [fact], locations, severity=severity,
        tokens=(entity_id,))


def heading(before: str) -> str:
    """The nearest heading above a quote: a short line that follows a blank line (or opens the text) and does not
    end a sentence. A changelog entry, or an article's section, names its subject there."""
    lines = before.split("\n")[:-1]  # the quote's own line is not above it
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if line and (index == 0 or not lines[index - 1].strip()) and len(line) < 100 and line[-1] not in ".!?”\"":
            return line
    return ""


def names(entity, text: str) -> bool:
    """Does `text` name the entity by its name or one of its aliases (case-blind, whole words)?"""
    plain = straight(text)
    return any(re.search(rf"(?<!\w){re.escape(straight(name))}(?!\w)", plain, re.IGNORECASE)
               for name in spellings(entity))


def straight(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def _off_topic(ctx: Context, fact, cites: list[CitationResult]) -> Iterator[Finding]:
    said = content_words(_what_is_claimed(ctx, fact), _subject_words(ctx, fact, cites))
    if not said:
        return
    for cited in cites:
        if not content_words(cited.citation.quote) & said:
            yield Finding(
                f"{fact.id}: the quote at {ctx.quote_where(fact, cited)} shares no word with the claim (at "
                f"{fact.file}:{fact.line_of('claim')}) beyond the names in it: it does not support the claim. Cite "
                "the passage that says what the claim says, or drop the quote", [fact],
                ctx.quote_locations(fact, cited), severity="warning", tokens=(cited.citation.quote,))


def _what_is_claimed(ctx: Context, fact) -> str:
    value = ctx.value(fact)
    words = [fact.claim]
    if isinstance(value, EntityRef) and value.id in ctx.entities:
        words.append(str(ctx.entities[value.id].get("name", "")))
    elif value is not None and not isinstance(value, bool):
        words.append(str(value))
    return " ".join(words)


def _subject_words(ctx: Context, fact, cites: list[CitationResult]) -> set[str]:
    """The words naming what the fact is about, not what it says of it: the `about` entity's spellings, and those of
    an entity the claim and every one of several quotes name ("TamTam" in each quote about TamTam)."""
    about = ctx.entities.get(fact.about) if fact.about else None
    subjects = [about] if about is not None and about.get("kind") != "event" else []
    if len(cites) > 1:
        subjects += [e for e in ctx.entity_list
                     if names(e, fact.claim) and all(names(e, c.citation.quote) for c in cites)]
    value = ctx.value(fact)
    held = ctx.entities.get(value.id) if isinstance(value, EntityRef) else None
    return _words_of([e for e in subjects if e is not held]) - _words_of([held] if held is not None else [])


def _words_of(entities: list) -> set[str]:
    return {stem(w) for entity in entities for name in spellings(entity)
            for w in WORD.findall(straight(name).casefold())}


def content_words(text: str, leave_out: set[str] = frozenset()) -> set[str]:
    """The words that carry meaning, folded to a crude stem ("stabbed" and "stab" meet); numbers count."""
    words = (stem(w) for w in WORD.findall(straight(text).casefold()))
    return {w for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit()) and w not in leave_out}


SUFFIXES = ("ments", "ment", "ings", "ing", "ers", "er", "ed", "es", "s", "ly")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: "attacker", "attacked" and "attack" meet, "announcement" and "announced" too."""
    word = re.sub(r"'s$", "", word)
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word
