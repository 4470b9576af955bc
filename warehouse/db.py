"""Opening the warehouse file: one writer at a time, pending migrations applied on a write open.

DuckDB lets one process hold a database file (even a read-only open conflicts with a writer in
another process). A second process gets "Could not set lock on file … Conflicting lock is held
in … (PID n)"; `connect` turns that into `WarehouseBusy`, or waits for the file when asked.
Keep connections short: open, do one unit of work, close (`with connect(...) as con:`).
The migration files are read and hashed once per process; a write open then costs one query on
the ledger (a file created or replaced meanwhile still gets its migrations).
"""

import hashlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb

from contract import paths
from contract.clock import utc_now
from contract.errors import JbzError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DEFAULT_DB = paths.DEFAULT_DB
_RETRY_SECONDS = 0.2
# Files are created readable by DuckDB 1.0 and later (the CLI or pandas of a user's machine may
# be older than ours); duckdb 2.0 would otherwise write storage that only 2.0+ can open.
STORAGE_VERSION = "v1.0.0"
_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL,
    checksum   VARCHAR NOT NULL  -- sha256 of the migration file as applied
)
"""


class WarehouseBusy(JbzError):
    """Another process holds the warehouse file."""


class WarehouseRefusal(JbzError, ValueError):
    """Input the warehouse refuses: a parse it cannot store, bytes that are not what they claim,
    a query or a name it does not take. A ValueError too, as it was before it had a name."""


class MigrationError(JbzError):
    """A migration failed, or an applied migration file was edited afterwards."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def default_db_path() -> Path:
    """The published warehouse file: env `JBZ_DB`, else data/jbz.duckdb (contract/paths.py)."""
    return paths.published_path()


def default_work_path() -> Path:
    """The pipeline's own file: env `JBZ_WORK_DB`, else beside the snapshot (contract/paths.py)."""
    return paths.work_path()


def db_now() -> datetime:
    """Now as the warehouse stores it: UTC without a time zone (the one clock: contract.clock)."""
    now = to_utc_naive(utc_now())
    assert now is not None
    return now


def to_utc_naive(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


@cache
def _shipped_migrations() -> tuple[Migration, ...]:
    """The package's migration files, read and hashed once per process."""
    return tuple(list_migrations())


def list_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migration files `NNNN_name.sql`, in version order."""
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        m = re.fullmatch(r"(\d{4})_(\w+)\.sql", path.name)
        if m is None:
            raise MigrationError(f"migration file name not of the form NNNN_name.sql: {path.name}")
        found.append(Migration(int(m.group(1)), m.group(2), path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a version number in {directory}")
    return found


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT, or ROLLBACK and re-raise on any error (the caller sees the error)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        # a failed ROLLBACK (connection already broken) must not hide the error that caused it
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def applied_migrations(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """version -> checksum of the migrations recorded in the ledger."""
    rows = con.execute("SELECT version, checksum FROM schema_migrations").fetchall()
    return {int(v): str(c) for v, c in rows}


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply the pending migrations up to `target` (default: all), each in its own transaction.

    Returns the versions applied now; an up-to-date file gives []. An applied migration whose
    file changed since raises MigrationError (write a new migration instead of editing one).
    """
    shipped = _shipped_migrations()
    try:
        done = applied_migrations(con)
    except duckdb.CatalogException:  # a new file: no ledger yet
        con.execute(_LEDGER)
        done = {}
    if target is None and all(done.get(m.version) == m.checksum for m in shipped):
        return []  # the usual case: up to date
    applied: list[int] = []
    for m in shipped:
        if target is not None and m.version > target:
            break
        if m.version in done:
            if done[m.version] != m.checksum:
                raise MigrationError(
                    f"migration {m.version:04d}_{m.name}.sql was changed after it was applied "
                    "to this warehouse; add a new migration instead"
                )
            continue
        _apply(con, m)
        applied.append(m.version)
    return applied


def _apply(con: duckdb.DuckDBPyConnection, m: Migration) -> None:
    try:
        with transaction(con):
            con.execute(m.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?, ?)",
                [m.version, m.name, db_now(), m.checksum],
            )
    except duckdb.Error as exc:
        raise MigrationError(f"migration {m.version:04d}_{m.name}.sql failed: {exc}") from exc


def _busy_message(path: Path, exc: duckdb.Error) -> str | None:
    text = str(exc)
    if "Could not set lock" not in text and "Conflicting lock" not in text:
        return None
    pid = re.search(r"\(PID (\d+)\)", text)
    holder = f"pid {pid.group(1)}" if pid else "pid unknown"
    return f"warehouse is busy: {path} is being written by another process ({holder})"


def _open(path: Path, read_only: bool, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + max(wait_seconds, 0.0)
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True)
            config: dict[str, str | bool | int | float | list[str]] = {
                "storage_compatibility_version": STORAGE_VERSION
            }
            return duckdb.connect(str(path), config=config)
        except duckdb.IOException as exc:
            message = _busy_message(path, exc)
            if message is None:
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(message) from exc
            time.sleep(_RETRY_SECONDS)


def connect(
    path: Path | str, *, read_only: bool = False, wait_seconds: float = 0.0
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a write open creates the file and applies pending migrations.

    A file locked by another process raises WarehouseBusy at once, or after waiting up to
    `wait_seconds`. A read-only open of a missing file raises FileNotFoundError.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: run `jbz ingest` or `jbz demo` first")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, wait_seconds)
    if not read_only:
        try:
            migrate(con)
            from warehouse.fracties import sync_fracties  # it imports this module

            sync_fracties(con)
        except BaseException:
            con.close()
            raise
    return con
