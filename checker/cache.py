"""The project's cache (.factcheck-cache/): located citations keyed by the content they depend on, and the library's
word index keyed by the library's contents. Safe to delete; an entry that is stale, corrupt or not ours is ignored.

What a located citation depends on, and so its key: the source's bytes (sha256), its name (messages name it), the
quote, its selector, the options it was matched with, and the matcher itself — MATCHER_VERSION, a fingerprint of
checker/match's source files, the Unicode database and the versions of the libraries the matcher judges with. Any
change to checker/match that can change a Match must bump MATCHER_VERSION (the fingerprint is a safety net, not a
substitute: an installed copy may carry only compiled files). A quote found in another source also depends on
every other source: that part of an entry is trusted only for the library contents it was found with.

A source in another format than plain text is also kept as extracted (kind "extracted"): its text and the map back
to the file, keyed by the file's bytes (sha256), its format, the extraction's options (`extract:`, a web archive's
page) and the extractor itself (a fingerprint of checker/formats and the versions of the libraries it reads with),
so a re-run neither parses an HTML page nor reads a PDF's text layer again.

Writers never leave a half-written file: each writes a temporary file in the same directory and renames it into
place (`os.replace`), so concurrent runs (pytest-xdist workers) at worst both compute an entry, and a reader sees a
whole file or none. The cache is an optimisation only: a file that cannot be written is skipped.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import tempfile
import unicodedata
from array import array
from dataclasses import asdict
from functools import lru_cache
from importlib import metadata
from json.encoder import encode_basestring_ascii
from operator import itemgetter
from pathlib import Path
from typing import Any

import checker.formats as formats_package
import checker.match as match_package
from checker.formats import Extracted, SourceMap
from checker.index import SourceIndex
from checker.match import MatchOptions
from checker.model import Citation, Match, Span

MATCHER_VERSION = 2  # bump whenever checker/match changes what it answers for a quote (README: Development)
DIRECTORY = ".factcheck-cache"
MATCH_KEYS = {"status": str, "ok": bool, "score": (int, float), "matched": str, "diff": str, "moved": str}
MATCH_FIELDS = {*MATCH_KEYS, "spans", "differences"}
_match_values = itemgetter(*MATCH_KEYS)  # in match_from_json's order


@lru_cache(maxsize=1)
def _judged_by() -> str:
    """The matcher's version and what it judges with: a change in any of them makes every entry stale. Besides
    MATCHER_VERSION, a fingerprint of checker/match's own source files, so that an edit nobody versioned still
    never reads results the old code produced."""
    code, versions = _made_by(Path(match_package.__file__).parent, ("rapidfuzz", "pyspellchecker"))
    unicode = f"unicode{unicodedata.unidata_version}"
    return "-".join([f"matcher{MATCHER_VERSION}", code, unicode, *versions])


@lru_cache(maxsize=1)
def _extracted_by() -> str:
    """What an extraction depends on besides the file: checker/formats' source files and its libraries' versions."""
    code, versions = _made_by(
        Path(formats_package.__file__).parent, ("selectolax", "markdown-it-py", "pypdfium2", "warcio", "trafilatura")
    )
    return "-".join([code, *versions])


def _made_by(package: Path, libraries: tuple[str, ...]) -> tuple[str, list[str]]:
    """A fingerprint of a package's own source files, and the versions of the libraries it works with."""
    code = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        code.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return code.hexdigest()[:12], _versions(libraries)


@lru_cache(maxsize=1)
def search_fingerprint() -> str:
    """A fingerprint of the code that narrows the search of other sources (checker/index.py, checker/word_pairs.py):
    what the word index and the answers found through it are keyed by besides the library, so that a change to
    which words a document is indexed under never leaves a stored index, or a "found nowhere", standing."""
    package = Path(match_package.__file__).parent.parent
    code = hashlib.sha256()
    for name in ("index.py", "word_pairs.py"):
        path = package / name
        code.update(name.encode("utf-8") + b"\0" + (path.read_bytes() if path.is_file() else b"?") + b"\0")
    return code.hexdigest()[:12]


def _versions(libraries: tuple[str, ...]) -> list[str]:
    """Each library as name-version ("name-none" when it is not installed)."""
    versions = []
    for library in libraries:
        try:
            versions.append(f"{library}-{metadata.version(library)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{library}-none")
    return versions


