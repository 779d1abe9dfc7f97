"""The prose the cases are cut from: sources split into paragraphs, sentences and tokens; word lists; retyping
helpers."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from labels import Case

PER_CATEGORY = 60
NUMBER_CLASSES = (
    (
        "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
        "million"
    ).split(),
    "first second third fourth fifth sixth seventh eighth ninth tenth last".split(),
    "once twice".split(),
)
NUMBER_WORDS = {w for group in NUMBER_CLASSES for w in group} | {
    "zero", "dozen", "dozens", "half", "scores", "hundreds", "thousands"
}
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
AUXILIARIES = {
    "is", "was", "are", "were", "will", "would", "can", "could", "should", "has", "have", "had", "may", "might", "must",
    "does", "did",
}
DAYS_MONTHS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April June July August September October November December"
).split()
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
        self.vocab = sorted({
            w
            for name, text in texts.items()
            if not name.endswith("(noisy)")
            for w in re.findall(r"(?<![\w'’-])[a-z]{2,}(?![\w'’-])", text)
        })

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
            tokens = [
                (p_start + start + m.start(), p_start + start + m.end()) for m in re.finditer(r"\S+", chunk[start:end])
            ]
            while tokens and not re.search(r"\w", text[tokens[0][0] : tokens[0][1]]):  # bullets, stray marks
                tokens.pop(0)
            body = text[tokens[0][0] : tokens[-1][1]] if tokens else ""
            if (
                6 <= len(tokens) <= 70
                and not re.search(r"https?:|www\.|[<>@|/=]|\.\.\.|…|\[", body)
                and sum(c.isalpha() for c in body) > 0.7 * len(body)
            ):
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
    text = re.sub(
        " ", lambda m: rng.choice(["\u00a0", "\u2009", "\u202f", "\t", "  "]) if rng.random() < 0.2 else " ", text
    )
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "\u2011", text)
    return text.replace("\n", "\r\n")


def noisy_sources(texts: dict[str, str]) -> dict[str, str]:
    return {f"{name} (noisy)": noisy(text, random.Random(name)) for name, text in texts.items()}
