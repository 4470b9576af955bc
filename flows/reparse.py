"""The `reparse` flow: parse the stored raw files again and reload (no network).

For after a parser fix. Each document is re-parsed from the newest stored file of that document
and its consultation replaced in one transaction, so running it without a parser change
changes nothing. Documents are parsed with no connection held (their files read READ_FILES at a
time) and loaded through the ingest's own path (flows/batches.py), `load.BATCH_DOCUMENTS` a
transaction, each document still wholly old or new.

No `from __future__ import annotations` here: it breaks Prefect's parameter validation.
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
import argparse
from typing import Any

from prefect import flow, get_run_logger
from prefect.states import Failed
from pydantic import BaseModel, ConfigDict, Field

from contract.records import PARSEABLE_KINDS
from flows import batches, cli, parsing, runtime, stored
from flows.pipeline import RunTally
from flows.report import publish_artifact, render_markdown
from warehouse import load


class ReparseParams(BaseModel):
    """Which stored documents to parse again; the Prefect UI renders this as the run form."""

    model_config = ConfigDict(extra="forbid")

    document_ids: list[str] = Field(
        default_factory=list,
        description="Document ids to re-parse, e.g. 'tk:<GUID>' or 'koop:kst-32317-909'. "
        "Empty: every stored report of a parseable kind.",
    )


DEFAULT_REPARSE = ReparseParams()
# stored files read per query: the bytes are dropped once parsed, so a batch holds the parses
READ_FILES = 50


def _targets(db_path: str, params: ReparseParams) -> list[str]:
    if params.document_ids:
        return list(params.document_ids)
    with runtime.open_warehouse(db_path) as con:
        return load.document_ids_of_kinds(con, PARSEABLE_KINDS)


def _parse_stored(db_path: str, document_ids: list[str], batch: batches.Batch) -> None:
    """Parse the newest stored file of each document, with no connection held while parsing
    (the bytes are sniffed afresh, so a fix to the sniffer reaches the archive too), and add
    each parse to the batch."""
    with runtime.open_warehouse(db_path) as con:  # one query for these documents' newest files
        newest = {r.document_id: r for r in load.iter_raw_files(con, document_ids)}
    for document_id in document_ids:
        raw = newest.pop(document_id, None)
        if raw is None:
            batch.tally.fail(document_id, "reparse", "no stored file for this document")
            continue
        p = parsing.parse_file(document_id, raw.data, soort=raw.soort)
        batch.add(batches.Arrival(document_id, raw.sha256, "reparsed", p))


@flow(name="reparse", log_prints=True)
def reparse(params: ReparseParams = DEFAULT_REPARSE) -> Any:
    """Re-parse stored raw files and replace their consultations; publish a summary."""
    logger = get_run_logger()
    db_path = runtime.prepare_work_db()
    tally = RunTally(
        run_id=runtime.current_run_id(), flow="reparse", params=params.model_dump(mode="json")
    )
    with runtime.open_warehouse(db_path) as con:
        stored.start_run(con, tally)
    targets = _targets(db_path, params)
    logger.info("re-parsing %d documents", len(targets))
    batch = batches.Batch(db_path, tally)  # the same store-and-load path as an ingest
    for first in range(0, len(targets), READ_FILES):
        _parse_stored(db_path, targets[first : first + READ_FILES], batch)
    batch.flush()
    with runtime.open_warehouse(db_path) as con:
        stored.link_council_meetings(con, tally)
    summary = tally.as_summary()
    with runtime.open_warehouse(db_path) as con:
        load.finish_run(con, tally.run_id, summary)
    runtime.publish_if_changed(db_path, summary)
    publish_artifact(summary)
    if params.document_ids and tally.failures:
        return Failed(
            message=f"{len(tally.failures)} of {len(targets)} documents failed", data=summary
        )
    return summary


def cli_reparse(args: argparse.Namespace) -> int:
    """`jbz reparse [--document ID …]`: run the reparse flow once (no network)."""
    params = ReparseParams(document_ids=list(args.document or []))
    return cli.run_from_cli("reparse", lambda: reparse(params, return_state=True), render_markdown)
