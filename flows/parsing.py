"""Parsing a file inside a flow: the pure parser, its refusals and crashes recorded against the
document instead of stopping the run."""

import logging
from dataclasses import dataclass

from contract.records import PARSEABLE_KINDS, DocumentRecord, FetchedFile
from parsers.errors import ParseError
from parsers.model import Consultation

log = logging.getLogger("jbz.flows")


@dataclass(frozen=True)
class ParseFailure:
    """Why a file gave no consultation; recorded against its document, the run goes on."""

    code: str  # parse_error (input the parser rejects) | parser_crash (a bug, logged in full)
    reason: str


Parsed = Consultation | ParseFailure


def parse_file(
    document_id: str, data: bytes, fmt: str | None = None, soort: str | None = None
) -> Parsed:
    """Parse one file, holding no warehouse connection (parsing takes 0.1-0.5 s a report).

    `fmt` is the format sniffed when the file was fetched (not sniffed again); `soort` is the
    source's label, which decides the kind only where the text is ambiguous."""
    from parsers.api import parse_document

    try:
        return parse_document(data, name=document_id, kind_hint=soort, fmt=fmt)
    except ParseError as exc:
        return ParseFailure("parse_error", str(exc))
    except Exception as exc:  # a parser bug on one document is recorded
        # against that document with its traceback in the log, and the run goes on
        log.exception("parser crashed on %s", document_id)
        return ParseFailure("parser_crash", f"parser crashed: {type(exc).__name__}: {exc}")


def parse_if_new(
    record: DocumentRecord, fetched: FetchedFile, status: str, stored: set[str]
) -> Parsed | None:
    """The parse of a report whose bytes are new (None: not a report, or bytes already kept)."""
    if record.kind not in PARSEABLE_KINDS:
        return None
    if fetched.sha256 in stored and status != "new":
        return None
    return parse_file(record.document_id, fetched.data, fetched.fmt, record.soort)
