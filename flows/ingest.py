"""The `ingest` flow: discover -> fetch -> keep raw bytes -> parse -> load -> summary artifact.

One bad document never stops a run: a fetch that still fails after the retries, or a report
the parser rejects, is recorded against that document (warehouse parse errors, the run
summary's failures) and the run goes on. Each source's cursor moves only past documents that
were stored, in change order, so an outage halfway leaves it where the next run catches up.
DuckDB allows one writing process: connections are opened per step and closed at once.

No `from __future__ import annotations` here: it breaks Prefect's parameter validation of
served flows (a Prefect bug).
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
import argparse
import sys
from dataclasses import replace
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed
from pydantic import ValidationError

from contract.clock import utc_now
from contract.kinds import DEFAULT_KINDS
from contract.records import DocumentRecord
from flows import cli, registry, runtime, stored
from flows.batches import Batch
from flows.ingest_params import (
    DEFAULT_PARAMS,
    IngestParams,
    is_backfill,
    params_from_args,
)
from flows.ingest_store import SourceRun, retry_missing, store_all
from flows.listing import DELETIONS, SharedListings, cursor_key
from flows.pipeline import (
    CursorTracker,
    RunTally,
    SourceTally,
    day_start,
)
from flows.registry import get_source
from flows.report import publish_artifact, render_markdown
from flows.sources.cursor import backfill_keeps_cursor, format_cursor
from flows.sources.http import SourceError
from warehouse import load

# the run's parameters live in flows/ingest_params.py; callers import them from here too
__all__ = [
    "DEFAULT_KINDS",
    "DEFAULT_PARAMS",
    "IngestParams",
    "cli_ingest",
    "ingest",
    "params_from_args",
]


@task(cache_policy=NO_CACHE, persist_result=False)
def list_documents(
    source: str,
    dossier: str,
    params: IngestParams,
    cursor: str | None,
    shared: SharedListings | None = None,
) -> list[DocumentRecord]:
    """One source's listing of one dossier (the HTTP client retries 429/5xx itself)."""
    backfill = is_backfill(params, cursor)
    # a sweep of a dossier without cursor lists its whole history, as its first run would
    start = params.effective_since(utc_now().date()) if params.since or cursor else None
    since = start.isoformat() if start else None if backfill else cursor
    until = day_start(params.until)
    return registry.list_source(
        runtime.env(),
        source,
        dossier,
        since,
        until,
        params.document_id,
        backfill=backfill,
        shared=shared,
    )


@task(cache_policy=NO_CACHE, persist_result=False)
def list_deletions(
    source: str, since: str | None, known: list[str], by_id: bool
) -> tuple[list[DocumentRecord], str | None]:
    """Known documents deleted at the source: one listing since the deletion cursor, or (a
    full refresh) every known id asked for."""
    return get_source(source).deletions(runtime.env(), since, known, by_id)


def dossiers_of(params: IngestParams) -> tuple[str, ...]:
    return tuple(params.dossiers) if params.dossiers else runtime.config().dossiers


def _process_source(source: str, params: IngestParams, db_path: str, tally: RunTally) -> None:
    st = tally.sources[source] = SourceTally()
    run = SourceRun(db_path, params, tally, st, Batch(db_path, tally, st, size=1))
    dossiers = dossiers_of(params)
    with runtime.open_warehouse(db_path) as con:
        known = load.known_document_ids(con, source)
        cursors = [load.get_cursor(con, cursor_key(source, d)) for d in dossiers]
    shared = None
    if not any(is_backfill(params, c) for c in cursors):
        shared = get_source(source).shared(
            runtime.env(), dossiers, cursors, day_start(params.until)
        )
    if not params.dry_run and not params.document_id:
        retry_missing(run, source)
    listed = 0
    for dossier in dossiers:
        if st.error is None:
            listed += _process_dossier(run, source, dossier, known, shared)
    if params.document_id and st.error is None and listed == 0:  # in none of the dossiers
        tally.fail(params.document_id, "list", f"{source} does not list this document id")
    deletions = get_source(source).lists_deletions and not params.dry_run
    if st.error is None and deletions and not params.document_id:
        _process_deletions(run, source, known)
    if st.error is None:
        tally.warnings += get_source(source).warnings(runtime.env())


