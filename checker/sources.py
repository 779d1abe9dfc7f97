"""The sources root: each cited document read and normalized once, and sources.yaml metadata."""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checker.cache import Cache, extracted_from_json, extracted_to_json, extraction_key
from checker.formats import (
    BINARY, KNOWN_FORMATS, MAIN_CONTENT, TEXT_USED, Extracted, ExtractError, MissingExtra, extractor, format_of,
)
from checker.formats.html import decode as decode_html
from checker.integrity import changed_problems, changed_sources, update_hashes
from checker.limits import Limits, over
from checker.load import Mapping, load_file
from checker.match import Document
from checker.model import Problem, SourceOrigin
from checker.profile import phase
from checker.validate import schema_problems, top_level_problem

METADATA_FILE = "sources.yaml"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf", ".warc", ""}
EARLIEST_PUBLISHED, LATEST_PUBLISHED = "0002-01-01", "9998-12-31"
DOCUMENTS_KEPT = 1 << 26  # characters of normalized documents kept at once (64 M: about 320 MB)
TEXTS_KEPT = 1 << 28  # characters of sources' texts kept for the rules (256 M: up to 1 GB; beyond, read again)
LONE_CR = re.compile(r"\r(?!\n)")  # an old Mac line end: a line end, one character for one (offsets kept)


class SourceError(Exception):
    """A cited source that cannot be used: missing, outside the root, unreadable."""


@dataclass(frozen=True)
class Declared:
    """What sources.yaml says of where one source comes from (`url`, `retrieved`; the page a web archive serves
    is the one its `url` names) and how to read it (`format`, when its name does not say it)."""

    url: str | None = None
    retrieved: str | None = None
    format: str | None = None  # one of KNOWN_FORMATS, or None: the name's ending says it
    extract: str = "all"  # all: the text a reader sees; main: only the main content (HTML and web archives)


