"""Shared test fixtures: ONE Prefect test server per session, a fresh PREFECT_HOME per run.

The environment is fixed here, before any test module imports prefect (Prefect reads its
settings once, at import): a fresh PREFECT_HOME (task results and caches under it must not leak
between runs: Prefect reuses a cached task result otherwise), analytics off, and no
PREFECT_API_URL from a profile or the shell.
"""

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from devtools.replay import ReplayServer

_home = os.environ.get("PREFECT_HOME")
if not _home or (Path(_home).exists() and any(Path(_home).iterdir())):
    # `make test` passes a fresh .prefect/test-<pid>; a bare `pytest` gets a fresh temp folder
    _home = tempfile.mkdtemp(prefix="jbz-prefect-test-")
os.environ["PREFECT_HOME"] = _home
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("PREFECT_PROFILE", None)

REPO_ROOT = Path(__file__).resolve().parents[1]
TEST_OUTPUT = REPO_ROOT / "test-output"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def prefect_api_url() -> Iterator[str]:
    """A real Prefect server (SQLite in a temp folder) for the whole session; yields its API URL.

    Cold start takes 20-30 s here (the default 30 s timeout is too tight). The flow heartbeat
    thread costs ~1 s per flow call and is switched off.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )
    from prefect.testing.utilities import prefect_test_harness

    with (
        prefect_test_harness(server_startup_timeout=180),
        temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
    ):
        url = PREFECT_API_URL.value()
        assert url, "the test harness did not set PREFECT_API_URL"
        yield str(url)


@pytest.fixture(scope="session")
def demo_replay() -> Iterator["ReplayServer"]:
    """The local replay server with the recorded dossier + the example report as a PDF."""
    from devtools.demo import demo_scenario
    from devtools.replay import ReplayServer

    with ReplayServer(demo_scenario()) as server:
        yield server


@pytest.fixture()
def flow_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, demo_replay: "ReplayServer"
) -> Iterator[Path]:
    """JBZ_* pointing at the replay server and a fresh DuckDB file; yields the DB path."""
    from flows import runtime

    db_path = tmp_path / "jbz.duckdb"
    for name, value in demo_replay.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("JBZ_DB", str(db_path))
    runtime.config.cache_clear()  # the config and client are cached per process
    runtime.client.cache_clear()
    demo_replay.clear_fault()
    yield db_path
    demo_replay.clear_fault()
    runtime.config.cache_clear()
    runtime.client.cache_clear()
