"""Tell the input format from the bytes alone (file names and content types lie)."""

import io
import re
import zipfile

from parsers.errors import ParseError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
_UTF8_BOM = b"\xef\xbb\xbf"
# C0 control characters other than tab, newline, form feed and carriage return: text has none.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def sniff_format(data: bytes) -> str:
    """One of "pdf", "docx", "doc", "xml", "html", "txt"; ParseError for empty or unknown input.

    "doc" is recognised only to say it is unsupported: the readers raise for it.
    """
    if not data.strip():
        raise ParseError("empty file" if not data else "empty file (only whitespace)")
    head = data[:1024]
    if b"%PDF-" in head:  # the PDF spec lets a header follow up to 1 KB of junk
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if head.startswith(_OLE_MAGIC[:4]):
        return "doc"
    markup = _sniff_markup(data[:4096])
    if markup:
        return markup
    if _looks_like_text(data):
        return "txt"
    raise ParseError(f"unrecognised format (binary data starting with {data[:8]!r})")


def _sniff_zip(data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(f"corrupt or truncated zip archive: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise ParseError("unsupported format: OpenDocument (odt); use the PDF, docx or XML")
    raise ParseError("unrecognised format: a zip archive without word/document.xml")


def _sniff_markup(head: bytes) -> str | None:
    head = head.removeprefix(_UTF8_BOM)
    if _HTML_START.match(head):
        return "html"
    start = head.lstrip()
    if start.startswith(b"<?xml") or b"<officiele-publicatie" in head:
        lowered = head.lower()
        if b"<html" in lowered and b"<officiele-publicatie" not in head:
            return "html"  # XHTML
        return "xml"
    return None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # one pass: delete them
    if controls > len(sample) // 1000:  # random bytes hold ~12% control characters
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start > len(sample) - 4:  # a multi-byte character cut by the sample
            return True
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes) -> str:
    """Text bytes as str: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ParseError(f"text is neither UTF-8 nor Windows-1252: {exc}") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
