"""The `fracties` and `fractie_aliases` tables, filled from the package's data file
(parsers/fracties.json) whenever that file changed: a new fractie is a data change."""

import hashlib

import duckdb

from parsers.fracties import DATA_PATH, load
from warehouse.bulk import insert_rows
from warehouse.db import transaction

_NAME = "fracties"


def data_checksum() -> str:
    return hashlib.sha256(DATA_PATH.read_bytes()).hexdigest()


def sync_fracties(con: duckdb.DuckDBPyConnection) -> bool:
    """Reload both tables when the data file differs from the one loaded; True when it did."""
    checksum = data_checksum()
    row = con.execute("SELECT checksum FROM reference_checksums WHERE name = ?", [_NAME]).fetchall()
    if row and row[0][0] == checksum:
        return False
    fracties, aliases = load()
    with transaction(con):
        con.execute("DELETE FROM fracties")
        con.execute("DELETE FROM fractie_aliases")
        insert_rows(
            con,
            "fracties",
            [
                [
                    f.fractie_id,
                    f.chamber,
                    f.name,
                    f.abbreviation,
                    f.active_from,
                    f.active_until,
                    list(f.parties),
                    list(f.successor_of),
                    f.tk_fractie_id,
                    f.source,
                ]
                for f in fracties
            ],  # fmt: skip
        )
        insert_rows(
            con,
            "fractie_aliases",
            [
                [a.alias, a.chamber, list(a.fractie_ids), a.active_from, a.active_until, a.source]
                for a in aliases
            ],
        )
        con.execute("INSERT OR REPLACE INTO reference_checksums VALUES (?, ?)", [_NAME, checksum])
    return True
