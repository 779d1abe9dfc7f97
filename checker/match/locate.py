"""Quote -> place in the source: normalize both sides, then match exactly, part by part, or as closely as the
source allows.

A quote is split at its ellipses into parts that must stand in order within one paragraph
(or `max_gap` characters); a part's [brackets] are an editor's insertion, matching a short
span of the source or nothing. When no exact match exists, the closest passage is aligned
word by word and every difference is classified (checker.match.differences): transcription slips
pass as `fuzzy` unless strict; a change of meaning never passes.
"""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import islice

from rapidfuzz import fuzz

from checker.match.brackets import bracket_occurrences
from checker.match.differences import Comparison, Passage, compare, is_count, negates
from checker.match.document import Document, at_boundary
from checker.model import Match, Selector, Span
from checker.match.normalize import PLACEHOLDER, Word, fold_for_search
from checker.match.quote import (
    ELLIPSIS, Found, MatchOptions, Part, content_bounds, literal_part, parse_quote, too_short,
)

__all__ = ["Document", "MatchOptions", "contains", "locate", "occurrences"]

MAX_CANDIDATES = 64
ALIGN_WHOLE = 1 << 18  # characters: a region up to this long is aligned with the quote whole
LONG_QUOTE = 400  # characters: a longer quote is placed by its exact pieces (aligning it whole costs seconds)
PIECE_WORDS = 4  # words in each exact piece that anchors a bounded search
MAX_PIECES = 6
PLACES_PER_PIECE = 16
PLACES_COMPARED = 4
POOR_SCORE = 60  # below this the closest passage is not the quote misremembered but another passage
MIN_STITCH_WORDS = 3
APPROXIMATORS = frozenset("nearly over about around almost approximately roughly some under than".split())
SHORT_OMISSION = 3  # words: an omission this short may not hide a count either
_NOT_A_SPACE = re.compile("[^ ]")


# ---- exact matching ----------------------------------------------------------------------------


def exact_occurrences(
    part: Part, doc: Document, lo: int, hi: int, options: MatchOptions, *, limit: int = MAX_CANDIDATES
) -> list[Found]:
    """Every place in doc.norm.text[lo:hi] where the part stands exactly (after normalization), on word boundaries."""
    if part.brackets:
        return bracket_occurrences(part, doc, lo, hi, options, limit=limit)
    text, found = doc.norm.text, []
    for at in doc.positions(part.text, lo, hi):
        if len(found) >= limit:
            break
        end = at + len(part.text)
        if at_boundary(text, at - 1) and at_boundary(text, end):
            found.append(Found(start=at, end=end))
    return found


def exact_chains(parts: list[Part], doc: Document, options: MatchOptions) -> list[list[Found]]:
    """Every way the parts stand exactly, in order, each within the allowed gap of the one before."""
    chains = []
    for first in exact_occurrences(parts[0], doc, 0, len(doc.norm.text), options):
        chain = [first]
        for part in parts[1:]:
            nxt = exact_occurrences(
                part, doc, chain[-1].end, gap_limit(doc, chain[-1].end, options, part), options, limit=1
            )
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