def _process_dossier(
    run: SourceRun, source: str, dossier: str, known: list[str], shared: SharedListings | None
) -> int:
    """List one dossier since its own cursor, store what changed, move that cursor; returns
    how many records were listed."""
    params, st = run.params, run.st
    key = cursor_key(source, dossier)
    with runtime.open_warehouse(run.db_path) as con:
        before = load.get_cursor(con, key)
    movable = params.until is None and params.document_id is None and not params.dry_run
    start = params.effective_since(utc_now().date())  # a sweep, like --since, skips no gap
    movable = movable and not backfill_keeps_cursor(start, before)
    tracker = st.cursors[dossier] = CursorTracker(before=before, movable=movable)
    listed_at = utc_now()
    try:
        records = list_documents(source, dossier, params, before, shared)
    except SourceError as exc:
        st.error = f"{source} could not be listed: {exc}"
        get_run_logger().warning(st.error)
        return 0
    st.listed += len(records)
    get_run_logger().info(
        "%s %s: %d documents listed (cursor %s)", source, dossier, len(records), before
    )
    if params.dry_run:
        known_ids = set(known)
        st.new += sum(1 for r in records if r.document_id not in known_ids and not r.deleted)
        return len(records)
    store_all(replace(run, batch=run.batch_for(is_backfill(params, before))), records, tracker)
    after = tracker.after
    if after is None and not records and tracker.movable and st.error is None:
        # nothing at all in the dossier until this listing began: start the cursor there, or
        # every run would list the dossier's whole history again
        after = format_cursor(listed_at)
    if after is not None and after != before:
        with runtime.open_warehouse(run.db_path) as con:
            load.set_cursor(con, key, after)
    return len(records)


def _process_deletions(run: SourceRun, source: str, known: list[str]) -> None:
    """One listing of deletions since the deletion cursor (first run: where the dossiers'
    oldest cursor was), matched against the known ids; nothing known, nothing to ask."""
    params, st = run.params, run.st
    with runtime.open_warehouse(run.db_path) as con:
        since = load.get_cursor(con, cursor_key(source, DELETIONS))
    first = since is None
    if first:
        befores = [c.before for c in st.cursors.values() if c.before]
        since = min(befores) if befores else None
    try:
        if known and (since is not None or params.full_refresh):
            by_id = params.full_refresh or since is None
            gone, after = list_deletions(source, since, known, by_id)
        else:
            gone, after = [], st.as_dict()["cursor_after"]
    except SourceError as exc:
        st.error = f"{source} deletions could not be listed: {exc}"
        get_run_logger().warning(st.error)
        return
    st.listed += len(gone)
    store_all(run, gone, CursorTracker(before=None, movable=False))
    if after is not None and (first or after != since):
        with runtime.open_warehouse(run.db_path) as con:
            load.set_cursor(con, cursor_key(source, DELETIONS), after)


@flow(name="ingest", log_prints=True)
def ingest(params: IngestParams = DEFAULT_PARAMS) -> Any:
    """Discover, fetch, archive, parse and load JBZ-Raad consultations; publish a summary."""
    db_path = runtime.prepare_work_db()
    tally = RunTally(
        run_id=runtime.current_run_id(),
        flow="ingest",
        params=params.model_dump(mode="json"),
        dry_run=params.dry_run,
    )
    if not params.dry_run:
        with runtime.open_warehouse(db_path) as con:
            stored.start_run(con, tally)
    for source in params.selected_sources():
        _process_source(source, params, db_path, tally)
    if not params.dry_run:
        with runtime.open_warehouse(db_path) as con:
            meetings = stored.link_council_meetings(con, tally)
        get_run_logger().info("%d Council meetings linked", meetings)
    summary = tally.as_summary()
    if not params.dry_run:
        with runtime.open_warehouse(db_path) as con:
            load.finish_run(con, tally.run_id, summary)
        runtime.publish_if_changed(db_path, summary)
    publish_artifact(summary)
    errors = [s["error"] for s in summary["sources"].values() if s["error"]]
    if errors:  # the run did not do its job: mark it failed (no traceback; summary is kept)
        return Failed(message="; ".join(errors), data=summary)
    return summary


def cli_ingest(args: argparse.Namespace) -> int:
    """`jbz ingest …`: run the ingest flow once (Prefect uses a temporary local API)."""
    try:
        params = params_from_args(args)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"invalid {first['loc'][0]}: " if first["loc"] else ""
        print(f"jbz ingest: {where}{first['msg']}", file=sys.stderr)
        return 2
    return cli.run_from_cli("ingest", lambda: ingest(params, return_state=True), render_markdown)
