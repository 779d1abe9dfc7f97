"""[tool.factcheck]: sources and facts relative to pyproject.toml; the command line overrides."""
from checker.config import find_project_root, load_config
from checker.limits import Limits
from checker.match import MatchOptions
from checker.processes import AUTO


def test_settings_are_relative_to_the_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nsources = "corpus"\nfacts = ["a", "b"]\nstrict = true\nmin_words = 6\n'
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "corpus").mkdir()
    config = load_config(tmp_path / "sub")
    assert config.root == tmp_path.resolve()
    assert config.sources == (tmp_path / "corpus").resolve()
    assert config.facts == [tmp_path.resolve() / "a", tmp_path.resolve() / "b"]
    assert config.match.strict is True and config.match.min_words == 6
    assert config.problems == []


def test_defaults_without_a_pyproject(tmp_path):
    config = load_config(tmp_path)
    assert config.sources == (tmp_path / "seeds").resolve()
    assert config.facts == [tmp_path.resolve() / "facts"]


def test_command_line_overrides(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "corpus"\n')
    monkeypatch.chdir(tmp_path)
    config = load_config(tmp_path, sources="other", strict=True)
    assert config.sources == (tmp_path / "other").resolve() and config.match.strict is True


def test_unknown_and_broken_settings_are_problems_not_crashes(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsource = "corpus"\n')
    (problem,) = load_config(tmp_path).problems
    assert problem.line == 2 and problem.message.startswith("unknown [tool.factcheck] key 'source'")
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck\n")
    (problem,) = load_config(tmp_path).problems
    assert problem.file == "pyproject.toml" and problem.message.startswith("cannot read [tool.factcheck]")


def test_project_root_is_the_nearest_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "x" / "y").mkdir(parents=True)
    assert find_project_root(tmp_path / "x" / "y") == tmp_path.resolve()


def test_a_setting_of_the_wrong_type_is_a_problem_naming_its_line(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "corpus"\nmin_words = "four"\nstrict = 1\n')
    config = load_config(tmp_path)
    assert [(p.line, p.message) for p in config.problems] == [
        (3, "[tool.factcheck] min_words = 'four': expected a whole number from 0 to 1,000"),
        (4, "[tool.factcheck] strict = 1: expected true or false"),
    ]
    assert config.match.min_words == 4 and config.match.strict is False  # the defaults stand in


def problems_of(tmp_path, toml):
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    return [str(problem) for problem in load_config(tmp_path).problems]


def test_a_tool_or_factcheck_that_is_no_table_is_one_problem_at_its_line(tmp_path):
    """`[tool] factcheck = "seeds"` and `tool = 3` raised AttributeError."""
    assert problems_of(tmp_path, '[project]\nname = "x"\n[tool]\nfactcheck = "seeds"\n') == [
        "pyproject.toml:4:1: [tool] factcheck = 'seeds': write the settings as a table, "
        'as in [tool.factcheck] then sources = "seeds"'
    ]
    assert problems_of(tmp_path, 'tool = 3\n') == [
        "pyproject.toml:1:1: tool = 3: 'tool' must be a table, as in [tool.factcheck]"
    ]
    assert problems_of(tmp_path, 'tool.factcheck = 3\n')[0].startswith("pyproject.toml:1:1: [tool] factcheck = 3")
    assert find_project_root(tmp_path) == tmp_path.resolve()  # still this project, its error shown


def test_numbers_out_of_range_are_problems_and_the_defaults_stand_in(tmp_path):
    """nan, inf and 1e308 slips raised ValueError/OverflowError at the first quote; a huge max_bracket, an
    OverflowError compiling the regex."""
    (tmp_path / "seeds").mkdir()
    for setting in ("slips_per_100 = nan", "slips_per_100 = inf", "slips_per_100 = 1e308", "slips_per_100 = -1",
                    "max_bracket = 10000000000", "min_words = 99999999999", "max_quote_chars = 0"):
        (problem,) = problems_of(tmp_path, f"[tool.factcheck]\n{setting}\n")
        key = setting.split()[0]
        assert problem.startswith(f"pyproject.toml:2:1: [tool.factcheck] {key} = "), problem
        assert " from " in problem
        config = load_config(tmp_path)
        assert config.match == MatchOptions() and config.limits == Limits()


def test_facts_must_be_paths_named_at_the_pyproject_line(tmp_path):
    """`facts = [1, {a=1}]` reported `1:1:1: no such file or directory`."""
    (tmp_path / "seeds").mkdir()
    assert problems_of(tmp_path, '[tool.factcheck]\nsources = "seeds"\nfacts = [1, {a=1}]\n') == [
        "pyproject.toml:3:1: [tool.factcheck] facts = [1, {'a': 1}]: expected a path or a list of paths (strings)"
    ]
    assert load_config(tmp_path).facts == [tmp_path.resolve() / "facts"]


def test_sources_naming_a_file_or_nothing_is_one_problem_at_its_line(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert problems_of(tmp_path, '[tool.factcheck]\nfacts = "facts"\nsources = "notes.txt"\n') == [
        "pyproject.toml:3:1: [tool.factcheck] sources: notes.txt/ is not a directory: "
        "name the directory that holds the sources"
    ]
    assert problems_of(tmp_path, '[tool.factcheck]\nsources = "corpus"\n') == [
        "pyproject.toml:2:1: [tool.factcheck] sources: corpus/ does not exist: "
        "name the directory that holds the sources"
    ]
    assert [str(p) for p in load_config(tmp_path, sources=str(tmp_path / "elsewhere")).problems] == [
        "elsewhere:1:1: the sources root elsewhere/ does not exist: pass --sources DIR or set "
        "[tool.factcheck] sources in pyproject.toml"
    ]


def test_limits_are_settings(tmp_path):
    (tmp_path / "seeds").mkdir()
    assert problems_of(tmp_path, "[tool.factcheck]\nmax_quote_chars = 20000\nmax_nesting = 100\n") == []
    assert load_config(tmp_path).limits == Limits(max_quote_chars=20000, max_nesting=100)
    (problem,) = problems_of(tmp_path, "[tool.factcheck]\nmax_nesting = 100000\n")
    assert problem == "pyproject.toml:2:1: [tool.factcheck] max_nesting = 100000: expected a whole number from 1 to 400"


def test_max_bracket_0_lets_a_bracket_stand_for_nothing_only():
    """The README allows max_bracket = 0; it raised re.error at the first bracketed quote."""
    from checker.match import Document, locate

    doc = Document.from_text("The minister said the new tax would not pass this year at all.\n", "s.txt")
    inserted = "The minister said [that] the new tax would not pass"
    replacing = "The minister said [it] new tax would not pass"
    assert locate(inserted, doc, MatchOptions(max_bracket=0)).ok
    assert not locate(replacing, doc, MatchOptions(max_bracket=0)).ok  # [it] would stand for "the": 3 > 0
    assert locate(replacing, doc, MatchOptions(max_bracket=60)).ok


def test_jobs_is_a_number_of_processes_or_auto(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\njobs = 3\n", encoding="utf-8")
    assert load_config(tmp_path).jobs == 3
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\njobs = "auto"\n', encoding="utf-8")
    assert load_config(tmp_path).jobs == AUTO
    for setting in ("jobs = 0", "jobs = 65", 'jobs = "many"', "jobs = true", "jobs = 1.5"):
        (problem,) = problems_of(tmp_path, f"[tool.factcheck]\n{setting}\n")
        assert problem.startswith("pyproject.toml:2:1: [tool.factcheck] jobs = "), problem
        assert problem.endswith(': expected a number of processes from 1 to 64, or "auto"'), problem
        assert load_config(tmp_path).jobs == 1
