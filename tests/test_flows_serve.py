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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import requests

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


def _runs(deployment_id: UUID) -> list[Any]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterDeploymentId

    with get_client(sync_client=True) as client:
        run_filter = FlowRunFilter(deployment_id=FlowRunFilterDeploymentId(any_=[deployment_id]))
        return list(client.read_flow_runs(flow_run_filter=run_filter))


def _wait_until_final(run_ids: set[UUID], deployment_id: UUID) -> list[Any]:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        runs = [r for r in _runs(deployment_id) if r.id in run_ids]
        if all(r.state is not None and r.state.is_final() for r in runs):
            return runs
        time.sleep(1)
    raise AssertionError(f"runs not finished within {WAIT_S:.0f} s")


def _wait_running(run_id: UUID, deployment_id: UUID) -> list[int]:
    """Wait until the run runs; the pids of its processes (found by PREFECT__FLOW_RUN_ID)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        state = next(r.state for r in _runs(deployment_id) if r.id == run_id)
        pids = [
            int(p.parent.name) for p in Path("/proc").glob("[0-9]*/environ") if _runs_in(p, run_id)
        ]
        if state.is_running() and pids:
            return pids
        time.sleep(0.2)
    raise AssertionError(f"run {run_id} not running within {WAIT_S:.0f} s")


def _runs_in(environ: Path, run_id: UUID) -> bool:
    try:
        return f"PREFECT__FLOW_RUN_ID={run_id}".encode() in environ.read_bytes().split(b"\0")
    except OSError:
        return False


def test_after_a_crash_one_missed_scheduled_run_catches_up(
    prefect_api_url: str, demo_replay: ReplayServer, tmp_path: Path
) -> None:
    """SIGKILL `jbz serve` and the run it was running (a power loss), let the scheduler's runs
    for five missed hours go Late, restart: the interrupted run is marked Crashed (it held the
    concurrency slot), one run (the newest) catches up, the others are cancelled with the
    reason."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    from flows.catchup import CRASH_MESSAGE, SKIP_MESSAGE

    env = serve_env(prefect_api_url, demo_replay, tmp_path)
    env |= {"JBZ_SCHEDULE_CRON": "0 * * * *", "JBZ_SWEEP_CRON": "off"}  # any day of the week
    log = tmp_path / "serve.log"
    with serving(env, log) as proc:
        deployment = _wait_for_deployment("ingest/ingest", proc)
        interrupted = run_deployment("ingest/ingest", timeout=0)
        assert isinstance(interrupted, FlowRun)
        pids = _wait_running(interrupted.id, deployment.id)
        proc.kill()  # a crash: no clean stop, so the schedules are not paused
        assert proc.wait(timeout=30) == -signal.SIGKILL
        for pid in pids:  # the run's own process (a session of its own) dies too
            os.kill(pid, signal.SIGKILL)
    # what the scheduler did while serve was down: the runs of the last five hours, auto-scheduled
    now = datetime.now(UTC)
    window = {
        "start_time": (now - timedelta(hours=5)).isoformat(),
        "end_time": now.isoformat(),
        "min_runs": 5,  # the endpoint's default stops at three
        "max_runs": 5,
    }
    url = f"{prefect_api_url}/deployments/{deployment.id}/schedule"
    requests.post(url, json=window, timeout=30).raise_for_status()
    missed = [r for r in _runs(deployment.id) if r.expected_start_time < now and r.auto_scheduled]
    missed = [r for r in missed if r.state.is_scheduled()]
    assert len(missed) == 5, [(r.expected_start_time, r.state_name) for r in missed]
    started = now

    with serving(env, log) as proc:
        runs = _wait_until_final({r.id for r in missed} | {interrupted.id}, deployment.id)
        crashed = next(r.state for r in runs if r.id == interrupted.id)
        assert crashed.is_crashed() and crashed.message == CRASH_MESSAGE, crashed
        newest = max(missed, key=lambda r: r.expected_start_time)
        states = {r.id: r.state for r in runs}
        assert states[newest.id].is_completed(), states[newest.id]
        skipped = [states[r.id] for r in missed if r.id != newest.id]
        assert all(s.is_cancelled() and s.message == SKIP_MESSAGE for s in skipped), skipped
        # nothing else of the deployment ran meanwhile (future runs stay in the future)
        # (a cancelled run gets a start_time too: run_count says whether it ran)
        ran = [r for r in _runs(deployment.id) if r.run_count and r.start_time >= started]
        assert [r.id for r in ran] == [newest.id]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 0
    assert "1 run left under way by the crash marked Crashed; 4 runs missed on schedule " in (
        log.read_text()
    )


