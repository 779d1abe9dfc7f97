"""Coverage: sentences split with their lines, what counts as checkable, cited/excepted/uncited, the CLI's exact
output."""
import subprocess
import sys

import pytest

from checker.cli import main
from checker.coverage import (
    Coverage, Sentence, checkable_tokens, is_checkable, source_coverage, split_sentences, text_lines,
)
from tests.helpers import make_project

NAMES = frozenset({"IS", "TamTam", "Van Ostaeyen"})


def test_sentences_keep_their_line_and_offsets():
    text = "Title line\n\n  • A bullet here.\nOne. Two words!\n"
    found = split_sentences(text)
    assert [(s.line, s.text) for s in found] == [
        (1, "Title line"), (3, "A bullet here."), (4, "One."), (4, "Two words!")
    ]
    assert all(text[s.start:s.end] == s.text for s in found)


def test_initials_and_abbreviations_do_not_end_a_sentence():
    found = split_sentences("Michael S. Smith II said so. Mr. Amarasingam agreed.")
    assert [s.text for s in found] == ["Michael S. Smith II said so.", "Mr. Amarasingam agreed."]


def test_a_closing_quote_stays_with_its_sentence():
    found = split_sentences("“It came first.” He said it twice.")
    assert [s.text for s in found] == ["“It came first.”", "He said it twice."]


@pytest.mark.parametrize("sentence", [
    "It came two minutes later, at 14:02.",
    "It happened on Friday evening.",
    "The crackdown began in late November.",
    "The groups went to TamTam instead.",
    "Van Ostaeyen saw it first.",  # a registered name at the start still counts
    "the IS claim came first",
    "There were hundreds of channels there.",  # a number in words
    "Now two are left.",
])
def test_checkable(sentence):
    assert is_checkable(sentence, NAMES)


@pytest.mark.parametrize("sentence", [
    "But then the groups began to disappear.",
    "What is there to be afraid of?",  # 'is' is not the alias 'IS'
    "I mean it was obvious.",
    "Every user can help, as one can report any chat.",  # 'one' is a pronoun here
    "Your email address will not be published.",
])
def test_not_checkable(sentence):
    assert not is_checkable(sentence, NAMES)


def test_a_quote_that_takes_every_checkable_token_cites_the_sentence():
    text = "The groups moved to TamTam on Saturday. Telegram was empty by Sunday."
    quoted = text.index("moved to TamTam on Saturday")
    result = source_coverage("a.txt", text, [(quoted, quoted + len("moved to TamTam on Saturday"))], NAMES, [])
    assert [s.text for s in result.cited] == ["The groups moved to TamTam on Saturday."]
    assert [s.text for s in result.uncited] == ["Telegram was empty by Sunday."]
    assert result.percent == 50.0


def test_a_quote_sharing_words_but_leaving_a_day_or_name_out_does_not_cite():
    """Issue 12 D: three shared words are not coverage; the day no quote takes is named."""
    text = "The groups moved to TamTam on Saturday, Van Ostaeyen said."
    quoted = text.index("moved to TamTam")
    result = source_coverage("a.txt", text, [(quoted, quoted + len("moved to TamTam on"))], NAMES, [])
    [sentence] = result.uncited
    assert result.untaken[sentence] == ["Saturday", "Van Ostaeyen"]
    lines = text_lines(Coverage([result], []), "seeds", 90)
    assert lines[1].endswith("(quoted, but no quote takes: Saturday, Van Ostaeyen)")


def test_digits_inside_a_link_are_no_number_and_a_link_is_no_name():
    assert checkable_tokens("Now keep up the pressure! https://t.co/iBocq2cwrK", NAMES) == []
    assert checkable_tokens("a handful. pic.twitter.com/IforByxBNe", NAMES) == [(2, 9)]


def test_two_words_of_overlap_are_not_enough():
    text = "The groups moved to TamTam on Saturday."
    assert not source_coverage("a.txt", text, [(0, len("The groups"))], NAMES, []).cited


