"""The replay server's TK OData `Document` collection: the $filter subset the client uses,
$expand of actors and the current version with its publications, $select, paging by nextLink,
and the v5 renames (v4 payloads with `Nummer`/`Ondernummer`, derived, not recorded)."""

import json
import re
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from devtools.replay_data import V5_RENAMES, Scenario, ScenarioDoc


def _when(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def select_documents(sc: Scenario, flt: str) -> list[ScenarioDoc]:
    """The subset of $filter the client uses: Id in (…), dossier, Verwijderd, GewijzigdOp gt/lt."""
    docs = list(sc.docs.values())
    ids = re.search(r"Id in \(([^)]*)\)", flt)
    if ids:
        wanted = {i.strip().strip("'") for i in ids.group(1).split(",")}
        docs = [d for d in docs if d.raw["Id"] in wanted]
    dossier = re.search(r"d/Nummer eq (\d+)", flt)
    if dossier:
        docs = [d for d in docs if not d.deleted and d.dossier == dossier.group(1)]
    if "Verwijderd eq false" in flt:
        docs = [d for d in docs if not d.deleted]
    after = re.search(r"GewijzigdOp gt (\S+)", flt)
    if after:
        docs = [d for d in docs if _when(d.raw["GewijzigdOp"]) > _when(after.group(1))]
    before = re.search(r"GewijzigdOp lt (\S+)", flt)
    if before:
        docs = [d for d in docs if _when(d.raw["GewijzigdOp"]) < _when(before.group(1))]
    return sorted(docs, key=lambda d: _when(d.raw["GewijzigdOp"]))


def render_document(doc: ScenarioDoc, version: str, query: dict[str, str]) -> dict[str, Any]:
    raw = dict(doc.raw)
    if "$expand" in query and not doc.deleted:
        versie = doc.versie()
        raw["HuidigeDocumentVersie_Id"] = versie["Id"]
        raw["DocumentActor"] = [{"ActorNaam": None, "ActorFractie": None, "Functie": None,
                                 "Relatie": "Eerste ondertekenaar"}]  # fmt: skip
        raw["HuidigeDocumentVersie"] = versie
    if "$select" in query:
        keep = set(query["$select"].split(","))
        raw = {k: v for k, v in raw.items() if k in keep}
    if version == "v5":
        raw = {V5_RENAMES.get(k, k): v for k, v in raw.items()}
    return raw


def document_page(
    sc: Scenario, query: dict[str, str], page_size: int, base: str, version: str
) -> bytes:
    """One page of `Document`, with an @odata.nextLink ($skiptoken) when more remain."""
    docs = select_documents(sc, query.get("$filter", ""))
    skip = int(query.get("$skiptoken", "0"))
    body: dict[str, Any] = {"@odata.context": f"{base}/$metadata#Document"}
    body["value"] = [render_document(d, version, query) for d in docs[skip : skip + page_size]]
    if skip + page_size < len(docs):
        nxt = {k: v for k, v in query.items() if k != "$skiptoken"}
        nxt["$skiptoken"] = str(skip + page_size)
        body["@odata.nextLink"] = f"{base}/Document?{urlencode(nxt)}"
    return json.dumps(body, ensure_ascii=False).encode("utf-8")
