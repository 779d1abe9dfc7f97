"""pytest hooks: fact files collect as one item per fact and per declared rule; --factcheck-json writes the report."""
from __future__ import annotations

import warnings
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import pytest

from checker.cite import verify_facts
from checker.config import Config, load_config
from checker.model import Fact, FactResult, Problem, RuleResult
from checker.report import (
    document,
    dumps,
    fact_entry,
    fact_failure_lines,
    is_contradiction,
    needs_attention,
    problem_entry,
    rule_entry,
    rule_lines,
)
from checker.rules import check_rules
from checker.rules.engine import last_line
from checker.run import YAML_SUFFIXES, discover, open_library
from checker.sources import read_metadata
from checker.suite import read_suite

PROPERTY = "factcheck"  # user_properties key; the JSON writer reads it (from xdist workers too)


class FactcheckWarning(UserWarning):
    """A citation that passes only as a transcription slip (status fuzzy), or away from its pinned place."""


class FactFailure(Exception):
    """A failing fact or rule; its lines are the whole failure report (no traceback)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "fact checking (factcheck)")
    group.addoption("--factcheck-json", metavar="FILE", default=None, help="write the factcheck JSON report to FILE")
    group.addoption("--factcheck-sources", metavar="DIR", default=None, help="sources root (default: [tool.factcheck] sources)")
    group.addoption("--factcheck-strict", action="store_true", default=None, help="fail fuzzy matches too")


state_key = pytest.StashKey["State"]()
writer_key = pytest.StashKey["JsonWriter"]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[state_key] = State(config)
    path = config.getoption("factcheck_json")
    if path and not hasattr(config, "workerinput"):  # under xdist only the controller writes
        config.stash[writer_key] = JsonWriter(Path(path), config.stash[state_key])
        config.pluginmanager.register(config.stash[writer_key], "factcheck-json")


def pytest_unconfigure(config: pytest.Config) -> None:
    writer = config.stash.get(writer_key, None)
    if writer is not None:
        del config.stash[writer_key]
        config.pluginmanager.unregister(writer)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    state = parent.config.stash[state_key]
    if file_path.suffix in YAML_SUFFIXES and state.owns(file_path):
        return FactFile.from_parent(parent, path=file_path)
    return None


class State:
    """One process's view of the whole suite, loaded once; facts are located in one batch on first use."""

    def __init__(self, config: pytest.Config) -> None:
        self.pytest_config = config
        self.setup_reported = False

    @cached_property
    def config(self) -> Config:
        return load_config(
            self.pytest_config.rootpath,
            sources=self.pytest_config.getoption("factcheck_sources"),
            strict=self.pytest_config.getoption("factcheck_strict"),
        )

    def owns(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved.is_relative_to(facts.resolve()) for facts in self.config.facts)

    @cached_property
    def suite(self):
        files, problems = discover([p for p in self.config.facts if p.exists()], self.config)
        suite = read_suite(files)
        suite.problems.extend(problems)
        return suite

    @cached_property
    def library(self):
        return open_library(self.config)

    @cached_property
    def metadata(self):
        return read_metadata(self.config.sources, self.library.display_root)

    @cached_property
    def fact_results(self) -> dict[int, FactResult]:
        results = verify_facts(self.suite.facts, self.library, self.config.match)
        return {id(result.fact): result for result in results}

    @cached_property
    def rule_results(self) -> list[RuleResult]:
        facts = [self.fact_results[id(f)] for f in self.suite.facts]
        return check_rules(self.suite, facts, self.library, self.metadata[0])

    @cached_property
    def declared_rules(self) -> dict[str, str]:
        """Rule item name -> the file declaring it."""
        return {rule_name(rule): rule.file for rule in self.suite.rules}

    def setup_problems(self) -> list[Problem]:
        """Problems that belong to no fact file (pyproject, sources.yaml): reported once, on the first file."""
        if self.setup_reported:
            return []
        self.setup_reported = True
        return self.config.problems + self.metadata[1]

    def rule_results_for_fact(self, fact: Fact) -> list[RuleResult]:
        """Results of always-on (undeclared) rules are shown on the first fact they name."""
        return [r for r in self.rule_results if r.rule not in self.declared_rules and r.facts[:1] == (fact.id,)]


def rule_name(rule: Any) -> str:
    return str(rule.get("id") or rule.get("kind"))


class FactFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        state = self.config.stash[state_key]
        display = state.config.display(self.path)
        rules = [r for r in state.suite.rules if r.file == display]
        in_file = [p for p in state.suite.problems if p.file == display and not _in_a_rule(p, rules)]
        problems = state.setup_problems() + in_file
        if problems:
            yield ProblemItem.from_parent(self, name="file", problems=problems)
        seen: dict[str, int] = {}
        for fact in (f for f in state.suite.facts if f.file == display):
            seen[fact.id] = seen.get(fact.id, 0) + 1
            name = fact.id if seen[fact.id] == 1 else f"{fact.id}[{seen[fact.id]}]"
            yield FactItem.from_parent(self, name=name, fact=fact)
        for rule in rules:
            yield RuleItem.from_parent(self, name=rule_name(rule), line=rule.line)


