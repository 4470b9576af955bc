"""Opening the published snapshot for a command that only reads it (`jbz sql`, `jbz export`,
`jbz councils`): read-only, so it never changes it and never waits for a run (the pipeline writes
its own working database). Pointed at a file another process writes (JBZ_DB = the working
database), it waits a few seconds and then says the warehouse is busy."""

import sys

import duckdb

from warehouse.db import WarehouseBusy, connect, default_db_path

WAIT_SECONDS = 5.0


def open_published(command: str = "jbz") -> duckdb.DuckDBPyConnection | None:
    """The published warehouse, read-only; None (and one line on stderr) when there is none."""
    try:
        return connect(default_db_path(), read_only=True, wait_seconds=WAIT_SECONDS)
    except (FileNotFoundError, WarehouseBusy) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None
