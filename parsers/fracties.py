"""Canonical fracties of both chambers, and the names documents print for them.

The data is `parsers/fracties.json` (package data, one source note per row): every fractie of
the Tweede Kamer (from the TK OData `Fractie` entity set) and the Eerste Kamer (from dated
quotes of eerstekamer.nl, DNPP, parlement.com) since 2008, plus aliases with the dates each was
in use ("PvdA en GroenLinks" for the joint block of two fracties before their merger, "GL-PvdA"
for the merged fractie). `resolve` turns a printed name into the fractie ids it speaks for.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA_PATH = Path(__file__).with_name("fracties.json")
CHAMBERS = ("TK", "EK")
_DASHES = str.maketrans({"-": " ", "\u2010": " ", "\u2013": " ", "\u2014": " "})


@dataclass(frozen=True)
class Fractie:
    fractie_id: str  # "tk-vvd", "ek-fractie-nanninga", "tk-50plus-2025" (a fractie that returns)
    chamber: str  # "TK" | "EK"
    name: str
    abbreviation: str
    active_from: str | None  # ISO dates, inclusive; None: not known from the sources
    active_until: str | None
    parties: tuple[str, ...]  # the parties of a joint fractie ("GroenLinks", "PvdA")
    successor_of: tuple[str, ...]  # fractie ids it continues (a merger or a rename)
    tk_fractie_id: str | None  # the TK API's `Fractie.Id`
    source: str


@dataclass(frozen=True)
class Alias:
    alias: str  # as printed: "PvdA en GroenLinks", "Lid Omtzigt", "CU"
    chamber: str
    fractie_ids: tuple[str, ...]
    active_from: str | None
    active_until: str | None
    source: str


@dataclass(frozen=True)
class Candidate:
    fractie_ids: tuple[str, ...]
    active_from: str | None
    active_until: str | None


@cache
def load() -> tuple[tuple[Fractie, ...], tuple[Alias, ...]]:
    """The fracties and aliases of the data file (read once per process)."""
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    fracties = tuple(
        Fractie(
            **{k: v for k, v in f.items() if k not in ("parties", "successor_of")},
            parties=tuple(f["parties"]),
            successor_of=tuple(f["successor_of"]),
        )
        for f in data["fracties"]
    )
    aliases = tuple(
        Alias(a["alias"], a["chamber"], tuple(a["fractie_ids"]), a["from"], a["until"], a["source"])
        for a in data["aliases"]
    )
    return fracties, aliases


def normalize(name: str) -> str:
    """The key a printed name is looked up by: case folded, dashes as spaces, without a
    trailing "fractie" or a leading article ("de GroenLinks-fractie" -> "groenlinks")."""
    words = name.casefold().translate(_DASHES).split()
    if words and words[-1] == "fractie":
        words.pop()
    if words and words[0] in ("de", "het"):
        words.pop(0)
    return " ".join(words)


@cache
def _index(chamber: str) -> dict[str, tuple[Candidate, ...]]:
    """Normalized printed name -> the fracties (or joint blocks) it may stand for."""
    fracties, aliases = load()
    out: dict[str, list[Candidate]] = {}
    for f in fracties:
        if f.chamber == chamber:
            for printed in {f.name, f.abbreviation}:
                cand = Candidate((f.fractie_id,), f.active_from, f.active_until)
                out.setdefault(normalize(printed), []).append(cand)
    for a in aliases:
        if a.chamber == chamber:
            cand = Candidate(a.fractie_ids, a.active_from, a.active_until)
            out.setdefault(normalize(a.alias), []).append(cand)
    return {k: tuple(v) for k, v in out.items()}


def _distance(c: Candidate, on: date) -> int:
    """Days between `on` and the candidate's period (0 inside it)."""
    if c.active_from and on < date.fromisoformat(c.active_from):
        return (date.fromisoformat(c.active_from) - on).days
    if c.active_until and on > date.fromisoformat(c.active_until):
        return (on - date.fromisoformat(c.active_until)).days
    return 0


def lookup(printed: str, chamber: str, on: str | None) -> tuple[str, ...]:
    """The fractie ids one printed name stands for on a date (ISO; None: unknown), or ().

    Of several fracties under one name (50PLUS of 2012 and of 2025; "Fractie-Van Haga" for two
    groups), the one active on the date, else the nearest; without a date the latest."""
    cands = _index(chamber).get(normalize(printed), ())
    if not cands:
        return ()
    if on is None:
        return max(cands, key=lambda c: c.active_from or "").fractie_ids
    day = date.fromisoformat(on)
    return min(cands, key=lambda c: (_distance(c, day), -len(c.fractie_ids))).fractie_ids


def resolve(
    printed: str, parties: Sequence[str], chamber: str, on: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(fractie ids, names that match none) for a section's or pair's fractie: the whole name
    first ("PvdA en GroenLinks" is an alias of the joint block), else each party of a joint
    name ("CDA, PVV, SP, PvdA, GroenLinks, ChristenUnie, SGP en 50PLUS", kst-33506-AB)."""
    whole = lookup(printed, chamber, on)
    if whole or len(parties) <= 1:
        return whole, () if whole else (printed,)
    ids: list[str] = []
    unknown: list[str] = []
    for party in parties:
        found = lookup(party, chamber, on)
        ids += [i for i in found if i not in ids]
        if not found:
            unknown.append(party)
    return tuple(ids), tuple(unknown)
