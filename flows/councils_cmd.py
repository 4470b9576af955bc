"""`jbz councils [--dossier D] [--since DATE]`: each Council meeting's timeline, read-only.

One block per meeting (v_council_timeline): its agenda, inbreng, verslagen and report with
their dates, the pairs and the fracties that asked, and the days from agenda to answers.
"""

import argparse
import sys
from datetime import date

from warehouse.councils import council_timeline
from warehouse.db import WarehouseBusy, connect, default_db_path
from warehouse.export import WAIT_SECONDS
from warehouse.sql_cmd import format_table

# one field per line: a meeting's timeline is wider than any terminal
_ONE_FIELD_PER_LINE = 0


def render_timeline(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    """The meetings, one block each ("-[ row n ]" then "column | value" lines)."""
    if not rows:
        return "no Council meetings (run `jbz ingest` first, or widen --dossier / --since)"
    return format_table(columns, rows, _ONE_FIELD_PER_LINE)


def cli_councils(args: argparse.Namespace) -> int:
    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"jbz councils: --since {args.since!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    try:
        con = connect(default_db_path(), read_only=True, wait_seconds=WAIT_SECONDS)
    except (FileNotFoundError, WarehouseBusy) as exc:
        print(f"jbz councils: {exc}", file=sys.stderr)
        return 1
    with con:
        columns, rows = council_timeline(con, args.dossier, since)
    print(render_timeline(columns, rows))
    return 0
