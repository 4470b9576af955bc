"""Which of the runs missed during a crash of `jbz serve` catches up (flows/catchup.py; the
crash and restart themselves are in tests/test_flows_serve.py, on a real Prefect server)."""

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from flows.catchup import CatchUp, choose_catch_up, is_sweep


def _run(hour: int, **params: Any) -> Any:
    from prefect.client.schemas.objects import FlowRun

    when = datetime(2026, 12, 3, hour, tzinfo=UTC)
    fields = {"expected_start_time": when, "parameters": {"params": params}, "name": f"h{hour}"}
    return FlowRun.model_validate({"flow_id": uuid4(), **fields})


def test_the_newest_missed_run_catches_up() -> None:
    runs = [_run(9), _run(11), _run(10)]
    kept, skipped = choose_catch_up(runs)
    assert kept is runs[1] and {r.name for r in skipped} == {"h9", "h10"}
    assert choose_catch_up([]) == (None, [])


def test_a_missed_sweep_is_kept_over_newer_plain_runs() -> None:
    """The sweep re-lists the last 400 days and moves the cursors as far as a plain run would."""
    sweep = _run(3, sweep_days=400)
    runs = [_run(2), sweep, _run(4), _run(5)]
    kept, skipped = choose_catch_up(runs)
    assert kept is sweep and is_sweep(runs[1]) and not is_sweep(runs[0])
    assert len(skipped) == 3


def test_the_startup_line_says_what_was_skipped_and_kept() -> None:
    kept = _run(11)
    line = CatchUp(kept=kept, skipped=[_run(9), _run(10)]).describe()
    assert line.startswith("2 runs missed on schedule skipped (missed while jbz serve was down")
    assert "one catch-up run kept: h11 (scheduled 2026-12-03 11:00 UTC)" in line
    assert CatchUp().describe() == "no scheduled run was missed"


def test_the_startup_line_names_runs_the_crash_left_running() -> None:
    line = CatchUp(kept=_run(11), skipped=[_run(10)], crashed=[_run(9)]).describe()
    assert line.startswith("1 run left under way by the crash marked Crashed; 1 run missed on")
    refused = CatchUp(kept=_run(11), refused=[_run(10)]).describe()
    assert refused.startswith("1 run started meanwhile (left alone); one catch-up run")
    assert CatchUp(crashed=[_run(9)]).describe().endswith("no scheduled run was missed")


def test_a_live_flow_run_process_is_found_by_its_id() -> None:
    """What tells a run whose process died with `jbz serve` from one still running."""
    import os
    import subprocess
    import sys

    from flows.catchup import local_flow_run_ids

    run_id = str(uuid4())
    env = os.environ | {"PREFECT__FLOW_RUN_ID": run_id}
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], env=env)
    try:
        ids = local_flow_run_ids()
        assert ids is not None and run_id in ids
    finally:
        child.kill()
        child.wait(timeout=30)
    ids = local_flow_run_ids()
    assert ids is not None and run_id not in ids
