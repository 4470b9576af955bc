"""Limits for untrusted input, and the hardened XML and zip access every reader goes through.

Documents come from public servers; a hostile or broken file must end in a `ParseError` that
names the problem, quickly, with bounded memory. The limits are far above any real report (the
example report is 0.16 MB of text, 20 pages) and far below what would hurt the machine.
"""

import zipfile
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as ExpatError

import defusedxml.ElementTree as SafeET
from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
    NotSupportedError,
)

from parsers.errors import ParseError

MAX_INPUT_BYTES = 64 * 1024 * 1024  # any input file
MAX_PDF_PAGES = 2000
MAX_TEXT_CHARS = 20_000_000  # text extracted from one document
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_MEMBER_BYTES = 64 * 1024 * 1024  # one uncompressed docx part
MAX_ZIP_RATIO = 200  # uncompressed / compressed; Word XML compresses ~10:1, zeros ~1000:1
_SMALL = 1024 * 1024  # smaller members may compress better than MAX_ZIP_RATIO


def check_input_size(data: bytes, what: str) -> None:
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"{what} is too large: {len(data)} bytes (limit {MAX_INPUT_BYTES} bytes)")


def check_zip(zf: zipfile.ZipFile) -> None:
    """Refuse archives whose declared sizes betray a zip bomb, before anything is inflated."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ParseError(f"zip archive has too many members: {len(infos)}")
    for info in infos:
        _check_declared(info)


def _check_declared(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_ZIP_MEMBER_BYTES:
        raise ParseError(
            f"zip bomb suspected: member {info.filename!r} declares {info.file_size} bytes "
            f"uncompressed (limit {MAX_ZIP_MEMBER_BYTES})"
        )
    if info.file_size > _SMALL and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise ParseError(
            f"zip bomb suspected: member {info.filename!r} has compression ratio "
            f"{info.file_size // max(info.compress_size, 1)}:1 (limit {MAX_ZIP_RATIO}:1)"
        )


def read_zip_member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, after its declared size passed `_check_declared`.

    zipfile inflates no further than the declared size and then checks the CRC, so a header
    that understates the size ends in BadZipFile ("Bad CRC-32"), never in more bytes."""
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise ParseError(f"zip archive has no {name}") from exc
    _check_declared(info)
    try:
        with zf.open(info) as fh:
            return fh.read()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise ParseError(f"corrupt zip member {name!r}: {exc}") from exc
    except NotImplementedError as exc:  # e.g. an unsupported compression method
        raise ParseError(f"unsupported zip member {name!r}: {exc}") from exc


def parse_xml(data: bytes, what: str) -> Element:
    """Parse untrusted XML with entity declarations and external references refused.

    defusedxml wraps expat and raises on the declaration itself, so a billion-laughs bomb is
    never expanded and `<!ENTITY x SYSTEM "file:///etc/passwd">` is never resolved.
    """
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden as exc:
        raise ParseError(f"{what}: XML entity declarations are not allowed ({exc})") from exc
    except ExternalReferenceForbidden as exc:
        raise ParseError(f"{what}: XML external references are not allowed ({exc})") from exc
    except (DTDForbidden, NotSupportedError, DefusedXmlException) as exc:
        raise ParseError(f"{what}: unsafe XML refused ({exc})") from exc
    except ExpatError as exc:
        raise ParseError(f"{what}: malformed XML ({exc})") from exc
