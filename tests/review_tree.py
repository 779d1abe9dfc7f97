"""A fact tree that exercises every review output: failing quotes, a contradiction, an acknowledged dispute, warnings
(a transcription slip, a warning-severity rule), an input error, and a claim that tries to inject workflow commands."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import make_project

A = "000_12e6b7cc27e0264f.txt"
B = "001_2afa2717bd8a4cc8.txt"

REVIEW = f"""\
entities:
  - {{id: london-bridge-attack, name: London Bridge attack, kind: event}}
  - {{id: isis-claim, name: ISIS's claim of responsibility, kind: event}}
facts:
  - id: claim-three-minutes
    claim: The claim came three minutes earlier.
    citations:
      - source: {A}
        quote: "It came on TamTam three minutes before any announcement"
  - id: claim-slip
    claim: The claim came on TamTam first.
    citations:
      - source: {A}
        quote: "It came on TamTam two minutes before any anouncement"
  - id: attack-date
    claim: The attack took place on Friday 29 November 2019.
    about: london-bridge-attack
    property: date
    value: {{date: 2019-11-29, weekday: Friday}}
    citations:
      - source: {A}
        quote: "In the wake of Friday’s terror attack near London Bridge"
  - id: attack-date-russian
    claim: The attack took place on Saturday 30 November 2019.
    about: london-bridge-attack
    property: date
    value: {{date: 2019-11-30, weekday: Saturday}}
    citations:
      - source: {B}
        quote: "Last Saturday, November 30, 28-year-old Usman Khan attacked people"
  - id: claim-date
    claim: The claim of responsibility appeared on Saturday 30 November 2019.
    about: isis-claim
    property: date
    value: {{date: 2019-11-30, weekday: Saturday}}
    citations:
      - source: {A}
        quote: "that Van Ostaeyen spotted Saturday afternoon"
    disputed_by:
      - source: {B}
        quote: "On Sunday, December 1, ISIS claimed responsibility for the attack."
        says: {{date: 2019-12-01, weekday: Sunday}}
        resolution: 000 saw it on Saturday afternoon; 001 is a rewrite that moved every date by a day.
  - id: hostile
    claim: "50%0A::error file=x::injected | <b>bold</b> `tick` @someone\\n::add-mask::secret"
    citations:
      - source: {A}
        quote: "It came, on TamTam, 100% before <b>any</b> | ![x](http://e/x.png) `tick` @someone announcement"
rules:
  - {{kind: single-value, properties: [date]}}
  - {{kind: before, first: attack-date, then: claim-date, within_days: 0, severity: warning}}
"""

BROKEN = f"""\
facts:
  - id: typo-key
    claim: A key misspelt.
    citations:
      - source: {A}
        qoute: "It came on TamTam two minutes before any announcement"
"""


def make_review_tree(root: Path) -> Path:
    """The tree at `root` (a project with the seeds): facts/review.yaml and facts/broken.yaml."""
    return make_project(root, {"facts/review.yaml": REVIEW, "facts/broken.yaml": BROKEN})
