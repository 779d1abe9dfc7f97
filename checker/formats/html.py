"""HTML sources: the text a browser shows, located in the HTML file's own lines.

The page is parsed by lexbor (through selectolax), a complete HTML5 parser written in C: the tree it builds is the
one a browser builds (implied end tags, misnested inline elements, entities without their semicolon), and it is the
fastest of the well-kept choices (lxml parses HTML 4 with libxml2, html5lib is pure Python and some 30 times slower).
lexbor keeps no source positions, so each visible text node is found again, in document order, in the file's own text
with its tags left out and its entities decoded (`_RawText`): that gives each character its file offset.

Visible: the body's text, block elements ending paragraphs, inline elements (<em>, <a>, <code>) transparent, white
space collapsed as a browser does (kept in <pre>); dropped: <script>, <style>, <template>, <noscript>, form controls,
and elements marked hidden (the hidden attribute, aria-hidden="true", an inline display:none or visibility:hidden).
"""
from __future__ import annotations

import codecs
import html
import re
from array import array

from checker.formats.extracted import Extracted, ExtractError, MissingExtra, TextBuilder

BLOCKS = frozenset("""address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary
table tbody tfoot thead tr td th ul""".split())
DROPPED = frozenset("""script style template noscript head title textarea select option button input iframe object
embed canvas svg math audio video map area datalist""".split())
RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")  # no markup inside
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^>]*>?"
    r"|<(/?)([A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?", re.S)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
LOOKAHEAD = 400  # how far a character the parser changed is looked for before it is placed where the text stands


# the encoding's label -> Python's codec, where the WHATWG Encoding Standard (what browsers follow) reads a label as
# another encoding than its name: ISO-8859-1 and ASCII pages are decoded as windows-1252, and so on
WHATWG = {label: codec for codec, labels in {
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
              "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
              "windows-1254 x-cp1254",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "gbk": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
             "windows-949",
    "utf-8": "utf-16 utf-16le utf-16be unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 x-unicode20utf8",
}.items() for label in labels.split()}  # (a page cannot declare UTF-16 in its own bytes: such a meta means UTF-8)
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
PRESCAN = 1024  # the bytes a browser looks through for a <meta> charset before it gives up
_META = re.compile(r"<meta[\s/][^>]*>", re.I)
_META_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"'/>;]+)""", re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def decode(data: bytes, transport: str | None = None) -> str:
    """An HTML file's text, decoded as a browser decodes it (HTML5's rules): by its byte order mark; else by the
    charset its transport declares (a web archive's Content-Type); else by a <meta> charset within its first 1024
    bytes; else as UTF-8. Raises ExtractError when the bytes are not text in that encoding."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], codec, "its byte order mark")
    for label, where in ((transport, "its Content-Type"), (_declared(data[:PRESCAN]), "its <meta> charset")):
        codec = _codec(label)
        if codec is not None:
            return _decoded(data, codec, f"{where} ({label})")
    return _decoded(data, "utf-8", None)


def _declared(head: bytes) -> str | None:
    """The charset the first <meta> that declares one declares (comments skipped), or None."""
    for meta in _META.finditer(_COMMENT.sub("", head.decode("latin-1"))):
        found = _META_CHARSET.search(meta.group())
        if found:
            return found.group(1)
    return None


def _codec(label: str | None) -> str | None:
    """Python's codec for an encoding label, or None when there is none or Python knows no such encoding (the next
    rule then applies, as in a browser)."""
    if not label:
        return None
    label = label.strip().lower()
    if label in WHATWG:
        return WHATWG[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decoded(data: bytes, codec: str, declared: str | None) -> str:
    try:
        return data.decode(codec, errors="factcheck-c1" if codec == "cp1252" else "strict")
    except UnicodeDecodeError as error:
        if declared is None:
            raise ExtractError(
                f"is not valid UTF-8 text (byte {error.start}) and declares no other charset: give the page a <meta "
                "charset=...> in its first 1024 bytes, or save it as UTF-8") from None
        raise ExtractError(f"is not valid {codec} text (byte {error.start}), the encoding {declared} declares: "
                           "correct the declaration, or save the page as UTF-8") from None


def _c1_controls(error: UnicodeDecodeError) -> tuple[str, int]:
    """windows-1252's five undefined bytes as the C1 controls of the same number, as browsers decode them."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("factcheck-c1", _c1_controls)


