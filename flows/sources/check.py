"""`jbz check-source`: the first thing to run on a machine with internet. It reads the TK API's
`$metadata` and maps every field the code needs (saying in one line per concept what is
missing), probes each limit of the live service (flows/sources/probes.py), counts per route
and `Soort` what each way of finding a dossier's documents finds, and
asks KOOP SRU with exactly the indexes the code uses. Lines are described in docs/sources.md."""

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime

from flows.config import Config
from flows.sources.http import HttpClient, SourceError
from flows.sources.koop import parse_sru_page, sru_params
from flows.sources.probes import probe_limits
from flows.sources.tk_odata import iter_tk_documents, iter_tk_pages, iter_tk_zaak_documents
from flows.sources.tk_schema import (
    CONCEPTS,
    FieldMap,
    fetch_metadata,
    map_fields,
    read_entity_fields,
    unmapped,
)
from parsers.fracties import load

Say = Callable[[str], None]  # prints a line as soon as it is known
RENAMED = ("document_number", "ondernummer")  # the concepts v5 is known to have renamed


def check_fields(client: HttpClient, cfg: Config) -> tuple[FieldMap | None, list[str]]:
    """(the field map or None, the lines to print): an essential field missing stops the
    source; an optional one is read as null, with a warning line."""
    metadata = fetch_metadata(client, cfg)
    have = read_entity_fields(metadata)
    missing = unmapped(cfg, have)
    optional = [f"warning: {line} (optional: read as null)" for line in unmapped(cfg, have, False)]
    where = f"TK API {cfg.tk_api_version} at {cfg.tk_odata_url}"
    essential = sum(c.essential for c in CONCEPTS)
    if missing:
        summary = f"{where}: {len(missing)} of {essential} essential fields missing."
        return None, [*missing, *optional, summary]
    fields = map_fields(cfg, metadata)
    names = ", ".join(f"{k} = {fields[k]}" for k in RENAMED)
    return fields, [*optional, f"{where}: all {essential} essential fields found ({names})."]


def route_counts(
    client: HttpClient, cfg: Config, fields: FieldMap, dossier: str, since: date
) -> dict[str, Counter[str]]:
    """Route name -> documents per Soort that reached the API since `since`, through the
    dossier link and through the cases (the inbreng query), plus "only via Zaak"."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC)
    direct = {r.document_id: r.soort or "" for r in
              iter_tk_documents(client, cfg, dossier, start, None, fields)}  # fmt: skip
    zaak = {r.document_id: r.soort or "" for r in
            iter_tk_zaak_documents(client, cfg, (dossier,), start, None, fields)}  # fmt: skip
    only = {k: v for k, v in zaak.items() if k not in direct}
    return {
        "via Kamerstukdossier": Counter(direct.values()),
        "via Zaak": Counter(zaak.values()),
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
    page = parse_sru_page(client.get(cfg.koop_sru_url, sru_params(dossier)).data, cfg, dossier)
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


def check_tk(client: HttpClient, cfg: Config, since: date, say: Say) -> int:
    """TK's lines, said as they come (a live query can take half a minute); the exit status."""
    try:
        fields, lines = check_fields(client, cfg)
        for line in lines:
            say(line)
        if fields is None:
            return 1
        for line in probe_limits(client, cfg, fields, since):
            say(line)
        for dossier in cfg.dossiers:
            counts = route_counts(client, cfg, fields, dossier, since)
            for line in route_lines(counts, dossier, since):
                say(line)
        say(check_fracties(client, cfg))
    except SourceError as e:
        say(f"TK API ({cfg.tk_odata_url}) could not be checked: {e}")
        return 2
    return 0


def check_koop_dossiers(client: HttpClient, cfg: Config, since: date, say: Say) -> int:
    """KOOP's line per dossier; the exit status (1: an SRU index refused, 2: unreachable)."""
    status = 0
    for dossier in cfg.dossiers:
        try:
            say(check_koop(client, cfg, dossier))
        except SourceError as e:
            say(f"KOOP SRU ({cfg.koop_sru_url}) refused or failed for {dossier}: {e}")
            status = max(status, 1 if e.status is None and "diagnostic" in str(e) else 2)
    return status
