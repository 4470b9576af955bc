"""`jbz check-source`: the first thing to run on a machine with internet. It reads the TK API's
`$metadata` and maps every field the code needs (saying in one line per concept what is
missing), counts per route and `Soort` what each way of finding a dossier's documents finds, and
asks KOOP SRU with exactly the indexes the code uses. Lines are described in the README."""

import argparse
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from flows.config import Config, load_config_or_exit
from flows.sources.http import HttpClient, SourceError
from flows.sources.koop import parse_sru_page, sru_query
from flows.sources.tk_odata import dossier_routes, iter_tk_pages, odata_datetime
from flows.sources.tk_schema import (
    CONCEPTS,
    FieldMap,
    fetch_metadata,
    map_fields,
    read_entity_fields,
    unmapped,
)
from parsers.fracties import load

RENAMED = ("document_number", "ondernummer")  # the concepts v5 is known to have renamed


def check_fields(client: HttpClient, cfg: Config) -> tuple[FieldMap | None, list[str]]:
    """(the field map or None, the lines to print)."""
    metadata = fetch_metadata(client, cfg)
    missing = unmapped(cfg, read_entity_fields(metadata))
    where = f"TK API {cfg.tk_api_version} at {cfg.tk_odata_url}"
    if missing:
        return None, [*missing, f"{where}: {len(missing)} of {len(CONCEPTS)} fields missing."]
    fields = map_fields(cfg, metadata)
    names = ", ".join(f"{k} = {fields[k]}" for k in RENAMED)
    return fields, [f"{where}: all {len(CONCEPTS)} fields found ({names})."]


def route_counts(
    client: HttpClient, cfg: Config, fields: FieldMap, dossier: str, since: date
) -> dict[str, Counter[str]]:
    """Route name -> documents per Soort dated since `since`, plus "only via Zaak"."""
    start = odata_datetime(datetime(since.year, since.month, since.day, tzinfo=UTC))
    found: dict[str, dict[str, str]] = {}
    routes = zip(("Kamerstukdossier", "Zaak"), dossier_routes(fields, dossier), strict=True)
    for name, route in routes:
        clause = f"{fields['deleted']} eq false and {route} and {fields['datum']} gt {start}"
        params = {
            "$filter": clause,
            "$select": f"{fields['id']},{fields['soort']}",
        }
        ids: dict[str, str] = {}
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Document", params):
            ids.update({str(r.get(fields["id"])): str(r.get(fields["soort"])) for r in page})
        found[name] = ids
    only = {k: v for k, v in found["Zaak"].items() if k not in found["Kamerstukdossier"]}
    return {
        "via Kamerstukdossier": Counter(found["Kamerstukdossier"].values()),
        "via Zaak": Counter(found["Zaak"].values()),
        "only via Zaak": Counter(only.values()),
    }


def route_lines(counts: dict[str, Counter[str]], dossier: str, since: date) -> list[str]:
    lines = []
    for route, soorten in counts.items():
        detail = ", ".join(f"{s} {n}" for s, n in sorted(soorten.items()))
        total = sum(soorten.values())
        lines.append(f"TK dossier {dossier} since {since}, {route}: {total} ({detail or 'none'})")
    return lines


def check_koop(client: HttpClient, cfg: Config, dossier: str) -> str:
    params = {"query": sru_query(dossier), "startRecord": "1", "maximumRecords": "1",
              "httpAccept": "application/xml"}  # fmt: skip
    page = parse_sru_page(client.get(cfg.koop_sru_url, params).data, cfg, dossier)
    return (
        f"KOOP SRU answers: {page.total} Kamerstukken in dossier {dossier} (indexes "
        "c.product-area, w.dossiernummer, w.publicatienaam and sortBy dt.date accepted)."
    )


# The fields of the TK `Fractie` entity the comparison reads (the same in v4 and, as far as known,
# in v5: the announced renames are on Document).
_FRACTIE_SELECT = "Id,Afkorting,NaamNL,DatumActief,DatumInactief"
_FRACTIES_SINCE = "2008-01-01"  # parsers/fracties.json holds every fractie since 2008


def check_fracties(client: HttpClient, cfg: Config) -> str:
    """One line: the TK fracties active since 2008 that `fracties` (parsers/fracties.json) lacks,
    or that it has them all."""
    params = {"$filter": "Verwijderd eq false", "$select": _FRACTIE_SELECT}
    live = [
        r
        for page in iter_tk_pages(client, f"{cfg.tk_odata_url}/Fractie", params)
        for r in page
        if r.get("NaamNL") and str(r.get("DatumInactief") or "9999")[:10] >= _FRACTIES_SINCE
    ]
    known = {f.tk_fractie_id for f in load()[0]}
    lacking = [r for r in live if r.get("Id") not in known]
    if not lacking:
        return f"TK Fractie: all {len(live)} fracties active since 2008 are in the fracties table."
    names = ", ".join(
        f"{r.get('Afkorting')} ({r.get('NaamNL')}, from {str(r.get('DatumActief'))[:10]}, "
        f"Id {r.get('Id')})"
        for r in lacking
    )
    return (
        f"TK Fractie: the fracties table lacks {len(lacking)} of {len(live)} fracties active "
        f"since 2008: {names}; add them to parsers/fracties.json."
    )


def _tk(client: HttpClient, cfg: Config, since: date) -> int:
    try:
        fields, lines = check_fields(client, cfg)
        for line in lines:
            print(line)
        if fields is None:
            return 1
        for dossier in cfg.dossiers:
            counts = route_counts(client, cfg, fields, dossier, since)
            for line in route_lines(counts, dossier, since):
                print(line)
        print(check_fracties(client, cfg))
    except SourceError as e:
        print(f"TK API ({cfg.tk_odata_url}) could not be checked: {e}")
        return 2
    return 0


def cli_check_source(args: argparse.Namespace) -> int:
    """0: everything the code needs is there; 1: fields missing or an SRU index refused; 2: a
    source could not be asked."""
    cfg = load_config_or_exit()
    since: date = args.since or date.today() - timedelta(days=365)
    with HttpClient(cfg) as client:
        status = _tk(client, cfg, since)
        for dossier in cfg.dossiers:
            try:
                print(check_koop(client, cfg, dossier))
            except SourceError as e:
                print(f"KOOP SRU ({cfg.koop_sru_url}) refused or failed for {dossier}: {e}")
                status = max(status, 1 if e.status is None and "diagnostic" in str(e) else 2)
    return status
