"""The HTML report (checker.html): what the page holds, escaping, the same bytes from the CLI and pytest, and the
directory written safely. tests/test_html_browser.py opens it in a real browser."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from checker.cli import main
from checker.html.view import Passage, Source, _cut, diff_segments
from tests.helpers import curated_project


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """The curated suite with planted failures, as the working directory."""
    root = curated_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


def page(root, directory="report"):
    return (root / directory / "index.html").read_text(encoding="utf-8")


def fact_article(html: str, fact_id: str) -> str:
    found = re.search(r'<article class="fact[^"]*"[^>]*>\s*<h3>.*?<span class="fact-id">' + re.escape(fact_id)
                      + r"</span>.*?</article>", html, re.DOTALL)
    assert found, f"{fact_id} not listed"
    return found.group()


def test_check_html_writes_the_page_and_its_assets_and_keeps_the_exit_status(planted, capsys):
    assert main(["check", "--html", "report"]) == 1
    assert sorted(os.listdir(planted / "report")) == ["index.html", "report.css", "report.js"]
    html = page(planted)
    assert re.search(r"\b\d+ facts \(4 failing\)", " ".join(html.split()))  # the four planted failures
    failing = fact_article(html, "claim-three-minutes")
    assert 'data-status="fail"' in failing
    assert "<del title=\"the source\">two</del><ins title=\"the quote\">three</ins>" in failing
    assert "closest passage: <q>It came on TamTam two minutes before any announcement</q>" in failing
    assert 'data-status="pass"' in fact_article(html, "attack-date")


def test_everything_from_a_fact_file_or_source_is_text_not_markup(planted, capsys):
    main(["check", "--html", "report"])
    html = page(planted)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned = 2&#34;&gt;" in html
    assert "<script>window" not in html and "<img" not in html
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="report.js" defer>']  # no inline script at all
    assert "script-src 'self'" in html  # and the page's policy would refuse one


def test_the_failing_quote_links_to_its_closest_passage_marked_in_the_source(planted, capsys):
    main(["check", "--html", "report"])
    html = page(planted)
    failing = fact_article(html, "claim-three-minutes")
    anchor = re.search(r'<div class="citation verdict-fail" id="(c\d+)">', failing).group(1)
    assert f'href="#m-{anchor}"' in failing
    assert re.search(rf'<span class="anchor" id="m-{anchor}"></span>(<span class="anchor" id="m-c\d+"></span>)*'
                     rf'<mark class="v-fail" data-cites="[^"]*\b{anchor}\b', html), "no mark where the link points"
    marks = re.findall(r'<mark class="([^"]*)" data-cites="([^"]*)"[^>]*><a href="#(c\d+)">([^<]*)</a></mark>', html)
    mine = [(classes, back, text) for classes, cites, back, text in marks if anchor in cites.split()]
    assert "".join(text for _, _, text in mine) == "It came on TamTam two minutes before any announcement"
    assert all("v-fail" in classes for classes, _, _ in mine)  # a failing passage is marked failing throughout
    backs = {back for _, back, _ in mine}
    assert all(re.search(f'<div class="citation verdict-fail" id="{back}">', html) for back in backs)
    source = re.search(r'<article class="source" id="s1">.*?</article>', html, re.DOTALL).group()
    assert f'id="m-{anchor}"' in source and "seeds/000_12e6b7cc27e0264f.txt" in source


def test_disputes_are_marked_apart_and_shown_side_by_side_with_the_resolution(planted, capsys):
    main(["check", "--html", "report"])
    html = page(planted)
    assert re.search(r'<mark class="v-pass dispute" data-cites="c\d+" title="disputed by claim-date \(pass\)">', html)
    assert re.search(r'<mark class="v-pass mixed" data-cites="[c\d ]+" title="[^"]*; disputed by attack-date', html)
    pair = re.search(r'<div class="finding-pair dispute">.*?attack-date holds 2019-11-29.*?</div>\s*</div>\s*'
                     r'<p class="resolution">resolution: The suite holds Friday 29 November', html, re.DOTALL)
    assert pair, "the dispute is not shown with its resolution"
    assert "{&#34;date&#34;: &#34;2019-11-29&#34;, &#34;weekday&#34;: &#34;Friday&#34;}" in pair.group()
    assert "{&#34;date&#34;: &#34;2019-11-30&#34;, &#34;weekday&#34;: &#34;Saturday&#34;}" in pair.group()


def test_a_contradiction_shows_both_facts_values_and_passages(planted, capsys):
    main(["check", "--html", "report"])
    html = page(planted)
    pair = re.search(r'<div class="finding-pair contradiction">\s*<p class="finding-head">.*?<strong>quantities'
                     r"</strong>.*?(?=<div class=\"finding-pair|</section>)", html, re.DOTALL).group()
    sides = re.findall(r'<div class="side">.*?</div>', pair, re.DOTALL)
    assert len(sides) == 2
    assert "attacker-age</a>" in sides[0] and "{&#34;quantity&#34;: 28" in sides[0]
    assert "attacker-age-29</a>" in sides[1] and "{&#34;quantity&#34;: 29" in sides[1]
    assert "28-year-old British citizen Usman Khan" in sides[0] and "28-year-old British citizen" in sides[1]


def test_lines_no_fact_cites_are_shown_as_uncited(planted, capsys):
    main(["check", "--html", "report"])
    html = page(planted)
    assert '<div class="line uncited" id="s1-L47"><a class="ln" href="#s1-L47">47</a>' \
           '<span class="lt">“The most obvious honey pot ever”</span></div>' in html
    assert re.search(r'<div class="line cited" id="s1-L30">', html)
    assert re.search(r"seeds/000_12e6b7cc27e0264f.txt <span class=\"coverage\">\d+ of \d+ lines cited</span>", html)


def run_pytest(root, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", *args], cwd=root,
                          capture_output=True, text=True, timeout=600)


def test_the_same_run_gives_the_same_bytes_from_the_cli_and_from_pytest(planted, capsys):
    main(["check", "--html", "report"])
    first = page(planted)
    main(["check", "--html", "report"])
    assert page(planted) == first
    result = run_pytest(planted, "--factcheck-html", "pytest-report")
    assert result.returncode == 1
    assert "factcheck HTML report: pytest-report/index.html" in result.stdout
    assert page(planted, "pytest-report") == first


@pytest.mark.parametrize("where, why", [
    ("seeds/report", "inside the sources root"),
    ("a-file", "it is not a directory"),
    ("linked", "is a symbolic link"),
    ("with-link", "is a symbolic link"),
])
def test_a_refused_directory_exits_2_and_writes_nothing(planted, capsys, tmp_path, where, why):
    (planted / "a-file").write_text("keep me", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (planted / "linked").symlink_to(tmp_path / "elsewhere")
    (planted / "with-link").mkdir()
    (planted / "with-link" / "index.html").symlink_to(planted / "facts" / "attack.yaml")
    before = (planted / "facts" / "attack.yaml").read_bytes()
    assert main(["check", "--html", where]) == 2
    err = capsys.readouterr().err
    assert why in err and "Traceback" not in err
    assert os.listdir(tmp_path / "elsewhere") == [] and not (planted / "seeds" / "report").exists()
    assert (planted / "a-file").read_text(encoding="utf-8") == "keep me"
    assert (planted / "facts" / "attack.yaml").read_bytes() == before


def test_pytest_refuses_a_bad_html_directory_before_running(planted):
    result = run_pytest(planted, "--factcheck-html", "seeds/out")
    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "inside the sources root" in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert not (planted / "seeds" / "out").exists()


def test_overlapping_passages_cut_a_line_into_marked_segments():
    source = Source("seeds", "a.txt", "s1")
    source.passages = [Passage("c1", 4, 13, "pass", False, "one"), Passage("c2", 8, 18, "fail", False, "two"),
                       Passage("c3", 20, 24, "pass", True, "three")]
    _cut(source, "The quick brown fox jumps\n\nover")
    first, blank, last = source.lines
    shown = [(s["text"], s["mark"] and s["mark"]["cites"], s["anchors"]) for s in first["segments"]]
    assert shown == [("The ", None, []), ("quic", "c1", ["c1"]), ("k bro", "c1 c2", ["c2"]), ("wn fo", "c2", []),
                     ("x ", None, []), ("jump", "c3", ["c3"]), ("s", None, [])]
    assert first["segments"][2]["mark"]["verdict"] == "fail"  # the worst verdict colours a shared segment
    assert first["segments"][5]["mark"]["dispute"] is True
    assert first["cited"] and blank["blank"] and not last["cited"]
    assert (source.cited_lines, source.text_lines) == (1, 2)


def test_a_diff_splits_into_source_and_quote_words():
    assert diff_segments("It came [-two-]{+three+} minutes") == [
        {"kind": "same", "text": "It came "}, {"kind": "source", "text": "two"}, {"kind": "quote", "text": "three"},
        {"kind": "same", "text": " minutes"},
    ]
