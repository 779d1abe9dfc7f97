"""checker.word_pairs: a document is ruled out for a quote only when it lacks two words the quote needs side by
side, and the search of other sources answers the same with the filter as without it.

That it never rules out a document the matcher finds the quote in is a Hypothesis property in tests/test_index.py.
"""
from __future__ import annotations

import checker.cite
from checker.config import load_config
from checker.match import Document
from checker.report import dumps, report_document
from checker.run import check
from checker.word_pairs import document_pairs, may_hold, required_pairs
from tests.helpers import make_project
from tests.test_library import FAILING


def holds(text: str, quote: str) -> bool:
    return may_hold(Document.from_text(text, "a.txt"), [("a.txt", required_pairs(quote))]) == ["a.txt"]


def test_the_same_words_in_another_order_are_ruled_out():
    assert holds("Europol shut down thousands of accounts.", "shut down thousands of accounts")
    assert not holds("Thousands of accounts were shut down by Europol.", "shut down thousands of accounts")


def test_typography_and_case_do_not_rule_a_document_out():
    text = "\u201cWe\u2019re moving\u00a0to TamTam,\u201d the channel said \u2014 within hours."
    assert holds(text, "\"we're moving to TamTam,\" the channel said - within")


def test_an_ellipsis_or_an_insertion_asks_only_for_the_words_side_by_side_around_it():
    text = "The accounts, which had moved twice, were shut down on Thursday."
    assert holds(text, "The accounts ... were shut down on Thursday")
    assert holds(text, "The accounts, which had [the channels] shut down on Thursday")
    assert required_pairs("The accounts ... were shut") == {("the", "accounts"), ("were", "shut")}


def test_a_word_an_insertion_may_cut_is_not_paired():
    assert required_pairs("[A]ttack on the bridge") == {("on", "the"), ("the", "bridge")}
    assert holds("an attack on the bridge", "[A]ttack on the bridge")


def test_the_pairs_of_a_document_are_its_normalized_words_side_by_side():
    assert document_pairs(Document.from_text("Shut\u00a0down\n\nTamTam's", "a.txt")) == {
        ("shut", "down"), ("down", "tamtam"), ("tamtam", "s")}


def test_the_search_of_other_sources_answers_the_same_with_the_filter(monkeypatch, tmp_path):
    root = make_project(tmp_path / "project", {"facts/facts.yaml": FAILING})
    config = load_config(root, cache=False)
    without = dumps(report_document(check(config.facts, config).report, "seeds"))
    monkeypatch.setattr(checker.cite, "WORTH_PAIRS", 1)  # every document filters its quotes by their pairs
    ruled_out = []
    may_hold = checker.cite.may_hold

    def counted(doc, quotes):
        kept = may_hold(doc, quotes)
        ruled_out.append(len(quotes) - len(kept))
        return kept

    monkeypatch.setattr(checker.cite, "may_hold", counted)
    config = load_config(root, cache=False)
    assert dumps(report_document(check(config.facts, config).report, "seeds")) == without
    assert "was found in" in without
    assert sum(ruled_out) > 0
