"""Loaded fact files kept in the project's cache (checker.cache), by bytes and name, the limits and the package.

Parsing YAML is most of a warm run's loading (the C parser still builds a node per value, and the loader a position
per key); a file whose bytes, display name, limits and checker (code, Python, PyYAML) are unchanged loads to the same
data, so it is read from the cache instead: every mapping and list with the line and column of it and of each key,
value and item, so that every message still names its file:line. The entry is JSON, read back only when it is exactly
what `loaded_to_json` writes (a damaged or planted entry is ignored, and the file parsed anew); reading one runs no
code.

The stored form: the data, where a mapping is the list [0, [its keys], [their values]] and a list [1, [its items]]
(every list a collection: no scalar is a list; JSON tells strings, numbers, booleans and null apart as YAML's plain
scalars do), and apart from it every position as one list of numbers, in the order the data is walked: a mapping's
line and column, then per key its line, column and its value's line and column; a list's line and column, then
each item's; then the positions inside the first value or item, and so on.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from checker.cache import Cache, digest, package_fingerprint
from checker.limits import HARD_MAX_NESTING, Limits
from checker.load import _PURE, LoadedFile, Mapping, Sequence, load_bytes, read_file
from checker.model import Problem

LOADED = "loaded"  # the cache's kind for a loaded fact file
MAPPING, SEQUENCE = 0, 1

Loader = Callable[[Path, str, Limits], LoadedFile]


def cached_loader(cache: Cache) -> Loader:
    """A `load_file` that reads a file whose bytes, name and limits it has loaded before from the cache, and
    stores what it loads anew."""

    def load(path: Path, display_name: str, limits: Limits = Limits()) -> LoadedFile:
        raw = read_file(path, display_name, limits)
        if isinstance(raw, LoadedFile):  # too large or unreadable: nothing to key on
            return raw
        file_digest = hashlib.sha256(raw).hexdigest()
        key = digest(package_fingerprint(), "libyaml" if not _PURE else "pure", display_name, file_digest,
                     asdict(limits))
        stored = loaded_from_json(cache.read(LOADED, key), display_name)
        if stored is not None:
            stored.digest = file_digest
            return stored
        loaded = load_bytes(raw, display_name, limits, file_digest)
        if loaded.digest:  # parsed (not refused as undecodable): worth keeping
            cache.write(LOADED, key, loaded_to_json(loaded))
        return loaded

    return load


def loaded_to_json(loaded: LoadedFile) -> dict[str, Any]:
    positions: list[int] = []
    return {"data": _to_json(loaded.data, positions), "positions": positions,
            "problems": [[p.file, p.line, p.column, p.message] for p in loaded.problems]}


def _to_json(value: Any, positions: list[int]) -> Any:
    if isinstance(value, Mapping):
        positions += [value.line, value.column]
        for key in value:
            positions += [*value.key_positions[key], *value.value_positions[key]]
        return [MAPPING, list(value), [_to_json(item, positions) for item in value.values()]]
    if isinstance(value, Sequence):
        positions += [value.line, value.column]
        for position in value.item_positions:
            positions += position
        return [SEQUENCE, [_to_json(item, positions) for item in value]]
    return value


class Damaged(Exception):
    """A stored entry that is not exactly what `loaded_to_json` writes."""


def loaded_from_json(data: Any, display_name: str) -> LoadedFile | None:
    """The LoadedFile stored (its data's mappings and lists placed in `display_name`), or None when the entry is
    not exactly what `loaded_to_json` writes."""
    if not isinstance(data, dict) or data.keys() != {"data", "positions", "problems"}:
        return None
    positions, problems = data["positions"], []
    if not isinstance(data["problems"], list) or not isinstance(positions, list):
        return None
    if not set(map(type, positions)) <= {int} or (positions and min(positions) < 1):  # lines, columns: from 1
        return None
    for entry in data["problems"]:
        if not (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str) and type(entry[1]) is int
                and type(entry[2]) is int and isinstance(entry[3], str)):
            return None
        problems.append(Problem(*entry))
    walk = iter(positions)
    try:
        value = _from_json(data["data"], display_name, walk.__next__, 1)
    except (Damaged, StopIteration, TypeError):  # TypeError: a key JSON holds but YAML's scalars cannot (a list)
        return None
    if next(walk, None) is not None:
        return None
    return LoadedFile(display_name, data=value, problems=problems)


def _from_json(stored: Any, file: str, position: Callable[[], int], depth: int) -> Any:
    if type(stored) is not list:
        if type(stored) is dict:
            raise Damaged
        return stored
    if depth > HARD_MAX_NESTING or not stored:
        raise Damaged
    kind = stored[0]
    if kind == MAPPING and type(kind) is int and len(stored) == 3:
        keys, values = stored[1], stored[2]
        if type(keys) is not list or type(values) is not list or len(keys) != len(values):
            raise Damaged
        mapping = Mapping(zip(keys, values))
        if len(mapping) != len(keys):  # each key once (a key that is no scalar, a list, raised TypeError)
            raise Damaged
        mapping.file, mapping.line, mapping.column = file, position(), position()
        key_positions, value_positions = mapping.key_positions, mapping.value_positions
        for key in keys:
            key_positions[key] = (position(), position())
            value_positions[key] = (position(), position())
        for key, value in zip(keys, values):
            if type(value) is list or type(value) is dict:
                mapping[key] = _from_json(value, file, position, depth + 1)
        return mapping
    if kind == SEQUENCE and type(kind) is int and len(stored) == 2 and type(stored[1]) is list:
        items = stored[1]
        sequence = Sequence(items)
        sequence.file, sequence.line, sequence.column = file, position(), position()
        sequence.item_positions = [(position(), position()) for _ in items]
        for at, item in enumerate(items):
            if type(item) is list or type(item) is dict:
                sequence[at] = _from_json(item, file, position, depth + 1)
        return sequence
    raise Damaged
