"""Source-neutral records that cross from flows/sources into the warehouse (pure data, no I/O)."""

from dataclasses import dataclass
from datetime import date, datetime

from contract.kinds import ALL_KINDS, PARSEABLE_KINDS, DocumentKind

# Short names of the kinds (the sources and tests read better with them)
KIND_VERSLAG = DocumentKind.VERSLAG
KIND_INBRENG = DocumentKind.INBRENG
KIND_AGENDA = DocumentKind.AGENDA
KIND_COUNCIL_REPORT = DocumentKind.COUNCIL_REPORT
KIND_DEBATE = DocumentKind.DEBATE
KIND_OTHER = DocumentKind.OTHER

__all__ = [
    "ALL_KINDS",
    "KIND_AGENDA",
    "KIND_COUNCIL_REPORT",
    "KIND_DEBATE",
    "KIND_INBRENG",
    "KIND_OTHER",
    "KIND_VERSLAG",
    "PARSEABLE_KINDS",
    "DocumentKind",
    "DocumentRecord",
    "FetchedFile",
]


@dataclass(frozen=True)
class DocumentRecord:
    """One source document as listed by a source (TK OData `Document`, or a KOOP SRU record)."""

    document_id: str  # "tk:<Document.Id GUID>" or "koop:<identifier as read, e.g. kst-32317-909>"
    source: str  # "tk" | "koop"
    source_id: str  # the source's own identifier
    kind: DocumentKind
    soort: str | None  # TK `Soort` / KOOP KamerstukType, as printed
    title: str | None  # TK `Onderwerp` / KOOP title: the real subject
    dossier: str | None  # as printed: "32317", "21501-02"
    ondernummer: str | None  # TK Volgnummer (v4) / Ondernummer (v5) / KOOP ondernummer; None for -1
    document_number: str | None  # TK DocumentNummer (v4) / Nummer (v5), e.g. "2024D49082"
    document_date: date | None
    modified_at: datetime | None  # TK ApiGewijzigdOp (or a newer publication's) / KOOP modified
    deleted: bool
    version: str | None  # TK HuidigeDocumentVersie.Versienummer, KOOP: None
    koop_id: str | None  # TK HuidigeDocumentVersie.ExterneIdentifier / KOOP identifier
    file_url: str | None  # where the file bytes are fetched from
    chamber: str | None = "TK"  # "TK" or "EK" (EK letter numbers kept apart); None: unknown
    raw_json: str | None = None  # the source record as received, for traceability
    dossier_number: int | None = None  # 21501 of "21501-02"
    toevoeging: str | None = None  # "02" of "21501-02"; None for a dossier without one


@dataclass(frozen=True)
class FetchedFile:
    """File bytes as received, with what we know of where they came from."""

    data: bytes
    sha256: str
    fmt: str  # sniffed from the bytes: pdf | docx | doc | xml | txt (HTML and unknown are refused)
    url: str  # final URL after redirects
    content_type: str | None  # as the server said (may lie)
