"""An editor's [insertions]: where a bracketed part stands, what each bracket stands for, and whether it hides a change.

Inside a word ([T]hey) a bracket stands for a few letters; between two words, for a short span
of the source or nothing; at a part's start or end, for nothing we can check — but never for a
negation or a number the source has there.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from checker.match.chunks import INDEXED_FROM
from checker.match.differences import Comparison, is_negation, is_number
from checker.match.document import Document, at_boundary
from checker.match.normalize import PLACEHOLDER, normalize
from checker.match.quote import Found, MatchOptions, Part

ATTACHED_LETTERS = 24
ATTACHED = rf"[^\W_]{{0,{ATTACHED_LETTERS}}}"  # an insertion inside a word, as in [T]hey or [ISIS]'s
FUNCTION_WORDS = frozenset(
    "the a an this that these those it its he she they them him her his their we us our you your i me my who whom "
    "which what there here of to in on at by for from with as and or but is was are were be been being has have had "
    "do does did so such one".split()
)


def bracket_occurrences(
    part: Part, doc: Document, lo: int, hi: int, options: MatchOptions, *, limit: int
) -> list[Found]:
    """Every place in doc.norm.text[lo:hi] where a part with [insertions] stands, each bracket reviewed."""
    pattern = bracket_pattern(part, options.max_bracket)
    found = []
    stretches = _stretches(part, doc, lo, hi, options)
    for match in (m for start, end in stretches for m in pattern.finditer(doc.norm.text, start, end)):
        if len(found) >= limit:
            break
        if _crosses_paragraph(match, part, doc):
            continue
        if (
            match.end() > match.start()
            and at_boundary(doc.norm.text, match.start() - 1)
            and at_boundary(doc.norm.text, match.end())
        ):
            notes, changes = review_brackets(part, match, doc)
            comparison = Comparison(changes=changes)
            found.append(Found(start=match.start(), end=match.end(), comparison=comparison, notes=notes))
    return found


def _stretches(part: Part, doc: Document, lo: int, hi: int, options: MatchOptions) -> list[tuple[int, int]]:
    """Where in [lo, hi) the part's regex may match: in a long source, around each place its longest literal piece
    stands (a match holds every piece, and is at most as long as its pieces and brackets can be), so the regex scans
    those stretches only and finds what it finds scanning all (it looks neither ahead nor at the end)."""
    if hi - lo < INDEXED_FROM:
        return [(lo, hi)]
    _written, literals, _kinds = _layout(part)
    longest = max(literals, key=len)
    if not longest:
        return [(lo, hi)]
    widest = max([options.max_bracket, ATTACHED_LETTERS] + [len(normalize(b).text) for b in part.brackets]) + 2
    reach = sum(len(piece) for piece in literals) + len(part.brackets) * widest
    out: list[tuple[int, int]] = []
    for at in doc.positions(longest, lo, hi):
        start, end = max(lo, at - reach), min(hi, at + len(longest) + reach)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _layout(part: Part) -> tuple[list[str], list[str], list[str]]:
    """The part's text between brackets as written, the same stripped of the spaces a bracket takes in, and the
    kind of each bracket (attached, between or edge)."""
    written = part.text.split(PLACEHOLDER)
    kinds = [_bracket_kind(written[i - 1], written[i]) for i in range(1, len(written))]
    literals = []
    for index, piece in enumerate(written):
        if index and kinds[index - 1] != "attached":
            piece = piece.lstrip(" ")
        if index < len(kinds) and kinds[index] != "attached":
            piece = piece.rstrip(" ")
        literals.append(piece)
    return written, literals, kinds


def bracket_pattern(part: Part, max_bracket: int) -> re.Pattern:
    """A regex for a part with [insertions]: literal text, each bracket a short span of the source or nothing.

    Inside a word ([T]hey) a bracket stands for a few letters; between two words, for up to
    `max_bracket` characters or nothing; at the part's start or end, for nothing we can check.
    """
    pieces, literals, kinds = _layout(part)
    out = []
    for index, (written, piece) in enumerate(zip(pieces, literals)):
        if index:
            kind, after = kinds[index - 1], " " if written.startswith(" ") and piece else ""
            same = re.escape(normalize(part.brackets[index - 1]).text)  # "[Two] people" for "two people"
            leading = not (out and out[-1])
            edge = f"(?:({same}){after})?" if leading else f"(?: ({same}))?{after}"
            span = f".{{1,{max_bracket}}}?" if max_bracket else "(?!)"  # max_bracket 0: a bracket stands for nothing
            out.append({"attached": f"({ATTACHED})", "edge": edge}.get(kind, f"(?: ({span}))??{after}"))
        out.append(re.escape(piece))
    return re.compile("".join(out))


def _bracket_kind(left: str, right: str) -> str:
    if left[-1:].isalnum() or right[:1].isalnum() or re.match(r"'[^\W_]", right):  # [ISIS]'s
        return "attached"
    return "between" if left.strip() and right.strip() else "edge"


def review_brackets(part: Part, match: re.Match, doc: Document) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What each [insertion] stands for in the source (notes), and any that changes a number or a negation (changes)."""
    notes: list[str] = []
    changes: list[str] = []
    for index, bracket in enumerate(part.brackets):
        stood = match.group(index + 1) or ""
        first, last = match.span(index + 1) if stood else (match.start(), match.start())
        original = doc.text[slice(*doc.norm.original_span(first, last))] if stood else ""
        inserted = normalize(bracket).text
        if stood and stood == inserted:
            continue  # [T]hey for "They": a change of case, nothing to review
        says = f'editor\'s insertion "[{bracket}]" stands for ' + (
            f'"{original}" in the source' if stood else "nothing in the source"
        )
        pieces = part.text.split(PLACEHOLDER)
        edge = _bracket_kind(pieces[index], pieces[index + 1]) == "edge"
        hidden = _hidden_by_edge_bracket(inserted, match, not pieces[index].strip(), doc) if edge else ""
        if hidden:
            changes.append(
                f"{says}, which goes on with \"{hidden}\" there — {_meaning_of(hidden)} ({doc.where(first)})"
            )
        elif _numbers(inserted) != _numbers(stood):
            changes.append(f"{says} — a changed number ({doc.where(first)})")
        elif _negations(inserted) != _negations(stood):
            changes.append(f"{says} — a negation added or removed ({doc.where(first)})")
        elif _replaced_words(inserted, original):
            replaced = ", ".join(f'"{w}"' for w in _replaced_words(inserted, original))
            changes.append(f"{says} — it replaces the source's own words ({replaced}), not a pronoun or a name: "
                           f"quote them, or leave them out with an ellipsis ({doc.where(first)})")
        else:
            notes.append(f"{says} ({doc.where(first)})")
    return tuple(notes), tuple(changes)


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
    preceding = doc.words_between(max(0, match.start() - 80), match.start())[-count - 1 :]
    text = " ".join(w.text for w in preceding)
    counted = [n for n in _numbers(text) if not any(c.isdigit() for c in n)]  # "all the groups", not "December 1,"
    changed = _negations(text) != _negations(inserted) or (counted and counted != _numbers(inserted))
    return " ".join(w.original for w in preceding) if changed else ""


def _replaced_words(inserted: str, original: str) -> list[str]:
    """Words of the source a bracket stands for that are neither in the bracket, nor names, nor function words:
    [the attack] may stand for "the London attack" or [ISIS] for "it", but [harder] not for "easier"."""
    kept = set(inserted.split())
    return [
        word for word in re.findall(r"[^\W\d_]+", original)
        if word.islower() and word not in kept and word not in FUNCTION_WORDS
    ]


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
