"""PDF bytes -> text (pypdf, page by page) -> Blocks via the text reader.

Pages are joined by three empty lines, which is how the extracted text of the reports marks a
page boundary ("…gelijkgestemde" / "" / "" / "" / "landen in Noordwest-Europa…"), so
`read_text` sees the same layout whether it gets a stored .txt or a PDF.
"""

import io
import struct
import zlib

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from parsers.blocks import Block
from parsers.errors import ParseError
from parsers.readers.text import read_text
from parsers.safety import MAX_PDF_PAGES, MAX_TEXT_CHARS, check_input_size

PAGE_SEPARATOR = "\n\n\n\n"
# pypdf raises its own PyPdfError family for most damage, but a mangled object table or stream
# still surfaces as one of these from inside the library.
_LIBRARY_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    RecursionError,
    OSError,
    EOFError,
    zlib.error,
    struct.error,
)


def read_pdf(data: bytes) -> tuple[Block, ...]:
    return read_text(extract_pdf_text(data))


def extract_pdf_text(data: bytes) -> str:
    """The text of every page, pages separated by three empty lines."""
    check_input_size(data, "PDF")
    if b"%%EOF" not in data[-2048:]:
        # pypdf would try to rebuild the cross-reference table of a cut-off file; the result is
        # silently partial text, so a truncated download is refused outright.
        raise ParseError("truncated PDF: no %%EOF marker at the end of the file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader)
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ParseError(f"PDF has too many pages: {count} (limit {MAX_PDF_PAGES})")
        pages: list[str] = []
        size = 0
        for page in reader.pages:
            text = page.extract_text().rstrip("\n")
            size += len(text)
            if size > MAX_TEXT_CHARS:
                raise ParseError(f"PDF holds too much text: over {MAX_TEXT_CHARS} characters")
            pages.append(text)
    except ParseError:
        raise
    except FileNotDecryptedError as exc:
        raise ParseError(f"PDF is encrypted and cannot be read: {exc}") from exc
    except _LIBRARY_ERRORS as exc:
        raise ParseError(f"corrupt PDF: {type(exc).__name__}: {exc}") from exc
    if not any(p.strip() for p in pages):
        raise ParseError("PDF has no extractable text (a scan without a text layer?)")
    return PAGE_SEPARATOR.join(pages)


def _decrypt(reader: PdfReader) -> None:
    # Many public PDFs are "encrypted" with an empty user password only to restrict editing.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ParseError("PDF is encrypted with a password")
