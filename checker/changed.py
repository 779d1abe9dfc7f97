"""Changed-only runs (`--changed-since REF`): which files git says changed since a ref, which facts that touches (a
fact in a changed fact file, a fact citing a changed source), and the report of those facts, the rule findings that
involve none of them set aside as pre-existing (reported, never counted)."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.report import document, is_contradiction, rule_lines


class ChangeError(Exception):
    """git could not say what changed (not a repository, an unknown ref); the message says what to do."""


@dataclass(frozen=True)
class Change:
    """The files changed since `ref` in the working tree (staged or not, untracked included): added, modified,
    renamed (both names), deleted; absolute paths."""

    ref: str
    paths: frozenset[Path]

    def touches(self, path: Path) -> bool:
        return Path(path).resolve() in self.paths


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    except OSError as error:
        raise ChangeError(f"--changed-since needs git: {error.strerror or error}") from None
    if done.returncode != 0:
        why = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed"
        raise ChangeError(why)
    return done.stdout


def changed_since(ref: str, cwd: Path) -> Change:
    """What changed since `ref` in the repository holding `cwd`."""
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except ChangeError as error:
        raise ChangeError(f"--changed-since {ref}: {cwd} is not in a git repository ({error})") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except ChangeError:
        raise ChangeError(f"--changed-since {ref}: no such commit, branch or tag in {top} (a shallow clone may "
                          "lack it: fetch it, e.g. actions/checkout with fetch-depth: 0)") from None
    listed = _git(["diff", "--name-status", "-z", "-M", ref, "--"], top).split("\0")
    names, fields = [], iter(item for item in listed if item)
    for status in fields:
        names.append(next(fields))
        if status[0] in "RC":  # renamed or copied: the old and the new name
            names.append(next(fields))
    names += [name for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0") if name]
    return Change(ref, frozenset((top / name).resolve() for name in names))


def touched_facts(doc: dict[str, Any], change: Change, resolve, sources_root: Path) -> set[tuple[str, int, str]]:
    """The facts (file, line, id) a change touches: their fact file changed, or a source one of them cites."""
    touched = set()
    for fact in doc["facts"]:
        cited = [c["source"] for c in fact["citations"] + fact["disputed_by"]]
        if change.touches(resolve(fact["file"])) or any(change.touches(sources_root / name) for name in cited):
            touched.add((fact["file"], fact["line"], fact["id"]))
    return touched


def only_changed(doc: dict[str, Any], change: Change, resolve, sources_root: Path) -> dict[str, Any]:
    """The report of a changed-only run: the touched facts, the rule findings that involve one of them, every input
    error; the findings that involve none under `pre_existing`."""
    touched = touched_facts(doc, change, resolve, sources_root)
    facts = [f for f in doc["facts"] if (f["file"], f["line"], f["id"]) in touched]
    ids = {fact_id for _, _, fact_id in touched}
    rules = doc["contradictions"] + doc["disputes"] + doc["waivers"]
    kept = [r for r in rules if ids & set(r["facts"]) or not r["facts"]]
    earlier = [r for r in doc["contradictions"] if is_contradiction(r) and not ids & set(r["facts"])]
    why = f"changed since {change.ref}: {len(facts)} of {len(doc['facts'])} facts checked"
    result = document(facts, kept, doc["errors"], [*doc["incomplete"], why], doc.get("sources", ()))
    return {**result, "changed_since": change.ref, "pre_existing": earlier}


def pre_existing_lines(doc: dict[str, Any]) -> list[str]:
    """The findings a changed-only run set aside, for the text output."""
    lines = []
    for rule in doc.get("pre_existing", ()):
        first, *rest = rule_lines(rule)
        lines += [f"pre-existing (involves no changed fact): {first}", *rest]
    if "changed_since" in doc:
        lines.append(f"changed since {doc['changed_since']}: {doc['summary']['facts']} facts checked, "
                     f"{len(doc.get('pre_existing', ()))} pre-existing findings not counted")
    return lines


def merged(doc: dict[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """A run over several projects: what each changed-only report said, kept in the merged one."""
    if not any("changed_since" in part for part in docs):
        return doc
    earlier = [rule for part in docs for rule in part.get("pre_existing", ())]  # merge_documents keeps `incomplete`
    return {**doc, "changed_since": docs[0]["changed_since"], "pre_existing": earlier}


def touches_fact(fact, change: Change, fact_file: Path, sources_root: Path) -> bool:
    """Whether a change touches a fact as loaded (the pytest plugin selects items with this)."""
    cited = [c.source for c in fact.citations] + [d.citation.source for d in fact.disputes]
    return change.touches(fact_file) or any(change.touches(sources_root / name) for name in cited)
