"""Temporary fact projects for CLI and plugin tests: a pyproject, seeds copied from the repo, fact files."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SEEDS

SOURCE = "000_12e6b7cc27e0264f.txt"
GOOD_QUOTE = "It came on TamTam two minutes before any announcement"

GOOD_FACT = f"""\
  - id: claim-first-on-tamtam
    claim: ISIS's claim of responsibility appeared on TamTam before Telegram.
    citations:
      - source: {SOURCE}
        quote: "{GOOD_QUOTE}"
"""

WRONG_FACT = f"""\
  - id: claim-three-minutes
    claim: The claim came three minutes earlier.
    citations:
      - source: {SOURCE}
        quote: "It came on TamTam three minutes before any announcement"
"""


def make_project(root: Path, files: dict[str, str]) -> Path:
    """A project at `root`: pyproject with [tool.factcheck], the five seeds, and `files` (path -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    shutil.copytree(SEEDS, root / "seeds", dirs_exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