def closest(part: Part, doc: Document, lo: int, hi: int) -> tuple[Found | None, str]:
    """The passage of doc.norm.text[lo:hi] closest to the part, aligned word by word and compared; and, when the
    region was too long to align whole and only the places holding exact pieces of the quote were compared, why
    the quote may stand elsewhere ('' when the whole region was compared)."""
    text = doc.norm.text
    query = part.text.replace(PLACEHOLDER, " ")
    if not _NOT_A_SPACE.search(text, lo, hi) or not part.words:
        return None, ""
    bound = ""
    if len(query) > hi - lo:
        start, end = lo, hi
    elif hi - lo <= ALIGN_WHOLE and len(query) <= LONG_QUOTE:
        aligned = fuzz.partial_ratio_alignment(query, text[lo:hi])
        start, end = lo + aligned.dest_start, lo + aligned.dest_end
    else:
        places, bound = _anchored_places(part, query, doc, lo, hi)
        if not places:
            return None, bound
        start, end = places[0]
        if len(query) <= LONG_QUOTE and len(places) > 1:
            best = -1.0
            for first, last in places:
                aligned = fuzz.partial_ratio_alignment(query, text[first:last], score_cutoff=best if best > 0 else 0)
                if aligned is not None and aligned.score > best:
                    best, start, end = aligned.score, first + aligned.dest_start, first + aligned.dest_end
        elif len(query) <= LONG_QUOTE:
            aligned = fuzz.partial_ratio_alignment(query, text[start:end])
            start, end = start + aligned.dest_start, start + aligned.dest_end
    slack = len(query) // 2 + 16
    window = doc.words_between(max(lo, start - slack), min(hi, end + slack))
    if not window:
        return None, bound
    best, quoted = None, Passage(part.text, part.words)
    for chosen in _alignments(part.words, window):
        comparison = compare(quoted, Passage(doc.norm.text, chosen), doc.where, doc.vocabulary)
        if best is None or (
            (len(comparison.changes), comparison.slip_count) < (len(best[1].changes), best[1].slip_count)
        ):
            best = chosen, comparison
    chosen, comparison = best
    begin, finish = chosen[0].start, chosen[-1].end
    found = Found(start=begin, end=finish, comparison=comparison, score=fuzz.ratio(query, doc.norm.text[begin:finish]))
    return found, bound


