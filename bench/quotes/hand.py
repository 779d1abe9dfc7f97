"""Hand-written cases from the seed articles: the misquotes an editor would really make, one or more per category."""
from __future__ import annotations

from labels import FAIL, PASS, TYPO, Case

S0, S1, S2, S3, S4 = (
    "000_12e6b7cc27e0264f.txt", "001_2afa2717bd8a4cc8.txt", "002_e6b1a6874fc6dd1e.txt",
    "003_1288ced4304eb56c.txt", "004_3c3116bf203ab6e7.txt",
)
ORIGIN = "hand-written (seeds)"


def _p(category, quote, source, statuses=TYPO, **kw):
    return Case(category, PASS, quote, source, statuses, origin=ORIGIN, **kw)


def _f(category, quote, source, statuses=(), **kw):
    return Case(category, FAIL, quote, source, statuses, origin=ORIGIN, **kw)


V, Q, D, W, I, H, N, C = (  # noqa: E741 -- I: the category's initial, like the others
    "verbatim", "typography: quote marks, apostrophes", "typography: dashes, hyphens",
    "typography: white space, line breaks, NBSP", "typography: soft hyphens, zero-width characters",
    "typography: word hyphenated across a line break", "typography: Unicode compatibility forms",
    "typography: case of the first letter",
)
E, B, F, FS = (
    "elision (..., . . ., …, [...]) within a paragraph", "brackets ([T]hey, [ISIS] claimed, interior [the app])",
    "fuzzy slips (not strict): status fuzzy", "fuzzy slips under strict",
)
NUM, NEG, NAME, OPP, NEAR, ANY, OUT, STITCH, PARA, WRONG, SHORT, NSLIP = (
    "number changed, added or removed", "negation added or removed", "proper name changed", "word swapped: opposite",
    "word swapped: real word one letter away (form/from)", "word swapped: any other real word",
    "words left out without an ellipsis", "text stitched from separate passages without an ellipsis",
    "elision spanning paragraphs", "wrong source (found in another source)", "too-short quotes",
    "slip in a capitalised name",
)

