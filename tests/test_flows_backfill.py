"""A backfill loads its documents in batches, one transaction per batch (flows/batches.py),
against the replay server and real DuckDB files; a document the warehouse refuses fails alone."""

from pathlib import Path

import pytest

from contract.records import PARSEABLE_KINDS
from devtools.demo import DEMO_DOCUMENT_ID
from devtools.replay import ReplayServer
from tests.test_flows_ingest import query, run_ingest
from tests.test_sources_runs import own_replay  # noqa: F401 (a fixture)
from warehouse import db, publish

pytestmark = pytest.mark.usefixtures("prefect_api_url")


def _reports() -> list[str]:
    """The TK reports a default run parses, as the replay server lists them."""
    from flows import registry, runtime

    listed = registry.list_source(runtime.env(), "tk", "32317", None, None)
    return sorted(
        r.document_id for r in listed if r.kind in PARSEABLE_KINDS and r.file_url and not r.deleted
    )


def _loaded(db_path: Path) -> dict[str, int]:
    """document_id -> pairs, for consultations whose pair count matches their rows."""
    rows = query(
        db_path,
        "SELECT c.document_id, c.pair_count FROM consultations c LEFT JOIN "
        "(SELECT consultation_id, count(*) AS n FROM qa_pairs GROUP BY ALL) p "
        "USING (consultation_id) WHERE c.pair_count = coalesce(p.n, 0) AND c.sha256 IN "
        "(SELECT sha256 FROM document_files f WHERE f.document_id = c.document_id)",
    )
    return dict(rows)


def test_a_first_run_loads_all_its_reports_in_one_transaction(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    reports = _reports()
    assert len(reports) > 1 and DEMO_DOCUMENT_ID in reports
    summary = run_ingest(sources="tk")  # no cursor yet: the dossier's whole history
    assert summary["failures"] == []
    assert sorted(c["document_id"] for c in summary["consultations"]) == reports
    assert sorted(_loaded(flow_env)) == reports
    # one batch: the reports share the time of the one transaction that loaded them
    assert query(flow_env, "SELECT count(DISTINCT parsed_at) FROM consultations") == [(1,)]
    # a run from the cursor loads what changed one document at a time (here: nothing)
    assert run_ingest(sources="tk")["totals"]["loaded"] == 0


def test_a_refused_document_fails_alone_in_a_backfill(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    reports = _reports()
    bad = next(r for r in reports if r != DEMO_DOCUMENT_ID)
    # a stray row holding the document's id under another consultation id: the warehouse
    # refuses the document's consultation (UNIQUE document_id), so its batch fails
    with db.connect(publish.default_work_path()) as con:
        con.execute(
            "INSERT INTO consultations (consultation_id, document_id, kind, pair_count, "
            "unassigned_count, issue_count, sha256, parsed_at) "
            "VALUES ('stray', ?, 'other', 0, 0, 0, 'none', now()::TIMESTAMP)",
            [bad],
        )
    summary = run_ingest(sources="tk")
    failures = [(f["document_id"], f["stage"]) for f in summary["failures"]]
    assert failures == [(bad, "load")]
    assert "constraint" in summary["failures"][0]["reason"].lower()
    loaded = _loaded(flow_env)
    assert sorted(loaded) == sorted(r for r in reports if r != bad)  # the others are in
    # the batch was rolled back and each document loaded on its own transaction
    assert query(flow_env, "SELECT count(DISTINCT parsed_at) FROM consultations") == [
        (len(loaded) + 1,)
    ]
    assert query(
        flow_env, "SELECT consultation_id FROM consultations WHERE document_id = ?", [bad]
    ) == [("stray",)]
    # its bytes are kept all the same, for a reparse once the warehouse takes it
    files = query(flow_env, "SELECT count(*) FROM document_files WHERE document_id = ?", [bad])
    assert files == [(1,)]


def test_cursor_run_backfill_and_reparse_take_the_one_store_and_load_path(
    flow_env: Path,
    own_replay: ReplayServer,  # noqa: F811 (a fixture: this test changes a file it serves)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each path's documents go through batches.store_and_load, in batches of its size: a
    backfill and a reparse many documents a call, a run from the cursor one."""
    from flows import batches
    from flows.reparse import ReparseParams, reparse
    from tests.test_flows_ingest import run_flow

    calls: list[tuple[str, ...]] = []
    real = batches.store_and_load

    def counting(con: object, items: list[batches.Arrival], tally: object) -> list[str]:
        calls.append(tuple(i.status for i in items))
        return real(con, items, tally)  # type: ignore[arg-type]

    monkeypatch.setattr(batches, "store_and_load", counting)
    first = run_ingest(sources="tk")  # the dossier's first run: a backfill
    backfill, calls[:] = list(calls), []
    assert len(backfill) == 1 and len(backfill[0]) == first["totals"]["fetched"] > 1
    sc, doc_id = own_replay.scenario, DEMO_DOCUMENT_ID.removeprefix("tk:")
    sc.replace_file(doc_id, sc.body(doc_id) + b"\n", "2025-10-04T09:00:00+02:00")
    run_ingest(sources="tk")  # from the cursor: the changed report, a batch of one
    assert calls == [("changed",)]
    calls[:] = []
    assert run_flow(reparse, ReparseParams()).is_completed()
    assert len(calls) == 1 and set(calls[0]) == {"reparsed"} and len(calls[0]) == len(_reports())
