"""Sources pinned by hash (issue 15, integrity): a recorded sha256 that no longer matches fails the run, naming the
file and both hashes, until `factcheck check --update-hashes` records the new one, every other byte kept."""
from __future__ import annotations

import hashlib

import pytest

from checker.cli import main

ARTICLE = "The council approved the new budget on Monday after a long debate.\n"
FACTS = """facts:
  - id: budget-approved
    claim: The council approved the budget.
    citations:
      - {source: article.txt, quote: "The council approved the new budget on Monday"}
"""


def sources_yaml(digest: str) -> str:
    return f"""# What each source is.
sources:
  - file: article.txt   # the council's own page
    url: https://example.org/council/budget
    retrieved: "2024-03-05"
    sha256: "{digest}"
    published: "2024-03-04"
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "sources.yaml").write_text(sources_yaml(hashlib.sha256(ARTICLE.encode()).hexdigest()),
                                                     encoding="utf-8")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "budget.yaml").write_text(FACTS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_source_with_its_recorded_hash_passes(project, capsys):
    assert main(["check"]) == 0


def test_a_changed_source_fails_naming_the_file_and_both_hashes(project, capsys):
    recorded = hashlib.sha256(ARTICLE.encode()).hexdigest()
    changed = ARTICLE + "Correction: the vote was on Tuesday.\n"
    (project / "seeds" / "article.txt").write_text(changed, encoding="utf-8")
    assert main(["check"]) == 2
    out = capsys.readouterr().out
    assert "seeds/sources.yaml:6:13: source changed since it was recorded: article.txt" in out
    assert recorded in out and hashlib.sha256(changed.encode()).hexdigest() in out
    assert "factcheck check --update-hashes" in out


def test_update_hashes_rewrites_only_the_changed_hash(project, capsys):
    changed = ARTICLE.replace("long", "lengthy")
    (project / "seeds" / "article.txt").write_text(changed, encoding="utf-8")
    before = (project / "seeds" / "sources.yaml").read_bytes()
    assert main(["check", "--update-hashes"]) == 0
    new = hashlib.sha256(changed.encode()).hexdigest()
    assert f"sha256 of article.txt updated from {hashlib.sha256(ARTICLE.encode()).hexdigest()} to {new}" in (
        capsys.readouterr().err)
    after = (project / "seeds" / "sources.yaml").read_bytes()
    assert after == before.replace(hashlib.sha256(ARTICLE.encode()).hexdigest().encode(), new.encode())
    assert main(["check"]) == 0  # recorded: the next run passes without the flag


def test_update_hashes_keeps_crlf_line_ends_and_a_bom(project):
    path = project / "seeds" / "sources.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + sources_yaml("0" * 64).replace("\n", "\r\n").encode())
    assert main(["check", "--update-hashes"]) == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + sources_yaml(
        hashlib.sha256(ARTICLE.encode()).hexdigest()).replace("\n", "\r\n").encode()


def test_a_malformed_hash_is_a_schema_error_not_a_change(project, capsys):
    (project / "seeds" / "sources.yaml").write_text(sources_yaml("abc123"), encoding="utf-8")
    assert main(["check"]) == 2
    out = capsys.readouterr().out
    assert "seeds/sources.yaml:6" in out and "64 hexadecimal digits" in out
    assert "since it was recorded: article.txt" not in out
