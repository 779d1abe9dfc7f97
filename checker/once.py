"""A value computed once across processes sharing a cache: the first process to need it takes a lock file and
computes it; the others wait for its entry and read it. The lock is only a courtesy: a waiter whose lock holder has
died, or that has waited longer than WAIT_AT_MOST, computes the value itself, so nothing is ever lost to a crash.
Used for the rules' findings (checker.rules_cache) and for where failing quotes stand (checker.cite)."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable, TypeVar

from checker.cache import Cache

POLL = 0.02  # seconds between looks at a lock another process holds
WAIT_AT_MOST = 600.0  # seconds a waiter trusts a live lock holder

T = TypeVar("T")


def once(
    cache: Cache, kind: str, key: str, compute: Callable[[], T],
    dump: Callable[[T], Any], load: Callable[[Any], T | None],
) -> T:
    """The value stored under (kind, key) (`load` returns None for an entry it does not trust), or `compute()`'s,
    stored (as `dump` writes it) for the others."""
    try:
        lock = cache.beside(kind, key, ".lock")
    except OSError:  # a cache that cannot be written shares nothing
        return compute()
    waited_since = time.monotonic()
    while True:
        stored = load(cache.read(kind, key))
        if stored is not None:
            return stored
        if _take(lock):
            try:
                value = compute()
                cache.write(kind, key, dump(value))
                return value
            finally:
                lock.unlink(missing_ok=True)
        if not _held_by_a_live_process(lock) or time.monotonic() - waited_since > WAIT_AT_MOST:
            if _break(lock):  # its holder is gone (killed) or stuck: take over, once
                continue
            return compute()
        time.sleep(POLL)


def _take(lock: Path) -> bool:
    """Create the lock file (holding this process's id), unless another process holds it. A cache that cannot be
    written takes no lock: the caller computes."""
    try:
        handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    except OSError:
        return True  # no cache to share through: compute (the write is skipped as well)
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(str(os.getpid()))
    return True


def _held_by_a_live_process(lock: Path) -> bool:
    try:
        pid = int(lock.read_text(encoding="ascii") or "0")
    except FileNotFoundError:
        return False  # released: its entry is there, or its holder failed (the caller looks again)
    except (OSError, ValueError):
        return True  # being written, or unreadable: give it time
    if pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's
    return True


def _break(lock: Path) -> bool:
    """Remove a lock whose holder is gone; False when it was already gone (the caller then looks again)."""
    try:
        lock.unlink()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


