"""Scale benchmark: a generated corpus as a real project, through every entry point, beside the naive approach.

    python bench/scale/run.py --corpus a     # 1,000 documents of 50 KB (50 MB), 10,000 citations
    python bench/scale/run.py --corpus b     # one 10 MB document, 1,000 citations; and 1 MB, 100, for cost per MB
    python bench/scale/run.py --corpus c     # 100,000 citations over about 1 GB (heavy: generated into --dir/tmp)
    python bench/scale/run.py --micro        # per citation on a normalized 50 KB source: exact, fuzzy, absent
    python bench/scale/run.py --corpus seeds --citations 10000 [--copies K]   # the first benchmark: tiled seeds

Prints Markdown tables: per entry point (the CLI, `pytest facts/`, `pytest facts/ -n 2`) and per run (cold, then
warm: the slot for the cache) the wall time, peak memory and time per phase (FACTCHECK_PROFILE); verdicts per kind
of citation; the naive `partial_ratio` run beside the CLI. An entry point that exceeds --timeout is killed and
reported as such, and the CLI's cost is then extrapolated from a sample of the corpus (labelled so).
These are figures, not tests: the machine is shared, so compare ratios measured in one run.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import corpus  # noqa: E402
from entry import ENTRY_POINTS, kinds, passed_by_kind  # noqa: E402
from measure import Measured, run  # noqa: E402
from prose import fingerprint, paragraphs  # noqa: E402
from tables import entry_rows, estimate, kind_table, naive_rows, per_megabyte_rows, seconds  # noqa: E402
from tiled_seeds import generate as generate_seeds  # noqa: E402

SAMPLE_SHARE, SAMPLE_MIN = 0.02, 50  # the extrapolation's sample: 2 % of the citations, at least 50


def prepare(args: argparse.Namespace, name: str, base: Path) -> tuple[Path, float]:
    """The project for corpus `name` under `base`: generated, or reused when --dir already holds it."""
    project = base / name
    if name != "seeds" and _holds(project, corpus.CORPORA[name]):
        return project, 0.0
    shutil.rmtree(project, ignore_errors=True)
    started = time.perf_counter()
    if name == "seeds":
        generate_seeds(project, args.citations, args.mutated, args.copies)
    else:
        corpus.generate(corpus.CORPORA[name], project)
    return project, time.perf_counter() - started


def _holds(project: Path, spec: corpus.Spec) -> bool:
    """Whether `project` was generated from `spec` and this machine's prose by this version of the generator."""
    if not (project / "bench.json").exists():
        return False
    manifest = json.loads((project / "bench.json").read_text(encoding="utf-8"))
    return (manifest["spec"] == asdict(spec) and manifest["prose"] == fingerprint(paragraphs())
            and manifest.get("claims") == corpus.CLAIM_WORDS and manifest.get("generator") == corpus.GENERATOR)


def describe(project: Path, generated: float) -> str:
    manifest = json.loads((project / "bench.json").read_text(encoding="utf-8"))
    spec, made = manifest["spec"], kinds(project)
    megabytes = sum(path.stat().st_size for path in (project / "sources").iterdir()) / 1e6
    mix = ", ".join(f"{kind} {list(made.values()).count(kind):,}" for kind in sorted(set(made.values())))
    how = f"generated in {generated:.1f} s" if generated else "reused"
    prose = f", prose {manifest['prose']}" if "prose" in manifest else ""
    documents = f"{spec['documents']:,} document{'s' if spec['documents'] != 1 else ''}"
    return (f"corpus {spec['name']}: {documents}, {megabytes:,.2f} MB, {len(made):,} citations"
            f" ({mix}){prose}; {how} in {project}")


def run_entry_points(project: Path, names: list[str], runs: int, timeout: float) -> dict[str, list[Measured]]:
    measured: dict[str, list[Measured]] = {}
    for name in names:
        _, command, report = ENTRY_POINTS[name]
        measured[name] = []
        (project / report).unlink(missing_ok=True)  # a warm run cut off keeps the cold run's report
        shutil.rmtree(project / ".factcheck-cache", ignore_errors=True)  # cold: nothing located yet
        for _ in range(runs):
            result = run(command, project, timeout)
            measured[name].append(result)
            print(f"  {name}: {seconds(result)}", file=sys.stderr)
            if result.timed_out:
                break  # no warm run after a cold one timed out
    return measured


def sample_project(project: Path) -> tuple[Path, int, int]:
    """A project citing the same sources with the citations of its first sources (by name): (dir, citations,
    sources)."""
    manifest = json.loads((project / "bench.json").read_text(encoding="utf-8"))
    citations = [corpus.Citation(**c) for c in manifest["citations"]]
    wanted = max(SAMPLE_MIN, int(len(citations) * SAMPLE_SHARE))
    chosen, sources = [], []
    for source in sorted({c.source for c in citations}):
        if len(chosen) >= wanted:
            break
        chosen += [c for c in citations if c.source == source]
        sources.append(source)
    chosen = chosen[:wanted]
    sample = project / "sample"
    shutil.rmtree(sample, ignore_errors=True)
    sample.mkdir()
    corpus.write_facts(sample, chosen)
    settings = '[tool.factcheck]\nsources = "../sources"\nfacts = "facts"\n'
    (sample / "pyproject.toml").write_text(settings, encoding="utf-8")
    return sample, len(chosen), len(sources)


