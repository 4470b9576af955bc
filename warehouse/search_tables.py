"""The tables of the search index besides the FTS: what `jbz browse` shows, read from DuckDB.

warehouse/search_index.py builds the index; this module holds the DuckDB queries that feed it
and the SQLite view of the page. Texts that belong to a consultation (its title, committee,
links, verdict) live once in `consultations`, not on each of its pairs: the page joins them,
and a pair row stays short (the table view's columns and the index size).
"""

from collections.abc import Iterator, Sequence
from typing import Any

import duckdb

# a pair: `parties` and `refers_to_ids` are JSON arrays (Datasette's array facet reads them:
# a joint block counts under each of its parties); `council` is the Council's name
# ("JBZ-Raad") of the pair's meeting, `year` the year of its first day
# `fractie_ids` (JSON) are the canonical fracties a pair speaks for, `fractie_names` every name,
# abbreviation and alias of them as "|name|name|", lower case (`jbz search --fractie GroenLinks`
# finds the joint block "PvdA en GroenLinks")
PAIRS_SQL = """
WITH names AS (
    SELECT fractie_id, lower(name) AS name FROM fracties
    UNION SELECT fractie_id, lower(abbreviation) FROM fracties
    UNION SELECT unnest(fractie_ids), lower(alias) FROM fractie_aliases
),
pair_names AS (
    SELECT q.consultation_id, q.seq, '|' || string_agg(DISTINCT n.name, '|') || '|' AS names
    FROM (SELECT consultation_id, seq, unnest(fractie_ids) AS fractie_id FROM v_qa) q
    JOIN names n USING (fractie_id)
    GROUP BY q.consultation_id, q.seq
)
SELECT q.consultation_id, q.document_id, q.seq, q.fractie, to_json(q.parties)::VARCHAR,
       q.topic, q.council_date::VARCHAR, year(q.council_date), q.dossier,
       coalesce(q.chamber, d.chamber), to_json(coalesce(q.fractie_ids, []))::VARCHAR,
       coalesce(pn.names, '|' || lower(q.fractie) || '|'),
       md.meeting_id, m.council, q.question, q.answer, q.refers_to, q.refers_to_seqs
FROM v_qa q
LEFT JOIN documents d ON d.document_id = q.document_id
LEFT JOIN pair_names pn ON pn.consultation_id = q.consultation_id AND pn.seq = q.seq
LEFT JOIN council_meeting_documents md ON md.document_id = q.document_id
LEFT JOIN council_meetings m ON m.meeting_id = md.meeting_id
ORDER BY q.council_date, q.consultation_id, q.seq
"""
PAIR_FIELDS = (
    "consultation_id", "document_id", "seq", "fractie", "parties", "topic", "date", "year",
    "dossier", "chamber", "fractie_ids", "fractie_names", "meeting_id", "council", "question",
    "answer", "refers_to",
)  # fmt: skip
# the columns of the pairs table in the order the page shows them
PAGE_ORDER = (
    "fractie", "seq", "date", "topic", "question", "answer", "meeting_id", "council", "dossier",
    "year", "chamber", "fractie_ids", "parties", "refers_to", "refers_to_ids", "consultation_id",
    "document_id", "fractie_names",
)  # fmt: skip
PAIR_TYPES: dict[str, Any] = {"id": int} | {f: str for f in PAGE_ORDER} | {"seq": int, "year": int}

CONSULTATIONS_SQL = """
SELECT c.consultation_id, c.title, c.council_date::VARCHAR, c.council_end::VARCHAR, c.kind,
       k.quality, array_to_string(k.quality_reasons, ', '), c.pair_count, md.meeting_id,
       c.committee, c.addressee, c.dossier, c.ondernummer, c.source, c.parser_version,
       l.page_url, l.tk_url, l.file_url,
       strftime(coalesce(d.first_seen_at, c.parsed_at), '%Y-%m-%dT%H:%M:%SZ')
FROM v_consultations c
JOIN consultations k ON k.consultation_id = c.consultation_id
LEFT JOIN documents d ON d.document_id = c.document_id
LEFT JOIN v_document_links l ON l.document_id = c.document_id
LEFT JOIN council_meeting_documents md ON md.document_id = c.document_id
ORDER BY c.council_date, c.consultation_id
"""
CONSULTATION_FIELDS = (
    "consultation_id", "title", "council_date", "council_end", "kind", "quality",
    "quality_reasons", "pair_count", "meeting_id", "committee", "addressee", "dossier",
    "ondernummer", "source", "parser_version", "page_url", "tk_url", "source_url",
    "first_seen_at",
)  # fmt: skip

