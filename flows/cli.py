"""The `jbz` command: argument parsing only; each command lives with the layer that owns it.

Implementations are imported lazily so `jbz parse` does not pay for importing Prefect.
Commands of the tooling (`jbz demo`, in devtools/) come in through the `jbz.commands` entry
point group, so the product never imports the tooling package.
"""

import argparse
import ast
import importlib
import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from contract.errors import JbzError
from contract.kinds import DEFAULT_KINDS

PLUGIN_GROUP = "jbz.commands"


def iso_date(text: str) -> date:
    """Every date option of every command: YYYY-MM-DD, else argparse's one-line usage error
    (exit 2) naming the option."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


# command name -> "module:function"; each function takes the parsed arguments, returns an exit code
COMMANDS: dict[str, str] = {
    "parse": "flows.parse_cmd:cli_parse",
    "export": "flows.export_cmd:cli_export",
    "sql": "flows.sql_cmd:cli_sql",
    "config": "flows.config_cmd:cli_config",
    "check-source": "flows.check_cmd:cli_check_source",
    "ingest": "flows.ingest:cli_ingest",
    "reparse": "flows.reparse:cli_reparse",
    "report": "flows.report:cli_report",
    "councils": "flows.councils_cmd:cli_councils",
    "serve": "flows.serve:cli_serve",
    "search": "flows.search_cmd:cli_search",
    "browse": "flows.browse:cli_browse",
}


def _add_ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--since", type=iso_date, help="only documents changed on or after this date (YYYY-MM-DD)"
    )
    p.add_argument(
        "--until", type=iso_date, help="only documents changed before this date (YYYY-MM-DD)"
    )
    p.add_argument("--source", choices=["tk", "koop", "all"], default="all")
    p.add_argument(
        "--dossier",
        action="append",
        help="a Kamerstukdossier as printed, e.g. 21501-02 (repeatable; default JBZ_DOSSIERS)",
    )
    p.add_argument("--document", help="a single document: tk:<Document GUID> or koop:<identifier>")
    p.add_argument(
        "--kinds",
        help="comma-separated document kinds to fetch (default: "
        + ",".join(k.value for k in DEFAULT_KINDS)
        + ")",
    )
    p.add_argument("--full-refresh", action="store_true", help="ignore the saved cursor")
    p.add_argument("--dry-run", action="store_true", help="discover only; store nothing")


def _add_search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help='words (Dutch word forms match), "a phrase", pre* (a prefix)')
    p.add_argument("--fractie", help="only this fractie, e.g. PVV")
    p.add_argument("--dossier", help="only this Kamerstukdossier, e.g. 32317")
    p.add_argument("--since", type=iso_date, help="Council on or after (YYYY-MM-DD)")
    p.add_argument("--until", type=iso_date, help="Council on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=10, help="at most this many pairs (default 10)")
    p.add_argument(
        "--in",
        dest="search_in",
        choices=["question", "answer", "both"],
        default="both",
        help="search the questions, the answers, or both (default)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")


def _add_warehouse_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`jbz export` and `jbz sql`: the published warehouse as files, or one query's rows."""
    p = sub.add_parser("export", help="write every table and view as Parquet or CSV")
    p.add_argument("--to", required=True, dest="to", help="the folder to write into")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.add_argument(
        "--table",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="only these tables or views, e.g. v_qa_export (repeatable; default all)",
    )
    p = sub.add_parser("sql", help="run a read-only query; print a table, CSV or JSON")
    p.add_argument("query")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jbz", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse a report (txt, pdf, docx, KOOP xml, html)")
    p.add_argument("file")
    p.add_argument("--format", choices=["json", "text"], default="json")

    _add_warehouse_commands(sub)

    sub.add_parser("config", help="show the configuration and the variables that set it")
    p = sub.add_parser("check-source", help="check the live sources against what the code needs")
    p.add_argument(
        "--since",
        type=iso_date,  # a bad date is argparse's one-line usage error, exit 2
        help="count documents per route dated since (default: a year ago)",
    )

    p = sub.add_parser("ingest", help="run the ingest flow once")
    _add_ingest_options(p)

    p = sub.add_parser("reparse", help="re-parse stored raw files (no network)")
    p.add_argument("--document", action="append", help="document id (repeatable); default all")

    p = sub.add_parser("councils", help="print each Council meeting's timeline")
    p.add_argument("--dossier", help="only meetings with a document of this dossier (21501-02)")
    p.add_argument(
        "--since", type=iso_date, help="only meetings starting on or after this date (YYYY-MM-DD)"
    )

    p = sub.add_parser("report", help="print the summary of the last run")
    p.add_argument("--run", help="run id (default: the last run)")

    sub.add_parser("serve", help="start Prefect (if needed) and serve the deployments")

    _add_search_options(sub.add_parser("search", help="ranked full-text search of the pairs"))
    p = sub.add_parser("browse", help="browse and search the pairs in Datasette")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--host", default="127.0.0.1")
    for ep in entry_points(group=PLUGIN_GROUP):
        if ep.name not in COMMANDS:
            sub.add_parser(ep.name, help=_plugin_help(ep.value))
    return parser


