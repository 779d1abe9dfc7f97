"""checker.match.normalize: what folds away (typography) and what must not (content), and the offset map back to the
original."""
import pytest

from checker.match.normalize import fold_for_search, normalize, words
from tests.conftest import SEEDS

SEED_000 = (SEEDS / "000_12e6b7cc27e0264f.txt").read_text(encoding="utf-8")


def same(a: str, b: str) -> bool:
    return normalize(a).text == normalize(b).text


def check_origin(original: str) -> None:
    """Every normalized character comes from an original character that folds to it (or from white space/dash for a
    space)."""
    norm = normalize(original)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(norm.origin)
    for char, at in zip(norm.text, norm.origin):
        source = original[at]
        if char == " ":
            assert source.isspace() or source in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
        else:
            assert char in normalize(source).text or source in "'\u2019\u2018\u02bc"


# ---- quote marks and apostrophes ----------------------------------------------------------------


def test_quote_marks_fold_straight_curly_guillemets():
    assert same("“They probably had already set up TamTam”", '"They probably had already set up TamTam"')
    assert same("«They probably had already set up TamTam»", "They probably had already set up TamTam")
    assert same("Visit Insider’s homepage", "Visit Insider's homepage")


def test_an_apostrophe_inside_a_word_is_kept():
    assert not same("Insider’s homepage", "Insiders homepage")
    assert not same("this stuff won’t be tolerated", "this stuff wont be tolerated")


# ---- dashes and hyphens ---------------------------------------------------------------------------


def test_dashes_and_hyphens_fold_to_a_space():
    assert same("even if only — in a virtual sense", "even if only - in a virtual sense")
    assert same("The web– and app–based chat groups", "The web- and app-based chat groups")
    assert same("ISIS‑linked", "ISIS-linked")


def test_a_hyphen_is_not_dropped_inside_a_line():
    assert not same("had re-formed despite the ban", "had reformed despite the ban")


# ---- white space ------------------------------------------------------------------------------------


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\t", "\n", "\r\n", "  ", " \n\n "])
def test_any_white_space_folds_to_one_space(space):
    assert normalize(f"ghost{space}town").text == "ghost town"


def test_a_space_inside_a_word_is_not_removed():
    assert not same("Tam Tam", "TamTam")


def test_paragraph_breaks_are_recorded():
    norm = normalize("One paragraph here.\n\nAnother one.\nSame paragraph.\r\n\r\nThird.")
    assert [norm.text[b:b + 4] for b in norm.breaks] == [" ano", " thi"]


# ---- soft hyphens and zero-width characters ---------------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_vanish(invisible):
    assert same(f"appli{invisible}cation", "application")


def test_a_visible_character_inside_a_word_stays():
    assert not same("appli.cation", "application")


# ---- a word hyphenated across a line break ----------------------------------------------------------


@pytest.mark.parametrize("brk", ["-\n", "-\r\n", "-\n    ", "\u00ad\n", "\u2010\n"])
def test_line_break_hyphenation_joins_the_word(brk):
    assert same(f"a much less well-known appli{brk}cation", "a much less well-known application")


def test_a_hyphen_before_a_digit_or_capital_at_a_line_end_is_not_joined():
    assert normalize("November 25-\n2019").text == "november 25 2019"
    assert normalize("anti-\nTelegram operation").text == "anti telegram operation"


# ---- Unicode compatibility forms and case ----------------------------------------------------------


def test_compatibility_forms_fold():
    assert same("the ﬁrst reports", "the first reports")
    assert same("Nearly ５,０００ accounts", "Nearly 5,000 accounts")
    assert same("ＴａｍＴａｍ", "TamTam")


def test_compatibility_folding_keeps_digits_apart():
    assert not same("Nearly 5,000 accounts", "Nearly 6,000 accounts")
    assert not same("5,000", "5.000")


def test_a_superscript_is_not_folded_into_the_number():
    assert not same("an area of 10² square kilometres", "an area of 102 square kilometres")


def test_case_folds():
    assert same("TAMTAM is a Russian messaging app", "TamTam is a Russian messaging app")
    assert not same("TamTam is a Russian messaging app", "TamTam is a Russian messaging apps")


# ---- the offset map ---------------------------------------------------------------------------------


def test_origin_maps_every_character_back_on_a_seed():
    check_origin(SEED_000)


def test_origin_maps_back_through_typography():
    original = "«They\u00a0probably» had al\u00adready set up Tam\u2011Tam\r\nin case of an announce-\nment — “fine”."
    check_origin(original)
    norm = normalize(original)
    start = norm.text.index("announcement")
    first, last = norm.original_span(start, start + len("announcement"))
    assert original[first:last] == "announce-\nment"


def test_words_keep_their_original_spelling():
    original = "Visit Insider’s home\u00adpage: 5,000 accounts"
    norm = normalize(original)
    assert [(w.text, w.original) for w in words(norm, original)] == [
        ("visit", "Visit"), ("insider's", "Insider’s"), ("homepage", "home\u00adpage"), ("5,000", "5,000"),
        ("accounts", "accounts"),
    ]


def test_words_know_the_hyphenated_compound_they_stand_in():
    original = "A No\u2010Charge, royalty-free licence - or no charge at all"
    found = {w.original: w.compound for w in words(normalize(original), original)}
    assert found["No"] == found["Charge"] == "no-charge"
    assert found["royalty"] == found["free"] == "royalty-free"
    assert found["licence"] == found["or"] == found["no"] == ""  # a spaced dash joins nothing


def test_fold_for_search_strips_the_edges():
    assert fold_for_search("  “He said,” ") == "he said,"
