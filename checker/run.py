"""The pipeline: prepare (load, validate) -> verify (locate every quote) -> check_rules -> report.

The CLI (`check`), the pytest plugin and `factcheck coverage` call these same steps, so a setting or a stage added
here reaches every entry point.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from checker import rules
from checker.cache import Cache
from checker.cite import Share, verify_facts
from checker.config import Config, find_project_root
from checker.load import load_file
from checker.load_cache import cached_loader
from checker.model import Fact, FactResult, Problem, Report, RuleResult, SourceOrigin
from checker.processes import jobs_wanted, verify_in_processes
from checker.profile import phase
from checker.report import fact_entry
from checker.rules_cache import computed_once, findings_key
from checker.schema_cache import cached_schema_problems
from checker.sources import Library, SourceInfo, declared_of, read_metadata
from checker.suite import Suite, read_suite

YAML_SUFFIXES = (".yaml", ".yml")
# a fact file declares facts, entities or rules at its top level (a rule case file or a CI workflow does not)
FACT_FILE_KEY = re.compile(r"^(?:facts|entities|rules)\s*:", re.MULTILINE)


@dataclass
class Inputs:
    """What a run reads: its configuration, the fact files as one suite, the sources and their metadata."""

    config: Config
    suite: Suite
    library: Library
    metadata: dict[str, SourceInfo]
    problems: list[Problem]  # the run's own input errors: configuration, paths that do not exist, sources.yaml


@dataclass
class Findings:
    """What the consistency rules found, and the rule declarations too bad to run (input errors at their lines)."""

    results: list[RuleResult]
    problems: list[Problem]


@dataclass
class Checked:
    """A finished run: the report, and the inputs outputs may still need."""

    report: Report
    inputs: Inputs
    fact_entries: list[dict[str, Any]] | None = None  # the report's fact entries, made once for the rules' key


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
        elif path.exists():  # a pipe, socket or device: reading it could block the run
            problems.append(Problem(config.display(path), 1, 1, "not a regular file (a pipe, socket or device)"))
        else:
            problems.append(Problem(config.display(path), 1, 1, "no such file or directory"))
    return sorted(found.items(), key=lambda item: item[1]), problems


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def by_project(paths: list[Path], config: Config, load: Callable[[Path], Config]) -> list[tuple[Config, list[Path]]]:
    """The paths grouped by the project each belongs to (the nearest [tool.factcheck], as pytest finds a rootdir),
    each with its project's configuration; `config` is the working directory's, `load` reads another project's."""
    if not paths:
        return [(config, config.facts)]
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        start = path if path.is_dir() else path.parent
        groups.setdefault(find_project_root(start) if start.exists() else config.root, []).append(path)
    if list(groups) == [config.root]:
        return [(config, paths)]
    here = Path.cwd().resolve()
    projects = []
    for root, group in sorted(groups.items()):
        project = config if root == config.root else load(root)
        project.base = here if root.is_relative_to(here) else None  # two projects never show the same facts/a.yaml
        projects.append((project, group))
    return projects


