"""Property-based fuzzing of everything a pull request can change (issue 13): Hypothesis writes a project — fact
files, sources, sources.yaml, a [tool.factcheck] section — mixing good facts with hostile and broken input, and
runs `factcheck check --json` in-process on it.

For every project: no exception escapes (no traceback), the exit code is 0, 1 or 2, every good fact is still
reported (and passes when nothing broke its source or its settings), the report is valid against its schema, no
rule crashed, and no file but the report changed.

The default run is short (CI); FACTCHECK_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py explores much further.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
import yaml
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from checker.cli import main
from checker.validate import load_schema

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "30"))
WORDS = ("river", "bridge", "council", "seven", "never", "market", "closed", "report", "said", "morning", "vote",
         "police", "minutes", "before", "after", "the", "a", "was", "not", "three", "north", "road", "water")

# [tool.factcheck] lines. Invalid values fall back to the defaults; the valid ones leave a verbatim quote passing.
HARMLESS_SETTINGS = (
    'facts = "facts"', "strict = true", "max_bracket = 0", "max_bracket = 10000000000", "slips_per_100 = nan",
    "slips_per_100 = inf", "slips_per_100 = 1e308", "slips_per_100 = 0", "min_words = -1", 'min_words = "four"',
    "max_quote_chars = 20000", "max_quote_chars = 0", "max_nesting = 100", "max_nesting = 100000",
    "max_yaml_values = 100000", "facts = [1, {a=1}]", "strict = 1", "unknown_key = 3", "max_gap = 400",
)
# These break the good facts' sources (their citations then fail) or, the last, refuse their file (too many values).
SOURCE_BREAKING_SETTINGS = ('sources = "good.txt"', 'sources = "missing"', "sources = 3", 'sources = "/"',
                            'sources = "corpus"\nmax_yaml_values = 10')
BROKEN_PYPROJECTS = ("[tool.factcheck\n", "tool = 3\n", '[tool]\nfactcheck = "seeds"\n', "\xff\xfe",
                     "[tool.factcheck]\nsources = 'seeds'\nsources = 'x'\n")

# Fact-file fragments a careless or hostile contributor writes.
FRAGMENTS = (
    "facts:\n  - id: bad-tag\n    claim: x\n    note: !!float 1e400\n",
    "facts:\n  - id: bad-int\n    claim: x\n    note: " + "1" * 5000 + "\n",
    "facts:\n  - id: bad-float\n    claim: x\n    value: 1" + "0" * 400 + "\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nfacts: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
    "facts: " + "[" * 500 + "]" * 500 + "\n",
    "facts:\n  - id: bad-nul\n    claim: x\n    citations:\n      - source: \"000\\0.txt\"\n"
    "        quote: the river was closed before the vote\n",
    "facts:\n  - id: bad-long\n    claim: x\n    citations:\n      - source: good.txt\n        quote: \""
    + "word " * 1500 + "\"\n",
    "facts:\n  - id: bad-lines\n    claim: x\n    citations:\n      - source: good.txt\n"
    "        quote: the river was closed before the vote\n        lines: [5, 1]\n",
    "facts:\n  - id: bad-escape\n    claim: \"x\\n::error file=x::pwned\\e]0;title\\a\\e[31m\"\n    citations: []\n",
    "facts:\n  - id: bad-dup\n    id: again\n",
    "a: &x {b: 1}\nfacts:\n  - <<: *x\n",
    "facts: 3\n", "---\nfacts: []\n---\nfacts: []\n", "", "\ufeff", "facts:\n  - 3\n  - [x]\n  - null\n",
    "rules:\n  - {kind: nope}\n  - {kind: before, first: bad-dup, then: nothing}\n  - 3\n",
    "entities:\n  - {id: e1, kind: person, name: Kalomi Nerusa, aliases: [Kalomi]}\n  - {id: e1}\n",
    "facts:\n  - id: bad-source\n    claim: x\n    citations:\n      - source: ../pyproject.toml\n"
    "        quote: the river was closed before the vote\n",
    "facts:\n  - id: bad-pipe\n    claim: x\n    citations:\n      - source: pipe.txt\n"
    "        quote: the river was closed before the vote\n",
    "facts:\n  - id: bad-cr\r    claim: x\r    citations: []\r",
    "facts:\n  - id: bad-date\n    claim: x\n    about: vote\n    property: date\n    value: 9999-12-31\n"
    "    citations:\n      - source: edge.txt\n        quote: the vote is set for next year, police said\n",
)
METADATA = (
    'sources:\n  - file: good.txt\n    published: "2019-11-29"\n',
    'sources:\n  - file: edge.txt\n    published: "9999-12-30"\n  - file: good.txt\n',
    'sources:\n  - file: edge.txt\n    published: "0001-01-01"\n',
    "sources: [", "sources:\n  - file: 3\n    lineage: {kind: copy, of: good.txt}\n", "!!python/object x", "",
)


KEYS = ("id", "claim", "citations", "source", "quote", "lines", "prefix", "suffix", "strict", "about", "property",
        "value", "unit", "disputed_by", "says", "resolution", "waive", "rule", "token", "reason", "requires_sources",
        "independence", "numbers_not_stated", "kind", "name", "aliases", "first", "then", "within_days", "severity")
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**400, 10**400), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.sampled_from(("good.txt", "edge.txt", "pipe.txt", "../x", "2019-11-29", "9999-12-31",
                                           "before", "names", "value-agreement", "12 %", "Friday", "e1", "good-0")),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5), max_leaves=20)


def generated_fact_file() -> st.SearchStrategy[str]:
    """A fact file built from the real keys with any values: the schema, the suite and the rules see odd data."""
    top = st.fixed_dictionaries({}, optional={"facts": st.lists(VALUES, max_size=3),
                                              "entities": st.lists(VALUES, max_size=2),
                                              "rules": st.lists(VALUES, max_size=2)})
    return top.map(lambda data: yaml.safe_dump(data, allow_unicode=True, width=10**6))


def sentences() -> st.SearchStrategy[list[str]]:
    sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=10).map(" ".join)
    return st.lists(sentence, min_size=1, max_size=4, unique=True)


@st.composite
def projects(draw) -> dict:
    good = draw(sentences())
    breaks_sources = draw(st.booleans()) and draw(st.sampled_from((True, False)))
    if draw(st.integers(0, 9)) == 0:
        pyproject = draw(st.sampled_from(BROKEN_PYPROJECTS))
        breaks_sources = True  # the sources root is then the default, seeds/, which is no directory here
    else:
        lines = draw(st.lists(st.sampled_from(HARMLESS_SETTINGS), max_size=4, unique_by=lambda line: line.split()[0]))
        lines.append(draw(st.sampled_from(SOURCE_BREAKING_SETTINGS)) if breaks_sources else 'sources = "corpus"')
        pyproject = "[tool.factcheck]\n" + "\n".join(lines) + "\n"
    fragments = draw(st.lists(st.sampled_from(FRAGMENTS), max_size=4))
    noise = draw(st.lists(st.text(max_size=200) | generated_fact_file(), max_size=2))
    line_end = draw(st.sampled_from(("\n", "\r\n", "\r")))
    return {
        "good": good,
        "breaks_sources": breaks_sources,
        "pyproject": pyproject,
        "fragments": fragments,
        "noise": noise,
        "metadata": draw(st.sampled_from(METADATA)),
        "source_text": line_end.join(f"{s}." for s in good) + line_end,
        "extra_source": draw(st.binary(max_size=100)),
        "fifo": draw(st.booleans()),
        "strange_name": draw(st.sampled_from((b"caf\xe9.yaml", b"U\xcc\x88ber.yaml", b"plain.yaml"))),
    }


def write_project(root: Path, project: dict) -> list[str]:
    """The project's files under root; the ids of the good facts."""
    (root / "pyproject.toml").write_text(project["pyproject"], encoding="utf-8", errors="surrogateescape")
    corpus, facts = root / "corpus", root / "facts"
    corpus.mkdir()
    facts.mkdir()
    (corpus / "good.txt").write_text(project["source_text"], encoding="utf-8", newline="")
    (corpus / "edge.txt").write_text("The vote is set for next year, police said.\n", encoding="utf-8")
    (corpus / "sources.yaml").write_text(project["metadata"], encoding="utf-8")
    (corpus / "bytes.txt").write_bytes(project["extra_source"])
    if project["fifo"]:
        os.mkfifo(corpus / "pipe.txt")
    ids = [f"good-{index}" for index in range(len(project["good"]))]
    good = "facts:\n" + "".join(
        f"  - id: {fact_id}\n    claim: one of the sentences stands in the source\n    citations:\n"
        f"      - source: good.txt\n        quote: {json.dumps(sentence)}\n"
        for fact_id, sentence in zip(ids, project["good"])
    )
    (facts / "good.yaml").write_text(good, encoding="utf-8")
    for index, fragment in enumerate(project["fragments"]):
        (facts / f"bad{index}.yaml").write_text(fragment, encoding="utf-8", newline="")
    for index, noise in enumerate(project["noise"]):
        (facts / f"noise{index}.yaml").write_bytes(noise.encode("utf-8", "surrogatepass"))
    with open(os.path.join(os.fsencode(facts), project["strange_name"]), "wb") as strange:
        strange.write(b"facts:\n  - id: strange\n    claim: x\n")
    return ids


