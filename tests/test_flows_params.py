"""Run parameters and run-summary bookkeeping (no flow runs here)."""

import argparse
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from contract.records import ALL_KINDS, KIND_VERSLAG, DocumentRecord
from flows.cli import build_parser
from flows.ingest import DEFAULT_KINDS, IngestParams, params_from_args
from flows.pipeline import CursorTracker
from flows.report import render_markdown


def test_cli_options_become_the_same_parameters_as_the_ui_form() -> None:
    args = build_parser().parse_args(
        ["ingest", "--since", "2024-09-01", "--until", "2025-01-01", "--source", "tk",
         "--kinds", "verslag_schriftelijk_overleg, inbreng_schriftelijk_overleg",
         "--full-refresh", "--dry-run"]
    )  # fmt: skip
    params = params_from_args(args)
    assert params.since == date(2024, 9, 1) and params.until == date(2025, 1, 1)
    assert params.sources == "tk" and params.selected_sources() == ("tk",)
    assert params.kinds == ["verslag_schriftelijk_overleg", "inbreng_schriftelijk_overleg"]
    assert params.full_refresh and params.dry_run
    defaults = params_from_args(build_parser().parse_args(["ingest"]))
    assert defaults == IngestParams() and defaults.selected_sources() == ("tk", "koop")
    assert set(DEFAULT_KINDS) < set(ALL_KINDS)


def test_a_single_document_picks_its_source() -> None:
    assert IngestParams(document_id="koop:kst-32317-909").selected_sources() == ("koop",)


@pytest.mark.parametrize(
    "values",
    [
        {"kinds": ["motie"]},
        {"sources": "ek"},
        {"since": "2025-02-01", "until": "2025-01-01"},
        {"document_id": "0b1c2d3e-0000-4000-8000-000000000000"},  # no source prefix
        {"document_id": "ek:kst-32317-909"},
    ],
)
def test_bad_parameters_are_refused(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        IngestParams.model_validate(values)


def test_every_parameter_is_described_for_the_run_form() -> None:
    schema = IngestParams.model_json_schema()
    assert all(p.get("description") for p in schema["properties"].values())


def _record(n: int) -> DocumentRecord:
    return DocumentRecord(
        document_id=f"tk:{n}", source="tk", source_id=str(n), kind=KIND_VERSLAG, soort=None,
        title=None, dossier="32317", ondernummer=None, document_number=None, document_date=None,
        modified_at=datetime(2025, 1, n, tzinfo=UTC), deleted=False, version=None, koop_id=None,
        file_url=None,
    )  # fmt: skip


def test_cursor_stops_before_the_first_document_not_stored() -> None:
    cursor = CursorTracker(before="2024-12-31T00:00:00+00:00")
    cursor.stored(_record(1))
    cursor.stored(_record(2))
    cursor.not_stored(_record(3))
    cursor.stored(_record(4))
    assert cursor.after is not None and cursor.after.startswith("2025-01-02T00:00")
    backfill = CursorTracker(before=None, movable=False)
    backfill.stored(_record(5))
    assert backfill.after is None


def test_summary_markdown_names_failures_and_pairs_per_fractie() -> None:
    summary = {
        "run_id": "r1",
        "flow": "ingest",
        "totals": {"new": 1, "changed": 0, "deleted": 0, "failed": 1},
        "sources": {"tk": {"listed": 2, "new": 1, "cursor_before": None, "cursor_after": "x"}},
        "failures": [{"document_id": "tk:2", "stage": "fetch", "reason": "HTTP 404 | gone"}],
        "consultations": [
            {"document_id": "tk:1", "title": "Verslag", "status": "new", "pairs": 3,
             "pairs_per_fractie": {"VVD": 2, "PVV": 1}}
        ],
        "parse_issues": [],
    }  # fmt: skip
    text = render_markdown(summary)
    assert "HTTP 404 \\| gone" in text  # a pipe in a reason does not break the table
    assert "| VVD | 2 |" in text and "| PVV | 1 |" in text
    assert "**1 failed**" in text


def test_a_sweep_lists_from_a_date_and_counts_as_a_backfill() -> None:
    from flows.ingest_params import is_backfill
    from flows.sources.cursor import backfill_keeps_cursor

    today = date(2026, 12, 3)
    sweep = IngestParams(sweep_days=400)
    assert sweep.effective_since(today) == date(2025, 10, 29)
    assert IngestParams().effective_since(today) is None  # a plain run: from the cursor
    both = IngestParams(since=date(2026, 1, 1), sweep_days=400)
    assert both.effective_since(today) == date(2026, 1, 1)  # an explicit since wins
    cursor = "2026-12-02T10:00:00.000000+00:00"
    assert is_backfill(sweep, cursor) and not is_backfill(IngestParams(), cursor)
    # the sweep starts before the cursor: it may move it, and next_cursor never moves it back
    assert not backfill_keeps_cursor(sweep.effective_since(today), cursor)
    # a cursor older than the sweep's first day: moving it would skip the gap between the two
    assert backfill_keeps_cursor(sweep.effective_since(today), "2024-01-01T00:00:00+00:00")
    with pytest.raises(ValidationError):
        IngestParams(sweep_days=0)


def test_a_sweep_never_moves_a_cursor_back() -> None:
    cursor = CursorTracker(before="2025-01-03T00:00:00.000000+00:00")
    cursor.stored(_record(1))  # a correction from before the cursor, found by the sweep
    cursor.stored(_record(2))
    assert cursor.after == "2025-01-03T00:00:00.000000+00:00"
    cursor.not_stored(_record(1))  # a sweep's failure older than the cursor holds nothing back
    assert cursor.after == "2025-01-03T00:00:00.000000+00:00"


def test_the_cli_help_names_the_default_kinds_the_run_uses() -> None:
    """One rule: `jbz ingest --help`, the run form's default and the ingest share DEFAULT_KINDS."""
    from flows.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    kinds = next(a for a in sub.choices["ingest"]._actions if a.dest == "kinds")
    assert kinds.help is not None
    listed = kinds.help.split("(default: ")[1].rstrip(")").split(",")
    assert listed == [k.value for k in DEFAULT_KINDS] == IngestParams().kinds


def test_sources_are_chosen_by_name_and_an_unknown_one_is_refused() -> None:
    """The registry, not an `if` on the name: every source the run form offers is registered,
    and a record of an unknown source is refused with a clear error, never fetched as TK."""
    from typing import get_args

    from contract.errors import JbzError
    from flows.ingest_params import SourceChoice
    from flows.registry import SOURCES, UnknownSource, fetch_document, get_source

    assert set(get_args(SourceChoice)) - {"all"} == set(SOURCES)
    assert all(get_source(name).name == name for name in SOURCES)
    with pytest.raises(UnknownSource, match="unknown source 'ek': one of tk, koop"):
        get_source("ek")
    odd = DocumentRecord("ek:1", "ek", "1", KIND_VERSLAG, None, None, None, None, None, None,
                         None, False, None, None, "https://example.invalid/1")  # fmt: skip
    with pytest.raises(JbzError, match="unknown source"):
        fetch_document(None, None, odd)  # type: ignore[arg-type]