def _anchored_places(part: Part, query: str, doc: Document, lo: int, hi: int) -> tuple[list[tuple[int, int]], str]:
    """Where in doc.norm.text[lo:hi] the quote may stand, from where pieces of a few of its words stand exactly: the
    stretches (widened by half the quote) that the most pieces point at, most first; and what the search left out."""
    words = part.words
    starts = range(0, len(words), PIECE_WORDS)
    step = max(1, -(-len(starts) // MAX_PIECES))
    votes: list[tuple[int, int]] = []  # (where the quote would start, which piece says so)
    for number, first in enumerate(starts[::step]):
        last = words[min(first + PIECE_WORDS, len(words)) - 1]
        piece = part.text[words[first].start : last.end]
        if PLACEHOLDER in piece:
            continue
        for at in islice(doc.positions(piece, lo, hi), PLACES_PER_PIECE):
            votes.append((at - words[first].start, number))
    size = f"{doc.name} has {hi - lo:,} characters to search, too many to align the quote with whole"
    if len(query) > LONG_QUOTE:
        size = f"the quote has {len(query):,} characters, too many to align whole"
    if not votes:
        return [], (
            f"the closest passage search stopped: no piece of {PIECE_WORDS} words of the quote stands exactly in "
            f"{doc.name} ({size}): the quote may stand, changed, in a part not compared"
        )
    votes.sort()
    slack = len(query) // 2 + 16
    clusters: list[list[tuple[int, int]]] = []
    for vote in votes:
        if clusters and vote[0] - clusters[-1][-1][0] <= slack:
            clusters[-1].append(vote)
        else:
            clusters.append([vote])
    clusters.sort(key=lambda c: (-len({number for _, number in c}), c[0][0]))
    places = [
        (max(lo, c[0][0] - slack), min(hi, c[-1][0] + len(query) + slack)) for c in clusters[:PLACES_COMPARED]
    ]
    left = len(clusters) - len(places)
    bound = (
        f"the closest passage search stopped at the {len(places)} place{'s' if len(places) > 1 else ''} where most "
        f"pieces of the quote stand exactly ({size}"
        + (f"; {left} other place{'s' if left > 1 else ''} holding a piece not compared" if left else "")
        + "): the quote may stand, changed, in a part not compared"
    )
    return places, bound


def _alignments(quote: tuple[Word, ...], window: list[Word]) -> list[list[Word]]:
    """Stretches of `window` that may line up with the quote's words: from its first to its last matching
    block (as many words as the quote at the ends), and around its longest block (a lone "the" earlier
    in the window must not pull the passage back)."""
    blocks = [
        b
        for b in SequenceMatcher(
            None, [w.text for w in quote], [w.text for w in window], autojunk=False
        ).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        middle = max(0, (len(window) - len(quote)) // 2)
        return [window[middle : middle + len(quote)]]
    first, last = blocks[0], blocks[-1]
    spanning = window[
        max(0, first.b - first.a) : min(len(window), last.b + last.size + (len(quote) - last.a - last.size))
    ]
    longest = max(blocks, key=lambda b: b.size)
    around = window[max(0, longest.b - longest.a) : min(len(window), longest.b - longest.a + len(quote))]
    return [spanning] if around == spanning or not around else [spanning, around]


# ---- the verdict -------------------------------------------------------------------------------


def locate(
    quote: str, doc: Document, options: MatchOptions = MatchOptions(), selector: Selector | None = None
) -> Match:
    """Where and how well `quote` stands in `doc`: verbatim, normalized, elided, fuzzy, mismatch or too-short."""
    parts, chains = exact_parts_and_chains(quote, doc, options)
    short = too_short(parts, options)
    if short:
        return Match(status="too-short", ok=False, score=0.0, differences=(short,))
    if chains:
        chain, moved = choose(chains, doc, selector, quote, parts)
        return verdict(quote, parts, chain, doc, options, moved=moved)
    chain, bound = closest_chain(parts, doc, options)
    moved = _moved(chain, doc, selector) if selector and chain and not _fits(chain, doc, selector) else ""
    return verdict(quote, parts, chain, doc, options, moved=moved, bound=bound)


def contains(quote: str, doc: Document, options: MatchOptions = MatchOptions()) -> Match | None:
    """The quote's exact (normalized) match in `doc`, or None: where a misattributed quote really stands."""
    parts, chains = exact_parts_and_chains(quote, doc, options)
    if too_short(parts, options) or not chains:
        return None
    return verdict(quote, parts, chains[0], doc, options)


def occurrences(quote: str, doc: Document, options: MatchOptions = MatchOptions()) -> list[Span]:
    """Every place the quote stands exactly (after normalization) in `doc`, in source order, each from its first
    part's start to its last part's end: more than one, and a citation needs a pin to say which."""
    parts, chains = exact_parts_and_chains(quote, doc, options)
    if too_short(parts, options):
        return []
    return [doc.span(chain[0].start, chain[-1].end) for chain in chains]


def exact_parts_and_chains(quote: str, doc: Document, options: MatchOptions) -> tuple[list[Part], list[list[Found]]]:
    """The quote's parts and their exact matches: the quote as written when the source has its ellipses or
    brackets too (one part), else part by part (none when it is too short to look for)."""
    parts = parse_quote(quote)
    if len(parts) > 1 or (parts and parts[0].brackets):
        literal = literal_part(quote)
        found = exact_occurrences(literal, doc, 0, len(doc.norm.text), options) if literal else []
        if found:
            return [literal], [[f] for f in found]
    if too_short(parts, options):
        return parts, []
    chains = exact_chains(parts, doc, options)
    if not chains and any(part.brackets for part in parts):  # the source's own brackets, between ellipses
        literal = [part for part in (literal_part(raw) for raw in ELLIPSIS.split(quote)) if part is not None]
        chains = exact_chains(literal, doc, options)
        if chains:
            return literal, chains
    return parts, chains


def choose(
    chains: list[list[Found]], doc: Document, selector: Selector | None, quote: str, parts: list[Part]
) -> tuple[list[Found], str]:
    """The occurrence the selector pins (all when none does, saying why it moved); among them one that neither
    begins nor ends inside a hyphenated compound (such a place is a mismatch, another may be the quote), then the
    one that stands byte for byte, then one whose letter case matches, then the first."""
    candidates = [chain for chain in chains if selector is None or _fits(chain, doc, selector)]
    moved = "" if candidates else _moved(chains[0], doc, selector)
    best, best_likeness = None, 6
    for chain in candidates or chains:  # the first of the likest; none is liker than one standing byte for byte
        likeness = _likeness(chain, doc, quote, parts) + (3 if cut_compounds(chain, doc) else 0)
        if likeness < best_likeness:
            best, best_likeness = chain, likeness
            if likeness == 0:
                break
    return best, moved


def _likeness(chain: list[Found], doc: Document, quote: str, parts: list[Part]) -> int:
    if len(chain) == 1 and _verbatim_span(quote, doc.span(chain[0].start, chain[0].end), doc) is not None:
        return 0
    same_case = all(_same_letters(part, found, doc) or [w.original for w in part.words] == [
        w.original for w in doc.words_between(found.start, found.end)] for part, found in zip(parts, chain))
    return 1 if same_case else 2


def _fits(chain: list[Found], doc: Document, selector: Selector) -> bool:
    text, start, end = doc.norm.text, chain[0].start, chain[-1].end
    if selector.lines and not selector.lines[0] <= doc.span(start, end).line <= selector.lines[1]:
        return False
    if selector.prefix and not (
        text[max(0, start - len(selector.prefix) - 8) : start].rstrip().endswith(fold_for_search(selector.prefix))
    ):
        return False
    if selector.suffix and not (
        text[end : end + len(selector.suffix) + 8].lstrip(" .,;:").startswith(fold_for_search(selector.suffix))
    ):
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


def closest_chain(parts: list[Part], doc: Document, options: MatchOptions) -> tuple[list[Found], str]:
    """Each part's closest passage, in order, each searched within the allowed gap after the one before; and why
    the quote may stand elsewhere when a search compared only some places ('' when none was bounded)."""
    chain: list[Found] = []
    bounds: list[str] = []
    for part in parts:
        lo = chain[-1].end if chain else 0
        hi = gap_limit(doc, lo, options, part) if chain else len(doc.norm.text)
        exact = exact_occurrences(part, doc, lo, hi, options, limit=1)
        found, bound = (exact[0], "") if exact else closest(part, doc, lo, hi)
        bounds += [bound] if bound else []
        beyond = (
            _beyond_the_gap(part, doc, lo, hi, options)
            if chain and (found is None or found.comparison.changes)
            else None
        )
        if beyond is not None:
            found = beyond
        elif found is not None and found.comparison.changes:
            found = _explain_poor_match(found, part, doc, options)
        if found is None:
            break
        chain.append(found)
    return chain, "; ".join(bounds)


def _beyond_the_gap(part: Part, doc: Document, lo: int, hi: int, options: MatchOptions) -> Found | None:
    """An elided part that does stand later in the source, but farther than the gap allows: say so."""
    later = exact_occurrences(part, doc, lo, len(doc.norm.text), options, limit=1)
    if not later:
        return None
    found = later[0]
    limit = "its paragraph" if options.max_gap is None else f"{options.max_gap} characters"
    beyond = (
        f'the part "{part.original.strip()}" stands at {doc.where(found.start)}, '
        f"beyond {limit} after the part before it: "
        "an ellipsis may not join separate passages"
    )
    return replace(found, comparison=Comparison(changes=(beyond,)))


def _explain_poor_match(found: Found, part: Part, doc: Document, options: MatchOptions) -> Found:
    """The found passage with its pile of word differences replaced by the one explanation that matters, if any."""
    stitched = stitched_passages(part, doc, options)
    if stitched:
        return _with_changes(found, stitched)
    if found.score < POOR_SCORE and len(found.comparison.changes) > 2:
        return _with_changes(found, (
            f"no passage of {doc.name} says this: the closest ({doc.where(found.start)}, score {found.score:.0f}) "
            f"differs in {len(found.comparison.changes)} places (see the diff)"
        ))
    return found


def _with_changes(found: Found, change: str) -> Found:
    """`found` with one change of meaning in place of those its comparison listed (its slips and diff kept)."""
    return replace(found, comparison=replace(found.comparison, changes=(change,)))


def stitched_passages(part: Part, doc: Document, options: MatchOptions) -> str:
    """Whether the quote joins two passages that stand apart in the source (an omission with no ellipsis)."""
    if PLACEHOLDER in part.text or len(part.words) < 2 * MIN_STITCH_WORDS:
        return ""
    # heads are prefixes of each other, tails suffixes: where a head stands, every shorter head stands too; so two
    # bisections (a few scans of the source, not two a split) find the splits whose head and tail both stand
    # somewhere, and only those are looked at, longest head first, as before
    lowest, highest = MIN_STITCH_WORDS, len(part.words) - MIN_STITCH_WORDS
    longest_head = _bisect_last(lowest, highest, lambda split: doc.find(_head(part, split).text) >= 0)
    if longest_head < lowest:
        return ""
    shortest_tail = highest + lowest - _bisect_last(
        lowest, highest, lambda flipped: doc.find(_tail(part, highest + lowest - flipped).text) >= 0
    )
    for split in range(longest_head, shortest_tail - 1, -1):
        head, tail = _head(part, split), _tail(part, split)
        heads = exact_occurrences(head, doc, 0, len(doc.norm.text), options, limit=1)
        tails = exact_occurrences(tail, doc, 0, len(doc.norm.text), options, limit=1) if heads else []
        if heads and tails and not 0 <= tails[0].start - heads[0].end <= 3:
            return (
                f'the quote joins "{_original(head)}" ({doc.where(heads[0].start)}) and "{_original(tail)}" '
                f"({doc.where(tails[0].start)}), which do not stand together in the source: "
                'mark the omission with "..." (within one paragraph) or cite the passages separately'
            )
    return ""


def _head(part: Part, split: int) -> Part:
    return part.within(0, part.words[split - 1].end)


def _tail(part: Part, split: int) -> Part:
    return part.within(part.words[split].start, len(part.text))


def _bisect_last(lowest: int, highest: int, holds) -> int:
    """The largest n in [lowest, highest] for which `holds(n)`, when it holds up to some n and not beyond (else
    lowest - 1)."""
    while lowest <= highest:
        middle = (lowest + highest) // 2
        if holds(middle):
            lowest = middle + 1
        else:
            highest = middle - 1
    return highest


def _original(part: Part) -> str:
    return " ".join(w.original for w in part.words)


def verdict(
    quote: str,
    parts: list[Part],
    chain: list[Found],
    doc: Document,
    options: MatchOptions,
    *,
    moved: str = "",
    bound: str = "",
) -> Match:
    """Status, ok, score, spans and explanations from where each part was found (`bound`: why a failing quote may
    stand in a part of the source the closest-passage search did not compare)."""
    spans = tuple(doc.span(f.start, f.end) for f in chain)
    matched = " … ".join(doc.text[s.start : s.end] for s in spans)
    located = {"spans": spans, "matched": matched, "moved": moved}
    bounds = (bound,) if bound else ()
    if len(chain) < len(parts):
        missing = parts[len(chain)].original.strip()
        differences = (f'no passage of {doc.name} resembles "{missing}"',) + bounds
        return Match(status="mismatch", ok=False, score=0.0, differences=differences, **located)
    if len(parts) == 1 and not parts[0].brackets and chain[0].comparison == Comparison() and not chain[0].notes:
        verbatim = _verbatim_span(quote, spans[0], doc)  # as written, byte for byte: no word needs comparing
        if verbatim is not None and not cut_compounds(chain, doc):
            return Match(status="verbatim", ok=True, score=100.0, spans=(verbatim,), matched=quote, moved=moved)
    chain = [_case_checked(part, found, doc) for part, found in zip(parts, chain)]
    changes = [c for f in chain for c in f.comparison.changes] + list(omissions_that_change_meaning(chain, doc))
    changes += cut_compounds(chain, doc)
    slips = [s for f in chain for s in f.comparison.slips]
    notes = [n for f in chain for n in f.notes]
    diff = " … ".join(
        f.comparison.diff for f in chain if f.comparison.diff and (f.comparison.changes or f.comparison.slips)
    )
    score = min(f.score for f in chain)
    allowed = max(1, int(options.slips_per_100 * sum(len(p.text) for p in parts) / 100))
    slip_count = sum(f.comparison.slip_count for f in chain)
    if not changes and slip_count > allowed:
        changes = [
            f"{slip_count} transcription slips where {allowed} at most are allowed for a quote this long: "
            "copy the passage again"
        ]
    if changes:
        differences = tuple(changes + slips) + bounds
        return Match(status="mismatch", ok=False, score=score, differences=differences, diff=diff, **located)
    if slips:
        differences = tuple(slips + notes)
        return Match(status="fuzzy", ok=not options.strict, score=score, differences=differences, diff=diff, **located)
    if len(parts) > 1 or any(p.brackets for p in parts):
        return Match(status="elided", ok=True, score=100.0, differences=tuple(notes), **located)
    verbatim = _verbatim_span(quote, spans[0], doc)
    if verbatim is not None:
        return Match(status="verbatim", ok=True, score=100.0, spans=(verbatim,), matched=quote, moved=moved)
    return Match(status="normalized", ok=True, score=100.0, **located)


def omissions_that_change_meaning(chain: list[Found], doc: Document):
    """An ellipsis may not hide a negation at either end of what it leaves out, nor, in a short omission,
    a negation or a count: "it would ... be easy" for "it would not be easy" reverses the quote."""
    for before, after in zip(chain, chain[1:]):
        gap = doc.words_between(before.end, after.start)
        if not gap:
            continue
        short = len(gap) <= SHORT_OMISSION
        hidden = [w for w in gap if negates(w) or (short and is_count(w.text))]
        kept, next_kept = (
            doc.words_between(before.start, before.end)[-1:], doc.words_between(after.start, after.end)[:1]
        )
        if is_count(gap[0].text) and (
            (next_kept and is_count(next_kept[0].text)) or (kept and kept[0].text in APPROXIMATORS)
        ):
            yield (
                f'the omission "..." leaves out the number "{gap[0].original}" '
                f"and joins what stood around it to another ({doc.where(gap[0].start)})"
            )
            continue
        if hidden and (short or negates(gap[0]) or negates(gap[-1])):
            what = "a negation" if any(negates(w) for w in hidden) else "a number"
            left_out = " ".join(w.original for w in gap) if short else hidden[0].original
            yield (
                f'the omission "..." leaves out "{left_out}", {what}: '
                f"that changes the meaning ({doc.where(gap[0].start)})"
            )


def cut_compounds(chain: list[Found], doc: Document) -> list[str]:
    """A quote may not begin or end inside a hyphenated compound: "existing elements" of "non-existing elements"."""
    out = []
    for offset, inside in ((chain[0].start, -1), (chain[-1].end - 1, 1)) if chain else ():
        at = doc.norm.origin[offset]
        dash, beyond = at + inside, at + 2 * inside
        if (
            0 <= min(dash, beyond)
            and max(dash, beyond) < len(doc.text)
            and doc.text[dash] in "-\u2010\u2011"
            and doc.text[beyond].isalnum()
        ):
            word = doc.text[min(at, beyond) : max(at, beyond) + 1]
            out.append(
                f'the quote {"begins" if inside < 0 else "ends"} inside the compound "{word}…" ({doc.where(offset)})'
            )
    return out


def _verbatim_span(quote: str, span: Span, doc: Document) -> Span | None:
    """The span of the quote byte for byte, its opening and closing punctuation included, if it stands so."""
    first, last = content_bounds(quote)
    start, end = span.start - first, span.end + len(quote) - last
    if start < 0 or doc.text[start:end] != quote:
        return None
    return doc.original(start, end)


def _case_checked(part: Part, found: Found, doc: Document) -> Found:
    """An exact (case-folded) match still differs if a letter's case changed past the quote's first letter."""
    if found.comparison.changes or found.comparison.slips or part.brackets:
        return found
    if _same_letters(part, found, doc):
        return found
    source = doc.words_between(found.start, found.end)
    if all(q.original == s.original for q, s in zip(part.words, source)):
        return found
    comparison = compare(Passage(part.text, part.words), Passage(doc.norm.text, source), doc.where, doc.vocabulary)
    return replace(found, comparison=comparison)


_LETTERS = re.compile(r"[^\W\d_]+")


def _same_letters(part: Part, found: Found, doc: Document) -> bool:
    """Whether the part's letters, case included, are those of the source where it was found: the quick yes for
    a quote that differs only in typography (quote marks, dashes, spaces), with no word list built."""
    if not part.text:
        return False
    start, end = doc.norm.original_span(found.start, found.end)
    written = part.marked[part.origin[0] : part.origin[len(part.origin) - 1] + 1]
    return _LETTERS.findall(written) == _LETTERS.findall(doc.text[start:end])
