"""Inputs a pull request can change, tried as a careless or hostile contributor would (issue 13): each is a clear
error at file:line (exit 2) or a right answer, never a traceback, and the other facts are still checked."""
import json
import os
import time
import unicodedata

import pytest

from checker.cli import main
from checker.validate import validator
from tests.helpers import GOOD_QUOTE, SOURCE, make_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fact(fact_id: str, source: str, quote: str = GOOD_QUOTE, extra: str = "") -> str:
    return (f"  - id: {fact_id}\n    claim: A claim.\n    citations:\n      - source: {json.dumps(source)}\n"
            f"        quote: {json.dumps(quote)}\n{extra}")


def run(*args: str) -> tuple[int, dict]:
    code = main(["check", "--json", "report.json", *args])
    report = json.loads(open("report.json", encoding="utf-8").read())
    assert not list(validator("report").iter_errors(report))
    return code, report


def passed(report: dict) -> list[str]:
    return [entry["id"] for entry in report["facts"] if entry["ok"]]


def test_sources_naming_a_file_is_one_configuration_error_not_one_per_citation(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("a", SOURCE) + fact("b", SOURCE)})
    (project / "pyproject.toml").write_text(f'[tool.factcheck]\nsources = "seeds/{SOURCE}"\n', encoding="utf-8")
    code, report = run()
    assert code == 2
    assert [error["message"] for error in report["errors"]] == [
        f"[tool.factcheck] sources: seeds/{SOURCE}/ is not a directory: name the directory that holds the sources"
    ]
    assert report["errors"][0]["file"] == "pyproject.toml" and report["errors"][0]["line"] == 2
    assert "not found" not in capsys.readouterr().out


def test_a_missing_default_sources_root_is_said_once(project, capsys):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("a", SOURCE) + fact("b", SOURCE)})
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    (project / "seeds" / SOURCE).unlink()
    for child in (project / "seeds").iterdir():
        child.unlink()
    (project / "seeds").rmdir()
    code, report = run()
    assert code == 2 and [str(e["message"]) for e in report["errors"]] == [
        "no sources: the sources root seeds/ is not a directory: create it, or name the sources root with "
        "[tool.factcheck] sources or --sources"
    ]


def test_a_nul_in_a_source_name_is_an_error_at_its_line(project, capsys):
    """`source: "000\\0.txt"` raised ValueError: embedded null byte."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("nul", "000\0.txt")})
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert capsys.readouterr().out.startswith(
        "facts/a.yaml:10:9: source '000\\x00.txt' has a NUL character in its name: write the file name\n"
    )


def test_a_name_too_long_for_the_file_system_is_an_error(project):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("long", "a" * 5000 + ".txt")})
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert "not found" in report["errors"][0]["message"] or "cannot be read" in report["errors"][0]["message"]


def test_file_names_that_are_not_utf8_are_shown_escaped_and_the_report_is_written(project, capsys):
    """caf\\xe9.yaml: UnicodeEncodeError while writing the JSON, 0 bytes left."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)
                           + fact("moved", SOURCE, "The claim stands in another file entirely, word for word.")})
    os.rename(b"facts/a.yaml", b"facts/caf\xe9.yaml")
    with open(b"seeds/caf\xe9.txt", "w", encoding="utf-8") as source:
        source.write("The claim stands in another file entirely, word for word.\n")
    code, report = run()
    assert code == 1 and passed(report) == ["good"]
    assert {entry["file"] for entry in report["facts"]} == {"facts/caf\\xe9.yaml"}
    out = capsys.readouterr().out
    assert "facts/caf\\xe9.yaml:" in out and "seeds/caf\\xe9.txt:1" in out
    out.encode("utf-8")  # printable: no lone surrogate reaches the terminal
    assert main(["check", "--json", os.fsdecode(b"facts/caf\xe9.yaml")]) == 2  # still an input: not overwritten


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_under_the_sources_root_is_skipped(project):
    """Library.names() raised PermissionError as soon as any quote failed."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("bad", SOURCE, "Not in it at all "
                                                                                     "anywhere in the corpus, no.")})
    (project / "seeds" / "private").mkdir()
    (project / "seeds" / "private").chmod(0)
    try:
        code, report = run()
    finally:
        (project / "seeds" / "private").chmod(0o755)
    assert code == 1 and passed(report) == ["good"]


def test_listing_the_sources_follows_no_folder_link(project):
    """A link loop under the sources root (or sources = "/") walked forever or out of the root."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)
                           + fact("bad", SOURCE, "Not in it at all anywhere in the corpus, no.")})
    (project / "seeds" / "loop").symlink_to(project / "seeds")
    (project / "seeds" / "out").symlink_to("/")
    started = time.perf_counter()
    code, report = run()
    assert code == 1 and passed(report) == ["good"] and time.perf_counter() - started < 30


