"""The library keeps a bounded share of the corpus normalized at once, and what it puts aside changes no verdict."""
from __future__ import annotations

from pathlib import Path

import checker.sources
from checker.config import load_config
from checker.match import Document
from checker.report import dumps, report_document
from checker.run import check

ROOT = Path(__file__).resolve().parents[1]


def curated_report(monkeypatch, kept: int) -> tuple[str, list[int]]:
    """The curated suite's report with at most `kept` characters of documents kept, and how many were kept as each
    source was opened."""
    monkeypatch.setattr(checker.sources, "DOCUMENTS_KEPT", kept)
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
    bounded, kept_one = curated_report(monkeypatch, 1)  # every source exceeds the budget: one kept at a time
    assert bounded == whole
    assert max(kept_all) >= 5  # the five seeds, all kept when they fit
    assert max(kept_one) == 1