def _in_a_rule(problem: Problem, rules: list[Any]) -> bool:
    """A problem inside a rule declaration: that rule's own item shows it, the file's item need not."""
    return any(rule.line <= problem.line <= last_line(rule) for rule in rules)


class FactcheckItem(pytest.Item):
    line = 0

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, FactFailure):
            return "\n".join(excinfo.value.lines)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.line - 1, 0), self.name  # pytest wants 0-based lines

    def record(self, kind: str, entry: dict[str, Any]) -> None:
        self.user_properties.append((PROPERTY, {"kind": kind, "entry": entry}))

    def warn(self, text: str) -> None:
        """A warning attributed to this item's place in the fact file, not to the plugin's code."""
        where = self.state.config.display(self.path)
        warnings.warn_explicit(FactcheckWarning(text), FactcheckWarning, where, max(self.line, 1), module="factcheck")

    def warn_findings(self, rules: list[dict[str, Any]]) -> None:
        """Rule findings of severity warning pass, but pytest shows them in its warnings summary."""
        for entry in rules:
            if not entry["ok"] and entry["severity"] == "warning" and not entry["disputed"]:
                self.warn("\n".join(rule_lines(entry)))

    @property
    def state(self) -> State:
        return self.config.stash[state_key]


class ProblemItem(FactcheckItem):
    def __init__(self, *, problems: list[Problem], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.problems = problems
        self.line = problems[0].line

    def runtest(self) -> None:
        for problem in self.problems:
            self.record("error", problem_entry(problem))
        raise FactFailure([str(problem) for problem in self.problems])


class FactItem(FactcheckItem):
    def __init__(self, *, fact: Fact, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fact = fact
        self.line = fact.line

    def runtest(self) -> None:
        sources = self.state.library.display_root
        entry = fact_entry(self.state.fact_results[id(self.fact)], sources)
        self.record("fact", entry)
        rules = [rule_entry(r) for r in self.state.rule_results_for_fact(self.fact)]
        for rule in rules:
            self.record("rule", rule)
        failing = [r for r in rules if is_contradiction(r)]
        if not entry["ok"] or failing:
            lines = fact_failure_lines(entry, sources) if not entry["ok"] else [f"{entry['file']}:{entry['line']}: {entry['id']}"]
            raise FactFailure(lines + [line for rule in failing for line in rule_lines(rule)])
        if any(needs_attention(c) for c in entry["citations"] + entry["disputed_by"]):
            self.warn("\n".join(fact_failure_lines(entry, sources)))
        self.warn_findings(rules)


class RuleItem(FactcheckItem):
    def __init__(self, *, line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.line = line

    def runtest(self) -> None:
        results = [rule_entry(r) for r in self.state.rule_results if r.rule == self.name]
        problems = self.declaration_problems()  # after rule_results: checking the rules finds bad declarations
        for problem in problems:
            self.record("error", problem_entry(problem))
        if problems:
            raise FactFailure([str(problem) for problem in problems])
        for entry in results:
            self.record("rule", entry)
        failing = [entry for entry in results if is_contradiction(entry)]
        self.warn_findings(results)
        if failing:
            raise FactFailure([line for entry in failing for line in rule_lines(entry)])

    def declaration_problems(self) -> list[Problem]:
        """Input errors in this rule's declaration (unknown kind, fact id or parameter; missing parameter)."""
        display = self.state.config.display(self.path)
        rule = next((r for r in self.state.suite.rules if r.file == display and r.line == self.line), None)
        if rule is None:
            return []
        return [p for p in self.state.suite.problems if p.file == display and rule.line <= p.line <= last_line(rule)]


class JsonWriter:
    """Collects report entries from every item (xdist workers included) and writes the report at the end."""

    def __init__(self, path: Path, state: State) -> None:
        self.path = path
        self.state = state
        self.entries: dict[str, list[dict[str, Any]]] = {"fact": [], "rule": [], "error": []}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            return
        for name, value in report.user_properties:
            if name == PROPERTY:
                self.entries[value["kind"]].append(value["entry"])

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        errors = self.entries["error"] + [e for fact in self.entries["fact"] for e in fact["errors"]]
        doc = document(self.entries["fact"], self.entries["rule"], errors)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(dumps(doc), encoding="utf-8")

    def pytest_terminal_summary(self, terminalreporter) -> None:
        terminalreporter.write_sep("-", f"factcheck JSON report: {self.path}")
