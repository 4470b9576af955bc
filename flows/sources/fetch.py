"""Fetch many documents, one outcome each: a failure is reported against its document and the
other documents still load."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from contract.records import DocumentRecord, FetchedFile
from flows.config import Config
from flows.sources.http import HttpClient, SourceError
from flows.sources.koop import fetch_koop_file
from flows.sources.tk_files import fetch_tk_file


@dataclass(frozen=True)
class FetchOutcome:
    record: DocumentRecord
    file: FetchedFile | None  # None when error is set
    error: SourceError | None  # carries record.document_id

    @property
    def ok(self) -> bool:
        return self.error is None


def fetch_document(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The file of a TK or KOOP record (SourceError carrying the document id on failure)."""
    if record.source == "koop":
        return fetch_koop_file(client, cfg, record)
    return fetch_tk_file(client, cfg, record)


def iter_fetch_outcomes(
    client: HttpClient, cfg: Config, records: Iterable[DocumentRecord]
) -> Iterator[FetchOutcome]:
    """One FetchOutcome per record, in order; deleted records are skipped."""
    for record in records:
        if record.deleted:
            continue
        try:
            yield FetchOutcome(record, fetch_document(client, cfg, record), None)
        except SourceError as e:
            yield FetchOutcome(record, None, e.for_document(record.document_id))
