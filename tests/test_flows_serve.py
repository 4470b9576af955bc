"""`jbz serve` against the session's Prefect test server: the deployments are registered with
their schedule and concurrency limit, a run started the way the UI starts one completes in the
served process, and SIGTERM stops everything with exit code 0."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from devtools.demo import DEMO_DOCUMENT_ID
from devtools.replay import ReplayServer
from warehouse import db

WAIT_S = 180.0


def serve_env(prefect_api_url: str, demo_replay: ReplayServer, tmp_path: Path) -> dict[str, str]:
    """`jbz serve`'s environment: the test server (PREFECT_API_URL set: no own server), the
    replay server and a fresh DuckDB file."""
    return (
        os.environ
        | demo_replay.env()
        | {
            "PREFECT_API_URL": prefect_api_url,
            "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "JBZ_DB": str(tmp_path / "served.duckdb"),
        }
    )


@contextmanager
def serving(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`jbz serve` as a subprocess; killed at the end if still running, its log printed."""
    log = log_path.open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        log.close()
        print(log_path.read_text(errors="replace")[-4000:])


@pytest.fixture()
def served(
    prefect_api_url: str, demo_replay: ReplayServer, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    env = serve_env(prefect_api_url, demo_replay, tmp_path)
    with serving(env, tmp_path / "serve.log") as proc:
        yield proc, Path(env["JBZ_DB"])


def wait_for_deployment(name: str, proc: subprocess.Popen[bytes]) -> Any:
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
    deployment = wait_for_deployment("ingest/ingest", proc)
    reparse = wait_for_deployment("reparse/reparse", proc)
    assert reparse.schedules == []
    schedules = {s.slug: s for s in deployment.schedules}
    hourly, sweep = schedules["ingest"], schedules["sweep"]
    assert (hourly.schedule.cron, hourly.schedule.timezone) == ("0 * * * 1-5", "Europe/Amsterdam")
    assert (sweep.schedule.cron, sweep.parameters) == (
        "30 3 * * 0",
        {"params": {"sweep_days": 400}},
    )
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


def flow_runs(deployment_id: UUID) -> list[Any]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterDeploymentId

    with get_client(sync_client=True) as client:
        run_filter = FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]))
        return list(client.read_flow_runs(flow_run_filter=run_filter))


def wait_until_final(run_ids: set[UUID], deployment_id: UUID) -> list[Any]:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        runs = [r for r in flow_runs(deployment_id) if r.id in run_ids]
        if all(r.state is not None and r.state.is_final() for r in runs):
            return runs
        time.sleep(1)
    raise AssertionError(f"runs not finished within {WAIT_S:.0f} s")


def test_a_manual_run_during_another_waits_then_runs(
    served: tuple[subprocess.Popen[bytes], Path],
) -> None:
    """Two runs asked for at once (a scheduled one and a click on Run): the second waits for
    the first (one DuckDB writer), then completes."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    proc, _ = served
    deployment = wait_for_deployment("ingest/ingest", proc)
    tk_only = {"params": {"sources": "tk", "kinds": ["verslag_schriftelijk_overleg"]}}
    first = run_deployment("ingest/ingest", parameters=tk_only, timeout=0)
    second = run_deployment("ingest/ingest", parameters=tk_only, timeout=0)
    assert isinstance(first, FlowRun) and isinstance(second, FlowRun)
    waiting: set[str] = set()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        by_id = {r.id: r.state for r in flow_runs(deployment.id)}
        a, b = by_id[first.id], by_id[second.id]
        if a.is_running():
            assert not b.is_running(), "two ingest runs at once"
            waiting.add(b.name)
        if a.is_final() and b.is_final():
            break
        time.sleep(0.2)
    runs = {r.id: r for r in wait_until_final({first.id, second.id}, deployment.id)}
    a, b = runs[first.id], runs[second.id]
    assert a.state.is_completed() and b.state.is_completed(), (a.state, b.state)
    assert waiting and waiting <= {"Scheduled", "Late", "AwaitingConcurrencySlot", "Pending"}
    assert a.end_time is not None and b.start_time is not None and b.start_time >= a.end_time
    print(f"while the first ran, the second was {sorted(waiting)}")
