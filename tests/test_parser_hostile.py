"""Hostile and broken input ends quickly in a ParseError naming the problem, or a partial result."""

import io
import os
import zipfile

import pytest

from devtools.builders import build_docx_from_text, build_pdf_from_text
from parsers import ParseError, parse_document

SHORT = (
    "Vragen en opmerkingen van de leden van de VVD-fractie\n \nWat vindt u?\n \nAntwoord\n \nJa.\n"
)

pytestmark = pytest.mark.timeout(5)  # a hang guard only; nothing here measures time


def test_empty_file() -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse_document(b"", "leeg.pdf")


def test_random_bytes() -> None:
    data = bytes(range(256)) * 16 + os.urandom(4096)
    with pytest.raises(ParseError, match="unrecognised format"):
        parse_document(data, "ruis.bin")


def test_truncated_pdf() -> None:
    pdf = build_pdf_from_text(SHORT)
    with pytest.raises(ParseError, match="truncated PDF"):
        parse_document(pdf[: len(pdf) // 2], "kapot.pdf")


def test_pdf_with_damaged_body_but_an_eof_marker() -> None:
    pdf = build_pdf_from_text(SHORT)
    with pytest.raises(ParseError, match="corrupt PDF"):
        parse_document(pdf[:200] + b"\n%%EOF\n", "kapot.pdf")


def test_legacy_doc_is_refused_by_name() -> None:
    with pytest.raises(ParseError, match=r"legacy Word \.doc"):
        parse_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "oud.doc")


def _zip_bomb() -> bytes:
    """A docx-looking archive whose word/document.xml inflates to 1 GB of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = bytes(16 * 1024 * 1024)
            for _ in range(64):
                member.write(block)
    return buf.getvalue()


@pytest.mark.timeout(60)  # building the 1 GB member takes a few seconds on 2 cores
def test_zip_bomb_posing_as_docx() -> None:
    data = _zip_bomb()
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(ParseError, match="zip bomb suspected"):
        parse_document(data, "bom.docx")


def test_zip_member_lying_about_its_size() -> None:
    """A header declaring 100 bytes for a member that inflates to 50 MB: inflating stops at the
    declared size and the CRC check refuses the member."""
    docx = build_docx_from_text(SHORT)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
        dst.writestr("word/document.xml", b"<w:document/>" + b" " * (50 * 1024 * 1024))
    raw = bytearray(buf.getvalue())
    # Patch the declared uncompressed size (local header and central directory) to 100 bytes.
    name = b"word/document.xml"
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := raw.find(sig, pos)) != -1:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + len(name)] == name:
                raw[pos + offset : pos + offset + 4] = (100).to_bytes(4, "little")
            pos += 4
    with pytest.raises(ParseError, match="corrupt zip member 'word/document.xml': Bad CRC"):
        parse_document(bytes(raw), "leugen.docx")


def test_truncated_docx() -> None:
    docx = build_docx_from_text(SHORT)
    with pytest.raises(ParseError, match="corrupt or truncated zip"):
        parse_document(docx[: len(docx) - 100], "kapot.docx")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b"]>\n<officiele-publicatie><al>&lol9;</al></officiele-publicatie>\n"
)


def test_billion_laughs() -> None:
    with pytest.raises(ParseError, match="XML entity declarations are not allowed"):
        parse_document(BILLION_LAUGHS, "lol.xml")


def test_external_entity() -> None:
    xxe = (
        b'<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<officiele-publicatie><al>&xxe;</al></officiele-publicatie>\n"
    )
    with pytest.raises(ParseError, match="XML entity declarations are not allowed") as info:
        parse_document(xxe, "xxe.xml")
    assert "root:" not in str(info.value)


def test_entity_bomb_in_a_docx_part() -> None:
    docx = build_docx_from_text(SHORT)
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = BILLION_LAUGHS if info.filename == "word/styles.xml" else src.read(info)
            dst.writestr(info, data)
    with pytest.raises(ParseError, match="word/styles.xml: XML entity declarations"):
        parse_document(buf.getvalue(), "bom.docx")


def test_malformed_xml() -> None:
    with pytest.raises(ParseError, match="malformed XML"):
        parse_document(b"<?xml version='1.0'?><officiele-publicatie><al>open", "kapot.xml")


def test_text_without_fractie_headings_is_a_partial_result() -> None:
    c = parse_document(b"Een brief zonder vragen.\n \nMet nog een alinea.\n", "brief.txt")
    assert c.pairs == ()
    assert any(i.code == "no_fractie_headings" for i in c.issues)


def test_deeply_nested_html_does_not_crash() -> None:
    html = (
        b"<html><body>" + b"<div>" * 5000 + b"<p>tekst</p>" + b"</div>" * 5000 + b"</body></html>"
    )
    c = parse_document(html, "diep.html")
    assert c.pairs == ()
    assert [i.code for i in c.issues] == ["no_fractie_headings"]
    assert [u.text for u in c.unassigned] == ["tekst"]  # the paragraph deep inside is read
