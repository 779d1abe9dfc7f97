"""Paragraphs of English prose any machine with CPython has: pydoc topics, stdlib docstrings, Debian's licences.

Read in a fixed order (topics by name, stdlib files by path, licences by name), cleaned to prose paragraphs
(no code, no doctest, no tables) and deduplicated, so the same Python and the same /usr/share give the same list.
A machine without /usr/share/common-licenses simply has fewer paragraphs; `fingerprint` names the list.
"""
from __future__ import annotations

import ast
import hashlib
import re
import sysconfig
from functools import lru_cache
from pathlib import Path

LICENCES = Path("/usr/share/common-licenses")
SKIPPED_PACKAGES = {"test", "tests", "idlelib", "idle_test", "site-packages", "dist-packages", "lib2to3", "turtledemo",
                    "ensurepip", "__pycache__"}
MIN_CHARACTERS = 80
LONG_EVERY = 10
BLANK_LINE = re.compile(r"\n[ \t]*\n")
LINE_END_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")
CODE_LIKE = re.compile(r">>>|^\s{4}|[{}|=<>]{2}|^\s*[-*+] |\t", re.MULTILINE)


def pydoc_topics() -> list[str]:
    """The language reference's topics as `help()` shows them (pydoc_data.topics)."""
    from pydoc_data.topics import topics

    return [topics[name] for name in sorted(topics)]


def stdlib_docstrings() -> list[str]:
    """Module, class and function docstrings of the standard library, parsed (never imported: no side effects)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    texts = []
    for path in sorted(root.rglob("*.py")):
        if any(part in SKIPPED_PACKAGES or part.startswith("config-") for part in path.relative_to(root).parts):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                texts.append(ast.get_docstring(node) or "")
    return texts


def licence_texts() -> list[str]:
    """The licence texts Debian ships under /usr/share/common-licenses (none elsewhere)."""
    if not LICENCES.is_dir():
        return []
    return [path.read_text(encoding="utf-8", errors="replace") for path in sorted(LICENCES.iterdir()) if path.is_file()]


def prose_paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` that read as prose: long enough, mostly letters, no code; line breaks kept."""
    found = []
    for block in BLANK_LINE.split(text):
        lines = [line.strip() for line in block.strip("\n").splitlines()]
        paragraph = LINE_END_HYPHEN.sub("-", "\n".join(lines))  # "built-\nin" is the word "built-in"
        if len(paragraph) < MIN_CHARACTERS or CODE_LIKE.search(block) or not paragraph.replace("\n", " ").isprintable():
            continue
        letters = sum(c.isalpha() or c.isspace() for c in paragraph)
        if letters / len(paragraph) >= 0.85 and paragraph[-1] in ".:;)":
            found.append(paragraph)
    return found


@lru_cache(maxsize=1)
def paragraphs() -> tuple[str, ...]:
    """Every prose paragraph of the three origins, deduplicated, in a fixed order. The paragraphs of every
    LONG_EVERY-th text are run together into one, so that a few passages are long enough for quotes of 2,000."""
    seen: dict[str, None] = {}
    for index, text in enumerate(pydoc_topics() + stdlib_docstrings() + licence_texts()):
        found = prose_paragraphs(text)
        for paragraph in ["\n".join(found)] if index % LONG_EVERY == 0 and found else found:
            seen.setdefault(paragraph, None)
    return tuple(seen)


def fingerprint(texts: tuple[str, ...]) -> str:
    """A short hash of the paragraph list: two machines with the same one generate the same corpora."""
    return hashlib.sha256("\n\n".join(texts).encode("utf-8")).hexdigest()[:12]
