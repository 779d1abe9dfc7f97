"""Generators of must-fail cases: the quote changes what the source says, or is not in it, or says too little."""
from __future__ import annotations

import random
import re

from corpus import fold, stands_in
from labels import FAIL, Case
from must_pass import gen_fuzzy, slipped_quotes
from text import (
    AUXILIARIES, DAYS_MONTHS, ELLIPSES, NEGATION_WORDS, NUMBER_CLASSES, NUMBER_WORDS, OPPOSITES, Corpus, all_segments,
    clean, core, pick, random_window,
)

def gen_too_many_slips(corpus: Corpus, rng: random.Random) -> list[Case]:
    cases = [
        Case("too many slips (3 in under 100 characters, 5 in more)", FAIL, q, doc)
        for q, doc in slipped_quotes(corpus, rng, False, True)
    ]
    return pick(rng, cases)


def gen_fuzzy_strict(corpus: Corpus, rng: random.Random) -> list[Case]:
    return [
        Case("fuzzy slips under strict", FAIL, c.quote, c.source, strict=True)
        for c in gen_fuzzy(corpus, random.Random("fuzzy slips (not strict): status fuzzy"))
    ]


def mutate_tokens(
    corpus: Corpus, rng: random.Random, category: str, change, low: int = 6, high: int = 25, doc: str = ""
) -> list[Case]:
    """For each sentence (of `doc`, or of every source): a window, changed by `change(tokens, rng) -> tokens | None`;
    kept if the change is absent from the source."""
    out = []
    for seg in all_segments(corpus):
        if doc and seg.doc != doc:
            continue
        i, j = random_window(rng, seg, low, high)
        window = [clean(t) for t in corpus.tokens(seg, i, j)]
        changed = change(window, rng)
        if changed:
            quote = " ".join(changed)
            if not stands_in(quote, corpus.texts[seg.doc]) and len(quote) >= 20:
                out.append(Case(category, FAIL, quote, seg.doc))
    return out


def _replace(window: list[str], k: int, word: str) -> list[str]:
    lead, _, trail = core(window[k])
    return window[:k] + [lead + word + trail] + window[k + 1 :]


def change_number(window: list[str], rng: random.Random) -> list[str] | None:
    spots = [k for k, t in enumerate(window) if re.search(r"\d", core(t)[1]) or core(t)[1].lower() in NUMBER_WORDS]
    if not spots:
        return None
    k = rng.choice(spots)
    word = core(window[k])[1]
    roll = rng.random()
    if roll < 0.1 and 0 < k < len(window) - 1:
        return window[:k] + window[k + 1 :]  # removed
    if re.search(r"\d", word):
        digits = [m.start() for m in re.finditer(r"\d", word)]
        at = rng.choice(digits)
        new = str((int(word[at]) + rng.randint(1, 8)) % 10)
        if at == digits[0] and new == "0" and len(digits) > 1:
            new = "9"
        return _replace(window, k, word[:at] + new + word[at + 1 :])
    group = next((g for g in NUMBER_CLASSES if word.lower() in g), NUMBER_CLASSES[0])
    other = rng.choice([w for w in group if w != word.lower()])
    return _replace(window, k, other.capitalize() if word[:1].isupper() else other)


def change_negation(window: list[str], rng: random.Random) -> list[str] | None:
    spots = []
    for k, token in enumerate(window):
        word = core(token)[1]
        lower = word.lower()
        if lower in {"not", "never", "no"} and 0 < k < len(window) - 1:
            spots.append(window[:k] + window[k + 1 :])
        elif lower.endswith("n't") or lower.endswith("n’t"):
            stem = {"can": "can", "won": "will", "ca": "can"}.get(lower[:-3], word[:-3])
            spots.append(_replace(window, k, stem))
        elif lower in {"without": 1, "nor": 1, "neither": 1, "none": 1, "cannot": 1}:
            spots.append(_replace(
                window, k, {"without": "with", "nor": "or", "neither": "either", "none": "all", "cannot": "can"}[lower]
            ))
        elif (
            lower in AUXILIARIES
            and k < len(window) - 1
            and core(window[k + 1])[1].lower() not in NEGATION_WORDS
            and not core(token)[2]
        ):
            spots.append(window[: k + 1] + [rng.choice(["not", "never"])] + window[k + 1 :])
            spots.append(
                _replace(window, k, word + "n't")
                if lower in {"is", "was", "are", "were", "does", "did", "has", "have", "could", "should"}
                else spots[-1]
            )
    return rng.choice(spots) if spots else None


