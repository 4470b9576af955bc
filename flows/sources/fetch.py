"""A document's file from its own source: the one function the ingest calls per document (a
failure is a SourceError carrying the document id; the caller records it and goes on)."""

from contract.records import DocumentRecord, FetchedFile
from flows.config import Config
from flows.sources.http import HttpClient
from flows.sources.koop import fetch_koop_file
from flows.sources.tk_files import fetch_tk_file


def fetch_document(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The file of a TK or KOOP record (SourceError carrying the document id on failure)."""
    if record.source == "koop":
        return fetch_koop_file(client, cfg, record)
    return fetch_tk_file(client, cfg, record)