def extract(original: str, main: bool = False) -> Extracted:
    """The page's visible text; with `main`, only the paragraphs of its main content (checker.formats.main)."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        raise MissingExtra("HTML", "html", "selectolax") from None
    raw = _RawText(original)
    out = TextBuilder()
    tree = LexborHTMLParser(original)
    body = tree.body
    if body is not None:
        _walk(body, raw, out)
    if main:
        from checker.formats.main import main_content

        return main_content(out.build(original), original)
    return out.build(original)


def _walk(body, raw: "_RawText", out: TextBuilder) -> None:
    stack = [(body, False)]  # (node, leaving)
    pre = 0
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag == "pre":
                pre -= 1
            out.block(raw.here())
            continue
        if tag == "-text":
            text = node.text_content or ""
            out.add(text, raw.offsets_of(text), collapse=not pre)
            continue
        if tag == "br":
            out.line_break(raw.here())
            continue
        if tag in DROPPED or tag.startswith(("-", "!")) or _hidden(node):
            continue
        if tag in BLOCKS:
            out.block(raw.here())
            stack.append((node, True))
            pre += tag == "pre"
        children = []
        child = node.child
        while child is not None:
            children.append((child, False))
            child = child.next
        stack.extend(reversed(children))


def _hidden(node) -> bool:
    attributes = node.attributes
    if not attributes:
        return False
    return ("hidden" in attributes or (attributes.get("aria-hidden") or "").strip().lower() == "true"
            or bool(_HIDDEN_STYLE.search(attributes.get("style") or "")))


class _RawText:
    """The file's text with markup left out and entities decoded, each character with its file offset: where the
    parser's text nodes are found again, in order."""

    def __init__(self, original: str):
        pieces: list[str] = []
        offsets = array("q")
        at, size = 0, len(original)
        for markup in _MARKUP.finditer(original):
            if markup.start() < at:  # inside a raw text element skipped below
                continue
            _decode(original, at, markup.start(), pieces, offsets)
            at = markup.end()
            name = (markup.group(2) or "").lower()
            if name in RAW_TEXT and not markup.group(1):
                close = re.compile(rf"</{name}[\s/>]", re.I).search(original, at)
                at = close.start() if close else size
        _decode(original, at, size, pieces, offsets)
        self.text = "".join(pieces)
        self.offsets = offsets
        self.cursor = 0
        self.end = size

    def here(self) -> int:
        return self.offsets[self.cursor] if self.cursor < len(self.offsets) else self.end

    def offsets_of(self, text: str):
        """The file offsets of a text node's characters (found after the previous one's)."""
        if not text.strip():
            return [self.here()] * len(text)
        found = self.text.find(text, self.cursor)
        if found >= 0:
            self.cursor = found + len(text)
            return self.offsets[found:self.cursor]
        placed = []  # the parser changed the text (a NUL, a line end): place it character by character
        for char in text:
            at = self.text.find(char, self.cursor, self.cursor + LOOKAHEAD)
            if at >= 0:
                self.cursor = at + 1
                placed.append(self.offsets[at])
            else:
                placed.append(self.here())
        return placed


def _decode(original: str, start: int, end: int, pieces: list[str], offsets: array) -> None:
    """The text between two tags, entities decoded (a CR before LF dropped, as the parser does)."""
    if start >= end:
        return
    segment = original[start:end]
    if "&" not in segment and "\r" not in segment:
        pieces.append(segment)
        offsets.extend(range(start, end))
        return
    at = start
    for entity in _ENTITY.finditer(original, start, end):
        _plain(original, at, entity.start(), pieces, offsets)
        decoded = html.unescape(entity.group())
        pieces.append(decoded)
        offsets.extend([entity.start()] * len(decoded))
        at = entity.end()
    _plain(original, at, end, pieces, offsets)


def _plain(original: str, start: int, end: int, pieces: list[str], offsets: array) -> None:
    if "\r" not in original[start:end]:
        pieces.append(original[start:end])
        offsets.extend(range(start, end))
        return
    for index in range(start, end):
        char = original[index]
        if char == "\r" and original.startswith("\n", index + 1):
            continue
        pieces.append(char)
        offsets.append(index)
