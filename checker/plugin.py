"""pytest hooks: fact files collect as one item per fact and per declared rule; --factcheck-json writes the report."""
from __future__ import annotations

import json
import os
import warnings
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import pytest

from checker import changed
from checker.cite import Share
from checker.collector import fewer_collections
from checker.config import Config, find_project_root, load_config
from checker.model import Fact, FactResult, Problem, RuleResult
from checker.report import (
    document,
    dumps,
    fact_entry,
    fact_failure_lines,
    fact_ok,
    is_contradiction,
    needs_attention,
    problem_entry,
    rule_entry,
    rule_lines,
    source_entry,
)
from checker.output import ReportPathError, refusal, shown, shown_lines, write_report
from checker.outputs.write import write_review_files
from checker.rules.engine import last_line
from checker.run import (
    YAML_SUFFIXES, Findings, Inputs, check_rules, input_paths, input_paths_unread, looks_like_fact_file, prepare,
    verify,
)

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
    group.addoption(
        "--factcheck-sources", metavar="DIR", default=None, help="sources root (default: [tool.factcheck] sources)"
    )
    group.addoption("--factcheck-strict", action="store_true", default=None, help="fail fuzzy matches too")
    group.addoption("--factcheck-no-cache", dest="factcheck_cache", action="store_false", default=None,
                    help="locate every quote anew, neither reading nor writing .factcheck-cache/")
    group.addoption("--factcheck-html", metavar="DIR", default=None,
                    help="write the factcheck HTML report (index.html and its assets) into DIR")
    group.addoption("--factcheck-sarif", metavar="FILE", default=None,
                    help="write the findings as SARIF 2.1.0 (GitHub code scanning) to FILE")
    group.addoption("--factcheck-markdown", metavar="FILE", default=None,
                    help="write a Markdown summary (e.g. $GITHUB_STEP_SUMMARY) to FILE")
    group.addoption(
        "--factcheck-changed-since", metavar="REF", default=None,
        help="run only the facts in fact files changed since the git REF or citing a source changed since it",
    )


state_key = pytest.StashKey["State"]()
writer_key = pytest.StashKey["JsonWriter"]()
html_writer_key = pytest.StashKey["HtmlWriter"]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[state_key] = State(config)
    path = config.getoption("factcheck_json")
    review = {kind: Path(file) for kind in ("sarif", "markdown") if (file := config.getoption(f"factcheck_{kind}"))}
    if (path or review) and not hasattr(config, "workerinput"):  # under xdist only the controller writes
        config.stash[writer_key] = JsonWriter(Path(path) if path else None, config.stash[state_key], review)
        config.pluginmanager.register(config.stash[writer_key], "factcheck-json")
    html_dir = config.getoption("factcheck_html")
    if html_dir and not hasattr(config, "workerinput"):
        config.stash[html_writer_key] = HtmlWriter(Path(html_dir), config.stash[state_key])
        config.pluginmanager.register(config.stash[html_writer_key], "factcheck-html")


