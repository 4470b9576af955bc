"""Plain-Python bookkeeping for the flows: run summary, cursor arithmetic (no Prefect, no I/O).

The summary is a JSON-able dict: it goes into the `runs` table (warehouse.load.finish_run), into
the run's markdown artifact and into `jbz report` (flows/report.py renders all three the same).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from contract.clock import utc_now
from contract.records import DocumentRecord
from flows.sources.cursor import next_cursor
from parsers.model import Consultation
from warehouse.missing import MissingFile


def day_start(d: date | None) -> datetime | None:
    """A date parameter as the first instant of that day (UTC), the form the sources take."""
    return None if d is None else datetime.combine(d, time.min, tzinfo=UTC)


def format_timestamp(value: datetime) -> str:
    """A run's start or end time as ISO text (naive times are UTC)."""
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def sort_for_cursor(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """Oldest change first, so a failure holds back exactly the documents after it."""
    floor = datetime.min.replace(tzinfo=UTC)

    def key(r: DocumentRecord) -> datetime:
        at = r.modified_at
        return floor if at is None else at if at.tzinfo else at.replace(tzinfo=UTC)

    return sorted(records, key=key)


def pairs_per_fractie(c: Consultation) -> dict[str, int]:
    return dict(Counter(p.fractie for p in c.pairs).most_common())


@dataclass
class CursorTracker:
    """Moves a source's cursor only past stored documents (flows.sources.cursor.next_cursor):
    the first document that could not be stored holds it back, so the next run lists it again."""

    before: str | None
    movable: bool = True  # False for --until windows, single documents, dry runs, and a
    # --since later than the cursor
    stored_records: list[DocumentRecord] = field(default_factory=list)
    failed_records: list[DocumentRecord] = field(default_factory=list)

    def stored(self, record: DocumentRecord) -> None:
        self.stored_records.append(record)

    def not_stored(self, record: DocumentRecord) -> None:
        self.failed_records.append(record)

    @property
    def after(self) -> str | None:
        if not self.movable:
            return self.before
        return next_cursor(self.before, self.stored_records, self.failed_records)


def _oldest(cursors: list[str | None]) -> str | None:
    """The oldest cursor (ISO UTC text sorts as time); None when any dossier has none."""
    known = [c for c in cursors if c is not None]
    return None if not known or len(known) < len(cursors) else min(known)


@dataclass
class SourceTally:
    listed: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    deleted: int = 0
    error: str | None = None
    cursors: dict[str, CursorTracker] = field(default_factory=dict)  # one per dossier

    def count(self, status: str) -> None:
        """One more document of this status (new, changed, unchanged, deleted)."""
        setattr(self, status, getattr(self, status) + 1)

    def as_dict(self) -> dict[str, Any]:
        """Counts, plus each dossier's cursor; `cursor_before`/`cursor_after` are the oldest of
        them (how far the whole source is caught up)."""
        befores = [c.before for c in self.cursors.values()]
        afters = [c.after for c in self.cursors.values()]
        return {
            "listed": self.listed,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "deleted": self.deleted,
            "error": self.error,
            "cursor_before": _oldest(befores),
            "cursor_after": _oldest(afters),
            "cursors": {d: {"before": c.before, "after": c.after} for d, c in self.cursors.items()},
        }


@dataclass
class RunTally:
    """Everything a run did, accumulated as it goes; `as_summary()` makes the stored dict."""

    run_id: str
    flow: str
    params: dict[str, Any]
    dry_run: bool = False
    started_at: datetime = field(default_factory=utc_now)
    sources: dict[str, SourceTally] = field(default_factory=dict)
    fetched: int = 0
    files_new: int = 0
    loaded: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    # files the source did not serve: this run's, and the ids pending from earlier runs
    missing_files: list[dict[str, Any]] = field(default_factory=list)
    pending_missing: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    consultations: list[dict[str, Any]] = field(default_factory=list)
    parse_issues: list[dict[str, Any]] = field(default_factory=list)

    def fail(self, document_id: str, stage: str, reason: str) -> None:
        self.failures.append({"document_id": document_id, "stage": stage, "reason": reason})

    def missing(self, m: MissingFile) -> None:
        self.missing_files.append(
            {"document_id": m.document_id, "status": m.status, "reason": m.reason,
             "since": format_timestamp(m.first_failed_at), "attempts": m.attempts}
        )  # fmt: skip

    def consultation(
        self, document_id: str, title: str | None, status: str, c: Consultation
    ) -> None:
        self.loaded += 1
        self.consultations.append(
            {
                "document_id": document_id,
                "title": title or c.document.title,
                "status": status,
                "pairs": len(c.pairs),
                "pairs_per_fractie": pairs_per_fractie(c),
                "quality": c.quality.verdict,
                "quality_reasons": list(c.quality.reasons),
            }
        )
        for issue in c.issues:
            self.parse_issues.append(
                {"document_id": document_id, "code": issue.code, "message": issue.message}
            )

    def as_summary(self) -> dict[str, Any]:
        s = {name: t.as_dict() for name, t in self.sources.items()}
        totals = {k: sum(t[k] for t in s.values()) for k in ("new", "changed", "deleted")}
        totals |= {"failed": len(self.failures), "fetched": self.fetched}
        totals |= {"files_new": self.files_new, "loaded": self.loaded}
        return {
            "run_id": self.run_id,
            "flow": self.flow,
            "dry_run": self.dry_run,
            "params": self.params,
            "started_at": format_timestamp(self.started_at),
            "finished_at": format_timestamp(utc_now()),
            "totals": totals,
            "sources": s,
            "failures": self.failures,
            "missing_files": self.missing_files,
            "warnings": self.warnings,
            "consultations": self.consultations,
            "parse_issues": self.parse_issues,
        }
