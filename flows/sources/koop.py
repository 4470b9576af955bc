"""KOOP (officielebekendmakingen): discovery and backfill by dossier through SRU 2.0, and files.

Records are read namespace-agnostically (repository.overheid.nl prefixes vary between
`gzd:`, `dcterms:`, `overheidwetgeving:` …): elements are matched on their local names. Identifiers
and file URLs are read from the record (itemUrl[@manifestation='xml']), never built: many
identifiers are numeric (`kst-1027638`).
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree as SafeET

from contract.records import DocumentRecord, FetchedFile
from flows.config import Config, split_dossier
from flows.sources.classify import classify_document
from flows.sources.cursor import listing_start
from flows.sources.files import download_file
from flows.sources.formats import sniff
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceError

SOURCE = "koop"
MAX_PAGES = 1000
# SRU sorts by the document's date (dt.date); it has no index on the change time. A Kamerstuk is
# published or changed days after the date it carries (a verslag "Vastgesteld 20 november" that
# appears on the 27th), so records changed since the cursor sit among older-dated ones: paging
# goes on past records changed before the cursor, down to documents dated this long before it.
# A record changed later still than this after its date is found by a backfill (`--since`).
LATE_DAYS = 31
# Eerste Kamer stukken in a shared dossier carry letters instead of numbers: kst-32317-DQ.
EK_ONDERNUMMER = re.compile(r"^[A-Z]{1,3}$")
EK_IDENTIFIER = re.compile(r"^kst-\d+-[A-Z]{1,3}$")
EK_CREATOR = "eerste kamer"
# manifestations in the order they are preferred: the XML is the best-structured text
MANIFESTATIONS = ("xml", "pdf", "html")


@dataclass(frozen=True)
class SruPage:
    total: int  # numberOfRecords
    records: tuple[DocumentRecord, ...]
    next_position: int | None  # nextRecordPosition, when the server says it


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _find(el: Element, *path: str) -> Element | None:
    """The first descendant reached by the local names in `path`, each at any depth below."""
    current: Element | None = el
    for name in path:
        if current is None:
            return None
        current = next((c for c in current.iter() if _local(c.tag) == name), None)
    return current


def _text(el: Element, *path: str) -> str | None:
    found = _find(el, *path)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _item_url(gzd: Element, manifestation: str) -> str | None:
    for el in gzd.iter():
        if _local(el.tag) == "itemUrl" and el.get("manifestation") == manifestation:
            return (el.text or "").strip() or None
    return None


def _kamerstuk_type(gzd: Element) -> str | None:
    for el in gzd.iter():
        if el.get("scheme") == "OVERHEIDop.KamerstukTypen" and (el.text or "").strip():
            return (el.text or "").strip()
    return None


def _modified(gzd: Element) -> datetime | None:
    """The precise change time when the record has one, else owmskern `modified` (a date)."""
    for name in ("datumTijdstipWijzigingExpression", "datumTijdstipWijzigingWork"):
        value = _text(gzd, "tpmeta", name)
        if value:
            return datetime.fromisoformat(value)
    day = _text(gzd, "owmskern", "modified")
    return datetime.fromisoformat(day).replace(tzinfo=UTC) if day and len(day) == 10 else None


def split_koop_title(title: str | None) -> tuple[str | None, str | None]:
    """KOOP titles read "dossier title; type; title" ("JBZ-Raad; Brief regering; Geannoteerde
    agenda …") or "dossier title; title": (the type as printed or None, the subject)."""
    if not title:
        return None, None
    parts = [p.strip() for p in title.split("; ")]
    if len(parts) >= 3:
        return parts[-2], parts[-1]
    return None, parts[-1]


def read_koop_record(gzd: Element, cfg: Config, dossier: str | None = None) -> DocumentRecord:
    """One SRU `gzd` record as a DocumentRecord (chamber "EK" for the Eerste Kamer); a record
    without identifier or with an unreadable date is a BadResponse."""
    ident = _text(gzd, "owmskern", "identifier")
    if not ident:
        raise BadResponse("SRU record without an identifier")
    try:
        return _read_koop_record(gzd, cfg, ident, dossier)
    except ValueError as e:
        raise BadResponse(f"unreadable SRU record {ident}: {e}") from e


def _chamber(gzd: Element, ident: str, onder: str | None) -> str:
    creator = (_text(gzd, "owmskern", "creator") or "").lower()
    letters = bool(onder and EK_ONDERNUMMER.match(onder)) or bool(EK_IDENTIFIER.match(ident))
    return "EK" if EK_CREATOR in creator or letters else "TK"


def _file_url(gzd: Element) -> str | None:
    return next((u for m in MANIFESTATIONS if (u := _item_url(gzd, m))), None)


def _manifestations(gzd: Element) -> dict[str, str]:
    """Every file the SRU record lists, by manifestation (kept to fall back from XML to PDF)."""
    return {m: u for m in MANIFESTATIONS if (u := _item_url(gzd, m))}


def manifestation_urls(record: DocumentRecord) -> list[str]:
    """The record's file URLs in the order tried: its file URL, then the other manifestations
    its SRU record lists (XML, PDF, HTML)."""
    try:
        listed = json.loads(record.raw_json or "{}").get("manifestations") or {}
    except ValueError:
        listed = {}
    urls = [record.file_url, *(listed.get(m) for m in MANIFESTATIONS)]
    return list(dict.fromkeys(u for u in urls if isinstance(u, str) and u))


def _read_koop_record(gzd: Element, cfg: Config, ident: str, dossier: str | None) -> DocumentRecord:
    title_type, subject = split_koop_title(_text(gzd, "owmskern", "title"))
    soort = _kamerstuk_type(gzd) or title_type
    onder = _text(gzd, "tpmeta", "ondernummer")
    day = _text(gzd, "owmsmantel", "date") or _text(gzd, "owmsmantel", "available")
    printed = dossier or _text(gzd, "tpmeta", "dossiernummer") or cfg.dossier
    number, toevoeging = split_dossier(printed) if printed else (None, None)
    return DocumentRecord(
        document_id=f"{SOURCE}:{ident}",
        source=SOURCE,
        source_id=ident,
        kind=classify_document(title_type or soort, subject),
        soort=soort,
        title=subject,
        dossier=printed,
        ondernummer=onder,
        document_number=None,
        document_date=date.fromisoformat(day[:10]) if day else None,
        modified_at=_modified(gzd),
        deleted=False,
        version=None,
        koop_id=ident,
        file_url=_file_url(gzd),
        chamber=_chamber(gzd, ident, onder),
        raw_json=json.dumps({"manifestations": _manifestations(gzd)}, sort_keys=True),
        dossier_number=number,
        toevoeging=toevoeging,
    )


def parse_sru_page(data: bytes, cfg: Config, dossier: str | None = None) -> SruPage:
    """A searchRetrieveResponse; SRU diagnostics (errors sent with status 200) are BadResponse."""
    if sniff(data) == "html":
        raise BadResponse("SRU answered with an HTML page")
    try:
        root = SafeET.fromstring(data)
    except (ParseError, ValueError) as e:  # defusedxml's refusals are ValueErrors
        raise BadResponse(f"SRU answered malformed XML: {e}") from e
    diagnostic = _find(root, "diagnostics")
    if diagnostic is not None:
        message = _text(diagnostic, "message") or "unknown"
        details = _text(diagnostic, "details")
        raise BadResponse(f"SRU diagnostic: {message}" + (f" ({details})" if details else ""))
    total = _text(root, "numberOfRecords")
    if total is None or not total.isdigit():
        raise BadResponse("SRU response without numberOfRecords")
    gzds = [el for el in root.iter() if _local(el.tag) == "gzd"]
    nxt = _text(root, "nextRecordPosition")
    return SruPage(
        total=int(total),
        records=tuple(read_koop_record(g, cfg, dossier) for g in gzds),
        next_position=int(nxt) if nxt and nxt.isdigit() else None,
    )


def sru_query(dossier: str) -> str:
    """Only indexes working public clients use (parlhist, wetsuite): there is no change-time
    index to ask for (`dt.modified` gets a diagnostic), so new records are found newest first."""
    quoted = f'"{dossier}"' if "-" in dossier else dossier  # as peers quote "21501-02"
    return (
        f"c.product-area==officielepublicaties AND w.dossiernummer=={quoted} AND "
        "w.publicatienaam==Kamerstuk sortBy dt.date/sort.descending"
    )


def sru_params(dossier: str, start: int = 1, size: int = 1) -> dict[str, str]:
    """One SRU page of the dossier's Kamerstukken, `size` records from position `start`."""
    return {"query": sru_query(dossier), "startRecord": str(start),
            "maximumRecords": str(size), "httpAccept": "application/xml"}  # fmt: skip


def _older(record: DocumentRecord, start: datetime) -> bool:
    when = record.modified_at
    return when is not None and (when if when.tzinfo else when.replace(tzinfo=UTC)) < start


def _dated_before(record: DocumentRecord, floor: date) -> bool:
    """Is the record dated before `floor`? A record without a date cannot tell: keep paging."""
    return record.document_date is not None and record.document_date < floor


def iter_koop_records(
    client: HttpClient,
    cfg: Config,
    dossier: str | None = None,
    since: str | datetime | date | None = None,
    *,
    include_ek: bool | None = None,
) -> Iterator[DocumentRecord]:
    """Kamerstukken of the dossier (default cfg.dossier) changed since the cursor minus the
    overlap, newest-dated first, paging down to documents dated LATE_DAYS before it: a run that
    finds nothing new costs one request. Eerste Kamer stukken come too (marked chamber="EK")
    unless include_ek is False (default JBZ_INCLUDE_EK)."""
    start_at = listing_start(since, cfg.cursor_overlap_hours)
    floor = (start_at - timedelta(days=LATE_DAYS)).date() if start_at else None
    dossier = dossier or cfg.dossier
    with_ek = cfg.include_ek if include_ek is None else include_ek
    position, size = 1, max(1, cfg.koop_page_size)
    for _ in range(MAX_PAGES):
        params = sru_params(dossier, position, size)
        page = parse_sru_page(client.get(cfg.koop_sru_url, params).data, cfg, dossier)
        fresh = [r for r in page.records if start_at is None or not _older(r, start_at)]
        yield from (r for r in fresh if with_ek or r.chamber == "TK")
        if not page.records or (floor and _dated_before(page.records[-1], floor)):
            return  # past the floor: everything further down is dated earlier still
        position = page.next_position or position + len(page.records)
        if position > page.total:
            return
    raise BadResponse(f"SRU paging did not end after {MAX_PAGES} pages", url=cfg.koop_sru_url)


def fetch_koop_file(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The file behind the record's itemUrl: the XML, else (listed but not served) the PDF,
    else the HTML; the last error, carrying record.document_id, when none comes."""
    urls = manifestation_urls(record)
    try:
        if not urls:
            raise BadResponse("the SRU record lists no XML, PDF or HTML manifestation")
        for url in urls[:-1]:
            try:
                return download_file(client, url, allow_html=url.endswith(".html"))
            except (SoftNotFound, BadResponse):
                continue  # recent publications exist only as PDF: {id}.xml goes to fout404
        return download_file(client, urls[-1], allow_html=urls[-1].endswith(".html"))
    except SourceError as e:
        raise e.for_document(record.document_id) from e
