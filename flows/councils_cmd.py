"""`jbz councils [--dossier D] [--since DATE]`: each Council meeting's timeline, read-only.

One block per meeting (v_council_timeline): its agenda, inbreng, verslagen and report with
their dates, the pairs and the fracties that asked, and the days from agenda to answers.
"""

import argparse
from datetime import date

from flows.readers import open_published
from flows.sql_cmd import format_table
from warehouse.councils import council_timeline

# one field per line: a meeting's timeline is wider than any terminal
_ONE_FIELD_PER_LINE = 0


def render_timeline(columns: list[str], rows: list[tuple[object, ...]]) -> str:
    """The meetings, one block each ("-[ row n ]" then "column | value" lines)."""
    if not rows:
        return "no Council meetings (run `jbz ingest` first, or widen --dossier / --since)"
    return format_table(columns, rows, _ONE_FIELD_PER_LINE)


def cli_councils(args: argparse.Namespace) -> int:
    since: date | None = args.since  # flows.cli.iso_date: a date or a usage error
    con = open_published("jbz councils")
    if con is None:
        return 1
    with con:
        columns, rows = council_timeline(con, args.dossier, since)
    print(render_timeline(columns, rows))
    return 0
