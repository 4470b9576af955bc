"""What the flows write besides consultations: the listed records, the files that never came,
the run's record, the kept bytes and the Council meetings (warehouse calls with the run's
bookkeeping; each caller holds the connection)."""

import logging

import duckdb

from contract.clock import utc_now
from contract.records import DocumentRecord, FetchedFile
from flows import runtime
from flows.parsing import Parsed
from flows.pipeline import RunTally
from flows.sources.http import SourceError
from warehouse import load

log = logging.getLogger("jbz.flows")


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


def record_missing(
    con: duckdb.DuckDBPyConnection, record: DocumentRecord, exc: SourceError
) -> load.MissingFile:
    """Note a file the source did not serve (retried by id on later runs)."""
    days = runtime.config().missing_after_days
    return load.record_missing(con, record.document_id, str(exc), exc.url, utc_now(), days)


def due_missing(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    return load.due_missing(con, source, utc_now(), runtime.config().missing_after_days)


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
