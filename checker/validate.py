"""Loaded YAML against the JSON schemas: every violation becomes a Problem at the offending key's line.

The schemas ship inside the package (checker/schemas/, read with importlib.resources), so an installed
wheel validates as a checkout does; schema/ at the top of the repository is the published copy that
fact files' `$schema` comment points at, kept byte for byte identical by a test.
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match, relevance

from checker.load import Mapping, position_of
from checker.model import Problem

SCHEMAS = resources.files("checker") / "schemas"


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    """The JSON schema checker/schemas/<name>.schema.json, as shipped in the package (read once per process)."""
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    """The validator for the schema <name> (facts, sources or report), its local references written out."""
    schema = load_schema(name)
    return Draft202012Validator(_references_inlined(schema, schema), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _references_inlined(node: Any, root: dict[str, Any], following: tuple[str, ...] = ()) -> Any:
    """`node` with each local "$ref" ("#/$defs/...") that stands alone replaced by the schema it points at: the same
    schema, validated without resolving a reference per fact and field (about 40 % of the time of validating a
    large fact file). A reference on a cycle, or beside other keywords, is kept as it is."""
    if isinstance(node, list):
        return [_references_inlined(item, root, following) for item in node]
    if not isinstance(node, dict):
        return node
    target = node.get("$ref")
    if isinstance(target, str) and len(node) == 1 and target.startswith("#/") and target not in following:
        pointed: Any = root
        for step in target[2:].split("/"):
            pointed = pointed[step.replace("~1", "/").replace("~0", "~")]
        return _references_inlined(pointed, root, following + (target,))
    return {key: _references_inlined(value, root, following) for key, value in node.items()}


def schema_problems(data: Any, file: str, schema: str = "facts") -> list[tuple[tuple[Any, ...], Problem]]:
    """Every schema violation in `data` as (path, Problem), sorted by position.

    The path is the JSON path of the offending node, so callers can tell which fact it belongs to.
    """
    found = []
    for error in validator(schema).iter_errors(data):
        error = _most_specific(error)
        for where, message in _explain(error, data):
            line, column = position_of(data, where)
            found.append((where, Problem(file, line, column, message)))
    found.sort(key=lambda item: (item[1].line, item[1].column, item[1].message))
    return _unique(found)


def _most_specific(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf failures, the error of the branch the instance was evidently meant to fit."""
    while error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        chosen = min(branches.values(), key=_misfit)
        error = best_match(chosen, key=relevance) or chosen[0]
    return error


def _misfit(errors: list[ValidationError]) -> tuple[int, int]:
    """How badly a branch fits: shape errors at its root (wrong type, unknown or missing keys) weigh most."""
    shape = sum(not e.relative_path and e.validator in ("type", "required", "additionalProperties") for e in errors)
    return shape, len(errors)


def _explain(error: ValidationError, data: Any) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Editor-facing messages: name the key, say what to do."""
    path = tuple(error.absolute_path)
    titled = path and isinstance(error.schema, dict) and "title" in error.schema  # "rule kind before"; not the file's
    within = f" for {error.schema['title']}" if titled else ""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed), key=str):
            yield path + (key,), _unknown_key(key, allowed, within)
        return
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        yield path, f"missing required key '{missing}'{within}"
        return
    yield path, f"{_where(path)}{_short(error)}"


def _unknown_key(key: Any, allowed: list[str], within: str = "") -> str:
    """`within` names the schema the key is unknown to (" for rule kind before"), from its title."""
    close = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
    return f"unknown key '{key}'{within}: {hint}"


def _where(path: tuple[Any, ...]) -> str:
    return f"'{path[-1]}': " if path and not isinstance(path[-1], int) else ""


def _short(error: ValidationError) -> str:
    if error.validator == "pattern" and error.schema.get("description"):
        return f"{error.instance!r} does not fit: {error.schema['description']}"
    if error.validator == "enum":
        options = [str(option) for option in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), options, n=1) if isinstance(error.instance, str) else []
        hint = f": did you mean '{close[0]}'?" if close else ""
        return f"{error.instance!r} is not one of: {', '.join(options)}{hint}"
    if error.validator == "type":
        return f"{error.instance!r} should be of type {error.validator_value}"
    if error.validator == "oneOf" and all(set(branch) == {"required"} for branch in error.validator_value):
        keys = " or ".join(repr(key) for branch in error.validator_value for key in branch["required"])
        return f"give {keys}, not both"  # {token: ..., value: ...} on one waiver
    return error.message


def _unique(found: list[tuple[tuple[Any, ...], Problem]]) -> list[tuple[tuple[Any, ...], Problem]]:
    seen, kept = set(), []
    for path, problem in found:
        if problem not in seen:
            seen.add(problem)
            kept.append((path, problem))
    return kept


def top_level_problem(data: Any, file: str) -> Problem | None:
    """A file whose top level is not a mapping cannot be split into facts at all."""
    if isinstance(data, Mapping):
        return None
    line, column = position_of(data, ())
    return Problem(file, line, column, "expected a mapping with a 'facts:' list at the top of the file")
