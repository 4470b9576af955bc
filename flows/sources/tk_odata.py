"""Tweede Kamer open data (OData v4 or v5): list a dossier's documents, deletions, files.

Field names come from the server's `$metadata` (flows/sources/tk_schema.py, a FieldMap); the
queries, each within the live service's limits, from flows/sources/tk_queries.py. The watermark
is the API-visibility time (`ApiGewijzigdOp`), not the source's change time: a record that
reaches the API late is still listed, and so is a document whose KOOP publication
(`DocumentPublicatie`) appears months after it (real sample: kst-32317-898), found through the
publications listing and asked for by id.
"""

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from contract.records import KIND_OTHER, DocumentRecord, FetchedFile
from flows.config import Config, split_dossier
from flows.sources.classify import classify_document
from flows.sources.files import download_file
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceError
from flows.sources.odata_query import odata_datetime, odata_string
from flows.sources.tk_queries import (
    by_id_queries,
    deletion_query,
    document_query,
    koop_prefix,
    publication_queries,
    zaak_document_query,
)
from flows.sources.tk_schema import FieldMap, default_fields

SOURCE = "tk"
GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


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
    dossier: str,
    start: datetime | None,
    end: datetime | None = None,
    fields: FieldMap | None = None,
) -> Iterator[DocumentRecord]:
    """The dossier's documents (through Kamerstukdossier) that reached the API in (start, end)."""
    f = fields or default_fields(cfg)
    params = document_query(f, dossier, start, end)
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            yield read_tk_record(raw, cfg, dossier, f)


def zaak_dossiers(raw: Mapping[str, Any], f: FieldMap) -> set[tuple[int, str | None]]:
    """(number, toevoeging) of every dossier of the record's cases (the expanded `Zaak`)."""
    out = set()
    for zaak in raw.get(f["zaken"]) or ():
        for d in zaak.get(f["zaak_dossiers"]) or ():
            number = d.get(f["dossier_number"])
            if isinstance(number, int):
                out.add((number, d.get(f["toevoeging"]) or None))
    return out


def iter_tk_zaak_documents(
    client: HttpClient,
    cfg: Config,
    dossiers: Sequence[str],
    start: datetime | None,
    end: datetime | None = None,
    fields: FieldMap | None = None,
) -> Iterator[DocumentRecord]:
    """The inbreng of the dossiers in (start, end), found through their cases: one listing of
    every dossier's inbreng, matched here against the cases' dossiers."""
    f = fields or default_fields(cfg)
    wanted = {split_dossier(d): d for d in dossiers}
    params = zaak_document_query(f, start, end)
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            for key in sorted(zaak_dossiers(raw, f) & set(wanted), key=str):
                yield read_tk_record(raw, cfg, wanted[key], f)


def iter_tk_dossier(
    client: HttpClient,
    cfg: Config,
    dossier: str,
    start: datetime | None,
    end: datetime | None = None,
    fields: FieldMap | None = None,
) -> Iterator[DocumentRecord]:
    """The dossier's documents in (start, end) by both routes: its own link, then the inbreng
    through their cases (two simple queries where one would nest `any()`)."""
    seen = set()
    for record in iter_tk_documents(client, cfg, dossier, start, end, fields):
        seen.add(record.document_id)
        yield record
    for record in iter_tk_zaak_documents(client, cfg, (dossier,), start, end, fields):
        if record.document_id not in seen:
            yield record


@dataclass(frozen=True)
class Publication:
    """A KOOP publication that reached the API: whose document, of which dossier."""

    document_id: str  # "tk:<GUID>"
    publication_id: str
    dossier: str


