"""The library keeps a bounded share of the corpus normalized (and of its texts) at once, and what it puts aside
changes no verdict."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import checker.sources
from checker.cache import Cache
from checker.cite import Elsewhere, Share
from checker.config import load_config
from checker.match import Document, MatchOptions
from checker.report import dumps, report_document
from checker.run import check
from checker.sources import Library, SourceError
from tests.helpers import make_project

ROOT = Path(__file__).resolve().parents[1]


def curated_report(monkeypatch, kept: int) -> tuple[str, list[int]]:
    """The curated suite's report with at most `kept` characters of documents kept, and how many were kept as each
    source was opened."""
    monkeypatch.setattr(checker.sources, "DOCUMENTS_KEPT", kept)
    monkeypatch.setattr(checker.sources, "TEXTS_KEPT", kept)
    counts: list[int] = []
    document = checker.sources.Library.document

    def counted(library, name):
        found = document(library, name)
        counts.append(sum(isinstance(d, Document) for d in library._documents.values()))
        return found

    monkeypatch.setattr(checker.sources.Library, "document", counted)
    config = load_config(ROOT, cache=False)
    return dumps(report_document(check(config.facts, config).report, "seeds")), counts


def test_a_library_larger_than_the_budget_is_worked_through_a_document_at_a_time(monkeypatch):
    whole, kept_all = curated_report(monkeypatch, 1 << 30)
    bounded, kept_one = curated_report(monkeypatch, 1)  # every source exceeds the budgets: one kept at a time
    assert bounded == whole
    assert max(kept_all) >= 5  # the five seeds, all kept when they fit
    assert max(kept_one) == 1


FAILING = """\
facts:
  - id: in-another-source
    claim: Europol shut nearly 5,000 accounts.
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "Nearly 5,000 accounts and over 26,000 items, including videos"
  - id: after-not-before
    claim: The claim came two minutes later.
    citations:
      - source: 001_2afa2717bd8a4cc8.txt
        quote: "It came on TamTam two minutes after any announcement"
  - id: telegram-not-tamtam
    claim: The claim came on Telegram first.
    citations:
      - source: 002_e6b1a6874fc6dd1e.txt
        quote: "It came on Telegram two minutes before any announcement"
  - id: cited-to-the-copy
    claim: The claim came two minutes earlier.
    citations:
      - source: 004_3c3116bf203ab6e7.txt
        quote: "It came on TamTam two minutes before any announcement"
"""


def sources_opened(monkeypatch, method: str) -> list[str]:
    """The names Library.<method> is called with, in order, from now on."""
    opened: list[str] = []
    original = getattr(checker.sources.Library, method)

    def counted(library, name, *args, **kwargs):
        opened.append(name)
        return original(library, name, *args, **kwargs)

    monkeypatch.setattr(checker.sources.Library, method, counted)
    return opened


def test_failing_quotes_are_looked_for_together_each_other_source_opened_once(monkeypatch, tmp_path):
    """With one document kept at a time, the search of the other sources for every failing quote opens each
    candidate once (not once per quote), and finds what an unbounded library finds."""
    root = make_project(tmp_path / "project", {"facts/facts.yaml": FAILING})
    reads = sources_opened(monkeypatch, "_read")
    config = load_config(root, cache=False)
    whole = dumps(report_document(check(config.facts, config).report, "seeds"))
    monkeypatch.setattr(checker.sources, "DOCUMENTS_KEPT", 1)
    reads.clear()
    bounded = dumps(report_document(check(config.facts, config).report, "seeds"))
    assert bounded == whole
    assert '"found_in"' in whole and "was found in" in whole
    assert max(reads.count(name) for name in reads) == 2  # located in, then searched once for all four quotes


def test_the_rules_read_around_quotes_source_by_source_not_once_per_quote(monkeypatch):
    """With no text kept, the rules still read each source a few times, not once per quote citing it (the curated
    suite cites one seed some 50 times: read 54 times when the rules asked for its text per quote)."""
    reads = sources_opened(monkeypatch, "_load")
    curated_report(monkeypatch, 1)
    assert max(reads.count(name) for name in set(reads)) <= 10


def test_a_run_with_no_failing_quote_never_lists_the_library(tmp_path):
    """Under a sources root of "/", listing and hashing the library reads a whole machine: only a failing quote's
    search of the other sources may ask for it."""
    elsewhere = Elsewhere(Library(tmp_path), MatchOptions(), Cache(tmp_path))
    assert elsewhere.search([], Share()) == []
    assert "library_digest" not in elsewhere.__dict__ and elsewhere.library._names is None


def test_a_listed_source_that_is_gone_gets_no_suggestion_scan(tmp_path, monkeypatch):
    """A name the listing found and the disk no longer has (a process's file under /proc) is not compared with
    every other name (quadratic over a machine's files)."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("text", encoding="utf-8")
    library = Library(tmp_path)
    assert library.names() == ["a.txt", "b.txt"]
    (tmp_path / "a.txt").unlink()
    monkeypatch.setattr("difflib.get_close_matches", lambda *args, **kwargs: pytest.fail("compared with every name"))
    with pytest.raises(SourceError, match="'a.txt' not found"):
        library.digest("a.txt")


@pytest.mark.skipif(not os.access("/proc/kmsg", os.R_OK), reason="needs a readable /proc/kmsg (Linux, as root)")
def test_a_regular_file_whose_read_never_ends_is_an_error_not_a_hang():
    library = Library(Path("/proc"))
    with pytest.raises(SourceError, match="kmsg' cannot be read"):
        library.digest("kmsg")
