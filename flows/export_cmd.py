"""`jbz export --to DIR [--format parquet|csv] [--table NAME …]`: tables and views as files."""

import argparse
import sys
from pathlib import Path

from flows.readers import open_published
from warehouse.db import WarehouseRefusal
from warehouse.export import export_relations


def cli_export(args: argparse.Namespace) -> int:
    """`jbz export --to DIR`: every table and view (or the --table ones) as one file each."""
    con = open_published("jbz export")
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
