"""The static HTML report (`--html DIR`): index.html, report.css and report.js, built from the report document.

The page is rendered from the same document the JSON report is (checker.report), plus what only the run's inputs
hold: each source's text (to show it with every cited passage marked) and each fact's structured value. Jinja2
renders it with autoescaping on, so a quote holding `<script>` shows as text; the page's Content-Security-Policy
allows no inline script and no network either. The directory is written the way every report is (checker.output).
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jinja2

from checker.html.view import build_view
from checker.output import ReportPathError, refusal, write_report
from checker.report import plain, source_entry
from checker.run import Inputs
from checker.sources import SourceError

ASSETS = ("report.css", "report.js")
TEMPLATE = "report.html.j2"


def page_files(doc: dict[str, Any], runs: list[Inputs]) -> dict[str, str]:
    """The report's files by name: index.html and its assets. The same document and inputs give the same bytes."""
    libraries, roots, values, names = {}, {}, {}, []
    for inputs in runs:
        library = inputs.library
        libraries.setdefault(library.display_root, library)
        roots.update({name: library.display_root for name in inputs.suite.files})
        values.update({(f.file, f.line, f.id): plain(f.value) for f in inputs.suite.facts})
        names += [(library.display_root, name) for name in library.names()]
    first_root = runs[0].library.display_root if runs else "sources"
    root_of = lambda fact_file: roots.get(fact_file, first_root)  # noqa: E731
    names += [(root_of(f["file"]), c["source"]) for f in doc["facts"] for c in f["citations"] + f["disputed_by"]]

    def source_text(root: str, name: str) -> str | None:
        try:
            return libraries[root].document(name).text if root in libraries else None
        except SourceError:
            return None

    def source_origin(root: str, name: str) -> dict[str, Any] | None:
        return source_entry(libraries[root].origin(name)) if root in libraries else None

    view = build_view(doc, source_text, names, root_of, values, source_origin)
    page = _environment().from_string(_packaged(TEMPLATE)).render(**view)
    return {"index.html": page, **{name: _packaged(name) for name in ASSETS}}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
        lstrip_blocks=True,
    )


def _packaged(name: str) -> str:
    return resources.files("checker.html").joinpath(name).read_text(encoding="utf-8")


def directory_refusal(directory: Path, inputs: Iterable[Path], sources_roots: Iterable[Path]) -> str | None:
    """Why the HTML report may not be written to `directory`, or None: not a directory, inside a sources root (the
    page would become a source of the next run), a link, or a file in it that may not be written (see `refusal`)."""
    target = Path(os.path.abspath(directory))
    if target.exists() and not target.is_dir():
        return f"cannot write the HTML report to {directory}: it is not a directory: give a directory"
    for root in sources_roots:
        if target.resolve().is_relative_to(root.resolve()):
            return (f"refusing to write the HTML report to {directory}: it is inside the sources root {root} (its "
                    "pages would be read as sources): give a directory outside it")
    inputs = list(inputs)
    for name in ("index.html", *ASSETS):
        why = refusal(target / name, inputs)
        if why:
            return why.replace("the report", "the HTML report", 1)
    return None


def write_html_report(
    directory: Path, files: dict[str, str], inputs: Iterable[Path], sources_roots: Iterable[Path]
) -> None:
    """Write each file into `directory` atomically (the assets first, the page last). Raises ReportPathError."""
    inputs = list(inputs)
    why = directory_refusal(directory, inputs, sources_roots)
    if why:
        raise ReportPathError(why)
    for name in sorted(files, key=lambda name: name == "index.html"):
        write_report(Path(directory) / name, files[name], inputs)
