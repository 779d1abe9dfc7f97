"""Archived web captures (.warc, .warc.gz), read with warcio: the response record of the page the source's `url:`
in sources.yaml names (the first HTML response when it names none), its HTML read as any HTML source
(checker.formats.html). Locations are lines of the captured page; `SourceMap.capture` says which page, when
(`WARC-Target-URI` and `WARC-Date`). Editors archive what they cite: the citation stays verifiable after the page
changes.
"""
from __future__ import annotations

import io
import re
from dataclasses import replace

from checker.formats.extracted import Extracted, ExtractError, MissingExtra

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def extract(data: bytes, url: str | None = None, main: bool = False) -> Extracted:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise MissingExtra("a web archive (WARC)", "warc", "warcio") from None
    from checker.formats import html

    found = None
    seen = records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            records += record.rec_type is not None  # warcio reads a header it cannot parse as a record of no type
            if record.rec_type != "response" or record.http_headers is None:
                continue
            seen += 1
            target = record.rec_headers.get_header("WARC-Target-URI") or ""
            kind = record.http_headers.get_header("Content-Type") or ""
            if (_same_url(target, url) if url else "html" in kind.lower()):
                found = (target, record.rec_headers.get_header("WARC-Date") or "", kind,
                         record.content_stream().read())
                break
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as error:
        raise ExtractError(f"is not a web archive warcio can read ({error}): check the file") from None
    if not records:
        raise ExtractError("is not a web archive warcio can read (no WARC record in it): check the file")
    if found is None:
        wanted = f"the page {url} (its url: in sources.yaml)" if url else "an HTML page"
        raise ExtractError(f"holds no response record of {wanted} among its {seen} responses: "
                           "archive that page, or correct the url")
    target, date, kind, payload = found
    charset = _CHARSET.search(kind)
    try:  # its byte order mark, the charset of its Content-Type, its <meta> charset, else UTF-8: as a browser reads it
        text = html.decode(payload, charset.group(1) if charset else None)
    except ExtractError as error:
        raise ExtractError(f"has the page {target}, which {error} (Content-Type: {kind!r})") from None
    extracted = html.extract(text.replace("\r\n", "\n").replace("\r", "\n"), main)
    return Extracted(extracted.text, replace(extracted.source_map, capture=(target, date)))


def _same_url(found: str, wanted: str) -> bool:
    """The same page: equal but for a trailing slash (and the case of the scheme and host)."""
    def key(url: str) -> str:
        scheme, _, rest = url.partition("://")
        host, slash, path = rest.partition("/")
        return f"{scheme.lower()}://{host.lower()}{slash}{path}".rstrip("/")
    return key(found) == key(wanted)
