"""Strict YAML -> plain data that remembers the file, line and column of every key and item."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import BaseResolver

from checker.limits import HARD_MAX_NESTING, Limits, over
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

    def construct_bounded_int(self, node: yaml.ScalarNode) -> int:
        digits = len(node.value.lstrip("+-"))
        if digits > MAX_NUMBER_DIGITS:
            raise ConstructorError(None, None, _too_large(node.value, digits), node.start_mark)
        return int(node.value)

    def construct_bounded_float(self, node: yaml.ScalarNode) -> float:
        number = float(node.value)
        if number in (float("inf"), float("-inf")):
            raise ConstructorError(None, None, _too_large(node.value, len(node.value)), node.start_mark)
        return number

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise ConstructorError(
            None, None, f"tag {node.tag!r} is not allowed: only plain YAML (no ! tags)", node.start_mark
        )


StrictConstructor.add_constructor("tag:yaml.org,2002:map", StrictConstructor.construct_located_mapping)
StrictConstructor.add_constructor("tag:yaml.org,2002:seq", StrictConstructor.construct_located_sequence)
StrictConstructor.add_constructor("tag:yaml.org,2002:int", StrictConstructor.construct_bounded_int)
StrictConstructor.add_constructor("tag:yaml.org,2002:float", StrictConstructor.construct_bounded_float)
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


# Where a tag could stand: a "!" opening a token (a claim's "Wow!" does not); only then are the events read.
TAG_HINT = re.compile(r"(?:^|[\s\[{,])!")

# A number a float cannot hold (more than 308 digits, or 1e400) is no quantity a fact states: refused, not
# silently made infinite (nor, past 4,300 digits, a crash in int()).
MAX_NUMBER_DIGITS = 308


def _too_large(text: str, digits: int) -> str:
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]}"
    return (f"the number {shown} ({digits:,} characters) is too large for a fact file (at most {MAX_NUMBER_DIGITS} "
            "digits, below 1e308): put it in quotes to keep it as text")


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
    digest: str = ""  # sha256 of the bytes read (load_file), which caches of what is derived from them key on


def load_file(path: Path, display_name: str, limits: Limits = Limits()) -> LoadedFile:
    """Read and parse `path`; every failure becomes a Problem naming `display_name`:line:column."""
    raw = read_file(path, display_name, limits)
    return raw if isinstance(raw, LoadedFile) else load_bytes(raw, display_name, limits)


def read_file(path: Path, display_name: str, limits: Limits = Limits()) -> bytes | LoadedFile:
    """The bytes of `path`, or the LoadedFile of the problem that stops it being read (too large, unreadable)."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            message = over("file size in bytes", size, "max_file_bytes", limits.max_file_bytes,
                           "split it into several files")
            return LoadedFile(display_name, problems=[Problem(display_name, 1, 1, message)])
        return path.read_bytes()
    except OSError as error:
        return LoadedFile(display_name, problems=[Problem(display_name, 1, 1, f"cannot read file: {error.strerror}")])


def load_bytes(raw: bytes, display_name: str, limits: Limits = Limits(), digest: str = "") -> LoadedFile:
    """Decode and parse a file's bytes (`digest`: their sha256 when already taken)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return LoadedFile(
            display_name, problems=[Problem(display_name, line, 1, "not valid UTF-8: save the file as UTF-8")]
        )
    loaded = load_text(text, display_name, limits)
    loaded.digest = digest or hashlib.sha256(raw).hexdigest()
    return loaded


def load_text(text: str, display_name: str, limits: Limits = Limits()) -> LoadedFile:
    """Parse YAML text strictly (one document, no duplicate keys, no tags, no YAML 1.1 surprises), within `limits`
    (nesting, values once aliases are expanded), before anything is built from it."""
    tagged = _explicit_tag(text, display_name) if TAG_HINT.search(text) else None
    if tagged:
        return LoadedFile(display_name, problems=[tagged])
    loader = _Loader(text)
    loader.file_name = display_name
    try:
        node = loader.get_single_node()
        bounds = _bounds_problem(node, display_name, limits) if node is not None else None
        if bounds:
            return LoadedFile(display_name, problems=[bounds])
        data = loader.construct_document(node) if node is not None else None
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


def _explicit_tag(text: str, file: str) -> Problem | None:
    """The first tag written in the text (`!!float 1e400`, `!!str 3`, `!custom`): the README's rule is plain YAML,
    so a tag is an error even where it would change nothing. None when there is none (or the YAML is broken:
    the parse that follows reports that)."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            tag = getattr(event, "tag", None)
            if tag is not None:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                line, column = event.start_mark.line + 1, event.start_mark.column + 1
                return Problem(file, line, column,
                               f"tag {shown!r} is not allowed: only plain YAML (no ! tags): write the value plainly")
    except yaml.YAMLError:
        return None
    return None


def _bounds_problem(root: yaml.Node, file: str, limits: Limits) -> Problem | None:
    """Nesting deeper than max_nesting, or more than max_yaml_values values once aliases are expanded (a
    "billion laughs" file is a few lines whose aliases expand to billions of values): the node where it happens.

    Walks the node graph once (an alias is the same node object as its anchor), without recursion."""
    depth_limit = min(limits.max_nesting, HARD_MAX_NESTING)
    expanded: dict[int, int] = {}  # id(node) -> values under it, aliases counted in full
    opened: set[int] = set()  # collections whose values are being counted
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in expanded:
            continue
        if not isinstance(node, yaml.CollectionNode):
            expanded[id(node)] = 1
            continue
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value
        if children_done:
            expanded[id(node)] = 1 + sum(expanded.get(id(child), 1) for child in children)
            opened.discard(id(node))
            if expanded[id(node)] > limits.max_yaml_values:
                message = over("values once the aliases (*name) are expanded", expanded[id(node)], "max_yaml_values",
                               limits.max_yaml_values, "write the values out instead of repeating aliases")
                return Problem(file, *_position(node), message)
            continue
        if id(node) in opened:
            return Problem(file, *_position(node), "an alias (*name) inside the value it names: write the values out")
        if depth > depth_limit:
            message = over("lists and mappings nested inside each other", depth, "max_nesting", depth_limit,
                           "flatten the structure")
            return Problem(file, *_position(node), message)
        opened.add(id(node))
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in expanded)
    return None


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
