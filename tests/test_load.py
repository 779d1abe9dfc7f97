"""Strict YAML loading: positions on every key and item, and a clear file:line for every error."""
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
        "facts/x.yaml:1:4: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed: only plain YAML (no ! tags)"
    ]
    assert problems("x: !!timestamp 2019-11-29\n")[0].startswith("facts/x.yaml:1:4: tag 'tag:yaml.org,2002:timestamp'")


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
