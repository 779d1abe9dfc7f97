"""--claimreview FILE: the suite's verdicts as schema.org ClaimReview JSON-LD, with every field Google's ClaimReview
structured-data requirements name (tests/claimreview.schema.json), the same bytes for the same suite."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from checker.cli import main
from tests.test_curated import copy_suite

SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text(encoding="utf-8"))
URL = "https://factcheck.example/london-bridge-2019"


def test_the_curated_verdicts_export_as_valid_claimreview(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(copy_suite(tmp_path))
    assert main(["check", "--json", "report.json", "--claimreview", "reviews.jsonld", "--claimreview-url", URL]) == 0
    reviews = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(reviews)
    verdicts = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["verdicts"]
    assert len(reviews) == len(verdicts) >= 8
    [attack] = [r for r in reviews if r["url"].startswith(f"{URL}#attack-date-")]
    assert attack["claimReviewed"].startswith("Last Saturday, November 30")
    assert attack["reviewRating"]["alternateName"] == "False" and attack["reviewRating"]["ratingValue"] == 1
    assert attack["itemReviewed"]["datePublished"] == "2019-12-03"
    headline = attack["itemReviewed"]["appearance"]["headline"]
    assert headline == "Terrorists used TamTam messenger when they blocked Telegram"
    assert "verdict: false: attack-date: 001_2afa2717bd8a4cc8.txt says 'Last Saturday" in capsys.readouterr().out


def test_the_export_is_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_suite(tmp_path))
    for name in ("a.jsonld", "b.jsonld"):
        assert main(["check", "--claimreview", name, "--claimreview-url", URL]) == 0
    assert (tmp_path / "a.jsonld").read_bytes() == (tmp_path / "b.jsonld").read_bytes()


def test_claimreview_without_a_page_url_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(copy_suite(tmp_path))
    assert main(["check", "--claimreview", "reviews.jsonld"]) == 2
    assert "--claimreview needs --claimreview-url" in capsys.readouterr().err
    assert not (tmp_path / "reviews.jsonld").exists()


def test_claimreview_never_overwrites_an_input(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(copy_suite(tmp_path))
    before = (tmp_path / "facts/attack.yaml").read_bytes()
    assert main(["check", "--claimreview", "facts/attack.yaml", "--claimreview-url", URL]) == 2
    assert (tmp_path / "facts/attack.yaml").read_bytes() == before
