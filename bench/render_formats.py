"""Plain-text sources served as other formats, as a desk meets them: the fixtures of tests/test_formats.py and of
`bench/quotes/run.py --format`. Deterministic: the same text gives the same file.

HTML: a news page — navigation, scripts and a style sheet, an advert between paragraphs, a hidden block and a
template, each paragraph with an <em> and an <a> around its words, &amp; for "&", &nbsp; between two words, and
lines wrapped as an editor's HTML is (so the page's line numbers are not the text's).
Markdown: a note — a heading, bullets as a list, *emphasis* and [links](...) around words, punctuation escaped.
"""
from __future__ import annotations

import html
import re
import textwrap

BULLET = re.compile(r"^\s*[•·▪‣◦*-]\s+")
FORMAT_SUFFIX = {"html": ".html", "md": ".md", "pdf": ".pdf", "warc": ".warc.gz"}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Unicode (curly quotes, dashes, bullets) in the PDF


def blocks(text: str) -> list[list[str]]:
    """The text's paragraphs (blank-line separated), each a list of its lines."""
    return [block.split("\n") for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")) if block.strip()]


_PLAIN_WORD = re.compile(r"\w[\w’']*[.,;:]?")


def _dress(escaped: str, emphasis: tuple[str, str], link: tuple[str, str], space: str) -> str:
    """The third plain word in `emphasis`, the sixth in `link`, the first two joined by `space` (markup inside what
    a fact cites, as pages have it)."""
    parts = escaped.split(" ")
    plain = [i for i, part in enumerate(parts) if _PLAIN_WORD.fullmatch(part)]
    for position, (opening, closing) in ((2, emphasis), (5, link)):
        if len(plain) > position:
            word = re.match(r"^(\w[\w’']*)(.*)$", parts[plain[position]])
            parts[plain[position]] = f"{opening}{word.group(1)}{closing}{word.group(2)}"
    if len(plain) > 1 and plain[1] == plain[0] + 1:
        parts[plain[0]:plain[1] + 1] = [parts[plain[0]] + space + parts[plain[1]]]
    return " ".join(parts)


def to_html(text: str, title: str = "An article") -> str:
    body = []
    for number, block in enumerate(blocks(text)):
        if all(BULLET.match(line) for line in block):
            items = [f"  <li>{_inline_html(BULLET.sub('', line))}</li>" for line in block]
            body.append("<ul>\n" + "\n".join(items) + "\n</ul>")
        elif number == 0 and len(block) == 1:
            body.append(f"<h1>{_inline_html(block[0])}</h1>")
        else:
            lines = _inline_html("\n".join(line.strip() for line in block)).split("\n")
            wrapped = ["\n".join(textwrap.wrap(line, 90, break_long_words=False, break_on_hyphens=False))
                       for line in lines]  # long lines wrapped, the text's own line ends (a hyphenated word) kept
            body.append("<p>" + "\n".join(wrapped) + "</p>")
        if number == 2:
            body.append('<aside class="advert"><p>Advertisement</p><img src="/ad.png" alt="Buy now"></aside>')
            body.append('<div hidden>Subscribe to keep reading this article</div>')
            body.append('<template><p>Related: ten things you missed</p></template>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>body {{ font-family: serif; }} .advert > p:before {{ content: "<p>Ad</p>"; }}</style>
<script>window.dataLayer = window.dataLayer || []; var banner = "<p>Breaking news</p>";</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main>
<article>
{chr(10).join(body)}
</article>
</main>
<footer><p>&copy; 2019 The Outlet &middot; <a href="/terms">Terms</a></p></footer>
<script src="/analytics.js"></script>
<script>if (a < b && c > d) {{ track("<div>"); }}</script>
</body>
</html>
"""


def _inline_html(line: str) -> str:
    return _dress(html.escape(line, quote=False), ("<em>", "</em>"), ('<a href="https://example.org/more">', "</a>"),
                  "&nbsp;")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&!#|~])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([+=-])", re.M)


def to_markdown(text: str, title: str = "A note") -> str:
    out = []
    for number, block in enumerate(blocks(text)):
        if all(BULLET.match(line) for line in block):
            out.append("\n".join(f"- {_inline_md(BULLET.sub('', line))}" for line in block))
        elif number == 0 and len(block) == 1:
            out.append(f"# {_inline_md(block[0])}")
        else:
            out.append("\n".join(_inline_md(line.strip()) for line in block))
    return "\n\n".join(out) + "\n"


def _inline_md(line: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", line)
    escaped = _MD_LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}" if m.group(2)
                                 else f"{m.group(4)}\\{m.group(5)}", escaped)
    return _dress(escaped, ("*", "*"), ("[", "](https://example.org/more)"), " ")


def to_pdf(text: str, title: str = "A report") -> bytes:
    """A PDF report typeset with fpdf2 on small pages (A6, 105 x 148 mm), so paragraphs, and the sentences facts
    cite, run over page breaks."""
    from fpdf import FPDF

    pdf = FPDF(format=(105, 148))  # A6, in mm
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=8)
    pdf.set_title(title)
    pdf.add_page()
    text = text.replace("\u00a0", " ").replace("\t", " ")  # typeset as spaces (a PDF's text layer keeps no NBSP)
    for block in blocks(text):
        for line in block:
            pdf.multi_cell(0, 4, BULLET.sub("• ", line.strip()) if BULLET.match(line) else line.strip(),
                           new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def to_warc(text: str, url: str = "https://example.org/news/article", others: tuple[str, ...] = ()) -> bytes:
    """A gzipped WARC as a crawler writes it (warcio): a warcinfo record, robots.txt, any `others` pages (HTML
    naming their own URL), then the article as the HTML page of `to_html`, each a response with HTTP headers."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("capture.warc.gz", {"software": "render_formats"}))
    pages = [("https://example.org/robots.txt", "text/plain", "User-agent: *\nAllow: /\n")]
    pages += [(other, "text/html; charset=utf-8", f"<html><body><p>Another page: {other}</p></body></html>")
              for other in others]
    pages.append((url, "text/html; charset=utf-8", to_html(text)))
    for address, kind, body in pages:
        payload = body.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind), ("Content-Length", str(len(payload)))],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(address, "response", payload=io.BytesIO(payload), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2019-12-04T09:30:00Z"})
        writer.write_record(record)
    return out.getvalue()


def render(text: str, fmt: str) -> str | bytes:
    return {"html": to_html, "md": to_markdown, "pdf": to_pdf, "warc": to_warc}[fmt](text)
