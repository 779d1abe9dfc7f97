"""The Markdown summary, for `$GITHUB_STEP_SUMMARY` or a pull request comment: the counts, a table of failures
(the first ones in full, the rest collapsed), warnings, acknowledged disputes with their resolutions, and a
```suggestion block where the fix is obvious (a transcription slip: the source's own words).

Every text from the inputs is escaped for Markdown and HTML, so a claim can neither format the page nor inject tags.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any, Callable
from urllib.parse import quote

from checker.output import shown
from checker.outputs.findings import Finding, findings
from checker.report import origin_lines

SHOWN_IN_FULL = 20  # failures listed in the table before the rest are collapsed
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")  # what could format, link or end a table cell

LineReader = Callable[[str, int], "str | None"]


def text(value: Any) -> str:
    """Input text as inert Markdown: HTML escaped, Markdown punctuation backslash-escaped, no mention, one line."""
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", shown(str(value)))
    return html.escape(escaped, quote=False).replace("@", "&#64;")


def code(value: Any) -> str:
    """Input text shown as code in a table cell (a <code> element whose content is escaped like `text`)."""
    return f"<code>{text(value)}</code>" if value not in ("", None) else ""


def link(file: str, line: int, base: str) -> str:
    return f"[{text(f'{file}:{line}')}]({base}{quote(file)}#L{line})"


def summary(doc: dict[str, Any], sources_display: str, base: str = "", read_line: LineReader | None = None) -> str:
    """The whole summary, from the run's report document."""
    found = findings(doc, sources_display)
    errors = [f for f in found if f.level == "error"]
    warnings = [f for f in found if f.level == "warning"]
    lines = [f"## factcheck: {_verdict(doc)}", ""] + _counts(doc["summary"])
    if errors:
        lines += ["", f"### Failures ({len(errors)})", ""] + _table(errors, base)
    if warnings:
        lines += ["", f"### Warnings ({len(warnings)})", ""] + _table(warnings, base)
    suggestions = [s for s in (_suggestion(f, read_line, base) for f in found) if s]
    if suggestions:
        lines += ["", f"### Suggested fixes ({len(suggestions)})", ""]
        lines += [line for suggestion in suggestions for line in [*suggestion, ""]][:-1]
    shown_sources = [(entry["source"], origin_lines(entry)) for entry in doc.get("sources", ())]
    shown_sources = [(name, said) for name, said in shown_sources if said]  # plain text, no url or date: nothing
    if shown_sources:
        lines += ["", f"### Sources: the text read, where each comes from ({len(shown_sources)})", ""]
        lines += [f"- {code(f'{sources_display}/{name}')}: {text('; '.join(said))}" for name, said in shown_sources]
    if doc["disputes"]:
        lines += ["", f"### Acknowledged disputes ({len(doc['disputes'])})", ""] + _disputes(doc["disputes"], base)
    if not doc["complete"]:
        lines += ["", f"**Incomplete run:** {text('; '.join(doc['incomplete']))}"]
    return "\n".join(lines) + "\n"


def _verdict(doc: dict[str, Any]) -> str:
    s = doc["summary"]
    parts = [f"{s['errors']} input errors"] if s["errors"] else []
    if s["failed"] or s["contradictions"] or s["facts_failed"]:
        parts.append(f"{s['facts_failed']} of {s['facts']} facts fail")
    return ", ".join(parts) or f"all {s['facts']} facts pass"


def _counts(s: dict[str, int]) -> list[str]:
    rows = [
        ("facts", f"{s['facts']} ({s['facts_failed']} failing)"),
        ("citations", f"{s['citations']}: {s['passed']} passed, {s['failed']} failed"),
        ("disputing quotes", f"{s['dispute_quotes']} ({s['dispute_quotes_failed']} failed)"),
        ("contradictions", s["contradictions"]),
        ("acknowledged disputes", s["disputes"]),
        ("waived findings", s["waivers"]),
        ("warnings", s["warnings"]),
        ("input errors", s["errors"]),
    ]
    return ["| | |", "|---|---:|"] + [f"| {name} | {value} |" for name, value in rows]


def _table(found: list[Finding], base: str) -> list[str]:
    head = ["| fact | where | check | quote | the source says | diff / why |", "|---|---|---|---|---|---|"]
    rows = [_row(finding, base) for finding in found]
    lines = head + rows[:SHOWN_IN_FULL]
    if len(rows) > SHOWN_IN_FULL:
        lines += ["", f"<details><summary>{len(rows) - SHOWN_IN_FULL} more</summary>", ""]
        lines += head + rows[SHOWN_IN_FULL:] + ["", "</details>"]
    return lines