def snapshot(root: Path) -> dict[str, bytes | str]:
    found: dict[str, bytes | str] = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            found[path] = "fifo" if not os.path.isfile(path) else Path(path).read_bytes()
    return found


REPORT_SCHEMA = Draft202012Validator(load_schema("report"))


# Each example runs the whole CLI: shrinking a failure can take minutes, so only the long run shrinks.
PHASES = tuple(Phase) if os.environ.get("FACTCHECK_FUZZ_EXAMPLES") else (Phase.explicit, Phase.reuse, Phase.generate)


@settings(max_examples=EXAMPLES, deadline=None, phases=PHASES,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(projects())
def test_no_input_crashes_the_run_hides_a_good_fact_or_changes_a_file(project):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        ids = write_project(root, project)
        before = snapshot(root)
        previous = os.getcwd()
        out = io.StringIO()
        os.chdir(root)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                code = main(["check", "--json", "report.json"])
        finally:
            os.chdir(previous)
        assert code in (0, 1, 2), out.getvalue()
        report = json.loads((root / "report.json").read_text(encoding="utf-8"))
        errors = sorted(REPORT_SCHEMA.iter_errors(report), key=str)
        assert not errors, errors[0]
        reported = {entry["id"]: entry for entry in report["facts"]}
        if "max_yaml_values = 10\n" not in project["pyproject"]:
            assert set(ids) <= set(reported), out.getvalue()
        if not project["breaks_sources"]:  # each good quote still proved (a rule over the suite may fail the fact)
            assert all(c["ok"] for fact_id in ids for c in reported[fact_id]["citations"]), out.getvalue()
        assert "this is a bug in factcheck" not in out.getvalue()
        assert "Traceback" not in out.getvalue()
        after = snapshot(root)
        after.pop(str(root / "report.json"))
        cache = str(root / ".factcheck-cache") + os.sep  # the run's own cache (checker/cache.py), not an input
        assert {path: content for path, content in after.items() if not path.startswith(cache)} == before
