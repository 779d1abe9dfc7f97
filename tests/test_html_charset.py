"""An HTML source in the encoding it declares, read as a browser reads it (HTML5: its byte order mark, else a
<meta> charset in its first 1024 bytes, else UTF-8); plain text stays strict UTF-8."""
from __future__ import annotations

import pytest

from checker.match import MatchOptions, locate
from checker.sources import Library, SourceError

BODY = ("<body>\n<p>Le conseil a approuv\u00e9 le budget \u2013 \u201cun pas d\u00e9cisif\u201d, "
        "selon le maire.</p>\n</body></html>\n")
QUOTE = "Le conseil a approuvé le budget – “un pas décisif”"


def page(head: str) -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}<title>Budget</title></head>\n" + BODY


@pytest.mark.parametrize("head, codec", [
    ('<meta charset="windows-1252">', "cp1252"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),  # read as windows-1252
    ("<meta charset=iso-8859-15>", "iso-8859-15"),
    ("<!-- <meta charset=koi8-r> --><meta content='text/html;charset=latin1' http-equiv=content-type>", "cp1252"),
])
def test_a_page_in_the_charset_its_meta_declares_is_read_in_it(tmp_path, head, codec):
    text = page(head)
    if codec == "iso-8859-15":
        text = text.replace("\u2013", "-").replace("\u201c", '"').replace("\u201d", '"')  # not in Latin-9
    (tmp_path / "page.html").write_bytes(text.encode(codec))
    doc = Library(tmp_path).document("page.html")
    assert "approuvé le budget" in doc.text
    match = locate(QUOTE, doc, MatchOptions())
    assert match.ok and match.spans[0].line == 4 and match.spans[0].column == 4


def test_the_byte_order_mark_wins_over_the_meta(tmp_path):
    (tmp_path / "utf8.html").write_bytes(b"\xef\xbb\xbf" + page('<meta charset="windows-1252">').encode("utf-8"))
    (tmp_path / "utf16.html").write_bytes(b"\xff\xfe" + page('<meta charset="utf-8">').encode("utf-16-le"))
    for name in ("utf8.html", "utf16.html"):
        assert locate(QUOTE, Library(tmp_path).document(name), MatchOptions()).ok, name


def test_windows_1252_bytes_it_leaves_undefined_are_read_as_a_browser_reads_them(tmp_path):
    (tmp_path / "page.html").write_bytes(page("<meta charset=windows-1252>").encode("cp1252").replace(b"maire",
                                                                                                       b"ma\x81ire"))
    assert "ma\x81ire" in Library(tmp_path).document("page.html").text


def test_a_page_declaring_nothing_is_utf_8_and_says_what_to_do_when_it_is_not(tmp_path):
    late = page("<!--" + "x" * 1024 + '--><meta charset="windows-1252">')  # past the first 1024 bytes: not seen
    (tmp_path / "late.html").write_bytes(late.encode("cp1252"))
    (tmp_path / "unknown.html").write_bytes(page('<meta charset="no-such-charset">').encode("utf-8"))
    with pytest.raises(SourceError, match=r"^source 'late.html' is not valid UTF-8 text \(byte \d+\) and declares no "
                                          r"other charset: give the page a <meta charset=...> in its first 1024"):
        Library(tmp_path).document("late.html")
    assert locate(QUOTE, Library(tmp_path).document("unknown.html"), MatchOptions()).ok  # unknown label: UTF-8


def test_a_page_not_in_the_charset_it_declares_is_an_input_error(tmp_path):
    (tmp_path / "page.html").write_bytes(page("<meta charset=utf-8>").encode("cp1252"))
    (tmp_path / "sjis.html").write_bytes(page("<meta charset=shift_jis>").encode("utf-8") + b"\xff\xff")
    with pytest.raises(SourceError, match=r"^source 'page.html' is not valid utf-8 text \(byte \d+\), the encoding "
                                          r"its <meta> charset \(utf-8\) declares: correct the declaration"):
        Library(tmp_path).document("page.html")
    with pytest.raises(SourceError, match=r"is not valid shift_jis text"):
        Library(tmp_path).document("sjis.html")


def test_plain_text_stays_strict_utf_8(tmp_path):
    (tmp_path / "note.txt").write_bytes(page("<meta charset=windows-1252>").encode("cp1252"))
    with pytest.raises(SourceError, match=r"^source 'note.txt' is not valid UTF-8 text$"):
        Library(tmp_path).document("note.txt")


def test_a_web_archives_page_is_read_in_the_charset_its_meta_declares(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = page("<meta charset=windows-1252>").encode("cp1252")
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")  # no charset
    writer.write_record(writer.create_warc_record("https://example.org/p", "response", payload=io.BytesIO(payload),
                                                  http_headers=headers))
    (tmp_path / "capture.warc.gz").write_bytes(out.getvalue())
    assert locate(QUOTE, Library(tmp_path).document("capture.warc.gz"), MatchOptions()).ok
