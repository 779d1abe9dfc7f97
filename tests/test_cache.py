"""checker.cache: a re-run with nothing changed does no matching; whatever changed is located again; a damaged or
concurrently written cache is never trusted; --no-cache, --factcheck-no-cache and `cache = false` bypass it."""
from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

import checker.cite
from checker.cache import DIRECTORY, Cache, citation_key, digest, index_from_json, index_to_json
from checker.cite import INDEX, Share
from checker.cli import main
from checker.config import load_config
from checker.index import SourceIndex
from checker.match import MatchOptions
from checker.model import Citation, Selector
from checker.report import dumps, report_document
from checker.run import check, prepare, verify
from tests.helpers import GOOD_FACT, SOURCE, WRONG_FACT, in_processes, make_project

ELSEWHERE_FACT = """\
  - id: takedown-count
    claim: Europol shut nearly 5,000 accounts.
    citations:
      - source: 000_12e6b7cc27e0264f.txt
        quote: "Nearly 5,000 accounts and over 26,000 items, including videos"
"""
SLIP_FACT = f"""\
  - id: slip
    claim: A quote with a transcription slip.
    citations:
      - source: {SOURCE}
        quote: "It came on TamTam two minutes beffore any announcement"
"""
OTHER_SOURCE_FACT = """\
  - id: takedown-in-its-source
    claim: Europol shut nearly 5,000 accounts.
    citations:
      - source: 003_1288ced4304eb56c.txt
        quote: "Nearly 5,000 accounts and over 26,000 items, including videos"
"""
FACTS = "facts:\n" + GOOD_FACT + WRONG_FACT + ELSEWHERE_FACT + SLIP_FACT + OTHER_SOURCE_FACT


def report(root: Path, **overrides) -> str:
    config = load_config(root, **overrides)
    return dumps(report_document(check(config.facts, config).report, "seeds"))


class Counted:
    """Wraps checker.cite's locate and contains, counting the quotes each is asked about."""

    def __init__(self, monkeypatch) -> None:
        self.located: list[str] = []
        self.contained: list[str] = []
        locate, contains = checker.cite.locate, checker.cite.contains

        def counted_locate(quote, *args, **kwargs):
            self.located.append(quote)
            return locate(quote, *args, **kwargs)

        def counted_contains(quote, *args, **kwargs):
            self.contained.append(quote)
            return contains(quote, *args, **kwargs)

        monkeypatch.setattr(checker.cite, "locate", counted_locate)
        monkeypatch.setattr(checker.cite, "contains", counted_contains)


def no_matching(monkeypatch) -> list[str]:
    """Make matching fail loudly; returns the list of sources normalized meanwhile (the rules swallow errors)."""
    def refuse(*args, **kwargs):
        raise AssertionError("a warm run must not match")

    normalized: list[str] = []

    def from_text(text, name):
        normalized.append(name)
        raise AssertionError("a warm run must not normalize a source")

    monkeypatch.setattr(checker.cite, "locate", refuse)
    monkeypatch.setattr(checker.cite, "contains", refuse)
    monkeypatch.setattr(checker.sources.Document, "from_text", from_text)
    return normalized


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project", {"facts/a.yaml": FACTS})


def test_a_warm_run_with_nothing_changed_does_no_matching(project, monkeypatch):
    cold = report(project)
    assert json.loads(cold)["facts"][2]["citations"][0]["found_in"] is not None  # found in another source, cached too
    normalized = no_matching(monkeypatch)
    assert report(project) == cold
    assert normalized == []  # not even for the rules, which read the sources' text


def test_the_cache_gives_the_report_an_uncached_run_gives(project):
    uncached = report(project, cache=False)
    assert not (project / DIRECTORY).exists()
    assert report(project) == uncached  # cold
    assert report(project) == uncached  # warm


