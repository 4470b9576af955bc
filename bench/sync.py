"""Requests per run, side by side: our incremental sync against a plain mirror that re-lists
everything, for a first run, a no-change run and a run with one changed document.

    .venv/bin/python bench/sync.py

Against the replay server (the sample dossier: 132 TK documents, 250 a page as live; 73 KOOP
Kamerstukken). "Us" is the listing code of the ingest flow (flows/listing.py): `$metadata` once
(then cached for a day), each dossier since its cursor (a first run backfills from
JBZ_BACKFILL_START in JBZ_BACKFILL_WINDOW_DAYS windows), one deletion listing, and only the files
that changed. The mirror lists every document of the dossier and downloads every listed file,
every run, the way a `tkapi` user mirrors the dossier (135 requests for 131 records). Politeness
delay is 0 here; live (JBZ_POLITENESS_DELAY_SECONDS, 0.25 s) adds requests x delay.
"""

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from contract.records import DocumentRecord
from devtools.replay import ReplayServer, start_replay
from flows.config import Config, load_config
from flows.listing import list_koop, list_tk, list_tk_deletions
from flows.sources.cursor import needs_fetch, next_cursor
from flows.sources.fetch import iter_fetch_outcomes
from flows.sources.http import HttpClient
from flows.sources.tk_odata import iter_tk_documents
from flows.sources.tk_schema import FieldMap, fetch_tk_fields

FETCHED_KINDS = (
    "verslag_schriftelijk_overleg",
    "inbreng_schriftelijk_overleg",
    "geannoteerde_agenda",
    "verslag_jbz_raad",
)  # fmt: skip  (the ingest default)


@dataclass
class Ours:
    known: dict[str, DocumentRecord] = field(default_factory=dict)
    cursors: dict[str, str | None] = field(default_factory=dict)
    deletions: str | None = None
    fields: FieldMap | None = None


@dataclass(frozen=True)
class Cost:
    tk: int
    koop: int
    seconds: float

    def cell(self) -> str:
        return f"{self.tk:>4} TK + {self.koop:>3} KOOP"


def _fetch_changed(
    client: HttpClient, cfg: Config, state: Ours, records: list[DocumentRecord]
) -> None:
    wanted = [r for r in records if r.kind in FETCHED_KINDS and r.file_url]
    todo = [r for r in wanted if needs_fetch(r, state.known.get(r.document_id))]
    for outcome in iter_fetch_outcomes(client, cfg, todo):
        if outcome.ok:
            state.known[outcome.record.document_id] = outcome.record
    state.known.update({r.document_id: r for r in records if r not in todo})


def run_ours(cfg: Config, state: Ours) -> Cost:
    start = time.perf_counter()
    with HttpClient(cfg) as tk_client:
        if state.fields is None:
            state.fields = fetch_tk_fields(tk_client, cfg)
        names = state.fields
        cursor = state.cursors.get("tk")
        tk = list_tk(tk_client, cfg, lambda _: names, cfg.dossier, cursor, None, cursor is None)
        if state.known:
            gone, state.deletions = list_tk_deletions(
                tk_client, cfg, names, state.deletions, list(state.known)
            )
            for r in gone:
                state.known.pop(r.document_id, None)
        _fetch_changed(tk_client, cfg, state, tk)
        state.cursors["tk"] = next_cursor(cursor, tk)
        state.deletions = state.deletions or state.cursors["tk"]
    with HttpClient(cfg) as koop_client:
        koop = list_koop(koop_client, cfg, cfg.dossier, state.cursors.get("koop"), None)
        _fetch_changed(koop_client, cfg, state, koop)
        state.cursors["koop"] = next_cursor(state.cursors.get("koop"), koop)
    return Cost(tk_client.request_count, koop_client.request_count, time.perf_counter() - start)


def run_mirror(cfg: Config) -> Cost:
    """List the whole dossier, download every listed file; remember nothing."""
    start = time.perf_counter()
    with HttpClient(cfg) as client:
        records = list(iter_tk_documents(client, cfg, cfg.dossier, None))
        list(iter_fetch_outcomes(client, cfg, records))
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
    try:
        cfg = server.config("v5")
        ours, rows = Ours(), []
        for name in ("first run", "no-change run", "one changed document"):
            if name == "one changed document":
                change_one_document(server)
            rows.append((name, run_ours(cfg, ours), run_mirror(cfg)))
    finally:
        server.stop()
    print(f"{'requests per run':<22}  {'us':<20}  {'plain mirror':<20}  live delay us / mirror")
    for name, us, mirror in rows:
        live = f"+{(us.tk + us.koop) * delay:.0f} s / +{mirror.tk * delay:.0f} s"
        print(f"{name:<22}  {us.cell():<20}  {mirror.cell():<20}  {live}")
    print(
        "time here (s): " + ", ".join(f"{n} {u.seconds:.2f} / {m.seconds:.2f}" for n, u, m in rows)
    )


if __name__ == "__main__":
    main()
