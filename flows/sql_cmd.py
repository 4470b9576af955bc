"""`jbz sql "…" [--format table|csv|json]`: one read-only query on the published snapshot.

The query runs on a read-only connection and only SELECT, EXPLAIN and PRAGMA statements are run
(DESCRIBE and SHOW parse as PRAGMA), so `jbz sql` never changes the warehouse. CSV and JSON are
for the next program in a pipe: every row, the whole texts, one header line (CSV) or one array
of objects (JSON). Lists are written as DuckDB writes them in CSV (`[PvdA, GroenLinks]`), so
`jbz sql --format csv` and `jbz export --format csv` agree.
"""

import argparse
import csv
import json
import shutil
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TextIO

import duckdb

from flows.readers import open_published
from warehouse.db import WarehouseRefusal
from warehouse.export import run_read_only

FORMATS = ("table", "csv", "json")


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


def _csv_cell(value: object) -> str:
    """A value as DuckDB's CSV writer spells it: empty for NULL, lists in brackets."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_csv_cell(v) if v is not None else "NULL" for v in value) + "]"
    return _cell(value)


def write_csv(columns: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO) -> None:
    """A header line, then one line per row (RFC 4180 quoting; texts with newlines quoted)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)


def _json_value(value: object) -> object:
    """What json.dumps cannot write itself: dates as ISO text, decimals as numbers."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, timedelta):
        return value.total_seconds()
    return str(value)


def write_json(columns: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO) -> None:
    """One JSON array of objects, keys in the query's column order."""
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    json.dump(records, out, ensure_ascii=False, indent=1, default=_json_value)
    out.write("\n")


def print_result(columns: list[str], rows: list[tuple[object, ...]], fmt: str) -> None:
    if fmt == "csv":
        write_csv(columns, rows, sys.stdout)
    elif fmt == "json":
        write_json(columns, rows, sys.stdout)
    else:
        print(format_table(columns, rows, shutil.get_terminal_size((120, 24)).columns))


def cli_sql(args: argparse.Namespace) -> int:
    """`jbz sql "SELECT …"`: run one read-only query and print it as a table, CSV or JSON."""
    con = open_published("jbz sql")
    if con is None:
        return 1
    with con:
        try:
            columns, rows = run_read_only(con, args.query)
        except (WarehouseRefusal, duckdb.Error) as exc:
            print(f"jbz sql: {exc}", file=sys.stderr)
            return 2
    print_result(columns, rows, getattr(args, "format", "table"))
    return 0
