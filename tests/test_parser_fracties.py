"""Canonical fracties: the data file against the recorded TK `Fractie` entity set, the printed
names it resolves, and the fracties every section and pair of a parse speaks for."""

import json
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from parsers.api import parse_document
from parsers.fracties import load, lookup, resolve
from parsers.model import Consultation

FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOT = FIXTURES / "fracties" / "tk_odata_Fractie_snapshot_20260928.fractie_changes.jsonl"
EXAMPLE = FIXTURES / "corpus" / "schriftelijk-overleg-jbz-2022-12-08.txt"
EK_DOC = FIXTURES / "devset" / "docs" / "kst-25295-BM.txt"


def _api_day(stamp: str | None) -> str | None:
    """The calendar date the API means: the recorded UTC time + 2 h (fixture README)."""
    if stamp is None:
        return None
    return (datetime.fromisoformat(stamp) + timedelta(hours=2)).date().isoformat()


@cache
def _api() -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r for r in rows if r["naam_nl"] and not r["deleted"]}


@cache
def _example() -> Consultation:
    return parse_document(EXAMPLE.read_bytes(), EXAMPLE.name)


def test_every_tk_row_is_the_api_record_it_names() -> None:
    fracties, _ = load()
    tk = [f for f in fracties if f.chamber == "TK"]
    for f in tk:
        assert f.tk_fractie_id is not None, f.fractie_id
        api = _api()[f.tk_fractie_id]
        assert (f.name, f.abbreviation) == (api["naam_nl"], api["afkorting"])
        assert f.active_from == _api_day(api["datum_actief"]), f.fractie_id
        assert f.active_until == _api_day(api["datum_inactief"]), f.fractie_id
        assert f.tk_fractie_id in f.source


def test_every_tk_fractie_active_since_2008_is_in_the_file() -> None:
    since = [
        i for i, r in _api().items() if (_api_day(r["datum_inactief"]) or "9999") >= "2008-01-01"
    ]
    held = {f.tk_fractie_id for f in load()[0]}
    assert since and set(since) <= held


def test_both_chambers_every_row_with_a_source_and_known_links() -> None:
    fracties, aliases = load()
    ids = {f.fractie_id for f in fracties}
    assert len(ids) == len(fracties)
    assert {f.chamber for f in fracties} == {"TK", "EK"}
    assert all(f.source.strip() for f in fracties) and all(a.source.strip() for a in aliases)
    assert all(set(f.successor_of) <= ids for f in fracties)
    assert all(a.fractie_ids and set(a.fractie_ids) <= ids for a in aliases)
    for f in fracties:
        if f.active_from and f.active_until:
            assert date.fromisoformat(f.active_from) <= date.fromisoformat(f.active_until)


def test_printed_names_resolve_by_chamber_and_date() -> None:
    # the joint block of two fracties before their merger, and the merged fractie after it
    assert lookup("PvdA en GroenLinks", "TK", "2022-12-08") == ("tk-pvda", "tk-gl")
    assert lookup("GroenLinks-PvdA", "TK", "2023-09-20") == ("tk-gl", "tk-pvda")
    assert lookup("GroenLinks-PvdA", "TK", "2025-01-27") == ("tk-groenlinks-pvda",)
    assert lookup("GL-PvdA", "TK", "2024-03-01") == ("tk-groenlinks-pvda",)
    # the Eerste Kamer's joint fractie started months before the Tweede Kamer's
    assert lookup("GroenLinks-PvdA", "EK", "2023-09-20") == ("ek-groenlinks-pvda",)
    # a fractie that returns gets a new record; the date picks it
    assert lookup("50PLUS", "TK", "2013-06-01") == ("tk-50plus-2012",)
    assert lookup("50PLUS", "TK", "2026-01-10") == ("tk-50plus-2025",)
    assert lookup("Fractie-Van Haga", "TK", "2022-05-01") == ("tk-groep-van-haga",)
    assert lookup("Lid Omtzigt", "TK", "2022-05-01") == ("tk-omtzigt",)
    assert lookup("Fractie-Nanninga", "EK", "2022-01-10") == ("ek-fractie-nanninga",)
    assert lookup("OSF", "EK", "2016-01-10") == ("ek-osf",)
    assert lookup("de CU-fractie", "TK", "2020-01-10") == ("tk-christenunie",)
    assert lookup("Piratenpartij", "TK", "2020-01-10") == ()


def test_a_joint_name_resolves_party_by_party() -> None:
    names = ("CDA", "PVV", "SP", "PvdA", "GroenLinks", "ChristenUnie", "SGP", "50PLUS")
    ids, unknown = resolve(" en ".join(names), names, "EK", "2019-05-14")
    assert unknown == () and len(ids) == len(names) and all(i.startswith("ek-") for i in ids)
    ids, unknown = resolve("VVD en Piratenpartij", ("VVD", "Piratenpartij"), "TK", None)
    assert (ids, unknown) == (("tk-vvd",), ("Piratenpartij",))


def test_example_sections_and_pairs_carry_chamber_and_fractie_ids() -> None:
    c = _example()
    assert c.document.chamber == "TK"
    joint = [s for s in c.sections if s.fractie == "PvdA en GroenLinks"]
    assert [s.fractie_ids for s in joint] == [("tk-pvda", "tk-gl")]
    assert all(s.fractie_ids and s.chamber == "TK" for s in c.sections)
    by_fractie = {s.fractie: s.fractie_ids for s in c.sections}
    assert all(p.fractie_ids == by_fractie[p.fractie] and p.chamber == "TK" for p in c.pairs)
    assert not [i for i in c.issues if i.code == "unknown_fractie"]


def test_an_eerste_kamer_report_gets_eerste_kamer_fracties() -> None:
    c = parse_document(EK_DOC.read_bytes(), EK_DOC.name)
    assert c.document.chamber == "EK"
    assert [(s.fractie, s.fractie_ids) for s in c.sections] == [("PVV", ("ek-pvv",))]


def test_a_printed_name_that_matches_no_fractie_is_an_issue() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("BBB-fractie", "Piratenpartij-fractie")
    c = parse_document(text.encode("utf-8"), "renamed.txt")
    (section,) = [s for s in c.sections if s.fractie == "Piratenpartij"]
    assert section.fractie_ids == ()
    issues = [i for i in c.issues if i.code == "unknown_fractie"]
    assert len(issues) == 1 and "Piratenpartij" in issues[0].message
    assert issues[0].line == section.line
