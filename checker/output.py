"""What the checker writes: text lines a person reads (input text escaped), reports written safely.

Everything a pull request can change — claims, quotes, keys, file names — may hold control characters or a
line that GitHub Actions would run as a workflow command (`::error …`, `::add-mask::`). Every line shown goes
through `shown`; every report goes through `write_report`, which never writes over an input of the run nor
through a symbolic link, and replaces the previous report atomically (a reader sees the old or the new, whole).
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

# C0 and C1 controls, DEL, and the Unicode line and paragraph separators: each shown as an escape
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # surrogates: a file name's undecodable byte
NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class ReportPathError(Exception):
    """A report path the checker refuses or cannot write; the message says what to do."""


def shown(line: str) -> str:
    """One line as a person (or a CI log) may safely see it: control characters as escapes (`\\n`, `\\x1b`), and
    no line starting `::`, which GitHub Actions would take for a workflow command."""
    line = CONTROL.sub(_escape, line)
    return "\\x3a" + line[1:] if line.startswith("::") else line


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in NAMED:
        return NAMED[char]
    if "\udc80" <= char <= "\udcff":  # a byte of a file name that is not UTF-8 (caf\xe9.txt), as Python keeps it
        return f"\\x{ord(char) - 0xdc00:02x}"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def shown_lines(lines: Iterable[str]) -> str:
    """Lines joined for printing, each one escaped (a line holding a newline stays one line)."""
    return "\n".join(shown(line) for line in lines)


def refusal(path: Path, inputs: Iterable[Path]) -> str | None:
    """Why the report may not be written to `path`, or None: a path that is an input of the run, a symbolic link
    (or a link on the way below the working directory, where a pull request can add one), a directory."""
    target = Path(os.path.abspath(path))
    for link in [target, *target.parents]:
        if link.is_symlink() and (link == target or _inside_work(link)):
            return (f"refusing to write the report to {path}: {link} is a symbolic link (a link committed in a pull "
                    "request could point anywhere): give another path")
    if target.is_dir():
        return f"cannot write the report to {path}: it is a directory: give a file name"
    if target.exists() and not target.is_file():
        return (f"refusing to write the report to {path}: it is not a regular file (a device or a pipe): give a file "
                "name, or --json - for standard output")
    resolved = target.resolve()
    for protected in inputs:
        if resolved == _resolved(protected):
            return (f"refusing to write the report to {path}: it would overwrite an input of this run "
                    f"({protected}): give a path outside the fact files and sources")
    return None


def _resolved(path: Path) -> Path | None:
    """The real path of an input, or None when it cannot be resolved (a link loop, a /proc entry gone meanwhile)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def write_report(path: Path, text: str, inputs: Iterable[Path]) -> None:
    """Write `text` to `path` atomically: a temporary file beside it, then a rename, so a reader sees the previous
    report or the new one, whole. Raises ReportPathError for a refused path (see `refusal`) or a failed write."""
    why = refusal(path, inputs)
    if why:
        raise ReportPathError(why)
    target = Path(os.path.abspath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as file:
                file.write(text)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise ReportPathError(f"cannot write the report to {path}: {error.strerror or error}") from None


def _inside_work(link: Path) -> bool:
    """A link below the working directory (where a pull request can add one), not a system path like /tmp."""
    return link.is_relative_to(Path.cwd()) and link != Path.cwd()
