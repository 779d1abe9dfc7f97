"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright, opened from the file system.

CI installs the browser (.ci/run: apt-get install chromium); elsewhere, without /usr/bin/chromium, these tests skip
and say why. Playwright never downloads a browser here: it launches the system's.
Set FACTCHECK_SCREENSHOT=1 to refresh docs/html-report.png and docs/html-report-source.png, the README's pictures.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from playwright.sync_api import sync_playwright

from checker.cli import main
from tests.conftest import REPO
from tests.helpers import curated_project

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]



@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install it (.ci/run: apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs these tests")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def report(tmp_path, monkeypatch, capsys):
    """The HTML report of the curated suite with planted failures (a changed number, markup in a quote and a claim,
    a contradicted age): its file:// URL."""
    root = curated_project(tmp_path / "project")
    monkeypatch.chdir(root)
    assert main(["check", "--html", str(tmp_path / "report")]) == 1
    capsys.readouterr()
    return (tmp_path / "report" / "index.html").as_uri()


@pytest.fixture
def page(browser, report):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}") or dialog.dismiss())
    page.on("request", lambda request: request.url.startswith("file:") or problems.append(f"network: {request.url}"))
    page.goto(report)
    page.wait_for_load_state("load")
    yield page
    page.close()
    assert problems == []  # no script error, no policy violation, no alert, nothing fetched from a network


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector, "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }"
    )


def test_the_failing_fact_is_listed_with_its_diff(page):
    fact = page.locator("#fact-list .fact", has_text="claim-three-minutes")
    assert fact.is_visible() and fact.get_attribute("data-status") == "fail"
    assert fact.locator(".citation .badge").first.inner_text() == "FAILS"
    assert fact.locator("del").inner_text() == "two" and fact.locator("ins").inner_text() == "three"
    background = fact.locator("del").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded from the file system


def test_clicking_the_failing_citation_scrolls_to_its_highlighted_passage_and_back(page, tmp_path):
    citation = page.locator("#fact-list .fact", has_text="claim-three-minutes").locator(".citation").first
    anchor = citation.get_attribute("id")
    mark = f'mark[data-cites~="{anchor}"]'
    assert not in_viewport(page, mark)
    citation.locator("a.passage-link").click()
    page.wait_for_function(f"location.hash === '#m-{anchor}'")
    assert in_viewport(page, mark)
    marked = page.locator(mark)
    assert "".join(marked.all_inner_texts()) == "It came on TamTam two minutes before any announcement"
    assert all("current" in marked.nth(i).get_attribute("class") for i in range(marked.count()))  # outlined
    assert page.locator(f"#m-{anchor}").evaluate("e => e.closest('.source').querySelector('h3').textContent") \
        .startswith("seeds/000_12e6b7cc27e0264f.txt")
    page.screenshot(path=str(tmp_path / "passage.png"))
    if os.environ.get("FACTCHECK_SCREENSHOT"):
        shutil.copy(tmp_path / "passage.png", REPO / "docs" / "html-report-source.png")
    marked.first.click()  # the passage links back to a failing citation
    page.wait_for_function("location.hash.startsWith('#c')")
    back = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"#{back}").get_attribute("class").startswith("citation verdict-fail")
    assert in_viewport(page, f"#{back}")


def test_the_status_filter_hides_passing_facts_and_search_narrows(page, tmp_path):
    passing = page.locator('#fact-list .fact[data-status="pass"]')
    assert passing.count() > 100 and passing.first.is_visible()
    page.check('#status-filter input[value="fail"]')
    assert all(not passing.nth(i).is_visible() for i in range(passing.count()))
    shown = page.locator("#fact-list .fact:visible .fact-id").all_inner_texts()
    assert shown == ["attacker-age", "claim-three-minutes", "hostile-quote", "attacker-age-29"]
    assert page.locator("#shown-count").inner_text() == "4 shown"
    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    if os.environ.get("FACTCHECK_SCREENSHOT"):
        shutil.copy(tmp_path / "report.png", REPO / "docs" / "html-report.png")
    page.fill("#search", "three minutes")
    assert page.locator("#fact-list .fact:visible .fact-id").all_inner_texts() == ["claim-three-minutes"]
    page.check('#status-filter input[value="pass"]')
    assert page.locator("#fact-list .fact:visible").count() == 0 and page.locator("#no-facts").is_visible()


def test_markup_in_a_quote_or_claim_is_shown_as_text_and_never_runs(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    fact = page.locator("#fact-list .fact", has_text="hostile-quote")
    quote = "<script>window.__pwned = 1</script> It came on TamTam two minutes"
    assert fact.locator("blockquote.quote").inner_text() == quote
    assert 'onerror="window.__pwned = 2"' in fact.locator(".claim").inner_text()
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1  # report.js alone
