"""The Markdown summary (`--markdown FILE`): counts, a table of failures linking to file#Lline, warnings, the
acknowledged disputes with their resolutions, a ```suggestion for a slip, long lists collapsed, input text inert."""
import pytest

from checker.cli import main
from tests.helpers import WRONG_FACT, make_project
from tests.review_tree import make_review_tree


@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)
    return make_review_tree(tmp_path)


def summary(tree) -> str:
    main(["check", "--markdown", "summary.md"])
    return (tree / "summary.md").read_text(encoding="utf-8")


def test_counts_failures_warnings_and_disputes(tree):
    text = summary(tree)
    assert text.startswith("## factcheck: 2 input errors, 5 of 7 facts fail\n")
    assert "| citations | 6: 4 passed, 2 failed |" in text
    assert "### Failures (6)" in text and "### Warnings (2)" in text
    row = next(line for line in text.splitlines() if line.startswith("| claim-three-minutes |"))
    assert "[facts/review.yaml:9](facts/review.yaml#L9)" in row
    assert "<code>It came on TamTam three minutes before any announcement</code>" in row  # the quote
    assert "<code>It came on TamTam two minutes before any announcement</code>" in row  # what the source says
    assert r"\[-two-\]{+three+}" in row  # the diff
    disputes = text.split("### Acknowledged disputes (1)")[1]
    assert "claim-date" in disputes and "moved every date by a day" in disputes


def test_a_slip_gets_a_suggestion_with_the_corrected_yaml_line(tree):
    text = summary(tree)
    assert (
        "```suggestion\n"
        '        quote: "It came on TamTam two minutes before any announcement"\n'
        "```"
    ) in text
    assert text.count("```suggestion") == 1  # a changed number is no obvious fix


def test_links_point_at_the_commit_in_github_actions(tree, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "newsroom/facts")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    assert "(https://github.com/newsroom/facts/blob/abc123/facts/review.yaml#L9)" in summary(tree)


def test_input_text_cannot_format_the_page(tree):
    row = next(line for line in summary(tree).splitlines() if line.startswith("| hostile |"))
    assert "<b>" not in row and "&lt;b&gt;any&lt;/b&gt;" in row
    assert r"\| \!\[x\](http://e/x.png) \`tick\` &#64;someone" in row  # no cell break, image, code span or mention
    assert row.count(" | ") == 5  # six cells, as the header says


def test_hundreds_of_failures_stay_readable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = "".join(WRONG_FACT.replace("claim-three-minutes", f"wrong-{i:03}") for i in range(120))
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + facts})
    assert main(["check", "--markdown", "summary.md"]) == 1
    text = (tmp_path / "summary.md").read_text(encoding="utf-8")
    shown, collapsed = text.split("<details><summary>100 more</summary>")
    assert shown.count("| wrong-") == 20 and collapsed.count("| wrong-") == 100
    assert collapsed.rstrip().endswith("</details>")


def test_the_same_run_gives_the_same_bytes(tree):
    assert summary(tree) == summary(tree)


def test_a_moved_pin_gets_a_suggestion_moving_it(tmp_path, monkeypatch):
    from tests.helpers import GOOD_FACT
    monkeypatch.chdir(tmp_path)
    single = GOOD_FACT.replace("        quote:", "        lines: 12\n        quote:")
    ranged = GOOD_FACT.replace("claim-first-on-tamtam", "ranged").replace(
        "        quote:", "        lines: [10, 11]\n        quote:")
    make_project(tmp_path, {"facts/a.yaml": "facts:\n" + single + ranged})
    assert main(["check", "--markdown", "summary.md"]) == 0
    text = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "### Suggested fixes (2)" in text
    assert "claim-first-on-tamtam at facts/a.yaml:6: move the pin to where the quote stands" in text
    assert "```suggestion\n        lines: 30\n```" in text
    assert "ranged at facts/a.yaml:12" in text and "```suggestion\n        lines: [30, 31]\n```" in text