def test_a_source_that_is_not_text_fails_alike_cold_warm_and_uncached(project):
    """A warm run hashes a source's bytes without decoding them (decoding 1 GB cost seconds): bytes that are not
    UTF-8 still fail every quote citing them with the same input error, at the same place, run after run."""
    (project / "seeds" / "latin1.txt").write_bytes("Caf\xe9 society met at noon on a Tuesday".encode("latin-1"))
    (project / "facts" / "b.yaml").write_text(GOOD_FACT.join(["facts:\n", ""]).replace(SOURCE, "latin1.txt").replace(
        "claim-first-on-tamtam", "latin"), encoding="utf-8")
    cold, warm, uncached = report(project), report(project), report(project, cache=False)
    assert cold == warm == uncached
    (error,) = [e for e in json.loads(cold)["errors"] if e["file"] == "facts/b.yaml"]
    assert (error["line"], error["message"]) == (5, "source 'latin1.txt' is not valid UTF-8 text")


def test_a_changed_source_is_located_again(project, monkeypatch):
    report(project)
    source = project / "seeds" / SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace("two minutes", "three minutes"), encoding="utf-8")
    counted = Counted(monkeypatch)
    changed = json.loads(report(project))
    assert len(counted.located) == 4  # the four quotes of the changed source; the other source's result is cached
    assert "Nearly 5,000 accounts and over 26,000 items, including videos" in counted.contained  # found_in again
    assert [fact["ok"] for fact in changed["facts"]] == [False, True, False, False, True]


def test_a_changed_quote_alone_is_located_again(project, monkeypatch):
    report(project)
    facts = project / "facts" / "a.yaml"
    facts.write_text(FACTS.replace("two minutes before any announcement", "two minutes before any announcement,"),
                     encoding="utf-8")
    counted = Counted(monkeypatch)
    report(project)
    assert counted.located == ["It came on TamTam two minutes before any announcement,"]


def test_changed_options_locate_again(project, monkeypatch):
    lenient = json.loads(report(project))
    counted = Counted(monkeypatch)
    strict = json.loads(report(project, strict=True))
    assert len(counted.located) == 5
    slip = {fact["id"]: fact["ok"] for fact in lenient["facts"]}, {fact["id"]: fact["ok"] for fact in strict["facts"]}
    assert slip[0]["slip"] and not slip[1]["slip"]


def test_a_quote_made_strict_alone_is_located_again(project, monkeypatch):
    report(project)
    facts = project / "facts" / "a.yaml"
    facts.write_text(FACTS.replace("beffore any announcement\"", "beffore any announcement\"\n        strict: true"),
                     encoding="utf-8")
    counted = Counted(monkeypatch)
    strict = json.loads(report(project))
    assert counted.located == ["It came on TamTam two minutes beffore any announcement"]
    assert [fact["ok"] for fact in strict["facts"]] == [True, False, False, False, True]


def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(project, monkeypatch):
    clean = report(project)
    entries = sorted((project / DIRECTORY).rglob("*.json"))
    assert entries
    damages = ["{", "[]", '{"key": "another", "value": {}}', "", '{"key": "%s", "value": {"x": {"match": 1}}}']
    for number, path in enumerate(entries):
        damage = damages[number % len(damages)]
        path.write_text(damage % path.stem if "%s" in damage else damage, encoding="utf-8")
    counted = Counted(monkeypatch)
    assert report(project) == clean
    assert counted.located  # recomputed, not trusted
    no_matching(monkeypatch)
    assert report(project) == clean  # and written back whole


def test_an_entry_with_a_wrong_match_shape_is_not_trusted(project):
    clean = report(project)
    for path in (project / DIRECTORY).rglob("*.json"):
        stored = json.loads(path.read_text(encoding="utf-8"))
        located = path.parent.parent.name == "located"  # not the word index, nor the rules' findings
        for entry in stored["value"].values() if located else []:
            entry["match"]["ok"] = 1  # an int where a bool belongs
        path.write_text(json.dumps(stored), encoding="utf-8")
    assert report(project) == clean


