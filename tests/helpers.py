"""Temporary fact projects for CLI and plugin tests: a pyproject, seeds copied from the repo, fact files."""
from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

from tests.conftest import REPO, SEEDS

SOURCE = "000_12e6b7cc27e0264f.txt"
GOOD_QUOTE = "It came on TamTam two minutes before any announcement"

GOOD_FACT = f"""\
  - id: claim-first-on-tamtam
    claim: ISIS's claim of responsibility appeared on TamTam before Telegram.
    citations:
      - source: {SOURCE}
        quote: "{GOOD_QUOTE}"
"""

WRONG_FACT = f"""\
  - id: claim-three-minutes
    claim: The claim came three minutes earlier.
    citations:
      - source: {SOURCE}
        quote: "It came on TamTam three minutes before any announcement"
"""


def make_project(root: Path, files: dict[str, str]) -> Path:
    """A project at `root`: pyproject with [tool.factcheck], the five seeds, and `files` (path -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    shutil.copytree(SEEDS, root / "seeds", dirs_exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


PLANTED = """\
facts:
  - id: claim-three-minutes
    claim: The claim came three minutes earlier.
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "It came on TamTam three minutes before any announcement"
  - id: hostile-quote
    claim: A claim with <img src=x onerror="window.__pwned = 2"> in it.
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "<script>window.__pwned = 1</script> It came on TamTam two minutes"
  - id: attacker-age-29
    claim: Usman Khan was 29.
    about: usman-khan
    property: age
    value: {quantity: 29, unit: years}
    citations:
      - source: 004_3c3116bf203ab6e7.txt
        quote: "three others injured by 28-year-old British citizen Usman Khan"
"""


def curated_project(root: Path, planted: str | None = PLANTED) -> Path:
    """A copy of the repository's curated suite (facts, seeds, pyproject) at `root`, with `planted` as
    facts/planted.yaml: by default a changed number, a quote and a claim holding markup, and an age
    that contradicts attacker-age."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "facts", root / "facts")
    shutil.copytree(SEEDS, root / "seeds")
    if planted is not None:
        (root / "facts" / "planted.yaml").write_text(planted, encoding="utf-8")
    return root


def in_processes(target, *arguments: tuple) -> None:
    """Run target(*args) in a spawned process for each tuple of arguments, all at once; each must exit 0."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=target, args=args) for args in arguments]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
        assert process.exitcode == 0


def files_passed_to(monkeypatch, module, function: str) -> list[str]:
    """A list that records the file (the second argument) of every call to module.function from now on."""
    calls: list[str] = []
    wrapped = getattr(module, function)

    def counted(first, file, *args):
        calls.append(file)
        return wrapped(first, file, *args)

    monkeypatch.setattr(module, function, counted)
    return calls
