"""How the ingest flow lists a source: per dossier, since that dossier's cursor, in backfill
windows, with the TK field names read from `$metadata` at most once a day (kept in the
warehouse's sync_state under "tk:fields") and again after an HTTP 400. Plain functions, no
Prefect; the flows call them through the source registry (flows/registry.py)."""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from contract.clock import utc_now
from contract.records import DocumentRecord
from flows.config import Config
from flows.sources import koop, tk_odata
from flows.sources.cursor import format_cursor, listing_start, parse_cursor
from flows.sources.http import BadResponse, HttpClient
from flows.sources.tk_schema import FieldMap, fetch_tk_fields
from flows.sources.windows import list_in_windows, split_windows
from warehouse import db, load

FIELDS_KEY = "tk:fields"
DELETIONS = "deletions"  # the deletion cursor's key: cursor_key("tk", DELETIONS), "tk:deletions"


def cursor_key(source: str, dossier: str) -> str:
    """The sync_state key of one source's cursor for one dossier: "tk:32317", "koop:21501-02"."""
    return f"{source}:{dossier}"


def _read_cached_fields(db_path: str, cfg: Config, now: datetime) -> FieldMap | None:
    con = db.connect(db_path, wait_seconds=60.0)
    try:
        text = load.get_cursor(con, FIELDS_KEY)
    finally:
        con.close()
    if text is None:
        return None
    try:
        cached = json.loads(text)
        read_at = datetime.fromisoformat(cached["read_at"])
        fields = FieldMap.from_json(json.dumps(cached["fields"]))
    except (ValueError, KeyError, TypeError):
        return None  # an older or damaged entry: read $metadata again
    fresh = now - read_at < timedelta(hours=cfg.tk_metadata_max_age_hours)
    return fields if fresh and cached.get("url") == cfg.tk_odata_url else None


def tk_fields(db_path: str, cfg: Config, client: HttpClient, *, refresh: bool = False) -> FieldMap:
    """The server's field names: cached for JBZ_TK_METADATA_MAX_AGE_HOURS, or read now (one
    request); SchemaMismatch (a SourceError) names a concept the server has no name for."""
    now = utc_now()
    cached = None if refresh else _read_cached_fields(db_path, cfg, now)
    if cached is not None:
        return cached
    fields = fetch_tk_fields(client, cfg)
    entry = {"url": cfg.tk_odata_url, "read_at": now.isoformat(),
             "fields": json.loads(fields.to_json())}  # fmt: skip
    con = db.connect(db_path, wait_seconds=60.0)
    try:
        load.set_cursor(con, FIELDS_KEY, json.dumps(entry, sort_keys=True))
    finally:
        con.close()
    return fields


def _newest_per_id(records: Iterable[DocumentRecord]) -> list[DocumentRecord]:
    """One record per document (windows overlap, and a document can match a later window
    through its publication): the newest visibility time wins."""
    floor = datetime.min.replace(tzinfo=UTC)
    best: dict[str, DocumentRecord] = {}
    for r in records:
        old = best.get(r.document_id)
        if old is None or (r.modified_at or floor) >= (old.modified_at or floor):
            best[r.document_id] = r
    return list(best.values())


@dataclass
class SharedListings:
    """The TK listings of one run that serve every dossier at once: the inbreng found through
    their cases and the late KOOP publications, each asked for once, from the oldest of the
    dossiers' listing starts, and matched per dossier here (so a no-change run costs one request
    per dossier plus a fixed few, never more with more known documents)."""

    dossiers: tuple[str, ...]
    start: datetime | None
    until: datetime | None = None
    _zaak: list[DocumentRecord] | None = None
    _publications: list[tk_odata.Publication] | None = None

    def zaak_records(self, client: HttpClient, cfg: Config, f: FieldMap) -> list[DocumentRecord]:
        if self._zaak is None:
            self._zaak = list(tk_odata.iter_tk_zaak_documents(
                client, cfg, self.dossiers, self.start, self.until, f))  # fmt: skip
        return self._zaak

    def publications(
        self, client: HttpClient, cfg: Config, f: FieldMap
    ) -> list[tk_odata.Publication]:
        if self._publications is None:
            self._publications = list(
                tk_odata.iter_tk_publications(client, cfg, self.dossiers, self.start, f)
            )
        return self._publications


def _after(
    records: Iterable[DocumentRecord], dossier: str, start: datetime | None
) -> list[DocumentRecord]:
    """The shared listing's records of `dossier` that reached the API after `start`."""
    return [r for r in records if r.dossier == dossier
            and (start is None or r.modified_at is None or r.modified_at > start)]  # fmt: skip


