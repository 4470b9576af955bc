"""Council meetings through the real ingest flow: a real Prefect test server, the replay server
serving the 131 recorded TK records (and the KOOP copies of the Kamerstukken), a real DuckDB."""

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from contract.records import KIND_AGENDA, KIND_COUNCIL_REPORT, KIND_VERSLAG
from parsers.meetings import parse_cited_kamerstukken, parse_meeting_title
from tests.test_flows_cli import jbz
from warehouse import db

pytestmark = pytest.mark.usefixtures("prefect_api_url")


def query(db_path: Path, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
    with db.connect(db_path, read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def run(flow_fn: Any, params: Any) -> dict[str, Any]:
    state = flow_fn(params, return_state=True)
    assert state.is_completed(), state.message
    summary = state.result()
    assert isinstance(summary, dict) and summary["failures"] == []
    return summary


def meeting(db_path: Path, meeting_id: str) -> dict[str, Any]:
    with db.connect(db_path, read_only=True) as con:
        cursor = con.execute("SELECT * FROM v_council_timeline WHERE meeting_id = ?", [meeting_id])
        columns = [str(d[0]) for d in cursor.description or []]
        rows = cursor.fetchall()
    assert len(rows) == 1, f"{meeting_id}: {len(rows)} rows"
    return dict(zip(columns, rows[0], strict=True))


def role_numbers(db_path: Path, meeting_id: str, role: str) -> list[str | None]:
    rows = query(
        db_path,
        "SELECT d.ondernummer FROM council_meeting_documents l JOIN documents d "
        "USING (document_id) WHERE meeting_id = ? AND role = ? ORDER BY ALL",
        [meeting_id, role],
    )
    return [r[0] for r in rows]


def test_ingest_links_every_agenda_verslag_and_report_to_one_meeting(flow_env: Path) -> None:
    from flows.ingest import IngestParams, ingest
    from flows.reparse import ReparseParams, reparse

    run(ingest, IngestParams())
    december = meeting(flow_env, "jbz-raad-2024-12-12")
    assert (december["starts_on"], december["ends_on"]) == (date(2024, 12, 12), date(2024, 12, 13))
    assert december["agenda"] == "32317-907" and december["verslagen"] == ["32317-909"]
    assert december["council_report"] == "32317-925"
    assert role_numbers(flow_env, "jbz-raad-2024-12-12", "council_report") == ["925", "925"]
    inbreng = query(
        flow_env,
        "SELECT d.title FROM council_meeting_documents l JOIN documents d USING (document_id) "
        "WHERE meeting_id = 'jbz-raad-2024-12-12' AND role = 'inbreng'",
    )
    assert inbreng == [
        (
            "Inbreng verslag van een schriftelijk overleg over de geannoteerde agenda JBZ-Raad "
            "12-13 december 2024 (Kamerstuk 32317-907)",
        )
    ]
    july = meeting(flow_env, "jbz-raad-2025-07-22")
    assert july["informal"] is True and july["ends_on"] == date(2025, 7, 23)
    assert july["agenda"] == "32317-967" and july["verslagen"] == ["32317-968", "32317-969"]
    assert july["council_report"] == "32317-970" and len(july["inbreng"]) == 2
    assert july["days_agenda_to_answers"] == 11  # 10 July -> 21 July
    # the demo's example report: 98 pairs over 9 fracties, found by its title's dates
    example = meeting(flow_env, "jbz-raad-2022-12-08")
    assert example["pairs"] == 98 and len(example["fracties"]) == 9
    # the chambers apart: the Eerste Kamer verslag of 6-7 March 2025 (kst-32317-DR, dated before
    # the TK inbreng) has its own column, so the TK answers no longer come before the questions
    march = meeting(flow_env, "jbz-raad-2025-03-06")
    assert march["ek_documents"] == ["32317-DR"] and "32317-DR" not in march["verslagen"]
    assert march["answers_date"] >= march["inbreng_date"]
    intervals = query(
        flow_env,
        "SELECT meeting_id, days_agenda_to_answers, days_inbreng_to_answers "
        "FROM v_council_timeline",
    )
    assert len(intervals) >= 8
    assert all(d is None or d >= 0 for row in intervals for d in row[1:]), intervals

    # every listed agenda, verslag and report is in exactly one meeting (UNIQUE document_id),
    # except those whose title names no Council and cites no agenda
    listed = query(
        flow_env,
        "SELECT d.kind, d.title, d.document_date, d.ondernummer, l.meeting_id "
        "FROM documents d LEFT JOIN council_meeting_documents l USING (document_id) "
        "WHERE d.kind IN (?, ?, ?) AND NOT d.deleted",
        [KIND_AGENDA, KIND_VERSLAG, KIND_COUNCIL_REPORT],
    )
    assert len(listed) > 40
    agendas = {f"32317-{r[3]}" for r in listed if r[0] == KIND_AGENDA and r[3]}
    assert {"32317-907", "32317-967"} <= agendas
    unlinked = [r for r in listed if r[4] is None]
    for _, title, day, _, _ in unlinked:
        assert parse_meeting_title(title, day) is None
        assert not set(parse_cited_kamerstukken(title)) & agendas
    # the written consultation on the EU Migration Pact letter (32317-908), TK and KOOP copy
    assert sorted(r[3] for r in unlinked) == ["936", "936"]

    before = query(flow_env, "SELECT * FROM council_meeting_documents ORDER BY ALL")
    run(ingest, IngestParams())  # nothing new: the same meetings
    run(reparse, ReparseParams())
    assert query(flow_env, "SELECT * FROM council_meeting_documents ORDER BY ALL") == before

    # `jbz councils` as a user runs it (a subprocess, on the same warehouse file)
    env = dict(os.environ) | {"JBZ_DB": str(flow_env)}
    since = jbz("councils", "--since", "2025-07-01", env=env, timeout=60)
    assert since.returncode == 0, since.stderr
    assert "jbz-raad-2025-07-22" in since.stdout and "jbz-raad-2025-10-13" in since.stdout
    assert "jbz-raad-2024-12-12" not in since.stdout and "32317-970" in since.stdout
    other = jbz("councils", "--dossier", "21501-02", env=env, timeout=60)
    assert other.returncode == 0 and "no Council meetings" in other.stdout
    bad = jbz("councils", "--since", "juli", env=env, timeout=60)
    assert bad.returncode == 2 and "is not a date" in bad.stderr
