"""Requests and time of a full first sync and of a no-change run, against the replay server.

    .venv/bin/python bench/sync.py

The replay server serves the sample dossier (132 TK documents, 25 a page; 71 KOOP Kamerstukken).
Politeness delay is 0 here; the live delay (JBZ_POLITENESS_DELAY_SECONDS, default 0.25 s) adds
about requests x delay, printed alongside.
"""

import time
from dataclasses import dataclass

from contract.records import DocumentRecord
from devtools.replay import ReplayServer, start_replay
from flows.config import Config, load_config
from flows.sources.cursor import needs_fetch, next_cursor
from flows.sources.fetch import iter_fetch_outcomes
from flows.sources.http import HttpClient
from flows.sources.koop import iter_koop_records
from flows.sources.tk_odata import iter_tk_documents, iter_tk_tombstones


@dataclass
class State:
    known: dict[str, DocumentRecord]
    tk_cursor: str | None = None
    koop_cursor: str | None = None


def sync(cfg: Config, state: State) -> tuple[int, int, int, float]:
    """One run: list both sources since their cursors, check tombstones, fetch what changed."""
    start = time.perf_counter()
    with HttpClient(cfg) as client:
        tk = list(iter_tk_documents(client, cfg, state.tk_cursor))
        koop = list(iter_koop_records(client, cfg, since=state.koop_cursor))
        known_tk = [d for d, r in state.known.items() if r.source == "tk"]
        gone = list(iter_tk_tombstones(client, cfg, known_tk)) if known_tk else []
        todo = [r for r in tk + koop if needs_fetch(r, state.known.get(r.document_id))]
        outcomes = list(iter_fetch_outcomes(client, cfg, todo))
        requests = client.request_count
    stored = [o.record for o in outcomes if o.ok]
    failed = [o.record for o in outcomes if not o.ok]
    unchanged = [r for r in tk + koop if r not in todo]
    state.known.update({r.document_id: r for r in stored + unchanged})
    for r in gone:
        state.known.pop(r.document_id, None)
    done = stored + unchanged
    tk_done = [r for r in done if r.source == "tk"]
    tk_failed = [r for r in failed if r.source == "tk"]
    state.tk_cursor = next_cursor(state.tk_cursor, tk_done, tk_failed)
    koop_done = [r for r in done if r.source == "koop"]
    koop_failed = [r for r in failed if r.source == "koop"]
    state.koop_cursor = next_cursor(state.koop_cursor, koop_done, koop_failed)
    return len(tk) + len(koop), len(stored), requests, time.perf_counter() - start


def report(name: str, listed: int, fetched: int, requests: int, seconds: float) -> None:
    live = requests * load_config({}).politeness_delay_seconds
    print(
        f"{name:<22} listed {listed:>4}  fetched {fetched:>4}  requests {requests:>4}  "
        f"{seconds:6.2f} s here  (+{live:.0f} s politeness delay live)"
    )


def main() -> None:
    server: ReplayServer = start_replay(page_size=25)
    try:
        cfg = server.config("v5")
        state = State(known={})
        report("full first sync", *sync(cfg, state))
        for n in (1, 2):
            report(f"no-change run {n}", *sync(cfg, state))
        report("full sync, v4 API", *sync(server.config("v4"), State(known={})))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
