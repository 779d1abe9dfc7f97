"""Extraction speed per MB of each source format: the seed articles served as HTML and Markdown
(bench/render_formats.py), repeated to a few MB, extracted and normalized as `Library` reads them.

    python bench/formats_speed.py [--mb 4] [--cache]

--cache times reading each file through `Library` (file read, extraction) with the project's cache: cold (an empty
.factcheck-cache/, the entry written) and warm (a new run reading the entry), per MB of file.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from render_formats import FORMAT_SUFFIX, render  # noqa: E402

from checker.formats import extractor_for  # noqa: E402
from checker.match import Document  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of each test file in MB")
    parser.add_argument("--cache", action="store_true", help="time cold and warm reads with the extraction cache")
    args = parser.parse_args(argv)
    if args.cache:
        return cached(args.mb)
    seeds = [path.read_text(encoding="utf-8") for path in sorted((HERE.parent / "seeds").glob("*.txt"))]
    print("| format | MB | extract s/MB | normalize s/MB | total s/MB |")
    print("|---|---:|---:|---:|---:|")
    for fmt in ("txt", "html", "md", "pdf", "warc"):
        repeat = 1
        if fmt in ("pdf", "warc"):  # one document of the seeds repeated, then typeset or archived (gzip)
            one = "\n\n".join(seeds)
            repeat = max(1, int(args.mb * 1e6 / (2 if fmt == "pdf" else 1) / len(render(one, fmt))))
            text = render("\n\n".join([one] * repeat), fmt)
            size = len(text) / 1e6  # a WARC: per MB of the captured page (gzip makes the file much smaller)
            if fmt == "warc":
                size = len(render("\n\n".join([one] * repeat), "html").encode("utf-8")) / 1e6
        else:
            one = "\n\n".join(seeds) if fmt == "txt" else render("\n\n".join(seeds), fmt)
            text = one * max(1, int(args.mb * 1e6 / len(one.encode("utf-8"))))
            size = len(text.encode("utf-8")) / 1e6
        started = time.perf_counter()
        if fmt == "txt":
            extracted, source_map = text, None
        else:
            result = extractor_for("f" + FORMAT_SUFFIX[fmt])(text)
            extracted, source_map = result.text, result.source_map
        middle = time.perf_counter()
        Document.from_text(extracted, "f", source_map)
        ended = time.perf_counter()
        print(f"| {fmt} | {size:.1f} | {(middle - started) / size:.3f} | {(ended - middle) / size:.3f} "
              f"| {(ended - started) / size:.3f} |")
    return 0


def cached(mb: float) -> int:
    """Seconds a MB of file (of the captured page, for a WARC) to read a source through the library: without the
    cache, cold, and warm."""
    import tempfile

    from checker.cache import Cache
    from checker.sources import Library

    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((HERE.parent / "seeds").glob("*.txt")))
    print("| format | MB | no cache s/MB | cold s/MB | warm s/MB |")
    print("|---|---:|---:|---:|---:|")
    for fmt in ("html", "md", "pdf", "warc"):
        page = "html" if fmt == "warc" else fmt  # a WARC: per MB of the captured page (gzip makes the file small)
        repeat = max(1, int(mb * 1e6 / len(_bytes(render(seeds, page)))))
        data = _bytes(render("\n\n".join([seeds] * repeat), fmt))
        size = len(_bytes(render("\n\n".join([seeds] * repeat), page))) / 1e6
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            name = "f" + FORMAT_SUFFIX[fmt]
            (root / name).write_bytes(data)
            times = []
            for cache in (None, Cache(root / "project"), Cache(root / "project")):
                started = time.perf_counter()
                Library(root, cache=cache).text(name, keep=False)
                times.append(time.perf_counter() - started)
        print(f"| {fmt} | {size:.1f} | " + " | ".join(f"{seconds / size:.3f}" for seconds in times) + " |")
    return 0


def _bytes(served: str | bytes) -> bytes:
    return served if isinstance(served, bytes) else served.encode("utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
