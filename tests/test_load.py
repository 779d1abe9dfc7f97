"""Strict YAML loading: positions on every key and item, and a clear file:line for every error."""
import time

from checker.limits import Limits
from checker.load import Mapping, Sequence, load_file, load_text, position_of


def problems(text):
    return [str(p) for p in load_text(text, "facts/x.yaml").problems]


def test_positions_are_one_based_lines_and_columns():
    data = load_text("facts:\n  - id: a\n    claim: b\n", "f.yaml").data
    assert isinstance(data, Mapping) and isinstance(data["facts"], Sequence)
    assert position_of(data, ["facts", 0, "claim"]) == (3, 5)
    assert data["facts"][0].line_of("id") == 2
    assert data["facts"].item_positions == [(2, 5)]


def test_position_of_a_missing_key_is_its_deepest_parent():
    data = load_text("facts:\n  - id: a\n", "f.yaml").data
    assert position_of(data, ["facts", 0, "nope", 3]) == (2, 5)


def test_duplicate_key_is_an_error_naming_both_lines():
    assert problems("facts:\n  - id: a\n    id: b\n") == [
        "facts/x.yaml:3:5: duplicate key 'id' (first at line 2): keep one of them"
    ]


def test_dates_and_yaml_1_1_booleans_stay_strings():
    data = load_text("date: 2019-11-29\nanswer: no\nflag: on\ntruth: true\nn: 12\nx: 1.5\nnothing: null\n", "f").data
    assert data == {
        "date": "2019-11-29", "answer": "no", "flag": "on", "truth": True, "n": 12, "x": 1.5, "nothing": None
    }


def test_tags_are_refused():
    assert problems("x: !!python/object:os.system ls\n") == [
        "facts/x.yaml:1:4: tag '!!python/object:os.system' is not allowed: only plain YAML (no ! tags): "
        "write the value plainly"
    ]
    assert problems("x: !!timestamp 2019-11-29\n")[0].startswith("facts/x.yaml:1:4: tag '!!timestamp'")


def test_standard_tags_are_refused_too_even_where_they_change_nothing():
    """The README: tags are errors. `!!float 1e400` passed silently as infinity, `!!str 3` as text."""
    for tagged in ("!!float 1e400", "!!str 3", "!!int 3", "!!bool yes", "!!null x", "!local x", "!!map {a: 1}"):
        (problem,) = problems(f"facts:\n  - note: {tagged}\n")
        assert problem.startswith(f"facts/x.yaml:2:11: tag '{tagged.split()[0]}' is not allowed"), problem
    assert load_text("a: Wow! great\nb: '!x'\n", "f").data == {"a": "Wow! great", "b": "!x"}  # no tag: text


def test_a_number_too_large_for_a_float_is_an_error_at_its_line_not_a_traceback():
    """4,301 digits made int() raise (a traceback, every file a collection error); 1e400 became infinity."""
    for number in ("1" * 5000, "1" + "0" * 400, "-" + "9" * 309, "1e400", "-2.5e999"):
        (problem,) = problems(f"facts:\n  - id: a\n    note: {number}\n")
        assert problem.startswith("facts/x.yaml:3:11: the number "), problem
        assert problem.endswith("is too large for a fact file (at most 308 digits, below 1e308): "
                                "put it in quotes to keep it as text")
    assert load_text(f"a: {'9' * 308}\nb: 1e308\nc: '{'1' * 5000}'\n", "f").data == {
        "a": int("9" * 308), "b": 1e308, "c": "1" * 5000
    }


def test_an_alias_expansion_bomb_is_refused_quickly_naming_the_setting():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]  # 9**10 values
    started = time.perf_counter()
    (problem,) = problems("\n".join(lines + ["facts: *a9"]))
    assert time.perf_counter() - started < 2
    assert problem.startswith("facts/x.yaml:7:5: values once the aliases (*name) are expanded: ")
    assert "over the limit of 1,000,000 ([tool.factcheck] max_yaml_values)" in problem
    assert problems("a: &x [1, 2]\nb: [*x, *x]\n") == []  # a few aliases are fine
    assert load_text("a: &x [1, 2]\nb: [*x, *x]\n", "f", Limits(max_yaml_values=6)).problems


def test_a_recursive_alias_is_an_error():
    assert problems("a: &x [1, *x]\n") == ["facts/x.yaml:1:4: an alias (*name) inside the value it names: "
                                            "write the values out"]


def test_nesting_is_bounded_before_python_recursion_is():
    """900 nested lists raised RecursionError while building the data."""
    for depth in (100, 900):
        (problem,) = problems("a: " + "[" * depth + "]" * depth)
        assert problem.startswith("facts/x.yaml:1:")
        assert "nested inside each other: 65, over the limit of 64 ([tool.factcheck] max_nesting)" in problem
    block = "".join("  " * i + "k:\n" for i in range(900)) + "  " * 900 + "v\n"
    assert "max_nesting" in problems(block)[0]
    assert problems("a: " + "[" * 60 + "]" * 60) == []


def test_a_file_over_max_file_bytes_is_not_read(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("facts: []\n" + "# padding\n" * 20, encoding="utf-8")
    (problem,) = load_file(path, "facts/big.yaml", Limits(max_file_bytes=100)).problems
    assert str(problem) == ("facts/big.yaml:1:1: file size in bytes: 210, over the limit of 100 "
                            "([tool.factcheck] max_file_bytes): split it into several files")


def test_merge_keys_are_refused():
    assert problems("a: &x {b: 1}\nc:\n  <<: *x\n") == [
        "facts/x.yaml:3:3: merge keys ('<<') are not allowed: write the keys out"
    ]


def test_syntax_error_names_the_line():
    (problem,) = load_text("facts:\n  - id: a\n    claim: [unclosed\n", "facts/x.yaml").problems
    assert problem.file == "facts/x.yaml" and problem.line == 4 and problem.message.startswith("invalid YAML:")


def test_several_documents_and_empty_files_are_errors():
    assert problems("a: 1\n---\nb: 2\n") == [
        "facts/x.yaml:2:1: more than one YAML document ('---'): keep one document per file"
    ]
    assert problems("# only a comment\n") == ["facts/x.yaml:1:1: the file is empty: add a 'facts:' list"]


def test_bom_and_crlf_are_read(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufefffacts:\r\n  - id: a\r\n    claim: “b”\r\n".encode("utf-8"))
    loaded = load_file(path, "facts/x.yaml")
    assert loaded.problems == []
    assert loaded.data["facts"][0]["claim"] == "“b”"
    assert position_of(loaded.data, ["facts", 0, "claim"]) == (3, 5)


def test_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"facts:\n  - id: a\n    claim: \xff\n")
    assert [str(p) for p in load_file(path, "facts/x.yaml").problems] == [
        "facts/x.yaml:3:1: not valid UTF-8: save the file as UTF-8"
    ]


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    (problem,) = load_file(tmp_path / "missing.yaml", "facts/missing.yaml").problems
    assert problem.file == "facts/missing.yaml" and "cannot read file" in problem.message
