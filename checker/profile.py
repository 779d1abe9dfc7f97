"""Opt-in phase timings: with FACTCHECK_PROFILE=FILE set, each pipeline step appends how long it took to FILE.

A step is `with phase("locate"): ...`. Phases nest: a phase's time excludes the phases opened inside it (reading
a source while locating counts as "read", not "locate"). When the outermost phase closes, the process appends one
JSON line `{"pid": ..., "phases": {"locate": [seconds, calls], ...}}` to FILE (append-only, so the processes of
`pytest -n 2` may share it). Unset (the default), a phase costs one environment lookup. bench/scale reads FILE.
"""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from typing import Iterator

ENVIRONMENT_VARIABLE = "FACTCHECK_PROFILE"

_open: list[list[float]] = []  # per open phase: [its start, the time spent in phases nested in it]
_totals: dict[str, list[float]] = {}  # phase -> [seconds, calls] not yet written


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
        else:
            _write(path)


def _write(path: str) -> None:
    line = json.dumps({"pid": os.getpid(), "phases": _totals}, sort_keys=True) + "\n"
    with open(path, "a", encoding="utf-8") as out:
        out.write(line)
    _totals.clear()