def test_a_manual_run_during_another_waits_then_runs(
    served: tuple[subprocess.Popen[bytes], Path],
) -> None:
    """Two runs asked for at once (a scheduled one and a click on Run): the second waits for
    the first (one DuckDB writer), then completes."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    proc, _ = served
    deployment = _wait_for_deployment("ingest/ingest", proc)
    tk_only = {"params": {"sources": "tk", "kinds": ["verslag_schriftelijk_overleg"]}}
    first = run_deployment("ingest/ingest", parameters=tk_only, timeout=0)
    second = run_deployment("ingest/ingest", parameters=tk_only, timeout=0)
    assert isinstance(first, FlowRun) and isinstance(second, FlowRun)
    waiting: set[str] = set()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        by_id = {r.id: r.state for r in _runs(deployment.id)}
        a, b = by_id[first.id], by_id[second.id]
        if a.is_running():
            assert not b.is_running(), "two ingest runs at once"
            waiting.add(b.name)
        if a.is_final() and b.is_final():
            break
        time.sleep(0.2)
    runs = {r.id: r for r in _wait_until_final({first.id, second.id}, deployment.id)}
    a, b = runs[first.id], runs[second.id]
    assert a.state.is_completed() and b.state.is_completed(), (a.state, b.state)
    assert waiting and waiting <= {"Scheduled", "Late", "AwaitingConcurrencySlot", "Pending"}
    assert a.end_time is not None and b.start_time is not None and b.start_time >= a.end_time
    print(f"while the first ran, the second was {sorted(waiting)}")


def _wait_for_line(log: Path, text: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"jbz serve exited early (waiting for {text!r})"
        if text in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not in the log within {WAIT_S:.0f} s")


def _answers(api_url: str) -> bool:
    try:
        return requests.get(f"{api_url}/health", timeout=2).ok
    except requests.RequestException:
        return False


def test_a_restart_after_a_crash_adopts_the_server_the_killed_serve_left(
    demo_replay: ReplayServer, tmp_path: Path
) -> None:
    """`jbz serve` with its own server, SIGKILLed: the server (its own session) lives on and
    holds the port. The restart uses it instead of failing on "port in use", and stops it."""
    from tests.conftest import free_port

    port = free_port()
    env = serve_env("", demo_replay, tmp_path) | {"PREFECT_SERVER_API_PORT": str(port)}
    env.pop("PREFECT_API_URL")
    api_url, log = f"http://127.0.0.1:{port}/api", tmp_path / "serve.log"
    pid_file = tmp_path / "prefect-home" / "server.pid"
    try:
        with serving(env, log) as proc:
            _wait_for_line(log, "jbz serve: no scheduled run was missed", proc)
            proc.kill()
            proc.wait(timeout=30)
        left = int(pid_file.read_text())
        assert _answers(api_url)  # the crash left the server running
        with serving(env, log) as proc:
            _wait_for_line(log, f"using the Prefect server (pid {left})", proc)
            _wait_for_line(log, "Your deployments are being served", proc)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=120) == 0
        assert not Path(f"/proc/{left}").exists() and not _answers(api_url)
        assert not pid_file.exists()
    finally:  # a failed assertion must not leave the server we started running
        if pid_file.exists() and Path(f"/proc/{pid_file.read_text()}").exists():
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
