"""Labelled quote cases from real prose: one generator per category, seeded, plus hand-written cases from the seeds.

Every case is a quote, the source it is cited from, and the verdict the issue (#3) asks for:
must-pass (and which statuses count as right) or must-fail. Generated must-fail quotes are
checked against an oracle independent of the matcher (`corpus.stands_in`): a mutation that
happens to produce text the source does contain is not a must-fail case and is not generated.

`python bench/quotes/generate.py [out.jsonl]` writes the cases (default: stdout), one JSON object a line.
"""
from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import sources  # noqa: E402
from hand import HAND  # noqa: E402
from labels import Case  # noqa: E402
from must_fail import (  # noqa: E402
    gen_across_paragraphs, gen_any_word, gen_bracket_meaning, gen_fuzzy_strict, gen_inflection, gen_left_out,
    gen_name_change, gen_name_slip, gen_near_word, gen_negation, gen_number, gen_opposite, gen_reordered, gen_stitched,
    gen_too_many_slips, gen_too_short, gen_word_added, gen_wrong_source,
)
from must_pass import (  # noqa: E402
    gen_brackets, gen_compat, gen_dashes, gen_elision, gen_first_letter, gen_fuzzy, gen_fuzzy_early, gen_hyphenation,
    gen_invisible, gen_noisy_source, gen_quote_marks, gen_verbatim, gen_whitespace,
)
from text import Corpus, noisy_sources  # noqa: E402

GENERATORS = [
    gen_verbatim, gen_quote_marks, gen_dashes, gen_whitespace, gen_invisible, gen_hyphenation, gen_compat,
    gen_first_letter, gen_noisy_source, gen_elision, gen_brackets, gen_fuzzy, gen_fuzzy_early,
    gen_fuzzy_strict, gen_too_many_slips, gen_number, gen_negation, gen_name_change, gen_opposite, gen_near_word,
    gen_any_word, gen_inflection, gen_reordered, gen_word_added, gen_bracket_meaning, gen_left_out, gen_stitched,
    gen_across_paragraphs, gen_wrong_source, gen_too_short, gen_name_slip,
]


def all_texts() -> dict[str, str]:
    texts = sources()
    return {**texts, **noisy_sources(texts)}


def generate(texts: dict[str, str] | None = None) -> list[Case]:
    """Every case: the generated ones (each generator seeded with its own name) then the hand-written ones."""
    corpus = Corpus(texts or all_texts())
    cases = []
    for generator in GENERATORS:
        cases += generator(corpus, random.Random(generator.__name__))
    return cases + HAND


def main(argv: list[str]) -> int:
    lines = [json.dumps(asdict(case), ensure_ascii=False) for case in generate()]
    if argv:
        Path(argv[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
