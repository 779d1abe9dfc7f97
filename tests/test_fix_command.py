"""factcheck fix: quotes passing only as normalized or fuzzy, and moved pins, rewritten in place; nothing else."""
from __future__ import annotations

import json

import pytest

from checker.cli import main
from tests.helpers import curated_project, make_project

SOURCE = "000_12e6b7cc27e0264f.txt"

COMMENTED = f"""\
# Editors' notes stay where they are.
facts:
  - id: honey-pot   # a fuzzy quote, plain style
    claim: A researcher called it the most obvious honey pot ever.
    citations:
      - source: {SOURCE}
        quote: the most obvious honeypot ever
        lines: 51          # pinned: the phrase stands twice
  - id: two-minutes
    claim: The claim came on TamTam two minutes before any announcement.
    citations:
      # a single-quoted quote with straight apostrophes, pinned to the wrong line
      - quote: 'It came on TamTam two minutes before any announcement'
        source: {SOURCE}
        lines: [12, 13]
  - id: wake
    claim: The attack was on Friday.
    citations:
      - {{source: {SOURCE}, quote: "In the wake of Friday's terror attack near London Bridge"}}  # flow style
  - id: changed-number
    claim: Three minutes.
    citations:
      - source: {SOURCE}
        quote: "It came on TamTam three minutes before any announcement"
  - id: insertion
    claim: Fifty groups.
    citations:
      - source: {SOURCE}
        quote: "I was following arround 50 groups [before the crackdown]"
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(make_project(tmp_path, {"facts/a.yaml": COMMENTED}))
    return tmp_path


def statuses(capsys) -> dict[str, list[tuple[str, bool]]]:
    capsys.readouterr()
    main(["check", "--json", "-"])
    doc = json.loads(capsys.readouterr().out)
    return {f["id"]: [(c["status"], bool(c["moved"])) for c in f["citations"] + f["disputed_by"]]
            for f in doc["facts"]}


def test_fix_rewrites_slips_and_pins_and_keeps_everything_else(project, capsys):
    before = (project / "facts" / "a.yaml").read_text(encoding="utf-8")
    assert statuses(capsys) == {"honey-pot": [("fuzzy", False)], "two-minutes": [("verbatim", True)],
                                "wake": [("normalized", False)], "changed-number": [("mismatch", False)],
                                "insertion": [("fuzzy", False)]}
    assert main(["fix"]) == 0
    captured = capsys.readouterr()
    after = (project / "facts" / "a.yaml").read_text(encoding="utf-8")
    assert after == before.replace(
        "quote: the most obvious honeypot ever", "quote: the most obvious honey pot ever"
    ).replace("lines: [12, 13]", "lines: [30, 30]").replace("Friday's", "Friday’s")
    removed = [line for line in captured.out.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == ["-        quote: the most obvious honeypot ever", "-        lines: [12, 13]",
                       f'-      - {{source: {SOURCE}, quote: "In the wake of Friday\'s terror attack near London '
                       'Bridge"}  # flow style']
    assert captured.out.endswith("rewrote 2 quotes and 1 pins in 1 files; 2 left for an editor\n")
    assert "facts/a.yaml:24: left as it is (mismatch): what the quote should say is an editor's decision" \
        in captured.err
    assert "facts/a.yaml:29: left as it is (fuzzy): it holds an [insertion] or an ellipsis: fix by hand" \
        in captured.err
    assert statuses(capsys) == {"honey-pot": [("verbatim", False)], "two-minutes": [("verbatim", False)],
                                "wake": [("verbatim", False)], "changed-number": [("mismatch", False)],
                                "insertion": [("fuzzy", False)]}
    assert main(["fix"]) == 0  # fixed once: nothing more to do
    assert "rewrote 0 quotes and 0 pins in 0 files" in capsys.readouterr().out


def test_dry_run_prints_the_diff_and_changes_nothing(project, capsys):
    before = (project / "facts" / "a.yaml").read_bytes()
    assert main(["fix", "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/facts/a.yaml\n+++ b/facts/a.yaml\n@@ ")
    assert "+        quote: the most obvious honey pot ever" in out
    assert out.endswith("would rewrite 2 quotes and 1 pins in 1 files; 2 left for an editor\n")
    assert (project / "facts" / "a.yaml").read_bytes() == before


def test_a_file_with_a_bom_and_crlf_line_endings_keeps_them(project, capsys):
    path = project / "facts" / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + COMMENTED.replace("\n", "\r\n").encode("utf-8"))
    assert main(["fix"]) == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == COMMENTED.count("\n")
    assert b"quote: the most obvious honey pot ever\r\n" in raw


def test_a_quote_keeps_its_quoting_style_unless_the_new_text_needs_another(project, capsys):
    (project / "facts" / "a.yaml").write_text(
        f"facts:\n  - id: x\n    claim: c\n    citations:\n      - source: {SOURCE}\n"
        "        quote: 'the crackdown on ISIS-linked Telegram accounts had been years in the making'\n"
        "      - source: 001_2afa2717bd8a4cc8.txt\n"
        "        quote: Michael S. Smith II Terrorism Analyst\n",
        encoding="utf-8")
    assert main(["fix"]) == 0
    text = (project / "facts" / "a.yaml").read_text(encoding="utf-8")
    assert "quote: 'The crackdown on ISIS-linked Telegram accounts had been years in the making'\n" in text
    assert 'quote: "Michael S. Smith II\\n\\nTerrorism Analyst"\n' in text  # a plain scalar cannot hold the break
    assert statuses(capsys)["x"] == [("verbatim", False), ("verbatim", False)]


def test_the_curated_suite_fixed_rechecks_verbatim_and_only_quote_lines_change(tmp_path, monkeypatch, capsys):
    root = curated_project(tmp_path / "copy", planted=None)
    monkeypatch.chdir(root)
    files = {path: path.read_text(encoding="utf-8") for path in sorted((root / "facts").glob("*.yaml"))}
    before = statuses(capsys)
    normalized = sum(s == "normalized" for cites in before.values() for s, _ in cites)
    assert normalized >= 5  # quotes across a paragraph break, at least (9 when this was written)
    assert main(["fix"]) == 0
    out = capsys.readouterr().out
    changed = [line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")]
    assert len(changed) == 2 * normalized and all("quote: " in line for line in changed)
    after = statuses(capsys)
    assert {s for cites in after.values() for s, _ in cites} == {"verbatim", "elided"}
    for path, text in files.items():  # every other line byte for byte
        old, new = text.splitlines(), path.read_text(encoding="utf-8").splitlines()
        assert len(old) == len(new)
        assert [a for a, b in zip(old, new) if a != b] == [a for a in old if a not in new]
        assert all("quote: " in a for a, b in zip(old, new) if a != b)
    assert main(["check"]) == 0
