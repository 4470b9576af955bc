"""Replay-server helpers for any test that needs the public sources.

A fresh ReplayServer (sample scenario, 25 records a page) on a real socket, stopped after the
test; `srv.config("v4"|"v5", JBZ_…="…")` gives a Config pointing at it. In a test module:

    @pytest.fixture
    def replay_server() -> Iterator[ReplayServer]:
        yield from serve_samples()
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from contract.records import DocumentRecord, FetchedFile
from devtools.recorded import SAMPLES
from devtools.replay import ReplayServer
from devtools.replay_data import RECORDS_FILE, load_sample_scenario
from flows.config import Config
from flows.registry import fetch_document
from flows.sources.http import HttpClient, SourceError

__all__ = ["SAMPLES", "sample_records", "serve_samples"]


def sample_records() -> list[dict[str, Any]]:
    """The 131 real TK Document records."""
    text = (SAMPLES / RECORDS_FILE).read_text(encoding="utf-8")
    records: list[dict[str, Any]] = json.loads(text)
    return records


def serve_samples(page_size: int = 25) -> Iterator[ReplayServer]:
    """Start a replay server over the sample scenario; stop it when the generator closes."""
    server = ReplayServer(load_sample_scenario(SAMPLES), page_size=page_size).start()
    try:
        yield server
    finally:
        server.stop()


@dataclass(frozen=True)
class FetchOutcome:
    record: DocumentRecord
    file: FetchedFile | None  # None when error is set
    error: SourceError | None  # carries record.document_id

    @property
    def ok(self) -> bool:
        return self.error is None


def iter_fetch_outcomes(
    client: HttpClient, cfg: Config, records: Iterable[DocumentRecord]
) -> Iterator[FetchOutcome]:
    """The product's per-document fetch (what the ingest calls for each listed record) over
    many records, one outcome each; deleted records are skipped, as the ingest skips them."""
    for record in records:
        if record.deleted:
            continue
        try:
            yield FetchOutcome(record, fetch_document(client, cfg, record), None)
        except SourceError as e:
            yield FetchOutcome(record, None, e)
