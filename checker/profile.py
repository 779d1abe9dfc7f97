"""Opt-in phase timings: with FACTCHECK_PROFILE=FILE set, each pipeline step appends how long it took to FILE.

A step is `with phase("locate"): ...`. Phases nest: a phase's time excludes the phases opened inside it (reading
a source while locating counts as "read", not "locate"). When the outermost phase closes (or a phase closes a second
after the last write, so a run killed by a timeout still leaves what it measured), the process appends one JSON line
`{"pid": ..., "phases": {"locate": [seconds, calls], ...}}` with the time since its last line to FILE (append-only,
so the processes of `pytest -n 2` may share it). Unset (the default), a phase costs one environment lookup.
bench/scale sums the lines.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

ENVIRONMENT_VARIABLE = "FACTCHECK_PROFILE"

_open: list[list[float]] = []  # per open phase: [its start, the time spent in phases nested in it]
_totals: dict[str, list[float]] = {}  # phase -> [seconds, calls] not yet written
_written = [time.perf_counter()]  # when the last line was written
WRITE_EVERY = 1.0  # seconds


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Time the block as phase `name` when profiling is on; otherwise do nothing."""
    path = os.environ.get(ENVIRONMENT_VARIABLE)
    if not path:
        yield
        return
    _open.append([time.perf_counter(), 0.0])
    try:
        yield
    finally:
        started, nested = _open.pop()
        elapsed = time.perf_counter() - started
        total = _totals.setdefault(name, [0.0, 0])
        total[0] += elapsed - nested
        total[1] += 1
        if _open:
            _open[-1][1] += elapsed
        if not _open or time.perf_counter() - _written[0] >= WRITE_EVERY:
            _write(path)


def _write(path: str) -> None:
    line = json.dumps({"pid": os.getpid(), "phases": _totals}, sort_keys=True) + "\n"
    with open(path, "a", encoding="utf-8") as out:
        out.write(line)
    _totals.clear()
    _written[0] = time.perf_counter()
