"""A TK document's file: the KOOP XML when its version has one, else the TK file itself, never
a file the record says is empty or a body shorter than it announces."""

import json

from contract.records import DocumentRecord, FetchedFile
from flows.config import Config
from flows.sources.files import download_file
from flows.sources.http import BadResponse, HttpClient, SoftNotFound, SourceError
from flows.sources.tk_records import tk_resource_url


def fetch_tk_file(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The document's file: the KOOP XML when listed, else (or when that is missing) the TK file.
    Errors are SourceErrors carrying record.document_id."""
    resource = tk_resource_url(cfg, record.source_id)
    url = record.file_url or resource
    try:
        if url == resource:
            return _resource_file(client, record, resource)
        try:
            return download_file(client, url)
        except (SoftNotFound, BadResponse):
            return _resource_file(client, record, resource)  # listed, not (yet) served
    except SourceError as e:
        raise e.for_document(record.document_id) from e


def announced_length(record: DocumentRecord) -> int | None:
    """The file size the TK record announces (`ContentLength`), None when it says nothing."""
    try:
        value = json.loads(record.raw_json or "{}").get("ContentLength")
    except ValueError:
        return None
    return value if isinstance(value, int) else None


def _resource_file(client: HttpClient, record: DocumentRecord, url: str) -> FetchedFile:
    """The TK file itself: not asked for when announced empty, refused when shorter than
    announced (tkconv does both; a cut body is not the document)."""
    announced = announced_length(record)
    if announced == 0:
        raise SoftNotFound("the record announces an empty file (ContentLength 0)", url=url)
    fetched = download_file(client, url)
    if announced is not None and len(fetched.data) < announced:
        raise SoftNotFound(
            f"body of {len(fetched.data)} bytes, shorter than its ContentLength {announced}",
            url=url,
        )
    return fetched
