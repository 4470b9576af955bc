"""Every query the TK listing sends, each a flat filter within the live limits. Pure.

The live service allows one level of `any()` and 100 filter nodes, and gives up (HTTP 500 after
~30 s) on a lambda ORed with another predicate (SOURCES.md section 5). So a dossier's documents
come from simple queries, matched here or in two steps, as `tkapi` does:
- `document_query`: the documents linked to the dossier (`Kamerstukdossier/any(…)`), one per
  dossier;
- `zaak_document_query`: the inbreng, whose only sure link is its case (`Zaak`): every document
  of that Soort in the window, with its cases' dossiers expanded and matched locally;
- `publication_query`: the KOOP publications (`DocumentPublicatie`) that reached the API in the
  window, of every dossier at once (by their identifier), matched locally against known
  documents; `by_id_queries` then asks for the documents whose publication is new;
- deletions: `deletion_query` (one, since the deletion cursor) and `by_id_queries` (a full
  refresh's check of known ids).
Each filter passes `checked_filter` (nesting, node budget) before it is built into params.
"""

from collections.abc import Sequence
from datetime import datetime

from contract.soorten import INBRENG_SOORT
from flows.config import split_dossier
from flows.sources.odata_query import (
    checked_filter,
    odata_datetime,
    odata_string,
    split_alternatives,
)
from flows.sources.tk_schema import FieldMap

# The Soort of the parties' questions: never a numbered Kamerstuk, linked for sure only through
# the consultation's Zaak (SOURCES.md section 4, "Inbreng linkage"; 2 of the 8 recorded inbreng
# have no Kamerstukdossier).
ZAAK_ONLY_SOORTEN = (INBRENG_SOORT,)


def dossier_clause(f: FieldMap, dossier: str, var: str = "d") -> str:
    """`d/Nummer eq 21501 and d/Toevoeging eq '02'` for "21501-02"; the number alone for "32317"."""
    number, toevoeging = split_dossier(dossier)
    clause = f"{var}/{f['dossier_number']} eq {number}"
    if toevoeging is not None:
        clause += f" and {var}/{f['toevoeging']} eq {odata_string(toevoeging)}"
    return clause


def koop_prefix(dossier: str) -> str:
    """The start of the dossier's KOOP identifiers: "kst-32317-", "kst-21501-02-"."""
    return f"kst-{dossier}-"


def window(field: str, start: datetime | None, end: datetime | None) -> list[str]:
    parts = []
    if start is not None:
        parts.append(f"{field} gt {odata_datetime(start)}")
    if end is not None:
        parts.append(f"{field} lt {odata_datetime(end)}")
    return parts


def document_select(f: FieldMap, with_zaak: bool = False) -> dict[str, str]:
    """The smallest $select/$expand that read_tk_record reads (optional fields when present)."""
    keys = ("id", "soort", "onderwerp", "datum", "kamer", "document_number", "ondernummer",
            "changed", "api_changed", "deleted", "content_length")  # fmt: skip
    pub = f"{f['publications']}($select=Id,{f['pub_type']},{f['pub_api_changed']})"
    versie = ",".join(n for k in ("version_number", "extension", "external_id") if (n := f.get(k)))
    expand = f"{f['version']}($select=Id,{versie};$expand={pub})"
    if with_zaak:
        kst = f"{f['dossier_number']},{f['toevoeging']}"
        expand += f",{f['zaken']}($select=Id;$expand={f['zaak_dossiers']}($select={kst}))"
    return {
        "$select": ",".join(n for k in keys if (n := f.get(k))),
        "$expand": expand,
    }


def _params(filter_text: str, f: FieldMap, with_zaak: bool = False) -> dict[str, str]:
    return {
        "$filter": checked_filter(filter_text),
        "$orderby": f"{f['api_changed']} asc",
        **document_select(f, with_zaak),
    }


def document_query(
    f: FieldMap, dossier: str, start: datetime | None, end: datetime | None = None
) -> dict[str, str]:
    """The dossier's documents (through `Kamerstukdossier`) that reached the API in (start, end)."""
    linked = f"{f['dossiers']}/any(d: {dossier_clause(f, dossier)})"
    clauses = [f"{f['deleted']} eq false", linked, *window(f["api_changed"], start, end)]
    return _params(" and ".join(clauses), f)


def zaak_document_query(
    f: FieldMap, start: datetime | None, end: datetime | None = None
) -> dict[str, str]:
    """Documents of the Soorten linked only through their Zaak, of every dossier, in (start,
    end), with their cases' dossiers expanded (matched by `in_dossier`)."""
    soorten = " or ".join(f"{f['soort']} eq {odata_string(s)}" for s in ZAAK_ONLY_SOORTEN)
    clauses = [f"{f['deleted']} eq false", f"({soorten})", *window(f["api_changed"], start, end)]
    return _params(" and ".join(clauses), f, with_zaak=True)


def publication_queries(
    f: FieldMap, dossiers: Sequence[str], start: datetime | None, end: datetime | None = None
) -> list[dict[str, str]]:
    """KOOP XML publications of the dossiers that reached the API in (start, end), each with its
    version's document id; one query for a few dossiers, split past the node budget."""
    fixed = " and ".join([f"{f['pub_type']} eq 'Xml'", *window(f["pub_api_changed"], start, end)])
    prefixes = [
        f"startswith({f['pub_identifier']},{odata_string(koop_prefix(d))})" for d in dossiers
    ]
    return [
        {
            "$filter": checked_filter(text),
            "$select": f"Id,{f['pub_identifier']},{f['pub_api_changed']}",
            "$expand": f"{f['pub_version']}($select=Id,{f['version_document']})",
        }
        for text in split_alternatives(fixed, prefixes)
    ]


def by_id_queries(
    f: FieldMap, ids: Sequence[str], full: bool = True, most: int = 25
) -> list[dict[str, str]]:
    """Documents asked for by Id (`Id eq … or …`), at most `most` (JBZ_TOMBSTONE_BATCH) and as
    many as the node budget allows a query: full records (late publications) or only the
    deletion fields (a full refresh's check)."""
    out = []
    texts = [
        text
        for start in range(0, len(ids), most)
        for text in split_alternatives("", [f"{f['id']} eq {i}" for i in ids[start : start + most]])
    ]
    for text in texts:
        if full:
            out.append(_params(text, f))
        else:
            select = ",".join(f[k] for k in ("id", "changed", "api_changed", "deleted"))
            out.append({"$filter": checked_filter(text), "$select": select})
    return out


def deletion_query(f: FieldMap, start: datetime | None) -> dict[str, str]:
    """Every record deleted since `start` (tombstones keep only Id and times, so they fall out of
    the dossier filter): one listing, matched against known ids by the caller."""
    clauses = [f"{f['deleted']} eq true", *window(f["api_changed"], start, None)]
    return {
        "$filter": checked_filter(" and ".join(clauses)),
        "$select": ",".join(f[k] for k in ("id", "changed", "api_changed", "deleted")),
        "$orderby": f"{f['api_changed']} asc",
    }
