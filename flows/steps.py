"""The glue between the flows and the other layers: sources, parser and warehouse calls.

Plain functions (no Prefect decorators) so the flows stay a readable list of steps and so
`jbz reparse` and `jbz ingest` share one way of storing, parsing and loading a document.
"""

import logging
import os
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import duckdb

from contract.clock import utc_now
from contract.errors import JbzError
from contract.records import PARSEABLE_KINDS, DocumentRecord, FetchedFile
from flows import listing, registry
from flows.config import Config, load_config
from flows.pipeline import RunTally
from flows.sources.http import HttpClient, SourceError
from parsers.errors import ParseError
from parsers.model import Consultation
from warehouse import db, load, publish

log = logging.getLogger("jbz.flows")


@cache
def config() -> Config:
    return load_config()


@cache
def client() -> HttpClient:
    """The one HTTP client of this process (flows/sources/http.py owns retries and limits)."""
    return HttpClient(config())


def _work_db() -> str:
    """The pipeline writes its own database; `JBZ_DB` is the snapshot readers hold open."""
    return str(publish.default_work_path())


def prepare_work_db() -> str:
    """The pipeline's working database (readers open the published snapshot instead); a
    warehouse written in place by an older version (it has the raw bytes) becomes the working
    database on the first run."""
    work = publish.default_work_path()
    if publish.adopt_existing(work, db.default_db_path()):
        log.info("adopted %s as the working database %s", db.default_db_path(), work)
    return str(work)


def changed_anything(summary: Mapping[str, Any]) -> bool:
    totals = summary.get("totals", {})
    keys = ("new", "changed", "deleted", "files_new", "loaded")
    return any(totals.get(k) for k in keys) or not db.default_db_path().exists()


def publish_if_changed(db_path: str, summary: Mapping[str, Any]) -> bool:
    """After a run that changed something (or when nothing is published yet), publish the
    snapshot and the search index that readers open; returns whether it published."""
    if not changed_anything(summary):
        return False
    with open_warehouse(db_path) as con:
        published = publish.publish(con)
    log.info("published %s and %s", published.snapshot, published.search)
    return True


@contextmanager
def open_warehouse(db_path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection: DuckDB allows one process per file, so wait up to a minute
    for another one (e.g. a `jbz sql` query) to let go of it, and close at once."""
    con = db.connect(db_path, wait_seconds=60.0)
    try:
        yield con
    finally:
        con.close()


def current_run_id() -> str:
    from prefect.runtime import flow_run

    run_id = flow_run.get_id()
    return str(run_id) if run_id else str(uuid.uuid4())


def env() -> registry.Env:
    """What the sources work with in this process (settings, HTTP client, working warehouse)."""
    return registry.Env(config(), client(), _work_db())


def list_source(
    source: str,
    dossier: str,
    since: str | None,
    until: datetime | None,
    document_id: str | None = None,
    *,
    backfill: bool = True,
    shared: listing.SharedListings | None = None,
) -> list[DocumentRecord]:
    """A source's documents of one dossier changed since `since` (a cursor or ISO date; the
    sources subtract the overlap window), before `until`, or the one document asked for. A
    backfill (not from a cursor) lists TK in windows."""
    req = registry.Listing(dossier, since, until, backfill, shared)
    records = registry.get_source(source).list_dossier(env(), req)
    if document_id:
        records = [r for r in records if r.document_id == document_id]
    return records


def record_missing(
    con: duckdb.DuckDBPyConnection, record: DocumentRecord, exc: SourceError
) -> load.MissingFile:
    """Note a file the source did not serve (retried by id on later runs)."""
    days = config().missing_after_days
    return load.record_missing(con, record.document_id, str(exc), exc.url, utc_now(), days)


def due_missing(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    return load.due_missing(con, source, utc_now(), config().missing_after_days)


def fetch(record: DocumentRecord) -> FetchedFile:
    return registry.fetch_document(client(), config(), record)


def start_run(con: duckdb.DuckDBPyConnection, tally: RunTally) -> None:
    load.start_run(con, tally.run_id, {"flow": tally.flow, **tally.params})


def upsert_record(con: duckdb.DuckDBPyConnection, record: DocumentRecord) -> str:
    """Record one listed document; returns new | changed | unchanged | deleted."""
    seen = utc_now()
    if record.deleted:
        load.clear_missing(con, [record.document_id])  # nothing left to wait for
        return "deleted" if load.mark_deleted(con, [record.document_id], seen) else "unchanged"
    counts = load.upsert_documents(con, [record], seen)
    return "new" if counts.new else "changed" if counts.changed else "unchanged"


@dataclass(frozen=True)
class ParseFailure:
    """Why a file gave no consultation; recorded against its document, the run goes on."""

    code: str  # parse_error (input the parser rejects) | parser_crash (a bug, logged in full)
    reason: str


Parsed = Consultation | ParseFailure


def parse_file(
    document_id: str, data: bytes, fmt: str | None = None, soort: str | None = None
) -> Parsed:
    """Parse one file, holding no warehouse connection (parsing takes 0.1-0.5 s a report).

    `fmt` is the format sniffed when the file was fetched (not sniffed again); `soort` is the
    source's label, which decides the kind only where the text is ambiguous."""
    from parsers.api import parse_document

    try:
        return parse_document(data, name=document_id, kind_hint=soort, fmt=fmt)
    except ParseError as exc:
        return ParseFailure("parse_error", str(exc))
    except Exception as exc:  # a parser bug on one document is recorded
        # against that document with its traceback in the log, and the run goes on
        log.exception("parser crashed on %s", document_id)
        return ParseFailure("parser_crash", f"parser crashed: {type(exc).__name__}: {exc}")


