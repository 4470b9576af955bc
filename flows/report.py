"""The run summary: one markdown text for the Prefect artifact and for `jbz report`.

The summary is a plain JSON-able dict (built by flows/pipeline.py, stored in the `runs` table by
warehouse.load.finish_run), so the command line can print the very same report the UI shows
without Prefect.
"""

import argparse
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

MAX_LISTED = 50  # longer lists are cut in the markdown (the runs table keeps them whole)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows[:MAX_LISTED]:
        cells = [str(c).replace("|", "\\|").replace("\n", " ") for c in row]
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > MAX_LISTED:
        lines.append(f"\n… and {len(rows) - MAX_LISTED} more")
    return lines


def _source_rows(sources: Mapping[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for name, s in sources.items():
        rows.append(
            [
                name,
                s.get("listed", 0),
                s.get("new", 0),
                s.get("changed", 0),
                s.get("unchanged", 0),
                s.get("deleted", 0),
                s.get("cursor_before") or "–",
                s.get("cursor_after") or "–",
            ]
        )
    return rows


def _consultation_lines(consultations: Sequence[Mapping[str, Any]]) -> list[str]:
    """One table of all loaded consultations, then pairs per fractie of each one with pairs."""
    rows = [
        [c["document_id"], c.get("title") or "", c.get("status", ""), c.get("pairs", 0),
         c.get("quality", "")]
        for c in consultations
    ]  # fmt: skip
    lines = ["", *_table(["document", "title", "status", "pairs", "quality"], rows)]
    for c in consultations:
        per = c.get("pairs_per_fractie") or {}
        if not per:
            continue
        title = c.get("title") or c["document_id"]
        lines += ["", f"**{title}** (`{c['document_id']}`): {c.get('pairs', 0)} pairs", ""]
        lines += _table(["fractie", "pairs"], sorted(per.items(), key=lambda kv: -int(kv[1])))
    return lines


def _issue_lines(issues: Sequence[Mapping[str, Any]]) -> list[str]:
    by_code = Counter(str(i.get("code", "")) for i in issues)
    lines = ["By code: " + ", ".join(f"`{code}` {n}" for code, n in by_code.most_common()), ""]
    rows = [[i["document_id"], i.get("code", ""), i.get("message", "")] for i in issues]
    return lines + _table(["document", "code", "message"], rows)


def _quality_lines(consultations: Sequence[Mapping[str, Any]]) -> list[str]:
    """The parses the parser itself calls suspect or failed: the documents to look at."""
    bad = [c for c in consultations if c.get("quality", "ok") != "ok"]
    lines = ["", f"## Parses to look at ({len(bad)})", ""]
    if not bad:
        return [*lines, "None: every loaded parse passed its own checks."]
    rows = [
        [c["document_id"], c.get("quality", ""), ", ".join(c.get("quality_reasons") or [])]
        for c in bad
    ]
    return lines + _table(["document", "verdict", "reasons"], rows)


def render_markdown(summary: Mapping[str, Any]) -> str:
    """The run summary as markdown (shown as the run's artifact and printed by `jbz report`)."""
    t = summary.get("totals", {})
    mode = " (dry run: nothing stored)" if summary.get("dry_run") else ""
    lines = [
        f"# {summary.get('flow', 'ingest')} run {summary.get('run_id', '?')}{mode}",
        "",
        f"Started {summary.get('started_at', '?')}, finished {summary.get('finished_at', '?')}.",
        "",
        f"Documents: **{t.get('new', 0)} new**, **{t.get('changed', 0)} changed**, "
        f"**{t.get('deleted', 0)} deleted**, **{t.get('failed', 0)} failed**; "
        f"files fetched {t.get('fetched', 0)} ({t.get('files_new', 0)} new), "
        f"consultations loaded {t.get('loaded', 0)}.",
    ]
    sources = summary.get("sources") or {}
    if sources:
        lines += ["", "## Sources", ""]
        header = ["source", "listed", "new", "changed", "unchanged", "deleted"]
        lines += _table([*header, "cursor before", "cursor after"], _source_rows(sources))
        for name, s in sources.items():
            if s.get("error"):
                lines.append(f"\n{name}: **{s['error']}**")
    failures = summary.get("failures") or []
    lines += ["", f"## Failed documents ({len(failures)})", ""]
    if failures:
        rows = [[f["document_id"], f.get("stage", ""), f.get("reason", "")] for f in failures]
        lines += _table(["document", "stage", "reason"], rows)
    else:
        lines.append("None.")
    lines += _missing_lines(summary)
    consultations = summary.get("consultations") or []
    lines += ["", f"## Consultations loaded ({len(consultations)})"]
    lines += _consultation_lines(consultations) if consultations else ["", "None."]
    lines += _quality_lines(consultations)
    issues = summary.get("parse_issues") or []
    lines += ["", f"## Parse issues ({len(issues)})", ""]
    if issues:
        lines += _issue_lines(issues)
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _missing_lines(summary: Mapping[str, Any]) -> list[str]:
    """Files the source did not serve (retried on later runs; "missing at the source" after
    JBZ_MISSING_AFTER_DAYS), and optional source fields it lacks."""
    lines: list[str] = []
    missing = summary.get("missing_files") or []
    if missing:
        lines += ["", f"## Files the source did not serve ({len(missing)})", ""]
        rows = [[m["document_id"], m["status"].replace("_", " "), m["since"], m["reason"]]
                for m in missing]  # fmt: skip
        lines += _table(["document", "status", "since", "reason"], rows)
    for warning in summary.get("warnings") or []:
        lines.append(f"\nwarning: {warning}")
    return lines


def publish_artifact(summary: Mapping[str, Any]) -> None:
    """Attach the summary to the current flow run (Prefect UI: the run's Artifacts tab)."""
    from prefect.artifacts import create_markdown_artifact

    flow = str(summary.get("flow", "ingest"))
    create_markdown_artifact(
        markdown=render_markdown(summary),
        key=f"{flow}-summary",
        description=f"Summary of this {flow} run",
    )


def cli_report(args: argparse.Namespace) -> int:
    """`jbz report [--run ID]`: print the summary of the last (or the given) run."""
    from warehouse import db, load, publish

    try:
        # the runs are the pipeline's own record: its working database has every run, while
        # the snapshot is published only after runs that changed something
        with db.connect(publish.default_work_path(), read_only=True, wait_seconds=5.0) as con:
            run = load.get_run(con, args.run) if args.run else load.last_run(con)
    except (FileNotFoundError, db.WarehouseBusy) as exc:
        print(f"jbz report: {exc}", file=sys.stderr)
        return 1
    if run is None:
        wanted = f"no run {args.run} recorded" if args.run else "no runs recorded yet"
        print(f"jbz report: {wanted}: start one with `jbz ingest` or `jbz demo`", file=sys.stderr)
        return 1
    summary = run.get("summary")
    if not isinstance(summary, dict):
        print(f"run {run['run_id']} started at {run.get('started_at')} has not finished yet")
        return 0
    print(render_markdown(summary), end="")
    return 0
