"""Tweede Kamer open data (OData v4 or v5): list the dossier's documents, tombstones, files.

Field names that differ between versions come from Config (flows/config.py, TK_FIELDS); a record
is read with the configured name first and the other version's name as fallback.
"""

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin

from contract.records import KIND_OTHER, DocumentRecord, FetchedFile
from flows.config import TK_FIELDS, Config
from flows.sources.classify import classify_document
from flows.sources.cursor import listing_start
from flows.sources.files import download_file
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceError

SOURCE = "tk"
ACTOR_FIELDS = ("ActorNaam", "ActorFractie", "Functie", "Relatie")
VERSIE_FIELDS = ("Id", "Versienummer", "Extensie", "ExterneIdentifier")
PUBLICATIE_FIELDS = ("Id", "DocumentType", "Identifier")
TOMBSTONE_FIELDS = ("Id", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd")
GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")

__all__ = [
    "SOURCE",
    "classify_document",
    "document_query",
    "fetch_tk_file",
    "iter_tk_documents",
    "iter_tk_pages",
    "iter_tk_tombstones",
    "read_tk_record",
]


def odata_datetime(when: datetime) -> str:
    """A DateTimeOffset literal (unquoted), in UTC: 2025-10-01T00:00:00.000Z."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def document_expand() -> str:
    versie = ",".join(VERSIE_FIELDS)
    pub = ",".join(PUBLICATIE_FIELDS)
    return (
        f"DocumentActor($select={','.join(ACTOR_FIELDS)}),"
        f"HuidigeDocumentVersie($select={versie};$expand=DocumentPublicatie($select={pub}))"
    )


def document_query(
    cfg: Config, since: str | datetime | date | None, until: str | datetime | date | None = None
) -> dict[str, str]:
    """Query parameters listing the dossier's documents changed after `since` minus the overlap."""
    clauses = ["Verwijderd eq false", f"Kamerstukdossier/any(d: d/Nummer eq {int(cfg.dossier)})"]
    start = listing_start(since, cfg.cursor_overlap_hours)
    if start is not None:
        clauses.append(f"GewijzigdOp gt {odata_datetime(start)}")
    end = listing_start(until, 0)
    if end is not None:
        clauses.append(f"GewijzigdOp lt {odata_datetime(end)}")
    return {
        "$filter": " and ".join(clauses),
        "$orderby": "GewijzigdOp asc",
        "$expand": document_expand(),
    }


def iter_tk_pages(
    client: HttpClient, url: str, params: Mapping[str, str] | None
) -> Iterator[list[dict[str, Any]]]:
    """Every page of an OData collection, following @odata.nextLink until it is absent."""
    next_url: str | None = url
    seen: set[str] = set()
    while next_url:
        page = client.get_json(next_url, params)
        values = page.get("value")
        if not isinstance(values, list):
            raise BadResponse("OData page without a 'value' list", url=next_url)
        yield [v for v in values if isinstance(v, dict)]
        link = page.get("@odata.nextLink")
        if link is None:
            return
        next_url, params = urljoin(next_url, str(link)), None
        if next_url in seen:
            raise BadResponse("@odata.nextLink repeats itself", url=next_url)
        seen.add(next_url)


def iter_tk_documents(
    client: HttpClient,
    cfg: Config,
    since: str | datetime | date | None,
    until: str | datetime | date | None = None,
) -> Iterator[DocumentRecord]:
    """The dossier's documents changed since the cursor (minus overlap), oldest change first."""
    params = document_query(cfg, since, until)
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            yield read_tk_record(raw, cfg)


def iter_tk_tombstones(
    client: HttpClient, cfg: Config, known_source_ids: Sequence[str]
) -> Iterator[DocumentRecord]:
    """Deleted records among known documents (deleted records leave the dossier filter, so they
    are asked for by `Id in (…)`, at most JBZ_TOMBSTONE_BATCH ids per query)."""
    ids = [i.removeprefix(f"{SOURCE}:") for i in known_source_ids]
    bad = [i for i in ids if not GUID.match(i)]
    if bad:
        raise ValueError(f"not TK document ids: {bad[:3]}")
    size = max(1, min(cfg.tombstone_batch, 50))
    for start in range(0, len(ids), size):
        batch = ",".join(ids[start : start + size])
        params = {"$filter": f"Id in ({batch})", "$select": ",".join(TOMBSTONE_FIELDS)}
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
            for raw in page:
                if raw.get("Verwijderd") is True:
                    yield read_tk_record(raw, cfg)


def _first(raw: Mapping[str, Any], *names: str) -> Any:
    for name in names:
        if raw.get(name) is not None:
            return raw[name]
    return None


def _other_version_names(cfg: Config) -> tuple[str, str]:
    other = TK_FIELDS["v4" if cfg.tk_api_version == "v5" else "v5"]
    return other.document_number, other.ondernummer


def _datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def read_tk_record(raw: Mapping[str, Any], cfg: Config) -> DocumentRecord:
    """A TK `Document` (v4 or v5 names, with or without $expand) as a DocumentRecord; a record
    without Id or with an unreadable date is a BadResponse (a SourceError), not a crash."""
    try:
        return _read_tk_record(raw, cfg)
    except (KeyError, ValueError) as e:
        raise BadResponse(f"unreadable Document record {raw.get('Id', '(no Id)')}: {e!r}") from e


def _read_tk_record(raw: Mapping[str, Any], cfg: Config) -> DocumentRecord:
    doc_id = str(raw["Id"])
    other_number, other_onder = _other_version_names(cfg)
    onder = _first(raw, cfg.tk_field_ondernummer, other_onder)
    versie = raw.get("HuidigeDocumentVersie") or {}
    deleted = raw.get("Verwijderd") is True
    datum = _datetime(raw.get("Datum"))
    version = versie.get("Versienummer")
    return DocumentRecord(
        document_id=f"{SOURCE}:{doc_id}",
        source=SOURCE,
        source_id=doc_id,
        kind=KIND_OTHER if deleted else classify_document(raw.get("Soort"), raw.get("Onderwerp")),
        soort=raw.get("Soort"),
        title=raw.get("Onderwerp"),
        dossier=None if deleted else cfg.dossier,
        ondernummer=str(onder) if isinstance(onder, int) and onder > 0 else None,
        document_number=_first(raw, cfg.tk_field_document_number, other_number),
        document_date=datum.date() if datum else None,
        modified_at=_datetime(raw.get("GewijzigdOp")),
        deleted=deleted,
        version=None if version is None else str(version),
        koop_id=versie.get("ExterneIdentifier") or None,
        file_url=None if deleted else tk_file_url(cfg, doc_id, versie),
        chamber="EK" if raw.get("Kamer") == 1 else "TK",
        raw_json=json.dumps(raw, ensure_ascii=False, sort_keys=True),
    )


def tk_resource_url(cfg: Config, source_id: str) -> str:
    return f"{cfg.tk_odata_url}/Document({source_id})/resource"


def tk_file_url(cfg: Config, source_id: str, versie: Mapping[str, Any]) -> str:
    """The KOOP XML (`DocumentPublicatie(<id>)/Resource`, DocumentType 'Xml') when the version
    has one (published Kamerstukken, a day or more later), else the TK file itself."""
    for pub in versie.get("DocumentPublicatie") or ():
        if str(pub.get("DocumentType", "")).lower() == "xml" and pub.get("Id"):
            return f"{cfg.tk_odata_url}/DocumentPublicatie({pub['Id']})/Resource"
    return tk_resource_url(cfg, source_id)


def fetch_tk_file(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The document's file: the KOOP XML when listed, else (or when that is missing) the TK file.
    Errors are SourceErrors carrying record.document_id."""
    resource = tk_resource_url(cfg, record.source_id)
    url = record.file_url or resource
    try:
        try:
            return download_file(client, url)
        except (SoftNotFound, BadResponse):
            if url == resource:
                raise
            return download_file(client, resource)  # publication listed but not (yet) served
    except SourceError as e:
        raise e.for_document(record.document_id) from e
