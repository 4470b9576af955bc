"""Requests per run, side by side: our incremental sync against a plain mirror that re-lists
everything, for a first run, a no-change run, a run with one changed document and the weekly
sweep.

    .venv/bin/python bench/sync.py

Against the strict replay server (the live limits enforced; the sample dossier: 132 TK documents,
250 a page as live; 73 KOOP Kamerstukken). "Us" is the real `ingest` flow (a temporary Prefect
server, a temporary warehouse): `$metadata` once (then cached for a day), per dossier its own
listing since its cursor, plus the inbreng through their cases, the late KOOP publications and
the deletions (each once for all dossiers), and only the files that changed. The mirror lists
every document of the dossier and downloads every listed file, every run, the way a `tkapi` user
mirrors the dossier. Politeness delay is 0 here; live (JBZ_POLITENESS_DELAY_SECONDS, 0.25 s)
adds requests x delay.
"""

import os
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from devtools.replay import ReplayServer, start_replay
from flows.config import Config, load_config
from flows.registry import fetch_document
from flows.sources.http import HttpClient, SourceError
from flows.sources.tk_odata import iter_tk_documents


@dataclass(frozen=True)
class Cost:
    tk: int
    koop: int
    seconds: float

    def cell(self) -> str:
        return f"{self.tk:>4} TK + {self.koop:>3} KOOP"


def run_ours(server: ReplayServer, **params: Any) -> Cost:
    """One run of the ingest flow; its requests counted from the replay server's log."""
    from flows import runtime
    from flows.ingest import IngestParams, ingest

    runtime.config.cache_clear()
    runtime.client.cache_clear()
    server.clear_log()
    start = time.perf_counter()
    ingest(IngestParams(**params), return_state=True)
    took = time.perf_counter() - start
    tk = sum(e.path.startswith("/OData/") for e in server.log)
    return Cost(tk, len(server.log) - tk, took)


def run_mirror(cfg: Config) -> Cost:
    """List the whole dossier, download every listed file; remember nothing."""
    start = time.perf_counter()
    with HttpClient(cfg) as client:
        records = list(iter_tk_documents(client, cfg, cfg.dossier, None))
        for record in records:
            try:
                fetch_document(client, cfg, record)
            except SourceError:
                continue  # the mirror counts requests; a file that did not come cost them too
    return Cost(client.request_count, 0, time.perf_counter() - start)


def change_one_document(server: ReplayServer) -> None:
    """A PDF replaces a verslag's docx: a new version, visible in the API now."""
    doc = next(d for d in server.scenario.docs.values() if d.raw.get("Volgnummer") == 969)
    newest = max(
        datetime.fromisoformat(str(d.raw["ApiGewijzigdOp"])) for d in server.scenario.docs.values()
    )
    when = (newest + timedelta(days=2)).isoformat()
    server.scenario.replace_file(str(doc.raw["Id"]), b"%PDF-1.4 definitief", when)


def main() -> None:
    delay = load_config({}).politeness_delay_seconds
    server = start_replay()
    work = tempfile.mkdtemp(prefix="jbz-bench-sync-")
    os.environ.update(server.env("v5") | {"JBZ_DB": f"{work}/jbz.duckdb"})
    from prefect.testing.utilities import prefect_test_harness

    try:
        cfg: Config = server.config("v5")
        rows = []
        with prefect_test_harness(server_startup_timeout=180):
            runs: tuple[tuple[str, dict[str, Any]], ...]
            runs = (("first run (backfill from 2024)", {"since": date(2024, 1, 1)}),
                    ("no-change run", {}), ("one changed document", {}),
                    ("weekly sweep (400 days)", {"sweep_days": 400}))  # fmt: skip
            for name, params in runs:
                if name == "one changed document":
                    change_one_document(server)
                rows.append((name, run_ours(server, **params), run_mirror(cfg)))
    finally:
        server.stop()
    print(f"{'requests per run':<32}  {'us':<20}  {'plain mirror':<20}  live delay us / mirror")
    for name, us, mirror in rows:
        live = f"+{(us.tk + us.koop) * delay:.0f} s / +{mirror.tk * delay:.0f} s"
        print(f"{name:<32}  {us.cell():<20}  {mirror.cell():<20}  {live}")
    print(
        "time here (s): " + ", ".join(f"{n} {u.seconds:.2f} / {m.seconds:.2f}" for n, u, m in rows)
    )


if __name__ == "__main__":
    main()