def pytest_unconfigure(config: pytest.Config) -> None:
    writer = config.stash.get(writer_key, None)
    if writer is not None:
        del config.stash[writer_key]
        config.pluginmanager.unregister(writer)
    html_writer = config.stash.get(html_writer_key, None)
    if html_writer is not None:
        del config.stash[html_writer_key]
        config.pluginmanager.unregister(html_writer)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix in YAML_SUFFIXES and parent.config.stash[state_key].collects(file_path):
        return FactFile.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """--factcheck-changed-since REF: deselect the facts the change does not touch, and the rule items (a finding
    fails each fact it names, so a touched fact fails for a contradiction with an unchanged one) unless their own
    declaration is broken."""
    ref = config.getoption("factcheck_changed_since")
    if not ref:
        return
    try:
        change = changed.changed_since(ref, config.invocation_params.dir)
    except changed.ChangeError as error:
        raise pytest.UsageError(shown(str(error))) from None
    keep, drop = [], []
    for item in items:
        if isinstance(item, FactItem):
            project = item.project
            touched = changed.touches_fact(item.fact, change, item.path, project.inputs.library.root)
        else:
            touched = not isinstance(item, RuleItem) or bool(item.declaration_problems())
        (keep if touched else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """Before pytest's own summary: drop the passing setup and teardown reports that have nothing to show.
    pytest looks up each failure's teardown output by scanning every such report (one per item and phase), so with
    10,000 items and 1,000 failures its summary took seconds; the reports it would still find (teardown output) stay."""
    stats = terminalreporter.stats
    if "" in stats:
        stats[""] = [report for report in stats[""] if shows_teardown_output(report)]
    return (yield)


def shows_teardown_output(report: Any) -> bool:
    """Whether pytest's failure (or -rP pass) summary would print anything of this report: it prints the sections
    captured at teardown, from teardown reports only."""
    return getattr(report, "when", None) == "teardown" and any("teardown" in name for name, _ in report.sections)


def pytest_report_collectionfinish(config: pytest.Config, items: list[pytest.Item]) -> list[str]:
    """Which configuration each project used (unless -q), and why a path given to pytest yielded nothing."""
    state = config.stash[state_key]
    projects = state.collected_projects() if config.get_verbosity() >= 0 else []
    lines = [f"factcheck: {project.config.describe()}" for project in projects]
    collected = {Path(path).resolve() for path in {item.path for item in items}}  # each file once, not per item
    for path in state.argument_paths():
        if path.is_dir() and not any(found.is_relative_to(path) for found in collected):
            lines.append(f"factcheck: {state.why_nothing(path)}")
    return lines


class Project:
    """One project's facts in this session (the nearest [tool.factcheck] decides): the pipeline's steps, run once."""

    def __init__(self, config: Config, explicit: list[Path], share: Share) -> None:
        self.config = config
        self.explicit = explicit  # fact files named on the command line outside the configured facts
        self.share = share  # where this xdist worker starts validating and locating (each still gets every result)
        self.collected = False
        self.setup_reported = False
        self.suite_recorded = False

    def owns(self, path: Path) -> bool:
        return path in self.explicit or any(path.is_relative_to(facts.resolve()) for facts in self.config.facts)

    @cached_property
    def inputs(self) -> Inputs:
        with fewer_collections():
            return prepare(self.fact_paths(), self.config, self.share)

    def fact_paths(self) -> list[Path]:
        return [p for p in self.config.facts if p.exists()] + self.explicit

    def input_paths(self) -> list[Path]:
        """The files no report may be written over: from the loaded inputs when this process loaded them, else
        found without loading them (the xdist controller loads no fact file)."""
        if "inputs" in self.__dict__:
            return input_paths(self.inputs)
        return input_paths_unread(self.fact_paths(), self.config)

    @cached_property
    def fact_results(self) -> dict[Fact, FactResult]:
        with fewer_collections():
            return {result.fact: result for result in verify(self.inputs, share=self.share)}

    @cached_property
    def findings(self) -> Findings:
        with fewer_collections():
            return check_rules(self.inputs, list(self.fact_results.values()))

    @cached_property
    def facts_by_file(self) -> dict[str, list[Fact]]:
        """The suite's facts by the file (display name) they stand in, in suite order: each file collects its own."""
        found: dict[str, list[Fact]] = {}
        for fact in self.inputs.suite.facts:
            found.setdefault(fact.file, []).append(fact)
        return found

    def setup_problems(self) -> list[Problem]:
        """Problems that belong to no fact file (pyproject, sources.yaml): reported once, on the first file."""
        if self.setup_reported:
            return []
        self.setup_reported = True
        return list(self.inputs.problems)

    def rule_results_for_fact(self, fact: Fact) -> list[RuleResult]:
        """Every rule result that involves the fact: a contradiction fails each fact it names (and its rule item)."""
        return self.rule_results_by_fact.get(fact.id, [])

    @cached_property
    def rule_results_by_fact(self) -> dict[str, list[RuleResult]]:
        """The rule results naming each fact id, in the findings' order (looked up per item, not scanned)."""
        found: dict[str, list[RuleResult]] = {}
        for result in self.findings.results:
            for fact_id in dict.fromkeys(result.facts):
                found.setdefault(fact_id, []).append(result)
        return found


class State:
    """The session's projects, by root; which files the plugin collects."""

    def __init__(self, config: pytest.Config) -> None:
        self.pytest_config = config
        self.projects: dict[Path, Project] = {}
        self.roots: dict[Path, Path] = {}  # directory -> its project's root
        self.seen: set[Path] = set()  # the real files offered for collection

    def argument_paths(self) -> list[Path]:
        """The paths pytest was asked to collect (command line, testpaths or the invocation directory)."""
        base = self.pytest_config.invocation_params.dir
        return [(base / arg.split("::")[0]).resolve() for arg in self.pytest_config.args]

    @cached_property
    def named_fact_files(self) -> list[Path]:
        """Fact files the command line asks for (not testpaths): each file named, and each file in a directory named
        that declares facts:, entities: or rules: at its top level (a rule case file or a CI workflow does not)."""
        if self.pytest_config.args_source != pytest.Config.ArgsSource.ARGS:
            return []
        found = []
        for path in self.argument_paths():
            if path.is_file() and path.suffix in YAML_SUFFIXES:
                found.append(path)
            elif path.is_dir():
                found += [p for p in self.walk_yaml(path) if looks_like_fact_file(p)]
        return sorted(set(found))

    def walk_yaml(self, top: Path) -> list[Path]:
        """YAML files under `top`, skipping what pytest skips (hidden directories, `norecursedirs`)."""
        skip = self.pytest_config.getini("norecursedirs")
        found = []
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = sorted(d for d in subdirectories if not any(fnmatch(d, pattern) for pattern in skip))
            found += [Path(directory, name).resolve() for name in files if Path(name).suffix in YAML_SUFFIXES]
        return found

    def project(self, path: Path) -> Project:
        root = self.project_root(path)
        if root not in self.projects:
            config = self.load_config(root)
            project = Project(config, [], worker_share(self.pytest_config))
            named = [p for p in self.named_fact_files if self.project_root(p) == root and not project.owns(p)]
            project.explicit.extend(named)
            self.projects[root] = project
        return self.projects[root]

    def project_root(self, path: Path) -> Path:
        if path.parent not in self.roots:
            self.roots[path.parent] = find_project_root(path.parent)
        return self.roots[path.parent]

    def load_config(self, root: Path) -> Config:
        config = load_config(
            root,
            sources=self.pytest_config.getoption("factcheck_sources"),
            strict=self.pytest_config.getoption("factcheck_strict"),
            cache=self.pytest_config.getoption("factcheck_cache"),
        )
        config.base = self.base_for(root)
        return config

    def base_for(self, root: Path) -> Path | None:
        """What paths are shown relative to: the directory pytest ran in (or its rootdir) when it holds the project,
        so that two projects in one run never show the same `facts/a.yaml`."""
        frames = (self.pytest_config.invocation_params.dir.resolve(), self.pytest_config.rootpath.resolve())
        return next((frame for frame in frames if root.is_relative_to(frame)), None)

    def collects(self, path: Path) -> bool:
        """A YAML file under its project's configured facts, or a fact file the command line asks for; each real
        file once (pytest follows links to folders: `facts/loop -> .` offered every fact file again and again)."""
        real = path.resolve()
        if real in self.seen:
            return False
        self.seen.add(real)
        project = self.project(real)
        if project.owns(real):
            project.collected = True
            return True
        return False

    def argument_projects(self) -> list[Project]:
        """The projects of the paths pytest was given (whether or not anything was collected from them)."""
        paths = [path if path.is_file() else path / "." for path in self.argument_paths() if path.exists()]
        return [self.project(path) for path in paths]

    def collected_projects(self) -> list[Project]:
        return [self.projects[root] for root in sorted(self.projects) if self.projects[root].collected]

    def why_nothing(self, directory: Path) -> str:
        """Why a directory given to pytest yielded no fact: what YAML it holds and where facts are looked for."""
        shown = self.base_for(directory)
        where = directory.relative_to(shown).as_posix() if shown else directory.as_posix()
        yaml_files = self.walk_yaml(directory)
        if not yaml_files:
            return f"{where or '.'}: no fact files (.yaml, .yml) in it"
        config = self.project(yaml_files[0]).config
        return (f"{where or '.'}: {len(yaml_files)} YAML files but no fact file: none is under the facts paths of "
                f"{config.describe()}, nor declares facts:, entities: or rules: at its top level")


def worker_share(config: pytest.Config) -> Share:
    """This process's place among pytest-xdist workers: worker k of n starts locating at the k/n point of the
    sources, so that workers sharing the cache divide the work (with the cache off, each does it all)."""
    worker = getattr(config, "workerinput", None)
    if not worker:
        return Share()
    try:
        return Share(int(str(worker["workerid"]).removeprefix("gw")), int(worker["workercount"]))
    except (KeyError, ValueError):
        return Share()


def rule_name(rule: Any) -> str:
    return str(rule.get("id") or rule.get("kind"))


class FactFile(pytest.File):
    @cached_property
    def project(self) -> Project:
        return self.config.stash[state_key].project(self.path.resolve())

    def collect(self) -> Iterator[pytest.Item]:
        project, suite = self.project, self.project.inputs.suite
        display = project.config.display(self.path)
        rules = [r for r in suite.rules if r.file == display]
        in_file = [p for p in suite.problems if p.file == display and not _in_a_rule(p, rules)]
        problems = project.setup_problems() + in_file
        if problems:
            yield ProblemItem.from_parent(self, name="file", problems=problems)
        seen: dict[str, int] = {}
        for fact in project.facts_by_file.get(display, []):
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
            return shown_lines(excinfo.value.lines)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.line - 1, 0), self.name  # pytest wants 0-based lines

    def record(self, kind: str, entry: dict[str, Any]) -> None:
        """Keep a report entry as compact JSON: it crosses from xdist workers and lands in JUnit XML as it is."""
        self.user_properties.append((PROPERTY, json.dumps({"kind": kind, "entry": entry}, ensure_ascii=False,
                                                          separators=(",", ":"))))

    def warn(self, text: str) -> None:
        """A warning attributed to this item's place in the fact file, not to the plugin's code."""
        where = self.project.config.display(self.path)
        text = shown_lines(text.split("\n"))
        warnings.warn_explicit(FactcheckWarning(text), FactcheckWarning, where, max(self.line, 1), module="factcheck")

    def warn_findings(self, rules: list[dict[str, Any]]) -> None:
        """Rule findings of severity warning pass, but pytest shows them in its warnings summary."""
        for entry in rules:
            if not entry["ok"] and entry["severity"] == "warning" and not entry["disputed"]:
                self.warn("\n".join(rule_lines(entry)))

    @property
    def project(self) -> Project:
        return self.parent.project


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
        sources = self.project.inputs.library.display_root
        entry = fact_entry(self.project.fact_results[self.fact], sources)
        if not self.project.suite_recorded:  # what a whole run checks: the report says when this one did not
            self.project.suite_recorded = True
            self.record("suite", {"facts": [[f.file, f.line, f.id] for f in self.project.inputs.suite.facts]})
        self.record("fact", entry)
        for name in self.fact.sources():  # where each comes from, which text was checked: the report's `sources`
            self.record("source", source_entry(self.project.inputs.library.origin(name)))
        rules = [rule_entry(r) for r in self.project.rule_results_for_fact(self.fact)]
        for rule in rules:
            self.record("rule", rule)
        if not fact_ok(entry, rules):
            lines = (
                fact_failure_lines(entry, sources)
                if not entry["ok"]
                else [f"{entry['file']}:{entry['line']}: {entry['id']}"]
            )
            raise FactFailure(lines + [line for rule in rules if is_contradiction(rule) for line in rule_lines(rule)])
        if any(needs_attention(c) for c in entry["citations"] + entry["disputed_by"]):
            self.warn("\n".join(fact_failure_lines(entry, sources)))
        self.warn_findings(rules)


