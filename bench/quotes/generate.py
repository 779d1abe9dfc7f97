"""Labelled quote cases from real prose: one generator per category, seeded, plus hand-written cases from the seeds.

Every case is a quote, the source it is cited from, and the verdict the issue (#3) asks for:
must-pass (and which statuses count as right) or must-fail. Generated must-fail quotes are
checked against an oracle independent of the matcher (`corpus.stands_in`): a mutation that
happens to produce text the source does contain is not a must-fail case and is not generated.

`python bench/quotes/generate.py [out.jsonl]` writes the cases (default: stdout), one JSON object a line.
"""
from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sources, stands_in  # noqa: E402
from hand import HAND  # noqa: E402
from labels import FAIL, PASS, TYPO, Case  # noqa: E402

PER_CATEGORY = 60
NUMBER_CLASSES = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million".split(),
    "first second third fourth fifth sixth seventh eighth ninth tenth last".split(),
    "once twice".split(),
)
NUMBER_WORDS = {w for group in NUMBER_CLASSES for w in group} | {"zero", "dozen", "dozens", "half", "scores", "hundreds", "thousands"}
NEGATION_WORDS = {"not", "no", "never", "none", "nor", "neither", "without", "nothing", "nobody", "cannot"}
OPPOSITES = dict(
    pair.split("/")
    for pair in (
        "before/after first/last same/different true/false more/less most/least up/down in/out on/off open/closed "
        "early/late new/old large/small big/small high/low long/short increase/decrease include/exclude public/private "
        "major/minor better/worse best/worst easy/hard above/below inside/outside full/empty strong/weak over/under "
        "start/end begin/finish known/unknown online/offline legal/illegal direct/indirect entire/partial all/some "
        "any/every always/sometimes accept/reject allow/forbid permitted/prohibited permit/prohibit free/paid "
        "right/wrong give/take gave/took receive/send received/sent buy/sell sold/bought from/to with/without "
        "can/cannot may/must explicit/implicit express/implied including/excluding whole/part later/earlier "
        "previous/next secure/insecure stable/unstable easier/harder harder/easier likely/unlikely useful/useless "
        "obvious/subtle popular/unpopular present/absent active/inactive offline/online total/partial "
        "modify/preserve modified/unmodified same/other own/other source/object enforce/waive grant/deny granted/denied"
    ).split()
)
OPPOSITES.update({b: a for a, b in list(OPPOSITES.items()) if b not in OPPOSITES})
AUXILIARIES = {"is", "was", "are", "were", "will", "would", "can", "could", "should", "has", "have", "had", "may", "might", "must", "does", "did"}
DAYS_MONTHS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December".split()
SPACES = ["\u00a0", "\u2009", "\u202f", "\t", "\n", "\r\n", "  ", " \n   ", "\u2003"]
INVISIBLES = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"]
KEYBOARD = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wqeryuiopoasdfghjklkxcvbnmn"))  # a neighbouring key
ELLIPSES = ["...", " ...", "…", " …", " . . .", " [...]", " […]"]


@dataclass
class Segment:
    """A sentence of a source: its original [start, end), paragraph number, and whitespace-separated tokens."""

    doc: str
    start: int
    end: int
    para: int
    tokens: list[tuple[int, int]]


class Corpus:
    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self.segments = {name: list(sentences(name, text)) for name, text in texts.items()}
        self.paragraphs = {name: paragraphs(text) for name, text in texts.items()}
        self.vocab = sorted({w for name, text in texts.items() if not name.endswith("(noisy)") for w in re.findall(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])", text)})

    def window(self, seg: Segment, i: int, j: int) -> str:
        """The original text of tokens [i, j) of a segment."""
        return self.texts[seg.doc][seg.tokens[i][0] : seg.tokens[j - 1][1]]

    def tokens(self, seg: Segment, i: int = 0, j: int | None = None) -> list[str]:
        """Tokens [i, j) as written (white space between them dropped)."""
        return [self.texts[seg.doc][a:b] for a, b in seg.tokens[i:j]]


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text) if m.group().strip()]


