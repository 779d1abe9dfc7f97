"""The first scale benchmark, kept: N facts quoting the five seed articles (copied K times), as a project.

Quotes are 6-20 word spans of the seeds' sentences sampled with a fixed seed; a share (`mutated`) has one word
replaced by "banana", so the slow path (closest passage, wrong-source search) is measured too.
"""
from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

from corpus import EXACT, Citation, write_facts

REPO = Path(__file__).resolve().parents[2]
CHANGED = "changed-word"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 8]


def generate(root: Path, citations: int, mutated: float = 0.1, copies: int = 1, seed: int = 20191129) -> list[Citation]:
    """Write the seeds project under `root` (created) and return its citations."""
    rng = random.Random(seed)
    sources = root / "sources"
    sources.mkdir(parents=True)
    pool: list[tuple[str, str]] = []
    for source in sorted((REPO / "seeds").glob("*.txt")):
        for copy in range(copies):
            name = source.name if copy == 0 else f"{source.stem}-copy{copy}.txt"
            shutil.copyfile(source, sources / name)
            pool += [(name, s) for s in sentences(source.read_text(encoding="utf-8"))]
    made = []
    for index in range(citations):
        name, sentence = rng.choice(pool)
        words = sentence.split()
        start = rng.randrange(0, max(1, len(words) - 6))
        quote = words[start : start + rng.randint(6, 20)]
        kind = EXACT
        if rng.random() < mutated:
            quote[rng.randrange(len(quote))] = "banana"
            kind = CHANGED
        made.append(Citation(f"f{index}", name, kind, " ".join(quote)))
    write_facts(root, made)
    (root / "pyproject.toml").write_text('[tool.factcheck]\nsources = "sources"\nfacts = "facts"\n', encoding="utf-8")
    spec = {"name": "seeds", "documents": 5 * copies, "citations": citations, "mutated": mutated, "seed": seed}
    manifest = {"spec": spec, "citations": [c.__dict__ for c in made]}
    (root / "bench.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return made
