"""`factcheck init [DIR]`: a new project the way the README lays one out — `[tool.factcheck]` in pyproject.toml, a
sources folder with one example source, a facts folder with one commented example fact that cites it.

Nothing that exists is overwritten: an existing pyproject.toml only gets the table appended when it has none (its
bytes before it unchanged), and the examples are written only into a project with no fact file and no source yet.
Running it twice changes nothing.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import load_config

TABLE = """\
[tool.factcheck]
sources = "sources"    # the documents quotes are checked against, relative to this file
facts = "facts"        # the fact files (a folder, or a list of folders and files)
"""

EXAMPLE_SOURCE_NAME = "example.txt"
EXAMPLE_SOURCE = """\
Example Town Council, minutes of the meeting of 4 March 2024

The council approved the new library budget by seven votes to two.
The library will open on Sundays from 1 June 2024.
"""

EXAMPLE_FACTS_NAME = "example.yaml"
EXAMPLE_FACTS = f"""\
# A fact file: each fact states one claim and cites the passages of the sources that prove it.
# `factcheck check` (or `pytest facts/`) proves every quote stands in its source; replace this example with yours.
facts:
  - id: library-budget-approved        # unique across the whole suite; a test item is named after it
    claim: The council approved the library budget by seven votes to two.
    citations:
      - source: {EXAMPLE_SOURCE_NAME}             # a path under the sources folder
        # the source's words: typography may differ, meaning may not ("eight votes" would fail)
        quote: "The council approved the new library budget by seven votes to two."
"""


class InitError(Exception):
    """A project init refuses to touch: the message says why and what to do."""


@dataclass
class Initialized:
    """What init did, line by line, and the commands to run next."""

    done: list[str] = field(default_factory=list)
    next_commands: list[str] = field(default_factory=list)


def init(directory: Path) -> Initialized:
    """Set up (or complete) the project at `directory`. Raises InitError for a pyproject.toml it cannot extend."""
    result = Initialized()
    directory.mkdir(parents=True, exist_ok=True)
    result.done.append(_pyproject(directory / "pyproject.toml"))
    config = load_config(directory)
    missing_sources = not config.sources.exists()  # init creates the sources folder: not an error here
    problems = [p for p in config.problems if not (missing_sources and "does not exist" in p.message)]
    if problems:
        raise InitError("; ".join(str(problem) for problem in problems))
    sources, facts = config.sources, config.facts[0]
    fresh = not _has_files(sources) and not any(_fact_files(path) for path in config.facts)
    for folder in (sources, facts if facts.suffix not in (".yaml", ".yml") else facts.parent):
        _refuse_link(folder)
        if not folder.is_dir():
            folder.mkdir(parents=True)
            result.done.append(f"created {config.display(folder)}/")
    if fresh:
        result.done.append(_create(sources / EXAMPLE_SOURCE_NAME, EXAMPLE_SOURCE, config.display))
        result.done.append(_create(facts / EXAMPLE_FACTS_NAME, EXAMPLE_FACTS, config.display))
    else:
        result.done.append("kept the existing facts and sources (no example added)")
    where = "" if directory.resolve() == Path.cwd().resolve() else f"cd {directory} && "
    result.next_commands = [
        f"{where}pytest {config.display(facts)}/    # check every fact (factcheck check does the same)",
        f'{where}factcheck locate "words as you remember them"    # find a passage, print its citation',
    ]
    return result


def _pyproject(path: Path) -> str:
    _refuse_link(path)
    if not path.exists():
        _write_new(path, TABLE)
        return "created pyproject.toml with [tool.factcheck]"
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InitError(f"{path}: not valid TOML ({error}): fix it, then run factcheck init again") from None
    if isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]:
        return "kept pyproject.toml: it has [tool.factcheck]"
    extended = text + ("" if text.endswith("\n") or not text else "\n") + ("\n" if text.strip() else "") + TABLE
    try:
        tomllib.loads(extended)
    except tomllib.TOMLDecodeError:
        raise InitError(f"{path}: [tool.factcheck] cannot be appended to it (its [tool] is written another way): "
                        "add the table by hand:\n" + TABLE) from None
    with path.open("a", encoding="utf-8", newline="") as file:
        file.write(extended[len(text):])
    return "added [tool.factcheck] to pyproject.toml (the rest of it unchanged)"


def _create(path: Path, text: str, display) -> str:
    _refuse_link(path)
    _write_new(path, text)
    return f"created {display(path)}"


def _write_new(path: Path, text: str) -> None:
    with path.open("x", encoding="utf-8", newline="") as file:  # never over a file that appeared meanwhile
        file.write(text)


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise InitError(f"{path} is a symbolic link: init writes no file through a link")


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))


def _fact_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")] if path.is_dir() else []
