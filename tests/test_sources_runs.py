"""Whole ingest runs against the replay server: what a run costs in requests, dossiers as a
parameter (one cursor each), and a renamed field stopping the TK source with one line."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from devtools.demo import demo_scenario
from devtools.replay import ReplayServer
from tests.replay_fixtures import sample_records
from tests.test_flows_ingest import query, run_ingest

pytestmark = pytest.mark.usefixtures("prefect_api_url")
RAD = "21501-02"


@pytest.fixture
def own_replay(flow_env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReplayServer]:
    """A replay server of its own (these tests change the scenario), JBZ_* pointing at it."""
    from flows import runtime

    with ReplayServer(demo_scenario()) as replay:
        for name, value in replay.env().items():
            monkeypatch.setenv(name, value)
        runtime.config.cache_clear()
        runtime.client.cache_clear()
        yield replay
    runtime.config.cache_clear()
    runtime.client.cache_clear()


def tk_requests(replay: ReplayServer) -> list[str]:
    """Each TK request as path and $filter."""
    return [
        f"{e.path} {e.query.get('$filter', '')}" for e in replay.log if e.path.startswith("/OData/")
    ]


def test_backfill_then_a_no_change_run_costs_four_tk_requests_and_one_koop(
    flow_env: Path, own_replay: ReplayServer
) -> None:
    """Against the strict stand-in (nesting, node limit, no ORed lambda): the listing of one
    dossier, the inbreng through their cases, the late publications and the deletions; a second
    dossier adds its own listing only. The count does not grow with the known documents."""
    first = run_ingest(since=date(2024, 1, 1))
    # a backfill without --until leaves each cursor at the newest document it stored
    assert first["sources"]["tk"]["cursor_after"] is not None
    assert first["sources"]["koop"]["cursor_after"] is not None
    assert first["totals"]["new"] >= 131 and first["failures"] == []
    own_replay.clear_log()
    second = run_ingest()
    assert second["totals"]["new"] == 0 and second["failures"] == []
    tk = tk_requests(own_replay)
    assert len(tk) == 4, "\n".join(tk)  # $metadata is cached for a day
    assert "Kamerstukdossier/any" in tk[0] and "Inbreng" in tk[1]
    assert "DocumentPublicatie" in tk[2] and "Verwijderd eq true" in tk[3]
    assert all(e.fault is None for e in own_replay.log)
    assert len([e for e in own_replay.log if e.path == "/sru"]) == 1

    run_ingest(sources="tk", dossiers=["32317", RAD])  # RAD: its backfill
    own_replay.clear_log()
    run_ingest(sources="tk", dossiers=["32317", RAD])
    tk = tk_requests(own_replay)
    assert len(tk) == 5, "\n".join(tk)  # one more for the second dossier
    assert sum("Kamerstukdossier/any" in t for t in tk) == 2
    assert "startswith(Identifier,'kst-21501-02-')" in next(t for t in tk if "Publicatie" in t)


def test_dossiers_as_a_parameter_one_cursor_each(
    flow_env: Path, own_replay: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import runtime

    raw = dict(sample_records()[20], Id="2150102a-0000-4000-8000-000000000001")
    own_replay.scenario.add_document(raw, dossier=RAD)
    monkeypatch.setenv("JBZ_DOSSIERS", f"32317,{RAD}")
    runtime.config.cache_clear()
    run_ingest(sources="tk")
    filters = [e.query.get("$filter", "") for e in own_replay.log if e.path.endswith("/Document")]
    assert any("d/Nummer eq 21501 and d/Toevoeging eq '02'" in f for f in filters)
    assert any("d/Nummer eq 32317)" in f for f in filters)
    assert query(
        flow_env,
        "SELECT dossier, dossier_number, toevoeging FROM documents WHERE source_id = ?",
        [raw["Id"]],
    ) == [(RAD, 21501, "02")]
    cursors = dict(
        query(flow_env, "SELECT source, cursor FROM sync_state WHERE source LIKE 'tk:%'")
    )
    assert {"tk:32317", f"tk:{RAD}", "tk:deletions"} <= set(cursors)

    # removed from the list: not asked for any more, and its rows stay as they are
    monkeypatch.setenv("JBZ_DOSSIERS", "32317")
    runtime.config.cache_clear()
    own_replay.clear_log()
    run_ingest(sources="tk")
    assert not any("Toevoeging" in t for t in tk_requests(own_replay))
    assert query(flow_env, "SELECT deleted FROM documents WHERE dossier = ?", [RAD]) == [(False,)]

    # a new dossier backfills on its own (windows from JBZ_BACKFILL_START); 32317 does not
    own_replay.clear_log()
    run_ingest(sources="tk", dossiers=["32317", "21501-20"])
    new = [t for t in tk_requests(own_replay) if "Toevoeging eq '20'" in t]
    old = [t for t in tk_requests(own_replay) if "d/Nummer eq 32317)" in t]
    assert len(new) > 30 and len(old) == 1  # 2008 to now in 180-day windows; one listing
    assert "ApiGewijzigdOp gt" in old[0]


def test_a_renamed_field_stops_the_tk_source_with_one_line(
    flow_env: Path, own_replay: ReplayServer
) -> None:
    sc = own_replay.scenario
    sc.metadata_v4 = sc.metadata_v4.replace(b'Name="Volgnummer"', b'Name="Stuknummer"')
    summary = run_ingest(sources="tk", expect_failed=True)
    assert summary["sources"]["tk"]["error"] == (
        "tk could not be listed: TK API has no field for the Kamerstuk number (ondernummer) on"
        " Document: tried Ondernummer, Volgnummer"
    )
    assert query(flow_env, "SELECT count(*) FROM documents") == [(0,)]
