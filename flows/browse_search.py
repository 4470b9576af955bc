"""The order of the pairs page of `jbz browse` for the current request, and its marks.

Datasette sorts a table page by a column only, and its search filters without ranking. So the
page is a view (`qa`) with a column `rank`, sorted by it by default: before Datasette sees a
request for the page (`/jbz/qa`), the server puts the order in a context variable, and the
SQL function `jbz_rank` that gives the column reads it. With `_search` the order is the ranking
of `jbz search` (warehouse/search_marks.py: same expression, same BM25), else the newest Council
first. One column for both keeps a search typed into the page's form ranked: the form sends
the page's current sort along. Datasette runs its queries on the event loop in the request's
own task here (num_sql_threads 0), so the variable is the request's.
"""

import sqlite3
from collections import OrderedDict
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from warehouse.db import WarehouseRefusal
from warehouse.search_marks import Marked, marks, newest_positions, rank_positions

PAGE_PATH = "/jbz/qa"
_CACHED_QUERIES = 32  # rankings kept per index file: paging and facet clicks repeat a query


@dataclass(frozen=True)
class PageSearch:
    query: str
    ranks: dict[int, int]
    con: sqlite3.Connection
    _marks: dict[int, dict[str, Marked]] = field(default_factory=dict)

    def marks(self, pair_id: int) -> dict[str, Marked]:
        """The marked question and answer of one pair (looked up once per request)."""
        if pair_id not in self._marks:
            self._marks[pair_id] = marks(self.con, self.query, pair_id)
        return self._marks[pair_id]


@dataclass(frozen=True)
class NewestFirst:
    """The page's order without a search: nothing to mark."""

    ranks: dict[int, int]


CURRENT: ContextVar[PageSearch | NewestFirst | None] = ContextVar("jbz_page_search", default=None)


def jbz_rank(pair_id: int) -> int | None:
    """SQL function of the page's view: the pair's place in the current order (1 = first)."""
    search = CURRENT.get()
    return None if search is None else search.ranks.get(pair_id)


class Rankings:
    """The orders of recent queries on one index file (a new file starts afresh)."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self._cache: OrderedDict[str, dict[int, int]] = OrderedDict()
        self._newest: dict[int, int] | None = None

    def search(self, query: str) -> PageSearch:
        if query not in self._cache:
            try:
                self._cache[query] = rank_positions(self.con, query)
            except WarehouseRefusal:
                # FTS5 cannot read it: the search box quotes it whole (browse_plugin), and
                # what it finds comes unranked
                self._cache[query] = {}
            while len(self._cache) > _CACHED_QUERIES:
                self._cache.popitem(last=False)
        self._cache.move_to_end(query)
        return PageSearch(query, self._cache[query], self.con)

    def newest(self) -> dict[int, int]:
        if self._newest is None:
            self._newest = newest_positions(self.con)
        return self._newest


# the pairs page was the table `pairs` before it was the ranked view `qa`: old links still work
OLD_PAGE_PATH = "/jbz/pairs"


def moved_page(scope: MutableMapping[str, Any]) -> str | None:
    """Where a request for the old pairs page (HTML, .json, .csv) now goes; None otherwise."""
    path = str(scope.get("path", ""))
    if not (path == OLD_PAGE_PATH or path.startswith(OLD_PAGE_PATH + ".")):
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    return PAGE_PATH + path.removeprefix(OLD_PAGE_PATH) + (f"?{query}" if query else "")


def _is_page(path: str) -> bool:
    return path == PAGE_PATH or path.startswith(PAGE_PATH + ".")


@contextmanager
def request_search(scope: MutableMapping[str, Any], rankings: Rankings) -> Iterator[None]:
    """The order (and, with `_search`, the marks) of a request for the pairs page."""
    if not _is_page(str(scope.get("path", ""))):
        yield
        return
    args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    query = dict(args).get("_search", "").strip()
    order = rankings.search(query) if query else NewestFirst(rankings.newest())
    token = CURRENT.set(order)
    try:
        yield
    finally:
        CURRENT.reset(token)