def stale_publications(db_path: str, publications: Iterable[tk_odata.Publication]) -> list[str]:
    """Known documents whose stored file is not the newly published KOOP XML (unknown documents
    are new: the dossier listing finds them)."""
    by_doc = {p.document_id: p.publication_id for p in publications}
    if not by_doc:
        return []
    con = db.connect(db_path, wait_seconds=60.0)
    try:
        urls = load.file_urls(con, list(by_doc))
    finally:
        con.close()
    return sorted(d for d, url in urls.items() if by_doc[d] not in (url or ""))


def list_tk(
    client: HttpClient,
    cfg: Config,
    fields: Callable[[bool], FieldMap],
    dossier: str,
    since: str | None,
    until: datetime | None,
    backfill: bool = True,
    shared: SharedListings | None = None,
    db_path: str | None = None,
) -> list[DocumentRecord]:
    """The dossier's TK documents since `since` (a cursor or a date) minus the overlap, before
    `until`: those linked to the dossier, its inbreng (through their cases) and, from a cursor,
    known documents with a new KOOP publication. A backfill (no cursor; from
    JBZ_BACKFILL_START without `since`) goes window by window; a run from a cursor asks once,
    split only when the server gives up on it. An HTTP 400 (a renamed field) re-reads
    `$metadata` once and tries again."""
    now = utc_now()
    start = listing_start(since, cfg.cursor_overlap_hours) or parse_cursor(cfg.backfill_start)
    assert start is not None
    windows = split_windows(start, until, cfg.backfill_window_days, now) if backfill else [
        (start, until)
    ]  # fmt: skip

    def listing(f: FieldMap) -> list[DocumentRecord]:
        def one(a: datetime, b: datetime | None) -> list[DocumentRecord]:
            if backfill or shared is None:
                return list(tk_odata.iter_tk_dossier(client, cfg, dossier, a, b, f))
            own = list(tk_odata.iter_tk_documents(client, cfg, dossier, a, b, f))
            return own + _after(shared.zaak_records(client, cfg, f), dossier, a)

        found = list(list_in_windows(one, windows, now))
        if not backfill and db_path is not None:
            found += _late_publications(client, cfg, f, dossier, start, shared, db_path, found)
        return _newest_per_id(found)

    try:
        return listing(fields(False))
    except BadResponse as e:
        if e.status != 400:
            raise
        return listing(fields(True))


def _late_publications(
    client: HttpClient,
    cfg: Config,
    f: FieldMap,
    dossier: str,
    start: datetime,
    shared: SharedListings | None,
    db_path: str,
    listed: list[DocumentRecord],
) -> list[DocumentRecord]:
    """Known documents of the dossier whose KOOP publication reached the API since `start`
    (SOURCES.md section 4: kst-32317-898's XML came six months after the document), asked for
    by id; those the dossier listing returned already are not asked for again."""
    shared = shared or SharedListings((dossier,), start)
    seen = {r.document_id for r in listed}
    pubs = [p for p in shared.publications(client, cfg, f)
            if p.dossier == dossier and p.document_id not in seen]  # fmt: skip
    stale = stale_publications(db_path, pubs)
    return list(tk_odata.iter_tk_by_id(client, cfg, stale, dossier, f)) if stale else []


def list_koop(
    client: HttpClient, cfg: Config, dossier: str, since: str | None, until: datetime | None
) -> list[DocumentRecord]:
    records = list(koop.iter_koop_records(client, cfg, dossier, since))
    if until is not None:  # SRU has no upper bound on modified: cut here
        records = [r for r in records if r.modified_at is None or r.modified_at < until]
    return records


def list_tk_deletions(
    client: HttpClient, cfg: Config, fields: FieldMap, since: str | None, known: Iterable[str]
) -> tuple[list[DocumentRecord], str | None]:
    """(the known documents deleted since `since` minus the overlap, the new deletion cursor):
    one listing of every tombstone, matched against the known ids here."""
    start = listing_start(since, cfg.cursor_overlap_hours)
    tombstones = list(tk_odata.iter_tk_deletions(client, cfg, start, fields))
    known_ids = set(known)
    times = [r.modified_at for r in tombstones] + [parse_cursor(since)]
    cursor = max((t for t in times if t is not None), default=None)
    return (
        [r for r in tombstones if r.document_id in known_ids],
        None if cursor is None else format_cursor(cursor),
    )
