"""The replay server's TK OData `Document` collection, answering like the live API where it
matters: $filter/$select/$expand/$orderby checked against the served `$metadata` (an unknown name
is HTTP 400 with an OData error body), `nav/any(…)` over the document's Kamerstukdossier, its
Zaak's dossiers and its version's publications (at most one level deep, as live), and
the v5 renames (v4 payloads with `Nummer`/`Ondernummer`, derived, not recorded); the
`DocumentPublicatie` collection; 250 records a page with a `$skiptoken` nextLink, as live."""

import json
import time
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from devtools.replay_data import V5_RENAMES, Scenario, ScenarioDoc
from devtools.replay_filter import compile_filter
from devtools.replay_schema import ODataError, Schema, check_property
from devtools.replay_shape import shape
from flows.config import split_dossier

ERROR_TYPE = "application/json; odata.metadata=minimal; charset=utf-8"


def _dossier(printed: str) -> dict[str, Any]:
    number, toevoeging = split_dossier(printed)
    return {"Nummer": number, "Toevoeging": toevoeging, "Verwijderd": False}


def full_record(doc: ScenarioDoc, version: str, size: int | None = None) -> dict[str, Any]:
    """The Document with every navigation property the replay knows, in the version's names;
    `size` is the length of the file it serves (the record's ContentLength, as live)."""
    raw = dict(doc.raw)
    if size is not None and not doc.deleted:
        raw["ContentLength"] = size
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
    zaak_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"zaak/{doc.raw['Id']}"))
    raw["Zaak"] = [{"Id": zaak_id, "Kamerstukdossier": [_dossier(d) for d in doc.zaak_dossiers]}]
    return raw


def error_body(message: str) -> bytes:
    """The OData v4 error body of the live API (ASP.NET Web API OData)."""
    return json.dumps({"error": {"code": "", "message": message}}).encode("utf-8")


def publication_records(sc: Scenario) -> list[dict[str, Any]]:
    """`DocumentPublicatie` rows (the KOOP files of published versions), each with its
    DocumentVersie (and that version's Document id) as navigation property."""
    out = []
    for doc in sc.docs.values():
        if doc.deleted:
            continue
        versie = doc.versie()
        for pub in versie["DocumentPublicatie"]:
            nav = {"Id": versie["Id"], "Document_Id": doc.raw["Id"],
                   "Versienummer": versie["Versienummer"]}  # fmt: skip
            out.append(pub | {"DocumentVersie_Id": versie["Id"], "DocumentVersie": nav})
    return out


def _sort_key(field: str) -> Any:
    def key(r: dict[str, Any]) -> Any:
        v = r.get(field)
        when = datetime.fromisoformat(v) if isinstance(v, str) and "T" in v else v
        return (v is None, when, str(r.get("Id")))

    return key


def skiptoken(record: dict[str, Any], field: str) -> str:
    """The live API's server-driven paging token: the last record's sort key and Id."""
    return f"{field}-{record.get(field)},Id-{record.get('Id')}"


def _after_token(records: list[dict[str, Any]], token: str) -> list[dict[str, Any]]:
    last_id = token.rpartition(",Id-")[2]
    ids = [str(r.get("Id")) for r in records]
    if last_id not in ids:
        raise ODataError(f"The skip token value '{token}' is invalid.")
    return records[ids.index(last_id) + 1 :]


def select_records(
    sc: Scenario, schema: Schema, query: dict[str, str], version: str, entity: str = "Document"
) -> tuple[list[dict[str, Any]], bool]:
    """(the records the query selects in order, whether the live service would give up on it)."""
    if entity == "Document":
        records = [full_record(d, version, len(sc.body(i))) for i, d in sc.docs.items()]
    elif entity == "Fractie":
        records = [dict(r) for r in sc.fracties]
    else:
        records = publication_records(sc)
    slow = False
    flt = query.get("$filter")
    if flt:
        compiled = compile_filter(flt, schema, entity)
        records = [r for r in records if compiled.pred(r, {})]
        slow = compiled.lambda_or and entity == "Document"
    order = query.get("$orderby", "Id")
    field, _, direction = order.partition(" ")
    check_property(schema, entity, field)
    records.sort(key=_sort_key(field), reverse=direction.strip() == "desc")
    return records, slow


def collection_page(
    sc: Scenario, schema: Schema, query: dict[str, str], page_size: int, url: str, entity: str
) -> tuple[int, bytes]:
    """(status, body): one page of a collection, with a `$skiptoken` @odata.nextLink when more
    remain and no $top was given; 400 with an OData error body for a query the server refuses;
    500 after `sc.slow_query_seconds` for one it gives up on (a lambda ORed with a predicate)."""
    version = "v4" if "/v4/" in url else "v5"
    base = url.rsplit("/", 1)[0]
    try:
        records, slow = select_records(sc, schema, query, version, entity)
        if slow:
            time.sleep(sc.slow_query_seconds)
            return 500, error_body("An error has occurred.")
        if "$skiptoken" in query:
            records = _after_token(records, query["$skiptoken"])
        top = int(query["$top"]) if "$top" in query else None
        size = min(page_size, top) if top is not None else page_size
        page = [
            shape(r, schema, entity, query.get("$select"), query.get("$expand"))
            for r in records[:size]
        ]
    except ODataError as e:
        return 400, error_body(str(e))
    body: dict[str, Any] = {"@odata.context": f"{base}/$metadata#{entity}", "value": page}
    if top is None and size < len(records):
        field = query.get("$orderby", "Id").partition(" ")[0]
        nxt = {k: v for k, v in query.items() if k != "$skiptoken"}
        nxt["$skiptoken"] = skiptoken(records[size - 1], field)
        body["@odata.nextLink"] = f"{url}?{urlencode(nxt)}"
    return 200, json.dumps(body, ensure_ascii=False).encode("utf-8")
