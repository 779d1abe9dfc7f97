"""How much of each resource one input may drive: every limit a pull request's files could push, in one place.

Each has a [tool.factcheck] setting of the same name (a positive whole number) for a project that really needs
more, and the message that names a limit also names its setting. The README's "Limits and safety" lists them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 10_000_000  # one fact file or sources.yaml, read whole
    max_source_bytes: int = 50_000_000  # one source document, read whole and normalized
    max_nesting: int = 64  # lists and mappings inside each other in a YAML file (at most HARD_MAX_NESTING)
    max_yaml_values: int = 1_000_000  # values in one YAML file once its aliases (*name) are expanded
    max_quote_chars: int = 5_000  # one quote (a citation's or a disputing one): aligning it takes time
    max_entities: int = 100_000  # entities declared across the suite
    max_source_files: int = 100_000  # files and folders listed under the sources root (suggestions, coverage)


# Deeper nesting than this would exhaust Python's recursion while the YAML is built, whatever the setting says.
HARD_MAX_NESTING = 400
SETTINGS = tuple(field.name for field in fields(Limits))


def over(what: str, size: int, setting: str, limit: int, fix: str) -> str:
    """The message for an input over a limit: what, how big, the limit and its setting, what to do."""
    return f"{what}: {size:,}, over the limit of {limit:,} ([tool.factcheck] {setting}): {fix}"