def stored_index(project: Path) -> Path:
    [path] = (project / DIRECTORY).glob(f"*/{INDEX}/*/*.json")
    return path


def test_a_new_failing_quote_reads_the_stored_word_index_and_builds_none(project, monkeypatch):
    report(project)  # cold: a quote found in another source had the word index built, and stored
    facts = project / "facts" / "a.yaml"
    facts.write_text(FACTS.replace('"Nearly 5,000 accounts', '"nearly 5,000 accounts', 1), encoding="utf-8")
    uncached = report(project, cache=False)
    assert "nearly 5,000 accounts" in uncached and json.loads(uncached)["facts"][2]["citations"][0]["found_in"]

    def refuse(*args, **kwargs):
        raise AssertionError("the stored index must be read, not built again")

    monkeypatch.setattr(SourceIndex, "build", refuse)
    assert report(project) == uncached


def test_a_warm_run_writes_back_no_answer_it_read(project, monkeypatch):
    """Answers read from the entries are not written again (each write re-reads the source's whole entry)."""
    first = report(project)
    written = []
    write_back = checker.cite.Elsewhere.write_back
    monkeypatch.setattr(checker.cite.Elsewhere, "write_back",
                        lambda self, pending: (written.extend(pending), write_back(self, pending)))
    assert report(project) == first
    assert written == []
    assert report(project, cache=False) == first


def test_a_change_to_the_search_code_makes_the_stored_index_and_answers_stale(project, monkeypatch):
    """checker/index.py decides which words a document is indexed under: an index (or a "found nowhere") stored by
    other code must not stand, even with the same matcher and library."""
    first = report(project)
    builds = []
    build = SourceIndex.build.__func__

    def counted(cls, texts):
        builds.append(1)
        return build(cls, texts)

    monkeypatch.setattr(SourceIndex, "build", classmethod(counted))
    assert report(project) == first and not builds  # the same code: read back
    monkeypatch.setattr(checker.cite, "search_fingerprint", lambda: "changed")
    assert report(project) == first and builds == [1]


@pytest.mark.parametrize("damage", [
    lambda value: {**value, "postings": {word: [0] for word in value["postings"]}},  # the lists of before
    lambda value: {**value, "postings": {**value["postings"], "nearly": "not base64!"}},
    lambda value: {**value, "postings": {**value["postings"], "nearly": "AAA"}},  # not whole numbers
    lambda value: {**value, "postings": {**value["postings"], "nearly": index_to_json(SourceIndex(
        value["names"] * 2, {"nearly": [len(value["names"])]}))["postings"]["nearly"]}},  # no such source
    lambda value: {**value, "numbers": "I"},
    lambda value: {**value, "names": [*value["names"][:-1], 5]},
])
def test_a_damaged_word_index_is_built_again(project, monkeypatch, damage):
    clean = report(project)
    path = stored_index(project)
    stored = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**stored, "value": damage(stored["value"])}), encoding="utf-8")
    facts = project / "facts" / "a.yaml"
    facts.write_text(FACTS.replace('"Nearly 5,000 accounts', '"nearly 5,000 accounts', 1), encoding="utf-8")
    built = []
    build = SourceIndex.build
    monkeypatch.setattr(SourceIndex, "build", lambda texts: built.append(1) or build(texts))
    assert report(project) == report(project, cache=False) != clean
    assert built == [1, 1]  # the cached run's and the uncached one's


def test_the_stored_word_index_round_trips_past_65536_sources():
    names = [f"{number:05}.txt" for number in range(70_000)]
    index = SourceIndex(names, {"first": [0, 1], "last": [65_536, 69_999]})
    stored = json.loads(json.dumps(index_to_json(index)))
    assert stored["numbers"] == "I" and index_from_json(stored) == index
    assert index_from_json({**stored, "names": names[:60_000]}) is None
