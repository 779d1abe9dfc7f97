"""The report: one result model rendered to JSON (valid, deterministic, counted) and to the text an editor reads."""
import json

from checker import report
from checker.cite import verify_facts
from checker.match import MatchOptions
from checker.model import Citation, Dispute, Fact, Problem, Report
from checker.report import dumps, exit_code, report_document, text_lines
from checker.sources import Library
from checker.validate import validator
from tests.conftest import SEEDS

SOURCE = "000_12e6b7cc27e0264f.txt"


def fact(fact_id, *quotes, disputes=()):
    citations = [Citation(source=SOURCE, quote=q, file="facts/a.yaml", line=10 + i) for i, q in enumerate(quotes)]
    return Fact(
        id=fact_id, claim=f"claim of {fact_id}", file="facts/a.yaml", line=1,
        citations=citations, disputes=list(disputes),
    )


def document_for(*facts, errors=()):
    results = verify_facts(list(facts), Library(SEEDS), MatchOptions())
    return report_document(Report(facts=results, errors=list(errors)), "seeds")


def test_summary_counts_citations_and_facts():
    doc = document_for(
        fact("good", "It came on TamTam two minutes before any announcement"),
        fact("bad", "It came on TamTam three minutes before any announcement",
             "By Saturday afternoon Telegram was a ghost town"),
    )
    assert doc["summary"] == {
        "facts": 2, "facts_failed": 1, "citations": 3, "passed": 2, "failed": 1, "dispute_quotes": 0,
        "dispute_quotes_failed": 0, "contradictions": 0, "disputes": 0, "waivers": 0, "warnings": 0, "errors": 0,
    }
    assert exit_code(doc) == 1


def test_input_errors_win_the_exit_code():
    doc = document_for(fact("good", "It came on TamTam two minutes before any announcement"),
                       errors=[Problem("facts/b.yaml", 3, 1, "invalid YAML: x")])
    assert exit_code(doc) == 2
    assert text_lines(doc, "seeds")[0] == "facts/b.yaml:3:1: invalid YAML: x"


def test_report_is_valid_and_byte_identical_across_runs():
    quotes = (
        "It came on TamTam three minutes before any announcement",
        "terrorism researchers combed chat groups popular with ISIS suporters",
    )
    one = dumps(document_for(fact("a", *quotes)))
    two = dumps(document_for(fact("a", *quotes)))
    assert one == two
    assert list(validator("report").iter_errors(json.loads(one))) == []


def test_a_disputing_quote_is_checked_and_reported_with_its_resolution():
    other = Citation(source="001_2afa2717bd8a4cc8.txt",
                     quote="Last Saturday, November 30, 28-year-old Usman Khan attacked people",
                     file="facts/a.yaml", line=20)
    dispute = Dispute(citation=other, says="2019-11-30", resolution="the other reports say Friday", line=19)
    doc = document_for(fact("date", "In the wake of Friday’s terror attack near London Bridge", disputes=[dispute]))
    (entry,) = doc["facts"][0]["disputed_by"]
    assert entry["ok"] and entry["status"] == "verbatim" and entry["location"]["line"] == 9
    assert entry["says"] == "2019-11-30" and entry["resolution"] == "the other reports say Friday"
    assert list(validator("report").iter_errors(doc)) == []


def test_a_failing_disputing_quote_fails_its_fact():
    other = Citation(source="001_2afa2717bd8a4cc8.txt",
                     quote="Last Sunday, November 30, 28-year-old Usman Khan attacked people",
                     file="facts/a.yaml", line=20)
    dispute = Dispute(citation=other, says="2019-11-30", resolution="r", line=19)
    doc = document_for(fact("date", "In the wake of Friday’s terror attack near London Bridge", disputes=[dispute]))
    assert not doc["facts"][0]["ok"]
    assert "  disputing quote at facts/a.yaml:20 FAILS (mismatch, score" in "\n".join(text_lines(doc, "seeds"))


def test_a_slip_is_shown_though_it_passes():
    doc = document_for(fact("slip", "terrorism researchers combed chat groups popular with ISIS suporters"))
    lines = text_lines(doc, "seeds")
    assert exit_code(doc) == 0
    assert lines[1].startswith("  citation at facts/a.yaml:10 passes as a transcription slip (fuzzy, score")
    assert (
        '    why:     quote says "suporters" where the source says "supporters": '
        "a transcription slip (000_12e6b7cc27e0264f.txt:12)"
    ) in lines


def _once_by_json(entries):
    """What document() keeps of repeated entries, compared by their whole JSON (the obvious way)."""
    return list({json.dumps(entry, sort_keys=True): entry for entry in entries}.values())


class Text(str):
    """A str subclass: JSON writes its text."""


def test_entries_recorded_twice_are_kept_once_as_comparing_their_json_keeps_them():
    fact = {"id": "a", "file": "facts/a.yaml", "line": 3, "ok": True}
    entries = [
        fact, {"line": 3, "ok": True, "file": "facts/a.yaml", "id": "a"},  # the same JSON, keys in another order
        {**fact, "ok": False},  # the same label, another outcome: both kept
        {**fact, "id": Text("a")}, {**fact, "line": 3.0}, {**fact, "line": True},
        {"rule": "r", "message": "m", "facts": ["a"]}, {"rule": "r", "message": "m", "facts": ["b"]},
        {"rule": "r", "message": "m", "facts": ["a"]},
        {"file": "facts/b.yaml", "line": 1, "column": 1, "message": "x"}, {"no": "label"}, {"no": "label"},
        {"file": ["not", "text"]}, {"file": ["not", "text"]}, {1: "a number's key"}, {"1": "a number's key"},
    ]
    kept = report._once(entries)
    assert kept == _once_by_json(entries)
    assert [id(entry) for entry in kept] == [id(entry) for entry in _once_by_json(entries)]  # the same objects