def name_pool(corpus: Corpus, doc: str) -> list[str]:
    names = set()
    for seg in corpus.segments[doc]:
        for token in corpus.tokens(seg, 1):
            word = core(token)[1]
            if re.fullmatch(r"[A-Z][A-Za-z]{2,}", word):
                names.add(word)
    return sorted(names)


def gen_name_change(corpus: Corpus, rng: random.Random) -> list[Case]:
    pools = {name: name_pool(corpus, name) + DAYS_MONTHS for name in corpus.texts}

    def change(window: list[str], rng: random.Random, pool=None) -> list[str] | None:
        spots = [
            k for k, t in enumerate(window)
            if k and re.fullmatch(r"[A-Z][A-Za-z]{2,}", core(t)[1])
            and not window[k - 1].endswith((".", "!", "?", ":", "”", '"'))
        ]
        if not spots:
            return None
        k = rng.choice(spots)
        word = core(window[k])[1]
        days = [d for d in DAYS_MONTHS if d != word] if word in DAYS_MONTHS else []
        others = days or [n for n in pool if n.lower() != word.lower() and n.lower()[:3] != word.lower()[:3]]
        return _replace(window, k, rng.choice(others))

    out = []
    for doc in corpus.segments:
        if not doc.endswith("(noisy)"):
            out += mutate_tokens(
                corpus, rng, "proper name changed", lambda w, r, p=pools[doc]: change(w, r, p), doc=doc
            )
    return pick(rng, out)


def gen_opposite(corpus: Corpus, rng: random.Random) -> list[Case]:
    def change(window, rng):
        spots = [k for k, t in enumerate(window) if core(t)[1] in OPPOSITES]
        if not spots:
            return None
        k = rng.choice(spots)
        return _replace(window, k, OPPOSITES[core(window[k])[1]])

    return pick(rng, mutate_tokens(corpus, rng, "word swapped: opposite", change))


def edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters})


def gen_near_word(corpus: Corpus, rng: random.Random) -> list[Case]:
    vocab = set(corpus.vocab) - NUMBER_WORDS - NEGATION_WORDS

    def change(window, rng):
        spots = []
        for k, token in enumerate(window):
            word = core(token)[1]
            if re.fullmatch(r"[a-z]{2,}", word) and word not in NUMBER_WORDS | NEGATION_WORDS:
                near = sorted((edits1(word) & vocab) - {word})
                if near:
                    spots.append((k, near))
        if not spots:
            return None
        k, near = rng.choice(spots)
        return _replace(window, k, rng.choice(near))

    return pick(rng, mutate_tokens(corpus, rng, "word swapped: real word one letter away (form/from)", change))


def gen_any_word(corpus: Corpus, rng: random.Random) -> list[Case]:
    vocab = [w for w in corpus.vocab if len(w) >= 3 and w not in NUMBER_WORDS | NEGATION_WORDS]

    def change(window, rng):
        spots = [
            k for k, t in enumerate(window)
            if re.fullmatch(r"[a-z]{3,}", core(t)[1]) and core(t)[1] not in NUMBER_WORDS | NEGATION_WORDS
        ]
        if not spots:
            return None
        k = rng.choice(spots)
        word = core(window[k])[1]
        return _replace(window, k, rng.choice([w for w in vocab if w != word and abs(len(w) - len(word)) <= 2]))

    return pick(rng, mutate_tokens(corpus, rng, "word swapped: any other real word", change))


