"""`factcheck check --jobs N`: N processes divide the locating of one run, as pytest-xdist's workers do
(checker.cite.Share), through the project's cache.

Once the suite is loaded, the run forks N - 1 workers. Worker k locates its N-th of the sorted sources first, then
the others' from the far end (reading from the cache what another worker has written by then), writes each source's
results to the cache, and looks for the other sources of its own share's failing quotes. The run itself works as
worker 0; when its share is done it waits for the workers and takes their answers from the cache. The results, and
so the report, are those of one process: the cache holds exactly what locating gives.

Without a cache (`--no-cache`, `cache = false`) or where processes cannot be forked (Windows), one process does it all.
"""
from __future__ import annotations

import multiprocessing
import os

from checker.cache import Cache
from checker.cite import Elsewhere, Share, by_source, locate_share, verify_facts
from checker.match import MatchOptions
from checker.model import Fact, FactResult
from checker.sources import Library

AUTO = 0  # --jobs auto: one process per core
MAX_JOBS = 64  # a number a command line can ask for without forking the machine to its knees


def jobs_wanted(value: int) -> int:
    """The number of processes --jobs asks for (AUTO: the cores this process may use)."""
    if value != AUTO:
        return value
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(cores) if cores else os.cpu_count() or 1


def verify_in_processes(
    facts: list[Fact], library: Library, options: MatchOptions, cache: Cache | None, jobs: int
) -> list[FactResult]:
    """checker.cite.verify_facts, its locating divided among `jobs` processes."""
    if jobs <= 1 or cache is None or "fork" not in multiprocessing.get_all_start_methods():
        return verify_facts(facts, library, options, cache)
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_work, args=(facts, library, options, cache, Share(number, jobs)), daemon=True)
        for number in range(1, jobs)
    ]
    for worker in workers:
        worker.start()

    def others_done() -> None:
        for worker in workers:
            worker.join()

    try:
        return verify_facts(facts, library, options, cache, Share(0, jobs), others_done)
    finally:
        for worker in workers:  # an interrupted run leaves no worker behind
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _work(facts: list[Fact], library: Library, options: MatchOptions, cache: Cache, share: Share) -> None:
    """A worker: its share located and its failing quotes searched for, every result written to the cache (what
    worker 0 reads); nothing printed, nothing returned."""
    try:
        groups = by_source(facts)
        _, pending = locate_share(groups, library, options, cache, share)
        Elsewhere(library, options, cache).search(pending, share, only_own=True)
    except Exception:  # noqa: BLE001 - worker 0 locates whatever a worker left undone: no traceback, no lost result
        pass
