"""A long listing in time windows, each retried in halves when the server gives up on it.

The live TK API answers HTTP 500 after ~30 s on heavy queries; a backfill of a dossier's whole
history in one query is such a query. So a backfill lists window by window
(JBZ_BACKFILL_WINDOW_DAYS), and a window the server cannot answer is split in two, down to
MIN_WINDOW.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from typing import TypeVar

from flows.sources.http import SourceUnavailable

MIN_WINDOW = timedelta(days=1)
T = TypeVar("T")

Window = tuple[datetime, datetime | None]  # (start, end); end None: open to now and beyond


def split_windows(
    start: datetime, end: datetime | None, days: float, now: datetime
) -> list[Window]:
    """(start, end) cut into windows of `days`; the last one is open-ended when `end` is None."""
    step = timedelta(days=days)
    stop = end if end is not None else now
    windows: list[Window] = []
    at = start
    while at + step < stop:
        windows.append((at, at + step))
        at += step
    windows.append((at, end))
    return windows


def list_in_windows(
    fetch: Callable[[datetime, datetime | None], Iterable[T]],
    windows: list[Window],
    now: datetime,
) -> Iterator[T]:
    """Everything `fetch(start, end)` lists for each window, oldest window first; a window that
    ends in SourceUnavailable (HTTP 5xx, timeouts) is listed again as two halves."""
    todo = list(reversed(windows))
    while todo:
        start, end = todo.pop()
        try:
            yield from list(fetch(start, end))
        except SourceUnavailable:
            stop = end if end is not None else now
            if stop - start <= MIN_WINDOW:
                raise
            middle = start + (stop - start) / 2
            todo += [(middle, end), (start, middle)]
