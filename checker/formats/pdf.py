"""PDF sources: each page's text layer, read with pypdfium2 (PDFium, the PDF engine of Chrome: fast, in C, and
careful with reading order, ligatures and encodings; pdfminer.six is pure Python and several times slower,
pdfplumber is built on it). Pages are joined by a line end, so a quote running over a page break matches (and a word
hyphenated at the page's end joins, as at any line end). Locations are `file.pdf:p12:L7`: the page, and the line
within it. A PDF with no text layer (a scan) is an input error: there is no OCR.
"""
from __future__ import annotations

from array import array

from checker.formats.extracted import Extracted, ExtractError, MissingExtra, SourceMap


SENTENCE_END = tuple(".!?:\"”’)")
SHORT = 0.8  # a line shorter than this share of the page's widest stops short of the others
SPACE = 0.3  # a generous word space, in line pitches: room for a word is room for it and a space before it
PDFIUM_MARKS = {0xFFFE: "\u00ad"}  # PDFium's mark for a soft hyphen (or a hyphen it read as one): one for one


def extract(data: bytes) -> Extracted:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingExtra("PDF", "pdf", "pypdfium2") from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ExtractError(f"is not a PDF pypdfium2 can read ({error}): check the file") from None
    raw_pieces: list[str] = []  # each page's text layer as PDFium gives it: lines count in it
    pieces: list[str] = []  # the same, with a blank line where a wider gap between lines ends a paragraph
    offsets = array("q")
    pages: list[int] = []
    ends: list[tuple[float, float, int, float, float, bool]] = []  # per page: its last line's bottom, its line
    # pitch, where it ends, the room its last line leaves on the right, its widest line, whether it closes a sentence
    firsts: list[float] = []  # per page: the width of its first word
    at = 0
    try:
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            layer = textpage.get_text_range()
            raw = layer.replace("\r\n", "\n").replace("\r", "\n").translate(PDFIUM_MARKS) + "\n"
            firsts.append(_first_word_width(textpage, layer))
            pages.append(at)
            previous = 0
            gaps, bottom, pitch, room, width = _paragraph_gaps(textpage, raw)
            for gap in gaps:
                pieces.append(raw[previous:gap] + "\n")
                offsets.extend(range(at + previous, at + gap + 1))
                previous = gap
            pieces.append(raw[previous:])
            offsets.extend(range(at + previous, at + len(raw)))
            raw_pieces.append(raw)
            at += len(raw)
            ends.append((bottom, pitch, len(pieces), room, width, raw.rstrip()[-1:] in SENTENCE_END))
    finally:
        document.close()
    lowest = min((bottom for bottom, pitch, *_ in ends if pitch), default=0.0)
    for (bottom, pitch, piece, room, width, closing), first in reversed(list(zip(ends[:-1], firsts[1:]))):
        # a page that ends short of the others ends its paragraph; so does one whose last line closes a sentence and
        # stops short of the others, or leaves room for the next page's first word (running text breaks a line only
        # where the next word does not fit)
        short, fits = room > (1 - SHORT) * width, first + SPACE * pitch <= room
        if pitch and (bottom - lowest > pitch / 2 or closing and (short or fits)):
            pieces.insert(piece, "\n")
            position = sum(map(len, pieces[:piece]))
            offsets.insert(position, offsets[position - 1])
    text = "".join(pieces)
    if not text.strip():
        raise ExtractError(f"is a PDF with no text layer ({len(pages)} page{'s' * (len(pages) != 1)} of images, "
                           "a scan?): factcheck reads text, it does no OCR; cite a text version of the document")
    offsets.append(at)
    return Extracted(text, SourceMap.of("".join(raw_pieces), offsets, tuple(pages)))


def _first_word_width(textpage, layer: str) -> float:
    """The width of the page's first word (its characters' boxes, from the first's left to the last's right)."""
    start = len(layer) - len(layer.lstrip())
    word = layer[start:].split(maxsplit=1)[0] if layer.strip() else ""
    if not word:
        return float("inf")
    boxes = [textpage.get_charbox(index) for index in range(start, start + len(word))]
    return max(box[2] for box in boxes) - min(box[0] for box in boxes)


def _paragraph_gaps(textpage, raw: str) -> tuple[list[int], float, float, float, float]:
    """Offsets in `raw` of the line ends before a paragraph: where the space to the next line is wider than the
    page's usual line pitch by half (PDF text has no blank lines; the layout's gaps are its paragraphs); and the
    page's lowest line bottom, its line pitch (0 when it has fewer than two lines), the room its last line leaves
    before the widest line's right edge, and that edge (a paragraph's last line stops short)."""
    lines = []  # (top, offset in raw, bottom, right edge) of each text line, found in order
    cursor = 0
    for index in range(textpage.count_rects()):
        box = textpage.get_rect(index)
        piece = textpage.get_text_bounded(*box).replace("\r\n", "\n").strip()
        found = raw.find(piece.split("\n")[0], cursor) if piece else -1
        if found >= 0:
            lines.append((box[3], found, box[1], box[2]))
            cursor = found + 1
    steps = sorted(above - below for (above, *_), (below, *_) in zip(lines, lines[1:]) if above - below > 0.5)
    if not steps:
        return [], 0.0, 0.0, 0.0, 0.0
    pitch = steps[len(steps) // 2]
    gaps = []
    for (above, *_), (below, start, *_) in zip(lines, lines[1:]):
        end = raw.rfind("\n", 0, start)
        if above - below > 1.5 * pitch and end >= 0 and (not gaps or gaps[-1] != end):
            gaps.append(end)
    widest = max(right for _, _, _, right in lines)
    return gaps, min(bottom for _, _, bottom, _ in lines), pitch, widest - lines[-1][3], widest