@dataclass
class Library:
    """Documents under one root, keyed by the path a citation names (relative to the root)."""

    root: Path
    display_root: str = "seeds"
    limits: Limits = field(default_factory=Limits)
    truncated: bool = False  # listing the sources stopped at limits.max_source_files
    declared: dict[str, Declared] = field(default_factory=dict)  # what sources.yaml says of each file
    cache: Cache | None = None  # where extracted text is kept between runs (None: --no-cache, or not asked for)
    _documents: dict[str, Document | SourceError] = field(default_factory=dict)
    _names: list[str] | None = None
    _listed: frozenset[str] | None = None  # the names, as a set (made when a name is not found)
    _digests: dict[str, str | SourceError] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)
    _kept: int = 0  # characters of the documents in _documents
    _texts_kept: int = 0  # characters of the texts in _texts
    _captures: dict[str, tuple[str, str]] = field(default_factory=dict)  # a web archive's page: (URL, WARC-Date)
    _origins: dict[str, SourceOrigin] = field(default_factory=dict)

    def document(self, name: str) -> Document:
        """The document a citation names; raises SourceError (cached too) when it cannot be used. The documents
        most recently used are kept, up to DOCUMENTS_KEPT characters in all: a library larger than that is worked
        through a few documents at a time (a normalized document holds about five bytes per character), the text
        of one put aside kept for the rules while it fits in TEXTS_KEPT."""
        found = self._documents.pop(name, None)
        if found is None:
            found = self._read(name)
            self._kept += len(found.text) if isinstance(found, Document) else 0
        self._documents[name] = found  # now the most recently used
        while self._kept > DOCUMENTS_KEPT and len(self._documents) > 1:
            oldest = next(iter(self._documents))
            put_aside = self._documents.pop(oldest)
            if isinstance(put_aside, Document):
                self._kept -= len(put_aside.text)
                self._keep_text(oldest, put_aside.text)
        if isinstance(found, SourceError):
            raise found
        return found

    @property
    def unusable(self) -> str | None:
        """Why no source can be read (the root is no directory), or None. The configuration says it once, at its
        line; each citation then fails with this same message, which reports leave out of the error list."""
        if self.root.is_dir():
            return None
        return f"no sources: the sources root {self.display_root}/ is not a directory"

    def _read(self, name: str) -> Document | SourceError:
        try:
            data, text = self._load(name)
            extracted = self._extract(name, data, text)
        except SourceError as error:
            return error
        self._digests[name] = hashlib.sha256(data).hexdigest()  # the digest of exactly the text located in
        with phase("normalize"):
            if extracted is None:  # plain text: read as it is
                return Document.from_text(text, name)
            return Document.from_text(extracted.text, name, extracted.source_map)

    def _extract(self, name: str, data: bytes, text: str | None):
        """A source in another format than plain text: its visible text and the map back to the file (None for
        plain text). Raises SourceError for a missing extra or a file the extractor cannot read."""
        fmt = self.format(name)
        extract = extractor(fmt)
        if extract is None:
            return None
        declared = self.declared.get(name, Declared())
        main = declared.extract == "main" and fmt in MAIN_CONTENT
        key = None
        if self.cache is not None:  # extracted before, from these very bytes, the same way: not extracted again
            options = {"extract": "main" if main else "all", "url": declared.url if fmt == "warc" else None}
            key = extraction_key(hashlib.sha256(data).hexdigest(), fmt, options)
            with phase("extract"):
                extracted = extracted_from_json(self.cache.read("extracted", key))
            if extracted is not None:
                return self._extracted(name, extracted)
        try:
            with phase("extract"):
                if fmt == "warc":
                    extracted = extract(data, declared.url, main)
                elif main:
                    extracted = extract(text, main)
                else:
                    extracted = extract(data if fmt in BINARY else text)
        except MissingExtra as missing:
            raise SourceError(f"source '{name}' is {missing}") from None
        except ExtractError as error:
            raise SourceError(f"source '{name}' {error}") from None
        if key is not None:
            self.cache.write("extracted", key, extracted_to_json(extracted))
        return self._extracted(name, extracted)

    def _extracted(self, name: str, extracted: Extracted) -> Extracted:
        if extracted.source_map.capture is not None:  # a web archive's page: the report says which, and when
            self._captures[name] = extracted.source_map.capture
        return extracted

    def format(self, name: str) -> str:
        """The source's format: sources.yaml's `format:` for it, else what its file name says (text when it says
        none)."""
        declared = self.declared.get(name)
        return (declared.format if declared is not None else None) or format_of(name) or "text"

    def origin(self, name: str) -> SourceOrigin:
        """Where the source comes from and which of its text is checked, for the report: its format, the text used,
        sources.yaml's `url` and `retrieved`; for a web archive, the page captured and when (read from the archive,
        so None when it cannot be read: the citations say why)."""
        if name not in self._origins:
            declared, fmt = self.declared.get(name, Declared()), self.format(name)
            if fmt == "warc" and name not in self._captures:
                try:
                    self.text(name, keep=False)
                except SourceError:
                    pass
            captured = self._captures.get(name, (None, None))
            used = TEXT_USED.get((fmt, declared.extract), TEXT_USED[fmt, "all"])
            self._origins[name] = SourceOrigin(name, fmt, used, declared.url, declared.retrieved, *captured)
        return self._origins[name]

    def text(self, name: str, keep: bool = True) -> str:
        """The text of a source as located in (decoded, not normalized): what located spans index, without the cost
        of normalizing it; kept for the run unless `keep` is false (one pass over the whole library keeps none).
        Raises SourceError when the source cannot be used."""
        if isinstance(self._documents.get(name), Document):
            return self._documents[name].text
        if name in self._texts:
            text = self._texts.pop(name)
            self._texts[name] = text  # now the most recently used
            return text
        data, text = self._load(name)
        if extractor(self.format(name)) is not None:  # spans index the extracted text, not the file's
            text = self._extract(name, data, text).text
        self._digests.setdefault(name, hashlib.sha256(data).hexdigest())
        if keep:
            self._keep_text(name, text)
        return text

    def _keep_text(self, name: str, text: str) -> None:
        """Keep a source's text for the run, up to TEXTS_KEPT characters in all (the least recently used let go,
        read again when asked for)."""
        self._texts_kept += len(text) - len(self._texts.pop(name, ""))
        self._texts[name] = text
        while self._texts_kept > TEXTS_KEPT and len(self._texts) > 1:
            self._texts_kept -= len(self._texts.pop(next(iter(self._texts))))

    def digest(self, name: str) -> str:
        """A hash of the source's bytes (sha256), which caches key on; raises SourceError when the file cannot be
        read (whether its bytes are text, `document` finds out: an entry is only ever written for text located in,
        so bytes that are not never find one). Once the document is read, the digest of the very bytes it was read
        from."""
        if name not in self._digests:
            try:
                self._digests[name] = hashlib.sha256(self._load(name, as_text=False)[0]).hexdigest()
            except SourceError as error:
                self._digests[name] = error
        found = self._digests[name]
        if isinstance(found, SourceError):
            raise found
        return found

    def _load(self, name: str, as_text: bool = True) -> tuple[bytes, str | None]:
        """The bytes of a source and its text (None unless `as_text`: decoding a warm run's 1 GB library took
        longer than reading and hashing it); raises SourceError naming what is wrong."""
        if self.unusable:
            raise SourceError(self.unusable)
        if "\0" in name:
            raise SourceError(f"source {name!r} has a NUL character in its name: write the file name")
        try:
            return self._load_path(name, as_text)
        except (OSError, ValueError) as error:  # a name too long for the file system, say
            reason = getattr(error, "strerror", None) or error
            raise SourceError(f"source {name[:80]!r} cannot be read: {reason}") from None

    def _load_path(self, name: str, as_text: bool = True) -> tuple[bytes, str | None]:
        path = (self.root / self._stored_name(name)).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise SourceError(f"source '{name}' is outside the sources root {self.display_root}/")
        try:
            mode = path.stat().st_mode
        except OSError:
            raise SourceError(
                f"source '{name}' not found in {self.display_root}/: check the file name{self._suggest(name)}"
            ) from None
        if stat.S_ISDIR(mode):
            raise SourceError(f"source '{name}' is a directory in {self.display_root}/: cite a file in it")
        if not stat.S_ISREG(mode):
            raise SourceError(f"source '{name}' is not a regular file (a pipe, socket or device) in "
                              f"{self.display_root}/: cite a text file")
        size = path.stat().st_size
        if size > self.limits.max_source_bytes:
            raise SourceError(over(f"source '{name}' size in bytes", size, "max_source_bytes",
                                   self.limits.max_source_bytes, "cite a smaller excerpt of the document"))
        try:
            with phase("read"):
                data = _read_bytes(path)
                if self.format(name) in BINARY or not as_text:  # a PDF or a web archive: the extractor reads bytes
                    return data, None
                if self.format(name) == "html":  # in the encoding the page declares, as a browser reads it
                    return data, LONE_CR.sub("\n", decode_html(data))
                return data, LONE_CR.sub("\n", data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise SourceError(f"source '{name}' is not valid UTF-8 text") from None
        except ExtractError as error:
            raise SourceError(f"source '{name}' {error}") from None
        except OSError as error:
            raise SourceError(f"source '{name}' cannot be read: {error.strerror}") from None

    def _stored_name(self, name: str) -> str:
        """The name as stored on disk: a citation in decomposed Unicode (U+0308 after U) names the file written in
        composed form (Ü) and the other way round; names are compared in NFC."""
        if name.isascii() or (self.root / name).exists():
            return name
        wanted = unicodedata.normalize("NFC", name)
        return next((stored for stored in self.names() if unicodedata.normalize("NFC", stored) == wanted), name)

    def _suggest(self, name: str) -> str:
        import difflib

        if self._listed is None:
            self._listed = frozenset(self.names())
        if name in self._listed:
            return ""  # listed, then gone (under a sources root of "/", a process's files): nothing closer to say
        close = difflib.get_close_matches(name, self.names(), n=1, cutoff=0.6) if name.isprintable() else []
        return f" (did you mean '{close[0]}'?)" if close else ""

    def names(self) -> list[str]:
        """Every text document under the root, sorted: where a misattributed quote may really stand.

        Folders that cannot be read are skipped, links to folders not followed (no loop, no walking out of the root).
        """
        if self._names is None:
            found, seen = [], 0
            for folder, subfolders, files in os.walk(self.root) if self.root.is_dir() else ():
                subfolders.sort()
                seen += len(subfolders) + len(files)
                if seen > self.limits.max_source_files:  # sources = "/": stop, and say so (see listing_problem)
                    self.truncated = True
                    break
                for file in sorted(files):
                    path = Path(folder, file)
                    name = path.relative_to(self.root).as_posix()
                    readable = path.suffix.lower() in TEXT_SUFFIXES or format_of(file) is not None or (
                        name in self.declared and self.declared[name].format is not None)  # .warc.gz, format:
                    if not file.startswith(".") and readable and _is_file(path):
                        found.append(name)
            self._names = sorted(found)
        return self._names

    def listing_problem(self) -> Problem | None:
        """When listing the sources stopped at max_source_files, the error that says so."""
        if not self.truncated:
            return None
        return Problem(self.display_root, 1, 1, over(
            "files and folders under the sources root", self.limits.max_source_files + 1, "max_source_files",
            self.limits.max_source_files, "name the folder that holds the sources (the listing stopped there: "
            "suggestions and 'found in another source' looked no further)"))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, opened without blocking: a regular file that never ends a read (/proc/kmsg, under a sources
    root of "/") is an OSError, not a run that hangs."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb") as handle:
        data = handle.read()
    if data is None:  # nothing to read yet, and never an end
        raise BlockingIOError(errno.EAGAIN, "it never ends (a kernel or device file)")
    return data


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a file we may not look at (/proc/1/cwd under sources = "/"): not a source
        return False


