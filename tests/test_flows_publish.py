"""Readers never block the writer: an ingest flow run (real Prefect test server, replay server
on a socket) while another process holds the published warehouse open read-only."""

import subprocess
import sys
from pathlib import Path

import pytest

from devtools.demo import DEMO_DOCUMENT_ID
from tests.test_flows_ingest import query, run_ingest
from warehouse import db, publish

pytestmark = pytest.mark.usefixtures("prefect_api_url")

# a user's notebook: holds the file open read-only until told to look again
HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


def test_a_reader_holding_the_warehouse_never_blocks_the_run(flow_env: Path) -> None:
    with db.connect(publish.default_work_path()) as con:
        publish.publish(con, flow_env)  # what a user opens before any run: empty
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(flow_env)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "0"
        summary = run_ingest()  # would wait 60 s for the lock and fail if it had to
        assert holder.poll() is None, "the reader must hold the file for the whole run"
        assert summary["totals"]["new"] > 100 and summary["failures"] == []
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "0"  # its open file: the old snapshot
    finally:
        holder.kill()
        holder.wait(timeout=30)
    # a new connection opens the published run
    assert query(flow_env, "SELECT count(*) FROM documents")[0][0] == summary["totals"]["new"]
    pairs = query(flow_env, "SELECT count(*) FROM v_qa WHERE document_id = ?", [DEMO_DOCUMENT_ID])
    assert pairs == [(98,)]
    assert publish.search_path(flow_env).exists()

    published = flow_env.stat().st_ino
    second = run_ingest()  # lists, changes nothing: nothing to publish
    assert second["totals"]["new"] == second["totals"]["loaded"] == 0
    assert flow_env.stat().st_ino == published
