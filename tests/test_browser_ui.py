"""The Prefect UI of `jbz serve` in a real headless Chromium (Debian's; `make chromium`).

Starts `jbz serve` as a user would (its own Prefect server on a free port, its own PREFECT_HOME,
the sources replayed locally, a temporary warehouse), opens the UI, finds the `ingest`
deployment, starts a Custom run with a non-default parameter (dry run on), and watches that run
reach Completed in the browser. Screenshots go to test-output/browser/ (git-ignored; CI can keep
them as artifacts). Waits are generous; nothing here asserts on timing.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import pytest
import requests

from devtools.replay import ReplayServer
from tests.conftest import TEST_OUTPUT, free_port

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = TEST_OUTPUT / "browser"
START_TIMEOUT_S = 240.0  # cold start of the server (migrations) + registering the deployments
RUN_TIMEOUT_S = 300.0
pytestmark = pytest.mark.browser


@pytest.fixture()
def served_ui(demo_replay: ReplayServer, tmp_path: Path) -> Iterator[str]:
    """`jbz serve` with its own Prefect server; yields the UI base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | demo_replay.env()
    env |= {
        "PREFECT_SERVER_API_PORT": str(port),
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "JBZ_DB": str(tmp_path / "ui.duckdb"),
    }
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for_deployment(base, proc)
            yield base
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=120) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
            print(log_path.read_text(errors="replace")[-4000:])


def _wait_for_deployment(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, "jbz serve exited early"
        try:
            if requests.get(f"{base}/api/deployments/name/ingest/ingest", timeout=5).ok:
                return
        except requests.RequestException:
            pass  # the server is still starting
        time.sleep(1)
    raise AssertionError(f"the ingest deployment did not appear within {START_TIMEOUT_S:.0f} s")


def _flow_runs(base: str) -> list[dict[str, Any]]:
    reply = requests.post(f"{base}/api/flow_runs/filter", json={"limit": 50}, timeout=10)
    reply.raise_for_status()
    runs: list[dict[str, Any]] = reply.json()
    return runs


def _wait_for_new_run(base: str) -> dict[str, Any]:
    """The manual run the form created (scheduled runs have auto_scheduled=True)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        manual = [r for r in _flow_runs(base) if not r.get("auto_scheduled")]
        if manual:
            return manual[0]
        time.sleep(1)
    raise AssertionError("the Custom run did not create a flow run")


def _wait_for_final_state(base: str, run_id: str) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        run = requests.get(f"{base}/api/flow_runs/{run_id}", timeout=10).json()
        if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
            return str(run["state"]["type"])
        time.sleep(2)
    raise AssertionError(f"the run did not finish within {RUN_TIMEOUT_S:.0f} s")


def _submit_custom_run(page: "Page", base: str) -> None:
    """Deployments > ingest > Run > Custom run, switch Dry Run on, Submit."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect

    page.goto(f"{base}/deployments")
    page.get_by_role("link", name="ingest").first.click()
    # the cron schedule (with the weekly sweep beside it, the UI folds the tags into one)
    expect(page.get_by_text("Every hour").first).to_be_attached()
    page.screenshot(path=str(SHOTS / "1-deployment.png"), full_page=True)
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("Custom run").click()
    page.wait_for_url("**/run**")
    dry_run = (
        page.locator("div")
        .filter(has=page.get_by_text("Dry Run (Optional)", exact=True))
        .filter(has=page.get_by_role("switch"))
        .last
    )
    dry_run.get_by_role("switch").click()
    expect(dry_run.get_by_role("switch")).to_be_checked()
    page.screenshot(path=str(SHOTS / "2-custom-run-form.png"), full_page=True)
    # the document_id help text keeps its example: a bare <GUID> would vanish as an HTML tag
    expect(page.get_by_text("'tk:<GUID>'").first).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    # the UI leaves the form (back to the deployment) once the server created the run
    try:
        page.wait_for_url(lambda url: not urlparse(url).path.endswith("/run"), timeout=120_000)
    except PlaywrightTimeoutError:
        page.screenshot(path=str(SHOTS / "2b-after-submit.png"), full_page=True)
        raise AssertionError(
            f"Submit did not open the new run; the page says: {page.inner_text('body')[:2000]}"
        ) from None


def _watch_run_complete(page: "Page", base: str, run: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/runs/flow-run/{run['id']}")
    expect(page.get_by_text(run["name"]).first).to_be_visible()
    state = _wait_for_final_state(base, run["id"])
    assert state == "COMPLETED", f"the run ended {state}"
    page.reload()
    expect(page.get_by_text("Completed", exact=True).first).to_be_visible()
    page.screenshot(path=str(SHOTS / "3-run-completed.png"), full_page=True)
    page.get_by_text("Artifacts", exact=True).click()  # the run summary
    expect(page.get_by_text("ingest-summary").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "4-run-summary-artifact.png"), full_page=True)
    # the run did what the form asked: its summary is a dry run's that listed documents
    summary = _summary_artifact(base, run["id"])
    assert "(dry run: nothing stored)" in summary and "## Sources" in summary, summary[:500]


def _summary_artifact(base: str, run_id: str) -> str:
    query = {"artifacts": {"flow_run_id": {"any_": [run_id]}, "key": {"any_": ["ingest-summary"]}}}
    reply = requests.post(f"{base}/api/artifacts/filter", json=query, timeout=10)
    reply.raise_for_status()
    artifacts: list[dict[str, Any]] = reply.json()
    assert len(artifacts) == 1, artifacts
    return str(artifacts[0]["data"])


def test_custom_run_from_the_prefect_ui_completes(served_ui: str) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            _submit_custom_run(page, served_ui)
            run = _wait_for_new_run(served_ui)
            assert run["parameters"]["params"]["dry_run"] is True  # the custom parameter
            _watch_run_complete(page, served_ui, run)
        finally:
            browser.close()
