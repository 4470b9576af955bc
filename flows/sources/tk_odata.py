"""Tweede Kamer open data (OData v4 or v5): list a dossier's documents, deletions, files.

Field names come from the server's `$metadata` (flows/sources/tk_schema.py, a FieldMap). The
watermark is the API-visibility time (`ApiGewijzigdOp`), not the source's change time: a record
that reaches the API late is still listed, and so is a document whose KOOP publication
(`DocumentPublicatie`) appears months after it (real sample: kst-32317-898). A document is found
through its `Kamerstukdossier` or through its case (`Zaak`), which is the only sure link of an
inbreng. One listing request covers both routes and the late publications.
"""

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from contract.records import KIND_OTHER, DocumentRecord, FetchedFile
from flows.config import Config, split_dossier
from flows.sources.classify import classify_document
from flows.sources.files import download_file
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceError
from flows.sources.tk_schema import FieldMap, default_fields

SOURCE = "tk"
GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def odata_datetime(when: datetime) -> str:
    """A DateTimeOffset literal (unquoted), in UTC: 2025-10-01T00:00:00.000Z."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def odata_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def dossier_clause(f: FieldMap, dossier: str, var: str = "d") -> str:
    """`d/Nummer eq 21501 and d/Toevoeging eq '02'` for "21501-02"; the number alone for "32317"."""
    number, toevoeging = split_dossier(dossier)
    clause = f"{var}/{f['dossier_number']} eq {number}"
    if toevoeging is not None:
        clause += f" and {var}/{f['toevoeging']} eq {odata_string(toevoeging)}"
    return clause


def dossier_routes(f: FieldMap, dossier: str) -> tuple[str, str]:
    """(via Kamerstukdossier, via Zaak): the two ways a document belongs to the dossier."""
    direct = f"{f['dossiers']}/any(d: {dossier_clause(f, dossier)})"
    via_zaak = f"{f['zaken']}/any(z: z/{f['zaak_dossiers']}/any(d: {dossier_clause(f, dossier)}))"
    return direct, via_zaak


def _window(field: str, start: datetime | None, end: datetime | None) -> str:
    parts = []
    if start is not None:
        parts.append(f"{field} gt {odata_datetime(start)}")
    if end is not None:
        parts.append(f"{field} lt {odata_datetime(end)}")
    return " and ".join(parts)


def document_select(f: FieldMap) -> dict[str, str]:
    """The smallest $select/$expand that read_tk_record reads."""
    keys = ("id", "soort", "onderwerp", "datum", "kamer", "document_number", "ondernummer",
            "changed", "api_changed", "deleted")  # fmt: skip
    pub = f"{f['publications']}($select=Id,{f['pub_type']},{f['pub_api_changed']})"
    versie = f"{f['version_number']},{f['extension']},{f['external_id']}"
    return {
        "$select": ",".join(f[k] for k in keys),
        "$expand": f"{f['version']}($select=Id,{versie};$expand={pub})",
    }


def document_query(
    f: FieldMap, dossier: str, start: datetime | None, end: datetime | None = None
) -> dict[str, str]:
    """Documents of the dossier (either route) that reached the API in (start, end), or whose
    publication did. `start`/`end` are already widened by the caller (overlap)."""
    direct, via_zaak = dossier_routes(f, dossier)
    clauses = [f"{f['deleted']} eq false", f"({direct} or {via_zaak})"]
    doc_window = _window(f["api_changed"], start, end)
    if doc_window:
        pub_window = _window(f"p/{f['pub_api_changed']}", start, end)
        path = f"{f['version']}/{f['publications']}"
        clauses.append(f"(({doc_window}) or {path}/any(p: {pub_window}))")
    return {
        "$filter": " and ".join(clauses),
        "$orderby": f"{f['api_changed']} asc",
        **document_select(f),
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
    dossier: str,
    start: datetime | None,
    end: datetime | None = None,
    fields: FieldMap | None = None,
) -> Iterator[DocumentRecord]:
    """One listing of the dossier's documents in (start, end) (see document_query)."""
    f = fields or default_fields(cfg)
    params = document_query(f, dossier, start, end)
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            yield read_tk_record(raw, cfg, dossier, f)


def iter_tk_deletions(
    client: HttpClient, cfg: Config, start: datetime | None, fields: FieldMap | None = None
) -> Iterator[DocumentRecord]:
    """Every record deleted since `start` (tombstones keep only Id and times, so they fall out of
    the dossier filter): one listing, matched against known ids by the caller."""
    f = fields or default_fields(cfg)
    clauses = [f"{f['deleted']} eq true"]
    if start is not None:
        clauses.append(f"{f['api_changed']} gt {odata_datetime(start)}")
    params = {
        "$filter": " and ".join(clauses),
        "$select": ",".join(f[k] for k in ("id", "changed", "api_changed", "deleted")),
        "$orderby": f"{f['api_changed']} asc",
    }
    for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
        for raw in page:
            yield read_tk_record(raw, cfg, None, f)


def iter_tk_tombstones(
    client: HttpClient, cfg: Config, known_ids: Sequence[str], fields: FieldMap | None = None
) -> Iterator[DocumentRecord]:
    """Deleted records among known documents, asked for by `Id in (…)`, JBZ_TOMBSTONE_BATCH ids
    (25, a live client's figure) a query: the thorough check of a full refresh, which finds
    deletions older than the deletion cursor."""
    f = fields or default_fields(cfg)
    ids = [i.removeprefix(f"{SOURCE}:") for i in known_ids]
    bad = [i for i in ids if not GUID.match(i)]
    if bad:
        raise ValueError(f"not TK document ids: {bad[:3]}")
    select = ",".join(f[k] for k in ("id", "changed", "api_changed", "deleted"))
    size = cfg.tombstone_batch
    for start in range(0, len(ids), size):
        batch = ",".join(ids[start : start + size])
        params = {"$filter": f"{f['id']} in ({batch})", "$select": select}
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
        chamber="EK" if raw.get(f["kamer"]) == 1 else "TK",
        raw_json=json.dumps(raw, ensure_ascii=False, sort_keys=True),
        dossier_number=number,
        toevoeging=toevoeging,
    )


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
        try:
            return download_file(client, url)
        except (SoftNotFound, BadResponse):
            if url == resource:
                raise
            return download_file(client, resource)  # publication listed but not (yet) served
    except SourceError as e:
        raise e.for_document(record.document_id) from e


__all__ = [
    "SOURCE",
    "document_query",
    "fetch_tk_file",
    "iter_tk_deletions",
    "iter_tk_documents",
    "iter_tk_pages",
    "iter_tk_tombstones",
    "read_tk_record",
]
