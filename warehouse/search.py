"""Querying the published search index (warehouse/search_index.py): BM25-ranked pairs.

`jbz search` (flows/search_cmd.py) and the tests call `search_pairs`; Datasette's stemmed
search query calls the same `match_expression` through a SQL function (flows/browse.py).
"""

import sqlite3
from dataclasses import dataclass
from datetime import date

from warehouse.db import WarehouseRefusal
from warehouse.search_index import RANK, match_expression

MARK_START = "<mark>"
MARK_END = "</mark>"
SNIPPET_TOKENS = 24


@dataclass(frozen=True)
class SearchFilters:
    fractie: str | None = None
    dossier: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 10
    search_in: str = "both"  # question | answer | both (search_index.SEARCH_IN)


@dataclass(frozen=True)
class SearchHit:
    """One pair found; `score` is -bm25 (higher is better), `snippet` marks the words found."""

    document_id: str
    seq: int
    fractie: str
    topic: str | None
    council: str | None
    date: str | None
    score: float
    snippet: str
    question: str
    answer: str | None


def _where(filters: SearchFilters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if filters.fractie:
        # any of the pair's fracties, by name, abbreviation or alias ("GroenLinks" finds the
        # joint block "PvdA en GroenLinks"); `fractie_names` is "|name|name|", lower case
        clauses.append("(f.fractie = ? COLLATE NOCASE OR instr(f.fractie_names, ?) > 0)")
        params += [filters.fractie, f"|{filters.fractie.strip().lower()}|"]
    if filters.dossier:
        clauses.append("f.dossier = ?")
        params.append(filters.dossier)
    if filters.since:
        clauses.append("f.date >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        clauses.append("f.date <= ?")
        params.append(filters.until.isoformat())
    return "".join(f" AND {c}" for c in clauses), params


# FTS5's BM25 with the index's column weights (search_index.RANK), called as a function rather
# than read from the `rank` column: SQLite then checks the filters before it ranks a match, and
# while it ranks it keeps the best `limit` rows only, making snippets for those alone (FTS5's
# own rank sorter ranks and sorts every match first; bench/search.py).
BM25 = "bm25(pairs_fts, " + RANK.removeprefix("bm25(")


def _sql(filters: SearchFilters) -> tuple[str, list[object]]:
    """The query and its filter parameters. The inner query ranks the matches (joined to their
    pair only to filter); the texts are read for the rows it keeps. Ties (equal texts) come in
    index order."""
    where, params = _where(filters)
    join = " CROSS JOIN pairs f ON f.id = pairs_fts.rowid" if where else ""
    best = (
        f"SELECT pairs_fts.rowid AS id, {BM25} AS bm25, "
        "snippet(pairs_fts, -1, ?, ?, '…', ?) AS snippet "
        f"FROM pairs_fts{join} WHERE pairs_fts MATCH ?{where} "
        "ORDER BY bm25, pairs_fts.rowid LIMIT ?"
    )
    # the consultation's title names the Council (`council`); it is kept once per consultation
    sql = (
        "SELECT p.document_id, p.seq, p.fractie, p.topic, coalesce(c.title, p.date), p.date, "
        f"best.bm25, best.snippet, p.question, p.answer FROM ({best}) best "
        "CROSS JOIN pairs p ON p.id = best.id "
        "LEFT JOIN consultations c ON c.consultation_id = p.consultation_id "
        "ORDER BY best.bm25, best.id"
    )
    return sql, params


def search_pairs(con: sqlite3.Connection, query: str, filters: SearchFilters) -> list[SearchHit]:
    """The pairs matching `query`, best first. ValueError for a query FTS5 cannot read."""
    sql, params = _sql(filters)
    match = match_expression(query, filters.search_in)
    args = [MARK_START, MARK_END, SNIPPET_TOKENS, match, *params, filters.limit]
    try:
        rows = con.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:  # e.g. "fts5: syntax error near …"
        raise WarehouseRefusal(f"cannot search for {query!r}: {exc}") from exc
    return [
        SearchHit(
            document_id=r[0],
            seq=int(r[1]),
            fractie=r[2],
            topic=r[3],
            council=r[4],
            date=r[5],
            score=round(-float(r[6]), 4),
            snippet=r[7],
            question=r[8],
            answer=r[9],
        )
        for r in rows
    ]
