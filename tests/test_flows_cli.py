"""The flow commands as a user runs them: `jbz ingest`, `jbz demo`, `jbz report` (subprocesses)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from devtools.demo import DEMO_DOCUMENT_ID
from tests.conftest import free_port


def jbz(*args: str, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_ingest_against_an_unreachable_source_says_so_in_one_line(tmp_path: Path) -> None:
    # no PREFECT_API_URL: the command runs the flow on Prefect's temporary local API, offline
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "JBZ_DB": str(tmp_path / "jbz.duckdb"),
        "JBZ_TK_ODATA_URL": f"http://127.0.0.1:{free_port()}/OData/v5",  # nobody listens
        "JBZ_HTTP_RETRIES": "1",
        "JBZ_HTTP_BACKOFF_SECONDS": "0.01",
        "JBZ_HTTP_BACKOFF_MAX_SECONDS": "0.05",
        "JBZ_POLITENESS_DELAY_SECONDS": "0",
    }
    done = jbz("ingest", "--source", "tk", env=env)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("jbz ingest: tk could not be listed"), lines[0]
    assert "Traceback" not in done.stdout + done.stderr


def test_demo_then_report(prefect_api_url: str, tmp_path: Path) -> None:
    env = dict(os.environ) | {
        "PREFECT_API_URL": prefect_api_url,  # the session's test server: no second cold start
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "JBZ_DB": str(tmp_path / "demo.duckdb"),
    }
    demo = jbz("demo", env=env)
    assert demo.returncode == 0, demo.stderr
    assert "## Consultations loaded" in demo.stdout
    # the reports whose text the recordings do not hold are apart from failures; the example ok
    summary = demo.stdout.split("## Pairs per fractie")[0]
    loaded = summary.split("## Consultations loaded (1)")[1].split("##")[0]
    assert f"| {DEMO_DOCUMENT_ID} |" in loaded and "| 98 | ok |" in loaded
    assert "## Parses to look at (0)" in summary and "## Failed documents (0)" in summary
    no_text = summary.split("## No text recorded in the demo (")[1]
    assert no_text.startswith("27)") and no_text.count("\n| tk:") + no_text.count("\n| koop:") == 27
    assert DEMO_DOCUMENT_ID not in no_text and "no_fractie_headings" not in summary
    assert "Pairs per fractie in the example report" in demo.stdout
    assert "One PVV question" in demo.stdout and "PVV" in demo.stdout.split("One PVV question")[1]
    meeting = demo.stdout.split("One Council meeting")[1]  # its agenda, verslagen and report
    assert all(n in meeting for n in ("32317-967", "32317-968", "32317-969", "32317-970"))
    report = jbz("report", env=env)
    assert report.returncode == 0, report.stderr
    # the same summary the run printed (and attached to the Prefect run as an artifact)
    assert report.stdout.splitlines()[0] in demo.stdout
    assert "## Consultations loaded" in report.stdout
    # the search index published with the demo warehouse: the example's PVV Schengen pair first
    found = jbz("search", "toetredingen Schengen", "--fractie", "PVV", "--format", "json", env=env)
    assert found.returncode == 0, found.stderr
    first = json.loads(found.stdout)[0]
    assert (first["document_id"], first["seq"], first["fractie"]) == (DEMO_DOCUMENT_ID, 24, "PVV")
    # --fractie matches any of a pair's fracties: GroenLinks finds the joint block's pairs
    joint = jbz("search", "Schengen", "--fractie", "GroenLinks", "--format", "json", env=env)
    assert joint.returncode == 0, joint.stderr
    assert json.loads(joint.stdout) and {h["fractie"] for h in json.loads(joint.stdout)} == {
        "PvdA en GroenLinks"
    }