def sentences(name: str, text: str):
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        chunk, pos = text[p_start:p_end], 0
        ends = [m.end() for m in re.finditer(r"[.!?][\"”’)]?(?=\s|$)", chunk)] + [len(chunk)]
        for end in ends:
            start = pos
            pos = end
            tokens = [(p_start + start + m.start(), p_start + start + m.end()) for m in re.finditer(r"\S+", chunk[start:end])]
            while tokens and not re.search(r"\w", text[tokens[0][0] : tokens[0][1]]):  # bullets, stray marks
                tokens.pop(0)
            body = text[tokens[0][0] : tokens[-1][1]] if tokens else ""
            if 6 <= len(tokens) <= 70 and not re.search(r"https?:|www\.|[<>@|/=]|\.\.\.|…|\[", body) and sum(c.isalpha() for c in body) > 0.7 * len(body):
                yield Segment(name, tokens[0][0], tokens[-1][1], number, tokens)


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def core(token: str) -> tuple[str, str, str]:
    """A token split into leading punctuation, its word, trailing punctuation."""
    m = re.fullmatch(r"(\W*)(.*?)(\W*)", token, re.S)
    return m.group(1), m.group(2), m.group(3)


def pick(rng: random.Random, candidates: list[Case], n: int = PER_CATEGORY) -> list[Case]:
    """Up to n distinct cases, taken in turn from each source so the seeds are not drowned by the licenses."""
    by_doc: dict[str, list[Case]] = {}
    for case in candidates:
        by_doc.setdefault(case.source, []).append(case)
    for group in by_doc.values():
        rng.shuffle(group)
    chosen, seen = [], set()
    while len(chosen) < n and any(by_doc.values()):
        for name in sorted(by_doc):
            if by_doc[name] and len(chosen) < n:
                case = by_doc[name].pop()
                if (case.quote, case.source, case.strict) not in seen:
                    seen.add((case.quote, case.source, case.strict))
                    chosen.append(case)
    return chosen


def random_window(rng: random.Random, seg: Segment, low: int = 5, high: int = 20) -> tuple[int, int]:
    size = rng.randint(min(low, len(seg.tokens)), min(high, len(seg.tokens)))
    i = rng.randint(0, len(seg.tokens) - size)
    return i, i + size


def all_segments(corpus: Corpus):
    for name in corpus.segments:
        if not name.endswith("(noisy)"):
            yield from corpus.segments[name]


# ---- must pass ---------------------------------------------------------------------------------


