"""The review outputs a command asks for (`--format github`, `--sarif FILE`, `--markdown FILE`), rendered from the
run's report document and written safely (never over an input, never through a link, atomically)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from checker.output import ReportPathError, shown, write_report
from checker.outputs import github, markdown, sarif
from checker.run import Inputs, input_paths


def add_review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", dest="output_format", choices=("text", "github"), default=None,
        help="github: also print one GitHub Actions annotation per finding, at its line in the fact file "
             "(the default when GITHUB_ACTIONS=true)",
    )
    parser.add_argument("--sarif", dest="sarif_path", type=Path, metavar="FILE",
                        help="write the findings as SARIF 2.1.0 (GitHub code scanning) to this file")
    parser.add_argument("--markdown", dest="markdown_path", type=Path, metavar="FILE",
                        help="write a Markdown summary (e.g. $GITHUB_STEP_SUMMARY or a pull request comment)")


def annotating(choice: str | None) -> bool:
    """Whether to print annotations: asked for, or running in GitHub Actions and not told otherwise."""
    return choice == "github" or (choice is None and github.in_github_actions())


def link_base() -> str:
    """Where the Markdown summary's links point: the commit's files on GitHub when run in Actions, else relative."""
    server, repo, sha = (os.environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server}/{repo}/blob/{sha}/" if github.in_github_actions() and server and repo and sha else ""


def line_reader(inputs: list[Inputs]):
    """A function giving a fact file's line as it stands (for a suggestion's context), or None."""
    cache: dict[str, list[str]] = {}

    def read(file: str, line: int) -> str | None:
        if file not in cache:
            cache[file] = []
            for run in inputs:
                if file in run.suite.files:
                    try:
                        cache[file] = run.config.resolve(file).read_text(encoding="utf-8-sig").splitlines()
                    except (OSError, UnicodeDecodeError):
                        pass
                    break
        lines = cache[file]
        return lines[line - 1] if 0 < line <= len(lines) else None

    return read


def write_review_outputs(args: argparse.Namespace, doc: dict[str, Any], inputs: list[Inputs]) -> bool:
    """Print annotations and write the SARIF and Markdown files asked for; False when all went well, True (after
    saying why on standard error) when a file could not be written."""
    sources_display = inputs[0].library.display_root if inputs else "sources"
    stream = sys.stderr if getattr(args, "json_path", None) == Path("-") else sys.stdout
    if annotating(getattr(args, "output_format", None)):
        print("\n".join(github.annotations(doc, sources_display)), file=stream, flush=True)
    files = {kind: path for kind in ("sarif", "markdown") if (path := getattr(args, f"{kind}_path", None))}
    try:
        write_review_files(files, doc, inputs)
    except ReportPathError as error:
        print(shown(str(error)), file=sys.stderr)
        return True
    return False


def write_review_files(files: dict[str, Path], doc: dict[str, Any], inputs: list[Inputs]) -> None:
    """Write the review files asked for (kind -> path: sarif, markdown) from the run's report document; raises
    ReportPathError for a path refused or not written."""
    sources_display = inputs[0].library.display_root if inputs else "sources"
    protected = [path for run in inputs for path in input_paths(run)]
    render = {
        "sarif": lambda: sarif.dumps(sarif.sarif_log(doc, sources_display)),
        "markdown": lambda: markdown.summary(doc, sources_display, link_base(), line_reader(inputs)),
    }
    for kind, path in files.items():
        write_report(path, render[kind](), protected)
