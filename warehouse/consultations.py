"""Loading parsed consultations: a transaction replaces all rows of a document (or of a batch
of documents, for a reparse or a backfill: `load_consultations`).

consultation_id equals document_id: one parsed consultation per source document, so a re-parse
(new parser, or a newer file of the same document) replaces the old rows exactly.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import duckdb

from parsers.model import Consultation
from warehouse.bulk import insert_rows
from warehouse.consultation_rows import CHILD_TABLES, document_rows
from warehouse.db import WarehouseRefusal, db_now, transaction

# documents per transaction of a batched load (reparse, backfill). Each commit of a big
# transaction checkpoints the tables it changed, rewriting the row groups it deleted from: the
# fewer the commits, the less each pair costs (bench/load.py: 100 documents a transaction about
# half the rate of 500, 1,000 another ~25% above 500). 1,000 parses of the largest report seen
# (the example, 164 KB of text) hold about 500 MB; a backfill also flushes at 256 MB of files.
BATCH_DOCUMENTS = 1000


def _insert_children(con: duckdb.DuckDBPyConnection, children: dict[str, list[Any]]) -> None:
    for table in CHILD_TABLES:
        insert_rows(con, table, children[table])


def _replace_documents(
    con: duckdb.DuckDBPyConnection, ids: list[str], rows: dict[str, list[Any]]
) -> None:
    """Delete the documents' rows and insert the new ones: one statement per table."""
    for table in CHILD_TABLES:
        con.execute(f"DELETE FROM {table} WHERE consultation_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM consultations WHERE consultation_id IN (SELECT unnest(?))", [ids])
    con.execute("DELETE FROM parse_issues WHERE document_id IN (SELECT unnest(?))", [ids])
    insert_rows(con, "consultations", rows["consultations"])
    _insert_children(con, rows)
    insert_rows(con, "parse_issues", rows["parse_issues"])


def load_consultation(
    con: duckdb.DuckDBPyConnection, document_id: str, sha256: str, c: Consultation
) -> int:
    """Replace the document's consultation and all its rows with `c`; returns the pairs loaded.

    One transaction: after a crash the document is wholly the old or wholly the new parse.
    The parser's issues replace the document's earlier parse_issues (and earlier parse errors).
    """
    rows = document_rows(document_id, sha256, c, db_now())
    with transaction(con):
        _replace_documents(con, [document_id], rows)
    return len(c.pairs)


@dataclass(frozen=True)
class BatchResult:
    loaded: dict[str, int]  # document_id -> pairs loaded
    failed: dict[str, str]  # document_id -> why the warehouse refused it


def load_consultations(
    con: duckdb.DuckDBPyConnection, parses: Sequence[tuple[str, str, Consultation]]
) -> BatchResult:
    """Load many (document_id, sha256, consultation) in one transaction (reparse, backfill).

    Per document the result is the same as `load_consultation`: wholly the old or the new
    parse. A parse the warehouse refuses is left out before BEGIN; when the batch transaction
    fails anyway, it is rolled back and every document is loaded on its own, so only the bad
    one fails. A document given twice keeps its last parse.
    """
    latest = {document_id: (sha256, c) for document_id, sha256, c in parses}
    rows: dict[str, list[Any]] = {t: [] for t in (*CHILD_TABLES, "consultations", "parse_issues")}
    loaded: dict[str, int] = {}
    failed: dict[str, str] = {}
    now = db_now()  # one parsed_at for the batch: it is loaded in one transaction
    for document_id, (sha256, c) in latest.items():
        try:
            one = document_rows(document_id, sha256, c, now)
        except WarehouseRefusal as exc:
            failed[document_id] = f"WarehouseRefusal: {exc}"
            continue
        for table, values in one.items():
            rows.setdefault(table, []).extend(values)
        loaded[document_id] = len(c.pairs)
    if not loaded:
        return BatchResult(loaded, failed)
    try:
        with _without_fsst(con), transaction(con):
            _replace_documents(con, list(loaded), rows)
    except duckdb.Error:
        return _load_one_by_one(con, latest, loaded, failed)
    return BatchResult(loaded, failed)


@contextmanager
def _without_fsst(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The commit of a big batch checkpoints its rows; FSST string compression is ~15% of a
    batched load (bench/load.py). The working database keeps that batch's texts compressed by
    DuckDB's other methods only; the published snapshot is written afresh, with FSST."""
    con.execute("SET disabled_compression_methods = 'fsst'")
    try:
        yield
    finally:
        con.execute("RESET disabled_compression_methods")


def _load_one_by_one(
    con: duckdb.DuckDBPyConnection,
    latest: dict[str, tuple[str, Consultation]],
    wanted: dict[str, int],
    failed: dict[str, str],
) -> BatchResult:
    loaded: dict[str, int] = {}
    for document_id in wanted:
        sha256, c = latest[document_id]
        try:
            loaded[document_id] = load_consultation(con, document_id, sha256, c)
        except duckdb.Error as exc:
            failed[document_id] = f"{type(exc).__name__}: {exc}"
    return BatchResult(loaded, failed)


def record_parse_error(
    con: duckdb.DuckDBPyConnection, document_id: str, sha256: str, code: str, message: str
) -> None:
    """Record that a file could not be parsed. The document's earlier parse, if any, stays
    loaded (readers keep the last good data); the same error for the same file is kept once."""
    with transaction(con):
        con.execute(
            "DELETE FROM parse_issues WHERE document_id = ? AND sha256 = ? AND code = ?",
            [document_id, sha256, code],
        )
        n = con.execute(
            "SELECT coalesce(max(n), 0) + 1 FROM parse_issues WHERE document_id = ?", [document_id]
        ).fetchall()[0][0]
        con.execute(
            "INSERT INTO parse_issues VALUES (?, ?, ?, ?, NULL, ?, ?)",
            [document_id, n, code, message, sha256, db_now()],
        )
