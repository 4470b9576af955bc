"""`jbz export --to DIR [--format parquet|csv] [--table NAME …]`: tables and views as files.

Opens the published snapshot (`JBZ_DB`, warehouse/publish.py) read-only, so it never changes it
and never waits for a run (the pipeline writes its own working database). Pointed at a file
another process writes (e.g. JBZ_DB=the working database), it waits a few seconds and then says
the warehouse is busy. `jbz sql` (warehouse/sql_cmd.py) opens the warehouse the same way.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb

from warehouse.db import WarehouseBusy, WarehouseRefusal, connect, default_db_path

WAIT_SECONDS = 5.0
# DuckDB's COPY options per --format: CSV with a header line, so a spreadsheet reads it as is
EXPORT_FORMATS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


def open_read_only(command: str = "jbz") -> duckdb.DuckDBPyConnection | None:
    """The published warehouse, read-only; None (and one line on stderr) when there is none."""
    try:
        return connect(default_db_path(), read_only=True, wait_seconds=WAIT_SECONDS)
    except (FileNotFoundError, WarehouseBusy) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return None


def list_relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, "table" | "view") of everything in the warehouse, tables first, by name."""
    rows = con.execute(
        "SELECT table_name, 'table' FROM duckdb_tables() WHERE schema_name = 'main' "
        "AND NOT internal AND NOT temporary UNION ALL "
        "SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' "
        "AND NOT internal AND NOT temporary ORDER BY 2, 1"
    ).fetchall()
    return [(str(n), str(k)) for n, k in rows]


def export_relations(
    con: duckdb.DuckDBPyConnection,
    directory: Path,
    fmt: str = "parquet",
    names: Sequence[str] = (),
) -> list[tuple[str, int, Path]]:
    """Write each table and view (or only `names`) to DIR/<name>.<fmt>; returns (name, rows,
    file). ValueError naming the unknown ones when a name is not a table or view.

    raw_files keeps its `data` column, NULL in the published snapshot (the bytes stay in the
    working database; export that file for a complete copy of the archive).
    """
    known = [name for name, _kind in list_relations(con)]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise WarehouseRefusal(
            f"no table or view named {', '.join(unknown)} (see `jbz sql 'SHOW'`)"
        )
    directory.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, int, Path]] = []
    for name in names or known:
        target = directory / f"{name}.{fmt}"
        quoted = str(target).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{quoted}' ({EXPORT_FORMATS[fmt]})")
        rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
        written.append((name, int(rows), target))
    return written


def cli_export(args: argparse.Namespace) -> int:
    """`jbz export --to DIR`: every table and view (or the --table ones) as one file each."""
    con = open_read_only("jbz export")
    if con is None:
        return 1
    with con:
        try:
            written = export_relations(
                con, Path(args.to), getattr(args, "format", "parquet"), args.table or ()
            )
        except WarehouseRefusal as exc:
            print(f"jbz export: {exc}", file=sys.stderr)
            return 2
    for name, rows, target in written:
        print(f"{name:32} {rows:>9} rows  {target}")
    return 0
