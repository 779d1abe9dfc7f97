"""The pre-commit hook (.pre-commit-hooks.yaml), run by `pre-commit try-repo` on a temporary repository: it checks
what is staged (pre-commit sets unstaged changes aside), fails a staged wrong quote, passes once the fix is staged."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.helpers import GOOD_FACT, WRONG_FACT, make_project

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


def git(root, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True,
                   capture_output=True)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is in the test extra")
def test_the_hook_checks_the_staged_facts(tmp_path):
    newsroom = make_project(tmp_path / "newsroom", {"facts/a.yaml": "facts:\n" + GOOD_FACT})
    git(newsroom, "init", "-q")
    git(newsroom, "add", "-A")
    git(newsroom, "commit", "-q", "-m", "base")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("GITHUB_ACTIONS", None)

    def hook():
        return subprocess.run([PRE_COMMIT, "try-repo", str(REPO), "factcheck"], cwd=newsroom, env=env,
                              capture_output=True, text=True)

    facts = newsroom / "facts/a.yaml"
    facts.write_text("facts:\n" + GOOD_FACT + WRONG_FACT, encoding="utf-8")
    git(newsroom, "add", "facts/a.yaml")
    facts.write_text("facts:\n" + GOOD_FACT, encoding="utf-8")  # fixed, but not staged: the commit would be wrong
    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "facts/a.yaml:7: claim-three-minutes" in failed.stdout
    assert 'quote says "three" where the source says "two"' in failed.stdout
    assert "changed since HEAD: 2 facts checked" in failed.stdout
    assert facts.read_text(encoding="utf-8") == "facts:\n" + GOOD_FACT  # the unstaged fix is put back

    facts.write_text("facts:\n" + GOOD_FACT + GOOD_FACT.replace("claim-first-on-tamtam", "again"), encoding="utf-8")
    git(newsroom, "add", "facts/a.yaml")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "factcheck (the facts this commit touches)" in passed.stdout and "Passed" in passed.stdout
