"""integrity (always on): ids are unique and every entity and source a fact refers to exists."""
from __future__ import annotations

import difflib
from typing import Iterator

from checker.load import Mapping
from checker.model import Location
from checker.rules.engine import Context, Finding, Spec, facts_about, rule
from checker.rules import waivers as waiving
from checker.rules.evidence import spellings
from checker.validate import load_schema
from checker.values import EntityRef

USUAL_KINDS = tuple(load_schema("facts")["$defs"]["kind"]["examples"])  # person, organisation, platform ...


@rule("integrity", always=True)
def integrity(ctx: Context, spec: Spec) -> Iterator[Finding]:
    """Flags a reference to an entity that is not registered, a waiver naming a rule that does not run,
    and an entity id registered twice;
    warns when one spelling is registered for two entities (the names rule cannot tell them apart);
    warns when sources.yaml exists but has no entry for a cited source (no publication date to
    resolve "Friday" against, no lineage to count copies by); warns when an entity's kind looks like
    a misspelling of a usual or declared kind (`persn`), or, once the project declares its own kinds
    under `entity_kinds:`, is neither usual nor declared. Kinds are otherwise open: `license` is fine.

    Why: `about: london-bridge-atack` silently splits one subject in two, so no rule ever compares
    its facts; a second entity with the same id makes every alias ambiguous.
    Example: `about: london-bridge-atack` when facts/entities.yaml registers `london-bridge-attack`.
    """
    yield from ctx.each(spec.facts, lambda fact: _references(ctx, fact))
    yield from _duplicate_entities(ctx)
    yield from _shared_spellings(ctx)
    yield from _unknown_kinds(ctx)


def _unknown_kinds(ctx: Context) -> Iterator[Finding]:
    known = sorted(set(USUAL_KINDS) | ctx.entity_kinds)
    for entity in ctx.entity_list:
        kind = entity.get("kind")
        if not isinstance(kind, str) or kind in known:
            continue
        close = difflib.get_close_matches(kind, known, n=1, cutoff=0.75)
        if close:
            what = f"which looks like a misspelling of '{close[0]}'"
        elif ctx.entity_kinds:
            declared = ", ".join(sorted(ctx.entity_kinds))
            what = f"which is neither a usual kind nor one declared under entity_kinds: ({declared})"
        else:
            continue  # kinds are open until the project declares its own
        shown_on = next(facts_about(ctx, entity.get("id")), None) or next(iter(ctx.facts), None)
        line = entity.line_of("kind")
        yield Finding(
            f"entity {entity.get('id')} ({entity.file}:{line}) has kind '{kind}', {what}: correct it, "
            "or add it to entity_kinds: if it is one of your own",
            [shown_on] if shown_on else [], [Location(entity.file, line, None, "entity")], severity="warning")


def _references(ctx: Context, fact) -> Iterator[Finding]:
    """The entities and sources one fact refers to."""
    if fact.about is not None and fact.about not in ctx.entities:
        yield _unknown_entity(ctx, fact, "about", fact.about)
    value = ctx.value(fact)
    if isinstance(value, EntityRef) and value.id not in ctx.entities:
        yield _unknown_entity(ctx, fact, "value", value.id)
    for entity_id in fact.attributed_to:
        if entity_id not in ctx.entities:
            yield _unknown_entity(ctx, fact, "attributed_to", entity_id)
    for info in ctx.disputes_of(fact):
        if isinstance(info.says, EntityRef) and info.says.id not in ctx.entities:
            yield _unknown_entity(ctx, fact, "says", info.says.id, info.dispute.line)
    yield from _source_without_metadata(ctx, fact)
    for candidate in (c for c in ctx.waivers if c.fact is fact):
        why = waiving.unknown_rule(candidate, ctx.running, ctx.kinds)
        if why:
            yield Finding(f"{fact.id}: the waiver at {candidate.where} {why}", [fact],
                          [Location(fact.file, candidate.waiver.line, fact.id, "waiver")])


def _unknown_entity(ctx: Context, fact, key: str, entity_id: str, line: int | None = None) -> Finding:
    line = line or fact.line_of(key)
    close = difflib.get_close_matches(entity_id, list(ctx.entities), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "register it under entities: (id, name, kind, aliases)"
    return Finding(
        f"{fact.id}: '{key}' names entity '{entity_id}', which is not registered at {fact.file}:{line}: {hint}",
        [fact], [Location(fact.file, line, fact.id, key)], tokens=(entity_id,),
    )


def _duplicate_entities(ctx: Context) -> Iterator[Finding]:
    first: dict[str, Mapping] = {}
    for entity in ctx.entity_list:
        entity_id = entity.get("id")
        if not isinstance(entity_id, str):
            continue
        if entity_id not in first:
            first[entity_id] = entity
            continue
        shown_on = next(facts_about(ctx, entity_id), None) or next(iter(ctx.facts), None)
        where = first[entity_id]
        yield Finding(
            f"entity id '{entity_id}' is registered twice: "
            f"{where.file}:{where.line} and {entity.file}:{entity.line}: merge them",
            [shown_on] if shown_on else [],
            [Location(where.file, where.line, None, "entity"), Location(entity.file, entity.line, None, "entity")],
        )


def _shared_spellings(ctx: Context) -> Iterator[Finding]:
    owners: dict[str, Mapping] = {}
    for entity in ctx.entity_list:
        for name in spellings(entity):
            first = owners.setdefault(name.casefold(), entity)
            if first.get("id") != entity.get("id"):
                shown_on = next(facts_about(ctx, entity.get("id")), None) or next(iter(ctx.facts), None)
                yield Finding(
                    f"the spelling {name!r} is registered for two entities: "
                    f"{first.get('id')} ({first.file}:{first.line}) "
                    f"and {entity.get('id')} ({entity.file}:{entity.line}): keep it on the one it names",
                    [shown_on] if shown_on else [], [Location(entity.file, entity.line, None, "entity")],
                    severity="warning")


def _source_without_metadata(ctx: Context, fact) -> Iterator[Finding]:
    if not ctx.metadata:
        return  # no sources.yaml at all: nothing to be missing from
    result = ctx.results.get(fact)
    checked = result.citations + result.disputes if result else []
    # a source that cannot be read is an input error already, reported where it is cited
    cited = [(c.citation.source, c.citation.source_line) for c in checked if c.match.status != "missing-source"]
    for source, line in dict(cited).items():
        if source not in ctx.metadata:
            yield Finding(f"{fact.id}: {ctx.source_path(source)} (cited at {fact.file}:{line}) has no entry in "
                          f"{ctx.source_path('sources.yaml')}: its publication date and lineage are unknown, so "
                          "relative dates in it cannot be resolved and its copies cannot be told apart; add it",
                          [fact], [Location(fact.file, line, fact.id, "quote")], severity="warning", tokens=(source,))