def gen_verbatim(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        out.append(Case("verbatim", PASS, corpus.window(seg, 0, len(seg.tokens)), seg.doc, ("verbatim",)))
        out.append(Case("verbatim", PASS, corpus.window(seg, *random_window(rng, seg)), seg.doc, ("verbatim",)))
    return pick(rng, out)




def to_curly(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    text = re.sub(r"(^|[\s(\[])\"", "\\1\u201c", text)
    text = re.sub(r"(^|[\s(\[])'", "\\1\u2018", text)
    return text.replace('"', "\u201d").replace("'", "\u2019")


def to_straight(text: str) -> str:
    return re.sub("[\u201c\u201d\u201e\u00ab\u00bb]", '"', re.sub("[\u2018\u2019\u201a]", "'", text))


def to_guillemets(text: str) -> str:
    text = re.sub(r"(^|[\s(\[])[\"“]", "\\1\u00ab", text)
    return re.sub("[\"”]", "\u00bb", text).replace("\u2019", "\u02bc")


def to_primes(text: str) -> str:
    return re.sub("[\"\u201c\u201d]", "\u2033", re.sub("['\u2018\u2019]", "\u2032", text))


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
            changed = re.sub(r" ?[-\u2013\u2014] ?", lambda m: rng.choice([v for v in variants if v != m.group()]), quote)
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
        out.append(Case("typography: soft hyphens, zero-width characters", PASS, ("\ufeff" if rng.random() < 0.2 else "") + quote, seg.doc, TYPO))
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
        spots += [(m.start(), m.end(), chr(ord(m.group()) + 0xFEE0)) for m in re.finditer(r"[0-9A-Za-z]", quote)]  # full width
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


def noisy(text: str, rng: random.Random) -> str:
    """The same text as a careless CMS would serve it: curly quotes, NBSP and thin spaces, CRLF, soft hyphens,
    zero-width spaces, words hyphenated across line breaks."""

    def word(m: re.Match) -> str:
        w, roll, at = m.group(), rng.random(), len(m.group()) // 2
        if roll < 0.12:
            return w[:at] + "\u00ad" + w[at:]
        if roll < 0.24:
            return w[:at] + "-\n" + w[at:]
        if roll < 0.28:
            return w + "\u200b"
        return w

    text = re.sub(r"(?<![\w'’-])[a-z]{8,}(?![\w'’-])", word, text)
    text = to_curly(text) if rng.random() < 0.5 else to_straight(text)
    text = re.sub(" ", lambda m: rng.choice(["\u00a0", "\u2009", "\u202f", "\t", "  "]) if rng.random() < 0.2 else " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "\u2011", text)
    return text.replace("\n", "\r\n")


def noisy_sources(texts: dict[str, str]) -> dict[str, str]:
    return {f"{name} (noisy)": noisy(text, random.Random(name)) for name, text in texts.items()}


def gen_noisy_source(corpus: Corpus, rng: random.Random) -> list[Case]:
    out = []
    for seg in all_segments(corpus):
        quote = clean(corpus.window(seg, *random_window(rng, seg, 6, 30)))
        out.append(Case("typography: noisy source (CRLF, NBSP, curly, soft/line-break hyphens)", PASS, quote, f"{seg.doc} (noisy)", TYPO))
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
                left = clean(text[tokens[a][0] : tokens[b - 1][1]])
                right = clean(text[tokens[c][0] : tokens[d - 1][1]])
                mark = rng.choice(ELLIPSES)
                if not mark.startswith(" "):
                    left = left.rstrip(".,;:")
                out.append(Case("elision (..., . . ., …, [...]) within a paragraph", PASS, f"{left}{mark} {right}", name, ("elided",)))
    return pick(rng, out)


PRONOUNS = {"he", "she", "it", "they", "him", "them", "his", "its", "their", "this", "these", "those", "we", "us", "our"}


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
    from checker.differences import is_english_word  # labelling oracle: a slip is a spelling that is not a word

    return is_english_word(text.lower())


def slipped_quotes(corpus: Corpus, rng: random.Random, capitalised: bool, too_many: bool = False, early: bool = False) -> list[tuple[str, str]]:
    out = []
    for seg in all_segments(corpus):
        tokens = [clean(t) for t in corpus.tokens(seg)]
        i, j = random_window(rng, seg, 10, 30)
        window = tokens[i:j]
        if capitalised:
            spots = [k for k, t in enumerate(window) if k and re.fullmatch(r"[A-Z][a-z]{4,}", core(t)[1]) and not core(window[k - 1])[2].endswith((".", "!", "?"))]
        else:
            spots = [k for k, t in enumerate(window) if k and re.fullmatch(r"[a-z]{5,}", core(t)[1]) and core(t)[1] not in NUMBER_WORDS | NEGATION_WORDS]
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
    cases = [Case("fuzzy slips (not strict): status fuzzy", PASS, q, doc, ("fuzzy",)) for q, doc in slipped_quotes(corpus, rng, False)]
    return pick(rng, cases)


def gen_fuzzy_early(corpus: Corpus, rng: random.Random) -> list[Case]:
    category = "fuzzy slips (not strict): slip in the second or third word"
    return pick(rng, [Case(category, PASS, q, doc, ("fuzzy",)) for q, doc in slipped_quotes(corpus, rng, False, early=True)])


def gen_too_many_slips(corpus: Corpus, rng: random.Random) -> list[Case]:
    cases = [Case("too many slips (3 in under 100 characters, 5 in more)", FAIL, q, doc) for q, doc in slipped_quotes(corpus, rng, False, True)]
    return pick(rng, cases)


def gen_fuzzy_strict(corpus: Corpus, rng: random.Random) -> list[Case]:
    return [Case("fuzzy slips under strict", FAIL, c.quote, c.source, strict=True) for c in gen_fuzzy(corpus, random.Random("fuzzy slips (not strict): status fuzzy"))]


# ---- must fail ---------------------------------------------------------------------------------


def mutate_tokens(corpus: Corpus, rng: random.Random, category: str, change, low: int = 6, high: int = 25) -> list[Case]:
    """For each sentence: a window, one token changed by `change(tokens, rng) -> tokens | None`; kept if absent from the source."""
    out = []
    for seg in all_segments(corpus):
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
            spots.append(_replace(window, k, {"without": "with", "nor": "or", "neither": "either", "none": "all", "cannot": "can"}[lower]))
        elif lower in AUXILIARIES and k < len(window) - 1 and core(window[k + 1])[1].lower() not in NEGATION_WORDS and not core(token)[2]:
            spots.append(window[: k + 1] + [rng.choice(["not", "never"])] + window[k + 1 :])
            spots.append(_replace(window, k, word + "n't") if lower in {"is", "was", "are", "were", "does", "did", "has", "have", "could", "should"} else spots[-1])
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
        spots = [k for k, t in enumerate(window) if k and re.fullmatch(r"[A-Z][A-Za-z]{2,}", core(t)[1]) and not window[k - 1].endswith((".", "!", "?", ":", "”", '"'))]
        if not spots:
            return None
        k = rng.choice(spots)
        word = core(window[k])[1]
        days = [d for d in DAYS_MONTHS if d != word] if word in DAYS_MONTHS else []
        others = days or [n for n in pool if n.lower() != word.lower() and n.lower()[:3] != word.lower()[:3]]
        return _replace(window, k, rng.choice(others))

    out = []
    for doc in corpus.texts:
        if doc.endswith("(noisy)"):
            continue
        sub = Corpus.__new__(Corpus)
        sub.texts, sub.segments = corpus.texts, {doc: corpus.segments[doc]}
        out += mutate_tokens(sub, rng, "proper name changed", lambda w, r, p=pools[doc]: change(w, r, p))
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
            | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})


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
        spots = [k for k, t in enumerate(window) if re.fullmatch(r"[a-z]{3,}", core(t)[1]) and core(t)[1] not in NUMBER_WORDS | NEGATION_WORDS]
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
                options["dropped"].append(window[:k] + [f"{following[0]}[{following[1]}]{following[2]}"] + window[k + 2 :])
            if lower == "cannot" or lower.endswith(("n't", "n’t")):
                stem = {"cannot": "can", "can't": "can", "can’t": "can", "won't": "will", "won’t": "will"}.get(lower, word[:-3])
                options["dropped"].append(window[:k] + [f"{lead}[{stem}]{trail}"] + window[k + 1 :])
            if lower in AUXILIARIES and 0 < k < len(window) - 1 and not trail and core(window[k + 1])[1].lower() not in NEGATION_WORDS:
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
            out.append(Case("elision spanning paragraphs", FAIL, f"{left} {rng.choice(ELLIPSES).strip()} {right}", name))
    return pick(rng, out)


def _in_order(left: str, right: str, paragraph: str) -> bool:
    from corpus import fold

    p, l, r = fold(paragraph), fold(left), fold(right)
    at = p.find(l)
    return at >= 0 and p.find(r, at + len(l) - 1) >= 0


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


GENERATORS = [
    gen_verbatim, gen_quote_marks, gen_dashes, gen_whitespace, gen_invisible, gen_hyphenation, gen_compat,
    gen_first_letter, gen_noisy_source, gen_elision, gen_brackets, gen_fuzzy, gen_fuzzy_early,
    gen_fuzzy_strict, gen_too_many_slips, gen_number, gen_negation, gen_name_change, gen_opposite, gen_near_word,
    gen_any_word, gen_inflection, gen_reordered, gen_word_added, gen_bracket_meaning, gen_left_out, gen_stitched, gen_across_paragraphs, gen_wrong_source, gen_too_short, gen_name_slip,
]


def all_texts() -> dict[str, str]:
    texts = sources()
    return {**texts, **noisy_sources(texts)}


def generate(texts: dict[str, str] | None = None) -> list[Case]:
    """Every case: the generated ones (each generator seeded with its own name) then the hand-written ones."""
    corpus = Corpus(texts or all_texts())
    cases = []
    for generator in GENERATORS:
        cases += generator(corpus, random.Random(generator.__name__))
    return cases + HAND


def main(argv: list[str]) -> int:
    out = open(argv[0], "w", encoding="utf-8") if argv else sys.stdout
    for case in generate():
        out.write(json.dumps(asdict(case), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
