"""The Datasette plugin of `jbz browse`: its search box stems the query as `jbz search` does.

Datasette turns the search box text into an FTS5 expression with its SQL function
`escape_fts` (it quotes every word). Registered after Datasette's own (trylast), ours replaces
it on every connection of `jbz browse`, so the box matches Dutch word forms on the same index.
"""

import sqlite3

from datasette import hookimpl

from warehouse.search_index import match_expression


def stemmed_match(query: str) -> str:
    """The search box text as an FTS5 expression; quoted whole when nothing is searchable."""
    try:
        return match_expression(query)
    except ValueError:
        return '"' + query.replace('"', '""') + '"'


@hookimpl(trylast=True)  # type: ignore[untyped-decorator]
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("escape_fts", 1, stemmed_match)
