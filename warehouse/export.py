"""What `jbz export` and `jbz sql` ask of the published snapshot: its tables and views written as
files (Parquet or CSV), and one read-only statement run (only SELECT, EXPLAIN and PRAGMA, so
`jbz sql` never changes the warehouse). The commands themselves are flows/export_cmd.py and
flows/sql_cmd.py; they open the snapshot read-only through flows/readers.py.
"""

from collections.abc import Sequence
from pathlib import Path

import duckdb

from warehouse.db import WarehouseRefusal

# DuckDB's COPY options per --format: CSV with a header line, so a spreadsheet reads it as is
EXPORT_FORMATS = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true"}


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


# statement types `jbz sql` runs; everything else (INSERT, CREATE, COPY, ATTACH, SET, …) is refused
_READ_TYPES = {"SELECT", "EXPLAIN", "PRAGMA"}


def run_read_only(
    con: duckdb.DuckDBPyConnection, query: str
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Run one read statement; ValueError (plain message) for a write or several statements."""
    statements = con.extract_statements(query)
    if len(statements) != 1:
        raise WarehouseRefusal(f"give exactly one SQL statement (got {len(statements)})")
    kind = str(statements[0].type).rsplit(".", 1)[-1]
    if kind not in _READ_TYPES:
        raise WarehouseRefusal(
            f"read-only: {kind} statements are refused (use SELECT, DESCRIBE, SHOW, "
            "EXPLAIN or PRAGMA; the warehouse is written only by the ingest and reparse flows; "
            "for a file, use --format csv|json or `jbz export`)"
        )
    cursor = con.execute(query)
    columns = [str(d[0]) for d in cursor.description or []]
    return columns, cursor.fetchall()