def test_exceptions_match_whole_sentences_and_unused_ones_are_reported():
    text = "Leave a Reply\n\nVisit TamTam’s homepage now.\n"
    exceptions = [("Leave a Reply", "boilerplate"), ("Visit TamTam's", "only part of a sentence"), ("Gone", "stale")]
    result = source_coverage("a.txt", text, [], NAMES, exceptions)
    assert [(s.text, why) for s, why in result.excepted] == [("Leave a Reply", "boilerplate")]
    assert [s.text for s in result.uncited] == ["Visit TamTam’s homepage now."]
    assert result.unused_exceptions == ["Visit TamTam's", "Gone"]


def test_percent_rounds_down_and_a_source_without_checkable_sentences_is_complete():
    three = [Sentence(0, 1, 1, "x")] * 3
    result = source_coverage("a.txt", "", [], NAMES, [])
    assert result.percent == 100.0
    result.checkable, result.cited = three, three[:2]
    assert result.percent == 66.6


MINI = "Headline About TamTam\nThe attack came on Friday. It was bad.\n\nLeave a Reply\n"
FACTS = """\
facts:
  - id: attack-on-friday
    claim: The attack came on Friday.
    citations:
      - {source: a.txt, quote: "The attack came on Friday"}
"""
SOURCES_YAML = """\
sources:
  - file: a.txt
    title: A
    outlet: B
    published: "2019-12-03"
    language: en
    coverage_exceptions:
      - {sentence: Leave a Reply, reason: comment form}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_project(tmp_path, {"facts/a.yaml": FACTS, "mini/a.txt": MINI, "mini/sources.yaml": SOURCES_YAML})


def test_cli_prints_each_uncited_sentence_and_fails_below_the_minimum(project, capsys):
    assert main(["coverage", "--sources", "mini"]) == 1
    assert capsys.readouterr().out == (
        "mini/a.txt: 66.6% of 3 checkable sentences (1 cited, 1 excepted, 1 uncited)\n"
        "  mini/a.txt:1: uncited: Headline About TamTam\n"
        "1 sources, 1 below 90%\n"
    )


def test_cli_passes_at_a_lower_minimum_and_shows_exceptions_on_request(project, capsys):
    assert main(["coverage", "--sources", "mini", "--min", "60", "--show-excepted"]) == 0
    assert capsys.readouterr().out == (
        "mini/a.txt: 66.6% of 3 checkable sentences (1 cited, 1 excepted, 1 uncited)\n"
        "  mini/a.txt:1: uncited: Headline About TamTam\n"
        "  mini/a.txt:4: excepted (comment form): Leave a Reply\n"
        "1 sources, 0 below 60%\n"
    )


def test_cli_flags_an_unused_exception(project, capsys):
    (project / "mini" / "sources.yaml").write_text(
        SOURCES_YAML + "      - {sentence: No such line, reason: stale}\n", encoding="utf-8"
    )
    assert main(["coverage", "--sources", "mini", "--min", "0"]) == 1
    assert "  mini/sources.yaml: unused coverage exception for mini/a.txt: No such line\n" in capsys.readouterr().out


def test_cli_output_is_deterministic_and_python_m_checker_is_the_same(project, capsys):
    main(["coverage", "--sources", "mini"])
    first = capsys.readouterr().out
    main(["coverage", "--sources", "mini"])
    assert capsys.readouterr().out == first
    run = subprocess.run([sys.executable, "-m", "checker", "coverage", "--sources", "mini"],
                         cwd=project, capture_output=True, text=True, check=False)
    assert (run.returncode, run.stdout) == (1, first)


def test_the_curated_seeds_are_each_at_least_90_percent_covered(tmp_path, monkeypatch, capsys):
    import shutil
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(tmp_path)
    make_project(tmp_path, {})
    shutil.copytree(repo / "facts", tmp_path / "facts")
    shutil.copy(repo / "seeds" / "sources.yaml", tmp_path / "seeds" / "sources.yaml")
    assert main(["coverage"]) == 0
    assert capsys.readouterr().out.endswith("5 sources, 0 below 90%\n")
