"""The two pages of `jbz browse` that Datasette has no view for: a pair, and a Council meeting.

The pair view shows the question, then the answer, whole (matched words marked when it is
opened from a search), the fractie and chamber as labels, the topic, the Council meeting, the
consultation and the links to cite; a referring answer links to the pair it means. The meeting
page lists the meeting's documents (agenda, inbreng, verslagen, report) with citable links, its
consultations with their verdict, and the pairs per fractie.
"""

from pathlib import Path
from typing import Any

from datasette.utils.asgi import Response

from flows import browse_render as html
from warehouse import browse_pages
from warehouse.search_marks import Marked, marks

DATABASE = "jbz"
CSS_PATH = "/-/jbz.css"
CSS = Path(__file__).with_name("templates") / "jbz.css"


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    body = await datasette.render_template(template, context, request=request)
    return Response.html(body)


def _texts(pair: dict[str, Any], found: dict[str, Marked]) -> dict[str, Any]:
    """The question and answer as HTML: whole, with the matched words marked."""
    out: dict[str, Any] = {}
    for name in ("question", "answer"):
        text = pair.get(name)
        out[name] = html.marked_html(found.get(name) or Marked(text, ())) if text else None
    return out


async def pair_view(datasette: Any, request: Any) -> Response:
    pair_id = int(request.url_vars["pair_id"])
    db = datasette.get_database(DATABASE)
    page = await db.execute_fn(lambda con: browse_pages.pair_page(con, pair_id))
    if page is None:
        return Response.html(f"no pair {pair_id}", status=404)
    query = (request.args.get("q") or "").strip()
    found = await db.execute_fn(lambda con: marks(con, query, pair_id)) if query else {}
    context = {
        "page": page,
        "p": page.pair,
        "texts": _texts(page.pair, found),
        "query": query,
        "html": html,
    }
    return await _page(datasette, request, "pair.html", context)


async def meeting_view(datasette: Any, request: Any) -> Response:
    meeting_id = request.url_vars["meeting_id"]
    db = datasette.get_database(DATABASE)
    page = await db.execute_fn(lambda con: browse_pages.meeting_page(con, meeting_id))
    if page is None:
        return Response.html(f"no Council meeting {meeting_id}", status=404)
    context = {"page": page, "m": page.meeting, "html": html}
    return await _page(datasette, request, "meeting.html", context)


async def stylesheet(datasette: Any, request: Any) -> Response:
    return Response(CSS.read_text(encoding="utf-8"), content_type="text/css; charset=utf-8")
