"""factcheck check --jobs N: processes divide the locating through the cache, and the report is one process's."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import checker.cite
from checker.cli import main
from tests.helpers import make_project
from tests.test_library import FAILING

SEEDS = ["000_12e6b7cc27e0264f.txt", "001_2afa2717bd8a4cc8.txt", "002_e6b1a6874fc6dd1e.txt",
         "003_1288ced4304eb56c.txt", "004_3c3116bf203ab6e7.txt"]
MORE = "".join(f"""\
  - id: opening-{number}
    claim: A sentence of a seed, opening {"abc"[number]}.
    citations:
      - source: {name}
        quote: "{quote}"
""" for number, (name, quote) in enumerate([
    (SEEDS[0], "It came on TamTam two minutes before any announcement"),
    (SEEDS[3], "Nearly 5,000 accounts and over 26,000 items, including videos"),
    (SEEDS[4], "It came on TamTam two minutes before any announcement"),
]))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    root = make_project(tmp_path / "project", {"facts/facts.yaml": FAILING + MORE})
    monkeypatch.chdir(root)
    return root


def report(root: Path, *args: str) -> bytes:
    out = root / "report.json"
    main(["check", "--json", str(out), *args])
    return out.read_bytes()


def test_two_processes_write_the_report_one_writes(project):
    alone = report(project, "--no-cache")
    assert report(project, "--jobs", "2") == alone  # cold: the work divided
    assert report(project, "--jobs", "2") == alone  # warm: all from the cache
    assert report(project, "--jobs", "auto", "--no-cache") == alone  # no cache to share through: one process


def locating_processes(monkeypatch, tmp_path) -> Path:
    """A log the processes that locate a quote write their pid to, one line per quote."""
    log = tmp_path / "located.log"
    locate = checker.cite.locate

    def logged(quote, *args, **kwargs):
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        time.sleep(0.2)  # a busy machine may start the second process late: the first must not finish everything
        return locate(quote, *args, **kwargs)

    monkeypatch.setattr(checker.cite, "locate", logged)
    return log


def test_the_processes_divide_the_locating(project, monkeypatch, tmp_path):
    """Both processes locate, and not everything twice (they meet head-on: a few may be located by both)."""
    log = locating_processes(monkeypatch, tmp_path)
    report(project, "--jobs", "2")
    pids = log.read_text(encoding="utf-8").split()
    assert len(set(pids)) == 2
    assert len(pids) < 2 * 7  # seven quotes


def test_tool_factcheck_jobs_divides_a_run_unless_the_command_line_says_otherwise(project, monkeypatch, tmp_path):
    alone = report(project, "--no-cache")
    with (project / "pyproject.toml").open("a", encoding="utf-8") as out:
        out.write("jobs = 2\n")
    log = locating_processes(monkeypatch, tmp_path)
    assert report(project) == alone
    assert len(set(log.read_text(encoding="utf-8").split())) == 2
    log.unlink()
    assert report(project, "--jobs", "1", "--no-cache") == alone
    assert len(set(log.read_text(encoding="utf-8").split())) == 1


def test_tool_factcheck_jobs_divides_a_pytest_run(pytester, monkeypatch, tmp_path):
    make_project(pytester.path, {"facts/facts.yaml": FAILING + MORE})
    alone = pytester.runpytest("facts/", "-p", "no:cacheprovider", "--factcheck-no-cache").parseoutcomes()
    with (pytester.path / "pyproject.toml").open("a", encoding="utf-8") as out:
        out.write("jobs = 2\n")
    log = locating_processes(monkeypatch, tmp_path)
    assert pytester.runpytest("facts/", "-p", "no:cacheprovider").parseoutcomes() == alone
    assert len(set(log.read_text(encoding="utf-8").split())) == 2


@pytest.mark.parametrize("value", ["0", "-1", "many", "65"])
def test_a_bad_number_of_jobs_is_refused(project, value, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", "--jobs", value])
    assert exited.value.code == 2
    assert "expected a number of processes from 1 to 64, or 'auto'" in capsys.readouterr().err


def test_the_processes_divide_the_library_for_the_search_of_other_sources(project, monkeypatch, tmp_path):
    """Every failing quote is looked for in each other source by one process only: the one whose share it is."""
    log = tmp_path / "contains.log"
    contains = checker.cite.contains

    def logged(quote, doc, *args, **kwargs):
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {doc.name} {quote}\n")
        return contains(quote, doc, *args, **kwargs)

    monkeypatch.setattr(checker.cite, "contains", logged)
    alone = report(project, "--no-cache")
    log.unlink()
    assert report(project, "--jobs", "2") == alone
    lines = [line.split(" ", 2) for line in log.read_text(encoding="utf-8").splitlines()]
    by_process: dict[str, set[str]] = {}
    for pid, name, _ in lines:
        by_process.setdefault(pid, set()).add(name)
    assert len(by_process) == 2 and not set.intersection(*by_process.values())
    asked = [(name, quote) for _, name, quote in lines]
    assert len(asked) == len(set(asked))  # no quote looked for twice in one source


def test_a_source_added_to_the_library_is_searched_on_the_next_run(project):
    """The shared answers are the library's: a failing quote found nowhere is looked for again once another source
    holds it."""
    first = json.loads(report(project, "--jobs", "2"))
    quote = "It came on TamTam two minutes after any announcement"
    assert not any(c["found_in"] for f in first["facts"] for c in f["citations"] if c["quote"] == quote)
    (project / "seeds" / "005_added.txt").write_text(f"A new article.\n\n{quote}.\n", encoding="utf-8")
    again = json.loads(report(project, "--jobs", "2"))
    assert [c["found_in"] for f in again["facts"] for c in f["citations"] if c["quote"] == quote] == [
        {"source": "005_added.txt", "line": 3}]
    assert again == json.loads(report(project, "--no-cache"))
