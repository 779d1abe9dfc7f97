"""The sources root: each cited document read and normalized once, and sources.yaml metadata."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from checker.load import Mapping, load_file
from checker.match import Document
from checker.model import Problem
from checker.validate import schema_problems, top_level_problem

METADATA_FILE = "sources.yaml"
TEXT_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ""}


class SourceError(Exception):
    """A cited source that cannot be used: missing, outside the root, unreadable."""


@dataclass
class Library:
    """Documents under one root, keyed by the path a citation names (relative to the root)."""

    root: Path
    display_root: str = "seeds"
    _documents: dict[str, Document | SourceError] = field(default_factory=dict)
    _names: list[str] | None = None
    _digests: dict[str, str | SourceError] = field(default_factory=dict)

    def document(self, name: str) -> Document:
        """The document a citation names; raises SourceError (cached too) when it cannot be used."""
        if name not in self._documents:
            self._documents[name] = self._read(name)
        found = self._documents[name]
        if isinstance(found, SourceError):
            raise found
        return found

    def _read(self, name: str) -> Document | SourceError:
        try:
            data, text = self._load(name)
        except SourceError as error:
            return error
        self._digests[name] = hashlib.sha256(data).hexdigest()  # the digest of exactly the text located in
        return Document.from_text(text, name)

    def text(self, name: str) -> str:
        """The text of a source as written (decoded, not normalized); raises SourceError when it cannot be used."""
        if isinstance(self._documents.get(name), Document):
            return self._documents[name].text
        return self._load(name)[1]

    def digest(self, name: str) -> str:
        """A hash of the source's bytes (sha256), which caches key on; raises SourceError like `document`.
        Once the document is read, the digest of the very bytes it was read from."""
        if name not in self._digests:
            try:
                self._digests[name] = hashlib.sha256(self._load(name)[0]).hexdigest()
            except SourceError as error:
                self._digests[name] = error
        found = self._digests[name]
        if isinstance(found, SourceError):
            raise found
        return found

    def _load(self, name: str) -> tuple[bytes, str]:
        """The bytes of a source and their text; raises SourceError naming what is wrong."""
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise SourceError(f"source '{name}' is outside the sources root {self.display_root}/")
        if path.is_dir():
            raise SourceError(f"source '{name}' is a directory in {self.display_root}/: cite a file in it")
        if not path.is_file():
            raise SourceError(
                f"source '{name}' not found in {self.display_root}/: check the file name{self._suggest(name)}"
            )
        try:
            data = path.read_bytes()
            return data, data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SourceError(f"source '{name}' is not valid UTF-8 text") from None
        except OSError as error:
            raise SourceError(f"source '{name}' cannot be read: {error.strerror}") from None

    def _suggest(self, name: str) -> str:
        import difflib

        close = difflib.get_close_matches(name, self.names(), n=1, cutoff=0.6)
        return f" (did you mean '{close[0]}'?)" if close else ""

    def names(self) -> list[str]:
        """Every text document under the root, sorted: where a misattributed quote may really stand."""
        if self._names is None:
            self._names = sorted(
                path.relative_to(self.root).as_posix()
                for path in self.root.rglob("*")
                if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES and not path.name.startswith(".")
            ) if self.root.is_dir() else []
        return self._names


@dataclass
class SourceInfo:
    """What sources.yaml says of one source. Only `file` is required: with no `published`, relative
    dates in its quotes stay unresolved; with no `lineage`, it is an independent witness."""

    file: str
    published: str | None
    lineage_of: str | None
    lineage_kind: str | None
    raw: Mapping


def read_metadata(root: Path, display_root: str) -> tuple[dict[str, SourceInfo], list[Problem]]:
    """sources.yaml at the root (optional): metadata by file name, and any problems in it."""
    path = root / METADATA_FILE
    if not path.is_file():
        return {}, []
    loaded = load_file(path, f"{display_root}/{METADATA_FILE}")
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
            infos[raw["file"]] = SourceInfo(raw["file"], raw.get("published"), lineage.get("of"), lineage.get("kind"), raw)
    return infos, problems
