"""Which name the TK API gives each field the code needs, read from the server's `$metadata`.

v5 renamed fields (`DocumentNummer` -> `Nummer`, `Volgnummer` -> `Ondernummer`) and dropped
others, and the full list is not public: a name the server does not know makes it answer HTTP
400 on every run. So each concept has a list of known candidate names; the first one the
server's `$metadata` has wins. An essential concept with none stops the TK source with one line
naming the concept and the names tried; an optional one (the pipeline can do without it) is left
out of the queries, read as null, and named in a warning (run summary, `jbz check-source`).
Pure apart from `fetch_tk_fields` (one GET).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as SafeET

from flows.config import TK_FIELDS, Config
from flows.sources.http import BadResponse, HttpClient


@dataclass(frozen=True)
class Concept:
    key: str
    entity: str
    candidates: tuple[str, ...]  # known names, most likely first (v5 before v4 where renamed)
    purpose: str  # plain words for messages
    essential: bool = True  # False: missing means null and a warning, not a stopped source


# The two renamed fields, v5 name first: the renames are written once, in `TK_FIELDS`.
_RENAMED = {
    key: tuple(dict.fromkeys(getattr(TK_FIELDS[v], key) for v in ("v5", "v4")))
    for key in ("document_number", "ondernummer")
}

CONCEPTS: tuple[Concept, ...] = (
    Concept("id", "Document", ("Id",), "the document id"),
    Concept("soort", "Document", ("Soort",), "the document type"),
    Concept("onderwerp", "Document", ("Onderwerp",), "the subject"),
    Concept("datum", "Document", ("Datum",), "the document date"),
    Concept("kamer", "Document", ("Kamer",), "the chamber", essential=False),
    Concept("content_length", "Document", ("ContentLength",), "the file size", essential=False),
    Concept("document_number", "Document", _RENAMED["document_number"], "the document number"),
    Concept("ondernummer", "Document", _RENAMED["ondernummer"], "the Kamerstuk number"),
    Concept("changed", "Document", ("GewijzigdOp",), "the source's change time"),
    Concept("api_changed", "Document", ("ApiGewijzigdOp",), "the time it reached the API"),
    Concept("deleted", "Document", ("Verwijderd",), "the deletion flag"),
    Concept("version", "Document", ("HuidigeDocumentVersie",), "the current version"),
    Concept("dossiers", "Document", ("Kamerstukdossier",), "the link to the dossier"),
    Concept("zaken", "Document", ("Zaak",), "the link to the case (Zaak)"),
    Concept("version_number", "DocumentVersie", ("Versienummer",), "the version number"),
    Concept("extension", "DocumentVersie", ("Extensie",), "the file extension", essential=False),
    Concept("external_id", "DocumentVersie", ("ExterneIdentifier",), "the KOOP identifier"),
    Concept("publications", "DocumentVersie", ("DocumentPublicatie",), "the publications"),
    Concept("pub_type", "DocumentPublicatie", ("DocumentType",), "the publication format"),
    Concept("pub_api_changed", "DocumentPublicatie", ("ApiGewijzigdOp",), "its API time"),
    Concept("dossier_number", "Kamerstukdossier", ("Nummer",), "the dossier number"),
    Concept("toevoeging", "Kamerstukdossier", ("Toevoeging",), "the dossier's toevoeging"),
    Concept("zaak_dossiers", "Zaak", ("Kamerstukdossier",), "the case's dossier link"),
    # the late-publication listing (without them, the weekly sweep still finds late XML)
    Concept("pub_identifier", "DocumentPublicatie", ("Identifier",), "the publication's KOOP id",
            essential=False),
    Concept("pub_version", "DocumentPublicatie", ("DocumentVersie",), "its version",
            essential=False),
    Concept("version_document", "DocumentVersie", ("Document_Id",), "the version's document id",
            essential=False),
)  # fmt: skip
_BY_KEY = {c.key: c for c in CONCEPTS}


class SchemaMismatch(BadResponse):
    """The server's `$metadata` lacks a field the code needs (under every known name)."""


