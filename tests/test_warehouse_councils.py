"""warehouse/councils.py on real DuckDB files: the 131 real TK records, and parsed consultations
that find their meeting through their subjects or Council dates only."""

import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from contract.records import (
    KIND_AGENDA,
    KIND_COUNCIL_REPORT,
    KIND_INBRENG,
    KIND_OTHER,
    KIND_VERSLAG,
)
from flows.config import load_config
from flows.sources.tk_records import read_tk_record
from parsers.model import Consultation
from tests.replay_fixtures import sample_records
from tests.warehouse_builders import make_consultation, record
from warehouse import db, load
from warehouse.councils import council_timeline, load_council_meetings, role_of

T0 = datetime(2026, 1, 5, 9, 0)


def timeline(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    columns, rows = council_timeline(con)
    return {row[0]: dict(zip(columns, row, strict=True)) for row in rows}


def links(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    return con.execute(
        "SELECT meeting_id, role, d.ondernummer, d.document_id FROM council_meeting_documents "
        "JOIN documents d USING (document_id) ORDER BY ALL"
    ).fetchall()


def test_role_of_reads_todays_kinds_and_finer_ones() -> None:
    assert role_of(KIND_AGENDA, "Brief regering", None) == "agenda"
    assert role_of(KIND_INBRENG, None, None) == "inbreng"
    assert role_of(KIND_VERSLAG, None, None) == "verslag"
    assert role_of(KIND_COUNCIL_REPORT, "Brief regering", None) == "council_report"
    # today a commissiedebat report is "other": its Soort says what it is
    debate = "Verslag van een commissiedebat, gehouden op 11 juni 2025, over JBZ-Raad 12 – 13 juni"
    assert role_of(KIND_OTHER, "Verslag van een commissiedebat", debate) == "debate"
    assert role_of(KIND_OTHER, "Verslag", debate) == "debate"  # KOOP's coarse type
    # kinds a finer classification may use
    assert role_of("verslag_commissiedebat", None, None) == "debate"
    assert role_of("council_report", None, None) == "council_report"
    # no part in a meeting
    assert (
        role_of(KIND_OTHER, "Bijlage", "Beslisnota bij het verslag JBZ Raad 12 en 13 december")
        is None
    )
    assert role_of(KIND_OTHER, "Bijlage", debate) is None
    assert role_of(KIND_OTHER, "Motie", "Motie van het lid Podt over …") is None


def test_the_real_records_make_one_row_per_meeting(tmp_path: Path) -> None:
    cfg = load_config({"JBZ_TK_API_VERSION": "v4"})  # the recorded records carry v4 names
    records = [read_tk_record(raw, cfg, "32317") for raw in sample_records()]  # listed for 32317
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, records, T0)
        assert load_council_meetings(con) == 7  # Oct 2024 … Oct 2025
        first = links(con)
        assert load_council_meetings(con) == 7 and links(con) == first  # rebuilt, not appended
        rows = timeline(con)
        december = rows["jbz-raad-2024-12-12"]
        assert (december["starts_on"], december["ends_on"]) == (
            date(2024, 12, 12),
            date(2024, 12, 13),
        )
        assert december["agenda"] == "32317-907" and december["verslagen"] == ["32317-909"]
        assert december["council_report"] == "32317-925" and len(december["inbreng"]) == 1
        assert december["debates"] == ["32317-926"] and december["informal"] is False
        assert december["days_agenda_to_answers"] == 9  # 3 December -> 12 December
        # "Verslag JBZ-Raad van 5 en 7 maart 2025" is the report of the meeting of 6-7 March
        march = [r for r in rows.values() if r["starts_on"].month == 3]
        assert len(march) == 1 and march[0]["starts_on"] == date(2025, 3, 6)
        assert march[0]["council_report"] == "32317-935" and march[0]["agenda"] == "32317-932"
        # the January report does not say "informele"; its agenda does
        assert rows["jbz-raad-2025-01-30"]["informal"] is True
        july = rows["jbz-raad-2025-07-22"]
        assert july["place"] == "Kopenhagen" and july["verslagen"] == ["32317-968", "32317-969"]
        assert [r[0] for r in council_timeline(con, since=date(2025, 7, 1))[1]] == [
            "jbz-raad-2025-07-22",
            "jbz-raad-2025-10-13",
        ]
        assert council_timeline(con, dossier="21501-02")[1] == []
        assert len(council_timeline(con, dossier="32317")[1]) == 7

        # a report deleted at the source leaves its meeting at the next rebuild
        report_id = next(d for m, role, nr, d in first if nr == "925")
        load.mark_deleted(con, [report_id], T0)
        load_council_meetings(con)
        assert timeline(con)["jbz-raad-2024-12-12"]["council_report"] is None


def _without_dates(c: Consultation) -> Consultation:
    """The parse keeps its Council dates but its title and subjects name no meeting."""
    return dataclasses.replace(c, document=dataclasses.replace(c.document, title=None, subjects=()))


def test_parsed_subjects_and_council_dates_find_the_meeting(tmp_path: Path) -> None:
    agenda = record(
        1,
        kind=KIND_AGENDA,
        soort="Brief regering",
        title="Geannoteerde agenda JBZ-Raad 8 en 9 december 2022",
        ondernummer="790",
        document_date=date(2022, 11, 28),
    )
    # titles that name no meeting: the parse has to say which one
    by_subject = record(2, title="Verslag van een schriftelijk overleg", ondernummer="802")
    by_dates = record(3, title="Verslag van een schriftelijk overleg", ondernummer="803")
    elsewhere = record(4, title="Verslag van een schriftelijk overleg", ondernummer="804")
    with db.connect(tmp_path / "w.duckdb") as con:
        load.upsert_documents(con, [agenda, by_subject, by_dates, elsewhere], T0)
        # its first "Geannoteerde agenda" subject cites 32317-790
        load.load_consultation(con, by_subject.document_id, "a" * 64, make_consultation(2))
        load.load_consultation(
            con, by_dates.document_id, "b" * 64, _without_dates(make_consultation(1))
        )
        other = make_consultation(1)
        other = dataclasses.replace(
            other, document=dataclasses.replace(other.document, council_date="2023-03-09")
        )
        load.load_consultation(con, elsewhere.document_id, "c" * 64, _without_dates(other))
        assert load_council_meetings(con) == 1
        assert [(role, nr) for _, role, nr, _ in links(con)] == [
            ("agenda", "790"),
            ("verslag", "802"),
            ("verslag", "803"),
        ]  # 804's Council dates overlap no meeting: it joins none
        row = timeline(con)["jbz-raad-2022-12-08"]
    assert row["verslagen"] == ["32317-802", "32317-803"]
    assert row["pairs"] == 9  # 2 per fractie + 1 per fractie, 3 fracties
    assert row["fracties"] == ["D66", "PvdA en GroenLinks", "VVD"]
    assert row["days_agenda_to_answers"] == 22  # 28 November -> 20 December
