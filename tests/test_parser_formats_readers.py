"""Reader-level behaviour: sniffing, block conventions of each format."""

import io
import zipfile
from pathlib import Path

import pytest

from devtools.builders import build_docx_from_text, build_pdf_from_text
from devtools.recorded import SAMPLES
from parsers.blocks import BlockKind
from parsers.errors import ParseError
from parsers.readers.docx import read_docx
from parsers.readers.html import read_html
from parsers.readers.koop_xml import read_koop_xml
from parsers.readers.pdf import extract_pdf_text
from parsers.sniff import sniff_format

EXAMPLE = Path(__file__).parent / "fixtures" / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
SAMPLE_956 = SAMPLES / "koop_kst-32317-956_via_DocumentPublicatie_resource.xml"
SHORT = "Vragen en opmerkingen van de leden van de VVD-fractie\n \nDe motie Brekelmans1 telt.\n"


def test_sniff_each_format() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert sniff_format(EXAMPLE.read_bytes()) == "txt"
    assert sniff_format(text.encode("cp1252")) == "txt"
    assert sniff_format(build_pdf_from_text(SHORT)) == "pdf"
    assert sniff_format(build_docx_from_text(SHORT)) == "docx"
    assert sniff_format(SAMPLE_956.read_bytes()) == "xml"
    assert sniff_format(b"<officiele-publicatie><al>x</al></officiele-publicatie>") == "xml"
    assert sniff_format(b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == "doc"


def test_odt_zip_is_refused_by_name() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ParseError, match="OpenDocument"):
        sniff_format(buf.getvalue())


def test_pdf_pages_are_joined_by_three_empty_lines() -> None:
    text = extract_pdf_text(build_pdf_from_text("eerste pagina\n\n\n\ntweede pagina\n"))
    assert text.split("\n") == ["eerste pagina", "", "", "", "tweede pagina"]


def test_docx_blocks_headings_and_glued_footnote_markers() -> None:
    blocks = read_docx(build_docx_from_text(SHORT + "\n\n\n1 Kamerstuk 36200-VI, nr. 24\n"))
    heading = [b for b in blocks if b.kind is BlockKind.HEADING]
    assert [(b.text, b.level) for b in heading] == [
        ("Vragen en opmerkingen van de leden van de VVD-fractie", 2)
    ]
    para = next(b for b in blocks if "Brekelmans" in b.text)
    assert para.text == "De motie Brekelmans1 telt."
    note = next(b for b in blocks if b.kind is BlockKind.FOOTNOTE)
    assert (note.footnote_n, note.text) == (1, "Kamerstuk 36200-VI, nr. 24")


def test_koop_xml_front_matter_and_noot() -> None:
    xml = (
        b"<officiele-publicatie><kamerstuk><dossier><dossiernummer><dossiernr>32 317</dossiernr>"
        b"</dossiernummer><titel>JBZ-Raad</titel></dossier><stuk><stuknr>Nr. <ondernummer>909"
        b"</ondernummer></stuknr><titel>VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</titel><datumtekst>"
        b'Vastgesteld <datum isodatum="2022-12-15">15 december 2022</datum></datumtekst>'
        b"<algemeen><divisie><kop><titel>Vragen en opmerkingen van de leden van de VVD-fractie"
        b"</titel></kop><tussenkop>Frontex</tussenkop><al>De motie Brekelmans "
        b'<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk 36 200-VI, nr. 24'
        b"</noot.al></noot>, zie ook.</al></divisie></algemeen></stuk></kamerstuk>"
        b"</officiele-publicatie>"
    )
    blocks = read_koop_xml(xml)
    assert [(b.kind.value, b.text) for b in blocks] == [
        ("paragraph", "32 317 JBZ-Raad"),
        ("paragraph", "Nr. 909"),
        ("paragraph", "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"),
        ("paragraph", "Vastgesteld 15 december 2022"),
        ("heading", "Vragen en opmerkingen van de leden van de VVD-fractie"),
        ("heading", "Frontex"),
        ("paragraph", "De motie Brekelmans1, zie ook."),
        ("footnote", "Kamerstuk 36 200-VI, nr. 24"),
    ]
    assert blocks[-1].footnote_n == 1


def test_koop_xml_refuses_other_xml() -> None:
    with pytest.raises(ParseError, match="not a KOOP officiele-publicatie"):
        read_koop_xml(b"<?xml version='1.0'?><rss><channel/></rss>")


def test_html_markers_and_notes() -> None:
    html = (
        b"<html><body><h2>Vragen en opmerkingen van de leden van de VVD-fractie</h2>"
        b'<p>De motie Brekelmans<sup><a class="nootnum" href="#n1">1</a></sup> telt.</p>'
        b'<div class="voetnoten"><ol><li><span class="nootnum">1</span> <p>Kamerstuk 36 200-VI,'
        b" nr. 24</p></li></ol></div></body></html>"
    )
    blocks = read_html(html)
    assert [(b.kind.value, b.text, b.footnote_n) for b in blocks] == [
        ("heading", "Vragen en opmerkingen van de leden van de VVD-fractie", None),
        ("paragraph", "De motie Brekelmans1 telt.", None),
        ("footnote", "Kamerstuk 36 200-VI, nr. 24", 1),
    ]


def test_docx_without_styles_part_takes_levels_from_style_ids() -> None:
    """A docx whose word/styles.xml is missing: "Kop2" (Dutch Word's id) still means level 2."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(build_docx_from_text(SHORT))) as src,
        zipfile.ZipFile(buf, "w") as dst,
    ):
        for info in src.infolist():
            if info.filename != "word/styles.xml":
                dst.writestr(info, src.read(info))
    blocks = read_docx(buf.getvalue())
    assert [(b.kind, b.level) for b in blocks if b.text.strip()] == [
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, None),
    ]
