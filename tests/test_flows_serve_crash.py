"""`jbz serve` killed with SIGKILL (a crash, a power loss) and started again, on the session's
Prefect test server: one catch-up run, the other missed runs cancelled, the run the crash left
Running marked Crashed, the server the killed serve left running adopted and stopped."""

import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import requests

from devtools.replay import ReplayServer
from tests.test_flows_serve import (
    WAIT_S,
    flow_runs,
    serve_env,
    serving,
    wait_for_deployment,
    wait_until_final,
)


def _wait_running(run_id: UUID, deployment_id: UUID) -> list[int]:
    """Wait until the run runs; the pids of its processes (found by PREFECT__FLOW_RUN_ID)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        state = next(r.state for r in flow_runs(deployment_id) if r.id == run_id)
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


def _crash_during_a_run(env: dict[str, str], log: Path) -> tuple[Any, Any]:
    """Serve, start a run, SIGKILL serve and the run's process while it runs (a power loss);
    returns the deployment and the interrupted run."""
    from prefect.client.schemas.objects import FlowRun
    from prefect.deployments import run_deployment

    with serving(env, log) as proc:
        deployment = wait_for_deployment("ingest/ingest", proc)
        interrupted = run_deployment("ingest/ingest", timeout=0)
        assert isinstance(interrupted, FlowRun)
        pids = _wait_running(interrupted.id, deployment.id)
        proc.kill()  # a crash: no clean stop, so the schedules are not paused
        assert proc.wait(timeout=30) == -signal.SIGKILL
        for pid in pids:  # the run's own process (a session of its own) dies too
            os.kill(pid, signal.SIGKILL)
    return deployment, interrupted


def _missed_hours(api_url: str, deployment_id: UUID, now: datetime) -> list[Any]:
    """What the scheduler does while serve is down: the auto-scheduled runs of the last five
    hours (made by the server's own scheduling endpoint), all still Scheduled."""
    window = {
        "start_time": (now - timedelta(hours=5)).isoformat(),
        "end_time": now.isoformat(),
        "min_runs": 5,  # the endpoint's default stops at three
        "max_runs": 5,
    }
    url = f"{api_url}/deployments/{deployment_id}/schedule"
    requests.post(url, json=window, timeout=30).raise_for_status()
    runs = [r for r in flow_runs(deployment_id) if r.expected_start_time < now]
    missed = [r for r in runs if r.auto_scheduled and r.state.is_scheduled()]
    assert len(missed) == 5, [(r.expected_start_time, r.state_name) for r in missed]
    return missed


def test_after_a_crash_one_missed_scheduled_run_catches_up(
    prefect_api_url: str, demo_replay: ReplayServer, tmp_path: Path
) -> None:
    """SIGKILL `jbz serve` and the run it was running, let five hours of scheduled runs be
    missed, restart: the interrupted run is marked Crashed (it held the concurrency slot), one
    run (the newest) catches up, the others are cancelled with the reason."""
    from flows.catchup import CRASH_MESSAGE, SKIP_MESSAGE

    env = serve_env(prefect_api_url, demo_replay, tmp_path)
    env |= {"JBZ_SCHEDULE_CRON": "0 * * * *", "JBZ_SWEEP_CRON": "off"}  # any day of the week
    log = tmp_path / "serve.log"
    deployment, interrupted = _crash_during_a_run(env, log)
    started = datetime.now(UTC)
    missed = _missed_hours(prefect_api_url, deployment.id, started)
    with serving(env, log) as proc:
        runs = wait_until_final({r.id for r in missed} | {interrupted.id}, deployment.id)
        states = {r.id: r.state for r in runs}
        crashed = states[interrupted.id]
        assert crashed.is_crashed() and crashed.message == CRASH_MESSAGE, crashed
        newest = max(missed, key=lambda r: r.expected_start_time)
        assert states[newest.id].is_completed(), states[newest.id]
        skipped = [states[r.id] for r in missed if r.id != newest.id]
        assert all(s.is_cancelled() and s.message == SKIP_MESSAGE for s in skipped), skipped
        # nothing else of the deployment ran meanwhile (future runs stay in the future; a
        # cancelled run gets a start_time too: run_count says whether it ran)
        ran = [r for r in flow_runs(deployment.id) if r.run_count and r.start_time >= started]
        assert [r.id for r in ran] == [newest.id]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 0
    line = "1 run left under way by the crash marked Crashed; 4 runs missed on schedule skipped"
    assert line in log.read_text()


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
