"""`jbz serve`: a local Prefect server (unless PREFECT_API_URL names one) + the deployments.

`ingest` runs on the cron schedule (JBZ_SCHEDULE_CRON in JBZ_TIMEZONE), on the sweep schedule
(JBZ_SWEEP_CRON: re-lists the last JBZ_SWEEP_DAYS of each dossier) and on demand from the UI
(Run / Custom run); `reparse` on demand. Both deployments are limited to one run at a time
because DuckDB allows one writing process per file: extra runs wait. `flow.serve` needs no work
pool or worker. SIGTERM stops serving, stops the server subprocess and exits 0.

After a crash: the server a killed `jbz serve` left running is adopted (its pid is kept under
PREFECT_HOME), and only one of the scheduled runs missed while it was down runs
(flows/catchup.py).

Prefect reads its settings at import, so everything here sets the environment first and imports
prefect inside functions.
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

import requests

from contract.errors import JbzError

DEFAULT_PORT = 4200
# both: a crash can leave either Running; only `ingest` has schedules that miss runs
DEPLOYMENTS = ("ingest/ingest", "reparse/reparse")
HEALTH_TIMEOUT_S = 180.0  # a cold start runs the database migrations: 18-30 s here


class ServerUnavailable(JbzError):
    """The Prefect server did not start or stopped answering."""


class ServeStopped(Exception):
    """SIGTERM arrived before the runner took over signal handling."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise ServeStopped


def local_api_url() -> str:
    port = os.environ.get("PREFECT_SERVER_API_PORT", str(DEFAULT_PORT))
    return f"http://127.0.0.1:{port}/api"


def start_server(log_path: Path) -> subprocess.Popen[bytes]:
    """`prefect server start` (embedded SQLite under PREFECT_HOME) as a child process."""
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_SERVER_API_HOST", "127.0.0.1")
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            [exe, "server", "start"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C in the terminal reaches us; we stop it ourselves
        )
    _pid_path().write_text(str(proc.pid))  # if we are killed, the next jbz serve adopts it
    return proc


def _pid_path() -> Path:
    return Path(os.environ["PREFECT_HOME"]) / "server.pid"


def left_running() -> int | None:
    """The Prefect server an earlier `jbz serve` with this PREFECT_HOME started and could not
    stop (it was killed: SIGKILL, out of memory), if it still runs: its own session survives
    us, holds the port, and a new one would fail with "port already in use". Linux (/proc)."""
    try:
        pid = int(_pid_path().read_text())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None  # no pid file, or that process is gone
    return pid if b"server\0start" in cmdline else None  # not a reused pid


def stop_left_running(pid: int) -> None:
    """Stop an adopted server (not our child: no Popen to wait on, so watch its pid)."""
    for sig, wait_s in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            time.sleep(0.2)


def wait_healthy(api_url: str, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise ServerUnavailable(f"the Prefect server exited with code {proc.returncode}")
        try:
            if requests.get(f"{api_url}/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass  # not listening yet
        time.sleep(0.5)
    raise ServerUnavailable(
        f"the Prefect server at {api_url} did not answer within {timeout:.0f} s"
    )


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def stop_local_server(proc: subprocess.Popen[bytes] | None, left: int | None) -> None:
    """Stop the server this `jbz serve` started or adopted (none: PREFECT_API_URL's is not
    ours), and forget its pid."""
    if proc is not None:
        stop_server(proc)
    elif left is not None:
        stop_left_running(left)
    else:
        return
    _pid_path().unlink(missing_ok=True)


def build_deployments() -> list[Any]:
    """The two deployments: `ingest` (cron + on demand) and `reparse` (on demand)."""
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from flows.config import load_config_or_exit
    from flows.ingest import ingest
    from flows.reparse import reparse

    cfg = load_config_or_exit()
    common: dict[str, Any] = {
        "concurrency_limit": 1,
        "tags": ["jbz"],
        "entrypoint_type": EntrypointType.MODULE_PATH,  # no absolute paths recorded
    }
    schedules = [Cron(cfg.schedule_cron, timezone=cfg.timezone, slug="ingest")]
    sweep = ""
    if cfg.sweep_cron.lower() != "off":
        # the sweep is a second schedule of the same deployment, not a deployment of its own:
        # its concurrency limit of 1 then keeps a sweep and an hourly run apart (one DuckDB file)
        sweep_params = {"params": {"sweep_days": cfg.sweep_days}}
        schedules.append(
            Cron(cfg.sweep_cron, timezone=cfg.timezone, slug="sweep", parameters=sweep_params)
        )
        sweep = f"; sweep of the last {cfg.sweep_days} days ({cfg.sweep_cron})"
    scheduled = ingest.to_deployment(
        name="ingest",
        schedules=schedules,
        description=f"Scheduled ingestion ({cfg.schedule_cron}, {cfg.timezone}){sweep}; "
        "use Run > Custom run for a backfill, one source, or one document.",
        **common,
    )
    on_demand = reparse.to_deployment(
        name="reparse",
        description="Re-parse stored raw files (no network), e.g. after a parser fix.",
        **common,
    )
    return [scheduled, on_demand]


def serve_deployments(api_url: str) -> None:
    """Register the deployments and run them until SIGTERM/Ctrl-C (blocks)."""
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, PREFECT_RUNNER_POLL_FREQUENCY, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url, PREFECT_RUNNER_POLL_FREQUENCY: 2}):
        deployments = build_deployments()
        skip_missed_runs_or_warn()  # before the runner starts every run scheduled before now
        # one runner process, one flow run at a time (both flows write the same DuckDB file)
        serve(*deployments, limit=1)


def skip_missed_runs_or_warn() -> None:
    """After a crash, one catch-up run instead of every missed one (flows/catchup.py). If the
    API refuses, serving still starts: every missed run then runs, slow but correct."""
    import httpx

    from flows.catchup import skip_missed_runs

    try:
        print(f"jbz serve: {skip_missed_runs(DEPLOYMENTS).describe()}", flush=True)
    except httpx.HTTPError as exc:
        print(f"jbz serve: missed runs not checked ({exc}); each will run", file=sys.stderr)


def cli_serve(args: argparse.Namespace) -> int:
    """`jbz serve` / `make serve`: the Prefect UI on http://127.0.0.1:4200 and the deployments."""
    os.environ.setdefault("PREFECT_RUNNER_POLL_FREQUENCY", "2")
    signal.signal(signal.SIGTERM, _on_sigterm)
    # Ctrl-C stops serving even when started from a script that ignores SIGINT (`cmd &`)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    external = os.environ.get("PREFECT_API_URL")
    api_url = external or local_api_url()
    proc = None
    left = None if external else left_running()
    try:
        if left is not None:
            print(f"using the Prefect server (pid {left}) a killed jbz serve left", flush=True)
        elif not external:
            log_path = Path(os.environ["PREFECT_HOME"]) / "server.log"
            print(f"starting the Prefect server (log: {log_path}) …", flush=True)
            proc = start_server(log_path)
        wait_healthy(api_url, proc, 30.0 if external else HEALTH_TIMEOUT_S)
        os.environ["PREFECT_API_URL"] = api_url  # flow-run subprocesses inherit it
        print(f"Prefect UI: {api_url.removesuffix('/api')}  (Ctrl-C or SIGTERM stops)", flush=True)
        serve_deployments(api_url)
    except (ServeStopped, KeyboardInterrupt):
        pass
    except JbzError as exc:
        print(f"jbz serve: {exc}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        stop_local_server(proc, left)
    print("stopped", flush=True)
    return 0
