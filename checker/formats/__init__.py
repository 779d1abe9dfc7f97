"""Source formats other than plain text: each extractor gives the text a reader sees and where each character of it
stands in the file, so a quote is matched against what the page says and located in the file's own lines.

Plain text has no extraction step (`extractor_for` returns None for it): it is read exactly as before.
"""
from __future__ import annotations

from typing import Callable

from checker.formats.extracted import Extracted, ExtractError, MissingExtra, SourceMap

__all__ = ["BINARY", "Extracted", "ExtractError", "MissingExtra", "SourceMap", "extractor", "extractor_for",
           "format_of", "FORMATS", "KNOWN_FORMATS", "MAIN_CONTENT", "TEXT_USED"]

# format name -> (suffixes, the extra that installs its library)
FORMATS = {
    "html": ((".html", ".htm"), "html"),
    "markdown": ((".md", ".markdown"), "md"),
    "pdf": ((".pdf",), "pdf"),
    "warc": ((".warc", ".warc.gz"), "warc"),
}
KNOWN_FORMATS = ("text", *FORMATS)  # what `format:` in sources.yaml may name (text: read as it is)
BINARY = {"pdf", "warc"}  # read as bytes, not decoded as UTF-8 text
MAIN_CONTENT = ("html", "warc")  # the formats `extract: main` applies to (checker.formats.main)
# the text a report says was used, by format and `extract:` (all: everything a reader sees; main: the main content)
TEXT_USED = {
    ("text", "all"): "the file as it is",
    ("html", "all"): "the page's visible text",
    ("html", "main"): "the page's main content (trafilatura)",
    ("markdown", "all"): "the rendered note's text",
    ("pdf", "all"): "the PDF's text layer",
    ("warc", "all"): "the captured page's visible text",
    ("warc", "main"): "the captured page's main content (trafilatura)",
}


def format_of(name: str) -> str | None:
    """The format a source's file name says, or None for plain text."""
    lowered = name.lower()
    for fmt, (suffixes, _) in FORMATS.items():
        if lowered.endswith(suffixes):
            return fmt
    return None


def extractor_for(name: str) -> Callable[..., Extracted] | None:
    """The extractor of the format a file name says (see `extractor`), or None for plain text."""
    return extractor(format_of(name))


def extractor(fmt: str | None) -> Callable[..., Extracted] | None:
    """The function that extracts a source's text, or None when it is plain text (read as it is).

    The function takes the file's text, or its bytes for a BINARY format; it raises MissingExtra when the format's
    library is not installed, ExtractError when the file cannot be used."""
    if fmt == "html":
        from checker.formats.html import extract
        return extract
    if fmt == "markdown":
        from checker.formats.markdown import extract
        return extract
    if fmt == "pdf":
        from checker.formats.pdf import extract
        return extract
    if fmt == "warc":
        from checker.formats.warc import extract
        return extract
    return None
