"""Where each cited source comes from, in every output: its format and the text read, sources.yaml's url and
retrieved date, and for a web archive the page captured and when (issue 15: the report shows them)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from checker.cli import main
from checker.report import document
from checker.validate import validator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from render_formats import to_html, to_warc  # noqa: E402

ARTICLE = (REPO / "seeds" / "002_e6b1a6874fc6dd1e.txt").read_text(encoding="utf-8")
URL = "https://example.org/news/article"
QUOTE = "A single tweet pointed the way"

SOURCES_YAML = f"""\
sources:
  - file: capture.warc.gz
    url: {URL}
    retrieved: "2019-12-05"
  - file: page.html
    url: https://example.org/page
    retrieved: "2020-01-02"
  - file: note.txt
    retrieved: "2021-03-04"
"""


def fact(fact_id: str, source: str, quote: str = QUOTE) -> str:
    return (f"  - id: {fact_id}\n    claim: A tweet pointed the way.\n    citations:\n"
            f"      - source: {source}\n        quote: \"{quote}\"\n")


def project(root: Path) -> Path:
    """A project citing a web archive, an HTML page and plain text, with what sources.yaml records of each; one more
    plain text source that no fact cites and sources.yaml says nothing of."""
    (root / "seeds").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (root / "seeds" / "capture.warc.gz").write_bytes(to_warc(ARTICLE, URL, others=("https://example.org/other",)))
    (root / "seeds" / "page.html").write_text(to_html(ARTICLE), encoding="utf-8")
    (root / "seeds" / "note.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "seeds" / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(SOURCES_YAML, encoding="utf-8")
    (root / "facts").mkdir()
    (root / "facts" / "a.yaml").write_text("facts:\n" + fact("archived", "capture.warc.gz") + fact("page", "page.html")
                                           + fact("note", "note.txt") + fact("plain", "plain.txt"), encoding="utf-8")
    return root


EXPECTED = [
    {"source": "capture.warc.gz", "format": "warc", "text": "the captured page's visible text", "url": URL,
     "retrieved": "2019-12-05", "captured": {"url": URL, "date": "2019-12-04T09:30:00Z"}},
    {"source": "note.txt", "format": "text", "text": "the file as it is", "url": None, "retrieved": "2021-03-04",
     "captured": None},
    {"source": "page.html", "format": "html", "text": "the page's visible text", "url": "https://example.org/page",
     "retrieved": "2020-01-02", "captured": None},
    {"source": "plain.txt", "format": "text", "text": "the file as it is", "url": None, "retrieved": None,
     "captured": None},
]


def test_the_json_report_says_where_each_cited_source_comes_from(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(project(tmp_path))
    assert main(["check", "--json", "report.json"]) == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["sources"] == EXPECTED
    assert list(validator("report").iter_errors(report)) == []


def test_the_report_of_a_fact_subset_names_only_the_sources_its_facts_cite():
    facts = [{"id": "a", "file": "f.yaml", "line": 1, "ok": True, "claim": "c", "errors": [], "disputed_by": [],
              "citations": [{"source": "capture.warc.gz", "ok": True, "status": "verbatim", "moved": None}]}]
    doc = document(facts, [], [], sources=EXPECTED + EXPECTED[:1])  # recorded twice (two facts on two workers)
    assert doc["sources"] == EXPECTED[:1]


def test_coverage_names_the_text_read_and_where_it_comes_from(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(project(tmp_path))
    main(["coverage"])
    out = capsys.readouterr().out.split("\n")
    at = next(i for i, line in enumerate(out) if line.startswith("seeds/capture.warc.gz: "))
    assert out[at + 1:at + 4] == [
        "  read: the captured page's visible text",
        f"  from: {URL} (retrieved 2019-12-05)",
        f"  captured: {URL} at 2019-12-04T09:30:00Z",
    ]
    at = next(i for i, line in enumerate(out) if line.startswith("seeds/note.txt: "))
    assert out[at + 1] == "  from: no url recorded (retrieved 2021-03-04)"
    at = next(i for i, line in enumerate(out) if line.startswith("seeds/plain.txt: "))
    assert not out[at + 1].startswith(("  read:", "  from:"))  # plain text from nowhere recorded: nothing to say
    page = (tmp_path / "seeds" / "page.html").read_text(encoding="utf-8").split("\n")
    uncited = [line.split(": uncited: ") for line in out if line.startswith("  seeds/page.html:")]
    assert len(uncited) > 10
    for where, sentence in uncited:  # each at the page's own line, where an editor opens it
        assert re.search(r"\w+", sentence).group() in page[int(where.rsplit(":", 1)[1]) - 1], (where, sentence)


def test_the_html_report_and_the_markdown_summary_show_it_too(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(project(tmp_path))
    assert main(["check", "--html", "html", "--markdown", "summary.md"]) == 0
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert f'<p class="origin">captured: {URL} at 2019-12-04T09:30:00Z</p>' in page
    assert '<p class="origin">read: the page&#39;s visible text</p>' in page
    assert '<p class="origin">from: https://example.org/page (retrieved 2020-01-02)</p>' in page
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "### Sources: the text read, where each comes from (3)" in summary
    line = next(line for line in summary.split("\n") if "capture.warc.gz" in line)
    assert "captured: https://example.org/news/article at 2019-12-04T09:30:00Z" in line.replace("\\", "")
    section = summary.split("### Sources: the text read, where each comes from (3)")[1]
    assert "plain.txt" not in section.split("###")[0]


def test_the_report_is_the_same_bytes_from_the_cli_pytest_and_pytest_n_2(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    main(["check", "--json", "cli.json"])
    for name, extra in (("serial.json", []), ("xdist.json", ["-n", "2"])):
        subprocess.run([sys.executable, "-m", "pytest", "facts/", "-p", "no:cacheprovider", "-q", *extra,
                        "--factcheck-json", name], cwd=root, capture_output=True, check=True, timeout=600)
        assert (root / name).read_bytes() == (root / "cli.json").read_bytes(), name
