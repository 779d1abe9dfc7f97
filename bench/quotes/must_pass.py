"""Generators of must-pass cases: the quote stands in its source, retyped, elided, bracketed or with a slip or two."""
from __future__ import annotations

import random
import re

from corpus import stands_in
from labels import PASS, TYPO, Case
from text import (
    ELLIPSES, INVISIBLES, KEYBOARD, NEGATION_WORDS, NUMBER_WORDS, SPACES, Corpus, all_segments, clean, core, pick,
    random_window, to_curly, to_guillemets, to_primes, to_straight,
)

def gen_verbatim(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        out.append(Case("verbatim", PASS, corpus.window(seg, 0, len(seg.tokens)), seg.doc, ("verbatim",)))
        out.append(Case("verbatim", PASS, corpus.window(seg, *random_window(rng, seg)), seg.doc, ("verbatim",)))
    return pick(rng, out)


def gen_quote_marks(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, 0, len(seg.tokens)))
        if re.search("[\"'\u2018\u2019\u201c\u201d]", quote):
            for transform in (to_curly, to_straight, to_guillemets, to_primes):
                changed = transform(quote)
                if changed != quote:
                    out.append(Case("typography: quote marks, apostrophes", PASS, changed, seg.doc, TYPO))
        elif rng.random() < 0.2:
            mark = rng.choice(['"{}"', "\u201c{}\u201d", "\u00ab{}\u00bb", "'{}'", "\u2018{}\u2019"])
            out.append(Case("typography: quote marks, apostrophes", PASS, mark.format(quote), seg.doc, TYPO))
    return pick(rng, out)


def gen_dashes(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    variants = ["\u2010", "\u2011", "\u2013", "\u2014", " \u2013 ", " \u2014 ", "--", "\u2212", "-", " - "]
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, 0, len(seg.tokens)))
        dashes = list(re.finditer(r" ?[-\u2013\u2014] ?", quote))
        for _ in range(3 if dashes else 0):
            changed = re.sub(
                r" ?[-\u2013\u2014] ?", lambda m: rng.choice([v for v in variants if v != m.group()]), quote
            )
            out.append(Case("typography: dashes, hyphens", PASS, changed, seg.doc, TYPO))
    return pick(rng, out)


def gen_whitespace(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        words = clean(corpus.window(seg, *random_window(rng, seg, 6, 25))).split(" ")
        gaps = [" "] * (len(words) - 1)
        for index in rng.sample(range(len(gaps)), min(len(gaps), rng.randint(1, 4))):
            gaps[index] = rng.choice(SPACES)
        quote = words[0] + "".join(g + w for g, w in zip(gaps, words[1:]))
        out.append(Case("typography: white space, line breaks, NBSP", PASS, quote, seg.doc, TYPO))
    return pick(rng, out)


def gen_invisible(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 25)))
        letters = [m.start() for m in re.finditer(r"(?<=[a-z])(?=[a-z])", quote)]
        if not letters:
            continue
        for at in sorted(rng.sample(letters, min(len(letters), rng.randint(1, 3))), reverse=True):
            quote = quote[:at] + rng.choice(INVISIBLES) + quote[at:]
        out.append(Case(
            "typography: soft hyphens, zero-width characters", PASS,
            ("\ufeff" if rng.random() < 0.2 else "") + quote, seg.doc, TYPO,
        ))
    return pick(rng, out)


def gen_hyphenation(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 25)))
        long_words = [m for m in re.finditer(r"(?<![\w'’-])[a-z]{7,}(?![\w'’-])", quote)]
        if long_words:
            word = rng.choice(long_words)
            at = word.start() + rng.randint(3, len(word.group()) - 3)
            quote = quote[:at] + rng.choice(["-\n", "-\r\n", "-\n    ", "\u00ad\n"]) + quote[at:]
            out.append(Case("typography: word hyphenated across a line break", PASS, quote, seg.doc, TYPO))
    return pick(rng, out)


COMPAT = {"fi": "\ufb01", "fl": "\ufb02", "ff": "\ufb00", "ffi": "\ufb03"}


