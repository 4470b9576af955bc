"""`jbz demo` / `make demo`: the very same ingest flow, offline, against the local replay server.

The replay server (devtools/replay.py) serves the recorded payloads of devtools/recorded/samples as
the TK OData API and KOOP, plus one demo-built record: the example report
(devtools/recorded/schriftelijk-overleg-jbz-2022-12-08.txt) rendered to a PDF by
devtools/builders.build_pdf_from_text and listed as a TK "Verslag van een schriftelijk overleg" in
dossier 32317. Its title says it is demo-built. The warehouse is data/demo.duckdb unless JBZ_DB
is set, so the demo never touches the real data/jbz.duckdb.
"""

import flows.prefect_env  # noqa: F401  (sets PREFECT_HOME before prefect is imported)

# isort: split
import argparse
import os
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from devtools.recorded import EXAMPLE_REPORT

if TYPE_CHECKING:
    from devtools.replay_data import Scenario

DEMO_DB = Path("data") / "demo.duckdb"  # in the working directory, like data/jbz.duckdb
DEMO_DOCUMENT_GUID = str(uuid.uuid5(uuid.NAMESPACE_URL, "jbz-warehouse/demo/so-jbz-2022-12-08"))
DEMO_DOCUMENT_ID = f"tk:{DEMO_DOCUMENT_GUID}"
DEMO_TITLE = (
    "Verslag van een schriftelijk overleg over de JBZ-Raad op 8 en 9 december 2022 "
    "(vreemdelingen- en asielonderwerpen) [demo: PDF built from the example text]"
)

# What a reader asks first: how much did each fractie ask, and what did the government answer?
PAIRS_PER_FRACTIE = (
    "SELECT fractie, count(*) AS pairs, sum(question_count) AS questions "
    "FROM v_qa WHERE document_id = '{doc}' GROUP BY fractie ORDER BY pairs DESC, fractie"
)
# One Council meeting from agenda to report (v_council_timeline, also `jbz councils`)
ONE_MEETING = "SELECT * FROM v_council_timeline WHERE meeting_id = 'jbz-raad-2025-07-22'"
ONE_PVV_PAIR = (
    "SELECT seq, topic, left(question, 300) AS question, left(answer, 300) AS answer "
    "FROM v_qa WHERE document_id = '{doc}' AND fractie = 'PVV' ORDER BY seq LIMIT 1"
)


def demo_record() -> dict[str, Any]:
    """The example report as a TK `Document` record (v4 field names, as the API sends them)."""
    return {
        "Id": DEMO_DOCUMENT_GUID,
        "Soort": "Verslag van een schriftelijk overleg",
        "DocumentNummer": "2022D00000",
        "Titel": "JBZ-Raad",
        "Onderwerp": DEMO_TITLE,
        "Datum": "2022-12-07T00:00:00+01:00",
        "Vergaderjaar": "2022-2023",
        "Kamer": 2,
        "Volgnummer": -1,
        "Citeertitel": None,
        "Alias": None,
        "DatumRegistratie": "2022-12-07T00:00:00+01:00",
        "DatumOntvangst": None,
        "Aanhangselnummer": None,
        "KenmerkAfzender": None,
        "Organisatie": "Tweede Kamer",
        "ContentType": "application/pdf",
        "ContentLength": None,
        "GewijzigdOp": "2025-10-03T09:00:00+02:00",
        "ApiGewijzigdOp": "2025-10-03T07:00:00Z",
        "Verwijderd": False,
    }


def demo_scenario() -> "Scenario":
    """The recorded dossier plus the example report served as a PDF."""
    from devtools.builders import build_pdf_from_text
    from devtools.replay_data import load_sample_scenario

    scenario = load_sample_scenario()
    pdf = build_pdf_from_text(EXAMPLE_REPORT.read_text(encoding="utf-8"))
    scenario.add_document(demo_record(), body=pdf)
    return scenario


def _print_queries() -> None:
    from flows.sql_cmd import cli_sql

    for title, sql in (
        ("Pairs per fractie in the example report", PAIRS_PER_FRACTIE),
        ("One PVV question and the government's answer", ONE_PVV_PAIR),
        ("One Council meeting: the informal JBZ-Raad of 22-23 July 2025", ONE_MEETING),
    ):
        query = sql.format(doc=DEMO_DOCUMENT_ID)
        print(f'\n## {title}\n\n$ jbz sql "{query}"\n', flush=True)
        cli_sql(argparse.Namespace(query=query, format="table"))


def _run_ingest(placeholders: set[str]) -> int:
    """One ingest run, as `jbz ingest` with no options, its summary printed the demo's way."""
    from devtools.demo_summary import documents_without_text, render_demo_summary
    from flows import cli
    from flows.ingest import ingest, params_from_args

    params = params_from_args(
        argparse.Namespace(
            since=None,
            until=None,
            source="all",
            dossier=None,
            document=None,
            kinds=None,
            full_refresh=False,
            dry_run=False,
        )
    )

    def render(summary: Mapping[str, Any]) -> str:
        without = documents_without_text(Path(os.environ["JBZ_DB"]), placeholders)
        return render_demo_summary(summary, without)

    return cli.run_from_cli("ingest", lambda: ingest(params, return_state=True), render)


def cli_demo(args: argparse.Namespace) -> int:
    """Run the ingest flow against the replay server, print the summary and example queries."""
    from devtools.demo_summary import placeholder_sha256s
    from devtools.replay import ReplayServer

    os.environ.setdefault("JBZ_DB", str(DEMO_DB))
    Path(os.environ["JBZ_DB"]).parent.mkdir(parents=True, exist_ok=True)
    with ReplayServer(demo_scenario()) as replay:
        os.environ.update(replay.env())  # before the first load_config() of this process
        print(
            f"replaying the recorded sources on {replay.base_url}; warehouse "
            f"{os.environ['JBZ_DB']} (first run of the day: Prefect needs ~30 s to start)\n"
            "The recordings hold the text of the example report only: the others are listed "
            "under 'No text recorded in the demo', apart from any failure.",
            flush=True,
        )
        code = _run_ingest(placeholder_sha256s(replay.scenario))
    if code == 0:
        print(
            f"\nWarehouse: {os.environ['JBZ_DB']}  (try: JBZ_DB={os.environ['JBZ_DB']} "
            'jbz sql "SELECT * FROM v_questions_per_fractie")'
        )
        _print_queries()
    return code