HAND = [
    _p(V, "By Saturday afternoon Telegram was a ghost town for Islamic extremists.", S0, ("verbatim",)),
    _p(V, "It came on TamTam two minutes before any announcement", S0, ("verbatim",)),
    _p(V, "Nearly 5,000 accounts and over 26,000 items", S3, ("verbatim",)),
    # the source's own brackets
    _p(V, "“I was following around 50 groups [before the crackdown],” he said.", S0, ("verbatim",)),
    _p(Q, "\"It came on TamTam two minutes before any announcement on the handful of Telegram channels "
          "that were still up,\" he said.", S0),
    _p(Q, "Visit Insider's homepage for more stories.", S0),
    _p(Q, "«They probably had already set up TamTam» in case of being shut down by Telegram", S0),
    _p(Q, "TamTam acts as a private messaging application but also has a “channels” function like Telegram", S3),
    _p(D, "ISIS supporters move from Telegram to TamTam post London Bridge attack - Business Insider", S0),
    _p(D, "The web– and app–based chat groups are the last stable area", S0),
    _p(D, "the group can work openly - even if only in a virtual sense", S0),
    _p(W, "By Saturday\u00a0afternoon Telegram was a ghost\ttown for\nIslamic extremists", S0),
    _p(W, "Nearly 5,000\u202faccounts and over 26,000\u2009items", S3),
    _p(I, "a much less well-known appli\u00adcation developed by a Russian social media network", S0),
    _p(I, "\ufeffMost of the groups he fol\u200blowed had conducted a cyber withdrawal", S0),
    _p(H, "a much less well-known appli-\ncation developed by a Russian social media network", S0),
    _p(H, "a much less well-\nknown application developed by a Russian social media network", S0),
    _p(N, "the ﬁrst reports appeared about the involvement of a terrorist organization", S1),
    _p(N, "Nearly ５,０００ accounts and over 26,000 items", S3),
    _p(C, "the crackdown on ISIS-linked Telegram accounts had been years in the making", S0),
    _p(C, "Following the London Bridge terror attack on Friday", S0),
    _p(E, "Van Ostaeyen made a wild discovery ... Most of the groups he followed had conducted a cyber withdrawal", S0,
       ("elided",)),
    _p(E, "Nearly 5,000 accounts and over 26,000 items . . . were shut down.", S3, ("elided",)),
    _p(E, "Nearly 5,000 accounts and over 26,000 items […] were shut down.", S3, ("elided",)),
    # the source's own brackets
    _p(V, "I was following around 50 groups [before the crackdown],\u201d he said. "
          "\u201c[They were] highly useful to keep an eye on ISIS.", S0, ("verbatim",)),
    _p(B, "[T]hey probably had already set up TamTam", S0, ("elided", "normalized")),
    _p(B, "[ISIS] claimed responsibility for the incident where two people were stabbed to death", S4,
       ("elided", "normalized")),
    _p(B, "Isil used its Nashir News Agency channel on [the app] TamTam to issue a claim of responsibility", S3,
       ("elided", "normalized")),
    _p(B, "It linked to a discussion group on [TamTam], a much less well-known application", S0,
       ("elided", "normalized")),
    _p(B, "looking for clues about the attack. But then the [sic] groups", S0, ("elided", "normalized")),
    _p(B, "I followed about 50 groups [emphasis added] (before overclocking).", S1, ("elided", "normalized")),
    _p(F, "Using that lead, Van Ostaeyen made a wild discovrey: "
          "Most of the groups he followed had conducted a cyber withdrawal", S0, ("fuzzy",)),
    _p(F, "terrorism researchers combed chat groups popular with ISIS supporters "
          "on the messaging app Telegram lookking for clues", S0, ("fuzzy",)),
    _f(FS, "Using that lead, Van Ostaeyen made a wild discovrey: "
           "Most of the groups he followed had conducted a cyber withdrawal", S0, strict=True),
    _f(NUM, "It came on TamTam three minutes before any announcement", S0),
    _f(NUM, "saw the 60 or so groups he had infiltrated go dark starting on Friday evening", S0),
    _f(NUM, "Nearly 6,000 accounts and over 26,000 items", S3),
    _f(NUM, "a major crackdown that began on Nov 26", S0),
    _f(NUM, "It was launched in 2018 and operates through a Russian social networking platform", S3),
    _f(NUM, "the London attack, where three victims and the attacker were killed", S0),
    _f(NUM, "saw the or so groups he had infiltrated go dark starting on Friday evening", S0),
    _f(NUM, "ISIS’s claim of responsibility for the London Bridge attack came second on TamTam", S0),
    _f(NEG, "It is a coincidence that the channel closing operation on Telegram was not started "
            "just a few days before the London attack", S1),
    _f(NEG, "said the official, who as a police officer can be named in the media", S0),
    _f(NEG, "cautioned that it would be easy to root out the group for online platforms", S3),
    _f(NEG, "to show the public that this stuff will be tolerated", S0),
    _f(NEG, "these actions were committed with complaints from law enforcement agencies", S1),
    _f(NEG, "ISIS’s claim of responsibility for the London Bridge attack came first on TamTam, Telegram", S0),
    _f(NAME, "It came on Telegram two minutes before any announcement", S0),
    _f(NAME, "Following the London Bridge terror attack on Saturday", S0),
    _f(NAME, "Isil used its Nashir News Agency channel on Telegram to issue a claim of responsibility", S3),
    _f(NAME, "which is owned by the Russian company Yandex", S3),
    _f(OPP, "ISIS’s claim of responsibility for the London Bridge attack came last on TamTam, not Telegram", S0),
    _f(OPP, "It came on TamTam two minutes after any announcement", S0),
    _f(OPP, "The migration to TamTam seems likely to be long-lived", S0),
    _f(NEAR, "who specializes in tracking foreign fighters how have joined ISIS", S0),
    _f(NEAR, "ISIS supporters move form Telegram to TamTam post London Bridge attack", S0),
    _f(NEAR, "the last stable area in which the group can walk openly", S0),
    _f(ANY, "The migration to TamTam seems certain to be short-lived", S0),
    _f(ANY, "By Saturday afternoon Telegram was a ghost ship for Islamic extremists", S0),
    _f("word swapped: singular/plural (jihadists/jihadist)",
       "its purge would only drive jihadist underground where the authorities could not see", S3),
    _f("word swapped: singular/plural (jihadists/jihadist)",
       "By Saturday afternoon scores of group with thousands of subscribers", S0),
    _f("words reordered", "ISIS supporters move from TamTam to Telegram post London Bridge attack", S0),
    _f("words reordered", "where two attackers and the victim were killed", S0),
    _f("a word added", "By Saturday afternoon Telegram was a ghost town for all Islamic extremists", S0),
    _f("brackets hiding a changed number or negation",
       "said the official, who as a police officer [can] be named in the media", S0),
    _f("brackets hiding a changed number or negation",
       "cautioned that it would [be] easy to root out the group for online platforms", S3),
    _f("brackets hiding a changed number or negation", "It came on TamTam [three] minutes before any announcement", S0),
    _f(OUT, "By Saturday afternoon Telegram was a ghost town for extremists", S0),
    _f(OUT, "It came on TamTam two minutes before any announcement on the handful of channels", S0),
    _f(STITCH, "By Saturday afternoon Telegram was a ghost town for Islamic extremists. "
               "By Tuesday, however, even those groups had disappeared.", S2),
    _f(STITCH, "Isil used its Nashir News Agency channel on TamTam. It was launched in 2017", S3),
    _f(PARA, "A single tweet pointed the way to ISIS’s new online home ... "
             "Most of the groups he followed had conducted a cyber withdrawal", S0),
    _f(PARA, "Nearly 5,000 accounts and over 26,000 items … was launched in 2017", S3),
    _f(WRONG, "Nearly 5,000 accounts and over 26,000 items, including videos", S0, found_in=S3),
    _f(WRONG, "Members of the terrorist organization reported this through their news agency Amaq.", S3, found_in=S1),
    _f(SHORT, "the attack", S0, ("too-short",)),
    _f(SHORT, "TamTam", S0, ("too-short",)),
    _f(SHORT, "Now two", S0, ("too-short",)),
    _f(NSLIP, "Belgian terrorism researcher Pieter Van Ostayen, who specializes in tracking foreign fighters", S0),
    _f(NSLIP, "Amarnath Amarasinghe, a research fellow at the Institute for Strategic Dialogue", S3),
    _f(NSLIP, "It came on TamTan two minutes before any announcement", S0),
]
