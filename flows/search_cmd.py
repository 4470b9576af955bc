"""`jbz search QUERY …`: ranked question/answer pairs from the published search index."""

import argparse
import dataclasses
import json
import sys
import textwrap
from contextlib import closing

from contract.errors import JbzError
from warehouse import db, publish
from warehouse.search import SearchFilters, SearchHit, search_pairs
from warehouse.search_index import open_index


def render_text(hits: list[SearchHit]) -> str:
    if not hits:
        return "no pairs found\n"
    out: list[str] = []
    for n, h in enumerate(hits, 1):
        topic = f" · {h.topic}" if h.topic else ""
        out.append(f"{n}. {h.fractie} · {h.date} · seq {h.seq}{topic}  (score {h.score:.2f})")
        out.append(f"   {h.council}  [{h.document_id}]")
        snippet = h.snippet.replace("<mark>", "[").replace("</mark>", "]")
        out += textwrap.wrap(snippet, 96, initial_indent="   ", subsequent_indent="   ")
        out.append("")
    return "\n".join(out)


def cli_search(args: argparse.Namespace) -> int:
    """Search the published index; JSON rows have exactly the keys of SearchHit."""
    filters = SearchFilters(
        args.fractie,
        args.dossier,
        args.since,
        args.until,
        args.limit,
        getattr(args, "search_in", "both"),
    )
    try:
        with closing(open_index(publish.search_path(db.default_db_path()))) as con:
            hits = search_pairs(con, args.query, filters)
    except (FileNotFoundError, JbzError) as exc:
        print(f"jbz search: {exc}", file=sys.stderr)
        return 1 if isinstance(exc, FileNotFoundError) else 2
    if args.format == "json":
        rows = [dataclasses.asdict(h) for h in hits]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print(render_text(hits), end="")
    return 0
