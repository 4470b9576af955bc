"""A TK `Document` as the pipeline reads it: a DocumentRecord (kind, dossier, cursor time, file
URL), whichever of the known field names the server uses (a FieldMap)."""

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from contract.records import KIND_OTHER, DocumentRecord
from flows.config import Config, split_dossier
from flows.sources.classify import classify_document
from flows.sources.http import BadResponse
from flows.sources.tk_schema import FieldMap, default_fields

SOURCE = "tk"


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
