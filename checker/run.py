"""The pipeline: load -> validate -> locate -> rules -> report. The CLI and the plugin both call it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.cite import verify_facts
from checker.config import Config
from checker.model import Problem, Report
from checker.rules import check_rules
from checker.sources import Library, read_metadata
from checker.suite import Suite, read_suite

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Checked:
    """A finished run: the report, and the inputs rules and outputs may still need."""

    report: Report
    suite: Suite
    library: Library


def discover(paths: list[Path], config: Config) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The fact files under `paths` (files or directories), sorted, with their display names."""
    found, problems = {}, []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix in YAML_SUFFIXES and child.is_file() and not _hidden(child, path):
                    found[child.resolve()] = config.display(child)
        elif path.is_file():
            found[path.resolve()] = config.display(path)
        else:
            problems.append(Problem(config.display(path), 1, 1, "no such file or directory"))
    return sorted(found.items(), key=lambda item: item[1]), problems


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def open_library(config: Config) -> Library:
    return Library(config.sources, display_root=config.display(config.sources))


def check(paths: list[Path], config: Config) -> Checked:
    """Run the whole pipeline over the fact files under `paths`."""
    files, problems = discover(paths, config)
    suite = read_suite(files)
    library = open_library(config)
    metadata, metadata_problems = read_metadata(config.sources, library.display_root)
    facts = verify_facts(suite.facts, library, config.match)
    rules = check_rules(suite, facts, library, metadata)
    errors = config.problems + problems + suite.problems + metadata_problems
    errors += [problem for result in facts for problem in result.problems]
    return Checked(Report(facts=facts, rules=rules, errors=sorted(set(errors))), suite, library)