@dataclass
class SourceInfo:
    """What sources.yaml says of one source. Only `file` is required: with no `published`, relative
    dates in its quotes stay unresolved; with no `lineage`, it is an independent witness."""

    file: str
    published: str | None
    lineage_of: str | None
    lineage_kind: str | None
    raw: Mapping


def read_metadata(
    root: Path, display_root: str, limits: Limits = Limits()
) -> tuple[dict[str, SourceInfo], list[Problem]]:
    """sources.yaml at the root (optional): metadata by file name, and any problems in it."""
    path = root / METADATA_FILE
    if not path.is_file():
        return {}, []
    loaded = load_file(path, f"{display_root}/{METADATA_FILE}", limits)
    if loaded.data is None:
        return {}, loaded.problems
    problem = top_level_problem(loaded.data, loaded.file)
    if problem:
        return {}, [problem]
    problems = [found for _, found in schema_problems(loaded.data, loaded.file, schema="sources")]
    infos = {}
    for raw in loaded.data.get("sources", []) if isinstance(loaded.data.get("sources"), list) else []:
        if isinstance(raw, Mapping) and isinstance(raw.get("file"), str):
            lineage = raw.get("lineage") if isinstance(raw.get("lineage"), Mapping) else {}
            published = raw.get("published")
            if isinstance(published, str) and not published_in_range(published):
                line, column = raw.value_positions["published"]
                problems.append(Problem(loaded.file, line, column, (
                    f"published: {published!r} is outside the dates factcheck counts from ({EARLIEST_PUBLISHED} to "
                    f"{LATEST_PUBLISHED}; 'next year' or 'tomorrow' is counted from it): correct the date")))
                published = None
            problems += _extract_problems(raw, loaded.file)
            infos[raw["file"]] = SourceInfo(raw["file"], published, lineage.get("of"), lineage.get("kind"), raw)
    if isinstance(loaded.data.get("sources"), list):
        problems += changed_problems(changed_sources(root, loaded.data["sources"]), loaded.file)
    return infos, problems