def looks_like_fact_file(path: Path) -> bool:
    """A YAML file with a top-level `facts:`, `entities:` or `rules:` key: collected even outside the facts paths."""
    try:
        return path.suffix in YAML_SUFFIXES and bool(FACT_FILE_KEY.search(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError):
        return False


def prepare(paths: list[Path], config: Config, share: Share = Share()) -> Inputs:
    """Load and validate the fact files under `paths`; open the sources root and read its metadata. `share`: a
    pytest-xdist worker validates its share of the files first and reads the others' from the cache."""
    with phase("load"):
        files, problems = discover(paths, config)
        cache = Cache(config.root) if config.cache else None
        library = Library(config.sources, display_root=config.display(config.sources), limits=config.limits,
                          cache=cache)  # extracted text kept between runs
        metadata, metadata_problems = read_metadata(config.sources, library.display_root, config.limits)
        library.declared = declared_of(metadata)  # the page a web archive's source is, and where each came from
        problems_of = cached_schema_problems(cache) if cache else None
        load = cached_loader(cache) if cache else load_file  # parsed once, while unchanged
        suite = read_suite(files, config.limits, problems_of, share.order if share.count > 1 else None, load)
    if library.unusable and not any("sources" in p.message for p in config.problems) and suite.cites_sources():
        problems.append(Problem(library.display_root, 1, 1, f"{library.unusable}: create it, or name the sources "
                                                             "root with [tool.factcheck] sources or --sources"))
    return Inputs(config, suite, library, metadata, config.problems + problems + metadata_problems)


def verify(
    inputs: Inputs, facts: list[Fact] | None = None, share: Share = Share(), jobs: int | None = None
) -> list[FactResult]:
    """Every quote of every valid fact (or of `facts`) located in its source, with the options resolved for it (from
    the project's cache when it holds them); `share` says where a pytest-xdist worker starts; `jobs` processes
    (`--jobs`; None: [tool.factcheck] jobs) divide the work of a run that is not already divided (checker.processes)."""
    cache = Cache(inputs.config.root) if inputs.config.cache else None
    jobs = jobs_wanted(inputs.config.jobs if jobs is None else jobs)
    with phase("locate"):
        facts = inputs.suite.facts if facts is None else facts
        if jobs > 1 and share.count == 1:
            return verify_in_processes(facts, inputs.library, inputs.config.match, cache, jobs)
        return verify_facts(facts, inputs.library, inputs.config.match, cache, share)


def check_rules(inputs: Inputs, results: list[FactResult], entries: list[dict[str, Any]] | None = None) -> Findings:
    """The consistency rules over all facts, with their located quotes (their findings from the project's cache
    when nothing they depend on has changed: checker.rules_cache; `entries`, the results' fact entries, are part
    of what it keys on)."""
    def run_rules() -> tuple[list[RuleResult], list[Problem]]:
        return rules.check_rules(inputs.suite, results, inputs.library, inputs.metadata)

    with phase("rules"):
        if inputs.config.cache:  # once across pytest-xdist workers, and not again while nothing changed
            key = findings_key(inputs, results, entries)
            found, problems = computed_once(Cache(inputs.config.root), key, run_rules)
        else:
            found, problems = run_rules()
    return Findings(found, problems)


def input_paths(inputs: Inputs) -> list[Path]:
    """Every file the run read or may read: a report must never be written over one of them."""
    return _paths_read(inputs.config, inputs.suite.files, inputs.library)


def input_paths_unread(paths: list[Path], config: Config) -> list[Path]:
    """The files a run over `paths` would read (see input_paths), found without loading a fact file: for a process
    that writes the report but checks nothing itself (the pytest-xdist controller)."""
    files, _ = discover(paths, config)
    library = Library(config.sources, display_root=config.display(config.sources), limits=config.limits)
    library.declared = declared_of(read_metadata(config.sources, library.display_root, config.limits)[0])
    return _paths_read(config, [name for _, name in files], library)


def _paths_read(config: Config, fact_files: list[str], library: Library) -> list[Path]:
    """The fact files (as reports name them), pyproject.toml, sources.yaml and every source of the library."""
    paths = [config.resolve(name) for name in fact_files] + [config.root / "pyproject.toml"]
    return paths + [config.sources / "sources.yaml"] + [library.root / name for name in library.names()]


def origins(library: Library, facts: list[Fact]) -> list[SourceOrigin]:
    """Where each source the facts name comes from and which of its text is checked (the report's `sources`)."""
    return [library.origin(name) for name in sorted({name for fact in facts for name in fact.sources()})]


def input_errors(inputs: Inputs, results: list[FactResult], findings: Findings) -> list[Problem]:
    """Every input error of a run, once each, in file order."""
    errors = inputs.problems + inputs.suite.problems + findings.problems
    unusable = inputs.library.unusable  # said once (prepare, the configuration), not again for every citation
    errors += [problem for result in results for problem in result.problems if problem.message != unusable]
    errors += [problem for problem in [inputs.library.listing_problem()] if problem]
    return sorted(set(errors))


def check(paths: list[Path], config: Config, jobs: int | None = None) -> Checked:
    """Run the whole pipeline over the fact files under `paths` (`jobs` processes locating; None: as configured)."""
    inputs = prepare(paths, config)
    results = verify(inputs, jobs=jobs)
    entries = [fact_entry(result, inputs.library.display_root) for result in results] if config.cache else None
    findings = check_rules(inputs, results, entries)
    errors = input_errors(inputs, results, findings)
    if not inputs.suite.facts and not errors:  # a check of nothing is no pass (pytest, too, exits 5)
        where = ", ".join(config.display(path) for path in paths) or "."
        errors = [Problem(config.display(paths[0]) if paths else ".", 1, 1,
                          f"no facts found in {where}: add a fact file (YAML with a 'facts:' list) or name one")]
    return Checked(Report(results, findings.results, errors, origins(inputs.library, [r.fact for r in results])),
                   inputs, entries)
