"""`jbz serve` against the session's Prefect test server: the deployments are registered with
their schedule and concurrency limit, a run started the way the UI starts one completes in the
served process, and SIGTERM stops everything with exit code 0."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devtools.demo import DEMO_DOCUMENT_ID
from devtools.replay import ReplayServer
from warehouse import db

WAIT_S = 180.0


@pytest.fixture()
def served(
    prefect_api_url: str, demo_replay: ReplayServer, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """`jbz serve` as a subprocess using the test server (PREFECT_API_URL set: no own server)."""
    db_path = tmp_path / "served.duckdb"
    env = os.environ | demo_replay.env()
    env |= {
        "PREFECT_API_URL": prefect_api_url,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "JBZ_DB": str(db_path),
    }
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        yield proc, db_path
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
        print((tmp_path / "serve.log").read_text(errors="replace")[-4000:])


def _wait_for_deployment(name: str, proc: subprocess.Popen[bytes]) -> Any:
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + WAIT_S
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            assert proc.poll() is None, "jbz serve exited early"
            try:
                return client.read_deployment_by_name(name)
            except ObjectNotFound:
                time.sleep(1)
    raise AssertionError(f"deployment {name} did not appear within {WAIT_S:.0f} s")


def test_served_deployment_runs_like_from_the_ui_and_stops_on_sigterm(
    served: tuple[subprocess.Popen[bytes], Path],
) -> None:
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    proc, db_path = served
    deployment = _wait_for_deployment("ingest/ingest", proc)
    reparse = _wait_for_deployment("reparse/reparse", proc)
    assert reparse.schedules == []
    schedule = deployment.schedules[0].schedule
    assert (schedule.cron, schedule.timezone) == ("0 * * * 1-5", "Europe/Amsterdam")
    assert deployment.global_concurrency_limit is not None
    assert deployment.global_concurrency_limit.limit == 1
    assert "since" in str(deployment.parameter_openapi_schema)  # the typed run form

    # what the UI's "Custom run" does: a flow run from the deployment with custom parameters
    run = run_deployment(
        "ingest/ingest",
        parameters={"params": {"sources": "tk", "kinds": ["verslag_schriftelijk_overleg"]}},
        timeout=600,
    )
    assert isinstance(run, FlowRun)
    assert run.state is not None and run.state.is_completed(), run.state
    with db.connect(db_path, read_only=True) as con:
        kinds = con.execute(
            "SELECT DISTINCT d.kind FROM document_files JOIN documents d USING (document_id)"
        ).fetchall()
        pairs = con.execute(
            "SELECT count(*) FROM v_qa WHERE document_id = ?", [DEMO_DOCUMENT_ID]
        ).fetchall()
    assert kinds == [("verslag_schriftelijk_overleg",)]
    assert pairs[0][0] > 0  # the example report was fetched, parsed and loaded by the served run

    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 0
