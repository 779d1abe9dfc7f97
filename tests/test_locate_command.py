"""factcheck locate: words as remembered -> the best passages and a citation that checks as verbatim when pasted."""
from __future__ import annotations

import json

import pytest

from checker.cli import main
from tests.helpers import make_project

SOURCE = "000_12e6b7cc27e0264f.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(make_project(tmp_path, {"facts/.keep": ""}))
    return tmp_path


def pasted(project, block: list[str]) -> dict:
    """Paste the citation block under a new fact, check the project, return the citation's report entry."""
    fact = ["facts:", "  - id: pasted", "    claim: A pasted citation.", "    citations:", *block]
    (project / "facts" / "pasted.yaml").write_text("\n".join(fact) + "\n", encoding="utf-8")
    assert main(["check", "--json", "report.json"]) == 0
    (entry,) = json.loads((project / "report.json").read_text(encoding="utf-8"))["facts"]
    return entry["citations"][0]


def block_of(out: str) -> list[str]:
    return out.split("citation to paste:\n", 1)[1].rstrip("\n").split("\n")


def test_words_that_stand_print_the_passage_and_the_citation(project, capsys):
    assert main(["locate", "the police official said"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"seeds/{SOURCE}:43:")
    assert block_of(out)[:2] == [f"      - source: {SOURCE}", '        quote: "the police official said"']


def test_a_passage_that_stands_twice_gets_a_lines_pin_that_checks(project, capsys):
    assert main(["locate", "the most obvious honey pot ever", "--source", f"seeds/{SOURCE}"]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"seeds/{SOURCE}:51:16: verbatim, score 100.0\n"
        "    the most obvious honey pot ever\n"
        f"    stands 2 times in {SOURCE}: the citation pins the lines of this one\n"
        "\n"
        "citation to paste:\n"
        f"      - source: {SOURCE}\n"
        '        quote: "the most obvious honey pot ever"\n'
        "        lines: 51\n"
    )
    citation = pasted(project, block_of(out))
    assert (citation["status"], citation["location"]["line"], citation["moved"]) == ("verbatim", 51, None)


def test_words_remembered_with_a_slip_get_the_sources_exact_text(project, capsys):
    assert main(["locate", "the most obvious honeypot ever"]) == 0
    out = capsys.readouterr().out
    assert f"seeds/{SOURCE}:51:16: fuzzy, score 98.4" in out
    assert block_of(out)[1] == '        quote: "the most obvious honey pot ever"'
    assert pasted(project, block_of(out))["status"] == "verbatim"


def test_typographic_quotes_are_pasted_as_the_source_writes_them(project, capsys):
    assert main(["locate", "In the wake of Friday's terror attack near London Bridge"]) == 0
    block = block_of(capsys.readouterr().out)
    assert block[1] == '        quote: "In the wake of Friday’s terror attack near London Bridge"'
    assert pasted(project, block)["status"] == "verbatim"


def test_words_in_no_source_exit_1_with_the_closest_passage(project, capsys):
    assert main(["locate", "it came on TamTam 2 minutes before any announcement"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("not found in any source under seeds/; the closest passage:\n"
                          f"seeds/{SOURCE}:30:2: mismatch")
    assert 'why:  quote says "2" where the source says "two" — a changed number' in out
    assert "citation to paste" not in out
    assert out.endswith("if you meant that passage, cite the source's own words:\n"
                        f"      - source: {SOURCE}\n"
                        '        quote: "It came on TamTam two minutes before any announcement"\n')


def test_words_unlike_any_passage_offer_no_citation(project, capsys):
    assert main(["locate", "the moon landing was filmed in a studio in Nevada"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("not found in any source") and "cite" not in out


def test_too_short_words_and_an_unknown_source_are_input_errors(project, capsys):
    assert main(["locate", "TamTam app"]) == 2
    assert "too short to prove anything" in capsys.readouterr().out
    assert main(["locate", "the most obvious honey pot ever", "--source", "000_12e6b7cc27e0264.txt"]) == 2
    err = capsys.readouterr().err
    assert f"source '000_12e6b7cc27e0264.txt' not found in seeds/: check the file name (did you mean '{SOURCE}'?)" \
        in err


def test_a_source_named_without_its_folder(project, capsys):
    assert main(["locate", "the most obvious honey pot ever", "--source", SOURCE]) == 0
    assert "lines: 51" in capsys.readouterr().out


def test_locate_reads_each_source_as_check_does(project, capsys):
    """A page saved as .txt and declared `format: html` in sources.yaml: located in its visible text, at its line."""
    (project / "seeds" / "page.txt").write_text(
        "<html><body>\n<p>The council <em>approved</em> the budget\n&amp; the plan on Monday.</p>\n</body></html>\n",
        encoding="utf-8")
    listed = project / "seeds" / "sources.yaml"
    listed.write_text(listed.read_text(encoding="utf-8") + "\n  - file: page.txt\n    format: html\n",
                      encoding="utf-8")
    assert main(["locate", "council approved the budget & the plan"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("seeds/page.txt:2:")
    quote = '        quote: "council approved the budget\\n& the plan"'  # the page's own line end
    assert block_of(out)[:2] == ["      - source: page.txt", quote]
    assert pasted(project, block_of(out))["status"] == "verbatim"  # the citation to paste checks
