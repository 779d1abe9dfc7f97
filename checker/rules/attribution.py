"""attribution (always on, warning): a quote that is someone's word stays theirs in the fact; a hedge stays too."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checker.model import CitationResult
from checker.rules.engine import Context, Finding, Spec, rule
from checker.rules.evidence import spellings
from checker.rules.support import names, straight

SAYING = r"(?:said|says|say|told|tells)"
ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]+)", re.IGNORECASE)
VERB = re.compile(rf"\b{SAYING}\b")
PRONOUNS = {"he", "she", "they"}
UNNAMED = re.compile(r"^(?:the|one|a|an)\s+(?:[a-z]+\s+){0,2}[a-z]+$")
HEDGE = re.compile(r"\b(?i:reportedly|allegedly|apparently|seemingly|probably|possibly|as it became known|"
                   r"it is believed|is said to)\b|\b(?:may|might)\b")
# a claim that reports what someone says keeps the hedge: "X says", "according to", "reports, as hearsay"
KEEPS_HEDGE = re.compile(r"\b(?:says?|said|according|reports?|reported|calls?|called|suspect\w*|expects?|judged|"
                         r"believes?|claims?|warned|cautioned|fears?|hearsay|told|writes|wrote|notes?)\b",
                         re.IGNORECASE)
SPEAKER_KINDS = ("person", "organisation", "publication", "platform")


@dataclass(frozen=True)
class Speaker:
    """Whose word a quote is: a registered entity, or the words that describe an unnamed one ("the official")."""

    phrase: str
    entity: object | None = None

    @property
    def name(self) -> str:
        return str(self.entity.get("name")) if self.entity is not None else self.phrase


@rule("attribution", always=True, severity="warning")
def attribution(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a fact whose quote the source attributes ("according to X", "X said", "X told", "X says") when
    the fact neither records who (`attributed_to: <entity id>`) nor names the speaker in its claim; and a
    claim that drops a hedge its quote's sentence has ("reportedly", "allegedly", "as it became known",
    "may"), unless the claim reports the statement as someone's ("the Russian article reports …").
    Warnings by default. A pronoun speaker ("he said") is the person named last before the quote
    (none registered: not flagged, who it is cannot be told).

    Why: "As of Tuesday afternoon, according to Van Ostaeyen, all the groups had disappeared" is one
    researcher's count; stated in the suite's voice it becomes a fact about all of ISIS.
    Example: claim "Telegram had only two active groups" citing "As of Tuesday afternoon, according to Van
    Ostaeyen, … Telegram had only two active groups."
    """
    yield from ctx.each(spec.facts, lambda fact: _unattributed(ctx, fact))


def _unattributed(ctx: Context, fact) -> Iterator[Finding]:
    reported: set[str] = set()
    for cited in (c for c in ctx.citations(fact) if c.ok):
        sentence = ctx.sentence(cited)
        for speaker in speakers(ctx, cited, sentence):
            if speaker.name in reported or _recorded(fact, speaker):
                continue
            reported.add(speaker.name)
            yield Finding(
                f"{fact.id}: the quote at {ctx.quote_where(fact, cited)} is the word of {speaker.name} "
                f"({_short(sentence)!r}), but the claim (at {fact.file}:{fact.line_of('claim')}) states it as fact: "
                f"name the speaker in the claim, or record attributed_to", [fact], ctx.quote_locations(fact, cited),
                tokens=(speaker.name,))
        hedge = HEDGE.search(ctx.near(cited))
        if hedge and not HEDGE.search(fact.claim) and not KEEPS_HEDGE.search(fact.claim):
            word = hedge.group(0)
            if word.casefold() in reported:
                continue
            reported.add(word.casefold())
            yield Finding(
                f"{fact.id}: the quote at {ctx.quote_where(fact, cited)} is hedged ({word!r}: {_short(sentence)!r}), "
                f"but the claim (at {fact.file}:{fact.line_of('claim')}) is not: keep the hedge, or say whose "
                "report it is", [fact], ctx.quote_locations(fact, cited), tokens=(word,))


def _recorded(fact, speaker: Speaker) -> bool:
    if speaker.entity is not None:
        return speaker.entity.get("id") in fact.attributed_to or names(speaker.entity, fact.claim)
    head = speaker.phrase.split()[-1]
    return bool(fact.attributed_to) or re.search(rf"\b{re.escape(head)}\b", fact.claim, re.IGNORECASE) is not None


def speakers(ctx: Context, cited: CitationResult, sentence: str) -> list[Speaker]:
    """Whose word the sentence around a quote reports, in order: "according to X", "X said", "said the official"."""
    found: list[Speaker | None] = []
    text = straight(sentence)
    for match in ACCORDING.finditer(text):
        found.append(_speaker(ctx, cited, match.group("who").strip(), text[: match.start()]))
    for match in VERB.finditer(text):
        before = re.split(r"[,;:“”\"()]|\. ", text[: match.start()])[-1].strip()
        after = re.split(r"[,;:.“”\"()]", text[match.end():])[0].strip()
        if before:
            found.append(_speaker(ctx, cited, before, text[: match.start()]))
        elif UNNAMED.match(after) or after[:1].isupper():
            found.append(_speaker(ctx, cited, after, text[: match.start()]))
    return list({s.name: s for s in found if s is not None}.values())


def _speaker(ctx: Context, cited: CitationResult, phrase: str, earlier: str) -> Speaker | None:
    """The entity a speaker phrase names ("the police official"), a pronoun's antecedent, or the phrase itself."""
    if phrase.casefold() in PRONOUNS:  # None when no registered person is named before: who it is cannot be told
        found = _last_named(ctx, ctx.before(cited) + " " + earlier, ("person",))
        return Speaker(phrase, found) if found is not None else None
    named = [e for e in ctx.entity_list if e.get("kind") in SPEAKER_KINDS and names(e, phrase)]
    if named:
        people = [e for e in named if e.get("kind") == "person"]
        return Speaker(phrase, (people or named)[0])
    if UNNAMED.match(phrase.casefold()):
        return Speaker(phrase.casefold())
    return Speaker(phrase, _last_named(ctx, earlier, ("person",)))


def _last_named(ctx: Context, text: str, kinds: tuple[str, ...]):
    """The entity of these kinds whose name or alias stands last in `text`, or None."""
    best, where = None, -1
    plain = straight(text)
    for entity in ctx.entity_list:
        if entity.get("kind") not in kinds:
            continue
        for name in spellings(entity):
            for match in re.finditer(rf"(?<!\w){re.escape(straight(name))}(?!\w)", plain):
                if match.end() > where:
                    best, where = entity, match.end()
    return best


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
