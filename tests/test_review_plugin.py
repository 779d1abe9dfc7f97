"""pytest facts/ --factcheck-sarif FILE --factcheck-markdown FILE: the same files, byte for byte, as the CLI writes
for the same tree (both render the one report document), and never over an input."""
import subprocess
import sys

import pytest

from checker.cli import main
from tests.review_tree import make_review_tree


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_review_tree(tmp_path)


def pytest_run(tree, *options):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-q", *options],
        cwd=tree, capture_output=True, text=True,
    )


def test_the_plugin_writes_what_the_cli_writes(tree):
    main(["check", "--sarif", "cli.sarif", "--markdown", "cli.md", "--json", "cli.json"])
    result = pytest_run(tree, "-p", "no:xdist", "--factcheck-sarif", "pytest.sarif", "--factcheck-markdown",
                        "pytest.md", "--factcheck-json", "pytest.json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (tree / "pytest.json").read_bytes() == (tree / "cli.json").read_bytes()
    assert (tree / "pytest.sarif").read_bytes() == (tree / "cli.sarif").read_bytes()
    assert (tree / "pytest.md").read_bytes() == (tree / "cli.md").read_bytes()


def test_under_xdist_and_without_a_json_report(tree):
    main(["check", "--sarif", "cli.sarif"])
    result = pytest_run(tree, "-n", "2", "--factcheck-sarif", "pytest.sarif")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (tree / "pytest.sarif").read_bytes() == (tree / "cli.sarif").read_bytes()
    assert not list(tree.glob("*.json"))


def test_refused_before_the_run(tree):
    original = (tree / "facts/review.yaml").read_bytes()
    result = pytest_run(tree, "-p", "no:xdist", "--factcheck-markdown", "facts/review.yaml")
    assert result.returncode == 4 and "would overwrite an input" in result.stderr
    assert (tree / "facts/review.yaml").read_bytes() == original