@dataclass(frozen=True)
class FieldMap:
    """Concept key -> the server's name for it."""

    names: tuple[tuple[str, str], ...]  # every essential concept, the optional ones present

    def __getitem__(self, key: str) -> str:
        return dict(self.names)[key]

    def get(self, key: str) -> str | None:
        """The server's name, None for an optional concept the server lacks."""
        return dict(self.names).get(key)

    @property
    def warnings(self) -> tuple[str, ...]:
        """One line per optional concept the server lacks (read as null)."""
        have = dict(self.names)
        return tuple(
            f"TK API has no field for {c.purpose} ({c.key}) on {c.entity}: read as null"
            for c in CONCEPTS
            if c.key not in have
        )

    def to_json(self) -> str:
        return json.dumps(dict(self.names), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "FieldMap":
        value = json.loads(text)
        essential = {c.key for c in CONCEPTS if c.essential}
        if not isinstance(value, dict) or not essential <= set(value) <= set(_BY_KEY):
            raise ValueError("not a field map of the current concepts")
        return cls(tuple(sorted((str(k), str(v)) for k, v in value.items())))


def candidates(cfg: Config, concept: Concept) -> tuple[str, ...]:
    """The names tried for a concept: a configured name (JBZ_TK_FIELD_*) first."""
    configured = {
        "document_number": cfg.tk_field_document_number,
        "ondernummer": cfg.tk_field_ondernummer,
    }.get(concept.key)
    names = (configured, *concept.candidates) if configured else concept.candidates
    return tuple(dict.fromkeys(names))


def default_fields(cfg: Config) -> FieldMap:
    """The names of the configured API version, unchecked (for reading records offline)."""
    return FieldMap(tuple(sorted((c.key, candidates(cfg, c)[0]) for c in CONCEPTS)))


def read_entity_fields(metadata: bytes) -> dict[str, set[str]]:
    """EntityType name -> its Property and NavigationProperty names, from EDMX `$metadata`."""
    try:
        root = SafeET.fromstring(metadata)
    except (ParseError, ValueError) as e:  # defusedxml's refusals are ValueErrors
        raise BadResponse(f"the TK API's $metadata is not readable XML ({e})") from e
    found: dict[str, set[str]] = {}
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "EntityType":
            kinds = ("Property", "NavigationProperty")
            found[el.get("Name", "")] = {
                c.get("Name", "") for c in el if c.tag.rsplit("}", 1)[-1] in kinds
            }
    return found


def unmapped(cfg: Config, have: Mapping[str, set[str]], essential: bool = True) -> list[str]:
    """One plain line per essential (or optional) concept the server has no name for."""
    lines = []
    for c in CONCEPTS:
        if c.essential != essential:
            continue
        tried = candidates(cfg, c)
        if not any(name in have.get(c.entity, set()) for name in tried):
            lines.append(
                f"TK API has no field for {c.purpose} ({c.key}) on {c.entity}:"
                f" tried {', '.join(tried)}"
            )
    return lines


def map_fields(cfg: Config, metadata: bytes) -> FieldMap:
    """The server's name per concept; SchemaMismatch naming the first concept without one."""
    have = read_entity_fields(metadata)
    missing = unmapped(cfg, have)
    if missing:
        more = f" (and {len(missing) - 1} more: run jbz check-source)" if len(missing) > 1 else ""
        raise SchemaMismatch(missing[0] + more)
    names = {
        c.key: name
        for c in CONCEPTS
        if (name := next((n for n in candidates(cfg, c) if n in have.get(c.entity, ())), None))
    }
    return FieldMap(tuple(sorted(names.items())))


def fetch_metadata(client: HttpClient, cfg: Config) -> bytes:
    return client.get(f"{cfg.tk_odata_url}/$metadata", accept="application/xml").data


def fetch_tk_fields(client: HttpClient, cfg: Config) -> FieldMap:
    """Read `$metadata` (one request) and map every concept to the server's name."""
    return map_fields(cfg, fetch_metadata(client, cfg))