def _plugin_help(target: str) -> str:
    """The first line of a tool command's docstring, read from its source: building the parser
    (every `jbz` call) never imports the tooling's modules (only finds their file)."""
    module_name, func_name = target.split(":")
    spec = importlib.util.find_spec(module_name)
    if spec is None or spec.origin is None:
        return ""
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == func_name:
            return (ast.get_docstring(node) or "").split("\n")[0]
    return ""


def _resolve(target: str) -> Callable[[argparse.Namespace], int]:
    module_name, func_name = target.split(":")
    func: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(module_name), func_name
    )
    return func


# what a shell reports for a program ended by a closed pipe (128 + SIGPIPE)
EXIT_CLOSED_PIPE = 141


def quiet_prefect_console() -> None:
    """The CLI prints its own result: hide Prefect's console logs unless the user set a level."""
    if "PREFECT_LOGGING_LEVEL" not in os.environ:
        logging.getLogger("prefect").setLevel(logging.CRITICAL)
        # errors stay visible: a parser crash is logged with its traceback (log.exception)
        logging.getLogger("jbz").setLevel(logging.ERROR)


def _one_line(command: str, exc: BaseException) -> int:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    print(f"jbz {command}: {first}", file=sys.stderr)
    return 1


def run_from_cli(
    command: str,
    run: Callable[[], Any],
    render: Callable[[Mapping[str, Any]], str],
) -> int:
    """Run a flow once from the command line; failures become one line on stderr and exit 1."""
    from prefect.client.schemas.objects import State

    quiet_prefect_console()
    try:
        state = run()
    except JbzError as exc:
        return _one_line(command, exc)
    except RuntimeError as exc:
        # Prefect's "Timed out while attempting to connect to ephemeral Prefect API server."
        # (its message goes on with the server's whole output) is not a bug: say it in one
        # line. Any other RuntimeError is one, and fails loudly.
        if "ephemeral Prefect API" not in str(exc):
            raise
        return _one_line(command, exc)
    assert isinstance(state, State)
    if not state.is_completed():
        failure = state.result(raise_on_failure=False)
        if isinstance(failure, BaseException) and not isinstance(failure, JbzError):
            raise failure  # a bug in the flow: its traceback, not one polite line
        print(f"jbz {command}: {state.message or state.name}", file=sys.stderr)
        return 1
    summary = state.result()
    print(render(summary), end="")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    plugins = {ep.name: ep.value for ep in entry_points(group=PLUGIN_GROUP)}
    command = _resolve(COMMANDS.get(args.command) or plugins[args.command])
    try:
        code = command(args)
        # the last output may still sit in the buffer: a closed pipe shows at this flush
        sys.stdout.flush()
    except BrokenPipeError:
        # `jbz councils | head -1`: the reader has all it wanted. Point stdout at /dev/null so
        # the interpreter's own flush at exit does not raise (and print) the error again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE
    return code


if __name__ == "__main__":
    sys.exit(main())
