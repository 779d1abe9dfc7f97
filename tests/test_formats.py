"""Sources as they come (issue 15): HTML and Markdown read as a reader sees them, located in the file's own lines.

The curated suite runs against its seed articles served as HTML pages and as Markdown notes (bench/render_formats.py
makes them: navigation, scripts, an advert, <em> and <a> inside cited sentences, &amp; and &nbsp;): every fact that
passes against the plain text passes against each format, at the file's own line.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.formats.html import extract as extract_html
from checker.formats.markdown import extract as extract_markdown
from checker.match import MatchOptions, locate
from checker.sources import Declared, Library, SourceError

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from render_formats import FONT, FORMAT_SUFFIX, render, to_warc  # noqa: E402

PAGE = """<!DOCTYPE html>
<html><head><title>Not shown</title>
<style>p { color: red }</style>
<script>var s = "<p>not text</p>"; if (a < b) {}</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<p>The board <em>approved</em> the plan &amp; the
   <a href="/b">budget</a> on&nbsp;Monday.</p>
<div hidden>Subscribe now</div><div style="display: none">Also hidden</div>
<span aria-hidden="true">icon</span>
<template><p>Template text</p></template>
<p>Use <code>bc</code> to compute it &lt;quickly&gt;.</p>
<pre>
line one
  line  two</pre>
