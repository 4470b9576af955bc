"""The replay server's TK OData `Document` collection, answering like the live API where it
matters: $filter/$select/$expand/$orderby checked against the served `$metadata` (an unknown name
is HTTP 400 with an OData error body), `nav/any(…)` over the document's Kamerstukdossier, its
Zaak's dossiers and its version's publications, 250 records a page with a `$skip` nextLink, and
the v5 renames (v4 payloads with `Nummer`/`Ondernummer`, derived, not recorded)."""

import json
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from devtools.replay_data import V5_RENAMES, Scenario, ScenarioDoc
from devtools.replay_filter import ODataError, Schema, check_property, compile_filter, shape
from flows.config import split_dossier

ERROR_TYPE = "application/json; odata.metadata=minimal; charset=utf-8"


def _dossier(printed: str) -> dict[str, Any]:
    number, toevoeging = split_dossier(printed)
    return {"Nummer": number, "Toevoeging": toevoeging, "Verwijderd": False}


def full_record(doc: ScenarioDoc, version: str) -> dict[str, Any]:
    """The Document with every navigation property the replay knows, in the version's names."""
    raw = dict(doc.raw)
    if version == "v5":
        raw = {V5_RENAMES.get(k, k): v for k, v in raw.items()}
    if doc.deleted:
        return raw
    versie = doc.versie()
    raw["HuidigeDocumentVersie_Id"] = versie["Id"]
    raw["HuidigeDocumentVersie"] = versie
    raw["DocumentActor"] = [{"ActorNaam": None, "ActorFractie": None, "Functie": None,
                             "Relatie": "Eerste ondertekenaar"}]  # fmt: skip
    raw["Kamerstukdossier"] = [_dossier(doc.dossier)] if doc.dossier else []
    raw["Zaak"] = [{"Kamerstukdossier": [_dossier(d) for d in doc.zaak_dossiers]}]
    return raw


def error_body(message: str) -> bytes:
    """The OData v4 error body of the live API (ASP.NET Web API OData)."""
    return json.dumps({"error": {"code": "", "message": message}}).encode("utf-8")


def _order_key(field: str) -> Any:
    def key(r: dict[str, Any]) -> Any:
        v = r.get(field)
        return (v is None, datetime.fromisoformat(v) if isinstance(v, str) and "T" in v else v)

    return key


def select_records(
    sc: Scenario, schema: Schema, query: dict[str, str], version: str
) -> list[dict[str, Any]]:
    records = [full_record(d, version) for d in sc.docs.values()]
    flt = query.get("$filter")
    if flt:
        pred = compile_filter(flt, schema, "Document")
        records = [r for r in records if pred(r, {})]
    order = query.get("$orderby", "Id")
    field, _, direction = order.partition(" ")
    check_property(schema, "Document", field)
    records.sort(key=_order_key(field), reverse=direction.strip() == "desc")
    return records


def document_page(
    sc: Scenario, schema: Schema, query: dict[str, str], page_size: int, base: str, version: str
) -> tuple[int, bytes]:
    """(status, body): one page of `Document`, with an @odata.nextLink ($skip) when more remain
    and no $top was given; 400 with an OData error body for a query the server refuses."""
    try:
        records = select_records(sc, schema, query, version)
        skip = int(query.get("$skip", "0"))
        top = int(query["$top"]) if "$top" in query else None
        size = min(page_size, top) if top is not None else page_size
        page = [
            shape(r, schema, "Document", query.get("$select"), query.get("$expand"))
            for r in records[skip : skip + size]
        ]
    except ODataError as e:
        return 400, error_body(str(e))
    body: dict[str, Any] = {"@odata.context": f"{base}/$metadata#Document", "value": page}
    if top is None and skip + size < len(records):
        nxt = {k: v for k, v in query.items() if k != "$skip"}
        nxt["$skip"] = str(skip + size)
        body["@odata.nextLink"] = f"{base}/Document?{urlencode(nxt)}"
    return 200, json.dumps(body, ensure_ascii=False).encode("utf-8")
