"""The ingest and reparse flows against a real Prefect test server, the local replay server (real
HTTP on a socket) and real DuckDB files. Flow runs are few and shared: one harness per session.
"""

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from contract.records import DocumentRecord
from devtools.demo import DEMO_DOCUMENT_ID
from devtools.replay import Fault, ReplayServer
from flows.config import load_config
from warehouse import db

if TYPE_CHECKING:
    from prefect.client.schemas.objects import State

GOLD = (
    Path(__file__).parent
    / "fixtures"
    / "corpus"
    / "gold"
    / "schriftelijk-overleg-jbz-2022-12-08.gold.json"
)
pytestmark = pytest.mark.usefixtures("prefect_api_url")


def run_flow(flow_fn: Any, params: Any) -> "State[Any]":
    from prefect.client.schemas.objects import State

    state = flow_fn(params, return_state=True)
    assert isinstance(state, State)
    return state


def run_ingest(*, expect_failed: bool = False, **params: Any) -> dict[str, Any]:
    """One ingest flow run; returns its summary (a failed run still returns one)."""
    from flows.ingest import IngestParams, ingest

    state = run_flow(ingest, IngestParams(**params))
    assert state.is_failed() if expect_failed else state.is_completed(), state.message
    summary = state.result(raise_on_failure=False)
    assert isinstance(summary, dict)
    return summary


