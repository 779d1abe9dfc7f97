"""The benchmark's Markdown tables: entry points and phases, verdicts per kind, the naive ratio, cost per MB."""
from __future__ import annotations

from collections import Counter

from measure import Measured

PHASES = ("load", "read", "normalize", "locate", "rules", "report")
RUNS = ("cold", "warm*")
WARM_NOTE = ("*warm: the same command again, with the cache the cold run filled (.factcheck-cache/, deleted before "
             "each entry point's cold run). Phases are summed over the processes that ran them (n = processes); "
             "other = wall − phases (interpreter start, imports, collection, pytest's own reporting). A run cut "
             "off by the timeout shows the phases it finished; the phase it was in counts under other.")


def seconds(result: Measured | None) -> str:
    if result is None:
        return "not run"
    if result.timed_out:
        return f"> {result.seconds:.0f} s (timed out)"
    return f"{result.seconds:.2f} s" + ("" if result.returncode in (0, 1) else f" (exit {result.returncode})")


def entry_rows(measured: dict[str, list[Measured]], labels: dict[str, str]) -> list[str]:
    lines = ["| entry point | run | wall | peak RSS (tree) | largest process | n | "
             + " | ".join(PHASES) + " | other |", "|---|---|---:|---:|---:|---:|" + "---:|" * (len(PHASES) + 1)]
    for name, results in measured.items():
        for index, result in enumerate(results):
            phases = [result.phases.get(phase, [0.0, 0])[0] for phase in PHASES]
            partial = " (so far)" if result.timed_out else ""
            other = "" if result.processes > 1 else f"{result.seconds - sum(phases):.2f}"
            if result.timed_out and other:
                other += " (incl. the phase cut off)"
            cells = [labels[name], RUNS[min(index, 1)], seconds(result), f"{result.peak_tree_mib:,.0f} MiB",
                     f"{result.peak_process_mib:,.0f} MiB", str(result.processes)]
            cells += [f"{value:.2f}{partial}" if value else "–" for value in phases] + [other]
            lines.append("| " + " | ".join(cells) + " |")
    return lines + ["", WARM_NOTE]


def estimate(sample: Measured, count: int, total: int, documents: int) -> tuple[float | None, str]:
    """The CLI's time on the whole corpus from its run on a sample: per-citation phases scale with citations,
    reading and normalizing with documents (today's wrong-source search reads every document once)."""
    if sample.timed_out:
        done = ", ".join(f"{p} {s:.1f} s" for p, (s, _) in sample.phases.items())
        return None, (f"the sample ({count} citations) timed out too after {sample.seconds:.0f} s"
                      + (f"; measured before the kill: {done}" if done else ""))
    phase = {p: sample.phases.get(p, [0.0, 0]) for p in PHASES}
    per_citation = sum(phase[p][0] for p in ("load", "locate", "rules", "report"))
    per_document_calls = phase["normalize"][1] or 1
    per_document = phase["read"][0] + phase["normalize"][0]
    startup = sample.seconds - per_citation - per_document
    value = startup + per_citation * total / count + per_document * max(1.0, documents / per_document_calls)
    how = (f"≈ {value:,.0f} s = start {startup:.1f} s + (load, locate, rules, report: {per_citation:.1f} s for "
           f"{count} citations) × {total / count:,.0f} + (read, normalize: {per_document:.1f} s for "
           f"{phase['normalize'][1]} documents) × {max(1.0, documents / per_document_calls):,.1f} "
           f"[sample run: {sample.seconds:.1f} s, {sample.peak_tree_mib:,.0f} MiB]")
    return value, how


def naive_rows(result: Measured, figures: dict, cli: Measured | None, extrapolated: float | None) -> list[str]:
    if not figures:
        return [f"naive run failed: {result.stderr[-500:]}"]
    share = figures["checked"] / figures["total"]
    naive_total = figures["seconds"] / share
    label = f"{figures['seconds']:.2f} s" if share == 1 else (
        f"{figures['seconds']:.1f} s for {figures['checked']:,} of {figures['total']:,}: "
        f"≈ {naive_total:,.0f} s extrapolated")
    lines = ["| matcher | wall (matching only for naive) | peak RSS | naive ÷ matcher |", "|---|---:|---:|---:|",
             f"| naive `partial_ratio` ≥ 90, in-process | {label} | {result.peak_process_mib:,.0f} MiB | 1 |"]
    if cli is not None and not cli.timed_out:
        lines.append(f"| factcheck check (cold, end to end) | {seconds(cli)} | {cli.peak_tree_mib:,.0f} MiB | "
                     f"{naive_total / cli.seconds:.2f} |")
    elif cli is not None:
        ratio = f"< {naive_total / cli.seconds:.2f}"
        if extrapolated:
            ratio += f" (≈ {naive_total / extrapolated:.3f} extrapolated)"
        lines.append(f"| factcheck check (cold, end to end) | {seconds(cli)} | – | {ratio} |")
    return lines


def kind_table(verdicts: dict[str, tuple[Counter, Counter]]) -> list[str]:
    kinds = sorted({kind for _, total in verdicts.values() for kind in total})
    lines = ["| passed / citations | " + " | ".join(kinds) + " |", "|---|" + "---:|" * len(kinds)]
    for label, (passed, total) in verdicts.items():
        lines.append(f"| {label} | " + " | ".join(f"{passed.get(k, 0):,} / {total.get(k, 0):,}" for k in kinds) + " |")
    return lines


def per_megabyte_rows(sizes: list[tuple[float, int, Measured | None]]) -> list[str]:
    lines = ["| one document | citations | CLI wall | wall per MB | normalize per MB | locate per MB |",
             "|---:|---:|---:|---:|---:|---:|"]
    for megabytes, citations, result in sizes:
        if result is None:
            continue
        wall = f"> {result.seconds / megabytes:.1f} s" if result.timed_out else f"{result.seconds / megabytes:.2f} s"
        normalize, locate = (result.phases.get(p, [0.0, 0])[0] for p in ("normalize", "locate"))
        if result.timed_out:  # cut off while locating: at least the time not accounted for by a finished phase
            done = sum(seconds for seconds, _ in result.phases.values())
            locate_cell = f"> {(result.seconds - done) / megabytes:.1f} s (cut off)"
        else:
            locate_cell = f"{locate / megabytes:.2f} s"
        cells = [f"{megabytes:g} MB", f"{citations:,}", seconds(result), wall,
                 f"{normalize / megabytes:.2f} s" if normalize else "not reached", locate_cell]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
