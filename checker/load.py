"""Strict YAML -> plain data that remembers the file, line and column of every key and item."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from checker.model import Problem

try:  # the C parser is several times faster; positions are the same
    from yaml.cyaml import CParser as _Parser

    _PURE = False
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _PURE = True

Position = tuple[int, int]  # 1-based line, 1-based column


class Mapping(dict):
    """A YAML mapping: a dict that knows where it and each of its keys stand."""

    file: str = ""
    line: int = 0
    column: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_positions: dict[Any, Position] = {}
        self.value_positions: dict[Any, Position] = {}

    def line_of(self, key: Any) -> int:
        """The line of `key` in this mapping, or of the mapping itself when the key is absent."""
        return self.key_positions.get(key, (self.line, self.column))[0]


class Sequence(list):
    """A YAML sequence: a list that knows where it and each of its items stand."""

    file: str = ""
    line: int = 0
    column: int = 0

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_positions: list[Position] = []


class StrictResolver(BaseResolver):
    """YAML 1.2-style plain scalars: only true/false are booleans, dates stay strings.

    PyYAML's default (YAML 1.1) turns `no` into False and `2019-11-29` into a date object;
    a fact file must mean what it says, so neither happens here.
    """


StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)
StrictResolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class StrictConstructor(SafeConstructor):
    """Builds Mapping/Sequence with positions; refuses duplicate keys and merge keys."""

    def construct_located_mapping(self, node: yaml.MappingNode) -> Mapping:
        mapping = _placed(Mapping(), self.file_name, node)
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise ConstructorError(
                    None, None, "merge keys ('<<') are not allowed: write the keys out", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise ConstructorError(None, None, "a key must be a plain scalar", key_node.start_mark)
            if key in mapping:
                first = mapping.key_positions[key][0]
                raise ConstructorError(
                    None, None, f"duplicate key {key!r} (first at line {first}): keep one of them", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_positions[key] = _position(key_node)
            mapping.value_positions[key] = _position(value_node)
        return mapping

    def construct_located_sequence(self, node: yaml.SequenceNode) -> Sequence:
        sequence = _placed(Sequence(), self.file_name, node)
        for item_node in node.value:
            sequence.append(self.construct_object(item_node, deep=True))
            sequence.item_positions.append(_position(item_node))
        return sequence

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise ConstructorError(
            None, None, f"tag {node.tag!r} is not allowed: only plain YAML (no ! tags)", node.start_mark
        )


StrictConstructor.add_constructor("tag:yaml.org,2002:map", StrictConstructor.construct_located_mapping)
StrictConstructor.add_constructor("tag:yaml.org,2002:seq", StrictConstructor.construct_located_sequence)
for _tag in ("binary", "timestamp", "set", "omap", "pairs"):
    StrictConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", StrictConstructor.construct_undefined)
StrictConstructor.add_constructor(None, StrictConstructor.construct_undefined)


if _PURE:  # pragma: no cover
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, StrictConstructor, StrictResolver):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            StrictConstructor.__init__(self)
            StrictResolver.__init__(self)

else:

    class _Loader(_Parser, StrictConstructor, StrictResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            StrictConstructor.__init__(self)
            StrictResolver.__init__(self)


def _position(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1  # PyYAML counts from 0


def _placed(container: Any, file_name: str, node: yaml.Node) -> Any:
    container.file = file_name
    container.line, container.column = _position(node)
    return container


@dataclass
class LoadedFile:
    """One YAML file after loading: its data (None when it could not be read) and any problems."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)


def load_file(path: Path, display_name: str) -> LoadedFile:
    """Read and parse `path`; every failure becomes a Problem naming `display_name`:line:column."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return LoadedFile(display_name, problems=[Problem(display_name, 1, 1, f"cannot read file: {error.strerror}")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return LoadedFile(
            display_name, problems=[Problem(display_name, line, 1, "not valid UTF-8: save the file as UTF-8")]
        )
    return load_text(text, display_name)


def load_text(text: str, display_name: str) -> LoadedFile:
    """Parse YAML text strictly (one document, no duplicate keys, no tags, no YAML 1.1 surprises)."""
    loader = _Loader(text)
    loader.file_name = display_name
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        return LoadedFile(display_name, problems=[_problem_from_yaml(display_name, error)])
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return LoadedFile(display_name, problems=[Problem(display_name, 1, 1, f"invalid YAML: {error}")])
    finally:
        loader.dispose()
    if data is None:
        return LoadedFile(
            display_name, problems=[Problem(display_name, 1, 1, "the file is empty: add a 'facts:' list")]
        )
    return LoadedFile(display_name, data=data)


def _problem_from_yaml(file: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or "invalid YAML"
    if error.context and "duplicate key" not in what:
        what = f"{error.context}: {what}" if "expected a single document" not in what else what
    if "expected a single document" in what:
        what = "more than one YAML document ('---'): keep one document per file"
    elif not isinstance(error, ConstructorError):
        what = f"invalid YAML: {what}"
    return Problem(file, line, column, what)


def position_of(root: Any, path: tuple[Any, ...] | list[Any]) -> Position:
    """The 1-based (line, column) of the node at `path` (keys and indexes), or of its deepest existing parent."""
    node, position = root, (getattr(root, "line", 1) or 1, getattr(root, "column", 1) or 1)
    for step in path:
        if isinstance(node, Mapping) and step in node:
            position = node.key_positions[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and 0 <= step < len(node):
            position = node.item_positions[step]
        else:
            break
        node = node[step]
    return position
