"""Council meetings: which listed documents belong to which EU Council meeting (derived data).

`load_council_meetings` rebuilds `council_meetings` and `council_meeting_documents` whole, in
one transaction, from what the warehouse holds: each document's kind, title and date, and for a
parsed consultation its title, subjects and Council dates. The flows call it after every load,
so the tables always follow the documents (and a better rule re-links old documents too).

How a document finds its meeting, most reliable first:
1. a verslag or inbreng citing its agenda ("… (Kamerstuk 32317-967)") or whose first parsed
   "Geannoteerde agenda …" subject names that Kamerstuk joins the meeting of that agenda;
2. otherwise the meeting its title names (parsers.meetings), then the parsed title, then that
   agenda subject's title: one meeting per council and overlapping dates, so "12-13 december
   2024" and "12 en 13 december 2024", or "5 en 7 maart 2025" and "6-7 maart 2025", are one;
3. otherwise the parsed Council dates, when they overlap exactly one meeting.
A meeting's dates are those of its agenda (then verslag, inbreng, debate, report, in that order:
the government's report once printed "5 en 7 maart" for 6–7 March).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from contract.kinds import DocumentKind
from contract.records import (
    KIND_AGENDA,
    KIND_COUNCIL_REPORT,
    KIND_DEBATE,
    KIND_INBRENG,
    KIND_VERSLAG,
)
from contract.soorten import soort_kind
from parsers.meetings import MeetingMention, parse_cited_kamerstukken, parse_meeting_title
from warehouse.bulk import insert_rows
from warehouse.db import transaction

ROLES = ("agenda", "verslag", "inbreng", "debate", "council_report")  # also the priority order
# keyed by the stored spelling (a StrEnum value is that string)
_ROLE_BY_KIND: dict[str, str] = {
    KIND_AGENDA: "agenda",
    KIND_INBRENG: "inbreng",
    KIND_VERSLAG: "verslag",
    KIND_COUNCIL_REPORT: "council_report",
    KIND_DEBATE: "debate",
}


def role_of(kind: str | None, soort: str | None, title: str | None) -> str | None:
    """The part a listed document plays in a meeting, read from flows/sources/classify.py's kind
    strings; None for documents that play none (moties, bijlagen, convocaties, …).

    A kind this table does not know yet is read by its words ("debat", "council"/"raad"); a
    commissiedebat report still classified "other" (an older listing) is known by its Soort.
    """
    k = (kind or "").lower()
    if k in _ROLE_BY_KIND:
        return _ROLE_BY_KIND[k]
    if "debat" in k:
        return "debate"
    if "council" in k or "raad" in k:
        return "council_report"
    decided, t = soort_kind(soort), (title or "").strip().lower()
    if decided == DocumentKind.DEBATE or (
        decided != DocumentKind.OTHER and t.startswith("verslag van een commissiedebat")
    ):
        return "debate"
    return None


@dataclass(frozen=True)
class CouncilDoc:
    """One document with a role, and what it says about its meeting."""

    document_id: str
    role: str
    kamerstuk: str | None  # its own number, "32317-907"
    mentions: tuple[MeetingMention, ...]  # from its title, parsed title, agenda subject
    cited: tuple[str, ...]  # agenda Kamerstukken it names: title first, then parsed subject
    council_span: tuple[date, date] | None  # parsed Council dates


@dataclass
class Meeting:
    council: str
    lo: date  # the union of its documents' dates, for matching
    hi: date
    mentions: list[tuple[int, MeetingMention]] = field(default_factory=list)  # (priority, …)
    documents: list[tuple[str, str]] = field(default_factory=list)  # (document_id, role)

    def add(self, doc: CouncilDoc, mention: MeetingMention | None) -> None:
        self.documents.append((doc.document_id, doc.role))
        if mention is not None:
            self.mentions.append((ROLES.index(doc.role), mention))
            self.lo, self.hi = min(self.lo, mention.starts_on), max(self.hi, mention.ends_on)

    def overlaps(self, starts_on: date, ends_on: date) -> bool:
        return starts_on <= self.hi and ends_on >= self.lo

    def row(self) -> list[Any]:
        """[meeting_id, council, informal, starts_on, ends_on, place]."""
        ordered = [m for _, m in sorted(self.mentions, key=lambda pm: pm[0])]
        first = ordered[0]
        place = next((m.place for m in ordered if m.place), None)
        informal = any(m.informal for m in ordered)
        slug = re.sub(r"[^a-z0-9]+", "-", self.council.lower()).strip("-")
        meeting_id = f"{slug}-{first.starts_on.isoformat()}"
        return [meeting_id, self.council, informal, first.starts_on, first.ends_on, place]


def _by_mention(meetings: list[Meeting], m: MeetingMention) -> Meeting:
    for meeting in meetings:
        if meeting.council == m.council and meeting.overlaps(m.starts_on, m.ends_on):
            return meeting
    meeting = Meeting(m.council, m.starts_on, m.ends_on)
    meetings.append(meeting)
    return meeting


def group_meetings(docs: Sequence[CouncilDoc]) -> list[Meeting]:
    """The meetings the documents name, each document in at most one (pure; see module doc)."""
    meetings: list[Meeting] = []
    of_agenda: dict[str, Meeting] = {}
    pending: list[CouncilDoc] = []
    for doc in sorted(docs, key=lambda d: (ROLES.index(d.role), d.document_id)):
        cited = next((of_agenda[k] for k in doc.cited if k in of_agenda), None)
        mention = doc.mentions[0] if doc.mentions else None
        if doc.role != "agenda" and cited is not None:
            cited.add(doc, mention if mention and mention.council == cited.council else None)
        elif mention is not None:
            meeting = _by_mention(meetings, mention)
            meeting.add(doc, mention)
            if doc.role == "agenda" and doc.kamerstuk:
                of_agenda.setdefault(doc.kamerstuk, meeting)
        elif doc.council_span is not None:
            pending.append(doc)
    for doc in pending:  # Council dates alone only join a meeting they do not make ambiguous
        assert doc.council_span is not None
        found = [m for m in meetings if m.overlaps(*doc.council_span)]
        if len(found) == 1:
            found[0].add(doc, None)
    return meetings


# Every listed document that is not deleted, with its parse where there is one: the parsed title,
# Council dates, and the first "Geannoteerde agenda …" subject (title and Kamerstukken).
_DOCUMENTS_SQL = """
WITH agenda_subject AS (
    SELECT consultation_id, title, kamerstukken,
           row_number() OVER (PARTITION BY consultation_id ORDER BY position) AS n
    FROM consultation_subjects
    WHERE lower(title) LIKE 'geannoteerde agenda%'
)
SELECT d.document_id, d.kind, d.soort, d.title, kamerstuk_number(d.dossier, d.ondernummer),
       d.document_date,
       c.title, c.council_date, c.council_end, s.title, s.kamerstukken
