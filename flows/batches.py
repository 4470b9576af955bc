"""The one way a document's file and parse enter the warehouse, for a batch of any size.

`store_and_load` keeps each fetched file (its own short transaction) and loads the parses of new
bytes in one transaction; `load.load_consultations` is still all-or-nothing per document and
falls back to one transaction per document when the batch fails, so a document the warehouse
refuses fails alone. A `Batch` collects documents and calls it: an ingest from the cursor is a
batch of one (each document stored as soon as it is fetched), a backfill and `jbz reparse` fill
batches of `load.BATCH_DOCUMENTS` (loading each in its own transaction costs ~40x more per pair,
bench/load.py).
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import duckdb

from contract.records import DocumentRecord, FetchedFile
from flows import runtime, stored
from flows.parsing import Parsed, ParseFailure
from flows.pipeline import RunTally, SourceTally
from parsers.model import Consultation
from warehouse import load

log = logging.getLogger("jbz.flows")
# a batch of fetched files is also flushed when its bytes reach this (PDFs of a few MB)
MAX_PENDING_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Arrival:
    """A document's file and parse on their way in: fetched by an ingest (`fetched` and `record`
    set), or read back from the archive by a reparse (the file is kept already)."""

    document_id: str
    sha256: str
    status: str  # new | changed | unchanged | reparsed, as the run summary lists it
    parsed: Parsed | None  # None: not a report, or its bytes were parsed before
    title: str | None = None
    record: DocumentRecord | None = None
    fetched: FetchedFile | None = None

    @classmethod
    def fetched_file(
        cls, record: DocumentRecord, fetched: FetchedFile, status: str, parsed: Parsed | None
    ) -> "Arrival":
        return cls(record.document_id, fetched.sha256, status, parsed, record.title, record,
                   fetched)  # fmt: skip


def _keep(con: duckdb.DuckDBPyConnection, item: Arrival, tally: RunTally) -> Arrival | None:
    """Keep a fetched file; the arrival to load (its status updated), None when nothing is."""
    if item.fetched is None or item.record is None:
        return item if item.parsed is not None else None
    status, wanted = stored.keep_file(
        con, item.record, item.fetched, item.status, item.parsed, tally
    )
    return replace(item, status=status) if wanted else replace(item, status=status, parsed=None)


def store_and_load(
    con: duckdb.DuckDBPyConnection, items: Sequence[Arrival], tally: RunTally
) -> list[str]:
    """Keep the files, then load the new parses in one transaction (parse failures recorded
    against their document); returns each item's final status."""
    kept = [k for item in items if (k := _keep(con, item, tally)) is not None]
    statuses = {k.document_id: k.status for k in kept}
    good: list[tuple[str, str, Consultation]] = []
    for item in kept:
        if isinstance(item.parsed, ParseFailure):
            load.record_parse_error(
                con, item.document_id, item.sha256, item.parsed.code, item.parsed.reason
            )
            tally.fail(item.document_id, "parse", item.parsed.reason)
        elif item.parsed is not None:
            good.append((item.document_id, item.sha256, item.parsed))
    result = load.load_consultations(con, good)
    for item in kept:
        if item.document_id in result.failed:
            log.error("loading %s failed: %s", item.document_id, result.failed[item.document_id])
            tally.fail(item.document_id, "load", result.failed[item.document_id])
        elif item.document_id in result.loaded and isinstance(item.parsed, Consultation):
            tally.consultation(item.document_id, item.title, item.status, item.parsed)
    return [statuses.get(i.document_id, i.status) for i in items]


@dataclass
class Batch:
    """Documents stored and loaded `size` at a time (see `store_and_load`).

    The files are kept at the flush, in the same connection as the batch's load, so a run
    killed before it leaves these documents without file: the next run fetches them again
    (a file kept without its consultation would be skipped as unchanged). The caller flushes
    before it moves a cursor past them.
    """

    db_path: str
    tally: RunTally
    st: SourceTally | None = None  # the source whose counts the statuses go to (ingest)
    size: int = load.BATCH_DOCUMENTS
    pending: list[Arrival] = field(default_factory=list)
    batches: int = 0  # transactions of loads flushed (the run log says how many)

    def add(self, item: Arrival) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.size or self._bytes() >= MAX_PENDING_BYTES:
            self.flush()

    def _bytes(self) -> int:
        return sum(len(p.fetched.data) for p in self.pending if p.fetched is not None)

    def flush(self) -> None:
        items, self.pending = self.pending, []
        if not items:
            return
        with runtime.open_warehouse(self.db_path) as con:
            statuses = store_and_load(con, items, self.tally)
        if self.st is not None:
            for status in statuses:
                self.st.count(status)
        self.batches += 1
        if len(items) > 1:
            log.info("stored and loaded %d documents in one transaction", len(items))
