"""Loading documents in batches, one transaction per batch: `jbz reparse`, and a backfill.

A backfill (a first run of a dossier, `--since`, `--full-refresh`, `--document`) may list
thousands of documents; loading each in its own transaction costs ~40x more per pair than a
batch (bench/load.py). Each document's parse is still all-or-nothing: `load.load_consultations`
falls back to one transaction per document when a batch fails, so a document the warehouse
refuses fails alone. A run reading from its cursor (a few documents) loads each at once.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb

from contract.records import DocumentRecord, FetchedFile
from flows import steps
from flows.pipeline import RunTally, SourceTally
from flows.steps import Parsed, ParseFailure
from parsers.model import Consultation
from warehouse import load

log = logging.getLogger("jbz.flows")
# a batch of fetched files is also flushed when its bytes reach this (PDFs of a few MB)
MAX_PENDING_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class ToLoad:
    """One parse waiting for its batch: what `load_parsed_batch` loads and reports."""

    document_id: str
    sha256: str
    parsed: Parsed
    status: str  # new | changed | reparsed, as the run summary lists it
    title: str | None = None


def load_parsed_batch(
    con: duckdb.DuckDBPyConnection, items: Sequence[ToLoad], tally: RunTally
) -> None:
    """Load many parses in one transaction (load.load_consultations: still all-or-nothing per
    document; a document the warehouse refuses fails alone); parse failures are recorded."""
    good: list[tuple[str, str, Consultation]] = []
    for item in items:
        if isinstance(item.parsed, ParseFailure):
            load.record_parse_error(
                con, item.document_id, item.sha256, item.parsed.code, item.parsed.reason
            )
            tally.fail(item.document_id, "parse", item.parsed.reason)
        else:
            good.append((item.document_id, item.sha256, item.parsed))
    result = load.load_consultations(con, good)
    for item in items:
        if item.document_id in result.failed:
            log.error("loading %s failed: %s", item.document_id, result.failed[item.document_id])
            tally.fail(item.document_id, "load", result.failed[item.document_id])
        elif item.document_id in result.loaded and isinstance(item.parsed, Consultation):
            tally.consultation(item.document_id, item.title, item.status, item.parsed)


@dataclass(frozen=True)
class Fetched:
    """A document fetched (and parsed) in a backfill, waiting for its batch to be stored."""

    record: DocumentRecord
    fetched: FetchedFile
    status: str
    parsed: Parsed | None


@dataclass
class BackfillBatch:
    """Fetched documents of one backfill, stored and loaded `size` at a time.

    The files are kept at the flush, in the same connection as the batch's load, so a run
    killed before it leaves these documents without file: the next run fetches them again
    (a file kept without its consultation would be skipped as unchanged). The caller flushes
    before it moves the cursor past them.
    """

    db_path: str
    tally: RunTally
    st: SourceTally
    size: int = load.BATCH_DOCUMENTS
    pending: list[Fetched] = field(default_factory=list)
    batches: int = 0  # transactions of loads flushed (the run log says how many)

    def add(self, item: Fetched) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.size or self._bytes() >= MAX_PENDING_BYTES:
            self.flush()

    def _bytes(self) -> int:
        return sum(len(p.fetched.data) for p in self.pending)

    def flush(self) -> None:
        items, self.pending = self.pending, []
        if not items:
            return
        to_load: list[ToLoad] = []
        with steps.open_warehouse(self.db_path) as con:
            for item in items:
                status, wanted = steps.keep_file(
                    con, item.record, item.fetched, item.status, item.parsed, self.tally
                )
                setattr(self.st, status, getattr(self.st, status) + 1)
                if wanted and item.parsed is not None:
                    r = item.record
                    to_load.append(
                        ToLoad(r.document_id, item.fetched.sha256, item.parsed, status, r.title)
                    )
            load_parsed_batch(con, to_load, self.tally)
        self.batches += 1
        log.info("stored %d documents, loaded %d in one transaction", len(items), len(to_load))