def test_a_quote_over_max_quote_chars_is_refused_quickly_at_its_line(project, capsys):
    """10 KB of one repeated word took 8 s to align; 50 KB over a minute."""
    long_quote = "word " * 2_000
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("long", SOURCE, long_quote)})
    started = time.perf_counter()
    code, report = run()
    assert time.perf_counter() - started < 10
    assert code == 2 and passed(report) == ["good"]
    assert capsys.readouterr().out.startswith(
        "facts/a.yaml:11:9: quote length in characters: 10,000, over the limit of 5,000 ([tool.factcheck] "
        "max_quote_chars): quote the passage that proves the claim, or cite it in several shorter quotes\n"
    )
    with open("pyproject.toml", "a", encoding="utf-8") as pyproject:
        pyproject.write("max_quote_chars = 20000\n")
    code, report = run()
    assert code == 1 and not report["errors"]  # raised: the quote is aligned (and fails)


def test_a_source_over_max_source_bytes_is_not_read(project):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("big", "big.txt")})
    (project / "seeds" / "big.txt").write_text("x" * 20_000, encoding="utf-8")
    with open("pyproject.toml", "a", encoding="utf-8") as pyproject:
        pyproject.write("max_source_bytes = 10000\n")
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert report["errors"][0]["message"] == (
        "source 'big.txt' size in bytes: 20,000, over the limit of 10,000 ([tool.factcheck] max_source_bytes): "
        "cite a smaller excerpt of the document"
    )


def test_entities_over_max_entities_are_an_error_at_the_file(project):
    entities = "entities:\n" + "".join(f"  - id: e{i}\n    kind: person\n    name: Person {i}\n" for i in range(5))
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE), "facts/people.yaml": entities})
    with open("pyproject.toml", "a", encoding="utf-8") as pyproject:
        pyproject.write("max_entities = 3\n")
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert [(e["file"], e["line"], e["message"]) for e in report["errors"]] == [
        ("facts/people.yaml", 1, "entities declared in the suite: 5, over the limit of 3 ([tool.factcheck] "
                                 "max_entities): split the project, or raise the limit")
    ]


def test_old_mac_line_ends_count_lines(project):
    """CR-only files were one line: a correct `lines: 3` pin was reported as moved."""
    text = "First line of the report.\rSecond line, nothing here.\rThe ministry confirmed the figures on Monday.\r"
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("pinned", "mac.txt", "The ministry confirmed the "
                                                             "figures on Monday", "        lines: 3\n")})
    (project / "seeds" / "mac.txt").write_bytes(text.encode("utf-8"))
    code, report = run()
    assert code == 0, report
    (citation,) = report["facts"][0]["citations"]
    assert citation["spans"][0]["line"] == 3 and citation["spans"][0]["column"] == 1


def test_a_citation_in_decomposed_unicode_finds_the_composed_file(project):
    """'not found (did you mean 'Ünï cödé file.txt'?)', which looked identical."""
    composed = unicodedata.normalize("NFC", "Ünï cödé file.txt")
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("nfd", unicodedata.normalize("NFD", composed))})
    (project / "seeds" / composed).write_text(f"Before. {GOOD_QUOTE}. After.\n", encoding="utf-8")
    code, report = run()
    assert code == 0 and passed(report) == ["nfd"]


