"""[tool.factcheck]: sources and facts relative to pyproject.toml; the command line overrides."""
from checker.config import find_project_root, load_config


def test_settings_are_relative_to_the_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nsources = "corpus"\nfacts = ["a", "b"]\nstrict = true\nmin_words = 6\n'
    )
    (tmp_path / "sub").mkdir()
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
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nsources = "corpus"\nmin_words = "four"\nstrict = 1\n')
    config = load_config(tmp_path)
    assert [(p.line, p.message) for p in config.problems] == [
        (3, "[tool.factcheck] min_words = 'four': expected a number, 0 or more"),
        (4, "[tool.factcheck] strict = 1: expected true or false"),
    ]
    assert config.match.min_words == 4 and config.match.strict is False  # the defaults stand in
