"""Sources pinned by hash: `sha256:` in sources.yaml records the file a fact was checked against. A source that no
longer has its recorded hash fails the run ("source changed since it was recorded") until an editor reviews the
change and runs `factcheck check --update-hashes`, which rewrites only those hashes (a lockfile update, reviewed in
the pull request like any other)."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checker.load import Mapping
from checker.model import Problem

UPDATE = "factcheck check --update-hashes"
HEX64 = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class Changed:
    """A source whose file no longer has the sha256 sources.yaml records for it."""

    file: str
    recorded: str
    actual: str
    line: int
    column: int


def sha256_of(path: Path) -> str | None:
    """The file's SHA-256 (hex), or None when it cannot be read (the citations say why)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def changed_sources(root: Path, entries: list) -> list[Changed]:
    """Every source entry whose recorded sha256 no longer matches its file."""
    found = []
    for raw in entries:
        if not (isinstance(raw, Mapping) and isinstance(raw.get("file"), str) and isinstance(raw.get("sha256"), str)):
            continue
        recorded = raw["sha256"]
        if not HEX64.fullmatch(recorded):  # the schema says what is wrong with it
            continue
        path = (root / raw["file"]).resolve()
        if not path.is_relative_to(root.resolve()) or not path.is_file():
            continue
        actual = sha256_of(path)
        if actual is not None and actual != recorded.lower():
            line, column = raw.value_positions["sha256"]
            found.append(Changed(raw["file"], recorded, actual, line, column))
    return found


def changed_problems(changed: list[Changed], metadata_file: str) -> list[Problem]:
    return [Problem(metadata_file, item.line, item.column, (
        f"source changed since it was recorded: {item.file} has sha256 {item.actual}, sources.yaml records "
        f"{item.recorded}: review the change, then record it with {UPDATE}")) for item in changed]


def update_hashes(path: Path, changed: list[Changed]) -> None:
    """Rewrite the recorded hashes of `changed` in sources.yaml at `path`, every other byte kept."""
    lines = path.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
    bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    for item in changed:
        text = lines[item.line - 1]
        at = text.index(item.recorded, item.column - 1)
        lines[item.line - 1] = text[:at] + item.actual + text[at + len(item.recorded):]
    data = ("\ufeff" if bom else "") + "".join(lines)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(data)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