class RuleItem(FactcheckItem):
    def __init__(self, *, line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.line = line

    def runtest(self) -> None:
        problems = self.declaration_problems()
        for problem in problems:
            self.record("error", problem_entry(problem))
        if problems:
            raise FactFailure([str(problem) for problem in problems])
        results = [rule_entry(r) for r in self.project.findings.results if r.rule == self.name]
        for entry in results:
            self.record("rule", entry)
        failing = [entry for entry in results if is_contradiction(entry)]
        self.warn_findings(results)
        if failing:
            raise FactFailure([line for entry in failing for line in rule_lines(entry)])

    def declaration_problems(self) -> list[Problem]:
        """Input errors in this rule's declaration (unknown kind, fact id or parameter; missing parameter)."""
        display = self.project.config.display(self.path)
        rule = next((r for r in self.project.inputs.suite.rules if r.file == display and r.line == self.line), None)
        if rule is None:
            return []
        problems = self.project.inputs.suite.problems + self.project.findings.problems
        return [p for p in problems if p.file == display and rule.line <= p.line <= last_line(rule)]


class JsonWriter:
    """Collects report entries from every item (xdist workers included) and writes the report at the end: atomically,
    never over an input, and marked incomplete when the run did not check the whole suite."""

    def __init__(self, path: Path | None, state: State, review: dict[str, Path] | None = None) -> None:
        self.path = path  # None: only review outputs (--factcheck-sarif, --factcheck-markdown) were asked for
        self.state = state
        self.review = review or {}
        self.entries: dict[str, list[dict[str, Any]]] = {"fact": [], "rule": [], "error": [], "suite": [], "source": []}
        self.collection_errors = 0
        self.failure = ""

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        why = next(filter(None, (refusal(path, self.input_paths()) for path in self.outputs())), None)
        if why:
            raise pytest.UsageError(shown(why))

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        self.collection_errors += report.failed

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            return
        for name, value in report.user_properties:
            if name == PROPERTY:
                recorded = json.loads(value)
                self.entries[recorded["kind"]].append(recorded["entry"])

    def document(self, session: pytest.Session, exitstatus: int) -> dict[str, Any]:
        """The report document from every entry the items recorded."""
        errors = self.entries["error"] + [e for fact in self.entries["fact"] for e in fact["errors"]]
        return document(self.entries["fact"], self.entries["rule"], errors, self.incomplete(session, exitstatus),
                        self.entries["source"])

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        with fewer_collections():
            self.write(session, exitstatus)

    def write(self, session: pytest.Session, exitstatus: int) -> None:
        """The report and the review files, from every entry the items recorded."""
        doc = self.document(session, exitstatus)
        try:
            if self.path is not None:
                write_report(self.path, dumps(doc), self.input_paths())
            if self.review:  # the xdist controller loads the fact files only for these
                projects = {id(p): p for p in self.state.collected_projects() + self.state.argument_projects()}
                write_review_files(self.review, doc, [project.inputs for project in projects.values()])
        except ReportPathError as error:
            self.failure = shown(str(error))
            session.exitstatus = pytest.ExitCode.USAGE_ERROR

    def outputs(self) -> list[Path]:
        return [path for path in (self.path, *self.review.values()) if path is not None]

    def incomplete(self, session: pytest.Session, exitstatus: int) -> list[str]:
        """Why this report does not cover the whole suite, if it does not."""
        reasons = []
        if exitstatus == pytest.ExitCode.INTERRUPTED:
            reasons.append("interrupted")
        if self.collection_errors:
            reasons.append(f"collection errors: {self.collection_errors}")
        suite = {tuple(fact) for entry in self.entries["suite"] for fact in entry["facts"]}
        run = {(fact["file"], fact["line"], fact["id"]) for fact in self.entries["fact"]}
        if len(suite - run):
            why = "deselected, a subset of the files, or stopped early"
            reasons.append(f"{len(suite - run)} of {len(suite)} facts not run ({why})")
        return reasons

    def input_paths(self) -> list[Path]:
        """The inputs of every project the run touches (on the xdist controller too, which collects nothing)."""
        projects = {id(p): p for p in self.state.collected_projects() + self.state.argument_projects()}
        return [path for project in projects.values() for path in project.input_paths()]

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.failure:
            terminalreporter.write_sep("-", f"factcheck JSON report NOT written: {self.failure}", red=True)
            return
        if self.path is None:
            return
        doc = json.loads(self.path.read_text(encoding="utf-8"))
        note = "" if doc["complete"] else f" (INCOMPLETE: {'; '.join(doc['incomplete'])})"
        terminalreporter.write_sep("-", f"factcheck JSON report: {self.path}{note}")


class HtmlWriter(JsonWriter):
    """--factcheck-html DIR: the same entries as the JSON report, written as the HTML report (checker.html)."""

    def projects(self) -> list[Project]:
        return list({id(p): p for p in self.state.collected_projects() + self.state.argument_projects()}.values())

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        from checker.html import directory_refusal

        why = directory_refusal(self.path, self.input_paths(), [p.config.sources for p in self.projects()])
        if why:
            raise pytest.UsageError(shown(why))

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        from checker.html import page_files, write_html_report

        doc = self.document(session, exitstatus)
        runs = [project.inputs for project in self.projects()]
        try:
            write_html_report(self.path, page_files(doc, runs), self.input_paths(), [r.config.sources for r in runs])
        except ReportPathError as error:
            self.failure = shown(str(error))
            session.exitstatus = pytest.ExitCode.USAGE_ERROR

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.failure:
            terminalreporter.write_sep("-", f"factcheck HTML report NOT written: {self.failure}", red=True)
            return
        terminalreporter.write_sep("-", f"factcheck HTML report: {self.path / 'index.html'}")
