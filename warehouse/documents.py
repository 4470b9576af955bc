"""Source documents and their raw files: upserts keyed on the source's document id.

Raw bytes are stored content-addressed (`raw_files`, key sha256) before anything is parsed, and
`document_files` remembers every version of a document's file, so a docx later replaced by a
PDF keeps both.
"""

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

import duckdb

from contract.kinds import DocumentKind
from contract.records import DocumentRecord, FetchedFile
from warehouse.bulk import insert_rows
from warehouse.db import WarehouseRefusal, to_utc_naive, transaction


@dataclass(frozen=True)
class UpsertCounts:
    new: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class RawFile:
    document_id: str
    sha256: str
    fmt: str
    data: bytes
    soort: str | None = None  # the source's label, the parser's hint for the kind


_RECORD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "VARCHAR"),
    ("source", "VARCHAR"),
    ("source_id", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("soort", "VARCHAR"),
    ("title", "VARCHAR"),
    ("dossier", "VARCHAR"),
    ("ondernummer", "VARCHAR"),
    ("document_number", "VARCHAR"),
    ("document_date", "DATE"),
    ("modified_at", "TIMESTAMP"),
    ("deleted", "BOOLEAN"),
    ("version", "VARCHAR"),
    ("koop_id", "VARCHAR"),
    ("file_url", "VARCHAR"),
    ("chamber", "VARCHAR"),
    ("raw_json", "VARCHAR"),
    ("dossier_number", "INTEGER"),
    ("toevoeging", "VARCHAR"),
)
_SEEN_COLUMNS = (
    ("first_seen_at", "TIMESTAMP"),
    ("last_seen_at", "TIMESTAMP"),
    ("changed_at", "TIMESTAMP"),
    ("deleted_at", "TIMESTAMP"),
)
_ALL_COLUMNS = _RECORD_COLUMNS + _SEEN_COLUMNS
# what counts as a change of a listed document (raw_json is kept but carries volatile fields)
_COMPARED = tuple(name for name, _ in _RECORD_COLUMNS if name not in ("document_id", "raw_json"))
_UPDATE_SET = ", ".join(
    f"{name} = excluded.{name}" for name, _ in _ALL_COLUMNS if name not in ("document_id",)
)
assert {f.name for f in fields(DocumentRecord)} == {name for name, _ in _RECORD_COLUMNS}


def _as_row(record: DocumentRecord) -> dict[str, Any]:
    row = {f.name: getattr(record, f.name) for f in fields(DocumentRecord)}
    row["modified_at"] = to_utc_naive(record.modified_at)
    return row


def _newest_per_id(records: Sequence[DocumentRecord]) -> list[dict[str, Any]]:
    """One row per document id: the newest `modified_at`, and of equals the last in the batch."""
    chosen: dict[str, dict[str, Any]] = {}
    for record in records:
        row = _as_row(record)
        old = chosen.get(record.document_id)
        if old is None or (row["modified_at"] or datetime.min) >= (
            old["modified_at"] or datetime.min
        ):
            chosen[record.document_id] = row
    return list(chosen.values())


