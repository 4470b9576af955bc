"""The Datasette plugin of `jbz browse`: stemmed search, ranking, marks, links, two pages.

- The search box stems the query as `jbz search` does: Datasette turns the box's text into an
  FTS5 expression with its SQL function `escape_fts`; registered after Datasette's own
  (trylast), ours replaces it on every connection.
- `jbz_rank`: the `rank` column of the pairs page (flows/browse_search.py).
- Cells: the pairs page shows an excerpt of each text with the matched words marked and links
  to the pair view, the Council meeting and the consultation; the consultations show their
  verdict and citable links.
- Pages: `/jbz/pair/<id>` (flows/browse_views.py) and `/jbz/meeting/<meeting_id>`; the
  database page lists no FTS internals.
"""

import sqlite3
from typing import Any

from datasette import hookimpl
from markupsafe import Markup

from flows import browse_render as html
from flows import browse_views
from flows.browse_search import CURRENT, PageSearch, jbz_rank
from warehouse.db import WarehouseRefusal
from warehouse.search_index import match_expression
from warehouse.search_marks import Marked


def stemmed_match(query: str) -> str:
    """The search box text as an FTS5 expression; quoted whole when nothing is searchable."""
    try:
        return match_expression(query)
    except WarehouseRefusal:
        return '"' + query.replace('"', '""') + '"'


@hookimpl(trylast=True)  # type: ignore[untyped-decorator]
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, stemmed_match)
    conn.create_function("jbz_rank", 1, jbz_rank)


def _search() -> PageSearch | None:
    current = CURRENT.get()
    return current if isinstance(current, PageSearch) else None


def _text_cell(row: Any, column: str, value: str) -> Markup:
    search = _search()
    found = search.marks(int(row["pair"])).get(column) if search else None
    shown = html.excerpt_html(found or Marked(value, ()))
    href = html.pair_href(row["pair"], search.query if search else None)
    return shown + Markup(" ") + html.link(href, "read", "read-pair")


def _pairs_cell(row: Any, column: str, value: Any) -> Markup | None:
    if column == "pair":
        search = _search()
        return html.link(html.pair_href(value, search.query if search else None), f"pair {value}")
    if column in ("question", "answer") and value:
        return _text_cell(row, column, str(value))
    if column == "meeting_id" and value:
        return html.link(html.meeting_href(str(value)), str(value))
    if column == "consultation_id" and value:
        return html.link(html.consultation_href(str(value)), str(value))
    if column == "refers_to" and value and row["refers_to_ids"]:
        return html.link(html.pair_href(row["pair"]) + "#refers-to", str(value))
    return None


def _consultations_cell(column: str, value: Any) -> Markup | None:
    if column == "quality":
        return html.verdict_html(value)
    if column == "meeting_id" and value:
        return html.link(html.meeting_href(str(value)), str(value))
    if column in ("page_url", "tk_url") and value:
        return html.link(str(value), html.site_name(str(value)), "citable")
    if column == "source_url" and value:
        return html.link(str(value), "raw file", "raw-file")
    return None


@hookimpl  # type: ignore[untyped-decorator]
def render_cell(row: Any, value: Any, column: str, table: str | None) -> Markup | None:
    if table == "qa":
        return _pairs_cell(row, column, value)
    if table == "consultations":
        return _consultations_cell(column, value)
    if table == "meetings" and column == "meeting_id" and value:
        return html.link(html.meeting_href(str(value)), str(value))
    return None


# the view the FTS index reads its content from: an internal of the index, not a page
INTERNAL_VIEWS = {"pairs_fts_content"}


@hookimpl  # type: ignore[untyped-decorator]
def extra_template_vars(view_name: str, database: str | None, datasette: Any) -> Any:
    """The database page lists the views a reader opens, without the index's internals."""
    if view_name != "database" or database is None:
        return {}

    async def views() -> dict[str, Any]:
        names = await datasette.get_database(database).view_names()
        shown = [n for n in names if n not in INTERNAL_VIEWS]
        return {"views": [{"name": n, "private": False} for n in shown]}

    return views


@hookimpl  # type: ignore[untyped-decorator]
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/jbz/pair/(?P<pair_id>\d+)$", browse_views.pair_view),
        (r"^/jbz/meeting/(?P<meeting_id>[^/]+)$", browse_views.meeting_view),
        (rf"^{browse_views.CSS_PATH}$", browse_views.stylesheet),
    ]


@hookimpl  # type: ignore[untyped-decorator]
def extra_css_urls() -> list[str]:
    """Marks, verdicts and labels look the same on every page, Datasette's own included."""
    return [browse_views.CSS_PATH]