def query(db_path: Path, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
    with db.connect(db_path, read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def gold_pairs() -> Counter[str]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return Counter(p["fractie"] for p in gold["pairs"])


def file_requests(replay: ReplayServer) -> list[str]:
    koop = ("/koop/", "/frbr/", "/officielepublicaties/")
    return [e.path for e in replay.log if "/resource" in e.path.lower() or e.path.startswith(koop)]


def assert_consistent(db_path: Path) -> None:
    """No half documents: every consultation has its bytes and exactly its pairs."""
    orphans = query(
        db_path,
        "SELECT c.document_id FROM consultations c LEFT JOIN raw_files r USING (sha256) "
        "WHERE r.sha256 IS NULL",
    )
    assert orphans == []
    mismatched = query(
        db_path,
        "SELECT c.consultation_id FROM consultations c LEFT JOIN "
        "(SELECT consultation_id, count(*) AS n FROM qa_pairs GROUP BY ALL) p "
        "USING (consultation_id) WHERE c.pair_count <> coalesce(p.n, 0)",
    )
    assert mismatched == []


def warehouse_snapshot(db_path: Path) -> tuple[list[tuple[Any, ...]], ...]:
    """Row counts and contents a run that finds nothing new must not change."""
    return (
        query(db_path, "SELECT count(*) FROM document_files"),
        query(db_path, "SELECT count(*) FROM raw_files"),
        query(
            db_path, "SELECT * EXCLUDE (first_seen_at, last_seen_at) FROM documents ORDER BY ALL"
        ),
        query(db_path, "SELECT * EXCLUDE (parsed_at) FROM consultations ORDER BY ALL"),
        query(db_path, "SELECT * FROM qa_pairs ORDER BY ALL"),
    )


def test_first_run_loads_everything_then_second_run_only_lists(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    from prefect.artifacts import Artifact

    first = run_ingest()
    assert first["totals"]["new"] > 100 and first["totals"]["fetched"] > 0
    assert first["sources"]["tk"]["cursor_after"] is not None
    report = next(c for c in first["consultations"] if c["document_id"] == DEMO_DOCUMENT_ID)
    assert report["pairs_per_fractie"] == dict(gold_pairs())
    rows = query(
        flow_env,
        "SELECT fractie, count(*) FROM v_qa WHERE document_id = ? GROUP BY fractie",
        [DEMO_DOCUMENT_ID],
    )
    assert dict(rows) == dict(gold_pairs())
    assert_consistent(flow_env)
    artifact = Artifact.get("ingest-summary")
    # the latest run's summary artifact (a client response object: read its fields)
    assert str(getattr(artifact, "flow_run_id", None)) == first["run_id"]
    assert "PvdA en GroenLinks" in str(getattr(artifact, "data", ""))

    # what the first run stored; the second run and the reparse must leave all of it as it is
    before = warehouse_snapshot(flow_env)
    assert before[0] == [(first["totals"]["files_new"],)] and before[2] != []
    demo_replay.clear_log()
    second = run_ingest()
    totals = second["totals"]
    assert (totals["new"], totals["changed"], totals["fetched"], totals["loaded"]) == (0, 0, 0, 0)
    assert second["sources"]["tk"]["listed"] > 0 and second["failures"] == []
    assert demo_replay.log and file_requests(demo_replay) == []  # listed, nothing downloaded
    assert second["sources"]["tk"]["cursor_after"] == first["sources"]["tk"]["cursor_after"]
    assert warehouse_snapshot(flow_env) == before
    from flows.reparse import ReparseParams, reparse

    state = run_flow(reparse, ReparseParams())
    assert state.is_completed(), state.message
    assert state.result()["totals"]["loaded"] >= 1
    assert warehouse_snapshot(flow_env) == before
    assert file_requests(demo_replay) == []  # reparse never touches the network


def _resource_pattern(document_id: str) -> str:
    return rf"Document\({document_id.removeprefix('tk:')}\)/resource"


def test_bad_document_is_recorded_and_the_next_run_catches_up(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    # the example report answers with an HTML error page (a "soft 404") every time
    demo_replay.inject(Fault("html200", pattern=_resource_pattern(DEMO_DOCUMENT_ID), times=99))
    first = run_ingest(sources="tk")
    failed = {f["document_id"]: f for f in first["failures"]}
    assert failed[DEMO_DOCUMENT_ID]["stage"] == "fetch"
    assert first["totals"]["fetched"] > 0  # the run went on
    assert_consistent(flow_env)
    stored = query(
        flow_env, "SELECT count(*) FROM document_files WHERE document_id = ?", [DEMO_DOCUMENT_ID]
    )
    assert stored == [(0,)]
    # an error page where a file was expected is a file that did not come: recorded against its
    # document in missing_files and asked for by id next run, so it does not hold the cursor
    # (it used to, and every run listed and failed it again)
    assert first["sources"]["tk"]["cursor_after"].startswith("2025-10-03T07:00")
    assert query(flow_env, "SELECT document_id FROM missing_files") == [(DEMO_DOCUMENT_ID,)]

    demo_replay.clear_fault()
    second = run_ingest(sources="tk")
    assert second["failures"] == []
    assert [c["document_id"] for c in second["consultations"]] == [DEMO_DOCUMENT_ID]
    assert second["sources"]["tk"]["cursor_after"].startswith("2025-10-03T07:00")
    assert query(
        flow_env,
        "SELECT count(*) FROM qa_pairs p JOIN consultations c USING "
        "(consultation_id) WHERE c.document_id = ?",
        [DEMO_DOCUMENT_ID],
    ) == [(sum(gold_pairs().values()),)]
    assert_consistent(flow_env)


def _fetched_in_change_order() -> list[DocumentRecord]:
    """The TK documents whose files a default run downloads, in the order the run takes them."""
    from flows import registry, runtime
    from flows.ingest import DEFAULT_KINDS
    from flows.pipeline import sort_for_cursor

    listed = registry.list_source(runtime.env(), "tk", "32317", None, None)
    wanted = [r for r in listed if r.kind in DEFAULT_KINDS and r.file_url and not r.deleted]
    return sort_for_cursor(wanted)


def _file_paths_pattern(records: list[DocumentRecord]) -> str:
    return "|".join(re.escape(urlsplit(r.file_url or "").path) + r"\?" for r in records)


def test_outage_halfway_leaves_the_cursor_and_the_next_run_catches_up(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    order = _fetched_in_change_order()
    half = len(order) // 2
    done, first_down, rest = order[:half], order[half], order[half + 1 :]
    assert done and rest
    # every file download from the middle of the run on fails: the source "goes away" halfway
    down = _file_paths_pattern([first_down, *rest])
    demo_replay.clear_log()
    demo_replay.inject(Fault("503", pattern=down, times=10_000, retry_after=0))
    first = run_ingest(sources="tk", expect_failed=True)
    tk = first["sources"]["tk"]
    assert "unreachable" in tk["error"]
    failures = [(f["document_id"], f["stage"]) for f in first["failures"]]
    assert failures == [(first_down.document_id, "fetch")]
    # retried by the HTTP client only (no task retries on top), then it stopped asking for the rest
    attempts = load_config().retries + 1
    assert len(demo_replay.requests_matching(_file_paths_pattern([first_down]))) == attempts
    assert demo_replay.requests_matching(_file_paths_pattern(rest)) == []
    stored = {r[0] for r in query(flow_env, "SELECT DISTINCT document_id FROM document_files")}
    assert {r.document_id for r in done} <= stored
    assert stored.isdisjoint(r.document_id for r in [first_down, *rest])
    assert tk["cursor_after"] is not None
    assert first_down.modified_at is not None
    assert datetime.fromisoformat(tk["cursor_after"]) < first_down.modified_at
    assert_consistent(flow_env)
    demo_replay.clear_fault()
    second = run_ingest(sources="tk")
    assert second["failures"] == []
    assert second["sources"]["tk"]["cursor_after"].startswith("2025-10-03T07:00")
    missing = query(
        flow_env,
        "SELECT d.document_id FROM documents d LEFT JOIN document_files f USING (document_id) "
        "WHERE d.source = 'tk' AND NOT d.deleted AND f.sha256 IS NULL"
        " AND d.kind NOT IN ('other', 'verslag_commissiedebat')",
    )
    assert missing == []
    assert_consistent(flow_env)


def test_a_document_deleted_at_the_source_is_marked_deleted(
    flow_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from devtools.demo import demo_scenario
    from flows import runtime

    # its own replay server: this test changes the scenario
    with ReplayServer(demo_scenario()) as replay:
        for name, value in replay.env().items():
            monkeypatch.setenv(name, value)
        runtime.config.cache_clear()
        runtime.client.cache_clear()
        only_reports = ["verslag_schriftelijk_overleg"]
        run_ingest(sources="tk", kinds=only_reports)
        replay.scenario.delete(DEMO_DOCUMENT_ID.removeprefix("tk:"), "2025-10-04T10:00:00+02:00")
        second = run_ingest(sources="tk", kinds=only_reports)
    assert second["totals"]["deleted"] == 1
    assert query(
        flow_env, "SELECT deleted FROM documents WHERE document_id = ?", [DEMO_DOCUMENT_ID]
    ) == [(True,)]
    # the consultation stays (nothing is lost) but the reader views leave it out
    assert query(
        flow_env, "SELECT count(*) FROM v_qa WHERE document_id = ?", [DEMO_DOCUMENT_ID]
    ) == [(0,)]