def declared_of(metadata: dict[str, SourceInfo]) -> dict[str, Declared]:
    """Each source's `url`, `retrieved`, `format` and `extract` as sources.yaml records them (a value of the wrong
    type, or one factcheck does not know, left out: the schema says what is wrong with it)."""
    def text(info: SourceInfo, key: str) -> str | None:
        value = info.raw.get(key)
        return value if isinstance(value, str) else None
    return {name: Declared(text(info, "url"), text(info, "retrieved"),
                           text(info, "format") if text(info, "format") in KNOWN_FORMATS else None,
                           "main" if text(info, "extract") == "main" else "all")
            for name, info in metadata.items()}


def _extract_problems(raw: Mapping, metadata_file: str) -> list[Problem]:
    """`extract: main` on a source that is no HTML page or web archive: it would do nothing, so it is an error."""
    if raw.get("extract") != "main":
        return []
    fmt = raw["format"] if raw.get("format") in KNOWN_FORMATS else format_of(raw["file"]) or "text"
    if fmt in MAIN_CONTENT:
        return []
    line, column = raw.value_positions["extract"]
    return [Problem(metadata_file, line, column, (
        f"extract: main reads the main content of an HTML page or a web archive, and {raw['file']} is read as {fmt}: "
        "remove it, or give the file's format with format:"))]


def update_recorded_hashes(root: Path, display_root: str, limits: Limits = Limits()) -> list[str]:
    """check --update-hashes: every sha256 in sources.yaml that no longer matches its file rewritten (only those
    values; every other byte kept); what was updated, one line each. A sources.yaml with problems is left alone."""
    path = root / METADATA_FILE
    if not path.is_file():
        return []
    loaded = load_file(path, f"{display_root}/{METADATA_FILE}", limits)
    if loaded.data is None or top_level_problem(loaded.data, loaded.file) or not isinstance(
            loaded.data.get("sources"), list) or schema_problems(loaded.data, loaded.file, schema="sources"):
        return []
    changed = changed_sources(root, loaded.data["sources"])
    if changed:
        update_hashes(path, changed)
    return [f"{loaded.file}:{item.line}: sha256 of {item.file} updated from {item.recorded} to {item.actual}"
            for item in changed]


def published_in_range(text: str) -> bool:
    """Whether a publication date leaves room to count relative dates ('next year', 'last week') from it: a
    date at the edge of the calendar (9999-12-30, 0001-01-01) would overflow it. Not a date: the schema says so."""
    try:
        return EARLIEST_PUBLISHED <= date.fromisoformat(text).isoformat() <= LATEST_PUBLISHED
    except ValueError:
        return True