def test_a_citation_key_is_the_digest_of_its_parts_as_entries_were_written():
    """citation_key writes the JSON `digest` would: entries written before it was made faster stay found."""
    project = MatchOptions(max_gap=40)
    for source, quote, selector in [("a.txt", "plain words here", None),
                                    ("dir/ü.txt", "“Curly” – dashes\u00a0and \\ \"quotes\"\n", None),
                                    ("b.txt", "a lone \ud800 surrogate, 日本語", Selector(lines=(3, 5), prefix="x")),
                                    ("c.txt", "prefix only", Selector(lines=None, prefix=None, suffix="y"))]:
        citation = Citation(source=source, quote=quote, file="facts/a.yaml", line=3, selector=selector)
        for options in (project, MatchOptions(strict=True, max_gap=40)):
            selected = None if selector is None else {"lines": selector.lines, "prefix": selector.prefix,
                                                      "suffix": selector.suffix}
            expected = digest(source, quote, selected, vars(options), vars(project))
            assert citation_key(citation, options, project) == expected


def _write_many(root: str, value: str, rounds: int) -> None:
    cache = Cache(Path(root))
    for _ in range(rounds):
        cache.write("located", "ab" * 32, {"who": value, "padding": value * 5000})


def test_concurrent_writers_never_leave_a_partial_entry(tmp_path):
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_many, args=(str(tmp_path), name, 200)) for name in "xy"]
    for writer in writers:
        writer.start()
    cache, seen = Cache(tmp_path), set()
    while any(writer.is_alive() for writer in writers):
        value = cache.read("located", "ab" * 32)
        if value is not None:
            assert value["padding"] == value["who"] * 5000  # whole, never torn
            seen.add(value["who"])
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    assert cache.read("located", "ab" * 32)["who"] in "xy"
    assert not [p for p in tmp_path.rglob("*.tmp")]  # no temporary file left behind


