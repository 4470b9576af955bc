"""`jbz browse [--port 8001]`: the published search index in Datasette.

Datasette serves the SQLite copy (warehouse/search_index.py) with the page, facets, links and
JSON/CSV that journalists know; datasette-atom turns the `new_consultations` query into an Atom
feed. Publishing renames a new file over the old one, and an open SQLite connection keeps
reading the old file: before each request the server looks whether the file was replaced and
then opens the new one (Datasette runs its queries on the event loop here, num_sql_threads 0,
so no thread keeps a connection to the old file).
"""

import argparse
import json
import os
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import closing
from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from flows import browse_plugin
from flows.browse_search import Rankings, moved_page, request_search
from warehouse import db, publish
from warehouse.search_index import has_page_view, open_index

DATABASE = "jbz"
METADATA = Path(__file__).with_name("browse_metadata.json")
TEMPLATES = Path(__file__).with_name("templates")
Scope = MutableMapping[str, Any]
Asgi = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Any]


def _file_id(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


class Snapshot:
    """Keeps Datasette's `jbz` database, and the page's rankings, on the newest index file."""

    def __init__(self, ds: Datasette, path: Path) -> None:
        self.ds = ds
        self.path = path
        self.file_id = _file_id(path)
        ds.add_database(Database(ds, path=str(path), is_mutable=True), name=DATABASE)
        self.rankings = Rankings(open_index(path))

    def refresh(self) -> bool:
        """Open the file again when a publish replaced it; returns whether it did."""
        try:
            current = _file_id(self.path)
        except FileNotFoundError:
            return False  # between unlink and rename never happens (rename is atomic)
        if current == self.file_id:
            return False
        old = self.ds.databases.get(DATABASE)
        self.ds.remove_database(DATABASE)
        self.ds.add_database(Database(self.ds, path=str(self.path), is_mutable=True), DATABASE)
        if old is not None:
            old.close()
        # the old rankings' connection is not closed here: a request still rendering may mark
        # its rows with it; it closes when the last of them lets go of it
        self.rankings = Rankings(open_index(self.path))
        self.file_id = current
        return True


async def _redirect(send: Any, location: str) -> None:
    headers = [(b"location", location.encode("latin-1")), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 301, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def make_app(path: Path) -> tuple[Asgi, Snapshot]:
    """The Datasette ASGI app on the index at `path`, re-opening it after each publish."""
    if pm.get_plugin("jbz-browse") is None:
        pm.register(browse_plugin, name="jbz-browse")
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    ds = Datasette(
        metadata=metadata,
        settings={
            "num_sql_threads": 0,
            "default_page_size": 20,
            "facet_time_limit_ms": 1000,
            "truncate_cells_html": 400,  # long titles stay readable in the tables
        },
        cors=False,
        template_dir=str(TEMPLATES),
    )
    # Datasette opens an empty in-memory database when it is given no file: not ours to show
    ds.remove_database("_memory")
    snapshot = Snapshot(ds, path)
    inner = ds.app()

    async def app(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await inner(scope, receive, send)
            return
        moved = moved_page(scope)
        if moved is not None:
            await _redirect(send, moved)
            return
        snapshot.refresh()
        with request_search(scope, snapshot.rankings):
            await inner(scope, receive, send)

    return app, snapshot


def _index_problem(path: Path) -> str | None:
    """Why the page cannot serve the index at `path` (missing, or built by an older version)."""
    if not path.exists():
        return f"no search index at {path}: run `jbz ingest` or `jbz demo` first"
    with closing(open_index(path)) as con:
        if has_page_view(con):
            return None
    return (
        f"the search index at {path} was built by an older version (no page view): "
        "run `jbz reparse` to publish a new one"
    )


def cli_browse(args: argparse.Namespace) -> int:
    """Serve the published index until Ctrl-C."""
    import uvicorn

    path = publish.search_path(db.default_db_path())
    problem = _index_problem(path)
    if problem:
        print(f"jbz browse: {problem}", file=sys.stderr)
        return 1
    app, _ = make_app(path)
    print(f"browse {path} on http://{args.host}:{args.port}/", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
