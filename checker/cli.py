"""`factcheck` / `python -m checker`: main(argv) -> exit code (0 pass, 1 failures, 2 input errors)."""
from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from checker.config import Config, load_config
from checker.report import dumps, exit_code, merge_documents, report_document, summary_line, text_lines
from checker.run import by_project, check


def build_parser(config: Config | None = None) -> argparse.ArgumentParser:
    """The command line; `config` (the project's, read from the working directory) names the real defaults in --help."""
    config = config or load_config(Path.cwd())
    facts = ", ".join(config.display(path) for path in config.facts)
    sources = f"the sources root (default: [tool.factcheck] sources, here {config.display(config.sources)}/)"
    parser = argparse.ArgumentParser(prog="factcheck", description="Check curated facts against their sources.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("check", help="verify every citation and consistency rule")
    run.add_argument("paths", nargs="*", type=Path, help=f"fact files or directories (default: [tool.factcheck] facts, here {facts})")
    run.add_argument("--sources", help=sources)
    run.add_argument("--json", dest="json_path", type=Path, help="write the JSON report to this file ('-' for stdout)")
    run.add_argument("--strict", action="store_true", default=None, help="fail fuzzy matches (transcription slips) too")
    run.add_argument("--no-cache", dest="cache", action="store_false", default=None,
                     help="locate every quote anew, neither reading nor writing .factcheck-cache/")
    cover = commands.add_parser("coverage", help="list, per source, the checkable sentences no fact cites")
    cover.add_argument("paths", nargs="*", type=Path, help=f"fact files or directories (default: [tool.factcheck] facts, here {facts})")
    cover.add_argument("--sources", help=sources)
    cover.add_argument("--min", dest="minimum", type=float, default=90.0, help="fail when a source is below this percentage (default 90)")
    cover.add_argument("--show-excepted", action="store_true", help="also list the sentences excepted in sources.yaml, with the reason")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "coverage":
        return run_coverage(args)
    config = load_config(Path.cwd(), sources=args.sources, strict=args.strict, cache=args.cache)
    docs, lines = [], []
    load = partial(load_config, sources=args.sources, strict=args.strict, cache=args.cache)
    for project, paths in by_project(args.paths, config, load):
        checked = check(paths, project)
        sources_display = checked.inputs.library.display_root
        docs.append(report_document(checked.report, sources_display))
        lines += text_lines(docs[-1], sources_display)[:-1]
    doc = docs[0] if len(docs) == 1 else merge_documents(docs)
    if args.json_path is not None:
        write_report(args.json_path, dumps(doc))
    out = sys.stderr if args.json_path == Path("-") else sys.stdout
    print("\n".join(lines + [summary_line(doc)]), file=out)
    return exit_code(doc)


def run_coverage(args: argparse.Namespace) -> int:
    from checker import coverage

    config = load_config(Path.cwd(), sources=args.sources)
    measured = coverage.measure(args.paths or config.facts, config)
    print("\n".join(coverage.text_lines(measured, config.display(config.sources), args.minimum, args.show_excepted)))
    return coverage.exit_code(measured, args.minimum)


def write_report(path: Path, text: str) -> None:
    if str(path) == "-":
        sys.stdout.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
