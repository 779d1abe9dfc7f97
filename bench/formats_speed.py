"""Extraction speed per MB of each source format: the seed articles served as HTML and Markdown
(bench/render_formats.py), repeated to a few MB, extracted and normalized as `Library` reads them.

    python bench/formats_speed.py [--mb 4]
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
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
