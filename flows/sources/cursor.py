"""Cursor (watermark) helpers for the ingest loop. Pure.

Semantics: the cursor is the `modified_at` (TK GewijzigdOp, as UTC ISO text) up to which every
listed document has been stored. It advances only past documents that were stored: a document
that failed holds it back (the next run lists it again), and an outage halfway leaves it where
the last stored document put it. Listing asks for `GewijzigdOp gt cursor - overlap`, so documents
whose GewijzigdOp arrives late or out of order are not lost (see JBZ_CURSOR_OVERLAP_HOURS).
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from contract.records import DocumentRecord


def format_cursor(when: datetime) -> str:
    """UTC ISO text, e.g. "2025-06-12T13:43:18.860000+00:00" (sorts as text and as time)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def parse_cursor(value: str | datetime | date | None) -> datetime | None:
    """A cursor, an ISO timestamp or a plain date ("2025-10-01", midnight UTC) as aware datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    parsed = datetime.fromisoformat(value.strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def listing_start(cursor: str | datetime | date | None, overlap_hours: float) -> datetime | None:
    """Where a listing starts: the cursor minus the overlap window (None: from the beginning)."""
    since = parse_cursor(cursor)
    return None if since is None else since - timedelta(hours=overlap_hours)


def next_cursor(
    current: str | None,
    stored: Iterable[DocumentRecord],
    failed: Iterable[DocumentRecord] = (),
) -> str | None:
    """The cursor after a run: the newest `modified_at` among stored documents that is older than
    every failed one, never moving backwards. `current` is returned when nothing qualifies.
    A `modified_at` without a time zone counts as UTC (as in `format_cursor`)."""
    failed_times = [t for r in failed if (t := parse_cursor(r.modified_at)) is not None]
    barrier = min(failed_times) if failed_times else None
    stored_times = [t for r in stored if (t := parse_cursor(r.modified_at)) is not None]
    candidates = [t for t in stored_times if barrier is None or t < barrier]
    best = parse_cursor(current)
    for when in candidates:
        if best is None or when > best:
            best = when
    return None if best is None else format_cursor(best)


def backfill_keeps_cursor(since: date | None, cursor: str | None) -> bool:
    """A listing from `--since` later than the saved cursor must not move it: the documents
    between the two were never listed (cursor January, `--since` June: January to June would
    be skipped for good)."""
    return since is not None and cursor is not None and since.isoformat() > cursor[:10]