def gen_compat(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 25)))
        spots = [(m.start(), m.end(), COMPAT[m.group()]) for m in re.finditer("ffi|fi|fl|ff", quote)]
        # full width
        spots += [(m.start(), m.end(), chr(ord(m.group()) + 0xFEE0)) for m in re.finditer(r"[0-9A-Za-z]", quote)]
        ligatures = [s for s in spots if len(s[2]) == 1 and ord(s[2]) < 0xFF00]
        chosen = ligatures[:1] if ligatures and rng.random() < 0.7 else []
        chosen += rng.sample(spots, 1)
        for start, end, replacement in sorted(set(chosen), reverse=True):
            if quote[start:end].isascii():
                quote = quote[:start] + replacement + quote[end:]
        out.append(Case("typography: Unicode compatibility forms", PASS, quote, seg.doc, TYPO))
    return pick(rng, out)


def gen_first_letter(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        i, j = random_window(rng, seg, 6, 20)
        quote = clean(corpus.window(seg, i, j))
        first = re.search(r"[^\W\d_]", quote)
        if first and quote[first.start() + 1 : first.start() + 2].islower():
            swapped = quote[: first.start()] + quote[first.start()].swapcase() + quote[first.start() + 1 :]
            out.append(Case("typography: case of the first letter", PASS, swapped, seg.doc, TYPO))
    return pick(rng, out)


def gen_noisy_source(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 30)))
        out.append(Case(
            "typography: noisy source (CRLF, NBSP, curly, soft/line-break hyphens)", PASS,
            quote, f"{seg.doc} (noisy)", TYPO,
        ))
    return pick(rng, out)