def gen_inflection(corpus: Corpus, rng: random.Random) -> list[Case]:
    """Singular for plural and back (jihadists/jihadist): a real word one letter away that a word list may lack."""
    vocab = set(corpus.vocab)

    def change(window, rng):
        spots = []
        for k, token in enumerate(window):
            word = core(token)[1]
            if re.fullmatch(r"[a-z]{3,}ies", word):
                spots.append((k, word[:-3] + "y"))  # authorities -> authority
            elif re.fullmatch(r"[a-z]{3,}[^aeiousy]s", word):
                spots.append((k, word[:-1]))  # jihadists -> jihadist, groups -> group
            elif re.fullmatch(r"[a-z]{3,}[^s]", word) and word + "s" in vocab:
                spots.append((k, word + "s"))
        if not spots:
            return None
        k, other = rng.choice(spots)
        return _replace(window, k, other)

    return pick(rng, mutate_tokens(corpus, rng, "word swapped: singular/plural (jihadists/jihadist)", change))


def gen_reordered(corpus: Corpus, rng: random.Random) -> list[Case]:
    """Two words of the quote trade places (from Telegram to TamTam / from TamTam to Telegram)."""

    def change(window, rng):
        spots = [k for k, t in enumerate(window) if re.fullmatch(r"[A-Za-z]{3,}", core(t)[1])]
        if len(spots) < 2:
            return None
        a, b = sorted(rng.sample(spots, 2))
        if core(window[a])[1].lower() == core(window[b])[1].lower():
            return None
        wa, wb = core(window[a])[1], core(window[b])[1]
        return _replace(_replace(window, a, wb), b, wa)

    return pick(rng, mutate_tokens(corpus, rng, "words reordered", change))


def gen_word_added(corpus: Corpus, rng: random.Random) -> list[Case]:
    vocab = [w for w in corpus.vocab if len(w) >= 3]

    def change(window, rng):
        k = rng.randint(1, len(window) - 1)
        return window[:k] + [rng.choice(vocab)] + window[k:]

    return pick(rng, mutate_tokens(corpus, rng, "a word added", change))


def gen_bracket_meaning(corpus: Corpus, rng: random.Random) -> list[Case]:
    """An [insertion] that hides a change of meaning: a number changed, a negation dropped or added inside brackets."""

    def change(window, rng):
        options: dict[str, list] = {"number": [], "dropped": [], "added": []}
        for k, token in enumerate(window):
            lead, word, trail = core(token)
            lower = word.lower()
            if re.search(r"\d", word) or lower in NUMBER_WORDS:
                changed = change_number([token], rng)
                if changed and core(changed[0])[1]:
                    options["number"].append(window[:k] + [f"{lead}[{core(changed[0])[1]}]{trail}"] + window[k + 1 :])
            if lower in {"not", "never"} and 0 < k < len(window) - 1 and not trail:
                following = core(window[k + 1])
                options["dropped"].append(
                    window[:k] + [f"{following[0]}[{following[1]}]{following[2]}"] + window[k + 2 :]
                )
            if lower == "cannot" or lower.endswith(("n't", "n’t")):
                stem = {"cannot": "can", "can't": "can", "can’t": "can", "won't": "will", "won’t": "will"}.get(
                    lower, word[:-3]
                )
                options["dropped"].append(window[:k] + [f"{lead}[{stem}]{trail}"] + window[k + 1 :])
            if (
                lower in AUXILIARIES
                and 0 < k < len(window) - 1
                and not trail
                and core(window[k + 1])[1].lower() not in NEGATION_WORDS
            ):
                options["added"].append(window[: k + 1] + ["[not]"] + window[k + 1 :])
        kinds = [kind for kind in sorted(options) if options[kind]]
        return rng.choice(options[rng.choice(kinds)]) if kinds else None

    return pick(rng, mutate_tokens(corpus, rng, "brackets hiding a changed number or negation", change))