def naive(project: Path, timeout: float) -> tuple[Measured, dict]:
    command = [sys.executable, str(HERE / "naive.py"), str(project), "--budget", str(timeout)]
    result = run(command, project, timeout + 60)
    lines = result.stdout.strip().splitlines()
    return result, (json.loads(lines[-1]) if lines else {})


def bench_corpus(args: argparse.Namespace, name: str, base: Path) -> tuple[Path, dict[str, list[Measured]]]:
    project, generated = prepare(args, name, base)
    print(f"### {describe(project, generated)}\n")
    names = [n for n in args.entry if n in ENTRY_POINTS]
    measured = run_entry_points(project, names, args.runs, args.timeout)
    if measured:
        print("\n".join(entry_rows(measured, {n: ENTRY_POINTS[n][0] for n in names})) + "\n")
    made = kinds(project)
    verdicts = {ENTRY_POINTS[n][0]: passed_by_kind(project / ENTRY_POINTS[n][2], made) for n in names
                if (project / ENTRY_POINTS[n][2]).exists() and not measured[n][0].timed_out}
    reports = [(project / ENTRY_POINTS[n][2]).read_bytes() for n in names if ENTRY_POINTS[n][0] in verdicts]
    if len(reports) > 1:
        print(f"Reports of {', '.join(verdicts)}: {'byte-identical' if len(set(reports)) == 1 else 'DIFFER'}.\n")
    cli = measured.get("cli", [None])[0]
    extrapolated = None
    documents = len(list((project / "sources").iterdir()))
    if cli is not None and cli.timed_out and documents == 1:
        print("No extrapolation: one document's cost (normalizing it, building its words) is paid by any sample.\n")
    elif cli is not None and cli.timed_out:
        sample, count, sources = sample_project(project)
        print(f"  sample: {count} citations of {sources} sources", file=sys.stderr)
        result = run(ENTRY_POINTS["cli"][1], sample, args.timeout)
        extrapolated, how = estimate(result, count, len(made), documents)
        print(f"Extrapolation (CLI): {how}\n")
    if "naive" in args.entry:
        result, figures = naive(project, args.timeout)
        if figures:
            verdicts["naive partial_ratio ≥ 90 (checked part)"] = (figures["passed"], figures["by_kind"])
        print("\n".join(naive_rows(result, figures, cli, extrapolated)) + "\n")
    if verdicts:
        print("\n".join(kind_table(verdicts)) + "\n")
    return project, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--corpus", choices=[*corpus.CORPORA, "seeds"], help="which corpus to generate and run")
    parser.add_argument("--micro", action="store_true", help="the per-citation micro benchmark")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per entry point (default 600)")
    parser.add_argument("--runs", type=int, default=2, help="runs per entry point: cold, then warm (default 2)")
    parser.add_argument("--entry", default="cli,pytest,xdist,naive", type=lambda s: s.split(","),
                        help="entry points to run (default cli,pytest,xdist,naive)")
    parser.add_argument("--dir", type=Path, help="generate the corpus here and keep it (reused when present)")
    parser.add_argument("--citations", type=int, default=10000, help="seeds corpus: citations")
    parser.add_argument("--mutated", type=float, default=0.1, help="seeds corpus: share with one word changed")
    parser.add_argument("--copies", type=int, default=1, help="seeds corpus: copies of each seed")
    args = parser.parse_args()
    if not args.corpus and not args.micro:
        parser.error("give --corpus NAME or --micro")
    print(f"Machine: {_machine()}\n")
    if args.micro:
        import micro

        print("\n".join(micro.table(micro.measure())) + "\n")
    if args.corpus:
        with tempfile.TemporaryDirectory() if args.dir is None else nullcontext(str(args.dir)) as scratch:
            base = Path(scratch)
            base.mkdir(parents=True, exist_ok=True)
            if args.corpus == "b":
                _per_megabyte(args, base)
            else:
                bench_corpus(args, args.corpus, base)


def _per_megabyte(args: argparse.Namespace, base: Path) -> None:
    """Corpus b, and the 1 MB document before it: the CLI's cost per MB at both sizes."""
    small, generated = prepare(args, "b1", base)
    print(f"### {describe(small, generated)}\n")
    one = run_entry_points(small, ["cli"], 1, args.timeout)["cli"][0]
    print("\n".join(entry_rows({"cli": [one]}, {"cli": ENTRY_POINTS["cli"][0]})) + "\n")
    _, measured = bench_corpus(args, "b", base)
    ten = measured.get("cli", [None])[0]
    print("\n".join(per_megabyte_rows([(1.0, 100, one), (10.0, 1000, ten)])) + "\n")


def _machine() -> str:
    import os
    import platform

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load} (shared with other agents)"


if __name__ == "__main__":
    main()