def extraction_key(source_digest: str, fmt: str, options: dict[str, Any]) -> str:
    """What a source's extracted text depends on: its bytes, its format, the extraction's options, the extractor."""
    return digest(source_digest, fmt, options, _extracted_by())


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of every module and schema of the checker package, with the Python and the libraries that read the
    fact files: what entries derived by more than the matcher (rule findings, schema problems) are keyed by, so
    that any edit or upgrade makes them stale."""
    package = Path(match_package.__file__).parent.parent
    code = hashlib.sha256(sys.version.encode())
    for version in _versions(("jsonschema", "PyYAML")):
        code.update(f"\0{version}".encode())
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.json")]):
        code.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return code.hexdigest()


class Cache:
    """JSON entries under <project>/.factcheck-cache/<matcher and its libraries>/<kind>/<key>.json."""

    def __init__(self, project_root: Path) -> None:
        self.top = project_root / DIRECTORY
        self.root = self.top / _judged_by()

    def read(self, kind: str, key: str) -> Any:
        """The value stored under (kind, key), or None when there is none or it cannot be trusted."""
        try:
            stored = json.loads(self._path(kind, key).read_text(encoding="utf-8"), parse_constant=_refused)
        except (OSError, ValueError, RecursionError):  # unreadable, not JSON (or NaN: never written), nested too deep
            return None
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        return stored.get("value")

    def write(self, kind: str, key: str, value: Any) -> None:
        """Store `value` under (kind, key) atomically; silently skipped when the cache cannot be written."""
        path = self._path(kind, key)
        temporary = None
        try:
            self._create(path.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                # json.dumps, not json.dump: only the one-shot encoder is written in C (a large entry, such as the
                # library's index, costs seconds through the pure-Python one); ASCII: any name survives
                out.write(json.dumps({"key": key, "value": value}, separators=(",", ":")))
            os.replace(temporary, path)
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)

    def beside(self, kind: str, key: str, suffix: str) -> Path:
        """A file next to the entry (kind, key), such as its lock, with its directory created; raises OSError."""
        path = self._path(kind, key).with_suffix(suffix)
        self._create(path.parent)
        return path

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def _create(self, directory: Path) -> None:
        """The directory, and at the top a .gitignore and CACHEDIR.TAG so that nothing backs up or commits it."""
        if not self.top.is_dir():
            self.top.mkdir(parents=True, exist_ok=True)
            (self.top / ".gitignore").write_text("# created by factcheck: safe to delete\n*\n", encoding="utf-8")
            (self.top / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# factcheck's cache: safe to delete\n", encoding="utf-8"
            )
        directory.mkdir(parents=True, exist_ok=True)


def _refused(constant: str) -> Any:
    """NaN and Infinity, which json.loads would accept: no entry holds them, so one that does is not ours."""
    raise ValueError(f"{constant} in a cache entry")


def digest(*parts: Any) -> str:
    """A key for JSON-able parts (sha256 of their canonical JSON)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("ascii")).hexdigest()


def citation_key(citation: Citation, options: MatchOptions, project: MatchOptions) -> str:
    """What a located citation depends on besides its source's bytes: name, quote, selector and both options
    (the quote's own, and the project's that the search in other sources uses).

    The very key `digest(source, quote, selector, options, project)` gives (each as a dict), its JSON written out
    here: a warm run asks for a key per quote, and the options, the same for nearly every quote, are encoded once."""
    selector = _json_of(asdict(citation.selector)) if citation.selector is not None else "null"
    parts = [_string(citation.source), _string(citation.quote), selector, _options_json(options),
             _options_json(project)]
    return hashlib.sha256(f"[{', '.join(parts)}]".encode("ascii")).hexdigest()


_string = encode_basestring_ascii  # what json.dumps writes for a str, as `digest` calls it