</body></html>
"""


def test_html_keeps_what_a_reader_sees_and_drops_the_rest():
    text = extract_html(PAGE).text
    assert "The board approved the plan & the\nbudget on\u00a0Monday." in text  # a line end stays one, white space
    assert "Use bc to compute it <quickly>." in text
    assert "line one\n  line  two" in text  # <pre> keeps its white space
    for hidden in ("Not shown", "not text", "color", "Subscribe", "Also hidden", "icon", "Template text"):
        assert hidden not in text
    paragraphs = [part.strip() for part in text.split("\n\n")]
    assert "Home | News" in paragraphs and paragraphs.index("Home | News") < 2  # blocks end paragraphs


def test_html_locations_are_the_files_own_line_and_column():
    extracted = extract_html(PAGE)
    for word, line in (("approved", 7), ("budget", 8), ("Monday", 8), ("bc", 12), ("quickly", 12), ("two", 15)):
        offset = extracted.text.index(word)
        at_line, column = extracted.source_map.place(offset)
        assert at_line == line, word
        assert PAGE.split("\n")[line - 1][column - 1:].startswith(word)
    amp = extracted.source_map.place(extracted.text.index("&"))
    assert PAGE.split("\n")[amp[0] - 1][amp[1] - 1:].startswith("&amp;")


def test_markdown_renders_links_code_and_escapes_at_the_notes_own_lines():
    note = "# Notes\n\nRead [INSTALL][] and run `bc` \\*now\\* &amp; **then** stop.\n\n[INSTALL]: https://x/y\n"
    extracted = extract_markdown(note)
    assert "Read INSTALL and run bc *now* & then stop." in extracted.text
    assert "https" not in extracted.text
    for word in ("INSTALL", "bc", "now", "then", "stop"):
        line, column = extracted.source_map.place(extracted.text.index(word))
        assert line == 3 and note.split("\n")[2][column - 1:].startswith(word), word


def test_a_quote_over_markup_matches_and_points_at_the_html_line(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    doc = Library(tmp_path).document("page.html")
    match = locate("the plan & the budget on Monday", doc, MatchOptions())
    assert match.ok and match.status in ("verbatim", "normalized")
    span = match.spans[0]
    assert span.line == 7 and PAGE.split("\n")[6][span.column - 1:].startswith("the plan &amp;")
    assert not locate("Use code bc to compute it", doc, MatchOptions()).ok  # the tag is no word of the page


def test_a_word_hyphenated_over_a_line_end_of_the_page_still_joins(tmp_path):
    (tmp_path / "page.html").write_text("<p>a post-territorial insur-\n     gency grew</p>\n", encoding="utf-8")
    match = locate("a post-territorial insurgency grew", Library(tmp_path).document("page.html"), MatchOptions())
    assert match.ok and match.status == "normalized"


@pytest.mark.parametrize("module, fmt, suffix", [("selectolax.lexbor", "html", "page.html"),
                                                  ("markdown_it", "md", "note.md"), ("pypdfium2", "pdf", "report.pdf"),
                                                  ("warcio.archiveiterator", "warc", "capture.warc")])
def test_a_format_without_its_extra_is_an_input_error_naming_the_install(tmp_path, monkeypatch, module, fmt, suffix):
    monkeypatch.setitem(sys.modules, module, None)  # as if the extra were not installed: importing it fails
    (tmp_path / suffix).write_text("<p>text</p>\n", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        Library(tmp_path).document(suffix)
    assert f'pip install "factcheck[{fmt}]"' in str(raised.value)
    assert str(raised.value).startswith(f"source '{suffix}' is ")


def test_a_missing_extra_fails_the_citation_with_its_file_and_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "board.yaml").write_text(
        "facts:\n  - id: board-approved\n    claim: The board approved the plan.\n    citations:\n"
        "      - {source: page.html, quote: \"The board approved the plan\"}\n", encoding="utf-8")
    assert main(["check"]) != 0
    out = capsys.readouterr().out
    assert "facts/board.yaml:5" in out and 'pip install "factcheck[html]"' in out


def _served_as(fmt: str, tmp_path: Path) -> Path:
    """The repository's curated project with every seed article in `fmt`, its citations renamed to match."""
    project = tmp_path / fmt
    shutil.copytree(REPO / "facts", project / "facts")
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    (project / "seeds").mkdir()
    renamed = {}
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        name = seed.stem + FORMAT_SUFFIX[fmt]
        renamed[seed.name] = name
        served = render(seed.read_text(encoding="utf-8"), fmt)
        if isinstance(served, bytes):
            (project / "seeds" / name).write_bytes(served)
        else:
            (project / "seeds" / name).write_text(served, encoding="utf-8")
    rename = re.compile("|".join(re.escape(old) for old in renamed))
    for path in [project / "seeds" / "sources.yaml", *sorted((project / "facts").rglob("*.yaml"))]:
        source = REPO / path.relative_to(project) if path.parent.name != "seeds" else REPO / "seeds" / path.name
        path.write_text(rename.sub(lambda m: renamed[m.group()], source.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def _report(project: Path, monkeypatch) -> dict:
    monkeypatch.chdir(project)
    main(["check", "--json", "report.json"])
    return json.loads((project / "report.json").read_text(encoding="utf-8"))


def _file_lines(path: Path, page: int | None) -> list[str]:
    """The lines a person sees: the file's own, or a PDF page's text layer."""
    if path.name.endswith(".warc.gz"):  # the captured page's lines
        return _captured_page(path.read_bytes()).split("\n")
    if page is None:
        return path.read_text(encoding="utf-8").split("\n")
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return document[page - 1].get_textpage().get_text_range().replace("\r\n", "\n").split("\n")
    finally:
        document.close()


@pytest.mark.parametrize("fmt", ["html", "md", "pdf", "warc"])
def test_every_curated_fact_passes_against_its_source_served_in_the_format(fmt, tmp_path, monkeypatch, capsys):
    if fmt == "pdf" and not Path(FONT).is_file():
        pytest.skip(f"no {FONT} to typeset the PDF fixture with")
    plain = _report(REPO, monkeypatch)
    served = _report(_served_as(fmt, tmp_path), monkeypatch)
    capsys.readouterr()
    assert served["errors"] == []
    outcome = {fact["id"]: [c["ok"] for c in fact["citations"]] for fact in plain["facts"]}
    assert {fact["id"]: [c["ok"] for c in fact["citations"]] for fact in served["facts"]} == outcome
    assert sum(map(len, outcome.values())) > 100
    fuzzy = {(f["id"], c["quote"]) for f in plain["facts"] for c in f["citations"] if c["status"] == "fuzzy"}
    for fact in served["facts"]:
        fact_lines = (tmp_path / fmt / fact["file"]).read_text(encoding="utf-8").split("\n")
        for citation in fact["citations"]:
            assert citation["status"] != "fuzzy" or (fact["id"], citation["quote"]) in fuzzy  # markup is no slip
            if citation["moved"]:  # only a `lines:` pin, which counts the plain text's lines, may point elsewhere
                assert "lines:" in " ".join(fact_lines[citation["line"] - 1:citation["line"] + 2])
    seeds = {path.name.split(".")[0]: path for path in (tmp_path / fmt / "seeds").iterdir()}
    for fact in served["facts"]:
        for citation in fact["citations"]:
            if citation["ok"] and citation["location"]:  # the location opens on the cited words in the file
                where = citation["location"]
                assert ("page" in where) == (fmt == "pdf")
                lines = _file_lines(seeds[Path(citation["source"]).name.split(".")[0]], where.get("page"))
                first_word = re.match(r"\W*(\w+)", citation["matched"]).group(1)
                assert first_word in lines[where["line"] - 1] + lines[min(where["line"], len(lines) - 1)], citation


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    if not Path(FONT).is_file():
        pytest.skip(f"no {FONT} to typeset the PDF fixture with")
    (tmp_path / "report.pdf").write_bytes(render((REPO / "seeds" / "000_12e6b7cc27e0264f.txt").read_text(
        encoding="utf-8"), "pdf"))
    return tmp_path / "report.pdf"


def test_a_quote_across_a_pdf_page_break_matches_at_its_page_and_line(report_pdf):
    doc = Library(report_pdf.parent).document("report.pdf")
    second_page = doc.source_map.text_offset(doc.source_map.pages[1])
    before = re.search(r"(?:\w+\W+){5}\w+\W*$", doc.text[:second_page]).group()
    after = re.match(r"(\W*\w+){6}", doc.text[second_page:]).group()
    quote = " ".join((before + " " + after).split())
    match = locate(quote, doc, MatchOptions())
    assert match.ok, (quote, match.status)
    first = match.spans[0]
    assert first.page == 1 and doc.text[first.start:first.end].split()[-1] == after.split()[-1]
    page_one = _file_lines(report_pdf, 1)
    assert before.split()[0] in page_one[first.line - 1]
    assert doc.where(doc.find(" ".join(after.split()[-2:]).lower())).startswith("report.pdf:p2:L")


def test_a_pdf_location_is_written_page_and_line(report_pdf, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "."\nfacts = ["facts"]\n', encoding="utf-8")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(
        "facts:\n  - id: crackdown\n    claim: A crackdown began on Nov 25.\n    citations:\n"
        "      - {source: report.pdf, quote: \"a major crackdown that began on Nov 52\"}\n", encoding="utf-8")
    assert main(["check", "--json", "report.json"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"report\.pdf:p1:L\d+", out), out
    import jsonschema

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads((REPO / "schema" / "report.schema.json").read_text(encoding="utf-8")))
    assert report["facts"][0]["citations"][0]["location"]["page"] == 1
    html = tmp_path.parent / f"{tmp_path.name}-html"  # outside the sources root, which is the project here
    assert main(["check", "--html", str(html), "--json", "warm.json"]) == 1  # a warm run: located from the cache
    assert (tmp_path / "warm.json").read_bytes() == (tmp_path / "report.json").read_bytes()  # the page kept
    assert re.search(r'class="passage-link"[^>]*>\./report\.pdf:p1:L\d+<', (html / "index.html").read_text("utf-8"))


def test_a_pdf_without_a_text_layer_is_an_input_error(tmp_path):
    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()
    scan.rect(20, 20, 100, 60, style="F")  # a page of drawing, as a scan is of images: no text to read
    (tmp_path / "scan.pdf").write_bytes(bytes(scan.output()))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(SourceError, match=r"source 'scan.pdf' is a PDF with no text layer .*no OCR"):
        Library(tmp_path).document("scan.pdf")
    with pytest.raises(SourceError, match=r"source 'broken.pdf' is not a PDF pypdfium2 can read"):
        Library(tmp_path).document("broken.pdf")


def _captured_page(data: bytes, url: str | None = None) -> str:
    """The HTML payload of a WARC's response for `url` (or its last one), read with warcio directly."""
    import io

    from warcio.archiveiterator import ArchiveIterator

    pages = {record.rec_headers.get_header("WARC-Target-URI"): record.content_stream().read().decode("utf-8")
             for record in ArchiveIterator(io.BytesIO(data)) if record.rec_type == "response"}
    return pages[url] if url else list(pages.values())[-1]


def test_a_web_archive_serves_the_page_its_url_names_located_in_that_page(tmp_path):
    article = (REPO / "seeds" / "002_e6b1a6874fc6dd1e.txt").read_text(encoding="utf-8")
    url = "https://example.org/news/article"
    data = to_warc(article, url, others=("https://example.org/news/other",))
    (tmp_path / "capture.warc.gz").write_bytes(data)
    library = Library(tmp_path, declared={"capture.warc.gz": Declared("https://example.org/news/other/")})
    assert "Another page" in library.document("capture.warc.gz").text  # the page url: names, not the first
    library = Library(tmp_path, declared={"capture.warc.gz": Declared(url)})
    doc = library.document("capture.warc.gz")
    assert doc.source_map.capture == (url, "2019-12-04T09:30:00Z")
    quote = "A single tweet pointed the way"
    match = locate(quote, doc, MatchOptions())
    assert match.ok
    page = _captured_page(data, url).split("\n")
    assert "single" in page[match.spans[0].line - 1]
    first = Library(tmp_path).document("capture.warc.gz").text  # no url: the first HTML response, not robots.txt
    assert "Another page" in first and "robots" not in first


def test_a_web_archive_without_the_page_is_an_input_error(tmp_path):
    (tmp_path / "capture.warc.gz").write_bytes(to_warc("Some text of the page.", "https://example.org/a"))
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nnot really\r\n")
    with pytest.raises(SourceError, match=r"holds no response record of the page https://example.org/b .*"
                                          r"among its 2 responses"):
        Library(tmp_path, declared={"capture.warc.gz": Declared("https://example.org/b")}).document("capture.warc.gz")
    with pytest.raises(SourceError, match=r"source 'broken.warc' is not a web archive warcio can read"):
        Library(tmp_path).document("broken.warc")


def _declared_project(root: Path, sources_yaml: str) -> Path:
    """An HTML page saved as page.txt and a Markdown note with no ending, cited; sources.yaml as given."""
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (root / "seeds" / "page.txt").write_text(PAGE, encoding="utf-8")
    (root / "seeds" / "NOTES").write_text("# Notes\n\nRun `bc` \\*now\\* &amp; **then** stop.\n", encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(sources_yaml, encoding="utf-8")
    (root / "facts").mkdir()
    (root / "facts" / "a.yaml").write_text(
        "facts:\n  - id: board\n    claim: The board approved the budget.\n    citations:\n"
        "      - {source: page.txt, quote: \"The board approved the plan & the budget on Monday\"}\n"
        "  - id: notes\n    claim: Run bc now.\n    citations:\n"
        "      - {source: NOTES, quote: \"Run bc *now* & then stop\"}\n", encoding="utf-8")
    return root


def test_a_source_declares_its_format_when_its_name_does_not_say_it(tmp_path, monkeypatch, capsys):
    declared = "sources:\n  - file: page.txt\n    format: html\n  - file: NOTES\n    format: markdown\n"
    report = _report(_declared_project(tmp_path / "declared", declared), monkeypatch)
    assert report["errors"] == [] and all(fact["ok"] for fact in report["facts"])
    board = report["facts"][0]["citations"][0]
    assert board["location"]["line"] == 7  # the HTML file's own line, as for page.html
    assert [(s["source"], s["format"]) for s in report["sources"]] == [("NOTES", "markdown"), ("page.txt", "html")]
    plain = _report(_declared_project(tmp_path / "plain", "sources:\n  - file: page.txt\n"), monkeypatch)
    assert not any(fact["ok"] for fact in plain["facts"])  # read by their names: the markup is in the way


def test_a_declared_format_text_reads_an_html_file_as_it_is(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    assert Library(tmp_path, declared={"page.html": Declared(format="text")}).document("page.html").text == PAGE


def test_an_unknown_format_is_an_input_error_naming_the_line_and_the_known_formats(tmp_path, monkeypatch, capsys):
    _declared_project(tmp_path, "sources:\n  - file: page.txt\n    format: htm\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert ("seeds/sources.yaml:3:5: 'format': 'htm' is not one of: text, html, markdown, pdf, warc: "
            "did you mean 'html'?") in capsys.readouterr().out.split("\n")


@pytest.mark.parametrize("seed", sorted(path.name for path in (REPO / "seeds").glob("*.txt")))
def test_an_elision_over_a_pdf_page_break_passes_within_a_paragraph_and_fails_across_one(seed):
    """At every page break of each seed article typeset as a PDF: "last words … first words" stands when the break
    falls inside a paragraph of the article, and fails when it falls between two (a page whose last line closes a
    sentence with room left for the next page's first word ends its paragraph, though no gap shows it)."""
    if not Path(FONT).is_file():
        pytest.skip(f"no {FONT} to typeset the PDF fixture with")
    from checker.formats.pdf import extract
    from checker.match import Document

    plain = (REPO / "seeds" / seed).read_text(encoding="utf-8")
    extracted = extract(render(plain, "pdf"))
    doc = Document.from_text(extracted.text, seed, extracted.source_map)
    checked = 0
    for page_start in extracted.source_map.pages[1:]:
        at = extracted.source_map.text_offset(page_start)
        before, after = extracted.text[:at].split()[-6:], extracted.text[at:].split()[:6]
        if before[-1].endswith(("-", "\u00ad")):  # a word hyphenated over the break: not two passages
            continue
        found = re.search(r"\s+".join(map(re.escape, before)) + r"(\s+)" + r"\s+".join(map(re.escape, after)), plain)
        if found is None:  # the article's words are not the page's (a bullet, a re-wrapped line)
            continue
        same_paragraph = not re.search(r"\n[ \t]*\n", found.group(1))
        match = locate(" ".join(before) + " … " + " ".join(after), doc, MatchOptions())
        assert match.ok == same_paragraph, (" ".join(before), " ".join(after), match.status)
        checked += 1
    assert checked or len(extracted.source_map.pages) == 1
