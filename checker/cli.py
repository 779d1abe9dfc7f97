"""`factcheck` / `python -m checker`: main(argv) -> exit code (0 pass, 1 failures, 2 input errors)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from checker import shard
from checker.config import Config, load_config
from checker.model import Problem, Report
from checker.report import document, dumps, exit_code, merge_documents, report_document, summary_line, text_lines
from checker.output import ReportPathError, shown, shown_lines, write_report
from checker.run import Inputs, by_project, check, input_paths, prepare


def build_parser(config: Config | None = None) -> argparse.ArgumentParser:
    """The command line; `config` (the project's, read from the working directory) names the real defaults in --help."""
    config = config or load_config(Path.cwd())
    facts = ", ".join(config.display(path) for path in config.facts)
    sources = f"the sources root (default: [tool.factcheck] sources, here {config.display(config.sources)}/)"
    parser = argparse.ArgumentParser(prog="factcheck", description="Check curated facts against their sources.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("check", help="verify every citation and consistency rule")
    run.add_argument(
        "paths", nargs="*", type=Path, help=f"fact files or directories (default: [tool.factcheck] facts, here {facts})"
    )
    run.add_argument("--sources", help=sources)
    run.add_argument("--json", dest="json_path", type=Path, help="write the JSON report to this file ('-' for stdout)")
    run.add_argument("--strict", action="store_true", default=None, help="fail fuzzy matches (transcription slips) too")
    run.add_argument("--shard", metavar="I/N",
                     help="check the I-th of N shares of the facts, write a partial report (--json) to merge")
    merge = commands.add_parser("merge", help="merge the partial reports of every shard: run the cross-fact rules once")
    merge.add_argument("partials", nargs="+", type=Path, help="partial reports written by check --shard I/N --json")
    merge.add_argument("--sources", help=sources)
    merge.add_argument("--json", dest="json_path", type=Path,
                       help="write the JSON report to this file ('-' for stdout)")
    cover = commands.add_parser("coverage", help="list, per source, the checkable sentences no fact cites")
    cover.add_argument(
        "paths", nargs="*", type=Path, help=f"fact files or directories (default: [tool.factcheck] facts, here {facts})"
    )
    cover.add_argument("--sources", help=sources)
    cover.add_argument(
        "--min", dest="minimum", type=float, default=90.0,
        help="fail when a source is below this percentage (default 90)",
    )
    cover.add_argument(
        "--show-excepted", action="store_true", help="also list the sentences excepted in sources.yaml, with the reason"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return run(build_parser().parse_args(argv))
    except BrokenPipeError:  # `factcheck check | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run(args: argparse.Namespace) -> int:
    if args.command == "coverage":
        return run_coverage(args)
    if args.command == "merge":
        return run_merge(args)
    config = load_config(Path.cwd(), sources=args.sources, strict=args.strict)
    if args.shard is not None:
        return run_shard(args, config)
    docs, lines, inputs = [], [], []
    for project, paths in by_project(args.paths, config, lambda root: load_config(root, args.sources, args.strict)):
        checked = check(paths, project)
        sources_display = checked.inputs.library.display_root
        if project.root != config.root:  # say which pyproject.toml: not the working directory's
            root = "" if project.base else f"project {project.root.as_posix()}: "
            lines.append(f"factcheck: {root}{project.describe()}")
        docs.append(report_document(checked.report, sources_display))
        lines += text_lines(docs[-1], sources_display)[:-1]
        inputs.append(checked.inputs)
    doc = docs[0] if len(docs) == 1 else merge_documents(docs)
    return finish(args, doc, dumps(doc), lines + [summary_line(doc)], inputs)


def finish(args: argparse.Namespace, doc: dict, report: str, lines: list[str], inputs: list[Inputs]) -> int:
    """Print the text (to standard error when the report goes to standard output), then write the report."""
    to_stdout = args.json_path == Path("-")
    print(shown_lines(lines), file=sys.stderr if to_stdout else sys.stdout, flush=True)
    if to_stdout:
        sys.stdout.write(report)
    elif args.json_path is not None:
        try:
            write_report(args.json_path, report, [path for run in inputs for path in input_paths(run)])
        except ReportPathError as error:
            print(shown(str(error)), file=sys.stderr)
            return 2
    return exit_code(doc)


def run_shard(args: argparse.Namespace, config: Config) -> int:
    """check --shard I/N: this shard's facts located, a partial report written; the rules wait for the merge."""
    try:
        chosen = shard.Shard.parse(args.shard)
    except ValueError as error:
        print(shown(str(error)), file=sys.stderr)
        return 2
    inputs = prepare(args.paths or config.facts, config)
    partial = shard.check_share(inputs, chosen)
    doc = document(partial["facts"], [], partial["errors"])
    lines = text_lines(doc, inputs.library.display_root)
    lines[-1] = f"shard {chosen}: {lines[-1]} (the cross-fact rules run at factcheck merge)"
    return finish(args, doc, dumps(partial), lines, [inputs])


def run_merge(args: argparse.Namespace) -> int:
    """merge: the partial reports of every shard -> the report of the whole run."""
    config = load_config(Path.cwd(), sources=args.sources)
    partials, problems = [], []
    for path in args.partials:
        try:
            partials.append((config.display(path), json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(Problem(config.display(path), 1, 1, f"cannot read a partial report: {error}"))
    files = sorted({name for _, doc in partials if shard.is_partial(doc) for name in doc["files"]})
    inputs = prepare([config.resolve(name) for name in files] or config.facts, config)
    report = shard.merge(partials, inputs) if not problems else Report(errors=problems)
    doc = report_document(report, inputs.library.display_root)
    return finish(args, doc, dumps(doc), text_lines(doc, inputs.library.display_root), [inputs])


def run_coverage(args: argparse.Namespace) -> int:
    from checker import coverage

    config = load_config(Path.cwd(), sources=args.sources)
    measured = coverage.measure(args.paths or config.facts, config)
    print(shown_lines(coverage.text_lines(measured, config.display(config.sources), args.minimum, args.show_excepted)))
    return coverage.exit_code(measured, args.minimum)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