def _json_of(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


@lru_cache(maxsize=64)
def _options_json(options: MatchOptions) -> str:
    return _json_of(asdict(options))


# ---- the stored forms --------------------------------------------------------------------------


def span_to_json(span: Span) -> list[int | None]:
    return [span.start, span.end, span.line, span.column, span.page]


def span_from_json(data: Any) -> Span | None:
    """The Span stored: four numbers and its page (a PDF's) or null. An entry without the page (written before PDF
    sources had pages) is not trusted: a PDF's location would lose its page."""
    if type(data) is list and len(data) == 5 and type(data[0]) is int and type(data[1]) is int and type(
            data[2]) is int and type(data[3]) is int and (data[4] is None or type(data[4]) is int):
        return Span(*data)
    return None


def match_to_json(match: Match) -> dict[str, Any]:
    stored = {key: getattr(match, key) for key in MATCH_KEYS}
    return {**stored, "spans": [span_to_json(s) for s in match.spans], "differences": list(match.differences)}


def match_from_json(data: Any) -> Match | None:
    """The Match stored, or None when the entry is not exactly what `match_to_json` writes: each of MATCH_KEYS of
    its type (a bool is no score), spans, differences as text. (Checked field by field, not in a loop over
    MATCH_KEYS: a warm run reads 100,000 of them.)"""
    if type(data) is not dict or data.keys() != MATCH_FIELDS:
        return None
    status, ok, score, matched, diff, moved = _match_values(data)
    if not (type(status) is str and type(ok) is bool and type(score) in (int, float) and type(matched) is str
            and type(diff) is str and type(moved) is str):
        return None
    spans, differences = data["spans"], data["differences"]
    spans = [span_from_json(s) for s in spans] if type(spans) is list else [None]
    if None in spans or type(differences) is not list or (differences and not all(
            type(d) is str for d in differences)):
        return None
    return Match(status=status, ok=ok, score=score, matched=matched, diff=diff, moved=moved, spans=tuple(spans),
                 differences=tuple(differences))


def found_in_to_json(found_in: tuple[str, Span] | None) -> list[Any] | None:
    return None if found_in is None else [found_in[0], span_to_json(found_in[1])]


def found_in_from_json(data: Any) -> tuple[str, Span] | None | bool:
    """The stored (name, span) or None; False when the entry is damaged."""
    if data is None:
        return None
    if isinstance(data, list) and len(data) == 2 and isinstance(data[0], str) and span_from_json(data[1]):
        return data[0], span_from_json(data[1])
    return False


def extracted_to_json(extracted: Extracted) -> dict[str, Any]:
    """Extracted text and its map, the offsets as runs [first file offset, length] of offsets rising by one (a page's
    text is mostly such runs, broken where a tag, an entity or a paragraph break stood)."""
    runs: list[list[int]] = []
    for offset in extracted.source_map.offsets:
        if runs and runs[-1][0] + runs[-1][1] == offset:
            runs[-1][1] += 1
        else:
            runs.append([offset, 1])
    source_map = extracted.source_map
    return {"text": extracted.text, "runs": runs, "line_starts": source_map.line_starts,
            "pages": list(source_map.pages), "capture": list(source_map.capture) if source_map.capture else None}


def extracted_from_json(data: Any) -> Extracted | None:
    """The Extracted stored, or None when the entry is not exactly what `extracted_to_json` writes."""
    if not isinstance(data, dict) or set(data) != {"text", "runs", "line_starts", "pages", "capture"}:
        return None
    text, runs, capture = data["text"], data["runs"], data["capture"]
    numbers = [data["line_starts"], data["pages"]]
    if not isinstance(text, str) or not isinstance(runs, list) or not all(
            isinstance(run, list) and len(run) == 2 and all(type(n) is int and n >= 0 for n in run) for run in runs):
        return None
    if not all(isinstance(items, list) and all(type(n) is int for n in items) for items in numbers):
        return None
    if capture is not None and not (isinstance(capture, list) and len(capture) == 2
                                    and all(isinstance(part, str) for part in capture)):
        return None
    offsets = array("q")
    for start, length in runs:
        offsets.extend(range(start, start + length))
    if len(offsets) != len(text) + 1:
        return None
    return Extracted(text, SourceMap(offsets, numbers[0], tuple(numbers[1]), tuple(capture) if capture else None))


def index_to_json(index: SourceIndex) -> dict[str, Any]:
    """The index as stored: each word's source numbers as base64 of little-endian unsigned integers, two bytes each
    (four past 65,536 sources) — a string per word, written and read in C, where a JSON list costs an object per
    number (on 1 GB of sources, 16 M of them)."""
    typecode = _index_typecode(len(index.names))
    postings = {}
    for word, numbers in index.postings.items():
        packed = array(typecode, numbers)
        if sys.byteorder == "big":
            packed.byteswap()
        postings[word] = base64.b64encode(packed.tobytes()).decode("ascii")
    return {"names": index.names, "numbers": typecode, "postings": postings}


def index_from_json(data: Any) -> SourceIndex | None:
    """The stored index, or None when it is not one: the source numbers are read as the shared ints 0..N-1, so
    the loaded index holds one reference per number, as the built one does."""
    if not isinstance(data, dict) or not isinstance(data.get("names"), list):
        return None
    names, postings, typecode = data["names"], data.get("postings"), data.get("numbers")
    if not isinstance(postings, dict) or typecode != _index_typecode(len(names)):
        return None
    if not all(isinstance(name, str) for name in names):
        return None
    shared = list(range(len(names)))
    lists: dict[str, list[int]] = {}
    for word, packed in postings.items():
        try:
            numbers = array(typecode, base64.b64decode(packed, validate=True))
        except (TypeError, ValueError):  # not a string, not base64 (binascii.Error), not whole numbers
            return None
        if sys.byteorder == "big":
            numbers.byteswap()
        if numbers and max(numbers) >= len(names):
            return None
        lists[word] = list(map(shared.__getitem__, numbers))
    return SourceIndex(names, lists)


def _index_typecode(sources: int) -> str:
    return "H" if sources <= 1 << 16 else "I"
