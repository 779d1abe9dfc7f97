"""bench/scale's generator cannot rot silently: a small corpus is deterministic, a valid project, and checks as made."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from checker.config import load_config
from checker.match.normalize import normalize
from checker.run import check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench" / "scale"))

import corpus  # noqa: E402
from measure import read_profile, run  # noqa: E402

SMALL = corpus.Spec("test", documents=4, document_size=6_000, citations=120, seed=7)


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "project"
    corpus.generate(SMALL, root)
    return root


def test_the_same_spec_generates_the_same_project_byte_for_byte(project, tmp_path):
    corpus.generate(SMALL, tmp_path / "again")
    assert files(tmp_path / "again") == files(project)
    corpus.generate(corpus.Spec("test", 4, 6_000, 120, seed=8), tmp_path / "other")
    assert files(tmp_path / "other") != files(project)


def test_the_project_has_documents_of_the_size_asked_and_every_kind_of_citation(project):
    sources = sorted((project / "sources").iterdir())
    assert len(sources) == SMALL.documents
    sizes = [len(path.read_text(encoding="utf-8")) for path in sources]
    assert all(SMALL.document_size <= size < SMALL.document_size + 3_000 for size in sizes)
    made = json.loads((project / "bench.json").read_text(encoding="utf-8"))["citations"]
    assert len(made) == SMALL.citations and {c["kind"] for c in made} == set(corpus.KINDS)
    assert all(30 <= len(c["quote"]) <= 2_000 for c in made)


def test_the_real_pipeline_passes_the_exact_quotes_and_fails_the_absent_and_misattributed(project):
    config = load_config(project)
    report = check(config.facts, config).report
    assert not report.errors
    made = {c["id"]: c["kind"] for c in json.loads((project / "bench.json").read_text(encoding="utf-8"))["citations"]}
    passed, total = Counter(), Counter()
    for result in report.facts:
        for citation in result.citations:
            total[made[result.fact.id]] += 1
            passed[made[result.fact.id]] += citation.ok
    assert passed[corpus.EXACT] == total[corpus.EXACT] > 50
    assert passed[corpus.ABSENT] == passed[corpus.WRONG] == 0
    assert 0.5 * total[corpus.SLIP] <= passed[corpus.SLIP] < total[corpus.SLIP] + 1  # most slips pass as fuzzy


def test_absent_quotes_stand_in_no_document_and_misattributed_ones_not_in_theirs_as_the_matcher_reads_them(project):
    documents = {path.name: normalize(path.read_text(encoding="utf-8")).text
                 for path in sorted((project / "sources").iterdir())}
    made = json.loads((project / "bench.json").read_text(encoding="utf-8"))["citations"]
    absent = [c for c in made if c["kind"] == corpus.ABSENT]
    wrong = [c for c in made if c["kind"] == corpus.WRONG]
    assert absent and wrong
    for citation in absent:
        parts = corpus.quote_parts(citation["quote"])
        assert parts and not any(all(part in text for part in parts) for text in documents.values()), citation
    for citation in wrong:
        parts = corpus.quote_parts(citation["quote"])
        assert parts and not all(part in documents[citation["source"]] for part in parts), citation


def test_the_generator_reads_a_quote_in_other_typography_as_standing_there_even_across_paragraphs():
    paragraphs = ['He said "hello" -- to the world.', "Another paragraph starts here, and ends."]
    library = corpus.Library({n: normalize(text).text for n, text in enumerate(paragraphs)})
    document = normalize("\n\n".join(paragraphs) + "\n").text
    assert library.document([0, 1]) == document
    for quote in ("said \u201chello\u201d \u2013 to the", "SAID HELLO - TO", "the world. Another paragraph",
                  "world.  Another", "d. Anoth", "to the world. Another paragraph starts here, and ends."):
        assert library.may_hold(quote), quote
        assert all(part in document for part in corpus.quote_parts(quote))
    for quote in ("the world. Another paragraphs", "xthe world. Another", "said hello, to the world", "ends. Hello"):
        assert not library.may_hold(quote), quote


def test_a_project_from_another_version_of_the_generator_is_generated_again(project, tmp_path, monkeypatch):
    import run as bench

    monkeypatch.setattr(corpus, "CORPORA", {**corpus.CORPORA, SMALL.name: SMALL})
    assert bench._holds(project, SMALL)
    monkeypatch.setattr(corpus, "GENERATOR", corpus.GENERATOR + 1)
    assert not bench._holds(project, SMALL)


def test_the_runner_measures_a_child_and_kills_it_at_the_timeout(tmp_path):
    quick = run([sys.executable, "-c", "print('done')"], tmp_path, timeout=60)
    assert not quick.timed_out and quick.returncode == 0 and quick.stdout == "done\n" and quick.peak_process_mib > 1
    slow = run([sys.executable, "-c", "import time; time.sleep(60)"], tmp_path, timeout=0.5)
    assert slow.timed_out and slow.returncode is None and slow.seconds < 30
    assert read_profile(tmp_path / "none.jsonl") == ({}, 0)
