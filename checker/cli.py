"""`factcheck` / `python -m checker`: main(argv) -> exit code (0 pass, 1 failures, 2 input errors)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from pathlib import Path

from checker import changed, shard
from checker.collector import fewer_collections
from checker.config import Config, load_config
from checker.model import Problem, Report
from checker.report import document, dumps, exit_code, merge_documents, report_document, summary_line, text_lines
from checker.output import ReportPathError, shown, shown_lines, write_report
from checker.processes import AUTO, MAX_JOBS
from checker.profile import phase
from checker.run import Inputs, by_project, check, input_paths, prepare
from checker.outputs.write import add_review_options, write_review_outputs


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
    run.add_argument("--no-cache", dest="cache", action="store_false", default=None,
                     help="locate every quote anew, neither reading nor writing .factcheck-cache/")
    run.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                     help="processes that divide the locating, through the cache ('auto': one per core; default: "
                          "[tool.factcheck] jobs, else 1)")
    run.add_argument("--html", dest="html_dir", type=Path, metavar="DIR",
                     help="write the HTML report (index.html and its assets) into this directory")
    run.add_argument("--claimreview", type=Path, metavar="FILE",
                     help="write every verdict as schema.org ClaimReview JSON-LD to FILE (with --claimreview-url)")
    run.add_argument("--claimreview-url", metavar="URL",
                     help="the page the fact-checks are published on: each ClaimReview's url is URL#<fact>-<line>")
    run.add_argument("--update-hashes", action="store_true",
                     help="record each source's new sha256 in sources.yaml where the recorded one no longer matches")
    run.add_argument("--shard", metavar="I/N",
                     help="check the I-th of N shares of the facts, write a partial report (--json) to merge")
    add_review_options(run)
    run.add_argument("--changed-since", metavar="REF",
                     help="check only the facts in fact files changed since the git REF, or citing a source changed "
                          "since it; rule findings that involve none of them are reported as pre-existing")
    merge = commands.add_parser("merge", help="merge the partial reports of every shard: run the cross-fact rules once")
    merge.add_argument("partials", nargs="+", type=Path, help="partial reports written by check --shard I/N --json")
    merge.add_argument("--sources", help=sources)
    merge.add_argument("--json", dest="json_path", type=Path,
                       help="write the JSON report to this file ('-' for stdout)")
    add_review_options(merge)
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
    find = commands.add_parser("locate", help="find words as remembered in the sources; print a citation to paste")
    find.add_argument("words", help="the words as you remember them")
    find.add_argument("--source", help="search this source only (a name under the sources root, or its path)")
    find.add_argument("--sources", help=sources)
    repair = commands.add_parser(
        "fix", help="rewrite quotes that pass only as normalized or fuzzy (and moved lines: pins) to the source's text"
    )
    repair.add_argument(
        "paths", nargs="*", type=Path, help=f"fact files or directories (default: [tool.factcheck] facts, here {facts})"
    )
    repair.add_argument("--dry-run", action="store_true", help="print the diff, change nothing (exit 1 if it would)")
    repair.add_argument("--sources", help=sources)
    start = commands.add_parser("init", help="start a project: [tool.factcheck], a facts folder, a sources folder")
    start.add_argument("directory", nargs="?", type=Path, default=Path("."), help="the project's folder (default: .)")
    return parser


def _jobs(value: str) -> int:
    """--jobs: a number of processes (at least 1), or 'auto'."""
    if value == "auto":
        return AUTO
    if not value.isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"expected a number of processes from 1 to {MAX_JOBS}, or 'auto': {value!r}")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    try:
        with fewer_collections():
            return run(build_parser().parse_args(argv))
    except BrokenPipeError:  # `factcheck check | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run(args: argparse.Namespace) -> int:
    if args.command == "coverage":
        return run_coverage(args)
    if args.command == "merge":
        return run_merge(args)
    if args.command == "locate":
        from checker.authoring.cli import run_locate

        return run_locate(args)
    if args.command == "fix":
        from checker.authoring.cli import run_fix

        return run_fix(args)
    if args.command == "init":
        from checker.authoring.cli import run_init

        return run_init(args)
    if getattr(args, "claimreview", None) is not None and not str(args.claimreview_url or "").startswith(
            ("https://", "http://")):
        print("--claimreview needs --claimreview-url https://…: the page the fact-checks are published on "
              "(ClaimReview's required url)", file=sys.stderr)
        return 2
    config = load_config(Path.cwd(), sources=args.sources, strict=args.strict, cache=args.cache)
    if args.shard is not None and args.changed_since:
        print("--changed-since and --shard do not combine: shard the whole suite, or check the change", file=sys.stderr)
        return 2
    if args.update_hashes:
        from checker.sources import update_recorded_hashes

        for line in update_recorded_hashes(config.sources, config.display(config.sources), config.limits):
            print(shown(line), file=sys.stderr)
    if args.shard is not None:
        return run_shard(args, config)
    try:
        change = changed.changed_since(args.changed_since, Path.cwd()) if args.changed_since else None
    except changed.ChangeError as error:
        print(shown(str(error)), file=sys.stderr)
        return 2
    docs, lines, inputs = [], [], []
    load = partial(load_config, sources=args.sources, strict=args.strict, cache=args.cache)
    for project, paths in by_project(args.paths, config, load):
        checked = check(paths, project, jobs=args.jobs)
        sources_display = checked.inputs.library.display_root
        if project.root != config.root:  # say which pyproject.toml: not the working directory's
            root = "" if project.base else f"project {project.root.as_posix()}: "
            lines.append(f"factcheck: {root}{project.describe()}")
        with phase("report"):
            docs.append(report_document(checked.report, sources_display, checked.fact_entries))
        if change:
            docs[-1] = changed.only_changed(docs[-1], change, project.resolve, checked.inputs.library.root)
        lines += text_lines(docs[-1], sources_display)[:-1]
        inputs.append(checked.inputs)
    doc = docs[0] if len(docs) == 1 else changed.merged(merge_documents(docs), docs)
    status = finish(args, doc, dumps(doc), lines + changed.pre_existing_lines(doc) + [summary_line(doc)], inputs)
    if status == 2:
        return status
    if args.html_dir is not None:
        status = write_html(args.html_dir, doc, inputs) or status
    if args.claimreview is not None:
        status = write_claimreview(args, doc, inputs) or status
    return status


def write_html(directory: Path, doc: dict, inputs: list[Inputs]) -> int:
    """check --html DIR: the HTML report; 0 when written, 2 (and why) when the directory is refused or unwritable."""
    from checker import html

    try:
        html.write_html_report(directory, html.page_files(doc, inputs),
                               [path for run in inputs for path in input_paths(run)],
                               [run.config.sources for run in inputs])
    except ReportPathError as error:
        print(shown(str(error)), file=sys.stderr)
        return 2
    return 0


def write_claimreview(args: argparse.Namespace, doc: dict, inputs: list[Inputs]) -> int:
    """--claimreview FILE: the verdicts as ClaimReview JSON-LD, written like the report (never over an input)."""
    from checker import claimreview

    metadata = {name: info for run in inputs for name, info in run.metadata.items()}
    text = claimreview.dumps(claimreview.claim_reviews(doc, metadata, args.claimreview_url))
    try:
        write_report(args.claimreview, text, [path for run in inputs for path in input_paths(run)])
    except ReportPathError as error:
        print(shown(str(error)), file=sys.stderr)
        return 2
    return 0


def finish(args: argparse.Namespace, doc: dict, report: str, lines: list[str], inputs: list[Inputs]) -> int:
    """Print the text (to standard error when the report goes to standard output), then write the report."""
    to_stdout = args.json_path == Path("-")
    print(shown_lines(lines), file=sys.stderr if to_stdout else sys.stdout, flush=True)
    if write_review_outputs(args, doc, inputs):
        return 2
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
