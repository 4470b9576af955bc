"""`jbz check-source`'s probes of the live limits (SOURCES.md section 5): one verdict line each.

- a nested `any()`: still refused (the listing is built not to need it)?
- every listing query the code sends: its node count (our upper bound) and how long the server
  took, or what it answered;
- page 2 of a listing: does the nextLink page with `$skiptoken`?
- one KOOP file URL: on which host does it end (the allowlist must hold it)?
- do KOOP Kamerstuk records carry change times (`dcterms:modified`, the KOOP cursor field)?
"""

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

from flows.config import Config
from flows.sources import koop
from flows.sources.http import BadResponse, HttpClient, SourceError
from flows.sources.odata_query import count_filter_nodes
from flows.sources.tk_queries import (
    deletion_query,
    document_query,
    publication_queries,
    zaak_document_query,
)
from flows.sources.tk_schema import FieldMap

NESTED = "Zaak/any(z: z/Kamerstukdossier/any(d: d/Nummer eq {number}))"


def probe_nesting(client: HttpClient, cfg: Config, f: FieldMap) -> str:
    number = cfg.dossier.split("-")[0]
    params = {"$filter": NESTED.format(number=number), "$select": f["id"], "$top": "1"}
    try:
        client.get_json(f"{cfg.tk_odata_url}/Document", params)
    except BadResponse as e:
        if e.status == 400:
            return f"nested any(): refused as expected (HTTP 400{_said(e)})"
        raise
    return "nested any(): ACCEPTED now (the live limit was raised; the listing does not need it)"


def _said(e: BadResponse) -> str:
    text = str(e)
    return f": {text[text.find('the server says') :][:140]}" if "the server says" in text else ""


def listing_queries(
    cfg: Config, f: FieldMap, since: date
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(name, entity, params) of every listing query a run from `since` sends."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    for d in cfg.dossiers:
        yield f"dossier {d}", "Document", document_query(f, d, start)
    yield "inbreng through Zaak", "Document", zaak_document_query(f, start)
    if all(f.get(k) for k in ("pub_identifier", "pub_version", "version_document")):
        for n, q in enumerate(publication_queries(f, cfg.dossiers, start), 1):
            yield f"late publications {n}", "DocumentPublicatie", q
    yield "deletions", "Document", deletion_query(f, start)


def probe_queries(client: HttpClient, cfg: Config, f: FieldMap, since: date) -> list[str]:
    lines = []
    for name, entity, params in listing_queries(cfg, f, since):
        nodes = count_filter_nodes(params["$filter"])
        began = time.monotonic()
        try:
            page = client.get_json(f"{cfg.tk_odata_url}/{entity}", params)
            took = time.monotonic() - began
            more = " (more pages)" if "@odata.nextLink" in page else ""
            verdict = f"{len(page.get('value') or [])} records{more} in {took:.1f} s"
        except SourceError as e:
            verdict = f"FAILED after {time.monotonic() - began:.1f} s: {e}"
        lines.append(f"query {name}: {nodes} nodes (limit 100), {verdict}")
    return lines


def probe_paging(client: HttpClient, cfg: Config, f: FieldMap) -> str:
    params = {"$select": f["id"], "$filter": f"{f['deleted']} eq false"}
    page = client.get_json(f"{cfg.tk_odata_url}/Document", params)
    link = str(page.get("@odata.nextLink") or "")
    if not link:
        return "page 2: no nextLink on a full listing (paging changed?)"
    second = client.get_json(link)
    kind = "$skiptoken" if "skiptoken" in link else "$skip" if "skip=" in link else "another token"
    return f"page 2: nextLink pages with {kind}, {len(second.get('value') or [])} records"


def probe_koop(client: HttpClient, cfg: Config) -> list[str]:
    params = koop.sru_params(cfg.dossier, size=5)
    page = koop.parse_sru_page(client.get(cfg.koop_sru_url, params).data, cfg, cfg.dossier)
    if not page.records:
        return [f"KOOP: no records for dossier {cfg.dossier}"]
    dated = sum(r.modified_at is not None for r in page.records)
    lines = [f"KOOP change times: {dated} of {len(page.records)} records carry one"]
    url = page.records[0].file_url or ""
    try:
        final = client.get(url).url
        lines.append(f"KOOP file host: {url} ends at {final}")
    except SourceError as e:
        lines.append(f"KOOP file host: {url} did not come: {e}")
    return lines


def probe_limits(client: HttpClient, cfg: Config, f: FieldMap, since: date) -> list[str]:
    """Every probe's line (a probe that fails says so in its line; the others still run)."""
    lines: list[str] = []
    probes: list[Callable[[], list[str]]] = [
        lambda: [probe_nesting(client, cfg, f)],
        lambda: probe_queries(client, cfg, f, since),
        lambda: [probe_paging(client, cfg, f)],
        lambda: probe_koop(client, cfg),
    ]
    for probe in probes:
        try:
            lines += probe()
        except SourceError as e:
            lines.append(f"probe failed: {e}")
    return lines