MEETINGS_SQL = """
SELECT meeting_id, council, informal::INTEGER, starts_on::VARCHAR, ends_on::VARCHAR, place,
       agenda, agenda_date::VARCHAR, array_to_string(verslagen, ', '),
       answers_date::VARCHAR, council_report, report_date::VARCHAR, pairs,
       array_to_string(fracties, ', '), days_agenda_to_answers
FROM v_council_timeline
ORDER BY starts_on, council
"""
MEETING_FIELDS = (
    "meeting_id", "council", "informal", "starts_on", "ends_on", "place", "agenda",
    "agenda_date", "verslagen", "answers_date", "council_report", "report_date", "pairs",
    "fracties", "days_agenda_to_answers",
)  # fmt: skip
MEETING_TYPES: dict[str, Any] = {f: str for f in MEETING_FIELDS} | {
    "informal": int,
    "pairs": int,
    "days_agenda_to_answers": int,
}

# every document of a meeting once (a Kamerstuk listed by TK and KOOP is one row: the KOOP copy
# wins), with the page to cite it by
MEETING_DOCUMENTS_SQL = """
SELECT meeting_id, role, label, document_date::VARCHAR, title, page_url FROM (
    SELECT l.meeting_id, l.role, d.document_date, d.title, k.page_url,
           coalesce(kamerstuk_number(d.dossier, d.ondernummer), d.document_number,
                    l.document_id) AS label,
           row_number() OVER (PARTITION BY l.meeting_id, label
                              ORDER BY (d.source = 'koop') DESC, l.document_id) AS copy
    FROM council_meeting_documents l
    JOIN documents d ON d.document_id = l.document_id
    LEFT JOIN v_document_links k ON k.document_id = l.document_id
    WHERE NOT d.deleted
) WHERE copy = 1
ORDER BY meeting_id, document_date, label
"""
MEETING_DOCUMENT_FIELDS = ("meeting_id", "role", "label", "date", "title", "page_url")

# The page's view of the pairs. `rank` is the pair's place in the page's order: with a search,
# the ranking of `jbz search` (1 = best), else the newest Council first; the function jbz_rank
# that `jbz browse` registers gives it per request (flows/browse_search.py). A view, because
# Datasette sorts a table page by a column only.
PAGE_VIEW = f"""
CREATE VIEW qa AS
SELECT id AS pair, jbz_rank(id) AS rank, {", ".join(PAGE_ORDER)}
FROM pairs
"""


def records(
    con: duckdb.DuckDBPyConnection, sql: str, fields: Sequence[str]
) -> list[dict[str, Any]]:
    return [dict(zip(fields, r, strict=True)) for r in con.execute(sql).fetchall()]


def pair_batches(con: duckdb.DuckDBPyConnection, size: int) -> Iterator[list[dict[str, Any]]]:
    """The pairs in index order with their row id, `refers_to_ids` resolved to the ids of the
    pairs referred to (the same consultation, an earlier pair: the parser resolves to those)."""
    cursor = con.execute(PAIRS_SQL)
    n, current = 0, None
    ids: dict[int, int] = {}
    while batch := cursor.fetchmany(size):
        rows = []
        for values in batch:
            n += 1
            row = dict(zip(PAIR_FIELDS, values[:-1], strict=True))
            if row["consultation_id"] != current:
                current, ids = row["consultation_id"], {}
            ids[row["seq"]] = n
            refs = [ids[s] for s in values[-1] or [] if s in ids]
            rows.append({"id": n, **row, "refers_to_ids": str(refs) if refs else None})
        yield rows