def iter_tk_publications(
    client: HttpClient,
    cfg: Config,
    dossiers: Sequence[str],
    start: datetime | None,
    fields: FieldMap,
) -> Iterator[Publication]:
    """KOOP XML publications of the dossiers that reached the API since `start` (nothing when
    the server lacks the optional fields this needs: the weekly sweep finds them then)."""
    f = fields
    if not all(f.get(k) for k in ("pub_identifier", "pub_version", "version_document")):
        return
    by_prefix = {koop_prefix(d): d for d in dossiers}
    for params in publication_queries(f, dossiers, start):
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/DocumentPublicatie", params):
            for raw in page:
                ident = str(raw.get(f["pub_identifier"]) or "")
                doc = (raw.get(f["pub_version"]) or {}).get(f["version_document"])
                dossier = next((d for p, d in by_prefix.items() if ident.startswith(p)), None)
                if doc and dossier:
                    yield Publication(f"{SOURCE}:{doc}", str(raw.get("Id")), dossier)


def _guids(document_ids: Iterable[str]) -> list[str]:
    ids = [i.removeprefix(f"{SOURCE}:") for i in document_ids]
    bad = [i for i in ids if not GUID.match(i)]
    if bad:
        raise ValueError(f"not TK document ids: {bad[:3]}")
    return ids


def iter_tk_by_id(
    client: HttpClient, cfg: Config, document_ids: Sequence[str], dossier: str, fields: FieldMap
) -> Iterator[DocumentRecord]:
    """Known documents of the dossier asked for by id (the second step of a late publication)."""
    for params in by_id_queries(fields, _guids(document_ids), most=cfg.tombstone_batch):
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
            for raw in page:
                yield read_tk_record(raw, cfg, dossier, fields)


def iter_tk_deletions(
    client: HttpClient, cfg: Config, start: datetime | None, fields: FieldMap | None = None
) -> Iterator[DocumentRecord]:
    """Every record deleted since `start`: one listing, matched against known ids by the caller."""
    f = fields or default_fields(cfg)
    params = deletion_query(f, start)
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            yield read_tk_record(raw, cfg, None, f)


def iter_tk_tombstones(
    client: HttpClient, cfg: Config, known_ids: Sequence[str], fields: FieldMap | None = None
) -> Iterator[DocumentRecord]:
    """Deleted records among known documents, asked for by id, as many a query as the node
    budget allows: the thorough check of a full refresh, which finds deletions older than the
    deletion cursor."""
    f = fields or default_fields(cfg)
    for params in by_id_queries(f, _guids(known_ids), full=False, most=cfg.tombstone_batch):
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
            for raw in page:
                if raw.get(f["deleted"]) is True:
                    yield read_tk_record(raw, cfg, None, f)


