"""The sources by name: TK and KOOP behind one interface (list_dossier, fetch, deletions, warnings,
check), chosen by name; an unknown name is a clear error, never quietly fetched as TK.

Adding a source is one module in flows/sources/ (its HTTP) plus one class here registered in
SOURCES; the ingest, `jbz check-source` and the run form ask the registry, not the name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Protocol

from contract.errors import JbzError
from contract.records import DocumentRecord, FetchedFile
from flows import listing
from flows.config import Config
from flows.sources import check, tk_odata
from flows.sources.cursor import listing_start
from flows.sources.http import HttpClient
from flows.sources.koop import fetch_koop_file
from flows.sources.tk_files import fetch_tk_file
from flows.sources.tk_schema import FieldMap


class UnknownSource(JbzError):
    """A source name the registry does not know."""


@dataclass(frozen=True)
class Env:
    """What a source works with: the settings, the one HTTP client, the working warehouse (TK
    keeps its `$metadata` field names there)."""

    cfg: Config
    client: HttpClient
    work_db: str


@dataclass(frozen=True)
class Listing:
    """One listing of one dossier: since a cursor or a date (minus the overlap), before
    `until`, as a backfill (in windows) or from the cursor (with the run's shared listings)."""

    dossier: str
    since: str | None
    until: datetime | None
    backfill: bool = True
    shared: listing.SharedListings | None = None


class Source(Protocol):
    name: ClassVar[str]
    lists_deletions: ClassVar[bool]  # can it tell which known documents it deleted?

    def list_dossier(self, env: Env, req: Listing) -> list[DocumentRecord]: ...

    def fetch(self, client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile: ...

    def shared(
        self, env: Env, dossiers: tuple[str, ...], cursors: list[str | None], until: datetime | None
    ) -> listing.SharedListings | None: ...

    def deletions(
        self, env: Env, since: str | None, known: list[str], by_id: bool
    ) -> tuple[list[DocumentRecord], str | None]: ...

    def warnings(self, env: Env) -> list[str]: ...

    def check(self, client: HttpClient, cfg: Config, since: date, say: check.Say) -> int: ...


class TkSource:
    """Tweede Kamer OData: first availability; field names from `$metadata`; deletions."""

    name: ClassVar[str] = "tk"
    lists_deletions: ClassVar[bool] = True

    def _fields(self, env: Env) -> Callable[[bool], FieldMap]:
        return lambda fresh: listing.tk_fields(env.work_db, env.cfg, env.client, refresh=fresh)

    def list_dossier(self, env: Env, req: Listing) -> list[DocumentRecord]:
        return listing.list_tk(env.client, env.cfg, self._fields(env), req.dossier, req.since,
                               req.until, req.backfill, req.shared, env.work_db)  # fmt: skip

    def fetch(self, client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
        return fetch_tk_file(client, cfg, record)

    def shared(
        self, env: Env, dossiers: tuple[str, ...], cursors: list[str | None], until: datetime | None
    ) -> listing.SharedListings | None:
        """The listings every dossier shares (inbreng, late publications), from the oldest of
        their cursors; None when a dossier has none (it backfills)."""
        starts = [listing_start(c, env.cfg.cursor_overlap_hours) for c in cursors if c]
        if not starts or len(starts) < len(cursors):
            return None
        return listing.SharedListings(dossiers, min(s for s in starts if s is not None), until)

    def deletions(
        self, env: Env, since: str | None, known: list[str], by_id: bool
    ) -> tuple[list[DocumentRecord], str | None]:
        fields = self._fields(env)(False)
        if by_id:
            found = tk_odata.iter_tk_tombstones(env.client, env.cfg, known, fields)
            return (list(found) if known else []), since
        return listing.list_tk_deletions(env.client, env.cfg, fields, since, known)

    def warnings(self, env: Env) -> list[str]:
        """Optional TK fields the server lacks (read as null), for the run summary."""
        return list(self._fields(env)(False).warnings)

    def check(self, client: HttpClient, cfg: Config, since: date, say: check.Say) -> int:
        return check.check_tk(client, cfg, since, say)


class KoopSource:
    """KOOP SRU and files: the best-structured text (XML), found newest first."""

    name: ClassVar[str] = "koop"
    lists_deletions: ClassVar[bool] = False  # SRU lists no withdrawn publications

    def list_dossier(self, env: Env, req: Listing) -> list[DocumentRecord]:
        return listing.list_koop(env.client, env.cfg, req.dossier, req.since, req.until)

    def fetch(self, client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
        return fetch_koop_file(client, cfg, record)

    def shared(
        self, env: Env, dossiers: tuple[str, ...], cursors: list[str | None], until: datetime | None
    ) -> None:
        return None  # one SRU query per dossier already

    def deletions(
        self, env: Env, since: str | None, known: list[str], by_id: bool
    ) -> tuple[list[DocumentRecord], str | None]:
        return [], since

    def warnings(self, env: Env) -> list[str]:
        return []

    def check(self, client: HttpClient, cfg: Config, since: date, say: check.Say) -> int:
        return check.check_koop_dossiers(client, cfg, since, say)


SOURCES: dict[str, Source] = {s.name: s for s in (TkSource(), KoopSource())}


def get_source(name: str) -> Source:
    try:
        return SOURCES[name]
    except KeyError:
        known = ", ".join(SOURCES)
        raise UnknownSource(f"unknown source {name!r}: one of {known}") from None


def fetch_document(client: HttpClient, cfg: Config, record: DocumentRecord) -> FetchedFile:
    """The file of a record, from its own source (SourceError carrying the document id)."""
    return get_source(record.source).fetch(client, cfg, record)


def list_source(
    env: Env,
    source: str,
    dossier: str,
    since: str | None,
    until: datetime | None,
    document_id: str | None = None,
    *,
    backfill: bool = True,
    shared: listing.SharedListings | None = None,
) -> list[DocumentRecord]:
    """A source's documents of one dossier changed since `since` (a cursor or ISO date; the
    sources subtract the overlap window), before `until`, or the one document asked for. A
    backfill (not from a cursor) lists TK in windows."""
    req = Listing(dossier, since, until, backfill, shared)
    records = get_source(source).list_dossier(env, req)
    if document_id:
        records = [r for r in records if r.document_id == document_id]
    return records


__all__ = [
    "SOURCES",
    "Env",
    "Listing",
    "Source",
    "UnknownSource",
    "fetch_document",
    "get_source",
    "list_source",
]