def _row(finding: Finding, base: str) -> str:
    where = link(finding.place.file, finding.place.line, base)
    citation = finding.citation
    if citation is not None:
        notes = [code(citation["diff"])] if citation["diff"] else []
        notes += [text(difference) for difference in citation["differences"]]
        why = "<br>".join(notes + ([text(citation["moved"])] if citation["moved"] else []))
        cells = [code(citation["quote"]), code(citation["matched"]), why]
    else:
        message = finding.rule["message"] if finding.rule else finding.message
        cells = ["", "", text(message)]
    return "| " + " | ".join([text(finding.fact), where, f"`{finding.check}`"] + cells) + " |"


def _disputes(disputes: list[dict[str, Any]], base: str) -> list[str]:
    lines = ["| facts | where | what the sources say | resolution |", "|---|---|---|---|"]
    for rule in disputes:
        place = next((loc for loc in rule["locations"] if loc["what"] == "dispute"), rule["locations"][0])
        where = link(place["file"], place["line"], base)
        lines.append(f"| {text(', '.join(rule['facts']))} | {where} | {text(rule['message'])} | "
                     f"{text(rule['resolution'] or '')} |")
    return lines


def _suggestion(finding: Finding, read_line: LineReader | None, base: str) -> list[str]:
    """A ```suggestion block with the corrected YAML line where the fix is obvious: a slip (the quote replaced by
    the source's own words) or a quote found away from its `lines:` pin (the pin moved to where it stands)."""
    citation, file = finding.citation, finding.place.file
    if read_line is None or citation is None:
        return []
    if finding.check == "quote/fuzzy" and len(citation["spans"]) == 1:
        line = finding.place.line
        original = read_line(file, line)
        corrected = _replace_quote(original or "", citation["quote"], " ".join(citation["matched"].split()))
        why = "quote the source's own words"
    elif finding.check == "quote/moved" and citation["location"]:
        line, corrected = _moved_pin(citation, finding.place.line, lambda n: read_line(file, n))
        why = "move the pin to where the quote stands"
    else:
        return []
    if not corrected:
        return []
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", corrected)), default=0))
    return [
        f"<details><summary>{text(finding.fact)} at {text(f'{file}:{line}')}: {why}</summary>", "",
        link(file, line, base), "",
        f"{fence}suggestion", shown(corrected), fence, "", "</details>",
    ]


PINNED_LINES = re.compile(r"^pinned to lines? (\d+)(?:-(\d+))? but found at ")
LINES_KEY = re.compile(r"\blines:\s*(?:\d+|\[\s*\d+\s*,\s*\d+\s*\])")


def _moved_pin(citation: dict[str, Any], quote_line: int, read) -> tuple[int, str | None]:
    """The citation's `lines:` line (within a few lines of its quote) with the pin moved to the line the quote was
    found at, keeping the range's length; None when the pin is not only `lines:`, or its line cannot be told."""
    pinned = PINNED_LINES.match(citation["moved"])
    if not pinned:
        return 0, None
    first, last = int(pinned.group(1)), int(pinned.group(2) or pinned.group(1))
    start = citation["location"]["line"]
    new = str(start) if first == last else f"[{start}, {start + last - first}]"
    near = [(n, read(n)) for n in range(max(quote_line - 6, 1), quote_line + 7)]
    pins = [(n, line) for n, line in near if line and len(LINES_KEY.findall(line)) == 1
            and [int(x) for x in re.findall(r"\d+", LINES_KEY.search(line).group())] in ([first, last], [first])]
    if len(pins) != 1:
        return 0, None
    n, line = pins[0]
    return n, LINES_KEY.sub(f"lines: {new}", line)


def _replace_quote(line: str, quote_text: str, source_text: str) -> str | None:
    """The YAML line with its quote scalar (plain, 'single' or "double" quoted) holding `source_text`, or None when
    the line does not hold the quote as written once."""
    for opening, render in (('"', lambda s: json.dumps(s, ensure_ascii=False)),
                            ("'", lambda s: "'" + s.replace("'", "''") + "'")):
        written = render(quote_text)
        if line.count(written) == 1:
            return line.replace(written, render(source_text))
    if line.count(quote_text) == 1 and line.rstrip().endswith(quote_text):
        return line.replace(quote_text, json.dumps(source_text, ensure_ascii=False))
    return None
