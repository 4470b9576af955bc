"""Column-wise bulk inserts: one statement per batch instead of one per row.

`executemany` runs one statement per row (about 1,500 rows/s here). Each column goes to DuckDB
as one numpy object array, scanned as a table: DuckDB reads the Python objects directly. Passing
each column as one list parameter (`unnest(?::VARCHAR[])`) instead converts every value into a
DuckDB Value first, about ten times slower for text (bench/load.py).
"""

import itertools
from collections.abc import Sequence
from contextlib import suppress

import duckdb
import numpy as np

# table -> columns; the migrations fix them, and looking them up costs ~1 ms per statement
_COLUMNS: dict[str, list[tuple[str, str]]] = {}
_BATCH_IDS = itertools.count()


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of the table's columns, in table order (cached per process)."""
    if table in _COLUMNS:
        return _COLUMNS[table]
    rows = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
        [table],
    ).fetchall()
    found = [(str(n), str(t)) for n, t in rows]
    if found:
        _COLUMNS[table] = found
    return found


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[Sequence[object]],
    names: Sequence[str] | None = None,
    on_conflict: str = "",
) -> None:
    """INSERT `rows` into `table`, each row holding `names` (default: all columns, table order).

    Callers remove duplicate keys first: with duplicates in one statement an ON CONFLICT insert
    silently keeps the first row (a plain INSERT raises a constraint error). `on_conflict` is
    appended verbatim (e.g. "ON CONFLICT DO NOTHING").
    """
    if not rows:
        return
    types = dict(column_types(con, table))
    columns = list(names) if names is not None else list(types)
    # zip(*rows) turns rows into columns in C; fromiter, not np.array: a column of
    # equal-length lists must stay one object per row
    batch = {
        f"c{i}": np.fromiter(column, dtype=object, count=len(rows))
        for i, column in enumerate(zip(*rows, strict=True))
    }
    view = f"_jbz_batch_{next(_BATCH_IDS)}"
    selects = ", ".join(f"CAST(c{i} AS {types[name]})" for i, name in enumerate(columns))
    con.register(view, batch)
    try:
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selects} FROM {view} {on_conflict}"
        )
    except duckdb.Error:
        # the failed insert aborted the transaction: unregistering now fails too, and its
        # "transaction is aborted" must not hide the error that says what was refused (the
        # view is the connection's own, under a name used once)
        with suppress(duckdb.Error):
            con.unregister(view)
        raise
    con.unregister(view)
