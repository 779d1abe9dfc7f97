"""[tool.factcheck] in pyproject.toml: where the sources and facts are, how strict matching is."""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker import limits as _limits
from checker.limits import Limits
from checker.match import MatchOptions
from checker.model import Problem
from checker.processes import AUTO, MAX_JOBS

MATCH_KEYS = {"min_words": int, "min_chars": int, "max_gap": int, "max_bracket": int, "slips_per_100": (int, float)}
LIMIT_KEYS = {name: int for name in _limits.SETTINGS}
KEY_TYPES = {"sources": str, "facts": (str, list), "strict": bool, "cache": bool, "jobs": (int, str), **MATCH_KEYS,
             **LIMIT_KEYS}
KNOWN_KEYS = set(KEY_TYPES)
# The range of each number (inclusive): past these a setting is a mistake, and some would break the matcher
# (a regex repetition over 4,294,967,295, a slip rate of infinity).
RANGES: dict[str, tuple[float, float]] = {
    "min_words": (0, 1_000), "min_chars": (0, 100_000), "max_gap": (0, 100_000_000), "max_bracket": (0, 10_000),
    "slips_per_100": (0, 100), **{name: (1, 10**12) for name in LIMIT_KEYS},
    "max_nesting": (1, _limits.HARD_MAX_NESTING), "jobs": (1, MAX_JOBS),
}


@dataclass
class Config:
    """Settings for one run; paths are absolute, `root` is the project root reports are relative to."""

    root: Path
    sources: Path
    facts: list[Path]
    match: MatchOptions = field(default_factory=MatchOptions)
    limits: Limits = field(default_factory=Limits)
    problems: list[Problem] = field(default_factory=list)
    declared: bool = False  # whether pyproject.toml has a [tool.factcheck] table (else every setting is a default)
    base: Path | None = None  # what reports show paths relative to; None: the project root
    cache: bool = True  # keep located citations in <root>/.factcheck-cache/ (checker.cache)
    jobs: int = 1  # processes that divide the locating (checker.processes; AUTO: one per core)

    def display(self, path: Path) -> str:
        """A path as reports show it: relative to the project root (or `base`), with forward slashes."""
        try:
            shown = path.resolve().relative_to(self.base or self.root).as_posix()
        except ValueError:
            shown = path.resolve().as_posix()
        return _printable_name(shown)

    def resolve(self, shown: str) -> Path:
        """The path a report shows (see display) as a path on this machine."""
        path = Path(shown) if Path(shown).is_absolute() else (self.base or self.root) / shown
        if UNDECODABLE.search(shown) and not path.exists():  # caf\xe9.yaml: the file whose name is not UTF-8
            raw = Path(UNDECODABLE.sub(lambda byte: chr(0xDC00 + int(byte.group(1), 16)), str(path)))
            return raw if raw.exists() else path
        return path

    def describe(self) -> str:
        """Which configuration a run used, in one line."""
        where = f"{self.display(self.root / 'pyproject.toml')} [tool.factcheck]" if self.declared else "defaults"
        if not self.declared and (self.root / "pyproject.toml").is_file():
            where = f"defaults ({self.display(self.root / 'pyproject.toml')} has no [tool.factcheck])"
        facts = ", ".join(self.display(path) for path in self.facts)
        return f"{where}: facts in {facts}, sources in {self.display(self.sources)}"


UNDECODABLE = re.compile(r"\\x([89a-f][0-9a-f])")


def _printable_name(name: str) -> str:
    """A file name as text a report can hold: a byte that is not UTF-8 (Python keeps it as a lone surrogate, which
    no UTF-8 file or terminal takes) shown as \xe9."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_project_root(start: Path) -> Path:
    """The project `start` belongs to: the nearest directory at or above it whose pyproject.toml has a
    [tool.factcheck] table (in a monorepo, the sub-project's, not the root's), else the nearest with any
    pyproject.toml, else `start` itself."""
    start = start.resolve()
    candidates = [c for c in (start, *start.parents) if (c / "pyproject.toml").is_file()]
    configured = next((c for c in candidates if _declares_factcheck(c / "pyproject.toml")), None)
    return configured or (candidates[0] if candidates else start)


def _declares_factcheck(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.factcheck] table (an unreadable one counts: its error must be shown)."""
    try:
        tool = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
        return isinstance(tool, dict) and "factcheck" in tool
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return True


