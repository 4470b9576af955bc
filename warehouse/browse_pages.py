"""What the pair page and the Council meeting page of `jbz browse` show, read from the index.

flows/browse_plugin.py renders them; the SQL stays here, in the warehouse. Each reader takes the
SQLite connection Datasette hands its functions and returns plain rows (sqlite3.Row mappings),
or None when there is no such pair or meeting.
"""

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class PairPage:
    pair: Row  # the pair, with its consultation's title, links and verdict
    refers_to: tuple[Row, ...]  # the pairs its answer points to: id, fractie, seq, question
    referred_by: tuple[Row, ...]  # the pairs whose answer points to this one


@dataclass(frozen=True)
class MeetingPage:
    meeting: Row
    documents: tuple[Row, ...]  # role, label, date, title, page_url
    consultations: tuple[Row, ...]  # with quality and pair_count
    per_fractie: tuple[Row, ...]  # fractie, pairs


def _rows(con: sqlite3.Connection, sql: str, params: list[Any]) -> tuple[Row, ...]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return tuple(dict(zip(names, r, strict=True)) for r in cursor.fetchall())


def pair_page(con: sqlite3.Connection, pair_id: int) -> PairPage | None:
    found = _rows(
        con,
        "SELECT p.*, c.title, c.kind, c.quality, c.page_url, c.tk_url, c.source_url, c.committee, "
        "c.council_end, m.starts_on, m.ends_on, m.place FROM pairs p "
        "LEFT JOIN consultations c ON c.consultation_id = p.consultation_id "
        "LEFT JOIN meetings m ON m.meeting_id = p.meeting_id WHERE p.id = ?",
        [pair_id],
    )
    if not found:
        return None
    pair = found[0]
    ids = json.loads(pair["refers_to_ids"] or "[]")
    marks = ", ".join("?" for _ in ids)
    refers_to = _rows(
        con, f"SELECT id, fractie, seq, question, answer FROM pairs WHERE id IN ({marks})", ids
    )
    referred_by = _rows(
        con,
        "SELECT p.id, p.fractie, p.seq, p.question FROM pairs p, json_each(p.refers_to_ids) j "
        "WHERE p.consultation_id = ? AND j.value = ? ORDER BY p.seq",
        [pair["consultation_id"], pair_id],
    )
    return PairPage(pair, refers_to, referred_by)


def meeting_page(con: sqlite3.Connection, meeting_id: str) -> MeetingPage | None:
    found = _rows(con, "SELECT * FROM meetings WHERE meeting_id = ?", [meeting_id])
    if not found:
        return None
    return MeetingPage(
        meeting=found[0],
        documents=_rows(
            con,
            "SELECT role, label, date, title, page_url FROM meeting_documents "
            "WHERE meeting_id = ? ORDER BY date, label",
            [meeting_id],
        ),
        consultations=_rows(
            con,
            "SELECT consultation_id, title, kind, quality, quality_reasons, pair_count, page_url "
            "FROM consultations WHERE meeting_id = ? ORDER BY council_date, consultation_id",
            [meeting_id],
        ),
        per_fractie=_rows(
            con,
            "SELECT fractie, count(*) AS pairs FROM pairs WHERE meeting_id = ? "
            "GROUP BY fractie ORDER BY pairs DESC, fractie",
            [meeting_id],
        ),
    )