def test_a_fifo_source_is_no_regular_file_and_is_not_opened(project):
    """A FIFO was reported as "not found" (and opening one would block the run)."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + fact("pipe", "pipe.txt")})
    os.mkfifo(project / "seeds" / "pipe.txt")
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert report["errors"][0]["message"] == (
        "source 'pipe.txt' is not a regular file (a pipe, socket or device) in seeds/: cite a text file"
    )


@pytest.mark.parametrize("published", ["9999-12-30", "0001-01-01"])
def test_a_publication_date_at_the_calendar_edge_is_an_error_at_its_line(project, published):
    """'next year' / 'tomorrow' counted from 9999-12-30 raised OverflowError in the rules."""
    facts = "facts:\n" + fact("good", SOURCE)
    for index, word in enumerate(("tomorrow", "next year", "last week", "on Friday", "next Monday")):
        facts += fact(f"rel{index}", "s.txt", f"The vote is set for {word}, the minister said",
                      "    about: vote\n    property: date\n    value: 2019-11-29\n")
    make_project(project, {"facts/a.yaml": facts})
    (project / "seeds" / "s.txt").write_text(
        "".join(f"The vote is set for {word}, the minister said.\n"
                for word in ("tomorrow", "next year", "last week", "on Friday", "next Monday")), encoding="utf-8")
    with open("seeds/sources.yaml", "a", encoding="utf-8") as metadata:
        metadata.write(f'  - file: s.txt\n    published: "{published}"\n')
    code, report = run()
    assert code == 2 and "good" in passed(report)
    (error,) = report["errors"]
    assert error["file"] == "seeds/sources.yaml" and error["message"].startswith(f"published: '{published}' is outside")
    assert error["line"] == (project / "seeds" / "sources.yaml").read_text().count("\n")
    assert "could not check" not in json.dumps(report)  # no rule crashed on an overflow


def test_a_rule_naming_an_invalid_fact_says_so(project):
    """It said "no fact has this id" of a fact that exists, with errors of its own."""
    bad = "  - id: broken\n    claim: 3\n    citations: []\n"
    rules = "rules:\n  - {kind: before, first: broken, then: good}\n"
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE) + bad, "facts/rules.yaml": rules})
    code, report = run()
    assert code == 2
    messages = [(e["file"], e["line"], e["message"]) for e in report["errors"] if e["file"] == "facts/rules.yaml"]
    assert messages == [("facts/rules.yaml", 2, "'first' names fact 'broken' (facts/a.yaml:7), which has errors "
                                                "and is not checked: fix that fact first")]


def test_an_empty_suite_is_an_error_not_a_pass(project, capsys):
    """An empty suite exited 0 from the CLI (pytest exits 5)."""
    make_project(project, {"facts/notes.txt": "nothing here\n"})
    code, report = run()
    assert code == 2 and report["facts"] == []
    assert report["errors"][0]["message"] == (
        "no facts found in facts: add a fact file (YAML with a 'facts:' list) or name one"
    )
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)})
    assert run()[0] == 0


def test_a_link_loop_in_facts_is_read_once_by_the_cli(project):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)})
    (project / "facts" / "loop").symlink_to(".")
    code, report = run()
    assert code == 0 and [entry["file"] for entry in report["facts"]] == ["facts/a.yaml"]


def test_the_names_rule_indexes_the_spellings():
    """10,000 entities and 200 facts took 35 s: every name was compared with every spelling, one by one."""
    from types import SimpleNamespace

    from checker.rules.names import _known, near_misses

    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "ba", "do", "fe"]
    names = [f"{''.join(syllables[(i * 7 + j) % 12] for j in range(3)).capitalize()} "
             f"{''.join(syllables[(i * 5 + j * 3) % 12] for j in range(3)).capitalize()}{i}" for i in range(10_000)]
    known = _known(SimpleNamespace(entity_list=[{"id": f"e{i}", "name": name} for i, name in enumerate(names)]))
    started = time.perf_counter()
    found = [list(near_misses(f"Yesterday {names[i][:-1]}x met Dorufe Kalomi in Berlin.", known, 80, 4))
             for i in range(0, 10_000, 50)]
    assert time.perf_counter() - started < 15  # 2 s here; 35 s one spelling at a time
    assert all(hits and hits[0][0] == f"{names[i * 50][:-1]}x" for i, hits in enumerate(found))
    assert found[0][0][1][0] == names[0]  # the spelling it looks like


def test_from_outside_the_project_its_configuration_is_used_and_named(tmp_path, monkeypatch, capsys):
    """`factcheck check /abs/project/facts` from elsewhere took the working directory's configuration."""
    project_root = make_project(tmp_path / "proj", {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)})
    (project_root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "corpus"\n', encoding="utf-8")
    (project_root / "seeds").rename(project_root / "corpus")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "pyproject.toml").write_text('[tool.factcheck]\nsources = "."\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert main(["check", str(project_root / "facts")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"factcheck: project {project_root.resolve().as_posix()}: pyproject.toml [tool.factcheck]: "
        "facts in facts, sources in corpus"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "proj/facts"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "factcheck: proj/pyproject.toml [tool.factcheck]: facts in proj/facts, sources in proj/corpus"
    )


def test_a_sources_root_of_the_whole_disk_stops_listing_at_max_source_files(project):
    """sources = "/": PermissionError from Library.names() as soon as a quote failed (and a walk of the disk)."""
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)
                           + fact("bad", SOURCE, "Not in it at all anywhere in the corpus, no.")})
    for index in range(30):
        (project / "seeds" / f"more{index}.txt").write_text("Nothing to see.\n", encoding="utf-8")
    with open("pyproject.toml", "a", encoding="utf-8") as pyproject:
        pyproject.write("max_source_files = 20\n")
    code, report = run()
    assert code == 2 and passed(report) == ["good"]
    assert [e["message"] for e in report["errors"]] == [
        "files and folders under the sources root: 21, over the limit of 20 ([tool.factcheck] max_source_files): "
        "name the folder that holds the sources (the listing stopped there: suggestions and 'found in another "
        "source' looked no further)"
    ]
    (project / "pyproject.toml").write_text('[tool.factcheck]\nsources = "/"\nmax_source_files = 2000\n',
                                            encoding="utf-8")
    code, report = run()  # every citation then names a file under / that is not there: errors, no crash
    assert code == 2


def test_a_fifo_named_as_a_fact_file_is_not_read(project):
    make_project(project, {"facts/a.yaml": "facts:\n" + fact("good", SOURCE)})
    os.mkfifo(project / "pipe.yaml")
    code, report = run("facts", "pipe.yaml")
    assert code == 2 and passed(report) == ["good"]
    assert [(e["file"], e["message"]) for e in report["errors"]] == [
        ("pipe.yaml", "not a regular file (a pipe, socket or device)")
    ]
