"""Source formats other than plain text: each extractor gives the text a reader sees and where each character of it
stands in the file, so a quote is matched against what the page says and located in the file's own lines.

Plain text has no extraction step (`extractor_for` returns None for it): it is read exactly as before.
"""
from __future__ import annotations

from typing import Callable

from checker.formats.extracted import Extracted, ExtractError, MissingExtra, SourceMap

__all__ = ["BINARY", "Extracted", "ExtractError", "MissingExtra", "SourceMap", "extractor_for", "format_of",
           "FORMATS"]

# format name -> (suffixes, the extra that installs its library)
FORMATS = {
    "html": ((".html", ".htm"), "html"),
    "markdown": ((".md", ".markdown"), "md"),
    "pdf": ((".pdf",), "pdf"),
    "warc": ((".warc", ".warc.gz"), "warc"),
}
BINARY = {"pdf", "warc"}  # read as bytes, not decoded as UTF-8 text


def format_of(name: str) -> str | None:
    """The format a source's file name says, or None for plain text."""
    lowered = name.lower()
    for fmt, (suffixes, _) in FORMATS.items():
        if lowered.endswith(suffixes):
            return fmt
    return None


def extractor_for(name: str) -> Callable[[str], Extracted] | None:
    """The function that extracts a source's text, or None when it is plain text (read as it is).

    The function takes the file's text, or its bytes for a BINARY format; it raises MissingExtra when the format's
    library is not installed, ExtractError when the file cannot be used."""
    fmt = format_of(name)
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