def gen_elision(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for name, paras in corpus.paragraphs.items():
        if name.endswith("(noisy)"):
            continue
        text = corpus.texts[name]
        for p_start, p_end in paras:
            tokens = [(p_start + m.start(), p_start + m.end()) for m in re.finditer(r"\S+", text[p_start:p_end])]
            body = text[p_start:p_end]
            if len(tokens) < 14 or re.search(r"https?:|[<>@|]|\.\.\.|…|\[", body):
                continue
            for _ in range(2):
                cuts = sorted(rng.sample(range(len(tokens) + 1), 4))
                a, b, c, d = cuts
                if b - a < 4 or d - c < 4 or c - b < 1:
                    continue
                if hides_meaning([text[tokens[i][0] : tokens[i][1]] for i in range(b, c)]):
                    continue  # an ellipsis hiding "not", or a number in a short omission, must fail (issue 3)
                left = clean(text[tokens[a][0] : tokens[b - 1][1]])
                right = clean(text[tokens[c][0] : tokens[d - 1][1]])
                mark = rng.choice(ELLIPSES)
                if not mark.startswith(" "):
                    left = left.rstrip(".,;:")
                out.append(Case(
                    "elision (..., . . ., …, [...]) within a paragraph", PASS,
                    f"{left}{mark} {right}", name, ("elided",),
                ))
    return pick(rng, out)


def hides_meaning(gap: list[str]) -> bool:
    """Whether an omission of these words hides a negation (at its ends, or anywhere in three words or fewer)
    or, in three words or fewer, a number. Written apart from the matcher, from issue 3's rule."""
    words = [re.sub(r"[^\w']", "", w).lower() for w in gap]
    negation = [w in NEGATION_WORDS or w.endswith("n't") for w in words]
    if negation and (negation[0] or negation[-1]):
        return True
    return len(words) <= 3 and any(
        n or any(c.isdigit() for c in w) or w in NUMBER_WORDS for w, n in zip(words, negation)
    )


PRONOUNS = {
    "he", "she", "it", "they", "him", "them", "his", "its", "their", "this", "these", "those", "we", "us", "our"
}


def gen_brackets(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    category = "brackets ([T]hey, [ISIS] claimed, interior [the app])"
    for seg in all_segments(corpus):
        tokens = corpus.tokens(seg)
        names = [core(t)[1] for t in tokens[1:] if core(t)[1][:1].isupper() and core(t)[1].isalpha()] or ["the group"]
        i, j = random_window(rng, seg, 6, 20)
        window = [clean(t) for t in tokens[i:j]]
        kind = rng.randrange(3)
        if kind == 0 and window[0][:1].islower():  # [T]hey
            window[0] = f"[{window[0][0].upper()}]{window[0][1:]}"
        elif kind == 1:  # a word replaced by the editor's words
            spots = [k for k, t in enumerate(window) if core(t)[1].lower() in PRONOUNS and not core(t)[2]] or [0]
            k = rng.choice(spots)
            lead, _, trail = core(window[k])
            window[k] = f"{lead}[{rng.choice(names)}]{trail}"
        else:  # an insertion standing for nothing
            k = rng.randrange(1, len(window))
            window.insert(k, rng.choice(["[sic]", "[the app]", "[emphasis added]", f"[{rng.choice(names)}]"]))
        out.append(Case(category, PASS, " ".join(window), seg.doc, ("elided", "normalized")))
    return pick(rng, out)


def slip(word: str, rng: random.Random, keep_first: bool = False) -> str:
    """One transcription slip inside a word: a letter doubled, dropped, two swapped, or mistyped."""
    lo = 1 if keep_first else 0
    at = rng.randrange(max(lo, 1), len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + word[at] + word[at:]
    if kind == 1:
        return word[:at] + word[at + 1 :]
    if kind == 2 and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + KEYBOARD.get(word[at], "e") + word[at + 1 :]


def _is_word(text: str) -> bool:
    from checker.match import is_english_word  # labelling oracle: a slip is a spelling that is not a word

    return is_english_word(text.lower())


def _never_slips() -> frozenset[str]:
    """Words whose misspelling is a changed number or negation by policy (README: known limits), never a slip."""
    from checker.match.differences import NUMBER_WORDS as COUNTED  # single, several, couple... count too

    return frozenset(NUMBER_WORDS | NEGATION_WORDS | COUNTED)


NEVER_SLIPS = _never_slips()


def slipped_quotes(
    corpus: Corpus, rng: random.Random, capitalised: bool, too_many: bool = False, early: bool = False
) -> list[tuple[str, str]]:
    out = []
    for seg in all_segments(corpus):
        tokens = [clean(t) for t in corpus.tokens(seg)]
        i, j = random_window(rng, seg, 10, 30)
        window = tokens[i:j]
        if capitalised:
            spots = [
                k for k, t in enumerate(window)
                if k and re.fullmatch(r"[A-Z][a-z]{4,}", core(t)[1])
                and not core(window[k - 1])[2].endswith((".", "!", "?"))
            ]
        else:
            spots = [
                k for k, t in enumerate(window)
                if k and re.fullmatch(r"[a-z]{5,}", core(t)[1]) and core(t)[1] not in NEVER_SLIPS
            ]
        if early:  # the slip in the quote's second or third word
            spots = [k for k in spots if k <= 2]
        length = len(" ".join(window))
        count = 2 if length >= 110 and not capitalised and not early else 1
        if too_many:
            count = 3 if length < 100 else 5
        if len(spots) < count or length < 50:
            continue
        for k in rng.sample(spots, count):
            lead, word, trail = core(window[k])
            for _ in range(10):
                slipped = slip(word, rng, keep_first=capitalised)
                if slipped != word and (capitalised or not _is_word(slipped)):
                    break
            else:
                break
            window[k] = lead + slipped + trail
        else:
            quote = " ".join(window)
            if not stands_in(quote, corpus.texts[seg.doc]):
                out.append((quote, seg.doc))
    return out


def gen_fuzzy(corpus: Corpus, rng: random.Random) -> list[Case]:
    cases = [
        Case("fuzzy slips (not strict): status fuzzy", PASS, q, doc, ("fuzzy",))
        for q, doc in slipped_quotes(corpus, rng, False)
    ]
    return pick(rng, cases)


def gen_fuzzy_early(corpus: Corpus, rng: random.Random) -> list[Case]:
    category = "fuzzy slips (not strict): slip in the second or third word"
    return pick(
        rng, [Case(category, PASS, q, doc, ("fuzzy",)) for q, doc in slipped_quotes(corpus, rng, False, early=True)]
    )
