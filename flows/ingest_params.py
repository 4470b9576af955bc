"""The parameters of one ingest run (the Prefect UI's run form, and `jbz ingest`'s options).

No `from __future__ import annotations` here: it breaks Prefect's parameter validation of
served flows (a Prefect bug).
"""

import argparse
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from contract.kinds import DEFAULT_KINDS, DocumentKind
from flows.config import split_dossier

SourceChoice = Literal["tk", "koop", "all"]


class IngestParams(BaseModel):
    """What one ingest run does; the Prefect UI renders this as the run form."""

    model_config = ConfigDict(extra="forbid")

    since: date | None = Field(
        default=None,
        description="Backfill: only documents changed on or after this date. "
        "Empty: continue from the saved cursor.",
    )
    until: date | None = Field(
        default=None, description="Only documents changed before this date (backfill window)."
    )
    sources: SourceChoice = Field(
        default="all", description="Which source to read: tk (Tweede Kamer OData), koop, or all."
    )
    kinds: list[DocumentKind] = Field(
        default_factory=lambda: list[DocumentKind](DEFAULT_KINDS),
        description="Document kinds whose files are fetched and kept; only verslag/inbreng "
        "schriftelijk overleg are parsed. Other listed documents are kept as metadata.",
    )
    dossiers: list[str] | None = Field(
        default=None,
        description="Kamerstukdossiers as printed, e.g. 32317 or 21501-02. Empty: JBZ_DOSSIERS "
        "(default 32317). A dossier listed for the first time is backfilled on its own.",
    )
    document_id: str | None = Field(
        default=None,
        pattern=r"^(tk|koop):\S+$",  # the prefix picks the source (selected_sources)
        # the Prefect UI renders descriptions as HTML: a bare <GUID> would vanish as a tag
        description="A single document: 'tk:&lt;GUID&gt;' (the TK Document id) or "
        "'koop:&lt;identifier&gt;' (e.g. koop:kst-32317-909). The cursor is not moved.",
    )
    full_refresh: bool = Field(
        default=False,
        description="Ignore the saved cursor: list everything again.",
    )
    dry_run: bool = Field(
        default=False, description="Discover only: list and count, store nothing."
    )
    sweep_days: int | None = Field(
        default=None,
        ge=1,
        description="Sweep: re-list the last this many days of each dossier (corrections and "
        "late publications older than the cursor). The weekly sweep schedule sets it; "
        "Since wins when both are given. The cursor never moves back.",
    )

    @model_validator(mode="after")
    def _window_is_forward(self) -> "IngestParams":
        if self.since and self.until and self.until <= self.since:
            raise ValueError("until must be after since")
        for d in self.dossiers or ():
            split_dossier(d)  # ValueError: "… is not a dossier number such as …"
        return self

    def selected_sources(self) -> tuple[str, ...]:
        if self.document_id:
            return (self.document_id.split(":", 1)[0],)
        return ("tk", "koop") if self.sources == "all" else (self.sources,)

    def effective_since(self, today: date) -> date | None:
        """Where a backfill or a sweep starts listing: `since`, or `today - sweep_days`."""
        if self.since is not None or self.sweep_days is None:
            return self.since
        return today - timedelta(days=self.sweep_days)


DEFAULT_PARAMS = IngestParams()


def is_backfill(params: IngestParams, cursor: str | None) -> bool:
    """Not a listing from the saved cursor: `--since`, a sweep, `--full-refresh`, one
    `--document`, or a dossier without cursor yet (its first run lists its whole history)."""
    listed_from_a_date = params.since or params.sweep_days
    return bool(listed_from_a_date or params.full_refresh or params.document_id or not cursor)


def params_from_args(args: argparse.Namespace) -> IngestParams:
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] if args.kinds else None
    values: dict[str, Any] = {
        "since": args.since,
        "until": args.until,
        "sources": args.source,
        "dossiers": args.dossier or None,
        "document_id": args.document,
        "full_refresh": args.full_refresh,
        "dry_run": args.dry_run,
    }
    if kinds is not None:
        values["kinds"] = kinds
    return IngestParams.model_validate(values)
