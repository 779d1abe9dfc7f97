"""factcheck init: a project that checks at once, an existing pyproject.toml extended without a byte of it changed,
nothing overwritten, and a second run that changes nothing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from checker.cli import main


def tree(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_in_an_empty_folder_makes_a_project_that_passes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert capsys.readouterr().out == (
        "created pyproject.toml with [tool.factcheck]\n"
        "created sources/\n"
        "created facts/\n"
        "created sources/example.txt\n"
        "created facts/example.yaml\n"
        "\n"
        "next:\n"
        "  pytest facts/    # check every fact (factcheck check does the same)\n"
        '  factcheck locate "words as you remember them"    # find a passage, print its citation\n'
    )
    assert sorted(tree(tmp_path)) == ["facts/example.yaml", "pyproject.toml", "sources/example.txt"]
    assert "# " in (tmp_path / "facts" / "example.yaml").read_text(encoding="utf-8")  # a commented example
    assert main(["check"]) == 0
    assert "1 facts (0 failing), 1 citations: 1 passed, 0 failed" in capsys.readouterr().out
    result = subprocess.run([sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-q"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "1 passed" in result.stdout


def test_running_it_twice_changes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    first = tree(tmp_path)
    capsys.readouterr()
    assert main(["init"]) == 0
    assert tree(tmp_path) == first
    assert capsys.readouterr().out.startswith(
        "kept pyproject.toml: it has [tool.factcheck]\nkept the existing facts and sources (no example added)\n")


def test_an_existing_pyproject_gets_the_table_appended_and_keeps_every_byte(tmp_path, monkeypatch, capsys):
    existing = '[project]\nname = "desk"  # our newsroom\n\n[tool.ruff]\nline-length = 100'  # no final newline
    (tmp_path / "pyproject.toml").write_text(existing, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith(existing + "\n\n[tool.factcheck]\n")
    assert "added [tool.factcheck] to pyproject.toml (the rest of it unchanged)" in capsys.readouterr().out
    assert main(["check"]) == 0


def test_a_configured_project_is_completed_with_its_own_folders(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "texts"\nfacts = "claims"\n',
                                             encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "minutes.txt").write_text("Our own source.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert "created claims/\nkept the existing facts and sources (no example added)\n" in out
    assert "  pytest claims/    # check every fact" in out
    assert sorted(tree(tmp_path)) == ["pyproject.toml", "texts/minutes.txt"] and (tmp_path / "claims").is_dir()


def test_init_of_another_folder_says_where_to_run_the_next_commands(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "desk"]) == 0
    assert "  cd desk && pytest facts/" in capsys.readouterr().out
    assert (tmp_path / "desk" / "facts" / "example.yaml").is_file()


@pytest.mark.parametrize("pyproject, why", [
    ("[project\nname = 1\n", "not valid TOML"),
    ("tool = {ruff = {}}\n", "cannot be appended"),
])
def test_a_pyproject_it_cannot_extend_is_left_as_it_is(tmp_path, monkeypatch, capsys, pyproject, why):
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert why in err and "Traceback" not in err
    assert tree(tmp_path) == {"pyproject.toml": pyproject.encode()}
