"""Each check built for issue 12 bites on the curated suite as it stood before the content fixes: restore one old
fact (or citation) and the check fails or warns, naming the fact. The curated suite itself stays clean."""
from __future__ import annotations

import json

from checker.cli import main
from tests.test_curated import copy_suite, replace


def findings(root, kind: str) -> list[dict]:
    """The failing (error or warning) results of one rule kind in the curated suite's report."""
    main(["check", "--json", str(root / "report.json")])
    report = json.loads((root / "report.json").read_text(encoding="utf-8"))
    return [r for r in report["contradictions"] if r["kind"] == kind and not r["ok"]]


def test_the_curated_suite_has_no_support_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_suite(tmp_path))
    assert findings(tmp_path, "support") == []


def test_support_warns_on_the_old_mystery_quote(tmp_path, monkeypatch):
    """Comment 8: "the mystery surrounding TamTam" cited for "a carbon copy of Telegram" (the old fact, restored)."""
    monkeypatch.chdir(copy_suite(tmp_path))
    path = tmp_path / "facts/tamtam-app.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: tamtam-carbon-copy\n")
    end = text.index("    note:", start)
    path.write_text(text[:start] + OLD_CARBON_COPY + text[end:], encoding="utf-8")
    [found] = findings(tmp_path, "support")
    assert found["severity"] == "warning" and found["facts"] == ["tamtam-carbon-copy"]
    assert "seeds/004_3c3116bf203ab6e7.txt:27) shares no word with the claim" in found["message"]


OLD_CARBON_COPY = """  - id: tamtam-carbon-copy
    claim: ThePrint calls TamTam a carbon copy of Telegram.
    citations:
      - {source: 004_3c3116bf203ab6e7.txt, quote: "But the mystery surrounding TamTam isn’t only because it’s a new \
app."}
      - {source: 004_3c3116bf203ab6e7.txt, quote: "A carbon copy of Telegram messenger, TamTam’s entry into the social \
media market has remained shrouded in mystery"}
"""


def test_support_warns_on_the_old_attacker_killed(tmp_path, monkeypatch):
    """Comment 2: the attacker's death held about Usman Khan on the Basu headline and a quote that names neither."""
    monkeypatch.chdir(copy_suite(tmp_path))
    replace(tmp_path / "facts/attack.yaml",
            "    about: london-bridge-attack\n    property: attacker-killed\n    value: {boolean: true}\n"
            "    citations:\n",
            "    about: usman-khan\n    property: killed\n    value: {boolean: true}\n    citations:\n"
            "      - {source: 004_3c3116bf203ab6e7.txt, quote: \"Neil Basu, UK top cop who killed London Bridge attack "
            "suspect\"}\n")
    [found] = findings(tmp_path, "support")
    assert found["facts"] == ["attacker-killed"] and found["severity"] == "warning"
    assert found["message"].startswith("attacker-killed is about Usman Khan")


def test_the_curated_suite_keeps_every_attribution(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_suite(tmp_path))
    assert findings(tmp_path, "attribution") == []


def test_attribution_warns_on_the_old_two_groups_fact(tmp_path, monkeypatch):
    """Comment 6: "according to Van Ostaeyen" dropped, his count of his own groups stated as Telegram's."""
    monkeypatch.chdir(copy_suite(tmp_path))
    replace(tmp_path / "facts/migration.yaml",
            "    claim: According to Van Ostaeyen, as of Tuesday afternoon, 3 December, only two of the groups he "
            "followed were still active on Telegram.",
            "    claim: As of Tuesday afternoon, 3 December, Telegram had only two active groups.")
    [found] = findings(tmp_path, "attribution")
    assert found["facts"] == ["telegram-two-groups-tuesday"] and found["severity"] == "warning"
    assert "is the word of Pieter Van Ostaeyen" in found["message"]


