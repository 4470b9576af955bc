"""`jbz check-source`: compare the TK API's `$metadata` with the fields the code reads, and ask
KOOP SRU whether it answers; say in plain words what is missing and how to fix it."""

import argparse
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as SafeET

from flows.config import TK_FIELDS, Config, load_config_or_exit
from flows.sources.http import HttpClient, SourceError
from flows.sources.koop import parse_sru_page, sru_query
from flows.sources.tk_odata import ACTOR_FIELDS, PUBLICATIE_FIELDS, VERSIE_FIELDS

# What each field is for, in the words the report uses.
PURPOSE = {
    "document_number": "the document number (e.g. 2024D49082)",
    "ondernummer": "the Kamerstuk number (e.g. 909)",
}


@dataclass(frozen=True)
class MissingField:
    entity: str
    name: str
    message: str  # plain words, with the fix when we know it


def required_fields(cfg: Config) -> dict[str, tuple[str, ...]]:
    """Entity -> properties and navigation properties the code reads (with this Config)."""
    f = cfg.tk_fields
    return {
        "Document": (
            "Id", "Soort", "Onderwerp", "Datum", "Kamer", "GewijzigdOp",
            "ApiGewijzigdOp", "Verwijderd", f.document_number, f.ondernummer,
            "DocumentActor", "HuidigeDocumentVersie", "Kamerstukdossier",
        ),
        "DocumentVersie": (*VERSIE_FIELDS, "DocumentPublicatie"),
        "DocumentPublicatie": PUBLICATIE_FIELDS,
        "DocumentActor": ACTOR_FIELDS,
        "Kamerstukdossier": ("Nummer",),
    }  # fmt: skip


def read_metadata_fields(metadata: bytes) -> dict[str, set[str]]:
    """EntityType name -> its Property and NavigationProperty names, from EDMX `$metadata`."""
    root = SafeET.fromstring(metadata)
    found: dict[str, set[str]] = {}
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "EntityType":
            names = {
                c.get("Name", "")
                for c in el
                if c.tag.rsplit("}", 1)[-1] in ("Property", "NavigationProperty")
            }
            found[el.get("Name", "")] = names
    return found


def _rename_hint(cfg: Config, name: str, present: set[str]) -> str:
    for version, names in TK_FIELDS.items():
        for key in ("document_number", "ondernummer"):
            if getattr(cfg.tk_fields, key) == name:
                alt = getattr(names, key)
                if alt != name and alt in present:
                    env = f"JBZ_TK_FIELD_{key.upper()}"
                    return (
                        f" It reads {name} as {PURPOSE[key]}; the server has {alt} (the"
                        f" {version} name): set JBZ_TK_API_VERSION={version} or {env}={alt}."
                    )
    return ""


def missing_fields(cfg: Config, metadata: bytes) -> list[MissingField]:
    """Every field the code needs that the server's `$metadata` lacks."""
    have = read_metadata_fields(metadata)
    missing = []
    for entity, names in required_fields(cfg).items():
        if entity not in have:
            msg = f"The server has no entity {entity} at all; the code needs it."
            missing.append(MissingField(entity, "", msg))
            continue
        for name in names:
            if name not in have[entity]:
                hint = _rename_hint(cfg, name, have[entity])
                msg = f"The server's {entity} has no field {name}, which the code needs.{hint}"
                missing.append(MissingField(entity, name, msg))
    return missing


def check_tk(client: HttpClient, cfg: Config) -> list[str]:
    """Plain-language problems with the TK API ([] when all is well)."""
    dl = client.get(f"{cfg.tk_odata_url}/$metadata", accept="application/xml")
    try:
        return [m.message for m in missing_fields(cfg, dl.data)]
    except (ParseError, ValueError) as e:
        return [f"The TK API's $metadata is not readable XML ({e})."]


def check_koop(client: HttpClient, cfg: Config) -> str:
    params = {"query": sru_query(cfg.dossier, None), "startRecord": "1", "maximumRecords": "1"}
    page = parse_sru_page(client.get(cfg.koop_sru_url, params).data, cfg)
    return f"KOOP SRU answers: {page.total} Kamerstukken in dossier {cfg.dossier}."


def cli_check_source(args: argparse.Namespace) -> int:
    """0: everything the code needs is there; 1: fields missing; 2: a source could not be asked."""
    cfg = load_config_or_exit()
    status = 0
    with HttpClient(cfg) as client:
        try:
            problems = check_tk(client, cfg)
        except SourceError as e:
            print(f"TK API ({cfg.tk_odata_url}) could not be checked: {e}")
            problems, status = [], 2
        for p in problems:
            print(p)
        if problems:
            print(f"TK API {cfg.tk_api_version} at {cfg.tk_odata_url}: {len(problems)} missing.")
            status = max(status, 1)
        elif status == 0:
            print(f"TK API {cfg.tk_api_version} at {cfg.tk_odata_url}: every needed field exists.")
        try:
            print(check_koop(client, cfg))
        except SourceError as e:
            print(f"KOOP SRU ({cfg.koop_sru_url}) could not be asked: {e}")
            status = 2
    return status
