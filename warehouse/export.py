"""`jbz export --to DIR` (every table and view as Parquet) and `jbz sql "…"` (read-only query).

Both open the published snapshot (`JBZ_DB`, warehouse/publish.py) read-only, so they never
change it and never wait for a run (the pipeline writes its own working database). Pointed at a
file another process writes (e.g. JBZ_DB=the working database), they wait a few seconds and then
say the warehouse is busy.
"""

import argparse
import shutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import duckdb

from warehouse.db import WarehouseBusy, connect, default_db_path

WAIT_SECONDS = 5.0
# statement types `jbz sql` runs; everything else (INSERT, CREATE, COPY, ATTACH, SET, …) is refused
_READ_TYPES = {"SELECT", "EXPLAIN", "PRAGMA"}


def _open_read_only() -> duckdb.DuckDBPyConnection | None:
    try:
        return connect(default_db_path(), read_only=True, wait_seconds=WAIT_SECONDS)
    except (FileNotFoundError, WarehouseBusy) as exc:
        print(f"jbz: {exc}", file=sys.stderr)
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


def export_parquet(con: duckdb.DuckDBPyConnection, directory: Path) -> list[tuple[str, int, Path]]:
    """Write each table and view to DIR/<name>.parquet; returns (name, rows, file).

    raw_files.parquet includes the bytes (column `data`, BLOB): the export is a complete copy
    of the archive, so any document can be re-parsed from it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, int, Path]] = []
    for name, _kind in list_relations(con):
        target = directory / f"{name}.parquet"
        quoted = str(target).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM \"{name}\") TO '{quoted}' (FORMAT parquet)")
        rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
        written.append((name, int(rows), target))
    return written


def cli_export(args: argparse.Namespace) -> int:
    """`jbz export --to DIR`: every table and view as one Parquet file each."""
    con = _open_read_only()
    if con is None:
        return 1
    with con:
        written = export_parquet(con, Path(args.to))
    for name, rows, target in written:
        print(f"{name:32} {rows:>9} rows  {target}")
    return 0


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def format_table(columns: Sequence[str], rows: Sequence[Sequence[object]], width: int) -> str:
    """An aligned text table; rows too wide for `width` are shown one field per line instead."""
    cells = [[_cell(v) for v in row] for row in rows]
    flat = [[c.replace("\n", " ") for c in row] for row in cells]
    widths = [max([len(col), *(len(r[i]) for r in flat)]) for i, col in enumerate(columns)]
    footer = f"({len(rows)} row{'' if len(rows) == 1 else 's'})"
    if sum(widths) + 3 * (len(widths) - 1) <= width:
        rows_ = [list(columns), *flat]
        lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows_]
        lines.insert(1, "-+-".join("-" * w for w in widths))
        return "\n".join([*(line.rstrip() for line in lines), footer])
    label = max(len(c) for c in columns)
    out: list[str] = []
    for n, row in enumerate(cells, 1):
        out.append(f"-[ row {n} ]" + "-" * max(0, label - 6))
        for col, value in zip(columns, row, strict=True):
            out.append(f"{col.ljust(label)} | {value}")
    return "\n".join([*out, footer])


def run_read_only(
    con: duckdb.DuckDBPyConnection, query: str
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Run one read statement; ValueError (plain message) for a write or several statements."""
    statements = con.extract_statements(query)
    if len(statements) != 1:
        raise ValueError(f"give exactly one SQL statement (got {len(statements)})")
    kind = str(statements[0].type).rsplit(".", 1)[-1]
    if kind not in _READ_TYPES:
        raise ValueError(
            f"read-only: {kind} statements are refused (use SELECT, DESCRIBE, SHOW, "
            "EXPLAIN or PRAGMA; the warehouse is written only by the ingest and reparse flows)"
        )
    cursor = con.execute(query)
    columns = [str(d[0]) for d in cursor.description or []]
    return columns, cursor.fetchall()


def cli_sql(args: argparse.Namespace) -> int:
    """`jbz sql "SELECT …"`: run one read-only query and print an aligned table."""
    con = _open_read_only()
    if con is None:
        return 1
    with con:
        try:
            columns, rows = run_read_only(con, args.query)
        except ValueError as exc:
            print(f"jbz sql: {exc}", file=sys.stderr)
            return 2
        except duckdb.Error as exc:
            print(f"jbz sql: {exc}", file=sys.stderr)
            return 2
    print(format_table(columns, rows, shutil.get_terminal_size((120, 24)).columns))
    return 0
