"""One entry point run as a child process: wall time, peak memory of its process tree, its phase timings, a timeout.

Memory is measured twice: the peak of the summed RSS of every process in the child's process group (sampled every
0.1 s, so `pytest -n 2` counts its workers together) and the largest single process (exact, from wait4's rusage).
Phases come from FACTCHECK_PROFILE (checker/profile.py), summed over the processes that wrote them.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_EVERY = 0.1  # seconds


@dataclass
class Measured:
    """What one run of one command cost. `phases` maps a phase to [seconds, calls], summed over processes."""

    seconds: float
    timed_out: bool
    returncode: int | None
    peak_tree_mib: float
    peak_process_mib: float
    phases: dict[str, list[float]] = field(default_factory=dict)
    processes: int = 0
    stderr: str = ""
    stdout: str = ""  # its last 4,000 characters


def run(command: list[str], cwd: Path, timeout: float) -> Measured:
    """Run `command` in `cwd` with profiling on; kill its whole process group after `timeout` seconds."""
    with tempfile.TemporaryDirectory() as scratch:
        profile, errors, output = (Path(scratch) / name for name in ("profile.jsonl", "stderr", "stdout"))
        env = dict(os.environ, FACTCHECK_PROFILE=str(profile))
        with errors.open("w") as stderr, output.open("w") as stdout:
            started = time.perf_counter()
            child = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr,
                                     start_new_session=True)
            killed = threading.Event()
            timer = threading.Timer(timeout, _kill, (child.pid, killed))
            sampler = _Sampler(child.pid)
            timer.start()
            sampler.start()
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - started
            timer.cancel()
            sampler.stop()
            child.returncode = os.waitstatus_to_exitcode(status)
            if not killed.is_set():
                _kill(child.pid, threading.Event())  # leftovers of the group (a worker that outlived pytest)
        phases, pids = read_profile(profile)
        return Measured(seconds, killed.is_set(), None if killed.is_set() else child.returncode,
                        sampler.peak / 2**20, usage.ru_maxrss / 1024, phases, pids,
                        _tail(errors, 2000), _tail(output, 4000))


def _tail(path: Path, characters: int) -> str:
    with path.open("rb") as file:
        file.seek(max(0, path.stat().st_size - 4 * characters))
        return file.read().decode("utf-8", errors="replace")[-characters:]


def read_profile(path: Path) -> tuple[dict[str, list[float]], int]:
    """The phases of FACTCHECK_PROFILE's lines, summed: phase -> [seconds, calls]; and how many processes wrote."""
    totals: dict[str, list[float]] = {}
    pids = set()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for line in lines:
        entry = json.loads(line)
        pids.add(entry["pid"])
        for name, (seconds, calls) in entry["phases"].items():
            total = totals.setdefault(name, [0.0, 0])
            total[0] += seconds
            total[1] += calls
    return totals, len(pids)


def _kill(group: int, killed: threading.Event) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
        killed.set()
    except ProcessLookupError:
        pass


class _Sampler(threading.Thread):
    """The peak of the summed resident memory of every process in one process group."""

    def __init__(self, group: int) -> None:
        super().__init__(daemon=True)
        self.group, self.peak, self._done = group, 0, threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_EVERY):
            self.peak = max(self.peak, group_rss(self.group))

    def stop(self) -> None:
        self._done.set()
        self.join()


def group_rss(group: int) -> int:
    """Bytes resident in the processes of process group `group` (from /proc/PID/stat)."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:
            total += int(fields[21]) * PAGE
    return total
