"""The sweep (JBZ_SWEEP_CRON): an ingest that re-lists the last `sweep_days` of each dossier,
against the replay server on the session's Prefect test server."""

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from devtools.replay import ReplayServer
from tests.test_flows_ingest import run_ingest, warehouse_snapshot

pytestmark = pytest.mark.usefixtures("prefect_api_url")


def _first_tk_day(replay: ReplayServer) -> date:
    """The earliest change time a TK listing asked for (`…GewijzigdOp gt <day>…`)."""
    targets = " ".join(e.target for e in replay.log if e.path.startswith("/OData/"))
    found = re.findall(r"GewijzigdOp[+ ]g[te][+ ](\d{4}-\d\d-\d\d)", targets)
    return min(date.fromisoformat(d) for d in found)


def test_a_sweep_relists_what_a_plain_run_skips_and_never_moves_a_cursor_back(
    flow_env: Path, demo_replay: ReplayServer
) -> None:
    first = run_ingest()
    cursors = {s: first["sources"][s]["cursor_after"] for s in ("tk", "koop")}
    assert all(cursors.values())
    plain = run_ingest()  # from the cursors (minus the overlap): little to list
    before = warehouse_snapshot(flow_env)
    # back to 2024-01-01: far older than the cursors, as a correction from last year would be
    days = (datetime.now(UTC).date() - date(2024, 1, 1)).days
    demo_replay.clear_log()
    sweep = run_ingest(sweep_days=days)
    assert abs(_first_tk_day(demo_replay) - date(2024, 1, 1)) <= timedelta(days=2)  # not 2008
    for source in ("tk", "koop"):
        assert sweep["sources"][source]["listed"] > plain["sources"][source]["listed"], source
        assert sweep["sources"][source]["cursor_after"] == cursors[source]  # not moved back
    totals = sweep["totals"]
    assert (totals["new"], totals["changed"], totals["fetched"]) == (0, 0, 0)
    assert sweep["failures"] == [] and warehouse_snapshot(flow_env) == before
