"""Tweede Kamer open data (OData v4 or v5): list a dossier's documents, deletions, files.

Field names come from the server's `$metadata` (flows/sources/tk_schema.py, a FieldMap); the
queries, each within the live service's limits, from flows/sources/tk_queries.py. The watermark
is the API-visibility time (`ApiGewijzigdOp`), not the source's change time: a record that
reaches the API late is still listed, and so is a document whose KOOP publication
(`DocumentPublicatie`) appears months after it (real sample: kst-32317-898), found through the
publications listing and asked for by id.
"""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from contract.records import DocumentRecord
from flows.config import Config, split_dossier
from flows.sources.http import BadResponse, HttpClient
from flows.sources.tk_queries import (
    by_id_queries,
    deletion_query,
    document_query,
    koop_prefix,
    publication_queries,
    zaak_document_query,
)
from flows.sources.tk_records import SOURCE, read_tk_record
from flows.sources.tk_schema import FieldMap, default_fields

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


__all__ = [
    "Publication",
    "iter_tk_by_id",
    "iter_tk_deletions",
    "iter_tk_documents",
    "iter_tk_dossier",
    "iter_tk_pages",
    "iter_tk_publications",
    "iter_tk_tombstones",
    "iter_tk_zaak_documents",
]
