"""The published snapshot: readers open a copy, so they never block the pipeline.

DuckDB lets one process hold a file that another writes (even a read-only open takes a lock),
so a notebook holding the warehouse open used to stop the hourly run. Now the pipeline writes
its own working database (`data/jbz.work.duckdb`, or `JBZ_WORK_DB`) and, after each run that
changed something, publishes a consistent copy as the file users open (`data/jbz.duckdb`,
`JBZ_DB`) plus the search index beside it (`data/jbz.sqlite`, warehouse/search_index.py).

Each file is written beside its target under a temporary name, flushed to disk, then renamed
over the target: a reader sees the old file or the new one, whole, and a reader that holds the
old file open keeps reading it (the rename leaves its open file alone). The snapshot leaves out
the raw file bytes (`raw_files.data` is NULL there) so it stays small; they stay in the working
database, from which `jbz reparse` works.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import db, search_index

# a snapshot in the making: .<name>.publishing-<pid>, in the target's folder (rename stays atomic)
_TMP_MARK = ".publishing-"


@dataclass(frozen=True)
class Published:
    snapshot: Path
    search: Path
    pairs: int


default_work_path = db.default_work_path  # the rule lives with the other path, in db.py


def search_path(published: Path) -> Path:
    """The SQLite search index published with a snapshot: data/jbz.duckdb -> data/jbz.sqlite."""
    return published.with_suffix(".sqlite")


def temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{_TMP_MARK}{os.getpid()}")


def remove_stale_temps(target: Path) -> None:
    """Temporary files left by a publisher that was killed (one writer at a time holds the
    working database, so no other publisher is running now)."""
    for stale in target.parent.glob(f".{target.name}{_TMP_MARK}*"):
        stale.unlink(missing_ok=True)


def replace_atomically(tmp: Path, target: Path) -> None:
    """Flush `tmp` to disk, rename it over `target`, and flush the folder entry too."""
    with tmp.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def adopt_existing(work: Path, published: Path) -> bool:
    """First run after the split: a warehouse written in place before (it has the raw bytes)
    becomes the working database. A snapshot without its working file is not adopted: its
    bytes are gone, so the next run starts a new working database and fetches again."""
    if work.exists() or not published.exists():
        return False
    with db.connect(published, read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "raw_files" not in tables:
            return False
        missing = con.execute("SELECT count(*) FROM raw_files WHERE data IS NULL").fetchall()
    if missing[0][0]:
        return False
    work.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(work)
    shutil.copyfile(published, tmp)
    replace_atomically(tmp, work)
    return True


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """table -> column names of the working database (the ledger is written by migrate)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = "
        "current_database() AND schema_name = 'main' AND NOT internal "
        "AND table_name IN (SELECT table_name FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT temporary) "
        "ORDER BY table_name, column_index"
    ).fetchall()
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(str(table), []).append(str(column))
    tables.pop("schema_migrations", None)
    return tables


def _copy_into(con: duckdb.DuckDBPyConnection, tmp: Path) -> None:
    """Copy every table into the (migrated, empty) snapshot file, in one transaction."""
    tables = _tables(con)
    quoted = str(tmp).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS snapshot")
    try:
        with db.transaction(con):
            for table, columns in tables.items():
                names = ", ".join(f'"{c}"' for c in columns)
                values = ", ".join(
                    "NULL" if (table, c) == ("raw_files", "data") else f'"{c}"' for c in columns
                )
                # a fresh snapshot holds the reference data its own open loaded (fracties)
                con.execute(f'DELETE FROM snapshot.main."{table}"')
                con.execute(
                    f'INSERT INTO snapshot.main."{table}" ({names}) '
                    f'SELECT {values} FROM main."{table}"'
                )
        con.execute("CHECKPOINT snapshot")
    finally:
        con.execute("DETACH snapshot")


def write_snapshot(con: duckdb.DuckDBPyConnection, published: Path) -> Path:
    """Write the snapshot of the working database `con` beside `published`; returns the
    temporary file, for the caller to rename over `published`."""
    published.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(published)
    tmp = temp_path(published)
    db.connect(tmp).close()  # the schema and views, by the same migrations as the warehouse
    _copy_into(con, tmp)
    Path(f"{tmp}.wal").unlink(missing_ok=True)  # checkpointed: an empty log, if any
    return tmp


def publish_snapshot(con: duckdb.DuckDBPyConnection, published: Path) -> Path:
    """Write the snapshot of the working database `con` and rename it over `published`."""
    replace_atomically(write_snapshot(con, published), published)
    return published


def publish(con: duckdb.DuckDBPyConnection, published: Path | None = None) -> Published:
    """Publish the snapshot and the search index of the working database `con`."""
    target = published or db.default_db_path()
    search = search_path(target)
    remove_stale_temps(search)
    tmp = temp_path(search)
    pairs = search_index.build_search_index(con, tmp)
    snapshot = write_snapshot(con, target)
    # both files are written before either is renamed: a failure while writing leaves the
    # published pair as it was, never a new index beside an old snapshot
    replace_atomically(tmp, search)
    replace_atomically(snapshot, target)
    return Published(target, search, pairs)
