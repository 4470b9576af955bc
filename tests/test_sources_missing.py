"""Files the source does not serve, a KOOP XML that is not there, and a v5 `$metadata` without an
optional field: whole ingest runs against the strict stand-in."""

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from devtools.replay import ReplayServer
from tests.test_flows_ingest import query, run_ingest
from tests.test_sources_runs import own_replay  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("prefect_api_url")
VERSLAG = "Verslag van een schriftelijk overleg"


def _two_tk_reports(replay: ReplayServer) -> list[str]:
    """Two consultation reports whose file is the TK resource itself (no KOOP XML)."""
    docs = replay.scenario.docs.values()
    ids = [str(d.raw["Id"]) for d in docs if d.raw.get("Soort") == VERSLAG
           and not d.xml_publication_id and d.body is None]  # fmt: skip
    assert len(ids) >= 2
    return ids[:2]


def test_files_that_never_come_are_recorded_and_fetched_when_they_do(
    flow_env: Path,
    own_replay: ReplayServer,  # noqa: F811
) -> None:
    empty, json_error = _two_tk_reports(own_replay)
    own_replay.scenario.resource_faults = {empty: "204", json_error: "json200"}
    first = run_ingest(since=date(2024, 1, 1), sources="tk")
    gone = {f"tk:{empty}", f"tk:{json_error}"}
    assert {f["document_id"] for f in first["failures"]} == gone
    assert {m["document_id"] for m in first["missing_files"]} == gone
    reasons = {m["document_id"]: m["reason"] for m in first["missing_files"]}
    assert "no content (HTTP 204)" in reasons[f"tk:{empty}"]
    assert "a JSON body instead of a file (HTTP 200)" in reasons[f"tk:{json_error}"]
    # nothing stored for either (a JSON body is not a document), the rest stored
    files = dict(query(flow_env, "SELECT document_id, count(*) FROM document_files GROUP BY 1"))
    assert not gone & set(files) and len(files) >= 20
    assert query(flow_env, "SELECT count(*) FROM raw_files WHERE fmt NOT IN "
                 "('pdf', 'docx', 'xml', 'doc')") == [(0,)]  # fmt: skip
    rows = query(flow_env, "SELECT document_id, status, attempts FROM v_missing_files")
    assert sorted(rows) == sorted((d, "retrying", 1) for d in gone)
    # they do not hold the cursor back: it moved past them to the newest stored document
    newest = query(flow_env, "SELECT max(modified_at) FROM documents WHERE source = 'tk'")[0][0]
    assert first["sources"]["tk"]["cursor_after"].startswith(newest.isoformat()[:19])

    own_replay.scenario.resource_faults = {}
    second = run_ingest(sources="tk")  # a plain run from the cursor asks for them by id
    assert second["failures"] == [] and second["missing_files"] == []
    files = dict(query(flow_env, "SELECT document_id, count(*) FROM document_files GROUP BY 1"))
    assert gone <= set(files)
    assert query(flow_env, "SELECT count(*) FROM missing_files") == [(0,)]


def test_a_file_missing_long_enough_is_missing_at_the_source(
    flow_env: Path,
    own_replay: ReplayServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows import runtime

    short, _ = _two_tk_reports(own_replay)
    own_replay.scenario.resource_faults = {short: "short"}
    monkeypatch.setenv("JBZ_MISSING_AFTER_DAYS", "0")
    runtime.config.cache_clear()
    first = run_ingest(since=date(2024, 1, 1), sources="tk")
    (missing,) = first["missing_files"]
    assert (
        missing["status"] == "missing_at_source"
        and "shorter than its ContentLength" in (missing["reason"])
    )
    # retried weekly from now on: the next run does not ask for it
    own_replay.clear_log()
    run_ingest(sources="tk")
    assert own_replay.requests_matching(short) == []
    status = query(flow_env, "SELECT status FROM v_missing_files WHERE document_id = ?",
                   [f"tk:{short}"])  # fmt: skip
    assert status == [("missing_at_source",)]


def test_a_koop_xml_at_fout404_is_stored_from_its_pdf(
    flow_env: Path,
    own_replay: ReplayServer,  # noqa: F811
) -> None:
    sc = own_replay.scenario
    index, rec = next((i, r) for i, r in enumerate(sc.sru_records)
                      if r.chamber == "TK" and r.title_type == VERSLAG)  # fmt: skip
    sc.sru_records[index] = dataclasses.replace(rec, xml=None, lists_missing_xml=True)
    summary = run_ingest(since=date(2024, 1, 1), sources="koop")
    assert f"koop:{rec.identifier}" not in {f["document_id"] for f in summary["failures"]}
    fmts = query(
        flow_env,
        "SELECT r.fmt FROM document_files f JOIN raw_files r USING (sha256) WHERE document_id = ?",
        [f"koop:{rec.identifier}"],
    )
    assert fmts == [("pdf",)]
    assert own_replay.requests_matching(r"/fout404") != []  # the XML was tried first


def test_v5_metadata_without_kamer_still_lists_and_fetches(
    flow_env: Path,
    own_replay: ReplayServer,  # noqa: F811
) -> None:
    own_replay.scenario.dropped_fields = ("Kamer",)
    summary = run_ingest(since=date(2024, 1, 1), sources="tk")
    assert summary["sources"]["tk"]["error"] is None and summary["totals"]["new"] >= 131
    assert any("chamber (kamer)" in w and "read as null" in w for w in summary["warnings"])
    assert query(flow_env, "SELECT DISTINCT chamber FROM documents WHERE source = 'tk'") == [
        (None,)
    ]
    ((files,),) = query(flow_env, "SELECT count(*) FROM document_files")
    assert files >= 20
    selects = [e.query.get("$select", "") for e in own_replay.log if e.path.endswith("Document")]
    assert selects and not any("Kamer," in s or s.endswith("Kamer") for s in selects)
