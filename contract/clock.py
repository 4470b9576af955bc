"""The one clock: now, in UTC, time-zone aware. The warehouse stores it naive (DuckDB TIMESTAMP
columns hold UTC without a zone: `warehouse.db.db_now`, `to_utc_naive`)."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
