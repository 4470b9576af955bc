"""Storing what a listing found, one document at a time through the run's batch (the ingest
flow's second half): upsert the listed record, fetch the file when it is new or changed (a file
that never comes is recorded in missing_files and asked for again on later runs), parse it, and
add it to the batch that stores and loads it (flows/batches.py). No `from __future__ import
annotations` (Prefect tasks)."""

from dataclasses import dataclass

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from contract.records import DocumentRecord, FetchedFile
from flows import parsing, runtime, stored
from flows.batches import Arrival, Batch
from flows.ingest_params import IngestParams
from flows.pipeline import CursorTracker, RunTally, SourceTally, sort_for_cursor
from flows.sources.http import SourceError, SourceUnavailable
from warehouse import load


@task(cache_policy=NO_CACHE, persist_result=False)
def fetch_file(record: DocumentRecord) -> FetchedFile:
    """Download one document's file. No task retries: the HTTP client is the one retry layer
    (backoff, Retry-After); retrying here too would multiply its attempts."""
    return runtime.fetch(record)


@dataclass
class SourceRun:
    """What storing one source's documents needs (instead of seven arguments a helper): the
    run's warehouse, parameters and tallies, and the batch being filled (a batch of one for a
    listing from the cursor)."""

    db_path: str
    params: IngestParams
    tally: RunTally
    st: SourceTally
    batch: Batch

    def batch_for(self, backfill: bool) -> Batch:
        size = load.BATCH_DOCUMENTS if backfill else 1
        return Batch(self.db_path, self.tally, self.st, size=size)


def store_all(run: SourceRun, records: list[DocumentRecord], tracker: CursorTracker) -> None:
    """Store the listed records oldest change first, then flush the batch: before the cursor
    moves past them."""
    for record in sort_for_cursor(records):
        if run.st.error is not None:  # the source went away: leave the rest for the next run
            tracker.not_stored(record)
            continue
        store_one(record, run, tracker)
    run.batch.flush()


def store_one(
    record: DocumentRecord, run: SourceRun, tracker: CursorTracker, refetch: bool = False
) -> None:
    """List -> (fetch) -> store -> parse -> load for one document through the run's batch;
    failures are recorded. `refetch`: a missing file asked for again (its kind was wanted when
    it was listed)."""
    wanted = not record.deleted and bool(record.file_url)
    wanted = wanted and (refetch or record.kind in run.params.kinds)
    with runtime.open_warehouse(run.db_path) as con:
        status = stored.upsert_record(con, record)
        kept = load.stored_hashes(con, record.document_id) if wanted else set()
    # unchanged and already archived: nothing to download (a failed earlier fetch has no file)
    if not (wanted and (status != "unchanged" or not kept or refetch)):
        run.st.count(status)
        tracker.stored(record)
        return
    fetched = fetch_one(record, run)
    if fetched is None:
        # a file that never comes is retried by id (missing_files), not by holding the cursor;
        # only an unreachable source holds it back
        (tracker.not_stored if run.st.error else tracker.stored)(record)
        return
    parsed = parsing.parse_if_new(record, fetched, status, kept)  # before the write lock
    run.batch.add(Arrival.fetched_file(record, fetched, status, parsed))
    tracker.stored(record)


def fetch_one(record: DocumentRecord, run: SourceRun) -> FetchedFile | None:
    """The file, or None with the failure recorded: against the run, and, for a file the source
    does not serve, in missing_files (retried on later runs)."""
    tally = run.tally
    try:
        fetched = fetch_file(record)
    except SourceUnavailable as exc:
        run.st.error = f"{record.source} became unreachable: {exc}"
        tally.fail(record.document_id, "fetch", str(exc))
        get_run_logger().warning(run.st.error)
        return None
    except SourceError as exc:
        tally.fail(record.document_id, "fetch", str(exc))
        get_run_logger().warning("fetching %s failed: %s", record.document_id, exc)
        with runtime.open_warehouse(run.db_path) as con:
            tally.missing(stored.record_missing(con, record, exc))
        return None
    tally.fetched += 1
    if record.document_id in tally.pending_missing:
        with runtime.open_warehouse(run.db_path) as con:
            load.clear_missing(con, [record.document_id])
    return fetched


def retry_missing(run: SourceRun, source: str) -> None:
    """Ask again for the files the source did not serve on earlier runs, by document id: every
    run at first, weekly once JBZ_MISSING_AFTER_DAYS have passed."""
    with runtime.open_warehouse(run.db_path) as con:
        run.tally.pending_missing |= load.missing_ids(con)
        due = stored.due_missing(con, source)
        records = load.document_records(con, due)
    for record in records:
        if run.st.error is None:
            store_one(record, run, CursorTracker(before=None, movable=False), refetch=True)
    run.batch.flush()