def parse_if_new(
    record: DocumentRecord, fetched: FetchedFile, status: str, stored: set[str]
) -> Parsed | None:
    """The parse of a report whose bytes are new (None: not a report, or bytes already kept)."""
    if record.kind not in PARSEABLE_KINDS:
        return None
    if fetched.sha256 in stored and status != "new":
        return None
    return parse_file(record.document_id, fetched.data, fetched.fmt, record.soort)


def keep_file(
    con: duckdb.DuckDBPyConnection,
    record: DocumentRecord,
    fetched: FetchedFile,
    status: str,
    parsed: Parsed | None,
    tally: RunTally,
) -> tuple[str, bool]:
    """Keep the bytes; returns the document's status and whether its parse is to be loaded
    (a report whose bytes are new)."""
    new_file = load.store_file(con, record.document_id, fetched, utc_now(), record.version)
    tally.files_new += int(new_file)
    if new_file and status == "unchanged":
        status = "changed"
    return status, parsed is not None and (new_file or status == "new")


def link_council_meetings(con: duckdb.DuckDBPyConnection, tally: RunTally) -> int:
    """Rebuild the Council meetings from what is loaded now (warehouse/councils.py); a failure
    is recorded in the run summary, never raised (the documents themselves are stored)."""
    from warehouse.councils import load_council_meetings

    try:
        return load_council_meetings(con)
    except duckdb.Error as exc:
        log.exception("linking Council meetings failed")
        tally.fail("council_meetings", "load", f"{type(exc).__name__}: {exc}")
        return 0


def quiet_prefect_console() -> None:
    """The CLI prints its own result: hide Prefect's console logs unless the user set a level."""
    if "PREFECT_LOGGING_LEVEL" not in os.environ:
        logging.getLogger("prefect").setLevel(logging.CRITICAL)
        # errors stay visible: a parser crash is logged with its traceback (log.exception)
        logging.getLogger("jbz").setLevel(logging.ERROR)


def _one_line(command: str, exc: BaseException) -> int:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    print(f"jbz {command}: {first}", file=sys.stderr)
    return 1


def run_from_cli(
    command: str,
    run: Callable[[], Any],
    render: Callable[[Mapping[str, Any]], str],
) -> int:
    """Run a flow once from the command line; failures become one line on stderr and exit 1."""
    from prefect.client.schemas.objects import State

    quiet_prefect_console()
    try:
        state = run()
    except JbzError as exc:
        return _one_line(command, exc)
    except RuntimeError as exc:
        # Prefect's "Timed out while attempting to connect to ephemeral Prefect API server."
        # (its message goes on with the server's whole output) is not a bug: say it in one
        # line. Any other RuntimeError is one, and fails loudly.
        if "ephemeral Prefect API" not in str(exc):
            raise
        return _one_line(command, exc)
    assert isinstance(state, State)
    if not state.is_completed():
        failure = state.result(raise_on_failure=False)
        if isinstance(failure, BaseException) and not isinstance(failure, JbzError):
            raise failure  # a bug in the flow: its traceback, not one polite line
        print(f"jbz {command}: {state.message or state.name}", file=sys.stderr)
        return 1
    summary = state.result()
    print(render(summary), end="")
    return 0
