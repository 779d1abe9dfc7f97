"""[tool.factcheck] in pyproject.toml: where the sources and facts are, how strict matching is."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.match import MatchOptions
from checker.model import Problem

MATCH_KEYS = {"min_words": int, "min_chars": int, "max_gap": int, "max_bracket": int, "slips_per_100": (int, float)}
KEY_TYPES = {"sources": str, "facts": (str, list), "strict": bool, "cache": bool, **MATCH_KEYS}
KNOWN_KEYS = set(KEY_TYPES)


@dataclass
class Config:
    """Settings for one run; paths are absolute, `root` is the project root reports are relative to."""

    root: Path
    sources: Path
    facts: list[Path]
    match: MatchOptions = field(default_factory=MatchOptions)
    problems: list[Problem] = field(default_factory=list)
    declared: bool = False  # whether pyproject.toml has a [tool.factcheck] table (else every setting is a default)
    base: Path | None = None  # what reports show paths relative to; None: the project root
    cache: bool = True  # keep located citations in <root>/.factcheck-cache/ (checker.cache)

    def display(self, path: Path) -> str:
        """A path as reports show it: relative to the project root (or `base`), with forward slashes."""
        try:
            return path.resolve().relative_to(self.base or self.root).as_posix()
        except ValueError:
            return path.resolve().as_posix()

    def describe(self) -> str:
        """Which configuration a run used, in one line."""
        where = f"{self.display(self.root / 'pyproject.toml')} [tool.factcheck]" if self.declared else "defaults"
        if not self.declared and (self.root / "pyproject.toml").is_file():
            where = f"defaults ({self.display(self.root / 'pyproject.toml')} has no [tool.factcheck])"
        facts = ", ".join(self.display(path) for path in self.facts)
        return f"{where}: facts in {facts}, sources in {self.display(self.sources)}"


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
        return "factcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return True


def load_config(
    start: Path, sources: str | None = None, strict: bool | None = None, cache: bool | None = None
) -> Config:
    """Read [tool.factcheck] from the project's pyproject.toml; command-line values override it."""
    root = find_project_root(start)
    settings, problems = _read_settings(root)
    declared = (root / "pyproject.toml").is_file() and _declares_factcheck(root / "pyproject.toml")
    sources_path = root / str(settings.get("sources", "seeds")) if sources is None else Path(sources).resolve()
    facts = settings.get("facts", "facts")
    match = MatchOptions(
        strict=bool(settings.get("strict", False)) if strict is None else strict,
        **{key: settings[key] for key in MATCH_KEYS if key in settings},
    )
    facts_paths = [root / str(p) for p in (facts if isinstance(facts, list) else [facts])]
    return Config(root=root, sources=sources_path.resolve(), facts=facts_paths, match=match, problems=problems,
                  declared=declared, cache=bool(settings.get("cache", True)) if cache is None else cache)


def _read_settings(root: Path) -> tuple[dict[str, Any], list[Problem]]:
    path = root / "pyproject.toml"
    if not path.is_file():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return {}, [Problem("pyproject.toml", 1, 1, f"cannot read [tool.factcheck]: {error}")]
    settings = data.get("tool", {}).get("factcheck", {})
    allowed = ", ".join(sorted(KNOWN_KEYS))
    problems = [
        Problem("pyproject.toml", _line_of(text, key), 1, f"unknown [tool.factcheck] key '{key}': allowed keys: {allowed}")
        for key in sorted(set(settings) - KNOWN_KEYS)
    ]
    kept = {}
    for key, value in settings.items():
        if key not in KNOWN_KEYS:
            continue
        if isinstance(value, bool) != (KEY_TYPES[key] is bool) or not isinstance(value, KEY_TYPES[key]) or _negative(value):
            problems.append(Problem("pyproject.toml", _line_of(text, key), 1, f"[tool.factcheck] {key} = {value!r}: {_expected(key)}"))
        else:
            kept[key] = value
    return kept, problems


def _negative(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0


def _expected(key: str) -> str:
    expected = KEY_TYPES[key]
    if expected is bool:
        return "expected true or false"
    if key == "facts":
        return "expected a path or a list of paths"
    return "expected a path" if expected is str else "expected a number, 0 or more"


def _line_of(text: str, key: str) -> int:
    """The first line assigning `key` (TOML parsers keep no positions)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith((f"{key} ", f"{key}=")):
            return number
    return 1