def load_config(
    start: Path, sources: str | None = None, strict: bool | None = None, cache: bool | None = None
) -> Config:
    """Read [tool.factcheck] from the project's pyproject.toml; command-line values override it."""
    root = find_project_root(start)
    settings, problems, text = _read_settings(root)
    declared = (root / "pyproject.toml").is_file() and _declares_factcheck(root / "pyproject.toml")
    sources_path = root / str(settings.get("sources", "seeds")) if sources is None else Path(sources).resolve()
    facts = settings.get("facts", "facts")
    match = MatchOptions(
        strict=bool(settings.get("strict", False)) if strict is None else strict,
        **{key: settings[key] for key in MATCH_KEYS if key in settings},
    )
    facts_paths = [root / str(p) for p in (facts if isinstance(facts, list) else [facts])]
    config = Config(root=root, sources=sources_path.resolve(), facts=facts_paths, match=match, problems=problems,
                    declared=declared, limits=Limits(**{key: settings[key] for key in LIMIT_KEYS if key in settings}),
                    cache=bool(settings.get("cache", True)) if cache is None else cache,
                    jobs=AUTO if settings.get("jobs") == "auto" else int(settings.get("jobs", 1)))
    problems.extend(_sources_problems(config, text if sources is None and "sources" in settings else None))
    return config


def _sources_problems(config: Config, text: str | None) -> list[Problem]:
    """A sources root that is no directory is one configuration error (at its setting's line when pyproject.toml
    set it), not a "not found" for every citation."""
    if config.sources.is_dir():
        return []
    what = "does not exist" if not config.sources.exists() else "is not a directory"
    shown = config.display(config.sources)
    if text is not None:
        return [Problem("pyproject.toml", _line_of(text, "sources"), 1,
                        f"[tool.factcheck] sources: {shown}/ {what}: name the directory that holds the sources")]
    if not config.problems and (config.declared or config.sources != (config.root / "seeds").resolve()):
        return [Problem(shown, 1, 1, f"the sources root {shown}/ {what}: pass --sources DIR or set "
                                     "[tool.factcheck] sources in pyproject.toml")]
    return []  # the default seeds/ of a project that configured nothing: only a citation can say it needs one


def _read_settings(root: Path) -> tuple[dict[str, Any], list[Problem], str]:
    path = root / "pyproject.toml"
    if not path.is_file():
        return {}, [], ""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return {}, [Problem("pyproject.toml", 1, 1, f"cannot read [tool.factcheck]: {error}")], ""
    except OSError as error:
        return {}, [Problem("pyproject.toml", 1, 1, f"cannot read [tool.factcheck]: {error.strerror}")], ""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        return {}, [Problem("pyproject.toml", _line_of(text, "tool"), 1,
                            f"tool = {_short(tool)}: 'tool' must be a table, as in [tool.factcheck]")], text
    settings = tool.get("factcheck", {})
    if not isinstance(settings, dict):
        return {}, [Problem("pyproject.toml", _line_of(text, "factcheck"), 1,
                            f"[tool] factcheck = {_short(settings)}: write the settings as a table, "
                            'as in [tool.factcheck] then sources = "seeds"')], text
    allowed = ", ".join(sorted(KNOWN_KEYS))
    problems = [
        Problem(
            "pyproject.toml", _line_of(text, key), 1, f"unknown [tool.factcheck] key '{key}': allowed keys: {allowed}"
        )
        for key in sorted(set(settings) - KNOWN_KEYS)
    ]
    kept = {}
    for key, value in settings.items():
        if key not in KNOWN_KEYS:
            continue
        if (
            isinstance(value, bool) != (KEY_TYPES[key] is bool)
            or not isinstance(value, KEY_TYPES[key])
            or _out_of_range(key, value)
            or (isinstance(value, list) and not all(isinstance(item, str) for item in value))
            or (key == "jobs" and isinstance(value, str) and value != "auto")
        ):
            problems.append(
                Problem(
                    "pyproject.toml", _line_of(text, key), 1,
                    f"[tool.factcheck] {key} = {_short(value)}: {_expected(key)}",
                )
            )
        else:
            kept[key] = value
    return kept, problems, text


def _out_of_range(key: str, value: Any) -> bool:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    low, high = RANGES.get(key, (0, math.inf))
    return not (math.isfinite(value) and low <= value <= high)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else f"{shown[:50]}...{shown[-5:]}"


def _expected(key: str) -> str:
    expected = KEY_TYPES[key]
    if expected is bool:
        return "expected true or false"
    if key == "facts":
        return "expected a path or a list of paths (strings)"
    if key == "jobs":
        return f'expected a number of processes from 1 to {MAX_JOBS}, or "auto"'
    if expected is str:
        return "expected a path"
    low, high = RANGES[key]
    kind = "a whole number" if expected is int else "a number"
    return f"expected {kind} from {low:,} to {high:,}"


def _line_of(text: str, key: str) -> int:
    """The first line assigning `key` (TOML parsers keep no positions)."""
    assigns = re.compile(rf'^\s*(?:[\w"-]+\s*\.\s*)*"?{re.escape(key)}"?\s*=')  # key =, "key" =, tool.key =
    for number, line in enumerate(text.splitlines(), start=1):
        if assigns.match(line):
            return number
    return 1
