"""Sync cursors per source and the record of flow runs."""

import json
from datetime import datetime
from typing import Any

import duckdb

from warehouse.db import db_now, transaction


def get_cursor(con: duckdb.DuckDBPyConnection, source: str) -> str | None:
    """The saved cursor of a source (e.g. the last `GewijzigdOp` seen), or None."""
    rows = con.execute("SELECT cursor FROM sync_state WHERE source = ?", [source]).fetchall()
    return str(rows[0][0]) if rows else None


def set_cursor(con: duckdb.DuckDBPyConnection, source: str, value: str) -> None:
    con.execute(
        "INSERT INTO sync_state VALUES (?, ?, ?) "
        "ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, "
        "updated_at = excluded.updated_at",
        [source, value, db_now()],
    )


def _json(value: dict[str, Any]) -> str:
    # datetimes, dates and paths in parameters or summaries are written as their text
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, params: dict[str, Any]) -> None:
    """Record that a run started (starting the same run id again restarts its record)."""
    con.execute(
        "INSERT INTO runs VALUES (?, ?, NULL, ?, NULL) ON CONFLICT (run_id) DO UPDATE SET "
        "started_at = excluded.started_at, finished_at = NULL, params = excluded.params, "
        "summary = NULL",
        [run_id, db_now(), _json(params)],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, summary: dict[str, Any]) -> None:
    """Record the run's summary (a JSON-able dict); a run never started is recorded as well."""
    now = db_now()
    with transaction(con):
        con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, '{}', ?) ON CONFLICT (run_id) DO UPDATE SET "
            "finished_at = excluded.finished_at, summary = excluded.summary",
            [run_id, now, now, _json(summary)],
        )


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else None


_RUN_COLUMNS = "SELECT run_id, started_at, finished_at, params, summary FROM runs "


def last_run(con: duckdb.DuckDBPyConnection) -> dict[str, Any] | None:
    """The most recently started run: {run_id, started_at, finished_at (ISO text, UTC; None while
    running), params (dict), summary (dict, or None while running)}; None when there is none."""
    return _run_dict(
        con.execute(_RUN_COLUMNS + "ORDER BY started_at DESC, run_id DESC LIMIT 1").fetchall()
    )


def get_run(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any] | None:
    """One run by its id, in the shape of `last_run`; None when there is no such run."""
    return _run_dict(con.execute(_RUN_COLUMNS + "WHERE run_id = ?", [run_id]).fetchall())


def _run_dict(rows: list[Any]) -> dict[str, Any] | None:
    if not rows:
        return None
    run_id, started, finished, params, summary = rows[0]
    return {
        "run_id": str(run_id),
        "started_at": _iso(started),
        "finished_at": _iso(finished),
        "params": json.loads(params) if params else {},
        "summary": json.loads(summary) if summary else None,
    }
