"""Files that never come (table `missing_files`, view `v_missing_files`): recorded against their
document, retried by id, reported as missing at the source after JBZ_MISSING_AFTER_DAYS."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from warehouse.db import to_utc_naive, transaction

RETRYING = "retrying"
MISSING_AT_SOURCE = "missing_at_source"
WEEKLY = timedelta(days=7)  # how often a file missing at the source is asked for again


@dataclass(frozen=True)
class MissingFile:
    document_id: str
    reason: str
    first_failed_at: datetime
    attempts: int
    status: str


def record_missing(
    con: duckdb.DuckDBPyConnection,
    document_id: str,
    reason: str,
    url: str | None,
    now: datetime,
    after_days: int,
) -> MissingFile:
    """Note one more failed attempt; the status turns `missing_at_source` after `after_days`."""
    at = to_utc_naive(now)
    assert at is not None
    with transaction(con):
        row = con.execute(
            "SELECT first_failed_at, attempts FROM missing_files WHERE document_id = ?",
            [document_id],
        ).fetchone()
        first, attempts = (row[0], int(row[1]) + 1) if row else (at, 1)
        status = MISSING_AT_SOURCE if at - first >= timedelta(days=after_days) else RETRYING
        con.execute(
            "INSERT OR REPLACE INTO missing_files VALUES (?, ?, ?, ?, ?, ?, ?)",
            [document_id, reason, url, first, at, attempts, status],
        )
    return MissingFile(document_id, reason, first, attempts, status)


def clear_missing(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> int:
    """Forget documents whose file came (or that were deleted); returns how many were missing."""
    if not document_ids:
        return 0
    rows = con.execute(
        "DELETE FROM missing_files WHERE document_id IN (SELECT unnest(?)) RETURNING 1",
        [document_ids],
    ).fetchall()
    return len(rows)


def missing_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {str(r[0]) for r in con.execute("SELECT document_id FROM missing_files").fetchall()}


def due_missing(
    con: duckdb.DuckDBPyConnection, source: str, now: datetime, after_days: int
) -> list[str]:
    """The source's missing files to ask for again now: on every run in their first
    `after_days`, weekly after that; documents deleted since are left out."""
    at = to_utc_naive(now)
    assert at is not None
    rows = con.execute(
        "SELECT m.document_id FROM missing_files m JOIN documents d USING (document_id) "
        "WHERE d.source = ? AND NOT d.deleted AND (m.first_failed_at > ? OR m.last_tried_at <= ?) "
        "ORDER BY m.first_failed_at",
        [source, at - timedelta(days=after_days), at - WEEKLY],
    ).fetchall()
    return [str(r[0]) for r in rows]
