"""The page's ranking and marks, from the same FTS5 index and expression as `jbz search`.

`rank_positions` orders every match of a query exactly as `search_pairs` does (BM25 with the
index's weights, ties by row id), so the page's first result is `jbz search`'s first. `marks`
gives, for one pair, the stretches of its question and answer FTS5 marks for a query: the
text columns mark prefix and compound matches, the stem columns (whose content is the same
text) mark stem matches, and a text's marks are both together.
"""

import sqlite3
from dataclasses import dataclass

from warehouse.db import WarehouseRefusal
from warehouse.search import BM25
from warehouse.search_index import match_expression

# FTS5 highlight() puts these around each match; control characters never occur in the texts
_OPEN, _CLOSE = "\x02", "\x03"
Span = tuple[int, int]


@dataclass(frozen=True)
class Marked:
    """A text and the (start, end) character stretches a search matched in it."""

    text: str
    spans: tuple[Span, ...]


def rank_positions(con: sqlite3.Connection, query: str, search_in: str = "both") -> dict[int, int]:
    """pair id -> its place (1 = best) among all matches of `query`. ValueError as search_pairs."""
    # the ordering of warehouse/search.py, without its filters and limit
    sql = f"SELECT rowid FROM pairs_fts WHERE pairs_fts MATCH ? ORDER BY {BM25}, rowid"
    try:
        rows = con.execute(sql, [match_expression(query, search_in)]).fetchall()
    except sqlite3.OperationalError as exc:
        raise WarehouseRefusal(f"cannot search for {query!r}: {exc}") from exc
    return {int(r[0]): n for n, r in enumerate(rows, 1)}


def newest_positions(con: sqlite3.Connection) -> dict[int, int]:
    """pair id -> its place (1 = first) with the newest Council first, a report's pairs in order."""
    rows = con.execute("SELECT id FROM pairs ORDER BY date DESC, id").fetchall()
    return {int(r[0]): n for n, r in enumerate(rows, 1)}


def _spans(highlighted: str) -> tuple[str, list[Span]]:
    """The text without the highlight markers, and where the markers were."""
    text: list[str] = []
    spans: list[Span] = []
    pos, start = 0, 0
    for ch in highlighted:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE:
            spans.append((start, pos))
        else:
            text.append(ch)
            pos += 1
    return "".join(text), spans


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def marks(con: sqlite3.Connection, query: str, pair_id: int) -> dict[str, Marked]:
    """{"question": Marked, "answer": Marked} of one pair; {} when it does not match."""
    hl = ", ".join(f"highlight(pairs_fts, {c}, '{_OPEN}', '{_CLOSE}')" for c in range(4))
    try:
        row = con.execute(
            f"SELECT {hl} FROM pairs_fts WHERE pairs_fts MATCH ? AND rowid = ?",
            [match_expression(query), pair_id],
        ).fetchone()
    except (sqlite3.OperationalError, WarehouseRefusal):
        return {}  # a query the search cannot read marks nothing (the page says why)
    if row is None:
        return {}
    out: dict[str, Marked] = {}
    for name, text_col, stem_col in (("question", 0, 2), ("answer", 1, 3)):
        if row[text_col] is None:
            continue
        text, spans = _spans(row[text_col])
        spans += _spans(row[stem_col])[1]
        out[name] = Marked(text, _merge(spans))
    return out