def test_the_cache_directory_says_it_is_a_cache(project):
    report(project)
    assert (project / DIRECTORY / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (project / DIRECTORY / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


def test_an_unwritable_cache_is_skipped(project):
    (project / DIRECTORY).write_text("not a directory", encoding="utf-8")
    assert report(project) == report(project, cache=False)


def test_no_cache_on_the_command_line_and_in_the_configuration(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    assert main(["check", "--no-cache"]) == 1
    assert not (project / DIRECTORY).exists()
    (project / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\ncache = false\n', encoding="utf-8")
    assert main(["check"]) == 1
    assert not (project / DIRECTORY).exists()
    assert main(["check", "--json", "out.json"]) == 1 and not (project / DIRECTORY).exists()


def test_a_cache_setting_of_the_wrong_type_is_an_error_at_its_line(project, monkeypatch, capsys):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\ncache = "no"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check"]) == 2
    assert "pyproject.toml:3:1: [tool.factcheck] cache = 'no': expected true or false" in capsys.readouterr().out


def test_the_pytest_option_bypasses_the_cache(project, pytester):
    make_project(pytester.path, {"facts/a.yaml": FACTS})
    pytester.runpytest("facts/", "--factcheck-no-cache", "-p", "no:cacheprovider").assert_outcomes(passed=3, failed=2)
    assert not (pytester.path / DIRECTORY).exists()
    pytester.runpytest("facts/", "-p", "no:cacheprovider").assert_outcomes(passed=3, failed=2)
    assert (pytester.path / DIRECTORY).is_dir()


# ---- workers dividing the work ---------------------------------------------------------------------

MANY = 12  # sources, each cited once


def many_sources(root: Path) -> Path:
    text = (Path(__file__).resolve().parent.parent / "seeds" / SOURCE).read_text(encoding="utf-8")
    facts = ["facts:"]
    for number in range(MANY):
        (root / "seeds").mkdir(parents=True, exist_ok=True)
        (root / "seeds" / f"s{number:02d}.txt").write_text(f"Source {number}.\n\n{text}", encoding="utf-8")
        facts += [f"  - id: f{number}", "    claim: c", "    citations:", f"      - source: s{number:02d}.txt",
                  f'        quote: "Source {number}. It came on TamTam"']
    (root / "facts").mkdir()
    (root / "facts" / "a.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    return root


def _worker(root: str, number: int, out: str) -> None:
    import time

    located = []
    locate = checker.cite.locate

    def slow(quote, *args, **kwargs):
        located.append(quote)
        time.sleep(0.2)  # both workers are surely running while the work is shared out
        return locate(quote, *args, **kwargs)

    checker.cite.locate = slow
    config = load_config(Path(root))
    results = verify(prepare(config.facts, config), share=Share(number, 2))
    verdicts = [(r.fact.id, r.ok, r.citations[0].match.spans) for r in results]
    Path(out).write_text(json.dumps({"located": located, "verdicts": repr(verdicts)}), encoding="utf-8")


def test_two_workers_sharing_the_cache_divide_the_work_and_both_get_every_result(tmp_path):
    root = many_sources(tmp_path / "project")
    outs = [tmp_path / f"worker{n}.json" for n in range(2)]
    in_processes(_worker, *[(str(root), n, str(outs[n])) for n in range(2)])
    done = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    assert done[0]["verdicts"] == done[1]["verdicts"]  # every worker has every result
    located = done[0]["located"] + done[1]["located"]
    assert set(located) == {f"Source {n}. It came on TamTam" for n in range(MANY)}
    assert len(located) <= MANY + 2  # each source located once, but where the workers meet head-on
    assert all(len(worker["located"]) < MANY for worker in done)  # neither did it all


def test_each_worker_starts_on_its_own_share_and_meets_the_others_head_on():
    sources = [f"s{n}" for n in range(7)]
    assert Share(0, 2).order(sources) == ["s0", "s1", "s2", "s6", "s5", "s4", "s3"]
    assert Share(1, 2).order(sources) == ["s3", "s4", "s5", "s6", "s2", "s1", "s0"]
    assert Share(1, 3).order(sources) == ["s2", "s3", "s1", "s0", "s6", "s5", "s4"]
    assert Share().order(sources) == sources


def test_an_xdist_worker_knows_its_share_from_its_workerinput():
    from types import SimpleNamespace

    from checker.plugin import worker_share

    assert worker_share(SimpleNamespace(workerinput={"workerid": "gw1", "workercount": 2})) == Share(1, 2)
    assert worker_share(SimpleNamespace()) == Share()  # the controller, or no xdist: everything in order
    assert worker_share(SimpleNamespace(workerinput={"workerid": "odd"})) == Share()


# ---- extracted text ---------------------------------------------------------------------------------------------


def _pages(root: Path) -> None:
    """An HTML page and a PDF under `root`, for the extraction cache."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from render_formats import FONT, render

    article = (Path(__file__).resolve().parent.parent / "seeds" / SOURCE).read_text(encoding="utf-8")
    (root / "page.html").write_text(render(article, "html"), encoding="utf-8")
    if not Path(FONT).is_file():
        pytest.skip(f"no {FONT} to typeset the PDF fixture with")
    (root / "report.pdf").write_bytes(render(article, "pdf"))


def _refuse(*args, **kwargs):
    raise AssertionError("extracted again")


def test_a_re_run_reads_extracted_text_from_the_cache_not_the_extractor(tmp_path, monkeypatch):
    import checker.formats.html
    import checker.formats.pdf
    from checker.sources import Library

    _pages(tmp_path)
    cold = Library(tmp_path, cache=Cache(tmp_path / "project"))
    first = {name: cold.document(name) for name in ("page.html", "report.pdf")}
    monkeypatch.setattr(checker.formats.html, "extract", _refuse)
    monkeypatch.setattr(checker.formats.pdf, "extract", _refuse)
    warm = Library(tmp_path, cache=Cache(tmp_path / "project"))
    for name, doc in first.items():
        again = warm.document(name)
        assert again.text == doc.text and again.source_map == doc.source_map, name  # every offset, page and line
    with pytest.raises(AssertionError, match="extracted again"):  # no cache (--no-cache): extracted every time
        Library(tmp_path).document("page.html")


def test_extracted_text_is_keyed_by_the_bytes_and_the_way_it_was_extracted(tmp_path, monkeypatch):
    import checker.formats.html
    from checker.sources import Declared, Library

    _pages(tmp_path)
    Library(tmp_path, cache=Cache(tmp_path / "project")).document("page.html")
    calls = []
    real = checker.formats.html.extract
    monkeypatch.setattr(checker.formats.html, "extract", lambda *args: calls.append(args[1:]) or real(*args))
    Library(tmp_path, cache=Cache(tmp_path / "project")).document("page.html")
    assert calls == []
    main = Library(tmp_path, cache=Cache(tmp_path / "project"), declared={"page.html": Declared(extract="main")})
    assert "Home" not in main.document("page.html").text and calls == [(True,)]  # another way: extracted anew
    page = tmp_path / "page.html"
    page.write_text(page.read_text(encoding="utf-8").replace("London", "Paris"), encoding="utf-8")
    assert "Paris" in Library(tmp_path, cache=Cache(tmp_path / "project")).document("page.html").text
    assert len(calls) == 2


def test_a_damaged_extraction_entry_is_not_trusted(tmp_path):
    from checker.cache import extracted_from_json, extracted_to_json
    from checker.sources import Library

    _pages(tmp_path)
    stored = extracted_to_json(Library(tmp_path)._extract("page.html", (tmp_path / "page.html").read_bytes(),
                                                          (tmp_path / "page.html").read_text(encoding="utf-8")))
    assert extracted_from_json(json.loads(json.dumps(stored))) is not None
    assert len(stored["runs"]) < len(stored["text"]) / 5  # offsets stored as runs, not one number a character
    for damaged in ({**stored, "text": stored["text"] + "x"}, {**stored, "runs": [[-1, 3]]},
                    {**stored, "capture": "x"}, {**stored, "pages": None}, {**stored, "extra": 1}, [], None):
        assert extracted_from_json(damaged) is None


def test_no_cache_leaves_extracted_text_unkept(tmp_path, monkeypatch, capsys):
    (tmp_path / "seeds").mkdir()
    _pages(tmp_path / "seeds")  # a project citing the page: with --no-cache nothing is written
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "seeds"\n', encoding="utf-8")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "a.yaml").write_text(GOOD_FACT.replace(SOURCE, "page.html").join(["facts:\n", ""]),
                                               encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache"]) == 0
    assert not (tmp_path / DIRECTORY).exists()
    assert main(["check"]) == 0
    assert list((tmp_path / DIRECTORY).glob("*/extracted/*/*.json"))


def test_a_stored_match_is_read_back_only_when_every_field_is_of_its_type():
    from checker.cache import match_from_json, match_to_json
    from checker.model import Match, Span

    match = Match(status="fuzzy", ok=True, score=97.5, matched="m", diff="d", moved="", spans=(
        Span(1, 5, 2, 3, None), Span(7, 9, 3, 1, 4)), differences=("a slip",))
    stored = json.loads(json.dumps(match_to_json(match)))
    assert match_from_json(stored) == match
    for key, wrong in [("status", 1), ("ok", 1), ("score", True), ("score", "97"), ("matched", None), ("diff", 0),
                       ("moved", None), ("spans", [[1, 5, 2, 3]]), ("spans", [[1, 5, 2, "3", None]]),
                       ("spans", [[1, 5, 2, 3, True]]), ("spans", "x"), ("differences", [1]), ("differences", "x")]:
        assert match_from_json({**stored, key: wrong}) is None, (key, wrong)
    assert match_from_json({**stored, "extra": 1}) is None and match_from_json([stored]) is None
    del stored["moved"]
    assert match_from_json(stored) is None