def test_attribution_warns_on_the_old_hearsay_dropped(tmp_path, monkeypatch):
    """Comment 14: 001's "As it became known" dropped from the claim and the quote."""
    monkeypatch.chdir(copy_suite(tmp_path))
    replace(tmp_path / "facts/migration.yaml",
            '    claim: The Russian article reports, as hearsay ("as it became known"), that TamTam\'s administration '
            "deleted hundreds of accounts.",
            "    claim: TamTam's administration deleted hundreds of accounts.")
    replace(tmp_path / "facts/migration.yaml", 'quote: "As it became known, the administration of TamTam deleted',
            'quote: "the administration of TamTam deleted')
    [found] = findings(tmp_path, "attribution")
    assert found["facts"] == ["tamtam-deleted-hundreds"] and "is hedged ('As it became known'" in found["message"]


def test_the_curated_verdicts_rest_on_evidence_that_stands(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_suite(tmp_path))
    assert findings(tmp_path, "verdicts") == []


def test_verdicts_fail_the_old_argument_that_001_contradicts_itself(tmp_path, monkeypatch):
    """Comment 3: the old resolution quoted 001 as saying its groups "fell silent on Friday night after the attack";
    held as evidence, that quote fails: 001 never says "after the attack"."""
    monkeypatch.chdir(copy_suite(tmp_path))
    replace(tmp_path / "facts/attack.yaml",
            '            - {source: 000_12e6b7cc27e0264f.txt, quote: "Following the London Bridge terror attack on '
            'Friday"}\n',
            '            - {source: 001_2afa2717bd8a4cc8.txt, quote: "fell silent on Friday night after the attack"}\n')
    [found] = findings(tmp_path, "verdicts")
    assert found["facts"] == ["attack-date"] and found["severity"] == "error"
    assert "does not stand in seeds/001_2afa2717bd8a4cc8.txt" in found["message"]


def test_verdicts_fail_the_old_tuesday_fact_once_the_record_is_rated(tmp_path, monkeypatch):
    """Comment 5: the old fact held ISIS gone from TamTam on Tuesday; rate the Telegraph's check against the record and
    the verdict says the fact holds the wrong value."""
    monkeypatch.chdir(copy_suite(tmp_path))
    path = tmp_path / "facts/migration.yaml"
    replace(path, "  - id: tamtam-groups-gone-tuesday\n", "  - id: tamtam-groups-gone-tuesday\n    disputed_by:\n"
            "      - source: 003_1288ced4304eb56c.txt\n"
            '        quote: "many were still active when the Telegraph checked on Tuesday"\n'
            "        says: {boolean: true}\n        resolution: the old resolution, not fully settled\n"
            "        verdict:\n          rating: accurate\n          evidence:\n"
            '            - {source: 003_1288ced4304eb56c.txt, quote: "TamTam has begun a smaller purge on some of the '
            'accounts"}\n')
    [found] = findings(tmp_path, "verdicts")
    assert found["facts"] == ["tamtam-groups-gone-tuesday"]
    assert "is rated accurate" in found["message"] and "the value the fact holds is the wrong one" in found["message"]


def test_coverage_counts_the_old_attacker_quote_as_no_coverage(tmp_path, monkeypatch, capsys):
    """Check D: the old quote of 004's line 6 shared its words but left out "Russian", "TamTam" and "the Islamic State";
    the three-word measure counted the sentence covered, the new one names what no quote takes."""
    monkeypatch.chdir(copy_suite(tmp_path))
    assert main(["coverage", "--min", "100"]) == 0
    capsys.readouterr()
    replace(tmp_path / "facts/attack.yaml",
            'quote: "It was on Russian messenger app TamTam that the Islamic State claimed responsibility for London '
            'Bridge attack by Usman Khan of Pakistani origin."',
            'quote: "claimed responsibility for London Bridge attack by Usman Khan of Pakistani origin"')
    assert main(["coverage", "--min", "100"]) == 1
    out = capsys.readouterr().out
    assert "seeds/004_3c3116bf203ab6e7.txt: 97.1% of 35 checkable sentences (30 cited, 4 excepted, 1 uncited)" in out
    assert "seeds/004_3c3116bf203ab6e7.txt:6: uncited: It was on Russian messenger app TamTam" in out
    assert "(quoted, but no quote takes: Russian, TamTam, the Islamic State)" in out
