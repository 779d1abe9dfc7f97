"""Speed and memory of a whole run: N generated facts quoting the seed articles, through the real pipeline.

    python bench/scale/run.py --citations 10000 [--mutated 0.1] [--copies 1]

Quotes are spans of the seeds sampled with a fixed seed (so runs are comparable); a share of them
has one word changed, so the slow path (closest passage, wrong-source search) is measured too.
`--copies` multiplies the corpus (each seed copied under a new name) to see how the source size
weighs. Prints wall time, citations per second and peak memory (ru_maxrss) of the process.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from checker.config import load_config  # noqa: E402
from checker.report import dumps, report_document  # noqa: E402
from checker.run import check  # noqa: E402


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 8]


def make_project(root: Path, citations: int, mutated: float, copies: int, rng: random.Random) -> None:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    pool: list[tuple[str, str]] = []
    for source in sorted((REPO / "seeds").glob("*.txt")):
        for copy in range(copies):
            name = source.name if copy == 0 else f"{source.stem}-copy{copy}.txt"
            shutil.copyfile(source, seeds / name)
            pool += [(name, s) for s in sentences(source.read_text(encoding="utf-8"))]
    lines = ["facts:"]
    for index in range(citations):
        name, sentence = rng.choice(pool)
        words = sentence.split()
        start = rng.randrange(0, max(1, len(words) - 6))
        quote = words[start : start + rng.randint(6, 20)]
        if rng.random() < mutated:
            quote[rng.randrange(len(quote))] = "banana"
        text = " ".join(quote).replace("\\", "").replace('"', "'")
        lines += [f"  - id: f{index}", "    claim: generated", "    citations:",
                  f"      - source: {name}", f'        quote: "{text}"']
    (root / "facts").mkdir()
    (root / "facts" / "bench.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citations", type=int, default=10000)
    parser.add_argument("--mutated", type=float, default=0.1)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, args.citations, args.mutated, args.copies, random.Random(20191129))
        started = time.perf_counter()
        config = load_config(root)
        checked = check(config.facts, config)
        report = dumps(report_document(checked.report, "seeds"))
        elapsed = time.perf_counter() - started
    summary = checked.report
    passed = sum(c.ok for f in summary.facts for c in f.citations)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"citations: {args.citations} ({passed} passed), sources: {5 * args.copies}, report: {len(report) / 1e6:.1f} MB"
    )
    print(f"wall: {elapsed:.2f} s, {args.citations / elapsed:,.0f} citations/s, peak RSS: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
