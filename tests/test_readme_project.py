"""README "Use it in your own project", followed to the letter (issue 14.8): it cannot drift from reality.

Every file the section shows (a bold `path` caption, then its code block) is the file of the same path in
examples/licences/, byte for byte, and the example holds no file the section leaves out. The section's
shell blocks then run, in order, in a fresh folder outside the checkout holding those files: they make a
virtual environment, install factcheck from a clean copy of this checkout (the one stand-in: the README's
`/path/to/factcheck`), and check the project with `factcheck check` and `pytest facts/`.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "licences"
CHECKOUT_PLACEHOLDER = "/path/to/factcheck"


def section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("\n## Use it in your own project\n")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def shown_files() -> dict[str, str]:
    return dict(re.findall(r"^\*\*`([^`]+)`\*\*\n\n```\w*\n(.*?)^```$", section(), flags=re.M | re.S))


def shell_blocks() -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", section(), flags=re.M | re.S)


def test_the_section_shows_the_example_project_file_for_file():
    files = shown_files()
    on_disk = {p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*") if p.is_file()}
    assert set(files) == on_disk
    for path, text in files.items():
        assert (EXAMPLE / path).read_text(encoding="utf-8") == text, f"README shows another {path}"


def test_the_sections_commands_run_the_example_project(tmp_path):
    checkout = tmp_path / "factcheck"  # what is built from, without the checkout's build/ or .venv/
    checkout.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, checkout / name)
    shutil.copytree(REPO / "checker", checkout / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    project = tmp_path / "licences"
    for path, text in shown_files().items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    blocks = shell_blocks()
    assert len(blocks) == 2 and CHECKOUT_PLACEHOLDER in blocks[0]
    script = "\n".join(blocks).replace(CHECKOUT_PLACEHOLDER, str(checkout))
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("VIRTUAL_ENV", "PYTHONPATH") and not k.startswith("PYTEST")}
    ran = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=project, env=environment,
                         capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert re.search(r"^5 facts \(0 failing\), 5 citations: 5 passed, 0 failed", ran.stdout, flags=re.M), ran.stdout
    assert re.search(r"\b7 passed in ", ran.stdout), ran.stdout
    assert _installed_at(project, environment).startswith(str(project / ".venv")), "not the project's own install"


def _installed_at(project: Path, environment: dict[str, str]) -> str:
    """Where the installed package lives: the project's own virtual environment, not the checkout."""
    python = project / ".venv" / "bin" / "python"
    found = subprocess.run([str(python), "-c", "import checker; print(checker.__file__)"], cwd=project,
                           env=environment, capture_output=True, text=True, timeout=60)
    return found.stdout.strip()
