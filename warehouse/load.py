"""The loading API in one import: `from warehouse import load` (records: contract/records.py).

Each function runs its own transaction (or single statement); callers must not wrap them in
another transaction (DuckDB has no nested transactions).
"""

from warehouse.consultations import (
    BATCH_DOCUMENTS,
    BatchResult,
    load_consultation,
    load_consultations,
    record_parse_error,
)
from warehouse.documents import (
    RawFile,
    UpsertCounts,
    document_ids_of_kinds,
    document_records,
    file_urls,
    iter_raw_files,
    known_document_ids,
    mark_deleted,
    store_file,
    stored_hashes,
    upsert_documents,
)
from warehouse.missing import (
    MissingFile,
    clear_missing,
    due_missing,
    missing_ids,
    record_missing,
)
from warehouse.state import finish_run, get_cursor, get_run, last_run, set_cursor, start_run

__all__ = [
    "BATCH_DOCUMENTS",
    "BatchResult",
    "RawFile",
    "UpsertCounts",
    "MissingFile",
    "clear_missing",
    "document_ids_of_kinds",
    "document_records",
    "due_missing",
    "file_urls",
    "missing_ids",
    "record_missing",
    "finish_run",
    "get_cursor",
    "get_run",
    "iter_raw_files",
    "known_document_ids",
    "last_run",
    "load_consultation",
    "load_consultations",
    "mark_deleted",
    "record_parse_error",
    "set_cursor",
    "start_run",
    "store_file",
    "stored_hashes",
    "upsert_documents",
]
