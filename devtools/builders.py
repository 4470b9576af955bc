"""Build PDF and docx files from the text of a report (tests, `jbz demo`, bench/parse.py).

The example report exists only as PDF-extracted text. To test the PDF and docx readers on a
realistic document, these functions lay that text out again in each format:

- PDF: one text line per source line, at fixed positions, a new page at each page break (a
  run of two or more truly empty lines, which is how the text reader reads a page boundary).
  Helvetica with cp1252 encoding covers every character of the example ("‘", "–", "…", "•").
  Empty lines inside a page cannot be drawn; pypdf prints none for them.
- docx: the paragraphs of `devtools.builders_layout.lay_out` (lines joined back into paragraphs),
  headings in the Dutch Word styles "Kop 1"/"Kop 2"/"Kop 3", footnote texts in
  word/footnotes.xml with a `w:footnoteReference` (custom mark = the printed number) where the
  body printed the marker digits.

The KOOP XML and HTML builders live in `devtools/builders_koop.py`, the shared paragraph layout in
`devtools/builders_layout.py`.
"""

import io
import re
import zipfile
from collections.abc import Collection, Sequence
from xml.sax.saxutils import escape

from fpdf import FPDF

from devtools.builders_layout import Item, lay_out

PAGE_BREAK = re.compile(r"\n{3,}")  # a run of two or more truly empty lines
LINE_HEIGHT = 11.0
TOP_MARGIN = 40.0
PAGE_WIDTH = 595.0  # A4 in points


def split_pages(text: str) -> list[str]:
    """The text's pages: split at runs of two or more truly empty lines."""
    return PAGE_BREAK.split(text.replace("\r\n", "\n"))


def build_pdf_from_text(text: str) -> bytes:
    """A PDF whose pypdf text extraction gives back `text`'s lines, page by page."""
    pdf = FPDF(format="A4", unit="pt")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)
    for page in split_pages(text):
        lines = page.split("\n")
        # Each page is as tall as its lines need, so no page break appears that the text lacks.
        pdf.add_page(format=(PAGE_WIDTH, 2 * TOP_MARGIN + LINE_HEIGHT * len(lines)))
        for idx, line in enumerate(lines):
            if line:  # pypdf prints no line for an empty one anyway
                pdf.text(30, TOP_MARGIN + LINE_HEIGHT * idx, line)
    return bytes(pdf.output())


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)
# Dutch Word names its heading styles "Kop 1"/"Kop 2" with ids Kop1/Kop2: the reader must go
# through styles.xml names, so the builder uses the Dutch ids.
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{W_NS}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop3"><w:name w:val="heading 3"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Voetnoottekst"><w:name w:val="footnote text"/>'
    "</w:style></w:styles>"
)


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def _footnote_ref(fid: int, number: int) -> str:
    # The report skips footnote numbers (texts 5, 6, 10 … are missing), so the printed number is
    # a custom mark rather than Word's automatic numbering.
    return (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:customMarkFollows="1" w:id="{fid}"/><w:t>{number}</w:t></w:r>'
    )


def _docx_paragraph(item: Item, notes: Sequence[tuple[int, str]]) -> str:
    if item.kind == "pagebreak":
        return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    style = {1: "Kop1", 2: "Kop2", 3: "Kop3"}.get(item.level or 0)
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = [
        _run(piece) if isinstance(piece, str) else _footnote_ref(piece, notes[piece - 1][0])
        for piece in item.pieces
    ]
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _footnotes_xml(notes: Sequence[tuple[int, str]]) -> str:
    parts = [
        f'<w:footnotes xmlns:w="{W_NS}">',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for fid, (number, text) in enumerate(notes, start=1):
        parts.append(
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="Voetnoottekst"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{number}</w:t></w:r>'
            f"{_run(' ' + text)}</w:p></w:footnote>"
        )
    parts.append("</w:footnotes>")
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(parts)


def build_docx_from_text(text: str, heading_lines: Collection[int] = ()) -> bytes:
    """A minimal but valid docx of `text` (see the module docstring for the layout).

    `heading_lines` are the 1-based lines that are headings (fractie and topic headings); the
    fractie headings are also found without it.
    """
    layout = lay_out(text, heading_lines)
    body = "".join(_docx_paragraph(item, layout.notes) for item in layout.items)
    notes = layout.notes
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/styles.xml", STYLES)
        zf.writestr("word/footnotes.xml", _footnotes_xml(notes))
    return buf.getvalue()