FROM documents d
LEFT JOIN consultations c USING (document_id)
LEFT JOIN agenda_subject s ON s.consultation_id = c.consultation_id AND s.n = 1
WHERE NOT d.deleted
ORDER BY d.document_id
"""


def _council_doc(row: tuple[Any, ...]) -> CouncilDoc | None:
    doc_id, kind, soort, title, kamerstuk, day, c_title, c_start, c_end, s_title, s_ks = row
    role = role_of(kind, soort, title)
    if role is None:
        return None
    near = day if isinstance(day, date) else c_start if isinstance(c_start, date) else None
    mentions = [parse_meeting_title(t, near) for t in (title, c_title, s_title)]
    span = (c_start, c_end or c_start) if isinstance(c_start, date) else None
    return CouncilDoc(
        document_id=str(doc_id),
        role=role,
        kamerstuk=kamerstuk,
        mentions=tuple(m for m in mentions if m is not None),
        cited=(*parse_cited_kamerstukken(title), *(s_ks or ())),
        council_span=span,
    )


def _rows(meetings: Sequence[Meeting]) -> tuple[list[list[Any]], list[list[Any]]]:
    heads: list[list[Any]] = []
    links: list[list[Any]] = []
    taken: set[str] = set()
    for meeting in meetings:
        head = meeting.row()
        while head[0] in taken:  # never seen: overlapping dates make one meeting; kept unique
            head[0] += "+"
        taken.add(head[0])
        heads.append(head)
        links += [[head[0], doc_id, role] for doc_id, role in meeting.documents]
    return heads, links


def load_council_meetings(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild both meeting tables from the warehouse's documents; returns the meetings found."""
    docs = [d for row in con.execute(_DOCUMENTS_SQL).fetchall() if (d := _council_doc(row))]
    heads, links = _rows(group_meetings(docs))
    with transaction(con):
        con.execute("DELETE FROM council_meeting_documents")
        con.execute("DELETE FROM council_meetings")
        insert_rows(con, "council_meetings", heads)
        insert_rows(con, "council_meeting_documents", links)
    return len(heads)


def council_timeline(
    con: duckdb.DuckDBPyConnection, dossier: str | None = None, since: date | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """v_council_timeline rows (columns, rows), optionally only meetings with a document of
    `dossier` (as printed: "32317", "21501-02") or starting on or after `since`."""
    cursor = con.execute(
        "SELECT * FROM v_council_timeline "
        "WHERE (?::VARCHAR IS NULL OR list_contains(dossiers, ?::VARCHAR)) "
        "AND (?::DATE IS NULL OR starts_on >= ?::DATE) ORDER BY starts_on, council",
        [dossier, dossier, since, since],
    )
    columns = [str(d[0]) for d in cursor.description or []]
    return columns, cursor.fetchall()
