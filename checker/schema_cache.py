"""Schema problems kept in the project's cache (checker.cache), by the fact file's bytes and name and the package.

Validating a fact file against the JSON schema is most of loading it (jsonschema descends into every fact), and every
pytest-xdist worker loads the whole suite to collect it; a file whose bytes, display name and checker (code and
schemas) are unchanged has the same problems, so they are read from the cache instead. A damaged entry is ignored.
"""
from __future__ import annotations

import json
from typing import Any

from checker.cache import Cache, digest, package_fingerprint
from checker.load import LoadedFile
from checker.model import Problem
from checker.suite import ProblemsOf
from checker.validate import schema_problems

VALIDATED = "validated"  # the cache's kind for a fact file's schema problems

Found = list[tuple[tuple[Any, ...], Problem]]


def cached_schema_problems(cache: Cache) -> ProblemsOf:
    """A `problems_of` for read_suite: each file's schema problems from the cache, or validated and stored; asked
    twice for one file (read_suite's `order`, then building the suite), it answers from memory."""
    known: dict[int, tuple[LoadedFile, Found]] = {}

    def problems_of(loaded: LoadedFile) -> Found:
        if id(loaded) in known:
            return known[id(loaded)][1]
        found = _problems(cache, loaded)
        known[id(loaded)] = (loaded, found)  # the file is kept with its answer: its id is not reused meanwhile
        return found

    return problems_of


def _problems(cache: Cache, loaded: LoadedFile) -> Found:
    if not loaded.digest:  # not read through load_file: nothing to key on
        return schema_problems(loaded.data, loaded.file)
    key = digest(package_fingerprint(), loaded.file, loaded.digest)
    stored = problems_from_json(cache.read(VALIDATED, key))
    if stored is not None:
        return stored
    found = schema_problems(loaded.data, loaded.file)
    data = problems_to_json(found)
    if problems_from_json(json.loads(json.dumps(data))) == found:  # a path JSON cannot hold is not stored
        cache.write(VALIDATED, key, data)
    return found


def problems_to_json(found: Found) -> list[Any]:
    return [[list(path), [p.file, p.line, p.column, p.message]] for path, p in found]


def problems_from_json(data: Any) -> Found | None:
    """The problems stored, or None when the entry is not what `problems_to_json` writes."""
    if not isinstance(data, list):
        return None
    found = []
    for entry in data:
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)
                and isinstance(entry[1], list) and len(entry[1]) == 4):
            return None
        file, line, column, message = entry[1]
        if not (isinstance(file, str) and type(line) is int and type(column) is int and isinstance(message, str)):
            return None
        found.append((tuple(entry[0]), Problem(file, line, column, message)))
    return found