def _existing(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    names = [name for name, _ in _ALL_COLUMNS]
    rows = con.execute(
        f"SELECT {', '.join(names)} FROM documents WHERE document_id IN (SELECT unnest(?))",
        [ids],
    ).fetchall()
    return {str(r[0]): dict(zip(names, r, strict=True)) for r in rows}


def _same_listing(row: dict[str, Any], old: dict[str, Any]) -> bool:
    return all(row[k] == old[k] for k in _COMPARED)


def listing_changed(record: DocumentRecord, previous: DocumentRecord | None) -> bool:
    """Does this listing count as new or changed against the previous one (so the ingest
    fetches the file again)? The rule `upsert_documents` applies; for tests and tools that
    compare two listings without a warehouse."""
    return previous is None or not _same_listing(_as_row(record), _as_row(previous))


def _merge(
    row: dict[str, Any], old: dict[str, Any] | None, seen_at: datetime
) -> tuple[str, dict[str, Any]]:
    """The row to write and whether it is new, changed or unchanged."""
    if old is None:
        deleted_at = seen_at if row["deleted"] else None
        return "new", {
            **row,
            "first_seen_at": seen_at,
            "last_seen_at": seen_at,
            "changed_at": seen_at,
            "deleted_at": deleted_at,
        }
    merged = {**row, "first_seen_at": old["first_seen_at"], "last_seen_at": seen_at}
    if row["deleted"]:
        # a tombstone carries no metadata ("every field null but Id"): keep what we knew
        keep = {k: old[k] for k in _COMPARED if k not in ("deleted", "modified_at")}
        merged.update(keep, raw_json=row["raw_json"] or old["raw_json"])
        if old["deleted"]:
            return "unchanged", {
                **merged,
                "changed_at": old["changed_at"],
                "deleted_at": old["deleted_at"],
            }
        return "changed", {**merged, "changed_at": seen_at, "deleted_at": seen_at}
    if _same_listing(row, old):
        return "unchanged", {**merged, "changed_at": old["changed_at"], "deleted_at": None}
    return "changed", {**merged, "changed_at": seen_at, "deleted_at": None}


def upsert_documents(
    con: duckdb.DuckDBPyConnection, records: Sequence[DocumentRecord], seen_at: datetime
) -> UpsertCounts:
    """Insert new documents, update changed ones, touch `last_seen_at` of all; one transaction.

    Of several records with the same id in the batch the newest `modified_at` wins (the last of
    equals). A deleted record (tombstone) marks the document deleted but keeps its metadata.
    """
    seen = to_utc_naive(seen_at) or seen_at
    rows = _newest_per_id(records)
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    with transaction(con):
        existing = _existing(con, [r["document_id"] for r in rows])
        out: list[list[Any]] = []
        for row in rows:
            status, merged = _merge(row, existing.get(row["document_id"]), seen)
            counts[status] += 1
            out.append([merged[name] for name, _ in _ALL_COLUMNS])
        insert_rows(
            con,
            "documents",
            out,
            [name for name, _ in _ALL_COLUMNS],
            f"ON CONFLICT (document_id) DO UPDATE SET {_UPDATE_SET}",
        )
    return UpsertCounts(**counts)


def mark_deleted(
    con: duckdb.DuckDBPyConnection, document_ids: Sequence[str], seen_at: datetime
) -> int:
    """Mark documents deleted at the source; returns how many were not deleted before."""
    when = to_utc_naive(seen_at)
    with transaction(con):
        rows = con.execute(
            "UPDATE documents SET deleted = true, deleted_at = ?, changed_at = ? "
            "WHERE document_id IN (SELECT unnest(?::VARCHAR[])) AND NOT deleted "
            "RETURNING document_id",
            [when, when, list(dict.fromkeys(document_ids))],
        ).fetchall()
    return len(rows)


def known_document_ids(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """The ids of the source's documents that are not deleted, sorted."""
    rows = con.execute(
        "SELECT document_id FROM documents WHERE source = ? AND NOT deleted ORDER BY document_id",
        [source],
    ).fetchall()
    return [str(r[0]) for r in rows]


def file_urls(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str | None]:
    """document id -> the file URL last listed, for the known ones among `ids`."""
    rows = con.execute(
        "SELECT document_id, file_url FROM documents WHERE document_id IN (SELECT unnest(?))",
        [list(ids)],
    ).fetchall()
    return {str(r[0]): r[1] for r in rows}


def document_records(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[DocumentRecord]:
    """The listed records of stored documents, as they were listed (to fetch a file again)."""
    names = [name for name, _ in _RECORD_COLUMNS]
    rows = con.execute(
        f"SELECT {', '.join(names)} FROM documents WHERE document_id IN (SELECT unnest(?)) "
        "ORDER BY document_id",
        [list(ids)],
    ).fetchall()
    out = []
    for r in rows:
        values = dict(zip(names, r, strict=True))
        at = values["modified_at"]
        values["modified_at"] = at.replace(tzinfo=UTC) if at is not None else None
        values["kind"] = DocumentKind(values["kind"])
        out.append(DocumentRecord(**values))
    return out


def stored_hashes(con: duckdb.DuckDBPyConnection, document_id: str) -> set[str]:
    """The sha256 of every file stored for the document (without reading the bytes)."""
    rows = con.execute(
        "SELECT sha256 FROM document_files WHERE document_id = ?", [document_id]
    ).fetchall()
    return {str(r[0]) for r in rows}


def document_ids_of_kinds(con: duckdb.DuckDBPyConnection, kinds: Sequence[str]) -> list[str]:
    """The ids of stored documents of these kinds that are not deleted, sorted."""
    rows = con.execute(
        "SELECT document_id FROM documents WHERE NOT deleted "
        "AND list_contains(?::VARCHAR[], kind) ORDER BY document_id",
        [list(kinds)],
    ).fetchall()
    return [str(r[0]) for r in rows]


def store_file(
    con: duckdb.DuckDBPyConnection,
    document_id: str,
    fetched: FetchedFile,
    fetched_at: datetime,
    version: str | None,
) -> bool:
    """Keep the bytes (content-addressed) and link them to the document; one transaction.

    Returns True when these bytes are new for this document. Bytes that do not match
    `fetched.sha256` are refused (WarehouseRefusal): the archive must be trustworthy.
    """
    digest = hashlib.sha256(fetched.data).hexdigest()
    if digest != fetched.sha256.lower():
        raise WarehouseRefusal(
            f"sha256 mismatch for {document_id}: got {digest}, said {fetched.sha256}"
        )
    when = to_utc_naive(fetched_at)
    with transaction(con):
        stored = con.execute("SELECT count(*) FROM raw_files WHERE sha256 = ?", [digest])
        if stored.fetchall()[0][0] == 0:  # known bytes are not sent to the database again
            con.execute(
                "INSERT INTO raw_files VALUES (?, ?, ?, ?, ?)",
                [digest, fetched.fmt, len(fetched.data), fetched.data, when],
            )
        known = con.execute(
            "SELECT count(*) FROM document_files WHERE document_id = ? AND sha256 = ?",
            [document_id, digest],
        ).fetchall()[0][0]
        con.execute(
            "INSERT INTO document_files VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (document_id, sha256) DO UPDATE SET "
            "last_fetched_at = greatest(document_files.last_fetched_at, excluded.last_fetched_at),"
            " url = excluded.url, content_type = excluded.content_type, version = excluded.version",
            [document_id, digest, when, when, fetched.url, fetched.content_type, version],
        )
    return int(known) == 0


def iter_raw_files(
    con: duckdb.DuckDBPyConnection, document_ids: Sequence[str] | None = None
) -> Iterator[RawFile]:
    """The newest file of each document (all not-deleted documents, or the ones asked for).

    The bytes are read one file at a time, so a reparse of the whole archive stays small in memory.
    A file whose bytes this database does not hold (a published snapshot keeps none) is left
    out, so the caller reports "no stored file" instead of failing on it.
    """
    where = "NOT coalesce(d.deleted, false)"
    params: list[object] = []
    if document_ids is not None:
        where = "f.document_id IN (SELECT unnest(?::VARCHAR[]))"
        params.append(list(document_ids))
    newest = con.execute(
        "SELECT document_id, sha256, fmt, soort FROM ("
        " SELECT f.document_id, f.sha256, r.fmt, d.soort, row_number() OVER ("
        "  PARTITION BY f.document_id ORDER BY f.last_fetched_at DESC, f.fetched_at DESC,"
        "  f.sha256) AS rank"
        " FROM document_files f JOIN raw_files r USING (sha256)"
        f" LEFT JOIN documents d USING (document_id) WHERE {where}"
        ") WHERE rank = 1 ORDER BY document_id",
        params,
    ).fetchall()
    for document_id, sha256, fmt, soort in newest:
        data = con.execute("SELECT data FROM raw_files WHERE sha256 = ?", [sha256]).fetchall()
        if data[0][0] is not None:
            yield RawFile(str(document_id), str(sha256), str(fmt), bytes(data[0][0]), soort)