def gen_left_out(corpus: Corpus, rng: random.Random) -> list[Case]:
    def change(window, rng):
        if len(window) < 8:
            return None
        size = rng.randint(1, 3)
        k = rng.randint(1, len(window) - size - 1)
        if not all(re.search(r"\w", t) for t in window[k : k + size]):
            return None
        return window[:k] + window[k + size :]

    return pick(rng, mutate_tokens(corpus, rng, "words left out without an ellipsis", change, 8, 25))


def gen_stitched(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for name in corpus.texts:
        segs = corpus.segments[name] if not name.endswith("(noisy)") else []
        for a in range(len(segs)):
            later = [b for b in range(a + 2, len(segs))]
            if not later:
                continue
            first, second = segs[a], segs[rng.choice(later)]
            i = rng.randint(0, max(0, len(first.tokens) - 5))
            head = clean(corpus.window(first, i, min(len(first.tokens), i + rng.randint(4, 8))))
            k = rng.randint(4, min(8, len(second.tokens)))
            tail = clean(corpus.window(second, 0, k))
            quote = f"{head.rstrip('.,;:')} {tail}"
            if not stands_in(quote, corpus.texts[name]):
                out.append(Case("text stitched from separate passages without an ellipsis", FAIL, quote, name))
    return pick(rng, out)


def gen_across_paragraphs(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for name in corpus.texts:
        segs = [] if name.endswith("(noisy)") else corpus.segments[name]
        paras = [corpus.texts[name][a:b] for a, b in corpus.paragraphs[name]]
        for a in segs:
            later = [s for s in segs if s.para > a.para]
            if not later:
                continue
            b = rng.choice(later[:8])
            left = clean(corpus.window(a, *random_window(rng, a, 4, 10)))
            right = clean(corpus.window(b, *random_window(rng, b, 4, 10)))
            if any(_in_order(left, right, p) for p in paras):
                continue  # both parts do stand in one paragraph: not a must-fail case
            out.append(
                Case("elision spanning paragraphs", FAIL, f"{left} {rng.choice(ELLIPSES).strip()} {right}", name)
            )
    return pick(rng, out)


def _in_order(left: str, right: str, paragraph: str) -> bool:
    p, first, then = fold(paragraph), fold(left), fold(right)
    at = p.find(first)
    return at >= 0 and p.find(then, at + len(first) - 1) >= 0


def gen_wrong_source(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    names = [n for n in corpus.texts if not n.endswith("(noisy)")]
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 25)))
        cited = rng.choice([n for n in names if n != seg.doc])
        if stands_in(quote, corpus.texts[cited]):
            continue
        found = next(n for n in names if n != cited and stands_in(quote, corpus.texts[n]))
        out.append(Case("wrong source (found in another source)", FAIL, quote, cited, found_in=found))
    return pick(rng, out)


def gen_too_short(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        i, j = random_window(rng, seg, 1, 3)
        quote = clean(corpus.window(seg, i, j))
        if re.search(r"\w", quote):
            out.append(Case("too-short quotes", FAIL, quote, seg.doc, ("too-short",)))
    return pick(rng, out)


def gen_name_slip(corpus: Corpus, rng: random.Random) -> list[Case]:
    cases = [Case("slip in a capitalised name", FAIL, q, doc) for q, doc in slipped_quotes(corpus, rng, True)]
    return pick(rng, cases)


def gen_number(corpus: Corpus, rng: random.Random) -> list[Case]:
    return pick(rng, mutate_tokens(corpus, rng, "number changed, added or removed", change_number))


def gen_negation(corpus: Corpus, rng: random.Random) -> list[Case]:
    return pick(rng, mutate_tokens(corpus, rng, "negation added or removed", change_negation))
