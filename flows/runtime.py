"""What the flows of this process share: the settings, the one HTTP client, the working
warehouse (a short connection at a time: DuckDB allows one writing process), the run's id, and
publishing the snapshot readers open. Plain functions, no Prefect decorators."""

import logging
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import Any

import duckdb

from contract.records import DocumentRecord, FetchedFile
from flows import registry
from flows.config import Config, load_config
from flows.sources.http import HttpClient
from warehouse import db, publish

log = logging.getLogger("jbz.flows")


@cache
def config() -> Config:
    return load_config()


@cache
def client() -> HttpClient:
    """The one HTTP client of this process (flows/sources/http.py owns retries and limits)."""
    return HttpClient(config())


def work_db() -> str:
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
    return registry.Env(config(), client(), work_db())


def fetch(record: DocumentRecord) -> FetchedFile:
    """The record's file from its own source, through this process's client."""
    return registry.fetch_document(client(), config(), record)
