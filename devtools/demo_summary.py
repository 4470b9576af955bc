"""The demo's run summary: documents whose text the stand-in does not hold, apart from failures.

The recordings list every real document of the dossier but hold the text of the example report
only (and two KOOP moties); for the others the replay server serves a small file built from the
title (devtools/replay_data.py). Parsed, such a file is rightly `failed` ("no question found"),
which is no failure of the parser: a newcomer's first summary would be a wall of failures. The
demo knows the files it built (`placeholder_sha256s`), finds the documents whose parse
read one of them, and lists those under "No text recorded in the demo". The product's summary,
the one `jbz report` prints, is left as the run wrote it.
"""

import hashlib
from collections.abc import Mapping, Set
from pathlib import Path
from typing import Any

from devtools.replay_data import Scenario, generated_body
from flows.report import render_markdown
from warehouse.db import connect

NO_TEXT = "no text recorded in the demo"


def placeholder_sha256s(scenario: Scenario) -> set[str]:
    """The sha256 of every file the replay server builds in place of a text the recordings do
    not hold: the generated TK files, KOOP XML that is not a recorded publication (built from
    the title), and every KOOP PDF (built)."""
    recorded = set(scenario.publications.values())
    built = [generated_body(d.raw) for d in scenario.docs.values()]
    built = [b for b, d in zip(built, scenario.docs.values(), strict=True) if d.body in (None, b)]
    built += [r.xml for r in scenario.sru_records if r.xml and r.xml not in recorded]
    built += [r.pdf() for r in scenario.sru_records]
    return {hashlib.sha256(b).hexdigest() for b in built}


def documents_without_text(db_path: Path, placeholder_sha256s: Set[str]) -> set[str]:
    """The documents whose current parse (or failed parse) read a file the demo built."""
    shas = sorted(placeholder_sha256s)
    with connect(db_path, read_only=True) as con:
        rows = con.execute(
            "SELECT document_id FROM consultations WHERE list_contains(?, sha256) UNION "
            "SELECT document_id FROM parse_issues WHERE list_contains(?, sha256)",
            [shas, shas],
        ).fetchall()
    return {str(r[0]) for r in rows}


def _no_text_lines(rows: list[Mapping[str, Any]]) -> list[str]:
    lines = [
        "",
        f"## No text recorded in the demo ({len(rows)})",
        "",
        "Listed and fetched as the real sources list them, but the recordings hold no text of "
        "these reports: the stand-in served a small file built from the title, so they have no "
        "pairs. Not failures: with internet, `jbz ingest` fetches their real text.",
        "",
        "| document | title |",
        "|---|---|",
    ]
    for c in rows:
        title = str(c.get("title") or "").replace("|", "\\|")
        lines.append(f"| {c['document_id']} | {title} |")
    return lines


def render_demo_summary(summary: Mapping[str, Any], without_text: Set[str]) -> str:
    """The run summary with the documents in `without_text` moved to a section of their own."""
    consultations = summary.get("consultations") or []
    issues = summary.get("parse_issues") or []
    held = [c for c in consultations if c["document_id"] not in without_text]
    no_text = [c for c in consultations if c["document_id"] in without_text]
    kept_issues = [i for i in issues if i["document_id"] not in without_text]
    text = render_markdown({**summary, "consultations": held, "parse_issues": kept_issues})
    return text + "\n".join(_no_text_lines(no_text)) + "\n"
