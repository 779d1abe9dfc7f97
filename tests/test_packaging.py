"""An installed factcheck works outside its checkout: the JSON schemas ship inside the package (issue 14.1).

schema/ at the top of the repository is the published copy (a fact file's `$schema` comment points at it);
checker/schemas/ is what the wheel ships and what the checker reads. They must be the same bytes.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from checker.validate import SCHEMAS, load_schema

REPO = Path(__file__).resolve().parent.parent
PUBLISHED = REPO / "schema"
PACKAGED = REPO / "checker" / "schemas"
FIX = "copy it: cp schema/*.schema.json checker/schemas/"


def test_the_packaged_schemas_are_the_published_ones_byte_for_byte():
    published = sorted(p.name for p in PUBLISHED.glob("*.schema.json"))
    assert published == sorted(p.name for p in PACKAGED.glob("*.schema.json")), FIX
    for name in published:
        same = (PACKAGED / name).read_bytes() == (PUBLISHED / name).read_bytes()
        assert same, f"checker/schemas/{name} differs: {FIX}"


def test_the_checker_reads_the_schemas_from_the_package_not_the_checkout():
    assert Path(str(SCHEMAS)).resolve() == PACKAGED.resolve()
    assert load_schema("facts")["title"] == "factcheck fact file"


def test_the_wheel_ships_the_schemas(tmp_path):
    """Build the wheel from a clean copy of what it is built from (no stale build/ directory can leak in)."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "checker", source / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path / "dist")]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("factcheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for schema in sorted(PUBLISHED.glob("*.schema.json")):
            member = f"checker/schemas/{schema.name}"
            assert member in names, f"{member} is not in {wheel.name}"
            assert archive.read(member) == schema.read_bytes()
        assert "checker/rules/__init__.py" in names and "checker/values/__init__.py" in names
        for name in ("report.html.j2", "report.css", "report.js"):  # the HTML report's template and assets
            assert archive.read(f"checker/html/{name}") == (REPO / "checker" / "html" / name).read_bytes()
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "factcheck = checker.plugin" in archive.read(entry_points).decode()
