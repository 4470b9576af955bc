"""parse_document: bytes of any supported format -> Consultation (sniff -> reader -> segmenter)."""

import dataclasses
from collections.abc import Callable

from parsers.blocks import Block
from parsers.consultation import parse_blocks
from parsers.errors import ParseError
from parsers.model import Consultation
from parsers.sniff import decode_text, sniff_format

# Bump on any change that can change the output for the same bytes: `jbz reparse` relies on it.
PARSER_VERSION = "2.7.0"


def _read_txt(data: bytes) -> tuple[Block, ...]:
    from parsers.readers.text import read_text

    return read_text(decode_text(data))


def _read_pdf(data: bytes) -> tuple[Block, ...]:
    from parsers.readers.pdf import read_pdf

    return read_pdf(data)


def _read_docx(data: bytes) -> tuple[Block, ...]:
    from parsers.readers.docx import read_docx

    return read_docx(data)


def _read_xml(data: bytes) -> tuple[Block, ...]:
    from parsers.readers.koop_xml import read_koop_xml

    return read_koop_xml(data)


def _read_html(data: bytes) -> tuple[Block, ...]:
    from parsers.readers.html import read_html

    return read_html(data)


def _read_doc(data: bytes) -> tuple[Block, ...]:
    raise ParseError(
        "unsupported format: legacy Word .doc (OLE2 compound file); use the PDF, docx or XML"
    )


READERS: dict[str, Callable[[bytes], tuple[Block, ...]]] = {
    "txt": _read_txt,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "doc": _read_doc,
    "xml": _read_xml,
    "html": _read_html,
}


def read_blocks(data: bytes, fmt: str | None = None) -> tuple[str, tuple[Block, ...]]:
    """The format (sniffed unless the caller sniffed it already) and the reader's blocks."""
    fmt = fmt if fmt in READERS else sniff_format(data)
    try:
        return fmt, READERS[fmt](data)
    except RecursionError as exc:  # deeply nested markup
        raise ParseError(f"{fmt} input is nested too deeply to read") from exc
    except MemoryError as exc:
        raise ParseError(f"{fmt} input needs too much memory to read") from exc


def parse_document(
    data: bytes, name: str = "", kind_hint: str | None = None, fmt: str | None = None
) -> Consultation:
    """Parse a document; `name` only labels error messages (the format comes from the bytes:
    `fmt`, when the caller has sniffed them already, spares a second look).

    `kind_hint` is the source's own label for the document (the TK `Soort`); it decides the
    kind only where the text is ambiguous (an inbreng template that calls itself "Verslag").

    Raises ParseError (with a plain message) for input that cannot be read; a document that can
    be read but not fully understood comes back with its problems in `issues`.
    """
    try:
        fmt, blocks = read_blocks(data, fmt)
    except ParseError as exc:
        raise ParseError(f"{name}: {exc}" if name else str(exc)) from exc
    consultation = parse_blocks(blocks, source_format=fmt, kind_hint=kind_hint)
    return dataclasses.replace(consultation, parser_version=PARSER_VERSION)
