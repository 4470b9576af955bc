"""Replay-server helpers for any test that needs the public sources.

A fresh ReplayServer (sample scenario, 25 records a page) on a real socket, stopped after the
test; `srv.config("v4"|"v5", JBZ_…="…")` gives a Config pointing at it. In a test module:

    @pytest.fixture
    def replay_server() -> Iterator[ReplayServer]:
        yield from serve_samples()
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from flows.replay import ReplayServer
from flows.replay_data import load_sample_scenario

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples"
RECORDS_FILE = SAMPLES / "tk_odata_document_records_jbz-raad_2024-2025.json"


def sample_records() -> list[dict[str, Any]]:
    """The 131 real TK Document records."""
    records: list[dict[str, Any]] = json.loads(RECORDS_FILE.read_text(encoding="utf-8"))
    return records


def serve_samples(page_size: int = 25) -> Iterator[ReplayServer]:
    """Start a replay server over the sample scenario; stop it when the generator closes."""
    server = ReplayServer(load_sample_scenario(SAMPLES), page_size=page_size).start()
    try:
        yield server
    finally:
        server.stop()
