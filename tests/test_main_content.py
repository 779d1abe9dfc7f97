"""`extract: main`: an HTML page (or a web archive's page) read for its main content only (trafilatura), never
silently, located in the file's own lines."""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.formats.html import extract
from checker.match import MatchOptions, locate
from checker.sources import Declared, Library, SourceError

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from render_formats import to_html, to_warc  # noqa: E402

ARTICLE = (REPO / "seeds" / "000_12e6b7cc27e0264f.txt").read_text(encoding="utf-8")
RELATED = ('<aside class="related"><h2>Related stories</h2><ul>\n'
           '<li><a href="/a">Read our full coverage of the inquiry into the London Bridge attack here</a></li>\n'
           '<li><a href="/b">Ten charts that explain how messaging apps moderate extremist channels</a></li>\n'
           '</ul></aside>\n')
PAGE = to_html(ARTICLE).replace("<footer>", RELATED + "<footer>")
ARTICLE_QUOTE = "It came on TamTam two minutes before any announcement"
RELATED_QUOTE = "Read our full coverage of the inquiry into the London Bridge attack here"


def test_main_content_keeps_the_article_and_leaves_navigation_adverts_related_links_and_footer_out():
    everything, article = extract(PAGE), extract(PAGE, main=True)
    for boilerplate in ("Home", "Advertisement", "Related stories", RELATED_QUOTE, "The Outlet"):
        assert boilerplate in everything.text and boilerplate not in article.text, boilerplate
    paragraphs = [p for p in everything.text.split("\n\n") if p in article.text.split("\n\n")]
    assert len(paragraphs) > 20 and "\n\n".join(paragraphs) == article.text  # whole paragraphs, in order
    words = "on TamTam two minutes before"  # each character where it stands in the file, as in the whole text
    assert article.source_map.place(article.text.index(words)) == everything.source_map.place(
        everything.text.index(words))


def test_a_quote_outside_the_main_content_fails_and_one_inside_stands_at_the_same_line(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    whole = Library(tmp_path).document("page.html")
    article = Library(tmp_path, declared={"page.html": Declared(extract="main")}).document("page.html")
    assert locate(RELATED_QUOTE, whole, MatchOptions()).ok and not locate(RELATED_QUOTE, article, MatchOptions()).ok
    place = [(s.line, s.column) for s in locate(ARTICLE_QUOTE, article, MatchOptions()).spans]
    assert place == [(s.line, s.column) for s in locate(ARTICLE_QUOTE, whole, MatchOptions()).spans] != []


def test_a_web_archives_page_is_read_for_its_main_content_too(tmp_path):
    (tmp_path / "capture.warc.gz").write_bytes(to_warc(ARTICLE))
    doc = Library(tmp_path, declared={"capture.warc.gz": Declared(extract="main")}).document("capture.warc.gz")
    assert locate(ARTICLE_QUOTE, doc, MatchOptions()).ok and "Advertisement" not in doc.text


def _project(root: Path, sources_yaml: str) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (root / "seeds" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "seeds" / "note.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(sources_yaml, encoding="utf-8")
    (root / "facts").mkdir()
    (root / "facts" / "a.yaml").write_text(
        f"facts:\n  - id: first\n    claim: It came on TamTam first.\n    citations:\n"
        f"      - {{source: page.html, quote: \"{ARTICLE_QUOTE}\"}}\n", encoding="utf-8")
    return root


def test_every_output_names_the_text_used(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(_project(tmp_path, "sources:\n  - file: page.html\n    extract: main\n"))
    assert main(["check", "--json", "report.json"]) == 0
    (source,) = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["sources"]
    assert source["text"] == "the page's main content (trafilatura)"
    main(["coverage"])
    assert "  read: the page's main content (trafilatura)" in capsys.readouterr().out.split("\n")


def test_main_content_without_trafilatura_is_an_input_error_naming_the_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        Library(tmp_path, declared={"page.html": Declared(extract="main")}).document("page.html")
    assert str(raised.value) == ("source 'page.html' is HTML, and reading its main content (extract: main) needs the "
                                 "optional 'trafilatura' library: pip install \"factcheck[html]\"")
    assert "Advertisement" in Library(tmp_path).document("page.html").text  # the whole page needs no trafilatura


def test_main_content_of_a_source_that_is_no_page_is_an_input_error_at_its_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(_project(tmp_path, "sources:\n  - file: page.html\n  - file: note.txt\n    extract: main\n"))
    assert main(["check"]) == 2
    assert ("seeds/sources.yaml:4:14: extract: main reads the main content of an HTML page or a web archive, and "
            "note.txt is read as text: remove it, or give the file's format with format:") in capsys.readouterr().out


def test_every_curated_citation_passes_against_the_main_content_of_its_page(tmp_path, monkeypatch, capsys):
    """The seed articles served as HTML pages (navigation, an advert, a footer), each read with `extract: main`."""
    from tests.test_formats import _report, _served_as

    project = _served_as("html", tmp_path)
    listed = project / "seeds" / "sources.yaml"
    listed.write_text(re.sub(r"(  - file: \S+\n)", r"\1    extract: main\n", listed.read_text(encoding="utf-8")),
                      encoding="utf-8")
    served = _report(project, monkeypatch)
    plain = _report(REPO, monkeypatch)
    capsys.readouterr()
    assert served["errors"] == []
    assert {s["text"] for s in served["sources"]} == {"the page's main content (trafilatura)"}
    outcome = {fact["id"]: [c["ok"] for c in fact["citations"]] for fact in plain["facts"]}
    assert {fact["id"]: [c["ok"] for c in fact["citations"]] for fact in served["facts"]} == outcome
    shutil.rmtree(project)
