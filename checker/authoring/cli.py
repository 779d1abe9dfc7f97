"""The authoring commands' runs (locate, fix, init): arguments -> files changed, text printed, exit code."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.authoring import fix, locate
from checker.authoring.init import InitError, init
from checker.cache import Cache
from checker.config import load_config
from checker.output import shown, shown_lines
from checker.run import prepare, verify
from checker.sources import Library, SourceError, declared_of, read_metadata


def run_fix(args: argparse.Namespace) -> int:
    """fix: the diff of every fact file it changes (or would: --dry-run), then what it left for an editor.

    Exit 0 when done (or nothing to do), 1 when --dry-run would change a file, 2 for input errors (the facts they
    stop are left as they are; the others are fixed)."""
    config = load_config(Path.cwd(), sources=args.sources)
    inputs = prepare(args.paths or config.facts, config)
    results = verify(inputs)
    edits, notes = fix.edits_for(results, inputs.library)
    by_file: dict[str, list[fix.Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit.citation.file, []).append(edit)
    changed = quotes = pins = 0
    failed = False
    for display, file_edits in sorted(by_file.items()):
        path = config.resolve(display)
        if path.is_symlink():
            notes.append(f"{display}: left as it is: it is a symbolic link (fix the file it points to)")
            continue
        fixed = fix.apply(path, display, file_edits)
        notes += fixed.notes
        if fixed.after == fixed.before:
            continue
        print(shown_lines(line.rstrip("\r\n") for line in fixed.diff()))
        changed += 1
        kept = [e for e in file_edits if not any(n.startswith(f"{e.citation.file}:{e.citation.line}:")
                                                  for n in fixed.notes)]
        quotes += sum(e.key == "quote" for e in kept)
        pins += sum(e.key == "lines" for e in kept)
        if not args.dry_run:
            try:
                fix.write(fixed)
            except OSError as error:
                notes.append(f"{display}: not written: {error.strerror or error}")
                failed = True
    problems = sorted(set(inputs.problems + inputs.suite.problems + [p for r in results for p in r.problems]))
    for line in [*notes, *(str(p) for p in problems)]:
        print(shown(line), file=sys.stderr)
    verb = "would rewrite" if args.dry_run else "rewrote"
    print(f"{verb} {quotes} quotes and {pins} pins in {changed} files; {len(notes)} left for an editor")
    if problems or failed:
        return 2
    return 1 if args.dry_run and changed else 0


def run_init(args: argparse.Namespace) -> int:
    """init: what it created or kept, then the next two commands (exit 0); 2 when it refuses (nothing written)."""
    try:
        result = init(args.directory)
    except (InitError, OSError) as error:
        print(shown(f"factcheck init: {error}"), file=sys.stderr)
        return 2
    print(shown_lines([*result.done, "", "next:", *(f"  {command}" for command in result.next_commands)]))
    return 0


def run_locate(args: argparse.Namespace) -> int:
    """locate: the best passages for the words, and a citation to paste (0 found, 1 not, 2 bad input)."""
    config = load_config(Path.cwd(), sources=args.sources)
    library = Library(config.sources, display_root=config.display(config.sources), limits=config.limits,
                      cache=Cache(config.root) if config.cache else None)
    metadata, _ = read_metadata(config.sources, library.display_root, config.limits)  # check reports its problems
    library.declared = declared_of(metadata)  # each source read as check reads it (format, extract, a page's url)
    names = None
    if args.source is not None:
        path = Path(args.source).resolve()
        inside = path.is_file() and path.is_relative_to(config.sources)
        names = [path.relative_to(config.sources).as_posix() if inside else args.source]
    try:
        found = locate.search(args.words, library, config.match, names)
    except SourceError as error:
        print(shown(f"locate: {error}"), file=sys.stderr)
        return 2
    print(shown_lines(locate.text_lines(args.words, found, library.display_root)))
    return locate.exit_code(found)