def _datetime(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def visible_at(raw: Mapping[str, Any], f: FieldMap) -> datetime | None:
    """When the record last changed in the API: its own ApiGewijzigdOp or a newer one of its
    publications (GewijzigdOp when the API time is missing). This is the cursor field."""
    times = [_datetime(raw.get(f["api_changed"])) or _datetime(raw.get(f["changed"]))]
    versie = raw.get(f["version"]) or {}
    for pub in versie.get(f["publications"]) or ():
        times.append(_datetime(pub.get(f["pub_api_changed"])))
    known = [t for t in times if t is not None]
    return max(known) if known else None


def read_tk_record(
    raw: Mapping[str, Any], cfg: Config, dossier: str | None = None, fields: FieldMap | None = None
) -> DocumentRecord:
    """A TK `Document` as a DocumentRecord; a record without Id or with an unreadable date is a
    BadResponse (a SourceError), not a crash."""
    f = fields or default_fields(cfg)
    try:
        return _read_tk_record(raw, cfg, dossier, f)
    except (KeyError, ValueError, TypeError) as e:
        raise BadResponse(f"unreadable Document record {raw.get('Id', '(no Id)')}: {e!r}") from e


def _read_tk_record(
    raw: Mapping[str, Any], cfg: Config, dossier: str | None, f: FieldMap
) -> DocumentRecord:
    doc_id = str(raw[f["id"]])
    onder = raw.get(f["ondernummer"])
    versie = raw.get(f["version"]) or {}
    deleted = raw.get(f["deleted"]) is True
    datum = _datetime(raw.get(f["datum"]))
    version = versie.get(f["version_number"])
    number, toevoeging = split_dossier(dossier) if dossier and not deleted else (None, None)
    soort, subject = raw.get(f["soort"]), raw.get(f["onderwerp"])
    return DocumentRecord(
        document_id=f"{SOURCE}:{doc_id}",
        source=SOURCE,
        source_id=doc_id,
        kind=KIND_OTHER if deleted else classify_document(soort, subject),
        soort=soort,
        title=subject,
        dossier=None if deleted else dossier,
        ondernummer=str(onder) if isinstance(onder, int) and onder > 0 else None,
        document_number=raw.get(f["document_number"]),
        document_date=datum.date() if datum else None,
        modified_at=visible_at(raw, f),
        deleted=deleted,
        version=None if version is None else str(version),
        koop_id=versie.get(f["external_id"]) or None,
        file_url=None if deleted else tk_file_url(cfg, doc_id, versie, f),
        chamber=_chamber(raw, f),
        raw_json=json.dumps(raw, ensure_ascii=False, sort_keys=True),
        dossier_number=number,
        toevoeging=toevoeging,
    )


def _chamber(raw: Mapping[str, Any], f: FieldMap) -> str | None:
    """ "EK" (Kamer 1) or "TK"; None when the server has no `Kamer` field (optional)."""
    kamer = f.get("kamer")
    if kamer is None:
        return None
    return "EK" if raw.get(kamer) == 1 else "TK"


def tk_resource_url(cfg: Config, source_id: str) -> str:
    return f"{cfg.tk_odata_url}/Document({source_id})/resource"


def tk_file_url(cfg: Config, source_id: str, versie: Mapping[str, Any], f: FieldMap) -> str:
    """The KOOP XML (`DocumentPublicatie(<id>)/Resource`, DocumentType 'Xml') when the version
    has one (published Kamerstukken, a day or more later), else the TK file itself."""
    for pub in versie.get(f["publications"]) or ():
        if str(pub.get(f["pub_type"], "")).lower() == "xml" and pub.get("Id"):
            return f"{cfg.tk_odata_url}/DocumentPublicatie({pub['Id']})/Resource"
    return tk_resource_url(cfg, source_id)


def fetch_tk_file(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The document's file: the KOOP XML when listed, else (or when that is missing) the TK file.
    Errors are SourceErrors carrying record.document_id."""
    resource = tk_resource_url(cfg, record.source_id)
    url = record.file_url or resource
    try:
        if url == resource:
            return _resource_file(client, record, resource)
        try:
            return download_file(client, url)
        except (SoftNotFound, BadResponse):
            return _resource_file(client, record, resource)  # listed, not (yet) served
    except SourceError as e:
        raise e.for_document(record.document_id) from e


def announced_length(record: DocumentRecord) -> int | None:
    """The file size the TK record announces (`ContentLength`), None when it says nothing."""
    try:
        value = json.loads(record.raw_json or "{}").get("ContentLength")
    except ValueError:
        return None
    return value if isinstance(value, int) else None


def _resource_file(client: HttpClient, record: DocumentRecord, url: str) -> FetchedFile:
    """The TK file itself: not asked for when announced empty, refused when shorter than
    announced (tkconv does both; a cut body is not the document)."""
    announced = announced_length(record)
    if announced == 0:
        raise SoftNotFound("the record announces an empty file (ContentLength 0)", url=url)
    fetched = download_file(client, url)
    if announced is not None and len(fetched.data) < announced:
        raise SoftNotFound(
            f"body of {len(fetched.data)} bytes, shorter than its ContentLength {announced}",
            url=url,
        )
    return fetched


__all__ = [
    "SOURCE",
    "Publication",
    "iter_tk_by_id",
    "iter_tk_dossier",
    "iter_tk_publications",
    "iter_tk_zaak_documents",
    "odata_datetime",
    "odata_string",
    "fetch_tk_file",
    "iter_tk_deletions",
    "iter_tk_documents",
    "iter_tk_pages",
    "iter_tk_tombstones",
    "read_tk_record",
]
